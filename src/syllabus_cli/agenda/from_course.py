"""From a checked course to its agenda: sessions, settings, labels. Pure."""

from __future__ import annotations

import datetime as dt

from ..dates import Calendar
from ..i18n import labels
from ..spec.model import Course, Schedule
from ..timing.rules import TimedNode, Timing
from .layout import Agenda, Labels, SessionIn, day_quota, layout
from .settings import merge


def session_format(node: TimedNode, language: str) -> str:
    """What the Format column says: the block's own ``format``, else what it holds."""
    words = labels("slot-format", language)
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
    # a build checks the course (which lays it out) and then lays it out for its
    # documents: the same course and timing objects with the same options give the same
    # (immutable) agenda, so the last one is kept, with the very objects it came from
    options = (overrides, first_date, skip, skip_weekends)
    last = _LAST[0]
    if last is not None and last[0] is course and last[1] is timing and last[2] == options:
        return last[3]
    agenda = _plan(course, timing, overrides, first_date, skip, skip_weekends)
    _LAST[0] = (course, timing, options, agenda)
    return agenda


_LAST: list[tuple[Course, Timing, tuple[object, ...], Agenda] | None] = [None]


def _plan(
    course: Course,
    timing: Timing,
    overrides: tuple[Schedule, ...],
    first_date: dt.date | None,
    skip: str,
    skip_weekends: bool,
) -> Agenda:
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
        labels=Labels(**labels("slot", course.language)),
        overflow_mark=settings.marks.get("start") or course.duration_mark,
    )
