"""Read what an instructor already has: text (UTF-8 or GB18030) or a .docx (paragraphs
and tables, in document order, with Word's automatic numbering written out as the reader
sees it). Anything else is a clear ``SourceError``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..i18n import msg
from .errors import SourceError

__all__ = ["MAX_BYTES", "SourceError", "read_source"]

MAX_BYTES = 20 * 1024 * 1024


# every kind of file ``import`` reads (the preview's upload offers the same)
READABLE = (
    ".txt", ".text", ".md", ".markdown", ".docx", ".pdf", ".pptx", ".xlsx", ".xlsm", ".csv",
    ".tsv", ".html", ".htm", ".mhtml", ".mht",
)  # fmt: skip


def read_source(path: Path) -> str:
    """The source's text, whatever it is kept in (see readers.py for each format), its
    radical code points read as the ideographs they show (radicals.py), a site's pinyin
    ruby dropped and a flattened deck written out as its slides read (flatdeck.py)."""
    from .flatdeck import drop_ruby, unflatten_decks
    from .radicals import unified

    return unflatten_decks(drop_ruby(unified(_read(path))))


def _read(path: Path) -> str:
    if not path.is_file():
        raise SourceError("file-missing", msg("source.missing"))
    if path.stat().st_size > MAX_BYTES:
        raise SourceError("too-large", msg("source.too-large", mib=MAX_BYTES // 1024 // 1024))
    suffix = path.suffix.lower()
    _old_office(path, suffix)
    if suffix == ".docx":
        return _docx_text(path)
    if suffix in (".pdf", ".pptx", ".xlsx", ".xlsm"):
        from . import readers

        read = {".pdf": readers.read_pdf, ".pptx": readers.read_pptx}.get(suffix, readers.read_xlsx)
        return read(path)
    data = path.read_bytes()
    if suffix in (".html", ".htm", ".mhtml", ".mht"):
        from . import readers

        if suffix in (".mhtml", ".mht"):
            return _nonempty(readers.read_mhtml(data))
        return _nonempty(readers.html_text(readers.decode_html(data)))
    if data.startswith(b"%PDF-"):
        from . import readers

        return readers.read_pdf(path)
    text = _decoded(data)
    if suffix in (".md", ".markdown", ".txt") and _is_html(text):
        from . import readers

        return _nonempty(readers.html_text(text))
    if suffix in (".md", ".markdown", ".txt"):  # <center>标题</center>: the text, not the tag
        text = re.sub(
            r"</?(?:center|font|span|b|strong|i|em|u|small|big)\b[^>]*>", "", text, flags=re.I
        )
        # a page's <style> and <script> blocks are how a site shows it, never its text
        text = re.sub(r"(?is)<(style|script)\b[^>]*>.*?</\1\s*>[ \t]*\n?", "", text)
        text = _outside_code(text, _markdown_of_tags)
        # pages joined into one file, each with its own front matter (---/layout: x/---):
        # the first is the page's (read for its title); the later ones are no text
        text = text[:4] + _LATER_FRONT_MATTER.sub(_site_settings, text[4:])
        if suffix != ".txt":  # a Markdown table of one course's meetings: a module a row
            from . import readers

            text = readers.markdown_sessions(text)
    if suffix in (".md", ".markdown", ".txt", ".rst"):
        text = _outside_code(text, lambda part: _underlined_headings(_simple_tables(part)))
    if "<table" in text.lower() and suffix not in (".csv", ".tsv"):  # an HTML table in Markdown
        from . import readers

        text = readers.inline_tables(text)
    if suffix in (".csv", ".tsv"):
        from . import readers

        return _nonempty(readers.read_csv(text))
    return text


_TAG_HEADING = re.compile(
    r"^[ \t]*<h([1-6])\b[^>]*>((?:(?!<h[1-6]\b|\n[ \t]*\n).)*?)</h\1\s*>[ \t]*$", re.I | re.M | re.S
)  # (its text never runs past a blank line or another heading: an unclosed <h3> stays)
_TAG_ITEM = re.compile(r"^([ \t]*)<li\b[^>]*>(.*?)(?:</li\s*>)?[ \t]*$", re.I | re.M)
_LAYOUT_TAG = re.compile(
    r"</?(?:div|section|article|header|footer|main|nav|aside|p|ul|ol|span)\b[^>]*>", re.I
)


_UNDERLINE = re.compile(r"^[ \t]*(=+|-+|~+|\^+)[ \t]*$")


def _underlined_headings(text: str) -> str:
    """A heading written as a line over a line of ``===`` or ``---`` (Markdown's and
    reStructuredText's other way; ``~~~`` and ``^^^`` too), as a ``#`` heading: ``=``
    the first level, ``-`` the second, the others below. Only a short line standing
    alone (a blank or the page's start above it) with an underline of three or more."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    levels = {"=": 1, "-": 2, "~": 3, "^": 4}
    used = [
        m.group(1)[0] for line in lines if (m := _UNDERLINE.match(line)) and len(m.group(1)) >= 3
    ]
    if any(c in "~^" for c in used):  # reStructuredText: levels in the order the page uses them
        levels = {c: n for n, c in enumerate(dict.fromkeys(used), start=1)}
    for i in range(1, len(lines)):
        under = _UNDERLINE.match(lines[i])
        above = lines[i - 1].strip()
        if (
            under is None
            or len(under.group(1)) < 3
            or not above
            or len(above) > 80
            or above.startswith(("#", "|", "-", "*", "+", ">", "\0"))
            or (i >= 2 and lines[i - 2].strip())
            or _UNDERLINE.match(above)
            or len(lines[i - 1]) - len(lines[i - 1].lstrip()) >= 4  # code, or a YAML block
        ):
            continue
        lines[i - 1] = "#" * min(levels[under.group(1)[0]], 6) + " " + above
        lines[i] = ""
    return "\n".join(lines)


_SIMPLE_RULE = re.compile(r"^[ \t]*=+(?:[ \t]+=+)+[ \t]*$")


def _simple_tables(text: str) -> str:
    """A reStructuredText simple table (columns under ``======== ======``, a header
    between the first two rules, rows until the last), as Markdown table rows: a
    Sphinx workshop page's schedule, ``30th May  Intro to Python  10:00-11:00``."""
    if "==" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        rule = lines[at]
        if not _SIMPLE_RULE.match(rule):
            out.append(rule)
            at += 1
            continue
        spans = [m.span() for m in re.finditer(r"=+", rule)]
        end = next(
            (i for i in range(at + 1, min(len(lines), at + 2000)) if _SIMPLE_RULE.match(lines[i])),
            None,
        )
        if end is None:
            out.append(rule)
            at += 1
            continue
        closing = next(
            (
                i
                for i in range(end + 1, min(len(lines), end + 2000))
                if _SIMPLE_RULE.match(lines[i])
            ),
            None,
        )
        header = lines[at + 1 : end] if closing is not None else []
        body = lines[end + 1 : closing] if closing is not None else lines[at + 1 : end]

        def row(line: str, spans: list[tuple[int, int]] = spans) -> str:
            # columns by display width: a Chinese character takes two, as the table is set
            widths = [0]
            for ch in line:
                widths.append(widths[-1] + (2 if unicodedata.east_asian_width(ch) in "WF" else 1))
            cut = [next((i for i, w in enumerate(widths) if w >= a), len(line)) for a, _ in spans]
            cells = [
                line[c : (cut[k + 1] if k + 1 < len(cut) else len(line))] for k, c in enumerate(cut)
            ]
            return "| " + " | ".join(" ".join(c.split()) for c in cells) + " |"

        for line in header:
            if line.strip():
                out += [row(line), "| " + " | ".join("---" for _ in spans) + " |"]
        out += [row(line) for line in body if line.strip()]
        at = (closing if closing is not None else end) + 1
    return "\n".join(out)


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    """``change`` applied to the page outside its fenced code (```yaml … ```): the
    code's lines are published as written, never read as headings, tags or tables."""
    if "```" not in text and "~~~" not in text:
        return change(text)
    from .fences import fence_spans

    lines = text.split("\n")
    out: list[str] = []
    at = 0
    for first, last in fence_spans(lines):
        out += [change("\n".join(lines[at:first])), *lines[first : last + 1]]
        at = last + 1
    out.append(change("\n".join(lines[at:])))
    return "\n".join(out)


# the settings a site generator reads (Jekyll, Hugo, MkDocs), never a page's text
_SITE_KEYS = {
    "layout", "permalink", "nav_order", "parent", "grand_parent", "has_children", "nav_exclude",
    "sidebar", "toc", "weight", "slug", "draft", "tags", "categories", "menu", "redirect_from",
    "sectionlayout", "enable", "type", "order", "sort", "search_exclude",
}  # fmt: skip


def _site_settings(found: re.Match[str]) -> str:
    """A later front matter block goes only when it is a site generator's settings
    (layout: default): keys in lower case, one of them a generator's own. A block of the
    page's own words between rules (Instructor: Jane Doe · Day1: 协作认知) stays."""
    keys = re.findall(r"^([^:\n]+):", found.group(0), re.M)
    if (
        all(re.fullmatch(r"[a-z_][a-z0-9_-]*", k) for k in keys)
        and any(k in _SITE_KEYS for k in keys)
        and not any(k in _COURSE_KEYS for k in keys)  # (duration: 2 days is the course's)
    ):
        return ""
    return found.group(0)


_COURSE_KEYS = {
    "duration", "length", "hours", "days", "instructor", "trainer", "teacher", "speaker",
    "date", "dates", "location", "venue", "audience", "level", "price", "fee",
}  # fmt: skip


_LATER_FRONT_MATTER = re.compile(r"^---[ \t]*\n(?:[A-Za-z_][\w-]*:[^\n]*\n){1,12}---[ \t]*$", re.M)


def _markdown_of_tags(text: str) -> str:
    """A Markdown page written partly in HTML, as Markdown: a line ``<h3>Day 1</h3>``
    is the heading ``### Day 1``, ``<li>Git</li>`` the bullet ``- Git``, a line of
    layout tags only (``<div class="col-md-6">``, ``</div>``) a blank, an empty anchor
    (``## 第一周 <a id="week1"></a>``) nothing, and the text inside layout tags
    (``<div class="title">AI推动团队升级</div>``) that text; a card's icon alone
    (``<div class="icon">🎯</div>``) is decoration."""
    if "<" not in text:
        return text
    text = re.sub(r"<a\b[^>]*>\s*</a\s*>", "", text, flags=re.I)
    text = _TAG_HEADING.sub(
        lambda m: "#" * int(m.group(1)) + " " + " ".join(m.group(2).split()), text
    )  # (a heading's text written over several lines is one line)
    text = re.sub(  # <h3>第一天：基础 left unclosed: a heading all the same
        r"(?im)^[ \t]*<h([1-6])\b[^>]*>[ \t]*(\S[^<\n]*)$",
        lambda m: "#" * int(m.group(1)) + " " + m.group(2).strip(),
        text,
    )
    text = _TAG_ITEM.sub(lambda m: f"{m.group(1)}- {m.group(2).strip()}", text)
    text = re.sub(
        r"^[ \t]*(?:</?(?:div|span|p)\b[^>]*>[^\w<>\n]*)+$", "", text, flags=re.I | re.M
    )  # a line of layout tags, or of an icon between them
    return re.sub(  # (only on a line of HTML: `<header>` in a sentence is a lesson's word)
        r"(?m)^[ \t]*<(?!br\b)[a-z][^\n`]*$", lambda m: _LAYOUT_TAG.sub("", m.group(0)), text
    )


_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b)", re.I)
_BLOCK_LINE = re.compile(
    r"^\s*</?(?:p|div|section|article|h[1-6]|ul|ol|li|br|header|"
    r"footer|main|body|head|meta|link|title|span|a|strong|b|em|img|hr)\b",
    re.I,
)


def _is_html(text: str) -> bool:
    """A page saved under a Markdown or text name that is really HTML: it opens as a
    web page does (``<!DOCTYPE html>``, ``<html>``), or most of its lines (ten or more)
    open with a tag (``<p>``, ``<div>``, ``<li>``; a table's rows aside, which Markdown
    holds as they are) and hardly any is Markdown's (``#``, ``-``, ``1.``, ``|``) — read
    as the web page it is, not as Markdown holding tags."""
    if _HTML_START.match(text[:2048]):
        return True
    shown = [line for line in text.split("\n") if line.strip()]
    tagged = sum(bool(_BLOCK_LINE.match(line)) for line in shown)
    marked = sum(bool(re.match(r"\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|\|)", line)) for line in shown)
    return tagged >= 10 and tagged * 2 > len(shown) and marked < 3


# Office 97-2003's binary files (one compound file, its magic below): what each kind is
# saved as today, which import reads
_OLD_OFFICE = {
    ".xls": ("Excel", ".xlsx"),
    ".doc": ("Word", ".docx"),
    ".ppt": ("PowerPoint", ".pptx"),
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _old_office(path: Path, suffix: str) -> None:
    """An Office 97-2003 file (.xls, .doc, .ppt, or any file that is one): one clear
    line saying to save it in today's format, never 'not text'."""
    with path.open("rb") as stream:
        magic = stream.read(len(_OLE_MAGIC))
    if suffix not in _OLD_OFFICE and magic != _OLE_MAGIC:
        return
    app, new = _OLD_OFFICE.get(suffix, ("Word / Excel / PowerPoint", ".docx / .xlsx / .pptx"))
    ext = suffix or path.name
    raise SourceError("unreadable-source", msg("source.old-office", app=app, ext=ext, new=new))


def _nonempty(text: str) -> str:
    if not text.strip():
        raise SourceError("empty-file", msg("source.no-text"))
    return text


def _decoded(data: bytes) -> str:
    if not data.strip():
        raise SourceError("empty-file", msg("source.empty"))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("not-text", msg("source.not-text"))
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    chosen = legacy_encoding(data)
    if chosen is None:
        raise SourceError("encoding", msg("source.encoding"))
    LAST_ENCODING.append(chosen)
    return data.decode(chosen)


LAST_ENCODING: list[str] = []  # the legacy encoding the last text was read in (for the report)


def _common_share(text: str, encoding: str, low: int, high: int) -> float:
    """The share of the text's Chinese characters that ``encoding`` places among its
    common characters (GB2312 level 1: B0A1-D7FE; Big5 frequent: A440-C67E). Text decoded
    in the wrong one of the two is mostly rare characters."""
    han = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    common = 0
    for c in han:
        try:
            code = int.from_bytes(c.encode(encoding), "big")
        except UnicodeEncodeError:
            continue
        common += low <= code <= high
    return common / len(han)


def legacy_encoding(data: bytes) -> str | None:
    """GB18030 or Big5, whichever reads the bytes as ordinary Chinese (GB18030 decodes
    almost anything, so both are tried and their text compared); None when neither."""
    readings: dict[str, str] = {}
    for encoding in ("gb18030", "big5"):
        try:
            readings[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(readings) < 2:
        return next(iter(readings), None)
    gb = _common_share(readings["gb18030"], "gb2312", 0xB0A1, 0xD7FE)
    big5 = _common_share(readings["big5"], "big5", 0xA440, 0xC67E)
    return "big5" if big5 > gb else "gb18030"


def _docx_text(path: Path) -> str:
    import zipfile

    from docx import Document

    from ..render.template_file import too_big

    try:  # a zip bomb is refused from the zip's directory, before python-docx parses it
        with zipfile.ZipFile(path) as archive:
            mb = too_big(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SourceError("not-docx", msg("source.not-docx", reason=type(exc).__name__)) from None
    if mb is not None:
        raise SourceError("too-large", msg("source.unpacks", mb=mb))
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a damaged file
        raise SourceError("not-docx", msg("source.not-docx", reason=type(exc).__name__)) from None
    from .wordnum import Numbering

    numbering = Numbering(document)
    lines: list[str] = []
    levels = _heading_levels(document)
    _docx_blocks(document.element.body, numbering, lines, levels)
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError("empty-file", msg("source.no-text"))
    return text


def _heading_levels(document: Any) -> dict[str, int]:
    """Paragraph style id -> heading level (Title 1, Heading N and 标题 N as N + 1, a style
    with an outline level): how Word marks a document's headings, whatever its language
    calls the style."""
    from docx.oxml.ns import qn

    levels: dict[str, int] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId")) or ""
        name_el = style.find(qn("w:name"))
        name = (name_el.get(qn("w:val")) if name_el is not None else "") or ""
        found = re.fullmatch(r"(?i)(?:heading|标题)\s*([1-6])", name.strip())
        outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if name.strip().lower() in ("title", "标题"):
            levels[style_id] = 1
        elif found:
            levels[style_id] = int(found.group(1)) + 1
        elif outline is not None and (outline.get(qn("w:val")) or "").isdigit():
            level = int(outline.get(qn("w:val")) or "9")
            if level < 6:
                levels[style_id] = level + 2
    return levels


def _heading_level(paragraph: Any, levels: dict[str, int]) -> int:
    from docx.oxml.ns import qn

    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return levels.get(style.get(qn("w:val")) or "", 0) if style is not None else 0


def _cell_text(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def _docx_blocks(
    container: Any, numbering: Any, lines: list[str], levels: dict[str, int] | None = None
) -> None:
    """Paragraphs and tables in document order: content controls (``w:sdt``) read
    through, each text box's paragraphs read once (Word stores a copy of the box for old
    readers, ``mc:Fallback``: skipped), a table inside a cell read once, as rows of its own
    after its cell's row. A heading paragraph is written as a Markdown heading of its
    level; a table as its rows (| a | b |), its first row set apart as the header."""
    from docx.oxml.ns import qn

    levels = levels or {}
    for block in container.iterchildren():
        tag = block.tag
        if tag == qn("w:p"):
            boxes: list[Any] = []
            text = _run_text(block, boxes)
            level = _heading_level(block, levels) if text.strip() else 0
            mark = "#" * min(level, 6) + " " if level else ""
            lines.append(mark + numbering.label(block) + text if text.strip() else text)
            for box in boxes:
                _docx_blocks(box, numbering, lines, levels)
        elif tag == qn("w:tbl"):
            rows = list(block.iterchildren(qn("w:tr")))
            if len(rows) < 2 or max(len(_cells(r)) for r in rows) < 2:
                _docx_rows(rows, numbering, lines, levels, piped=False)
                continue
            _docx_rows(rows, numbering, lines, levels, piped=True)
        elif tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")):
            _docx_blocks(block, numbering, lines, levels)


def _docx_rows(
    rows: list[Any], numbering: Any, lines: list[str], levels: dict[str, int], *, piped: bool
) -> None:
    """A table's rows: | a | b | (the header rule after the first) for a table of two
    rows and two columns or more; a one-cell frame or a single row as plain lines."""
    from docx.oxml.ns import qn

    if piped and _grouped_table(rows, lines):
        return
    for number, row in enumerate(rows):
        cells: list[str] = []
        nested: list[Any] = []
        for cell in _cells(row):
            parts: list[str] = []
            for child in _flat(cell):
                if child.tag == qn("w:tbl"):
                    nested.append(child)
                elif child.tag == qn("w:p"):
                    boxes: list[Any] = []
                    parts.append(_run_text(child, boxes))
            cells.append(" ".join(p for p in parts if p.strip()))
            cells += [""] * (_grid_span(cell) - 1)  # a cell across columns: theirs empty
        if piped:
            lines.append("| " + " | ".join(_cell_text(c) for c in cells) + " |")
            if number == 0:
                lines.append("| " + " | ".join("---" for _ in cells) + " |")
        else:
            lines.append(" ".join(c for c in cells if c))
        for table in nested:
            _docx_blocks_of([table], numbering, lines, levels)


def _grid_span(cell: Any) -> int:
    from docx.oxml.ns import qn

    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    said = span.get(qn("w:val")) if span is not None else None
    return int(said) if said and said.isdigit() and 1 <= int(said) <= 50 else 1


def _grouped_table(rows: list[Any], lines: list[str]) -> bool:
    """A table whose first column is one merged cell per group (a day over its clock
    rows; Word keeps the text in the merge's first cell, the cells below it empty),
    written as its groups (readers.group_rows); False, writing nothing, for any other
    table (or one holding a table in a cell, read row by row)."""
    from docx.oxml.ns import qn

    from .readers import group_rows, heading_under

    grid: list[list[str]] = []
    for row in rows:
        cells: list[str] = []
        for cell in _cells(row):
            parts: list[str] = []
            for child in _flat(cell):
                if child.tag == qn("w:tbl"):
                    return False
                if child.tag == qn("w:p"):
                    parts.append(_run_text(child, []))
            cells.append(_cell_text(" ".join(p for p in parts if p.strip())))
            cells += [""] * (_grid_span(cell) - 1)
        grid.append(cells)
    if not grid or any(re.search(r"\d", c) for c in grid[0]):
        return False
    grouped = group_rows(grid[0], grid[1:], heading_under(lines))
    if grouped is None:
        return False
    lines.extend(grouped)
    return True


def _docx_blocks_of(
    blocks: list[Any], numbering: Any, lines: list[str], levels: dict[str, int] | None = None
) -> None:
    class _Holder:
        def iterchildren(self) -> list[Any]:
            return blocks

    _docx_blocks(_Holder(), numbering, lines, levels)


def _cells(row: Any) -> list[Any]:
    """A row's cells, through content controls around them."""
    from docx.oxml.ns import qn

    out: list[Any] = []
    for child in row.iterchildren():
        if child.tag == qn("w:tc"):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            out += _cells(child)
    return out


def _flat(container: Any) -> list[Any]:
    """A cell's paragraphs and tables, through content controls."""
    from docx.oxml.ns import qn

    out: list[Any] = []
    for child in container.iterchildren():
        if child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            out += _flat(child)
        else:
            out.append(child)
    return out


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _run_text(paragraph: Any, boxes: list[Any]) -> str:
    """A paragraph's own text, a line break in it a new line; its text boxes' contents
    go to ``boxes`` (read once)."""
    from docx.oxml.ns import qn

    t_tag, tab, box_tag = qn("w:t"), qn("w:tab"), qn("w:txbxContent")
    breaks = (qn("w:br"), qn("w:cr"))
    parts: list[str] = []

    def visit(element: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == _MC_FALLBACK:
                continue
            if tag == box_tag:
                boxes.append(child)
                continue
            if tag == t_tag:
                parts.append(child.text or "")
            elif tag == tab:
                parts.append(" ")
            elif tag in breaks:  # Shift+Enter: never words run together (1. 倾听2. 提问);
                parts.append("\n")  # a list's lines kept (readers.broken_lines)
            else:
                visit(child)

    visit(paragraph)
    from .readers import broken_lines

    return "\n".join(broken_lines("".join(parts).split("\n"))) if "\n" in parts else "".join(parts)
