"""One output folder, one owner: builds into the same folder merge, two clients' packs
never mix, a pack never lands in an exported course's folder, and a course's id never
takes a pack's own file name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from syllabus_cli.build.batch import build_pack_folder, export
from syllabus_cli.build.manifest import LOCK, NAME, Manifest

from .build_helpers import courses, documents, pack_file, syllabus


def test_two_builds_saving_at_once_keep_both_sets_of_entries(tmp_path: Path) -> None:
    first, second = Manifest.load(tmp_path), Manifest.load(tmp_path)
    first.files["a/a.md"] = "1" * 64
    second.files["b/b.md"] = "2" * 64
    first.save()
    second.save()
    assert Manifest.load(tmp_path).files == {"a/a.md": "1" * 64, "b/b.md": "2" * 64}


def test_a_lock_left_by_a_killed_build_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / LOCK).write_text("12345", encoding="utf-8")
    old = time.time() - 3600
    os.utime(tmp_path / LOCK, (old, old))
    manifest = Manifest.load(tmp_path)
    manifest.files["x.md"] = "3" * 64
    manifest.save()
    assert Manifest.load(tmp_path).files == {"x.md": "3" * 64}
    assert not (tmp_path / LOCK).exists()


def test_two_exports_into_one_folder_at_once_both_stay_known(tmp_path: Path) -> None:
    courses(tmp_path / "one", *(f"a{i}" for i in range(12)))
    courses(tmp_path / "two", *(f"b{i}" for i in range(12)))
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "syllabus_cli",
                "export",
                str(tmp_path / src),
                "--out",
                str(out),
                "-j",
                "1",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for src in ("one", "two")
    ]
    for run in runs:
        output = run.communicate(timeout=300)[0].decode()
        assert run.returncode == 0, output
    files = json.loads((out / NAME).read_text(encoding="utf-8"))["files"]
    assert {"a0/a0.proposal.docx", "b11/b11.agenda.md"} <= set(files)
    for src in ("one", "two"):
        again = syllabus("export", tmp_path / src, "--out", out)
        assert again.returncode == 0 and again.stdout.count("] unchanged ") == 12, again.stdout


def test_the_same_build_typed_as_an_absolute_path_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    courses(tmp_path / "src", "a", "b")
    monkeypatch.chdir(tmp_path)
    first = export([Path("src/a.yaml"), Path("src/b.yaml")], Path("out"), workers=1,
                   formats=("md",), force=False)  # fmt: skip
    again = export(sorted((tmp_path / "src").glob("*.yaml")), tmp_path / "out", workers=1,
                   formats=("md",), force=False)  # fmt: skip
    assert first.ok and [r.unchanged for r in again.results] == [True, True]


def test_a_second_client_s_pack_with_the_same_name_is_refused(tmp_path: Path) -> None:
    specs = courses(tmp_path / "src", "a", "b")
    mine = pack_file(tmp_path / "acme" / "training.yaml", specs[:1], client="甲公司")
    theirs = pack_file(tmp_path / "globex" / "training.yaml", specs[1:], client="乙公司")
    out = tmp_path / "out"
    assert syllabus("pack", mine, "--out", out).returncode == 0
    before = documents(out)
    refused = syllabus("pack", theirs, "--out", out)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "error[output-taken]" in refused.stdout
    assert mine.resolve().as_posix() in refused.stdout  # names the other pack
    assert documents(out) == before  # the first client's pack is untouched
    assert syllabus("pack", mine, "--out", out).returncode == 0  # its own pack still builds
    assert syllabus("pack", theirs, "--out", tmp_path / "elsewhere").returncode == 0


def test_a_pack_named_like_an_exported_course_is_refused(tmp_path: Path) -> None:
    specs = courses(tmp_path / "src", "sales", "service")
    out = tmp_path / "out"
    assert syllabus("export", tmp_path / "src", "--out", out).returncode == 0
    before = documents(out)
    pack = pack_file(tmp_path / "packs" / "sales.yaml", specs)
    refused = syllabus("pack", pack, "--out", out)
    assert refused.returncode == 1
    assert "holds the exported course sales" in refused.stdout
    assert documents(out) == before


def test_an_export_never_writes_into_a_pack_s_folder(tmp_path: Path) -> None:
    specs = courses(tmp_path / "src", "a")
    pack = pack_file(tmp_path / "packs" / "a.yaml", specs)
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out).returncode == 0
    pack_files = documents(out / "a")
    assert syllabus("export", tmp_path / "src", "--out", out).returncode == 0
    assert (out / "a-2" / "a.proposal.docx").is_file()
    assert documents(out / "a") == pack_files
    refused = syllabus("export", tmp_path / "src", "--out", out / "a")
    assert refused.returncode == 1 and "holds the pack built from" in refused.stdout


@pytest.mark.parametrize("course_id", ["index.md", "index.html", "p.zip", "p.proposal.docx"])
def test_a_course_id_like_a_pack_file_gets_another_folder(tmp_path: Path, course_id: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    spec = src / "c.yaml"
    spec.write_text(
        f"title: 课程\nid: {course_id}\nduration: 1h\nschedule: {{breaks: []}}\n"
        "modules:\n  - {title: 一, duration: 1h}\n",
        encoding="utf-8",
    )
    pack = pack_file(tmp_path / "p.yaml", [spec])
    batch = build_pack_folder(pack, tmp_path / "out", workers=1, force=False)
    assert batch.ok, batch.errors + [r.error for r in batch.results]
    root = tmp_path / "out" / "p"
    assert (root / "index.md").is_file() and (root / "p.zip").is_file()
    assert (root / f"{course_id}-2" / f"{course_id}.agenda.md").is_file()
    with zipfile.ZipFile(root / "p.zip") as archive:  # the client gets it by its title
        assert "培训项目/课程-课程方案.docx" in archive.namelist()


def test_export_skips_packs_and_instructors_among_the_specs(tmp_path: Path) -> None:
    specs = courses(tmp_path / "src", "a")
    pack_file(tmp_path / "src" / "p.yaml", specs)
    (tmp_path / "src" / "teacher.yaml").write_text("name: 冯老师\n", encoding="utf-8")
    result = syllabus("export", tmp_path / "src", "--out", tmp_path / "out")
    assert result.returncode == 0 and "1 course(s)" in result.stdout, result.stdout


@pytest.mark.office
def test_the_pdf_of_a_hand_edited_proposal_shows_the_edit(tmp_path: Path) -> None:
    """A PDF follows its .docx: the kept (edited) proposal is what the PDF shows."""
    from docx import Document

    from .office import need, pdf_text

    need("soffice", "pdftotext")
    courses(tmp_path / "src", "a", "b")
    out = tmp_path / "out"
    first = syllabus("export", tmp_path / "src", "--out", out, "--format", "docx,pdf")
    assert first.returncode == 0, first.stdout + first.stderr
    proposal = out / "a" / "a.proposal.docx"
    document = Document(str(proposal))
    document.add_paragraph("讲师手工加的报价说明")
    document.save(str(proposal))
    courses(tmp_path / "src", "a", "b", suffix="（新版）")
    again = syllabus("export", tmp_path / "src", "--out", out, "--format", "docx,pdf")
    assert again.returncode == 1
    assert f"{proposal.as_posix()}: changed since the last build; kept" in again.stdout
    assert "讲师手工加的报价说明" in "".join(pdf_text(out / "a" / "a.proposal.pdf").split())
    assert "课程b（新版）" in "".join(pdf_text(out / "b" / "b.proposal.pdf").split())
    assert again.stdout.count("kept (use --force") == 1  # the PDF itself is not an edit


@pytest.mark.office
def test_pdf_alone_is_made_without_writing_a_docx(tmp_path: Path) -> None:
    from .office import need, pdf_text

    need("soffice", "pdftotext")
    courses(tmp_path / "src", "a")
    result = syllabus("export", tmp_path / "src", "--out", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(documents(tmp_path / "out")) == ["a/a.agenda.pdf", "a/a.proposal.pdf"]
    assert "课程a" in "".join(pdf_text(tmp_path / "out" / "a" / "a.proposal.pdf").split())


def test_the_record_of_the_last_build_to_write_a_file_stands(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    early, late = Manifest.load(tmp_path), Manifest.load(tmp_path)
    early.files["a.md"] = "0" * 64  # this build wrote first…
    target.write_text("later bytes", encoding="utf-8")  # …then the other build wrote
    from syllabus_cli.build.manifest import file_hash

    late.files["a.md"] = file_hash(target) or ""
    late.save()
    early.save()  # saves last, but its record no longer describes the file
    assert Manifest.load(tmp_path).files["a.md"] == file_hash(target)


def test_a_kept_hand_edit_is_what_the_pack_s_zip_ships(tmp_path: Path) -> None:
    specs = courses(tmp_path / "src", "a", "b")
    pack = pack_file(tmp_path / "p.yaml", specs)
    assert build_pack_folder(pack, tmp_path / "out", workers=1, force=False).ok
    edited = tmp_path / "out" / "p" / "a" / "a.agenda.html"  # the zip ships no .md
    edited.write_text("<h1>讲师改过的日程</h1>\n", encoding="utf-8")
    again = build_pack_folder(pack, tmp_path / "out", workers=1, force=False)
    assert not again.ok and again.results[0].kept == ("a/a.agenda.html",)
    with zipfile.ZipFile(tmp_path / "out" / "p" / "p.zip") as archive:
        shipped = archive.read("培训项目/课程a-日程安排.html").decode("utf-8")
        assert shipped == "<h1>讲师改过的日程</h1>\n"


def test_a_course_taken_out_of_a_pack_leaves_its_folder_hand_edits_aside(tmp_path: Path) -> None:
    """The folder a trainer hands over holds only the courses the client is getting:
    the documents of a course taken out of the pack are removed on the next build (said
    line by line, and as ``removed`` in --report json); one edited by hand stays, said so."""
    a, b = courses(tmp_path / "courses", "a", "b")
    pack = pack_file(tmp_path / "p.yaml", [a, b])
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    edited = out / "p" / "b" / "b.agenda.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "讲师手写的备注\n", encoding="utf-8")
    pack_file(pack, [a])
    done = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
    assert done.returncode == 0, done.stderr
    files = {f["path"].split("/p/", 1)[1]: f["status"] for f in json.loads(done.stdout)["files"]}
    assert {k: v for k, v in files.items() if k.startswith("b/")} == {
        "b/b.agenda.docx": "removed",
        "b/b.agenda.html": "removed",
        "b/b.proposal.docx": "removed",
        "b/b.agenda.md": "left",
    }
    assert sorted(p.name for p in (out / "p" / "b").iterdir()) == ["b.agenda.md"]
    assert "讲师手写的备注" in edited.read_text(encoding="utf-8")
    with zipfile.ZipFile(next((out / "p").glob("*.zip"))) as made:
        assert not [n for n in made.namelist() if "课程b" in n]
    again = syllabus("pack", pack, "--out", out, "-j", "1")
    assert again.returncode == 0 and "removed" not in again.stdout + again.stderr
    edited.unlink()
    pack_file(pack, [a, b])  # back in the pack: built again, into its own folder
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    assert (out / "p" / "b" / "b.proposal.docx").is_file()


def test_a_pack_course_removed_with_nothing_edited_takes_its_folder_too(tmp_path: Path) -> None:
    a, b = courses(tmp_path / "courses", "a", "b")
    pack = pack_file(tmp_path / "p.yaml", [a, b])
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    pack_file(pack, [a])
    done = syllabus("pack", pack, "--out", out, "-j", "1")
    assert done.returncode == 0 and "b.proposal.docx: removed" in done.stdout + done.stderr
    assert not (out / "p" / "b").exists() and (out / "p" / "a" / "a.proposal.docx").is_file()
