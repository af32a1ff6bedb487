"""The agenda in Word: one table per day (time · topic · format), a header row that
repeats on each page, rows that never split, breaks and lunch shaded.

``add_agenda`` adds the tables to any python-docx Document, so the proposal embeds the
very same tables as the standalone agenda document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.shared import Cm

from ..agenda.layout import BREAK, LUNCH, Agenda
from ..agenda.settings import clock
from ..duration import format_minutes
from .agenda_text import HEADERS, day_heading, topic
from .docx_base import Fonts, Styles, open_document, row_flags, set_a4, shade

WIDTHS = (Cm(3.0), Cm(10.3), Cm(3.3))
HEADER_FILL, PAUSE_FILL = "DCE6F0", "F2F2F2"


def add_agenda(
    document: Any, styles: Styles, agenda: Agenda, language: str, heading_level: int = 2
) -> None:
    h = HEADERS[language]
    heading_style = styles[f"Heading {heading_level}"]
    for day in agenda.days:
        if len(agenda.days) > 1 or day.date:
            date = day.date.isoformat() if day.date else None
            document.add_paragraph(day_heading(day.number, date, language), style=heading_style)
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
        for slot in day.slots:
            row = table.add_row()
            row_flags(row)
            texts = (f"{clock(slot.start)}–{clock(slot.end)}", topic(slot, language), slot.format)
            for cell, text, width in zip(row.cells, texts, WIDTHS, strict=True):
                cell.width = width
                cell.text = text
                if slot.kind in (BREAK, LUNCH):
                    shade(cell, PAUSE_FILL)
                    for run in cell.paragraphs[0].runs:
                        run.italic = True


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
    styles = Styles(document, fonts or Fonts(), restyle=template is None)
    if template is None:
        set_a4(document)
    h = HEADERS[language]
    document.add_paragraph(f"{agenda.title} · {h['agenda']}", style=styles["Title"])
    facts = [subtitle, f"{h['total']}: {format_minutes(agenda.teaching_minutes, language)}"]
    document.add_paragraph(" · ".join(f for f in facts if f), style=styles["Syllabus Meta"])
    add_agenda(document, styles, agenda, language)
    document.core_properties.title = f"{agenda.title} · {h['agenda']}"
    return document
