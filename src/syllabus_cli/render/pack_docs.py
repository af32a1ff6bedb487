"""A pack's own documents: the combined proposal (one document, one TOC, a programme
overview, then every course) and the index of what the pack folder holds."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docx.shared import Cm

from ..dates import format_date
from ..i18n import labels
from ..minutes import format_minutes
from ..spec.model import Instructor
from ..spec.training_plan import Issue
from .agenda_text import md_text
from .docx_base import Fonts, open_document, row_flags, shade, styles_for
from .docx_out import Properties, set_properties
from .plan_docx import PLAN_LABELS, PlanDocument, plan_body
from .proposal import (
    ProposalInput,
    Writer,
    course_body,
    cover,
    cover_lines,
    draft_stamp,
    instructor_section,
    page_numbers,
    supplier_logo,
    toc,
)


class _Overview(dict[str, dict[str, str]]):
    def __missing__(self, lang: str) -> dict[str, str]:
        return labels("pack", lang)


OVERVIEW = _Overview()  # OVERVIEW[lang]: the pack's labels from the i18n registry


@dataclass(frozen=True)
class PackInfo:
    client: str
    title: str
    language: str
    instructor: Instructor | None = None
    template: Path | None = None
    issue: Issue | None = None  # issue date, version, supplier (乙方)
    draft: bool = False  # 草稿 / DRAFT on every page


def combined_proposal(
    pack: PackInfo,
    courses: list[ProposalInput],
    fonts: Fonts | None = None,
    plan: PlanDocument | None = None,
) -> Any:
    """The pack's one document: with a training plan, the plan's chapters; without, a
    programme overview and then every course."""
    document = open_document(pack.template)
    styles = styles_for(document, pack.template, fonts or Fonts())
    w = Writer(document, styles, pack.language)
    o, p = OVERVIEW[pack.language], PLAN_LABELS[pack.language]
    dates = [c.date for c in courses if c.date]
    first = min(dates) if dates else None
    credited = pack.instructor or _only_instructor(courses)
    lines = cover_lines(w, pack.client, credited, first, pack.issue, p["plan"])
    cover(w, pack.title, "", lines, supplier_logo(pack.issue))
    toc(w, 3 if plan is not None else 2)  # a plan's courses' sections are its level 3
    supplier = pack.issue.supplier if pack.issue else None
    set_properties(
        document,
        Properties(
            title=pack.title,
            subject=p["plan"],
            author=credited.name if credited else "",
            company=supplier.company if supplier else "",
            keywords=pack.client,
            language="zh-CN" if pack.language == "zh" else "en-US",
        ),
    )
    if pack.draft:
        draft_stamp(document, pack.language)
    if plan is not None:
        plan_body(w, plan)
        page_numbers(document)
        return document
    w.heading(o["overview"], 1)
    table = document.add_table(rows=1, cols=4, style=styles["Syllabus Table"])
    widths = (Cm(1.4), Cm(8.2), Cm(4.4), Cm(2.6))  # 序号 on one line
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    row_flags(table.rows[0], header=True)
    for cell, text in zip(
        table.rows[0].cells, (p["no"], o["course"], o["date"], o["hours"]), strict=True
    ):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        shade(cell, "DCE6F0")
    total = 0
    for number, item in enumerate(courses, start=1):
        minutes = item.timing.minutes or 0
        total += minutes
        row = table.add_row()
        row_flags(row)
        values = (
            str(number),
            item.course.title,
            format_date(item.date, pack.language) if item.date else "—",
            format_minutes(minutes, pack.language),
        )
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    row = table.add_row()
    for cell, text in zip(
        row.cells, ("", o["total"], "", format_minutes(total, pack.language)), strict=True
    ):
        cell.text = text
        if text:
            cell.paragraphs[0].runs[0].bold = True
    w.offset = 1
    for item in courses:
        w.page_break()
        styles.paragraph(document, item.course.title, "Heading 1")
        course_body(w, item)
    w.offset = 0
    if pack.instructor:
        w.page_break()
        instructor_section(w, pack.instructor)
    page_numbers(document)
    return document


def _only_instructor(courses: list[ProposalInput]) -> Instructor | None:
    """Who teaches, when the pack names no one: the courses' own instructor, or all of
    them by name (枫影、王老师) when they differ."""
    names = {c.course.instructor.name: c.course.instructor for c in courses if c.course.instructor}
    if len(names) <= 1:
        return next(iter(names.values()), None)
    return Instructor(("、" if courses[0].course.language == "zh" else ", ").join(names))


@dataclass(frozen=True)
class PackIndex:
    main: list[str]  # the pack's own files, the combined proposal first
    courses: list[tuple[str, list[dt.date], list[str]]]  # title, delivery days, documents
    kit: tuple[str, ...] = ()  # the delivery kit's files, when the zip carries them


def _kit_links(index: PackIndex) -> list[tuple[str, str]]:
    """(what it is, its path) for each kit file: the file's own name says the course
    and the document (``电商客服销售能力提升-签到表.docx``)."""
    return [(Path(name).name, name) for name in index.kit]


def _kit_heading(language: str) -> str:
    from .kit_values import label

    return label("folder", language)


def _main_label(name: str, o: dict[str, str]) -> str:
    if name.endswith(".proposal.docx"):
        return o["main"]
    if name.endswith(".proposal.pdf"):
        return o["main_pdf"]
    if name.endswith(".ics"):
        return o["calendar"]
    return o["zip"]


def _document_label(path: str, o: dict[str, str]) -> str:
    """What a course document is, in the reader's words (课程方案（Word）), not its file name."""
    name = Path(path).name
    for kind in (
        "proposal.docx",
        "proposal.pdf",
        "agenda.docx",
        "agenda.pdf",
        "agenda.html",
        "agenda.md",
    ):
        if name.endswith("." + kind):
            return o[kind]
    return name


def _dates(days: list[dt.date], language: str) -> str:
    return ("、" if language == "zh" else ", ").join(format_date(d, language) for d in days) or "—"


def href(path: str) -> str:
    """A relative link to ``path``: ASCII that a URL reserves is quoted (``c#-basics 100%``
    is ``c%23-basics%20100%25``); Chinese stays as written, as an IRI allows."""
    return "".join(c if ord(c) > 127 else quote(c, safe="/") for c in path)


def index_markdown(pack: PackInfo, index: PackIndex) -> str:
    """The pack folder's contents: what to send first, then each course's documents."""
    o, lang = OVERVIEW[pack.language], pack.language
    lines = [
        f"# {md_text(pack.title)}",
        "",
        PLAN_LABELS[lang]["prepared_for"].format(client=md_text(pack.client)),
        "",
        f"## {o['index']}",
        "",
    ]
    lines += [f"- [{_main_label(name, o)}]({href(name)})" for name in index.main]
    if not any(name.endswith(".pdf") for name in index.main):
        lines += ["", o["send_pdf"]]
    lines += [
        "",
        f"| {o['course']} | {o['date']} | {o['documents']} |",
        "|---|---|---|",
    ]
    for title, days, documents in index.courses:
        links = " · ".join(f"[{_document_label(d, o)}]({href(d)})" for d in documents)
        cell = md_text(title)
        lines.append(f"| {cell} | {_dates(days, lang)} | {links} |")
    if index.kit:
        lines += ["", f"## {_kit_heading(lang)}", ""]
        lines += [f"- [{md_text(text)}]({href(path)})" for text, path in _kit_links(index)]
    return "\n".join(lines) + "\n"


def index_html(pack: PackInfo, index: PackIndex) -> str:
    o, esc, lang = OVERVIEW[pack.language], html.escape, pack.language
    main = "".join(
        f'<li><a href="{esc(href(name))}">{esc(_main_label(name, o))}</a></li>'
        for name in index.main
    )
    body = "".join(
        f"<tr><td>{esc(title)}</td><td>{esc(_dates(days, lang))}</td><td>"
        + " · ".join(
            f'<a href="{esc(href(d))}">{esc(_document_label(d, o))}</a>' for d in documents
        )
        + "</td></tr>"
        for title, days, documents in index.courses
    )
    kit = ""
    if index.kit:
        items = "".join(
            f'<li><a href="{esc(href(path))}">{esc(text)}</a></li>'
            for text, path in _kit_links(index)
        )
        kit = f"<h2>{esc(_kit_heading(lang))}</h2><ul>{items}</ul>"
    html_lang = "zh-CN" if lang == "zh" else "en"
    with_pdf = any(name.endswith(".pdf") for name in index.main)
    note = "" if with_pdf else f"<p>{esc(o['send_pdf'])}</p>"
    prepared = PLAN_LABELS[lang]["prepared_for"].format(client=pack.client)
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8"><title>{esc(pack.title)}</title>'
        "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em}"
        "table{border-collapse:collapse}td,th{border:1px solid #9aa5b1;padding:.3em .6em;text-align:left}</style>"
        f"</head><body><h1>{esc(pack.title)}</h1><p>{esc(prepared)}</p>"
        f"<h2>{esc(o['index'])}</h2><ul>{main}</ul>{note}"
        f"<table><tr><th>{esc(o['course'])}</th><th>{esc(o['date'])}</th><th>{esc(o['documents'])}</th></tr>"
        f"{body}</table>{kit}</body></html>\n"
    )
