"""Reporters for ``validate``: parsable problem lines and a summary table, as plain text
(for pipes, files and CI logs) or through rich (on a terminal), or one JSON object.
All take the same results; none decides the exit code, none opens a stream.

rich is imported only by the rich reporter, so ``--format json`` and piped text start
without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .check import CourseResult
from .i18n import language, t
from .minutes import format_minutes
from .paths import shown
from .problems import Level, Problem
from .textcols import Writer, plain_table

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


FULL_TABLE_UP_TO = 50  # past this many files, the table lists only those with problems

# User-facing words of this module: i18n/en.py and zh.py, keys "report.*".
NOTHING = "—"


def columns() -> tuple[str, str, str, str]:
    """The table's header, in the chosen language."""
    return (
        t("report.col-course"),
        t("report.col-stated"),
        t("report.col-total"),
        t("report.col-status"),
    )


def display_path(result: CourseResult) -> str:
    return shown(result.path)


def problem_line(problem: Problem, path: str) -> str:
    """``path:line:col: level[code]: message``, one line whatever the message holds."""
    return problem.format(path).replace("\r", " ").replace("\n", " ")


def problem_text(problem: Problem, path: str) -> Text:
    """The same line, coloured for a terminal."""
    from rich.text import Text

    style = "bold red" if problem.level is Level.ERROR else "yellow"
    text = Text(f"{path}:{problem.line}:{problem.column}: ")
    text.append(problem.level.value, style=style)  # a level word is a key: never translated
    text.append(f"[{problem.code}]", style="dim")
    text.append(f": {problem.text}")
    return text


def _problem_lines(results: Sequence[CourseResult]) -> Iterable[tuple[Problem, str]]:
    """Every problem with its path; one that every variant of a course shares is said
    once (it is the spec's own, not a variant's)."""
    seen: set[tuple[str, Problem]] = set()
    for result in results:
        path = display_path(result)
        for problem in result.problems:
            if (path, problem) not in seen:
                seen.add((path, problem))
                yield problem, path


def write_problems(stream: Writer, problems: Iterable[Problem], path: str) -> None:
    stream.write("".join(problem_line(p, path) + "\n" for p in problems))


def _listed(results: Sequence[CourseResult]) -> tuple[list[CourseResult], int]:
    """The table's rows: every file up to ``FULL_TABLE_UP_TO``, past that only those with
    a problem; and how many clean ones were left out."""
    if len(results) <= FULL_TABLE_UP_TO:
        return list(results), 0
    rows = [r for r in results if r.problems]
    return rows, len(results) - len(rows)


def _row(result: CourseResult) -> tuple[str, str, str, str]:
    name = result.title or display_path(result)
    if result.variant:
        name += f" [{result.variant}]"
    lang = language()
    stated = (
        NOTHING if result.stated_minutes is None else format_minutes(result.stated_minutes, lang)
    )
    total = format_minutes(result.total_minutes, lang) if result.total_minutes else NOTHING
    return name, stated, total, _status_word(result)


def _status_word(result: CourseResult) -> str:
    if result.errors:
        return t("report.errors", n=len(result.errors))
    if result.warnings:
        return t("report.warnings", n=len(result.warnings))
    return t("report.ok")


def summary_parts(results: Sequence[CourseResult], strict: bool) -> tuple[str, str, bool]:
    """The last line (its lead-in, its verdict) and whether it is a failure. Files are
    counted once whatever their variants, and a problem once as it is printed once."""
    files: dict[str, tuple[bool, bool]] = {}  # path → (failed, has errors)
    for r in results:
        was_failed, erred = files.get(display_path(r), (False, False))
        files[display_path(r)] = (was_failed or not r.ok(strict), erred or bool(r.errors))
    told = [p for p, _ in _problem_lines(results)]
    errors = sum(1 for p in told if p.level is Level.ERROR)
    failed = sum(1 for f, _ in files.values() if f)
    if not failed:
        key = "report.line-clean"
    elif all(erred for f, erred in files.values() if f):
        key = "report.line-errors"
    else:  # --strict: warnings fail too
        key = "report.line-failed"
    line = t(key, total=len(files), errors=errors, warnings=len(told) - errors, failed=failed)
    return "", line, bool(failed)


def write_text(stream: Writer, results: Sequence[CourseResult], strict: bool) -> None:
    """Plain text: the problem lines, a table aligned for CJK, the summary."""
    parts = [problem_line(p, path) + "\n" for p, path in _problem_lines(results)]
    rows, hidden = _listed(results)
    if rows:
        parts.append("\n")
        parts.extend(
            line + "\n" for line in plain_table([columns(), *map(_row, rows)], right={1, 2})
        )
    if hidden:
        parts.append(t("report.not-listed", n=hidden) + "\n")
    counts, verdict, _ = summary_parts(results, strict)
    parts.append(counts + verdict + "\n")
    stream.write("".join(parts))


def print_text(console: Console, results: Sequence[CourseResult], strict: bool) -> None:
    """The same report through rich: coloured problems and statuses, a boxed table."""
    from rich.table import Table
    from rich.text import Text

    for problem, path in _problem_lines(results):
        console.print(problem_text(problem, path), soft_wrap=True, highlight=False)
    rows, hidden = _listed(results)
    if rows:
        table = Table(title=None, show_edge=False, pad_edge=False)
        header = columns()
        for column in header:
            table.add_column(column, justify="right" if column in header[1:3] else "left")
        for result in rows:
            name, stated, total, _ = _row(result)
            table.add_row(Text(name), stated, total, _status(result, strict))
        console.print()
        console.print(table)
    if hidden:
        console.print(Text(t("report.not-listed", n=hidden), style="dim"))
    counts, verdict, failed = summary_parts(results, strict)
    console.print(Text(counts).append(verdict, style="red" if failed else "green"))


def _status(result: CourseResult, strict: bool) -> Text:
    from rich.text import Text

    if result.errors:
        return Text("✗ " + t("report.errors", n=len(result.errors)), style="red")
    if result.warnings:
        mark, style = ("✗ ", "red") if strict else ("! ", "yellow")
        return Text(mark + t("report.warnings", n=len(result.warnings)), style=style)
    return Text("✓ " + t("report.ok"), style="green")


def as_json(results: Sequence[CourseResult], strict: bool, ascii_only: bool = False) -> str:
    """The contract's object; ``ascii_only`` escapes non-ASCII text (``\\u8bfe``) for a
    console that cannot show it, so nothing is lost to replacement characters."""
    import json

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
    return json.dumps({"ok": ok, "courses": courses}, ensure_ascii=ascii_only, indent=2)
