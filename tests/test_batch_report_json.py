"""``export``/``pack`` ``--report json``: golden files, one per case (black's
``tests/data/cases`` style). Paths are normalised to ``<tmp>``/``<repo>`` and times to
0; the rest is exactly what the user's script reads. ``SYLLABUS_GOLDEN=1`` rewrites the
files after a deliberate change (then read the diff)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli.cli import app

from .conftest import REPO

GOLDEN = REPO / "tests" / "data" / "report"
GOOD = "title: 好课\nid: good\nduration: 1h\nschedule: {breaks: []}\nmodules:\n  - {title: 一, duration: 1h}\n"
SHORT = "title: 差课\nid: short\nduration: 2h\nmodules:\n  - {title: 一, duration: 1h}\n"
WARNED = "title: 有提醒的课\nid: warned\nschedule: {breaks: []}\nmodules:\n  - {title: 一, duration: 1h}\n"  # no-duration


def run(*args: str | Path) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, json.loads(result.stdout)


def courses(tmp: Path) -> Path:
    folder = tmp / "courses"
    folder.mkdir()
    for name, text in (("good", GOOD), ("short", SHORT), ("warned", WARNED)):
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def export_first(tmp: Path) -> tuple[int, dict[str, object]]:
    return run("export", courses(tmp), tmp / "missing.yaml", "--out", tmp / "out", "-j", "1",
               "--report", "json")  # fmt: skip


def export_again_with_a_hand_edit(tmp: Path) -> tuple[int, dict[str, object]]:
    folder = courses(tmp)
    run("export", folder, "--out", tmp / "out", "-j", "1", "--report", "json")
    (tmp / "out" / "good" / "good.agenda.md").write_text("edited\n", encoding="utf-8")
    return run("export", folder, "--out", tmp / "out", "-j", "1", "--report", "json")


def pack_bundled(tmp: Path) -> tuple[int, dict[str, object]]:
    pack = REPO / "packs" / "3c-ecommerce-service.yaml"
    return run("pack", pack, "--out", tmp / "out", "-j", "1", "--report", "json")


def pack_unchanged(tmp: Path) -> tuple[int, dict[str, object]]:
    pack_bundled(tmp)
    return pack_bundled(tmp)


def pack_refused(tmp: Path) -> tuple[int, dict[str, object]]:
    (tmp / "out").write_text("a file where the folder goes\n", encoding="utf-8")
    return pack_bundled(tmp)


CASES: dict[str, Callable[[Path], tuple[int, dict[str, object]]]] = {
    "export-first": export_first,
    "export-again-with-a-hand-edit": export_again_with_a_hand_edit,
    "pack-bundled": pack_bundled,
    "pack-unchanged": pack_unchanged,
    "pack-refused": pack_refused,
}


def normalised(value: object, tmp: Path) -> object:
    if isinstance(value, dict):
        return {k: 0 if k == "seconds" else normalised(v, tmp) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised(v, tmp) for v in value]
    if isinstance(value, str):
        return value.replace(tmp.as_posix(), "<tmp>").replace(REPO.as_posix(), "<repo>")
    return value


@pytest.mark.parametrize("case", sorted(CASES))
def test_report_json(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYLLABUS_LANG", "en")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    code, report = CASES[case](tmp_path)
    got = {"exit": code, "report": normalised(report, tmp_path)}
    golden = GOLDEN / f"{case}.json"
    if os.environ.get("SYLLABUS_GOLDEN") == "1":
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_problems_are_those_validate_gives(tmp_path: Path) -> None:
    """Each course's errors and warnings are exactly ``validate --format json``'s."""
    folder = courses(tmp_path)
    _, built = run("export", folder, "--out", tmp_path / "out", "-j", "1", "--report", "json")
    result = CliRunner().invoke(app, ["validate", str(folder), "--format", "json"])
    checked = {
        c["path"]: (c["errors"], c["warnings"]) for c in json.loads(result.stdout)["courses"]
    }
    exported = {c["path"]: (c["errors"], c["warnings"]) for c in built["courses"]}  # type: ignore[index, union-attr]
    assert exported == checked
    # built again with nothing changed: the same warnings, not a silence that reads as fixed
    _, again = run("export", folder, "--out", tmp_path / "out", "-j", "1", "--report", "json")
    assert {c["status"] for c in again["courses"] if not c["errors"]} == {"unchanged"}  # type: ignore[index, union-attr]
    assert {c["path"]: (c["errors"], c["warnings"]) for c in again["courses"]} == checked  # type: ignore[index, union-attr]
