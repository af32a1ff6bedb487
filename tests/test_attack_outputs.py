"""Issue 25, output names: no two outputs of one build share a file name, and no name
Windows cannot open. Each case: the spec in, the located line and the folder out."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from .build_helpers import documents, syllabus

SPEC = (
    "title: 课程\nvariants: [{a}, {b}]\nduration: 1h\nmodules:\n  - {{title: 一, duration: 1h}}\n"
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ('"上午/下午"', '"上午-下午"'),
        ('"半天."', "半天"),
        (unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")),
        ("AM", "am"),
    ],
    ids=["separator", "trailing-dot", "nfc-nfd", "case"],
)
def test_variants_that_would_share_a_file_name_are_located(tmp_path: Path, a: str, b: str) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(SPEC.format(a=a, b=b), encoding="utf-8")
    done = syllabus("validate", spec)
    assert done.returncode == 1, done.stdout + done.stderr
    column = len(f"variants: [{a}, ") + 1
    assert f"c.yaml:2:{column}: error[duplicate-variant]: variant " in done.stdout
    out = tmp_path / "out"
    done = syllabus("export", spec, "--out", out)
    assert done.returncode == 1
    assert documents(out) == {}  # neither variant silently replaces the other


def test_variants_that_differ_in_their_file_names_both_build(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(SPEC.format(a="上午", b="下午"), encoding="utf-8")
    done = syllabus("export", spec, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(documents(tmp_path / "out")) == 8


@pytest.mark.parametrize("name", ["COM¹", "lpt²", "COM1", "CON"])
def test_a_course_id_windows_reserves_never_names_a_folder(tmp_path: Path, name: str) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(
        f"title: 课程\nid: {name}\nduration: 1h\nmodules:\n  - {{title: 一, duration: 1h}}\n",
        encoding="utf-8",
    )
    done = syllabus("export", spec, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name[0] != ".") == [f"_{name}"]


def test_two_specs_with_one_id_exported_in_turn_are_kept_apart(tmp_path: Path) -> None:
    body = "title: {title}\nid: x\nduration: 1h\nmodules:\n  - {{title: 一, duration: 1h}}\n"
    for folder, title in (("a", "甲课程"), ("b", "乙课程")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "c.yaml").write_text(body.format(title=title), encoding="utf-8")
    out = tmp_path / "out"
    first = syllabus("export", tmp_path / "a" / "c.yaml", "--out", out)
    assert first.returncode == 0, first.stdout + first.stderr
    built = documents(out)
    second = syllabus("export", tmp_path / "b" / "c.yaml", "--out", out)
    assert second.returncode == 0, second.stdout + second.stderr
    after = documents(out)
    assert {k: v for k, v in after.items() if k.startswith("x/")} == built  # a's, untouched
    assert "乙课程" in after["x-2/x.agenda.md"].decode("utf-8")
    again = syllabus("export", tmp_path / "a" / "c.yaml", "--out", out)
    assert "unchanged" in again.stdout
    assert documents(out) == after
    assert "甲课程" in after["x/x.agenda.md"].decode("utf-8")


def test_long_variant_names_that_differ_past_the_cut_get_their_own_files(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(
        f"title: 课程\nid: {'长' * 30}\nvariants: [{'短' * 20}甲, {'短' * 20}乙]\nduration: 1h\n"
        "modules:\n  - {title: 一, duration: 1h}\n",
        encoding="utf-8",
    )
    done = syllabus("export", spec, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    made = documents(tmp_path / "out")
    assert len(made) == 8  # not 4: the second variant replaced nothing
    assert all(len(Path(name).name.encode()) <= 255 for name in made)


def test_a_pack_that_swaps_a_course_for_another_with_its_id_keeps_them_apart(
    tmp_path: Path,
) -> None:
    body = "title: {title}\nid: x\nduration: 1h\nmodules:\n  - {{title: 一, duration: 1h}}\n"
    for folder, title in (("a", "甲课程"), ("b", "乙课程")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "c.yaml").write_text(body.format(title=title), encoding="utf-8")
    pack, out = tmp_path / "p.yaml", tmp_path / "out"

    def build(folder: str) -> None:
        pack.write_text(f"client: 客户\ntitle: 项目\ncourses:\n  - {folder}/c.yaml\n", "utf-8")
        done = syllabus("pack", pack, "--out", out)
        assert done.returncode == 0, done.stdout + done.stderr

    build("a")
    build("b")  # the other x gets a folder of its own; the one taken out is removed
    assert "乙课程" in (out / "p" / "x-2" / "x.agenda.md").read_text(encoding="utf-8")
    assert not (out / "p" / "x").exists()
    build("a")
    assert "甲课程" in (out / "p" / "x" / "x.agenda.md").read_text(encoding="utf-8")
    assert not (out / "p" / "x-2").exists()
