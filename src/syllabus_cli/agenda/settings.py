"""The day's settings, resolved from layers, and checked.

Rising priority: built-in defaults ← the spec's ``schedule:`` ← a pack's ``schedule:``
← command-line flags. Each layer is a ``Schedule`` in which ``None`` means "not said
here". Pure.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..i18n import msg
from ..problems import Mark, Problem, error, warning
from ..spec.model import Schedule, Window

DEFAULT_START = 9 * 60
DEFAULT_LUNCH = Window(12 * 60, 13 * 60 + 30)
DEFAULT_BREAKS: tuple[Window, ...] = (
    Window(10 * 60 + 30, 10 * 60 + 45),
    Window(15 * 60, 15 * 60 + 15),
)
DEFAULT_LATEST_END = 18 * 60
DEFAULT_MIN_PART = 20  # a part shorter than this before a pause moves after it
DEFAULT_FLOAT = 30  # a tea break moves up to this far to fall between two sessions
LUNCH_EARLY = 15  # lunch may start this much before its set time (11:45 for 12:00)…
LONG_SINGLE_DAY = 8 * 60  # a course written in hours up to this long is one day


@dataclass(frozen=True)
class DaySettings:
    start: int
    lunch: Window | None
    breaks: tuple[Window, ...]
    latest_end: int
    hours_per_day: int | None  # teaching minutes a day, when a layer says so
    marks: dict[str, Mark]
    latest_end_set: bool = False  # a layer (spec, pack or flag) said latest_end
    min_part: int = DEFAULT_MIN_PART
    float: int = DEFAULT_FLOAT  # 0: every pause at its exact time

    def pauses(self) -> list[tuple[Window, str]]:
        """Breaks and lunch in clock order, with their kind."""
        found = [(b, "break") for b in self.breaks]
        if self.lunch is not None:
            found.append((self.lunch, "lunch"))
        return sorted(found, key=lambda item: item[0].start)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def merge(*layers: Schedule) -> DaySettings:
    """Later layers win, key by key."""
    start, breaks = DEFAULT_START, DEFAULT_BREAKS
    latest_end, per_day = DEFAULT_LATEST_END, None
    latest_end_set, min_part, float_minutes = False, DEFAULT_MIN_PART, DEFAULT_FLOAT
    lunch_or_none: Window | None = DEFAULT_LUNCH
    marks: dict[str, Mark] = {}
    for layer in layers:
        said = set()
        if layer.start is not None:
            start = layer.start
            said.add("start")
        if layer.no_lunch or layer.lunch is not None:
            lunch_or_none = None if layer.no_lunch else layer.lunch
            said.add("lunch")
        if layer.breaks is not None:
            breaks = layer.breaks
            said.add("breaks")
        if layer.latest_end is not None:
            latest_end, latest_end_set = layer.latest_end, True
            said.add("latest_end")
        if layer.min_part is not None:
            min_part = layer.min_part
            said.add("min_part")
        if layer.float is not None:
            float_minutes = layer.float
            said.add("float")
        if layer.hours_per_day is not None:
            per_day = layer.hours_per_day
            said.add("hours_per_day")
        for (
            key
        ) in said:  # a problem points where the winning value was written (nowhere, for a flag)
            if key in layer.marks:
                marks[key] = layer.marks[key]
            else:
                marks.pop(key, None)
    return DaySettings(
        start,
        lunch_or_none,
        tuple(breaks),
        latest_end,
        per_day,
        marks,
        latest_end_set,
        min_part,
        float_minutes,
    )


def check_settings(settings: DaySettings) -> list[Problem]:
    """Breaks inside lunch, overlapping breaks, a start after lunch, an end before start."""
    problems: list[Problem] = []
    lunch = settings.lunch
    ordered = sorted(settings.breaks, key=lambda b: b.start)
    for b in ordered:
        if lunch is not None and b.start < lunch.end and lunch.start < b.end:
            problems.append(
                error(
                    b.mark,
                    "break-in-lunch",
                    msg(
                        "agenda.break-in-lunch",
                        start=clock(b.start),
                        end=clock(b.end),
                        lunch_start=clock(lunch.start),
                        lunch_end=clock(lunch.end),
                    ),
                )
            )
    for first, second in itertools.pairwise(ordered):
        if second.start < first.end:
            problems.append(
                error(
                    second.mark,
                    "break-overlap",
                    msg(
                        "agenda.break-overlap",
                        start=clock(second.start),
                        end=clock(second.end),
                        other_start=clock(first.start),
                        other_end=clock(first.end),
                    ),
                )
            )
    if lunch is not None and settings.start >= lunch.start:
        problems.append(
            warning(
                settings.marks.get("start", Mark()),
                "start-after-lunch",
                msg(
                    "agenda.start-after-lunch",
                    start=clock(settings.start),
                    lunch=clock(lunch.start),
                ),
            )
        )
    if settings.latest_end <= settings.start:
        problems.append(
            error(
                settings.marks.get("latest_end", Mark()),
                "schedule-order",
                msg(
                    "agenda.schedule-order",
                    latest=clock(settings.latest_end),
                    start=clock(settings.start),
                ),
            )
        )
    return problems


def float_window(window: Window, kind: str, settings: DaySettings) -> tuple[int, int]:
    """The earliest and latest a pause may start to fall between two sessions: a tea
    break ``float`` minutes either side of its set time, lunch from ``LUNCH_EARLY``
    before to ``float`` after (11:45–12:30 for 12:00); its own time when pinned."""
    if window.fixed or settings.float <= 0:
        return window.start, window.start
    early = min(LUNCH_EARLY, settings.float) if kind == "lunch" else settings.float
    return window.start - early, window.start + settings.float
