"""A pack's programme: when each course runs, and whether the pack's settings hold it.

A course with its own date keeps it; one without starts the day after the previous
course's last day (the first one on the pack's ``date``). Each course is laid out with
the pack's schedule: a day it cannot hold is a problem at that course's line in the pack
file, so ``validate`` says so before a build does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..agenda.plan import plan_agenda
from ..check import check_course
from ..problems import Level, Problem, error
from ..spec.build import load_course
from .spec import Pack


@dataclass(frozen=True)
class Programme:
    dates: tuple[dt.date | None, ...]  # per course, in pack order
    problems: tuple[Problem, ...] = field(default=())


def plan_programme(pack: Pack) -> Programme:
    dates: list[dt.date | None] = []
    problems: list[Problem] = []
    following: dt.date | None = pack.date
    for entry in pack.courses:
        start = entry.date or following
        dates.append(start)
        if not entry.path.is_file():
            following = None if start is None else start + dt.timedelta(days=1)
            continue  # the pack's own check reports the missing file
        result = check_course(load_course(entry.path, variant=entry.variant), entry.path)
        if result.errors or result.course is None or result.timing is None:
            problems.append(
                error(
                    entry.mark,
                    "course-invalid",
                    f"{entry.path.name} has {len(result.errors)} error(s); run: syllabus validate {entry.path.as_posix()}",
                )
            )
            following = None if start is None else start + dt.timedelta(days=1)
            continue
        agenda = plan_agenda(
            result.course, result.timing, overrides=(pack.schedule,), first_date=start
        )
        for problem in agenda.problems:
            if problem.level is Level.ERROR and problem not in result.problems:
                problems.append(
                    error(
                        entry.mark,
                        problem.code,
                        f"{entry.path.name} with this pack's schedule: {problem.message}",
                    )
                )
        days = max(len(agenda.days), 1)
        following = None if start is None else start + dt.timedelta(days=days)
    return Programme(tuple(dates), tuple(problems))
