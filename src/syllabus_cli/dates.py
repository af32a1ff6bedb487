"""Dates as a client reads them, and the days a course can be delivered on.

* Every date a client sees carries its weekday: ``2026年12月8日(星期二)`` in Chinese,
  ``Tue 8 Dec 2026`` in English (the forms of the product contract).
* Working days follow China's official calendar (public holidays off, make-up working
  Saturdays and Sundays on), from the ``chinese-calendar`` package, which publishes the
  State Council's schedule each year. A year it does not cover falls back to
  weekends only, and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .i18n import labels

SKIP_MODES = ("holidays", "weekends", "none")


def weekday(day: dt.date, language: str) -> str:
    return labels("weekday", language)[str(day.weekday())]


def format_date(day: dt.date, language: str) -> str:
    """``2026年12月8日（星期二）`` (full-width brackets, as in all zh text) /
    ``Tue 8 Dec 2026``."""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日（{weekday(day, 'zh')}）"
    month = labels("month", language)[str(day.month)]
    return f"{weekday(day, language)} {day.day} {month} {day.year}"


@dataclass(frozen=True)
class Calendar:
    """Which days teach. ``skip``: "holidays" (China's official calendar, the default),
    "weekends" (Saturday and Sunday only) or "none" (every day)."""

    skip: str = "holidays"

    def is_working_day(self, day: dt.date) -> bool:
        if self.skip == "none":
            return True
        if self.skip == "holidays":
            known = _official(day)
            if known is not None:
                return known
        return day.weekday() < 5

    def working_days(self, first: dt.date) -> Iterator[dt.date]:
        """``first`` and the working days after it, in order (``first`` itself only when
        it is a working day). Stops at the end of the calendar (9999-12-31)."""
        day = first
        while True:
            if self.is_working_day(day):
                yield day
            if day == dt.date.max:
                return
            day += dt.timedelta(days=1)

    def uncovered_years(self, days: list[dt.date]) -> list[int]:
        """Years among ``days`` the official calendar has no data for (weekends only)."""
        if self.skip != "holidays":
            return []
        return sorted({d.year for d in days if _official(d) is None})


def _official(day: dt.date) -> bool | None:
    """True/False from the official calendar; None for a year it does not cover."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None
