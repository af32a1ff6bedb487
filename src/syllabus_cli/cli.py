"""The command line. It only wires: options become plain values, the pipeline runs,
reporters print, and user errors become exit codes (0 clean, 1 problems, 2 usage).

Rendering modules (python-docx…) are imported inside the commands that need them, so
``syllabus validate`` starts fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from . import __version__

if TYPE_CHECKING:
    from .agenda.layout import Agenda
    from .check import CourseResult
    from .problems import Problem
    from .spec.model import Course, Schedule

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


def console() -> Console:
    return Console(highlight=False)


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


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Spec files or folders (default: courses/).")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as failures.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Check every course spec: types, keys, durations, timing at every level."""
    from .check import validate_paths
    from .report import as_json, print_text

    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    results = validate_paths(paths or [Path("courses")])
    if format == "json":
        typer.echo(as_json(results, strict))
    else:
        print_text(console(), results, strict)
    raise typer.Exit(0 if all(r.ok(strict) for r in results) else 1)


@app.command()
def show(course: Annotated[Path, typer.Argument(help="A course spec.")]) -> None:
    """Print the outline as a tree with each block's minutes (given or allocated)."""
    from .check import check_course
    from .render.tree import outline_tree
    from .report import problem_text
    from .spec.build import load_course

    result = check_course(load_course(course), course)
    out = console()
    if result.course is not None and result.timing is not None:
        out.print(outline_tree(result.course, result.timing))
    for problem in result.problems:
        out.print(problem_text(problem, course.as_posix()), soft_wrap=True)
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def new(
    path: Annotated[
        Path, typer.Argument(help="Where to write the new spec (e.g. courses/my-course.yaml).")
    ],
    title: Annotated[str, typer.Option(help="Course title.")] = "新课程",
    duration: Annotated[
        str, typer.Option(help='Course length, e.g. "1天(6h/天)", "3小时".')
    ] = "1天(6h/天)",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter spec that validates."""
    from .duration import DurationError
    from .files import write_text_atomic
    from .spec.starter import starter_spec

    if path.exists() and not force:
        typer.echo(f"{path}: already exists; pass --force to overwrite", err=True)
        raise typer.Exit(1)
    try:
        text = starter_spec(title, duration, _schema_ref(path))
    except DurationError as exc:
        raise typer.BadParameter(str(exc), param_hint="--duration") from None
    write_text_atomic(path, text)
    typer.echo(f"wrote {path}; check it with: syllabus validate {path}")


def _schema_ref(spec: Path) -> str:
    """The shipped schema relative to the new spec when it is in this project, else a hint."""
    schema = Path("schema/course.schema.json")
    if schema.exists():
        import os

        return Path(os.path.relpath(schema.resolve(), spec.resolve().parent)).as_posix()
    return "course.schema.json  # write it with: syllabus schema > course.schema.json"


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="course, pack or instructor.")] = "course",
) -> None:
    """Print the JSON Schema of a spec (for editors: # yaml-language-server: $schema=...)."""
    from .spec import schema as schemas

    makers = {
        "course": schemas.course_schema,
        "pack": schemas.pack_schema,
        "instructor": schemas.instructor_schema,
    }
    if kind not in makers:
        raise typer.BadParameter("must be course, pack or instructor", param_hint="KIND")
    typer.echo(json.dumps(makers[kind](), ensure_ascii=False, indent=2))


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def fail(path: Path, code: str, message: str) -> NoReturn:
    """One located error line for a problem found outside a spec (a template, a PDF), exit 1."""
    from .problems import Mark, error
    from .report import problem_text

    err_console().print(problem_text(error(Mark(), code, message), path.as_posix()), soft_wrap=True)
    raise typer.Exit(1)


def checked_course(path: Path) -> CourseResult:
    """Load and validate one course; print its problems to stderr; exit 1 on errors."""
    from .check import check_course
    from .report import problem_text
    from .spec.build import load_course

    result = check_course(load_course(path), path)
    out = err_console()
    for problem in result.problems:
        out.print(problem_text(problem, path.as_posix()), soft_wrap=True)
    if result.errors or result.course is None or result.timing is None:
        raise typer.Exit(1)
    return result


def schedule_flags(
    start: str | None, lunch: str | None, breaks: list[str] | None, latest_end: str | None
) -> Schedule:
    """The flags as the top schedule layer; a malformed value is a usage error (exit 2)."""
    from .spec.model import Schedule, Window
    from .spec.read import parse_clock, parse_window

    def clock_flag(value: str | None, name: str) -> int | None:
        if value is None:
            return None
        parsed = parse_clock(value)
        if parsed is None:
            raise typer.BadParameter(f"{value!r} is not a time like 09:00", param_hint=name)
        return parsed

    def window_flag(value: str, name: str) -> Window:
        parsed = parse_window(value)
        if parsed is None:
            raise typer.BadParameter(f"{value!r} is not a range like 12:00-13:30", param_hint=name)
        return Window(*parsed)

    no_lunch = lunch is not None and lunch.strip().lower() in ("none", "no", "0")
    return Schedule(
        start=clock_flag(start, "--start"),
        lunch=window_flag(lunch, "--lunch") if lunch and not no_lunch else None,
        no_lunch=no_lunch,
        breaks=None
        if breaks is None
        else tuple(window_flag(b, "--break") for b in breaks if b.lower() != "none"),
        latest_end=clock_flag(latest_end, "--latest-end"),
    )


AGENDA_FORMATS = ("md", "html", "docx", "json")


@app.command()
def agenda(
    course: Annotated[Path, typer.Argument(help="A course spec.")],
    format: Annotated[str, typer.Option("--format", "-f", help="md, html, docx or json.")] = "md",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here (md/json default: stdout; html/docx default: ./<course-id>.agenda.<ext>).",
        ),
    ] = None,
    start: Annotated[str | None, typer.Option(help="Day start, HH:MM.")] = None,
    lunch: Annotated[str | None, typer.Option(help="Lunch HH:MM-HH:MM, or none.")] = None,
    breaks: Annotated[
        list[str] | None,
        typer.Option("--break", help="A tea break HH:MM-HH:MM (repeat; 'none' for no breaks)."),
    ] = None,
    latest_end: Annotated[str | None, typer.Option(help="Latest a day may end, HH:MM.")] = None,
    date: Annotated[str | None, typer.Option(help="First day's date, YYYY-MM-DD.")] = None,
    skip_weekends: Annotated[
        bool, typer.Option("--skip-weekends", help="Dated days skip Saturday and Sunday.")
    ] = False,
) -> None:
    """The timed agenda: clock times, breaks and lunch, day by day."""
    import datetime as dt

    from .agenda.plan import plan_agenda
    from .report import problem_text

    if format not in AGENDA_FORMATS:
        raise typer.BadParameter("must be md, html, docx or json", param_hint="--format")
    try:
        first = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise typer.BadParameter(
            f"{date!r} is not a date like 2026-12-08", param_hint="--date"
        ) from None
    flags = schedule_flags(start, lunch, breaks, latest_end)
    result = checked_course(course)
    assert result.course is not None and result.timing is not None
    planned = plan_agenda(
        result.course,
        result.timing,
        overrides=(flags,),
        first_date=first,
        skip_weekends=skip_weekends,
    )
    out = err_console()
    new_problems = [p for p in planned.problems if p not in result.problems]
    for problem in new_problems:
        out.print(problem_text(problem, course.as_posix()), soft_wrap=True)
    if any(p.level.value == "error" for p in planned.problems):
        raise typer.Exit(1)
    write_agenda(planned, result.course, format, output)


def write_agenda(planned: Agenda, course: Course, format: str, output: Path | None) -> None:
    from .files import save_atomic, write_text_atomic
    from .render.agenda_text import render_html, render_json, render_markdown

    language = course.language
    if format in ("md", "json"):
        text = render_markdown(planned, language) if format == "md" else render_json(planned)
        if output is None:
            typer.echo(text, nl=False)
            return
        write_text_atomic(output, text)
    else:
        output = output or Path(f"{course.id}.agenda.{format}")
        if format == "html":
            write_text_atomic(output, render_html(planned, language, course.subtitle))
        else:
            from .render.agenda_docx import agenda_document

            document = agenda_document(
                planned, language, subtitle=course.subtitle, template=course.template
            )
            save_atomic(output, lambda tmp: document.save(str(tmp)))
    err_console().print(f"wrote {output}")


@app.command()
def proposal(
    course: Annotated[Path, typer.Argument(help="A course spec.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Where to write (default: ./<course-id>.proposal.docx)."
        ),
    ] = None,
    client: Annotated[str, typer.Option(help="Client company, shown on the cover.")] = "",
    date: Annotated[
        str | None, typer.Option(help="Proposal / first delivery date, YYYY-MM-DD.")
    ] = None,
    template: Annotated[
        Path | None, typer.Option(help="A .docx template (styles, logo, header) to build from.")
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also write a PDF through LibreOffice.")
    ] = False,
) -> None:
    """The client proposal as a Word document."""
    import datetime as dt

    from .agenda.plan import plan_agenda
    from .files import save_atomic
    from .render.docx_base import TemplateError
    from .render.proposal import ProposalInput, build_proposal

    try:
        when = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise typer.BadParameter(
            f"{date!r} is not a date like 2026-12-08", param_hint="--date"
        ) from None
    result = checked_course(course)
    assert result.course is not None and result.timing is not None
    planned = plan_agenda(result.course, result.timing, first_date=when)
    chosen = template or result.course.template
    try:
        document = build_proposal(
            ProposalInput(result.course, result.timing, planned, client, when, chosen)
        )
    except TemplateError as exc:
        fail(chosen or course, "template", str(exc))
    target = output or Path(f"{result.course.id}.proposal.docx")
    save_atomic(target, lambda tmp: document.save(str(tmp)))
    err_console().print(f"wrote {target}")
    if pdf:
        from .render.pdf import PdfError, to_pdf

        try:
            err_console().print(f"wrote {to_pdf(target)}")
        except PdfError as exc:
            fail(target, "pdf", str(exc))


@template_app.command("init")
def template_init(
    path: Annotated[
        Path, typer.Argument(help="Where to write the template, e.g. templates/brand.docx.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write the default Word template, to brand in Word and pass with --template."""
    from .files import write_bytes_atomic
    from .render.docx_base import default_template

    if path.exists() and not force:
        typer.echo(f"{path}: already exists; pass --force to overwrite", err=True)
        raise typer.Exit(1)
    write_bytes_atomic(path, default_template().read_bytes())
    typer.echo(
        f"wrote {path}: edit its styles, header and footer in Word, then pass it with --template"
    )


def _workers(jobs: int | None) -> int:
    from .pack.run import default_jobs

    if jobs is not None and jobs < 1:
        raise typer.BadParameter("must be 1 or more", param_hint="--jobs")
    return jobs or default_jobs()


@app.command()
def export(
    paths: Annotated[list[Path], typer.Argument(help="Course specs or folders of them.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder: one sub-folder per course.")],
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: the cores).")
    ] = None,
    formats: Annotated[
        str, typer.Option("--format", help="Comma list of docx, html, md, pdf.")
    ] = "docx,html,md",
    force: Annotated[
        bool, typer.Option("--force", help="Replace files changed by hand since the last build.")
    ] = False,
) -> None:
    """Every document for every course: proposal and agenda, in parallel."""
    from .batch_report import BatchProgress, print_summary
    from .check import find_specs, kind_of
    from .load import load_file
    from .pack.jobs import FORMATS
    from .pack.run import export as run_export

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    if not chosen or any(f not in FORMATS for f in chosen):
        raise typer.BadParameter(f"choose from {', '.join(FORMATS)}", param_hint="--format")
    workers = _workers(jobs)
    specs, missing = [], []
    for path, problem in find_specs(paths):
        if problem is not None:
            missing.append((path, problem))
        elif kind_of(load_file(path).root) == "course":
            specs.append(path)
    for path, problem in missing:
        fail_soft(path, problem)
    out_console = console()
    with BatchProgress(out_console, len(specs), "exporting") as progress:
        batch = run_export(
            specs, out, workers=workers, formats=chosen, force=force, listener=progress
        )
    print_summary(out_console, batch)
    raise typer.Exit(0 if batch.ok and not missing else 1)


@app.command()
def pack(
    pack_file: Annotated[
        Path, typer.Argument(metavar="PACK.yaml", help="A pack file (packs/*.yaml).")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Output folder: the pack goes to OUT/<pack-id>/.")
    ],
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: the cores).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files changed by hand since the last build.")
    ] = False,
) -> None:
    """A client pack: every course's documents, a combined proposal, an index and a zip."""
    from .batch_report import BatchProgress, print_summary
    from .pack.run import build_pack_folder

    workers = _workers(jobs)
    if not pack_file.is_file():
        fail(pack_file, "file-missing", "no such pack file")
    out_console = console()
    with BatchProgress(out_console, 0, "building") as progress:
        batch = build_pack_folder(pack_file, out, workers=workers, force=force, listener=progress)
    print_summary(out_console, batch)
    raise typer.Exit(0 if batch.ok else 1)


@app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(help="A catalog: .txt (UTF-8 or GB18030) or .docx.")],
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the course specs (and instructors/).")
    ],
    split_on: Annotated[
        str, typer.Option("--split-on", help="The line that separates courses.")
    ] = "联系老师 培训咨询",
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite specs that already exist.")
    ] = False,
) -> None:
    """Turn an existing course catalog into course specs, with TODOs for what it leaves open."""
    from rich.table import Table
    from rich.text import Text

    from .importer.run import import_catalog
    from .importer.source import SourceError

    try:
        report = import_catalog(
            source, out, separator=split_on, force=force, schema=Path("schema/course.schema.json")
        )
    except SourceError as exc:
        fail(source, exc.code, str(exc))
    out_console = console()
    table = Table(show_edge=False, pad_edge=False)
    for column in ("file written", "title", "duration", "modules", "timed", "TODOs"):
        table.add_column(
            column, justify="right" if column in ("modules", "timed", "TODOs") else "left"
        )
    for row in report.rows:
        table.add_row(
            Text(row.file),
            Text(row.title),
            Text(row.duration),
            str(row.modules),
            str(row.timed),
            str(row.todos),
        )
    out_console.print(table)
    if report.instructor:
        out_console.print(Text(f"instructor profile: {(out / report.instructor).as_posix()}"))
    for line in report.warnings:
        out_console.print(Text(f"warning: {line}"), soft_wrap=True)
    for path in report.kept:
        out_console.print(
            Text(f"{path}: already exists; kept (use --force to overwrite)"), soft_wrap=True
        )
    out_console.print(
        Text(
            f"{len(report.rows)} course(s) imported; check them with: syllabus validate {out.as_posix()}"
        )
    )
    raise typer.Exit(1 if report.kept else 0)


def fail_soft(path: Path, problem: Problem) -> None:
    from .report import problem_text

    err_console().print(problem_text(problem, path.as_posix()), soft_wrap=True)


def configure_gc() -> None:
    """Collect cycles rarely: a run builds many small acyclic values (marked YAML,
    specs, slots) and the default thresholds spent 40% of validating 1,000 specs
    rescanning them (bench/validate_bench.py). mypy tunes its collector the same way."""
    import gc

    gc.set_threshold(50_000, 20, 20)


def main() -> None:
    configure_gc()
    app()
