"""A course length as trainers write it, read into a duration the spec accepts.

Pure: text in, a ``Length`` out. Each form below is a convention seen on course pages;
the spec gets a text ``parse_duration`` reads (the page's own words when it can), and
anything the spec cannot hold (a second variant, the page's original wording) is kept for
the spec's notes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..duration import DurationError, normalise, parse_duration
from ..minutes import format_minutes
from ..numerals import ENGLISH, from_chinese
from .traditional import fold

_N = r"(\d+(?:\.\d+)?|半|[一二两三四五六七八九十]+)"
# a number read from its first digit only: a search that may start inside a run of digits
# retries at every one of them (a 200,000-digit line took minutes)
_AT = r"(?<![\d.一二两三四五六七八九十])"

# A page in traditional characters (Taiwan, Hong Kong) writes the same length words:
# 總學時 48 · 合計 3小時 · 每週 2 學時 · 兩天訓練營. The length rules read them folded to
# the simplified forms (traditional.fold: one character for one, so a match's place is
# the same).


# 1天,6小时/天 · 2天，7小时/天 · 1天(6小时) · 2天 6h/天 · 1天,6小时  (days, then hours)
_DAYS_HOURS = re.compile(
    rf"{_AT}{_N}\s*[天日]\s*[,，、(（\s]\s*{_N}\s*(?:个)?(?:小时|h|H)\s*(/\s*[天日]|每天)?\s*[)）]?"
)
_DATE = re.compile(
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}[:：]\d{2}\s*(?:[-–—~～至到]\s*\d{1,2}[:：]\d{2})?"
)
_HOURS_DAYS = re.compile(
    rf"(?:每天\s*)?{_AT}{_N}\s*(?:个)?(?:小时|h|H)\s*(?:/\s*[天日]|每[天日])?\s*[,，、;；\s]\s*(?:共|计|共计)\s*{_N}\s*[天日]"
)
_TIMES = re.compile(
    rf"{_AT}{_N}\s*(?:[x×*]|(?:次|节|场|sessions?|classes|lectures|meetings|evenings|mornings|afternoons|"
    rf"workshops|modules)\s*[,，]?\s*(?:每次|每节|每场|of)?)\s*{_N}\s*"
    r"((?:个)?(?:小时|分钟|h|hours?|hrs?|min(?:utes)?))",
    re.I,
)
# 6课时 · 约 16 学时: a teaching period, read as one hour (the corporate-training usage)
_PERIODS = re.compile(rf"{_AT}(\d+(?:\.\d+)?)\s*(?:个)?(?:课时|学时)")
# 3-5天 · 2~3天 · 1-2小时: a range is no length
_RANGE = re.compile(rf"{_AT}{_N}\s*[-~～至到]\s*{_N}\s*(?:个)?(?:天|日|小时|h|分钟|min)", re.I)
# one duration anywhere in a text: 2h · 1.5小时 · 40分钟 · 半天 · 2 days
_ONE = re.compile(
    rf"{_AT}{_N}\s*(?:个半)?\s*(?:个)?(?:小时|钟头|h(?:ours?|rs?)?|分钟|min(?:utes?)?|天|日|days?)(?![a-z])",
    re.I,
)
_FILLER = re.compile(r"^(?:约|大约|共计?|合计|总计|全程|建议时长|时长|时间)\s*[:：]?\s*")
_VARIANTS = re.compile(r"[；;]|\s/\s|或者?")


@dataclass
class Length:
    minutes: int | None = None
    text: str | None = None  # for the spec's duration: key
    found: bool = False  # the page states it (as opposed to: summed or missing)
    notes: list[str] = field(default_factory=list)  # for the spec's notes
    rule: str = ""


def _num(s: str) -> str:
    if s == "半":
        return "0.5"
    value = from_chinese(s)
    return s if value is None else str(value)


def _parses(text: str) -> int | None:
    try:
        return parse_duration(text).minutes
    except DurationError:
        return None


# 1学时=45分钟 · 每课时45分钟 · 1课时为40分钟: the page's own period
PERIOD_SIZE = re.compile(
    r"(?:1\s*|一\s*|每\s*)?(?:个)?(?:学时|课时)\s*(?:=|＝|为|是|按|:|：)?\s*(\d+)\s*(?:分钟|min)"
)


def period_minutes(text: str) -> int | None:
    """The minutes of one 学时/课时 when the page states them (``1学时=45分钟``)."""
    m = PERIOD_SIZE.search(fold(unicodedata.normalize("NFKC", text)))
    return int(m.group(1)) if m and 20 <= int(m.group(1)) <= 120 else None


# English lengths in prose: a half-day / all-day / full-day workshop · contact time: 12
# hours · a 2-day workshop · 3 hours of training · three days
_EN_NUM = ENGLISH  # one, two … twelve (the words _EN_N reads)
_EN_N = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_EN_PROSE: list[tuple[str, re.Pattern[str]]] = [
    (
        "N-day (M hours)",  # a 1 day workshop (8 hours): the hours say the day's length
        re.compile(
            rf"\b{_EN_N}[-\s]days?\b[^()\n]{{0,30}}\(\s*{_EN_N}\s*(?:hours?|hrs?|h)\s*\)", re.I
        ),
    ),
    (  # 35 hours (5 days): the hours are the length, the days how they are spread
        "M hours (N days)",
        re.compile(rf"\b{_EN_N}\s*(?:hours?|hrs?)\s*\(\s*(?:over\s+)?{_EN_N}[-\s]days?\s*\)", re.I),
    ),
    (
        "contact time",
        re.compile(
            rf"contact\s+(?:time|hours)\s*(?:is|of|[:：])?\s*{_EN_N}\s*(?:hours?|hrs?|h)\b", re.I
        ),
    ),
    # five half-day sessions · 2 x half days · three half-days: the half days counted
    (
        "N half-days",
        re.compile(rf"\b{_EN_N}\s*(?:x|×|\*)?\s*half[-\s]days?\b(?!\s*(?:a|per|each)\b)", re.I),
    ),
    ("half day", re.compile(r"\bhalf[-\s]day\b|\bhalf a day\b", re.I)),
    ("whole day", re.compile(r"\b(?:all|full|whole|one)[-\s]day\b", re.I)),
    ("N-day", re.compile(rf"\b{_EN_N}[-\s](?:day|days)\b(?![-\s]*(?:a|per)\b)", re.I)),
    (  # ten 2-hour sessions · six 90-minute classes: the sessions times their length
        "N M-hour sessions",
        re.compile(
            rf"\b{_EN_N}\s+{_EN_N}[-\s](hour|minute)s?\s+(?:sessions|classes|lectures|workshops|"
            r"meetings|modules|seminars|webinars)\b(?![^.\n]{0,20}\b(?:per|a|each|every)\s+(?:week|day|month)\b)",
            re.I,
        ),
    ),
    (  # 10 sessions of 90 minutes · six classes of 2 hours: the sessions times their length
        "N sessions of M",
        re.compile(
            rf"\b{_EN_N}\s+(?:sessions|classes|lectures|workshops|meetings|modules|seminars|"
            rf"webinars|evenings|mornings|afternoons)\s+of\s+{_EN_N}\s*(hour|hr|minute|min)s?\b",
            re.I,
        ),
    ),
    (  # 4 evenings, 3 hours each · six mornings, 2 hours each
        "N sessions of M",
        re.compile(
            rf"\b{_EN_N}\s+(?:sessions|classes|lectures|workshops|meetings|modules|seminars|"
            rf"webinars|evenings|mornings|afternoons|days)\s*,?\s*{_EN_N}\s*(hour|hr|minute|min)s?"
            r"\s+(?:each|apiece)\b",
            re.I,
        ),
    ),
    (
        "N x M-hour",
        re.compile(
            rf"\b{_EN_N}\s*(?:x|×|\*)\s*{_EN_N}[-\s]?(hours?|hrs?|h|minutes?|mins?)\b", re.I
        ),
    ),
    # over 3 consecutive days · for two full days: the days, a word between
    (
        "N-day",
        re.compile(rf"\b{_EN_N}\s+(?:consecutive|full|whole|working|intensive)\s+days\b", re.I),
    ),
    ("N-hour", re.compile(rf"\b{_EN_N}[-\s](?:hours?|hrs?)\b(?![-\s]*(?:a|per)\b)", re.I)),
    # a 90-minute webinar (a course's word after it: a 15-minute break is no length)
    (
        "N-minute",
        re.compile(
            rf"\b{_EN_N}[-\s](?:minutes?|mins?)\s+(?:[\w-]+\s+){{0,2}}?"
            r"(?:workshop|course|webinar|class|training|seminar|tutorial|masterclass|session)\b",
            re.I,
        ),
    ),
]


# Advice about courses of a length, not this course's length: a page that tells its
# reader how to teach or attend one ("Tips for Teaching a Half-Day Workshop", "if you've
# attended a half-day session", "for a two-day course you may want to…")
_ADVICE = re.compile(
    r"\b(?:tips?|if you|you(?:'|’)(?:ve|d)|you\s+(?:may|might|should|could|need))\b",
    re.I,
)
_OWN = re.compile(r"\b(?:this|our)\s+(?:[\w-]+\s+){0,2}$", re.I)


# "three 1-hour sessions per week" · "2 hours a week": a week's rate, not the course's length
_WEEKLY_AFTER = re.compile(
    r"[^.\n]{0,30}?\b(?:(?:per|a|each|every)\s+(?:week|month)\b|weekly\b)", re.I
)


def _about_any_course(text: str, at: int) -> bool:
    """A length in a sentence (or heading) that advises its reader as the one who teaches
    or attends a course of that length ("tips", "if you", "you may"), unless it
    names its own course ("in this 2-day course, if you…")."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".!?\n") if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    return bool(_ADVICE.search(sentence)) and not _OWN.search(text[start:at])


_RANGE_BEFORE = re.compile(rf"(?:\d+(?:\.\d+)?|{_EN_N})\s*(?:-|–|—|~|to|or)\s*$", re.I)


# a day's word with its hours in brackets after it: '(3.5 hours)' says how long it is
_BRACKET_HOURS = re.compile(
    r"[^()\n]{0,25}?[(（]\s*(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\s*[)）]", re.I
)


_LIST_ITEM = re.compile(r"\s*(?:[-*+•·●○◦▪■]|\d{1,2}[.)])\s+\S")


def _an_items_tag(text: str, start: int, end: int) -> bool:
    """A length in brackets after a list item's name ('• Introduction to R (Full Day):
    …', the bracket wrapped onto the next line too): that item's length, one part of
    the event, not the course's."""
    line_start = text.rfind("\n", 0, start) + 1
    if (
        text[line_start:start].strip() in ("(", "（") and line_start > 0
    ):  # wrapped onto its own line
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before, after = text[line_start:start], text[end : line_end if line_end >= 0 else len(text)]
    opened = max(before.rfind("("), before.rfind("（"))
    return (
        bool(_LIST_ITEM.match(line))
        and opened > 0
        and not re.search(r"[)）]", before[opened:])
        and bool(re.match(r"[^()（）]{0,20}[)）]", after))
    )


def english_length(text: str) -> Length:
    """A length an English page states in prose, only when it states one (two different
    ones are no length)."""
    found: dict[str, str] = {}
    ranges: list[str] = []
    for rule, pattern in _EN_PROSE:
        for m in pattern.finditer(text[:20000]):
            if _about_any_course(text, m.start()) or _WEEKLY_AFTER.match(text, m.end()):
                continue  # advice about courses of a length; a week's hours (no length)
            if _an_items_tag(text, m.start(), m.end()):
                continue  # • Working with Spatial Data (Half Day): one workshop's length
            before = _RANGE_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if before is not None:  # (2-3 days) · two to three hours: a range, no length
                ranges.append(text[before.start() : m.end()].strip())
                continue
            hours = _BRACKET_HOURS.match(text, m.end(), min(len(text), m.end() + 40))
            if rule in ("half day", "whole day") and hours:  # Half-day workshop (3.5 hours)
                value = f"{hours.group(1)}小时"
            elif rule == "half day":
                value = "半天"
            elif rule == "whole day":
                value = "1天"
            elif rule == "N x M-hour":  # 3 x 2-hour sessions: six hours
                a, b = (str(_EN_NUM.get(g.lower(), g)) for g in m.group(1, 2))
                unit = "分钟" if m.group(3).lower().startswith("m") else "小时"
                value = f"{float(a) * float(b):g}{unit}"
            elif rule in ("N M-hour sessions", "N sessions of M"):
                count, each = (float(_EN_NUM.get(g.lower(), g)) for g in m.group(1, 2))
                unit = "小时" if m.group(3).lower() in ("hour", "hr") else "分钟"
                value = f"{count * each:g}{unit}"
            elif rule == "N half-days":
                n = str(_EN_NUM.get(m.group(1).lower(), m.group(1)))
                value = f"{float(n) / 2:g}天"
            elif rule == "N-minute":
                n = str(_EN_NUM.get(m.group(1).lower(), m.group(1)))
                value = f"{n}分钟"
            elif rule == "M hours (N days)":
                raw = m.group(1).lower()
                value = f"{_EN_NUM.get(raw, raw)}小时"
            elif rule == "N-day (M hours)":
                raw = m.group(2).lower()
                value = f"{_EN_NUM.get(raw, raw)}小时"
            else:
                raw = m.group(1).lower()
                n = str(_EN_NUM.get(raw, raw))
                value = f"{n}天" if rule == "N-day" else f"{n}小时"
            found.setdefault(value, m.group(0))
        if found:
            break  # the first rule that reads: contact time before a day's word
    if not found and ranges:
        return Length(
            notes=[f"TODO: 课程时长写的是范围（{ranges[0]}），请定一个时长"],
            rule="a range",
            text=ranges[0],
        )
    if len(found) != 1:
        return Length()
    value, said = next(iter(found.items()))
    got = _parses(value)
    if got is None:
        return Length()
    english = {"半天": "0.5 day", "1天": "1 day"}.get(
        value, value.replace("天", " days").replace("小时", "h").replace("分钟", " min")
    )
    return Length(got, english, True, [], f"English prose: {said!r}")


# 合计 / 总计 / 共计 / Total, then a number with its unit or under a 学时 column
TOTAL_ROW = re.compile(
    r"^(?:.*?(?:总学时|总课时|总时长|总计划学时)\s*)?\s*(?:\|\s*)*(?:合\s*计|总\s*计|共\s*计|小计|total)\s*[|:：\s]\s*(?:\|\s*)*(?P<n>\d+(?:\.\d+)?)\s*(?P<u>学时|课时|小时|h|hours?|分钟|min|天)?",
    re.I,
)


# 4 evenings, 3 hours each · six mornings of 3 hours each · 6次课，每次2小时
_EACH = re.compile(
    rf"{_AT}(?P<n>\d+|{_EN_N}|[一二两三四五六七八九十]+)\s*(?:evenings?|mornings?|afternoons?|sessions?|"
    r"classes|meetings|lessons|workshops|days?|次课?|场|节课?)\s*[,，、]?\s*(?:of\s+|每次\s*|每场\s*|每节\s*)?"
    rf"(?P<m>\d+(?:\.\d+)?|{_EN_N}|半)\s*(?P<u>(?:个)?(?:小时|分钟)|hours?|hrs?|minutes?|mins?)"
    r"(?:\s+(?:each|apiece)\b|(?<=小时)|(?<=分钟))",
    re.I,
)


# a calendar date (2025年3月15日 · 3月15日 · 2025-03-15 · 3/15/2025): a course's dates
_DATES = re.compile(
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"(?:\s*[-–—~～至到]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])?"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*[-–—~～至到]\s*(?:\d{4}[-/.])?\d{1,2}[-/.]\d{1,2})?"
    r"|\d{4}\s*年"
)


def read_length(text: str, period: int | None = None) -> Length:
    """The length a course page states, or why there is none (``period``: the minutes of
    one 学时 when the page states them)."""
    if period is not None and period != 60:
        m = _PERIODS.search(fold(unicodedata.normalize("NFKC", text)))
        if m:
            total = round(float(m.group(1)) * period)
            spec_text = format_minutes(total, "zh")
            return Length(
                total,
                spec_text,
                True,
                [f"课程时长原文：{' '.join(text.split())}（1 学时 = {period} 分钟）"],
                "periods of the page's size",
            )
    raw = " ".join(text.split())
    s = unicodedata.normalize("NFKC", raw).strip(" -·•:")
    if _DATES.search(s):  # 2025年3月15日-16日: when, not how long; '共2天' after it is the length
        undated = _DATES.sub(" ", s).strip(" ,，;；、()（）")
        if not re.search(r"天|days?|小时|hours?|学时|课时|h\b", undated, re.I):
            return Length(notes=[f"课程时间原文：{raw}"])
        s = undated
    as_written = _FILLER.sub("", s)
    if as_written and _parses(as_written) is not None and fold(as_written) != as_written:
        # 3學時 · 2小時: the spec keeps the trainer's characters (validate reads both)
        return Length(_parses(as_written), as_written, True, [], "a duration as the spec writes it")
    s = _FILLER.sub("", fold(s))
    s = re.sub(
        rf"{_AT}(\d+|[一二两三四五六七八九十]+)\s*天半", lambda m: f"{_num(m.group(1))}.5天", s
    )  # 一天半
    if not s:
        return Length()
    spans = day_spans(s)  # 9:30 am - noon and 1:30 - 4 pm: the day's teaching, lunch out
    if spans is not None:
        text = format_minutes(spans, "en" if re.search(r"[a-z]", s) else "zh")
        return Length(spans, text, True, [f"课程时间原文：{raw}"], "the day's clock spans")
    s = _DATE.sub(" ", s).strip(" ,，;；")  # 2025年3月8日 · 2025-03-08: when, not how long
    if not s:
        return Length(notes=[f"课程时间：{raw}"], rule="a date, no length")
    whole = _parses(s)
    if whole is not None:  # the spec's own forms: 1天(6小时) · 3小时 · 0.5天 · 2 days (6h/day)
        said = [] if "天半" not in raw else [f"课程时长原文：{raw}"]  # 一天半: 1.5天
        return Length(whole, s, True, said, "a duration as the spec writes it")
    parts = [p for p in _VARIANTS.split(s) if _ONE.search(p) or _PERIODS.search(p)]
    if len(parts) >= 2:  # 完整版约 49h；紧凑版约 30h: two variants of one course
        first = read_length(parts[0])
        if first.minutes is not None:
            rest = "；".join(p.strip() for p in parts[1:])
            first.notes.append(f"TODO: 另一版本（spec 尚无 variants）：{rest}")
            first.rule = "two variants: the first is the length, the others go to notes"
            return first
    if _RANGE.search(s) and not _DAYS_HOURS.search(s):
        return Length(
            notes=[f"TODO: 课程时长写的是范围（{raw}），请定一个时长"], rule="a range", text=raw
        )
    if "+" in s:  # （2h 理论 + 2h 实验）: a sum of its parts
        pieces = [_ONE.search(p) for p in s.split("+")]
        if all(pieces):
            minutes = [
                _parses(_num(m.group(1)) + m.group(0)[len(m.group(1)) :]) for m in pieces if m
            ]
            if all(v is not None for v in minutes):
                total = sum(v for v in minutes if v is not None)
                text = format_minutes(total, "zh")
                return Length(total, text, True, [f"课程时长原文：{raw}"], "a sum")
    m = _HOURS_DAYS.search(s)  # 3小时/天，共2天 · 每天6小时，共2天: hours a day, then days
    if m:
        spec_text = f"{_num(m.group(2))}天({_num(m.group(1))}小时/天)"
        value = _parses(spec_text)
        if value is not None:
            return Length(
                value, spec_text, True, [f"课程时长原文：{raw}"], "hours a day, then days"
            )
    m = _EACH.search(s)  # 4 evenings, 3 hours each · 6次课，每次2小时: the meetings times each
    if m:
        each = _parses(_num(m.group("m")) + m.group("u"))
        count = _EN_NUM.get(m.group("n").lower()) or float(_num(m.group("n")))
        if each is not None:
            total = round(float(count) * each)
            text = format_minutes(total, "en" if m.group("u")[:1].isascii() else "zh")
            return Length(total, text, True, [f"课程时长原文：{raw}"], "meetings times each")
    m = _TIMES.search(s)  # 3 × 2小时 · 4次，每次3小时 · 3 x 2 hours: sessions times their length
    if m:
        each = _parses(_num(m.group(2)) + m.group(3))
        if each is not None:
            total = round(float(_num(m.group(1))) * each)
            text = format_minutes(total, "en" if m.group(3)[:1].isascii() else "zh")
            return Length(
                total, text, True, [f"课程时长原文：{raw}"], "sessions times their length"
            )
    m = _DAYS_HOURS.search(s)
    if m:
        days, hours, per_day = _num(m.group(1)), _num(m.group(2)), m.group(3)
        spec_text = f"{days}天({hours}小时/天)" if per_day else f"{days}天({hours}小时)"
        value = _parses(spec_text)
        if value is not None:
            notes = [] if spec_text == s else [f"课程时长原文：{raw}"]
            return Length(value, spec_text, True, notes, "days and hours a day")
    weekly = _weekly(s, raw)
    if weekly is not None:
        return weekly
    m = _PERIODS.search(s)
    if m:
        spec_text = f"{m.group(1)}小时"
        value = _parses(spec_text)
        if value is not None:
            return Length(
                value,
                spec_text,
                True,
                [f"课程时长原文：{raw}（按 1 课时 = 1 小时读）"],
                "periods",
            )
    m = _ONE.search(s)
    if m:
        unit = m.group(0)[len(m.group(1)) :].strip()
        spec_text = _num(m.group(1)) + (" " if unit[:1].isascii() and len(unit) > 1 else "") + unit
        value = _parses(spec_text)
        if value is not None:
            notes = [] if spec_text == s else [f"课程时长原文：{raw}"]
            return Length(value, spec_text, True, notes, "a duration inside a phrase")
    if raw.isascii():  # Length: 3 x 2-hour sessions · 2 half-days: as English prose says it
        prose = english_length(raw)
        if prose.minutes is not None:
            prose.notes.append(f"课程时长原文：{raw}")
            return prose
    over = over_limit(s)
    if over is not None:  # 80天: stated, longer than any course the spec holds
        return Length(text=over, found=True, rule=OVER_LIMIT)
    return Length(notes=[f"TODO: 课程时长未能读出：{raw}"], rule="unreadable")


OVER_LIMIT = "a stated length over the limit"


def over_limit(text: str) -> str | None:
    """The length a text states when it is longer than a course can be (80天 · 2000 hours:
    past the spec's limit): said as written, for the TODO that says so; else None."""
    for pattern in (_PERIODS, _ONE):
        m = pattern.search(text)
        if m is None:
            continue
        said = " ".join(m.group(0).split())
        probe = re.sub(r"(?:个)?(?:学时|课时)$", "小时", said)
        try:
            parse_duration(probe)
        except DurationError as error:
            if error.code == "duration-limit":
                return said
    return None


# 每周2学时，共16周 · 共16周，每周4学时 · 2 hours per week for 10 weeks · 10 weeks, 3 hrs/week:
# a week's hours and the weeks they run, the course's length their product
_HOURS_UNIT = r"(?:个)?(?:学时|课时|小时|h|hours?|hrs?)(?![a-z])"
_A_WEEK = re.compile(
    rf"(?:每周|每星期)\s*(?:约|共)?\s*(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>{_HOURS_UNIT})"
    rf"|(?<![\d.])(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>{_HOURS_UNIT})\s*(?:/\s*(?:周|week|wk)\b|(?:per|a|each)\s+week\b|每周)",
    re.I,
)
_WEEKS = re.compile(
    rf"{_AT}(?P<n>\d+|[一二两三四五六七八九十]+|{_EN_N})\s*(?:个)?(?:周|星期|weeks?)(?![a-z])",
    re.I,
)
# 16周×2学时 · 12 weeks x 3 hours: the weeks times a week's hours, written as a product
_WEEKS_TIMES = re.compile(
    rf"(?<![\d.])(?P<n>\d+)\s*(?:个)?(?:周|星期|weeks?)\s*[×x*]\s*(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>{_HOURS_UNIT})",
    re.I,
)


def _weekly(s: str, raw: str) -> Length | None:
    """A week's hours times the weeks: the course's length (its words kept in notes).
    A week's hours with no weeks said is no length of the course: a TODO."""
    product = _WEEKS_TIMES.search(s)
    rate = product or _A_WEEK.search(s)
    if rate is None:
        return None
    hours, unit = (
        (rate.group("a"), rate.group("ua"))
        if not product and rate.group("a")
        else rate.group("b", "ub")
    )
    rest = s[: rate.start()] + " " + s[rate.end() :]
    total_said = re.search(
        rf"(?:共计|合计|总计|共|total|in all)\s*[:：]?\s*(?:约\s*)?\d+(?:\.\d+)?\s*{_HOURS_UNIT}",
        rest,
        re.I,
    )
    if total_said:  # 每周 2 学时（共 32 学时）: the total said beside the rate
        said = read_length(re.sub(r"^\D*", "", total_said.group(0)))
        if said.minutes is not None:
            said.notes, said.rule = [f"课程时长原文：{raw}"], "the total beside a week's hours"
            return said
    weeks = [rate] if product else list(_WEEKS.finditer(rest))
    if len(weeks) != 1:
        return Length(
            notes=[f"TODO: 课程时长写的是每周的时长（{raw}），请写总时长"], rule="a week's hours"
        )
    count = weeks[0].group("n").lower()
    total = float(hours) * float(_EN_NUM.get(count) or _num(count))
    unit = unit.lstrip("个")
    periods = unit in ("学时", "课时")
    spec_text = (
        f"{total:g}{unit}" if periods else f"{total:g}{'小时' if unit == '小时' else ' hours'}"
    )
    value = round(total * 60) if periods else _parses(spec_text)
    if value is None:
        return None
    return Length(
        value, spec_text, True, [f"课程时长原文：{raw}"], "a week's hours times the weeks"
    )


_IN_ENGLISH = {"小时": "hours", "天": "days", "分钟": "min"}


def in_english(text: str) -> str:
    """A length a form's bare number took a Chinese unit for (Contact hours | 30 -> 30小时),
    in an English course's words (30 hours); any other text as it is."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(小时|天|分钟)", text)
    if m is None:
        return text
    unit = _IN_ENGLISH[m.group(2)]
    if m.group(1) in ("1", "1.0") and unit != "min":
        unit = unit.rstrip("s")
    return f"{m.group(1)} {unit}"


def parts_lengths(lines: list[str]) -> bool:
    """A length label's text that lists its parts, a length on each of three lines or more
    (a 教学大纲's table of experiments, each 必做2学时 · a list of modules, each 90 min): the
    parts' lengths, none of them the course's."""
    timed = [line for line in lines[:200] if _ONE.search(line) or _PERIODS.search(fold(line))]
    return len(timed) >= 3


def day_from_timetable(said: str, taught: int, language: str, day_blocks: int = 0) -> str | None:
    """'One day' over a timetable that teaches 6h30: ``1 day (6h30)``, the published days
    kept and the day's hours the timetable's own (nothing invented: both are the page's).
    None unless the length is days at the default day (no hours said), the timetable
    teaches about that (4 to 10 hours for a 6-hour day) and, over more than one day,
    publishes every day (``day_blocks``: the days the outline holds)."""
    try:
        length = parse_duration(said)
    except DurationError:
        return None
    if length.days is None or "(" in normalise(said) or length.minutes == taught:
        return None
    if not 0.65 <= taught / length.minutes <= 1.7:
        return None  # a sample day of a longer course, or a timetable of a few sessions
    if length.days > 1 and day_blocks != length.days:
        return None  # 2天 over one day's timetable: the other day is not published
    hours = format_minutes(taught, language)
    return f"{said}({hours})" if language == "zh" else f"{said} ({hours})"


# A course-level length label anywhere in the text, even inside a run-on line (a PDF's
# header block flattened to one line): 课程学时:32学时 · 总学时  32学时 · 培训时长：2天
_ZH_LABELLED = re.compile(
    r"(?:课程总学时|课程学时|课程课时|总学时|总课时|课程时长|培训时长|授课时长|总时长)"
    r"\s*[:：]?\s*(?:共计|合计|总计|共|约|计)?\s*(?P<v>\d+(?:\.\d+)?\s*(?:学时|课时|小时|天|h|H)(?![a-zA-Z]))"
)
# The course's length in a Chinese page's prose: 本课程共16学时 · 本次培训为期两天 · 为期3天的
# 训练营 · 课程共计12课时 · 全程共 24 学时 (the course, or 全程, then 共/为期/历时 and a
# length; never weeks, a calendar span)
_ZH_PROSE = re.compile(
    r"(?:(?:本|该|此|整个)?(?:课程|培训|训练营|工作坊|研修班?|集训)|全程)\s*(?:共计|合计|总计|共|为期|历时|时长为?|时间为|约)"
    rf"\s*(?:约)?\s*(?P<v>{_N}\s*(?:个)?(?:学时|课时|小时|天|日)(?![a-zA-Z]))"
    rf"|为期\s*(?:约)?\s*(?P<w>{_N}\s*(?:个)?(?:学时|课时|小时|天|日))"
    # 累计学习时长310小时 · 累计授课48学时: the time the course adds up to, said as a total
    rf"|累计(?:学习|培训|授课|教学|上课)?(?:时长|时间)?\s*(?:共|约|达|为)?\s*"
    rf"(?P<x>{_AT}\d+(?:\.\d+)?\s*(?:个)?(?:学时|课时|小时|天)(?![a-zA-Z]))"
)


# 共计12个学时 · 合计3天 · 两天一夜 · 2天1晚: a total said bare in the page's prose, or a
# residential course's days and nights (the days are the length), said once
_ZH_BARE_TOTAL = re.compile(
    rf"(?:^|(?<=[，。；;,、\s：:（(]))(?:共计|合计|总计)\s*(?:约\s*)?(?P<v>{_N}\s*(?:个)?(?:学时|课时|天))"
    rf"|{_AT}(?P<d>{_N}\s*天)\s*(?:[一二两三四五六七八九十]|\d{{1,2}})\s*[晚夜]",
    re.M,
)


# A label that names its unit, then a bare number: 总学时：48 · | 课程学时 | 32 | · 学时数 64
# (a 教学大纲's form) · Contact hours: 40 · Total hours | 24. Not a part's hours (理论学时,
# 实验学时, 自学学时) and not a number with another unit (学分 3, 16周).
# A bilingual form glosses its label in brackets (总学时(Credit Hours): 72 · 学时（Hours）：48);
# a PDF's form runs its fields together, the value onto its label (二、学分4三、学时64四、授课
# 语言): a 学时 label right after a field's number or a space takes the number it touches
# (never 课时1：…, a lesson's heading, nor 周学时, a week's)
_BARE_PERIODS = re.compile(
    r"(?<![论验践机授学习导周])(?P<l>课程总学时|课程学时|总学时|学时数|学时|课程课时|总课时|课时数|课时)"
    r"(?:\s*[(（][A-Za-z][A-Za-z ()'/.-]{0,30}[)）])?"
    r"(?:[ \t]*[:：|][ \t]*|[ \t]+)(?:共|约)?[ \t]*(?P<n>\d+(?:\.\d+)?)(?![\d.学课]|[ \t]*(?:学时|课时|[小分天周章节个%hH]|min))"
    # the value alone on the next line (课程学时 / 48), not a list's number (1 建表实验)
    r"|(?<![论验践机授学习导周])(?P<l2>课程总学时|课程学时|总学时|学时数|学时|课程课时|总课时|课时数|课时)"
    r"[ \t]*[:：|]?[ \t]*\n\s*(?P<n2>\d+(?:\.\d+)?)[ \t]*(?:学时|课时)?[ \t]*$"
    r"|(?:^|(?<=[、)）\s]))(?P<m>课程总学时|课程学时|总学时|学时)(?P<k>\d+(?:\.\d+)?)"
    r"(?![\d.]|[ \t]*(?:[学课小分天周章节个%hH:：]|min))",
    re.M,
)
# (a line of its own, or one of a form's fields set side by side: Credits: 3    Contact
# hours: 45 · | Credits | 3 | Contact hours | 45 |)
_BARE_HOURS = re.compile(
    r"(?:^[\s\-–•·*>|]*|\s{2,}|\t|\|\s*)(?:\*\*|__)?(?:total\s+(?:contact\s+|teaching\s+)?|"
    r"(?:contact|teaching|course|class|training)\s+)hours(?:\*\*|__)?\s*[:：|]\s*(?:\*\*|__)?(?P<n>\d+(?:\.\d+)?)(?:\*\*|__)?"
    r"(?=\s{2,}|\t|\s*\||\s*$)",
    re.I | re.M,
)
# Any label that ends in a length's word, a qualifier or two before it (建议课时：2天 ·
# 标准课时：1天（6H） · 课程天数：2天 · 培训周期：2天 · 学习时长：30小时 · 课时安排：1天 ·
# 时间：2天), its value a length from its first character: the course's when the page
# says it once (one under each module is the modules'). Not a part's or a rate's label
# (理论学时, 每周学时, 单次时长), nor a date's (报名时间, 截止时间).
_ANY_LENGTH_LABEL = re.compile(
    r"(?:^|(?<=[\s【\[|｜]))(?P<l>[\u4e00-\u9fff]{0,4}?(?:时长|课时|学时|天数|周期|时数|时间)(?:安排|设置|长度)?)"
    r"(?:[】\]]\s*[:：]?|\s*[:：])\s*(?:共计|合计|总计|共|约|计)?\s*"
    rf"(?P<v>{_AT}(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:个)?(?:学时|课时|小时|天|日|h|H)"
    r"(?![a-zA-Z])(?:\s*[（(]\s*\d+(?:\.\d+)?\s*(?:个)?(?:小时|h|H)(?:\s*/\s*天)?\s*[)）])?)",
    re.M,
)
_NOT_THE_COURSE_S = re.compile(
    r"理论|实验|实践|上机|自学|课外|课内|讨论|习题|每|单次|单节|周学|报名|截止|发布|更新|开始|结束|休息|午餐|午休|"
    r"茶歇|考试"
)

# an English length label on its own line, behind a bullet or in bold: - Length: 5 days
_EN_LABELLED = re.compile(
    r"^[\s\-–•·*>]*(?:\*\*|__)?(?:(?:course|workshop|training|program(?:me)?|total)\s+)?(?:length|duration)"
    r"(?:\*\*|__)?\s*[:：]\s*"
    r"(?:\*\*|__)?(?P<v>[^*_\n]{1,40}?)(?:\*\*|__)?\s*$",
    re.I | re.M,
)


# the day's hours under a time label, anywhere: Time: 9:30 am - noon and 1:30 - 4 pm
_TIME_LABELLED = re.compile(
    r"(?:\b(?i:time|hours)|上课时间|培训时间|授课时间)\s*[:：]\s*(?P<v>[^\n]{5,60})"
)


# A total the page states for the course, as a line's label or in a sentence, with its
# unit: "Total: 70 minutes (1 hour, 10 minutes)" · 总计1h · 合计：32学时 · "a total of 12
# hours" · "18 hours in total". A 小计 (subtotal) is a part's, and a total the page states
# more than once (one a day, one a module) is the parts', never the course's.
_UNIT = r"(?:学时|课时|小时|分钟|天|h|hours?|hrs?|minutes?|mins?|days?)(?![a-zA-Z])"
_TOTAL_STATED = re.compile(
    rf"(?:^[\s\-–•·*>|]*(?:\*\*|__)?(?:合\s*计|总\s*计|共\s*计|total(?:\s+(?:time|length|duration))?)"
    rf"(?:\*\*|__)?\s*[|:：]?\s*(?:\*\*|__)?\s*(?:共|约|≈|~|approx\.?\s*)?"
    rf"|\b(?:a total of|in total,?|totall?ing)\s+(?:about\s+|approx\.?\s*)?)"
    # (not "a total of 20 hours of self-study": the hours of something else than teaching)
    rf"(?P<v>\d+(?:\.\d+)?\s*{_UNIT})(?!\s+of\s+(?!training|teaching|instruction|class))"
    rf"|(?<![\d.])(?P<w>\d+(?:\.\d+)?\s*{_UNIT})\s+in total\b",
    re.I | re.M,
)
# 学时分配（共 32 学时）· 学时规划（完整版约 96h；紧凑班约 52h）: a table of the hours,
# its heading's brackets giving the course's total (the first of two variants)
_PLAN_HEADING = re.compile(r"(?:学时|课时)(?:规划|分配|安排)\s*[（(](?P<v>[^（）()\n]{2,40})[）)]")


# | 合计 | 12 章 | 36学时 |: a totals row whose one cell with a unit is the total (a row
# with several, 理论 49h | 实验 47h | ≈96h, says not which is the course's)
# (the totals cell may stand after a row's other cells, as a sheet's sum under its column
# does: | 5:00pm End | | Total | 7.75 hr |)
_TOTAL_CELLS = re.compile(
    r"^\s*\|(?:[^|\n]*\|){0,8}?\s*(?:\*\*|__)?\s*(?:合\s*计|总\s*计|共\s*计|total)\s*(?:\*\*|__)?\s*\|"
    r"(?P<rest>.*)$",
    re.I | re.M,
)
_CELL_VALUE = re.compile(
    rf"^(?:\*\*|__)?\s*(?:共|约|≈|~)?\s*(?P<v>\d+(?:\.\d+)?\s*{_UNIT})\s*(?:\*\*|__)?$"
)


def _one_total(plain: str) -> set[str]:
    found = [
        " ".join((m.group("v") or m.group("w")).split()) for m in _TOTAL_STATED.finditer(plain)
    ]
    rows = 0
    for row in _TOTAL_CELLS.finditer(plain):
        cells = [_CELL_VALUE.match(c.strip()) for c in row.group("rest").split("|")]
        values = [c.group("v") for c in cells if c]
        rows += bool(values)
        if len(values) > 1 or rows > 1:
            return set()  # several values, or a totals row per day or part: the parts'
        if values and values[0] not in found:
            found.append(values[0])
    return set(found) if len(found) == 1 else set()


# The course as its meetings and each one's time, said once: 共4次课，每次3小时 · 学习周期：8周，
# 每周3小时 · 分3期，每期2天 (the product; weeks alone are a calendar span, no length)
_ZH_PRODUCT = re.compile(
    rf"(?:^|(?<=[\s，。；;：:（(、])|(?<=课程|培训|本课))(?P<v>(?:共|分)?\s*{_N}\s*(?:周|次课?|讲|节课?|期|场|个?单元)\s*"
    r"[，,、]?\s*每(?:周|次课?|讲|节课?|期|场|个?单元)\s*(?:约|为)?\s*\d+(?:\.\d+)?\s*(?:个)?"
    r"(?:小时|学时|课时|分钟|天))",
    re.M,
)


# A notice gives the course's dates, then in brackets the days or hours they make:
# 时间：2024年6月15-16日（两天） · 培训日期：3月5日-6日（共2天） · "Dates: 15-16 June 2024 (2
# days)". The brackets state the length; the dates alone never do.
_DATES_THEN_DAYS = re.compile(
    r"(?:培训时间|上课时间|授课时间|培训日期|时间|日期|(?i:dates?|when))\s*[:：][^\n（(]{0,60}"
    rf"[（(]\s*(?:共|约|计)?\s*(?P<v>{_N}\s*(?:个)?(?:天|日|小时|学时|课时)"
    rf"|(?i:{_EN_N}\s+(?:full\s+)?(?:days?|hours?)))\s*[)）]"
)


# A heading that leads with the course's days or hours, then "of" and the course's name in
# title case: "Ten Days of Technical Training" · "Two Days of Python for Analysts" ·
# "Six Hours of Excel" (a line of its own; "2 days of labs" in a list is a part's)
_DAYS_OF = re.compile(
    rf"^[ \t]*(?:#+[ \t]*)?(?P<v>(?i:{_EN_N}[ \t]+(?:days|hours)))[ \t]+of[ \t]+"
    r"(?:(?:[A-Z][\w'’&+.-]*|of|for|and|in|to|the|with|on)[ \t]*){1,8}$",
    re.M,
)


# A form spaces out a short label to the width of its column (【学 时 数】48课时 · 学    时：
# 48 · 课 时：32) and pairs two fields under one label (学时/学分：32/2 · 学分/学时：2/32 ·
# Credits/Hours: 3/45): read as the labels they are (学时数, 学时：32 and 学分：2)
_SPACED_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[【\[|\s]))((?:[\u4e00-\u9fff][ \t\u3000]+){1,4}[\u4e00-\u9fff])(?=[ \t]*[】\]:：])",
    re.M,
)
_PAIRED = re.compile(
    r"(?P<l>[\u4e00-\u9fffA-Za-z]{1,8}(?:[ \t]*/[ \t]*[\u4e00-\u9fffA-Za-z]{1,8}){1,3})[ \t]*[:：][ \t]*"
    r"(?P<v>\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?){1,3})(?![\d./])"
)


def _unfold_form(plain: str) -> str:
    plain = _SPACED_LABEL.sub(lambda m: re.sub(r"[ \t\u3000]+", "", m.group(1)), plain)

    def fields(m: re.Match[str]) -> str:
        labels = [p.strip() for p in m.group("l").split("/")]
        values = [p.strip() for p in m.group("v").split("/")]
        if len(labels) != len(values):
            return m.group(0)
        return "\n".join(f"{label}：{value}" for label, value in zip(labels, values, strict=True))

    return _PAIRED.sub(fields, plain)


def stated_length(text: str, period: int | None = None) -> Length:
    """A length the page labels as the course's (课程学时:32学时, - Length: 5 days,
    Total: 70 minutes), wherever it stands; only when the page labels one length (a
    Duration: under each module is the modules', not the course's)."""
    plain = _unfold_form(fold(unicodedata.normalize("NFKC", text[:200_000])))
    said = {
        " ".join(m.group("v").split())
        for pattern in (_ZH_LABELLED, _EN_LABELLED, _PLAN_HEADING)
        for m in pattern.finditer(plain)
    }
    said |= _one_total(plain)
    prose = [
        re.sub(r"\s+", "", m.group("v") or m.group("w") or m.group("x")).replace("日", "天")
        for m in _ZH_PROSE.finditer(plain)
    ]
    product = [" ".join(m.group("v").split()) for m in _ZH_PRODUCT.finditer(plain)]
    said |= set(product) if len(product) == 1 else set()  # (one under each module: theirs)
    said |= {  # 时间：2024年6月15-16日（两天）: the dates, then the days they make
        " ".join(m.group("v").split()).replace("日", "天") for m in _DATES_THEN_DAYS.finditer(plain)
    }
    said |= {  # "Ten Days of Technical Training": a heading leads with the course's days
        " ".join(m.group("v").split()) for m in _DAYS_OF.finditer(plain)
    }
    if len(prose) <= 2:  # said once (or again in a closing line); a length a module is none
        said |= set(prose)
    bare_total = [
        re.sub(r"\s+", "", m.group("v") or m.group("d")) for m in _ZH_BARE_TOTAL.finditer(plain)
    ]
    said |= set(bare_total) if len(bare_total) == 1 else set()
    bare = [
        (
            label,
            (m.group("n") or m.group("k") or m.group("n2"))
            + ("学时" if "学时" in label else "课时"),
        )
        for m in _BARE_PERIODS.finditer(plain)
        for label in [m.group("l") or m.group("m") or m.group("l2")]
    ]
    course_wide = [v for label, v in bare if label.startswith(("总", "课程"))]
    each = [v for label, v in bare if not label.startswith(("总", "课程"))]
    # 总学时/课程学时 said once or twice; a bare 学时：4 only when the page says it once (one
    # under each chapter is the chapters')
    said |= set(course_wide) if len(course_wide) <= 2 else set()
    said |= set(each) if len(each) == 1 else set()
    said |= {f"{m.group('n')} hours" for m in _BARE_HOURS.finditer(plain)}
    labelled = [
        " ".join(m.group("v").split()).replace("日", "天")
        for m in _ANY_LENGTH_LABEL.finditer(plain)
        if not _NOT_THE_COURSE_S.search(m.group("l"))
    ]
    said |= set(labelled) if len(labelled) == 1 else set()
    said |= {  # provided.Time: 9:30 am - noon and 1:30 - 4 pm (a PDF's run-on line)
        m.group("v").strip() for m in _TIME_LABELLED.finditer(plain) if day_spans(m.group("v"))
    }
    readings = [(s, read_length(s, period)) for s in sorted(said)]
    over = [r for _, r in readings if r.rule == OVER_LIMIT]
    readings = [(s, r) for s, r in readings if r.minutes is not None]
    if not readings and len({r.text for r in over}) == 1:
        return over[0]  # 总学时合计 80 天: stated, over the limit (a TODO says so)
    if len({r.minutes for _, r in readings}) != 1:
        return Length()
    value, reading = readings[0]
    reading.rule = f"a labelled length: {value!r}"
    return reading


# 一日训练营 · 两天工作坊 · 半日研修班 · 3天集训: a length in the title's own words
# 4周8天直播特训营: weeks, then the days taught in them (the days are the length); a way of
# teaching may stand between the days and the course's word (直播 线上 面授 集中 实战)
_TITLE_DAYS = re.compile(
    r"(?<![\d一二两三四五六七八九十月])(?:(?:[一二两三四五六七八九十]|\d{1,2})\s*(?:周|个月)\s*)?"
    r"(?P<n>[一二两三四五六七八九十半]|\d{1,2}(?:\.\d)?)\s*[天日]\s*(?:制|式)?"
    r"\s*(?:直播|线上|线下|在线|面授|集中|实战|封闭式?|沉浸式|脱产)?"
    r"\s*(?:训练营|工作坊|集训|特训营?|研修班?|课程|培训班?|营|班|课)"
)


# 5天教你学会PS · 7天学会Python · 21天精通Excel · 3天搞定PPT: a title that promises the
# skill in its days (the days then a verb of learning); "Learn Python in 5 Days" · "SQL in
# 10 Hours" · "A 2-Day Workshop on …" · "Three-Day Leadership Intensive": an English
# title's days or hours
_TITLE_DAYS_TO_LEARN = re.compile(
    r"(?<![\d一二两三四五六七八九十月])(?P<n>[一二两三四五六七八九十半]|\d{1,2}(?:\.\d)?)\s*[天日]\s*"
    r"(?:(?:教|带)(?:你|您)|让你|快速)?\s*(?:学会|学通|精通|掌握|搞定|入门|速成|玩转|读懂|通关|上手)"
)
_TITLE_EN = re.compile(
    rf"\bin\s+{_EN_N}\s+(?P<u>days?|hours?)\s*[!.]?$|^(?:an?\s+)?{_EN_N}(?:-(?P<v>day|hour)\b|"
    r"\s+(?P<w>day|hour)s?\s+(?:workshop|course|training|bootcamp|intensive|seminar|class|camp|"
    r"program(?:me)?)\b)",
    re.I,
)


_TITLE_RANGE = re.compile(
    r"[(（]\s*(\d+(?:\.\d+)?\s*[-~～至到]\s*\d+(?:\.\d+)?\s*(?:个)?(?:天|日|小时|课时|学时))\s*[)）]\s*$"
)


def title_days(title: str) -> str | None:
    """The days a course's title names (卓越服务一日训练营: 1天 · 5天教你学会PS: 5天 · Learn
    Python in 5 Days: 5 days), for the spec's length."""
    plain = fold(unicodedata.normalize("NFKC", title))
    ranged = _TITLE_RANGE.search(plain)
    if ranged:  # 沟通技巧（2-3天）: a range, kept for the duration's TODO (never a guess)
        return ranged.group(1)
    m = _TITLE_DAYS.search(plain) or _TITLE_DAYS_TO_LEARN.search(plain)
    if m:
        return f"{_num(m.group('n'))}天"
    en = _TITLE_EN.search(plain.strip())
    if en:
        number = next(
            g for g in en.groups() if g and g.lower() not in ("day", "days", "hour", "hours")
        )
        count = _EN_NUM.get(number.lower(), number)
        unit = (en.group("u") or en.group("v") or en.group("w")).lower().rstrip("s")
        return f"{count} {unit}{'' if str(count) == '1' else 's'}"
    return None


_SPAN_SPLIT = re.compile(r"\s*(?:\band\b|&|[,，、;；/])\s*", re.I)


def day_spans(text: str) -> int | None:
    """A day given as two or more clock spans, the breaks between them left out ('9:30 am
    - noon and 1:30 - 4 pm' · '9:00-12:00，13:30-17:00'): their minutes added up. One span
    (9:00-17:00) holds its lunch, so it is no length."""
    from .timetable import read_clock, session_minutes

    said = re.sub(r"(?i)\b(?:noon|midday)\b", "12:00 pm", text)
    parts = [p for p in _SPAN_SPLIT.split(said) if p.strip()]
    if not 2 <= len(parts) <= 4:
        return None
    total = 0
    for part in parts:
        clock = read_clock(part.strip())
        minutes = session_minutes(clock) if clock is not None and not clock.title else None
        if minutes is None:
            return None
        total += minutes
    return total


# one time for every block, stated once: 4个学时为一个单元 · 每次课2学时 · 每讲3小时 ·
# each session is 90 minutes · sessions last 2 hours · 3-hour sessions
_BLOCK_WORD = r"(?:单元|次课|讲|节课|次|模块|课)"
_EN_BLOCK = r"(?:sessions?|class(?:es)?|lectures?|units?|modules?|lessons?|meetings?)"
_TIME_UNIT = r"(?:个)?(?:学时|课时|小时|分钟)|hours?|hrs?|minutes|mins?"
_EACH_BLOCK = re.compile(
    rf"(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>{_TIME_UNIT})\s*(?:为|是)\s*(?:一|1)\s*个?\s*{_BLOCK_WORD}"
    rf"|每\s*(?:个)?\s*{_BLOCK_WORD}\s*(?:为|是|共|约)?\s*(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>{_TIME_UNIT})"
    rf"|\beach\s+{_EN_BLOCK}\s+(?:is|lasts|runs(?:\s+for)?|takes)\s+(?P<c>\d+(?:\.\d+)?)\s*(?P<uc>{_TIME_UNIT})"
    rf"|\b{_EN_BLOCK}\s+(?:are|last|run)\s+(?P<d>\d+(?:\.\d+)?)\s*(?P<ud>{_TIME_UNIT})(?:\s+(?:each|long))?"
    rf"|\b(?P<e>\d+(?:\.\d+)?)\s*[- ](?P<ue>hour|minute)\s+{_EN_BLOCK}\b",
    re.I,
)


_BLOCK_OF = {"次课": "课", "节课": "节", "classes": "class", "lectures": "lecture"}


def each_block_time(text: str) -> tuple[str, str] | None:
    """The one time a page states for every one of its blocks ('4个学时为一个单元' ·
    'each session is 90 minutes'): the time as written and the word for the block
    (单元 · session), or None when the page states none, or two different ones."""
    found: set[tuple[str, str]] = set()
    for m in _EACH_BLOCK.finditer(text[:20_000]):
        number = next(m.group(g) for g in "abcde" if m.group(g))
        unit = next(m.group(f"u{g}") for g in "abcde" if m.group(g)).replace("个", "")
        said = f"{number}{unit}" if re.match(r"[\u4e00-\u9fff]", unit) else f"{number} {unit}"
        word = re.search(rf"{_BLOCK_WORD}|{_EN_BLOCK}", m.group(0), re.I)
        block = (word.group(0).lower() if word else "").rstrip("s") or "block"
        if _parses(said) is not None:
            found.add((said, _BLOCK_OF.get(block, block)))
    return found.pop() if len(found) == 1 else None
