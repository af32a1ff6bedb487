"""The training plan's tables: the template's table style, a shaded header row that
repeats on each page, rows that never split."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docx.shared import Cm

from .docx_base import row_flags, shade

if TYPE_CHECKING:
    from .proposal import Writer

HEADER_FILL = "DCE6F0"


def table(
    w: Writer, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Any:
    """A table in the template's table style: a shaded header row that repeats on each
    page, rows that never split across pages."""
    grid = w.doc.add_table(rows=1, cols=len(header), style=w.styles["Syllabus Table"])
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    row_flags(grid.rows[0], header=True)
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        shade(cell, HEADER_FILL)
    for values in rows:
        row = grid.add_row()
        row_flags(row)
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    for row in grid.rows:  # Word reads the column widths, LibreOffice each cell's
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    return grid
