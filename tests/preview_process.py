"""The preview as the user runs it: ``syllabus preview`` in a folder, its first line read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def running(folder: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``syllabus preview --no-open ARGS`` in ``folder``; yields the process and the
    address it printed first. Stopped with Ctrl-C (SIGINT) on the way out."""
    env = {**os.environ, "SYLLABUS_LANG": "en", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "syllabus_cli", "preview", "--no-open", *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
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
