"""``syllabus preview``: a live local page of every course and pack, with their problems.

Only wiring: the server, pages and watcher live in ``syllabus_cli.preview`` and are
imported when the command runs, so no other command's start-up pays for them."""

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .app import app


@app.command()
def preview(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Folders to show (default: ./courses, ./packs, ./library)."),
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", help="Port (default 8765; the next free one if taken).")
    ] = None,
    no_open: Annotated[bool, typer.Option("--no-open", help="Do not open the browser.")] = False,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on (default 127.0.0.1: this machine only)."),
    ] = "127.0.0.1",
    out: Annotated[
        Path, typer.Option("--out", help="Where the build buttons write (as export/pack --out).")
    ] = Path("dist"),
) -> None:
    """A live page of every course and pack: outline, agenda, proposal and problems."""
    from ..preview.server import Options, PortError, serve

    if port is not None and not 0 <= port <= 65535:
        raise typer.BadParameter(t("preview.bad-port", port=port), param_hint="--port")
    if paths:
        missing = [p for p in paths if not p.is_dir()]
        if missing:
            raise typer.BadParameter(t("preview.not-folder", path=missing[0]), param_hint="PATH")
        chosen = paths
    else:
        chosen = [p for p in (Path("courses"), Path("packs"), Path("library")) if p.is_dir()]
        if not chosen:
            raise typer.BadParameter(t("preview.no-folders"), param_hint="PATH")
    roots: dict[str, Path] = {}
    for folder in chosen:
        name = folder.resolve().name or "root"
        while name in roots:
            name += "_"
        roots[name] = folder
    # where the import page writes: the folder named courses, else the first folder
    # given that is not packs/ or library/ (imported specs must show on the home page)
    courses = roots.get("courses") or next(
        (p for n, p in roots.items() if n.rstrip("_") not in ("packs", "library")), Path("courses")
    )
    try:
        # absolute: the pages say where the buttons wrote, wherever the browser is
        code = serve(Options(roots, port, host, not no_open, out.resolve(), courses.resolve()))
    except PortError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    raise typer.Exit(code)
