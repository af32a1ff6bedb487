"""The one problem type: everything a user did wrong, with where it is.

Modelled on yamllint's ``LintProblem``: a small sortable value, 1-based line and
column, a stable ``code`` that names the rule, and a level. Every stage (load, spec,
timing, agenda, pack) yields these instead of raising, so a run reports all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .i18n import Msg


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
    # The message before it has words (i18n.Msg); ``message`` is its English rendering,
    # kept for callers that read it. Empty for a message written as plain English text.
    words: Msg | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The message in the chosen language (``--lang``, SYLLABUS_LANG, the locale)."""
        if self.words is None:
            return self.message
        from .i18n import render

        return render(self.words)

    @property
    def line(self) -> int:
        return self.mark.line

    @property
    def column(self) -> int:
        return self.mark.column

    def format(self, path: str) -> str:
        """``path:line:col: level[code]: message`` — parsable by editors and CI."""
        return f"{path}:{self.line}:{self.column}: {self.level.value}[{self.code}]: {self.text}"

    def as_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.text,
        }


def problem(mark: Mark, code: str, message: str | Msg, level: Level) -> Problem:
    """A problem from plain English text (not yet translated) or from a ``Msg``."""
    if isinstance(message, str):
        return Problem(mark, code, message, level)
    from .i18n import render

    return Problem(mark, code, render(message, "en"), level, message)


def error(mark: Mark, code: str, message: str | Msg) -> Problem:
    return problem(mark, code, message, Level.ERROR)


def warning(mark: Mark, code: str, message: str | Msg) -> Problem:
    return problem(mark, code, message, Level.WARNING)


def reworded(found: Problem, key: str, **values: object) -> Problem:
    """``found`` inside a message that adds to it (``"{origin}: {inner}"``): its own
    words, translated or not, become the value ``inner``."""
    from .i18n import msg, render

    words = msg(key, inner=found.words if found.words is not None else found.message, **values)
    return replace(found, message=render(words, "en"), words=words)
