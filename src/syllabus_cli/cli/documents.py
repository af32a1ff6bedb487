"""Commands that write one course's documents: agenda and template init (proposal: its
own module, cli/proposal.py).

Every document error (an unusable template, an output that may not or cannot be
written, a PDF that fails) is caught in one seam, ``app.document_errors``: one located line,
exit 1, never a traceback."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..i18n import t
from .app import (
    Draft,
    Force,
    Variant,
    app,
    checked_course,
    date_flag,
    default_output,
    document_errors,
    print_layout_problems,
    refuse_existing,
    refuse_placeholders,
    template_app,
)

if TYPE_CHECKING:
    from ..agenda.layout import Agenda
    from ..spec.model import Course, Schedule


def schedule_flags(
    start: str | None, lunch: str | None, breaks: list[str] | None, latest_end: str | None
) -> "Schedule":
    """The flags as the top schedule layer; a malformed value is a usage error (exit 2)."""
    from ..spec.model import Schedule, Window
    from ..spec.read import parse_clock, parse_window

    def clock_flag(value: str | None, name: str) -> int | None:
        if value is None:
            return None
        parsed = parse_clock(value)
        if parsed is None:
            raise typer.BadParameter(t("cli.not-a-time", value=value), param_hint=name)
        return parsed

    def window_flag(value: str, name: str) -> Window:
        parsed = parse_window(value)
        if parsed is None:
            raise typer.BadParameter(t("cli.not-a-range", value=value), param_hint=name)
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
    skip: Annotated[
        str,
        typer.Option(help="Dated days skip: holidays (China's calendar), weekends or none."),
    ] = "holidays",
    skip_weekends: Annotated[bool, typer.Option("--skip-weekends", hidden=True)] = False,
    variant: Variant = None,
    force: Force = False,
    draft: Draft = False,
) -> None:
    """The timed agenda: clock times, breaks and lunch, day by day."""

    from ..agenda.from_course import plan_agenda

    if format not in AGENDA_FORMATS:
        raise typer.BadParameter(t("cli.agenda-format"), param_hint="--format")
    if skip not in ("holidays", "weekends", "none"):
        raise typer.BadParameter(t("cli.skip"), param_hint="--skip")
    first = date_flag(date)
    flags = schedule_flags(start, lunch, breaks, latest_end)
    result = checked_course(course, variant)
    assert result.course is not None and result.timing is not None
    planned = plan_agenda(
        result.course,
        result.timing,
        overrides=(flags,),
        first_date=first,
        skip="weekends" if skip_weekends else skip,
    )
    print_layout_problems(planned, result.problems, course)
    if any(p.level.value == "error" for p in planned.problems):
        raise typer.Exit(1)
    if output is not None or format in ("html", "docx"):
        # a file is what reaches a client: no placeholder in it unless it says 草稿 / DRAFT;
        # the screen (md/json on stdout) is the trainer's own view
        refuse_placeholders(result.problems, course, draft)
    with document_errors(course, result.course.template):
        write_agenda(planned, result.course, format, output, force=force, draft=draft)


def write_agenda(
    planned: "Agenda",
    course: "Course",
    format: str,
    output: Path | None,
    *,
    force: bool = False,
    draft: bool = False,
) -> None:
    """Print or write the agenda; a ``draft`` says 草稿 / DRAFT in its name and on its page."""
    from ..build.names import draft_mark
    from ..build.outputs import check_target, write_output
    from ..render.agenda_text import render_html, render_json, render_markdown

    language = course.language
    if format in ("md", "json") and output is None:
        text = render_markdown(planned, language) if format == "md" else render_json(planned)
        typer.echo(text, nl=False)
        return
    mark = draft_mark(language) if draft else ""
    target = output or default_output(course, f".agenda{mark}.{format}")
    check_target(target, force=force)  # before the work: a refusal costs nothing
    if format == "md":
        data = render_markdown(planned, language, draft=draft).encode("utf-8")
    elif format == "json":
        data = render_json(planned).encode("utf-8")
    elif format == "html":
        data = render_html(planned, language, course.subtitle, draft=draft).encode("utf-8")
    else:
        from ..render.agenda_docx import agenda_document
        from ..render.docx_out import document_bytes
        from ..render.proposal import draft_stamp

        document = agenda_document(
            planned,
            language,
            subtitle=course.subtitle,
            template=course.template,
            author=course.instructor.name if course.instructor else "",
        )
        if draft:
            draft_stamp(document, language)
        data = document_bytes(document)
    write_output(target, data, force=force)
    typer.echo(t("cli.wrote", path=target), err=True)  # plain: no rich console to start


@template_app.command("init")
def template_init(
    path: Annotated[
        Path, typer.Argument(help="Where to write the template, e.g. templates/brand.docx.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write the default Word template, to brand in Word and pass with --template."""
    from ..build.outputs import write_new
    from ..render.docx_base import default_template

    if path.exists() and not force:
        refuse_existing(path)
    with document_errors(path, None):
        write_new(path, default_template().read_bytes())
    typer.echo(t("cli.wrote-template", path=path))
