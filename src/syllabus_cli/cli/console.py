"""Where the CLI writes, made safe: the one place that knows about consoles.

A Chinese Windows console (GBK), an ``ascii`` ``PYTHONIOENCODING``, a reader that went
away (``syllabus validate | head -1``) or a full disk must never turn into a traceback,
and must never stop a batch half-way. So stdout and stderr are wrapped once, at start-up,
in a ``SafeStream`` that

- replaces what the console's encoding cannot hold (``?``), instead of raising;
- after the first failed write (closed pipe, full device), drops further output and
  remembers the failure, so the work goes on and ``finish`` decides the exit.

``console()`` and ``err_console()`` give rich consoles over those streams (rich is only
imported when one is asked for); ``out()`` and ``err()`` give the plain streams, for
JSON and for text when stdout is not a terminal.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import IO, TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console

# A closed pipe: EPIPE on POSIX, EINVAL on Windows.
_GONE = {errno.EPIPE, errno.EINVAL}


class SafeStream(io.TextIOBase):
    """A text stream that never raises on encoding or on a failed write."""

    def __init__(self, inner: TextIO, closed: bool = False) -> None:
        self.inner = inner
        self.failure: OSError | None = None
        self.closed_fd = closed  # started with the descriptor closed (``>&-``)

    # What rich and click look at to decide how to write.
    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "replace"

    @property
    def name(self) -> str:
        return str(getattr(self.inner, "name", "<stream>"))

    def isatty(self) -> bool:
        try:
            return self.failure is None and self.inner.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        return self.inner.fileno()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.closed_fd and text and self.failure is None:  # the output goes nowhere
            self.failure = OSError(errno.EBADF, os.strerror(errno.EBADF))
        if self.failure is None:
            try:
                try:
                    self.inner.write(text)
                except UnicodeEncodeError:
                    self.inner.write(text.encode(self.encoding, "replace").decode(self.encoding))
            except OSError as exc:
                self.failure = exc
            except ValueError:  # the stream was closed under us: nothing to tell anyone
                self.failure = OSError(errno.EPIPE, "closed")
        return len(text)

    def flush(self) -> None:
        if self.failure is None:
            try:
                self.inner.flush()
            except OSError as exc:
                self.failure = exc
            except ValueError:
                self.failure = OSError(errno.EPIPE, "closed")

    @property
    def gone(self) -> bool:
        """The reader closed the pipe: not an error, the output is simply not wanted."""
        return self.failure is not None and self.failure.errno in _GONE


def safe(stream: TextIO) -> SafeStream:
    return stream if isinstance(stream, SafeStream) else SafeStream(stream)


def install() -> None:
    """Wrap sys.stdout and sys.stderr once, at start-up (``cli.main``)."""
    _sane_width()
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        closed = False
        if stream is None:  # closed by the caller (``>&-``), or pythonw on Windows
            closed = os.name == "posix"  # a closed stdout is an error; pythonw has none
            _fill(fd)
            stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        if not isinstance(stream, SafeStream):
            with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
                stream.reconfigure(errors="replace")
            setattr(sys, name, SafeStream(stream, closed))


def _fill(fd: int) -> None:
    """The null device on a closed standard descriptor, so no file the command opens
    takes its number (and a child process's output never lands in it)."""
    with contextlib.suppress(OSError):
        os.fstat(fd)
        return
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)


def _sane_width() -> None:
    """``COLUMNS=0`` (or any value that is not a positive number) is ignored: rich would
    otherwise lay out a table, and even an error line, zero characters wide."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.strip().isdigit() and int(value) > 0):
            del os.environ[name]


def finish(code: int) -> int:
    """Flush stdout; the exit code once output failures are counted: a closed pipe keeps
    the command's own code, quietly; a full device is one line on stderr and exit 1."""
    out_stream, err_stream = sys.stdout, sys.stderr
    if not isinstance(out_stream, SafeStream):
        return code
    out_stream.flush()
    failure = out_stream.failure
    if failure is None:
        return code
    _silence(out_stream.inner)
    if out_stream.gone:
        return code
    from ..i18n import t

    err_stream.write(t("console.cannot-write", reason=failure.strerror or failure) + "\n")
    err_stream.flush()
    return 1


def _silence(stream: TextIO) -> None:
    """Point the failed stream's file descriptor at the null device, so the interpreter's
    last flush at exit has nowhere to fail (the recipe in Python's signal docs)."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def out() -> SafeStream:
    return safe(sys.stdout)


def err() -> SafeStream:
    return safe(sys.stderr)


def utf8_out() -> bool:
    """Whether stdout takes UTF-8. JSON written anywhere else (a GBK console, a file
    redirected on Chinese Windows) escapes non-ASCII text, so it stays valid UTF-8 JSON
    and loses nothing to replacement characters."""
    encoding = out().encoding.lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def console() -> Console:
    """A rich console on stdout; emoji codes are never looked up (``:x:`` stays text)."""
    from rich.console import Console

    return Console(file=cast("IO[str]", out()), highlight=False, emoji=False)


def err_console() -> Console:
    from rich.console import Console

    return Console(file=cast("IO[str]", err()), highlight=False, emoji=False)
