"""Issue 25, includes and course paths: fan-out that would never end and symlink loops.
Each case: the files in, the located line and the exit code out, within seconds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .build_helpers import syllabus

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks need POSIX rights")


def fan_out(folder: Path, files: int = 10, times: int = 10) -> Path:
    """``lib0`` includes ``lib1`` ten times, which includes ``lib2`` ten times…: 10⁹ blocks."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(files - 1):
        lines = ["modules:"] + [f"  - include: lib{n + 1}.yaml"] * times
        (folder / f"lib{n}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / f"lib{files - 1}.yaml").write_text(
        "modules:\n  - {title: 一节, duration: 1min}\n", encoding="utf-8"
    )
    course = folder / "course.yaml"
    course.write_text(
        "title: 课程\nduration: 1h\nmodules:\n  - {title: 开场, duration: 10min}\n"
        "  - include: lib0.yaml\n",
        encoding="utf-8",
    )
    return course


@pytest.mark.parametrize("command", ["validate", "export", "pack"])
def test_includes_that_fan_out_stop_at_a_limit_located_at_the_include(
    tmp_path: Path, command: str
) -> None:
    course = fan_out(tmp_path / "courses")
    args: list[str | Path] = [command, course]
    if command == "pack":
        pack = tmp_path / "p.yaml"
        pack.write_text("client: 客户\ntitle: 项目\ncourses: [courses/course.yaml]\n", "utf-8")
        args = ["pack", pack]
    if command != "validate":
        args += ["--out", tmp_path / "out"]
    done = syllabus(*args)  # under the helper's timeout: a hang fails, it does not stall
    assert done.returncode == 1, done.stdout + done.stderr
    assert "course.yaml:5:5: error[include-limit]" in done.stdout + done.stderr


def test_a_course_within_the_limit_still_includes_everything(tmp_path: Path) -> None:
    course = fan_out(tmp_path, files=3, times=10)  # 100 blocks of one minute
    course.write_text(
        "title: 课程\nduration: 100min\nmodules:\n  - include: lib0.yaml\n", encoding="utf-8"
    )
    done = syllabus("validate", course)
    assert done.returncode == 0, done.stdout + done.stderr


def loop(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    os.symlink("b.yaml", folder / "a.yaml")
    os.symlink("a.yaml", folder / "b.yaml")


def test_an_include_that_is_a_symlink_loop_is_located(tmp_path: Path) -> None:
    loop(tmp_path)
    course = tmp_path / "course.yaml"
    course.write_text("title: 课程\nduration: 1h\nmodules:\n  - include: a.yaml\n", "utf-8")
    for command in ("validate", "agenda"):
        done = syllabus(command, course)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert "course.yaml:4:5: error[file-unreadable]" in done.stdout + done.stderr


def test_a_symlink_loop_among_courses_never_stops_the_good_ones(tmp_path: Path) -> None:
    courses = tmp_path / "courses"
    loop(courses)
    (courses / "good.yaml").write_text(
        "title: 好课\nduration: 1h\nmodules:\n  - {title: 一, duration: 1h}\n", "utf-8"
    )
    for args in (["validate", courses], ["export", courses, "--out", tmp_path / "out"]):
        done = syllabus(*args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert "a.yaml:1:1: error[file-unreadable]" in done.stdout + done.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "good").iterdir()) == [
        "good.agenda.docx",
        "good.agenda.html",
        "good.agenda.md",
        "good.proposal.docx",
    ]


def test_a_pack_course_that_is_a_symlink_loop_is_located(tmp_path: Path) -> None:
    loop(tmp_path / "courses")
    pack = tmp_path / "p.yaml"
    pack.write_text("client: 客户\ntitle: 项目\ncourses:\n  - courses/a.yaml\n", "utf-8")
    for args in (["validate", pack], ["pack", pack, "--out", tmp_path / "out"]):
        done = syllabus(*args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert "p.yaml:4:5: error[file-unreadable]: course spec " in done.stdout + done.stderr
        assert "Too many levels of symbolic links" in done.stdout + done.stderr


def test_many_variants_of_a_fanning_course_stay_bounded(tmp_path: Path) -> None:
    course = fan_out(tmp_path)
    names = ", ".join(f"v{n}" for n in range(60))
    course.write_text(
        f"title: 课程\nvariants: [{names}]\nduration: 1h\nmodules:\n  - include: lib0.yaml\n",
        encoding="utf-8",
    )
    done = syllabus("validate", course)
    assert done.returncode == 1
    assert "course.yaml:2:11: error[variant-limit]" in done.stdout
    assert "course.yaml:5:5: error[include-limit]" in done.stdout


def test_writing_into_a_folder_that_is_a_symlink_loop_is_located(tmp_path: Path) -> None:
    os.symlink("loopB", tmp_path / "loopA")
    os.symlink("loopA", tmp_path / "loopB")
    (tmp_path / "c.yaml").write_text(
        "title: 课程\nduration: 1h\nmodules:\n  - {title: 一, duration: 1h}\n", encoding="utf-8"
    )
    for args in (["new", "loopA/x.yaml"], ["agenda", "c.yaml", "-o", "loopA/x.md"]):
        done = syllabus(*args, cwd=tmp_path)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith("loopA/"), done.stderr
        assert len(done.stderr.splitlines()) == 1


def test_a_chain_of_many_includes_is_located_not_a_recursion_error(tmp_path: Path) -> None:
    for n in range(1500):
        (tmp_path / f"l{n}.yaml").write_text(f"modules:\n  - include: l{n + 1}.yaml\n", "utf-8")
    (tmp_path / "l1500.yaml").write_text("modules:\n  - {title: 一, duration: 1h}\n", "utf-8")
    course = tmp_path / "course.yaml"
    course.write_text("title: 课程\nduration: 1h\nmodules:\n  - include: l0.yaml\n", "utf-8")
    for args in (["validate", course], ["export", course, "--out", tmp_path / "out"]):
        done = syllabus(*args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert "course.yaml:4:5: error[include-depth]" in done.stdout + done.stderr


def test_blocks_nested_deep_through_includes_are_located_not_a_recursion_error(
    tmp_path: Path,
) -> None:
    for n in range(17):  # 16 files, each nesting its sections 28 deep, then the next
        lines, indent = ["modules:"], "  "
        for d in range(28):
            lines += [f"{indent}- title: 第{n}-{d}层", f"{indent}  sections:"]
            indent += "    "
        lines.append(
            f"{indent}- include: l{n + 1}.yaml"
            if n < 16
            else f"{indent}- {{title: 末, duration: 1h}}"
        )
        (tmp_path / f"l{n}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    course = tmp_path / "course.yaml"
    course.write_text("title: 课程\nduration: 1h\nmodules:\n  - include: l0.yaml\n", "utf-8")
    for args in (["validate", course], ["show", course], ["agenda", course],
                 ["proposal", course, "-o", tmp_path / "p.docx"]):  # fmt: skip
        done = syllabus(*args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert "course.yaml:4:5: error[include-depth]: blocks nest deeper than 40" in (
            done.stdout + done.stderr
        )
