"""The Typer app and what every command shares: consoles, one-line errors, a checked
course, the options several commands take."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from .. import __version__

if TYPE_CHECKING:
    import datetime as dt

    from ..check import CourseResult
    from ..problems import Problem

app = typer.Typer(
    name="syllabus",
    help="Course-package builder for corporate trainers: check timing, write proposals and agendas.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
template_app = typer.Typer(help="The Word template proposals are built from.", no_args_is_help=True)
app.add_typer(template_app, name="template")

Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", help="Worker processes (default: 1 for a few courses, else the cores)."
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="Replace files changed by hand since the last build.")
]


def console() -> Console:
    return Console(highlight=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"syllabus {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    """syllabus: course specs in, client-ready documents out."""


def fail(path: Path, code: str, message: str) -> NoReturn:
    """One located error line for a problem found outside a spec (a template, a PDF), exit 1."""
    from ..problems import Mark, error
    from ..report import problem_text

    err_console().print(problem_text(error(Mark(), code, message), path.as_posix()), soft_wrap=True)
    raise typer.Exit(1)


def fail_soft(path: Path, problem: "Problem") -> None:
    from ..report import problem_text

    err_console().print(problem_text(problem, path.as_posix()), soft_wrap=True)


def checked_course(path: Path) -> "CourseResult":
    """Load and validate one course; print its problems to stderr; exit 1 on errors."""
    from ..check import check_course
    from ..report import problem_text
    from ..spec.build import load_course

    result = check_course(load_course(path), path)
    out = err_console()
    for problem in result.problems:
        out.print(problem_text(problem, path.as_posix()), soft_wrap=True)
    if result.errors or result.course is None or result.timing is None:
        raise typer.Exit(1)
    return result


def date_flag(value: str | None, name: str = "--date") -> "dt.date | None":
    """A YYYY-MM-DD option; anything else is a usage error (exit 2)."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2026-12-08", param_hint=name
        ) from None


def configure_gc() -> None:
    """Collect cycles rarely: a run builds many small acyclic values (marked YAML,
    specs, slots) and the default thresholds spent 40% of validating 1,000 specs
    rescanning them (bench/validate_bench.py). mypy tunes its collector the same way."""
    import gc

    gc.set_threshold(50_000, 20, 20)
