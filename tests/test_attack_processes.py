"""Issue 25, processes: a build's workers never outlive it, even while its caller reads
the output to the end before reaping it (Python's communicate(), CI runners, GUIs)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def many_courses(folder: Path, count: int = 40) -> Path:
    folder.mkdir(parents=True)
    for n in range(count):
        modules = "".join(f"  - {{title: 模块{k}, duration: 10min}}\n" for k in range(12))
        (folder / f"c{n:02d}.yaml").write_text(
            f"title: 课程{n}\nduration: 2h\nmodules:\n{modules}", encoding="utf-8"
        )
    return folder


def living(group: int) -> list[str]:
    """The processes of a process group that are not zombies (a zombie holds no pipe)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(stat.parent.name)
    return found


def test_killing_a_build_while_its_caller_reads_to_the_end_leaves_nothing_running(
    tmp_path: Path,
) -> None:
    folder = many_courses(tmp_path / "courses")
    command = [sys.executable, "-m", "syllabus_cli", "export", folder, "--jobs", "2"]
    build = subprocess.Popen(
        [*command, "--out", tmp_path / "out"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("out/*/*.docx")) and time.monotonic() < deadline:
            time.sleep(0.05)  # the workers are building
        assert len(living(build.pid)) > 2  # the build, its workers, the forkserver…
        os.kill(build.pid, signal.SIGKILL)  # not reaped: a zombie until communicate ends
        started = time.monotonic()
        build.communicate(timeout=10)  # a regression fails here, it does not hang
        assert time.monotonic() - started < 3
        while living(build.pid) and time.monotonic() - started < 5:
            time.sleep(0.1)
        assert living(build.pid) == []
    finally:
        if living(build.pid):
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
