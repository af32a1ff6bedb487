"""The agenda in Word: a heading and a table per day (time · topic · format), a header
row that repeats on each page, rows that never split, breaks and lunch shaded, small
tables kept on one page.

``add_agenda`` adds the tables to any python-docx Document, so the proposal embeds the
very same tables as the standalone agenda document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor

from ..agenda.layout import BREAK, LUNCH, Agenda
from ..agenda.settings import clock
from ..i18n import labels
from ..minutes import minutes_text
from . import wml
from .agenda_text import day_heading, topic
from .docx_base import Fonts, Styles, keep_table, open_document, row_flags, shade, styles_for
from .docx_out import Properties, set_properties
from .wording import facts_gap, labelled, set_text

WIDTHS = (Cm(3.0), Cm(10.3), Cm(3.3))
HEADER_FILL, PAUSE_FILL, PAUSE_TEXT = "DCE6F0", "F2F2F2", "52606D"


def add_agenda(
    document: Any,
    styles: Styles,
    agenda: Agenda,
    language: str,
    heading: Callable[[str], Any] | None = None,
) -> None:
    """A heading per day (``第1天 · 2026年12月8日（星期二）``), then the day's table.
    ``heading`` writes a day's heading (default: Heading 2), so a document that nests the
    agenda deeper (a course inside a training plan) keeps its levels."""
    h = labels("agenda-doc", language)
    empty_table: Any = None
    session_row: Any = None
    pause_row: Any = None
    for day in agenda.days:
        title = day_heading(day.number, day.date, language)
        if heading is None:
            styles.paragraph(document, title, "Heading 2", keep=True)
        else:
            heading(title)
        if empty_table is None:  # a day's table is built once per process, then copied
            key = (table_style_id(document, styles["Syllabus Table"]), language)
            cached = _TABLES.get(key)
            if cached is None:
                cached = _TABLES[key] = _empty_table(document, styles, h)
            empty_table, session_row, pause_row = cached
        tbl = wml.copy(empty_table)
        styles.place(document, tbl)
        for slot in day.slots:
            texts = (
                f"{clock(slot.start)}–{clock(slot.end)}",
                set_text(topic(slot, language), language),
                set_text(slot.format, language),
            )
            tr = wml.copy(pause_row if slot.kind in (BREAK, LUNCH) else session_row)
            for t, text in zip(tr.iter(wml.T), texts, strict=True):
                t.text = text
            tbl.append(tr)
        keep_table(tbl)


_DEFAULT, _ON = wml.w("default"), ("1", "true", "on")  # ST_OnOff's true values


def table_style_id(document: Any, style: Any) -> str | None:
    """The ``w:tblStyle`` python-docx writes for a table in ``style``: its id, or None
    for the template's default table style (the last ``w:default`` one). What
    ``document.styles._get_style_id_from_style`` says, without compiling an XPath over
    every style (0.1 ms a document)."""
    if style.type != WD_STYLE_TYPE.TABLE:  # python-docx refuses it: raises ValueError
        document.styles._get_style_id_from_style(style, WD_STYLE_TYPE.TABLE)
    default = None
    for element in document.styles.element.iterchildren(wml.STYLE):
        if element.get(wml.TYPE) == "table" and element.get(_DEFAULT) in _ON:
            default = element
    return None if default is style.element else style.style_id


# per process: (table style id, language) -> (a day's table with only its header row, a
# session row, a pause row), built once by python-docx and then copied
_TABLES: dict[tuple[str | None, str], tuple[Any, Any, Any]] = {}


def _empty_table(document: Any, styles: Styles, h: dict[str, str]) -> tuple[Any, Any, Any]:
    """A day's table with its header row, and the two kinds of row, built in a scratch
    table of ``document`` (removed again): the same elements whatever the document."""
    table = styles.table(document, 1, 3, WIDTHS)
    header = table.rows[0]
    row_flags(header, header=True)
    for cell, text, width in zip(
        header.cells, (h["time"], h["topic"], h["format"]), WIDTHS, strict=True
    ):
        cell.width = width
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        tight(cell.paragraphs[0])
        shade(cell, HEADER_FILL)
    session_row, pause_row = _prototype(table, pause=False), _prototype(table, pause=True)
    table._tbl.getparent().remove(table._tbl)
    return table._tbl, session_row, pause_row


def tight(paragraph: Any) -> None:
    """No paragraph spacing inside a cell (the cell margins give the air): LibreOffice
    and WPS ignore the table style's paragraph settings."""
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)


def _prototype(table: Any, *, pause: bool) -> Any:
    """A finished row (widths, flags, shading) taken out of the table, to copy per slot:
    copying one lxml row is far cheaper than python-docx building each cell. Breaks and
    lunch are shaded and grey — never italic, which Chinese fonts only fake."""
    row = table.add_row()
    row_flags(row)
    for cell, width in zip(row.cells, WIDTHS, strict=True):
        cell.width = width
        cell.text = "·"  # every cell gets its w:t, filled per slot
        tight(cell.paragraphs[0])
        if pause:
            shade(cell, PAUSE_FILL)
            cell.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(PAUSE_TEXT)
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
    client: str = "",
    author: str = "",
    venue: str = "",
    company: str = "",
) -> Any:
    """A printable A4 agenda: title, a line of facts (client, venue, instructor, the
    teaching time), then the days; write it with ``docx_out.document_bytes``.
    ``author``: the instructor; ``company``: the supplier."""
    document = open_document(template)
    styles = styles_for(document, template, fonts or Fonts())  # our template is A4 already
    if language == "zh":
        styles.no_italic()
    h = labels("agenda-doc", language)
    title = f"{set_text(agenda.title, language)} · {h['agenda']}"
    styles.title(document, title)
    facts = [
        set_text(subtitle, language),
        labelled(h["total"], minutes_text(agenda.teaching_minutes, language), language),
    ]
    styles.paragraph(document, " · ".join(f for f in facts if f), "Syllabus Meta")
    said = labels("agenda-head", language)
    who = [
        labelled(said[key], set_text(value, language), language)
        for key, value in (("client", client), ("venue", venue), ("instructor", author))
        if value
    ]
    if who:  # who it is for, where and by whom: what a participant looks for first
        styles.paragraph(document, facts_gap(language).join(who), "Syllabus Meta")
    add_agenda(document, styles, agenda, language)
    set_properties(
        document,
        Properties(
            title=title,
            subject=h["agenda"],
            author=author,
            company=company,
            keywords=client,
            language="zh-CN" if language == "zh" else "en-US",
        ),
    )
    return document
