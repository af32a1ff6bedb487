"""Serving the preview: a port found, the address printed first, the browser opened,
uvicorn run until Ctrl-C, then everything the session started stopped (the file
watcher, the event streams, LibreOffice, the upload folder)."""

from __future__ import annotations

import contextlib
import errno
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from .. import i18n

LOCAL = "127.0.0.1"
DEFAULT_PORT = 8765
TRIES = 20  # ports looked at after a busy one


class PortError(Exception):
    pass


@dataclass(frozen=True)
class Options:
    roots: dict[str, Path]
    port: int | None
    host: str
    open_browser: bool
    out: Path
    courses: Path


def bind(host: str, port: int | None) -> socket.socket:
    """A listening socket on ``port``, or on the next free one when it is taken."""
    first = DEFAULT_PORT if port is None else port
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    last: OSError | None = None
    last_port = min(first + (1 if port == 0 else TRIES), 65536)
    for candidate in range(first, last_port):
        sock = socket.socket(family, socket.SOCK_STREAM)
        if sys.platform != "win32":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError as exc:
            sock.close()
            last = exc
            if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1), errno.EACCES):
                continue
            raise PortError(
                i18n.t(
                    "preview.cannot-listen", host=host, port=candidate, reason=exc.strerror or exc
                )
            ) from None
        sock.listen(128)
        sock.set_inheritable(True)
        return sock
    reason = last.strerror if last is not None and last.strerror else str(last)
    raise PortError(i18n.t("preview.ports-busy", first=first, last=last_port - 1, reason=reason))


def serve(options: Options) -> int:
    """Run the preview until Ctrl-C; 0 when it stopped cleanly."""
    from .app import create_app
    from .pages import Site
    from .security import Guard, new_token
    from .session import Session

    sock = bind(options.host, options.port)
    port = sock.getsockname()[1]
    names = frozenset() if _is_ip(options.host) else frozenset({options.host.lower()})
    guard = Guard(
        new_token(), port, names, local_only=_is_loopback(options.host), ticket=new_token()
    )
    session = Session(Site(options.roots, i18n.language()), guard, options.out, options.courses)
    shown_host = options.host if ":" not in options.host else f"[{options.host}]"
    if options.host in ("0.0.0.0", "::"):
        shown_host = LOCAL
    url = f"http://{shown_host}:{port}/?token={guard.token}"
    print(url, flush=True)
    if not _is_loopback(options.host):
        print(i18n.t("preview.host-warning", host=options.host), file=sys.stderr, flush=True)
    if options.port not in (None, 0, port):  # 0 asks for any free port
        print(
            i18n.t("preview.port-moved", asked=options.port, port=port), file=sys.stderr, flush=True
        )
    print(i18n.t("preview.stop-hint"), file=sys.stderr, flush=True)
    config = uvicorn.Config(
        create_app(session),
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
        lifespan="on",
    )
    server = _Server(config, session)
    if options.open_browser and _has_gui_browser():
        import webbrowser

        # a browser's command line is visible to every user of the computer: it gets a
        # ticket that opens the preview once (the printed address keeps the token)
        once = f"http://{shown_host}:{port}/?ticket={guard.ticket}"
        threading.Timer(0.3, webbrowser.open, args=(once,)).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        stop_session(session)
        sock.close()
    with contextlib.suppress(OSError):  # the terminal may be gone (it was closed)
        print(i18n.t("preview.stopped"), file=sys.stderr, flush=True)
    return 0


def stop_session(session: Any) -> None:
    """What the session started, stopped: LibreOffice, the uploads."""
    from .office import use

    session.hub.close_threadsafe()
    if session.office is not None:
        use(None)
        session.office.close()
        session.office = None
    if session.staging is not None:
        session.staging.close()
        session.staging = None


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _has_gui_browser() -> bool:
    """Whether opening the browser shows a window: on Linux without a display (an SSH
    session) Python would start a console browser (w3m, lynx) in this very terminal,
    taking it over. ``BROWSER`` set is the user's own choice and is kept."""
    import os

    if os.environ.get("BROWSER") or not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _is_loopback(host: str) -> bool:
    """``host`` reaches this machine only (127.0.0.1, ::1, localhost)."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# Ctrl-C, kill, and the terminal closed (SIGHUP): each stops the preview the same way,
# LibreOffice included (it runs in a session of its own, so no signal reaches it).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")
    if hasattr(signal, name)
)  # fmt: skip


class _Server(uvicorn.Server):
    """uvicorn's server, ending the event streams as soon as Ctrl-C is pressed (an open
    stream would otherwise hold the shutdown for its grace time)."""

    def __init__(self, config: Any, session: Any) -> None:
        super().__init__(config)
        self.session = session

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.session.hub.close_threadsafe()
        office = self.session.office
        if office is not None:  # a PDF under way ends now, not after the grace time
            threading.Thread(target=office.abandon, daemon=True).start()
        super().handle_exit(sig, frame)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """uvicorn's, with the terminal's hang-up added and without raising the signal
        again once stopped: a SIGTERM or SIGHUP raised again would end the process
        before the session's LibreOffice is stopped."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
