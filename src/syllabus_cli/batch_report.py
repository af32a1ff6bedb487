"""Progress and summary for batch builds: a rich progress bar on a terminal, plain lines
otherwise, then a table (course · documents · status · time)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .pack.jobs import JobResult
from .pack.run import BatchResult


class BatchProgress:
    def __init__(self, console: Console, total: int, what: str) -> None:
        self.console = console
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
            self.bar.stop()

    def done(self, result: JobResult) -> None:
        self.count += 1
        if self.bar:
            self.bar.update(self.task, advance=1, description=result.title or result.spec.name)
        else:
            self.console.print(
                Text(f"[{self.count}/{self.total}] {_status(result)} {result.spec.as_posix()}"),
                soft_wrap=True,
            )


def _status(result: JobResult) -> str:
    if result.error:
        return "failed"
    if result.kept:
        return "kept-edits"
    return "unchanged" if result.unchanged else "built"


def print_summary(console: Console, batch: BatchResult) -> None:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("course", "documents", "status", "time"):
        table.add_column(column, justify="right" if column == "time" else "left")
    for r in batch.results:
        status = {
            "failed": "[red]✗ failed[/]",
            "kept-edits": "[yellow]! edited files kept[/]",
            "unchanged": "[dim]= unchanged[/]",
            "built": "[green]✓ built[/]",
        }[_status(r)]
        table.add_row(
            Text((r.title or r.spec.as_posix()) + (f" [{r.variant}]" if r.variant else "")),
            str(len(r.outputs)),
            status,
            f"{r.seconds:.2f}s",
        )
    console.print(table)
    for r in batch.results:
        if r.error:
            which = f" [{r.variant}]" if r.variant else ""
            console.print(Text(f"{r.spec.as_posix()}{which}: failed: {r.error}"), soft_wrap=True)
            for line in r.problems:
                console.print(Text(f"  {line}"), soft_wrap=True)
        elif r.problems:  # built, with warnings (a short part the agenda moved or kept…)
            for line in r.problems:
                console.print(Text(line), soft_wrap=True)
        for path in r.kept:
            console.print(
                Text(
                    f"{(batch.root / path).as_posix()}: changed since the last build; kept (use --force to replace)"
                ),
                soft_wrap=True,
            )
    for path in batch.extra_kept:
        console.print(
            Text(
                f"{(batch.root / path).as_posix()}: changed since the last build; kept (use --force to replace)"
            ),
            soft_wrap=True,
        )
    for line in batch.errors:
        console.print(Text(line), soft_wrap=True)
    failed = (
        sum(1 for r in batch.results if not r.ok)
        + len(batch.errors)
        + (1 if batch.extra_kept else 0)
    )
    verdict = "[green]done[/]" if batch.ok else f"[red]{failed} problem(s)[/]"
    console.print(f"{len(batch.results)} course(s) → {batch.root.as_posix()} · {verdict}")
