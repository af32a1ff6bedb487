"""Find every problem code the source can emit, without running it (an AST scan).

A code is a string literal in the code position of a call that makes a problem:
``error(mark, "code", …)``, ``warning(…)``, ``Problem(…)``, ``reader.add(…)``,
``fail(path, "code", …)``, ``ManifestError(path, "code", …)`` (second argument), and
``DurationError("code", …)`` / ``SourceError("code", …)`` (first argument); a keyword
``code="…"`` counts too, and a ``code = "…"`` assignment (a UserError class's own code). Used by the registry's test, so a new code cannot ship without
its explanation.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

SECOND = frozenset(
    {"error", "warning", "Problem", "add", "fail", "ManifestError", "UserError", "problem"}
)
FIRST = frozenset({"DurationError", "SourceError"})
CODE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def codes_in(source: str) -> Iterator[tuple[str, int]]:
    """(code, line) for each code literal in one module's source."""
    for node in ast.walk(ast.parse(source)):
        if (  # a UserError's own code: ``class TemplateError(UserError): code = "template"``
            isinstance(node, ast.Assign)
            and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["code"]
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and CODE.match(node.value.value)
        ):
            yield node.value.value, node.lineno
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        index = 1 if name in SECOND else 0 if name in FIRST else None
        if index is None:
            continue
        candidates: list[ast.expr] = []
        if len(node.args) > index:
            candidates.append(node.args[index])
        candidates += [k.value for k in node.keywords if k.arg == "code"]
        for arg in candidates:
            if (
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and CODE.match(arg.value)
                and (name != "add" or len(node.args) >= 3)
            ):
                yield arg.value, node.lineno


def codes_under(root: Path) -> dict[str, list[str]]:
    """Every code under ``root`` → where it is written (``path:line``)."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for code, line in codes_in(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(f"{path.relative_to(root).as_posix()}:{line}")
    return found
