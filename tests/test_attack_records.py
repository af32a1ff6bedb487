"""Issue 25, the build's own records in the output folder (manifest, journals): a FIFO,
a symlink to /dev/zero, 100,000 levels of nesting or a planted symlink end with a located
line or are ignored, within seconds, and nothing outside --out is written."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from .build_helpers import courses, documents, syllabus

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")

MANIFEST = ".syllabus-manifest.json"


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize(
    "plant",
    [
        lambda p: os.mkfifo(p),
        lambda p: os.symlink("/dev/zero", p),
        lambda p: p.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"),
    ],
    ids=["fifo", "dev-zero", "nested"],
)
def test_a_manifest_that_is_not_a_record_is_refused_by_name(tmp_path: Path, plant) -> None:  # type: ignore[no-untyped-def]
    (spec,) = courses(tmp_path / "courses", "a")
    out = tmp_path / "out"
    out.mkdir()
    plant(out / MANIFEST)
    before = listing(out)
    done = syllabus("export", spec, "--out", out)  # the helper's timeout fails a hang
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{MANIFEST}:1:1: error[manifest]" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert listing(out) == before


@pytest.mark.parametrize(
    "plant",
    [
        lambda p: os.mkfifo(p),
        lambda p: os.symlink("/dev/zero", p),
        lambda p: p.write_text('{"path": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "utf-8"),
    ],
    ids=["fifo", "dev-zero", "nested"],
)
def test_a_journal_that_is_not_a_record_is_ignored(tmp_path: Path, plant) -> None:  # type: ignore[no-untyped-def]
    (spec,) = courses(tmp_path / "courses", "a")
    out = tmp_path / "out"
    out.mkdir()
    plant(out / ".syllabus-journal-1.jsonl")
    done = syllabus("export", spec, "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(documents(out)) == [
        "a/a.agenda.docx",
        "a/a.agenda.html",
        "a/a.agenda.md",
        "a/a.proposal.docx",
    ]


def test_journal_symlinks_planted_for_coming_pids_write_nothing_outside(tmp_path: Path) -> None:
    (_spec,) = courses(tmp_path / "courses", "a", "b", "c")[:1]
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    last = int(Path("/proc/sys/kernel/ns_last_pid").read_text())
    for pid in range(last + 1, last + 400):  # the export and its workers are among these
        os.symlink(outside, out / f".syllabus-journal-{pid}.jsonl")
    done = syllabus("export", tmp_path / "courses", "--out", out, "--jobs", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert sorted(documents(out))[:4] == [
        "a/a.agenda.docx",
        "a/a.agenda.html",
        "a/a.agenda.md",
        "a/a.proposal.docx",
    ]
    assert not [p for p in out.iterdir() if p.name.startswith(".syllabus-journal") and
                not p.is_symlink() and p.stat().st_size]  # fmt: skip


@pytest.mark.parametrize(
    "plant",
    [lambda p: os.symlink("/nonexistent/lock", p), lambda p: os.mkfifo(p)],
    ids=["dangling-symlink", "fifo"],
)
def test_a_lock_the_build_did_not_make_does_not_stall_it(tmp_path: Path, plant) -> None:  # type: ignore[no-untyped-def]
    (spec,) = courses(tmp_path / "courses", "a")
    out = tmp_path / "out"
    out.mkdir()
    plant(out / ".syllabus-manifest.lock")
    started = time.monotonic()
    done = syllabus("export", spec, "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert time.monotonic() - started < 30  # it waited 60 s for a lock nobody held
    assert not Path("/nonexistent/lock").exists()
    assert sorted(documents(out))[0] == "a/a.agenda.docx"


def test_a_pipe_in_place_of_a_recorded_document_is_refused_not_read(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "title: 课程\nduration: 1h\nmodules:\n  - {title: 一, duration: 1h}\n", encoding="utf-8"
    )
    assert syllabus("agenda", "c.yaml", "-f", "md", "-o", "a.md", cwd=tmp_path).returncode == 0
    (tmp_path / "a.md").unlink()
    os.mkfifo(tmp_path / "a.md")  # the manifest still records a.md
    done = syllabus("agenda", "c.yaml", "-f", "md", "-o", "a.md", cwd=tmp_path)
    assert done.returncode == 1
    assert "a.md:1:1: error[output-unreadable]" in done.stderr


def test_journal_hard_links_planted_for_coming_pids_write_nothing_outside(tmp_path: Path) -> None:
    courses(tmp_path / "courses", "a", "b", "c")
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    last = int(Path("/proc/sys/kernel/ns_last_pid").read_text())
    for pid in range(last + 1, last + 400):
        os.link(outside, out / f".syllabus-journal-{pid}.jsonl")
    done = syllabus("export", tmp_path / "courses", "--out", out, "--jobs", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert outside.read_text(encoding="utf-8") == "precious\n"
