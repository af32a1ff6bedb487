"""The preview's web application: server-rendered pages (a plain GET returns the page as
it stands, no JavaScript needed), a stream of change events the page listens to, and
the actions that build or import (POSTs that carry the session's token).

Starlette: a small, well-kept ASGI toolkit (routing, requests, streaming, a test client)
with no framework on top to learn; uvicorn serves it; jinja2 writes the HTML.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from .. import i18n
from .pages import link
from .security import GuardMiddleware, Outside
from .session import Session

if TYPE_CHECKING:
    from .actions import Line


def _located(session: Session, request: Request) -> tuple[str, str, Path] | Response:
    """The spec file a page names, resolved (symbolic links followed) inside its folder;
    an answer to send instead when it is not one."""
    from ..find import SPEC_SUFFIXES

    root, rel = request.path_params["root"], request.path_params["rel"]
    if root not in session.site.roots:
        return PlainTextResponse(i18n.t("preview.no-folder", name=root), status_code=404)
    try:
        path = session.resolve(root, rel)
    except Outside:
        return PlainTextResponse(i18n.t("preview.outside"), status_code=403)
    if path.suffix not in SPEC_SUFFIXES:
        return PlainTextResponse(i18n.t("preview.not-spec", name=rel), status_code=404)
    try:
        there = path.is_file()
    except OSError:  # a name too long for the file system, a folder that cannot be read
        there = False
    if not there:  # deleted while its page was open: the page says so
        return session.render(
            request,
            "message.html",
            status=404,
            page_title=rel,
            lines=[("status-errors", i18n.t("preview.gone", name=f"{root}/{rel}"))],
            back="/",
        )
    return root, rel, path


async def home(request: Request) -> Response:
    session: Session = request.app.state.session
    rows = await run_in_threadpool(session.site.home)
    groups: dict[str, list[Any]] = {"course": [], "pack": [], "library": [], "instructor": []}
    for row in rows:
        groups.setdefault(row.kind, []).append(row)
    sections = [
        ("course", i18n.t("preview.courses")),
        ("pack", i18n.t("preview.packs")),
        ("library", i18n.t("preview.library")),
        ("instructor", i18n.t("preview.instructors")),
    ]
    folders = ", ".join(str(p) for p in session.site.roots.values())
    return session.render(
        request,
        "home.html",
        page_title=i18n.t("preview.home-title"),
        groups=groups,
        sections=sections,
        total=len(rows),
        folders=folders,
    )


async def course(request: Request) -> Response:
    session: Session = request.app.state.session
    found = _located(session, request)
    if isinstance(found, Response):
        return found
    root, rel, path = found
    view = await run_in_threadpool(session.site.course, path)
    if view.kind == "pack":
        return await pack(request)
    title = next((v.title for v in view.variants if v.title), "") or rel
    if view.kind == "instructor":
        return session.render(
            request,
            "file.html",
            page_title=title,
            rel=rel,
            view=view,
            source=_source(path),
            deps=view.deps | {path.resolve()},
        )
    return session.render(
        request,
        "course.html",
        page_title=title,
        root=root,
        rel=rel,
        view=view,
        out=session.out,
        deps=view.deps | {path.resolve()},
    )


async def pack(request: Request) -> Response:
    session: Session = request.app.state.session
    found = _located(session, request)
    if isinstance(found, Response):
        return found
    root, rel, path = found
    view = await run_in_threadpool(session.site.pack, path)
    weekdays = "一二三四五六日" if session.site.language == "zh" else "MTWTFSS"
    return session.render(
        request,
        "pack.html",
        page_title=view.title or rel,
        root=root,
        rel=rel,
        view=view,
        out=session.out,
        weekdays=list(weekdays),
        deps=view.deps | {path.resolve()},
    )


def _source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[:200_000]
    except OSError:
        return ""


async def events(request: Request) -> Response:
    """Server-sent events: one message per change, naming the files that changed."""
    session: Session = request.app.state.session
    hub = session.hub
    queue: asyncio.Queue[str | None] = asyncio.Queue()
    hub.queues.add(queue)

    async def stream() -> AsyncIterator[str]:
        try:
            yield "retry: 1000\n\n"
            while not hub.closed:
                try:
                    data = await asyncio.wait_for(queue.get(), timeout=15)
                except asyncio.TimeoutError:
                    yield ": ping\n\n"
                    continue
                if data is None:
                    return
                yield f"data: {data}\n\n"
        finally:
            hub.queues.discard(queue)

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )


async def _form_checked(request: Request, **limits: int) -> Any:
    """The POST's form, once its token is checked (header or form field): a cookie alone
    never writes. Returns a Response to send instead when it fails."""
    session: Session = request.app.state.session
    try:  # the body's length is bounded by the guard (security.py)
        form = await request.form(
            max_files=limits.get("files", 0),
            max_fields=limits.get("fields", 10),
            max_part_size=limits.get("part", 64 * 1024),
        )
    except Exception as exc:  # too many files or fields, a part or the body too big, a broken body
        status = getattr(exc, "status_code", 400)
        if status == 413:  # the guard's own message, in the session's language
            return PlainTextResponse(str(getattr(exc, "detail", exc)), status_code=413)
        said = str(getattr(exc, "detail", exc))
        key = "preview.upload-one" if said.startswith("Too many files") else "preview.form-unread"
        return PlainTextResponse(i18n.t(key, reason=said), status_code=400)
    by_header = request.scope.get("state", {}).get("token_in_header", False)
    if not (by_header or session.guard.matches(_text(form.get("token")))):
        return PlainTextResponse(i18n.t("preview.refused-form"), status_code=403)
    return form


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


async def build_course(request: Request) -> Response:
    from .actions import build_course as run

    return await _build(request, "course", run)


async def build_pack(request: Request) -> Response:
    from .actions import build_pack as run

    return await _build(request, "pack", run)


async def _build(
    request: Request, kind: str, run: Callable[[Session, Path, bool], list[Line]]
) -> Response:
    """A build button's POST: the form checked, the spec located, ``run`` in a thread,
    its lines on a result page that leads back to the ``kind`` page."""
    session: Session = request.app.state.session
    form = await _form_checked(request)
    if isinstance(form, Response):
        return form
    found = _located(session, request)
    if isinstance(found, Response):
        return found
    root, rel, path = found
    pdf = form.get("what") == "pdf"
    lines = await run_in_threadpool(run, session, path, pdf)
    return session.render(
        request,
        "message.html",
        page_title=i18n.t("preview.built-title", name=rel),
        lines=lines,
        back=link(kind, root, rel),
        deps=[],  # a result: nothing to follow (its address is a POST's)
    )


async def import_page(request: Request) -> Response:
    from ..importer.catalog import DEFAULT_SEPARATOR
    from .importing import MAX_UPLOAD, SUFFIXES

    session: Session = request.app.state.session
    return session.render(
        request,
        "import.html",
        page_title=i18n.t("preview.import-title"),
        limit_mib=MAX_UPLOAD // 1024 // 1024,
        accept=",".join(SUFFIXES),
        split_on=DEFAULT_SEPARATOR,
        staged="",
        deps=[],
    )


async def import_upload(request: Request) -> Response:
    from ..importer.catalog import DEFAULT_SEPARATOR
    from .importing import MAX_UPLOAD, Staging

    session: Session = request.app.state.session
    form = await _form_checked(request, files=1, fields=4, part=MAX_UPLOAD)
    if isinstance(form, Response):
        return form
    upload = form.get("catalog")
    if upload is None or isinstance(upload, str) or not upload.filename:
        return PlainTextResponse(i18n.t("preview.upload-none"), status_code=400)
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return PlainTextResponse(
            i18n.t("preview.upload-too-large", mib=MAX_UPLOAD // 1024 // 1024), status_code=413
        )
    separator = _text(form.get("split_on")) or DEFAULT_SEPARATOR
    if session.staging is None:
        session.staging = Staging()
    ident = session.staging.add(upload.filename, data)
    return await _staged_page(request, ident, separator, None, upload.filename)


async def import_again(request: Request) -> Response:
    """The staged catalog read again, its modules the lines written like the trainer's
    example (a line clicked in the source, or typed: 第一天 · Day 1)."""
    session: Session = request.app.state.session
    form = await _form_checked(request)
    if isinstance(form, Response):
        return form
    ident, _, separator = (_text(form.get("staged")) or "").partition(":")
    if session.staging is None or session.staging.source(ident) is None:
        return PlainTextResponse(i18n.t("preview.upload-gone"), status_code=404)
    example = " ".join((_text(form.get("modules_like")) or "").split())[:200] or None
    return await _staged_page(request, ident, separator, example, None)


async def _staged_page(
    request: Request, ident: str, separator: str, example: str | None, upload: str | None
) -> Response:
    """The import page over a staged catalog: each course's source beside its spec."""
    from ..importer.source import SourceError
    from .importing import MAX_UPLOAD, SUFFIXES, preview_import

    session: Session = request.app.state.session
    assert session.staging is not None
    source = session.staging.source(ident)
    assert source is not None
    error = ""
    typed = example
    try:
        specs, _report = await run_in_threadpool(
            preview_import, source, session.courses, separator, example
        )
    except SourceError as exc:
        if example is None:
            return _import_refused(request, upload or source.name, exc)
        # the example names no module line: said above the page as it was first read
        error = f"{source.name}: {exc}"
        specs, _report = await run_in_threadpool(preview_import, source, session.courses, separator)
        typed, example = example, None
    return session.render(
        request,
        "import.html",
        status=422 if error else 200,
        page_title=i18n.t("preview.import-title"),
        limit_mib=MAX_UPLOAD // 1024 // 1024,
        accept=",".join(SUFFIXES),
        split_on=separator,
        staged=f"{ident}:{separator}",
        modules_like=example or "",  # the reading shown, as written by 写入
        typed=typed or "",  # the field: what the trainer typed, kept after an error
        error=error,
        specs=specs,
        existing=[s.name for s in specs if s.exists],
        out=session.courses,
        deps=[],
    )


def _import_refused(request: Request, name: str, exc: Exception) -> Response:
    """A catalog import cannot do: its one line, and the way back to the import page."""
    session: Session = request.app.state.session
    return session.render(
        request,
        "message.html",
        status=422,
        page_title=i18n.t("preview.import-title"),
        lines=[("status-errors", f"{name}: {exc}")],
        back="/import",
        deps=[],
    )


async def import_write(request: Request) -> Response:
    from .importing import write_import

    session: Session = request.app.state.session
    form = await _form_checked(request)
    if isinstance(form, Response):
        return form
    ident, _, separator = (_text(form.get("staged")) or "").partition(":")
    source = session.staging.source(ident) if session.staging is not None else None
    if source is None:
        return PlainTextResponse(i18n.t("preview.upload-gone"), status_code=404)
    overwrite = form.get("overwrite") == "1"
    example = _text(form.get("modules_like")) or None

    def write() -> Any:
        with session.writing:
            return write_import(source, session.courses, separator, overwrite, example)

    from ..importer.source import SourceError

    try:
        report = await run_in_threadpool(write)
    except SourceError as exc:  # (an example no line matches: the page says so, no 500)
        return _import_refused(request, source.name, exc)
    lines = [("status-clean", i18n.t("preview.import-wrote", path=row.file)) for row in report.rows]
    lines += [("status-warnings", i18n.t("import.kept", path=path)) for path in report.kept]
    return session.render(
        request,
        "message.html",
        page_title=i18n.t("preview.import-title"),
        lines=lines,
        back="/",
        deps=[],
    )


def create_app(session: Session) -> Any:
    """The ASGI application, wrapped in the guard (Host, token)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        session.hub.loop = asyncio.get_running_loop()
        task = None
        stop = asyncio.Event()
        if session.watch:
            from .watch import follow

            task = asyncio.create_task(follow(session, stop))
        try:
            yield
        finally:
            stop.set()
            session.hub.close()
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError, Exception):
                    await task

    app = Starlette(
        routes=[
            Route("/", home),
            Route("/course/{root}/{rel:path}", course),
            Route("/pack/{root}/{rel:path}", pack),
            Route("/file/{root}/{rel:path}", course),
            Route("/events", events),
            Route("/build/course/{root}/{rel:path}", build_course, methods=["POST"]),
            Route("/build/pack/{root}/{rel:path}", build_pack, methods=["POST"]),
            Route("/import", import_page),
            Route("/import", import_upload, methods=["POST"]),
            Route("/import/write", import_write, methods=["POST"]),
            Route("/import/again", import_again, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
    app.state.session = session
    return GuardMiddleware(app, session.guard)
