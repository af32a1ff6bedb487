"""The client proposal: cover, table of contents, the sections that have content, the
outline with its minutes, the agenda, the instructor. Pure apart from reading the
template: values in, a python-docx Document out (the caller saves it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.enum.section import WD_HEADER_FOOTER
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..agenda.layout import Agenda
from ..dates import format_date
from ..minutes import minutes_text
from ..spec.model import Course, Instructor
from ..timing.rules import TimedNode, Timing
from . import wml
from .agenda_docx import add_agenda
from .docx_base import Fonts, Styles, first_section, keep_next, open_document, styles_for
from .docx_out import Properties, set_properties
from .template import add_field
from .toc import add_toc
from .wording import (
    contact_label,
    labelled,
    length_text,
    set_text,
)

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "prepared_for": "为{client}定制", "instructor": "讲师", "date": "日期", "contents": "目录",
        "background": "课程背景", "outcomes": "课程收获", "audience": "课程对象", "prerequisites": "先修要求",
        "duration": "课程时长与形式", "length": "课程时长", "format": "授课形式", "outline": "课程大纲",
        "agenda": "课程日程", "profile": "讲师介绍", "expertise": "擅长领域", "clients": "服务客户",
        "contact": "联系方式", "case": "【案例】", "tool": "【工具】", "exercise": "【演练】",
        "proposal": "培训方案", "list_sep": "、", "minutes": "{title}（{minutes}）",
    },
    "en": {
        "prepared_for": "Prepared for {client}", "instructor": "Instructor", "date": "Date", "contents": "Contents",
        "background": "Background", "outcomes": "Outcomes", "audience": "Audience", "prerequisites": "Prerequisites",
        "duration": "Duration and format", "length": "Length", "format": "Delivery", "outline": "Outline",
        "agenda": "Agenda", "profile": "About the instructor", "expertise": "Expertise", "clients": "Clients",
        "contact": "Contact", "case": "[Case] ", "tool": "[Tool] ", "exercise": "[Exercise] ",
        "proposal": "Training proposal", "list_sep": ", ", "minutes": "{title} ({minutes})",
    },
}  # fmt: skip


@dataclass(frozen=True)
class ProposalInput:
    course: Course
    timing: Timing
    agenda: Agenda | None
    client: str = ""
    date: dt.date | None = None
    template: Path | None = None
    fonts: Fonts = field(default_factory=Fonts)


DEEP_HEADINGS = (  # (points, colour) for levels 4, 5, 6 and deeper
    (11.5, RGBColor(0x1F, 0x4E, 0x79)),
    (10.5, RGBColor(0x2E, 0x74, 0xB5)),
    (10.5, RGBColor(0x40, 0x40, 0x40)),
)


class Writer:
    def __init__(self, document: Any, styles: Styles, language: str, offset: int = 0) -> None:
        self.doc = document
        self.styles = styles
        self.language = language
        self.t = LABELS[language]
        self.offset = offset  # 1 in a pack's combined proposal: each course sits under its title
        if language == "zh":
            styles.no_italic()

    def text(self, text: str) -> str:
        """User text as this document's language sets it (zh: Chinese punctuation)."""
        return set_text(text, self.language)

    def heading(self, text: str, level: int) -> Any:
        level += self.offset
        if level <= 3:
            return self.styles.paragraph(self.doc, self.text(text), f"Heading {level}", keep=True)
        # below Heading 3 (a course inside a training plan): bold, stepping down in size
        # and colour, so modules and their sections still read as two levels
        paragraph = self.styles.paragraph(self.doc, keep=True)
        run = paragraph.add_run(self.text(text))
        run.bold = True
        size, colour = DEEP_HEADINGS[min(level, 6) - 4]
        run.font.size = Pt(size)
        run.font.color.rgb = colour
        paragraph.paragraph_format.space_before = Pt(8 if level == 4 else 4)
        return paragraph

    def paragraphs(self, text: str) -> list[Any]:
        return [
            self.styles.paragraph(self.doc, self.text(block))
            for block in (b.strip() for b in text.split("\n"))
            if block
        ]

    def labelled(self, label: str, value: str) -> Any:
        return self.styles.paragraph(self.doc, labelled(label, self.text(value), self.language))

    def bullets(self, items: tuple[str, ...]) -> None:
        for item in items:
            self.styles.paragraph(self.doc, self.text(item), "List Bullet")

    def set_apart(self, label: str, items: tuple[str, ...]) -> None:
        """Cases, tools and exercises in their own style, with their 【…】 label."""
        for item in items:
            paragraph = self.styles.paragraph(self.doc, "", "Syllabus Case")
            paragraph.add_run(label).bold = True
            paragraph.add_run(self.text(item))

    def page_break(self) -> None:
        self.styles.paragraph(self.doc).add_run().add_break(WD_BREAK.PAGE)


def cover(w: Writer, title: str, subtitle: str, lines: list[str]) -> None:
    """The cover page: the title balanced over its lines, the subtitle, then the facts
    (client, instructor, date) centred; no page number (``page_numbers``)."""
    for _ in range(4):
        w.styles.paragraph(w.doc)
    w.styles.title(w.doc, w.text(title)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if subtitle:
        sub = w.styles.paragraph(w.doc, w.text(subtitle), "Subtitle")
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.styles.paragraph(w.doc)
    for line in lines:
        paragraph = w.styles.paragraph(w.doc, line, "Syllabus Meta")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            run.font.size = Pt(13)
    w.page_break()


def cover_lines(
    w: Writer, client: str, instructor: Instructor | None, when: dt.date | None
) -> list[str]:
    t, lines = w.t, [w.t["proposal"]]
    if client:
        lines.append(t["prepared_for"].format(client=w.text(client.strip())))
    if instructor:
        lines.append(labelled(t["instructor"], w.text(instructor.name), w.language))
    if when:
        lines.append(labelled(t["date"], format_date(when, w.language), w.language))
    return lines


def toc(w: Writer, levels: int = 2) -> None:
    """The contents page: a real TOC field, filled with every heading when the document
    is written (``toc.fill_tocs``), so no reader is asked to update it."""
    w.styles.paragraph(w.doc, w.t["contents"], "Subtitle")  # not a Heading: stays out of the TOC
    add_toc(w.styles.paragraph(w.doc), levels)
    w.page_break()


def _outline(w: Writer, nodes: tuple[TimedNode, ...], depth: int) -> None:
    for node in nodes:
        title = node.title
        if node.minutes:
            title = w.t["minutes"].format(
                title=title, minutes=minutes_text(node.minutes, w.language)
            )
        w.heading(title, depth + 1)  # notes: and facilitator: are the instructor's own
        w.bullets(node.node.points)
        w.set_apart(w.t["case"], node.node.cases)
        w.set_apart(w.t["tool"], node.node.tools)
        w.set_apart(w.t["exercise"], node.node.exercises)
        _outline(w, node.children, depth + 1)


def instructor_section(w: Writer, who: Instructor) -> None:
    """The profile, then its contact lines under their own sub-heading, kept with the
    text above so "Contact" never starts a page alone."""
    t = w.t
    w.heading(t["profile"], 1)
    head = w.styles.paragraph(w.doc)
    head.add_run(w.text(who.name)).bold = True
    if who.title:
        head.add_run(f" · {w.text(who.title)}")
    if who.motto:
        w.styles.paragraph(w.doc, w.text(who.motto), "Syllabus Case")
    last = w.paragraphs(who.bio)[-1:] or [head]
    if who.expertise:
        w.heading(t["expertise"], 2)
        w.bullets(who.expertise)
    if who.clients:
        w.heading(t["clients"], 2)
        last = [w.styles.paragraph(w.doc, t["list_sep"].join(w.text(c) for c in who.clients))]
    if who.contact:
        keep_next(last[0])
        w.heading(t["contact"], 2)
        lines = [
            w.labelled(contact_label(label, w.language), value) if label else w.paragraphs(value)[0]
            for label, value in who.contact
        ]
        for line in lines[:-1]:
            keep_next(line)


def course_body(w: Writer, data: ProposalInput) -> None:
    """Everything after the cover and the TOC, for one course."""
    course, t = data.course, w.t
    if course.background:
        w.heading(t["background"], 1)
        w.paragraphs(course.background)
    if course.outcomes:
        w.heading(t["outcomes"], 1)
        w.bullets(course.outcomes)
    if course.audience:
        w.heading(t["audience"], 1)
        w.bullets(course.audience)
    if course.prerequisites:
        w.heading(t["prerequisites"], 1)
        w.bullets(course.prerequisites)
    w.heading(t["duration"], 1)
    length = length_text(course.duration, data.timing.minutes or 0, course.language)
    w.styles.paragraph(w.doc, labelled(t["length"], length, w.language))
    if course.format:
        w.labelled(t["format"], t["list_sep"].join(course.format))
    w.heading(t["outline"], 1)
    _outline(w, data.timing.modules, 1)
    if data.agenda is not None and data.agenda.days:
        w.heading(t["agenda"], 1)
        add_agenda(w.doc, w.styles, data.agenda, course.language, lambda text: w.heading(text, 2))
    if course.instructor and w.offset == 0:
        instructor_section(w, course.instructor)


def build_proposal(data: ProposalInput) -> Any:
    """The proposal as a python-docx Document; write it with ``docx_out.document_bytes``."""
    course = data.course
    document = open_document(data.template)
    styles = styles_for(document, data.template, data.fonts)  # our template is A4 already
    w = Writer(document, styles, course.language)
    cover(
        w, course.title, course.subtitle, cover_lines(w, data.client, course.instructor, data.date)
    )
    toc(w)
    course_body(w, data)
    page_numbers(document)
    set_properties(
        document,
        Properties(
            title=course.title,
            subject=w.t["proposal"],
            author=course.instructor.name if course.instructor else "",
            company=data.client,
            keywords=data.client,
        ),
    )
    return document


def page_numbers(document: Any) -> None:
    """Page X / Y in the footer (unless the template's footer already has a field), and
    none on the cover: a distinct, empty first-page footer."""
    section = first_section(document)
    sect_pr = section._sectPr
    section.different_first_page_header_footer = True
    for p in _footer(document, sect_pr, WD_HEADER_FOOTER.FIRST_PAGE).findall(wml.P):
        for child in list(p):
            if child.tag != wml.PPR:
                p.remove(child)
    defined = _footer_reference(sect_pr, WD_HEADER_FOOTER.PRIMARY) is not None
    ftr = _footer(document, sect_pr, WD_HEADER_FOOTER.PRIMARY)
    if defined and ftr.findall(".//" + wml.FLD_CHAR):
        return
    footer = section.footer
    paragraphs = ftr.findall(wml.P)
    last = Paragraph(paragraphs[0], footer) if paragraphs else None
    paragraph = last if last is not None and not last.text.strip() else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(paragraph, "PAGE")
    wml.add_run(paragraph, " / ")
    add_field(paragraph, "NUMPAGES")


_FOOTER_REFERENCE = wml.w("footerReference")


def _footer_reference(sect_pr: Any, kind: WD_HEADER_FOOTER) -> Any:
    """The section's ``w:footerReference`` of a kind, or None (python-docx's
    ``get_footerReference``, without compiling an XPath at each call)."""
    value = WD_HEADER_FOOTER.to_xml(kind)
    for reference in sect_pr.iterchildren(_FOOTER_REFERENCE):
        if reference.get(wml.TYPE) == value:
            return reference
    return None


def _footer(document: Any, sect_pr: Any, kind: WD_HEADER_FOOTER) -> Any:
    """The ``w:ftr`` of the first section's footer of a kind, a new empty one when the
    section has none: what python-docx's footer proxy gives a first section (linked to
    no previous section), without its XPath lookups."""
    reference = _footer_reference(sect_pr, kind)
    if reference is None:
        part, rid = document.part.add_footer_part()
        sect_pr.add_footerReference(kind, rid)
        return part.element
    return document.part.footer_part(reference.rId).element
