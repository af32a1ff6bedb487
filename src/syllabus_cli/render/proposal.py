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
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..agenda.layout import Agenda
from ..dates import format_date
from ..i18n import labels
from ..minutes import minutes_text
from ..spec.model import Course, Instructor
from ..spec.training_plan import Issue, Supplier
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


@dataclass(frozen=True)
class ProposalInput:
    course: Course
    timing: Timing
    agenda: Agenda | None
    client: str = ""
    date: dt.date | None = None
    template: Path | None = None
    fonts: Fonts = field(default_factory=Fonts)
    issue: Issue | None = None  # issue date, version, supplier (乙方)
    draft: bool = False  # 草稿 / DRAFT on every page


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
        self.t = labels("proposal", language)
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


def cover(w: Writer, title: str, subtitle: str, lines: list[str], logo: Path | None = None) -> None:
    """The cover page: the supplier's logo, the title balanced over its lines, the
    subtitle, then the facts (client, supplier, instructor, date, version) centred; no
    page number (``page_numbers``)."""
    if logo is not None:
        picture = w.styles.paragraph(w.doc)
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.add_run().add_picture(str(logo), height=Cm(1.8))
        for _ in range(2):
            w.styles.paragraph(w.doc)
    else:
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
    w: Writer,
    client: str,
    instructor: Instructor | None,
    when: dt.date | None,
    issue: Issue | None = None,
    kind: str = "",
) -> list[str]:
    """What the cover says: the kind of document, the client (甲方) and supplier (乙方)
    when a supplier is named, the instructor credited, the issue date and version.
    Without an issue, the date given (a single course's proposal date)."""
    t, lang = w.t, w.language
    lines = [kind or t["proposal"]]
    supplier = issue.supplier if issue else None
    if client and supplier is not None:
        lines.append(labelled(t["client_party"], w.text(client.strip()), lang))
    elif client:
        lines.append(t["prepared_for"].format(client=w.text(client.strip())))
    if supplier is not None:
        lines.append(labelled(t["supplier_party"], w.text(supplier.company), lang))
    if instructor:
        lines.append(labelled(t["instructor"], w.text(instructor.name), lang))
    if issue is not None:
        lines.append(labelled(t["issued"], format_date(issue.issued, lang), lang))
        if issue.version:
            lines.append(labelled(t["version"], w.text(issue.version), lang))
    elif when:
        lines.append(labelled(t["date"], format_date(when, lang), lang))
    return lines


def supplier_logo(issue: Issue | None) -> Path | None:
    return issue.supplier.logo if issue and issue.supplier else None


def company_of(issue: Issue | None) -> Supplier | None:
    return issue.supplier if issue else None


def draft_stamp(document: Any, language: str) -> None:
    """草稿 / DRAFT at the top of every page, the cover's included: a header line in
    red on the first-page and the other pages' headers."""
    from docx.shared import RGBColor as Colour

    section = first_section(document)
    word = labels("plan", language)["draft"]
    for header in (section.first_page_header, section.header):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(f"{word} · {word} · {word}")
        run.bold = True
        run.font.size = Pt(16)
        run.font.color.rgb = Colour(0xC0, 0x00, 0x00)


def toc(w: Writer, levels: int = 2) -> None:
    """The contents page: a real TOC field, filled with every heading when the document
    is written (``toc.fill_tocs``), so no reader is asked to update it."""
    contents = w.styles.paragraph(w.doc, "", keep=True)  # not a Heading: stays out of the TOC
    run = contents.add_run(w.t["contents"])
    run.bold = True
    run.font.size = Pt(16)
    contents.alignment = WD_ALIGN_PARAGRAPH.CENTER
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
    """讲师介绍 under its own heading, then the profile."""
    w.heading(w.t["profile"], 1)
    instructor_body(w, who)


def instructor_body(w: Writer, who: Instructor, *, named: bool = False) -> None:
    """The profile, then its contact lines under their own sub-heading, kept with the
    text above so "Contact" never starts a page alone. ``named``: the name is the
    section's heading (one section per instructor in a plan's 讲师介绍)."""
    t = w.t
    if named:
        title = f"{who.name} · {who.title}" if who.title else who.name
        w.heading(title, 1)
        head = None
    else:
        head = w.styles.paragraph(w.doc)
        head.add_run(w.text(who.name)).bold = True
        if who.title:
            head.add_run(f" · {w.text(who.title)}")
    if who.motto:
        w.styles.paragraph(w.doc, w.text(who.motto), "Syllabus Case")
    last = w.paragraphs(who.bio)[-1:] or ([head] if head is not None else [])
    if who.expertise:
        w.heading(t["expertise"], 2)
        w.bullets(who.expertise)
    if who.clients:
        w.heading(t["clients"], 2)
        last = [w.styles.paragraph(w.doc, t["list_sep"].join(w.text(c) for c in who.clients))]
    if who.contact:
        if last:
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
    lines = cover_lines(w, data.client, course.instructor, data.date, data.issue)
    cover(w, course.title, course.subtitle, lines, supplier_logo(data.issue))
    toc(w)
    course_body(w, data)
    page_numbers(document)
    if data.draft:
        draft_stamp(document, course.language)
    supplier = company_of(data.issue)
    set_properties(
        document,
        Properties(
            title=course.title,
            subject=w.t["proposal"],
            author=course.instructor.name if course.instructor else "",
            company=supplier.company if supplier else "",
            keywords=data.client,
            language="zh-CN" if course.language == "zh" else "en-US",
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
