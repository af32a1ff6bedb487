"""What every delivery-kit document shares: the user's template (or ours) with Chinese
fonts made safe, the page, a title with a line of facts, tables whose header repeats and
whose rows never split, ruled lines to write on, dates with their weekday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..dates import format_date
from ..i18n import labels
from . import wml
from .docx_base import Fonts, Styles, open_document, row_flags, shade, styles_for
from .docx_out import Properties, set_properties
from .kit_values import KitCourse, label
from .wording import facts_gap, set_text

HEADER_FILL = "DCE6F0"


def start(course: KitCourse, kind: str, *, landscape: bool = False) -> tuple[Any, Styles]:
    """A new document of ``kind`` (signin, evaluation…) for ``course``: its template,
    fonts, properties, and the page turned when asked."""
    document = open_document(course.template)
    styles = styles_for(document, course.template, Fonts())
    if course.language == "zh":
        styles.no_italic()
    if landscape:
        for section in document.sections:
            if section.orientation != WD_ORIENT.LANDSCAPE:
                section.orientation = WD_ORIENT.LANDSCAPE
                section.page_width, section.page_height = (
                    section.page_height,
                    section.page_width,
                )
    name = label(kind, course.language)
    set_properties(
        document,
        Properties(
            title=f"{course.name} · {name}",
            subject=name,
            author=course.instructor,
            company=course.client,
            keywords=course.project,
        ),
    )
    return document, styles


def text_width(document: Any) -> Any:
    section = document.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def kit_date(date: dt.date, language: str) -> str:
    """``2026年12月8日（星期二）``: the weekday in full-width brackets in Chinese, as a
    printed Chinese form writes it (the shared ``format_date`` keeps ASCII ones)."""
    text = format_date(date, language)
    return text.replace("(", "（").replace(")", "）") if language == "zh" else text


def dates_text(dates: Sequence[dt.date], language: str) -> str:
    """``2026年12月8日（星期二）、2026年12月9日（星期三）`` / ``Tue 8 Dec 2026, Wed …``;
    a blank to fill in for an undated course."""
    if not dates:
        return "____年____月____日" if language == "zh" else "____________"
    return ("、" if language == "zh" else ", ").join(kit_date(d, language) for d in dates)


def day_title(number: int, date: dt.date | None, language: str) -> str:
    """``第1天 · 2026年12月8日（星期二）`` / ``Day 1 · Tue 8 Dec 2026``."""
    head = labels("agenda-doc", language)["day"].format(n=number)
    return f"{head} · {kit_date(date, language)}" if date else head


def day_date(date: dt.date | None, language: str) -> str:
    return dates_text([date] if date else [], language)


def facts(
    styles: Styles,
    document: Any,
    lines: Sequence[Sequence[tuple[str, str]]],
    language: str,
) -> None:
    """Labelled facts, a few to a line: ``项目：…　　课程：…`` (empty values left out)."""
    gap = facts_gap(language)
    colon = label("colon", language)
    for pairs in lines:
        shown = [
            f"{label(key, language)}{colon}{set_text(value, language)}"
            for key, value in pairs
            if value
        ]
        if shown:
            paragraph = styles.paragraph(document, gap.join(shown), "Syllabus Meta")
            paragraph.paragraph_format.space_after = Pt(3)


def heading_title(styles: Styles, document: Any, course: KitCourse, kind: str) -> None:
    """The document's title: ``电商客服销售能力提升 · 签到表``."""
    styles.title(
        document, f"{set_text(course.name, course.language)} · {label(kind, course.language)}"
    )


def tight(paragraph: Any) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)


def grid(
    document: Any,
    styles: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[Any],
    *,
    height: Any = None,
    center: Sequence[int] = (),
    middle: bool = False,
    caption: str = "",
) -> Any:
    """A table: a shaded header row that repeats on every page, rows that never split
    (at least ``height`` tall when given), columns ``center`` centred, text in the
    middle of its cell when ``middle`` (a tall row to sign in); ``caption`` a line
    above the header that repeats with it (a loose page still says its course and
    day). A body row is
    built once by python-docx and copied for every row (python-docx building each cell
    made a 40-person sign-in sheet a tenth of a second)."""
    table = styles.table(document, 2 if caption else 1, len(header), tuple(widths))
    if caption:
        _caption_row(table.rows[0], caption)
    head = table.rows[-1]
    row_flags(head, header=True)
    for cell, value, width in zip(head.cells, header, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        tight(paragraph)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(value).bold = True
        shade(cell, HEADER_FILL)
    prototype = table.add_row()
    row_flags(prototype)
    if height is not None:
        prototype.height = height
        prototype.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for c, (cell, width) in enumerate(zip(prototype.cells, widths, strict=True)):
        cell.width = width
        if middle:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        tight(paragraph)
        if c in center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("·")  # every cell's w:r and w:t, filled per row
    tr = prototype._tr
    tbl = table._tbl
    tbl.remove(tr)
    for values in rows:
        row = wml.copy(tr)
        for t, value in zip(list(row.iter(wml.T)), values, strict=True):
            _fill(t, value)
        tbl.append(row)
    return table


def _caption_row(row: Any, text: str) -> None:
    """One cell across the table, no rules but the header's, small grey text."""
    row_flags(row, header=True)
    cell = row.cells[0].merge(row.cells[-1])
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "right"):
        borders.append(rule(side, "nil"))
    cell._tc.get_or_add_tcPr().append(borders)
    paragraph = cell.paragraphs[0]
    tight(paragraph)
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _fill(t: Any, value: str) -> None:
    """A cell's text; its lines as Word breaks them (``w:br`` inside the run)."""
    lines = value.split("\n")
    t.text = lines[0]
    if lines[0] != lines[0].strip():
        t.set(wml.XML_SPACE, "preserve")
    run = t.getparent()
    for line in lines[1:]:
        run.append(wml.new("w:br"))
        more = wml.new("w:t")
        more.text = line
        run.append(more)


def ruled_lines(styles: Styles, document: Any, count: int, *, height_cm: float = 0.9) -> None:
    """``count`` empty lines with a rule under each: room to write by hand, kept on one
    page with the paragraph before them."""
    for n in range(count):
        paragraph = styles.paragraph(document, keep=n < count - 1)
        fmt = paragraph.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(0)
        fmt.line_spacing = Cm(height_cm)
        ppr = paragraph._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        # paragraphs with the same borders are one group to Word and LibreOffice: its
        # bottom rule is drawn once, "between" rules separate the lines inside it
        for side in ("bottom", "between"):
            borders.append(rule(side, "single", size=4, space=1, color="A0A8B0"))
        ppr.insert_element_before(borders, *_AFTER_PBDR)


# what follows w:pBdr in a w:pPr (the schema's order, which Word insists on)
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def rule(side: str, kind: str, *, size: int = 0, space: int = 0, color: str = "") -> Any:
    """One side of a border (``w:bottom``, ``w:top``…): ``kind`` single, double or nil,
    ``size`` in eighths of a point, ``space`` in points from the text or page edge."""
    element = OxmlElement(f"w:{side}")
    element.set(qn("w:val"), kind)
    if kind != "nil":
        for key, value in (("w:sz", size), ("w:space", space)):
            element.set(qn(key), str(value))
        if color:
            element.set(qn("w:color"), color)
    return element


def borderless(table: Any) -> Any:
    """``table`` without any rule: a layout grid, not a table to read across."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(rule(side, "nil"))
    table._tbl.tblPr.append(borders)
    return table


def shade_rows(table: Any, rows: Sequence[int], fill: str = "F2F2F2") -> None:
    """Breaks and lunch in grey, as the agenda shows them."""
    for r in rows:
        for cell in table.rows[r].cells:
            shade(cell, fill)


def page_break(styles: Styles, document: Any) -> None:
    paragraph = styles.paragraph(document)
    paragraph.add_run().add_break(WD_BREAK.PAGE)
