"""讲师手册 / the instructor's run sheet, A4 landscape: per day every slot with its clock
times, minutes, the day's teaching time so far, the format, the materials and tools it
needs and the instructor's own ``notes:`` and ``facilitator:`` text; then the day's
materials checklist (the plan's equipment and materials, the sections' tools)."""

from __future__ import annotations

from typing import Any

from docx.shared import Cm, Emu, Pt

from ..agenda.settings import clock
from ..minutes import minutes_text
from .docx_base import row_flags
from .kit_common import (
    borderless,
    day_title,
    facts,
    grid,
    heading_title,
    page_break,
    shade_rows,
    start,
    text_width,
    tight,
)
from .kit_values import KitCourse, aside, label
from .wording import set_text

WIDTHS = (Cm(2.5), Cm(1.3), Cm(1.3), Cm(7.2), Cm(3.1), Cm(3.6), Cm(6.3))  # 25.3 cm: A4 across
BOX = "□"


CHECK_COLUMNS = 4  # a day's checklist side by side: it fits under a short day's table


def _checklist(document: Any, styles: Any, items: list[str]) -> None:
    width = Emu(int(text_width(document) / CHECK_COLUMNS))
    count = -(-len(items) // CHECK_COLUMNS)
    table = borderless(styles.table(document, count, CHECK_COLUMNS, (width,) * CHECK_COLUMNS))
    for row in table.rows:
        row_flags(row)
    for n, item in enumerate(items):
        paragraph = table.rows[n // CHECK_COLUMNS].cells[n % CHECK_COLUMNS].paragraphs[0]
        tight(paragraph)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(item)


def runsheet_document(course: KitCourse) -> Any:
    document, styles = start(course, "runsheet", landscape=True)
    lang = course.language
    heading_title(styles, document, course, "runsheet")
    facts(
        styles,
        document,
        [
            [("project", set_text(course.project, lang)), ("instructor", course.instructor)],
            [("venue", set_text(course.venue, lang))],
        ],
        lang,
    )
    header = [
        label(k, lang)
        for k in (
            "rs-time",
            "rs-minutes",
            "rs-cumulative",
            "rs-session",
            "rs-format",
            "rs-materials",
            "rs-notes",
        )
    ]
    sep = "、" if lang == "zh" else ", "
    for n, day in enumerate(course.days):
        if n:
            page_break(styles, document)
        styles.paragraph(document, day_title(day.number, day.date, lang), "Heading 2", keep=True)
        taught = f"{label('rs-teaching', lang)}{label('colon', lang)}{minutes_text(day.teaching_minutes, lang)}"
        styles.paragraph(document, taught, "Syllabus Meta", keep=True)
        rows = []
        pauses = []
        for i, s in enumerate(day.sessions, start=1):
            title = set_text(s.title, lang)
            if s.part:
                title += aside(label("rs-part", lang, n=s.part), lang)
            if s.kind != "session":
                pauses.append(i)
            rows.append(
                [
                    f"{clock(s.start)}–{clock(s.end)}",
                    str(s.minutes),
                    f"{s.cumulative // 60}:{s.cumulative % 60:02d}" if s.kind == "session" else "",
                    title,
                    set_text(s.format, lang),
                    sep.join(set_text(m, lang) for m in s.materials),
                    "\n".join(set_text(t, lang) for t in s.notes),
                ]
            )
        table = grid(document, styles, header, rows, WIDTHS, center=(1,))
        shade_rows(table, pauses)
        if day.checklist:
            styles.paragraph(document, label("rs-checklist", lang), "Heading 3", keep=True)
            _checklist(document, styles, [f"{BOX} {set_text(i, lang)}" for i in day.checklist])
    return document
