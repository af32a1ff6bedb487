"""Commands that read specs: validate, show, new, schema; and explain (a problem code)."""

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .app import Variant, app, console, load_variant, out, refuse_existing, utf8_out

# User-facing messages of this module: i18n/en.py and zh.py, keys "cli.*".


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Spec files or folders (default: courses/).")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as failures.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    variant: Annotated[
        str | None,
        typer.Option("--variant", help="Check only this variant (default: every variant)."),
    ] = None,
) -> None:
    """Check every course spec: types, keys, durations, timing at every level."""
    from ..report import as_json, print_text, write_text
    from ..validate import validate_paths

    if format not in ("text", "json"):
        raise typer.BadParameter(t("cli.format"), param_hint="--format")
    results = validate_paths(paths or [Path("courses")], variant, lean=True)
    stream = out()
    if format == "json":
        stream.write(as_json(results, strict, ascii_only=not utf8_out()) + "\n")
    elif stream.isatty():
        print_text(console(), results, strict)
    else:  # a pipe, a file, CI: plain lines, no rich to import
        write_text(stream, results, strict)
    raise typer.Exit(0 if all(r.ok(strict) for r in results) else 1)


@app.command()
def show(
    course: Annotated[Path, typer.Argument(help="A course spec.")], variant: Variant = None
) -> None:
    """Print the outline as a tree with each block's minutes (given or allocated)."""
    from ..check import check_course
    from ..paths import shown
    from ..render.tree import outline_tree
    from ..report import problem_text

    result = check_course(load_variant(course, variant), course)
    screen = console()
    if result.course is not None and result.timing is not None:
        screen.print(outline_tree(result.course, result.timing))
    for problem in result.problems:
        screen.print(problem_text(problem, shown(course)), soft_wrap=True)
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def new(
    path: Annotated[
        Path, typer.Argument(help="Where to write the new spec (e.g. courses/my-course.yaml).")
    ],
    title: Annotated[
        str | None, typer.Option(help="Course title (default: a Chinese file name, else 新课程).")
    ] = None,
    duration: Annotated[
        str, typer.Option(help='Course length, e.g. "1天(6h/天)", "3小时".')
    ] = "1天(6h/天)",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    variants: Annotated[
        str | None,
        typer.Option(
            "--variants",
            help="Sold in several lengths: 一天,半天 (or NAME=DURATION,…; the first takes --duration).",
        ),
    ] = None,
    pack: Annotated[
        bool, typer.Option("--pack", help="Write a client pack (with a training plan) instead.")
    ] = False,
) -> None:
    """Write a commented starter spec that validates."""
    from ..build.outputs import write_new
    from ..cjk import is_han
    from ..paths import shown
    from .app import document_errors

    # `new 销售技巧`: the file validate finds (a folder, ".", "..": refused below as they are)
    bare = path.name not in ("", ".", "..") and not path.is_dir()
    if bare and path.suffix.lower() not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    if title is None:
        title = path.stem if any(is_han(ch) for ch in path.stem) else "新课程"
    if path.exists() and not force:
        refuse_existing(path)
    if pack:
        from ..pack.starter import pack_starter

        text = pack_starter(path, Path("courses"))
    else:
        text = _course_starter(path, title, duration, variants)
    with document_errors(path, None):
        write_new(path, text.encode("utf-8"))
    typer.echo(t("cli.wrote-spec", path=shown(path)))


def _course_starter(path: Path, title: str, duration: str, variants: str | None) -> str:
    """The starter spec's text; a --duration or --variants it cannot read is a usage error."""
    from ..duration import DurationError
    from ..spec.schema import schema_ref
    from ..spec.starter import starter_spec, variant_lengths, variant_starter_spec

    try:
        ref = schema_ref(path) or t("cli.schema-hint")
        text = starter_spec(title, duration, ref)
    except DurationError as exc:
        raise typer.BadParameter(str(exc), param_hint="--duration") from None
    if variants is None:
        return text
    try:
        return variant_starter_spec(title, variant_lengths(variants, duration), ref)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--variants") from None


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="course, pack or instructor.")] = "course",
) -> None:
    """Print the JSON Schema of a spec (for editors: # yaml-language-server: $schema=...)."""
    import json

    from ..spec import schema as schemas

    makers = {
        "course": schemas.course_schema,
        "pack": schemas.pack_schema,
        "instructor": schemas.instructor_schema,
    }
    if kind not in makers:
        raise typer.BadParameter(t("cli.kind"), param_hint="KIND")
    out().write(json.dumps(makers[kind](), ensure_ascii=not utf8_out(), indent=2) + "\n")


@app.command()
def explain(
    code: Annotated[
        str | None, typer.Argument(metavar="CODE", help="A problem code, e.g. sum-mismatch.")
    ] = None,
) -> None:
    """Explain a problem code: what it means, and a YAML that passes and one that fails."""
    from ..i18n import language
    from ..i18n.codes import closest, lookup, summary
    from ..i18n.codes import explain as explained

    if code is None:  # every code, one line each
        out().write(t("explain.all") + "\n\n" + summary(language()))
        return

    row = lookup(code)
    if row is None:
        near = closest(code)
        said = (
            t("explain.unknown-mean", code=code, close=near)
            if near
            else t("explain.unknown", code=code)
        )
        raise typer.BadParameter(said, param_hint="CODE")
    out().write(explained(row, language()) + "\n")
