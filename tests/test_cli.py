"""The command line as a user meets it (Typer's CliRunner, rich pinned to plain text)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli import __version__
from syllabus_cli.cli import app

from .conftest import REPO

runner = CliRunner()
BAD = "title: 课程\nduration: 2h\nmodules:\n  - title: 一\n    duration: 90min\n"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "120"})
    return result.exit_code, result.output


def test_version_and_help() -> None:
    assert run("--version") == (0, f"syllabus {__version__}\n")
    code, out = run("-h")
    assert code == 0 and "validate" in out and "schema" in out
    assert run("validate", "--help")[0] == 0


def test_validate_bundled_courses_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out = run("validate")
    assert code == 0, out
    assert "all clean" in out and "电商客服销售能力提升" in out


def test_validate_reports_problems_as_file_line_col(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(BAD, encoding="utf-8")
    code, out = run("validate", str(spec))
    assert code == 1
    assert (
        f"{spec.as_posix()}:2:11: error[sum-mismatch]: modules add up to 1h30 (90 min), course says 2h (120 min)"
        in out
    )
    assert "1 of 1 failed" in out


def test_validate_json_is_the_contract_shape(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(BAD, encoding="utf-8")
    code, out = run("validate", "--format", "json", str(spec))
    assert code == 1
    assert json.loads(out) == {
        "ok": False,
        "courses": [
            {
                "path": spec.as_posix(),
                "title": "课程",
                "stated_minutes": 120,
                "total_minutes": 90,
                "errors": [
                    {
                        "line": 2,
                        "column": 11,
                        "code": "sum-mismatch",
                        "message": "modules add up to 1h30 (90 min), course says 2h (120 min)",
                    }
                ],
                "warnings": [],
            }
        ],
    }


def test_strict_turns_warnings_into_failures(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text("title: 课程\nmodules:\n  - {title: 一, duration: 2h}\n", encoding="utf-8")
    assert run("validate", str(spec))[0] == 0
    code, out = run("validate", "--strict", "--format", "json", str(spec))
    assert code == 1 and json.loads(out)["ok"] is False
    assert json.loads(out)["courses"][0]["stated_minutes"] is None


def test_usage_errors_exit_2() -> None:
    assert run("validate", "--format", "xml")[0] == 2
    assert run("no-such-command")[0] == 2


def test_missing_path_and_empty_folder_are_located_errors(tmp_path: Path) -> None:
    code, out = run("validate", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert code == 1
    assert "nope.yaml:1:1: error[file-missing]" in out
    assert f"{tmp_path.as_posix()}:1:1: error[no-specs]" in out


def test_one_bad_file_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"title: \xff\xfe\xff\n")  # no encoding at all
    (tmp_path / "b.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "title: ok\nduration: 1h\nmodules: [{title: x, duration: 1h}]\n", encoding="utf-8"
    )
    code, out = run("validate", "-f", "json", str(tmp_path))
    courses = json.loads(out)["courses"]
    assert code == 1
    assert [c["errors"][0]["code"] if c["errors"] else None for c in courses] == [
        "encoding",
        "sum-mismatch",
        None,
    ]


def test_show_prints_the_tree_with_allocated_minutes(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "title: 课程\nduration: 3h\nmodules:\n  - {title: 开场, duration: 1h}\n  - {title: 总结}\n",
        encoding="utf-8",
    )
    code, out = run("show", str(spec))
    assert code == 0
    assert "课程  3h = 3h (180 min)" in out
    assert "开场  1h" in out and "总结  ≈2h allocated" in out
    assert "unallocated" in out


def test_new_writes_a_spec_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "courses" / "mine.yaml"
    code, out = run("new", str(target), "--title", "我的课程", "--duration", "0.5天")
    assert code == 0, out
    assert run("validate", str(target))[0] == 0
    # what it leaves to fill in is a todo problem at its line: an error under --strict
    code, out = run("validate", "--strict", str(target))
    assert code == 1 and "'background' still holds a placeholder" in out
    assert only_todo(out)
    assert run("new", str(target))[0] == 1  # never overwrites without --force
    assert run("new", str(tmp_path / "x.yaml"), "--duration", "90")[0] == 2


def test_new_with_a_bare_name_writes_the_yaml_file_validate_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`syllabus new 销售技巧` (no extension, as a trainer types it) used to write a file
    named 销售技巧 that `validate courses` never found; a Chinese name is the title."""
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "courses/销售技巧")
    assert code == 0 and "courses/销售技巧.yaml" in out, out
    assert not Path("courses/销售技巧").exists()
    assert 'title: "销售技巧"' in Path("courses/销售技巧.yaml").read_text(encoding="utf-8")
    assert run("validate", "courses")[0] == 0
    assert run("new", "sales")[0] == 0
    assert 'title: "新课程"' in Path("sales.yaml").read_text(encoding="utf-8")
    for odd in ("", ".", "..", "courses"):  # a folder: refused as before, never "..yaml"
        code, out = run("new", odd)
        assert code == 1 and "error[output-exists]" in out, (odd, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["courses", "sales.yaml"]


@pytest.mark.parametrize("duration", ["45min", "1h01", "3小时", "2天(6h/天)", "1天(7h/天)"])
def test_new_starter_adds_up_for_any_length(tmp_path: Path, duration: str) -> None:
    target = tmp_path / "c.yaml"
    assert run("new", str(target), "--duration", duration)[0] == 0
    _, out = run("validate", "--strict", str(target))
    assert only_todo(out), out  # it adds up: nothing but the placeholders to fill in


def only_todo(out: str) -> bool:
    said = [line for line in out.splitlines() if re.search(r": (warning|error)\[", line)]
    return bool(said) and all("[todo]" in line for line in said)


def test_schema_matches_the_shipped_files() -> None:
    for kind in ("course", "pack", "instructor"):
        code, out = run("schema", kind)
        assert code == 0
        assert json.loads(out) == json.loads(
            (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        )
    assert run("schema", "nope")[0] == 2


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "syllabus_cli", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.strip() == f"syllabus {__version__}"


def test_no_traceback_on_a_folder_of_hostile_files(tmp_path: Path) -> None:
    (tmp_path / "bin.yaml").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "nul.yaml").write_text("title: a\x00b\n", encoding="utf-8")
    (tmp_path / "deep.yaml").write_text("a: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    code, out = run("validate", str(tmp_path))
    assert code == 1 and "Traceback" not in out
    assert out.count("error[") == 3
