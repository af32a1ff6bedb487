"""A table of contents that is complete the moment the document opens.

``add_toc`` puts a real ``TOC \\o "1-2" \\h \\z \\u`` field in the document (``"1-3"`` for a
training plan, whose courses sit at level 3) with an empty result; ``fill_tocs`` (run by
``docx_out.document_bytes`` once the document is whole) writes the field's result as Word
itself would: one paragraph per listed heading in the ``toc 1`` … ``toc 3`` styles, each a
hyperlink to a ``_Toc…`` bookmark placed on its heading, ending in a ``PAGEREF`` field. No ``updateFields`` flag, so Word and WPS
open it without an "update fields?" prompt; it stays a field, so Word (F9) and
LibreOffice (the PDF conversion updates indexes) can refresh it.

The page-number slot is left empty. Before layout no one knows the pages: a guessed
number that is wrong is worse, in a document sent to a client, than no number; the
entries are links, so on screen they lead to their heading; the PDF gets real numbers
when LibreOffice updates the index, and Word's "update field" fills them in the .docx.
For the same reason the entries' right tab has no dot leader: dots leading to nothing
would look broken.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Pt
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

INSTRUCTION = 'TOC \\o "1-{levels}" \\h \\z \\u'
TOC_STYLES = ("toc 1", "toc 2", "toc 3")  # Word's built-in names (LibreOffice: Contents 1…)
_LEVELS = re.compile(r'\\o\s*"1-(\d)"')
BOOKMARK_BASE = 100_000_000  # _Toc100000001 …: Word's shape, numbered in order


def _run(*children: Any) -> Any:
    r = OxmlElement("w:r")
    for child in children:
        r.append(child)
    return r


def _fld_char(kind: str) -> Any:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def _instr(text: str) -> Any:
    el = OxmlElement("w:instrText")
    el.set(qn("xml:space"), "preserve")
    el.text = f" {text} "
    return el


def _text(text: str) -> Any:
    el = OxmlElement("w:t")
    el.set(qn("xml:space"), "preserve")
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


def ensure_toc_styles(document: Any) -> dict[str, str]:
    """Style ids of ``toc 1`` … ``toc 3``, added (indented 0.75 cm a level) when the
    template lacks them."""
    ids: dict[str, str] = {}
    by_name = {name.lower(): el for name, el in _paragraph_styles(document)}
    for level, name in enumerate(TOC_STYLES):
        found = by_name.get(name)
        if found is not None:
            ids[name] = found.get(qn("w:styleId"))
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
    found = []
    for element in document.styles.element.iterchildren(qn("w:style")):
        if element.get(qn("w:type"), "paragraph") != "paragraph":
            continue
        name = element.find(qn("w:name"))
        value = name.get(qn("w:val")) if name is not None else None
        if value is not None:
            found.append((BabelFish.internal2ui(value), element))
    return found


def _heading_levels(document: Any, deepest: int) -> dict[str, int]:
    names = {f"Heading {n}": n for n in range(1, deepest + 1)}
    return {
        element.get(qn("w:styleId")): names[name]
        for name, element in _paragraph_styles(document)
        if name in names
    }


def _deepest(field: Any) -> int:
    """The deepest heading level a TOC field lists (its ``\\o "1-N"`` switch)."""
    instruction = "".join(i.text or "" for i in field.iter(qn("w:instrText")))
    found = _LEVELS.search(instruction)
    return min(int(found.group(1)), len(TOC_STYLES)) if found else 2


def _empty_tocs(body: Any) -> list[Any]:
    """Paragraphs holding a TOC field whose result is still empty."""
    found = []
    for instr in body.iter(qn("w:instrText")):
        if not (instr.text or "").strip().upper().startswith("TOC"):
            continue
        p = instr.getparent().getparent()
        chars = [c.get(qn("w:fldCharType")) for c in p.iter(qn("w:fldChar"))]
        if chars[-2:] == ["separate", "end"] and not "".join(
            t.text or "" for t in p.iter(qn("w:t"))
        ):
            found.append(p)
    return found


def fill_tocs(document: Any) -> None:
    """Write every empty TOC field's entries from the document's headings."""
    body = document.element.body
    tocs = _empty_tocs(body)
    if not tocs:
        return
    levels = _heading_levels(document, max(_deepest(field) for field in tocs))
    headings = []
    w_p, p_pr, p_style, val = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
    # a styled paragraph's first w:pPr's first w:pStyle, in document order: far fewer
    # elements to visit than every paragraph (every table cell has one)
    for pstyle in body.iter(p_style):
        ppr = pstyle.getparent()
        p = ppr.getparent()
        if ppr.tag != p_pr or p is None or p.tag != w_p:
            continue
        if p.find(p_pr) is not ppr or ppr.find(p_style) is not pstyle:
            continue
        style = pstyle.get(val)
        if style in levels:
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text:
                headings.append((levels[style], text, p))
    styles = ensure_toc_styles(document)
    names = _bookmark(body, headings)
    # document.sections[-1] without its xpath over the whole body: the body's own w:sectPr
    sect_pr = body.find(qn("w:sectPr"))
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
    ids = [int(b.get(qn("w:id"))) for b in body.iter(qn("w:bookmarkStart"))]
    next_id = max(ids, default=0) + 1
    names = []
    for number, (_, _, p) in enumerate(headings, start=1):
        existing = [
            b.get(qn("w:name"))
            for b in p.findall(qn("w:bookmarkStart"))
            if (b.get(qn("w:name")) or "").startswith("_Toc")
        ]
        if existing:
            names.append(existing[0])
            continue
        name = f"_Toc{BOOKMARK_BASE + number}"
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(next_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(next_id))
        next_id += 1
        ppr = p.pPr
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)
        names.append(name)
    return names


def _entry_paragraph(style_id: str, width_twips: int) -> Any:
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), style_id)
    ppr.append(pstyle)
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(width_twips))
    tabs.append(tab)
    ppr.append(tabs)
    p.append(ppr)
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
    field_runs = list(field.findall(qn("w:r")))
    begin_runs, end_run = field_runs[:-1], field_runs[-1]  # begin, instr, separate | end
    previous = field
    paragraphs = []
    prototypes: dict[int, Any] = {}
    anchor, w_t, w_instr = qn("w:anchor"), qn("w:t"), qn("w:instrText")
    for (level, text, _), name in zip(headings, names, strict=True):
        prototype = prototypes.get(level)
        if prototype is None:  # an entry of this level, built once, then copied
            prototype = _entry_paragraph(styles[TOC_STYLES[level - 1]], width_twips)
            link = OxmlElement("w:hyperlink")
            link.set(anchor, "")
            link.set(qn("w:history"), "1")
            link.append(_run(_text("")))
            link.append(_run(OxmlElement("w:tab")))
            link.append(_run(_fld_char("begin")))
            link.append(_run(_instr("")))
            link.append(_run(_fld_char("separate")))
            link.append(_run(_fld_char("end")))
            prototype.append(link)
            prototypes[level] = prototype
        p = deepcopy(prototype)
        link = p[-1]
        link.set(anchor, name)
        next(link.iter(w_t)).text = text
        next(link.iter(w_instr)).text = f" PAGEREF {name} \\h "
        paragraphs.append(p)
    first, last = paragraphs[0], paragraphs[-1]
    first_link = first.find(qn("w:hyperlink"))
    for run in begin_runs:
        first_link.addprevious(run)  # the TOC field opens in the first entry, as in Word
    last.append(end_run)  # … and closes after the last
    for p in paragraphs:
        previous.addnext(p)
        previous = p
    field.getparent().remove(field)
