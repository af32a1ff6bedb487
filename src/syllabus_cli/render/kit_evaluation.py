"""课后评估表 / evaluation form: the course's own modules rated 1–5 for usefulness, then
content, instructor, organisation and overall; the plan's reaction-level evaluation
methods; three open questions with room to write; a QR code to the online form when the
pack gives ``evaluation_url``. Two A4 pages at most."""

from __future__ import annotations

import io
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .docx_base import row_flags
from .kit_common import (
    borderless,
    dates_text,
    facts,
    grid,
    heading_title,
    ruled_lines,
    start,
    text_width,
)
from .kit_values import KitCourse, label
from .wording import set_text

BOX = "□"
SCORES = ("1", "2", "3", "4", "5")
WIDTHS = (Cm(1.2), Cm(8.6), *(Cm(1.36),) * 5)
QR_SIZE = Cm(2.8)
ANSWER_LINES = 3


def evaluation_document(course: KitCourse) -> Any:
    document, styles = start(course, "evaluation")
    lang = course.language
    heading_title(styles, document, course, "evaluation")
    facts(
        styles,
        document,
        [
            [("project", set_text(course.project, lang)), ("instructor", course.instructor)],
            [("date", dates_text(course.dates, lang))],
        ],
        lang,
    )
    intro = styles.paragraph(document, label("eval-intro", lang))
    intro.paragraph_format.space_before = Pt(6)
    styles.paragraph(
        document,
        f"{label('eval-respondent', lang)}{label('colon', lang)}__________________"
        f"\u3000{label('department', lang)}{label('colon', lang)}__________________",
    )
    header = [label("no", lang), label("eval-item", lang), *SCORES]
    styles.paragraph(document, label("eval-modules", lang), "Heading 2", keep=True)
    rows = [
        [str(n), set_text(title, lang), *([BOX] * 5)]
        for n, title in enumerate(course.modules, start=1)
    ]
    grid(document, styles, header, rows, WIDTHS, center=(0, 2, 3, 4, 5, 6))
    styles.paragraph(document, label("eval-general", lang), "Heading 2", keep=True)
    general = ("eval-content", "eval-trainer", "eval-organisation", "eval-overall")
    rows = [[str(n), label(k, lang), *([BOX] * 5)] for n, k in enumerate(general, start=1)]
    grid(document, styles, header, rows, WIDTHS, center=(0, 2, 3, 4, 5, 6))
    if course.evaluation:
        styles.paragraph(document, label("eval-methods", lang), "Heading 2", keep=True)
        for line in course.evaluation:
            styles.paragraph(document, set_text(line, lang), "List Bullet")
    styles.paragraph(document, label("eval-open", lang), "Heading 2", keep=True)
    for n, key in enumerate(("eval-q1", "eval-q2", "eval-q3"), start=1):
        _question(document, styles, f"{n}. {label(key, lang)}")
    if course.evaluation_url:
        _qr(document, styles, course.evaluation_url, label("eval-qr", lang))
    return document


def _question(document: Any, styles: Any, text: str) -> None:
    """A question and its lines to write on, never parted by a page break: one row of a
    borderless table that may not split (LibreOffice does not always keep an empty
    ruled paragraph with the one before it)."""
    table = borderless(styles.table(document, 1, 1, (text_width(document),)))
    row = table.rows[0]
    row_flags(row)
    cell = row.cells[0]
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text)
    paragraph.paragraph_format.space_before = Pt(4)
    ruled_lines(styles, cell._tc, ANSWER_LINES)


def _qr(document: Any, styles: Any, url: str, caption: str) -> None:
    import segno  # only a pack with evaluation_url pays for it

    image = io.BytesIO()
    segno.make(url, error="m").save(image, kind="png", scale=8, border=2)
    image.seek(0)
    picture = styles.paragraph(document, keep=True)
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.space_before = Pt(8)
    picture.add_run().add_picture(image, width=QR_SIZE)
    text = styles.paragraph(document, caption, "Syllabus Meta")
    text.alignment = WD_ALIGN_PARAGRAPH.CENTER
