"""From a checked course to its agenda: sessions, settings, labels. Pure."""

from __future__ import annotations

import datetime as dt

from ..dates import Calendar
from ..spec.model import Course, Schedule
from ..timing.rules import TimedNode, Timing
from .layout import Agenda, Labels, SessionIn, day_quota, layout
from .settings import merge

LABELS = {
    "zh": Labels(tea_break="茶歇", lunch="午餐"),
    "en": Labels(tea_break="Tea break", lunch="Lunch"),
}
FORMAT_WORDS = {
    "zh": {"exercise": "演练", "case": "案例研讨", "lecture": "讲授"},
    "en": {"exercise": "Exercise", "case": "Case study", "lecture": "Lecture"},
}


def session_format(node: TimedNode, language: str) -> str:
    """What the Format column says: the block's own ``format``, else what it holds."""
    words = FORMAT_WORDS[language]
    if node.node.format:
        return "、".join(node.node.format) if language == "zh" else ", ".join(node.node.format)
    kinds = [words["lecture"]]
    if node.node.cases:
        kinds.append(words["case"])
    if node.node.exercises:
        kinds.append(words["exercise"])
    return ("+" if language == "zh" else " + ").join(kinds)


def plan_agenda(
    course: Course,
    timing: Timing,
    *,
    overrides: tuple[Schedule, ...] = (),
    first_date: dt.date | None = None,
    skip: str = "holidays",
    skip_weekends: bool = False,
) -> Agenda:
    """The agenda of a course whose timing passed (``timing.minutes`` is known). Dated
    days skip what ``skip`` says (holidays | weekends | none); ``skip_weekends`` is the
    old flag's meaning, kept for callers that still pass it."""
    settings = merge(course.schedule, *overrides)
    sessions = [
        SessionIn(
            title=n.title,
            minutes=n.minutes or 0,
            split=n.node.split,
            format=session_format(n, course.language),
            mark=n.node.mark,
        )
        for n in timing.sessions()
    ]
    total = timing.minutes or 0
    per_day = course.duration.minutes_per_day if course.duration else None
    return layout(
        course.title,
        sessions,
        settings,
        day_quota(total, per_day, settings),
        first_date=first_date,
        calendar=Calendar("weekends" if skip_weekends else skip),
        labels=LABELS[course.language],
        overflow_mark=settings.marks.get("start") or course.duration_mark,
    )
