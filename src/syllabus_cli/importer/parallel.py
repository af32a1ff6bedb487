"""Several courses on one page, each a block of the same shape under its own name.

A programme page, a 教学大纲 for several subjects or a catalog written as text lays its
courses out one after another, and nothing but their shape says where one ends: each
block carries its own lesson sequence, numbered from the start again (第1课时 … 第12课时,
then 第1课时 again under the next subject; 9月 … 8月 under each age tier; Week 1 …
under each track). A block's name is the line above its sequence: a heading at the
level every block shares, or, on a page without headings, the lines right above the
sequence's first lesson. A name that is itself a unit (第一章, Day 2, Week 3, 模块一) is a
module of one course, never a course: days or chapters numbering their sessions from 1
again stay one course.

Blocks of different sizes, or numbering plain lists (1. 2. 3.) from 1 again, as every
course's chapters do, are courses only when each name says whom it is for (an age
range, a grade, a level: 启蒙期（3–6岁）, Grade 7, 初级): a course's parts run 4, 5 and 10
days, a programme's tiers as long as each needs. Blocks under a heading naming one
course (# 软件工程 over ### 需求分析 and ### 系统设计) are its parts, unless their names
say whom each is for or the heading names a set of courses (课程体系, 课程表, Courses).

A line naming a group of blocks (``初中三年级：`` above ``数学`` and ``物理``) is kept with
each block of its group, before the block's name, so each course says which grade or
tier it is for; the page's lines above the first block go with the first course.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from .conventions import EN_MODULE_WORDS, MODULE_WORDS, NUM, SEGMENT_WORDS, STRONG_MARKER
from .traditional import fold

__all__ = [
    "COLLECTION",
    "heading_over",
    "is_unit_name",
    "lesson_sequence",
    "numbers_first",
    "parallel_courses",
]

# a lesson's number where it stands in its line: 第1课时 · 第三讲 · Lesson 2 · Week 1,
# or a table row opening with a month (| 9月 | …), a school year's timetable
_UNIT = re.compile(
    rf"第\s*(?P<n>{NUM})\s*(?P<w>{MODULE_WORDS})"
    rf"|(?<![A-Za-z])(?P<ew>(?i:{EN_MODULE_WORDS}))\s*(?P<en>\d+)\b"
    r"|^\|\s*(?P<m>\d{1,2})\s*月\s*\|"
)
_HEADING = re.compile(r"^(#{1,6})\s+\S")
_DAYPART = re.compile(
    r"^(?:#+\s*)?(?:\*\*)?\s*(?:上午|下午|晚上|中午|(?:星期|周|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}日|"
    r"(?i:morning|afternoon|evening|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\b|"
    # a date: 2024-03-05 · 2024年3月5日 · 3/5 · March 5 · 5 March
    r"\d{4}\s*[-./年]\s*\d{1,2}|\d{1,2}[./]\d{1,2}\b|"
    r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,4}\b|,|$)))",
)
_MIN_LESSONS = 3
# 基础篇 · 第二部分 · 进阶阶段 · Part A: a part of one course, whatever it numbers
_PART_NAME = re.compile(r"(?:篇|部分|阶段|板块|模块|单元|环节)\W*$|^(?i:part|phase|stage)\b")


@dataclass
class _Block:
    head: int  # the line naming the block
    start: int  # the first line of the block (its group's line, when it opens a group)
    first: int  # the line of its first lesson


def _unit(line: str) -> tuple[str, str] | None:
    m = _UNIT.search(fold(line))  # 第1課時 read as 第1课时
    if m is None:
        return None
    if m.group("m"):
        return ("月", m.group("m"))
    if m.group("w"):
        return (m.group("w"), m.group("n"))
    return (m.group("ew").lower(), m.group("en"))


def is_unit_name(line: str) -> bool:
    """第一章 · Day 2 · Week 3 · 模块一 · 上午 · 导入: a module's name, never a course's."""
    text = re.sub(r"^#+\s*", "", fold(line.strip())).strip("*_ ")
    if STRONG_MARKER.match(text) or _DAYPART.match(line.strip()):
        return True
    if _UNIT.match(text) or _PART_NAME.search(text):
        return True
    return any(text.startswith(word) for word in SEGMENT_WORDS)


def lesson_sequence(lines: list[str]) -> bool:
    """Three numbered lessons or more of one word (第1课时 第2课时 第3课时 · Week 1 …)."""
    words: dict[str, int] = {}
    for line in lines:
        u = _unit(line)
        if u is not None:
            words[u[0]] = words.get(u[0], 0) + 1
            if words[u[0]] >= _MIN_LESSONS:
                return True
    return False


_NUMBERED = re.compile(r"^(?:[-*+]\s+)?(\d{1,2})[.、．)]\s*\S")


def _numbered(line: str) -> tuple[str, str] | None:
    """A top-level numbered item (1. · 2、 · - 3)), read as a lesson with no word."""
    m = _NUMBERED.match(line)
    return ("", m.group(1)) if m else None


def _sequences(
    lines: list[str], unit: Callable[[str], tuple[str, str] | None] = _unit
) -> tuple[list[int], bool]:
    """Where a lesson sequence starts again from its first lesson: the lines of each
    first lesson, when the same first lesson opens three lessons or more each time; and
    whether every sequence holds as many lessons."""
    found = [(at, u) for at, line in enumerate(lines) if (u := unit(line)) is not None]
    if not found:
        return [], False
    first_unit = found[0][1]
    starts = [at for at, u in found if u == first_unit]
    if len(starts) < 2:
        return [], False
    counts = [0] * len(starts)  # each sequence's lessons of the first lesson's word
    block = -1
    for at, u in found:
        while block + 1 < len(starts) and starts[block + 1] <= at:
            block += 1
        if block >= 0 and u[0] == first_unit[0]:
            counts[block] += 1
    sizes = set(counts)
    if min(sizes) < _MIN_LESSONS:
        return [], False
    return starts, len(sizes) == 1


# a line of a block's facts under its name: 授课教师：李明 · Session length: 40 minutes
_FACT_LINE = re.compile(
    r"^(?:[-*]\s*)?(?:\*\*)?(?:授课讲师|授课教师|授课老师|主讲老师|主讲教师|主讲|讲师|教师|课时安排|课时|"
    r"学时|课程时长|时长|课程对象|授课对象|适合对象|适合人群|核心方法|上课时间|"
    r"(?i:instructor|trainer|teacher|taught by|audience|duration|length|session length|"
    r"sessions|schedule|when|where|ages?))(?:\*\*)?\s*[:：]"
)


# a name saying whom its block is for: an age range, a school grade, a level
_AUDIENCE_NAME = re.compile(
    r"\d+\s*(?:[-–—~～至到]\s*\d+\s*)?(?:周)?岁|[一二三四五六七八九\d]\s*年级|[初高][一二三]|"
    # a level as a tier's name (初级班 · Python中级 · Advanced (ages 12+)), never a topic's
    # word (高级技能, Advanced Topics)
    r"(?:初|中|高)级(?:班|组|段)?(?=\s*(?:$|[（(:：]))|小班|中班|大班|"
    r"(?i:ages?\s*\d+|grades?\s*\d+|years?\s*\d+\b|level\s*\d+|\bL\d\b|kindergarten|"
    r"(?:beginners?|intermediate|advanced)(?:\s+(?:level|class|group|tier))?(?=\s*(?:$|[(:])))"
)


def _named_blocks(lines: list[str], starts: list[int]) -> list[_Block] | None:
    """Each sequence's name: the nearest heading above it when the page has headings
    (all at one level), else the lines right above its first lesson."""
    headings = [at for at, line in enumerate(lines) if _HEADING.match(line)]
    blocks: list[_Block] = []
    previous_end = 0
    for first in starts:
        if headings:
            below = bisect_left(headings, first)  # the nearest heading above the lesson
            if below == 0 or headings[below - 1] < previous_end:
                return None
            head = start = headings[below - 1]
        else:
            head = first
            while (
                head - 1 >= previous_end
                and lines[head - 1].strip()
                and _unit(lines[head - 1]) is None
            ):
                head -= 1
            names = [at for at in range(head, first) if not _FACT_LINE.match(lines[at].strip())]
            if not names:
                return None  # no line names the sequence
            head = start = names[-1]  # the page's own lines above it: its preamble
            groups = [at for at in range(start - 1, previous_end - 1, -1) if _group_line(lines[at])]
            if groups and all(lines[at].strip() for at in range(groups[0], head)):
                start = groups[0]  # 初中三年级： over 数学: the group, then the name
        blocks.append(_Block(head, start, first))
        previous_end = first + 1
    if headings:
        levels = {_level(lines[b.head]) for b in blocks}
        if len(levels) != 1:
            return None
        heads = {b.head for b in blocks}
        level = levels.pop()
        if any(
            _level(lines[at]) == level and at not in heads for at in headings if at > blocks[0].head
        ):
            return None  # a sibling heading with no lessons of its own: parts of one course
    for block in blocks:
        name = lines[block.head].strip()
        if not name or len(name) > 60 or is_unit_name(name):
            return None
    return blocks


# a heading naming a set of courses: 课程体系 · 课程表 · 课表 · 课程清单 · Courses · Workshops
COLLECTION = re.compile(  # (never a word one course's page uses for itself: 大纲, 安排,
    # 计划, 方案, Schedule, Plan, Programme)
    r"体系|课程表|课表|目录|清单|列表|系列|"
    r"(?i:catalog(?:ue)?|curricul(?:um|a)|courses|classes|tracks|workshops|offerings)"
)


def heading_over(lines: list[str], head: int) -> str | None:
    """The nearest heading above ``head`` at a higher level than its own, if any."""
    level = _level(lines[head])
    if not level:
        return None
    return next(
        (lines[at] for at in range(head - 1, -1, -1) if 0 < _level(lines[at]) < level), None
    )


def _level(line: str) -> int:
    m = _HEADING.match(line)
    return len(m.group(1)) if m else 0


def _group_line(line: str) -> bool:
    """``初中三年级：`` · ``Level 1:``: a short line ending in a colon names a group of blocks."""
    s = line.strip()
    return len(s) <= 20 and s.endswith((":", "：")) and not is_unit_name(s)


# a course's facts written on its name's line: 数学 授课教师：邵俊喆 · 物理：授课教师：李宗桓
_FACT_ON_NAME = re.compile(
    r"(?<=[^\s（(【\[])[\s:：]*(?=(?:授课讲师|授课教师|授课老师|主讲老师|主讲教师|主讲|讲师|教师|"
    r"课时|学时|课程对象|授课对象|适合对象|(?i:instructor|trainer|teacher|taught by))\s*[:：])"
)


def _name_line(line: str) -> list[str]:
    """The block's name, and a fact written after it on its line on a line of its own."""
    m = _FACT_ON_NAME.search(fold(line))  # (folded one character for one: same places)
    if m is None:
        return [line.strip()]
    return [line[: m.start()].strip(), line[m.end() :].strip()]


def parallel_courses(text: str) -> list[str] | None:
    """The courses of a page of blocks of one shape, or None when the page is one course."""
    lines = text.split("\n")
    starts, equal = _sequences(lines)
    plain = not starts
    if plain:  # lists numbered 1. 2. 3. again under each name: tiers only (see below)
        starts, equal = _sequences(lines, _numbered)
    if not starts:
        return None
    blocks = _named_blocks(lines, starts)
    if blocks is None:
        return None
    named: list[str] = []
    over = ""
    for b in blocks:
        over = lines[b.start] if b.head > b.start else over
        named.append(f"{over} {lines[b.head]}")
    audiences = all(_AUDIENCE_NAME.search(name) for name in named)
    if (plain or not equal) and not audiences:
        return None  # parts of one course run 4, 5 and 10 days; tiers for 3-6 and 6-10
    over_blocks = heading_over(lines, blocks[0].head)
    if not audiences and over_blocks is not None and not COLLECTION.search(over_blocks):
        return None  # '# 软件工程' over '### 需求分析' and '### 系统设计': one course's parts
    bounds = [b.start for b in blocks[1:]] + [len(lines)]
    courses: list[str] = []
    group: str | None = None
    for at, (block, end) in enumerate(zip(blocks, bounds, strict=True)):
        if block.head > block.start:
            group = lines[block.start].strip()
        name, *said = _name_line(lines[block.head])
        if _HEADING.match(name):  # '### 启蒙期' under the page's heading: its course's own top
            name = "# " + re.sub(r"^#+\s*(\*\*|__)?(.*?)\1?\s*$", r"\2", name).strip()
        elif group:
            name = f"{group.rstrip(':：').strip()} {name}"  # 初中三年级 数学
        rest = lines[block.head + 1 : end]
        while rest and re.fullmatch(r"\s*(?:[-*_]\s*){3,}", rest[-1] or "-  -  -"):
            rest.pop()  # the rule or blank lines between two blocks
        body = [name, *said, *rest]
        page = [line for line in lines[: block.start] if line.strip()] if at == 0 else []
        # the page's own lines above the first block (its heading, a date): kept with the
        # first course, in its notes (\0: as written, never its title or its structure)
        courses.append("\n".join([*("\0" + line for line in page), *body]).strip())
    return courses


# a lesson's number after its topic, ending the line: 因式分解习题课 第2课时 · Recap (Lesson 3)
_NUMBER_LAST = re.compile(
    rf"^(?P<topic>\S.*?)[\s(（]+(?P<unit>第\s*\d+\s*(?:{MODULE_WORDS})|(?i:{EN_MODULE_WORDS})\s*\d+)[)）]?\s*$"
)


def numbers_first(lines: list[str]) -> list[str]:
    """Lessons numbered after their topics (摸底测试、因式分解 第1课时, then 第2课时 …, as a
    two-column table copied as text gives them), three or more in a row counting up from
    their first: each number put first, where an outline's numbers stand."""
    out = list(lines)
    run: list[tuple[int, int, re.Match[str]]] = []

    def flush() -> None:
        if len(run) >= _MIN_LESSONS:
            for at, _, m in run:  # the line as written, its number moved first
                said = lines[at].strip()
                out[at] = (
                    f"{said[m.start('unit') : m.end('unit')]} {said[: m.end('topic')].strip()}"
                )
        run.clear()

    for at, line in enumerate(lines):
        m = _NUMBER_LAST.match(fold(line.strip()))
        if m is None or _unit(m.group("topic")) is not None:
            flush()
            continue
        number = int(re.sub(r"\D", "", m.group("unit")))
        if run and number != run[-1][1] + 1:
            flush()
        run.append((at, number, m))
    flush()
    return out
