"""结业证书 / certificates: one A4-landscape page per person on the roster (none without
one), framed: the title, the name, the course with its hours and dates, who issues it
and the instructor, and a certificate number that stays the same in every rebuild."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from ..minutes import minutes_text
from . import wml
from .kit_common import dates_text, rule, start
from .kit_values import KitCourse, label
from .wording import balanced_lines, set_text

ACCENT = RGBColor(0x8A, 0x4B, 0x08)
NAME, NUMBER = "\u2060NAME\u2060", "\u2060NUMBER\u2060"  # placeholders no one types


def certificates_document(course: KitCourse) -> Any:
    document, styles = start(course, "certificates", landscape=True)
    lang = course.language
    section = document.sections[0]
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(3.0))
    section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.0)
    _frame(section)
    for footer in section._sectPr.findall(wml.w("footerReference")):
        section._sectPr.remove(footer)  # no page numbers on a certificate
    colon = label("colon", lang)
    body = label(
        "cert-body",
        lang,
        course=set_text(course.title, lang),
        hours=minutes_text(course.minutes, lang),
        dates=dates_text(course.dates, lang),
    )
    issuer = course.supplier or course.instructor
    if not course.people:
        return document
    # the first page is built once, with placeholders; every person's page is a copy
    before = set(document.element.body)
    title = _centred(styles, document, label("cert-title", lang), 34, bold=True, color=ACCENT)
    title.paragraph_format.space_before = Pt(36)  # the page's middle, not its top
    title.paragraph_format.space_after = Pt(30)
    _centred(styles, document, label("cert-line", lang), 14)
    name = _centred(styles, document, NAME, 28, bold=True)
    name.paragraph_format.space_before = Pt(10)
    name.paragraph_format.space_after = Pt(14)
    # one line when it fits the page (balanced_lines keeps 8 % spare), else even lines
    width = Emu(section.page_width - section.left_margin - section.right_margin).pt
    text = _centred(styles, document, "\n".join(balanced_lines(body, width / 14 / 0.92)), 14)
    text.paragraph_format.space_after = Pt(48)
    for key, value in (
        ("cert-issued", issuer if issuer != course.instructor else ""),
        ("instructor", course.instructor),
        ("cert-number", NUMBER),
    ):
        if value:
            line = styles.paragraph(document, f"{label(key, lang)}{colon}{set_text(value, lang)}")
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            line.paragraph_format.space_after = Pt(4)
    body_element = document.element.body
    page = [el for el in body_element if el not in before and el.tag == wml.P]
    for el in page:
        body_element.remove(el)
    title.paragraph_format.page_break_before = True
    for n, person in enumerate(course.people):
        for el in page:
            copy = wml.copy(el)
            if el is title._p and n == 0:  # the first page starts where the document does
                ppr = copy.find(wml.PPR)
                flag = ppr.find(wml.w("pageBreakBefore")) if ppr is not None else None
                if flag is not None:
                    ppr.remove(flag)
            if el is name._p:
                _size(copy, _name_size(person.name, width))
            for t in copy.iter(wml.T):
                if t.text and NAME in t.text:
                    t.text = t.text.replace(NAME, set_text(person.name, lang))
                if t.text and NUMBER in t.text:
                    t.text = t.text.replace(NUMBER, person.certificate)
            styles.place(document, copy)
    return document


NAME_SIZES = (28, 26, 24, 22, 20, 18, 16, 14, 12)  # points, largest first


def _name_size(name: str, width: float) -> float:
    """The name's size: 28 pt when it fits one line, else the largest that fits one
    line down to 20 pt, then two lines down to 12 pt (a name pasted with a note, or a
    long transliterated one): the certificate stays one page."""
    import unicodedata

    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in name)
    room = width * 0.92
    for size in NAME_SIZES:
        if ems * size <= room and size >= 20:
            return size
    for size in NAME_SIZES:
        if ems * size <= 2 * room:
            return size
    return NAME_SIZES[-1]


def _size(paragraph: Any, points: float) -> None:
    """Every run of ``paragraph`` (an element) at ``points``."""
    for tag in ("sz", "szCs"):
        for element in paragraph.iter(wml.w(tag)):
            element.set(wml.w("val"), str(round(points * 2)))


def _centred(
    styles: Any, document: Any, text: str, size: float, *, bold: bool = False, color: Any = None
) -> Any:
    paragraph = styles.paragraph(document)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    if color is not None:
        run.font.color.rgb = color
    return paragraph


def _frame(section: Any) -> None:
    """A double rule around every page (``w:pgBorders``, after ``w:pgMar`` in the
    section's properties as the schema orders them)."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        borders.append(rule(side, "double", size=12, space=24, color="8A4B08"))
    sect_pr = section._sectPr
    margins = sect_pr.find(qn("w:pgMar"))
    if margins is not None:
        margins.addnext(borders)
    else:
        sect_pr.append(borders)
