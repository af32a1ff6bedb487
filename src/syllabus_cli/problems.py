"""The one problem type: everything a user did wrong, with where it is.

Modelled on yamllint's ``LintProblem``: a small sortable value, 1-based line and
column, a stable ``code`` that names the rule, and a level. Every stage (load, spec,
timing, agenda, pack) yields these instead of raising, so a run reports all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Mark(NamedTuple):
    """A 1-based position in a source file (a tuple: cheap, and sorts by line then column)."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True, order=True)
class Problem:
    mark: Mark
    code: str
    message: str
    level: Level = field(default=Level.ERROR, compare=False)

    @property
    def line(self) -> int:
        return self.mark.line

    @property
    def column(self) -> int:
        return self.mark.column

    def format(self, path: str) -> str:
        """``path:line:col: level[code]: message`` — parsable by editors and CI."""
        return f"{path}:{self.line}:{self.column}: {self.level.value}[{self.code}]: {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }


def error(mark: Mark, code: str, message: str) -> Problem:
    return Problem(mark, code, message, Level.ERROR)


def warning(mark: Mark, code: str, message: str) -> Problem:
    return Problem(mark, code, message, Level.WARNING)
