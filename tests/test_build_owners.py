"""One output folder, one owner: builds into the same folder merge, two clients' packs
never mix, a pack never lands in an exported course's folder, and a course's id never
takes a pack's own file name."""

from __future__ import annotations

import hashlib
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


def test_a_course_that_fails_this_build_keeps_its_documents(tmp_path: Path) -> None:
    """A course still in the pack whose spec is broken today (a typo, a file half-saved)
    is not 'no longer in the pack': its id, and so its folder, cannot be read, but the
    documents it has are kept until it builds again."""
    a, b = courses(tmp_path / "courses", "a", "b")
    b = b.rename(b.with_name("b-file.yaml"))  # its folder is its id "b", not the file's name
    pack = pack_file(tmp_path / "p.yaml", [a, b])
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    made = sorted(p.name for p in (out / "p" / "b").iterdir())
    good = b.read_text(encoding="utf-8")
    b.write_text(good + "modules: [\n", encoding="utf-8")
    broken = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
    assert broken.returncode == 1
    assert [f for f in json.loads(broken.stdout)["files"] if f["status"] == "removed"] == []
    assert sorted(p.name for p in (out / "p" / "b").iterdir()) == made
    b.write_text(good, encoding="utf-8")
    again = syllabus("pack", pack, "--out", out, "-j", "1")
    assert again.returncode == 0 and "removed" not in again.stdout + again.stderr
    assert sorted(p.name for p in (out / "p" / "b").iterdir()) == made


def test_a_course_given_a_new_id_moves_folder_and_stays_unchanged_after(tmp_path: Path) -> None:
    """A course renamed (a new id) writes a new folder; the old one goes, and the next
    build finds the course unchanged (its record was not thrown away with the folder)."""
    a, b = courses(tmp_path / "courses", "a", "b")
    pack = pack_file(tmp_path / "p.yaml", [a, b])
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    b.write_text(b.read_text(encoding="utf-8").replace("id: b", "id: b2"), encoding="utf-8")
    moved = syllabus("pack", pack, "--out", out, "-j", "1")
    assert moved.returncode == 0 and "b/b.proposal.docx: removed" in moved.stdout
    assert not (out / "p" / "b").exists() and (out / "p" / "b2" / "b2.proposal.docx").is_file()
    done = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
    assert {c["status"] for c in json.loads(done.stdout)["courses"]} == {"unchanged"}


def test_removing_a_gone_course_never_reaches_outside_the_pack_folder(tmp_path: Path) -> None:
    """Only files the build wrote, inside the pack's folder, are ever removed: not one a
    hand-edited (or copied-in) manifest names outside it by ``..`` or an absolute path,
    nor one reached through a course folder the user replaced by a link elsewhere."""
    a, b, c = courses(tmp_path / "courses", "a", "b", "c")
    pack = pack_file(tmp_path / "p.yaml", [a, b, c])
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    mine = tmp_path / "mine"  # the trainer moved course c's folder and left a link
    (out / "p" / "c").rename(mine)
    (out / "p" / "c").symlink_to(mine, target_is_directory=True)
    keep = tmp_path / "keep.docx"
    keep.write_bytes(b"a document of the trainer's own")
    record = json.loads((out / "p" / NAME).read_text(encoding="utf-8"))
    digest = hashlib.sha256(keep.read_bytes()).hexdigest()
    record["files"].update({"b/../../keep.docx": digest, str(keep): digest})
    record["folders"][""] = record["folders"]["b"]
    (out / "p" / NAME).write_text(json.dumps(record), encoding="utf-8")
    pack_file(pack, [a])
    done = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
    assert done.returncode == 0, done.stderr
    assert keep.read_bytes() == b"a document of the trainer's own"
    assert sorted(p.name for p in mine.iterdir()) == [
        "c.agenda.docx", "c.agenda.html", "c.agenda.md", "c.proposal.docx"
    ]  # fmt: skip
    said = {f["path"].split("/p/", 1)[-1]: f["status"] for f in json.loads(done.stdout)["files"]}
    assert said["b/b.proposal.docx"] == "removed" and said["c/c.proposal.docx"] == "left"
    assert not [path for path in said if "keep" in path]


def test_a_variant_the_pack_no_longer_delivers_leaves_its_folder(tmp_path: Path) -> None:
    """The client now buys the half day: the full day's documents are not left beside
    it in the folder the trainer hands over (the zip already had only the half day)."""
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "title: 课程\nid: c\nvariants: [一天, 半天]\nduration: {一天: 6h, 半天: 3h}\n"
        "modules:\n  - {title: 一, duration: {一天: 6h, 半天: 3h}}\n",
        encoding="utf-8",
    )
    pack = tmp_path / "p.yaml"
    out = tmp_path / "out"
    for variant in ("一天", "半天"):
        pack.write_text(
            "client: 某客户\ntitle: 项目\ndate: 2026-12-08\n"
            f"courses:\n  - {{path: c.yaml, variant: {variant}}}\n",
            encoding="utf-8",
        )
        done = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
        assert done.returncode == 0, done.stdout + done.stderr
    said = {f["path"].split("/p/", 1)[1]: f["status"] for f in json.loads(done.stdout)["files"]}
    assert said["c/c.一天.proposal.docx"] == "removed"
    assert sorted(p.name for p in (out / "p" / "c").iterdir()) == [
        "c.半天.agenda.docx", "c.半天.agenda.html", "c.半天.agenda.md", "c.半天.proposal.docx"
    ]  # fmt: skip


def test_a_pack_built_for_real_after_a_draft_keeps_no_draft(tmp_path: Path) -> None:
    """Drafts are for the trainer: once the TODOs are filled in and the pack is built,
    no 草稿 document (a course's, the plan, the draft zip) is left beside the final ones;
    a draft built after a final one takes nothing away."""
    a, b = courses(tmp_path / "courses", "a", "b")
    good = a.read_text(encoding="utf-8")
    a.write_text(good.replace("title: 课程a", "title: TODO 课程a"), encoding="utf-8")
    pack = pack_file(tmp_path / "p.yaml", [a, b])
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1", "--draft").returncode == 0
    assert [p for p in (out / "p").rglob("*") if ".draft." in p.name]
    a.write_text(good, encoding="utf-8")
    done = syllabus("pack", pack, "--out", out, "-j", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [p.name for p in (out / "p").rglob("*") if ".draft." in p.name] == []
    assert "p.draft.zip: removed" in done.stdout and (out / "p" / "p.zip").is_file()
    finals = sorted(p.relative_to(out) for p in (out / "p").rglob("*.docx"))
    assert syllabus("pack", pack, "--out", out, "-j", "1", "--draft").returncode == 0
    assert set(finals) <= {p.relative_to(out) for p in (out / "p").rglob("*.docx")}


def test_a_course_whose_id_is_kit_never_shares_the_kit_folder(tmp_path: Path) -> None:
    """A course with id `kit` wrote into the delivery kit's folder, and the kit's
    clean-up removed that course's Word documents on every build."""
    (kit,) = courses(tmp_path / "courses", "kit")
    pack = pack_file(tmp_path / "p.yaml", [kit])
    pack.write_text(pack.read_text(encoding="utf-8") + "kit: all\n", encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):
        done = syllabus("pack", pack, "--out", out, "-j", "1")
        assert done.returncode == 0 and "removed" not in done.stdout, done.stdout
    assert (out / "p" / "kit-2" / "kit.proposal.docx").is_file()
    assert sorted(p.name for p in (out / "p" / "kit").iterdir() if p.suffix == ".docx")
    assert not list((out / "p" / "kit").glob("kit.*"))


def test_an_id_changed_only_in_case_removes_nothing_the_build_just_made(
    tmp_path: Path,
) -> None:
    """On Windows and macOS ``Abc/Abc.proposal.docx`` and ``abc/abc.proposal.docx`` are
    one file: a course whose id went from ``Abc`` to ``abc`` would have its fresh
    documents removed as its old folder's. Two names for one file are made here with
    hard links, as those file systems see it."""
    (spec,) = courses(tmp_path / "courses", "Abc")
    pack = pack_file(tmp_path / "p.yaml", [spec])
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    spec.write_text(spec.read_text(encoding="utf-8").replace("id: Abc", "id: abc"), "utf-8")
    (out / "p" / "abc").mkdir()
    for old in (out / "p" / "Abc").iterdir():
        os.link(old, out / "p" / "abc" / old.name.replace("Abc", "abc"))
    done = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [f for f in json.loads(done.stdout)["files"] if f["status"] == "removed"] == []
    assert sorted(p.name for p in (out / "p" / "Abc").iterdir()) == [
        "Abc.agenda.docx", "Abc.agenda.html", "Abc.agenda.md", "Abc.proposal.docx"
    ]  # fmt: skip
    record = Manifest.load(out / "p")
    assert "abc/abc.proposal.docx" in record.files and "Abc" not in record.folders


def test_a_manifest_naming_the_pack_s_own_files_a_course_s_removes_none(tmp_path: Path) -> None:
    """A hand-edited manifest that gives the pack folder itself ("") or the kit as a gone
    course's folder does not get the plan, the index, the zip or the kit removed."""
    (a,) = courses(tmp_path / "courses", "a")
    pack = pack_file(tmp_path / "p.yaml", [a])
    pack.write_text(pack.read_text(encoding="utf-8") + "kit: [signin]\n", encoding="utf-8")
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    record = json.loads((out / "p" / NAME).read_text(encoding="utf-8"))
    record["folders"].update({"": str(tmp_path / "gone.yaml"), "kit": str(tmp_path / "x.yaml")})
    (out / "p" / NAME).write_text(json.dumps(record), encoding="utf-8")
    done = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [f["path"] for f in json.loads(done.stdout)["files"] if f["status"] == "removed"] == []


def test_pack_says_the_packs_own_warnings_every_time(tmp_path: Path) -> None:
    """`pack` is the build a trainer runs: a course dated on a Saturday is moved to the
    next working day, and the build says so as validate does, at the pack's line, also
    when nothing changed since (it used to build in silence)."""
    courses(tmp_path / "courses", "a")
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "client: 客户\ntitle: 培训项目\ncourses:\n  - {path: courses/a.yaml, date: 2026-12-12}\n",
        encoding="utf-8",
    )
    said = "p.yaml:4:12: warning[not-working-day]"
    assert said in syllabus("validate", "p.yaml", cwd=tmp_path).stdout
    for _ in range(2):  # built, then unchanged
        done = syllabus("pack", "p.yaml", "--out", "out", "-j", "1", cwd=tmp_path)
        assert done.returncode == 0 and said in done.stdout + done.stderr, done.stdout
    done = syllabus("pack", "p.yaml", "--out", "out", "--report", "json", cwd=tmp_path)
    warnings = json.loads(done.stdout)["warnings"]
    assert [(w["path"], w["line"], w["code"]) for w in warnings] == [
        ("p.yaml", 4, "not-working-day")
    ]


def test_a_pack_file_the_pack_makes_no_more_is_removed(tmp_path: Path) -> None:
    """The calendar of a pack that no longer has dates would send the client old days."""
    (a,) = courses(tmp_path / "courses", "a")
    pack = pack_file(tmp_path / "p.yaml", [a])  # dated: it has a calendar
    out = tmp_path / "out"
    assert syllabus("pack", pack, "--out", out, "-j", "1").returncode == 0
    assert (out / "p" / "p.ics").is_file()
    pack.write_text(pack.read_text(encoding="utf-8").replace("date: 2026-12-08\n", ""), "utf-8")
    done = syllabus("pack", pack, "--out", out, "-j", "1", "--report", "json")
    assert done.returncode == 0, done.stderr
    files = {f["path"].rsplit("/", 1)[1]: f["status"] for f in json.loads(done.stdout)["files"]}
    assert files["p.ics"] == "removed" and not (out / "p" / "p.ics").exists()
    assert files["p.proposal.docx"] == "built"
