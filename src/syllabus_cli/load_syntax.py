"""PyYAML's commonest syntax errors in the user's words, at the place to look.

PyYAML says ``while scanning a simple key … could not find expected ':'`` at the line
after the one missing its colon, and ``mapping values are not allowed here`` both for a
colon inside a value and for a key indented wrongly. ``explain`` tells them apart and
says what to do, in the chosen language, keeping PyYAML's words at the end (a search
engine knows them). An error it does not know stays PyYAML's (``load.syntax``).
"""

from __future__ import annotations

import yaml

from .i18n import msg
from .problems import Mark, Problem, error

# (what PyYAML's problem starts with, the message, whether the context mark is the place)
_KNOWN = (
    ("could not find expected ':'", "load.yaml-no-colon", True),
    ("did not find expected '-' indicator", "load.yaml-indent", False),
    ("did not find expected key", "load.yaml-indent", False),
    ("expected <block end>", "load.yaml-indent", False),
    ("found unexpected end of stream", "load.yaml-quote", True),
    ("did not find expected ',' or ']'", "load.yaml-list", True),
    ("did not find expected ',' or '}'", "load.yaml-mapping", True),
)


def explain(exc: yaml.YAMLError, text: str) -> Problem | None:
    """The error in words, or None when PyYAML's own are all there is."""
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return None
    problem = str(exc.problem or "")
    detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    mark = exc.problem_mark
    if problem.startswith("mapping values are not allowed"):
        line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        first = line.find(":")
        if first == mark.column:  # a key indented wrongly: shown at the key
            where = Mark(mark.line + 1, len(line) - len(line.lstrip()) + 1)
            return error(where, "syntax", msg("load.yaml-indent", detail=detail))
        where = Mark(mark.line + 1, mark.column + 1)
        return error(where, "syntax", msg("load.yaml-colon-in-value", detail=detail))
    for start, key, at_context in _KNOWN:
        if problem.startswith(start):
            at = exc.context_mark if at_context and exc.context_mark is not None else mark
            return error(Mark(at.line + 1, at.column + 1), "syntax", msg(key, detail=detail))
    return None
