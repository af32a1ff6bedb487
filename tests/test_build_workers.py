"""Worker processes for a big first build start before the specs are read, and build
exactly what one process builds; a rebuild the manifest knows never starts them."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import syllabus_cli.pack.run as run
import syllabus_cli.pack.workers as workers
from syllabus_cli.pack.manifest import Manifest
from syllabus_cli.pack.run import PARALLEL_FROM, export, warm_workers
from syllabus_cli.pack.workers import Warm

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
