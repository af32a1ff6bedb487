"""Worker processes for a big first build start before the specs are read, and build
exactly what one process builds; a rebuild the manifest knows never starts them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import syllabus_cli.build.batch as run
import syllabus_cli.build.pool as workers
from syllabus_cli.build.batch import export
from syllabus_cli.build.manifest import Manifest
from syllabus_cli.build.pool import Warm
from syllabus_cli.build.runner import PARALLEL_FROM, warm_workers

SPEC = (
    "title: 课程{n}\nid: c{n:02d}\nduration: 2h\nschedule: {{breaks: []}}\n"
    "modules:\n  - {{title: 第一部分, duration: 1h}}\n  - {{title: 第二部分, duration: 1h}}\n"
)


def courses(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    for n in range(count):
        (folder / f"c{n:02d}.yaml").write_text(SPEC.format(n=n), encoding="utf-8")
    return sorted(folder.glob("*.yaml"))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many workers each early start asked for."""
    seen: list[int] = []

    class Spy(Warm):
        def __init__(self, workers: int) -> None:
            seen.append(workers)
            super().__init__(workers)

    monkeypatch.setattr(workers, "Warm", Spy)
    return seen


def test_a_big_first_build_starts_workers_early_and_builds_what_one_process_builds(
    tmp_path: Path, started: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765152000")
    specs = courses(tmp_path / "src", PARALLEL_FROM + 2)
    one = export(specs, tmp_path / "one", workers=1, formats=("docx", "md"), force=False)
    assert started == []  # --jobs 1: no workers
    many = export(specs, tmp_path / "many", workers=2, formats=("docx", "md"), force=False)
    assert started == [2]
    assert one.ok and many.ok and len(many.results) == PARALLEL_FROM + 2
    assert tree(tmp_path / "one") == tree(tmp_path / "many")

    again = export(specs, tmp_path / "many", workers=2, formats=("docx", "md"), force=False)
    assert started == [2]  # every course known to the manifest: nothing started
    assert all(r.unchanged for r in again.results)


def test_a_small_batch_or_a_known_one_starts_nothing(tmp_path: Path, started: list[int]) -> None:
    specs = courses(tmp_path / "src", PARALLEL_FROM)
    manifest = Manifest(tmp_path / "out")
    with warm_workers(specs[:-1], manifest, None) as warm:
        assert warm is None  # below PARALLEL_FROM new courses: one process pays better
    manifest.inputs.update({run.course_key(s): "built" for s in specs})
    with warm_workers(specs, manifest, None) as warm:
        assert warm is None
    assert started == []


def test_started_workers_a_batch_does_not_use_are_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[ProcessPoolExecutor] = []
    real = workers._executor

    def spy(count: int) -> ProcessPoolExecutor:
        pools.append(real(count))
        return pools[-1]

    monkeypatch.setattr(workers, "_executor", spy)
    specs = courses(tmp_path / "src", PARALLEL_FROM)
    with warm_workers(specs, Manifest(tmp_path / "out"), 2) as warm:
        assert warm is not None  # e.g. every course then turned out unchanged
    assert len(pools) == 1
    with pytest.raises(RuntimeError, match="shutdown"):
        pools[0].submit(pow, 2, 10)


def test_ctrl_c_stops_a_parallel_build_at_once_and_a_rerun_builds_only_the_rest(
    tmp_path: Path,
) -> None:
    """One Ctrl-C (to the whole process group, as a console sends it): the jobs not yet
    started are dropped, one line says so, no traceback from any process; what was built
    before it is in the manifest, so the rerun leaves it unchanged."""
    if sys.platform == "win32":
        pytest.skip("sends SIGINT to a process group")
    courses(tmp_path / "src", 120)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "syllabus_cli", "export", str(tmp_path / "src"),
               "--out", str(out), "--format", "docx", "-j", "2"]  # fmt: skip
    env = {**os.environ, "NO_COLOR": "1"}
    build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env, start_new_session=True)  # fmt: skip
    assert build.stdout is not None
    seen = [build.stdout.readline() for _ in range(3)]  # three courses finished
    assert all(line.startswith("[") for line in seen), seen
    os.killpg(build.pid, signal.SIGINT)
    rest, errors = build.communicate(timeout=60)
    assert build.returncode == 130, errors
    assert "Traceback" not in errors + rest
    assert errors.strip().splitlines()[-1].startswith("interrupted")
    printed = len(seen) + rest.count("\n")
    assert printed < 120  # it stopped: the queued courses were dropped

    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    unchanged = again.stdout.count("unchanged " + str(tmp_path / "src"))
    assert unchanged >= len(seen), again.stdout[-2000:]


def test_a_known_course_in_variants_and_a_known_instructor_start_no_workers(
    tmp_path: Path, started: list[int]
) -> None:
    specs = courses(tmp_path / "src", PARALLEL_FROM + 5)
    manifest = Manifest(tmp_path / "out")
    for spec in specs[:10]:  # built before, each in two variants
        manifest.inputs[run.course_key(spec) + "#一天"] = "built"
        manifest.inputs[run.course_key(spec) + "#半天"] = "built"
    for spec in specs[10:]:  # read before: not courses (instructor profiles, packs)
        manifest.heads[run.course_key(spec)] = {"kind": "instructor"}
    with warm_workers(specs, manifest, None) as warm:
        assert warm is None
    assert started == []
