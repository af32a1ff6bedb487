"""Progress and summary for batch builds: a rich progress bar on a terminal, plain lines
otherwise, then a table (course · documents · status · time).

Printing never stops a batch: a closed pipe (``export … | head -1``) silences the rest
of the output while the builds finish, and a console that cannot encode a title (a GBK
or ASCII console) gets it with replacement characters.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from types import TracebackType

from rich.console import Console, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .i18n import t
from .pack.jobs import JobResult
from .pack.names import shown
from .pack.run import BatchResult

FULL_TABLE_UP_TO = 50  # past this many courses, the table lists only those needing a look


class Say:
    """``console.print`` that survives the console."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.quiet = False

    def __call__(self, what: RenderableType) -> None:
        if self.quiet:
            return
        try:
            if isinstance(what, str | Text) and not self.console.is_terminal:
                # a pipe, a file, a CI log: the line as it is, without rich's layout
                # engine (a big batch prints a line per course while workers build)
                plain = what.plain if isinstance(what, Text) else Text.from_markup(what).plain
                self.console.file.write(plain + "\n")
                return
            self.console.print(what, soft_wrap=True)
        except UnicodeEncodeError:
            encoding = getattr(self.console.file, "encoding", None) or "ascii"
            plain = (
                what.plain
                if isinstance(what, Text)
                else Text.from_markup(what).plain
                if isinstance(what, str)
                else str(what)
            )
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
    def __init__(self, console: Console, total: int, what: str) -> None:
        self.say = Say(console)
        self.total = total
        self.count = 0
        self.bar: Progress | None = None
        if console.is_terminal:
            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self.task = self.bar.add_task(what, total=total or None)

    def start(self, total: int) -> None:
        """The number of courses, once the batch knows it."""
        self.total = total
        if self.bar:
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
        if self.bar:
            try:
                self.bar.update(
                    self.task, advance=1, description=result.title or shown(result.spec)
                )
            except Exception:  # the terminal went away: the builds go on, quietly
                self.bar = None
                self.say.quiet = True
        else:
            self.say(
                Text(
                    f"[{self.count}/{self.total}] {t('batch.status-' + _status(result))} "
                    f"{shown(result.spec)}"
                )
            )


def _status(result: JobResult) -> str:
    if result.error:
        return "failed"
    if result.kept:
        return "kept-edits"
    return "unchanged" if result.unchanged else "built"


_SHOWN = {
    "failed": "[red]✗ {}[/]",
    "kept-edits": "[yellow]! {}[/]",
    "unchanged": "[dim]= {}[/]",
    "built": "[green]✓ {}[/]",
}


def _shown(status: str) -> str:
    return _SHOWN[status].format(t(f"batch.shown-{status}"))


def print_summary(console: Console, batch: BatchResult) -> None:
    say = Say(console)
    statuses = [_status(r) for r in batch.results]
    compact = len(batch.results) > FULL_TABLE_UP_TO
    rows = [
        (r, s)
        for r, s in zip(batch.results, statuses, strict=True)
        if not compact or s in ("failed", "kept-edits")
    ]
    if rows:
        table = Table(show_edge=False, pad_edge=False)
        for column in ("course", "documents", "status", "time"):
            table.add_column(
                t(f"batch.col-{column}"), justify="right" if column == "time" else "left"
            )
        for r, status in rows:
            table.add_row(
                Text((r.title or shown(r.spec)) + (f" [{r.variant}]" if r.variant else "")),
                str(len(r.outputs)),
                _shown(status),
                f"{r.seconds:.2f}s",
            )
        say(table)
    root = shown(batch.root)
    for r in batch.results:
        if r.error:
            which = f" [{r.variant}]" if r.variant else ""
            say(Text(t("batch.failed", spec=f"{shown(r.spec)}{which}", error=r.error)))
            for line in r.problems:
                say(Text(f"  {line}"))
        elif r.problems:  # built, with warnings (a short part the agenda moved or kept…)
            for line in r.problems:
                say(Text(line))
        for path in r.kept:
            say(Text(t("batch.kept", path=f"{root}/{path}")))
    for path in batch.extra_kept:
        say(Text(t("batch.kept", path=f"{root}/{path}")))
    for line in batch.errors:
        say(Text(line))
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
    verdict = (
        f"[green]{t('batch.done')}[/]" if batch.ok else f"[red]{t('batch.problems', n=failed)}[/]"
    )
    say(
        t("batch.summary", n=len(batch.results), root=root, verdict=verdict)
        + (t("batch.tally-wrap", tally=tally) if tally else "")
    )
