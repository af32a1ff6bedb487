"""Reporters for ``validate``: parsable text lines plus a rich summary, or one JSON
object. Both take the same results; neither decides the exit code."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .check import CourseResult
from .duration import format_minutes
from .problems import Level, Problem


def display_path(result: CourseResult) -> str:
    return result.path.as_posix()


def problem_text(problem: Problem, path: str) -> Text:
    style = "bold red" if problem.level is Level.ERROR else "yellow"
    text = Text(f"{path}:{problem.line}:{problem.column}: ")
    text.append(problem.level.value, style=style)
    text.append(f"[{problem.code}]", style="dim")
    text.append(f": {problem.message}")
    return text


def print_text(console: Console, results: Sequence[CourseResult], strict: bool) -> None:
    seen: set[tuple[str, Problem]] = set()  # a problem every variant shares prints once
    for result in results:
        for problem in result.problems:
            if (display_path(result), problem) in seen:
                continue
            seen.add((display_path(result), problem))
            console.print(
                problem_text(problem, display_path(result)), soft_wrap=True, highlight=False
            )
    table = Table(title=None, show_edge=False, pad_edge=False)
    table.add_column("course")
    table.add_column("stated", justify="right")
    table.add_column("outline total", justify="right")
    table.add_column("status")
    for result in results:
        name = result.title or display_path(result)
        name = escape(name + (f" [{result.variant}]" if result.variant else ""))
        stated = "—" if result.stated_minutes is None else format_minutes(result.stated_minutes)
        total = format_minutes(result.total_minutes) if result.total_minutes else "—"
        table.add_row(name, stated, total, _status(result, strict))
    if results:
        console.print()
        console.print(table)
    failed = sum(1 for r in results if not r.ok(strict))
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    verdict = "[green]all clean[/]" if not failed else f"[red]{failed} of {len(results)} failed[/]"
    console.print(f"{len(results)} checked · {errors} errors · {warnings} warnings · {verdict}")


def _status(result: CourseResult, strict: bool) -> str:
    if result.errors:
        return f"[red]✗ {len(result.errors)} error(s)[/]"
    if result.warnings:
        mark = "[red]✗" if strict else "[yellow]!"
        return f"{mark} {len(result.warnings)} warning(s)[/]"
    return "[green]✓ ok[/]"


def as_json(results: Sequence[CourseResult], strict: bool) -> str:
    courses = [
        {
            "path": display_path(r),
            "title": r.title,
            **({"variant": r.variant} if r.variant else {}),  # only a course with variants
            "stated_minutes": r.stated_minutes,
            "total_minutes": r.total_minutes,
            "errors": [p.as_json() for p in r.errors],
            "warnings": [p.as_json() for p in r.warnings],
        }
        for r in results
    ]
    ok = all(r.ok(strict) for r in results)
    return json.dumps({"ok": ok, "courses": courses}, ensure_ascii=False, indent=2)
