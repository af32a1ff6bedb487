"""Lay the course's sessions out on the clock: breaks, lunch, several days. Pure.

Sessions are the deepest timed outline blocks, in outline order. A session that meets a
break or lunch is split into numbered parts, unless it says ``split: false``: then it
starts after the pause and the idle minutes are a warning. A part shorter than the
schedule's ``min_part`` (20 min by default) before a pause is not worth starting: the
session moves after the pause, with a warning that names it. A day teaches up to its
hours, then the course continues the next day. Teaching minutes on the agenda always
equal the course's minutes. A day that ends after a latest end the user set is an
error; after the built-in 18:00 only a warning. Dated days follow a ``Calendar``
(China's working days by default).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..dates import Calendar
from ..problems import Mark, Problem, error, warning
from ..spec.model import Window
from .settings import DaySettings, check_settings, clock

SESSION, BREAK, LUNCH = "session", "break", "lunch"
# what the layout decided on its own (told by ``agenda`` and builds, not by ``validate``:
# nothing the user wrote is wrong)
LAYOUT_NOTES = frozenset({"short-part"})


@dataclass(frozen=True)
class SessionIn:
    title: str
    minutes: int
    split: bool = True
    format: str = ""
    mark: Mark = field(default_factory=Mark)


@dataclass(frozen=True)
class Slot:
    start: int
    end: int
    kind: str
    title: str
    part: int | None = None
    format: str = ""

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Day:
    number: int
    date: dt.date | None
    slots: tuple[Slot, ...]

    @property
    def teaching_minutes(self) -> int:
        return sum(s.minutes for s in self.slots if s.kind == SESSION)


@dataclass(frozen=True)
class Agenda:
    title: str
    teaching_minutes: int
    days: tuple[Day, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Labels:
    tea_break: str = "茶歇"
    lunch: str = "午餐"


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
            f"no public-holiday data for {year} yet: its dates skip weekends only; "
            "check them against the State Council's holiday notice",
        )
        for year in calendar.uncovered_years(days)
    ]


class _Day:
    """One day being filled."""

    def __init__(self, settings: DaySettings, quota: int, labels: Labels) -> None:
        self.cursor = settings.start
        self.quota = quota
        self.taught = 0
        self.slots: list[Slot] = []
        self.labels = labels
        # pauses still ahead of the cursor; one the day starts inside is cut to its end
        self.pauses: list[tuple[Window, str]] = []
        for window, kind in settings.pauses():
            if window.end <= self.cursor:
                continue
            if window.start < self.cursor:
                self.cursor = window.end
                continue
            self.pauses.append((window, kind))

    @property
    def left(self) -> int:
        return self.quota - self.taught

    def next_pause(self) -> tuple[Window, str] | None:
        return self.pauses[0] if self.pauses else None

    def take_pause(self) -> None:
        window, kind = self.pauses.pop(0)
        title = self.labels.lunch if kind == LUNCH else self.labels.tea_break
        self.slots.append(Slot(window.start, window.end, kind, title))
        self.cursor = window.end

    def room(self) -> int:
        """Minutes until the next pause (or the rest of the quota)."""
        pause = self.next_pause()
        until = pause[0].start - self.cursor if pause else self.left
        return min(until, self.left)

    def teach(self, session: SessionIn, minutes: int, part: int) -> None:
        self.slots.append(
            Slot(self.cursor, self.cursor + minutes, SESSION, session.title, part, session.format)
        )
        self.cursor += minutes
        self.taught += minutes


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
    days, found = _fill(sessions, settings, quota, labels, settings.min_part)
    if settings.min_part > 0 and _ends(days, settings) > settings.latest_end:
        # moving short parts must not make a day run late: then keep them where they are
        tight, tight_found = _fill(sessions, settings, quota, labels, 0)
        if _ends(tight, settings) < _ends(days, settings):
            days, found = tight, tight_found
    problems += found

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
                    f"day {built_day.number} ends at {clock(end)}, after the latest end "
                    f"{clock(settings.latest_end)}: start earlier, shorten lunch or breaks, or teach fewer hours a day",
                )
            )
        else:
            problems.append(
                warning(
                    overflow_mark or Mark(),
                    "day-overflow",
                    f"day {built_day.number} ends at {clock(end)}, after the usual {clock(settings.latest_end)}: "
                    "start earlier or shorten lunch if that is too late (schedule.latest_end makes it a hard limit)",
                )
            )
    total = sum(d.teaching_minutes for d in built)
    return Agenda(title, total, built, tuple(problems))


def _ends(days: list[list[Slot]], settings: DaySettings) -> int:
    return max((s.end for slots in days for s in slots), default=settings.start)


def _fill(
    sessions: list[SessionIn], settings: DaySettings, quota: int, labels: Labels, min_part: int
) -> tuple[list[list[Slot]], list[Problem]]:
    """The sessions on the clock, day by day, and what moved on the way."""
    problems: list[Problem] = []
    days: list[list[Slot]] = []
    day = _Day(settings, quota, labels)

    def next_day() -> _Day:
        days.append(day.slots)
        return _Day(settings, quota, labels)

    for session in sessions:
        remaining, parts = session.minutes, 0
        while remaining > 0:
            if day.left <= 0:
                day = next_day()
            room = day.room()
            if room <= 0:  # at a pause
                day.take_pause()
                continue
            if not session.split and parts == 0 and remaining > room:
                if remaining > day.left and day.taught > 0:
                    day = next_day()  # does not fit what is left of today: start tomorrow
                    continue
                if day.next_pause() is not None and _fits_after_pause(day, remaining):
                    pause = day.next_pause()
                    assert pause is not None
                    problems.append(
                        warning(
                            session.mark,
                            "idle-gap",
                            f"{room} min idle before the {pause[1]} at {clock(pause[0].start)}: "
                            f"{session.title!r} is not split (split: false)",
                        )
                    )
                    day.cursor = pause[0].start
                    day.take_pause()
                    continue
                problems.append(
                    warning(
                        session.mark,
                        "split-anyway",
                        f"{session.title!r} ({session.minutes} min) is longer than any stretch between "
                        "breaks, so it is split despite split: false",
                    )
                )
            pause = day.next_pause()
            if (
                session.split
                and remaining > room
                and room < min_part
                and pause is not None
                and pause[0].start - day.cursor == room
            ):
                problems.append(
                    warning(
                        session.mark,
                        "short-part",
                        f"{session.title!r} would start with only {room} min before the "
                        f"{pause[1]} at {clock(pause[0].start)} (under {min_part} min): "
                        "it starts after the pause instead",
                    )
                )
                day.cursor = pause[0].start
                day.take_pause()
                continue
            minutes = min(remaining, room)
            parts += 1
            day.teach(session, minutes, parts)
            remaining -= minutes
        if parts == 1:
            last = day.slots[-1]
            day.slots[-1] = Slot(last.start, last.end, last.kind, last.title, None, last.format)
    days.append(day.slots)
    return days, problems


def _fits_after_pause(day: _Day, minutes: int) -> bool:
    """Would ``minutes`` run unbroken from the end of the next pause?"""
    pause = day.next_pause()
    if pause is None:
        return False
    following = day.pauses[1][0].start if len(day.pauses) > 1 else None
    return following is None or following - pause[0].end >= minutes
