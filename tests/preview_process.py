"""The preview as the user runs it: ``syllabus preview`` in a folder, its first line read.
Shared by the preview's process tests and bench/preview_bench.py."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def running(
    folder: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    no_open: bool = True,
    stderr: int = subprocess.PIPE,
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``syllabus preview --no-open ARGS`` in ``folder`` (``no_open=False``: as typed,
    opening a browser); yields the process and the address it printed first. ``env``
    replaces the environment (default: this one, in English, unbuffered). Stopped with
    Ctrl-C (SIGINT) on the way out."""
    if env is None:
        env = {**os.environ, "SYLLABUS_LANG": "en", "PYTHONUNBUFFERED": "1"}
    flags = ["--no-open"] if no_open else []
    process = subprocess.Popen(
        [sys.executable, "-m", "syllabus_cli", "preview", *flags, *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=stderr,
        stdin=subprocess.DEVNULL,
        text=True,
        env=dict(env),
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        yield process, url
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def build(url: str, page: str, what: str, timeout: float) -> str:
    """Press the build button (``what``: docx or pdf) of ``page`` (``course/ROOT/REL`` or
    ``pack/ROOT/REL``) on the preview at ``url`` (the address it printed); the result page."""
    base, token = url.split("/?token=")
    request = urllib.request.Request(
        f"{base}/build/{page}",
        data=f"what={what}".encode(),
        headers={"X-Syllabus-Token": token},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        result: str = answer.read().decode("utf-8")
    return result


def skip_without_office_on_linux() -> None:
    """Skip a test of the session's LibreOffice where there is none, or no /proc."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("SKIPPED: LibreOffice (soffice) is not installed")
    if not sys.platform.startswith("linux"):
        pytest.skip("SKIPPED: follows the process tree through /proc (Linux)")


def descendants(pid: int) -> set[int]:
    """Every process under ``pid`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def kill_left(pids: set[int]) -> set[int]:
    """Of ``pids``, the processes that still run (gone and zombie ones are not), killed
    so that none is left behind even when the test fails."""
    left = {pid for pid in pids if Path(f"/proc/{pid}").exists()}
    zombies = {
        pid for pid in left if " Z " in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]
    }
    for pid in left - zombies:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return left - zombies
