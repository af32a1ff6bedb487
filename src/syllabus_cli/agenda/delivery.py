"""A pack's programme as values: each course as delivered and its dated teaching days.

Plain values (``pack/programme.py`` works them out from a pack), so the training plan,
the calendar and the index are rendered without reaching back into the pack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Mark, Problem


@dataclass(frozen=True)
class DeliveryDay:
    date: dt.date
    start: int  # minutes after midnight: the first session
    end: int  # the end of the last session
    course: str  # the course title
    number: int  # day 1, 2… of that course


@dataclass(frozen=True)
class Scheduled:
    """One course of the pack as delivered."""

    path: Path
    mark: Mark
    title: str
    minutes: int
    audience: tuple[str, ...] = ()
    instructor: str = ""
    day_count: int = 1
    days: tuple[DeliveryDay, ...] = ()  # the dated ones


@dataclass(frozen=True)
class Programme:
    dates: tuple[dt.date | None, ...]  # per course, in pack order: its first day
    problems: tuple[Problem, ...] = field(default=())
    courses: tuple[Scheduled, ...] = ()  # the courses that could be laid out

    @property
    def delivery_days(self) -> list[DeliveryDay]:
        """Every dated teaching day of the pack, in date and time order."""
        days = [d for c in self.courses for d in c.days]
        return sorted(days, key=lambda d: (d.date, d.start))

    @property
    def day_count(self) -> int:
        """Delivery days: distinct dates when every course is dated, else the sum of the
        courses' days."""
        if self.courses and all(len(c.days) == c.day_count for c in self.courses):
            return len({d.date for c in self.courses for d in c.days})
        return sum(c.day_count for c in self.courses)
