"""A catalog text cut into courses, and each course into its head, labelled sections,
notes and outline.

Pages come two ways: a whole course on one line (catalog text pasted from a site that
flattens it; labels and numbering inline) or one item a line (most pages, Word, Markdown).
Lines holding several labels are cut at them first, so both read the same way. Section
labels map to spec keys (conventions.SECTION_LABELS); any other label before the outline
is kept as a note; the outline runs from its label (or, when the page has none, from the
first line that opens a module) to the next section label or a Markdown heading as high
as its own. The first course may be preceded by a page header about the instructor
(name, title, motto), which becomes an instructor profile.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .conventions import (
    AFTER_OUTLINE,
    APPENDIX_WORDS,
    BULLETS,
    CHROME,
    CN,
    EN_KEY_OF,
    EN_MODULE_WORDS,
    GENERIC_TITLE,
    INSTRUCTOR_LINE,
    KEY_OF,
    MODULE_WORDS,
    SECTION_LABELS,
    SEGMENT_WORDS,
    STRONG_MARKER,
)
from .fences import FENCE, fence_spans, fenced_lines
from .parallel import lesson_sequence, numbers_first, parallel_courses
from .title import teacher_colon
from .traditional import fold

__all__ = ["SECTION_LABELS", "Course", "Header", "read_sections", "split_courses"]

_KNOWN = "|".join(sorted(KEY_OF, key=len, reverse=True))
# inline, in a flat line: 【课程背景】 · 课程背景: · 一、课程概述 · 【其他标签】
_INLINE = re.compile(
    rf"【\s*(?P<b>{_KNOWN})\s*】[:：]?"
    rf"|(?:(?<=\s)|^)(?:[{CN}]+、\s*)?(?P<p>{_KNOWN})\s*(?:[:：]|(?=\s))"
    r"|【(?P<other>[^】]{2,8})】"
)
# at a line's start (a label joined to more words, 教学内容与学时分配, is the label):
# ## 课程大纲 · 【课程大纲】 · 课程大纲: · 课程时间 : 2天 · 一、课程概述 · 课程对象
_LINE = re.compile(
    rf"^(?P<h>#{{1,6}}\s*)?(?:[-*·•]\s*)?(?:[{CN}]+[、.．]\s*)?"
    rf"(?:【\s*(?P<b>{_KNOWN})\s*】|(?P<pre>具体|主要|核心|详细)?(?P<p>{_KNOWN})(?P<tail>(?:(?:与|及|和|暨|、)[\u4e00-\u9fff]{{1,8}}|如下)(?=\s*(?:[:：]|$)))?"
    rf"(?P<aside>\s*[（(][^）)\n]{{1,10}}[）)])?(?=\s*(?:[:：]|$)|\s+\S))"
    r"\s*[:：]?\s*(?P<rest>.*)$"
)
# any other label at a line's start, before the outline: 引言: · 课程特色 · 【讲师介绍】
_OTHER = re.compile(
    r"^(?:【(?P<b>[^】]{2,10})】|(?P<p>[\u4e00-\u9fff]{2,6})\s*[:：](?![/\d])|(?P<alone>课程特色|课程亮点"
    r"|课程优势|讲师介绍|讲师简介|讲师背景|授课讲师|主讲老师|联系方式|前言|引言))\s*(?P<rest>.*)$"
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_EN_WORDS = "|".join(re.escape(w) for w in sorted(EN_KEY_OF, key=len, reverse=True))
# an English label: alone on its line (a heading, bold, with or without a colon) or
# before a colon and its text: "## Learning Objectives" · "**Audience:** managers"
_EN_LINE = re.compile(
    rf"^(?P<h>#{{1,6}}\s*)?(?:\*\*|__)?\s*(?P<w>{_EN_WORDS})\s*(?:\*\*|__)?\s*"
    rf"(?:[:：]\s*(?:\*\*|__)?\s*(?P<rest>.*)|(?P<alone>))$",
    re.I,
)
_APPENDIX = re.compile(
    rf"^(?:#{{1,6}}\s*)?(?:\*\*|__)?\s*(?:[{CN}]+[、.．]\s*|\d+[.、．]\s*|【)?"
    rf"(?:{'|'.join(re.escape(w) for w in sorted(APPENDIX_WORDS, key=len, reverse=True))})"
    r"\s*(?:】|\*\*|__)?\s*(?:[:：].*)?$",
    re.I,
)


def is_appendix(line: str) -> bool:
    """附录 · 教材 · 考核方式 · Materials · Evaluation …: a section after the outline."""
    return bool(_APPENDIX.match(line.strip()))


DEFAULT_SEPARATOR = "联系老师 培训咨询"


@dataclass
class Course:
    text: str
    number: int  # 1-based, in the source
    head: list[str] = field(default_factory=list)  # lines before the first label
    sections: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    outline: list[str] = field(default_factory=list)  # its lines (Markdown fences marked)
    outline_labelled: bool = False
    deck: bool = False  # the outline is a deck's slides (readers.DECK_OUTLINE)

    @property
    def preamble(self) -> str:
        return "\n".join(self.head)


@dataclass
class Header:
    name: str
    title: str = ""
    motto: str = ""


def split_courses(text: str, separator: str = DEFAULT_SEPARATOR) -> list[str]:
    """Chunks between separator lines (a line holding just the separator text), each cut
    again where it holds several courses of one shape (parallel.py)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks: list[list[str]] = [[]]
    for line in lines:
        if separator and line.strip() == separator.strip():
            chunks.append([])
        else:
            chunks[-1].append(line)
    out: list[str] = []
    for chunk in chunks:
        text = "\n".join(chunk).strip()
        out.extend(
            parallel_courses(text) or titled_courses(text) or audience_courses(text) or [text]
        )
    return out


def _fact_key(line: str) -> str | None:
    if line.startswith(("|", "\0")) or len(line) > 200:
        return None
    lab = _label(unemphasised(line.strip()), before_outline=True)
    return lab.key if lab is not None else None


def audience_courses(text: str) -> list[str] | None:
    """A page of several courses, each a named block stating whom it is for (## 高效沟通
    then 课程对象：… 课程时长：… 课程大纲：…; a name line then Audience: …), or, where no
    block does, its own length in days (课程时长：2天 · Duration: 1 day; a module's is in
    minutes or hours), unless a heading over the blocks names one course: a course from
    each name to the next. The name is the nearest heading or short plain line above
    the block's run of labelled facts. A block named as a unit (专题一, Day 2, 模块三:
    a module telling its own audience) is a module of one course; one audience written
    twice under no name of its own (a page's facts repeated) is one course; each block
    holds an outline of its own (three items or more), so a sign-up section naming its
    public (## 报名须知 / 适合人群：…) is no course."""
    from .parallel import is_unit_name

    lines = text.split("\n")
    said = [at for at, line in enumerate(lines) if _fact_key(line) == "audience"]
    in_days = len(said) < 2
    if in_days:  # else each block's own length in days (课程时长：2天 · Duration: 1 day)
        said = [at for at, line in enumerate(lines) if _days_length(line)]
    if len(said) < 2:
        return None
    heads: list[int] = []
    floor = 0
    for at in said:
        head = None
        for above in range(at - 1, floor - 1, -1):
            line = lines[above].strip()
            if not line or _fact_key(line) is not None:
                continue  # a blank, or a fact of the block's own (课程时长：1天)
            if _HEADING.match(line) or (len(line) <= 40 and not _LIST_ITEM.match(line)):
                head = above
            break
        if head is None or is_unit_name(lines[head]) or GENERIC_TITLE.match(_bare(lines[head])):
            return None
        heads.append(head)
        floor = at + 1
    levels = {len(m.group(1)) if (m := _HEADING.match(lines[h])) else 0 for h in heads}
    if len(levels) != 1:
        return None
    level = levels.pop()
    if level and any(
        (m := _HEADING.match(line)) and len(m.group(1)) == level and at not in heads
        for at, line in enumerate(lines)
        if at > heads[0]
    ):
        return None  # a sibling heading telling no audience: parts of one course
    if in_days and level:  # '# Data Bootcamp' over its 1-day parts: one course's parts
        from .parallel import COLLECTION, heading_over

        over = heading_over(lines, heads[0])
        if over is not None and not COLLECTION.search(over):
            return None
    bounds = [*heads[1:], len(lines)]
    blocks = [lines[a:b] for a, b in zip(heads, bounds, strict=True)]
    if any(
        sum(bool(_LIST_ITEM.match(line.strip()) or _opens_module(line)) for line in block)
        < (2 if any(_fact_key(line) == "outline" for line in block) else 3)
        for block in blocks
    ):
        return None  # a block with no outline of its own (a sign-up note naming its public;
        # under its own 课程大纲： two items are one)
    for block in blocks:  # '## 高效沟通': the course's own top heading
        block[0] = re.sub(r"^#{2,6}\s+", "# ", block[0])
    blocks[0] = ["\0" + line for line in lines[: heads[0]] if line.strip()] + blocks[0]
    return ["\n".join(block).strip() for block in blocks]


_IN_DAYS = re.compile(
    r"^\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十两半]+)\s*(?:个)?\s*(?:天|日|days?\b)|^半天|"
    r"^(?:one|two|three|four|five|half|full)[\s-]*days?\b",
    re.I,
)


def _days_length(line: str) -> bool:
    """课程时长：2天 · Duration: 1 day · **Length:** half-day: a course's length in days (a
    module's is in minutes or hours)."""
    if line.startswith(("|", "\0")) or len(line) > 120:
        return False
    lab = _label(unemphasised(line.strip()), before_outline=True)
    return lab is not None and lab.key == "duration" and bool(_IN_DAYS.match(lab.rest))


def _bare(line: str) -> str:
    return re.sub(r"^#+\s*", "", line.strip()).strip("*_ ")


_TITLE_AT_HEAD = re.compile(
    r"^(?:#{1,6}\s+\S.*|课程\s*[一二三四五六七八九十\d]+\s*[:：、.．]?.{0,30})$"
)


def titled_courses(text: str) -> list[str] | None:
    """A page of several courses, each opening with its own name label (课程名称：高效沟通
    · Course title: Excel for Managers), each name a different one: a course from each
    label (with the heading right above it, if any) to the next. The same name written
    twice (a page's header and footer) is one course; the page's lines above the first
    course go, as written, to its notes."""
    lines = text.split("\n")
    heads: list[int] = []
    names: list[str] = []
    for at, line in enumerate(lines):
        if line.startswith(("|", "\0")) or len(line) > 120:
            continue
        lab = _label(unemphasised(line.strip()), before_outline=True)
        if (
            lab is not None
            and lab.key == "title"
            and re.search(r"课程|course", lab.text, re.I)
            and lab.rest.strip()
        ):
            heads.append(at)
            names.append(re.sub(r"\W+", "", lab.rest).lower())
    if len(heads) < 2 or len(set(names)) != len(names):
        return None
    starts = []
    for at in heads:
        above = at - 1
        starts.append(
            above
            if above >= 0 and lines[above].strip() and _TITLE_AT_HEAD.match(lines[above].strip())
            else at
        )
    bounds = [*starts[1:], len(lines)]
    blocks = [lines[a:b] for a, b in zip(starts, bounds, strict=True)]
    for block in blocks:  # '## Spreadsheets' over its course's name: the course's own top
        block[0] = re.sub(r"^#{2,6}\s+", "# ", block[0])
    if any(sum(bool(line.strip()) for line in block) < 3 for block in blocks):
        return None  # a name and a line: no course of its own
    page = ["\0" + line for line in lines[: starts[0]] if line.strip()]
    blocks[0] = [*page, *blocks[0]]
    return ["\n".join(block).strip() for block in blocks]


def fingerprint(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()


def _opens_module(line: str) -> bool:
    """A line that starts an outline when the page labels none: 第一讲 模块一 任务一 PART1
    一、 【第一阶段】 导入: (bulleted or not: '- Week 1: Sensors') and Markdown headings
    below the title."""
    s = line.strip()
    if STRONG_MARKER.match(fold(re.sub(r"^(?:#|[-*+•])\s+", "", s))) or (
        _HEADING.match(s) and not s.startswith("# ")
    ):
        return True
    if re.match(rf"^(?:{'|'.join(SEGMENT_WORDS)})\s*[:：]", s):
        return True
    from .timetable import read_clock

    if read_clock(s) is not None:  # a timetable's first row
        return True
    if s.startswith("|"):  # a table with a 学时 / Duration column: the outline as a table
        from .outline_lines import table_time_column

        cells = [c.strip() for c in s.strip("|").split("|")]
        return table_time_column(cells) is not None or bool(STRONG_MARKER.match(cells[0]))
    if re.match(r"^1[.、．]\s*\S", s) and len(s) <= 80:  # "1. Basic Electronics": item one
        return True
    if re.match(r"^I[.)]\s+\S", s) and len(s) <= 80:  # "I. Leading Yourself": item one
        return True
    return bool(re.match(rf"^[{CN}]+、", s)) and not _prose(s)


def _prose(line: str) -> bool:
    """A paragraph, not an outline line: long, with sentences inside it (inline numbering
    in a prose paragraph — …二、…三、 — stays prose)."""
    return len(line) > 120 and bool(re.search(r"[。！？]", line[:-1]))


def is_course(text: str) -> bool:
    """A chunk with a section label, or an outline (numbered lessons are one, and a
    table of three rows or more under its header: a sheet of one course's rows)."""
    if any(m.group("b") or m.group("p") for m in _INLINE.finditer(text)):
        return True
    if any(_opens_module(line) for line in text.split("\n") if line.strip()):
        return True
    if lesson_sequence(text.split("\n")):  # 摸底测试 第1课时 · 因式分解 第2课时 · …
        return True
    if _table_rows(text) >= 3:  # a sheet's table: a header over three rows or more
        return True
    return bool(re.search(r"(?:^|\s)(?:[一二三四五六七八九十]+、|1[.、]\s*\S+.*\s2[.、])", text))


def _table_rows(text: str) -> int:
    """The most rows of words under one table's header (| 编号 | 活动 | over | 1 | 破冰 |)."""
    best = run = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s.startswith("|") or s.count("|") < 3:
            run = 0
            continue
        if re.fullmatch(r"[|\s:\-]+", s):
            continue  # | --- | --- |
        if re.search(r"[^\W\d_]", s):
            run += 1
            best = max(best, run - 1)  # (the first row: the header)
    return best


_CUE = re.compile(r"(?:找讲师\s*)?(\S+?)的课程$|^(\S{1,12}?)老师$|^(?:讲师|主讲)[:：]\s*(\S+)$")


def take_header(chunk: str) -> tuple[Header | None, str]:
    """Lines before the first course content that describe the instructor: only when one
    of them names an instructor (…的课程, X老师, 讲师:X); a title line, a date or other page
    chrome is no instructor."""
    lines = [line.strip() for line in chunk.split("\n")]
    start = next((i for i, line in enumerate(lines) if line and is_course(line)), None)
    head = [line for line in lines[:start] if line and not line.isdigit()] if start else []
    cues = [
        m
        for m in (_CUE.search(line) for line in head if not CHROME.search(line))
        if m and not re.search(r"[:：]", m.group(0))
    ]
    if start is None or len(head) < 2 or not cues:
        return None, chunk
    rest = "\n".join(lines[start:])
    name = next(g for g in cues[0].groups() if g)
    short = [
        line
        for line in head
        if len(line) <= 24
        and name not in line
        and not line.endswith("老师")
        and not line.isdigit()
        and "的课程" not in line
    ]
    long = [line for line in head if len(line) > 24 and "的课程" not in line]
    return Header(name, short[0] if short else "", max(long, key=len) if long else ""), rest


# a form's field, "课程编码:7078341", set off by a space: a PDF's or a copied table's
# course facts (课程名称:… 课程编码:… 课程学分:… 课程学时:…) run onto one line
_FIELD = re.compile(r"(?:(?<=\s)|^)[\u4e00-\u9fff]{2,6}[:：](?=[^\s:：])")


_BOLD_KEY = re.compile(r"^(\*\*|__)([^*_:：\n]{1,20}?)\s*(?:\1\s*([:：])|([:：])\s*\1)\s*")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?!.*\1.)(.+?)\1\s*$")


# pictographs a page decorates its lines with (🔥 · ⏰ · 📚 · 👉), and their joiners
_PICTOGRAPHS = re.compile(
    r"[\U0001F000-\U0001FAFF\u23E9-\u23FF\u2614\u2615\u26A0-\u26FF\u2700-\u2705\u270A-\u270D\u2B50\u2B55\uFE0F\u200D]+"
)


def undecorated(line: str) -> str:
    """'📚 课程大纲' · '🔥【爆款课程】短视频运营🔥': the words without the pictographs around
    them (a page's decoration, never a label's or a title's words)."""
    if not _PICTOGRAPHS.search(line):
        return line
    return _PICTOGRAPHS.sub(" ", line).strip() if line.strip() else line


def unemphasised(line: str) -> str:
    """Markdown's bold around a label's word (**课程时间**：1天 · **课程大纲：**) or around a
    numbered line (**一、销售心态建设（60分钟）**): the words as the trainer typed them;
    the bold is only how the page shows them."""
    bullet = re.match(r"^[-*+•]\s+(?=\*\*|__)", line)
    if bullet:  # - **Week 1 (Aug 27):** Course overview
        return bullet.group(0) + unemphasised(line[bullet.end() :])
    key = _BOLD_KEY.match(line)
    if key:
        colon = key.group(3) or key.group(4)
        space = " " if colon == ":" else ""
        return f"{key.group(2).strip()}{colon}{space}{line[key.end() :]}"
    whole = _BOLD_LINE.match(line)
    if whole and (STRONG_MARKER.match(whole.group(2)) or _CN_NUMBERED.match(whole.group(2))):
        return whole.group(2).strip()
    return line


_CN_NUMBERED = re.compile(rf"^(?:[{CN}]+[、.．]|（[{CN}\d]+）|\d+[、.．]\D)")


def _explode(line: str) -> list[str]:
    """A flat line holding several labels, cut before each (until the outline's label:
    labels inside the outline — 【案例】… — belong to the outline)."""
    if line.startswith("|"):  # a table row: its cells are not labels
        return [line]
    fields = []
    for m in _FIELD.finditer(line):  # up to the outline's label: the outline's own words
        if re.match(rf"第\s*[{CN}\d]+\s*(?:{MODULE_WORDS})", m.group(0)):
            break
        fields.append(m)
        if KEY_OF.get(m.group(0)[:-1]) == "outline":
            break
    if len(fields) >= 3 and fields[0].start() == 0:  # a form's fields run together
        starts = [m.start() for m in fields[1:]]
        parts = [line[a:b].strip() for a, b in zip([0, *starts], [*starts, len(line)], strict=True)]
        return [piece for part in parts for piece in _explode(part)] if len(parts) > 1 else parts
    matches = list(_INLINE.finditer(line))
    known = [m for m in matches if m.group("b") or m.group("p")]
    if len(known) < 2 and not any(m.group("b") and m.start() > 0 for m in matches):
        return [line]
    cuts: list[int] = []
    for m in matches:
        if m.start() > 0 and (m.group("b") or m.group("p") or m.group("other")):
            cuts.append(m.start())
        key = KEY_OF.get(m.group("b") or m.group("p") or "")
        if key == "outline":
            break
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(line[start:cut].strip())
        start = cut
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def _may_open(line: str, where: str) -> bool:
    """Inside a labelled section only a module's own word (第一讲, 模块一, 导入:, a Markdown
    heading) opens the outline; a plain 一、 there is the section's own list."""
    if where in ("head", "note"):
        return True
    return not re.match(rf"^(?:[{CN}]+、|\d+[.、．])", line.strip())


_LIST_ITEM = re.compile(rf"^(?:[-*+·•]\s+|\d+[.、．)]\s*|[{CN}]+[、.．]\s*)\S")


def _value_given(where: str, pieces: dict[str, list[str]]) -> bool:
    """'Duration: 2 days' · '课程名称：X' then '1. …': a length or a name already given on
    its label's line holds no list, so the numbered lines after it are the outline."""
    key = where.split(":", 1)[1] if where.startswith("section:") else ""
    return key in ("duration", "title") and any(p.strip() for p in pieces.get(key, []))


def _strong_label(line: str, label: _Label) -> bool:
    """A section label that ends an outline: bracketed, a heading, or followed by a colon
    (a bare word at a line's start inside an outline is the outline's own text)."""
    return bool(label.level or line.lstrip()[:1] in "【#" or re.search(r"[:：]", line[:14]))


@dataclass
class _Label:
    key: str | None  # spec key, or None for a note
    text: str  # the label as written
    rest: str
    level: int  # Markdown heading level, 0 when none


# a length label run onto its value, as a PDF's two-cell row gives it: 总学时32学时 ·
# 课程时长2天 (a lesson's number, 课时1：认识Python, is no length: the unit must follow)
_GLUED_LENGTH = re.compile(
    r"^(?P<w>"
    + "|".join(sorted((w for w, k in KEY_OF.items() if k == "duration"), key=len, reverse=True))
    + r")(?P<v>\d+(?:\.\d+)?\s*(?:学时|课时|小时|天|分钟))$"
)


# a rule book's article over a label: 第四条 培训的内容 · 第二条 培训对象
_ARTICLE = re.compile(
    rf"^第\s*[{CN}\d]+\s*条\s*(?P<a>[\u4e00-\u9fff]{{1,6}})的(?P<b>[\u4e00-\u9fff]{{2,4}})\s*$"
)


def _named_and_timed(rest: str) -> bool:
    """What follows a label's colon is a name and its time: the line is a block."""
    from .outline import split_time

    name, time, _ = split_time(rest)
    return time is not None and bool(name.strip(" :：-–—"))


def _label(line: str, *, before_outline: bool) -> _Label | None:
    glued = _GLUED_LENGTH.match(line.strip())
    if glued:
        return _Label("duration", glued.group("w"), glued.group("v"), 0)
    article = _ARTICLE.match(line.strip())
    if article and KEY_OF.get(article.group("a") + article.group("b")):
        word = article.group("a") + article.group("b")
        return _Label(KEY_OF[word], line.strip(), "", 1)
    en = _EN_LINE.match(line.strip())
    h1 = en is not None and (en.group("h") or "").strip() == "#"  # "# Agenda": the page's top
    if en and not h1 and (en.group("alone") is not None or en.group("rest") is not None):
        word = en.group("w").lower()
        level = len((en.group("h") or "").strip()) or 1  # alone on its line: as strong as a heading
        rest = (en.group("rest") or "").strip()
        if EN_KEY_OF[word] == "outline" and _named_and_timed(rest):
            return None  # '### Structure: ask, context, deadline (50 min)': a timed block
        return _Label(EN_KEY_OF[word], en.group("w"), rest, level)
    folded = fold(line)  # 培訓內容： read as 培训内容：, kept as written
    m = _LINE.match(folded)
    if (
        m
        and (m.group("tail") or m.group("pre"))
        and KEY_OF[m.group("b") or m.group("p")] != "outline"
    ):
        m = None  # 课程介绍与计算机发展史 is a topic; only the outline's label takes more words
    if m and not (m.group("h") is None and STRONG_MARKER.match(folded)):
        word = m.group("b") or m.group("p")

        def written(group: str) -> str:
            return line[m.start(group) : m.end(group)] if m.group(group) is not None else ""

        aside = written("aside").strip()  # 课程计划（暂定）: the aside is kept
        rest = f"{aside} {written('rest').strip()}".strip()
        said = (
            written("pre") + written("b") + written("p") + written("tail")
        )  # 教学内容与学时分配: the label as written
        return _Label(KEY_OF[word], said, rest, len((m.group("h") or "").strip()))
    heading = _HEADING.match(line)
    if heading and before_outline and len(heading.group(1)) > 1:  # "# 标题" is the page's title
        return _Label(None, heading.group(2).strip(), "", len(heading.group(1)))
    if before_outline:
        o = _OTHER.match(line)
        if o and not STRONG_MARKER.match(line):
            word = o.group("b") or o.group("p") or o.group("alone")
            if word not in SEGMENT_WORDS:
                return _Label(None, word, o.group("rest").strip(), 0)
    return None


def _fact_label(cell: str) -> str | None:
    word = cell.strip(" *:：")
    key = KEY_OF.get(word) or EN_KEY_OF.get(word.lower())
    if key is None and INSTRUCTOR_LINE.match(f"{word}：x"):
        return word
    return word if key not in (None, "outline") else None


def facts_row(line: str) -> list[str] | None:
    """A course's facts set as a table: each row a label and its value, or two pairs
    (| 课程名称 | 高效沟通 |, | 课程时长 | 2天 | 培训对象 | 新经理 |, | Duration | 2 days |):
    the labels and their values, one a line; None for any other row (a timetable's
    header, | 时间 | 内容 |, pairs no label with a value)."""
    if not (line.startswith("|") and line.endswith("|")):
        return None
    cells = [c.strip() for c in line.strip("|").split("|")]
    while cells and not cells[-1]:
        cells.pop()
    if not cells or len(cells) % 2:
        return None
    pairs = list(zip(cells[::2], cells[1::2], strict=True))
    if not all(_fact_label(k) and v and not _fact_label(v) for k, v in pairs):
        return None
    for k, v in pairs:  # | Time | Session |: a timetable's header, whose "value" is no length
        word = k.strip(" *:：")
        if (KEY_OF.get(word) or EN_KEY_OF.get(word.lower())) == "duration" and not re.search(
            r"\d|[一二三四五六七八九十半两]", v
        ):
            return None
    return [f"{_fact_label(k)}：{v}" for k, v in pairs]


def _header_rows(lines: list[str]) -> set[str]:
    """Lines that open with a label and run on without a colon (``教学内容 实验 / 任务
    交付成果``), written three times or more: a table's header row over each module's
    table, as a PDF's text layer gives it, never the page's section label."""
    rows: dict[str, list[str]] = {}  # by the label and the next cell (a row cut short too)
    for line in lines:
        if re.search(r"[:：]", line) or line.startswith(("\0", "|", "#")):
            continue
        lab = _label(line, before_outline=False)
        if lab is not None and lab.key is not None and lab.rest:
            rows.setdefault(f"{lab.text} {lab.rest.split()[0]}", []).append(line)
    return {line for same in rows.values() if len(same) >= 3 for line in same}


def _header_over_rows(lines: list[str]) -> set[int]:
    """The lines that are a table's header row over rows that open an outline (``| 时间 |
    内容 | 讲师 |`` over ``| 09:00-09:30 | 开场 | 王 |``; ``| Week | Topic |`` over ``| 1 |
    …``): a header names columns, never a course, so it opens the outline with its rows
    instead of heading the page."""
    from .outline_lines import sequence_table  # (outline_lines reads catalog's tables)

    found: set[int] = set()
    for at in range(len(lines) - 1):
        here, below = lines[at], lines[at + 1]
        if not (here.startswith("|") and below.startswith("|")):
            continue
        if re.search(r"\d", here) or facts_row(here) is not None:
            continue  # a row of values, or a form's label | value: no header
        cells = [c.strip() for c in here.strip("|").split("|")]
        rows = lines[at + 1 :]
        if len(cells) >= 2 and sum(bool(c) for c in cells) >= 2 and _opens_module(below):
            found.add(at)
        elif re.match(r"^\|?\s*:?-{2,}", below) and len(rows) > 1 and _opens_module(rows[1]):
            found.add(at)  # a Markdown table: its rule line between
        elif len(rows) > 3 and sequence_table(cells):
            found.add(at)  # | 月份 | 主题 | … | over 9月, 10月 …: a session a row
    return found


def _inline_value(text: str) -> bool:
    """'Readings: Ch. 1-2' · '作业：完成练习一' under a session: a label with its value on
    the line is that session's note, not a section that ends the outline."""
    return not _HEADING.match(text) and bool(re.match(r"^[^:：]{1,30}[:：]\s*\S", text))


def _sentence(text: str) -> bool:
    """Long, or written as a sentence (its stop at the end): a paragraph, not a name."""
    return len(text) > 60 or (len(text) > 24 and bool(re.search(r"[。.!?！？]\s*$", text)))


def _reopens_outline(text: str) -> bool:
    """A heading that numbers a module (### Week 2 · ## 第三讲): the outline again, after
    a section that had ended it."""
    heading = _HEADING.match(text)
    return heading is not None and bool(STRONG_MARKER.match(heading.group(2).strip()))


_LISTED = re.compile(
    rf"^(?:\d{{1,3}}[.、．)]|[-*+·•]|第\s*[{CN}\d]{{1,3}}\s*(?:{MODULE_WORDS})|[{CN}]+、)"
)
_CODE = re.compile(
    r"[{};=<>$\\]|\(\)|^\s*(?:def|import|from|class|function|return|var|let|const|echo|cd)\b"
)


def _outline_fences(raw: list[str]) -> set[int]:
    """The fence lines around a block that is an outline kept in a code block for its
    layout (a README's course outline in ```): numbered or bulleted lines, nothing that
    reads as code. Its lines are then read as the outline they are."""
    found: set[int] = set()
    for start, at in fence_spans(raw):
        if not FENCE.match(raw[at]) or at == start:
            continue  # (left open to the page's end: no block kept for its layout)
        body = [b.strip() for b in raw[start + 1 : at] if b.strip()]
        info = raw[start].strip().lstrip("`~").strip().lower()
        listed = sum(bool(_LISTED.match(b)) for b in body)
        if (
            info in ("", "text", "txt", "md", "markdown", "plain")
            and len(body) >= 3
            and listed * 2 >= len(body)
            and not any(_CODE.search(b) for b in body)
        ):
            found |= {start, at}
    return found


def _repeated_labels(lines: list[str]) -> set[str]:
    """Lines of a label written again under every block (教学内容(Content)： and
    学习目标(Objective)： under each chapter · Objectives: under each week): a block's own
    field, never where the course's outline or a section of the page starts or ends."""
    said: dict[str, list[str]] = {}
    for line in lines:
        if line.startswith(("\0", "#")) or len(line) > 80:
            continue  # (a heading written again, ### 课程内容 under each week, is a heading)
        lab = _label(line, before_outline=False)
        if lab is not None and lab.key is not None:
            said.setdefault(f"{lab.key}:{lab.text.lower()}", []).append(line)
    return {line for found in said.values() if len(found) >= 3 for line in found}


# '##第一阶段：git使用': a heading typed without its space (many Chinese editors allow it)
_HEADING_NO_SPACE = re.compile(rf"^(#{{1,6}})(?=[\u4e00-\u9fff【《]|第\s*[{CN}\d]|[{CN}]+、)")
_SPACED_LABEL = re.compile(r"^((?:[\u4e00-\u9fff][ \u3000]+){1,5}[\u4e00-\u9fff])\s*(?=[:：])")
_NOT_A_ROW = re.compile(r"^\s*(?:[#|>`]|[-*+•]\s)")


def _row_cells(line: str) -> list[str] | None:
    """A line of a table copied as text: cells apart by tabs (from Word, WPS or Excel)
    or by runs of spaces (a layout's columns); None for any other line."""
    if not line.strip() or _NOT_A_ROW.match(line):
        return None
    if "\t" in line.strip("\t ") or (line.startswith("\t") and "\t" in line.strip()):
        cells = [c.strip() for c in line.rstrip().split("\t")]
    else:
        cells = [c.strip() for c in re.split(r"[ \u3000]{2,}", line.strip())]
        cells = [""] * (len(line) - len(line.lstrip()) >= 8) + cells  # an empty first cell
    return cells if sum(bool(c) for c in cells) >= 2 else None


def column_tables(raw: list[str]) -> list[str]:
    """Runs of table rows copied as text, as the pipe rows the outline reader reads:
    two or more tab-separated lines, or three or more lines of space-aligned columns
    with as many cells each. A form's spaced label (学    时：48) loses its spaces."""
    out: list[str] = []
    fenced = fenced_lines(raw)
    i = 0
    while i < len(raw):
        j = i
        rows: list[list[str]] = []
        while j < len(raw) and j not in fenced and (cells := _row_cells(raw[j])) is not None:
            rows.append(cells)
            j += 1
        tabbed = all("\t" in raw[k] for k in range(i, j))
        widths = {sum(bool(c) for c in r) for r in rows}
        spaced = len(rows) >= 3 and max(widths, default=0) >= 3 and max(widths) - min(widths) <= 1
        if rows and ((tabbed and len(rows) >= 2) or spaced):
            out += ["| " + " | ".join(r) + " |" for r in rows]
            i = j
            continue
        for at in range(i, max(j, i + 1)):  # no table: the run's lines as they are (each
            line = raw[at]  # line looked at once, however long the run)
            if at not in fenced:
                line = _SPACED_LABEL.sub(lambda m: re.sub(r"[ \u3000]+", "", m.group(1)), line)
            out.append(line)
        i = max(j, i + 1)
    return out


_NESTED_BULLET = re.compile(r"^(?: {2,}|\t+)[-*+•]\s+\S")


def read_sections(chunk: str, number: int) -> Course:
    from .outline_lines import hhmm_timetable  # (outline_lines reads catalog's tables)

    course = Course(chunk, number)
    raw = column_tables(chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    course.text = "\n".join(raw)  # (a copied table's header word is no label over its rows)
    lines: list[str] = []
    kept_for_layout = _outline_fences(raw)
    in_code = fenced_lines(raw) - {
        at
        for first, last in fence_spans(raw)
        if first in kept_for_layout
        for at in range(first, last + 1)
    }
    for at, line in enumerate(raw):
        if at in kept_for_layout:
            continue  # the fence around an outline kept in a code block for its layout
        if at in in_code:
            lines.append("\0" + line.rstrip())  # \0: inside a code fence, never structure
        elif _NESTED_BULLET.match(line):  # '  - Python编程基础' under '- Python': the
            lines.append(line.rstrip().replace("\t", "    "))  # indent nests it
        elif line.strip() and not re.fullmatch(r"\s*(?:<br\s*/?>\s*)+", line, re.I):
            # (a line of <br> only, a Markdown page's spacer, is a blank line)
            for part in facts_row(line.strip()) or [line.strip()]:
                part = undecorated(_HEADING_NO_SPACE.sub(r"\1 ", part)).rstrip("¶ ")
                # (¶: the permalink mark a documentation site prints after each heading)
                lines.extend(_explode(unemphasised(part)))
    lines = contents_list(_title_under_generic(_titled_label(numbers_first(lines))))
    headers = _header_rows(lines) | _repeated_labels(lines)
    labelled = any(
        line.startswith("\x01")
        or ((lab := _label(line, before_outline=False)) is not None and lab.key == "outline")
        for line in lines
        if not line.startswith("\0") and line not in headers
    )
    course.outline_labelled = labelled
    where: str = "head"  # head | section:KEY | note | outline
    note: list[str] = []
    # each section's lines, joined once at the end: appending to one growing string
    # made a long section (a 100 k-line outline under 课程时长:) quadratic
    pieces: dict[str, list[str]] = {}
    outline_level = 0
    appendix_level = 0  # the heading level an appendix opened at (0: no heading)
    deck = False

    def close_note() -> None:
        if note:
            course.notes.append("\n".join(note))
            note.clear()

    over_rows = _header_over_rows(lines)
    for at, line in enumerate(lines):
        code = line.startswith("\0")
        text = line[1:] if code else line
        if at in over_rows and where in ("head", "note") and not labelled:
            close_note()  # | 时间 | 内容 | 讲师 | over the timetable's rows: its header
            where = "outline"
            course.outline.append(line)
            continue
        if text.startswith("\x01"):  # a deck's outline (readers.DECK_OUTLINE): slides to the end
            close_note()
            where, deck = "outline", True
            course.deck = True
            continue
        if where == "outline" and deck:
            course.outline.append(line)
            continue
        if where == "outline":
            ends = None if code or text in headers else _label(text, before_outline=False)
            heading = None if code else _HEADING.match(text)
            after = None if code else _OTHER.match(text)
            if (
                (
                    ends
                    and ends.key not in (None, "outline")
                    and _strong_label(text, ends)
                    and not (ends.key == "duration" and ends.rest and course.outline)
                )  # "**Time:** 45 min" under a session is the session's time, not the course's
                or (heading and outline_level and len(heading.group(1)) <= outline_level)
                or (after and (after.group("b") or after.group("p") or "") in AFTER_OUTLINE)
                or (is_appendix(text) and not _inline_value(text))
            ):
                where = ""
            else:
                course.outline.append(line)
                continue
        if (
            where not in ("head", "outline")
            and not code
            and text.startswith("# ")
            and not any(h.startswith("# ") for h in course.head)
            and not course.outline
        ):  # '当前位置：首页 > 内训课' then '# 卓越领导力修炼': the page's one top heading
            close_note()  # is its name, whatever line came before it
            where = "head"
            course.head.append(text)
            continue
        if where == "head" and not course.head and teacher_colon(text):  # 讲师名:课程名
            course.head.append(text)
            continue
        lab = None if code or text in headers else _label(text, before_outline=True)
        if lab is not None and lab.key == "outline":
            close_note()
            where, outline_level = "outline", lab.level
            if (
                lab.text not in KEY_OF and lab.text.lower() not in EN_KEY_OF
            ):  # 教学内容与学时分配: the heading as written, kept
                note.append(re.sub(r"^#+\s*", "", text))
                close_note()
            if lab.rest:
                course.outline.append(lab.rest)
            continue
        if lab is not None and lab.key == "duration":
            lab.rest = _with_unit(lab.text, lab.rest)
        if lab is not None and lab.key is not None:
            close_note()
            if fold(lab.text) not in KEY_OF and lab.text.lower() not in EN_KEY_OF:
                course.notes.append(lab.text)  # 第二条 培训的对象: the label as written, kept
            was = where
            where = f"section:{lab.key}"
            body = pieces.setdefault(lab.key, [])
            if not any(body) and len(body) < 2:  # empty so far: the label's text starts it
                body.clear()
            body.append(lab.rest)
            if was == "head" and lab.rest.strip() and lab.key in ("duration", "instructor"):
                # 'Duration: 1 day' · 课程时长：1天 among the page's first lines: a fact said on
                # its line; the lines after it are the page's, not the length's
                where = "head"
            continue
        if (
            where == "appendix"
            and not code
            and (heading := _HEADING.match(text))
            and len(heading.group(1)) <= appendix_level
        ):  # '### 教材' then '## 3. 教学日历': a heading above the appendix's own ends it
            close_note()
            where = "note"
        if (
            not code
            and is_appendix(text)
            and where != "head"
            and not (_inline_value(text) and _sentence(text))
        ):  # 附录 · Materials: notes ('Materials: All course materials are in …', a
            # paragraph under its label, is one note, not a section to the page's end)
            close_note()
            where = "appendix"
            opened = _HEADING.match(text)
            appendix_level = len(opened.group(1)) if opened else 0
            note.append(text)
            continue
        if where == "appendix" and not code and _reopens_outline(text):
            close_note()  # '### Week 2' after a week's '## Readings': the outline goes on
            where = "outline"
            course.outline.append(line)
            continue
        if where == "appendix":
            note.append(text)
            continue
        if (
            not code
            and not labelled
            and (
                (_opens_module(text) and _may_open(text, where))
                or (_value_given(where, pieces) and _LIST_ITEM.match(text))
                or hhmm_timetable(lines, at)  # 0830 Registration, in a run of such rows
            )
        ):
            close_note()
            where = "outline"
            course.outline.append(line)
            continue
        if (
            lab is not None
            and lab.key is None
            and where == "head"
            and not course.head
            and lab.rest
            and text.startswith("【")
        ):  # '【爆款课程】短视频运营实战营' first on the page: a tag, then the course's name
            course.notes.append(lab.text)
            course.head.append(lab.rest)
            continue
        if (
            lab is not None
            and where == "head"
            and course.head
            and not lab.rest
            and len(lab.text) <= 6
        ):
            # '主要内容：' · 'It covers:' in the body under the title: a lead-in to the list
            course.head.append(text)  # below it, which stays the body it is part of
            continue
        if lab is not None:  # any other label: a note, with the label's own text
            close_note()
            where = "note"
            note.append(text)
            continue
        if where == "head" and code:  # code, or a page's line kept as written: not its name
            course.notes.append(text)
        elif where == "head":
            course.head.append(text)
        elif (
            _value_given(where, pieces) and not _LIST_ITEM.match(text) and len(text) > 40
        ):  # 'Duration: 6 days' then a paragraph: the length was the line; the rest, text
            where = "note"
            note.append(text)
        elif where.startswith("section:"):
            _add_line(pieces[where.split(":", 1)[1]], text)
        else:
            if where != "note":
                where = "note"
            note.append(text)
    close_note()
    for key, body in pieces.items():
        course.sections[key] = "\n".join(body).strip()
    return course


_TOC = re.compile(
    r"^(?:#{1,6}\s*)?(?:\*\*)?\s*(?:目\s*录|课程目录|table of contents|contents)\s*(?:\*\*)?\s*[:：]?$",
    re.I,
)
_LEADER = re.compile(r"\s*(?:[.·…．_-]\s*){2,}\s*\d{1,4}\s*$|\s+\d{1,4}$")


# an entry's own numbering, which the heading it names may write another way
# ("1. 沟通" in the contents, "Part 1 沟通" or "第一部分 沟通" over its slides)
_TOC_NUMBER = re.compile(
    rf"^(?:#+\s*)?(?:第\s*(?:[{CN}]+|\d+)\s*(?:{MODULE_WORDS})|(?i:{EN_MODULE_WORDS}|section)\s*\d+"
    rf"|(?:模块|单元|专题)\s*(?:[{CN}]+|\d+)|\d+(?:\.\d+)*(?:[.、．)]|\s)|[{CN}]+[、.．])\s*[:：.\-–—]?\s*"
)


def _toc_key(line: str) -> str:
    text = _LEADER.sub("", line.strip())
    return re.sub(r"[\s#*_:：]+", "", _TOC_NUMBER.sub("", text) or text).lower()


_TITLED_LABEL = re.compile(
    r"^(?:#+\s*)?(?:syllabus|course syllabus|course outline|agenda|workshop agenda|schedule|"
    r"programme|program|timetable|课程大纲|教学大纲|培训大纲|日程|议程|日程安排)\s*[:：]\s*(?P<t>\S.{1,60})$",
    re.I,
)


def _titled_label(lines: list[str]) -> list[str]:
    """'Syllabus: Introduction to Python' first on a page: the course's name after a word
    for the document."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    m = _TITLED_LABEL.match(lines[first].strip())
    if not m or re.search(r"[。.,，;；]$|\d{1,2}[:：.]\d{2}", m.group("t")):  # a name, no times
        return lines
    return [*lines[:first], f"# {m.group('t')}", *lines[first + 1 :]]


def _title_under_generic(lines: list[str]) -> list[str]:
    """'# Agenda' then '## Customer Success Playbook': the page's top heading names no
    course, the next one does; it is read as the title."""
    from .conventions import GENERIC_TITLE
    from .title import generic

    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not lines[first].startswith("# "):
        return lines
    if not generic(lines[first]):
        return lines
    for i in range(first + 1, min(len(lines), first + 6)):
        m = re.match(r"^#{2,3}\s+(.*)$", lines[i])
        if not m:
            continue
        text = m.group(1).strip(" *")
        level = lines[i].split(" ", 1)[0]
        if (
            any(  # one of a run of headings (### 25th October … ### 26th October): the
                # outline's blocks, no name; a label after it (## Schedule) is no such run
                line.split(" ", 1)[0] == level
                and not GENERIC_TITLE.match(line[len(level) :].strip(" *"))
                and _label(line, before_outline=False) is None
                for line in lines[i + 1 :]
            )
            or GENERIC_TITLE.match(text)
            or _label(lines[i], before_outline=False) is not None
            or STRONG_MARKER.match(text)
        ):
            return lines
        return [*lines[:i], f"# {text}", *lines[i + 1 :]]
    return lines


def contents_list(lines: list[str]) -> list[str]:
    """A contents list (目录 · Contents, then one entry a line, page numbers and dot
    leaders aside) is the module list: where the text below repeats an entry, that line
    opens the module; an entry the text never repeats is a module of its own."""
    start = next((i for i, line in enumerate(lines) if _TOC.match(line.strip())), None)
    if start is None:
        return lines
    entries: list[str] = []
    end = start + 1
    keys: set[str] = set()
    while end < len(lines):
        line = lines[end].strip()
        key = _toc_key(line)
        if not key or line.startswith("\0") or len(_LEADER.sub("", line)) > 60 or key in keys:
            break
        if _label(line, before_outline=False) is not None or re.search(r"[。！？!?]$", line):
            break
        entries.append(re.sub(r"^#+\s*", "", _LEADER.sub("", line)).strip())
        keys.add(key)
        end += 1
    if len(entries) < 2:
        return lines
    body = lines[end:]
    seen: set[str] = set()
    rewritten = []
    for line in body:
        key = _toc_key(line)
        if key in keys and key not in seen and len(line) <= 80:
            seen.add(key)
            rewritten.append("## " + re.sub(r"^#+\s*", "", line.strip()))
        else:
            rewritten.append(line)
    head = [*lines[:start], "课程大纲："]
    if len(seen) * 2 < len(keys):  # the text does not follow the list: the list is the outline
        return [*head, *(f"## {e}" for e in entries), *body]
    return [*head, *rewritten]


def _with_unit(label: str, rest: str) -> str:
    """'total_hours: "48"' · '学时：32': a bare number under a label that names its unit."""
    m = re.fullmatch(r"[\"']?(\d+(?:\.\d+)?)[\"']?\s*(?:#.*)?", rest.strip())
    if not m:
        return rest
    words = label.lower()
    unit = (
        "学时" if "学时" in words else "课时" if "课时" in words
        else "小时" if ("hour" in words or "小时" in words)
        else "天" if ("天数" in words or "days" in words) else None
    )  # fmt: skip
    return (
        f"{m.group(1)}{unit}"
        + (f"（{rest.strip()}）" if unit and rest.strip() != m.group(1) else "")
        if unit
        else rest
    )


def _add_line(body: list[str], text: str) -> None:
    """``body`` (lines to be joined with newlines) with ``text`` added and the newlines at
    either end of the joined text stripped, as ``(joined + "\\n" + text).strip("\\n")``
    would leave it, without rebuilding the text each time."""
    body.append(text)
    while body and body[-1] == "":
        body.pop()
    while body and body[0] == "":
        body.pop(0)


_LIST_MARK = re.compile(rf"^(?:\d+[.、．)]|[（(]\d+[)）]|[{re.escape(BULLETS)}*]|[ln](?=\s))\s*")


def split_list(text: str) -> list[str]:
    """'1. 甲 2. 乙' / '- 甲 - 乙' / 'n 甲 n 乙' / 'Ø 甲' lines / '甲、乙' -> ['甲', '乙']
    (one item when unmarked)."""
    text = re.sub(r"^本课程适宜于[:：]\s*", "", text.strip())
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1:
        items = [_LIST_MARK.sub("", line).strip(" ;；。") for line in lines]
        return [item for item in items if item]
    parts = re.split(r"(?:^|\s)(?:\d+[.、．]|[-·•Ø]|[ln](?=\s))\s*", text)
    items = [p.strip(" ;；。") for p in parts if p.strip(" ;；。")]
    if len(items) > 1:
        return items
    one = _LIST_MARK.sub("", text.strip()).strip(" ;；")  # '- 会沟通' alone: its mark aside
    return [one] if one else []
