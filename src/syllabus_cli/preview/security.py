"""What keeps the preview a page for the person who started it.

- Every request carries the session's token: in the URL the command printed (then a
  cookie, so links within the page need not repeat it), or, for a request that writes
  (a POST), in the form or an ``X-Syllabus-Token`` header: a cookie alone never writes,
  so another site cannot make the browser post to the preview.
- The ``Host`` header must name this server: ``localhost`` or an IP address (or the
  name given to ``--host``), with this port. A page on another site that rebinds its
  own name to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
- A file is served only from inside the folders the preview was given: a name with
  ``..``, an absolute path or a symbolic link that leads out is refused.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qs

COOKIE = "syllabus_preview"
HEADER = "x-syllabus-token"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Guard:
    token: str
    port: int
    names: frozenset[str] = field(default_factory=frozenset)  # host names allowed besides IPs

    def host_ok(self, host: str) -> bool:
        """``Host`` names this server: an IP address or localhost (or a name given to
        ``--host``), with this port (the port may be left out only on port 80)."""
        host = host.strip().lower()
        if host.startswith("["):  # [::1]:8765
            name, _, rest = host[1:].partition("]")
            port = rest[1:] if rest.startswith(":") else ""
        else:
            name, _, port = host.rpartition(":") if ":" in host else (host, "", "")
        if (port or "80") != str(self.port):
            return False
        if name == "localhost" or name in self.names:
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())


def _cookie(scope: Scope) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:
                return None
            if COOKIE in jar:
                return jar[COOKIE].value
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class GuardMiddleware:
    """The rules above, before any route runs. A POST's token in its form is checked by
    the route (it has to read the body); here a POST needs the header or passes with the
    cookie and the route checks the form (``form_token_ok``)."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host") or ""
        if not self.guard.host_ok(host):
            await _refuse(send, 421, "This preview answers only to its own address.")
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        in_url = query.get("token", [None])[0]
        by_url = self.guard.matches(in_url)
        by_cookie = self.guard.matches(_cookie(scope))
        by_header = self.guard.matches(_header(scope, HEADER.encode()))
        if not (by_url or by_cookie or by_header):
            await _refuse(send, 403, "Open the address the preview printed (it carries a token).")
            return
        scope.setdefault("state", {})["token_in_header"] = by_header
        if not by_url:
            await self.app(scope, receive, send)
            return

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie = f"{COOKIE}={self.guard.token}; Path=/; HttpOnly; SameSite=Strict"
                message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
            await send(message)

        await self.app(scope, receive, with_cookie)


async def _refuse(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Outside(Exception):
    """A name that leads outside the preview's folders."""


def inside(root: Path, name: str) -> Path:
    """``root/name`` when it stays inside ``root`` once resolved (symbolic links
    followed); ``Outside`` for ``..``, an absolute path, a drive or a link out."""
    if not name or "\\" in name or "\x00" in name or ":" in name:
        raise Outside(name)
    pure = PurePosixPath(name)
    if pure.is_absolute() or any(part in ("..", "") for part in pure.parts):
        raise Outside(name)
    base = root.resolve()
    target = (base / Path(*pure.parts)).resolve()
    if not target.is_relative_to(base):
        raise Outside(name)
    return target
