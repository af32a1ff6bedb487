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

from ..agenda.delivery import Programme
from ..agenda.settings import clock
from ..dates import format_date
from ..duration import format_minutes
from ..i18n import labels
from ..numerals import to_chinese
from ..problems import Mark
from ..spec.training_plan import Issue, Phase, Plan, Titled
from .plan_table import table
from .plan_terms import confirmation, quote_section
from .proposal import ProposalInput, Writer, course_body, instructor_body


class _Labels(dict[str, dict[str, str]]):
    """``PLAN_LABELS[lang]``: the plan's labels from the i18n registry."""

    def __missing__(self, lang: str) -> dict[str, str]:
        return labels("plan", lang)


PLAN_LABELS = _Labels()


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
    issue: Issue | None = None  # issue date, version and supplier (乙方)


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
    if instructors(data):
        chapters.append(("instructors", lambda n: _instructors(w, data)))
    if plan.resources:
        chapters.append(("resources", lambda n: _resources(w, data)))
    if plan.quote is not None and plan.quote.items:
        quote = plan.quote
        days = data.programme.day_count
        chapters.append(("quote", lambda n: quote_section(w, quote, data.issue, lang, days)))
    if plan.risks:
        chapters.append(("risks", lambda n: _risks(w, data)))
    if plan.timeline or any(p.when for p in plan.path) or data.programme.delivery_days:
        chapters.append(("timeline", lambda n: _timeline(w, data)))
    if plan.evaluation:
        chapters.append(("evaluation", lambda n: _evaluation(w, data)))
    if plan.quote is not None and plan.quote.items:  # a plan with a quote is signed
        supplier = data.issue.supplier if data.issue else None
        chapters.append(("confirm", lambda n: confirmation(w, data.client, supplier, lang)))
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
    """Each course a Heading 2 under its phase, its own sections (课程背景, 课程大纲,
    课程日程) Heading 3 below it, its modules bold below those."""
    w.offset = 2
    for item in data.courses:
        w.styles.paragraph(w.doc, w.text(item.course.title), "Heading 2", keep=True)
        course_body(w, item)
    w.offset = 0


def instructors(data: PlanDocument) -> list[Any]:
    """The instructors the plan introduces: the pack's, else each course's own, once."""
    if data.instructor is not None:
        return [data.instructor]
    found: dict[str, Any] = {}
    for item in data.courses:
        if item.course.instructor is not None:
            found.setdefault(item.course.instructor.name, item.course.instructor)
    return list(found.values())


def _instructors(w: Writer, data: PlanDocument) -> None:
    """讲师介绍 as a chapter: one instructor's profile, or a section per instructor."""
    people = instructors(data)
    w.offset = 1 if len(people) > 1 else 0
    for who in people:
        instructor_body(w, who, named=len(people) > 1)
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
