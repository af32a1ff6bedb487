"""The course as typed values: what the rest of the pipeline works on.

Every value that a later rule may complain about keeps the ``Mark`` of where it was
written, so timing and agenda problems point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..duration import Duration
from ..problems import Mark


@dataclass(frozen=True)
class Node:
    """A module or a section: the outline is the same shape at every depth."""

    title: str
    mark: Mark
    duration: Duration | None = None
    duration_mark: Mark | None = None
    children: tuple[Node, ...] = ()
    points: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    format: tuple[str, ...] = ()
    split: bool = True
    notes: str = ""
    facilitator: str = ""  # instructor-only: the run sheet shows it, never a client document
    # Brought in by ``include:``: ``mark`` is then the include line in the course file,
    # ``origin`` where the block was written ("../library/x.yaml:12", a chain when nested)
    # and ``include`` the reference as written, on the block the include names.
    origin: str = ""
    include: str = ""


@dataclass(frozen=True)
class Window:
    """A clock interval in minutes after midnight (a break or lunch)."""

    start: int
    end: int
    mark: Mark = field(default_factory=Mark, compare=False)
    fixed: bool = False  # pinned: it does not give way to the outline (``fixed: true``)

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Schedule:
    """Agenda settings as written; ``None`` means 'not said here' (a lower layer decides)."""

    start: int | None = None
    lunch: Window | None = None
    no_lunch: bool = False
    breaks: tuple[Window, ...] | None = None
    latest_end: int | None = None
    hours_per_day: int | None = None  # minutes of teaching a day
    min_part: int | None = None  # shortest part of a split session before a pause, minutes
    float: int | None = None  # how far a pause may move to a session boundary; 0 pins all
    marks: dict[str, Mark] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Instructor:
    name: str
    title: str = ""
    bio: str = ""
    motto: str = ""
    expertise: tuple[str, ...] = ()
    clients: tuple[str, ...] = ()
    contact: tuple[tuple[str, str], ...] = ()  # (label, value) in the order written


@dataclass(frozen=True)
class Course:
    path: Path
    title: str
    mark: Mark = field(default_factory=Mark)
    subtitle: str = ""
    id: str = ""
    language: str = "zh"
    duration: Duration | None = None
    duration_mark: Mark | None = None
    duration_todo: str = ""  # "duration: TODO …": a length left to decide (e.g. by import)
    audience: tuple[str, ...] = ()
    background: str = ""
    outcomes: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    format: tuple[str, ...] = ()
    instructor: Instructor | None = None
    schedule: Schedule = field(default_factory=Schedule)
    template: Path | None = None
    modules: tuple[Node, ...] = ()
    notes: str = ""
    variants: tuple[str, ...] = ()  # as declared; the first is the default
    variant: str | None = None  # which of them this course is (None: no variants)

    @property
    def file_id(self) -> str:
        """The stem of its output files: the id, with the variant when there are variants."""
        return f"{self.id}.{self.variant}" if self.variant else self.id
