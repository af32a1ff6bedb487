"""What keeps the preview a page for the person who started it.

- Every request carries the session's token: in the URL the command printed (then a
  cookie, so links within the page need not repeat it), or, for a request that writes
  (a POST), in the form or an ``X-Syllabus-Token`` header: a cookie alone never writes,
  so another site cannot make the browser post to the preview.
- The browser the preview opens is given a one-time ticket instead of the token (a
  browser's command line is visible to every user of the computer): the first page
  asked with it gets the cookie, and the ticket opens nothing after that.
- The ``Host`` header must name this server: ``localhost`` or a loopback address (any
  IP address, or the name given to ``--host``, when it listens beyond this machine),
  with this port. A page on another site that rebinds its own name to 127.0.0.1 (DNS
  rebinding) sends its own name and is refused.
- A POST whose ``Origin`` is not this server (another site, another local port, a
  sandboxed frame) is refused before its body is read, and no body is read past the
  upload limit (a streamed body has no length to check first).
- The cookie is named after the port: a second preview (another folder, another port)
  neither replaces it nor is sent it; it is HttpOnly and SameSite=Strict.
- Every answer tells the browser to send no ``Referer`` to another site (the first
  address carries the token; "no-referrer" would also make a form's ``Origin`` "null"),
  to run no script the page did not bring (Content-Security-Policy) and not to
  show the page inside another site's frame.
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

from starlette.exceptions import HTTPException

from .. import i18n

COOKIE = "syllabus_preview"  # + "_PORT" (Guard.cookie)
HEADER = "x-syllabus-token"
MAX_UPLOAD = 10 * 1024 * 1024  # bytes: a catalog of hundreds of courses is well under 1 MiB
MAX_BODY = MAX_UPLOAD + 64 * 1024  # the upload and the form around it

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
    local_only: bool = True  # listening on a loopback address: only loopback IPs name it
    ticket: str = ""  # one-time: the address the browser is opened with ("" for none)

    @property
    def cookie(self) -> str:
        """The cookie's name: browsers share cookies between the ports of one host."""
        return f"{COOKIE}_{self.port}"

    def host_ok(self, host: str) -> bool:
        """``Host`` names this server: localhost or a loopback address (any IP address
        when it listens beyond this machine, or a name given to ``--host``), with this
        port (the port may be left out only on port 80)."""
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
            address = ipaddress.ip_address(name)
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        return address.is_loopback or not self.local_only

    def origin_ok(self, origin: str | None, host: str) -> bool:
        """A POST's ``Origin``, when the browser sends one, is this very server."""
        return origin is None or origin.strip().lower() == f"http://{host.strip().lower()}"

    def matches(self, given: str | None) -> bool:
        if given is None:
            return False
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:
                return None
            if name in jar:
                return jar[name].value
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class GuardMiddleware:
    """The rules above, before any route runs. A POST's token in its form is checked by
    the route (it has to read the body); here a POST needs the header or passes with the
    cookie and the route checks the form (app.py's ``_form_checked``)."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard
        self.ticket_open = bool(guard.ticket)

    def _ticket(self, scope: Scope, given: str | None) -> bool:
        """The browser's one-time ticket, on a GET, the first time only."""
        if not (self.ticket_open and given and scope.get("method", "GET") in ("GET", "HEAD")):
            return False
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.guard.ticket.encode()):
            return False
        self.ticket_open = False
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_safety_headers(send)
        host = _header(scope, b"host") or ""
        if not self.guard.host_ok(host):
            await _refuse(send, 421, i18n.t("preview.refused-host"))
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        in_url = query.get("token", [None])[0]
        by_cookie = self.guard.matches(_cookie(scope, self.guard.cookie))
        by_url = self.guard.matches(in_url) or (
            not by_cookie and self._ticket(scope, query.get("ticket", [None])[0])
        )
        by_header = self.guard.matches(_header(scope, HEADER.encode()))
        if not (by_url or by_cookie or by_header):
            await _refuse(send, 403, i18n.t("preview.refused-token"))
            return
        if scope.get("method", "GET") not in ("GET", "HEAD"):
            if not self.guard.origin_ok(_header(scope, b"origin"), host):
                await _refuse(send, 403, i18n.t("preview.refused-origin"))
                return
            length = _header(scope, b"content-length")
            if length is not None and length.strip().isdigit() and int(length) > MAX_BODY:
                await _refuse(
                    send, 413, i18n.t("preview.upload-too-large", mib=MAX_UPLOAD // 1024 // 1024)
                )
                return
            receive = _bounded(receive, MAX_BODY)
        scope.setdefault("state", {})["token_in_header"] = by_header
        if not by_url:
            await self.app(scope, receive, send)
            return

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie = (
                    f"{self.guard.cookie}={self.guard.token}; Path=/; HttpOnly; SameSite=Strict"
                )
                message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
            await send(message)

        await self.app(scope, receive, with_cookie)


class TooLarge(HTTPException):
    """A request body past the limit (raised while the body is being read)."""

    def __init__(self) -> None:
        super().__init__(413, i18n.t("preview.upload-too-large", mib=MAX_UPLOAD // 1024 // 1024))


def _bounded(receive: Receive, limit: int) -> Receive:
    """``receive`` that stops reading (``TooLarge``) once the body passes ``limit``."""
    seen = 0

    async def bounded() -> Message:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge()
        return message

    return bounded


SAFETY_HEADERS = [
    (b"referrer-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
]
PLAIN_POLICY = b"default-src 'none'; frame-ancestors 'none'"


def page_policy(nonce: str) -> str:
    """The Content-Security-Policy of a page: its own script (by nonce), its own
    requests, inline styles (the document's layout), nothing from elsewhere."""
    return (
        f"default-src 'self'; script-src 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )


def _with_safety_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = message.setdefault("headers", [])
            headers = list(headers)
            names = {bytes(k).lower() for k, _ in headers}
            headers += [(k, v) for k, v in SAFETY_HEADERS if k not in names]
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", PLAIN_POLICY))
            message["headers"] = headers
        await send(message)

    return wrapped


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
    try:
        target = (base / Path(*pure.parts)).resolve()
    except (OSError, RuntimeError):  # a name too long, a loop of links
        raise Outside(name) from None
    if not target.is_relative_to(base):
        raise Outside(name)
    return target
