"""``import --modules-like 第一天``: the trainer says which lines are the modules.

The importer guesses the level of a page that holds the course's modules, and on pages
it has never seen it often guesses a finer or a coarser one (sessions for days, topics
for chapters). A person reading the page sees it at once. So the trainer names one
module as the page writes it (``第一天`` · ``Day 1`` · ``模块一`` · ``1.``), and every line
written the same way opens a module: the same heading level, bullet or indent, and the
same kind of numbering (第…天, 一、, 1.1, Module N, a clock time). What lies between two
such lines is the first one's content, as the page has it.

Pure: the course's text in, the same text re-marked out (its module lines as ``##``
headings under one outline label, deeper headings one level below), or ``None`` when no
line starts with the example. Nothing is dropped or reworded.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .conventions import CN
from .outline import Item, split_time
from .outline_lines import parse_lines
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
    """How a line is written: its indent, heading level, bullet, bold and numbering."""

    indent: int
    heading: int
    bullet: bool
    bold: bool
    numbering: str
    detail: str  # the numbering's own word (天 / day), so 第一天 is not 第一章
    cells: int = 0  # a table's row: its number of cells (its rows are written alike)

    def marked(self) -> bool:
        return bool(self.heading or self.bullet or self.bold or self.numbering or self.cells)


_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _core(line: str) -> tuple[Written, str]:
    """How ``line`` is written, and its text without its heading marks, bullet or bold."""
    expanded = line.lstrip("\0").expandtabs(4).rstrip()
    text = expanded.lstrip()
    if text.startswith("|") and text.count("|") >= 3:  # a table's row: | 9:00 | 破冰 | 30分钟 |
        cells = _cells(text)
        if _RULE.match(text):
            return Written(0, 0, False, False, "", "", -1), ""
        return Written(0, 0, False, False, "", "", len(cells)), " ".join(c for c in cells if c)
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
    plain = fold(unicodedata.normalize("NFKC", text))
    numbering, detail = "", ""
    for name, pattern in _NUMBERING:
        if m := pattern.match(plain):
            numbering = name
            detail = (m.group(1) or "").lower() if m.groups() else ""
            break
    return Written(indent, heading, bullet, bold, numbering, detail), text


def _key(text: str) -> str:
    return re.sub(r"[\s*_#:：|]+", "", unicodedata.normalize("NFKC", text)).lower()


def written_as(line: str) -> str:
    """A line's words, its marks and spacing aside: the same line however it is marked."""
    return _key(_core(line)[1])


def example_line(lines: list[str], example: str) -> int | None:
    """The line the example names: one whose text starts with it (a trainer pastes 第一天,
    Day 1 or a module's name), else one holding it. Of several, the first written like
    another line of the page (a module is one of a run: the page's own heading 课程介绍
    is not the module 课程介绍 further down); 1.1 is not 1.1.1."""
    want = _key(example)
    if not want:
        return None
    read = [_core(line) for line in lines]
    keys = [_key(text) for _, text in read]
    ends_in_digit = want[-1].isdigit()
    runs = Counter(how for how, _ in read)

    def starts(key: str) -> bool:
        if not key.startswith(want):
            return False
        rest = key[len(want) :]
        return not (ends_in_digit and (rest[:1].isdigit() or rest[:1] == "."))

    for test in (starts, lambda key: want in key):
        found = [i for i, key in enumerate(keys) if test(key)]
        if not found:
            continue
        alike = [i for i in found if read[i][0].marked() and runs[read[i][0]] >= 2]
        return (alike or found)[0]
    return None


@dataclass(frozen=True)
class Chosen:
    """The course's text re-marked, its module lines as they now read, and the level of
    the heading above them (0: none), whose level or higher ends the last module."""

    text: str
    starts: tuple[str, ...]
    above: int


def remark(text: str, example: str) -> Chosen | None:
    """``text`` with every line written like the example's as a module heading, one level
    below the heading above the first of them (## 课程安排 › ### 第一天); deeper headings
    go inside the modules, and the page's other sections (## 讲师介绍) stay where they
    are. ``None`` when no line holds the example, or the example's line carries no mark a
    module line could be told by (a plain sentence)."""
    lines = text.split("\n")
    at = example_line(lines, example)
    if at is None:
        return None
    written, _ = _core(lines[at])
    if not written.marked():
        return None
    above = next(
        (_core(line)[0].heading for line in reversed(lines[:at]) if _HEADING.match(line.lstrip())),
        0,
    )
    level = min(max(above + 1, 2), 5)
    out = lines[:at]
    starts: list[str] = []
    for index, line in enumerate(lines[at:], start=at):
        how, core = _core(line)
        if how == written and core and written.cells:
            if not _header(lines, index):  # a table's rows, its header row aside
                starts.append(line)
            out.append(line)
        elif how == written and core:
            starts.append(f"{'#' * level} {core}")
            out.append(starts[-1])
        elif how.heading > above:
            out.append(f"{'#' * (level + 1)} {core}")  # a section inside the module
        else:
            out.append(line)  # a section beside the outline (## 讲师介绍), or a line
    return Chosen("\n".join(out), tuple(starts), above)


def _header(lines: list[str], index: int) -> bool:
    """A table's header row: the row right above its | --- | rule."""
    following = next((line for line in lines[index + 1 :] if line.strip()), "")
    return _core(following)[0].cells == -1


def _table_row(lines: list[str], index: int, minute_word: str) -> Item:
    """A table's row as the module it is, read with its table's header (a 学时 or a
    Duration column gives its time, the Topic column its name)."""
    header: list[str] = []
    for back in range(index - 1, -1, -1):
        how, _ = _core(lines[back])
        if not how.cells:
            break
        if how.cells > 0 and _header(lines, back):
            header = [lines[back], next(x for x in lines[back + 1 :] if x.strip())]
            break
    row = lines[index].lstrip("\0")
    read = parse_lines([*header, row], minute_word).children
    if read:
        first = read[0]
        first.kind, first.marked = "h2", True
        return first
    return Item(" ".join(c for c in _cells(row) if c), "h2", marked=True)


def chosen_tree(chosen: Chosen, minute_word: str) -> tuple[Item, list[str]]:
    """The modules the trainer chose, each with what follows its line up to the next (its
    parts read as any outline's), and the lines they hold. The last module ends at a
    heading as high as the one above the first (## 讲师介绍 after ## 课程安排)."""
    lines = chosen.text.split("\n")
    at: list[int] = []
    for i, line in enumerate(lines):
        if len(at) < len(chosen.starts) and line == chosen.starts[len(at)]:
            at.append(i)
    end = len(lines)
    if chosen.above and at:
        end = next(
            (
                i
                for i in range(at[-1] + 1, len(lines))
                if (m := _HEADING.match(lines[i])) and len(m.group(1)) <= chosen.above
            ),
            len(lines),
        )
    tree = Item("")
    for first, last in zip(at, [*at[1:], end], strict=True):
        if _core(lines[first])[0].cells:
            module = _table_row(lines, first, minute_word)
            module.notes += [
                line.lstrip("\0")
                for index, line in enumerate(lines[first + 1 : last], start=first + 1)
                if line.strip("\0 \t") and _core(line)[0].cells != -1 and not _header(lines, index)
            ]
            tree.children.append(module)
            continue
        title, time, todo = split_time(_HEADING.sub("", lines[first]).strip())
        body = parse_lines(lines[first + 1 : last], minute_word)
        module = Item(title.strip(), "h2", time, body.children, marked=True)
        module.notes = [*([todo] if todo else []), *body.notes]
        module.cases, module.tools, module.exercises = body.cases, body.tools, body.exercises
        tree.children.append(module)
    return tree, lines[at[0] : end] if at else []


__all__ = ["Chosen", "Written", "chosen_tree", "example_line", "remark", "written_as"]
