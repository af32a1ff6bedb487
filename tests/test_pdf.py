"""PDFs through LibreOffice: what a user gets from --pdf, even when the machine is odd.

Real LibreOffice and poppler (skipped loudly when missing, see tests/office.py). The
profile cache is pointed at a folder of the test session, never the user's own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from syllabus_cli.render.pdf import PdfError, convert, office, profile, to_pdf, to_pdfs
from syllabus_cli.render.pdf.finish import reproducible

from .conftest import REPO
from .office import need, pdf_pages

COURSE = REPO / "courses" / "ecommerce-cs-sales.yaml"
ODD = "a b%20c#d 中文"  # a space, a percent-escape, a URL fragment mark, Chinese


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def cache(session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The profile cache of this test session (warm after the first test)."""
    monkeypatch.setattr(profile, "cache_dir", lambda: session_cache)
    return session_cache


@pytest.fixture
def own_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR of this test only, so the test can see what is left in it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def proposal(folder: Path, name: str = "proposal.docx") -> Path:
    """The bundled course's proposal, as `syllabus proposal` writes it."""
    from typer.testing import CliRunner

    from syllabus_cli.cli import app

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    done = CliRunner().invoke(app, ["proposal", str(COURSE), "-o", str(target), "--client", "客户"])
    assert done.exit_code == 0, done.output
    return target


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def squeeze(text: str) -> str:
    return "".join(text.split())  # pdftotext spaces Latin runs inside Chinese


def heading_1s(docx: Path) -> list[str]:
    return [p.text for p in Document(str(docx)).paragraphs if p.style.name == "Heading 1"]


def contents_entries(pdf: Path) -> dict[str, int]:
    """The contents page's entries: squeezed title -> page number."""
    for page in range(1, pdf_pages(pdf) + 1):
        text = page_text(pdf, page)
        entries = re.findall(r"^\s*(\S.*?)\s*\.{4,}\s*(\d+)\s*$", text, re.MULTILINE)
        if entries:
            return {squeeze(title): int(number) for title, number in entries}
    return {}


# ---------------------------------------------------------------- the contents page


@pytest.mark.office
def test_contents_page_lists_every_heading_1_with_its_page(tmp_path: Path, cache: Path) -> None:
    need("soffice", "pdftotext")
    docx = proposal(tmp_path)
    pdf = to_pdf(docx)
    entries = contents_entries(pdf)
    headings = heading_1s(docx)
    assert len(headings) >= 5
    for heading in headings:
        assert squeeze(heading) in entries, f"{heading} is not on the contents page"
        page = entries[squeeze(heading)]
        assert squeeze(heading) in squeeze(page_text(pdf, page)), f"{heading} is not on page {page}"


@pytest.mark.office
def test_cover_has_no_page_number(tmp_path: Path, cache: Path) -> None:
    need("soffice", "pdftotext")
    cover = page_text(to_pdf(proposal(tmp_path)), 1)
    assert not re.search(r"^\s*\d+\s*(/\s*\d+)?\s*$", cover, re.MULTILINE), cover


# ---------------------------------------------------------------- batches


@pytest.mark.office
def test_a_batch_converts_the_good_files_and_names_the_broken_one(
    tmp_path: Path, cache: Path
) -> None:
    need("soffice", "pdftotext")
    first = proposal(tmp_path, "one.docx")
    second = shutil.copy(first, tmp_path / "two.docx")
    broken = tmp_path / "broken.docx"
    broken.write_text("not a Word document", encoding="utf-8")
    missing = tmp_path / "missing.docx"
    results = to_pdfs([first, broken, Path(second), missing])
    assert results[first] == tmp_path / "one.pdf"
    assert results[Path(second)] == tmp_path / "two.pdf"
    assert "电商客服销售能力提升" in squeeze(page_text(tmp_path / "two.pdf", 1))
    assert isinstance(results[broken], PdfError)
    assert str(results[broken]) == (
        "LibreOffice could not convert it: not a Word document that LibreOffice can open"
    )
    assert str(results[missing]) == "no such file"
    assert not (tmp_path / "broken.pdf").exists()


@pytest.mark.office
def test_to_pdf_raises_the_one_line_reason(tmp_path: Path, cache: Path) -> None:
    need("soffice")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 a zip cut short")
    with pytest.raises(PdfError) as caught:
        to_pdf(broken)
    assert "\n" not in str(caught.value) and str(caught.value).startswith("LibreOffice")


# ---------------------------------------------------------------- odd paths, locks


@pytest.mark.office
def test_odd_tmpdir_cache_and_output_folder_through_the_cli(tmp_path: Path) -> None:
    """TMPDIR, the profile cache and the output folder all named with a space, %20, #
    and Chinese: `proposal --pdf` writes both files, in seconds, and leaves nothing."""
    need("soffice", "pdftotext")
    odd = tmp_path / ODD
    tmp, out = odd / "tmp", odd / "out"
    tmp.mkdir(parents=True)
    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp),
           "XDG_CACHE_HOME": str(odd / "cache"), "LOCALAPPDATA": str(odd / "cache")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "syllabus_cli", "proposal", str(COURSE), "--pdf",
         "-o", str(out / "方案 #1.docx")],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    names = {p.name for p in out.iterdir()}
    assert {"方案 #1.docx", "方案 #1.pdf"} <= names
    assert not [n for n in names if n.startswith(".~lock") or n.endswith(".tmp")]
    assert "电商客服销售能力提升" in squeeze(page_text(out / "方案 #1.pdf", 1))
    assert list(tmp.iterdir()) == []  # the private work folder is gone
    if sys.platform.startswith("linux"):
        assert (odd / "cache" / "syllabus" / "libreoffice" / "profile-0" / "user").is_dir()


@pytest.mark.office
@pytest.mark.parametrize(
    "odd", [" ", "%20", "#", "中文"], ids=["space", "percent-20", "hash", "chinese"]
)
def test_each_odd_character_in_tmpdir_and_output_folder(
    odd: str, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need("soffice", "pdftotext")
    tmp = tmp_path / f"tmp{odd}dir"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    docx = proposal(tmp_path / f"out{odd}dir", f"p{odd}1.docx")
    assert to_pdf(docx, timeout=60) == docx.with_suffix(".pdf")
    assert "电商客服销售能力提升" in squeeze(page_text(docx.with_suffix(".pdf"), 1))
    assert list(tmp.iterdir()) == []


@pytest.mark.office
def test_a_stale_lock_of_ours_is_removed_and_a_persons_lock_kept(
    tmp_path: Path, cache: Path
) -> None:
    need("soffice")
    docx = proposal(tmp_path)
    stale = tmp_path / ".~lock.proposal.docx#"
    stale.write_text(",root,host,23.11.2026 03:30,file:///tmp/syllabus-lo-k2j4;", encoding="utf-8")
    assert to_pdf(docx) == tmp_path / "proposal.pdf"
    assert not stale.exists()
    other = proposal(tmp_path / "edited")
    person = other.parent / ".~lock.proposal.docx#"
    person.write_text(
        ",Li Wei,laptop,23.11.2026 03:30,file:///C:/Users/li/AppData/Roaming/LibreOffice/4;"
    )
    assert to_pdf(other) == other.with_suffix(".pdf")  # converted from a private copy
    assert person.exists()


# ---------------------------------------------------------------- never stuck


def _our_live_offices(marker: str) -> list[str]:
    """Command lines of live (not zombie) processes whose command line names ``marker``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if state != "Z" and marker in command and "soffice" in command:
            found.append(command)
    return found


@pytest.mark.office
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find processes")
def test_a_timeout_kills_the_whole_libreoffice_tree(
    tmp_path: Path, cache: Path, own_tmp: Path
) -> None:
    need("soffice")
    docx = proposal(tmp_path)
    results = to_pdfs([docx], timeout=0.3)
    assert isinstance(results[docx], PdfError)
    assert "within 0.3 s; stopped it" in str(results[docx])
    assert _our_live_offices(str(cache)) == []
    assert _our_live_offices(str(own_tmp)) == []  # a temporary profile too, if one was used
    assert not docx.with_suffix(".pdf").exists()
    assert list(own_tmp.iterdir()) == []


# ---------------------------------------------------------------- the profile


def job_of(slot: Path) -> str:
    """The last job LibreOffice was given in a profile (it names that run's work folder)."""
    job = slot / "user" / "syllabus-job.txt"
    return job.read_text(encoding="ascii") if job.exists() else ""


@pytest.mark.office
def test_the_cached_profile_is_made_once_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_tmp: Path
) -> None:
    need("soffice")
    monkeypatch.setattr(profile, "cache_dir", lambda: tmp_path / "cache")
    first, second = proposal(tmp_path / "a"), proposal(tmp_path / "b")
    to_pdf(first)
    slot = tmp_path / "cache" / "libreoffice" / "profile-0"
    assert profile.Profile(slot, cached=True, lock_fd=None).ready()
    (slot / "sentinel").write_text("made by the first run")
    job = job_of(slot)
    to_pdf(second)
    assert (slot / "sentinel").exists()  # the same folder, not made anew
    assert job_of(slot) not in ("", job)  # and the second run's job went to it
    assert sorted(p.name for p in slot.parent.iterdir()) == ["profile-0", "profile-0.lock"]
    assert list(own_tmp.iterdir()) == []  # no temporary profile was needed


@pytest.mark.office
def test_a_busy_profile_is_left_to_its_run(tmp_path: Path, cache: Path) -> None:
    need("soffice")
    docx = proposal(tmp_path)
    slots = cache / "libreoffice"
    with profile.take_profile() as busy:  # another run holds the first slot
        assert busy.cached and busy.path == slots / "profile-0"
        before = {n: job_of(slots / f"profile-{n}") for n in (0, 1)}
        assert to_pdf(docx) == docx.with_suffix(".pdf")
        assert job_of(slots / "profile-0") == before[0]
        assert job_of(slots / "profile-1") not in ("", before[1])


@pytest.mark.office
def test_two_runs_at_once_both_get_their_pdfs(tmp_path: Path, cache: Path) -> None:
    need("soffice")
    docxs = [proposal(tmp_path / str(n)) for n in range(2)]
    results: dict[Path, Path | PdfError] = {}
    runs = [threading.Thread(target=lambda d=d: results.update(to_pdfs([d]))) for d in docxs]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=300)
    assert results == {d: d.with_suffix(".pdf") for d in docxs}


@pytest.mark.office
def test_same_docx_and_source_date_epoch_give_the_same_pdf_bytes(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need("soffice")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765152000")  # 2025-12-08 00:00 UTC
    docx = proposal(tmp_path)
    copy = Path(shutil.copy(docx, tmp_path / "again.docx"))
    one, two = to_pdf(docx).read_bytes(), to_pdf(copy).read_bytes()
    assert one == two
    assert b"/CreationDate(D:20251208000000" in one


@pytest.mark.office
def test_a_libreoffice_left_running_on_the_profile_does_not_stop_the_next_run(
    tmp_path: Path, cache: Path
) -> None:
    """A LibreOffice still running on the cached profile (its run was killed before it
    could stop it) takes requests over and ignores them: the run uses a fresh profile."""
    need("soffice")
    docx = proposal(tmp_path)
    to_pdf(docx)  # the cached profile is ready
    slot = cache / "libreoffice" / "profile-0"
    left = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={slot.as_uri()}", "--headless", "--norestore"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        time.sleep(3)  # up and listening
        docx.with_suffix(".pdf").unlink()
        assert to_pdf(docx, timeout=60) == docx.with_suffix(".pdf")
    finally:
        office.kill_tree(left)
    assert to_pdf(docx, timeout=60) == docx.with_suffix(".pdf")  # the cached profile again
    assert profile.Profile(slot, cached=True, lock_fd=None).ready()


FAKE_OFFICE = """\
#!{python}
# A stand-in for soffice that follows the macro's protocol, to drive the hard cases:
# a file that hangs LibreOffice (in a child process, as soffice.bin is) and one that
# crashes it with a stack dump.
import os, subprocess, sys, time
from pathlib import Path
from urllib.parse import unquote, urlparse

def path(url):
    return Path(unquote(urlparse(url).path))

profile = path(next(a for a in sys.argv if a.startswith("-env:")).split("=", 1)[1])
if "--terminate_after_init" in sys.argv:
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text("ooSetupInstCompleted")
    sys.exit(0)
for url in (profile / "user" / "syllabus-job.txt").read_text().split():
    docx = path(url)
    docx.with_suffix(".start").write_text("")
    content = docx.read_bytes()
    if content == b"HANG":
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        Path(os.environ["FAKE_CHILD_PID"]).write_text(str(child.pid))
        child.wait()
    if content == b"CRASH":
        sys.stderr.write("Fatal exception: Signal 11\\nStack:\\n" + "#0 libsal\\n" * 40)
        sys.exit(139)
    docx.with_suffix(".pdf").write_bytes(b"%PDF-1.4 " + content)
    docx.with_suffix(".done").write_text("")
"""


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a script")
def test_a_hanging_and_a_crashing_file_fail_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_tmp: Path
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text(FAKE_OFFICE.format(python=sys.executable))
    fake.chmod(0o755)
    monkeypatch.setattr(convert, "find_office", lambda: fake)
    monkeypatch.setattr(profile, "cache_dir", lambda: tmp_path / "cache")
    monkeypatch.setenv("FAKE_CHILD_PID", str(tmp_path / "child.pid"))
    files = {name: tmp_path / f"{name}.docx" for name in ("first", "hang", "crash", "last")}
    for name, file in files.items():
        file.write_bytes(name.upper().encode() if name in ("hang", "crash") else b"fine")
    results = to_pdfs(list(files.values()), timeout=2)
    assert results[files["first"]] == tmp_path / "first.pdf"
    assert results[files["last"]] == tmp_path / "last.pdf"
    assert (tmp_path / "last.pdf").read_bytes() == b"%PDF-1.4 fine"
    assert str(results[files["hang"]]) == "LibreOffice did not finish within 2 s; stopped it"
    assert str(results[files["crash"]]) == (
        "LibreOffice stopped while converting it: Fatal exception: Signal 11 (and 41 more lines)"
    )
    assert not alive(int((tmp_path / "child.pid").read_text()))  # the whole tree was stopped
    assert list(own_tmp.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a script")
def test_a_libreoffice_that_cannot_start_is_one_line_for_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "soffice"
    dump = "".join(f"#{n} /opt/libreoffice/program/libmergedlo.so\n" for n in range(46))
    broken.write_text(f"#!/bin/sh\necho 'Fatal exception: Signal 6'\nprintf '{dump}'\nexit 134\n")
    broken.chmod(0o755)
    monkeypatch.setattr(convert, "find_office", lambda: broken)
    monkeypatch.setattr(profile, "cache_dir", lambda: tmp_path / "cache")
    docxs = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for docx in docxs:
        docx.write_bytes(b"PK")
    results = to_pdfs(docxs)
    expected = "LibreOffice did not start: Fatal exception: Signal 6 (and 46 more lines)"
    assert [str(results[d]) for d in docxs] == [expected, expected]


# ---------------------------------------------------------------- without LibreOffice running


def test_no_libreoffice_is_one_line_saying_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "find_office", lambda: None)
    docx = tmp_path / "p.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(PdfError) as caught:
        to_pdf(docx)
    message = str(caught.value)
    assert "\n" not in message
    for how in ("winget install", "brew install --cask libreoffice", "apt-get install"):
        assert how in message


def test_proposal_pdf_without_libreoffice_is_one_located_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from syllabus_cli.cli import app

    monkeypatch.setattr(convert, "find_office", lambda: None)
    target = tmp_path / "p.docx"
    done = CliRunner().invoke(app, ["proposal", str(COURSE), "-o", str(target), "--pdf"])
    assert done.exit_code == 1
    assert target.exists() and not target.with_suffix(".pdf").exists()
    line = done.output.strip().splitlines()[-1]
    assert "error[pdf]: LibreOffice is needed for PDFs and was not found" in line
    assert "Traceback" not in done.output


def test_an_unwritable_temporary_folder_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "find_office", lambda: Path(sys.executable))  # never started
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))  # mkdtemp fails there
    docx = tmp_path / "p.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(PdfError, match=r"^could not prepare the conversion: "):
        to_pdf(docx)


def test_soffice_is_found_where_installers_put_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    installed.parent.mkdir(parents=True)
    installed.write_bytes(b"")
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    monkeypatch.setattr(office, "usual_places", lambda: [tmp_path / "nowhere", installed])
    assert office.find_office() == installed


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {"LOCALAPPDATA": r"C:\Users\张三\AppData\Local"}, "张三/AppData/Local/syllabus"),
        ("darwin", {}, "Library/Caches/syllabus"),
        ("linux", {"XDG_CACHE_HOME": "/var/cache/li"}, "/var/cache/li/syllabus"),
        ("linux", {"XDG_CACHE_HOME": "relative"}, ".cache/syllabus"),
        ("linux", {}, ".cache/syllabus"),
    ],
)
def test_the_profile_lives_in_the_user_cache_folder(
    platform: str, env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(profile.sys, "platform", platform)
    for name in ("LOCALAPPDATA", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert profile.cache_dir().as_posix().replace("\\", "/").endswith(expected)


def test_a_stack_dump_becomes_one_line() -> None:
    dump = "Fatal exception: Signal 6\nStack:\n" + "".join(
        f"/usr/lib/libreoffice/program/libuno_sal.so.3(+0x{n:x})\n" for n in range(45)
    )
    assert office.one_line(dump) == "Fatal exception: Signal 6 (and 46 more lines)"
    assert office.one_line(
        "Warning: failed to launch javaldx - java may not function correctly\n"
    ) == ("no message from LibreOffice")


def test_reproducible_keeps_every_byte_offset() -> None:
    pdf = (
        b"%PDF-1.6\n1 0 obj\n<</Creator<FEFF>\n/CreationDate(D:20261123033439Z')>>\nendobj\n"
        b"trailer\n<</Size 2\n/ID [ <5D91AA7F09B1D0D301555CEE6F086073>\n"
        b"<5D91AA7F09B1D0D301555CEE6F086073> ]\n/DocChecksum /B93340645B3B79AD2AA478639343F7D4\n>>\n"
    )
    from datetime import datetime, timezone

    fixed = reproducible(pdf, datetime(2025, 12, 8, tzinfo=timezone.utc))
    assert len(fixed) == len(pdf)
    assert b"/CreationDate(D:20251208000000Z')" in fixed
    other = pdf.replace(b"5D91AA7F", b"11111111").replace(b"B9334064", b"22222222")
    assert reproducible(other, datetime(2025, 12, 8, tzinfo=timezone.utc)) == fixed
