"""学员手册 / participants' workbook: a cover (course, project, dates, instructor, a line
for the owner's name), the agenda, then each module with its sections' points, cases,
tools and exercises, and ruled lines for notes after each module. Nothing the instructor
keeps for themself (``notes:``, ``facilitator:``) is in it: ``KitBlock`` does not carry it."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..agenda.settings import clock
from ..i18n import labels
from ..minutes import minutes_text
from .kit_common import dates_text, day_title, grid, page_break, ruled_lines, shade_rows, start
from .kit_values import KitBlock, KitCourse, aside, label
from .wording import set_text

NOTE_LINES = 6
AGENDA_WIDTHS = (Cm(3.0), Cm(10.3), Cm(3.3))


def workbook_document(course: KitCourse) -> Any:
    document, styles = start(course, "workbook")
    lang = course.language
    _cover(document, styles, course)
    page_break(styles, document)
    h = labels("agenda-doc", lang)
    styles.paragraph(document, label("wb-agenda", lang), "Heading 1", keep=True)
    for day in course.days:
        styles.paragraph(document, day_title(day.number, day.date, lang), "Heading 2", keep=True)
        rows = [
            [
                f"{clock(s.start)}–{clock(s.end)}",
                set_text(s.title + (h["cont"] if s.part and s.part > 1 else ""), lang),
                set_text(s.format, lang),
            ]
            for s in day.sessions
        ]
        table = grid(document, styles, [h["time"], h["topic"], h["format"]], rows, AGENDA_WIDTHS)
        shade_rows(table, [i for i, s in enumerate(day.sessions, start=1) if s.kind != "session"])
    page_break(styles, document)
    styles.paragraph(document, label("wb-outline", lang), "Heading 1", keep=True)
    blocks = course.blocks
    for n, block in enumerate(blocks):
        _block(document, styles, block, lang)
        last_of_module = n + 1 == len(blocks) or blocks[n + 1].depth == 1
        if last_of_module:
            notes = styles.paragraph(document, label("wb-notes", lang), "Syllabus Meta", keep=True)
            notes.paragraph_format.space_before = Pt(10)
            ruled_lines(styles, document, NOTE_LINES)
    return document


def _cover(document: Any, styles: Any, course: KitCourse) -> None:
    lang = course.language
    for _ in range(6):
        styles.paragraph(document)
    styles.title(document, set_text(course.name, lang))
    if course.subtitle:
        styles.paragraph(document, set_text(course.subtitle, lang), "Subtitle")
    styles.paragraph(document, label("workbook", lang), "Heading 1")
    for _ in range(3):
        styles.paragraph(document)
    colon = label("colon", lang)
    for key, value in (
        ("project", set_text(course.project, lang)),
        ("date", dates_text(course.dates, lang)),
        ("instructor", set_text(course.instructor, lang)),
    ):
        if value:
            styles.paragraph(document, f"{label(key, lang)}{colon}{value}")
    owner = styles.paragraph(document, f"{label('wb-owner', lang)}{colon}______________________")
    owner.paragraph_format.space_before = Pt(24)
    owner.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _block(document: Any, styles: Any, block: KitBlock, lang: str) -> None:
    level = min(block.depth, 3)
    title = set_text(block.title, lang)
    if block.minutes:
        title += aside(minutes_text(block.minutes, lang), lang)
    styles.paragraph(document, title, f"Heading {level + 1 if level < 3 else 3}", keep=True)
    for point in block.points:
        styles.paragraph(document, set_text(point, lang), "List Bullet")
    colon = label("colon", lang)
    for key, items in (
        ("wb-cases", block.cases),
        ("wb-tools", block.tools),
        ("wb-exercises", block.exercises),
    ):
        for item in items:
            styles.paragraph(
                document,
                f"【{label(key, lang)}】{set_text(item, lang)}"
                if lang == "zh"
                else f"{label(key, lang)}{colon}{item}",
                "Syllabus Case",
            )
