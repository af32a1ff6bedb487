"""Lay the course's sessions out on the clock: breaks, lunch, several days. Pure.

Sessions are the deepest timed outline blocks, in outline order. A session that meets a
break or lunch is split into numbered parts, unless it says ``split: false``: then it
starts after the pause, the pause starts where teaching stopped, and that is a warning.
A part shorter than the schedule's ``min_part`` (20 min by default) before a pause is
not worth starting: the session moves after the pause and the pause absorbs the idle
minutes (茶歇 10:20–10:45), with a warning that names it; when that would end the day
after its latest end, the part stays and the warning says what to change. A day teaches up to its
hours, then the course continues the next day. Teaching minutes on the agenda always
equal the course's minutes. A day that ends after a latest end the user set is an
error; after the built-in 18:00 only a warning. Dated days follow a ``Calendar``
(China's working days by default).
"""

from __future__ import annotations

import datetime as dt

from ..dates import Calendar
from ..i18n import msg
from ..problems import Mark, Problem, error, warning
from .clock import Filled, PauseKey, fill
from .settings import DaySettings, check_settings, clock
from .slots import BREAK, LUNCH, SESSION, Agenda, Day, Labels, SessionIn, Slot

__all__ = [
    "BREAK",
    "LUNCH",
    "SESSION",
    "Agenda",
    "Day",
    "Labels",
    "SessionIn",
    "Slot",
    "day_quota",
    "layout",
]

# How the layout cut the sessions, with nothing wrong in what the user wrote: told by
# ``agenda``, ``proposal``, ``export`` and ``pack`` (whoever makes a document a client
# reads), not by ``validate``. A short part kept because the day is full
# (``short-part-kept``) is a schedule that does not fit well: ``validate`` tells it too.
LAYOUT_NOTES = frozenset({"short-part", "short-last-part"})


def _fill_in_time(
    sessions: list[SessionIn], settings: DaySettings, quota: int, labels: Labels
) -> Filled:
    """``fill``, keeping a short part where it is when moving it after its pause would
    make its day end later than it may: after the latest end, or past the next pause
    the day ends before without moves (a morning half day stays a morning). The last
    move of such a day is undone first, until no day is late because of a move."""
    filled = fill(sessions, settings, quota, labels)
    if not filled.moved:
        return filled  # the usual case: one pass
    unmoved = fill(sessions, settings, quota, labels, None)
    limits = [_limit(slots, settings) for slots in unmoved.days]
    keep: dict[PauseKey, int] = {}
    while True:
        late = [
            key
            for key in filled.moved
            if _end(filled.days[key[0]], settings) > _day_limit(limits, key[0], settings)
        ]
        if not late:
            return filled
        day = late[-1][0]
        keep[late[-1]] = _day_limit(limits, day, settings)  # a new key each time: the loop ends
        filled = fill(sessions, settings, quota, labels, keep)


def _end(slots: list[Slot], settings: DaySettings) -> int:
    return max((s.end for s in slots), default=settings.start)


def _limit(slots: list[Slot], settings: DaySettings) -> int:
    """The latest a day may end once short parts move: its latest end, or the start of
    the first pause after its end without moves."""
    end = _end(slots, settings)
    ahead = [w.start for w, _ in settings.pauses() if w.start >= end]
    return min([settings.latest_end, *ahead])


def _day_limit(limits: list[int], day: int, settings: DaySettings) -> int:
    return limits[day] if day < len(limits) else settings.latest_end


def day_quota(total: int, per_day_from_duration: int | None, settings: DaySettings) -> int:
    """Teaching minutes a day: as the duration says (1天(6h/天)), else the schedule's
    hours_per_day, else one day for up to 8 hours and 6-hour days beyond."""
    if per_day_from_duration:
        return per_day_from_duration
    if settings.hours_per_day:
        return settings.hours_per_day
    return total if total <= 8 * 60 else 6 * 60


def dates(first: dt.date | None, count: int, calendar: Calendar) -> list[dt.date | None]:
    """``count`` delivery days from ``first`` on (``first`` moves to the next working
    day when it is not one); stops short at the end of the calendar."""
    if first is None:
        return [None] * count
    out: list[dt.date | None] = []
    for day in calendar.working_days(first):
        if len(out) == count:
            break
        out.append(day)
    return out + [None] * (count - len(out))


def holiday_gaps(calendar: Calendar, days: list[dt.date], mark: Mark | None) -> list[Problem]:
    """A warning per delivery year China's official calendar has no data for yet."""
    return [
        warning(
            mark or Mark(),
            "holiday-data",
            msg("agenda.holiday-data", year=year),
        )
        for year in calendar.uncovered_years(days)
    ]


def layout(
    title: str,
    sessions: list[SessionIn],
    settings: DaySettings,
    quota: int,
    *,
    first_date: dt.date | None = None,
    calendar: Calendar | None = None,
    labels: Labels | None = None,
    overflow_mark: Mark | None = None,
    first_mark: Mark | None = None,
) -> Agenda:
    labels = labels or Labels()
    problems = check_settings(settings)
    if any(p.code in ("break-in-lunch", "break-overlap", "schedule-order") for p in problems):
        return Agenda(title, 0, (), tuple(problems))
    filled = _fill_in_time(sessions, settings, quota, labels)
    days = filled.days
    problems += filled.problems

    calendar = calendar or Calendar()
    on = dates(first_date, len(days), calendar)
    problems += holiday_gaps(calendar, [d for d in on if d is not None], first_mark)
    built = tuple(Day(i + 1, on[i], tuple(slots)) for i, slots in enumerate(days))
    for built_day in built:
        end = max((s.end for s in built_day.slots), default=settings.start)
        if end <= settings.latest_end:
            continue
        if settings.latest_end_set:
            problems.append(
                error(
                    settings.marks.get("latest_end") or overflow_mark or Mark(),
                    "day-overflow",
                    msg(
                        "agenda.day-overflow",
                        day=built_day.number,
                        end=clock(end),
                        latest=clock(settings.latest_end),
                    ),
                )
            )
        else:
            problems.append(
                warning(
                    overflow_mark or Mark(),
                    "day-overflow",
                    msg(
                        "agenda.day-overflow-usual",
                        day=built_day.number,
                        end=clock(end),
                        latest=clock(settings.latest_end),
                    ),
                )
            )
    total = sum(d.teaching_minutes for d in built)
    return Agenda(title, total, built, tuple(problems))
