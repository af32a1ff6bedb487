"""What a batch gives back: each course's result, the pack's own files written or kept,
and what went wrong with the output folder itself. Plain values the reporter prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..problems import Located
from .jobs import JobResult


class Listener(Protocol):
    """Told how many courses a batch has, then of each one as it finishes."""

    def start(self, total: int) -> None: ...

    def done(self, result: JobResult) -> None: ...


@dataclass
class BatchResult:
    root: Path
    results: list[JobResult] = field(default_factory=list)
    extra_written: list[str] = field(default_factory=list)
    extra_kept: list[str] = field(default_factory=list)
    extra_unchanged: list[str] = field(default_factory=list)  # as the last build left them
    removed: list[str] = field(default_factory=list)  # of courses gone from the pack
    # of courses still in it, made no more: an old id's folder, a variant, a draft
    replaced: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # the pack's own, made no more (an .ics)
    left: list[str] = field(default_factory=list)  # theirs, edited by hand: left in place
    errors: list[Located] = field(default_factory=list)  # the folder's, the pack's own
    # the pack's own warnings (a date that is no working day, two courses one instructor
    # teaches at once, a payment that does not add up): what validate says of the pack
    warnings: list[Located] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results) and not self.extra_kept and not self.errors
