"""The program starts without the garbage collector (imports free nothing, so a pass is
wasted work) and collects again once its command starts: a long batch's memory stays
bounded. Code that imports the package keeps its own collector settings."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli import startup
from syllabus_cli.cli import app

from .conftest import REPO

SPEC = REPO / "courses" / "ecommerce-cs-sales.yaml"


@pytest.fixture
def collector() -> Iterator[None]:
    yield
    startup.release()
    gc.unfreeze()
    gc.enable()


def test_a_command_runs_with_the_collector_on(
    collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import syllabus_cli.check as check

    seen: list[bool] = []
    real = check.check_course

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "check_course", spy)
    startup.hold()
    assert not gc.isenabled()
    result = CliRunner().invoke(app, ["validate", str(SPEC)])
    assert result.exit_code == 0, result.output
    assert seen == [True]  # the command's work: collected
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off(collector: None) -> None:
    gc.disable()
    startup.hold()
    startup.release()
    assert not gc.isenabled()


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["validate", str(SPEC)]])
def test_the_installed_entry_point_runs(args: list[str], tmp_path: Path) -> None:
    """What ``syllabus`` (pyproject's script) and ``python -m syllabus_cli`` call."""
    done = subprocess.run(
        [sys.executable, "-c", "from syllabus_cli.__main__ import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_a_long_validate_freezes_what_it_keeps_and_hands_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``validate`` of thousands of files: the results kept are frozen out of the
    collector as it goes (full collections would rescan them all, again and again), and
    unfrozen once the list is handed back."""
    import syllabus_cli.validate as validate

    monkeypatch.setattr(validate, "FREEZE_EVERY", 2)
    for i in range(5):
        (tmp_path / f"c{i}.yaml").write_text(SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    frozen: list[int] = []
    real = validate._check_file

    def spy(*args: object) -> object:
        frozen.append(gc.get_freeze_count())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "_check_file", spy)
    before = gc.get_freeze_count()
    results = validate.validate_paths([tmp_path], lean=True)
    assert [r.path.name for r in results] == [f"c{i}.yaml" for i in range(5)]
    assert all(r.course is None and r.timing is None for r in results)  # lean
    assert frozen[0] == before and frozen[2] > before and frozen[4] > frozen[2]
    assert gc.get_freeze_count() == before
