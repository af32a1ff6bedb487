"""A built Word document (python-docx) as an HTML page laid out like it: the cover, the
contents, headings, lists, cases set apart, tables with their shading, page breaks.

Why from the document and not a second renderer: the proposal and the training plan
are written once, by render/proposal.py and render/plan_docx.py; reading back what they
built means the preview can never say something the .docx does not (a heading, a
figure in the quote, a label). Pure: a document in, HTML text out.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..render import wml

_TBL = wml.w("tbl")
_TC, _TC_PR, _GRID_SPAN, _VMERGE, _SHD, _FILL = (
    wml.w("tc"),
    wml.w("tcPr"),
    wml.w("gridSpan"),
    wml.w("vMerge"),
    wml.w("shd"),
    wml.w("fill"),
)
_TR_PR, _TBL_HEADER = wml.w("trPr"), wml.w("tblHeader")
_BR, _TAB, _JC, _B, _SZ, _COLOR = (
    wml.w("br"),
    wml.w("tab"),
    wml.w("jc"),
    wml.w("b"),
    wml.w("sz"),
    wml.w("color"),
)

# a colour as Word writes it (RRGGBB); a template's other values never reach a style
_HEX = re.compile(r"[0-9A-Fa-f]{6}")

# Word style name → (HTML tag, class). Anything else is a plain paragraph.
_BLOCKS = {
    "Title": ("h1", "doc-title"),
    "Subtitle": ("p", "doc-subtitle"),
    "Heading 1": ("h2", "doc-h1"),
    "Heading 2": ("h3", "doc-h2"),
    "Heading 3": ("h4", "doc-h3"),
    "List Bullet": ("li", "doc-bullet"),
    "Syllabus Case": ("p", "doc-case"),
    "Syllabus Meta": ("p", "doc-meta"),
}


def _style_names(document: Any) -> dict[str, str]:
    """styleId → name for the document's paragraph styles."""
    names: dict[str, str] = {}
    for style in document.styles.element.iterchildren(wml.STYLE):
        sid = style.get(wml.STYLE_ID)
        name = style.find(wml.NAME)
        if sid and name is not None:
            value = name.get(wml.VAL, sid)
            # Word keeps built-in names in lower case ("heading 1"); python-docx shows them
            # capitalised, as render/ names them
            names[sid] = value[0].upper() + value[1:] if value.startswith("heading ") else value
    return names


def _style(p: Any, names: dict[str, str]) -> str:
    ppr = p.find(wml.PPR)
    if ppr is None:
        return "Normal"
    ps = ppr.find(wml.PSTYLE)
    return "Normal" if ps is None else names.get(ps.get(wml.VAL), ps.get(wml.VAL))


def _is_toc(p: Any) -> bool:
    return any((i.text or "").strip().startswith("TOC") for i in p.iter(wml.INSTR_TEXT))


def _runs(p: Any) -> tuple[str, bool]:
    """The paragraph's text as HTML (bold runs, sizes and colours kept, line breaks),
    and whether it ends a page."""
    out: list[str] = []
    page_break = False
    for r in p.iter(wml.R):
        if r.getparent().tag == wml.P or r.getparent().tag.endswith("}hyperlink"):
            pieces: list[str] = []
            for child in r:
                if child.tag == wml.T:
                    pieces.append(html.escape(child.text or ""))
                elif child.tag == _BR:
                    if child.get(wml.TYPE) == "page":
                        page_break = True
                    else:
                        pieces.append("<br>")
                elif child.tag == _TAB:
                    pieces.append(" ")
            text = "".join(pieces)
            if not text:
                continue
            rpr = r.find(wml.RPR)
            if rpr is not None:
                style = []
                sz = rpr.find(_SZ)
                if sz is not None and (sz.get(wml.VAL) or "").isdigit():
                    style.append(f"font-size:{int(sz.get(wml.VAL)) / 2:g}pt")
                color = rpr.find(_COLOR)
                if color is not None and _HEX.fullmatch(color.get(wml.VAL) or ""):
                    style.append(f"color:#{color.get(wml.VAL)}")
                if style:
                    text = f'<span style="{";".join(style)}">{text}</span>'
                bold = rpr.find(_B)
                if bold is not None and bold.get(wml.VAL) not in ("0", "false"):
                    text = f"<strong>{text}</strong>"
            out.append(text)
    return "".join(out), page_break


def _align(p: Any) -> str:
    ppr = p.find(wml.PPR)
    jc = ppr.find(_JC) if ppr is not None else None
    return " center" if jc is not None and jc.get(wml.VAL) == "center" else ""


def _table(tbl: Any, names: dict[str, str]) -> str:
    rows = []
    for tr in tbl.iterchildren(wml.TR):
        tr_pr = tr.find(_TR_PR)
        header = tr_pr is not None and tr_pr.find(_TBL_HEADER) is not None
        cells = []
        for tc in tr.iterchildren(_TC):
            tc_pr = tc.find(_TC_PR)
            attrs = ""
            if tc_pr is not None:
                vmerge = tc_pr.find(_VMERGE)
                if vmerge is not None and vmerge.get(wml.VAL) in (None, "continue"):
                    cells.append('<td class="merged"></td>')
                    continue
                span = tc_pr.find(_GRID_SPAN)
                if span is not None and (span.get(wml.VAL) or "1").isdigit():
                    attrs += f' colspan="{int(span.get(wml.VAL))}"'
                shd = tc_pr.find(_SHD)
                if shd is not None and _HEX.fullmatch(shd.get(_FILL) or ""):
                    attrs += f' style="background:#{shd.get(_FILL)}"'
            text = "<br>".join(t for t, _ in (_runs(p) for p in tc.iterchildren(wml.P)) if t)
            tag = "th" if header else "td"
            cells.append(f"<{tag}{attrs}>{text}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table class="doc-table">' + "".join(rows) + "</table>"


def document_html(document: Any) -> str:
    """The document's body as HTML: ``<div class="doc-page">`` per printed page break,
    the contents field as a list of links to the headings."""
    names = _style_names(document)
    body = document.element.body
    headings: list[tuple[int, str, str]] = []
    blocks: list[str] = []
    in_list = False
    toc_at: int | None = None
    for child in body.iterchildren():
        if child.tag == _TBL:
            if in_list:
                blocks.append("</ul>")
                in_list = False
            blocks.append(_table(child, names))
            continue
        if child.tag != wml.P:
            continue
        if _is_toc(child):
            toc_at = len(blocks)
            blocks.append("")
            continue
        style = _style(child, names)
        text, page_break = _runs(child)
        tag, css = _BLOCKS.get(style, ("p", "doc-p"))
        if tag == "li" and not in_list:
            blocks.append('<ul class="doc-list">')
            in_list = True
        elif tag != "li" and in_list:
            blocks.append("</ul>")
            in_list = False
        if text:
            anchor = ""
            if style.startswith("Heading "):
                number = len(headings) + 1
                headings.append((int(style[-1]), f"h{number}", text))
                anchor = f' id="h{number}"'
            blocks.append(f'<{tag}{anchor} class="{css}{_align(child)}">{text}</{tag}>')
        elif tag == "p" and not page_break:
            blocks.append('<p class="doc-gap"></p>')
        if page_break:
            if in_list:
                blocks.append("</ul>")
                in_list = False
            blocks.append('</div><div class="doc-page">')
    if in_list:
        blocks.append("</ul>")
    if toc_at is not None:
        items = "".join(
            f'<li class="toc-{level}"><a href="#{anchor}">{text}</a></li>'
            for level, anchor, text in headings
            if level <= 3
        )
        blocks[toc_at] = f'<ul class="doc-toc">{items}</ul>'
    return '<div class="doc-page">' + "".join(blocks) + "</div>"
