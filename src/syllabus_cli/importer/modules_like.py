"""``import --modules-like 第一天``: the trainer says which lines are the modules.

The importer guesses the level of a page that holds the course's modules, and on pages
it has never seen it often guesses a finer or a coarser one (sessions for days, topics
for chapters). A person reading the page sees it at once. So the trainer names one
module as the page writes it (``第一天`` · ``Day 1`` · ``模块一`` · ``1.``), and every line
written the same way opens a module: the same heading level, bullet or indent, and the
same kind of numbering (第…天, 一、, 1.1, Module N, a clock time). What lies between two
such lines is the first one's content, as the page has it.

Pure: the course's text in, the same text re-marked out (its module lines as headings,
deeper headings one level below them), and the modules it holds; or the problem's code
when the example names no module line. Fenced code is never a module. Nothing is dropped:
what the modules do not hold stays in the notes, as the page writes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .conventions import CN
from .fences import fenced_lines
from .outline import Item, split_time
from .outline_lines import parse_lines
from .timetable import row_cells
from .traditional import fold

_HEADING = re.compile(r"^(#{1,6})(?:\s+|(?=[^#\s]))")  # (##第一阶段: no space, as typed)
_BULLET = re.compile(r"^([-*+•·●○◦■□◆◇▪▸►➢➤✓✔√])\s+")
_BOLD = re.compile(r"^(\*\*|__)(.+?)\1\s*[:：]?\s*$|^(\*\*|__)")
# the kinds of numbering a module line may carry, most specific first
_NUMBERING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("第", re.compile(rf"^第\s*[{CN}\d]+\s*([章节讲天日周课单元部分模块篇阶段期次场回轮])")),
    ("word", re.compile(
        r"^(module|day|week|session|lesson|unit|part|chapter|lecture|topic|section|class|"
        r"workshop|phase|stage|step|block|模块|单元|专题|阶段|任务|项目|课题|主题)"
        rf"\s*[\d{CN}IVX]+\b",
        re.I,
    )),
    ("d3", re.compile(r"^\d+\.\d+\.\d+")),
    ("d2", re.compile(r"^\d+\.\d+(?!\d)")),
    ("cn", re.compile(rf"^[{CN}]+\s*[、.．]")),
    ("(cn)", re.compile(rf"^[（(]\s*[{CN}]+\s*[)）]")),
    ("(n)", re.compile(r"^[（(]\s*\d+\s*[)）]")),
    ("n)", re.compile(r"^\d+\s*[)）]")),
    ("n.", re.compile(r"^\d+\s*[.、．:：]|^\d+\s+(?=\D)")),
    ("circled", re.compile(r"^[①-⑳]")),
    ("letter", re.compile(r"^[A-Za-z]\s*[.)、]\s")),
    ("clock", re.compile(r"^\d{1,2}\s*[:：.]\s*\d{2}")),
)  # fmt: skip


@dataclass(frozen=True)
class Written:
    """How a line is written: its indent, heading level, bullet, bold and numbering; a
    table's row by its number of cells (-1: the | --- | rule); fenced code apart."""

    indent: int
    heading: int
    bullet: bool
    bold: bool
    numbering: str
    detail: str  # the numbering's own word (天 / day), so 第一天 is not 第一章
    cells: int = 0
    code: bool = False

    def marked(self) -> bool:
        return not self.code and bool(
            self.heading or self.bullet or self.bold or self.numbering or self.cells > 0
        )


_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_CODE = Written(0, 0, False, False, "", "", 0, True)
UNMATCHED, PLAIN, SINGLE = "modules-like-unmatched", "modules-like-plain", "modules-like-single"


def _numbering(text: str) -> tuple[str, str]:
    plain = fold(unicodedata.normalize("NFKC", text))
    plain = re.sub(r"^[【\[〔]\s*", "", plain)  # 【第一天】经营哲学: numbered in its brackets
    for name, pattern in _NUMBERING:
        if m := pattern.match(plain):
            return name, (m.group(1) or "").lower() if m.groups() else ""
    return "", ""


def _core(line: str) -> tuple[Written, str]:
    """How ``line`` is written, and its text without its heading marks, bullet or bold."""
    if line.startswith("\0"):  # the readers' mark of fenced code (readers.py)
        return _CODE, line.lstrip("\0").strip()
    expanded = line.expandtabs(4).rstrip()
    text = expanded.lstrip()
    if text.startswith("|") and text.count("|") >= 3:  # a table's row: | 9:00 | 破冰 | 30分钟 |
        if _RULE.match(text):
            return Written(0, 0, False, False, "", "", -1), ""
        cells = row_cells(text)
        first = next((c for c in cells if c), "")
        number, detail = _numbering(first)
        return Written(0, 0, False, False, number, detail, len(cells)), " ".join(
            c for c in cells if c
        )
    indent = (len(expanded) - len(text)) // 2
    heading = 0
    if m := _HEADING.match(text):
        heading, text = len(m.group(1)), text[m.end() :]
    bullet = False
    if m := _BULLET.match(text):
        bullet, text = True, text[m.end() :]
    bold = False
    if m := _BOLD.match(text):
        bold = True
        text = m.group(2) if m.group(2) is not None else text[m.end() :].replace("**", "", 1)
    text = text.strip()
    return Written(indent, heading, bullet, bold, *_numbering(text)), text


def _read(lines: list[str]) -> list[tuple[Written, str]]:
    """Every line's writing, in one pass; a fence's lines are code."""
    fenced = fenced_lines(lines)
    return [(_CODE, line.strip()) if at in fenced else _core(line) for at, line in enumerate(lines)]


_BLOCK_WORDS = ("第", "word")  # 第一天 · 模块二 · Day 3 · Module 4


def _alike(a: Written, b: Written) -> bool:
    """Written the same way. Table rows are alike with the same number of cells, or the
    same numbering in their first cell (a clock span: a day's two tables of sessions)."""
    if a.code or b.code:
        return False
    if a.cells > 0 or b.cells > 0:
        return (
            a.cells > 0
            and b.cells > 0
            and (a.cells == b.cells or (bool(a.numbering) and a.numbering == b.numbering))
        )
    if a.numbering in _BLOCK_WORDS and (a.numbering, a.detail) == (b.numbering, b.detail):
        return True  # ## Day 1 · # Day 2: a block's word numbers the run, however marked
    return a == b


def _key(text: str) -> str:
    folded = fold(unicodedata.normalize("NFKC", text))
    folded = re.sub(r"[、．。]", ".", folded)  # 一、 is 一. as a trainer types it
    return re.sub(r"[\s*_#:：|]+", "", folded).lower()


def written_as(line: str) -> str:
    """A line's words, its marks and spacing aside: the same line however it is marked."""
    return _key(_core(line)[1])


def _example_at(read: list[tuple[Written, str]], example: str) -> int | None:
    """The line the example names: one whose text starts with it (a trainer pastes 第一天,
    Day 1 or a module's name), else one holding it. Of several, the first written like
    another line of the page (a module is one of a run: the page's own heading 课程介绍
    is not the module 课程介绍 further down); 1.1 is not 1.1.1; code is never one."""
    want = _key(example)
    if not want:
        return None
    keys = [_key(text) if not how.code else "" for how, text in read]
    ends_in_digit = want[-1].isdigit()
    runs = Counter(how for how, _ in read)

    def starts(key: str) -> bool:
        if not key.startswith(want):
            return False
        rest = key[len(want) :]
        return not (ends_in_digit and (rest[:1].isdigit() or rest[:1] == "."))

    for test in (starts, lambda key: want in key):
        found = [i for i, key in enumerate(keys) if key and test(key)]
        if not found:
            continue
        alike = [i for i in found if read[i][0].marked() and runs[read[i][0]] >= 2]
        return (alike or found)[0]
    return None


def example_line(lines: list[str], example: str) -> int | None:
    """The line of ``lines`` the example names (see ``_example_at``)."""
    return _example_at(_read(lines), example)


@dataclass(frozen=True)
class Chosen:
    """The course's text re-marked (line for line the page's ``original``), the lines
    that open its modules, where the last one ends, and, for a table grouped by one of
    its columns (| 第一天 | 9:00 | … | under it, rows with that cell empty), the column."""

    text: str
    original: tuple[str, ...]
    starts: tuple[int, ...]
    end: int
    column: int | None = None
    dividers: frozenset[int] = frozenset()  # ## Week 2 · ### 下午 between them: notes


def _header_rows(read: list[tuple[Written, str]]) -> set[int]:
    """A table's header rows: each row right above a | --- | rule, and a sheet's or a
    PDF's table's first row when it holds words only (no rule under it there)."""
    found: set[int] = set()
    last_row: int | None = None
    for at, (how, text) in enumerate(read):
        if how.cells == -1 and last_row is not None:
            found.add(last_row)
        if how.cells > 0:
            opens = last_row is None
            following = read[at + 1][0] if at + 1 < len(read) else None
            words_only = not re.search(r"\d", text)
            if opens and words_only and following is not None and following.cells > 0:
                found.add(at)  # | 天 | 时间 | 内容 | 学时 | over its rows
            last_row = at
        elif how.cells == 0 and text:
            last_row = None
    return found


def _top_level(read: list[tuple[Written, str]]) -> int:
    """The heading level of the page's sections: its highest, a lone title above them aside."""
    levels = [how.heading for how, _ in read if how.heading and not how.code]
    if levels and levels[0] == 1 and levels.count(1) == 1:
        levels = levels[1:]
    return min(levels, default=0)


_DAY_PART = re.compile(
    r"(?i)^(?:上午|下午|晚上|中午|全天|morning|afternoon|evening|am|pm)\b"
    r"|^\d{1,2}\s*[/.月]\s*\d{1,2}|^\d{4}\s*[-/.年]\s*\d{1,2}|^(?:周|星期)[一二三四五六日天]"
    r"|^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)  # (a date: ## 1/30 · ## 2026-03-05 · ## 3月5日 · ## Monday)


def _run_heading(how: Written, text: str) -> bool:
    """A heading of a run the page numbers as blocks (第一天 · Day 2 · 模块三, not a
    document's 一、 二、 sections), a part of a day or a date."""
    return bool(
        how.heading and not how.code and (how.numbering in _BLOCK_WORDS or _DAY_PART.match(text))
    )


def _column(cells: list[str], example: str) -> int | None:
    """The one cell of the example's row the example names (None: it spans several)."""
    want = _key(example)
    named = [i for i, c in enumerate(cells) if c and (_key(c).startswith(want) or want in _key(c))]
    return named[0] if len(named) == 1 and _key(cells[named[0]]) != _key(" ".join(cells)) else None


def remark(text: str, example: str) -> Chosen | str:
    """``text`` with every line written like the example's as a module heading, in the
    section that holds the example (## 课程安排 › ### 第一天: one level below its heading);
    deeper headings go inside the modules, and the page's other sections (## 讲师介绍)
    stay beside them. The problem's code when no line holds the example, its line
    carries no mark another module could be told by (a plain sentence), or no other line
    is written like it (the page's title)."""
    lines = text.split("\n")
    read = _read(lines)
    at = _example_at(read, example)
    if at is None:
        return UNMATCHED
    written = read[at][0]
    if not written.marked():
        return PLAIN
    # the section holding the modules: a heading as high as the page's sections (or as
    # the module lines, when they are headings) ends it; one between them (### 上午 over
    # #### 第一节) is a part of the day, not an end
    top = _top_level(read)
    cap = min(top, written.heading) if written.heading and top else (written.heading or top)
    highest = cap - 1 if written.heading and written.heading <= cap else cap
    parent = next(
        (
            i
            for i in range(at - 1, -1, -1)
            if read[i][0].heading and not read[i][0].code and read[i][0].heading <= highest
        ),
        None,
    )
    above = read[parent][0].heading if parent is not None else 0
    start = parent + 1 if parent is not None else 0
    # a run of sections the page numbers (## 第一天 · ## 第二天, ## 上午 · ## 下午): the
    # modules run through them all (a session row clicked in the first day's table)
    run = above if parent is not None and _run_heading(*read[parent]) else 0
    while run and parent is not None:
        before = next(
            (
                i
                for i in range(parent - 1, -1, -1)
                if read[i][0].heading and not read[i][0].code and read[i][0].heading <= run
            ),
            None,
        )
        if before is None or read[before][0].heading != run or not _run_heading(*read[before]):
            break
        parent, start = before, before + 1
    end = next(
        (
            i
            for i in range(at + 1, len(lines))
            if read[i][0].heading
            and not read[i][0].code
            and read[i][0].heading <= cap
            and not _alike(read[i][0], written)
            and not (read[i][0].heading == run and _run_heading(*read[i]))
        ),
        len(lines),
    )
    headers = _header_rows(read)
    alike = [
        i
        for i in range(start, end)
        if _alike(read[i][0], written) and read[i][1] and i not in headers
    ]
    column = _column(row_cells(lines[at]), example) if written.cells > 0 else None
    if column is not None:  # | 第一天 | 9:00 | …: the rows that fill that cell open a day
        grouped = [
            i for i in alike if len(row_cells(lines[i])) > column and row_cells(lines[i])[column]
        ]
        if len(grouped) < len(alike):
            alike = grouped
        else:
            column = None
    if len(alike) < 2:
        return SINGLE
    level = min(max(above + 1, 2), 5)
    inner = written.heading or above  # headings deeper than this go inside the modules
    opening = set(alike)
    out = list(lines)
    for i in range(start, end):
        how, core = read[i]
        if i in opening and not written.cells:
            out[i] = f"{'#' * level} {core}"
        elif how.heading and not how.code and how.heading > inner and i > alike[0]:
            out[i] = f"{'#' * (level + 1)} {core}"  # a section inside a module
    dividers = frozenset(
        i
        for i in range(alike[0] + 1, end)
        if read[i][0].heading
        and not read[i][0].code
        and not _alike(read[i][0], written)
        and (
            read[i][0].heading < written.heading
            if written.heading
            else read[i][0].heading <= above or _run_heading(*read[i])
        )
    )  # (### 第二天 between one day's session rows and the next's: a divider too)
    return Chosen("\n".join(out), tuple(lines), tuple(alike), end, column, dividers)


def _table_headers(read: list[tuple[Written, str]], lines: list[str]) -> dict[int, list[str]]:
    """Each table row's header (its table's header row and rule), in one pass."""
    headers = _header_rows(read)
    current: list[str] = []
    by_row: dict[int, list[str]] = {}
    for at, (how, text) in enumerate(read):
        if how.cells > 0 and at in headers:
            rule = next((x for x in lines[at + 1 : at + 3] if x.strip()), "")
            current = [lines[at], rule] if _RULE.match(rule.strip()) else [lines[at]]
        elif how.cells > 0:
            by_row[at] = current
        elif how.cells == 0 and text:
            current = []
    return by_row


def _one_row(header: list[str], rows: list[str], minute_word: str) -> Item | None:
    """A table row (and the rows its first cell groups) as one module, read with its
    table's header; None when no session is read from it (a break: 茶歇, 午餐)."""
    read = parse_lines([*header, *rows], minute_word).children
    said = {line.strip() for line in [*header, *rows]}
    read = [c for c in read if c.title.strip() not in said]
    if not read:
        return None
    return read[0]


def _heading_module(line: str, minute_word: str) -> Item:
    """A module line as the page writes it, its time read as any outline line's: in
    brackets (90分钟) or a clock span before its name (9:00-10:30 开场与破冰)."""
    core = _HEADING.sub("", line).strip()
    title, time, todo = split_time(core)
    if time is None:
        read = parse_lines([core], minute_word).children
        if len(read) == 1 and read[0].kind == "clock" and read[0].duration:
            one = read[0]
            return Item(one.title, "h2", one.duration, notes=list(one.notes), marked=True)
    return Item(title.strip(), "h2", time, notes=[todo] if todo else [], marked=True)


def chosen_tree(
    chosen: Chosen, minute_word: str, outline: list[str] | None = None
) -> tuple[Item, list[int]]:
    """The modules the trainer chose, each with what follows its line up to the next (its
    parts read as any outline's), and the indices of the lines they hold. Of what follows
    a module's line, only the page's outline is its content: a section the page labels
    (**课程收益：** · ## 讲师介绍, read into its own key) and a heading dividing the run
    (## Week 2) stay where the rest of the import puts them."""
    lines = chosen.text.split("\n")
    read = _read(lines)
    budget = Counter(written_as(x.lstrip("\0")) for x in outline or [] if x.strip("\0 \t"))

    def content(i: int) -> bool:
        if i in chosen.dividers:
            return False
        if not budget or not lines[i].strip("\0 \t"):
            return True
        key = written_as(lines[i])
        if budget[key] <= 0:
            return False
        budget[key] -= 1
        return True

    headers = _table_headers(read, lines) if read[chosen.starts[0]][0].cells > 0 else {}
    tree = Item("")
    held: list[int] = []
    for first, last in zip(chosen.starts, [*chosen.starts[1:], chosen.end], strict=True):
        body = [i for i in range(first + 1, last) if content(i)]
        if read[first][0].cells > 0:
            header = headers.get(first, [])
            grouped = [i for i in body if read[i][0].cells > 0] if chosen.column is not None else []
            module = _one_row(header, [lines[first], *(lines[i] for i in grouped)], minute_word)
            if module is None:  # a break's row: no module, its words in the notes
                (tree.children[-1].notes if tree.children else tree.notes).append(
                    chosen.original[first]
                )
                held += [first]
                module = tree.children[-1] if tree.children else None
            elif chosen.column is not None:  # | 第一天 | 9:00 | 破冰 |: the day, its sessions
                day = row_cells(lines[first])[chosen.column]
                sessions = parse_lines(
                    [*header, lines[first], *(lines[i] for i in grouped)], minute_word
                ).children
                module = Item(day, "h2", None, sessions, marked=True)
                tree.children.append(module)
                held += [first, *grouped]
            else:
                module.kind, module.marked = "h2", True
                shown = " ".join([module.title, *module.notes, *(c.title for c in module.children)])
                if any(c and c not in shown for c in row_cells(lines[first])):
                    module.notes.append(chosen.original[first])  # | 第一天 | …: every cell kept
                tree.children.append(module)
                held.append(first)
            rest = [i for i in body if i not in set(grouped) and read[i][0].cells != -1]
            kept = [chosen.original[i] for i in rest if lines[i].strip("\0 \t")]
            if module is not None:
                module.notes += kept
            else:
                tree.notes += kept
            held += rest
            continue
        module = _heading_module(lines[first], minute_word)
        parsed = parse_lines([lines[i] for i in body], minute_word)
        module.children = parsed.children
        module.notes += parsed.notes
        module.cases, module.tools, module.exercises = parsed.cases, parsed.tools, parsed.exercises
        tree.children.append(module)
        held += [first, *body]
    return tree, held


__all__ = [
    "PLAIN",
    "SINGLE",
    "UNMATCHED",
    "Chosen",
    "Written",
    "chosen_tree",
    "example_line",
    "remark",
    "written_as",
]
