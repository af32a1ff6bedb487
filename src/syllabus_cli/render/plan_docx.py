"""A pack's combined proposal when the pack carries a training plan: the document a
client signs. Chapters 一、二、… (en 1. 2. …) in the contract's order, each only when it
has content; the courses (outline, agenda, instructor) inside 实施路径 in the phase
marked ``courses: true`` (or, when no phase is marked, as the path's last phase); a
course map opens 实施路径; the quote; 时间规划 as one table in date order.

Built on the proposal's Writer, course_body, instructor_section and toc."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..agenda.delivery import Programme
from ..agenda.settings import clock
from ..dates import format_date
from ..duration import format_minutes
from ..numerals import to_chinese
from ..problems import Mark
from ..spec.quote import figures, money, percent_text, quantity_text, total_in_words
from ..spec.training_plan import Phase, Plan, Titled
from .docx_base import row_flags, shade
from .proposal import ProposalInput, Writer, course_body, instructor_section

PLAN_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "background": "背景分析", "problems": "问题定义", "goals": "目标设定", "framework": "理论框架",
        "path": "实施路径", "resources": "资源需求", "quote": "费用报价", "risks": "风险评估",
        "timeline": "时间规划", "evaluation": "预期效果",
        "plan": "培训方案", "prepared_for": "为{client}定制", "instructor": "讲师", "date": "日期",
        "colon": "：", "sep": "、", "goal": "目标", "measure": "衡量标准",
        "course_map": "课程地图", "course": "课程", "length": "时长", "dates": "日期", "audience": "对象",
        "courses_phase": "课程实施", "phase_when": "时间", "activities": "主要工作",
        "participants": "参训人数", "participants_value": "{n}人", "groups": "分组",
        "groups_value": "{n}组", "venue": "场地", "equipment": "设备", "materials": "物料",
        "item": "项目", "quantity": "数量", "unit": "单位", "price": "单价", "amount": "金额",
        "subtotal": "小计", "tax": "税费", "total": "合计", "in_words": "合计金额（大写）",
        "currency": "币种", "risk": "风险", "response": "应对措施",
        "time": "时间", "event": "事项", "milestone": "里程碑", "delivery": "授课",
        "day_n": "第{n}天", "level": "评估层级", "method": "评估方式", "when": "评估时间",
        "overview_total": "合计", "item_resource": "资源", "detail": "说明", "no": "序号",
    },
    "en": {
        "background": "Background", "problems": "Problem statement", "goals": "Goals",
        "framework": "Framework", "path": "Implementation", "resources": "Resources",
        "quote": "Quote", "risks": "Risks", "timeline": "Timeline", "evaluation": "Expected results",
        "plan": "Training plan", "prepared_for": "Prepared for {client}", "instructor": "Instructor",
        "date": "Date", "colon": ": ", "sep": ", ", "goal": "Goal", "measure": "Measure",
        "course_map": "Course map", "course": "Course", "length": "Length", "dates": "Dates",
        "audience": "Audience", "courses_phase": "Course delivery", "phase_when": "When",
        "activities": "Activities", "participants": "Participants", "participants_value": "{n}",
        "groups": "Groups", "groups_value": "{n}", "venue": "Venue", "equipment": "Equipment",
        "materials": "Materials", "item": "Item", "quantity": "Qty", "unit": "Unit",
        "price": "Unit price", "amount": "Amount", "subtotal": "Subtotal", "tax": "Tax",
        "total": "Total", "in_words": "Total in words", "currency": "Currency", "risk": "Risk",
        "response": "Response", "time": "Time", "event": "Event", "milestone": "Milestone",
        "delivery": "Training", "day_n": "day {n}", "level": "Level", "method": "Method",
        "when": "When", "overview_total": "Total", "item_resource": "Resource", "detail": "Detail", "no": "#",
    },
}  # fmt: skip

HEADER_FILL = "DCE6F0"


def chapter_number(index: int, language: str) -> str:
    """一、 二、 … 十、 十一、 (en: 1. 2. …); ``index`` from 1."""
    if language != "zh":
        return f"{index}. "
    return to_chinese(index) + "、"


def phase_number(index: int, chapter: int, language: str) -> str:
    """(一) (二) … in zh (full-width brackets), 5.1 5.2 … in en."""
    if language == "zh":
        return f"（{chapter_number(index, 'zh')[:-1]}）"
    return f"{chapter}.{index} "


@dataclass(frozen=True)
class PlanDocument:
    client: str
    title: str
    language: str
    plan: Plan
    programme: Programme
    courses: Sequence[ProposalInput]  # the courses that built, in pack order
    instructor: Any = None  # the pack's Instructor, if it names one


def plan_body(w: Writer, data: PlanDocument) -> None:
    """The chapters, after the cover and the TOC."""
    lang, plan = data.language, data.plan
    chapters: list[tuple[str, Callable[[int], None]]] = []
    if plan.background:
        chapters.append(("background", lambda n: _titled(w, plan.background)))
    if plan.problems:
        chapters.append(("problems", lambda n: _titled(w, plan.problems, bullets=True)))
    if plan.goals:
        chapters.append(("goals", lambda n: _goals(w, data)))
    if plan.framework:
        chapters.append(("framework", lambda n: _titled(w, plan.framework)))
    if plan.path or data.courses:
        chapters.append(("path", lambda n: _path(w, data, n)))
    if plan.resources:
        chapters.append(("resources", lambda n: _resources(w, data)))
    if plan.quote is not None and plan.quote.items:
        chapters.append(("quote", lambda n: _quote(w, data)))
    if plan.risks:
        chapters.append(("risks", lambda n: _risks(w, data)))
    if plan.timeline or any(p.when for p in plan.path) or data.programme.delivery_days:
        chapters.append(("timeline", lambda n: _timeline(w, data)))
    if plan.evaluation:
        chapters.append(("evaluation", lambda n: _evaluation(w, data)))
    labels = PLAN_LABELS[lang]
    for number, (key, write) in enumerate(chapters, start=1):
        # chapters flow on (a short 理论框架 left most of a page blank before the path);
        # headings keep with their text, so none is stranded at a page's foot
        w.styles.paragraph(w.doc, chapter_number(number, lang) + labels[key], "Heading 1")
        write(number)


def _titled(w: Writer, items: tuple[Titled, ...], *, bullets: bool = False) -> None:
    plain = [i.text for i in items if not i.title]
    if bullets and len(plain) == len(items):
        w.bullets(tuple(plain))
        return
    for item in items:
        if item.title:
            w.styles.paragraph(w.doc, item.title, "Heading 2")
        w.paragraphs(item.text)


def table(
    w: Writer, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Any:
    """A table in the template's table style: a shaded header row that repeats on each
    page, rows that never split across pages."""
    grid = w.doc.add_table(rows=1, cols=len(header), style=w.styles["Syllabus Table"])
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    row_flags(grid.rows[0], header=True)
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        shade(cell, HEADER_FILL)
    for values in rows:
        row = grid.add_row()
        row_flags(row)
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    for row in grid.rows:  # Word reads the column widths, LibreOffice each cell's
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    return grid


def _goals(w: Writer, data: PlanDocument) -> None:
    goals, labels = data.plan.goals, PLAN_LABELS[data.language]
    if not any(g.measure for g in goals):
        w.bullets(tuple(g.goal for g in goals))
        return
    rows = [(str(i), g.goal, g.measure) for i, g in enumerate(goals, start=1)]
    table(w, (labels["no"], labels["goal"], labels["measure"]), rows, (1.4, 6.4, 8.8))


def course_map(w: Writer, data: PlanDocument) -> None:
    """Course · length · dates · audience, one row per course, and the total."""
    lang, labels = data.language, PLAN_LABELS[data.language]
    rows, total = [], 0
    for scheduled in data.programme.courses:
        total += scheduled.minutes
        when = "\n".join(format_date(d.date, lang) for d in scheduled.days) or "—"
        rows.append(
            (
                scheduled.title,
                format_minutes(scheduled.minutes, lang),
                when,
                labels["sep"].join(scheduled.audience) or "—",
            )
        )
    rows.append((labels["overview_total"], format_minutes(total, lang), "", ""))
    grid = table(
        w,
        (labels["course"], labels["length"], labels["dates"], labels["audience"]),
        rows,
        (4.4, 1.8, 5.8, 4.6),
    )
    for cell in grid.rows[-1].cells[:2]:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _path(w: Writer, data: PlanDocument, chapter: int) -> None:
    lang, labels = data.language, PLAN_LABELS[data.language]
    if data.programme.courses:
        w.styles.paragraph(w.doc, labels["course_map"], "Syllabus Meta").runs[0].bold = True
        course_map(w, data)
    phases = list(data.plan.path)
    if data.courses and not any(p.courses for p in phases):
        phases.append(Phase(labels["courses_phase"], Mark(), courses=True))
    placed = False
    for index, phase in enumerate(phases, start=1):
        w.styles.paragraph(w.doc, phase_number(index, chapter, lang) + phase.phase, "Heading 2")
        if phase.when:
            w.paragraphs(labels["phase_when"] + labels["colon"] + format_date(phase.when, lang))
        if phase.text:
            w.paragraphs(phase.text)
        if phase.activities:
            w.bullets(phase.activities)
        if phase.courses and not placed:
            placed = True
            _courses(w, data)


def _courses(w: Writer, data: PlanDocument) -> None:
    """Each course under a level-3 title (its own sections one level below), then the
    instructor."""
    w.offset = 3
    for item in data.courses:
        w.styles.paragraph(w.doc, item.course.title, "Heading 3")
        course_body(w, item)
        if data.instructor is None and item.course.instructor:
            instructor_section(w, item.course.instructor)
    if data.instructor is not None:
        instructor_section(w, data.instructor)
    w.offset = 0


def _resources(w: Writer, data: PlanDocument) -> None:
    res, labels = data.plan.resources, PLAN_LABELS[data.language]
    sep = labels["sep"]
    rows: list[tuple[str, str]] = []
    if res.participants is not None:
        rows.append(
            (labels["participants"], labels["participants_value"].format(n=res.participants))
        )
    if res.groups is not None:
        rows.append((labels["groups"], labels["groups_value"].format(n=res.groups)))
    if res.venue:
        rows.append((labels["venue"], res.venue))
    if res.equipment:
        rows.append((labels["equipment"], sep.join(res.equipment)))
    if res.materials:
        rows.append((labels["materials"], sep.join(res.materials)))
    table(w, (labels["item_resource"], labels["detail"]), rows, (4.0, 12.6))


def _quote(w: Writer, data: PlanDocument) -> None:
    assert data.plan.quote is not None
    lang, labels = data.language, PLAN_LABELS[data.language]
    fig = figures(data.plan.quote, data.programme.day_count)
    unit = "元" if fig.currency == "CNY" and lang == "zh" else fig.currency
    bracket = ("（", "）") if lang == "zh" else (" (", ")")
    price_h = f"{labels['price']}{bracket[0]}{unit}{bracket[1]}"
    amount_h = f"{labels['amount']}{bracket[0]}{unit}{bracket[1]}"
    rows = [
        (line.item, quantity_text(line.quantity), line.unit, money(line.price), money(line.amount))
        for line in fig.lines
    ]
    rows.append((labels["subtotal"], "", "", "", money(fig.subtotal)))
    if fig.tax_rate is not None:
        rate = f"{bracket[0]}{percent_text(fig.tax_rate)}{bracket[1]}"
        rows.append((labels["tax"] + rate, "", "", "", money(fig.tax)))
    rows.append((labels["total"], "", "", "", money(fig.total)))
    grid = table(
        w,
        (labels["item"], labels["quantity"], labels["unit"], price_h, amount_h),
        rows,
        (6.0, 1.8, 1.8, 3.4, 3.6),
    )
    for index, row in enumerate(grid.rows[1:], start=0):
        for column in (1, 3, 4):
            row.cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if index >= len(fig.lines):
            for cell in (row.cells[0], row.cells[4]):
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    if lang == "zh":
        words = w.styles.paragraph(w.doc)
        words.add_run(labels["in_words"] + labels["colon"]).bold = True
        words.add_run(total_in_words(fig))
        words.runs[1].font.size = Pt(11)


def _risks(w: Writer, data: PlanDocument) -> None:
    labels = PLAN_LABELS[data.language]
    rows = [(str(i), r.risk, r.response) for i, r in enumerate(data.plan.risks, start=1)]
    table(w, (labels["no"], labels["risk"], labels["response"]), rows, (1.4, 6.4, 8.8))


def timeline_rows(data: PlanDocument) -> list[tuple[str, str, str]]:
    """Milestones, dated phases and every delivery day, in date order:
    (date with weekday, time, event)."""
    lang, labels = data.language, PLAN_LABELS[data.language]
    entries: list[tuple[dt.date, int, int, str, str]] = []
    for m in data.plan.timeline:
        entries.append((m.date, 0, 0, "", m.milestone))
    for phase in data.plan.path:
        if phase.when:
            entries.append((phase.when, 1, 0, "", phase.phase))
    for day in data.programme.delivery_days:
        course = next(c for c in data.programme.courses if c.title == day.course)
        suffix = ""
        if course.day_count > 1:
            suffix = (
                f"（{labels['day_n'].format(n=day.number)}）"
                if lang == "zh"
                else f" ({labels['day_n'].format(n=day.number)})"
            )
        entries.append(
            (
                day.date,
                2,
                day.start,
                f"{clock(day.start)}–{clock(day.end)}",
                f"{labels['delivery']}{labels['colon']}{day.course}{suffix}",
            )
        )
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    return [(format_date(d, lang), time, text) for d, _, _, time, text in entries]


def _timeline(w: Writer, data: PlanDocument) -> None:
    labels = PLAN_LABELS[data.language]
    table(
        w,
        (labels["date"], labels["time"], labels["event"]),
        timeline_rows(data),
        (5.8, 3.2, 7.6),
    )


def _evaluation(w: Writer, data: PlanDocument) -> None:
    items, labels = data.plan.evaluation, PLAN_LABELS[data.language]
    if not any(e.level or e.when for e in items):
        w.bullets(tuple(e.method for e in items))
        return
    rows = [(e.level or "—", e.method, e.when or "—") for e in items]
    table(w, (labels["level"], labels["method"], labels["when"]), rows, (3.4, 9.0, 4.2))
