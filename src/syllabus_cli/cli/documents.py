"""Commands that write one course's documents: agenda, proposal, template init."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .app import Variant, app, checked_course, date_flag, err_console, fail, template_app

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
    skip: Annotated[
        str,
        typer.Option(help="Dated days skip: holidays (China's calendar), weekends or none."),
    ] = "holidays",
    skip_weekends: Annotated[bool, typer.Option("--skip-weekends", hidden=True)] = False,
    variant: Variant = None,
) -> None:
    """The timed agenda: clock times, breaks and lunch, day by day."""

    from ..agenda.plan import plan_agenda
    from ..report import problem_text

    if format not in AGENDA_FORMATS:
        raise typer.BadParameter("must be md, html, docx or json", param_hint="--format")
    if skip not in ("holidays", "weekends", "none"):
        raise typer.BadParameter("must be holidays, weekends or none", param_hint="--skip")
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
    out = err_console()
    new_problems = [p for p in planned.problems if p not in result.problems]
    for problem in new_problems:
        out.print(problem_text(problem, course.as_posix()), soft_wrap=True)
    if any(p.level.value == "error" for p in planned.problems):
        raise typer.Exit(1)
    write_agenda(planned, result.course, format, output)


def write_agenda(planned: "Agenda", course: "Course", format: str, output: Path | None) -> None:
    from ..files import save_atomic, write_text_atomic
    from ..pack.names import safe_name
    from ..render.agenda_text import render_html, render_json, render_markdown

    language = course.language
    if format in ("md", "json"):
        text = render_markdown(planned, language) if format == "md" else render_json(planned)
        if output is None:
            typer.echo(text, nl=False)
            return
        write_text_atomic(output, text)
    else:
        output = output or Path(f"{safe_name(course.file_id)}.agenda.{format}")
        if format == "html":
            write_text_atomic(output, render_html(planned, language, course.subtitle))
        else:
            from ..render.agenda_docx import agenda_document

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
    variant: Variant = None,
) -> None:
    """The client proposal as a Word document."""

    from ..agenda.plan import plan_agenda
    from ..files import save_atomic
    from ..pack.names import safe_name
    from ..render.docx_base import TemplateError
    from ..render.proposal import ProposalInput, build_proposal

    when = date_flag(date)
    result = checked_course(course, variant)
    assert result.course is not None and result.timing is not None
    planned = plan_agenda(result.course, result.timing, first_date=when)
    chosen = template or result.course.template
    try:
        document = build_proposal(
            ProposalInput(result.course, result.timing, planned, client, when, chosen)
        )
    except TemplateError as exc:
        fail(chosen or course, "template", str(exc))
    target = output or Path(f"{safe_name(result.course.file_id)}.proposal.docx")
    save_atomic(target, lambda tmp: document.save(str(tmp)))
    err_console().print(f"wrote {target}")
    if pdf:
        from ..render.pdf import PdfError, to_pdf

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
    from ..files import write_bytes_atomic
    from ..render.docx_base import default_template

    if path.exists() and not force:
        typer.echo(f"{path}: already exists; pass --force to overwrite", err=True)
        raise typer.Exit(1)
    write_bytes_atomic(path, default_template().read_bytes())
    typer.echo(
        f"wrote {path}: edit its styles, header and footer in Word, then pass it with --template"
    )
