"""A parsed catalog course as a course spec: a mapping in the spec's own keys, its YAML
text with the TODOs the source left open, and what was found, derived or left TODO.
Nothing from the source is dropped: text that fits no key lands in ``notes``."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..duration import MAX_DAYS, parse_duration
from ..i18n import t
from ..minutes import format_minutes
from .blocks import all_timed, minutes, node, reconcile, sum_if_timed
from .catalog import Course, split_list
from .conventions import INSTRUCTOR_LINE, OUTCOME, SECTION_LABELS, STRONG_MARKER
from .fit import PLACEHOLDER, Cut, fit_spec
from .language import course_language
from .length import (
    OVER_LIMIT,
    TOTAL_ROW,
    Length,
    day_from_timetable,
    each_block_time,
    english_length,
    in_english,
    parts_lengths,
    period_minutes,
    read_length,
    stated_length,
    title_days,
)
from .level import descend, flat_lines, sections_to_notes
from .modules_like import Chosen, chosen_tree, written_as
from .outline import Item, parse_outline, split_time
from .outline_lines import DAY_BLOCKS, LIST_KINDS, clock_span, grid_header, parse_lines
from .timetable import read_clock
from .title import from_head, from_text, generic, label_value, over_outline
from .traditional import fold


@dataclass
class Finding:
    status: str  # found | derived (from what the source states) | todo (left open) | missing
    value: Any = None
    rule: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "value": self.value, "rule": self.rule}


@dataclass
class Imported:
    spec: dict[str, Any]
    todos: list[str] = field(default_factory=list)
    findings: dict[str, Finding] = field(default_factory=dict)
    cut: Cut | None = None  # what did not fit a spec validate reads (see fit.py)

    @property
    def modules(self) -> int:
        return len(
            [
                m
                for m in _real(self.spec.get("modules", []))
                if m["title"] not in _NO_OUTLINE.values()
            ]
        )

    @property
    def timed(self) -> int:
        return sum(
            1 for m in _real(self.spec.get("modules", [])) if "duration" in m or all_timed(m)
        )


def _real(modules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The modules, without the TODO that ends a list cut to fit."""
    return [m for m in modules if not str(m.get("title", "")).startswith(PLACEHOLDER)]


def side_file(course_id: str) -> str:
    """Where the whole source text of a course goes when its spec had to be cut."""
    return f"{course_id}.source.txt"


SECTION_LABELS_ALL = {label for labels in SECTION_LABELS.values() for label in labels}
_NO_OUTLINE = {"zh": "TODO: 课程大纲", "en": "TODO: outline"}  # in the spec's language
NO_LENGTH = {"zh": "TODO 源文件没有写课程时长", "en": "TODO the source states no course length"}


def language_of(text: str) -> str:
    """en when the text is mostly English words, else zh (a Chinese page quoting a few
    English terms stays zh; an English outline with a Chinese word stays en)."""
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "en" if words >= 3 and words * 1.5 > cjk else "zh"


def _language(course: Course) -> str:
    """The outline's language (a page's chrome or labels may be in another one)."""
    return course_language(course.outline, course.text, SECTION_LABELS_ALL)


def find_instructor(course: Course) -> str | None:
    """The name on an instructor line (授课讲师：李明 · Instructor: Jane Doe); the line
    leaves the notes (it is said by ``instructor:`` now)."""
    for where in (course.head, course.notes):
        for index, entry in enumerate(where):
            lines = entry.split("\n")
            for number, line in enumerate(lines):
                m = INSTRUCTOR_LINE.match(fold(line))  # 授課講師： as 授课讲师：
                if not m:
                    continue
                written = line[m.start("name") : m.end("name")]  # the name as written
                name = re.split(r"[，,。;；|｜(（]", written.strip(" *"))[0].strip()
                name = re.sub(
                    r"(?<=[\u4e00-\u9fff]{2})老师$", "", name
                ).strip()  # 陈老师 stays whole
                if not name or len(name) > 40:
                    continue
                rest = [*lines[:number], *lines[number + 1 :]]
                if any(x.strip() for x in rest):
                    where[index] = "\n".join(rest)
                else:
                    del where[index]
                return name
    return None


_INLINE_SPLIT = {
    "audience": r"[、；;]|，(?=\S{1,12}(?:，|$))",
    "format": r"[、；;，,+＋/]",
    "outcomes": r"[；;]",
}


def _as_list(key: str, text: str) -> list[str]:
    """A section's items: one a line, numbered or bulleted, or written inline (A、B、C ·
    A; B)."""
    items = split_list(text)
    if len(items) == 1 and key in _INLINE_SPLIT:
        parts = [p.strip(" 。.;；") for p in re.split(_INLINE_SPLIT[key], items[0])]
        if len([p for p in parts if p]) > 1:
            return [p for p in parts if p]
    return items


def _proposed_title(course: Course, language: str = "zh") -> str:
    for key in ("outcomes", "background"):
        text = course.sections.get(key, "")
        if key == "outcomes" and text:
            text = split_list(text)[0]
        sentence = re.split(
            r"[,，。;；!！?？:：\n]", re.sub(r"^(本课程|本节课|本课题)(旨在)?", "", text.strip())
        )[0].strip()
        if sentence:
            return sentence[:30]
    return "课程" if language == "zh" else "course title"


def _bare(text: str) -> str:
    return re.sub(r"[\s#《》:：·]+", "", text)


def _outline(course: Course, language: str = "zh") -> tuple[Item, list[str]]:
    """The outline tree, and the head lines it consumed (a one-line page with no labels)."""
    lines = course.outline
    if not lines and not course.sections and len(course.head) == 1:
        return parse_outline(course.head[0]), list(course.head)  # a flat page with no labels
    if not lines:
        tasks = next((n for n in course.notes if n.startswith("【学员任务】")), None)
        if tasks and tasks.count("任务一") >= 2:  # the outline starts right after 【学员任务】
            cut = tasks.index("任务一", tasks.index("任务一") + 3)
            course.notes[course.notes.index(tasks)] = tasks[:cut].strip()
            lines = [tasks[cut:]]
    if not lines and len(course.head) >= 3:
        # no outline label and no numbered heading: a page whose body under its title is
        # a list or a table (- Lesson 1 — Setup — 45 minutes · | Week | Date | Topic |)
        body = course.head[1:]
        tree = parse_lines(body, "分钟" if language == "zh" else "min")
        said = [c.title for c in tree.children]
        if len(said) >= 2 and sum(bool(OUTCOME.match(s)) for s in said) * 2 < len(said):
            return tree, body  # (a list of what learners will do is no outline)
    if len(lines) == 1:
        return parse_outline(lines[0]), []  # a catalog line: numbering inline
    grid = grid_header(course.head) if lines and lines[0].startswith("|") else []
    if grid:  # | Time | Monday | Tuesday | above the first row: the grid's days
        return parse_lines([*grid, *lines], "分钟" if language == "zh" else "min"), grid
    return parse_lines(lines, "分钟" if language == "zh" else "min"), []


def _timed_line(line: str) -> bool:
    """A line that is a block and its time: '20 minutes: Welcome' · '破冰（15分钟）' ·
    '9:00-10:30 Opening'."""
    text = re.sub(r"^\s*(?:[-*+·•]|\d{1,2}[.)、])\s*", "", line).strip()
    if not text or len(text) > 120:
        return False
    title, time, _ = split_time(text)
    if time is not None and title.strip(" :：-–—"):
        return True
    clock = read_clock(text)
    return clock is not None and bool(clock.title)


def _timed_run(course: Course) -> None:
    """A course with no outline label whose timed blocks sit inside another section (a
    'Timing & Methodology' list under Objectives, a run of 'N min: …' lines in the notes):
    two or more timed lines in a row are the outline. The section ends before them (the
    line naming the run, and what follows it, go to notes): nothing is lost."""
    for key, text in list(course.sections.items()):
        if key in ("title", "duration"):
            continue
        lines = text.split("\n")
        run = _first_run(lines)
        if run is None:
            continue
        start, end = run
        while start > 0 and TOTAL_ROW.match(lines[start - 1].strip()):
            start -= 1  # Total: 70 minutes, atop the list: the length, with the outline
        cut = start - 1 if start > 0 and _names_run(lines[start - 1]) else start
        course.sections[key] = "\n".join(lines[:cut]).strip()
        if not course.sections[key]:
            del course.sections[key]
        course.outline = [line for line in lines[start:end] if line.strip()]
        course.notes += [line for line in (*lines[cut:start], *lines[end:]) if line.strip()]
        return


def _first_run(lines: list[str]) -> tuple[int, int] | None:
    index = 0
    while index < len(lines):
        if not _timed_line(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and (_timed_line(lines[end]) or TOTAL_ROW.match(lines[end])):
            end += 1
        if sum(_timed_line(line) for line in lines[index:end]) >= 2:
            return index, end
        index = end
    return None


def _names_run(line: str) -> bool:
    """A short line without a sentence's end, naming the list below it."""
    text = line.strip()
    return 0 < len(text) <= 40 and not re.search(r"[.。!！?？;；,，]$", text)


_TASK = re.compile(
    r"任务\s*[一二三四五六七八九十\d]+\s*[:：]\s*([^()（）\n]+?)\s*[（(]([^()（）]{1,12})[)）]"
)


def _task_times(course: Course, tree: Item) -> None:
    """【学员任务】 任务一:…(2h): the page times its tasks there, not in the outline; an
    outline task of the same title takes that time."""
    tasks = "\n".join(n for n in course.notes if n.startswith("【学员任务】"))
    times = {_bare(m.group(1)): m.group(2).strip() for m in _TASK.finditer(tasks)}
    for item in tree.children:
        if item.duration is None and minutes(times.get(_bare(item.title))) is not None:
            item.duration = times[_bare(item.title)]


_LENGTH_TEXT = 2_000  # characters: a course length section is a line or a few


_BLOCK_PERIODS = re.compile(r"^\s*(?:约|共)?\s*(\d+(?:\.\d+)?)\s*(?:个)?(?:课时|学时)\s*$")


def _page_periods(item: Item, period: int | None) -> None:
    """A page whose 学时 is not an hour (每课时45分钟) times its blocks in the same
    学时: each block's N课时 becomes the minutes it is, the page's words kept in notes."""
    if period is None or period == 60:
        return
    for child in item.children:
        said = _BLOCK_PERIODS.match(child.duration or "")
        if said:
            child.notes.insert(0, f"时长原文：{child.duration}（1 学时 = {period} 分钟）")
            child.duration = f"{round(float(said.group(1)) * period)}分钟"
        _page_periods(child, period)


def _length(course: Course, title_length: str | None, language: str) -> Length:
    period = period_minutes(course.text)
    body = course.sections.get("duration", "").strip()
    lines = body.split("\n") if body else []
    # the whole text first (a length written over two lines), unless it is far longer
    # than any length: then line by line (reading 5 MB as one length took seconds)
    candidates = ([body] if len(body) <= _LENGTH_TEXT else []) + lines
    if parts_lengths(lines):  # a table of the parts' hours under the label: none is the course's
        course.notes.append(course.sections.pop("duration"))  # kept whole, in notes
        candidates, lines = [], []
    if title_length:
        candidates.append(title_length)
    first: Length | None = None
    for text in candidates:
        reading = read_length(text, period)
        if reading.minutes is not None:
            rest = [line for line in lines if line.strip() and line.strip() != text.strip()]
            reading.notes += [f"课程时长：{line}" for line in rest if text != body]
            return reading
        if first is None or (not first.text and reading.text):  # a range (2-3天) over none
            first = reading
    if first is not None and first.text:  # a range: kept for the TODO
        return first
    total = _total_row(course, period)
    if total.minutes is not None:
        return total
    labelled = stated_length(course.text, period)  # 课程学时:32学时 in a run-on line
    if labelled.minutes is not None or labelled.rule == OVER_LIMIT:
        return labelled
    if language == "en" and not body:
        prose = english_length(  # (Format: 2-day in-person workshop: the format says it)
            "\n".join([*course.head, *course.notes, *(course.sections.get(k, "") for k in _PROSE)])
        )
        if prose.minutes is not None or prose.rule == "a range":  # (2-3 days): a TODO
            return prose
    return first or Length()


_PROSE = ("background", "format")  # the sections whose prose may state an English length


def _total_row(course: Course, period: int | None) -> Length:
    """合计 32学时 · | 合计 | 32 | under a 学时 column: the course's length."""
    for line in [*course.outline, *course.notes, *course.head]:
        for part in line.split("\n"):
            m = TOTAL_ROW.match(part.strip())
            if not m:
                continue
            unit = m.group("u") or _column_unit(course)
            if unit is None:
                continue
            reading = read_length(f"{m.group('n')}{unit}", period)
            if reading.minutes is not None:
                reading.notes = []  # the row itself stays where it is, in the notes
                reading.rule = "a totals row"
                return reading
    return Length()


def _column_unit(course: Course) -> str | None:
    """The unit of a table's time column, from its header (学时 · 课时 · hours · 分钟)."""
    from .outline_lines import table_time_column

    for line in course.outline:
        if line.startswith("|"):
            column = table_time_column([c.strip() for c in line.strip().strip("|").split("|")])
            if column is not None:
                return column[1]
    return None


_WRAPPER = re.compile(
    r"(?:教学内容|课程内容|内容|安排|大纲|分配|日程|议程|目录|outline|schedule|agenda|content|"
    r"programme|program|curriculum|timetable|syllabus|topics)",
    re.I,
)


def _unwrap(tree: Item) -> None:
    """One top-level item named like the outline itself (## 教学内容及学时分配 · ## Agenda)
    around all the others: a heading over the outline, not a module."""
    numbered = [
        c for c in tree.children if sum(bool(STRONG_MARKER.match(g.title)) for g in c.children) >= 2
    ]
    if (
        len(tree.children) > 1
        and len(numbered) == 1
        and not any(STRONG_MARKER.match(c.title) for c in tree.children)
    ):
        # "## 历史" over 第1次 … 第5次, beside "## 文件" (a list): the sessions are the
        # modules; the other headings' text is kept in notes
        holder = numbered[0]
        for other in tree.children:
            if other is not holder:
                tree.notes += flat_lines(other)
        tree.notes.append(holder.title)
        tree.notes += holder.notes
        tree.children = holder.children
        return
    if len(tree.children) != 1:
        return
    only = tree.children[0]
    if len(only.children) >= 2 and not only.duration and _WRAPPER.search(only.title):
        tree.notes.append(only.title)
        tree.notes += only.notes
        tree.children = only.children


_LISTED_KINDS = (*LIST_KINDS, "plain", "table")  # a list's items, a table's rows


def _untimed_blocks(tree: Item, modules: list[dict[str, Any]], block: str) -> bool:
    """Modules with no time of their own, each the block the page's time is for: a
    numbered list or a table's rows, or blocks named by the same word (a time for each
    session is no unit's, no day's)."""
    if any("duration" in m or all_timed(m) for m in modules):
        return False
    kinds = {c.kind.rstrip("s").lower() for c in tree.children}
    return kinds <= set(_LISTED_KINDS) or kinds == {block}


def _as_chosen(found: Item, chosen: Chosen, outline: list[str], minute_word: str) -> Item:
    """The trainer's modules in place of the ones the rules found; the outline's other
    lines (a day's heading above the first module, a section beside them) stay in the
    notes, as the page writes them, each as often as the page has it."""
    tree, held = chosen_tree(chosen, minute_word, outline)
    lines = chosen.text.split("\n")
    budget = Counter(written_as(line.lstrip("\0")) for line in outline if line.strip("\0 \t"))
    budget.subtract(written_as(lines[i]) for i in held if lines[i].strip("\0 \t"))
    as_written = {line: chosen.original[i] for i, line in reversed(list(enumerate(lines)))}
    by_words = {
        written_as(line): chosen.original[i] for i, line in reversed(list(enumerate(lines)))
    }
    notes: list[str] = []
    for line in outline:
        key = written_as(line.lstrip("\0"))
        if not line.strip("\0 \t") or line.startswith("\x01") or budget[key] <= 0:
            continue  # (\x01: a reader's own label, no line of the page)
        budget[key] -= 1
        notes.append(as_written.get(line, by_words.get(key, line)).lstrip("\0"))
    tree.notes = [*notes, *tree.notes]
    tree.cases, tree.tools, tree.exercises = found.cases, found.tools, found.exercises
    tree.duration = found.duration
    return tree


def _clocked(item: Item) -> bool:
    return any(child.kind == "clock" or _clocked(child) for child in item.children)


def to_spec(
    course: Course,
    *,
    instructor_ref: str | None,
    course_id: str,
    scale: float = 1.0,
    chosen: Chosen | None = None,
) -> Imported:
    """``scale`` < 1 fits the spec into a smaller share of the loader's limits (a retry
    when the first fit came out too large). ``chosen``: the modules the trainer named
    (import --modules-like), taken as they are instead of the level the rules find."""
    todos: list[str] = []
    found: dict[str, Finding] = {}
    spec: dict[str, Any] = {}
    if not course.outline:
        _timed_run(course)
    named = find_instructor(course)
    head = list(course.head)
    title_text, _, title_rest = course.sections.get("title", "").strip().partition("\n")
    # 课程名称(Course): … 课程编号：0701 — the gloss is the label's, the next field the form's
    title_text, next_field = label_value(title_text)
    if next_field:
        course.notes.insert(0, next_field)
    if title_rest.strip():  # a title is a line; what its label ran on to is kept in notes
        course.notes.insert(0, title_rest.strip())
    rule = "课程名称: label"
    title_length = None
    if title_text and generic(title_text):  # 课程名称：Introduction · Course: Agenda
        course.notes.insert(0, title_text)
        title_text = ""
    if not title_text:
        by_head = from_head(head)
        if by_head is not None:
            title_text, rule, title_length = by_head.text, by_head.rule, by_head.length
            if by_head.line and _bare(by_head.line) == _bare(title_text):  # says no more
                head = [line for line in head if line.strip() != by_head.line]
        else:
            by_text = from_text(
                "\n".join([*head, course.sections.get("background", ""), *course.notes])
            )
            if by_text is not None:
                title_text, rule = by_text.text, by_text.rule
        by_outline = None if title_text else over_outline(course.outline)
        if by_outline is not None:  # "### Session 1: Introduction to HTML (3 hours)" alone
            title_text, rule, title_length = by_outline.text, by_outline.rule, by_outline.length
    if title_text:
        spec["title"] = title_text
        found["title"] = Finding("found", title_text, rule)
    else:
        spec["title"] = f"TODO: {_proposed_title(course, _language(course))}"
        todos.append(t("import.no-title"))
        found["title"] = Finding("todo", spec["title"], "proposed from the text")
    spec["id"] = course_id
    language = _language(course)
    spec["language"] = language
    if title_length is None and title_text:
        title_length = title_days(title_text)  # 卓越服务一日训练营: 1天
    length = _length(course, title_length, language)
    if language == "en" and length.text:  # Contact hours | 30: "30 hours", not 30小时
        length.text = in_english(length.text)
    if length.minutes is not None and length.text:
        spec["duration"] = length.text
        found["length"] = Finding("found", length.minutes, length.rule)
        per_day = parse_duration(length.text).minutes_per_day or 0
        if per_day > 7 * 60:  # longer than the default day holds (09:00-18:00, 1.5 h lunch)
            spec["schedule"] = {"start": "08:30", "lunch": "12:00-13:00"}
            todos.append(t("import.long-day", hours=per_day // 60))
    elif length.text:  # a range (2-3天): kept in the TODO, never a guess
        spec["duration"] = f"TODO {length.text}"
        over = length.rule == OVER_LIMIT  # 80天: stated, but longer than a course can be
        key = "import.length-over" if over else "import.length-range"
        todos.append(t(key, text=length.text, days=MAX_DAYS))
        found["length"] = Finding("todo", length.text, length.rule)
    elif course.sections.get("duration"):
        todos.append(t("import.length-unread", text=course.sections["duration"]))
    for key in ("background",):
        if course.sections.get(key):
            spec[key] = course.sections[key]
    for key in ("audience", "outcomes", "format"):
        if course.sections.get(key):
            spec[key] = _as_list(key, course.sections[key])
            found[key] = Finding("found", len(spec[key]), "label")
    if instructor_ref:
        spec["instructor"] = instructor_ref
        found["instructor"] = Finding("found", instructor_ref, "page header")
    elif named:
        spec["instructor"] = {"name": named}
        found["instructor"] = Finding("found", named, "instructor line")
    tree, consumed = _outline(course, language)
    descend(tree, deck=course.deck)
    _unwrap(tree)
    descend(tree, deck=course.deck)
    sections_to_notes(tree)
    if chosen is not None and chosen.starts:
        tree = _as_chosen(tree, chosen, course.outline, "分钟" if language == "zh" else "min")
    _task_times(course, tree)
    _page_periods(tree, period_minutes(course.text))
    modules = [node(item) for item in tree.children]
    if (
        "duration" not in spec
        and not length.text
        and tree.duration
        and (whole := minutes(tree.duration)) is not None
    ):  # 'Session 1: HTML (3 hours)', the page's one block over all the others
        spec["duration"], length.minutes, length.text = tree.duration, whole, tree.duration
        found["length"] = Finding("found", whole, "the one block holding the outline")
    each = each_block_time(course.text) if len(modules) >= 2 else None
    if each is not None and _untimed_blocks(tree, modules, each[1]):
        # 4个学时为一个单元 · each session is 90 minutes: the page's one time, on every block
        modules = [{"title": m["title"], "duration": each[0], **m} for m in modules]
        todos.append(t("import.each-block-time", time=each[0]))
    # what a timetable teaches (its clock rows), or an agenda whose every block says its
    # minutes ('Why time slips away (30 min)'): a day or half-day's hours, as published
    taught = sum_if_timed(modules) if "duration" in spec else None
    day_blocks = sum(c.kind in DAY_BLOCKS for c in tree.children)
    day = day_from_timetable(spec["duration"], taught, language, day_blocks) if taught else None
    if day is not None and taught is not None:  # one day, its timetable teaching 6h30
        spec["duration"], length.minutes = day, taught
        todos.append(t("import.day-from-timetable", said=length.text, length=day))
        found["length"] = Finding(
            "found", taught, f"{length.rule}; the day's hours from the timetable"
        )
        per_day = parse_duration(day).minutes_per_day or 0
        if per_day > 7 * 60 and "schedule" not in spec:
            spec["schedule"] = {"start": "08:30", "lunch": "12:00-13:00"}
            todos.append(t("import.long-day", hours=per_day // 60))
    elif (
        taught is not None
        and length.minutes is not None
        and taught < length.minutes
        and not day_blocks
        and clock_span(course.outline) == length.minutes
    ):  # 'Total Duration: 4 Hours' over a timetable from 12:00 to 4:00 with its breaks:
        # the hours it runs in; what it teaches is its sessions' sum (both the page's)
        span_said = length.text
        spec["duration"], length.minutes = format_minutes(taught, language), taught
        todos.append(t("import.span-holds-breaks", said=span_said, length=spec["duration"]))
        found["length"] = Finding(
            "found", taught, f"{length.rule}; breaks left out by the timetable"
        )
        length.notes.append(
            f"课程时长：{span_said}" if language == "zh" else f"Length: {span_said}"
        )
    holder: dict[str, Any] = {"title": "课程" if language == "zh" else "the course"}
    todos += reconcile(length.minutes, modules, holder)
    if not modules:
        modules = [{"title": _NO_OUTLINE[language]}]
        todos.append(t("import.no-outline"))
        found["modules"] = Finding("todo", 0, "no outline")
    else:
        rule = "outline label" if course.outline_labelled else "outline markers"
        if chosen is not None and chosen.starts:
            rule = "the lines written like the trainer's example (--modules-like)"
        found["modules"] = Finding("found", len(modules), rule)
    spec["modules"] = modules
    notes = [line for line in head if line not in consumed]
    notes += course.notes
    if tree.notes:
        notes.append("\n".join(tree.notes))
    notes += [*tree.cases, *tree.tools, *tree.exercises]  # outside any module: kept
    if course.sections.get("duration") and "duration" not in spec:
        notes.append(f"课程时长：{course.sections['duration']}")
    notes += length.notes
    if any(n.startswith("TODO: 另一版本") for n in length.notes):
        todos.append(t("import.second-variant"))
    elif any(n.startswith("TODO:") for n in length.notes):
        todos.append(t("import.not-one-length"))
    if holder.get("notes"):
        notes.append(holder["notes"])
    if notes:
        spec["notes"] = "\n".join(notes)
    if "duration" not in spec:
        total = sum_if_timed(modules)
        if total is not None:  # no duration: key, so validate takes the sum (and says so)
            summed = format_minutes(total, language)
            if _clocked(tree):
                todos.append(t("import.length-from-timetable", length=summed))
                found["length"] = Finding("derived", total, "the published timetable's times")
            else:
                todos.append(t("import.length-is-sum", length=summed))
                found["length"] = Finding("derived", total, "the sum of its modules")
        else:  # left open, visibly: validate reports the TODO at the key
            spec["duration"] = NO_LENGTH[language]
            todos.append(t("import.length-missing"))
            found["length"] = Finding("todo", None, "the source states no length")
    spec, cut = fit_spec(spec, side_file(course_id), scale=scale)
    if cut is not None:
        said = found["modules"]  # what the spec holds now, and what the source had
        found["modules"] = Finding(
            said.status, cut.modules_kept, f"{said.rule}; {cut.modules_total} in the source"
        )
        todos.append(
            t(
                "import.cut",
                kept=cut.modules_kept,
                total=cut.modules_total,
                items=cut.items_left_out,
                chars=cut.chars_left_out,
                file=cut.side_file,
            )
        )
    modules = _real(spec["modules"])
    untimed = sum(1 for m in modules if not ("duration" in m or all_timed(m)))
    if untimed:
        todos.append(t("import.untimed-modules", untimed=untimed, total=len(modules)))
    found["timed_modules"] = Finding(
        "found" if not untimed else "missing", len(modules) - untimed, "minutes in the outline"
    )
    if spec.get("background"):
        found["background"] = Finding("found", len(spec["background"]), "label")
    shown = ("title", "length", "modules", "timed_modules", "audience", "outcomes")
    found = {
        k: found.get(k, Finding("missing")) for k in (*shown, "background", "format", "instructor")
    }
    first: tuple[str, ...] = ("title", "id", "language", "duration", "schedule")
    ordered: dict[str, Any] = {k: spec[k] for k in first if k in spec}
    ordered.update({k: v for k, v in spec.items() if k not in ordered})
    return Imported(ordered, todos, found, cut)


try:  # libyaml's emitter, ~10x faster on a large catalog; same output
    _Base: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeDumper


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    """Multi-line text as a ``|`` block, as a person would write it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def to_yaml(imported: Imported, *, source: str, number: int, schema_ref: str | None) -> str:
    head = []
    if schema_ref:
        head.append(f"# yaml-language-server: $schema={schema_ref}")
    head.append("# " + t("import.header", source=source, number=number))
    head += [f"# TODO: {todo}" for todo in imported.todos]
    body = yaml.dump(imported.spec, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(head) + "\n" + body


__all__ = ["Finding", "Imported", "minutes", "side_file", "to_spec", "to_yaml"]
