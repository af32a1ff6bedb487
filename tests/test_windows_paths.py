"""A spec written on Windows names its files with backslashes (``courses\\销售.yaml``,
``..\\讲师\\王.yaml``); the same folder copied to a Mac or a Linux CI must build the same.
Every file a spec names goes through one ``paths.written_path``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from syllabus_cli.cli import app


def run(*args: str | Path) -> tuple[int, str]:
    done = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    return done.exit_code, done.output


def test_a_pack_written_on_windows_builds_anywhere(tmp_path: Path) -> None:
    (tmp_path / "讲师").mkdir()
    (tmp_path / "讲师" / "王.yaml").write_text("name: 王老师\ntitle: 高级讲师\n", encoding="utf-8")
    (tmp_path / "课程").mkdir()
    (tmp_path / "课程" / "销售.yaml").write_text(
        "title: 销售技巧\nduration: 3h\ninstructor: ..\\讲师\\王.yaml\n"
        "modules:\n  - {title: 开场, duration: 1h}\n  - include: ..\\模块\\共用.yaml#演练\n",
        encoding="utf-8",
    )
    (tmp_path / "模块").mkdir()
    (tmp_path / "模块" / "共用.yaml").write_text(
        "modules:\n  - {title: 演练, duration: 2h}\n", encoding="utf-8"
    )
    (tmp_path / "乙方.yaml").write_text("company: 某某咨询\n", encoding="utf-8")
    pack = tmp_path / "包.yaml"
    pack.write_text(
        "client: 客户\ntitle: 项目\ndate: 2026-12-08\n"
        "supplier: .\\乙方.yaml\ncourses: [课程\\销售.yaml]\n",
        encoding="utf-8",
    )
    code, out = run("validate", pack, tmp_path / "课程" / "销售.yaml")
    assert code == 0, out
    code, out = run("pack", pack, "--out", tmp_path / "out", "-j", "1")
    assert code == 0, out
    assert (tmp_path / "out" / "包" / "销售" / "销售.proposal.docx").is_file()


def test_a_missing_file_is_named_as_the_user_wrote_it(tmp_path: Path) -> None:
    pack = tmp_path / "包.yaml"
    pack.write_text("client: 客户\ntitle: 项目\ncourses: [课程\\没有.yaml]\n", encoding="utf-8")
    code, out = run("validate", pack)
    assert code == 1 and "包.yaml:3:11: error[file-missing]" in out and "课程/没有.yaml" in out


def test_a_windows_zip_unpacked_flat_on_a_mac_still_builds(tmp_path: Path) -> None:
    """Some unzip tools leave a zip made on Windows as files whose names hold the
    backslash (one file named ``课程\\销售.yaml``, no folder): the pack and the course
    naming them so find them, rather than a folder that is not there."""
    import os

    import pytest

    if os.sep != "/":
        pytest.skip("a name cannot hold a backslash on Windows")
    (tmp_path / "模块\\共用.yaml").write_text(
        "modules:\n  - {title: 演练, duration: 2h}\n", encoding="utf-8"
    )
    (tmp_path / "课程\\销售.yaml").write_text(
        "title: 销售技巧\nduration: 3h\n"
        "modules:\n  - {title: 开场, duration: 1h}\n  - include: 模块\\共用.yaml#演练\n",
        encoding="utf-8",
    )
    pack = tmp_path / "包.yaml"
    pack.write_text(
        "client: 客户\ntitle: 项目\ndate: 2026-12-08\ncourses: [课程\\销售.yaml]\n",
        encoding="utf-8",
    )
    code, out = run("validate", pack, tmp_path / "课程\\销售.yaml")
    assert code == 0, out
    code, out = run("pack", pack, "--out", tmp_path / "out", "-j", "1")
    assert code == 0, out
