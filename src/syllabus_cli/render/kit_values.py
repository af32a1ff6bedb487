"""What the delivery kit's documents show: plain values, made by ``pack/kit.py`` from a
pack, a checked course, its agenda and the roster, and read by the ``render/kit_*.py``
writers (which import neither ``pack/`` nor ``build/``). Nothing here touches a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..i18n import msg, render


@dataclass(frozen=True)
class KitSession:
    """One row of the run sheet: a session (or a part of one), a break or lunch."""

    start: int  # minutes after midnight
    end: int
    kind: str  # session | break | lunch (agenda.slots)
    title: str
    part: int | None = None
    format: str = ""
    cumulative: int = 0  # the day's teaching minutes so far, this row included
    materials: tuple[str, ...] = ()  # the tools this session hands out or needs
    notes: tuple[str, ...] = ()  # the instructor's own notes: and facilitator: text

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class KitDay:
    number: int
    date: dt.date | None
    sessions: tuple[KitSession, ...]
    checklist: tuple[str, ...] = ()  # what to bring that day
    half: bool = False  # no lunch in the day: one sign-in column

    @property
    def teaching_minutes(self) -> int:
        return sum(s.minutes for s in self.sessions if s.kind == "session")


@dataclass(frozen=True)
class KitBlock:
    """A module or section as the participants' workbook shows it (no instructor text)."""

    title: str
    depth: int  # 1: a module
    minutes: int | None = None
    points: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class KitPerson:
    name: str
    department: str = ""
    certificate: str = ""  # its number, the same in every rebuild


@dataclass(frozen=True)
class KitCourse:
    """Everything one course's kit documents show."""

    language: str
    project: str  # the pack's title
    client: str
    title: str
    subtitle: str = ""
    instructor: str = ""
    supplier: str = ""  # who issues the certificates (the instructor when unsaid)
    venue: str = ""
    minutes: int = 0  # teaching minutes
    days: tuple[KitDay, ...] = ()
    blocks: tuple[KitBlock, ...] = ()
    people: tuple[KitPerson, ...] = ()
    seats: int = 30  # blank sign-in rows without a roster
    evaluation: tuple[str, ...] = ()  # the plan's reaction-level methods, as lines
    evaluation_url: str = ""
    template: Path | None = None
    variant: str = ""  # which of the course's lengths, when it has several

    @property
    def name(self) -> str:
        """The course as its kit names it: ``门店全域运营（半天）`` for a variant, so the
        half day's sign-in sheet is not taken for the full day's."""
        return self.title + aside(self.variant, self.language)

    @property
    def modules(self) -> tuple[str, ...]:
        return tuple(b.title for b in self.blocks if b.depth == 1)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(d.date for d in self.days if d.date)


def aside(text: str, language: str) -> str:
    """``text`` in brackets after a title: ``（半天）`` in Chinese, `` (half day)``
    otherwise; nothing for no text."""
    if not text:
        return ""
    return f"（{text}）" if language == "zh" else f" ({text})"


def label(key: str, language: str, **values: object) -> str:
    """A kit document's own word (``kit.<key>``), in the document's language."""
    return render(msg(f"kit.{key}", **values), language)
