"""What an agenda is made of: sessions in, slots and days out. Plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..problems import Mark, Problem

SESSION, BREAK, LUNCH = "session", "break", "lunch"


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
