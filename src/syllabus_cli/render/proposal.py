"""The client proposal: cover, table of contents, the sections that have content, the
outline with its minutes, the agenda, the instructor. Pure apart from reading the
template: values in, a python-docx Document out (the caller saves it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..agenda.layout import Agenda
from ..duration import format_minutes
from ..spec.model import Course, Instructor
from ..timing.rules import TimedNode, Timing
from .agenda_docx import add_agenda
from .docx_base import Fonts, Styles, open_document, styles_for
from .template import add_field

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "prepared_for": "为 {client} 定制", "instructor": "讲师", "date": "日期", "contents": "目录",
        "toc_hint": "目录将在打开文档时更新(若未更新,请右键点击此处选择“更新域”)。",
        "background": "课程背景", "outcomes": "课程收获", "audience": "课程对象", "prerequisites": "先修要求",
        "duration": "课程时长与形式", "length": "课程时长", "format": "授课形式", "outline": "课程大纲",
        "agenda": "课程日程", "profile": "讲师介绍", "expertise": "擅长领域", "clients": "服务客户",
        "contact": "联系方式", "case": "【案例】", "tool": "【工具】", "exercise": "【演练】",
        "proposal": "培训方案", "list_sep": "、",
    },
    "en": {
        "prepared_for": "Prepared for {client}", "instructor": "Instructor", "date": "Date", "contents": "Contents",
        "toc_hint": "The table of contents updates when the document is opened (if not, right-click here and choose Update Field).",
        "background": "Background", "outcomes": "Outcomes", "audience": "Audience", "prerequisites": "Prerequisites",
        "duration": "Duration and format", "length": "Length", "format": "Delivery", "outline": "Outline",
        "agenda": "Agenda", "profile": "About the instructor", "expertise": "Expertise", "clients": "Clients",
        "contact": "Contact", "case": "[Case] ", "tool": "[Tool] ", "exercise": "[Exercise] ",
        "proposal": "Training proposal", "list_sep": ", ",
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


class Writer:
    def __init__(self, document: Any, styles: Styles, language: str, offset: int = 0) -> None:
        self.doc = document
        self.styles = styles
        self.language = language
        self.t = LABELS[language]
        self.offset = offset  # 1 in a pack's combined proposal: each course sits under its title

    def heading(self, text: str, level: int) -> None:
        level += self.offset
        if level <= 3:
            self.styles.paragraph(self.doc, text, f"Heading {level}")
        else:
            self.styles.paragraph(self.doc).add_run(text).bold = True

    def paragraphs(self, text: str) -> None:
        for block in (b.strip() for b in text.split("\n")):
            if block:
                self.styles.paragraph(self.doc, block)

    def bullets(self, items: tuple[str, ...]) -> None:
        for item in items:
            self.styles.paragraph(self.doc, item, "List Bullet")

    def set_apart(self, label: str, items: tuple[str, ...]) -> None:
        """Cases, tools and exercises in their own style, with their 【…】 label."""
        for item in items:
            paragraph = self.styles.paragraph(self.doc, "", "Syllabus Case")
            paragraph.add_run(label).bold = True
            paragraph.add_run(item)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _cover(w: Writer, data: ProposalInput) -> None:
    course, t = data.course, w.t
    for _ in range(4):
        w.doc.add_paragraph()
    title = w.styles.paragraph(w.doc, course.title, "Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if course.subtitle:
        w.styles.paragraph(w.doc, course.subtitle, "Subtitle").alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.doc.add_paragraph()
    lines = [t["proposal"]]
    if data.client:
        lines.append(t["prepared_for"].format(client=data.client))
    if course.instructor:
        lines.append(f"{t['instructor']}: {course.instructor.name}")
    when = data.date
    if when:
        lines.append(f"{t['date']}: {when.isoformat()}")
    for line in lines:
        paragraph = w.styles.paragraph(w.doc, line, "Syllabus Meta")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            run.font.size = Pt(13)
    w.page_break()


def toc(w: Writer) -> None:
    """A real TOC field (Word fills it on open: updateFields is set) with a visible hint."""
    w.styles.paragraph(w.doc, w.t["contents"], "Subtitle")  # not a Heading: stays out of the TOC
    paragraph = w.styles.paragraph(w.doc, "", "Syllabus Meta")
    add_field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', placeholder=w.t["toc_hint"])
    settings = w.doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
    w.page_break()


def _minutes(node: TimedNode, language: str) -> str:
    return f" ({format_minutes(node.minutes, language)})" if node.minutes else ""


def _outline(w: Writer, nodes: tuple[TimedNode, ...], depth: int) -> None:
    for node in nodes:
        w.heading(node.title + _minutes(node, w.language), depth + 1)
        if node.node.notes:
            w.paragraphs(node.node.notes)
        w.bullets(node.node.points)
        w.set_apart(w.t["case"], node.node.cases)
        w.set_apart(w.t["tool"], node.node.tools)
        w.set_apart(w.t["exercise"], node.node.exercises)
        _outline(w, node.children, depth + 1)


def instructor_section(w: Writer, who: Instructor) -> None:
    t = w.t
    w.heading(t["profile"], 1)
    head = w.styles.paragraph(w.doc)
    head.add_run(who.name).bold = True
    if who.title:
        head.add_run(f" · {who.title}")
    if who.motto:
        w.styles.paragraph(w.doc, who.motto, "Syllabus Case")
    w.paragraphs(who.bio)
    if who.expertise:
        w.heading(t["expertise"], 2)
        w.bullets(who.expertise)
    if who.clients:
        w.heading(t["clients"], 2)
        w.styles.paragraph(w.doc, t["list_sep"].join(who.clients))
    if who.contact:
        w.heading(t["contact"], 1)
        for label, value in who.contact:
            w.paragraphs(f"{label}: {value}" if label else value)


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
    minutes = data.timing.minutes or 0
    in_words = format_minutes(minutes, course.language)
    length = course.duration.text if course.duration else in_words
    w.paragraphs(f"{t['length']}: {length}" + ("" if in_words in length else f" ({in_words})"))
    if course.format:
        w.paragraphs(f"{t['format']}: {t['list_sep'].join(course.format)}")
    w.heading(t["outline"], 1)
    _outline(w, data.timing.modules, 1)
    if data.agenda is not None and data.agenda.days:
        w.heading(t["agenda"], 1)
        add_agenda(
            w.doc, w.styles, data.agenda, course.language, heading_level=min(2 + w.offset, 3)
        )
    if course.instructor and w.offset == 0:
        instructor_section(w, course.instructor)


def build_proposal(data: ProposalInput) -> Any:
    course = data.course
    document = open_document(data.template)
    styles = styles_for(document, data.template, data.fonts)  # our template is A4 already
    w = Writer(document, styles, course.language)
    _cover(w, data)
    toc(w)
    course_body(w, data)
    page_numbers(document)
    props = document.core_properties
    props.title = course.title
    props.subject = w.t["proposal"]
    props.author = course.instructor.name if course.instructor else ""
    props.keywords = data.client
    return document


def page_numbers(document: Any) -> None:
    """Page X / Y in the footer, unless the template's footer already has a field."""
    footer = document.sections[0].footer
    if not footer.is_linked_to_previous and footer._element.findall(".//" + qn("w:fldChar")):
        return
    first = footer.paragraphs[0] if footer.paragraphs else None
    paragraph = first if first is not None and not first.text.strip() else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(paragraph, "PAGE")
    paragraph.add_run(" / ")
    add_field(paragraph, "NUMPAGES")
