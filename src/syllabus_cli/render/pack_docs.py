"""A pack's own documents: the combined proposal (one document, one TOC, a programme
overview, then every course) and the index of what the pack folder holds."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..duration import format_minutes
from ..spec.model import Instructor
from .docx_base import Fonts, open_document, row_flags, shade, styles_for
from .proposal import (
    LABELS,
    ProposalInput,
    Writer,
    course_body,
    instructor_section,
    page_numbers,
    toc,
)

OVERVIEW = {
    "zh": {"overview": "项目概览", "course": "课程", "date": "日期", "hours": "时长", "total": "合计",
           "index": "文件清单", "documents": "文档"},
    "en": {"overview": "Programme overview", "course": "Course", "date": "Date", "hours": "Length",
           "total": "Total", "index": "Contents of this pack", "documents": "Documents"},
}  # fmt: skip


@dataclass(frozen=True)
class PackInfo:
    client: str
    title: str
    language: str
    instructor: Instructor | None = None
    template: Path | None = None


def combined_proposal(
    pack: PackInfo, courses: list[ProposalInput], fonts: Fonts | None = None
) -> Any:
    document = open_document(pack.template)
    styles = styles_for(document, pack.template, fonts or Fonts())
    w = Writer(document, styles, pack.language)
    t, o = LABELS[pack.language], OVERVIEW[pack.language]
    for _ in range(4):
        document.add_paragraph()
    styles.paragraph(document, pack.title, "Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = [t["proposal"], t["prepared_for"].format(client=pack.client)]
    if pack.instructor:
        lines.append(f"{t['instructor']}: {pack.instructor.name}")
    dates = [c.date for c in courses if c.date]
    if dates:
        lines.append(f"{t['date']}: {min(dates).isoformat()}")
    for line in lines:
        paragraph = styles.paragraph(document, line, "Syllabus Meta")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            run.font.size = Pt(13)
    w.page_break()
    toc(w)
    w.heading(o["overview"], 1)
    table = document.add_table(rows=1, cols=4, style=styles["Syllabus Table"])
    widths = (Cm(1.0), Cm(9.6), Cm(3.0), Cm(3.0))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    row_flags(table.rows[0], header=True)
    for cell, text in zip(
        table.rows[0].cells, ("#", o["course"], o["date"], o["hours"]), strict=True
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
            item.date.isoformat() if item.date else "—",
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
    document.core_properties.title = pack.title
    document.core_properties.keywords = pack.client
    return document


def index_markdown(pack: PackInfo, rows: list[tuple[str, str, list[str]]], zip_name: str) -> str:
    """rows: (course title, date, documents relative to the pack folder)."""
    o = OVERVIEW[pack.language]
    lines = [
        f"# {pack.title}",
        "",
        f"{LABELS[pack.language]['prepared_for'].format(client=pack.client)}",
        "",
        f"## {o['index']}",
        "",
        f"| {o['course']} | {o['date']} | {o['documents']} |",
        "|---|---|---|",
    ]
    for title, date, documents in rows:
        links = " · ".join(f"[{Path(d).name}]({d})" for d in documents)
        cell = title.replace("|", "\\|")
        lines.append(f"| {cell} | {date} | {links} |")
    lines += ["", f"Zip: [{zip_name}]({zip_name})"]
    return "\n".join(lines) + "\n"


def index_html(pack: PackInfo, rows: list[tuple[str, str, list[str]]], zip_name: str) -> str:
    o, esc = OVERVIEW[pack.language], html.escape
    body = "".join(
        f"<tr><td>{esc(title)}</td><td>{esc(date)}</td><td>"
        + " · ".join(f'<a href="{esc(d)}">{esc(Path(d).name)}</a>' for d in documents)
        + "</td></tr>"
        for title, date, documents in rows
    )
    lang = "zh-CN" if pack.language == "zh" else "en"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(pack.title)}</title>'
        "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em}"
        "table{border-collapse:collapse}td,th{border:1px solid #9aa5b1;padding:.3em .6em;text-align:left}</style>"
        f"</head><body><h1>{esc(pack.title)}</h1><p>{esc(LABELS[pack.language]['prepared_for'].format(client=pack.client))}</p>"
        f"<h2>{esc(o['index'])}</h2><table><tr><th>{esc(o['course'])}</th><th>{esc(o['date'])}</th><th>{esc(o['documents'])}</th></tr>"
        f'{body}</table><p><a href="{esc(zip_name)}">{esc(zip_name)}</a></p></body></html>\n'
    )
