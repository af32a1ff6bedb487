"""The command line. It only wires: options become plain values, the pipeline runs,
reporters print, and user errors become exit codes (0 clean, 1 problems, 2 usage).

Start-up is kept light: a run imports only the module of the command it runs
(``app.LazyGroup``), and rendering modules (python-docx, rich…) are imported inside the
commands that need them, so ``syllabus validate`` starts fast.
"""

from __future__ import annotations

import contextlib
import sys

from ..startup import release
from .app import app


def main() -> None:
    """The ``syllabus`` program: safe consoles, the app, and an exit code that counts a
    failed write to stdout (cli/console.py)."""
    from .. import i18n
    from . import console

    chosen = i18n.from_argv(sys.argv[1:])
    if chosen in i18n.LANGUAGES:
        i18n.choose(chosen)  # before Typer writes any help (an invalid one: exit 2 later)
    console.install()
    terminated = _stop_on_sigterm()
    try:
        app()  # the command group releases the collector when the command starts
        code: int | str | None = 0
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:  # Ctrl-C outside Typer's own handling
        code = 130
    if terminated:  # SIGTERM or SIGHUP: cleaned up as for Ctrl-C, and said so
        code = 128 + terminated[0]
        import signal

        name = signal.Signals(terminated[0]).name
        sys.stderr.write(i18n.t("cli.terminated", signal=name) + "\n")
    elif code == 130:  # Ctrl-C (Typer turns it into exit 130): one quiet line
        sys.stderr.write(i18n.t("cli.interrupted") + "\n")
    release()  # --help, --version, a usage error: no command ran
    if isinstance(code, str):  # sys.exit("message") prints it, as Python would
        sys.stderr.write(code + "\n")
        code = 1
    sys.exit(console.finish(code or 0))


def _stop_on_sigterm() -> list[int]:
    """SIGTERM (a CI runner's cancel, ``kill``, a closing IDE) stops a command as Ctrl-C
    does: what is built so far is recorded, private temporary copies are removed, and
    LibreOffice and the workers are stopped, instead of dying with them left behind. The
    list returned holds the signal once it came."""
    import os
    import signal

    came: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        if came:  # a second signal while cleaning up: stop now, as without a handler
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        came.append(signum)
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP: the terminal closed (POSIX only)
        with contextlib.suppress(ValueError, OSError, AttributeError):  # not main thread
            signal.signal(getattr(signal, name), stop)
    return came


__all__ = ["app", "main"]
