"""Progress and summary for batch builds, on a screen: on a terminal (``Rich``) a
progress bar, then a boxed table (course · documents · status · time) and the summary
in colour; on a pipe, a file or a CI log (``Plain``) a line per course as it finishes,
a plain table and the summary, without importing rich at all.

Printing never stops a batch: a closed pipe (``export … | head -1``) silences the rest
of the output while the builds finish, and a console that cannot encode a title (a GBK
or ASCII console) gets it with replacement characters (``Plain`` writes to the safe
streams of cli/console.py, which never raise).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

from .build.jobs import JobResult
from .build.results import BatchResult
from .i18n import t
from .paths import shown
from .problems import Level, Located
from .textcols import Writer, plain_table

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.progress import Progress, TaskID

FULL_TABLE_UP_TO = 50  # past this many courses, the table lists only those needing a look

# a status: its mark and colour in the table
MARKS = {"failed": "✗", "kept-edits": "!", "unchanged": "=", "built": "✓"}
COLOURS = {"failed": "red", "kept-edits": "yellow", "unchanged": "dim", "built": "green"}


class Screen(Protocol):
    """Where a batch reports: lines (a colour where a terminal shows one) and a table."""

    def line(self, text: str, colour: str | None = None) -> None: ...

    def table(self, header: list[str], rows: list[list[str]], colours: list[str]) -> None:
        """``rows`` of (course, documents, status, time); ``colours``: each row's status."""


class Plain:
    """Plain lines on a text stream."""

    def __init__(self, stream: Writer) -> None:
        self.stream = stream

    def line(self, text: str, colour: str | None = None) -> None:
        self.stream.write(text + "\n")

    def table(self, header: list[str], rows: list[list[str]], colours: list[str]) -> None:
        lines = plain_table([header, *rows], right={1, 3})
        self.stream.write("".join(line + "\n" for line in lines))


class Rich:
    """``console.print`` that survives the console."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.quiet = False

    def line(self, text: str, colour: str | None = None) -> None:
        from rich.text import Text

        self._print(Text(text, style=colour or ""))

    def table(self, header: list[str], rows: list[list[str]], colours: list[str]) -> None:
        from rich.table import Table
        from rich.text import Text

        table = Table(show_edge=False, pad_edge=False)
        for i, name in enumerate(header):
            table.add_column(name, justify="right" if i == 3 else "left")
        for (course, documents, status, time), colour in zip(rows, colours, strict=True):
            table.add_row(Text(course), documents, Text(status, style=colour), time)
        self._print(table)

    def _print(self, what: RenderableType) -> None:
        if self.quiet:
            return
        try:
            self.console.print(what, soft_wrap=True)
        except UnicodeEncodeError:
            from rich.text import Text

            encoding = getattr(self.console.file, "encoding", None) or "ascii"
            plain = what.plain if isinstance(what, Text) else str(what)
            with contextlib.suppress(UnicodeError, OSError):
                self.console.print(
                    Text(plain.encode(encoding, "replace").decode(encoding)), soft_wrap=True
                )
        except (OSError, SystemExit):  # EPIPE (EINVAL on Windows): nobody reads any more
            # (rich answers a broken pipe with SystemExit(1), which would end the batch)
            self.quiet = True
            _silence(self.console)


def _silence(console: Console) -> None:
    """Point the dead stream at the null device, so the interpreter's final flush does
    not complain either."""
    stream = sys.stderr if console.stderr else sys.stdout
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


class BatchProgress:
    """A progress bar on a terminal; elsewhere a line per course as it finishes."""

    def __init__(self, screen: Screen, total: int, what: str) -> None:
        self.screen = screen
        self.total = total
        self.count = 0
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        if isinstance(screen, Rich) and screen.console.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=screen.console,
                transient=True,
            )
            self.task = self.bar.add_task(what, total=total or None)

    def start(self, total: int) -> None:
        """The number of courses, once the batch knows it."""
        self.total = total
        if self.bar and self.task is not None:
            self.bar.update(self.task, total=total)

    def __enter__(self) -> BatchProgress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.bar:
            with contextlib.suppress(Exception):
                self.bar.stop()

    def done(self, result: JobResult) -> None:
        self.count += 1
        if self.bar and self.task is not None:
            try:
                self.bar.update(
                    self.task, advance=1, description=result.title or shown(result.spec)
                )
            except Exception:  # the terminal went away: the builds go on, quietly
                self.bar = None
                if isinstance(self.screen, Rich):
                    self.screen.quiet = True
        else:
            status = t("batch.status-" + _status(result))
            which = f" [{result.variant}]" if result.variant else ""
            self.screen.line(f"[{self.count}/{self.total}] {status} {shown(result.spec)}{which}")


def _status(result: JobResult) -> str:
    if result.error:
        return "failed"
    if result.kept:
        return "kept-edits"
    return "unchanged" if result.unchanged else "built"


def print_summary(screen: Screen, batch: BatchResult) -> None:
    statuses = [_status(r) for r in batch.results]
    compact = len(batch.results) > FULL_TABLE_UP_TO
    rows = [
        (r, s)
        for r, s in zip(batch.results, statuses, strict=True)
        if not compact or s in ("failed", "kept-edits")
    ]
    if rows:
        screen.table(
            [t(f"batch.col-{column}") for column in ("course", "documents", "status", "time")],
            [
                [
                    (r.title or shown(r.spec)) + (f" [{r.variant}]" if r.variant else ""),
                    str(len(r.outputs)),
                    f"{MARKS[status]} {t(f'batch.shown-{status}')}",
                    f"{r.seconds:.2f}s",
                ]
                for r, status in rows
            ],
            [COLOURS[status] for _, status in rows],
        )
    root = shown(batch.root)
    for r in batch.results:
        if r.error:
            which = f" [{r.variant}]" if r.variant else ""
            screen.line(t("batch.failed", spec=f"{shown(r.spec)}{which}", error=r.error))
            for found in r.problems:
                screen.line(f"  {found.line()}")
        elif r.problems:  # built, with warnings (a short part the agenda moved or kept…)
            for found in r.problems:
                screen.line(found.line())
        for path in r.kept:
            screen.line(t("batch.kept", path=f"{root}/{path}"))
    for key, paths in (
        ("batch.kept", batch.extra_kept),
        ("batch.removed", batch.removed),
        ("batch.replaced", batch.replaced),
        ("batch.dropped", batch.dropped),
        ("batch.left", batch.left),
    ):
        for path in paths:
            screen.line(t(key, path=f"{root}/{path}"))
    for found in [*batch.errors, *batch.warnings]:
        screen.line(found.line())
    failed = (
        sum(1 for r in batch.results if not r.ok)
        + len(batch.errors)
        + (1 if batch.extra_kept else 0)
    )
    counts = Counter(statuses)
    order = ("built", "unchanged", "kept-edits", "failed")
    tally = (
        " · ".join(
            t("batch.tally", n=counts[s], status=t(f"batch.status-{s}")) for s in order if counts[s]
        )
        if compact
        else ""
    )
    verdict = t("batch.done") if batch.ok else t("batch.problems", n=failed)
    screen.line(
        t("batch.summary", n=len(batch.results), root=root, verdict=verdict)
        + (t("batch.tally-wrap", tally=tally) if tally else ""),
        "green" if batch.ok else "red",
    )


def _output_status(result: JobResult, path: str) -> str:
    if path in result.written:
        return "built"
    if path in result.kept:
        return "kept"
    return "unchanged" if result.unchanged else "failed"


def _problems_json(result: JobResult, level: Level) -> list[dict[str, object]]:
    """As ``validate --format json`` gives them; one located in another file (a pack's
    schedule) names that file."""
    return [
        found.problem.as_json() if found.path == result.spec else found.as_json()
        for found in result.problems
        if found.problem.level is level
    ]


def batch_json(batch: BatchResult, missing: Sequence[Located] = ()) -> dict[str, object]:
    """``export``/``pack`` ``--report json``: one object. Each course with its problems
    (as ``validate --format json`` gives them), its status and each output's (built,
    unchanged, kept: changed by hand and left alone, failed); the pack's own files; and
    what stopped the build itself (``errors``)."""
    root = shown(batch.root)
    courses = [
        {
            "path": shown(r.spec),
            "title": r.title,
            **({"variant": r.variant} if r.variant else {}),
            "status": _status(r),
            **({"error": r.error} if r.error else {}),
            "errors": _problems_json(r, Level.ERROR),
            "warnings": _problems_json(r, Level.WARNING),
            "outputs": [
                {"path": f"{root}/{path}", "status": _output_status(r, path)} for path in r.outputs
            ],
            "seconds": round(r.seconds, 3),
        }
        for r in batch.results
    ]
    files = [
        {"path": f"{root}/{name}", "status": status}
        for status, names in (
            ("built", batch.extra_written),
            ("kept", batch.extra_kept),
            ("unchanged", batch.extra_unchanged),
            ("removed", [*batch.removed, *batch.replaced, *batch.dropped]),
            ("left", batch.left),
        )
        for name in names
    ]
    return {
        "ok": batch.ok and not missing,
        "root": root,
        "courses": courses,
        "files": files,
        "errors": [found.as_json() for found in [*missing, *batch.errors]],
        "warnings": [found.as_json() for found in batch.warnings],
    }
