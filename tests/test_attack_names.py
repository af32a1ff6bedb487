"""Issue 25, names over 255 bytes (about 90 Chinese characters): one located line naming
the name and exit 1, never ``OSError: File name too long``; nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .build_helpers import syllabus

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows reports long names otherwise")

LONG = "长" * 90  # 270 bytes in UTF-8
COURSE = "title: 课程\nduration: 1h\n{extra}modules:\n  - {{title: 一, duration: 1h}}\n"


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["agenda", "ok.yaml", "-o", f"{LONG}.md"], f"{LONG}.md:1:1"),
        (["proposal", "ok.yaml", "-o", f"{LONG}.docx"], f"{LONG}.docx:1:1"),
        (["new", f"{LONG}.yaml"], f"{LONG}.yaml:1:1"),
        (["template", "init", f"{LONG}.docx"], f"{LONG}.docx:1:1"),
        (["validate", f"{LONG}.yaml"], f"{LONG}.yaml:1:1"),
        (["export", f"{LONG}.yaml", "--out", "out"], f"{LONG}.yaml:1:1"),
    ],
    ids=["agenda-o", "proposal-o", "new", "template-init", "validate", "export"],
)
def test_a_name_too_long_on_the_command_line_is_one_located_line(
    tmp_path: Path, args: list[str], where: str
) -> None:
    (tmp_path / "ok.yaml").write_text(COURSE.format(extra=""), encoding="utf-8")
    before = listing(tmp_path)
    done = syllabus(*args, cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    said = [line for line in (done.stdout + done.stderr).splitlines() if "error[" in line]
    assert said == [f"{where}: error[name-too-long]: the name {LONG}{Path(where[:-4]).suffix} "
                    "is longer than 255 bytes (about 85 Chinese characters); shorten it"]  # fmt: skip
    assert [p for p in listing(tmp_path) if not p.startswith("out")] == before


def test_a_template_name_too_long_is_located_in_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(COURSE.format(extra=f"template: {LONG}.docx\n"), encoding="utf-8")
    for args in (["validate", spec], ["export", spec, "--out", tmp_path / "out"]):
        done = syllabus(*args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert "c.yaml:3:11: error[name-too-long]: the name " in done.stdout + done.stderr
    assert not (tmp_path / "out" / "c").exists()


def test_a_pack_course_name_too_long_is_located_in_the_pack(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(f"client: 客户\ntitle: 项目\ncourses:\n  - {LONG}.yaml\n", encoding="utf-8")
    for args in (["validate", pack], ["pack", pack, "--out", tmp_path / "out"]):
        done = syllabus(*args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert f"p.yaml:4:5: error[name-too-long]: the name {LONG}.yaml " in (
            done.stdout + done.stderr
        )


def test_a_course_id_too_long_still_builds_under_a_shortened_name(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(COURSE.format(extra=f"id: {LONG}\n"), encoding="utf-8")
    done = syllabus("export", spec, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    (folder,) = [p for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")]
    assert folder.name.startswith("长" * 37 + "-") and len(folder.name.encode()) <= 120
    assert all(len(p.name.encode()) <= 255 for p in folder.iterdir())
