"""An outline written one item a line (web pages, Word, Markdown), rebuilt as a tree.

Pure: lines in, a tree of ``Item`` out. Only a marker at a line's start counts: inline
numbering inside a sentence stays text. Depth follows the order markers appear in, as in
the one-line reader (``outline.py``): a kind seen before closes back to its level, a new
kind opens a level, and a number only counts when it continues a sequence or starts one.

Each convention read here, by the marker that shows it:

| convention                                   | read as                          |
|----------------------------------------------|----------------------------------|
| ``## 标题`` ``### 标题`` (Markdown headings)    | a level per heading depth        |
| ``第一讲`` ``第 3 章`` ``第一部分`` ``第一篇``     | a level per word (讲/章/部分/…)   |
| ``模块一`` ``单元一`` ``课题一`` ``任务一`` ``课题3-1`` | a level per word             |
| ``PART1`` ``Part 2`` ``Day 1`` ``【第一阶段】``    | a level per word                 |
| ``【3小时】任务一``                             | the task and its time            |
| ``一、`` ``(一)`` ``1.1`` ``1.`` ``(1)`` ``a.``  | numbering, by its form           |
| ``★ ● l n · - > ━ Ø`` bullets                  | a level per bullet character     |
| ``| 01 | 章名 | 内容 |`` table rows             | an item per row (title, points)  |
| an unmarked short line followed by bullets   | an unnumbered module             |
| ``导入：`` ``开场：`` ``总结：``                  | an unnumbered top-level segment  |
| ``工具:`` ``案例:`` ``【案例导入】`` ``实操演练:``  | the item's tools/cases/exercises |
| ``成果输出:`` ``【任务解析】`` ``【附1】``          | the item's notes                 |
| ``(40分钟)`` ``（2h）`` ``：0-5 分钟`` in a title  | the item's time                  |
| fenced code (Markdown)                       | the item's notes, verbatim       |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import ENGLISH, ROMAN
from .conventions import (
    BULLETS,
    CLOCK_RANGE,
    CN,
    EN_MODULE_WORDS,
    IN_MODULE_SLOT,
    MODULE_WORDS,
    NOTE_LABELS,
    SEGMENT_WORDS,
)
from .length import TOTAL_ROW
from .outline import MAX_DEPTH, Item, _first, _follows, _value, plain_time, split_time
from .timetable import BREAK, Clock, minutes_between, read_clock, session_minutes
from .traditional import fold

_N = rf"(?P<n>[{CN}]+|\d+)"
# Day one · Week Two · Part Three: a run's number written as an English word
_EN_NUMBER_WORDS = "|".join(sorted(ENGLISH, key=len, reverse=True))
_WEEKDAY = r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:周|星期)[一二三四五六日天])"
_CN_N = rf"(?P<n>[{CN}]+)"
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("heading", re.compile(r"^(?P<w>#{1,6})\s+")),
    ("task", re.compile(rf"^【(?P<d>[^】]*?(?:小时|分钟|h|min|天))】\s*任务{_N}\s*[:：、.．]?\s*")),
    (
        "word",
        re.compile(
            rf"^【?\s*第\s*{_N}(?:\s*[-–—~～至到]\s*(?P<to>[{CN}]+|\d+))?\s*(?P<w>{MODULE_WORDS})"
            r"\s*】?\s*[:：、.．]?\s*"
        ),
    ),
    (
        "word",
        re.compile(
            rf"^【?(?P<w>模块|板块|单元|课题|任务|专题|主题)\s*{_N}(?:-(?P<sub>\d+))?\s*】?\s*[:：、.．]?\s*"
        ),
    ),
    (
        "word",
        re.compile(
            rf"^(?P<w>(?i:{EN_MODULE_WORDS}))s?\s*(?P<n>\d+|{ROMAN}(?<=[IVX])|(?i:{_EN_NUMBER_WORDS}))\b"
            r"(?:\s*[-–—~～]\s*(?P<to>\d+)\b)?\s*[:：.．\-–—]?\s*(?!\d)"
        ),
    ),
    ("day", re.compile(rf"^(?P<w>{_WEEKDAY})(?P<n>)(?![a-z])\s*")),
    ("cn", re.compile(rf"^{_CN_N}[、.．]\s*")),
    ("paren_cn", re.compile(rf"^[（(](?P<n>[{CN}]+)[)）]\s*")),
    ("decimal", re.compile(r"^(?P<n>\d+\.\d+)(?![\d.%])\s*")),
    ("arabic", re.compile(r"^(?P<n>\d+)[.、．)）](?![\d%])\s*")),
    # I. Leading Yourself · II) Leading Others: an English outline's roman numbering
    ("roman", re.compile(rf"^(?P<n>{ROMAN}(?<=[IVX]))[.)]\s+(?=\S)")),
    ("paren", re.compile(r"^[（(](?P<n>\d+)[)）]\s*")),
    ("circled", re.compile(r"^(?P<n>[\u2460-\u2473])\s*")),  # ① ② ③: a list's numbers
    ("letter", re.compile(r"^(?P<n>[a-hA-H])[.)、]\s*(?=[\u3000-\u9fff])")),
    # (a star opens a bullet only before a space: '**The first part** is …' is bold text)
    ("bullet", re.compile(rf"^(?P<w>[{re.escape(BULLETS)}+]|\*(?=\s)|[ln](?=\s))\s*")),
]
_SLOT_LABELS = "|".join(sorted((*IN_MODULE_SLOT, *NOTE_LABELS), key=len, reverse=True))
_IN_MODULE = re.compile(
    rf"^(?:【\s*(?P<b>(?:{_SLOT_LABELS})\d*)\s*】\s*[:：]?|(?P<p>{_SLOT_LABELS})\s*[:：])\s*(?P<rest>.*)$"
)
_SEGMENT = re.compile(rf"^(?P<w>{'|'.join(SEGMENT_WORDS)})\s*[:：]\s*")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}")
_STRONG_CELL = re.compile(rf"^第\s*(?:[{CN}]+|\d+)\s*(?:{MODULE_WORDS})|^(?:模块|单元|课题)")


@dataclass
class _Open:
    kind: str
    value: tuple[int, ...]
    item: Item


@dataclass
class _Marker:
    kind: str
    value: tuple[int, ...]
    title: str
    duration: str | None = None
    line: str = ""  # the whole line: the title when the marker is all it says (第一天)
    last: int | None = None  # Week 1-2: the number the run goes on from
    said: str = ""  # Week 1-2: the marker as written, kept in the item's notes
    marked: bool = False  # "## 第一阶段：…": a heading numbered as a block, the number read off
    heading: bool = False  # written as a Markdown heading ("### Day 1：…"), whatever its kind


def _marker(line: str, indent: int) -> _Marker | None:
    found = _find_marker(line, indent)
    if found is not None:
        found.line = re.sub(r"^#+\s*", "", _unbold(line)).strip(" :：")
    return found


def _find_marker(line: str, indent: int) -> _Marker | None:
    if re.fullmatch(r"(\*\*|__)[^*_]+\1\s*[:：]?", line.strip()):
        line = _unbold(line.strip())  # **第一天** · __Day 2__: the bold line is the line
    folded = fold(line)  # 第一單元 read as 第一单元; what is kept is the page's own text
    for kind, pattern in _MARKERS:
        m = pattern.match(folded)
        if not m:
            continue
        groups = m.groupdict()
        raw = groups.get("n") or ""
        rest = line[m.end() :]
        if kind == "heading":  # "## 第一部分：认识数据": the heading is the level
            rest = _unbold(rest)
            read = fold(rest)
            inner = next((m2 for k, p in _MARKERS[1:9] if (m2 := p.match(read))), None)
            if inner is not None and _DAY.match(read):  # "## Day 1" then "### Day 2": days
                day = _marker(rest, indent)  # are one level, whatever their headings
                if day is not None:
                    day.heading = True
                return day
            if inner is not None and _TIME_UNIT.match(read):  # "# 第二周、第三周": the name
                return _Marker(f"h{len(groups['w'])}", (0,), rest, marked=True)
            if inner is None:
                return _Marker(f"h{len(groups['w'])}", (0,), rest)
            block = inner.re in _BLOCK_MARKS
            return _Marker(f"h{len(groups['w'])}", (0,), rest[inner.end() :], marked=block)
        if kind == "bullet":
            return _Marker(f"bullet{groups['w']}{indent // 2}", (0,), rest)
        if kind == "day":  # Monday 2020-10-05 · 周二: the whole line names the day
            return _Marker("day", (0,), line.strip(" #*_:："))
        if kind == "word":
            word = groups["w"].lower()
            if raw.lower() in ENGLISH:  # Day one: Day 1, the words kept in the title
                raw, rest = str(ENGLISH[raw.lower()]), line.strip(" #*_:：")
            base = "cn" if raw[:1] in CN else "roman" if raw[:1] in "IVX" else "arabic"
            value = _value(base, raw)
            if groups.get("sub"):
                return _Marker(f"{word}-sub", (value[0], int(groups["sub"])), rest)
            if groups.get("to"):  # Week 1-2 · 第1-2周: the run goes on from its last
                last = _value(base, groups["to"])[0]
                if last > value[0]:
                    said = line[: m.end()].strip(" :：、.．【】")
                    return _Marker(word, value, rest, last=last, said=said)
            return _Marker(word, value, rest)
        if kind == "task":
            return _Marker("任务", _value("cn", raw), rest, groups["d"])
        if kind == "paren_cn":
            return _Marker(kind, _value("cn", raw), rest)
        return _Marker(kind, _value(kind, raw), rest)
    return None


# the markers that number a heading as one of the course's blocks (第一阶段 · 模块二 ·
# Module 3 · Day 1), not as a list's item
_BLOCK_MARKS = {pattern for kind, pattern in _MARKERS[1:5] if kind in ("word", "task")}

_TIME_UNIT = re.compile(
    rf"^第\s*(?:[{CN}]+|\d+)\s*(?:天|周|次课|次|轮)|^(?i:day|week|session)\s*(?:\d+|(?:{_EN_NUMBER_WORDS})\b)",
    re.I,
)
_WEEK = re.compile(rf"^第\s*(?:[{CN}]+|\d+)\s*周|^(?i:week)\s*\d")
_DAY = re.compile(
    rf"^(?:第\s*(?:[{CN}]+|\d+)\s*天|(?i:day)\s*(?:\d+|(?i:{_EN_NUMBER_WORDS})\b)|{_WEEKDAY}\b)"
)


def _unbold(text: str) -> str:
    """'**Day 1**' · '__第一天__': a line in bold is the line."""
    m = re.fullmatch(r"(\*\*|__)(.+?)\1\s*([:：]?)\s*(.*)", text)
    return f"{m.group(2)}{m.group(3)} {m.group(4)}".strip() if m else text


def _table_row(line: str) -> list[str] | None:
    if not line.startswith("|") or _TABLE_RULE.match(line):
        return None
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


_ASIDE_ONLY = re.compile(
    rf"[\s,，\-–—:：]*{_WEEKDAY}[\s,，]*(?:\d{{1,4}}\s*[年月日/.\-]\s*)*\d{{0,2}}\s*日?|"
    r"[（(【\[][^)）】\]]*[)）】\]]|[\s,，\-–—:：]*(?:\d{1,4}\s*[年月日/.\-]\s*){1,3}\d{0,2}\s*日?"
)


def _titled(marker: _Marker) -> tuple[str, str | None, str | None]:
    """Title, time, and a note keeping the page's clock range (开场：0-5 分钟)."""
    title, duration = marker.title.strip(), marker.duration
    # **Matplotlib**初相识（**1**天）: bold inside a name is how the page shows it, no text
    title = re.sub(r"\*\*([^*\n]+?)\*\*", r"\1", title)
    if marker.kind in _DAY_KINDS and _PART_OF_DAY.match(title) and marker.line:
        title = marker.line  # 第一天上午：… · Day 3 Morning: the day stays in the title
    aside = bool(_ASIDE_ONLY.fullmatch(title))  # 第一天（6月12日） · Day 2 - 14 May: a date
    if (not title or aside) and marker.kind not in (
        "bullet",
        "arabic",
        "paren",
        "cn",
        "decimal",
        "letter",
    ):
        title = marker.line  # "第一天" · "Day 2" · "Module 3": the marker is the title
    clock = CLOCK_RANGE.search(title)
    if clock and duration is None:
        start, end = int(clock.group(1)), int(clock.group(2))
        if end > start:
            kept = f"时段：{title[clock.start() :].strip(' :：')}"
            return title[: clock.start()].strip(" :："), f"{end - start}分钟", kept
    sentence = _title_then_sentence(title)
    if sentence is not None and duration is None:  # Exploration. The ninety minutes of …
        title, said = sentence
        stripped, found, _ = split_time(title)
        return stripped.strip(" :："), found, said  # the sentence's time: _prose_times
    stripped, found, range_note = split_time(title)
    stripped = re.sub(r"^(\*\*|__)([^*_]+)\1$", r"\2", stripped.strip(" :："))  # **Introduction**
    return stripped.strip(" :："), duration or found, range_note


def parse_lines(lines: list[str], minute_word: str = "分钟") -> Item:
    """The outline under a root ``Item``; ``\\0``-prefixed lines are fenced code."""
    root = Item("")
    stack: list[_Open] = []
    segment: Item | None = None  # an open 导入:/总结: segment (top level, not on the stack)
    plain = _lone_marks([_piped(part) for line in lines for part in _unflatten(line)])
    open_row: tuple[Item, Clock] | None = None  # a start-time-only row, until the next begins
    time_column: tuple[int, str] | None = None  # a table's 学时 / Duration column, and its unit
    day_column: int | None = None  # and its Day column, when it has one
    header_cells: list[str] = []
    group: Item | None = None  # a row naming a group of the rows below it (第一轮 …)
    day_seen = ""
    summed: list[int] = []  # a table's part-time columns (理论学时 · 实践学时), summed
    row_owner: Item | None = None  # the row whose first cell the rows below leave empty
    sequence_header: list[str] | None = None  # a week/session table's header, no time column
    ended = False  # the day's end row seen: its later rows are no sessions
    ended_at = 24 * 60  # when it ended: a row starting earlier opens the next day
    named_below: set[int] = set()  # a line that names the clock row above it
    grid: list[tuple[int, Item]] | None = None  # a week's grid: each day column's module

    # lines heading their bullets with no mark of their own (a PDF's module names over
    # its topics): when a page writes two, a name with a sentence or two and a lead-in
    # ("This module covers:") before its bullets heads them too
    heads = sum(
        1
        for i, line in enumerate(plain)
        if line.strip()
        and not line.startswith("\0")
        and _unnumbered_module(line.strip(), plain, i + 1)
    )

    code: set[str] = set()  # lines of fenced code: never a block's time (print("学7小时"))

    def current() -> Item:
        if stack:
            return stack[-1].item
        return segment or root

    for i_line, line in enumerate(plain):
        index = i_line
        if line.startswith("\0"):
            current().notes.append(line[1:])
            code.add(line[1:])
            continue
        indent = len(line) - len(line.lstrip(" \t\u3000"))
        text = line.strip()
        if not text:
            continue
        if _COURSE_LENGTH.match(_unbold(_strip_bullet(text))):  # 总时长：4小时 · Total
            root.notes.append(text)  # Duration: 4 Hours: the course's (emit reads it)
            continue
        labelled_time = _LABELLED_TIME.match(_strip_bullet(text))
        if labelled_time and (stack or segment):  # 时间：2020年9月12日9:00-11:00
            owner = current()
            start = int(labelled_time.group("s")) * 60 + int(labelled_time.group("sm"))
            end = int(labelled_time.group("e")) * 60 + int(labelled_time.group("em"))
            dated = "." in labelled_time.group("rest") and start < 7 * 60  # 时间：1.19~2.15:
            if owner.duration is None and 0 < end - start <= 12 * 60 and not dated:  # dates
                owner.duration = f"{end - start}{minute_word}"
            owner.notes.append(text)
            continue
        time_line = _TIME_LINE.match(text) or _TIME_LINE.match(_strip_bullet(text))
        said_time = plain_time(time_line.group("t")) if time_line else None
        if said_time is not None and (stack or segment):  # **Time:** 45 min · 时长：2小时
            owner = current()
            parent = stack[-2].item if len(stack) >= 2 else None
            if (
                parent is not None
                and parent.duration is None
                and (stack[-1].kind in LIST_KINDS or stack[-1].kind.startswith("bullet"))
                and len(parent.children) >= 2
                and not any(c.duration for c in parent.children)
            ):  # 模块一 › 1.1 … 1.2 … › 时长：90分钟: after its points, the block's time
                owner = parent
            if _course_length_line(said_time, root):  # Length: 5 days atop a deck's first
                root.notes.append(text)  # slide: the course's (emit reads it), no block's
            elif owner.duration is None:
                owner.duration = said_time
            else:
                owner.notes.append(text)
            continue
        if _dotted_timetable(plain, i_line):  # 9.00 Welcome · 9.30 …: times, not 9.00 numbering
            text = _DOTTED.sub(r"\1:\2 ", text, count=1)
        elif hhmm_timetable(plain, i_line):  # 0830 Registration · 0900-1030 …: 24-hour times
            text = _HHMM.sub(_colon_times, text, count=1)
        if grid is not None and _TABLE_RULE.match(text):
            continue
        grid_cells = _table_row(text)
        if grid_cells is not None and grid is None and (grid_days := _grid_days(grid_cells)):
            grid = []  # | Time | Monday | Tuesday |: a week's grid, a day per column
            for column, name in grid_days:
                day_item = Item(name, "tableday")
                root.children.append(day_item)
                grid.append((column, day_item))
            stack.clear()
            root.notes.append(text)
            continue
        if grid is not None and grid_cells is None:
            grid = None  # the grid ended
        elif grid is not None and grid_cells is not None:
            row_clock = read_clock(grid_cells[0]) if grid_cells else None
            spent = session_minutes(row_clock) if row_clock is not None else None
            for column, day_item in grid:
                cell = grid_cells[column].strip() if column < len(grid_cells) else ""
                if not cell or BREAK.match(cell.strip("*_ ")) or row_clock is None:
                    continue
                said = f"{row_clock.said} {cell}"
                duration = f"{spent}{minute_word}" if spent else None
                day_item.children.append(Item(cell, "clock", duration, notes=[said]))
            root.notes.append(text)  # the row as written (breaks and all)
            continue
        day_slot = _day_session(text)  # ### Day 2: SCRTP - Morning (9:00 - 12:00)
        if day_slot is not None:
            day_line, part, slot_clock = day_slot
            day_marker = _marker(day_line, 0)
            if day_marker is not None:
                open_row = None
                at = next(
                    (
                        i
                        for i, o in enumerate(stack)
                        if o.kind == day_marker.kind and o.value == day_marker.value
                    ),
                    None,
                )
                if at is None:  # the day's first session opens the day (Day 2 with no
                    stack.clear()  # Day 1 heading before it: still a day)
                    title, _, kept = _titled(day_marker)
                    opened = Item(title, day_marker.kind, notes=[kept] if kept else [])
                    root.children.append(opened)
                    stack.append(_Open(day_marker.kind, day_marker.value, opened))
                else:
                    del stack[at + 1 :]
                if not part.strip() and ":" not in day_line and "：" not in day_line:
                    # '## Day 1 (9:00 am – 4:30 pm)': the day's own hours, over its parts
                    stack[-1].item.notes.insert(0, slot_clock.said)
                    continue
                item = _open(root, stack, _Marker("clock", (0,), part or slot_clock.said))
                if item is not None:
                    spent = session_minutes(slot_clock)
                    item.duration = f"{spent}{minute_word}" if spent else None
                    item.notes.insert(0, slot_clock.said)
                    continue
        day_row = _day_row(text)
        if day_row is not None:  # | 9月20日 | | | over a day's rows · | 9/3 | 9:00 – 9:45 | …
            ended = False
            day_name, day_rest = day_row
            open_row = None
            # the day goes under the heading it is written under (## 日程), not its table
            under = next(
                (
                    i
                    for i in range(len(stack) - 1, -1, -1)
                    if _HEADING_KIND.fullmatch(stack[i].kind)
                ),
                None,
            )
            del stack[0 if under is None else under + 1 :]
            day_item = Item(day_name, "tableday")
            (stack[-1].item if stack else root).children.append(day_item)
            stack.append(_Open("tableday", (0,), day_item))
            if day_rest is None:
                continue
            text = day_rest
        clock = None if i_line in named_below else _clock_line(text, indent)
        if clock is not None and clock.end is not None and _spans_rows(plain, i_line, clock):
            # '## Training Schedule (12:00 PM – 4:00 PM)' over its timed rows: the hours
            # they run in, not a session of its own (the hours kept in its notes)
            heading = _marker(text, indent)
            if heading is not None:
                spanned = _open(root, stack, _Marker(heading.kind, heading.value, clock.title))
                if spanned is not None:
                    spanned.notes.insert(0, clock.said)
                    continue
        if clock is not None and not clock.title:  # 8:30 to 9:00, then its session's name
            below = _name_below(plain, i_line)
            if below is not None:
                named_below.add(below)
                clock.title = _unbold(plain[below].strip())
                text = f"{text} {clock.title}"
        elif i_line in named_below:
            continue
        if clock is not None:
            if open_row is not None:  # the row before ends when this one begins
                spent = minutes_between(open_row[1], clock)
                if spent is not None and open_row[0].duration is None:
                    open_row[0].duration = f"{spent}{minute_word}"
                open_row = None
            # (a bare END row closes the session above it; a second day may follow)
            ended_here = (
                clock.is_end
                and clock.end is None
                and bool(clock.title)
                and clock.title.strip().lower() != "end"
            )
            if ended and open_row is None and not clock.is_end and clock.start < ended_at:
                ended = False  # | 09:00 | … | after the day's end row: the next day's rows
            if clock.is_break or (clock.is_end and clock.end is None) or ended:
                # after "4:30 - Workshop ends" the day's rows are outside the course
                (stack[0].item if stack and stack[0].kind in _DAY_KINDS else root).notes.append(
                    _unbold(text)
                )
                if ended_here:
                    ended_at = clock.start
                ended = ended or ended_here
                continue
            session = session_minutes(clock)
            named = re.sub(r"\s*<br\s*/?>\s*(?:[-*•]\s+)?", "; ", clock.title, flags=re.I)
            item = _open(root, stack, _Marker("clock", (0,), named or clock.said))
            if item is not None:
                item.duration = f"{session}{minute_word}" if session else None
                item.notes.insert(0, _as_written(text, clock))
                if clock.end is None and clock.minutes is None:
                    open_row = (item, clock)
                continue
        elif _marker(text, indent) is not None and _DAY.match(re.sub(r"^#+\s*", "", _unbold(text))):
            open_row = None  # a new day: the last start-only row's end is not published
            ended = False
        labelled = _IN_MODULE.match(_strip_bullet(text))
        if labelled:
            label = labelled.group("b") or labelled.group("p")
            slot = IN_MODULE_SLOT.get(label, "notes")
            rest = labelled.group("rest").strip()
            owner = current()
            opening = not stack and all(c.kind == "segment" for c in root.children)
            if opening and slot != "notes" and rest:
                # 讨论：中层管理者的角色 before the first module: an opening segment
                item = Item(_strip_bullet(text), "segment")
                root.children.append(item)
                segment = item
                continue
            if slot == "notes" or not rest:
                owner.notes.append(_strip_bullet(text))
            else:
                getattr(owner, slot).append(rest)
            continue
        cells = _table_row(text)
        if cells is not None and time_column is None:
            time_column = table_time_column(cells)
            row_owner = None
            summed = _part_time_columns(cells) if time_column is None else []
            if summed:  # | 理论学时 | 实践学时 |: a row's time is their sum
                time_column = (summed[0], "学时" if "学时" in cells[summed[0]] else "课时")
            if time_column is not None:
                header_cells = cells
                day_column = next(
                    (i for i, c in enumerate(cells) if _DAY_HEADER.fullmatch(c.strip())), None
                )
                if day_column and _SEQUENCE_HEADER.fullmatch(cells[0].strip()):
                    day_column = None  # | 周次 | 时数 | 日期 | …: a week's row and its date
                current().notes.append(text)  # the header row, kept
                continue
        if cells is not None and time_column is not None and len(cells) > 1:
            if _TOTAL_CELL.match(next((c for c in cells if c), "")) or not any(cells):
                root.notes.append(text)  # 合计: the course's length (emit reads it)
                continue
            index, unit = time_column
            if 1 < len(cells) < len(header_cells) and cells[-1]:  # a merged cell on the left
                padded = [""] * (len(header_cells) - len(cells)) + cells
                if index < len(padded) and _cell_time(padded[index], unit or "小时"):
                    cells = padded
            time = cells[index] if index < len(cells) else ""
            parts_said = ""
            if len(summed) > 1 and all(i < len(cells) for i in summed):
                parts = [cells[i].strip() for i in summed]
                if all(re.fullmatch(r"\d+(?:\.\d+)?|", p) for p in parts) and any(parts):
                    time = f"{sum(float(p) for p in parts if p):g}"
                    parts_said = "，".join(  # the parts as written, beside their sum
                        f"{header_cells[i]}：{cells[i]}" for i in summed if cells[i].strip()
                    )
            if not time.strip() and cells[0] and _opens_group(plain, i_line + 1):
                stack.clear()  # 第一轮：基础起步 over its lessons: a module
                group = _open(root, stack, _Marker("tablegroup", (0,), cells[0], line=cells[0]))
                if group is not None:
                    group.notes += [c for c in cells[1:] if c]
                continue
            if not time.strip() and group is not None and cells[0]:
                group.notes.append(text)  # 阶段任务 after a group's lessons: its notes
                continue
            if day_column is not None and day_column < len(cells) and cells[day_column]:
                day = cells[day_column]  # a Day column: each day a module, its rows inside
                if day != day_seen:
                    day_seen = day
                    stack.clear()
                    named = f"Day {day}" if day.isdigit() and minute_word == "min" else day
                    named = f"第{day}天" if day.isdigit() and minute_word != "min" else named
                    _open(root, stack, _Marker("tableday", (0,), named, line=named))
            if re.fullmatch(
                r"0+(?:\.0+)?", time.strip()
            ):  # 0 minutes: a heading row, not a session
                current().notes.append(text)
                continue
            named_column = name_column(header_cells)
            if (
                named_column is not None
                and named_column < len(cells)
                and _marker_only(cells[named_column])
            ):  # | 模块 | 内容 | 学时 | over | 模块一 | 角色认知 | 3 |: the 内容 cell names it
                named_column = name_column(
                    ["" if i == named_column else h for i, h in enumerate(header_cells)]
                )
            if (
                named_column is not None
                and named_column < len(cells)
                and cells[named_column]
                and not _marker_only(cells[named_column])
            ):
                title = cells[named_column]  # the 课程 / Topic column names the row
                rest = [
                    c
                    for i, c in enumerate(cells)
                    if i not in (index, day_column, named_column)
                    and c
                    and not re.fullmatch(r"\d{1,3}|[.·-]", c)
                ]
            else:
                others = [
                    c
                    for i, c in enumerate(cells)
                    if i not in (index, day_column) and not _marker_only(c)
                ]  # 序号 / Session numbers / a 第1章 cell are no names
                title = next((c for c in others if c), "")
                rest = others[others.index(title) + 1 :] if title else []
                word = next((c for c in cells if c and _STRONG_CELL.match(c)), None)
                if title and word and _marker_only(word):  # | 第一章 | 导论 |: 第一章 导论
                    title = f"{word} {title}"
            if group is not None and not cells[0]:
                del stack[1:]  # a lesson of the open group
            if (
                group is None
                and not cells[0].strip()
                and day_column != 0
                and row_owner is not None
                and title
            ):  # | ai教学 | | 40min | then | | copilot | 20min |: a part of the row above
                owned = Item(title, "table", _cell_time(time, unit, minute_word))
                owned.notes.append(text)
                row_owner.children.append(owned)
                continue
            item = _open(root, stack, _Marker("table", (0,), title, line=title))
            row_owner = (  # | ai教学 | | 40min |: it names only itself, the rows below its parts
                item
                if group is None
                and cells[0].strip()
                and not any(c.strip() for i, c in enumerate(cells) if i not in (0, index))
                else None
            )
            if item is not None:
                item.duration = _cell_time(time, unit, minute_word)
                if parts_said:
                    item.notes.append(parts_said)
                if time and item.duration is None:
                    item.notes.append(f"{cells_header_unit(unit)}：{time}")
                for cell in rest:
                    item.children.extend(
                        Item(part.strip(" -"), "cell")
                        for part in re.split(r"[；;]|\s/\s", cell)
                        if part.strip(" -")
                    )
                continue
        if cells is not None:
            if _header_row(cells, plain, i_line):  # | Week | Date | Topic | Readings |
                sequence_header = cells if sequence_table(cells) else None
                if sequence_header is not None:  # a table is a block of its own: it
                    while stack and (
                        stack[-1].kind in LIST_KINDS or stack[-1].kind.startswith("bullet")
                    ):  # ends the lists above
                        stack.pop()
                current().notes.append(text)
                continue
            by_name = _named_cell(sequence_header, cells)
            if by_name is not None:  # a row of a week/session table: its Topic cell names it
                title, rest = by_name
                item = _open(root, stack, _Marker("table", (0,), title))
                if item is not None:
                    item.children.extend(Item(c, "cell") for c in rest)
                    item.notes.append(text)  # the row as written (its date, its week)
                    continue
            if cells and (cells[0].isdigit() or _STRONG_CELL.match(cells[0])) and len(cells) > 1:
                if cells[0].isdigit() and len(cells) > 2 and _DAY_CELL.fullmatch(cells[1]):
                    cells = [
                        cells[0],
                        *cells[2:],
                        cells[1],
                    ]  # | 1 | 3月4日 | 主题 |: the date is no name
                title = cells[1] if cells[0].isdigit() else cells[0]
                rest = cells[2:] if cells[0].isdigit() else cells[1:]
                item = _open(root, stack, _Marker("table", (0,), title))
                if item is not None:
                    item.children.extend(Item(c, "cell") for c in rest if c)
                    continue
            current().notes.append(text)
            continue
        if TOTAL_ROW.match(_strip_bullet(text)):  # 合计：16学时 · Total: 12 hours: the
            root.notes.append(text)  # course's length (emit reads it), never a module
            continue
        day_at = next(
            (i for i in range(len(stack) - 1, -1, -1) if stack[i].kind in DAY_BLOCKS), None
        )
        if (
            day_at is not None
            and not text.startswith("#")
            and _PART_ALONE.fullmatch(_unbold(text).strip(" *_"))
        ):
            # '上午' · '下午' · 'Afternoon:' alone on its line, under a day: a block of the
            # day, over the numbered list that starts again below it (with no day, a
            # heading over the day's rows, read as before)
            del stack[day_at + 1 :]
            _push(stack, root, _Marker("half", (0,), _unbold(text).strip(" *_:：")))
            continue
        marker: _Marker | None = _marker(text, indent)
        if (_SEGMENT.match(text) and not _prose(text)) or (
            # 课程总结与答疑（30分钟） after numbered, timed modules: one more module
            marker is None and _timed_sibling(text, root)
        ):
            title, duration, kept = _titled(_Marker("segment", (0,), text))
            item = Item(title, "segment", duration, notes=[kept] if kept else [])
            root.children.append(item)
            stack.clear()
            segment = item
            continue
        if marker is None and (
            _unnumbered_module(text, plain, index + 1)
            or (heads >= 2 and _unnumbered_module(text, plain, index + 1, lead_in=True))
        ):
            marker = _Marker("plain", (0,), text)
        if marker is None and stack and _timed_line(text):
            # 'Problem Identification (20 minutes)' under Session 1: a timed part of it
            at = next((i for i, o in enumerate(stack) if o.kind == "timed"), len(stack))
            del stack[at:]
            marker = _Marker("timed", (0,), text)
        if marker is None or _prose(text):
            owner = current()
            if owner is not root and not owner.title:
                owner.title = text
            else:
                owner.notes.append(text)
            continue
        if marker.kind.startswith("h") or marker.kind == "plain":
            # a heading (or a plain line over its bullets) ends the lists above it: never
            # their item's
            while stack and stack[-1].kind.startswith("bullet"):
                stack.pop()
        if marker.kind.startswith("h") or marker.kind in _DAY_KINDS:
            ended = False  # a new heading or day: its own rows
        if not _half_day(root, stack, marker) and _open(root, stack, marker) is None:
            current().notes.append(text)
    _prose_times(root, code)
    _untitled_breaks(root)
    _bare_hours(root, minute_word)
    _clock_reset_days(root)
    _merge_recurring(root, minute_word)
    for block in [c for c in root.children if c.kind in DAY_BLOCKS]:
        if not block.children and block.notes and all(read_clock(n) for n in block.notes):
            root.children.remove(block)  # a day of breaks and drinks only: no day of teaching
            root.notes += [block.title, *block.notes]
    days = [c for c in root.children if c.kind == "tableday"]
    if len(days) == 1 and len(root.children) == 1:  # one day in a Day column: its rows
        root.children = days[0].children
    _unmarked_list(root)
    return root


def _clock_reset_days(root: Item) -> None:
    """A timetable whose day names sit among its rows, not above them (a PDF's merged
    Day cell, printed halfway down its day: rows, 'Monday', rows, 9AM again …): the
    clock going back to an earlier time starts the next day; with as many days named
    as runs of rows, each run is its day, named in order."""
    if len(root.children) < 4 or any(c.kind != "clock" for c in root.children):
        return
    rows: list[tuple[Item, int]] = []
    days: list[Item] = []
    for item in root.children:
        clock = next((c for n in item.notes[:1] if (c := read_clock(n)) is not None), None)
        if clock is None:
            return
        rows.append((item, clock.start))
        days += [c for c in item.children if c.kind in _DAY_KINDS and not c.children]
    runs: list[list[Item]] = [[]]
    for i, (item, start) in enumerate(rows):
        if i and start < rows[i - 1][1]:
            runs.append([])
        runs[-1].append(item)
    if len(days) < 2 or len(runs) != len(days):
        return
    for item, _ in rows:
        item.children = [c for c in item.children if c.kind not in _DAY_KINDS]
    root.children = [
        Item(day.title, "day", children=run, notes=list(day.notes))
        for day, run in zip(days, runs, strict=True)
    ]


def _unmarked_list(root: Item) -> None:
    """An outline of short lines and nothing else (a page's 'Course content' over one
    topic a line, its bullets lost in copying): each line is a module."""
    lines = root.notes
    if root.children or not 2 <= len(lines) <= 60:
        return
    if any(
        len(line) > 60
        or "\n" in line
        or re.search(r"[。；;.!?！？]\s*$", line)
        or line.startswith("\0")
        for line in lines
    ):
        return
    root.children = [
        Item(title, "plain", duration) for title, duration, _ in map(split_time, lines)
    ]
    root.notes = []


# a table cell that only names a day: 9/3 · 9月20日 · 2024-09-20 · Mon 9/3 · Sept 3 · Day 2 ·
# 第二天 · 周一 (and a weekday or a note in brackets after it)
_DATE = (
    r"(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[/.月]\s*\d{1,2}\s*日?(?:\s*[-/]\s*\d{2,4})?"
    r"|(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"|(?i:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
)
_DAY_CELL = re.compile(
    rf"^(?:(?:{_WEEKDAY}|(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?)[\s,，]*(?:{_DATE})?"
    rf"|(?:{_DATE})(?:[\s,，]*{_WEEKDAY})?|(?i:day)\s*\d{{1,2}}|第\s*[{CN}\d]+\s*天)"
    r"\s*(?:[（(][^()（）]{1,12}[)）])?$"
)


_HEADING_KIND = re.compile(r"h\d")
# the kinds of item a list's own numbering opens (1. · 一、 · (1) · a. · 1.1 · I.)
LIST_KINDS = ("arabic", "paren", "paren_cn", "letter", "cn", "decimal", "roman", "circled")
# the first column of a table whose rows are the course's sessions, one a row
_SEQUENCE_HEADER = re.compile(
    r"(?i:week|wk|session|day|date|lesson|class|lecture|meeting|unit|module|no\.?|#|number)s?"
    r"|(?i:time|date\s*(?:&|and|/)\s*time|when)"  # a row's date and start (2026-07-05 08:30)
    r"|(?i:months?)|序号|周次|周|课次|讲次|次数|日期|天|第几周|编号|时间|上课时间|日期时间|月份|月",
)
_POINTS_HEADER = re.compile(
    r"(?i:key points|subtopics|details|contents?|activities|description)|要点|内容要点|主要内容|具体内容"
)


_PART_TIME = re.compile(
    r"(?:理论|讲授|授课|实践|实验|上机|实训|习题|研讨|课内|课外|线上|线下)\s*(?:学时|课时)(?:数)?"
    r"|(?i:(?:lecture|lab|laboratory|practice|practical|theory|tutorial|seminar|online|in[- ]class)\s*(?:hours?|hrs?))"
)


def _part_time_columns(cells: list[str]) -> list[int]:
    """A header that splits the time into parts (| 理论学时 | 实践学时 | · | Lecture hours |
    Lab hours |) and names no total: the parts' columns."""
    if any(re.search(r"\d", c) for c in cells):
        return []
    found = [i for i, c in enumerate(cells) if _PART_TIME.fullmatch(" ".join(c.split()))]
    return found if len(found) >= 2 else []


def _piped(line: str) -> str:
    """'第一天 | 9:00-12:00 | 角色认知 | 张华': a table typed as text, without the edge pipes,
    read as the table it is."""
    text = line.strip()
    if line.startswith("\0") or text.count("|") < 2:
        return line
    if not text.startswith("|"):
        text = f"| {text} |"
    # | **第 1 节：项目启动** | …: a cell in bold is its text
    return re.sub(r"(?<=\|)\s*(\*\*|__)([^|*_](?:(?!\*\*|__)[^|])*?)\1\s*(?=\|)", r" \2 ", text)


def _header_row(cells: list[str], lines: list[str], index: int) -> bool:
    """A table's header: the row right above its | --- | rule, or a table's first row
    of words only (a PDF's or a sheet's table has no rule)."""
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if _TABLE_RULE.match(following) and following.startswith("|"):
        return True
    before = next((lines[i].strip() for i in range(index - 1, -1, -1) if lines[i].strip()), "")
    return (
        not before.startswith("|")
        and len(cells) >= 2
        and all(c.strip() for c in cells)
        and not any(re.search(r"\d", c) for c in cells)
    )


def sequence_table(header: list[str]) -> bool:
    """| Week | Date | Topic | … |: a session a row, a column naming each."""
    return (
        bool(header)
        and bool(_SEQUENCE_HEADER.fullmatch(header[0].strip()))
        and name_column(header) is not None
    )


def _named_cell(header: list[str] | None, cells: list[str]) -> tuple[str, list[str]] | None:
    """A row of a session table: the cell under its Topic / 内容 column names it; the
    cells under a points column are its points."""
    if header is None or len(cells) < 2:
        return None
    column = name_column(header)
    if column is None or column >= len(cells) or not cells[column] or _marker_only(cells[column]):
        return None
    points = [
        part.strip(" -")
        for i, cell in enumerate(cells)
        if i != column and i < len(header) and _POINTS_HEADER.fullmatch(header[i].strip())
        for part in re.split(r"[；;]|<br\s*/?>", cell)
        if part.strip(" -")
    ]
    return cells[column], points


def _day_row(text: str) -> tuple[str, str | None] | None:
    """A table row that opens a day: its first cell only names the day, and the rest of
    the row is empty (the day's own header row) or a clock-timed session (the day's first
    row, the day cell spanning those below). The day's name, and the session's row."""
    cells = _table_row(text)
    if cells is None or len(cells) < 2 or not _DAY_CELL.fullmatch(_unbold(cells[0])):
        return None
    rest = [c for c in cells[1:]]
    if not any(rest):
        return _unbold(cells[0]), None
    row = "| " + " | ".join(rest) + " |"
    if read_clock(row) is None or _clock_line(row, 0) is None:
        return None
    return _unbold(cells[0]), row


_DAY_SESSION = re.compile(
    rf"^(?P<day>(?i:day)\s*\d+|第\s*[{CN}\d]+\s*天)\s*(?:[:：]\s*(?P<name>[^()（）]+?))?"
    r"(?:(?:\s*[-–—:：,，]\s*|\s+)(?P<part>[^()（）]*?))?\s*[(（](?P<clock>[^()（）]+)[)）]\s*$"
)


def _day_session(text: str) -> tuple[str, str, Clock] | None:
    """A heading naming its day, then the session and its clock span ('### Day 1: Bash -
    Late Morning (13:00 - 14:30)' · '### 第二天 下午（13:30-17:00）'): the day (its line),
    the session's name and its times. A day's sessions written this way, the day's own
    heading missing or not, become the day's sections."""
    if not text.startswith("#") or len(text) > 200:
        return None
    m = _DAY_SESSION.match(_unbold(re.sub(r"^#+\s*", "", text)).strip())
    if not m:
        return None
    slot = read_clock(m.group("clock"))
    if slot is None or slot.title or not session_minutes(slot):
        return None
    name = (m.group("name") or "").strip()
    return (f"{m.group('day')}: {name}" if name else m.group("day")), (m.group("part") or ""), slot


_GRID_TIME = re.compile(r"(?i:time|times|slot|when|hour)|时间|时段|节次")
_GRID_DAY = re.compile(
    rf"{_WEEKDAY}|(?i:mon|tue|wed|thu|fri|sat|sun)\.?|(?i:day)\s*\d+|第\s*[{CN}\d]+\s*天"
    r"|\d{1,2}\s*[月/.]\s*\d{1,2}\s*日?"
)


def _grid_days(cells: list[str]) -> list[tuple[int, str]]:
    """'| Time | Monday | Tuesday |' · '| 时间 | 第一天 | 第二天 |': a timetable whose
    columns are days; each day column and its name (two at least), else none."""
    if len(cells) < 3 or not _GRID_TIME.fullmatch(_unbold(cells[0].strip())):
        return []
    days = [(i, _unbold(c.strip())) for i, c in enumerate(cells) if i]
    if not all(_GRID_DAY.match(name) and len(name) <= 30 for _, name in days):
        return []
    return days


def grid_header(head: list[str]) -> list[str]:
    """The last lines above an outline when they are a week grid's header (and its rule):
    the page's first rows start the outline, the header naming the days stays above."""
    tail = [line.strip() for line in head[-2:]]
    rows = [line for line in tail if line.startswith("|")]
    header = next((r for r in rows if not _TABLE_RULE.match(r)), None)
    cells = _table_row(header) if header else None
    return rows if cells and _grid_days(cells) else []


def _course_length_line(said: str, root: Item) -> bool:
    """A time line of whole days in the first block, before anything is timed ('Course
    name: …' · 'Length: 5 days' on a deck's first slide): the course's length."""
    from ..duration import DurationError, parse_duration

    try:
        days = parse_duration(said).days
    except DurationError:
        return False

    def timed(item: Item) -> bool:
        return any(c.duration or timed(c) for c in item.children)

    return days is not None and days >= 1 and len(root.children) <= 1 and not timed(root)


def _name_below(lines: list[str], index: int) -> int | None:
    """The line naming a row of times only ('8:30 to 9:00' then 'Arrive, coffee' ·
    '09:00-09:30' then '开场破冰'): the next line, when it is plain text (no time, no
    number or bullet, no table, no paragraph)."""
    below = next((j for j in range(index + 1, len(lines)) if lines[j].strip()), None)
    if below is None:
        return None
    text = _unbold(lines[below].strip())  # **Group Presentations**: the name in bold
    if text.startswith(("\0", "|")) or len(text) > 100 or _prose(text):
        return None
    if _clock_line(text, 0) is not None:
        return None
    bold = text != lines[below].strip()  # a name set in bold is a name, numbered or not
    return below if bold or _marker(text, 0) is None else None


def _untitled_breaks(item: Item) -> None:
    """'## 10am - 10:20am' then '- Break' · '12:00-13:00' then '- 午餐': a slot named only
    by its times whose first line is a break is a break, no module; so is an item whose
    whole title is a break ('4. Coffee Break', '- 午餐（60分钟）'). Their lines are kept."""
    kept: list[Item] = []
    for child in item.children:
        first = child.children[0] if child.children else None
        untitled = child.kind == "clock" and child.notes[:1] == [child.title]
        if untitled and first is not None and not first.children and BREAK.match(first.title):
            item.notes += [child.title, *(c.title for c in child.children), *child.notes[1:]]
            continue
        if not child.children and _only_break(child.title):  # 4. Coffee Break · - 午餐
            said = f"{child.title}（{child.duration}）" if child.duration else child.title
            item.notes += [said, *child.notes]
            continue
        _untitled_breaks(child)
        kept.append(child)
    item.children = kept


def _only_break(title: str) -> bool:
    """'Coffee Break' · '**Lunch**' · '茶歇': the whole title is a break's name."""
    text = title.strip(" *_")
    m = BREAK.match(text)
    return m is not None and not re.search(r"\w", text[m.end() :])


def _merge_recurring(item: Item, minute_word: str) -> None:
    """A session that recurs in a timetable (Main concepts of Python at 09:45, 10:45 and
    13:15, breaks between) is one block: its rows' minutes add up, each row kept in notes."""
    first: dict[str, Item] = {}
    kept: list[Item] = []
    for child in item.children:
        _merge_recurring(child, minute_word)
        key = re.sub(r"\W+", "", child.title).lower()
        if child.kind != "clock" or not key or child.children:
            kept.append(child)
            continue
        if key not in first:
            first[key] = child
            kept.append(child)
            continue
        head = first[key]
        a, b = _minutes_of(head.duration), _minutes_of(child.duration)
        head.duration = f"{a + b}{minute_word}" if a is not None and b is not None else None
        head.notes += child.notes
    item.children = kept


def _minutes_of(text: str | None) -> int | None:
    time = plain_time(text) if text else None
    if time is None:
        return None
    from ..duration import parse_duration

    return parse_duration(time).minutes


_BARE_HOURS = re.compile(r"\s*[(（]\s*(\d{0,2}(?:\.\d+)?)\s*[)）]\s*$")


def _bare_hours(item: Item, minute_word: str) -> None:
    """Items ending in a bare number in brackets, three or more side by side ('Lab:
    Configuring SSL (1)', 'GemFire Security (2.5)', 'Summary (.5)'): hours, as agendas
    written for a day write them."""
    marked = [(c, _BARE_HOURS.search(c.title)) for c in item.children]
    hits = [(c, m) for c, m in marked if m and m.group(1) and float(m.group(1)) <= 8]
    if len(hits) >= 3 and not any(c.duration for c in item.children):
        for child, m in hits:
            child.title = child.title[: m.start()].rstrip()
            child.notes.insert(0, f"({m.group(1)})")
            child.duration = f"{round(float(m.group(1)) * 60)}{minute_word}"
    for child in item.children:
        _bare_hours(child, minute_word)


_PROSE_TIME = re.compile(
    r"(?<![\d.\-–~～到至])(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|ten|fifteen|twenty|"
    r"thirty|forty[-\s]five|forty|fifty|sixty|seventy|eighty|ninety)\s*[-\s]?"
    r"(hours?|hrs?|minutes|mins|小时|分钟)(?![a-z])(?!\s*(?:per|each|for each|/)(?![a-z]))",
    re.I,
)


def _prose_times(item: Item, code: set[str]) -> None:
    """'Module 2' then 'Planning and scheduling … 4 hours.': a module whose own text states
    one time (and no other) takes it; a line of code it shows states none."""
    for child in item.children:
        _prose_times(child, code)
        if (
            child.duration
            or child.kind in ("cell", "clock")
            or any(c.duration for c in child.children)
        ):
            continue
        found = {
            (str(ENGLISH.get(m.group(1).lower(), m.group(1))), m.group(2).lower())
            for note in [child.title if _prose_title(child.title) else "", *child.notes]
            if not note.startswith("TODO")  # a range kept for the trainer: no time
            and note not in code
            for m in _PROSE_TIME.finditer(note)
            if not _RANGE_BEFORE.search(note[: m.start()])
        }
        if len(found) == 1:
            number, unit = next(iter(found))
            unit = "小时" if unit in ("小时",) else "分钟" if unit == "分钟" else unit
            child.duration = plain_time(f"{number} {unit}" if unit.isascii() else f"{number}{unit}")


def _title_then_sentence(title: str) -> tuple[str, str] | None:
    """A short name, then a sentence about it ('Exploration. The ninety minutes of the
    first session are allocated as follows:'): the name, and the sentence."""
    head, stop, tail = title.partition(". ")
    if not stop or len(head) > 60 or not re.search(r"[A-Za-z]{4}", head):
        return None  # no stop, a long head, or an abbreviation (Dr. Smith …)
    tail = tail.strip()
    return (head, tail) if tail[:1].isupper() and len(tail.split()) >= 6 else None


_RANGE_BEFORE = re.compile(
    r"\d\s*(?:分[钟鐘]|mins?|minutes|小[时時]|hrs?|hours?)?\s*[-–~～到至]\s*$", re.I
)  # 15 - 20 minutes: the 20 of a range


def _prose_title(title: str) -> bool:
    """'Reflection. The ninety minutes of the second session are allocated as follows':
    a title that is a sentence, whose words may state the block's time."""
    return len(title.split()) >= 6


def _open(root: Item, stack: list[_Open], marker: _Marker) -> Item | None:
    """Open an item for a marker at the level its kind and number put it, or None when
    the number continues no sequence (then the line is text)."""
    level = next(
        (
            i
            for i in range(len(stack) - 1, -1, -1)
            if stack[i].kind == marker.kind and _follows(stack[i].value, marker.value)
        ),
        None,
    )
    if level is None and _HEADING_KIND.fullmatch(marker.kind):
        # '## 1. Basics' after '### Textbooks': a heading closes every heading of its own
        # level or below, whichever came first on the page; it never nests under them
        level = next(
            (
                i
                for i, o in enumerate(stack)
                if _HEADING_KIND.fullmatch(o.kind) and int(o.kind[1:]) >= int(marker.kind[1:])
            ),
            None,
        )
    if (
        level is None
        and marker.heading
        and any(o.kind == marker.kind and o.value == marker.value for o in stack)
    ):
        return None  # '#### Day1 交付作业' inside '### Day 1：…': a heading of the day's text
    if level is None and marker.heading:
        # '### Day 1' after a list: a heading ends the lists and lines open above it
        level = next((i for i, o in enumerate(stack) if not _HEADING_KIND.fullmatch(o.kind)), None)
        if level is not None and not _first(marker.value):
            level = None
    if level is None and (
        not _first(marker.value)
        or len(stack) >= MAX_DEPTH
        or sum(o.kind == marker.kind for o in stack) >= 2
    ):
        return None
    if level is not None:
        del stack[level:]
    return _push(stack, root, marker)


def _push(stack: list[_Open], root: Item, marker: _Marker) -> Item:
    """A new item for ``marker`` under the innermost open one (or the root), opened."""
    parent = stack[-1].item if stack else root
    title, duration, kept = _titled(marker)
    if marker.kind.startswith("bullet"):  # "- • Wk 1": a deck's bullet glyph kept as text
        title = _strip_bullet(title)
    item = Item(title, marker.kind, duration, notes=[kept] if kept else [], marked=marker.marked)
    if marker.said:
        item.notes.insert(0, marker.said)
    parent.children.append(item)
    value = (marker.last,) if marker.last is not None else marker.value
    stack.append(_Open(marker.kind, value, item))
    return item


_BULLET_MARK = re.compile(rf"^(?:[{re.escape(BULLETS)}*+]|[ln](?=\s))\s*")


def _strip_bullet(text: str) -> str:
    return _BULLET_MARK.sub("", text)


def _prose(text: str) -> bool:
    """A paragraph: long, with sentences inside (…二、…三、 inline stays prose)."""
    return len(text) > 120 and bool(re.search(r"[。！？]", text[:-1]))


_DAY_KINDS = ("天", "day")
DAY_BLOCKS = (*_DAY_KINDS, "tableday")  # a day's block, written (第一天 · Day 2) or a table's
_TIME_HEADER = re.compile(
    r"^(?:学时|课时|时长|学时数|课时数|时数|学时分配|课时分配|建议学时|参考学时|时间\s*[(（]?\s*(?:分钟|小时|h|min)?\s*[)）]?|"
    r"分钟|小时|duration|hours?|minutes?|mins?|length|time\s*[(（]?\s*(?:min|mins|minutes|h|hours)?\s*[)）]?)$",
    re.I,
)


def _marker_only(cell: str) -> bool:
    """A cell that only numbers its row (3 · 第1章 · Week 2 · 模块一 · -): not its name."""
    text = cell.strip()
    if re.fullmatch(r"\d{1,3}|[.·-]|", text):
        return True
    found = _find_marker(text, 0)
    return found is not None and not found.title.strip() and not found.kind.startswith("h")


_NAME_HEADER = re.compile(
    r"(?i:topic|title|course|module|activity|subject|(?:session|course|module|lesson|unit|topic)\s+(?:title|name))s?|"
    r"章节|章节名称|课程|课程名称|主题|模块|模块名称|单元|单元名称|课题|名称|专题"
)
_CONTENT_HEADER = re.compile(
    r"(?i:content|contents)|课程内容|培训内容|教学内容|授课内容|学习内容|内容"
)  # when no name column


# a Chinese header that names its rows by a compound word (阅读章节 · 教学章节 · 培训主题 ·
# 授课专题): the word names the column, whatever is written before it
_NAME_WORD = re.compile(r"(?:章节|主题|课题|专题)(?:名称)?$")


# a header that says it holds the row's name (Module Name · Session title · 课程名称)
_TITLE_HEADER = re.compile(
    r"(?i:(?:session|course|module|lesson|unit|topic)\s+(?:title|name)s?|title|name)|课程名称|模块名称|章节名称|名称"
)


def name_column(header: list[str]) -> int | None:
    """The column of a table whose cells name its rows: a header saying so (Module Name ·
    课程名称), else a Topic / 课程 header, else a 内容 / Content header, else a compound
    Chinese header ending in a naming word."""
    cells = [h.strip() for h in header]
    for pattern in (
        _TITLE_HEADER.fullmatch,
        _NAME_HEADER.fullmatch,
        _CONTENT_HEADER.fullmatch,
        _NAME_WORD.search,
    ):
        found = next((i for i, h in enumerate(cells) if h and pattern(h)), None)
        if found is not None:
            return found
    # | Date & Time | Session | Speaker |: after the first column (where 'Session' numbers
    # the rows), a session word names them
    return next((i for i, h in enumerate(cells) if i and _SESSION_HEADER.fullmatch(h)), None)


_SESSION_HEADER = re.compile(
    r"(?i:sessions?|talks?|events?|agenda item|item|what)|环节|活动|议题|安排"
)


def _opens_group(lines: list[str], start: int) -> bool:
    """Is the next line a table row whose first cell is empty (a lesson under a group)?"""
    for line in lines[start : start + 3]:
        if line.strip():
            cells = _table_row(line.strip())
            return cells is not None and len(cells) > 1 and not cells[0]
    return False


_DAY_HEADER = re.compile(r"(?i:day(?:\s*no\.?)?|days?|date)|天|日期|第几天")
_TOTAL_CELL = re.compile(r"^(?:合\s*计|总\s*计|共\s*计|小计|total)", re.I)


def table_time_column(cells: list[str]) -> tuple[int, str] | None:
    """A table header naming a time column (学时 · 课时 · Duration · Time (min)): its
    index and the unit its bare numbers are in."""
    if len(cells) < 2 or any(re.search(r"\d", c) for c in cells):
        return None
    for index, cell in enumerate(cells):
        words = " ".join(cell.split())
        unit_in = re.fullmatch(
            r"(?:学时|课时|时长|时间|duration|length)\s*[(（]\s*(天|小时|分钟|days?|hours?|h|min|minutes)\s*[)）]",
            words,
            re.I,
        )
        if unit_in:  # 学时（天） · Duration (hours): the unit is said
            said = unit_in.group(1).lower()
            return index, {
                "days": "天",
                "day": "天",
                "hours": "小时",
                "hour": "小时",
                "hrs": "小时",
                "hr": "小时",
                "h": "小时",
                "min": "分钟",
                "mins": "分钟",
                "minutes": "分钟",
            }.get(said, said)
        if _TIME_HEADER.match(words) and not re.fullmatch(r"(?i)time|时间", words):
            lower = words.lower()
            unit = (
                "学时" if "学时" in words else "课时" if "课时" in words
                else "小时" if words == "时数"
                else "分钟" if ("分钟" in words or "min" in lower or "time" in lower)
                else "小时" if ("小时" in words or "hour" in lower or re.search(r"\bh\b", lower))
                else ""  # "Duration", "时长": the numbers say (90 is minutes, 1.5 hours)
            )  # fmt: skip
            return index, unit
    return None


def cells_header_unit(unit: str) -> str:
    return unit


def _cell_time(cell: str, unit: str, minute_word: str = "分钟") -> str | None:
    """A time column's cell: '2' under 学时 is 2学时; '30 min' is as written."""
    text = cell.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        if float(text) == 0:
            return None
        english = minute_word == "min"
        guess = (
            ("min" if english else "分钟") if float(text) >= 10 else ("h" if english else "小时")
        )
        if english and unit in _ENGLISH_UNIT:  # Time (Hrs) over 3: '3 hrs' on an English page
            unit = _ENGLISH_UNIT[unit]
        text = f"{text}{unit or guess}"
    return plain_time(text)


_ENGLISH_UNIT = {"小时": " hrs", "分钟": " min", "天": " days"}


_INLINE_ITEMS = re.compile(r"(?<=[;；。])\s*(?=\d{1,2}[.、．]\s*\S)")


_LONE_MARK = re.compile(rf"^\s*[{re.escape(BULLETS)}*+]\s*$")


def _lone_marks(lines: list[str]) -> list[str]:
    """A bullet's mark alone on its line and its item on the next (a web page's list
    copied as text, a PDF's bullet glyph set apart): one bulleted line."""
    out: list[str] = []
    waiting = ""  # a lone mark, until its item's line
    for line in lines:
        if not line.startswith("\0") and _LONE_MARK.match(line):
            if waiting:
                out.append(waiting)
            waiting = line
            continue
        if (
            waiting
            and line.strip()
            and not line.startswith("\0")
            and _marker(line.strip(), 0) is None
        ):
            mark = waiting.strip()  # (an empty item before '4. …' stays the empty item it is)
            indent = waiting[: len(waiting) - len(waiting.lstrip())]
            out.append(f"{indent}{mark} {line.strip()}")
            waiting = ""
            continue
        if waiting and line.strip():
            out.append(waiting)
            waiting = ""
        out.append(line)
    if waiting:
        out.append(waiting)
    return out


def _unflatten(line: str) -> list[str]:
    """'1. 甲;2. 乙;3. 丙': items written one after another on a line, one a line."""
    if line.startswith("\0") or len(_INLINE_ITEMS.findall(line)) < 2:
        return [line]
    head, *items = re.split(r"(?=(?<![\d.])1[.、．]\s*\S)", line, maxsplit=1)
    if not items:
        return [line]
    return [p for p in [head, *_INLINE_ITEMS.split(items[0])] if p.strip()]


_DOTTED = re.compile(r"^(\d{1,2})\.([0-5]\d)\s+(?=\D)")


def _dotted_at(lines: list[str], index: int) -> int | None:
    m = _DOTTED.match(lines[index].strip()) if 0 <= index < len(lines) else None
    return int(m.group(1)) * 60 + int(m.group(2)) if m and int(m.group(1)) < 24 else None


def _dotted_timetable(lines: list[str], index: int) -> bool:
    """'9.00 Welcome' is a clock time, not item 9.00, when a neighbouring line is one
    too and the times run forward (9.00, 9.30, 11.00 …)."""
    here = _dotted_at(lines, index)
    if here is None:
        return False
    before = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    after = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    previous = _dotted_at(lines, before) if before is not None else None
    following = _dotted_at(lines, after) if after is not None else None
    return (previous is not None and previous < here) or (
        following is not None and here < following
    )


# a 24-hour time written without its colon at a line's start, alone or as a span:
# 0830 Registration · 0900-1030 Leading yourself
_HHMM = re.compile(
    r"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s*(?P<to>[-–—~～至到])\s*(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d))?"
    r"(?=\s+\D|\s*$)"
)


def _colon_times(m: re.Match[str]) -> str:
    start = f"{m.group('h')}:{m.group('m')}"
    end = f" {m.group('to')} {m.group('h2')}:{m.group('m2')}" if m.group("h2") else ""
    return f"{start}{end} "


def _hhmm_at(lines: list[str], index: int) -> int | None:
    m = _HHMM.match(lines[index].strip()) if 0 <= index < len(lines) else None
    if m is None or int(m.group("m")) % 5:
        return None
    start = int(m.group("h")) * 60 + int(m.group("m"))
    if m.group("h2") and int(m.group("h2")) * 60 + int(m.group("m2")) <= start:
        return None  # 0000-0000 · 2355-0005: on a 24-hour clock no session ends before it starts
    return start


def hhmm_timetable(lines: list[str], index: int) -> bool:
    """'0830 Registration' is a clock time when it stands in a run of three lines or more
    so written, their times going forward by whole five minutes (a year, 2019 …, does
    not)."""
    here = _hhmm_at(lines, index)
    if here is None:
        return False
    run = [here]
    for step in (-1, 1):
        at, last = index, here
        while True:
            at = next(
                (
                    i
                    for i in range(at + step, len(lines) if step > 0 else -1, step)
                    if lines[i].strip()
                ),
                -1,
            )
            value = _hhmm_at(lines, at) if at >= 0 else None
            if value is None or (value <= last if step > 0 else value >= last):
                break
            run.append(value)
            last = value
            if len(run) >= 3:
                return True
    return len(run) >= 3


def _as_written(line: str, clock: Clock) -> str:
    """The row's times, or the whole row when its name was read out of more (a Who
    column, a link's target): nothing the page says is lost."""
    rest = re.sub(r"\d+\s*(?:min\.?|mins|minutes|分钟|小时|hours?|h)\b", " ", line, flags=re.I)
    for part in (clock.said, clock.title):
        rest = rest.replace(part, " ")
    return clock.said if not re.search(r"\w{2,}", re.sub(r"\*|_|\|", " ", rest)) else line.strip()


# a line giving the block above its time: **Time:** 45 min · Duration: 1 hour · 时长：2小时
_TIME_LINE = re.compile(
    r"^(?:\*\*|__)?(?i:time|duration|length|timing|时长|用时|建议时长|课时|学时)(?:\*\*|__)?\s*[:：]"
    r"\s*(?:\*\*|__)?\s*(?P<t>[^*_]+?)\s*(?:\*\*|__)?\s*$"
)
_LABELLED_TIME = re.compile(
    r"^(?:时间|日期|上课时间|授课时间|time|when|date)\s*[:：]\s*(?P<rest>.*?(?P<s>\d{1,2})[:：.](?P<sm>\d{2})\s*"
    r"[-–—~～至到]\s*(?P<e>\d{1,2})[:：.](?P<em>\d{2}).*)$",
    re.I,
)


def _clock_line(text: str, indent: int) -> Clock | None:
    """A timetable row, unless the line is numbered or names a module (its own marker
    reads it then)."""
    marker = _marker(text, indent)
    if marker is not None and re.fullmatch(r"h\d", marker.kind):  # ### Session 1: (0930 - 1115)
        inner = re.sub(r"^#+\s*", "", text)
        if _DAY.match(_unbold(inner)) or _WEEK.match(_unbold(inner)):
            return None  # (## 第一周（7.13-7.17）: a week's dates, never a session's clock)
        clock = read_clock(_unbold(inner))
        return clock if clock is not None and session_minutes(clock) else None
    if marker is not None and marker.kind in _EN_SESSION_WORDS:
        clock = read_clock(_unbold(text))  # Session 2 (1330 - 1500): the session's times
        if clock is None:  # Session 1: 9:00-10:30  Seeing through…: the times, then the name
            clock = read_clock(marker.title)
            if clock is not None and clock.title:
                clock.title = f"{marker.line.split(':')[0].split('：')[0].strip()}: {clock.title}"
        return clock if clock is not None and session_minutes(clock) else None
    if marker is not None and marker.kind == "decimal" and _DOTTED_SPAN.match(text):
        return read_clock(text)  # 10.30am – 10.45am Break: a span of dotted times, no 10.30
    if marker is not None and not marker.kind.startswith("bullet"):
        return None
    clock = read_clock(text)
    if clock is None and marker is not None:
        clock = read_clock(_strip_bullet(text))
    return clock


# a line giving the course's whole length under its outline (总时长：4小时 · 课程总时长：2天 ·
# Total duration: 4 hours), never a block's time
_COURSE_LENGTH = re.compile(
    r"^(?:课程)?(?:总时长|总学时|总课时|培训总时长)\s*[:：]|^(?i:total\s+(?:duration|time|length|hours))\s*[:：]"
)


def clock_span(lines: list[str]) -> int | None:
    """The minutes from a one-day timetable's first start to its last end, breaks and
    all (12:00 – 1:00 PM … 3:30 – 4:00 PM: 240), or None when the lines are no such
    timetable (fewer than two timed rows, or the clock going back: another day)."""
    rows: list[Clock] = []
    for line in lines[:2000]:
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        cells = _table_row(text)
        clock = read_clock(_unbold(cells[0])) if cells else read_clock(_unbold(text))
        if clock is not None:
            if rows and clock.start < rows[-1].start:
                return None
            rows.append(clock)
    ends = [c.end for c in rows if c.end is not None]
    if len(rows) < 2 or not ends:
        return None
    return max(ends) - rows[0].start


def _spans_rows(lines: list[str], index: int, clock: Clock) -> bool:
    """A heading's clock span holding two timed rows or more below it, before the next
    heading: the hours its sessions run in."""
    if not lines[index].lstrip().startswith("#") or clock.end is None:
        return False
    inside = 0
    for line in lines[index + 1 : index + 200]:
        text = line.strip()
        if text.startswith("#"):
            break
        cells = _table_row(text)
        row = read_clock(_unbold(cells[0])) if cells else read_clock(_unbold(text))
        if row is not None and row.start >= clock.start and (row.end or row.start) <= clock.end:
            inside += 1
    return inside >= 2


_DOTTED_SPAN = re.compile(
    r"^\d{1,2}\.[0-5]\d\s*(?:[ap]\.?m\.?)?\s*[-–—~～至到]\s*\d{1,2}(?:[.:][0-5]\d)?\s*(?:[ap]\.?m\.?)?(?![\d.])",
    re.I,
)
_EN_SESSION_WORDS = ("session", "module", "block", "topic", "lesson", "unit", "part")


def _timed_sibling(text: str, root: Item) -> bool:
    """An unnumbered short line with its own time, after top-level modules that carry
    theirs: a module of its own (a closing 总结与答疑, an opening 破冰), not a line of the
    module above."""
    if len(text) > 60 or not root.children or _prose(text):
        return False
    if not any(child.duration for child in root.children):
        return False
    return split_time(text)[1] is not None


_PART_OF_DAY = re.compile(r"^(?i:morning|afternoon|evening|am|pm)\b|^(?:上午|下午|晚上|全天)")


_PART_ALONE = re.compile(
    r"(?:上午|下午|晚上|中午|早上|(?i:morning|afternoon|evening)(?:\s+(?i:session|block))?)\s*[:：]?"
)


def _half_day(root: Item, stack: list[_Open], marker: _Marker) -> bool:
    """'Day 3 Morning: …' then 'Day 3 Afternoon: …' · '第二天上午' then '第二天下午': the
    same day again, named by its part, is a block of its own beside the first."""
    if marker.kind not in _DAY_KINDS or not _PART_OF_DAY.match(marker.title.strip(" :：-–—")):
        return False
    at = next(
        (i for i, o in enumerate(stack) if o.kind == marker.kind and o.value == marker.value),
        None,
    )
    if at is None:
        return False
    del stack[at:]
    _push(stack, root, marker)
    return True


def _timed_line(text: str) -> bool:
    """A short unmarked line closed by its own time in brackets ('Option Generation (25
    minutes)' · '案例研讨（约30分钟）'), inside a module: one of its timed parts."""
    if len(text) > 80 or _prose(text) or text.endswith(("：", ":")):
        return False
    title, time, _ = split_time(text)
    return time is not None and bool(title.strip()) and len(title) < len(text)


def _unnumbered_module(text: str, lines: list[str], start: int, *, lead_in: bool = False) -> bool:
    """A short unmarked line whose next line is a bullet: the module line of an outline
    written without numbers (``工作构成解析：…`` then ``>任务分解…``). With ``lead_in``,
    up to six lines of sentences may come between (a description, "This module
    covers:"), the last of them ending in a colon or a sentence's stop."""
    if (
        len(text) > 40
        or re.search(r"[。；;.!?！？]\s*$", text)
        or text.endswith(("：", ":"))
        or _marker(text, 0) is not None
    ):
        return False
    between: list[str] = []
    for i in range(start, min(len(lines), start + 12)):
        nxt = lines[i].strip()
        if not nxt:
            continue
        if nxt.startswith("\0"):
            return False
        if re.match(rf"^(?:[{re.escape(BULLETS)}*+])", nxt):
            if between and not re.search(r"[:：.。!?！？]\s*$", between[-1]):
                return False  # a bare short line before the bullets: the name, not this
            return not _IN_MODULE.match(_strip_bullet(nxt))
        if not lead_in or len(between) >= 6 or _marker(nxt, 0) is not None:
            return False
        between.append(nxt)
    return False
