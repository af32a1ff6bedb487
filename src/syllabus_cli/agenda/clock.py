"""The sessions on the clock, day by day: where they split, what moves, what is said. Pure.

Pauses give way to the outline first: a pause that would cut a session moves to the
session boundary nearest its set time inside its float window (a tea break within 30
minutes, lunch starting 11:45–12:30 for 12:00), its length kept; only a pinned pause
(``fixed: true``, or ``schedule.float: 0``) stays put. When no boundary is near enough:
A session that meets a pause is split there. A part shorter than ``min_part`` before a
pause is not started: the session starts after the pause, and the pause starts where
teaching stopped (茶歇 10:20–10:45): the agenda has no hole, and the pause still ends
when the schedule says. ``layout`` decides which of those moves a day cannot afford (``keep``):
that short part stays, with a ``short-part-kept`` warning. A short part no move avoids
(the rest of a session after a pause, a part cut by the end of a day) is a
``short-last-part`` warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..i18n import Word, msg
from ..problems import Problem, warning
from ..spec.model import Window
from .settings import DaySettings, clock, float_window
from .slots import LUNCH, SESSION, Labels, SessionIn, Slot

# (day index, pause start): one pause on one day, where a short part may move after it
PauseKey = tuple[int, int]


@dataclass
class Filled:
    days: list[list[Slot]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    moved: list[PauseKey] = field(default_factory=list)  # short parts moved, in order


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
        """The next pause, from where teaching stopped: idle minutes before it are its own."""
        window, kind = self.pauses.pop(0)
        title = self.labels.lunch if kind == LUNCH else self.labels.tea_break
        self.slots.append(Slot(min(self.cursor, window.start), window.end, kind, title))
        self.cursor = window.end

    def take_pause_at(self, start: int) -> None:
        """The next pause, moved to start at ``start`` (a session boundary), its length
        kept."""
        window, kind = self.pauses.pop(0)
        title = self.labels.lunch if kind == LUNCH else self.labels.tea_break
        self.slots.append(Slot(start, start + window.minutes, kind, title))
        self.cursor = start + window.minutes

    def room(self) -> int:
        """Minutes until the next pause (or the rest of the quota)."""
        pause = self.next_pause()
        until = pause[0].start - self.cursor if pause else self.left
        return min(until, self.left)

    def teach(self, session: SessionIn, minutes: int, part: int) -> Slot:
        slot = Slot(
            self.cursor, self.cursor + minutes, SESSION, session.title, part, session.format
        )
        self.slots.append(slot)
        self.cursor += minutes
        self.taught += minutes
        return slot


def fill(
    sessions: list[SessionIn],
    settings: DaySettings,
    quota: int,
    labels: Labels,
    keep: Mapping[PauseKey, int] | None = MappingProxyType({}),
) -> Filled:
    """The sessions on the clock, day by day, and what moved on the way. A short part
    before a pause in ``keep`` stays, with a warning saying the day may not end after
    the clock time ``keep`` gives; with ``keep=None`` no short part moves."""
    out = Filled()
    min_part = settings.min_part
    day = _Day(settings, quota, labels)

    def next_day() -> _Day:
        out.days.append(_ends_teaching(day.slots))
        return _Day(settings, quota, labels)

    for session in sessions:
        remaining, parts = session.minutes, 0
        taught: list[Slot] = []
        kept = False  # a short part of this session stayed, with its own warning
        while remaining > 0:
            if day.left <= 0:
                day = next_day()
            room = day.room()
            if room <= 0:  # at a pause
                day.take_pause()
                continue
            pause = day.next_pause()
            if pause is not None and remaining > room and pause[0].start - day.cursor == room:
                move = _give_way(day, remaining, parts, settings)
                if move == "before":  # the pause comes now, between two sessions
                    day.take_pause_at(day.cursor)
                    continue
                if move == "after":  # the session ends first, then the pause
                    parts += 1
                    taught.append(day.teach(session, remaining, parts))
                    remaining = 0
                    day.take_pause_at(day.cursor)
                    continue
            if not session.split and parts == 0 and remaining > room:
                if remaining > day.left and day.taught > 0:
                    day = next_day()  # does not fit what is left of today: start tomorrow
                    continue
                if pause is not None and _fits_after_pause(day, remaining):
                    out.problems.append(
                        warning(
                            session.mark,
                            "idle-gap",
                            msg(
                                "agenda.idle-gap",
                                title=session.title,
                                pause=Word(pause[1]),
                                at=clock(pause[0].start),
                                idle=room,
                                since=clock(day.cursor),
                            ),
                        )
                    )
                    day.take_pause()
                    continue
                out.problems.append(
                    warning(
                        session.mark,
                        "split-anyway",
                        msg("agenda.split-anyway", title=session.title, minutes=session.minutes),
                    )
                )
            if (
                session.split
                and remaining > room
                and room < min_part
                and pause is not None
                and pause[0].start - day.cursor == room
            ):
                key = (len(out.days), pause[0].start)
                said = {
                    "title": session.title,
                    "room": room,
                    "pause": Word(pause[1]),
                    "at": clock(pause[0].start),
                    "min_part": min_part,
                }
                if keep is not None and key not in keep:
                    out.problems.append(
                        warning(
                            session.mark,
                            "short-part",
                            msg("agenda.short-part", **said, since=clock(day.cursor)),
                        )
                    )
                    out.moved.append(key)
                    day.take_pause()
                    continue
                out.problems.append(
                    warning(
                        session.mark,
                        "short-part-kept",
                        msg(
                            "agenda.short-part-kept",
                            **said,
                            day=len(out.days) + 1,
                            latest=clock(keep[key] if keep else settings.latest_end),
                            advice=msg("agenda.advice"),
                        ),
                    )
                )
                kept = True
            minutes = min(remaining, room)
            parts += 1
            taught.append(day.teach(session, minutes, parts))
            remaining -= minutes
        if parts == 1:  # one part is no part (a pause may follow it already)
            at = next(i for i in range(len(day.slots) - 1, -1, -1) if day.slots[i] is taught[0])
            only = day.slots[at]
            day.slots[at] = Slot(only.start, only.end, only.kind, only.title, None, only.format)
        if not kept:
            out.problems.extend(_short_parts(session, taught, min_part))
    out.days.append(_ends_teaching(day.slots))
    return out


def _ends_teaching(slots: list[Slot]) -> list[Slot]:
    """A day ends with its last session: a pause moved after it (a half day's last
    session ending at 12:15, lunch given way to after it) belongs to no one's day."""
    end = len(slots)
    while end and slots[end - 1].kind != SESSION:
        end -= 1
    return slots[:end]


def _short_parts(session: SessionIn, taught: list[Slot], min_part: int) -> list[Problem]:
    """A warning for each part of a split session under ``min_part`` (a short last part
    after a pause, a part cut by the end of a day)."""
    if len(taught) < 2:
        return []
    return [
        warning(
            session.mark,
            "short-last-part",
            msg(
                "agenda.short-last-part",
                title=session.title,
                minutes=slot.minutes,
                start=clock(slot.start),
                end=clock(slot.end),
                min_part=min_part,
                advice=msg("agenda.advice"),
            ),
        )
        for slot in taught
        if slot.minutes < min_part
    ]


def _give_way(day: _Day, remaining: int, parts: int, settings: DaySettings) -> str:
    """Where the next pause goes when the session at the cursor would run into it: to
    the boundary before the session ("before"), or after it ("after"), whichever is
    nearer its set time within its float window (``float_window``); "" when neither
    is a boundary within it (the session is then split, as before)."""
    window, kind = day.pauses[0]
    low, high = float_window(window, kind, settings)
    if low == high:
        return ""  # pinned
    options: list[tuple[int, int, str]] = []  # (distance from the set time, order, where)
    if parts == 0 and day.taught > 0 and low <= day.cursor:
        options.append((window.start - day.cursor, 0, "before"))
    end = day.cursor + remaining
    following = day.pauses[1][0].start if len(day.pauses) > 1 else None
    if (
        end <= high
        and remaining <= day.left
        and (following is None or end + window.minutes <= following)
    ):
        options.append((end - window.start, 1, "after"))
    return min(options)[2] if options else ""


def _fits_after_pause(day: _Day, minutes: int) -> bool:
    """Would ``minutes`` run unbroken from the end of the next pause?"""
    pause = day.next_pause()
    if pause is None:
        return False
    following = day.pauses[1][0].start if len(day.pauses) > 1 else None
    return following is None or following - pause[0].end >= minutes
