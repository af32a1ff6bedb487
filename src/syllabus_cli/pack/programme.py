"""A pack's programme: when each course runs, and whether the pack's settings hold it.

A course with its own date keeps it; one without starts on the first working day after
the previous course's last day (the first one on the pack's ``date``). Working days
follow the pack's ``skip`` (China's official calendar by default). Each course is laid
out with the pack's schedule: a day it cannot hold is a problem at that course's line in
the pack file, so ``validate`` says so before a build does. The same instructor booked
twice at the same time is a warning.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from ..agenda.delivery import DeliveryDay, Programme, Scheduled
from ..agenda.layout import SESSION
from ..agenda.settings import clock
from ..check import CheckedCourse, lay_out
from ..dates import Calendar
from ..i18n import Msg, msg
from ..problems import Level, Problem, error, warning
from ..spec.build import load_course
from .spec import Pack


def plan_programme(pack: Pack) -> Programme:
    return plan_courses(pack)[0]


def plan_courses(
    pack: Pack, known: Sequence[CheckedCourse | None] = ()
) -> tuple[Programme, tuple[CheckedCourse | None, ...]]:
    """The programme and each course as the pack delivers it, read and checked once:
    a course in ``known`` (its job's value, by position) is not read again."""
    calendar = Calendar(pack.skip)
    dates: list[dt.date | None] = []
    problems: list[Problem] = []
    scheduled: list[Scheduled] = []
    courses: list[CheckedCourse | None] = []
    following: dt.date | None = pack.date
    for index, entry in enumerate(pack.courses):
        start = entry.date or following
        if entry.date and not calendar.is_working_day(entry.date):
            problems.append(
                warning(
                    entry.mark,
                    "not-working-day",
                    msg("pack.not-working-day", date=entry.date, skip=pack.skip),
                )
            )
        checked = known[index] if index < len(known) else None
        if checked is None and not entry.path.is_file():
            dates.append(start)
            courses.append(None)
            following = None if start is None else start + dt.timedelta(days=1)
            continue  # the pack's own check reports the missing file
        if checked is None:
            checked = lay_out(
                load_course(entry.path, variant=entry.variant),
                entry.path,
                instructor=pack.instructor,
                overrides=(pack.schedule,),
                first_date=start,
                skip=pack.skip,
            )
        courses.append(checked)
        result, course, agenda = checked.result, checked.course, checked.agenda
        if result.errors or course is None or agenda is None:
            dates.append(start)
            problems.append(
                error(
                    entry.mark,
                    "course-invalid",
                    msg(
                        "pack.course-invalid",
                        name=entry.path.name,
                        n=len(result.errors),
                        path=entry.path.as_posix(),
                    ),
                )
            )
            following = None if start is None else start + dt.timedelta(days=1)
            continue
        for problem in agenda.problems:
            if problem in result.problems:
                continue
            if problem.level is Level.ERROR:
                problems.append(
                    error(
                        entry.mark,
                        problem.code,
                        msg("pack.with-schedule", name=entry.path.name, inner=_said(problem)),
                    )
                )
            elif problem.code == "holiday-data":
                problems.append(warning(entry.mark, problem.code, _said(problem)))
            elif problem.code == "short-part-kept":  # as validate tells it for a course
                said = msg("pack.with-schedule", name=entry.path.name, inner=_said(problem))
                problems.append(warning(entry.mark, problem.code, said))
        days = tuple(
            DeliveryDay(
                d.date,
                min(s.start for s in d.slots if s.kind == SESSION),
                max(s.end for s in d.slots if s.kind == SESSION),
                course.title,
                d.number,
            )
            for d in agenda.days
            if d.date is not None and any(s.kind == SESSION for s in d.slots)
        )
        dates.append(days[0].date if days else start)
        scheduled.append(
            Scheduled(
                entry.path,
                entry.mark,
                course.title,
                agenda.teaching_minutes,
                course.audience,
                course.instructor.name if course.instructor else "",
                max(len(agenda.days), 1),
                days,
            )
        )
        if days:
            following = days[-1].date + dt.timedelta(days=1)
        elif start is not None:
            following = start + dt.timedelta(days=max(len(agenda.days), 1))
    problems += overlaps(scheduled)
    programme = Programme(tuple(dates), (), tuple(scheduled))
    problems += discount_over(pack, programme)
    return Programme(tuple(dates), tuple(_unique(problems)), tuple(scheduled)), tuple(courses)


def discount_over(pack: Pack, programme: Programme) -> list[Problem]:
    """A discount written as an amount larger than the subtotal it comes off: the plan
    would quote a negative price (the subtotal counts the delivery days, so it is known
    only once the programme is)."""
    from ..spec.quote import figures, money

    quote = pack.plan.quote if pack.plan else None
    if quote is None or quote.discount is None or quote.discount.percent:
        return []
    subtotal = figures(quote, programme.day_count).subtotal
    if quote.discount.value <= subtotal:
        return []
    said = msg(
        "plan.discount-over",
        discount=money(quote.discount.value),
        subtotal=money(subtotal),
    )
    return [error(quote.discount.mark, "discount-over", said)]


def _said(problem: Problem) -> str | Msg:
    """A problem's message before it has words, when it has them."""
    return problem.words if problem.words is not None else problem.message


def overlaps(courses: list[Scheduled]) -> list[Problem]:
    """The same instructor teaching two courses at the same time of the same day."""
    found: list[Problem] = []
    for first, second in itertools.combinations(courses, 2):
        if not first.instructor or first.instructor != second.instructor:
            continue
        for a, b in itertools.product(first.days, second.days):
            if a.date == b.date and a.start < b.end and b.start < a.end:
                found.append(
                    warning(
                        second.mark,
                        "instructor-overlap",
                        msg(
                            "pack.instructor-overlap",
                            instructor=second.instructor,
                            date=a.date,
                            first=first.title,
                            first_start=clock(a.start),
                            first_end=clock(a.end),
                            second=second.title,
                            second_start=clock(b.start),
                            second_end=clock(b.end),
                        ),
                    )
                )
                break
    return found


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for problem in problems:
        key = (problem.code, problem.message)
        if problem.code == "holiday-data" and key in seen:
            continue
        seen.add(key)
        out.append(problem)
    return out
