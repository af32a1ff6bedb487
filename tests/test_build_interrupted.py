"""A build stopped anywhere never leaves the output folder stuck, and the tool runs
where Windows lacks POSIX calls."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli.cli import app

from .build_helpers import SOURCE_DATE_EPOCH, courses, documents, pack_file, syllabus


def test_export_and_pack_run_without_fchmod_resource_or_fcntl(tmp_path: Path) -> None:
    specs = courses(tmp_path / "src", "a", "b")
    pack = pack_file(tmp_path / "packs" / "p.yaml", specs)
    hooks = tmp_path / "hooks"
    export = syllabus("export", tmp_path / "src", "--out", tmp_path / "out", hooks=hooks,
                      HOOK_NO_POSIX="1")  # fmt: skip
    assert export.returncode == 0, export.stdout + export.stderr
    built = syllabus("pack", pack, "--out", tmp_path / "packs-out", "-j", "2", hooks=hooks,
                     HOOK_NO_POSIX="1")  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    assert (tmp_path / "out" / "a" / "a.proposal.docx").is_file()
    assert (tmp_path / "packs-out" / "p" / "p.zip").is_file()
    # the same hooks really take those calls away (so the builds above ran without them)
    probe = (
        "import os\n"
        "assert not hasattr(os, 'fchmod')\n"
        "for name in ('resource', 'fcntl'):\n"
        "    try:\n"
        "        __import__(name)\n"
        "    except ImportError:\n"
        "        continue\n"
        "    raise SystemExit(name + ' still importable')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": str(hooks), "HOOK_NO_POSIX": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_pack_killed_after_any_write_rebuilds_current_with_exit_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For n = 1, 2, …: stop the build right after its n-th file write, change a spec,
    rebuild. Exit 0, nothing reported as edited, every document as a clean build makes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)  # as the killed run had
    monkeypatch.setenv("SYLLABUS_LANG", "en")
    hooks = tmp_path / "hooks"
    clean: dict[str, bytes] = {}

    def killed(n: int) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
        case = tmp_path / f"n{n}"
        pack = pack_file(case / "packs" / "p.yaml", courses(case / "src", "a", "b"))
        stopped = syllabus("pack", pack, "--out", case / "out", "-j", "1", hooks=hooks,
                           HOOK_STOP_AFTER_WRITES=str(n))  # fmt: skip
        return stopped, pack, case

    n, every_point_tried = 0, False
    # the killed builds two at a time (each is its own process); the rebuild after each
    # is an ordinary run, in this process: every stop point tried, at half the time
    with ThreadPoolExecutor(2) as pool:
        while not every_point_tried:
            for stopped, pack, case in pool.map(killed, (n + 1, n + 2)):
                n += 1
                if stopped.returncode == 0:
                    every_point_tried = True  # the build needs fewer than n writes
                    break
                assert stopped.returncode == 9, stopped.stderr
                courses(case / "src", "a", suffix="（改）")  # the instructor edits a spec
                out = case / "out"
                again = CliRunner().invoke(app, ["pack", str(pack), "--out", str(out), "-j", "1"])
                assert again.exit_code == 0, f"stopped after write {n}:\n{again.output}"
                assert "kept" not in again.output
                if not clean:  # the same specs in every round: one clean build to compare
                    clean_build = syllabus("pack", pack, "--out", case / "clean", "-j", "1")
                    assert clean_build.returncode == 0
                    clean = documents(case / "clean")
                assert documents(out) == clean, f"stopped after write {n}"
                agenda = (out / "p" / "a" / "a.agenda.md").read_text(encoding="utf-8")
                assert "课程a（改）" in agenda
                assert not list(out.rglob("*.tmp"))
                assert not list(out.rglob(".syllabus-journal-*")), (
                    "a finished build leaves no journal"
                )
    assert n > 10  # two courses' documents, the pack's own files and the manifest


def test_an_export_killed_midway_then_rebuilt_unchanged_reports_no_edits(tmp_path: Path) -> None:
    courses(tmp_path / "src", "a", "b", "c")
    out = tmp_path / "out"
    hooks = tmp_path / "hooks"
    stopped = syllabus("export", tmp_path / "src", "--out", out, "-j", "1", hooks=hooks,
                       HOOK_STOP_AFTER_WRITES="6")  # fmt: skip
    assert stopped.returncode == 9
    again = syllabus("export", tmp_path / "src", "--out", out, "-j", "1")
    assert again.returncode == 0, again.stdout
    assert "kept" not in again.stdout
    third = syllabus("export", tmp_path / "src", "--out", out)
    assert third.returncode == 0 and third.stdout.count("unchanged") >= 3, third.stdout


def test_a_real_hand_edit_is_still_kept_after_an_interrupted_build(tmp_path: Path) -> None:
    courses(tmp_path / "src", "a", "b")
    out = tmp_path / "out"
    assert syllabus("export", tmp_path / "src", "--out", out, "-j", "1").returncode == 0
    edited = out / "b" / "b.agenda.md"
    edited.write_text("# 讲师手改\n", encoding="utf-8")
    courses(tmp_path / "src", "a", "b", suffix="（新）")
    stopped = syllabus("export", tmp_path / "src", "--out", out, "-j", "1",
                       hooks=tmp_path / "hooks", HOOK_STOP_AFTER_WRITES="2")  # fmt: skip
    assert stopped.returncode == 9
    again = syllabus("export", tmp_path / "src", "--out", out, "-j", "1")
    assert again.returncode == 1
    assert f"{edited.as_posix()}: changed since the last build; kept" in again.stdout
    assert again.stdout.count("kept (use --force") == 1
    assert edited.read_text(encoding="utf-8") == "# 讲师手改\n"
