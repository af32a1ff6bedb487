"""The agenda in Word: one table per day (time · topic · format), a header row that
repeats on each page, rows that never split, breaks and lunch shaded.

``add_agenda`` adds the tables to any python-docx Document, so the proposal embeds the
very same tables as the standalone agenda document.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Cm

from ..agenda.layout import BREAK, LUNCH, Agenda
from ..agenda.settings import clock
from ..duration import format_minutes
from .agenda_text import HEADERS, day_heading, topic
from .docx_base import Fonts, Styles, open_document, row_flags, shade, styles_for

WIDTHS = (Cm(3.0), Cm(10.3), Cm(3.3))
HEADER_FILL, PAUSE_FILL = "DCE6F0", "F2F2F2"


def add_agenda(
    document: Any, styles: Styles, agenda: Agenda, language: str, heading_level: int = 2
) -> None:
    h = HEADERS[language]
    for day in agenda.days:
        if len(agenda.days) > 1 or day.date:
            date = day.date.isoformat() if day.date else None
            styles.paragraph(
                document, day_heading(day.number, date, language), f"Heading {heading_level}"
            )
        table = document.add_table(rows=1, cols=3, style=styles["Syllabus Table"])
        table.autofit = False
        for column, width in zip(table.columns, WIDTHS, strict=True):
            column.width = width  # the grid: what LibreOffice and WPS read
        header = table.rows[0]
        row_flags(header, header=True)
        for cell, text, width in zip(
            header.cells, (h["time"], h["topic"], h["format"]), WIDTHS, strict=True
        ):
            cell.width = width
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
            shade(cell, HEADER_FILL)
        session_row, pause_row = _prototype(table, pause=False), _prototype(table, pause=True)
        for slot in day.slots:
            texts = (f"{clock(slot.start)}–{clock(slot.end)}", topic(slot, language), slot.format)
            tr = deepcopy(pause_row if slot.kind in (BREAK, LUNCH) else session_row)
            for t, text in zip(tr.iter(qn("w:t")), texts, strict=True):
                t.text = text
            table._tbl.append(tr)


def _prototype(table: Any, *, pause: bool) -> Any:
    """A finished row (widths, flags, shading) taken out of the table, to copy per slot:
    copying one lxml row is far cheaper than python-docx building each cell."""
    row = table.add_row()
    row_flags(row)
    for cell, width in zip(row.cells, WIDTHS, strict=True):
        cell.width = width
        cell.text = "·"  # every cell gets its w:t, filled per slot
        if pause:
            shade(cell, PAUSE_FILL)
            cell.paragraphs[0].runs[0].italic = True
    tr = row._tr
    table._tbl.remove(tr)
    return tr


def agenda_document(
    agenda: Agenda,
    language: str,
    *,
    subtitle: str = "",
    template: Path | None = None,
    fonts: Fonts | None = None,
) -> Any:
    """A printable A4 agenda: title, a line of facts, then the day tables."""
    document = open_document(template)
    styles = styles_for(document, template, fonts or Fonts())  # our template is A4 already
    h = HEADERS[language]
    styles.paragraph(document, f"{agenda.title} · {h['agenda']}", "Title")
    facts = [subtitle, f"{h['total']}: {format_minutes(agenda.teaching_minutes, language)}"]
    styles.paragraph(document, " · ".join(f for f in facts if f), "Syllabus Meta")
    add_agenda(document, styles, agenda, language)
    document.core_properties.title = f"{agenda.title} · {h['agenda']}"
    return document
