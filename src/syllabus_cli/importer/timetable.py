"""Timetable rows as trainers publish them, read into a session: its clock times, its
minutes, and whether it is a break.

Pure: a line in, a ``Clock`` (or None) out. The shapes read, each one a convention of
published agendas:

| shape                                   | read as                                   |
|-----------------------------------------|-------------------------------------------|
| ``08:30 – 09:00 | 破冰`` (a table row)    | 30 minutes, "破冰"                         |
| ``**13.30 - 14.15** Group work``         | 45 minutes (bold, dotted times)            |
| ``09:00 | Welcome`` (start times only)    | ends when the next row begins              |
| ``| 09:30 | 10:00 | Topic |`` (From, To)  | 30 minutes (two columns are one range)     |
| ``| _11:00_ | _Break_ |`` (emphasis)       | the cells' text                            |
| ``ca. 12:30 Lunch`` · ``约 10:30 茶歇``    | an approximate start, as written           |
| ``Session 2 (1330 - 1500)``             | 90 minutes                                 |
| ``Opening 09:00-09:30``                 | 30 minutes (the times after the title)     |
| a cell that is a duration (``30 min``)  | its minutes (a Duration column)            |
| ``午餐`` ``茶歇`` ``Lunch`` ``Break``      | a break: no module, no section             |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..duration import DurationError, parse_duration

_T = r"(?:ca\.?\s*|approx\.?\s*|约\s*|~\s*)?(\d{1,2})\s*([:.：])\s*(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?"
_DASH = r"\s*(?:-|－|–|—|~|～|至|到|to|until)\s*"  # － : a Chinese IME's dash
# two clock spans side by side, nothing but a comma or "and" between them, ending the line
_HOURS_KEPT = re.compile(
    rf"{_T}{_DASH}{_T}\s*(?:[,，、;；/&]|和|及|与|and)\s*{_T}{_DASH}{_T}\s*[。.]?\s*$", re.I
)
_RANGE_FIRST = re.compile(
    rf"^(?:\*\*|__)?\s*{_T}{_DASH}{_T}\s*(?:\*\*|__)?\s*[|｜:：\-–—]?\s*(.*)$", re.I
)
_START_FIRST = re.compile(
    rf"^(?:\*\*|__)?\s*{_T}\s*(?:\*\*|__)?\s*(?:[|｜:：\-–—]\s*|\s+)(\S.*)$", re.I
)
_RANGE_LAST = re.compile(rf"^(.*?\S)\s*[(（,，:：\-–—]?\s*{_T}{_DASH}{_T}\s*[)）]?$", re.I)
_TIME_CELL = re.compile(
    rf"^(?:\*\*|__)?\s*{_T}(?:{_DASH}{_T})?\s*(?:\*\*|__)?$|^\d{{4}}\s*[-–—~]\s*\d{{4}}$", re.I
)
_MILITARY_FIRST = re.compile(
    r"^(?:\*\*|__)?\s*([01]\d|2[0-3])([0-5]\d)\s*(?:-|－|–|—|~|to)\s*([01]\d|2[0-3])([0-5]\d)\s*(?:\*\*|__)?"
    r"(?!\d)\s*[|｜:：\-–—]?\s*(.*)$"
)
_MILITARY = re.compile(r"^(.*?)\s*[(（]\s*(\d{2})(\d{2})\s*[-–—~]\s*(\d{2})(\d{2})\s*[)）]\s*(.*)$")
BREAK = re.compile(
    r"^(?:[-–—:：|\s]*)(?:茶歇|下午茶|茶点|自由活动|早餐|午餐|午休|午饭|晚餐|晚饭|休息|中场休息|用餐|"
    r"(?:coffee|tea|comfort|short|long|main|bio|stretch|mid-?morning|mid-?afternoon|morning|afternoon|lunch)?\s*break|lunch|coffee|morning tea|"
    r"afternoon tea|networking (?:lunch|dinner)|breakfast|free time|refreshments|registration|check-in|sign[- ]in|arrivals?|arrive|doors open|welcome drinks|drinks|reception|dinner|签到|报到|入场|晚宴|簽到|報到|茶敘|入場|午休時間|休息時間)(?![a-z])",
    re.I,
)
# a row saying the day is over: "Adjourn" · "End of Day 1" · "Workshop ends" · "培训结束"
END = re.compile(
    r"^(?:end|close|closing|finish|adjourn|结束|散会|课程结束|培训结束)\b"
    r"|^(?:the\s+)?(?:workshop|course|training|session|day|program(?:me)?|class|event|meeting)\s+"
    r"(?:ends?|closes?|concludes?|finish(?:es)?)\b|^[^\s]{0,8}(?:结束|結束)$",
    re.I,
)
# "~12:00-ish" · "9:30ish": an approximate time, read as the time
_ISH = re.compile(r"(\d)\s*-?\s*ish\b", re.I)


@dataclass
class Clock:
    start: int  # minutes from midnight
    end: int | None  # None: a start time only (ends when the next row begins)
    title: str
    said: str  # the times as written ("08:30 – 09:00")
    minutes: int | None = None  # from a Duration column, when the row has one

    @property
    def is_break(self) -> bool:
        return bool(BREAK.match(self.title.strip("*_ ")))

    @property
    def is_end(self) -> bool:
        return bool(END.match(self.title)) or not self.title


def _minute(hour: str, minute: str, half: str | None) -> int | None:
    h, m = int(hour), int(minute)
    if half and half.lower().startswith("p") and h < 12:
        h += 12
    if h > 23 or m > 59:
        return None
    return h * 60 + m


def _span(start: int, end: int) -> int | None:
    """Minutes from start to end; 1:30 after 12:00 is 13:30 (a 12-hour clock). A span
    that ends when it starts (0000-0000) is none."""
    if end == start:
        return None
    if end < start and end + 720 > start:
        end += 720
    return end - start if 0 < end - start <= 12 * 60 else None


def row_cells(text: str) -> list[str]:
    """A table row's cells, its edge pipes aside: '| 9:00 | 破冰 |' -> ['9:00', '破冰']."""
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _duration_cell(cells: list[str]) -> tuple[int | None, list[str]]:
    """A Duration column's minutes, and the other cells."""
    for index, cell in enumerate(cells):
        inner = re.sub(r"^(?:约|~|ca\.?)\s*", "", cell.strip(), flags=re.I).rstrip(".")
        inner = re.sub(r"(?i)(\d)\s*h\s*-\s*(\d)", r"\1h\2", inner)  # ~1h-45 mins: 1h45
        if not inner or not re.search(r"\d", inner) or re.search(r"\d[:.]\d{2}", inner):
            continue
        try:
            got = parse_duration(inner).minutes
        except DurationError:
            continue
        if got <= 12 * 60:
            return got, cells[:index] + cells[index + 1 :]
    return None, cells


_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(\S(?:.*\S)?)\1$")
_ONE_TIME = re.compile(rf"^{_T}$", re.I)


def _plain_cell(cell: str) -> str:
    """'*11:00*' · '_Break_' · '**Lunch**': a cell set in italics or bold is its text."""
    m = _EMPHASIS.match(cell)
    return m.group(2).strip() if m else cell


def _join_from_to(cells: list[str]) -> list[str]:
    """'| 09:30 | 10:00 | Session |': a From column and a To column are one time range."""
    for index in range(len(cells) - 1):
        if _ONE_TIME.match(cells[index]) and _ONE_TIME.match(cells[index + 1]):
            joined = f"{cells[index]} - {cells[index + 1]}"
            return [*cells[:index], joined, *cells[index + 2 :]]
    return cells


_HOUR_ONLY = re.compile(r"(?<![\d:.：])(\d{1,2})(\s*(?:am|pm|a\.m\.|p\.m\.))(?![a-z])", re.I)
_BARE_FROM = re.compile(
    r"(?<![\d:.：])(\d{1,2})(?=\s*(?:-|–|—|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z]))",
    re.I,
)
# "… runs from 9am - 4:30pm": the times end a sentence about the day, no row's title
_PROSE_BEFORE = re.compile(r"(?i)(?:\b(?:from|between|at|until|by)|从|于)\s*$")


_PART_OF_DAY = re.compile(
    r"^(上午|下午|晚上|中午|早上|(?i:morning|afternoon|evening))\s*[:：,，]?\s*(?=\d)"
)
_LATER = ("afternoon", "evening")


# 9点 · 10点半 · 14点30分 · 下午4点 · 9時30分: a clock time written in words
_CN_CLOCK = re.compile(
    r"(上午|早上|中午|下午|晚上)?\s*(\d{1,2})\s*(?:[点點]\s*(?:(\d{1,2})\s*分|(半)|整)?"
    r"|[时時]\s*(\d{1,2})\s*分)"
)


_CN_SPAN = re.compile(
    r"\d\s*[点點时時][^-–—~～至到]{0,6}[-–—~～至到]\s*(?:上午|下午|晚上|中午)?\s*\d"
)


def _cn_clock(text: str) -> str:
    """9点-10点半 · 上午9点至下午4点: a span of clock times in words, as 9:00-10:30; a
    lone '3点' is no time (讲3点 · 3点建议)."""
    if not _CN_SPAN.search(text):
        return text

    def clock(m: re.Match[str]) -> str:
        hour = int(m.group(2))
        minute = int(m.group(3) or m.group(5) or (30 if m.group(4) else 0))
        if m.group(1) in ("下午", "晚上") and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            return m.group(0)
        return f"{hour}:{minute:02d}"

    return _CN_CLOCK.sub(clock, text)


def read_clock(line: str) -> Clock | None:
    """The session a timetable row publishes, or None when the line is no such row.
    Whole hours with am/pm (``9-10am``, ``12pm - 1pm``, ``3 - 4:20pm``) read as
    ``9:00-10:00am``; the times stay as written in ``said``."""
    text = _ISH.sub(r"\1", line.strip())
    if "|" not in text and _HOURS_KEPT.search(text):
        return None  # 每天 9:00–12:00，14:00–17:00: the hours a course keeps, no session
    part = _PART_OF_DAY.match(text)  # 上午 9:00-12:00 模块一 · 下午 1:30-3:00 · Morning: 9:00-…
    if part:
        clock = read_clock(text[part.end() :])
        if clock is not None:
            later = part.group(1) in ("下午", "晚上") or part.group(1).lower() in _LATER
            if later and clock.start < 8 * 60:  # 下午 1:30: 13:30
                clock.start += 720
                clock.end = clock.end + 720 if clock.end is not None else None
            clock.said = f"{part.group(1)} {clock.said}"
        return clock
    whole = _BARE_FROM.sub(r"\1:00", _HOUR_ONLY.sub(r"\1:00\2", _cn_clock(text)))
    if whole == text:
        return _read_clock(text)
    clock = _read_clock(whole)
    if clock is None:
        return None
    rest = text.replace(clock.title, " ", 1) if clock.title else text
    clock.said = rest.strip(" |｜:：-–—*_()（）") or clock.said
    return clock


_NUMBER_CELL = re.compile(
    r"第\s*[\d一二三四五六七八九十]+\s*[讲章节课部分单元模块]+|(?i:session|module|part|unit|lesson)\s*\d+"
)


def _read_clock(text: str) -> Clock | None:
    table = text.startswith("|") or text.count("|") >= 2  # a table, with or without edge pipes
    minutes = None
    if table:
        cells = [_plain_cell(c) for c in row_cells(text)]
        minutes, cells = _duration_cell(cells)
        cells = _join_from_to(cells)
        cells = [
            c
            for c in cells
            if c
            and (
                not re.fullmatch(r"[A-Za-z]{1,3}|[.:：·*_-]+|all|\d{1,3}", c, re.I)
                or re.fullmatch(r"end", c, re.I)
            )
        ]  # a Who column of codes (R, B, "."), a day or row number: no part of the name
        # (an END row is the day's end, not a code)
        timed = next((i for i, c in enumerate(cells) if _TIME_CELL.match(c)), None)
        if timed is not None:  # the times first, wherever their column stands; the name
            # is the first text cell (a Trainer, Room or Notes column after it is no part
            # of the name: the whole row stays in the session's notes)
            names = [*cells[:timed], *cells[timed + 1 :]]
            if len(names) > 1 and _NUMBER_CELL.fullmatch(names[0]):
                names = [f"{names[0]} {names[1]}"]  # | 第一讲 | 目标管理 |: one name
            cells = [cells[timed], *names[:1]]
        text = " | ".join(cells)
    m = _RANGE_FIRST.match(text)
    if m:
        start, end = (
            _minute(m.group(1), m.group(3), m.group(4)),
            _minute(m.group(5), m.group(7), m.group(8)),
        )
        if start is not None and end is not None and not m.group(4) and m.group(8):
            start = start + 720 if start < 720 and start + 720 < end else start  # 1:30 - 2:15 pm
        if start is not None and end is not None:
            said = text[: m.start(9)].strip(" |｜:：-–—*_") if m.group(9) else text.strip("*_ ")
            return Clock(
                start, end if _span(start, end) else None, _title(m.group(9)), said, minutes
            )
    m = _MILITARY_FIRST.match(text)
    if m:
        start = _minute(m.group(1), m.group(2), None)
        end = _minute(m.group(3), m.group(4), None)
        if start is not None and end is not None:
            said = f"{m.group(1)}{m.group(2)} - {m.group(3)}{m.group(4)}"
            return Clock(
                start, end if _span(start, end) else None, _title(m.group(5)), said, minutes
            )
    m = _MILITARY.match(text)
    if m and m.group(1).strip():
        start = _minute(m.group(2), m.group(3), None)
        end = _minute(m.group(4), m.group(5), None)
        if start is not None and end is not None:
            title = " ".join(p for p in (m.group(1).strip(), m.group(6).strip()) if p)
            said = f"{m.group(2)}{m.group(3)} - {m.group(4)}{m.group(5)}"
            return Clock(start, end if _span(start, end) else None, _title(title), said, minutes)
    m = _START_FIRST.match(text)
    if m and (m.group(2) in ":：" or table or text.startswith(("**", "__"))):
        start = _minute(m.group(1), m.group(3), m.group(4))
        rest = m.group(5)
        if start is not None and not re.match(r"^\d", rest):
            said = text[: m.start(5)].strip(" |｜:：-–—*_")
            return Clock(start, None, _title(rest), said, minutes)
    m = _RANGE_LAST.match(text)
    if m and not re.match(r"^\d", m.group(1)) and not _PROSE_BEFORE.search(m.group(1)):
        start, end = (
            _minute(m.group(2), m.group(4), m.group(5)),
            _minute(m.group(6), m.group(8), m.group(9)),
        )
        if start is not None and end is not None:
            said = text[len(m.group(1)) :].strip(" (（)）,，:：-–—")
            return Clock(
                start, end if _span(start, end) else None, _title(m.group(1)), said, minutes
            )
    if table and minutes is not None:
        return None  # a Duration column without clock times: the table reader's
    return None


def _title(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # Markdown links: their text (the
    # row as written stays in the session's notes)
    return re.sub(r"^[|｜:：\-–—\s*_]+|[|｜\s*_]+$", "", text).strip()


def minutes_between(first: Clock, then: Clock) -> int | None:
    """A start-only row's minutes: until the next row begins."""
    return _span(first.start, then.start)


def session_minutes(clock: Clock) -> int | None:
    if clock.minutes is not None:
        return clock.minutes
    if clock.end is None:
        return None
    return _span(clock.start, clock.end)
