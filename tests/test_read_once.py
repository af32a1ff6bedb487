"""A pack build reads each file once and checks each course once: the programme, the
jobs, the training plan, the combined proposal, the index and the calendar are all built
from one checked value per course."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from syllabus_cli import check, load
from syllabus_cli.build.batch import build_pack_folder

from .conftest import REPO

PACK = REPO / "packs" / "3c-ecommerce-service.yaml"


def test_a_cold_pack_build_reads_and_checks_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: collections.Counter[str] = collections.Counter()
    checks: collections.Counter[str] = collections.Counter()
    read, checked = load._load_file, check.check_course

    def counted_read(path: Path) -> load.Loaded:
        reads[Path(path).resolve().relative_to(REPO).as_posix()] += 1
        return read(path)

    def counted_check(built: object, path: Path) -> check.CourseResult:
        checks[Path(path).name] += 1
        return checked(built, path)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "_load_file", counted_read)
    monkeypatch.setattr(check, "check_course", counted_check)
    monkeypatch.setattr(load, "_CACHE", {})  # cold: nothing read in this process yet
    batch = build_pack_folder(PACK, tmp_path, workers=1, force=False)
    assert batch.ok, batch.errors
    assert dict(reads) == {
        "packs/3c-ecommerce-service.yaml": 1,
        "courses/ecommerce-cs-sales.yaml": 1,
        "courses/o2o-newretail.yaml": 1,
        "courses/terminal-management.yaml": 1,
        "instructors/fengying.yaml": 1,
        "suppliers/example-consulting.yaml": 1,
    }
    assert dict(checks) == {
        "ecommerce-cs-sales.yaml": 1,
        "o2o-newretail.yaml": 1,
        "terminal-management.yaml": 1,
    }
    # the whole pack is there: the plan, the calendar, the index, the zip
    names = {p.name for p in (tmp_path / "3c-ecommerce-service").iterdir()}
    assert {"index.html", "3c-ecommerce-service.ics", "3c-ecommerce-service.zip"} <= names


def test_an_unchanged_rebuild_reads_no_course(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert build_pack_folder(PACK, tmp_path, workers=1, force=False).ok
    reads: list[str] = []
    read = load._load_file

    def counted_read(path: Path) -> load.Loaded:
        reads.append(Path(path).name)
        return read(path)

    monkeypatch.setattr(load, "_load_file", counted_read)
    monkeypatch.setattr(load, "_CACHE", {})
    batch = build_pack_folder(PACK, tmp_path, workers=1, force=False)
    assert batch.ok and all(r.unchanged for r in batch.results)
    # the pack, its instructor and its supplier: nothing of a course
    assert sorted(reads) == [
        "3c-ecommerce-service.yaml",
        "example-consulting.yaml",
        "fengying.yaml",
    ]
