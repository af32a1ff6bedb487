"""Rebuild an outline from the numbering instructors write, often all on one line:
``一、`` ``1.`` ``1.1`` ``(1)`` ``第一部分`` ``任务一`` ``模块一`` ``a.`` ``·`` ``-`` and the
【案例】 【工具】 【解析】 blocks, with durations such as ``(40分钟)`` or ``【3小时】任务一``.

Pure: text in, a tree of ``Item`` out. Depth comes from the order markers appear in (a
marker kind seen before closes back to its level, a new kind opens a level), and a
numbered marker only counts when its number continues a sequence — the next sibling of
an open level, or a first item opening a new one. That keeps ``3.5G`` (item 3: "5G…")
and ``1.3G`` (item 1: "3G…") apart from real sub-numbering, and lets a catalog reuse
``1.`` for modules and for their items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cjk import CHINESE_CLASS
from ..duration import DurationError, parse_duration
from ..numerals import from_chinese, from_roman
from .conventions import STRONG_MARKER
from .timetable import read_clock

CN = "〇零一二三四五六七八九十"  # 〇: 第〇章, the zero chapter before chapter one

# kind, pattern (group "n": the number; "d": a leading 【3小时】 duration)
_MARKERS: list[tuple[str, str]] = [
    (
        "task",
        rf"(?:【(?P<d1>[^】]*?(?:小[时時]|分[钟鐘]|h|min|天))】\s*)?任务(?P<n1>[{CN}]+)[:：]?",
    ),
    ("part", rf"第\s*(?P<n2>[{CN}]+|\d+)\s*(?:部分|讲|章|篇|单元|阶段|天|周|次课|轮)[:：]?"),
    ("module", rf"(?:模块|板块)(?P<n3>[{CN}]+)[:：]?"),
    ("cn", rf"(?P<n4>[{CN}]+)[、.．]"),
    ("decimal", rf"(?P<n5>\d+\.\d+)(?=[\s{CHINESE_CLASS}（(【\"“])"),
    ("arabic", r"(?P<n6>\d+)[.、．](?!\d+(?:\.\d+)?(?![A-Za-z]))"),  # 1. and 1.3G, not 1.5小时
    ("paren", r"[（(](?P<n7>\d+)[)）]"),
    ("halfparen", r"(?P<n10>\d{1,2})[)）](?!\d)"),  # 1)成本 2)效率
    ("letter", rf"(?P<n8>[a-h])[.)](?=\s*[{CHINESE_CLASS}])"),
    ("bullet", r"(?:[·•▪●◆\-]|(?<=\s)[ln](?=\s))"),
    (
        "bare",
        r"(?P<n9>\d{1,2})(?=\s+[\u4e00-\u9fff])",
    ),  # "模块 标题 内容 1 以用户为中心": table rows as text
]
_LABELS = (
    r"【(?P<label>案例|导入案例|工具|解析|任务解析|注|附\d*|练习|演练|讨论|作业)】"
    r"|(?:(?<=\s)|^)(?P<plain>案例|工具)[:：]"  # 案例:维意定制、华为智慧生活家
)
_TOKEN = re.compile(
    r"(?:(?<=\s)|^|(?<=[。;；!?！？)）】]))(?:"  # a marker starts after a space, a stop or a bracket
    + "|".join(f"(?P<{k}>{p})" for k, p in _MARKERS)
    + ")|"
    + _LABELS
)
MAX_DEPTH = 8  # deeper than any outline a person writes; keeps hostile text from nesting forever
# a time in any bracket a trainer closes a title with: (40分钟) （2h） 【约30分钟】 [~1 hour]
_TRAILING_DURATION = re.compile(r"[（(【\[]\s*([^()（）【】\[\]]{1,24}?)\s*[)）】\]]\s*$")
# a label before a bracket's clock span: (Day 1: 02:15 - 03:20) · （第一天 9:00-9:30）
_CLOCK_LABEL = re.compile(
    r"^(?:[^\d()（）:：]{1,10}\s*\d{0,2}\s*[:：,，]|第[一二三四五六七八九十\d]+天)\s*"
)
# a time per person or per item: (~1 minutes per position paper) · （每组5分钟） · (5 min each)
_RATE_TIME = (
    r"(?:约|~|～|ca\.?\s*)?\d+(?:\.\d+)?\s*(?:分[钟鐘]|mins?|minutes?|小[时時]|hours?|h)\s*"
)
_RATE = re.compile(
    rf"\s*[（(]\s*(?:每[^()（）\d]{{1,6}}{_RATE_TIME}|{_RATE_TIME}"
    r"(?:(?:per|for each|each)\b[^()（）]{0,30}|/\s*[^()（）\d]{1,10}))[)）]\s*$",
    re.I,
)


@dataclass
class Item:
    title: str
    kind: str = "root"
    duration: str | None = None
    children: list[Item] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    exercises: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # its heading was numbered as a block of the course (## 第一阶段：… · ## Module 2 · …),
    # the number read off its title
    marked: bool = False


def _value(kind: str, raw: str) -> tuple[int, ...]:
    if kind == "circled":  # ① ② ③ (str.isdigit says yes, int() says no)
        return (ord(raw) - 0x245F,)
    if raw.isdigit():
        return (int(raw),)
    if kind in ("task", "part", "module", "cn"):
        return (from_chinese(raw) or 0,)  # 〇 and 零 are 0: the zero chapter
    if kind == "decimal":
        return tuple(int(x) for x in raw.split("."))
    if kind == "roman" or (raw and from_roman(raw)):
        return (from_roman(raw) or 0,)
    if kind == "letter":
        return (ord(raw) - ord("a") + 1,)
    if kind == "bullet":
        return (0,)
    return (int(raw),)


def _follows(previous: tuple[int, ...], value: tuple[int, ...]) -> bool:
    if value == (0,):  # bullets always continue
        return True
    if len(value) == 2:  # 1.2 after 1.1
        return previous[:-1] == value[:-1] and value[-1] == previous[-1] + 1
    return value[0] == previous[0] + 1


def _first(value: tuple[int, ...]) -> bool:
    return value in ((0,), (1,)) or (len(value) == 2 and value[1] == 1)


_APPROX = re.compile(
    r"^(?:约|約|大约|大概|共|计|~|～|≈|ca\.?|approx\.?|approximately|about|circa)\s*", re.I
)
_APPROX_AFTER = re.compile(r"\s*(?:左右|上下|approx\.?|or so)$", re.I)  # 60分钟左右
_RANGE_TIME = re.compile(
    r"^\d+(?:\.\d+)?\s*(?:分[钟鐘]|min|mins|minutes|小[时時]|h|hrs?|hours?|天|days?)?\s*[-~～–—至到]\s*"
    r"\d+(?:\.\d+)?\s*(?:分[钟鐘]|min|mins|minutes|小[时時]|h|hrs?|hours?|天|days?)$",
    re.I,
)
# a time after the title without brackets: "课程总结 30分钟" · "Wrap-up – 15 min" · "一、基础 4学时"
_TRAILING_BARE = re.compile(
    r"(?:\s+[-–—:：|]?\s*|\s*[-–—:：|]\s*)((?:约|~|～|ca\.?\s*)?\d+(?:\.\d+)?\s*"
    r"(?:分[钟鐘]|mins?|minutes|小[时時]|[学學][时時]|[课課][时時]|hrs?|hours?|['’′]))\s*$",
    re.I,
)


# a time and a dash just before a trailing time: the start of a range ("45 min - 1 hour")
_RANGE_START = re.compile(
    r"\d+(?:\.\d+)?\s*(?:分[钟鐘]|mins?|minutes|小[时時]|hrs?|hours?)\s*$"
    r"|(?:^|\b(?:about|approx\.?|approximately|around|roughly|ca\.?)\s+|[约約~～]\s*)\d+(?:\.\d+)?\s*$",
    re.I,
)


# a time before the title, in brackets or set apart by a dash or colon
_LEADING_TIME = re.compile(
    r"^(?:[（(【\[]\s*(?P<b>[^()（）【】\[\]]{1,20}?)\s*[)）】\]]\s*[:：\-–—|]?"
    r"|(?P<p>(?:约|~|～|ca\.?\s*)?\d+(?:\.\d+)?\s*(?:分[钟鐘]|mins?|minutes|小[时時]|hrs?|hours?))\s*[:：\-–—|])\s*(?=\S)",
    re.I,
)
# a bracketed time between a title and what follows a colon or dash: the rest is a note
_MID_TIME = re.compile(
    r"\s*[（(【\[]\s*([^()（）【】\[\]]{1,20}?)\s*[)）】\]]\s*[:：\-–—]\s*(?P<rest>\S.*)$"
)


_CLOCK_SPAN = re.compile(r"(\d{1,2})[:：.](\d{2})\s*[-－–—~～至到]\s*(\d{1,2})[:：.](\d{2})")


def span_minutes(inner: str) -> int | None:
    """A bracket that holds only a span of clock times, as agendas write them (9:00-10:30 ·
    10 AM to 4 PM · 12 to 5 PM · 1330 - 1500): its minutes, within a day."""
    dates = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\s*[-–—~～]\s*(\d{1,2})\.(\d{1,2})\s*", inner)
    if dates and int(dates.group(1)) * 60 + int(dates.group(2)) + 10 > int(
        dates.group(3)
    ) * 60 + int(dates.group(4)):
        return None  # （7.13-7.17）: a week's dates, not 7:13-7:17 (no session takes minutes)
    clock = _CLOCK_SPAN.fullmatch(inner.strip())
    if clock:
        start = int(clock.group(1)) * 60 + int(clock.group(2))
        end = int(clock.group(3)) * 60 + int(clock.group(4))
        return end - start if 0 < end - start <= 12 * 60 else None
    if re.fullmatch(r"\s*(?:19|20)\d\d\s*[-–—~]\s*(?:19|20)\d\d\s*", inner):
        return None  # (2019 - 2020): years, not 20:19-20:20
    read = read_clock(inner)
    if read is None or read.title or read.end is None:
        return None
    span = read.end - read.start
    return span if 0 < span <= 12 * 60 else None


def plain_time(text: str) -> str | None:
    """'约15分钟' · '~15 min' · 'ca. 2 hours' · '60分钟左右' -> the time the page states
    ('15分钟', '15 min'); None when it is no single time."""
    inner = _APPROX_AFTER.sub("", _APPROX.sub("", text.strip()).strip()).strip()
    try:
        parse_duration(inner)
    except DurationError:
        return None
    return inner


def split_time(title: str) -> tuple[str, str | None, str | None]:
    """A title, its time, and a TODO note when the page gives a range instead of a time
    ('破冰（15-20分钟）': kept as written, never a guess). Dot leaders between the two
    ('Introduction ........ 30 min') are neither."""
    stripped, time, note = _split_time(title)
    if time is not None:  # the leaders end the title: look at its end only (bounded work)
        cut = max(0, len(stripped) - 200)
        stripped = stripped[:cut] + _LEADERS.sub("", stripped[cut:])
    return stripped, time, note


_LEADERS = re.compile(r"\s*(?:[.…·．_]\s*){2,}$|\s*…+$")
# a count of sessions times their length: (2 x 90 min) · （2×45分钟）· (3 sessions x 1 hour)
_TIMES_TIME = re.compile(
    r"^(?P<n>\d{1,2})\s*(?:sessions?|次|场|节)?\s*[x×X*]\s*(?P<t>\d+(?:\.\d+)?\s*\D.{0,12})$"
)


def _times_time(inner: str) -> str | None:
    """'2 x 90 min' -> '180 min'; None when it is no such product."""
    m = _TIMES_TIME.match(inner.strip())
    time = plain_time(m.group("t")) if m else None
    if m is None or time is None:
        return None
    minutes = parse_duration(time).minutes * int(m.group("n"))
    return f"{minutes}分钟" if re.search(r"[\u4e00-\u9fff]", time) else f"{minutes} min"


def _split_time(title: str) -> tuple[str, str | None, str | None]:
    title = re.sub(r"([)）】\]])\s*[:：]$", r"\1", title)  # Warm-up (20 minutes):
    rate = _RATE.search(title)  # (~1 minutes per paper) · （每组5分钟）: a rate, no length
    if rate and rate.start() > 0:
        return title[: rate.start()].rstrip(" :：,，-–—"), None, rate.group(0).strip()
    m = _TRAILING_DURATION.search(title)
    if m:
        inner = m.group(1).strip()
        time = plain_time(inner)
        if time is not None:
            return title[: m.start()].rstrip(" :：,，-–—"), time, None
        # 开场（9:00-9:30） · (Day 1: 02:15 - 03:20): the span is its time
        span = span_minutes(_CLOCK_LABEL.sub("", inner))
        if span is not None:  # (10 AM to 4 PM) · (1330 - 1500) · （9:00-17:00）
            unit = "分钟" if re.search(r"[\u4e00-\u9fff]", title) else "min"
            kept = title[: m.start()].rstrip(" :：,，-–—")
            return kept, f"{span}{unit}", inner
        product = _times_time(inner)  # (2 x 90 min): 180 min, the bracket kept in notes
        if product is not None:
            return title[: m.start()].rstrip(" :：,，-–—"), product, inner
        # （第 1-3 章，约 16 学时） · (2h, lab) · （2h 理论 + 2h 实验）
        listed = _listed_time(inner)
        if listed is not None:
            return title[: m.start()].rstrip(" :：,，-–—"), listed, inner
        if _RANGE_TIME.match(_APPROX.sub("", inner)):
            kept = title[: m.start()].rstrip(" :：,，-–—")
            return kept, None, f"TODO: 页面写的时长是范围（{inner}），请定一个时长"
        return title, None, None
    bare = _TRAILING_BARE.search(title)
    if (
        bare
        and bare.start() > 0
        and _RANGE_START.search(title[max(0, bare.start() - 40) : bare.start()])
    ):
        # "About 45 min - 1 hour": the end of a range, no time of its own
        return title, None, f"TODO: 页面写的时长是范围（{title}），请定一个时长"
    if bare and bare.start() > 0:
        time = plain_time(bare.group(1))
        if time is not None:
            return title[: bare.start()].rstrip(" :：,，-–—|"), time, None
    lead = _LEADING_TIME.match(title)  # "(30 min) Warm-up" · "【2小时】沙盘" · "45 min – Q&A"
    if lead:
        time = plain_time(lead.group("b") or lead.group("p") or "")
        if time is not None:
            return title[lead.end() :].strip(" :：,，-–—|"), time, None
    mid = _MID_TIME.search(title)  # "Warm-up (30 min): a game" · "破冰（15分钟）：自我介绍"
    if mid and mid.start() > 0:
        time = plain_time(mid.group(1))
        if time is not None:
            head = title[: mid.start()].rstrip(" :：,，-–—")
            marker = STRONG_MARKER.match(head)
            if marker and marker.end() == len(head):  # "Part 1 (45 min): What conflict is"
                colon = "：" if re.search(r"[\u4e00-\u9fff]", head) else ": "
                return f"{head}{colon}{mid.group('rest').strip()}", time, None
            return head, time, mid.group("rest").strip()
    return title, None, None


_UNIT_TIME = re.compile(
    r"(?:约|~|～)?\s*(\d+(?:\.\d+)?)\s*(小[时時]|[学學][时時]|[课課][时時]|h|hrs?|hours?|分[钟鐘]|min|mins|minutes)(?![A-Za-z])",
    re.I,
)


def _listed_time(inner: str) -> str | None:
    """The time in a bracket that lists more than the time: one part of a list is a time
    ('第 1-3 章，约 16 学时' · '2h, no lab'), or the parts of a sum all are ('4h 理论 + 6h 实验'
    · '讲授 2 学时 + 实践 2 学时': 10h, 4 学时). None when no single time is stated."""
    if re.search(r"[+＋]", inner):
        parts = re.split(r"\s*[+＋]\s*", inner)
        found = [_UNIT_TIME.findall(p) for p in parts]
        if len(parts) > 1 and all(len(f) == 1 for f in found):
            units = {f[0][1].lower() for f in found}
            if len(units) == 1:
                total = sum(float(f[0][0]) for f in found)
                return f"{total:g}{found[0][0][1]}"
        return None
    parts = [p for p in re.split(r"\s*[,，;；]\s*", inner) if p]
    if len(parts) < 2:
        return None
    timed = [t for p in parts if (t := plain_time(p)) is not None]
    return timed[0] if len(timed) == 1 else None


def split_duration(title: str) -> tuple[str, str | None]:
    """'行业信息分享与洞察(2小时)' -> ('行业信息分享与洞察', '2小时')."""
    stripped, time, _ = split_time(title)
    return stripped, time


@dataclass
class _Open:
    kind: str
    value: tuple[int, ...]
    item: Item


def parse_outline(text: str) -> Item:
    """The outline under a root ``Item``; text before the first marker is the root's note."""
    root = Item("")
    stack: list[_Open] = []
    target: tuple[Item, str] = (root, "notes")  # where plain text goes
    case_next = 0  # numbering of a list that follows 【案例】, 0 when none
    case_owner: Item | None = None
    position = 0
    pending = ""

    def flush(upto: int) -> None:
        nonlocal pending
        chunk = (pending + text[position:upto]).strip()
        pending = ""
        if not chunk:
            return
        owner, slot = target
        if slot == "title":
            owner.title = (owner.title + " " + chunk).strip() if owner.title else chunk
        else:
            getattr(owner, slot).append(chunk)

    matches = list(_TOKEN.finditer(text))
    for index, match in enumerate(matches):
        label = match.group("label") or match.group("plain")
        if label:
            flush(match.start())
            position = match.end()
            owner = stack[-1].item if stack else root
            slot = {
                "案例": "cases",
                "导入案例": "cases",
                "工具": "tools",
                "练习": "exercises",
                "演练": "exercises",
                "作业": "exercises",
                "讨论": "exercises",
            }.get(label, "notes")
            if slot == "notes":
                pending = f"【{label}】"
            target = (owner, slot)
            case_next, case_owner = (1, owner) if slot == "cases" else (0, None)
            continue
        kind = match.lastgroup or ""
        raw = next((v for k, v in match.groupdict().items() if k.startswith("n") and v), "")
        value = _value(kind, raw)
        # a list numbered from 1 right after 【案例】 lists cases, while it counts on
        level = next(
            (
                i
                for i in range(len(stack) - 1, -1, -1)
                if stack[i].kind == kind and _follows(stack[i].value, value)
            ),
            None,
        )
        if (
            case_owner is not None
            and kind in ("arabic", "paren", "cn")
            and value == (case_next,)
            and not (level is not None and _opens_level(matches, index, kind))
        ):
            flush(match.start())
            position = match.end()
            case_next += 1
            target = (case_owner, "cases")
            continue
        if level is None and (
            not _first(value) or len(stack) >= MAX_DEPTH or sum(o.kind == kind for o in stack) >= 2
        ):
            continue  # not numbering after all (or nesting no outline has): stays in the text
        flush(match.start())
        position = match.end()
        case_next, case_owner = 0, None
        if level is not None:
            del stack[level:]
        parent = stack[-1].item if stack else root
        item = Item("", kind)
        duration = match.group("d1") if kind == "task" else None
        item.duration = duration
        parent.children.append(item)
        stack.append(_Open(kind, value, item))
        target = (item, "title")
    flush(len(text))
    _tidy(root)
    return root


def _opens_level(matches: list[re.Match[str]], index: int, kind: str) -> bool:
    """Is the next marker the first item of a new level? Then this one is an outline item
    with sub-items, not one more case in a list after 【案例】."""
    if index + 1 >= len(matches):
        return False
    following = matches[index + 1]
    other = following.lastgroup or ""
    raw = next((v for k, v in following.groupdict().items() if k.startswith("n") and v), "")
    return (
        bool(other)
        and other not in ("label", "plain", kind)
        and raw != ""
        and _first(_value(other, raw))
    )


def _tidy(item: Item) -> None:
    for child in item.children:
        title, time, note = split_time(child.title)
        child.title = title
        if child.duration is None:
            child.duration = time
        if note:
            child.notes.insert(0, note)
        child.title = child.title.strip(" :：")
        _tidy(child)
