"""The one problem type: everything a user did wrong, with where it is.

Modelled on yamllint's ``LintProblem``: a small sortable value, 1-based line and
column, a stable ``code`` that names the rule, and a level. Every stage (load, spec,
timing, agenda, pack) yields these instead of raising, so a run reports all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
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


class Located(NamedTuple):
    """A problem with the file it is in: what a batch hands back across processes (a
    plain, picklable value) and what a reporter prints, as a line or as JSON."""

    path: Path
    problem: Problem

    def line(self) -> str:
        """``path:line:col: level[code]: message`` on one line, the path as the user reads it."""
        from .paths import shown

        return self.problem.format(shown(self.path)).replace("\r", " ").replace("\n", " ")

    def as_json(self) -> dict[str, object]:
        from .paths import shown

        return {"path": shown(self.path), **self.problem.as_json()}


class UserError(Exception):
    """Something the user can fix that stops a command (an output that may not be
    replaced, a template that is not a .docx, a variant the spec lacks): a located
    problem, caught once where the CLI runs a command and said in one line, exit 1
    (exit 2 when ``usage``: a flag's value). Stages that can go on yield Problems instead."""

    code: str = ""  # a subclass names its own; else the one given

    def __init__(
        self,
        path: Path | None,
        code: str | None,
        message: str | Msg,
        *,
        usage: bool = False,
        flag: str | None = None,
        mark: Mark | None = None,
    ) -> None:
        from .i18n import Msg as Words
        from .i18n import render

        super().__init__(render(message) if isinstance(message, Words) else str(message))
        self.path = path
        self.code = code or type(self).code
        self.words = message
        self.usage = usage or flag is not None
        self.flag = flag  # the option a usage error is about (``--variant``)
        self.mark = mark or Mark()

    @property
    def message(self) -> str | Msg:
        return self.words

    @property
    def problem(self) -> Problem:
        return error(self.mark, self.code, self.words)

    def located(self, where: Path) -> Located:
        """The problem, in ``self.path`` or else in ``where``."""
        return Located(self.path or where, self.problem)
