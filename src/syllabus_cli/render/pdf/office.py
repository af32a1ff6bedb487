"""Finding LibreOffice, and running it so that it can always be stopped: in a process
group of its own (POSIX) or a new process group (Windows), killed as a whole tree."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path


def usual_places(platform: str = sys.platform) -> list[Path]:
    """Where the installers put soffice when it is not on PATH (the usual case on
    Windows and macOS)."""
    if platform == "win32":
        roots = [
            os.environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
        ]
        local = os.environ.get("LOCALAPPDATA")
        places = [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in roots if root]
        if local:
            places.append(Path(local) / "Programs" / "LibreOffice" / "program" / "soffice.exe")
        return places
    if platform == "darwin":
        app = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
        return [Path("/Applications") / app, Path.home() / "Applications" / app]
    return [Path("/usr/lib/libreoffice/program/soffice"), Path("/opt/libreoffice/program/soffice")]


def find_office() -> Path | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((place for place in usual_places() if place.is_file()), None)


def start(
    command: list[str], output: Path, temp: Path, keep_open: tuple[int, ...] = ()
) -> subprocess.Popen[bytes]:
    """Start ``command`` with its output to the file ``output`` (a pipe nobody reads can
    fill and stall LibreOffice) and its temporary files in ``temp`` (what a killed
    LibreOffice leaves there goes with it). ``keep_open``: file descriptors the process
    inherits (POSIX), so a lock held on them lasts as long as LibreOffice does."""
    temp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temp), "TMP": str(temp), "TEMP": str(temp)}
    with output.open("wb") as sink:
        if sys.platform == "win32":
            flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
            return subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                creationflags=flags, env=env,
            )  # fmt: skip
        return subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True, pass_fds=keep_open, env=env,
        )  # fmt: skip


def kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and every process it started (soffice is a launcher: the work is
    done by its child soffice.bin, which outlives a plain kill of the launcher)."""
    if sys.platform == "win32":
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(process.pid)],
                capture_output=True, timeout=30, check=False,
                creationflags=subprocess.CREATE_NO_WINDOW,
            )  # fmt: skip
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    if process.poll() is None:
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)


def one_line(output: str, limit: int = 240) -> str:
    """LibreOffice's output (a message, or a stack dump of dozens of lines) as one line:
    the first line that says something, and how many more there were."""
    lines = [line.strip() for line in output.splitlines()]
    lines = [
        line for line in lines if line and not line.startswith("Warning: failed to launch javaldx")
    ]
    if not lines:
        return "no message from LibreOffice"
    first = lines[0] if len(lines[0]) <= limit else lines[0][: limit - 1] + "…"
    more = len(lines) - 1
    return first if more == 0 else f"{first} (and {more} more line{'s' if more > 1 else ''})"
