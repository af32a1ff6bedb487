"""What ``validate`` checks and prints, as a user runs it (CliRunner: stdout is not a
terminal, so the plain writer prints)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.report import FULL_TABLE_UP_TO
from syllabus_cli.validate import validate_paths

from .conftest import REPO

runner = CliRunner()
GOOD = "title: 好课{i}\nduration: 1h\nmodules: [{{title: 一, duration: 1h}}]\n"
BAD = "title: 坏课{i}\nduration: 2h\nmodules: [{{title: 一, duration: 90min}}]\n"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "120"})
    return result.exit_code, result.output


def test_an_instructor_profile_is_checked_not_skipped(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("name: 冯颖\ntitel: 讲师\nclients: !!set {a: null}\n", encoding="utf-8")
    code, out = run("validate", str(profile))
    assert code == 1
    assert (
        f"{profile.as_posix()}:2:1: error[unknown-key]: unknown key 'titel' in the instructor profile; did you mean 'title'?"
        in out
    )
    assert f"{profile.as_posix()}:3:10: error[yaml-tag]" in out
    # the tag is the mistake, said once (not again as "not a list": issue 25)
    assert f"{profile.as_posix()}:3:10: error[type]" not in out
    assert "1 checked · 2 errors · 0 warnings · 1 of 1 failed" in out


def test_the_bundled_instructor_is_clean() -> None:
    code, out = run("validate", str(REPO / "instructors"))
    assert code == 0, out
    assert "枫影(王鸿华)" in out and "1 checked" in out and "all clean" in out


def test_a_course_template_must_exist_and_be_a_docx(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a document", encoding="utf-8")
    (tmp_path / "fake.docx").write_text("not a zip", encoding="utf-8")
    (tmp_path / "folder.docx").mkdir()
    lines = []
    for i, ref in enumerate(["nope.docx", "notes.txt", "fake.docx", "folder.docx"]):
        spec = tmp_path / f"c{i}.yaml"
        spec.write_text(
            f"title: 课\nduration: 1h\ntemplate: {ref}\nmodules: [{{title: 一, duration: 1h}}]\n",
            encoding="utf-8",
        )
        (result,) = validate_paths([spec])
        lines.append([(p.line, p.column, p.code) for p in result.errors])
    assert lines == [
        [(3, 11, "file-missing")],
        [(3, 11, "template-format")],
        [(3, 11, "template-format")],
        [(3, 11, "template-format")],
    ]


def test_the_default_template_is_accepted(tmp_path: Path) -> None:
    from syllabus_cli.render.docx_base import default_template

    spec = tmp_path / "c.yaml"
    spec.write_text(
        f"title: 课\nduration: 1h\ntemplate: {default_template().as_posix()}\n"
        "modules: [{title: 一, duration: 1h}]\n",
        encoding="utf-8",
    )
    (result,) = validate_paths([spec])
    assert result.ok(strict=True), result.problems


def test_a_few_files_get_the_whole_table(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"c{i}.yaml").write_text(GOOD.format(i=i), encoding="utf-8")
    code, out = run("validate", str(tmp_path))
    assert code == 0
    assert out.splitlines()[1:] == [
        "course  stated  outline total  status",
        "------  ------  -------------  ------",
        "好课0       1h             1h  ok",
        "好课1       1h             1h  ok",
        "好课2       1h             1h  ok",
        "3 checked · 0 errors · 0 warnings · all clean",
    ]


def test_past_fifty_files_the_table_lists_only_those_with_problems(tmp_path: Path) -> None:
    total = FULL_TABLE_UP_TO + 10
    for i in range(total):
        text = BAD if i in (7, 42) else GOOD
        (tmp_path / f"c{i:03d}.yaml").write_text(text.format(i=i), encoding="utf-8")
    code, out = run("validate", str(tmp_path))
    assert code == 1
    table = out.split("\n\n", 1)[1].splitlines()
    assert table == [
        "course  stated  outline total  status",
        "------  ------  -------------  ----------",
        "坏课7       2h           1h30  1 error(s)",
        "坏课42      2h           1h30  1 error(s)",
        f"({total - 2} clean file(s) not listed)",
        f"{total} checked · 2 errors · 0 warnings · 2 of {total} failed",
    ]
    code, out = run("validate", "--format", "json", str(tmp_path))
    assert len(json.loads(out)["courses"]) == total  # JSON always lists every file


def test_validate_keeps_no_models_but_library_callers_do(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(GOOD.format(i=1), encoding="utf-8")
    (lean,) = validate_paths([spec], lean=True)
    (full,) = validate_paths([spec])
    assert lean.course is None and lean.timing is None and lean.ok()
    assert full.course is not None and full.course.title == "好课1"


def test_a_date_flag_outside_the_century_is_a_usage_error() -> None:
    spec = str(REPO / "courses" / "ecommerce-cs-sales.yaml")
    code, out = run("agenda", spec, "--date", "9999-12-31")
    assert code == 2 and "must lie between 2000-01-01 and 2099-12-31" in out
    assert run("agenda", spec, "--date", "2026-02-30")[0] == 2
    assert run("agenda", spec, "--date", "2099-12-31", "-f", "json")[0] == 0


def test_documents_of_a_huge_course_stop_at_the_duration(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text("title: 课\nduration: 99999天\nmodules: [{title: 一}]\n", encoding="utf-8")
    for command in (["proposal", "-o", str(tmp_path / "p.docx")], ["agenda", "-f", "json"]):
        code, out = run(command[0], str(spec), *command[1:])
        assert code == 1
        assert out.splitlines() == [
            f"{spec.as_posix()}:2:11: error[duration-limit]: duration '99999天' is longer than the limit of 60 days"
        ]
    assert not (tmp_path / "p.docx").exists()
