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
from ..minutes import format_minutes
from ..spec.model import Instructor
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
    instructor_section,
    page_numbers,
    toc,
)

OVERVIEW = {
    "zh": {"overview": "项目概览", "course": "课程", "date": "日期", "hours": "时长", "total": "合计",
           "index": "文件清单", "documents": "文档", "main": "培训方案（主文件）",
           "calendar": "授课日历（.ics，可导入Outlook、钉钉）", "zip": "全部文件打包（.zip）", "main_pdf": "培训方案（PDF）",
           "proposal.docx": "课程方案（Word）", "proposal.pdf": "课程方案（PDF）",
           "agenda.docx": "课程日程（Word）", "agenda.html": "课程日程（网页）", "agenda.md": "课程日程（文本）"},
    "en": {"overview": "Programme overview", "course": "Course", "date": "Date", "hours": "Length",
           "total": "Total", "index": "Contents of this pack", "documents": "Documents",
           "main": "Training proposal (main document)", "calendar": "Delivery calendar (.ics)",
           "zip": "Everything in one zip", "main_pdf": "Training proposal (PDF)",
           "proposal.docx": "Proposal (Word)", "proposal.pdf": "Proposal (PDF)",
           "agenda.docx": "Agenda (Word)", "agenda.html": "Agenda (web page)", "agenda.md": "Agenda (text)"},
}  # fmt: skip


@dataclass(frozen=True)
class PackInfo:
    client: str
    title: str
    language: str
    instructor: Instructor | None = None
    template: Path | None = None


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
    cover(w, pack.title, "", cover_lines(w, pack.client, pack.instructor, first))
    toc(w, 3 if plan is not None else 2)  # a plan's courses are its level-3 headings
    set_properties(
        document,
        Properties(
            title=pack.title,
            subject=p["plan"],
            author=pack.instructor.name if pack.instructor else "",
            company=pack.client,
            keywords=pack.client,
        ),
    )
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
    for kind in ("proposal.docx", "proposal.pdf", "agenda.docx", "agenda.html", "agenda.md"):
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
    prepared = PLAN_LABELS[lang]["prepared_for"].format(client=pack.client)
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8"><title>{esc(pack.title)}</title>'
        "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em}"
        "table{border-collapse:collapse}td,th{border:1px solid #9aa5b1;padding:.3em .6em;text-align:left}</style>"
        f"</head><body><h1>{esc(pack.title)}</h1><p>{esc(prepared)}</p>"
        f"<h2>{esc(o['index'])}</h2><ul>{main}</ul>"
        f"<table><tr><th>{esc(o['course'])}</th><th>{esc(o['date'])}</th><th>{esc(o['documents'])}</th></tr>"
        f"{body}</table>{kit}</body></html>\n"
    )
