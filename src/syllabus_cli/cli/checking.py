"""Commands that read specs: validate, show, new, schema."""

import json
from pathlib import Path
from typing import Annotated

import typer

from .app import Variant, app, console, load_variant


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
    from ..check import validate_paths
    from ..report import as_json, print_text
    from ..spec.variants import UnknownVariant

    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    try:
        results = validate_paths(paths or [Path("courses")], variant)
    except UnknownVariant as exc:
        raise typer.BadParameter(str(exc), param_hint="--variant") from None
    if format == "json":
        typer.echo(as_json(results, strict))
    else:
        print_text(console(), results, strict)
    raise typer.Exit(0 if all(r.ok(strict) for r in results) else 1)


@app.command()
def show(
    course: Annotated[Path, typer.Argument(help="A course spec.")], variant: Variant = None
) -> None:
    """Print the outline as a tree with each block's minutes (given or allocated)."""
    from ..check import check_course
    from ..render.tree import outline_tree
    from ..report import problem_text

    result = check_course(load_variant(course, variant), course)
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
    from ..duration import DurationError
    from ..files import write_text_atomic
    from ..spec.schema import schema_ref
    from ..spec.starter import starter_spec

    if path.exists() and not force:
        typer.echo(f"{path}: already exists; pass --force to overwrite", err=True)
        raise typer.Exit(1)
    if pack:
        from ..pack.starter import NoCourses, pack_starter

        try:
            write_text_atomic(path, pack_starter(path, Path("courses")))
        except NoCourses as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from None
        typer.echo(f"wrote {path}; check it with: syllabus validate {path}")
        return
    try:
        ref = (
            schema_ref(path)
            or "course.schema.json  # write it with: syllabus schema > course.schema.json"
        )
        text = starter_spec(title, duration, ref)
    except DurationError as exc:
        raise typer.BadParameter(str(exc), param_hint="--duration") from None
    if variants is not None:
        from ..spec.starter import variant_lengths, variant_starter_spec

        try:
            text = variant_starter_spec(title, variant_lengths(variants, duration), ref)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--variants") from None
    write_text_atomic(path, text)
    typer.echo(f"wrote {path}; check it with: syllabus validate {path}")


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="course, pack or instructor.")] = "course",
) -> None:
    """Print the JSON Schema of a spec (for editors: # yaml-language-server: $schema=...)."""
    from ..spec import schema as schemas

    makers = {
        "course": schemas.course_schema,
        "pack": schemas.pack_schema,
        "instructor": schemas.instructor_schema,
    }
    if kind not in makers:
        raise typer.BadParameter("must be course, pack or instructor", param_hint="KIND")
    typer.echo(json.dumps(makers[kind](), ensure_ascii=False, indent=2))
