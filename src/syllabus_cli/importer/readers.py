"""Readers for what trainers keep their courses in, each turned into the text the
catalog reader already understands (labels, Markdown headings, ``| a | b |`` table rows,
``- `` bullets). Every third-party library is imported inside its reader, so that
``syllabus`` starts as fast as before for every other command.

Libraries, and why each (see pyproject.toml):

- PDF: pypdf — pure Python, maintained by the PyPDF project, reads the text layer and
  tells an encrypted file apart; no system library to install on a trainer's laptop.
- PowerPoint: python-pptx — the one maintained reader of .pptx, same author and model
  as python-docx, which the tool already uses.
- Excel: openpyxl — the maintained .xlsx reader; its read-only mode streams rows, so a
  huge sheet is refused after a bounded number of rows instead of loaded whole.
- HTML and saved web pages (.mhtml): the standard library's ``html.parser`` and
  ``email`` — no dependency, tolerant of the broken markup saved pages hold.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..i18n import msg
from .errors import SourceError

PDF_GLYPHS: list[int] = []  # the last PDF's count of glyphs read as no zh or en letter (run.py)
MAX_ROWS = 5_000  # a catalog sheet: far more courses than any trainer sells
MAX_PAGES = 2_000
TABLE_PAGES = 200  # pages read a second time, by layout, for their tables
SEPARATOR = "联系老师 培训咨询"  # the line catalog.split_courses cuts courses at
# A deck's outline label: what follows is the slides' structure, where a slide named
# "Overview" or "Objectives" is a slide, not a page's section label (catalog.py)
DECK_OUTLINE = "\x01课程大纲："


# ---------------------------------------------------------------- office packages
def _check_zip(path: Path, kind: str) -> None:
    from ..render.template_file import too_big

    try:
        with zipfile.ZipFile(path) as archive:
            mb = too_big(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SourceError(
            "unreadable-source", msg("source.unreadable", kind=kind, reason=type(exc).__name__)
        ) from None
    if mb is not None:
        raise SourceError("too-large", msg("source.unpacks", mb=mb))


# ---------------------------------------------------------------- PDF
_PAGE_NUMBER = re.compile(
    r"^\s*(?:第\s*\d+\s*页\s*(?:[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d+\s*/\s*\d+)\s*$",
    re.I,
)


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def strip_furniture(pages: list[list[str]]) -> list[str]:
    """The pages' lines without page numbers (``第 1 页 共 51 页``, ``Page 3 of 9``,
    ``- 4 -``) and without the running headers and footers: a line among a page's first
    or last two that recurs (numbers aside) on at least half the pages, three or more."""
    edges: Counter[str] = Counter()
    for lines in pages:
        shown = [line for line in lines if line.strip()]
        edges.update({_furniture_key(line) for line in shown[:2] + shown[-2:]})
    running = (
        {key for key, n in edges.items() if n >= 3 and n * 2 >= len(pages)}
        if len(pages) >= 3
        else set()
    )
    titles = _unit_heads(pages, running)  # each page's own title, kept as a heading
    running -= titles
    out: list[str] = []
    first = [line for line in pages[0] if line.strip()][:3] if pages else []
    heads = {_title_key(line) for line in first}
    for number, lines in enumerate(pages, start=1):
        shown = [line for line in lines if line.strip()]
        edge = {id(line) for line in shown[:2] + shown[-2:]}
        for line in lines:
            if _PAGE_NUMBER.match(line):
                continue
            table_row = line.lstrip().startswith("|")  # a table's header set on each page
            if id(line) in edge and _furniture_key(line) in running and not table_row:
                continue
            if number > 1 and id(line) in edge and _running_head(line, number, heads):
                continue
            if shown and id(line) == id(shown[0]) and _furniture_key(line) in titles:
                line = f"## {line.strip()}"
            out.append(line)
    return out


# a line naming a unit of the course by its number: AGENDA: DAY 1 · Week 3 · Module 2 ·
# Session 4 · 第2天 · 第三讲
_UNIT_NAMED = re.compile(
    r"(?:\b(?:day|week|module|session|lesson|unit|part)\s*\d{1,2}\b|"
    r"第\s*[一二三四五六七八九十\d]{1,3}\s*[天周讲课章])",
    re.I,
)


def _unit_heads(pages: list[list[str]], running: set[str]) -> set[str]:
    """Of the lines that recur at the pages' edges, those that are each page's own
    heading: a line naming a unit of the course whose number differs on every page it
    stands on (a deck saved as PDF, a slide a page: ``AGENDA: DAY 1`` over day 1's topics,
    ``AGENDA: DAY 2`` on the next). A running head repeats its chapter's number, and a
    page's number is read apart (_PAGE_NUMBER)."""
    said: dict[str, list[str]] = {}
    for lines in pages:
        shown = [line for line in lines if line.strip()]
        edge = {id(line): line for line in shown[:2] + shown[-2:]}  # (a short page's
        for line in edge.values():  # first lines are its last too)
            key = _furniture_key(line)
            if key in running and "#" in key and _UNIT_NAMED.search(line):
                said.setdefault(key, []).append(re.sub(r"\s+", "", line))
    return {key for key, lines in said.items() if len(set(lines)) == len(lines)}


# a browser's print of a web page: each page's head the date (and time) it was printed
# and the page's title; its foot the page's address and the page's number of the count
_PRINT_HEAD = re.compile(
    r"^\s*(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?|,?\s*(?:上午|下午)\s*\d{1,2}:\d{2})?\s+(?P<t>\S.*?)\s*$"
)
_PRINT_FOOT = re.compile(r"^\s*(?:https?|file)://\S+\s+\d{1,4}\s*/\s*\d{1,4}\s*$")


def browser_print(pages: list[list[str]]) -> tuple[list[list[str]], str | None]:
    """A web page printed to PDF from a browser: on its first page, among the first or
    last three lines, the print's head (the date, then the page's title) and its foot
    (the page's address, then ``1/3``). Both are furniture on every page; the page's
    title names the course (its first part that is not the site's or a generic word, as
    a saved page's ``<title>``). The pages unchanged and None for any other PDF."""
    if not pages:
        return pages, None
    shown = [line for line in pages[0] if line.strip()]
    edge = shown[:3] + shown[-3:]
    head = next((m for m in map(_PRINT_HEAD.match, edge) if m), None)
    if head is None or not any(_PRINT_FOOT.match(line) for line in edge):
        return pages, None
    said = head.group("t")
    kept = [
        [
            line
            for line in page
            if not _PRINT_FOOT.match(line)
            and not ((m := _PRINT_HEAD.match(line)) and m.group("t") == said)
        ]
        for page in pages
    ]
    return kept, page_title(said, []) or None


def _title_key(line: str) -> str:
    return re.sub(r"[\s:：·|｜\-—–]+", "", line).lower()


def _running_head(line: str, number: int, heads: set[str]) -> bool:
    """A page's running head or foot: the document's title (as its first page shows it,
    often in small capitals) beside the page's own number — 'syllabus: introduction to
    python    2', '3 | 绩效面谈技巧'."""
    m = re.fullmatch(
        rf"\s*(?:{number}\s*[|｜·\-—–]?\s*(?P<a>\S.*?)|(?P<b>\S.*?)\s*[|｜·\-—–]?\s*{number})\s*",
        line,
    )
    if m is None:
        return False
    said = _title_key(m.group("a") or m.group("b") or "")
    return len(said) >= 4 and said in heads


def _shown(pages: list[list[str]]) -> int:
    return sum(bool(line.strip()) for page in pages for line in page)


def _word_a_line(lines: list[str]) -> bool:
    """A text layer read a word a line: most of its lines one word. An editor that
    places every word by itself (its own position, the page's y axis flipped) is read
    so, or as one run-on line (read_pdf checks a line of 200 characters or more): either
    way the page's own lines come back from where its words stand (pypdf's layout
    mode)."""
    shown = [line.strip() for line in lines if line.strip()]
    single = sum(" " not in line and len(line) <= 12 for line in shown)  # (Chinese lines
    return len(shown) >= 40 and single * 10 >= len(shown) * 7  # hold no spaces: their length)


def _laid_out(text: str) -> list[str]:
    """A page as pypdf's layout mode sets it (words placed by their position): a line's
    indent kept up to eight spaces (a bullet's level; a centred title's margin is no
    level)."""
    lines = []
    for line in text.split("\n"):
        body = _CJK_SPACE.sub("", line.lstrip(" "))
        lines.append(" " * min(len(line) - len(line.lstrip(" ")), 8) + body.rstrip())
    return lines


# one space between two Chinese characters or their punctuation: layout mode spaces a
# change of font or a justified line's stretch, never a word (a column's gap is wider)
_CJK_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff，。、；：！？（）《》“”]) (?=[\u4e00-\u9fff，。、；：！？（）《》“”])"
)


# a cell of a laid-out line: words one to three spaces apart (a wider gap is a column's)
_CELL = re.compile(r"\S+(?: {1,3}\S+)*")
# a table's header cell: the words timetables and syllabi name their columns with
_COLUMN_WORD = re.compile(
    r"^(?:时间|时长|学时|课时|日期|内容|项目|主题|课题|环节|模块|讲师|主讲|小节|章节|形式|备注|周次|"
    r"序号|教学内容|课程内容|培训内容|教学方式|教学方法|授课方式|教学要求|学时分配|理论|实验|实践|上机|"
    r"重点|难点|作业|目标|课次|讲次|星期|地点|负责人|"
    r"time|duration|date|dates|day|topic|topics|session|title|activity|activities|speaker|"
    r"lecture|module|content|contents|hours|minutes|mins?|format|section|who|presenter|week|"
    r"slides|notes|no\.?|#|item|unit|chapter|part|description|details|length|instructor|trainer|"
    r"facilitator|objectives?|readings?|assignments?|due|location|room|what)$",
    re.I,
)


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _CELL.finditer(line)]


def _split_at_columns(cells: list[tuple[int, str]], starts: list[int]) -> list[tuple[int, str]]:
    """A laid-out row's cells, each cut where it runs over a column's start at a gap of
    two spaces or more: layout mode sets a proportional font's narrow column gap as two
    spaces (``10AM-10:50AM  Manipulating data`` under ``Time`` and ``Topic``)."""
    out: list[tuple[int, str]] = []
    for col, text in cells:
        while True:
            cut = next(
                (
                    m
                    for m in re.finditer(r" {2,}", text)
                    if any(abs(col + m.end() - s) <= 3 for s in starts if s > col + 1)
                ),
                None,
            )
            if cut is None:
                break
            out.append((col, text[: cut.start()]))
            col, text = col + cut.end(), text[cut.end() :]
        out.append((col, text))
    return out


def _table_rows(laid: list[str], at: int, starts: list[int]) -> tuple[list[list[str]], int, bool]:
    """The rows from ``laid[at]`` on whose cells each stand under one of the columns
    starting at ``starts`` (blank lines between them skipped), where they end, and
    whether the table is broken there: a line that starts in its first column yet does
    not fit its columns (a row whose gaps the layout set too narrow, ``7 复盘与总结 4 1
    3`` in one run), so the columns cannot be trusted."""
    rows: list[list[str]] = []
    end = at
    gap = True  # a blank line since the last row
    while end < len(laid):
        cells = _split_at_columns(_cells(laid[end]), starts)
        if not cells:
            end += 1
            gap = True
            continue
        first = abs(cells[0][0] - starts[0]) <= 1
        row = [""] * len(starts)
        for col, text in cells:
            nearest = min(range(len(starts)), key=lambda j: abs(starts[j] - col))
            longest = 100 if nearest == len(starts) - 1 else 60  # (the last column's words
            if abs(starts[nearest] - col) > 6 or row[nearest] or len(text) > longest:  # run on)
                return rows, end, first and len(cells) > 1
            row[nearest] = text
        if len(cells) == 1:
            col, text = cells[0]
            nearest = min(range(len(starts)), key=lambda j: abs(starts[j] - col))
            wide = nearest + 1 < len(starts) and col + len(text) > starts[nearest + 1]
            if col < starts[0] - 1 or re.search(r"[。！？.!?]$", text):
                return rows, end, False  # a line left of the table, or a sentence: the text
            if wide:  # a line across the columns: the text after, or a row run together
                return rows, end, first
            if rows and not gap and nearest > 0 and rows[-1][nearest]:
                above = rows[-1][nearest]  # a cell's text wrapped onto the next line
                cjk = re.search(r"[\u4e00-\u9fff]$", above) and re.match(r"[\u4e00-\u9fff]", text)
                rows[-1][nearest] = above + ("" if cjk else " ") + text
                end += 1
                continue
            after = next((line for line in laid[end + 1 :] if line.strip()), "")
            if nearest == 0 and len(_cells(after)) < 2:
                return rows, end, False  # a heading in the first column over the page's text
        rows.append(row)
        end += 1
        gap = False
    return rows, end, False


def _body_starts(head: list[tuple[int, str]], laid: list[str], at: int) -> list[int]:
    """Where a table's columns start: its header cells' starts, unless its first row
    sets each cell left of its header's (a header centred over left-aligned cells, as a
    Word table's header often is): each column starts where the first row's cell does,
    when that cell stands between the gaps around its header word."""
    starts = [col for col, _ in head]
    row = next((_cells(line) for line in laid[at : at + 3] if line.strip()), [])
    if len(row) != len(head):
        return starts
    bounds = [
        (head[j - 1][0] + len(head[j - 1][1]) + head[j][0]) / 2 if j else -1.0
        for j in range(len(head))
    ] + [float("inf")]
    if all(bounds[j] <= col < bounds[j + 1] for j, (col, _) in enumerate(row)):
        return [min(start, col) for start, (col, _) in zip(starts, row, strict=True)]
    return starts


def _header_row(head: list[tuple[int, str]]) -> bool:
    """A laid-out line that is a table's header row: two cells or more, no digits, half
    of them column words (时间 | 内容, Topic | Slides)."""
    words = [w for _, w in head]
    return (
        len(head) >= 2
        and not any(re.search(r"\d", w) or len(w) > 24 for w in words)
        and sum(bool(_COLUMN_WORD.match(w)) for w in words) * 2 >= len(words)
    )


def _tabled(page: Any, carried: list[int] | None) -> tuple[list[str] | None, list[int] | None]:
    """A page holding a table, its rows as ``| a | b |`` (None when it holds none), and
    the columns of a table that runs to the page's end (the next page may go on with
    it): the plain reading runs a row's cells together (``开场介绍5min``, ``01 12-03-2024
    Basics PDF MP4``) or scatters them; pypdf's layout mode sets them in their
    columns. A table is a header row of two or more column words (时间 | 内容, Topic |
    Slides), no digits, then rows whose cells each stand under one of its columns; the
    page's other lines read as laid out."""
    try:
        laid = page.extract_text(extraction_mode="layout").split("\n")
    except Exception:  # a damaged page: its plain reading stands
        return None, None
    out: list[str] = []
    found = False
    at = 0
    lead = [i for i, line in enumerate(laid) if line.strip()][:4]
    if carried is not None and not any(_header_row(_cells(laid[i])) for i in lead):
        # the last page's table going on, under the page's head lines (a page that sets
        # a header row of its own starts its own table)
        for first in lead:
            rows, end, broken = _table_rows(laid, first, carried)
            if len(rows) >= 2 and not broken:
                out = laid[:first] + ["| " + " | ".join(r) + " |" for r in rows]
                found, at = True, end
                break
    runs_on: list[int] | None = None
    while at < len(laid):
        head = _cells(laid[at])
        words = [w for _, w in head]
        if not _header_row(head):
            out.append(laid[at])
            at += 1
            continue
        starts = _body_starts(head, laid, at + 1)
        rows, end, broken = _table_rows(laid, at + 1, starts)
        if broken:
            return None, None  # the page's columns cannot be trusted: its plain reading
        if len(rows) < 2:
            out.append(laid[at])
            at += 1
            continue
        found = True
        grouped = group_rows(words, rows) if len(words) >= 3 else None
        if grouped is not None:  # | Monday | 9AM-9:50AM | … |: a group column
            out += grouped
        else:
            out += ["| " + " | ".join(words) + " |", *("| " + " | ".join(r) + " |" for r in rows)]
        at = end
        rest = [line for line in laid[end:] if line.strip()]
        runs_on = starts if len(rest) <= 3 else None  # only the page's foot after it
    return (_laid_out("\n".join(out)) if found else None), runs_on


def _top_first(lines: list[str], page: Any) -> list[str]:
    """The first page's lines with its topmost line first: a text layer keeps the order
    its lines were drawn in, and a designed page (a course flyer, a brochure) draws its
    title, set large at the top, after the body. The topmost line is the one pypdf's
    layout mode (lines by their place) sets first; where the drawn order has it further
    down, it moves up, every other line where it was."""
    try:
        laid = page.extract_text(extraction_mode="layout")
    except Exception:  # a damaged page: the drawn order stands
        return lines
    top = next((" ".join(line.split()) for line in laid.split("\n") if line.strip()), "")
    at = next((i for i, line in enumerate(lines) if " ".join(line.split()) == top), None)
    if not top or len(top) > 80 or at is None or at == 0:
        return lines
    return [lines[at], *lines[:at], *lines[at + 1 :]]


def _slide_pages(reader: Any, pages: list[list[str]]) -> bool:
    """A deck saved as PDF: three pages or more, every one wider than tall (a slide), none
    holding more than 18 lines nor a table read as rows (a landscape timetable's pages
    are one table going on, no slides)."""
    try:
        sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    except Exception:  # a damaged page box: read as a document
        return False
    shown = [[line for line in page if line.strip()] for page in pages]
    return (
        len(pages) >= 3
        and all(w > h for w, h in sizes)
        and all(len(lines) <= 18 for lines in shown)
        and not any(line.lstrip().startswith("|") for lines in shown for line in lines)
    )


_PAGE_BULLET = re.compile(r"^\s*(?:[\uf020-\uf0ff•●○◦▪■□◆◇➢➤►▶✓✔–-])\s*(?=\S)")


def _pages_as_slides(pages: list[list[str]]) -> list[tuple[str, list[tuple[int, str]]]]:
    """A deck's pages as its slides: each page's first line its title, its other lines
    its bullets (a symbol font's bullet dropped, an indented line one level down), a
    page's number aside."""
    slides: list[tuple[str, list[tuple[int, str]]]] = []
    for page in pages:
        shown = [line for line in page if line.strip() and not _PAGE_NUMBER.match(line)]
        if not shown:
            continue
        body = []
        for line in shown[1:]:
            indent = len(line) - len(line.lstrip())
            body.append((1 if indent >= 4 else 0, _PAGE_BULLET.sub("", line).strip()))
        slides.append((shown[0].strip(), body))
    return slides


def read_pdf(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a dependency
        raise SourceError("unreadable-source", msg("source.no-reader", kind="PDF")) from None
    no_text = SourceError("no-text-layer", msg("source.no-text-layer"))
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on a damaged xref: noise
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise no_text
        if len(reader.pages) > MAX_PAGES:
            raise SourceError("too-large", msg("source.too-many", n=MAX_PAGES, what="pages"))
        pages = [(page.extract_text() or "").split("\n") for page in reader.pages]
        plain = [line for page in pages for line in page]
        laid_out = False
        if garbled("".join(plain)):  # a font whose character map pypdf misreads
            shown = _pdfium_pages(path)
            if shown is not None and not garbled("".join(line for p in shown for line in p)):
                pages, plain, laid_out = shown, [line for p in shown for line in p], True
        if not laid_out and (_word_a_line(plain) or any(len(line) > 200 for line in plain)):
            laid = [_laid_out(page.extract_text(extraction_mode="layout")) for page in reader.pages]
            if _word_a_line(plain) or _shown(laid) >= 2 * _shown(pages):
                pages, laid_out = laid, True  # the page's own lines, where plain lost them
        if pages and not laid_out:
            pages[0] = _top_first(pages[0], reader.pages[0])
            carried: list[int] | None = None
            # a table's columns, kept as cells (a book-length PDF is read once, as before)
            for number, page in enumerate(reader.pages[:TABLE_PAGES]):
                tabled, carried = _tabled(page, carried)
                if tabled is not None:
                    pages[number] = tabled
    except SourceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
        if "encrypt" in str(exc).lower() or "crypt" in type(exc).__name__.lower():
            raise no_text from None
        raise SourceError(
            "unreadable-source", msg("source.unreadable", kind="PDF", reason=type(exc).__name__)
        ) from None
    except Exception as exc:  # a damaged file raises many kinds inside pypdf
        raise SourceError(
            "unreadable-source", msg("source.unreadable", kind="PDF", reason=type(exc).__name__)
        ) from None
    pages, printed = browser_print([[line.rstrip() for line in page] for page in pages])
    slides = []
    if not printed and _slide_pages(reader, pages):  # (each slide's topmost line its title)
        slides = _pages_as_slides([_top_first(p, reader.pages[n]) for n, p in enumerate(pages)])
    if len(slides) >= 3:  # a deck saved as PDF, a slide a page: read as the deck
        return _pdf_text(deck_text(slides))
    lines = strip_furniture(pages)
    if printed:
        lines = [f"# {printed}", *lines]
    return _pdf_text("\n".join(lines))


# scripts a course outline in Chinese or English never holds, where a misread font's
# characters land (Armenian, Hebrew, Arabic, Syriac, NKo … Mongolian, Balinese)
_STRAY = re.compile(r"[\u0530-\u08ff\u0900-\u0dff\u10a0-\u10ff\u1200-\u1cff]")


def garbled(text: str) -> bool:
    """Text read through a broken character map (Django4 WEB୏فݎᳪරᑕ): a fifth or more of
    its letters in scripts an outline here never uses."""
    letters = [c for c in text if c.isalpha() and ord(c) > 0x7F]
    return len(letters) >= 20 and len(_STRAY.findall(text)) * 5 >= len(letters)


def _pdfium_pages(path: Path) -> list[list[str]] | None:
    """Each page's lines as PDFium (the engine Chrome shows PDFs with) reads them: it
    reads the fonts whose character maps pypdf misreads (a WPS export's Chinese); None
    when it cannot read the file."""
    try:
        import pypdfium2 as pdfium

        document: Any = pdfium.PdfDocument(str(path))
        try:
            return [
                str(page.get_textpage().get_text_range()).replace("\r", "").split("\n")
                for page in document
            ]
        finally:
            document.close()
    except Exception:  # pragma: no cover - a file PDFium cannot open: pypdf's reading stands
        return None


def _pdf_text(text: str) -> str:
    """A PDF's text as read, its text layer's spacing and glyphs set right."""
    # A PDF's text layer spaces what the page sets close: runs of spaces inside a line
    # are one; a run of Latin or digits meeting Chinese takes none ("90 分钟", "第 3 讲",
    # "AI 与大模型认知": pypdf spaces a change of font, and cannot tell a typed space);
    # full-width punctuation takes none beside it ("模块1 ： AI（ 2学时）")
    text = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)
    text = re.sub(
        r"(?<=[A-Za-z0-9]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=[A-Za-z0-9])", "", text
    )
    text = re.sub(r"[ \t]+(?=[：（）、，。；！？》】])|(?<=[：（、，。；！？《【])[ \t]+", "", text)
    # a unit of time spread over a justified cell: "4学 时", "2小 时", "30分 钟"
    text = re.sub(r"(?<=\d)(学|课|小|分)[ \t]+(?=时|钟)", r"\1", text)
    # a symbol font's bullet (Wingdings, Symbol: U+F0A7, U+F0B7, U+F0D8 …), a glyph of
    # the private use area at a line's start, is the bullet it shows
    text = re.sub(r"(?m)^([ \t]*)[\uf020-\uf0ff][ \t]*(?=\S)", r"\1- ", text)
    # a typeset ligature (ﬁ, ﬂ, ﬀ …, LaTeX's "scientiﬁc") is the letters it joins
    text = re.sub("[\ufb00-\ufb06]", lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    from .title import unreadable

    glyphs = sum(unreadable(c) for c in set(text))
    if glyphs:  # a font maps glyphs to the wrong code points: the summary says so
        PDF_GLYPHS.append(glyphs)
    if len(re.sub(r"\s", "", text)) < 10:
        raise SourceError("no-text-layer", msg("source.no-text-layer"))
    return text


# ---------------------------------------------------------------- PowerPoint
# a contents slide's title, in one language or both: 目录 · 目 录 CONTENTS · Agenda 议程
_TOC_WORD = (
    r"(?:目\s*录|内容提要|课程目录|议程|(?:table of )?contents?|catalog(?:ue)?|agenda|outline)"
)
_TOC_TITLES = re.compile(rf"^\s*{_TOC_WORD}(?:\s*[/|｜·]?\s*{_TOC_WORD})?\s*$", re.I)
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_SECTION_NUMBER = re.compile(
    rf"^\s*(?:(?:part|chapter|section|module)\s*)?(?:0?\d{{1,2}}|{_NUMBER_WORD})\s*$"
    r"|^\s*第[一二三四五六七八九十\d]+[章部分讲节]\s*$",
    re.I,
)
# a slide that goes on with the one before: 沟通技巧（续） · Listening (cont.) · (continued)
_CONTINUED = re.compile(
    r"^(?P<t>.+?)\s*[(（]\s*(?:续|接上页|cont\.?|cont'd|continued)\s*[)）]\s*$", re.I
)
# a deck's closing slide: 谢谢观看 · 感谢聆听 · Thank you · Q&A — no section of the course
_CLOSING = re.compile(
    r"^\s*(?:谢谢(?:观看|聆听|大家|您的观看)?|感谢(?:观看|聆听|您的聆听|大家)|thank(?:s| you)(?: for .{0,30})?|"
    r"q\s*&\s*a|questions\??|the end|end)\s*[!！.。]?\s*$",
    re.I,
)


_TYPED_BULLET = re.compile(r"^[•▪●◦‣■□◆◇➢➤►▶✓✔–]\s+")


_ITEM_START = re.compile(
    r"^\s*(?:\d{1,2}[.、．)]|[一二三四五六七八九十]+[、.．]|[-•·●▪*]\s|第\s*\S{1,3}\s*[讲章节课天])"
)


def _typed_text(paragraph: Any) -> str:
    """A slide paragraph's runs, its line breaks as "\v" (a field, the slide's number
    or date, is the layout's, not the slide's text)."""
    parts: list[str] = []
    for child in paragraph._p.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "r":
            parts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "br":
            parts.append("\v")
    return "".join(parts)


def broken_lines(pieces: list[str]) -> list[str]:
    """A paragraph's parts between its line breaks (Shift+Enter): a list typed in one
    paragraph (three lines or more, or lines that open like items: 1. · 一、 · •) keeps
    its lines; a title wrapped by a break (QGIS COURSE / OUTLINE) is one line again,
    its parts a space apart. Never words run together."""
    kept = [piece for piece in pieces if piece.strip()]
    if len(kept) >= 3 or (len(kept) == 2 and all(_ITEM_START.match(p) for p in kept)):
        return kept
    return [" ".join(" ".join(kept).split())] if kept else []


def _shape_lines(shape: Any, depth: int = 0) -> list[tuple[int, str]]:
    """(level, text) of a shape's paragraphs, group shapes and tables included."""
    out: list[tuple[int, str]] = []
    if getattr(shape, "shape_type", None) == 6 and hasattr(shape, "shapes"):  # a group
        for inner in shape.shapes:
            out += _shape_lines(inner, depth)
        return out
    if getattr(shape, "has_table", False):
        for row in shape.table.rows:
            cells = [  # a cell's own lines kept apart by "\n" (deck_text joins or splits them)
                "\n".join(" ".join(line.split()) for line in c.text.splitlines() if line.strip())
                for c in row.cells
            ]
            if any(cells):
                out.append((-1, "| " + " | ".join(cells) + " |"))
        return out
    if getattr(shape, "has_text_frame", False):
        for paragraph in shape.text_frame.paragraphs:
            for said in broken_lines(_typed_text(paragraph).split("\v")):
                text = _TYPED_BULLET.sub("", " ".join(said.split()))  # "• Overview": typed
                if text:
                    out.append((paragraph.level, text))
    return out


def _vertical(shape: Any) -> bool:
    if not getattr(shape, "has_text_frame", False):
        return False
    said = shape.text_frame._txBody.bodyPr.get("vert")  # python-pptx names no property
    return said not in (None, "horz")


def _reading_order(shapes: list[Any]) -> list[Any]:
    """A slide's shapes as a reader reads them: a row at a time, top to bottom, each
    row's shapes left to right. The file keeps them in the order they were added, and a
    slide built by copying a box (an agenda's ``02 | Day 2`` pasted before ``01 | Day 1``
    was moved up) keeps the copy's place in that order, not on the slide. A shape joins
    a row when its top is in the upper half of the row's first shape; a slide whose
    shapes do not all say where they stand, or that sets text vertically (竖排: its
    columns read right to left), keeps the file's order."""
    if any(_vertical(shape) for shape in shapes):
        return shapes
    placed = [
        (shape.top, shape.left, shape.height or 0, index, shape)
        for index, shape in enumerate(shapes)
        if shape.top is not None and shape.left is not None
    ]
    if len(placed) != len(shapes) or len(placed) < 2:
        return shapes
    placed.sort(key=lambda p: (p[0], p[1], p[3]))
    rows: list[list[tuple[Any, ...]]] = []
    for item in placed:
        if rows and item[0] < rows[-1][0][0] + rows[-1][0][2] / 2:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [item[4] for row in rows for item in sorted(row, key=lambda p: (p[1], p[3]))]


def _slide(slide: Any) -> tuple[str, list[tuple[int, str]]]:
    title_shape = slide.shapes.title
    title = " ".join(title_shape.text_frame.text.split()) if title_shape is not None else ""
    body: list[tuple[int, str]] = []
    for shape in _reading_order(list(slide.shapes)):
        if title_shape is not None and shape.shape_id == title_shape.shape_id:
            continue
        body += _shape_lines(shape)
    if not title and body and body[0][0] >= 0:  # no title placeholder: the first line
        title, body = body[0][1], body[1:]
    return title, body


def read_pptx(path: Path) -> str:
    """A deck as a course: the first slide's title is the course's; the 目录 slide lists
    the modules; a slide that shows a module's name (a section slide, often beside its
    number ``01``) opens that module; every other slide is a section, its bullets the
    section's points."""
    _check_zip(path, "PowerPoint")
    try:
        from pptx import Presentation

        deck = Presentation(str(path))
        slides = [_slide(slide) for slide in deck.slides]
    except SourceError:
        raise
    except Exception as exc:  # python-pptx raises several kinds for a damaged file
        raise SourceError(
            "unreadable-source",
            msg("source.unreadable", kind="PowerPoint", reason=type(exc).__name__),
        ) from None
    if not any(title or body for title, body in slides):
        raise SourceError("empty-file", msg("source.no-text"))
    return deck_text(slides)


_PLACEHOLDER = re.compile(
    r"^\s*(?:点击(?:此处)?添加.{0,6}|单击(?:此处)?(?:添加|编辑).{0,8}|请(?:在此)?输入.{0,8}|"
    r"click to (?:add|edit) .{0,20}|add (?:a )?(?:title|text) here)\s*$",
    re.I,
)


_FACT = re.compile(r"^\s*(?P<label>[^:：]{2,24}?)\s*[:：]\s*(?P<value>\S.*)$")


def _facts_slide(body: list[tuple[int, str]]) -> bool:
    """A slide of the course's facts (``Course name: …``, ``Length: 5 days``, 课程名称：…,
    课程时长：…): most of its lines a label and its value, among them the course's name or
    its length."""
    from .conventions import EN_KEY_OF, KEY_OF

    top = [t for lvl, t in body if lvl == min((lvl for lvl, _ in body), default=0)]
    keys = []
    for text in top:
        m = _FACT.match(text)
        if m:
            label = m.group("label").strip()
            keys.append(KEY_OF.get(label) or EN_KEY_OF.get(label.lower()))
    return (
        bool({"title", "duration"} & set(keys))
        and sum(k is not None for k in keys) >= 2
        and len(keys) * 2 >= len(top)
    )


def _facts_table(body: list[tuple[int, str]]) -> list[str]:
    """A slide whose body is a table of the course's facts, a label and its value a row
    (| 课程时长 | 2天 |, | Audience | Team leads |), among them its length, audience,
    instructor or name: the facts as label：value lines; [] for any other slide."""
    from .catalog import facts_row
    from .conventions import EN_KEY_OF, KEY_OF

    rows = [text for level, text in body]
    if len(rows) < 2 or any(level >= 0 for level, _ in body):
        return []
    lines: list[str] = []
    for row in rows:
        said = facts_row(" ".join(row.split()))
        if said is None:
            return []
        lines += said
    labels = [line.split("：", 1)[0] for line in lines]
    keys = {KEY_OF.get(w) or EN_KEY_OF.get(w.lower()) for w in labels}
    return lines if keys & {"duration", "audience", "title"} else []


def _footer_lines(slides: list[tuple[str, list[tuple[int, str]]]]) -> set[str]:
    """A deck's running footer: a slide's last line that is also the last line or the
    title of two other slides or more, and of a third of the deck (the deck's name,
    "COURSE OUTLINE", 内部资料)."""
    seen: dict[str, set[int]] = {}
    for index, (title, body) in enumerate(slides):
        ends = {title} | ({body[-1][1]} if body and body[-1][0] >= 0 else set())
        for text in ends:
            if text:
                seen.setdefault(re.sub(r"\s", "", text).lower(), set()).add(index)
    lasts = {
        re.sub(r"\s", "", body[-1][1]).lower()
        for _, body in slides
        if len(body) > 1 and body[-1][0] >= 0
    }
    # on three slides or more and a third of them (a bullet that ends three of thirty
    # slides, 小组讨论, is the trainer's), and short, as a footer is
    return {
        key for key in lasts if len(seen.get(key, ())) >= max(3, len(slides) / 3) and len(key) <= 40
    }


def _header_lines(slides: list[tuple[str, list[tuple[int, str]]]]) -> set[str]:
    """A deck's running header under each slide's title: the first line of three slides
    or more and of a third of the deck (the deck's name in a box atop every slide,
    前端培训课件（JavaScript基础）), short, as a header is."""
    seen: dict[str, int] = {}
    for _, body in slides:
        if len(body) > 1 and body[0][0] >= 0:
            key = re.sub(r"\s", "", body[0][1]).lower()
            seen[key] = seen.get(key, 0) + 1
    return {
        key
        for key, count in seen.items()
        if count >= max(3, len(slides) / 3) and len(key) <= 40 and key
    }


# a table's first cell naming a unit of the course: Day 1 · 1st Day · Day One · Module 2 ·
# Session 3 · Week 1 · 第一天 · 第2讲 · 模块一 · Monday
_UNIT_CELL = re.compile(
    r"^(?:(?:day|module|session|week|unit|part|lesson)\s*(?:\d{1,2}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)|\d{1,2}(?:st|nd|rd|th)\s+(?:day|week|session|module)|"
    r"第\s*[一二三四五六七八九十\d]+\s*[天讲章周课部分]|模块\s*[一二三四五六七八九十\d]+|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:周|星期)[一二三四五六日天])\b",
    re.I,
)


def _time_column(header: list[str]) -> bool:
    from .outline_lines import table_time_column

    return table_time_column(header) is not None


def _unit_rows(body: list[tuple[int, str]]) -> list[tuple[str, list[str]]] | None:
    """A slide's table whose rows each name a unit of the course in their first cell
    (``| 1st Day | … |``, ``| 第一天 | … |``): (unit, its other cells) per row, the
    header row's cells first under ""; None for any other slide."""
    rows = [text for level, text in body if level < 0]
    if len(rows) < 2 or len(rows) != len(body):
        return None
    cells = [[c.strip() for c in row.strip("|").split("|")] for row in rows]
    head = [] if _UNIT_CELL.match(cells[0][0]) else cells[0]
    units = cells[1:] if head else cells
    if not units or not all(_UNIT_CELL.match(c[0]) for c in units):
        return None
    return [("", head)] * bool(head) + [(c[0], [x for x in c[1:] if x]) for c in units]


def _toc_key(text: str) -> str:
    """A contents entry or a slide's title as compared: its number (01, PART 02, 第一部分)
    and spaces aside, so '01 激励的原理' names the slide '激励的原理'."""
    number = rf"^\s*(?:(?:part|chapter|section)\s*)?(?:\d{{1,2}}|{_NUMBER_WORD})\b[.、:：\s-]*"
    text = _ENTRY_CLOCK.sub("", _ENTRY_MINUTES.sub("", text))  # 09:00 – 09:45 … (45分钟)
    text = re.sub(number, "", text, flags=re.I)
    text = re.sub(r"^\s*第[一二三四五六七八九十\d]+[章部分讲节][、:：\s]*", "", text)
    return re.sub(r"\s", "", text)


# an agenda entry's clock span before its name, and its time after it: the entry names
# the slide all the same ('09:00 – 09:45 Why it stalls' · '倾听（45分钟）')
_ENTRY_CLOCK = re.compile(
    r"^\s*\d{1,2}[:.：]\d{2}\s*(?:[-–—~～至到]\s*\d{1,2}[:.：]\d{2})?\s*[:：|｜-]?\s*"
)
_ENTRY_MINUTES = re.compile(
    r"\s*[（(]\s*(?:约\s*)?\d+(?:\.\d+)?\s*(?:分钟|min|mins|minutes|小时|h|hrs?|hours?|学时|课时)\s*[)）]\s*$",
    re.I,
)


# an item that counts the course's units: Wk 1 — … · Week 2: … · Day 3 · Module 1 ·
# 第2周 · 第三讲 · 一、绪论 · 1. Basics
_COUNTED = re.compile(
    r"^(?:(?P<unit>(?:wk|week|day|module|session|lesson|unit|part|chapter|lecture|class)\.?\s*)"
    r"(?P<a>\d{1,2})\b|第\s*(?P<b>[一二三四五六七八九十\d]{1,3})\s*(?:周|讲|章|天|课|节|部分|单元)"
    r"|(?P<c>\d{1,2})\s*[.、．)]\s*(?=\S)|(?P<d>[一二三四五六七八九十]{1,3})\s*[、.．])",
    re.I,
)


def _counted(text: str) -> tuple[int, bool] | None:
    """The number an item counts by and whether it names a unit (Week 2, 第2周), or None."""
    from ..numerals import from_chinese

    m = _COUNTED.match(text)
    if m is None:
        return None
    said = m.group("a") or m.group("b") or m.group("c") or m.group("d") or ""
    number = int(said) if said.isdigit() else from_chinese(said)
    if number is None:
        return None
    return number, bool(m.group("unit") or m.group("b"))


def _list_slide(named: list[tuple[str, list[tuple[int, str]]]]) -> int | None:
    """The one slide that lists the course's modules, in a deck of facts (a course's
    introduction: about me, overview, the list, references, assessment): its top items
    count on from 0 or 1 (Wk 1 … Wk 10, 一、… 十、, 第1周 …), three or more, and either
    name a unit or sit under the outline's word (教学内容, Schedule). None when no slide,
    or more than one, is such a list (a teaching deck numbers its points on many)."""
    from .conventions import EN_KEY_OF, KEY_OF

    found = []
    for index, (title, body) in enumerate(named):
        levels = [lvl for lvl, _ in body if lvl >= 0]
        if not levels or any(lvl < 0 for lvl, _ in body):
            continue
        top = [t for lvl, t in body if lvl == min(levels)]
        counts = [_counted(t) for t in top]
        if len(top) < 3 or any(c is None for c in counts):
            continue
        numbers = [c[0] for c in counts if c is not None]
        if numbers[0] not in (0, 1) or numbers != list(range(numbers[0], numbers[0] + len(top))):
            continue
        word = re.sub(r"[\s:：]+", " ", title).strip()
        listed = (
            KEY_OF.get(word.replace(" ", "")) == "outline"
            or EN_KEY_OF.get(word.lower()) == "outline"
            or bool(
                re.search(
                    r"(?i)\b(?:schedule|syllabus|outline|agenda)\b|课程安排|教学安排|教学内容", word
                )
            )
        )
        if listed or all(c is not None and c[1] for c in counts):
            found.append(index)
    return found[0] if len(found) == 1 else None


def _unit_groups(body: list[tuple[int, str]]) -> list[str] | None:
    """A slide that lists the course's units each over its own items, all on one level
    (an agenda slide of boxes: ``01`` · ``Day 1`` · its topics, then ``02`` · ``Day 2`` ·
    …; ``第一天`` over its sessions): the units as modules, the lines under each its
    points, a box's bare number dropped. Two units or more, counting on from 1, the
    first line a unit; None for any other slide."""
    texts = [t for lvl, t in body if not _SECTION_NUMBER.match(t)]
    if any(lvl < 0 for lvl, _ in body) or not texts:
        return None
    units = [
        (i, c[0])
        for i, t in enumerate(texts)
        if len(t) <= 40 and (c := _counted(t)) is not None and c[1] and _UNIT_CELL.match(t)
    ]
    numbers = [n for _, n in units]
    if len(units) < 2 or units[0][0] != 0 or numbers != list(range(1, len(units) + 1)):
        return None
    at = {i for i, _ in units}
    return [f"## {t}" if i in at else f"- {t}" for i, t in enumerate(texts)]


def _unshown(entries: list[str], matched: set[str], shown: set[str]) -> list[str]:
    """Contents entries that no slide shows (a part the deck lists but has no slides for
    yet), as modules of their own where the contents place them; each once."""
    out = []
    for entry in entries:
        key = _toc_key(entry)
        if key not in matched and key not in shown:
            shown.add(key)
            out.append(f"## {entry}")
    return out


def deck_text(raw: list[tuple[str, list[tuple[int, str]]]]) -> str:
    """Slides (title, [(level, text)]) as a course, in the catalog reader's text."""
    slides: list[tuple[str, list[tuple[int, str]]]] = []
    prompts: list[str] = []  # a template's prompt text left on slides: kept once, as said
    for title, body in raw:  # a template's placeholder text is no part of the deck's
        for said in [title, *(t for _, t in body)]:  # structure
            if _PLACEHOLDER.match(said) and said.strip() not in prompts:
                prompts.append(said.strip())
        body = [(lvl, t) for lvl, t in body if not _PLACEHOLDER.match(t)]
        if _PLACEHOLDER.match(title) or not title:
            title, body = (body[0][1], body[1:]) if body and body[0][0] >= 0 else ("", body)
        named_by = next((i for i, (lvl, t) in enumerate(body) if lvl >= 0), None)
        if _SECTION_NUMBER.match(title) and named_by is not None:  # "01" over its name
            name = body[named_by][1]
            if not _SECTION_NUMBER.match(name):
                title, body = name, [(0, title), *body[:named_by], *body[named_by + 1 :]]
        slides.append((title, body))
    footer = _footer_lines(slides)
    if footer:
        slides = [
            (title, body[:-1] if re.sub(r"\s", "", body[-1][1]).lower() in footer else body)
            if len(body) > 1
            else (title, body)
            for title, body in slides
        ]
    running_heads = _header_lines(slides)
    if running_heads and len(slides) > 1:  # kept once, with the cover's lines
        heads: list[tuple[int, str]] = []
        headed: list[tuple[str, list[tuple[int, str]]]] = []
        for index, (title, body) in enumerate(slides):
            key = re.sub(r"\s", "", body[0][1]).lower() if len(body) > 1 else ""
            if index and key in running_heads:
                if not any(re.sub(r"\s", "", t).lower() == key for _, t in heads):
                    heads.append((0, body[0][1]))
                body = body[1:]
            headed.append((title, body))
        cover_title, cover_body = headed[0]
        cover_keys = {
            re.sub(r"\s", "", t).lower() for t in [cover_title, *(t for _, t in cover_body)]
        }
        headed[0] = (
            cover_title,
            [
                *cover_body,
                *(line for line in heads if re.sub(r"\s", "", line[1]).lower() not in cover_keys),
            ],
        )
        slides = headed
    facts: list[str] = []
    kept_slides: list[tuple[str, list[tuple[int, str]]]] = []
    for index, (title, body) in enumerate(slides):
        lines_of = body
        if title and _FACT.match(title):  # no title placeholder: its first line is a fact
            lines_of = [(min((lvl for lvl, _ in body), default=0), title), *body]
        if index and not facts and _facts_slide(lines_of):  # the course's facts: head lines
            low = min(lvl for lvl, _ in lines_of)
            facts = [text if lvl == low else "- " + text for lvl, text in lines_of]
            continue
        table_facts = _facts_table(body)
        if index and not facts and table_facts:  # | 课程时长 | 2天 |: the facts as a table
            facts = [*([f"\0{title}"] if title else []), *table_facts]
            continue
        kept_slides.append((title, body))
    slides = kept_slides
    course_title, first_body = slides[0] if slides else ("", [])
    # a title on every slide (the deck's name, "… Outline - DRAFT") is furniture: such a
    # slide is named by its first line
    counts: dict[str, int] = {}
    for title, _ in slides:
        counts[title] = counts.get(title, 0) + 1
    named: list[tuple[str, list[tuple[int, str]]]] = []
    repeated: list[str] = []  # such titles on a few slides, kept once each as written
    for index, (title, body) in enumerate(slides):
        if title and counts[title] >= 2 and not _TOC_TITLES.match(title) and body:
            running = counts[title] >= max(3, len(slides) / 3)  # a running head: furniture
            if index and title != course_title and not running and title not in repeated:
                repeated.append(title)  # (a slide continued under its title: kept once)
            # (a table's row names no slide: its header stays the table's)
            title, body = (body[0][1], body[1:]) if body[0][0] >= 0 else ("", body)
        elif index == 0:
            continue
        named.append((title, body))
    lead_ins: list[str] = []
    if re.search(r"[:：]\s*$", course_title):  # "Core Java :" over its topics: no course's
        # name but a group of the syllabus, as each other line ending in a colon is
        for text in [course_title, *(t for _, t in first_body)]:
            lead = re.sub(r"\s*[:：]\s*$", "", text)
            lead_ins.append(f"## {lead}" if lead != text else f"- {text}")
        course_title, first_body = "", []
    lines: list[str] = [f"# {course_title}"] if course_title else []
    if not (counts.get(course_title, 0) >= 2 and first_body):  # else the cover is a slide too
        lines += [text for _, text in first_body]  # 汇报人、日期: the cover's other lines
    lines += facts
    toc: list[str] = []
    for title, body in named:
        if _TOC_TITLES.match(title):
            toc += [t for _, t in body if not _SECTION_NUMBER.match(t) and not _TOC_TITLES.match(t)]
    toc_keys = {_toc_key(t) for t in toc}
    matched = {_toc_key(title) for title, _ in named} & toc_keys
    outline: list[str] = []
    cover = 0
    shown: set[str] = set()  # contents entries written as modules so far
    sections = [
        title
        for title, body in named
        if title and body and all(_SECTION_NUMBER.match(t) for _, t in body)
    ]
    listed = None if toc or sections else _list_slide(named)
    grouped = _unit_groups(first_body) if not named and not lead_ins else None
    if grouped is not None:
        # a deck of one slide, its cover the agenda: each unit (Day 1) over its topics
        outline = grouped
        lines = lines[: 1 if course_title else 0] + facts
        kept = lines
        cover = len(lines)
    elif listed is not None:
        # a deck of facts around one slide that lists the modules: its items are the
        # modules (their sub-items the points), the other slides kept beside them
        title, body = named[listed]
        low = min(lvl for lvl, _ in body)
        outline = [f"\0{title}"] if title else []
        outline += [
            f"## {t}" if lvl == low else "  " * (lvl - low - 1) + f"- {t}" for lvl, t in body
        ]
        toc_keys = set()
        kept = lines
        cover = len(lines)  # the cover's and the facts' lines read as the page's head
    elif toc and len(matched) * 2 < len(toc_keys):
        # the slides do not repeat the contents: its entries are the modules, and the
        # slides' text is kept beside them
        # (a contents slide set as a table, | 09:00-09:45 | Session |: its rows as written)
        outline = [t.replace("\n", " / ") if t.startswith("|") else f"## {t}" for t in toc]
        toc_keys = set()
        kept = lines
    else:
        kept = outline
    headers: list[str] = []  # timetable slides' header rows
    closing: list[str] = []  # the closing slide's words
    last_slide = ""  # the last content slide's title, as compared
    for index, (title, body) in enumerate(named):
        if _TOC_TITLES.match(title) or index == listed:
            continue
        if index >= len(named) - 2 and _CLOSING.match(title):  # 谢谢观看 · Thank you: kept
            closing += [title, *(t.replace("\n", " ") for _, t in body)]  # as written
            continue
        units = _unit_rows(body)
        timed = units is not None and units[0][0] == "" and _time_column(units[0][1])
        if timed:  # | 模块 | 内容 | 学时 |: the table as written, its time column read
            kept.extend([f"\0{title}"] if title else [])
            kept.extend(text.replace("\n", " / ") for _, text in body)
            continue
        if units is not None:  # a timetable slide: a module a row, its cells the points
            for unit, cells in units:
                if not unit:  # the header row (once, as written): the outline's own note
                    header = " | ".join(cells)
                    if header not in headers:
                        headers.append(header)
                    continue
                kept.append(f"## {unit}")
                kept.extend(f"- {line}" for cell in cells for line in cell.split("\n"))
            continue
        texts = [t for _, t in body]
        key = _toc_key(title)
        is_section = key in toc_keys or (
            not toc_keys and bool(title) and all(_SECTION_NUMBER.match(t) for t in texts)
        )
        if is_section:
            heading = title
            if key in toc_keys:  # the contents' entries before it that no slide shows
                at = next(i for i, entry in enumerate(toc) if _toc_key(entry) == key)
                kept.extend(_unshown(toc[:at], matched, shown))
                shown.add(key)
                if _ENTRY_CLOCK.match(toc[at]) or _ENTRY_MINUTES.search(toc[at]):
                    heading = toc[at]  # its published time, which the slide's title lacks
            kept.append(f"## {heading}")
            kept.extend(f"- {t}" for t in texts if not _SECTION_NUMBER.match(t))
            continue
        going_on = _CONTINUED.match(title)
        if going_on and _toc_key(going_on.group("t")) == last_slide:  # "沟通技巧（续）": the
            pass  # same slide's bullets go on under it
        else:
            kept.append(f"### {title}" if title else "### TODO: 无标题的幻灯片")
            last_slide = _toc_key(title)
        for level, text in body:
            if level < 0:
                kept.append(text.replace("\n", " "))
            elif not _SECTION_NUMBER.match(text):
                kept.append("  " * level + f"- {text}")
    if toc_keys:  # the contents' last entries no slide shows
        kept.extend(_unshown(toc, matched, shown))
    if kept is lines:  # the slides' text beside a contents list: kept verbatim, never structure
        head_count = (
            cover if listed is not None or grouped is not None else 1 if course_title else 0
        )
        lines = lines[:head_count] + ["\0" + line for line in lines[head_count:]]
    lines += [f"\0{header}" for header in headers] + [f"\0{said}" for said in closing]
    lines += [f"\0{said}" for said in prompts] + [f"\0{said}" for said in repeated]
    return "\n".join([*lines, DECK_OUTLINE, *lead_ins, *outline])


# ---------------------------------------------------------------- sheets
# a catalog sheet's columns, by their header's words (zh and en, any order)
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "课程名称",
        re.compile(
            r"课程名称|课程名|课程标题|课题|^课程$|^(?:培训)?课程主题$|^培训(?:课程|主题|项目)(?:名称)?$|"
            r"course\s*(?:name|title)?$|^title$|^name$|"
            r"^(?:workshop|training|program(?:me)?|seminar)s?(?:\s*(?:name|title))?$",
            re.I,
        ),
    ),
    ("课程时长", re.compile(r"课时|学时|时长|天数|时间|duration|hours|length|days|contact", re.I)),
    ("课程对象", re.compile(r"对象|学员|受众|人群|audience|participants|target|who", re.I)),
    (
        "课程大纲",
        re.compile(r"大纲|内容|模块|提纲|outline|content|syllabus|modules|topics|agenda", re.I),
    ),
    ("讲师", re.compile(r"讲师|老师|instructor|trainer|teacher|facilitator", re.I)),
    ("课程目标", re.compile(r"目标|收益|收获|objective|outcome|goal", re.I)),
    ("课程背景", re.compile(r"背景|简介|介绍|description|overview|summary|about", re.I)),
    ("授课方式", re.compile(r"方式|形式|format|method|delivery", re.I)),
]


def _header(cells: list[str]) -> dict[int, str] | None:
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        text = " ".join(cell.split())
        if not text or len(text) > 20:
            continue
        for label, pattern in _COLUMNS:
            if pattern.search(text) and label not in found.values():
                found[index] = label
                break
    return found if "课程名称" in found.values() and len(found) >= 2 else None


def _form_label(cell: str) -> bool:
    """A course form's label cell (课程名称, 课程大纲, Duration): a sheet laid out as a form,
    a label and its value a row, the outline's lines kept in its cell."""
    from .conventions import EN_KEY_OF, KEY_OF

    word = cell.strip(" :：")
    return word in KEY_OF or word.lower() in EN_KEY_OF


def _name_row(label: str, value: str) -> bool:
    """A form's row naming the course in any wording a catalog's column names it with
    (``Course | Store Rota Planning``, ``培训课程 | 门店排班实务``): the label a course-name
    column's word, the value a name, no column word or label of its own."""
    name = " ".join(label.split()).strip(" :：")
    said = " ".join(value.split())
    return (
        len(name) <= 20
        and bool(_COLUMNS[0][1].search(name))
        and 2 <= len(said) <= 80
        and not re.search(r"[:：]", said)
        and not any(pattern.search(said) for _, pattern in _COLUMNS if len(said) <= 20)
        and not _COLUMN_WORD.match(said)
    )


def _form_row(label: str, value: str) -> bool:
    """Is the row a form's label and its value (课程时长 | 2天; the outline's label with
    its lines too), not a table's header (Time | Session, 时长 | 主题)?"""
    from .catalog import facts_row
    from .conventions import KEY_OF

    if not _form_label(label):
        return False
    if KEY_OF.get(label.strip(" :：")) == "outline" or label.strip(" :：").lower() in (
        "outline",
        "course outline",
        "syllabus",
        "contents",
        "agenda",
        "topics",
        "modules",
    ):
        return "\n" in value or len(value) > 20  # the outline in its cell
    flat = " ".join(value.split()).replace("|", "/")
    return facts_row(f"| {label} | {flat} |") is not None


# a column whose rows are one course's dated or numbered meetings: its header (Date,
# Week, Session, Lecture, 日期, 周次, 课次) or most of its cells (20.09.23, 2024-03-05,
# 9/3, 3月5日, Week 2, Day 1, 第3周, 第2讲, Monday)
_SESSION_HEADER = re.compile(
    r"^(?:dates?|day|week|wk|session|lecture|class|meeting|lesson|no\.?|#|date\s*(?:&|and|/)\s*time|"
    r"日期|周次|周|课次|讲次|次|序次|节次|星期|第几周|上课日期|上课时间)\s*(?:no\.?|#|number)?$",
    re.I,
)
_DATE_CELL = re.compile(
    r"^\s*(?:\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{4}[./-]\d{1,2}[./-]\d{1,2}(?:\s.*)?|"
    r"\d{1,2}月\d{1,2}日.*)\s*$"
)
# a meeting that is not held: the row stays, as a note, never a module
_NOT_HELD = re.compile(
    r"^\s*(?:no (?:class|classes|meeting|lecture|session|lab)s?|holiday|public holiday|reading week|"
    r"(?:spring|fall|autumn|winter|mid-?term) break|停课|放假|休息|无课)\b.*$",
    re.I,
)


def _session_column(names: list[str], rows: list[list[str]]) -> int | None:
    """The column that counts one course's meetings: named so (Date, Week, 周次) or
    holding a date or a unit (Week 2, 第3周) in most rows."""
    for index, name in enumerate(names):
        if _SESSION_HEADER.match(" ".join(name.split())) and not _wordy(rows, index):
            return index  # (| Date & Time | Session | Speaker |: 'Session' names, not counts)
    for index in range(len(names)):
        said = [r[index] for r in rows if index < len(r) and r[index]]
        if len(said) >= 2 and sum(
            bool(_DATE_CELL.match(c) or _UNIT_CELL.match(c)) for c in said
        ) * 2 > len(said):
            return index
    return None


def _wordy(rows: list[list[str]], index: int) -> bool:
    """A column of words, a different one in most rows: names, not a count or a date."""
    said = [" ".join(r[index].split()) for r in rows if index < len(r) and r[index].strip()]
    if len(said) < 3:
        return False
    plain = [
        c
        for c in said
        if not (_DATE_CELL.match(c) or _UNIT_CELL.match(c) or _CLOCK_CELL.match(c))
        and re.search(r"[^\W\d_]{2}", c)
    ]
    return len(plain) * 4 >= len(said) * 3 and len(set(plain)) * 3 >= len(plain) * 2


def _sheet_kind(names: list[str], header: dict[int, str], rows: list[list[str]]) -> str:
    """What a sheet with a name column is: ``catalog`` (one course a row), ``sessions``
    (one course's meetings, a module a row) or ``table`` (one course's timetable, read
    as table rows). A column named for courses (课程名称, Course) makes a catalog. Clock
    times (09:00-10:30) make a timetable. Otherwise a column counting the rows (a date,
    a week, a session) makes them one course's meetings — a timetable when a Duration or
    学时 column times them — and without one the rows are courses, each with its own
    length and audience."""
    at = next(i for i, label in header.items() if label == "课程名称")
    if re.search(r"课程|course", names[at], re.I):
        return "catalog"
    if any(_CLOCK_CELL.match(c) for r in rows[:20] for c in r if c):
        return "table"
    if _session_column(names, rows) is None:
        return "catalog"
    return "table" if _time_column(names) else "sessions"


# a column timing each row with its unit in its header: Time (Hrs) · Duration (mins) ·
# Length (h) · 学时（小时） · 时长(分钟); its bare numbers are in that unit
_UNIT_HEADER = re.compile(
    r"^(?P<w>time|duration|length|hours|学时|课时|时长|时间)\s*[(（]\s*"
    r"(?P<u>hrs?|hours?|h|mins?|minutes|days?|小时|分钟|天)\s*[)）]$",
    re.I,
)


def _timed_cell(name: str, cell: str) -> str | None:
    """A row's time under a header that says its unit (Time (Hrs) over ``3``), as the
    outline reads a time: ``Time: 3 Hrs`` · ``学时: 3小时``; None for any other cell."""
    m = _UNIT_HEADER.match(" ".join(name.split()))
    value = " ".join(cell.split())
    if m is None or not re.fullmatch(r"\d+(?:\.\d+)?", value):
        return None
    unit = m.group("u")
    return f"{m.group('w')}: {value}{'' if re.match(r'[^a-z]', unit, re.I) else ' '}{unit}"


def _sessions_text(
    names: list[str], header: dict[int, str], rows: list[list[str]], session: int | None = None
) -> str:
    """One course's outline sheet as the outline (readers.DECK_OUTLINE: the rows are the
    outline to the end, so a row named "Introduction" is a module, not a label): each row
    a module headed by its name, its other cells a note (under their header's words) and
    its list cell (Topics: ``a;b;c``, one a line) the module's points. Where the rows
    are counted by number (``Week | Topics`` over ``3 | Bayes rule<br>Priors``), a name
    cell of several lines is the meeting's points, the meeting named by its count (Week
    3), and a row the count skips (``— | SPRING BREAK``) is a note, no meeting."""
    name_at = next(i for i, label in header.items() if label == "课程名称")
    list_at = next((i for i, label in header.items() if label == "课程大纲"), None)
    counted = (
        session is not None
        and sum(bool(re.fullmatch(r"\d{1,3}", _cell(r, session))) for r in rows) * 4
        >= len(rows) * 3
    )
    by_count = counted and list_at is None and any("\n" in _raw(r, name_at) for r in rows)
    # (named by their count, the rows keep their header's words as written, in a note)
    out = ["\0| " + " | ".join(" ".join(n.split()) for n in names) + " |"] * by_count
    out.append(DECK_OUTLINE)
    for cells in rows:
        name = " ".join(cells[name_at].split()) if name_at < len(cells) else ""
        count = _cell(cells, session) if counted and session is not None else ""
        if counted and not re.fullmatch(r"\d{1,3}", count):  # a row the count skips: a
            out.append("\0" + " · ".join(" ".join(c.split()) for c in cells if c.strip()))
            continue  # note as written, never structure
        if by_count and session is not None:  # Week 3, its topics the points
            word = " ".join(names[session].split()) if session < len(names) else ""
            said = [
                f"{names[i]}: {' '.join(c.split())}" if i < len(names) and names[i] else c
                for i, c in enumerate(cells)
                if c and i not in (name_at, session)
            ]
            out.append(f"## {word} {count}".strip())
            out += ["| " + " | ".join(c.replace("|", "/") for c in said) + " |"] * bool(said)
            lines = [line.strip() for line in _raw(cells, name_at).split("\n") if line.strip()]
            out += [f"- {line}" for line in lines]
            continue
        said = [
            _timed_cell(names[i], c) or f"{names[i]}: {' '.join(c.split())}"
            if i < len(names) and names[i]
            else c
            for i, c in enumerate(cells)
            if c and i not in (name_at, list_at)
        ]
        points = (
            [p.strip() for p in re.split(r"[;；\n]", cells[list_at]) if p.strip()]
            if list_at is not None and list_at < len(cells)
            else []
        )
        link = re.fullmatch(r"\[([^\]]+)\]\(([^)\s]+)\)", name)
        if link:  # [Introduction](#introduction): a link's text names it, its target a note
            name = link.group(1).strip()
            said.append(
                f"{names[name_at]}: {link.group(2)}" if name_at < len(names) else link.group(2)
            )
        if not name or (_NOT_HELD.match(name) and not points):
            out.append(" · ".join([name, *said] if name else said))  # a note, kept
            continue
        out.append(f"## {name}")
        if said:  # as a table row: the module's note, never a section's title
            out.append("| " + " | ".join(c.replace("|", "/") for c in said) + " |")
        out.extend(f"- {p}" for p in points)
    return "\n".join(out)


# the column that names a meeting in one course's sheet (Topic, 主题), and the one that
# lists its points (Contents, 要点)
_ROW_NAME = re.compile(
    r"^(?:topics?|title|subject|theme|session title|lecture title|lesson|module|"
    r"主题|课题|题目|专题|章节|章节名称|教学内容|课程内容|内容|模块|单元)$",
    re.I,
)
# a column that names each row by saying so (Module Name, Session title, 模块名称): it
# names the row before a column of topics does
_ROW_TITLE = re.compile(
    r"^(?:(?:module|session|lesson|lecture|unit|class|chapter|topic)\s*(?:name|title)|"
    r"(?:模块|单元|章节|课次|专题)(?:名称|标题))$",
    re.I,
)
_ROW_POINTS = re.compile(
    r"^(?:contents?|sub[\s-]?topics|key points|outline|details|要点|内容要点|主要内容|知识点|内容)$",
    re.I,
)


def _text_column(names: list[str], rows: list[list[str]], session: int) -> int | None:
    """The column that names each meeting when no header says so (``Lecture | Date |
    Materials | Reading``): the first one right of the counting column that is no date,
    weekday or unit, set in nearly every row, mostly with words (not numbers) and mostly
    a different one each row."""
    for index in range(session + 1, len(names)):
        said = [" ".join(r[index].split()) for r in rows if index < len(r) and r[index].strip()]
        if len(said) < 3 or len(said) * 4 < len(rows) * 3:
            continue
        if sum(bool(_DATE_CELL.match(c) or _WEEKDAY_CELL.match(c) or _UNIT_CELL.match(c)
                    or _CLOCK_CELL.match(c) or not re.search(r"[^\W\d_]", c))
               for c in said) * 2 > len(said):  # fmt: skip
            continue
        if len(set(said)) * 3 >= len(said) * 2:
            return index
    return None


def _session_rows(grid: list[list[str]], table: list[str], head: int | None = None) -> str | None:
    """A sheet with no course-name column whose rows are one course's meetings (a Week /
    Date / 周次 column counting them, a Topic / 主题 column naming them, no clock or
    Duration column): a module a row, as _sessions_text writes them; None for any other
    sheet (read as table rows)."""
    at = (
        head
        if head is not None
        else next(
            (
                i
                for i, row in enumerate(grid[:10])
                if sum(bool(c) for c in row) >= 2
                and not any(re.search(r"\d", c) or len(c) > 30 for c in map(_column_name, row))
            ),
            None,
        )
    )
    if at is None and head is None:
        return _counted_rows(grid, table)
    if at is None or len(grid) - at < 3:
        return None
    said_names, rows = [" ".join(c.split()) for c in grid[at]], grid[at + 1 :]
    names = [_column_name(n) for n in said_names]
    if _time_column(names) or any(_CLOCK_CELL.match(c) for r in rows[:20] for c in r if c):
        return None
    session = _session_column(names, rows)
    name_at = next(
        (i for i, n in enumerate(names) if i != session and _ROW_TITLE.match(n)),
        next((i for i, n in enumerate(names) if i != session and _ROW_NAME.match(n)), None),
    )
    if session is not None and name_at is None:
        name_at = _text_column(names, rows, session)
    if session is None or name_at is None:
        return None
    points = next(
        (i for i, n in enumerate(names) if i not in (session, name_at) and _ROW_POINTS.match(n)),
        None,
    )
    header = {name_at: "课程名称", **({points: "课程大纲"} if points is not None else {})}
    notes = [f"\0{n}" for n, short in zip(said_names, names, strict=True) if n != short]
    shown = [
        short if i == name_at else n
        for i, (n, short) in enumerate(zip(said_names, names, strict=True))
    ]
    return "\n".join([*table[:at], *notes, _sessions_text(shown, header, rows, session)])


def _counted_rows(grid: list[list[str]], table: list[str]) -> str | None:
    """A sheet with no header row whose first column counts its rows (``week 1 | Data
    basics`` · ``第1周 | 需求分析`` · ``Day 2 | …``), under the lines that name it: one
    course's meetings, a module a row, named by the first column with words right of
    the count."""
    at = next((i for i, row in enumerate(grid) if sum(bool(c) for c in row) >= 2), None)
    if at is None or len(grid) - at < 3:
        return None
    rows = grid[at:]
    counts = [bool(row and _UNIT_CELL.match(" ".join(row[0].split()))) for row in rows]
    if sum(counts) < 3 or sum(counts) * 4 < len(rows) * 3:
        return None
    names = [""] * max(len(row) for row in rows)
    name_at = _text_column(names, rows, 0)
    if name_at is None:
        return None
    return "\n".join([*table[:at], _sessions_text(names, {name_at: "课程名称"}, rows, 0)])


def _column_name(cell: str) -> str:
    """'Lecture (0930 Fogg 3.15 unless stated)' · '授课内容（含实验）': a column's name,
    and a note on it in brackets (a room, a start time) that is no part of the name."""
    text = " ".join(cell.split())
    short = re.sub(r"\s*[(（][^()（）]*[)）]$", "", text)
    return short if short and (len(text) > 20 or re.search(r"\d", text)) else text


def _grouped_rows(grid: list[list[str]], table: list[str], *, keyed: bool = False) -> str | None:
    """A sheet whose table's first column names groups of its rows (group_rows): the
    sheet's head lines, then each group a heading over its rows. The table's header is
    its first row that names two columns or more, with no digits."""
    at = next(
        (
            i
            for i, row in enumerate(grid[:10])
            if sum(bool(c) for c in row) >= 2
            and not any(re.search(r"\d(?!\D*$)|^\d", c) or len(c) > 30 for c in row)
        ),
        None,
    )  # (a digit only at a word's end: Week1 names a column; 20 · 9:00 · 2015-09 are data)
    if at is None:
        return None
    grouped = (keyed_groups if keyed else group_rows)(grid[at], grid[at + 1 :])
    return None if grouped is None else "\n".join([*table[:at], *grouped])


# a column whose header names the block each row belongs to: Unit · Module · Week · 单元
_GROUP_HEADER = re.compile(
    r"^(?:unit|module|week|day|chapter|lesson|part|section|topic|block|stage|phase)s?(?:\s*(?:no\.?|#|number))?$"
    r"|^(?:单元|模块|章|章节|周|周次|天|阶段|部分|专题|板块)$",
    re.I,
)


def keyed_groups(names: list[str], rows: list[list[str]], level: int = 2) -> list[str] | None:
    """A table with a column naming the block each row belongs to, set on every row
    (``| 引言 | video | 1 |`` … ``| 计算平均气温 | video | 2 |`` under ``Unit``): each
    run of one value a heading (``Unit 1``; the value itself when it is a name), its
    rows under it without that column. The column's header says so (Unit, Week, 单元),
    its values come in runs of two rows or more on average, each value in one run. A
    table with a time column is a timetable, read row by row with its Day column."""
    from .outline_lines import table_time_column

    if table_time_column(names) is not None or any(_LENGTH_HEADER.match(n.strip()) for n in names):
        return None
    for col, label in enumerate(names):
        if not _GROUP_HEADER.match(" ".join(label.split())):
            continue
        values = [" ".join(r[col].split()) if col < len(r) else "" for r in rows]
        if len(values) < 4 or not all(values):
            continue
        runs = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
        if len(runs) < 2 or len(set(runs)) != len(runs) or len(values) < 2 * len(runs):
            continue
        if any(len(v) > 80 for v in runs):
            continue
        word = " ".join(label.split())

        def row_of(cells: list[str], skip: int = col) -> str:
            # a row of the unit: a point, its cells in order (Introduction · video)
            kept = [" ".join(c.split()) for j, c in enumerate(cells) if j != skip and c.strip()]
            return "- " + " · ".join(kept)

        out: list[str] = []
        at = 0
        for value in runs:
            stop = at
            while stop < len(values) and values[stop] == value:
                stop += 1
            numbered = re.fullmatch(r"\d+", value)
            title = (
                (f"第{value}{word}" if re.match(r"[\u4e00-\u9fff]", word) else f"{word} {value}")
                if numbered
                else value
            )
            out += [f"{'#' * level} {title}", *(row_of(r) for r in rows[at:stop])]
            at = stop
        return out
    return None


_TOTAL_CELL = re.compile(r"^(?:合计|总计|共计|小计|总学时|total|sum)\b", re.I)
_HALF_DAY = re.compile(r"^(?:上午|下午|中午|晚上|晚间|morning|afternoon|evening|am|pm)$", re.I)


def _centred_bounds(marks: list[int], count: int, start: int = 0) -> list[int] | None:
    """Where each group starts when its name is drawn in the middle of its rows (the
    name on row ``marks[k]``): a group of n rows has its name on its middle row, n = 2o+1
    or 2o+2 for a name o rows below the group's first; the groups follow one another and
    the last ends with the table. None when no such parting fits every name."""
    if not marks:
        return [] if start == count else None
    offset = marks[0] - start
    if offset < 0:
        return None
    for size in (2 * offset + 1, 2 * offset + 2):
        end = start + size
        if len(marks) == 1 and end != count:
            continue
        if len(marks) > 1 and (end > marks[1] or end > count):
            continue
        rest = _centred_bounds(marks[1:], count, end)
        if rest is not None:
            return [start, *rest]
    return None


def heading_under(lines: list[str]) -> int:
    """The level a group's heading takes under the last Markdown heading of ``lines``
    (one deeper; 2 under none), so a table's days sit under the page's own headings."""
    last = next((m for line in reversed(lines) if (m := re.match(r"(#{1,6}) ", line))), None)
    return min(len(last.group(1)) + 1, 6) if last else 2


def group_rows(names: list[str], rows: list[list[str]], level: int = 2) -> list[str] | None:
    """A table whose first column names a group of its rows, set once per group (a
    merged cell: ``第一日`` beside the day's timed sessions, ``Module 2`` beside its
    lessons, ``Monday`` beside the day's clock rows): each group a heading, its rows
    under it as the table's rows without that column, under the table's other headers.
    A sheet sets a merged cell's value on its first row; a PDF draws it where the page
    shows it, often in the middle of its rows (_centred_bounds). The first column is such when it is set on fewer than half of the rows,
    two groups or more, each a short name and no number, and every row fills another
    column too. None for any other table."""
    first = next((i for i, n in enumerate(names) if n), None)
    if first is None or _header(names) is not None:  # a catalog's courses: rows as they are
        return None
    total = [" ".join(c.split()) for c in rows[-1]] if rows else []
    if total and first < len(total) and _TOTAL_CELL.match(total[first]):  # 合计 | | 6
        rows = rows[:-1]  # the table's closing row, kept after its groups
        closing = ["| " + " | ".join(total) + " |"]
    else:
        closing = []
    if len(rows) < 3:
        return None
    marks = [i for i, r in enumerate(rows) if first < len(r) and r[first].strip()]
    groups = [" ".join(rows[i][first].split()) for i in marks]
    if (
        len(groups) < 2
        or len(groups) * 2 > len(rows)
        or any(len(g) > 80 or re.fullmatch(r"[\d.]+", g) or _CLOCK_CELL.match(g) for g in groups)
        or any(not any(c.strip() for j, c in enumerate(r) if j != first) for r in rows)
        or all(_HALF_DAY.match(g) for g in groups)  # 上午 | 下午: a day's halves, no modules
    ):
        return None
    # set on each group's first row, or drawn in the middle of its rows
    bounds = marks if marks[0] == 0 else _centred_bounds(marks, len(rows))
    if bounds is None:
        return None

    def row_of(cells: list[str]) -> str:
        kept = [" ".join(c.split()) for j, c in enumerate(cells) if j != first and j < len(names)]
        return "| " + " | ".join(kept) + " |"

    out: list[str] = []
    for number, (start, name) in enumerate(zip(bounds, groups, strict=True)):
        stop = bounds[number + 1] if number + 1 < len(bounds) else len(rows)
        out += [f"{'#' * level} {name}", row_of(names), *(row_of(r) for r in rows[start:stop])]
    return out + closing


_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def markdown_sessions(text: str) -> str:
    """A Markdown page whose one table, at the page's end, is one course's meetings (a
    Week / Lecture / 周次 column counting them, a Topics / 主题 column naming them, no
    clock or time column): the table read as a sheet of them is (a module a row, its
    other cells a note, ``<br>`` its lines), so ``| 3 | Jan 26 – 30 | Bayes rule |`` is
    the course's third meeting, not a table row in its notes. Any other page unchanged."""
    lines = text.split("\n")
    rules = [i for i, line in enumerate(lines) if _PIPE_RULE.match(line) and "|" in line]
    if len(rules) != 1 or rules[0] == 0:
        return text
    at = rules[0] - 1
    end = at + 2
    while end < len(lines) and lines[end].strip().startswith("|"):
        end += 1
    if any(line.strip() for line in lines[end:]) or end - at < 5:
        return text

    def cells(line: str) -> list[str]:
        row = line.strip().removeprefix("|").removesuffix("|").split("|")
        return [re.sub(r"(?i)<br\s*/?>", "\n", c).strip() for c in row]

    grid = [cells(lines[at]), *(cells(line) for line in lines[at + 2 : end])]
    said = _session_rows(grid, [], head=0)  # (a Markdown table's first row is its header)
    if said is None:
        return text
    return "\n".join([*lines[:at], said])


_SHOWN_TIME = re.compile(r"^(\d{1,3}):(\d{2})$")
_LENGTH_HEADER = re.compile(r"^(?:time|duration|length|mins?|minutes|时长|用时|时间|耗时)$", re.I)


def rows_text(rows: Iterable[list[str]]) -> str:
    """A sheet's rows, read block by block: tables set side by side (columns empty in
    every row part them) are each read as their own table, left to right (_rows_text).
    A block with no header row that is mostly times (a chart drawn of the schedule
    beside it: ``0:30 | 0:10 | 0:05 | Exercise``) is kept as written, never structure."""
    grid: list[list[str]] = []
    for count, row in enumerate(rows):
        if count > MAX_ROWS:
            raise SourceError("too-large", msg("source.too-many", n=MAX_ROWS, what="rows"))
        grid.append(["" if c is None else str(c).strip() for c in row])
    blocks = _column_blocks(grid)
    if len(blocks) < 2:
        return _rows_text(_lengths_shown(grid))
    out: list[str] = []
    for low, high in blocks:
        part = [r[low:high] for r in grid]
        part = [r for r in part if any(r)]
        if _time_chart(part):
            for cells in part:
                filled = [" ".join(c.split()) for c in cells if c]
                lone = len(filled) == 1 and not _SHOWN_TIME.match(filled[0])
                out.append(filled[0] if lone else "\0| " + " | ".join(filled) + " |")
            continue
        out.append(_rows_text(_lengths_shown(part)))
    return "\n".join(line for line in out if line)


def _column_blocks(grid: list[list[str]]) -> list[tuple[int, int]]:
    """The sheet's column ranges parted by columns empty in every row, each holding at
    least two columns and three rows set (a lone column joins the range before it, the
    first the one after); one range for any other sheet."""
    width = max((len(r) for r in grid), default=0)
    set_at = {i for r in grid for i, c in enumerate(r) if c}
    used = [i in set_at for i in range(width)]
    blocks: list[tuple[int, int]] = []
    at = 0
    while at < width:
        if not used[at]:
            at += 1
            continue
        end = at
        while end < width and used[end]:
            end += 1
        blocks.append((at, end))
        at = end
    merged: list[tuple[int, int]] = []  # a lone column (a title over the sheet, a bar's
    for low, high in blocks:  # label) belongs with the block before it, the first with
        if merged and (high - low < 2 or merged[-1][1] - merged[-1][0] < 2):  # the next
            merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    kept = [
        (low, high)
        for low, high in merged
        if high - low >= 2 and sum(any(r[low:high]) for r in grid) >= 3
    ]
    return kept if len(kept) >= 2 and len(kept) == len(merged) else [(0, width)]


def _time_chart(rows: list[list[str]]) -> bool:
    """A block drawn as a chart of times: no header row (a row of two cells or more
    with no digits), a time in each of its rows of two cells or more, every time a
    length (under 6:00: 0:30, 0:05), none a clock of the day."""
    full = [r for r in rows if sum(bool(c) for c in r) >= 2]
    times = [c for r in full for c in r if _SHOWN_TIME.match(c)]
    return (
        bool(full)
        and all(any(re.search(r"\d", c) for c in r) for r in full)  # no header row
        and all(any(_SHOWN_TIME.match(c) for c in r) for r in full)
        and all(_minutes(c) < 6 * 60 for c in times)  # lengths, none a day's clock
    )


def _lengths_shown(grid: list[list[str]]) -> list[list[str]]:
    """A table's column of lengths kept as times (Excel's ``0:05`` under ``Time`` or
    ``Duration``, beside a column of start times ``09:05``) written as the minutes they
    are (``5 min``), so a row's length is not read as a clock; the rows unchanged when
    no header names such a column."""
    for at, row in enumerate(grid[:10]):
        spans = [i for i, c in enumerate(row) if _LENGTH_HEADER.match(" ".join(c.split()))]
        for col in spans:
            below = [r[col] for r in grid[at + 1 :] if col < len(r) and r[col]]
            starts = [
                c
                for r in grid[at + 1 :]
                for i, c in enumerate(r)
                if i != col and _SHOWN_TIME.match(c)
            ]
            if len(below) < 2 or not all(_SHOWN_TIME.match(c) for c in below) or not starts:
                continue
            if max(_minutes(c) for c in starts) <= max(_minutes(c) for c in below):
                continue  # (the other column's times are no later: no clock of starts)
            return [
                [
                    f"{_minutes(c)} min" if i == col and n > at and _SHOWN_TIME.match(c) else c
                    for i, c in enumerate(r)
                ]
                for n, r in enumerate(grid)
            ]
    return grid


def _minutes(shown: str) -> int:
    m = _SHOWN_TIME.match(shown)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else 0


def _rows_text(rows: Iterable[list[str]]) -> str:
    """A sheet's rows: with a header naming a course-name column and another one, one
    course per row (its cells under the catalog's labels, courses cut apart), unless the
    rows are one course's meetings or timetable (_sheet_kind); else the sheet as table rows."""
    header: dict[int, str] | None = None
    names: list[str] = []
    table: list[str] = []
    grid: list[list[str]] = []
    body: list[list[str]] = []
    for count, row in enumerate(rows):
        if count > MAX_ROWS:
            raise SourceError("too-large", msg("source.too-many", n=MAX_ROWS, what="rows"))
        cells = ["" if c is None else str(c).strip() for c in row]
        if not any(cells):
            continue
        if header is None:
            header = _header(cells) if count < 20 else None
            if header is not None:
                names = cells
                continue
            grid.append(cells)
            filled = [c for c in cells if c]
            if len(filled) == 1:  # a row with one cell: a heading over the sheet
                table.append(" ".join(filled[0].split()))
            elif len(filled) == 2 and _form_row(*filled):  # a form: label | value
                value = "\n".join(" ".join(line.split()) for line in filled[1].splitlines())
                table.append(
                    f"{filled[0].strip(' :：')}：" + ("\n" if "\n" in value else "") + value
                )
            elif len(filled) == 2 and _name_row(*filled):  # Course | Store Rota Planning
                table.append(f"课程名称：{' '.join(filled[1].split())}")
            else:
                table.append("| " + " | ".join(" ".join(c.split()) for c in cells) + " |")
            continue
        body.append(cells)
    if header is None:
        by_day = week_grid(grid)
        if by_day is not None:
            return "\n".join(by_day)
        grouped = _grouped_rows(grid, table)
        if grouped is not None:
            return grouped
        sessions = _session_rows(grid, table)
        if sessions is not None:
            return sessions
        keyed = _grouped_rows(grid, table, keyed=True)  # | … | Unit | with 1, 1, 2, 2, …
        return keyed if keyed is not None else "\n".join(table)
    kind = _sheet_kind(names, header, body)
    if kind == "sessions":
        return "\n".join([*table, _sessions_text(names, header, body)])
    if kind == "table":
        rows = [names, *body]
        return "\n".join(
            [*table, *("| " + " | ".join(" ".join(c.split()) for c in r) + " |" for r in rows)]
        )
    totals = [r for r in body if _total_row(r, header)]
    courses = _catalog_courses(names, header, [r for r in body if not _total_row(r, header)])
    if courses and (table or totals):  # the catalog's own heading and total row: kept, as
        kept = [*table, *("| " + " | ".join(c for c in r if c) + " |" for r in totals)]
        courses[0] = "\n".join([*("\0" + line for line in kept), courses[0]])  # written
    return f"\n{SEPARATOR}\n".join(courses)


def _total_row(cells: list[str], header: dict[int, str]) -> bool:
    """``| | | 合计 | 56 |``: a catalog's total, no course (its name cell empty)."""
    at = next(i for i, label in header.items() if label == "课程名称")
    return not _cell(cells, at) and any(_TOTAL_CELL.match(c.strip()) for c in cells if c)


def _catalog_courses(names: list[str], header: dict[int, str], body: list[list[str]]) -> list[str]:
    """A catalog sheet's rows, each a course under the catalog's labels. A course may
    span several rows, its name (and what holds for the whole course) in a merged cell
    on the first only (| 高效沟通 | 模块一 | 倾听 | 2 | then | | 模块二 | 提问 | 2 |): the
    columns its other rows fill are its outline, as table rows under their header."""
    at = next(i for i, label in header.items() if label == "课程名称")
    groups: list[list[list[str]]] = []
    for cells in body:
        if at < len(cells) and cells[at]:
            groups.append([cells])
        elif groups:
            groups[-1].append(cells)  # a row of the course above: its name cell merged
    return [_catalog_course(names, header, group) for group in groups]


def _raw(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _cell(cells: list[str], index: int) -> str:
    return " ".join(cells[index].split()) if index < len(cells) else ""


def _catalog_course(names: list[str], header: dict[int, str], group: list[list[str]]) -> str:
    first, more = group[0], group[1:]
    varying = sorted({i for cells in more for i, c in enumerate(cells) if c})
    own = {i: label for i, label in header.items() if i not in varying}
    parts: list[str] = []
    order = sorted(own.items(), key=lambda item: item[1] == "课程大纲")  # outline last
    for index, label in order:
        value = first[index] if index < len(first) else ""
        if not value:
            continue
        if label == "课程大纲" or "\n" in value:
            parts.insert(len(parts), f"{label}：\n{value}")
        else:
            parts.append(f"{label}：{value}")
    extra = [
        f"{names[i]}：{c}" if i < len(names) and names[i] else c
        for i, c in enumerate(first)
        if i not in header and i not in varying and c and not re.fullmatch(r"\d+", c)
    ]  # (a bare number is the row's number)
    if extra:
        outline_at = next(
            (k for k, p in enumerate(parts) if p.startswith("课程大纲：")), len(parts)
        )
        parts[outline_at:outline_at] = extra
    if varying:  # the rows' own cells: the course's outline, a table row each
        heads = [names[i] if i < len(names) else "" for i in varying]
        parts += ["课程大纲：", "| " + " | ".join(heads) + " |"]
        parts += ["| " + " | ".join(_cell(c, i) for i in varying) + " |" for c in group]
    return "\n".join(parts)


_WEEKDAY_CELL = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"(?:周|星期)[一二三四五六日天]|day\s*\d+|第[一二三四五六七八九十\d]+天)\b.*$",
    re.I,
)
_CLOCK_CELL = re.compile(r"^\s*\d{1,2}[:.：]\d{2}\s*(?:-|–|—|~|～|to)\s*\d{1,2}[:.：]\d{2}\s*$")


def week_grid(rows: list[list[str]]) -> list[str] | None:
    """A week grid (a Time column, a column per day; a day may carry its own Time column):
    each day's sessions one a line under the day, so that a day reads as a module."""
    head = next(
        (i for i, r in enumerate(rows[:10]) if sum(bool(_WEEKDAY_CELL.match(c)) for c in r) >= 2),
        None,
    )
    if head is None:
        return None
    header = rows[head]
    days = [i for i, c in enumerate(header) if _WEEKDAY_CELL.match(c)]
    out = [" ".join(" ".join(r).split()) for r in rows[:head] if any(r)]
    body = rows[head + 1 :]
    for day in days:
        out.append(f"### {header[day]}")
        column = day
        filled = [r[day] for r in body if day < len(r) and r[day]]
        if filled and sum(bool(_CLOCK_CELL.match(c)) for c in filled) * 2 > len(filled):
            column = day + 1  # the day's own Time column: its sessions are in the next one
        for row in body:
            if column >= len(row) or not row[column]:
                continue
            clock = next(
                (row[i] for i in range(column - 1, -1, -1) if _CLOCK_CELL.match(row[i])), None
            )  # the nearest time column to the sessions' left
            cell = " ".join(row[column].split())
            out.append(f"| {clock} | {cell} |" if clock else cell)
    return out


def shown_value(cell: Any) -> str:
    """A cell's value as the sheet shows it: a time (a clock, or a length kept as a time
    of day or a duration) in its number format's hours and minutes — ``h:mm`` 9:05,
    ``hh:mm`` 09:05, ``[h]:mm`` 27:30, with ``:ss`` its seconds, ``AM/PM`` a 12-hour
    clock — never Python's ``9:05:00`` or ``1 day, 3:30:00``; any other value as text."""
    import datetime as dt

    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    else:
        seconds = int(value.total_seconds())
    form = str(getattr(cell, "number_format", "") or "").lower()
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    suffix = ""
    if "am/pm" in form or "a/p" in form:
        suffix = " PM" if hours % 24 >= 12 else " AM"
        hours = (hours % 12) or 12
    shown = f"{hours:02d}" if re.search(r"\[?hh", form) else str(hours)
    shown += f":{minutes:02d}"
    if re.search(r"mm:ss|:ss", form) or (secs and "mm" not in form):
        shown += f":{secs:02d}"
    return shown + suffix


def read_xlsx(path: Path) -> str:
    _check_zip(path, "Excel")
    try:
        from openpyxl import load_workbook  # type: ignore[import-untyped]  # no stubs

        book = load_workbook(str(path), read_only=True, data_only=True)
    except SourceError:
        raise
    except Exception as exc:  # openpyxl raises several kinds for a damaged file
        raise SourceError(
            "unreadable-source", msg("source.unreadable", kind="Excel", reason=type(exc).__name__)
        ) from None
    try:
        texts: list[str] = []
        names: list[str] = []
        for sheet in book.worksheets:
            rows = ([shown_value(c) for c in row] for row in sheet.iter_rows())
            text = rows_text(rows)
            if text.strip():
                texts.append(text)
                names.append(" ".join(str(sheet.title).split()))
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(
            "unreadable-source", msg("source.unreadable", kind="Excel", reason=type(exc).__name__)
        ) from None
    finally:
        book.close()
    if not texts:
        raise SourceError("empty-file", msg("source.no-text"))
    if len(texts) >= 2 and all(_UNIT_CELL.match(n) for n in names):
        return _unit_sheets(names, texts)
    texts, names = overview_sheet(texts, names)
    named = [bool(_NAMED.search(text)) for text in texts]
    if len(texts) >= 2 and sum(named) == 1 and not any(SEPARATOR in t for t in texts):
        # one sheet names the course (a form: 课程名称 | …), the others only lay out its
        # outline or timetable: one course, the naming sheet first
        at = named.index(True)
        return "\n".join([texts[at], *(t for n, t in enumerate(texts) if n != at)])
    return f"\n{SEPARATOR}\n".join(texts)


def _row_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []


_FACT_LINE = re.compile(r"^(?P<label>[^|:：]{1,12})[:：]\s*(?P<value>.+)$")


def _named_values(line: str) -> list[str]:
    """A row's cells, or a fact line's value (课程名称：java)."""
    if line.startswith("|"):
        return _row_cells(line)
    m = _FACT_LINE.match(line)
    return [m.group("value").strip()] if m else []


def overview_sheet(texts: list[str], names: list[str]) -> tuple[list[str], list[str]]:
    """A workbook whose first sheet sums up the others (总纲 · Overview · 目录: a row per
    course, one cell naming another sheet — ``| 编程基础阶段 | java | 掌握… | 72 |`` over
    sheets java, mysql …): no course of its own. Each row's cells (or, read as a catalog,
    each row's course facts) go with the sheet they name, as that course's facts, after
    its first line; the overview's other lines (its heading, header, a total row) go,
    as written, with the first course named, in its notes."""
    if len(texts) < 3:
        return texts, names
    keys = {  # (a sheet named 1, 2, 3 or A is no name a cell can be told to give)
        " ".join(n.split()).lower(): i
        for i, n in enumerate(names)
        if i > 0 and len(n.strip()) >= 2 and re.search(r"[^\W\d_]", n)
    }
    facts: dict[int, list[str]] = {}
    kept: list[str] = []
    header: list[str] = []
    for chunk in texts[0].split(f"\n{SEPARATOR}\n"):
        lines = chunk.split("\n")
        said = {
            at: keys[value.lower()]
            for at, line in enumerate(lines)
            for value in _named_values(line)
            if value.lower() in keys
        }
        rows = {at for at, line in said.items() if lines[at].startswith("|")}
        if said and not rows and len(set(said.values())) == 1:  # a catalog's course: its facts
            sheet = next(iter(said.values()))
            facts.setdefault(sheet, []).extend(
                line for at, line in enumerate(lines) if at not in said and line.strip()
            )
            continue
        for at, line in enumerate(lines):
            cells = _row_cells(line)
            if at in rows:
                facts.setdefault(said[at], []).extend(
                    f"{header[i]}：{c}" if i < len(header) and header[i] else c
                    for i, c in enumerate(cells)
                    if c and c.lower() not in keys
                )
                continue
            if cells and not header:
                header = cells
            if line.strip():
                kept.append("\0" + line)
    if len(facts) < 2:
        return texts, names
    out = list(texts)
    for sheet, said_facts in facts.items():
        first, *rest = out[sheet].split("\n")
        out[sheet] = "\n".join([first, *said_facts, *rest])
    first_named = min(facts)
    out[first_named] = "\n".join([*kept, out[first_named]])
    return out[1:], names[1:]


# a sheet's line naming its course, as a form or a catalog writes it
_NAMED = re.compile(
    r"^(?:课程名称|课程名|课程标题|course name|course title)\s*[:：]\s*\S", re.I | re.M
)


def _unit_sheets(names: list[str], texts: list[str]) -> str:
    """A workbook whose sheets are named for a course's units (Day 1, Day 2; 第一天;
    Week 1; 模块一; Monday) is one course: each sheet a module headed by its name, its
    rows below (a catalog's courses, if a sheet holds some, stay apart)."""
    if any(SEPARATOR in text for text in texts):
        return f"\n{SEPARATOR}\n".join(texts)
    out = [DECK_OUTLINE]
    for name, text in zip(names, texts, strict=True):
        out.append(f"## {name}")
        out += [line for line in text.split("\n") if line != DECK_OUTLINE]
    return "\n".join(out)


def read_csv(text: str) -> str:
    # a sheet saved with old Mac line ends (\r alone) or mixed ones: one kind of line end,
    # or the csv module stops at the first \r inside a row
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return rows_text(csv.reader(io.StringIO(text), dialect))
    except csv.Error as e:  # a row the csv module cannot split: one clear line, no traceback
        raise SourceError(
            "unreadable-source", msg("source.unreadable", kind="CSV", reason=str(e))
        ) from None


# ---------------------------------------------------------------- HTML
_BLOCK = {
    "p", "div", "section", "article", "br", "li", "tr", "table", "ul", "ol", "dl", "dt",
    "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "header", "footer",
    "main", "hr", "caption", "figure", "figcaption",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "svg", "template", "head", "nav", "button", "select"}


def _span(said: str | None) -> int:
    """A cell's rowspan or colspan: 1 unless it says a number from 2 to 50."""
    number = int(said) if said and said.strip().isdigit() else 1
    return number if 1 <= number <= 50 else 1


class _Text(HTMLParser):
    """A page as lines: headings as Markdown ``#``, list items as ``- ``/``1. ``, a
    table row as ``| a | b |`` (a table inside a cell: its text joins the cell)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.prefix = ""
        self.lists: list[list[int]] = []  # per open list: [ordered?, counter]
        self.rows: list[list[str]] = []  # open table rows' cells
        self.cell: list[list[str]] = []  # open cells' text
        self.strong = 0
        self.nested: list[tuple[int, list[str]]] = []  # rows of tables inside this row's cells
        self.in_title = False
        self.title: list[str] = []  # the page's <title>
        # the open top-level table: where its rows start in lines, its rows as laid out
        # (a rowspan's rows given an empty cell under it, a colspan's its empty cells),
        # the spans still open per column, the open row's cells' (rowspan, colspan)
        self.table_at: int | None = None
        self.table: list[list[str]] | None = None
        self.spans: dict[int, int] = {}
        self.row_attrs: list[tuple[int, int]] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.lines.append(self.prefix + text)
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if self.cell and tag in ("br", "p", "li", "div"):  # a cell's own lines
            self.cell[-1].append("\n")
            if tag == "li":
                self.cell[-1].append("- ")
            return
        if tag in ("td", "th"):
            if self.cell and len(self.cell) == len(self.rows):  # <td> in an open cell
                self.handle_endtag(tag)  # of the same row: closes it, as a browser does
            if len(self.rows) == 1 and not self.cell:  # a top-level table's cell
                said = dict(attrs)
                self.row_attrs.append((_span(said.get("rowspan")), _span(said.get("colspan"))))
            self.cell.append([])
            return
        if tag == "table" and not self.rows and not self.cell:
            self._flush()
            self.table_at, self.table, self.spans = len(self.lines), [], {}
        if tag == "tr":
            if self.rows and len(self.rows) > len(self.cell):  # a row left open: <tr><tr>
                self.handle_endtag("tr")  # a browser ends it where the next one starts
            self.rows.append([])
            return
        if tag in ("strong", "b"):
            self.current.append("**") if not self.cell else None
            return
        if tag in _BLOCK:
            self._flush()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.prefix = "#" * int(tag[1]) + " "
        elif tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
        elif tag == "li":
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self.prefix = "  " * (len(self.lists) - 1) + f"{self.lists[-1][1]}. "
            else:
                self.prefix = "  " * max(len(self.lists) - 1, 0) + "- "

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(self.skip - 1, 0)
            return
        if self.skip:
            return
        if tag in ("td", "th") and self.cell:
            text = "\n".join(
                " ".join(line.split()) for line in "".join(self.cell.pop()).split("\n")
            ).strip()
            if self.cell and len(self.rows) > len(self.cell):  # a nested table's cell
                self.rows[-1].append(text)
            elif self.cell:
                self.cell[-1].append(" " + text)
            elif self.rows:
                self.rows[-1].append(text)
            return
        if tag == "tr" and self.rows:
            if self.cell and len(self.cell) == len(self.rows):  # its last cell left open
                self.handle_endtag("td")
            cells = self.rows.pop()
            if not self.rows and not self.cell:
                cells = self._laid_row(cells)
            if self.cell:  # a row of a table inside a cell: its own row, after the outer one
                self.nested.append((len(self.rows[-1]) if self.rows else 0, cells))
            elif any(cells):
                self._flush()
                if self.table is not None:
                    self.table.append([c.replace("\n", " / ") for c in cells])
                    if self.nested:  # a table in a cell: the rows stay as they are
                        self.table_at = None
                self.lines.append("| " + " | ".join(c.replace("\n", " / ") for c in cells) + " |")
                for before, inner in self.nested:  # aligned under the cell that held them
                    row = [""] * before + [c.replace("\n", " / ") for c in inner]
                    self.lines.append("| " + " | ".join(row) + " |")
                self.nested = []
            return
        if tag in ("strong", "b"):
            self.current.append("**") if not self.cell else None
            return
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "table" and not self.rows and not self.cell and self.table is not None:
            self._flush()
            grouped = None
            if (
                self.table_at is not None
                and self.table
                and not any(re.search(r"\d", c) for c in self.table[0])
            ):
                level = heading_under(self.lines[: self.table_at])
                grouped = group_rows(self.table[0], self.table[1:], level)
            if grouped is not None and self.table_at is not None:
                self.lines[self.table_at :] = grouped
            self.table_at, self.table = None, None
            return
        if tag in _BLOCK:
            self._flush()

    def _laid_row(self, cells: list[str]) -> list[str]:
        """A top-level row's cells where they stand: an empty cell under each cell
        spanning down from a row above (rowspan), empty cells after one spanning across
        (colspan)."""
        attrs, self.row_attrs = self.row_attrs, []
        out: list[str] = []
        at = 0
        while at < len(cells) or self.spans.get(len(out), 0) > 0:
            col = len(out)
            if self.spans.get(col, 0) > 0:
                self.spans[col] -= 1
                out.append("")
                continue
            down, across = attrs[at] if at < len(attrs) else (1, 1)
            for extra in range(across):
                out.append(cells[at] if extra == 0 else "")
                if down > 1:
                    self.spans[col + extra] = down - 1
            at += 1
        return out

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip:
            return
        if self.cell:
            self.cell[-1].append(data)
        else:
            self.current.append(data)

    def text(self) -> str:
        self._flush()
        lines = [re.sub(r"\*\*\s*\*\*", "", line) for line in self.lines]
        return "\n".join(line for line in lines if line.strip(" *"))


def page_title(title: str, lines: list[str]) -> str | None:
    """The course a saved page's ``<title>`` names, when its body heads with no name of
    its own: its first heading is generic ("Workshop Agenda", "课程安排") or it has no
    heading. A browser tab's title is "page | site" or "course - site" (``|``, ``-``, ``–``,
    ``_``): its first part that is not generic."""
    from .conventions import GENERIC_TITLE

    at = next((i for i, line in enumerate(lines) if line.startswith("#")), None)
    first = None if at is None else lines[at]
    if first is not None and not GENERIC_TITLE.match(first.lstrip("# ").strip(" :：")):
        return None
    from .title import title_like

    under = lines[at + 1 : at + 6] if at is not None else []
    if any(  # "# Agenda" over "## Customer Success Playbook": the body names its course
        line.startswith("##")
        and not GENERIC_TITLE.match(line.lstrip("# ").strip(" :："))
        and title_like(line.lstrip("# "))  # (not "## 一、会前准备", a module)
        for line in under
    ):
        return None
    for part in re.split(r"\s+[|｜\-–—]\s+|\s*_\s*|\s*[|｜]\s*", " ".join(title.split())):
        if len(part) >= 2 and not GENERIC_TITLE.match(part.strip(" :：")):
            return part.strip()
    return None


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = parser.text()
    named = page_title("".join(parser.title), text.split("\n"))
    return f"# {named}\n{text}" if named else text


def inline_tables(text: str) -> str:
    """Each ``<table>…</table>`` written inside a Markdown or text page, as table rows."""
    return re.sub(
        r"<table\b.*?</table\s*>",
        lambda m: "\n" + html_text(m.group(0)) + "\n",
        text,
        flags=re.I | re.S,
    )


def decode_html(data: bytes, charset: str | None = None) -> str:
    head = data[:4096].decode("ascii", "ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    for encoding in (charset, m.group(1) if m else None, "utf-8", "gb18030"):
        if not encoding:
            continue
        try:
            return data.decode("gb18030" if encoding.lower() in ("gbk", "gb2312") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def read_mhtml(data: bytes) -> str:
    """A page saved by a browser as one file (MIME): its first HTML part."""
    import email
    from email.message import Message

    message: Message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return html_text(decode_html(payload, part.get_content_charset()))
    raise SourceError(
        "unreadable-source", msg("source.unreadable", kind="MHTML", reason="no HTML part")
    )
