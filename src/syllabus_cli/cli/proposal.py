"""``syllabus proposal``: one course's client proposal as a Word document.

A module of its own that imports its renderers at the top: the command group imports a
command's module when the command is looked up, while start-up runs without the
collector (``startup.py``), so a proposal's whole start-up is one import phase.
"""

from pathlib import Path
from typing import Annotated

import typer

from ..agenda.from_course import plan_agenda
from ..build.names import draft_mark
from ..build.outputs import check_target, write_output
from ..i18n import t
from ..load import load_file
from ..pack.supplier import supplier_from_file, today
from ..problems import Level
from ..render.docx_out import document_bytes
from ..render.proposal import ProposalInput, build_proposal
from ..spec.training_plan import Issue, Supplier
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
    print_problems,
    refuse_placeholders,
)


def _supplier(path: Path | None) -> Supplier | None:
    """``--supplier FILE``: its problems printed located in that file; exit 1 on errors."""
    if path is None:
        return None
    found, reader = supplier_from_file(path, load_file)
    print_problems(reader.problems, path)
    if found is None or any(p.level is Level.ERROR for p in reader.problems):
        raise typer.Exit(1)
    return found


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
    supplier: Annotated[
        Path | None,
        typer.Option(help="A supplier profile (乙方: company, logo, contact, bank) for the cover."),
    ] = None,
    issued: Annotated[
        str | None, typer.Option(help="方案日期 on the cover, YYYY-MM-DD (default: today).")
    ] = None,
    doc_version: Annotated[
        str, typer.Option("--doc-version", help="Version on the cover, e.g. V1.0.")
    ] = "",
    variant: Variant = None,
    force: Force = False,
    draft: Draft = False,
) -> None:
    """The client proposal as a Word document."""
    when = date_flag(date)
    result = checked_course(course, variant)
    assert result.course is not None and result.timing is not None
    refuse_placeholders(result.problems, course, draft)
    issue = None
    if supplier is not None or issued or doc_version:
        issue = Issue(date_flag(issued, "--issued") or today(), doc_version, _supplier(supplier))
    planned = plan_agenda(result.course, result.timing, first_date=when)
    print_layout_problems(planned, result.problems, course)  # the agenda inside it
    chosen = template or result.course.template
    suffix = (draft_mark(result.course.language) if draft else "") + ".docx"
    target = output or default_output(result.course, ".proposal" + suffix)
    with document_errors(course, chosen):
        check_target(target, force=force)
        document = build_proposal(
            ProposalInput(
                result.course,
                result.timing,
                planned,
                client,
                when,
                chosen,
                issue=issue,
                draft=draft,
            )
        )
        write_output(target, document_bytes(document), force=force)
    typer.echo(t("cli.wrote", path=target), err=True)
    if pdf:
        from ..render.pdf import PdfError, to_pdf

        try:
            made = to_pdf(target)
        except PdfError as exc:
            exc.path = target
            raise
        from ..render.toc import number_toc

        numbered = number_toc(target.read_bytes(), made.read_bytes())
        if numbered is not None:  # the contents page numbered as the PDF's is
            write_output(target, numbered, force=True)
        typer.echo(t("cli.wrote", path=made), err=True)
