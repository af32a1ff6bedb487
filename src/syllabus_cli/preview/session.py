"""What one preview holds: its folders and views (``Site``), its token and address
(``Guard``), where the buttons write, the open pages' event queues (``Hub``), the warm
LibreOffice and the uploads; and the templates that write its pages."""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .. import i18n
from .pages import Site, link
from .security import Guard, inside, page_policy

TEMPLATES = Path(__file__).parent / "templates"


class Hub:
    """Every open page's event queue; ``publish`` may be called from any thread."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[str | None]] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.closed = False

    def publish(self, paths: list[str]) -> None:
        data = json.dumps({"paths": paths})
        for queue in list(self.queues):
            queue.put_nowait(data)

    def publish_threadsafe(self, paths: list[str]) -> None:
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.publish, paths)

    def close(self) -> None:
        """End every stream (so the server can stop at once)."""
        self.closed = True
        for queue in list(self.queues):
            queue.put_nowait(None)

    def close_threadsafe(self) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.close)


@dataclass
class Session:
    site: Site
    guard: Guard
    out: Path  # where the build buttons write (``export``/``pack``'s --out)
    courses: Path  # where the import page writes
    hub: Hub = field(default_factory=Hub)
    watch: bool = True  # follow the files (off in tests that publish by hand)
    office: Any = None  # the warm LibreOffice (office.py), started on the first PDF
    staging: Any = None  # importing.Staging, made on the first upload
    # one write at a time: two clicks building the same course at once would each take
    # the other's fresh files for hand edits (the manifest is read, then written)
    writing: threading.Lock = field(default_factory=threading.Lock)
    env: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=select_autoescape(["html"]),
            auto_reload=False,
        )
        self.env.globals["t"] = lambda key, **values: i18n.t(f"{key}", **values)
        self.env.globals["link"] = link

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        fragment = request.headers.get("x-preview-fragment") == "1"
        deps = context.pop("deps", "*")
        nonce = secrets.token_urlsafe(16)
        text = self.env.get_template(name).render(
            fragment=fragment,
            lang=self.site.language,
            token=self.guard.token,
            nonce=nonce,
            deps_json=json.dumps(deps if deps == "*" else sorted(str(d) for d in deps)),
            **context,
        )
        headers = {"Cache-Control": "no-store", "Content-Security-Policy": page_policy(nonce)}
        return HTMLResponse(text, status_code=status, headers=headers)

    def resolve(self, root: str, rel: str) -> Path:
        """A file inside one of the folders (``Outside`` otherwise; ``KeyError`` for an
        unknown folder)."""
        return inside(self.site.roots[root], rel)
