"""``syllabus proposal``: one course's client proposal as a Word document.

A module of its own that imports its renderers at the top: the command group imports a
command's module when the command is looked up, while start-up runs without the
collector (``startup.py``), so a proposal's whole start-up is one import phase.
"""

from pathlib import Path
from typing import Annotated

import typer

from ..agenda.from_course import plan_agenda
from ..build.outputs import check_target, write_output
from ..i18n import t
from ..render.docx_out import document_bytes
from ..render.proposal import ProposalInput, build_proposal
from .app import (
    Force,
    Variant,
    app,
    checked_course,
    date_flag,
    default_output,
    document_errors,
    print_layout_problems,
)


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
    force: Force = False,
) -> None:
    """The client proposal as a Word document."""
    when = date_flag(date)
    result = checked_course(course, variant)
    assert result.course is not None and result.timing is not None
    planned = plan_agenda(result.course, result.timing, first_date=when)
    print_layout_problems(planned, result.problems, course)  # the agenda inside it
    chosen = template or result.course.template
    target = output or default_output(result.course, ".proposal.docx")
    with document_errors(course, chosen):
        check_target(target, force=force)
        document = build_proposal(
            ProposalInput(result.course, result.timing, planned, client, when, chosen)
        )
        write_output(target, document_bytes(document), force=force)
    typer.echo(t("cli.wrote", path=target), err=True)
    if pdf:
        from ..render.pdf import PdfError, to_pdf

        try:
            typer.echo(t("cli.wrote", path=to_pdf(target)), err=True)
        except PdfError as exc:
            exc.path = target
            raise
