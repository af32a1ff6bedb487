"""A table of contents that is complete the moment the document opens.

``add_toc`` puts a real ``TOC \\o "1-2" \\h \\z \\u`` field in the document (``"1-3"`` for a
training plan, whose courses sit at level 3) with an empty result; ``fill_tocs`` (run by
``docx_out.document_bytes`` once the document is whole) writes the field's result as Word
itself would: one paragraph per listed heading in the ``toc 1`` … ``toc 3`` styles, each a
hyperlink to a ``_Toc…`` bookmark placed on its heading, ending in a ``PAGEREF`` field. No ``updateFields`` flag, so Word and WPS
open it without an "update fields?" prompt; it stays a field, so Word (F9) and
LibreOffice (the PDF conversion updates indexes) can refresh it.

The page-number slot is left empty until a PDF is made in the same run: then
``number_toc`` writes the PDF's numbers into it. Before layout no one knows the pages: a guessed
number that is wrong is worse, in a document sent to a client, than no number; the
entries are links, so on screen they lead to their heading; the PDF gets real numbers
when LibreOffice updates the index, and Word's "update field" fills them in the .docx.
For the same reason the entries' right tab has no dot leader: dots leading to nothing
would look broken.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.section import Section
from docx.shared import Cm, Emu, Pt
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from lxml import etree  # type: ignore[import-untyped]  # no stubs; python-docx depends on it

from . import wml

INSTRUCTION = 'TOC \\o "1-{levels}" \\h \\z \\u'
TOC_STYLES = ("toc 1", "toc 2", "toc 3")  # Word's built-in names (LibreOffice: Contents 1…)
_LEVELS = re.compile(r'\\o\s*"1-(\d)"')
BOOKMARK_BASE = 100_000_000  # _Toc100000001 …: Word's shape, numbered in order
# every paragraph's first w:pPr's first w:pStyle, in document order (compiled once)
_FIRST_PSTYLES = etree.XPath(".//w:p/w:pPr[1]/w:pStyle[1]", namespaces={"w": wml.W})
_ANCHOR = wml.w("anchor")
# each paragraph style's name (no w:type is a paragraph style), in document order
_PARAGRAPH_STYLE_NAMES = etree.XPath(
    "w:style[not(@w:type) or @w:type='paragraph']/w:name[1]/@w:val", namespaces={"w": wml.W}
)


def _run(*children: Any) -> Any:
    r = wml.new("w:r")
    for child in children:
        r.append(child)
    return r


def _fld_char(kind: str) -> Any:
    el = wml.new("w:fldChar")
    el.set(wml.FLD_CHAR_TYPE, kind)
    return el


def _instr(text: str) -> Any:
    el = wml.new("w:instrText")
    el.set(wml.XML_SPACE, "preserve")
    el.text = f" {text} "
    return el


def _text(text: str) -> Any:
    el = wml.new("w:t")
    el.set(wml.XML_SPACE, "preserve")
    el.text = text
    return el


def add_toc(paragraph: Any, levels: int = 2) -> None:
    """The TOC field over Heading 1 … ``levels``, with an empty result until
    ``fill_tocs`` writes the entries."""
    p = paragraph._p
    p.append(_run(_fld_char("begin")))
    p.append(_run(_instr(INSTRUCTION.format(levels=levels))))
    p.append(_run(_fld_char("separate")))
    p.append(_run(_fld_char("end")))


def ensure_toc_styles(document: Any, styles: list[tuple[str, Any]] | None = None) -> dict[str, str]:
    """Style ids of ``toc 1`` … ``toc 3``, added (indented 0.75 cm a level) when the
    template lacks them. ``styles``: the document's ``_paragraph_styles``, when known."""
    ids: dict[str, str] = {}
    if styles is None:
        styles = _paragraph_styles(document)
    by_name = {name.lower(): el for name, el in styles}
    for level, name in enumerate(TOC_STYLES):
        found = by_name.get(name)
        if found is not None:
            ids[name] = found.get(wml.STYLE_ID)
            continue
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        normal = by_name.get("normal")
        style.base_style = StyleFactory(normal) if normal is not None else None
        style.paragraph_format.left_indent = Cm(0.75 * level)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.space_before = Pt(6 if level == 0 else 0)
        if level == 0:
            style.font.bold = True
        ids[name] = style.style_id
    return ids


def _paragraph_styles(document: Any) -> list[tuple[str, Any]]:
    """(UI name, element) of every named paragraph style, in document order: read from
    the XML (python-docx would make an object of every style for each lookup)."""
    return [  # w:style ← w:name ← @w:val
        (BabelFish.internal2ui(str(value)), value.getparent().getparent())
        for value in _PARAGRAPH_STYLE_NAMES(document.styles.element)
    ]


def _heading_levels(styles: list[tuple[str, Any]], deepest: int) -> dict[str, int]:
    names = {f"Heading {n}": n for n in range(1, deepest + 1)}
    return {element.get(wml.STYLE_ID): names[name] for name, element in styles if name in names}


def _deepest(field: Any) -> int:
    """The deepest heading level a TOC field lists (its ``\\o "1-N"`` switch)."""
    instruction = "".join(i.text or "" for i in field.iter(wml.INSTR_TEXT))
    found = _LEVELS.search(instruction)
    return min(int(found.group(1)), len(TOC_STYLES)) if found else 2


def _empty_tocs(body: Any) -> list[Any]:
    """Paragraphs holding a TOC field whose result is still empty."""
    found = []
    for instr in body.iter(wml.INSTR_TEXT):
        if not (instr.text or "").strip().upper().startswith("TOC"):
            continue
        p = instr.getparent().getparent()
        chars = [c.get(wml.FLD_CHAR_TYPE) for c in p.iter(wml.FLD_CHAR)]
        if chars[-2:] == ["separate", "end"] and not "".join(t.text or "" for t in p.iter(wml.T)):
            found.append(p)
    return found


def fill_tocs(document: Any) -> None:
    """Write every empty TOC field's entries from the document's headings."""
    body = document.element.body
    tocs = _empty_tocs(body)
    if not tocs:
        return
    paragraph_styles = _paragraph_styles(document)
    levels = _heading_levels(paragraph_styles, max(_deepest(field) for field in tocs))
    headings = []
    # a styled paragraph's first w:pPr's first w:pStyle, in document order: far fewer
    # elements to visit than every paragraph (every table cell has one)
    for pstyle in _FIRST_PSTYLES(body):
        level = levels.get(pstyle.get(wml.VAL))
        if level is not None:
            p = pstyle.getparent().getparent()
            text = "".join(t.text or "" for t in p.iter(wml.T)).strip()
            if text:
                headings.append((level, text, p))
    styles = ensure_toc_styles(document, paragraph_styles)
    names = _bookmark(body, headings)
    # document.sections[-1] without its xpath over the whole body: the body's own w:sectPr
    sect_pr = body.find(wml.SECT_PR)
    section: Any = Section(sect_pr, document.part) if sect_pr is not None else document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    for field in tocs:
        deepest = _deepest(field)
        listed = [(h, n) for h, n in zip(headings, names, strict=True) if h[0] <= deepest]
        _write_entries(
            field, [h for h, _ in listed], [n for _, n in listed], styles, int(Emu(width).twips)
        )


def _bookmark(body: Any, headings: list[tuple[int, str, Any]]) -> list[str]:
    """A ``_Toc…`` bookmark around each heading's text (reused when already there)."""
    ids = [int(b.get(wml.ID)) for b in body.iter(wml.BOOKMARK_START)]
    next_id = max(ids, default=0) + 1
    names = []
    for number, (_, _, p) in enumerate(headings, start=1):
        existing = [
            b.get(wml.NAME)
            for b in p.findall(wml.BOOKMARK_START)
            if (b.get(wml.NAME) or "").startswith("_Toc")
        ]
        if existing:
            names.append(existing[0])
            continue
        name = f"_Toc{BOOKMARK_BASE + number}"
        start = wml.new("w:bookmarkStart")
        start.set(wml.ID, str(next_id))
        start.set(wml.NAME, name)
        end = wml.new("w:bookmarkEnd")
        end.set(wml.ID, str(next_id))
        next_id += 1
        ppr = p.find(wml.PPR)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)
        names.append(name)
    return names


@functools.lru_cache(maxsize=64)
def _entry_prototype(style_id: str, width_twips: int) -> Any:
    """A TOC entry in a ``toc N`` style, its page number at a right tab: a hyperlink
    holding the heading's text, a tab and a ``PAGEREF`` field, each filled per entry.
    Built once per process, then copied."""
    p = wml.new("w:p")
    ppr = wml.new("w:pPr")
    pstyle = wml.new("w:pStyle")
    pstyle.set(wml.VAL, style_id)
    ppr.append(pstyle)
    tabs = wml.new("w:tabs")
    tab = wml.new("w:tab")
    tab.set(wml.VAL, "right")
    tab.set(wml.w("pos"), str(width_twips))
    tabs.append(tab)
    ppr.append(tabs)
    p.append(ppr)
    link = wml.new("w:hyperlink")
    link.set(_ANCHOR, "")
    link.set(wml.w("history"), "1")
    link.append(_run(_text("")))
    link.append(_run(wml.new("w:tab")))
    link.append(_run(_fld_char("begin")))
    link.append(_run(_instr("")))
    link.append(_run(_fld_char("separate")))
    link.append(_run(_fld_char("end")))
    p.append(link)
    return p


def _write_entries(
    field: Any,
    headings: list[tuple[int, str, Any]],
    names: list[str],
    styles: dict[str, str],
    width_twips: int,
) -> None:
    if not headings:
        return  # nothing to list: the empty field stays, ready for an update
    field_runs = list(field.findall(wml.R))
    begin_runs, end_run = field_runs[:-1], field_runs[-1]  # begin, instr, separate | end
    previous = field
    paragraphs = []
    for (level, text, _), name in zip(headings, names, strict=True):
        p = wml.copy(_entry_prototype(styles[TOC_STYLES[level - 1]], width_twips))
        link = p[-1]
        link.set(_ANCHOR, name)
        next(link.iter(wml.T)).text = text
        next(link.iter(wml.INSTR_TEXT)).text = f" PAGEREF {name} \\h "
        paragraphs.append(p)
    first, last = paragraphs[0], paragraphs[-1]
    first_link = first.find(wml.w("hyperlink"))
    for run in begin_runs:
        first_link.addprevious(run)  # the TOC field opens in the first entry, as in Word
    last.append(end_run)  # … and closes after the last
    for p in paragraphs:
        previous.addnext(p)
        previous = p
    field.getparent().remove(field)


# --- page numbers, once a PDF of the document exists --------------------------------

_DOCUMENT_XML = "word/document.xml"
_PAGE_AT_END = re.compile(r"(?:[.…·]{3,}|\s{2,}|\t)\s*(\d{1,4})\s*$")


def pdf_toc_pages(pdf: bytes, entries: int) -> list[int] | None:
    """The page numbers the PDF's contents page gives its ``entries`` lines (LibreOffice
    lays the TOC out when it converts), read in order from the first page that lists
    any; None when they cannot be read or do not match the count."""
    import io

    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(pdf))
        numbers: list[int] = []
        for page in reader.pages:
            found = [
                int(m.group(1))
                for line in (page.extract_text() or "").splitlines()
                if (m := _PAGE_AT_END.search(line))
            ]
            if not found and numbers:
                break  # past the contents pages
            numbers += found
            if len(numbers) >= entries:
                break
    except Exception:  # a PDF pypdf cannot read: the .docx keeps its F9 numbers
        return None
    if len(numbers) != entries or numbers != sorted(numbers):
        return None
    return numbers


def toc_entries(docx: bytes) -> int:
    """How many entries the .docx's filled TOC lists (its PAGEREF fields)."""
    root = _document_root(docx)
    return len(_pagerefs(root)) if root is not None else 0


def number_toc(docx: bytes, pdf: bytes) -> bytes | None:
    """The .docx with its contents page numbered as the PDF made from it is: each
    entry's ``PAGEREF`` result set to the PDF's number (Word and WPS still update it on
    F9). None when the PDF's contents page cannot be matched to the entries."""
    import io
    import zipfile

    root = _document_root(docx)
    if root is None:
        return None
    refs = _pagerefs(root)
    if not refs:
        return None
    numbers = pdf_toc_pages(pdf, len(refs))
    if numbers is None:
        return None
    for end_run, number in zip(refs, numbers, strict=True):
        end_run.addprevious(_run(_text(str(number))))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = xml if info.filename == _DOCUMENT_XML else source.read(info)
            out.writestr(info, data)
    return buffer.getvalue()


def _document_root(docx: bytes) -> Any:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            return etree.fromstring(archive.read(_DOCUMENT_XML))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return None


def _pagerefs(root: Any) -> list[Any]:
    """The closing run of every TOC entry's empty ``PAGEREF _Toc…`` field, in order."""
    found = []
    for instr in root.iter(wml.INSTR_TEXT):
        if not (instr.text or "").strip().startswith("PAGEREF _Toc"):
            continue
        run = instr.getparent()
        separate = run.getnext()
        end = separate.getnext() if separate is not None else None
        char = end.find(wml.FLD_CHAR) if end is not None else None
        if char is not None and char.get(wml.FLD_CHAR_TYPE) == "end":
            found.append(end)
    return found
