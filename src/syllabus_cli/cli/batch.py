"""Commands over many courses: export, pack, import."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..i18n import Listing, msg, t
from ..problems import Located
from .app import Draft, Force, Jobs, app, console, fail, fail_soft, out, utf8_out

if TYPE_CHECKING:
    from ..batch_report import Screen
    from ..build.results import BatchResult


def _screen() -> "Screen":
    """Where a batch reports: rich on a terminal; plain lines on a pipe, a file or a CI
    log (as ``validate`` does), without importing rich."""
    from ..batch_report import Plain, Rich

    stream = out()
    return Rich(console()) if stream.isatty() else Plain(stream)


Report = Annotated[
    str,
    typer.Option(
        "--report",
        metavar="text|json",
        help="How the build reports: text, or one JSON object (--format picks documents).",
    ),
]


def _report_kind(report: str) -> str:
    if report not in ("text", "json"):
        raise typer.BadParameter(t("cli.format"), param_hint="--report")
    return report


def _json_report(batch: "BatchResult", missing: "list[Located]") -> None:
    import json

    from ..batch_report import batch_json

    text = json.dumps(batch_json(batch, missing), ensure_ascii=not utf8_out(), indent=2)
    out().write(text + "\n")
    raise typer.Exit(0 if batch.ok and not missing else 1)


def _workers(jobs: int | None) -> int | None:
    """--jobs as given; None lets the batch choose (one process for a few courses)."""
    if jobs is not None and jobs < 1:
        raise typer.BadParameter(t("batch.jobs"), param_hint="--jobs")
    return jobs


@app.command()
def export(
    paths: Annotated[list[Path], typer.Argument(help="Course specs or folders of them.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder: one sub-folder per course.")],
    jobs: Jobs = None,
    formats: Annotated[
        str, typer.Option("--format", help="Comma list of docx, html, md, pdf.")
    ] = "docx,html,md",
    force: Force = False,
    draft: Draft = False,
    report: Report = "text",
) -> None:
    """Every document for every course: proposal and agenda, in parallel."""
    from ..batch_report import BatchProgress, print_summary
    from ..build.batch import export as run_export
    from ..build.jobs import FORMATS
    from ..find import find_specs

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    if not chosen or any(f not in FORMATS for f in chosen):
        raise typer.BadParameter(
            t("batch.formats", formats=Listing(FORMATS)), param_hint="--format"
        )
    workers = _workers(jobs)
    kind = _report_kind(report)
    specs, missing = [], []
    for path, problem in find_specs(paths):
        if problem is not None:
            missing.append(Located(path, problem))
        else:
            specs.append(path)  # packs and instructors among them are skipped by kind
    if kind == "json":
        batch = run_export(specs, out, workers=workers, formats=chosen, force=force, draft=draft)
        _json_report(batch, missing)
    for found in missing:
        fail_soft(found.path, found.problem)
    screen = _screen()
    with BatchProgress(screen, len(specs), t("batch.exporting")) as progress:
        batch = run_export(
            specs,
            out,
            workers=workers,
            formats=chosen,
            force=force,
            listener=progress,
            draft=draft,
        )
    print_summary(screen, batch)
    raise typer.Exit(0 if batch.ok and not missing else 1)


@app.command()
def pack(
    pack_file: Annotated[
        Path, typer.Argument(metavar="PACK.yaml", help="A pack file (packs/*.yaml).")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Output folder: the pack goes to OUT/<pack-id>/.")
    ],
    jobs: Jobs = None,
    formats: Annotated[
        str, typer.Option("--format", help="Comma list of docx, html, md, pdf.")
    ] = "docx,html,md",
    pdf: Annotated[bool, typer.Option("--pdf", help="Also make PDFs (LibreOffice).")] = False,
    force: Force = False,
    draft: Draft = False,
    report: Report = "text",
) -> None:
    """A client pack: every course's documents, a combined proposal, an index and a zip."""
    from ..batch_report import BatchProgress, print_summary
    from ..build.batch import build_pack_folder
    from ..build.jobs import FORMATS

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip()) + (("pdf",) if pdf else ())
    if not chosen or any(f not in FORMATS for f in chosen):
        raise typer.BadParameter(
            t("batch.formats", formats=Listing(FORMATS)), param_hint="--format"
        )
    workers = _workers(jobs)
    kind = _report_kind(report)
    if not pack_file.is_file():
        fail(pack_file, "file-missing", msg("batch.no-pack"))
    if kind == "json":
        batch = build_pack_folder(
            pack_file,
            out,
            workers=workers,
            force=force,
            formats=tuple(dict.fromkeys(chosen)),
            draft=draft,
        )
        _json_report(batch, [])
    screen = _screen()
    with BatchProgress(screen, 0, t("batch.building")) as progress:
        batch = build_pack_folder(
            pack_file,
            out,
            workers=workers,
            force=force,
            listener=progress,
            formats=tuple(dict.fromkeys(chosen)),
            draft=draft,
        )
    print_summary(screen, batch)
    raise typer.Exit(0 if batch.ok else 1)


@app.command("import")
def import_(
    source: Annotated[
        Path,
        typer.Argument(
            help="A catalog or outline: .txt .md .docx .pdf .pptx .xlsx .csv .html .mhtml."
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the course specs (and instructors/).")
    ],
    split_on: Annotated[
        str, typer.Option("--split-on", help="The line that separates courses.")
    ] = "联系老师 培训咨询",
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite specs that already exist.")
    ] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    modules_like: Annotated[
        str | None,
        typer.Option(
            "--modules-like",
            help=(
                "One module as the source writes it (第一天, Day 1, 模块一): every line "
                "written the same way becomes a module."
            ),
        ),
    ] = None,
) -> None:
    """Turn an existing course catalog into course specs, with TODOs for what it leaves open."""
    from ..importer.run import import_catalog
    from ..importer.source import SourceError

    if format not in ("text", "json"):
        raise typer.BadParameter(t("cli.format"), param_hint="--format")
    if modules_like is not None and not modules_like.strip():
        raise typer.BadParameter(t("cli.modules-like-empty"), param_hint="--modules-like")
    try:
        report = import_catalog(
            source, out, separator=split_on, force=force, modules_like=modules_like
        )
    except SourceError as exc:
        exc.path = source
        raise
    except OSError as exc:  # --out is a file, a full or read-only disk: one line, exit 1
        from ..i18n import msg

        where = Path(exc.filename) if isinstance(exc.filename, str) else out
        fail(where, "write", str(msg("output.write", reason=exc.strerror or type(exc).__name__)))
    if format == "json":  # per course: what was found, derived or left TODO
        import json

        typer.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        raise typer.Exit(1 if report.kept else 0)
    header = [
        t(f"import.col-{column.replace(' ', '-')}")
        for column in ("file written", "title", "duration", "modules", "timed", "TODOs")
    ]
    rows = [
        [row.file, row.title, row.duration, str(row.modules), str(row.timed), str(row.todos)]
        for row in report.rows
    ]
    lines: list[str] = []
    if report.instructor:
        lines.append(t("import.instructor", path=(out / report.instructor).as_posix()))
    lines += report.info
    lines += [t("import.warning", line=line) for line in report.warnings]
    lines += [t("import.kept", path=path) for path in report.kept]
    lines.append(t("import.done", n=len(report.rows), out=out.as_posix()))
    from .console import out as stdout

    stream = stdout()
    if not stream.isatty():  # a pipe, a file, a CI log: plain lines, as validate writes
        from ..textcols import plain_table

        table_lines = plain_table([header, *rows], right={3, 4, 5}) if rows else []
        stream.write("".join(line + "\n" for line in [*table_lines, *lines]))
        raise typer.Exit(1 if report.kept else 0)
    from rich.table import Table
    from rich.text import Text

    out_console = console()
    table = Table(show_edge=False, pad_edge=False)
    for index, column in enumerate(header):
        table.add_column(column, justify="right" if index >= 3 else "left")
    for cells in rows:
        table.add_row(*(Text(c) for c in cells))
    out_console.print(table)
    for line in lines[:-1]:
        out_console.print(Text(line), soft_wrap=True)
    out_console.print(Text(lines[-1]))
    raise typer.Exit(1 if report.kept else 0)
