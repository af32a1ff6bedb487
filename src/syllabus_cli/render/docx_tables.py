"""How tables flow over pages: rows never split, a header row repeats, a short table
stays on one page, a long one never leaves a row alone; cell margins and shading."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import wml

CELL_MARGINS = {"top": 60, "left": 108, "bottom": 60, "right": 108}  # twips


def cell_margins() -> Any:
    margins = OxmlElement("w:tblCellMar")
    for side, twips in CELL_MARGINS.items():
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    return margins


def shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def keep_next(row_or_paragraphs: Any) -> None:
    """Keep with the next paragraph: on a paragraph, or on every paragraph of a table row
    (how Word keeps rows together)."""
    tr = getattr(row_or_paragraphs, "_tr", None)
    paragraphs = tr.iter(wml.P) if tr is not None else [row_or_paragraphs._p]
    for p in paragraphs:
        ppr = p.find(wml.PPR)
        if ppr is None:
            ppr = wml.new("w:pPr")
            p.insert(0, ppr)
        if ppr.find(wml.KEEP_NEXT) is not None:
            continue
        flag = wml.new("w:keepNext")
        style = ppr.find(wml.PSTYLE)
        if style is not None:
            style.addnext(flag)  # the schema's order: pStyle, keepNext, …
        else:
            ppr.insert(0, flag)


SMALL_TABLE = 12  # rows: a table this short is kept on one page


def keep_table(table_element: Any) -> None:
    """A small table stays on one page; a long one keeps its header with two rows and
    its last two rows together, so no page holds a lone row (rows never split, and the
    header row repeats: ``row_flags``)."""
    rows = table_element.findall(wml.TR)
    chosen = rows[:-1] if len(rows) <= SMALL_TABLE else [*rows[:2], rows[-2]]
    for tr in chosen:
        keep_next(_RowView(tr))


class _RowView:
    def __init__(self, tr: Any) -> None:
        self._tr = tr


def row_flags(row: Any, *, header: bool = False) -> None:
    """Rows never split across pages; a header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)
    if header:
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        tr_pr.append(flag)
