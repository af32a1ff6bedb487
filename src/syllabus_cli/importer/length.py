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

from ..duration import DurationError, parse_duration
from ..minutes import format_minutes
from ..numerals import from_chinese

_N = r"(\d+(?:\.\d+)?|半|[一二两三四五六七八九十]+)"

# 1天,6小时/天 · 2天，7小时/天 · 1天(6小时) · 2天 6h/天 · 1天,6小时  (days, then hours)
_DAYS_HOURS = re.compile(
    rf"{_N}\s*[天日]\s*[,，、(（\s]\s*{_N}\s*(?:个)?(?:小时|h|H)\s*(/\s*[天日]|每天)?\s*[)）]?"
)
# 6课时 · 约 16 学时: a teaching period, read as one hour (the corporate-training usage)
_PERIODS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:个)?(?:课时|学时)")
# 3-5天 · 2~3天 · 1-2小时: a range is no length
_RANGE = re.compile(rf"{_N}\s*[-~～至到]\s*{_N}\s*(?:个)?(?:天|日|小时|h|分钟|min)", re.I)
# one duration anywhere in a text: 2h · 1.5小时 · 40分钟 · 半天 · 2 days
_ONE = re.compile(
    rf"{_N}\s*(?:个半)?\s*(?:个)?(?:小时|钟头|h(?:ours?|rs?)?|分钟|min(?:utes?)?|天|日|days?)(?![a-z])",
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


def read_length(text: str) -> Length:
    """The length a course page states, or why there is none."""
    raw = " ".join(text.split())
    s = unicodedata.normalize("NFKC", raw).strip(" -·•:")
    s = _FILLER.sub("", s)
    if not s:
        return Length()
    whole = _parses(s)
    if whole is not None:  # the spec's own forms: 1天(6小时) · 3小时 · 0.5天 · 2 days (6h/day)
        return Length(whole, s, True, rule="a duration as the spec writes it")
    parts = [p for p in _VARIANTS.split(s) if _ONE.search(p) or _PERIODS.search(p)]
    if len(parts) >= 2:  # 完整版约 49h；紧凑版约 30h: two variants of one course
        first = read_length(parts[0])
        if first.minutes is not None:
            rest = "；".join(p.strip() for p in parts[1:])
            first.notes.append(f"TODO: 另一版本（spec 尚无 variants）：{rest}")
            first.rule = "two variants: the first is the length, the others go to notes"
            return first
    if _RANGE.search(s) and not _DAYS_HOURS.search(s):
        return Length(notes=[f"TODO: 课程时长写的是范围（{raw}），请定一个时长"], rule="a range")
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
    m = _DAYS_HOURS.search(s)
    if m:
        days, hours, per_day = _num(m.group(1)), _num(m.group(2)), m.group(3)
        spec_text = f"{days}天({hours}小时/天)" if per_day else f"{days}天({hours}小时)"
        value = _parses(spec_text)
        if value is not None:
            notes = [] if spec_text == s else [f"课程时长原文：{raw}"]
            return Length(value, spec_text, True, notes, "days and hours a day")
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
        spec_text = _num(m.group(1)) + m.group(0)[len(m.group(1)) :].strip()
        value = _parses(spec_text)
        if value is not None:
            notes = [] if spec_text == s else [f"课程时长原文：{raw}"]
            return Length(value, spec_text, True, notes, "a duration inside a phrase")
    return Length(notes=[f"TODO: 课程时长未能读出：{raw}"], rule="unreadable")
