"""Issue 25, processes: a build's workers never outlive it, even while its caller reads
the output to the end before reaping it (Python's communicate(), CI runners, GUIs)."""

from __future__ import annotations

import contextlib
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


def pdf_build(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """``pack --pdf`` of the sample pack, its temporary folders in a folder of its own."""
    from .conftest import REPO

    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temp), "NO_COLOR": "1"}
    build = subprocess.Popen(
        [sys.executable, "-m", "syllabus_cli", "pack", REPO / "packs" / "3c-ecommerce-service.yaml",
         "--out", tmp_path / "out", "--pdf", "--force"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not list(temp.glob("syllabus-pdf-*")) and time.monotonic() < deadline:
        if build.poll() is not None:
            break
        time.sleep(0.05)
    return build, temp


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["term", "kill"])
def test_stopping_pack_pdf_leaves_no_private_copy_behind(tmp_path: Path, signum: int) -> None:
    from .office import need

    need("soffice")
    build, temp = pdf_build(tmp_path)
    try:
        assert list(temp.glob("syllabus-pdf-*")), "the build made no temporary copies"
        time.sleep(0.5)  # LibreOffice converting
        os.kill(build.pid, signum)
        _, err = build.communicate(timeout=60)
        if signum == signal.SIGTERM:
            assert build.returncode == 143
            lines = err.decode("utf-8").splitlines()
            assert lines[-1].startswith("stopped (SIGTERM)"), lines
            assert not any("leaked" in line or "Traceback" in line for line in lines)
            assert list(temp.iterdir()) == []
        else:
            assert list(temp.glob(f"syllabus-*{build.pid}-*"))  # left by the kill
            again, _ = pdf_build(tmp_path)  # the next run sweeps it
            again.communicate(timeout=300)
            assert again.returncode == 0
            assert list(temp.glob("syllabus-*")) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
