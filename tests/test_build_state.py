"""Whatever state the output folder is in, a batch says what is wrong in one line and
exits 1: never a traceback, never a half-done batch without a word."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from syllabus_cli.build.batch import build_pack_folder, export

from .build_helpers import courses, documents, pack_file, syllabus


def one_line(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in (result.stdout + result.stderr).splitlines() if needle in line]
    assert len(lines) == 1, result.stdout + result.stderr


def test_an_output_replaced_by_a_folder_fails_that_course_only(tmp_path: Path) -> None:
    courses(tmp_path / "src", "a", "b")
    out = tmp_path / "out"
    assert syllabus("export", tmp_path / "src", "--out", out).returncode == 0
    blocked = out / "a" / "a.agenda.md"
    blocked.unlink()
    blocked.mkdir()
    (blocked / "x").write_text("x", encoding="utf-8")
    courses(tmp_path / "src", "a", "b", suffix="2")
    result = syllabus("export", tmp_path / "src", "--out", out)
    one_line(result, "a.agenda.md: is a folder where a file goes")
    assert "课程b2" in (out / "b" / "b.agenda.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("manifest", "said"),
    [
        ('{"files": 5}', '"files" must map names to hashes'),
        ('{"files": {"a": 1}}', '"files" must map names to hashes'),
        ('{"problems": {"a": [{"line": 1}]}}', '"problems" must map courses to lists of problems'),
        ("[1, 2]", "not a JSON object"),
        ("{not json", "bad JSON"),
        (None, "is a folder, not a manifest"),
    ],
)
def test_a_broken_manifest_is_one_error(tmp_path: Path, manifest: str | None, said: str) -> None:
    courses(tmp_path / "src", "a")
    out = tmp_path / "out"
    out.mkdir()
    if manifest is None:
        (out / ".syllabus-manifest.json").mkdir()
    else:
        (out / ".syllabus-manifest.json").write_text(manifest, encoding="utf-8")
    result = syllabus("export", tmp_path / "src", "--out", out)
    one_line(result, said)
    assert "error[manifest]" in result.stdout


def test_out_naming_a_file_is_one_error(tmp_path: Path) -> None:
    courses(tmp_path / "src", "a")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    one_line(syllabus("export", tmp_path / "src", "--out", tmp_path / "out"), "is a file")
    pack = pack_file(tmp_path / "p.yaml", [tmp_path / "src" / "a.yaml"])
    one_line(syllabus("pack", pack, "--out", tmp_path / "out"), "is a file")


def test_a_pack_root_that_cannot_be_written_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = courses(tmp_path / "src", "a")
    pack = pack_file(tmp_path / "p.yaml", specs)
    (tmp_path / "out").mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real(p, mode))
    batch = build_pack_folder(pack, tmp_path / "out", workers=1, force=False)
    assert not batch.ok and len(batch.errors) == 1
    assert batch.errors[0].line().endswith("error[output-blocked]: is not writable")


def test_a_full_disk_fails_each_course_in_one_line_and_the_next_run_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = courses(tmp_path / "src", "a", "b")
    out = tmp_path / "out"
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.name.endswith(".tmp") and self.name.startswith(".a."):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    batch = export(specs, out, workers=1, formats=("docx", "md"), force=False)
    assert [bool(r.error) for r in batch.results] == [True, False]
    assert "No space left on device" in batch.results[0].error
    assert "\n" not in batch.results[0].error
    assert not list(out.rglob("*.tmp"))
    monkeypatch.setattr(Path, "write_bytes", real)
    again = export(specs, out, workers=1, formats=("docx", "md"), force=False)
    assert again.ok and not again.results[0].unchanged and again.results[1].unchanged


def test_a_full_disk_when_saving_the_manifest_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = courses(tmp_path / "src", "a")
    import syllabus_cli.build.manifest as manifest

    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(manifest, "write_text_atomic", full)
    batch = export(specs, tmp_path / "out", workers=1, formats=("md",), force=False)
    assert len(batch.errors) == 1 and "No space left on device" in batch.errors[0].line()
    monkeypatch.undo()
    assert export(specs, tmp_path / "out", workers=1, formats=("md",), force=False).ok


def test_export_piped_into_head_finishes_every_course(tmp_path: Path) -> None:
    courses(tmp_path / "src", *(f"c{i}" for i in range(8)))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "syllabus_cli", "export", str(tmp_path / "src"),
               "--out", str(out), "-j", "1"]  # fmt: skip
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout is not None and producer.stderr is not None
    first = producer.stdout.readline()
    producer.stdout.close()  # `| head -1`: the reader is gone after one line
    errors = producer.stderr.read().decode("utf-8", "replace")
    assert producer.wait(timeout=120) == 0, errors
    assert b"[1/8]" in first and "Traceback" not in errors and "Exception" not in errors
    assert len([p for p in documents(out) if p.endswith(".proposal.docx")]) == 8
    again = syllabus("export", tmp_path / "src", "--out", out)
    assert again.stdout.count("] unchanged ") == 8


def test_killing_the_main_process_takes_its_workers_down(tmp_path: Path) -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("reads the process tree from /proc")
    courses(tmp_path / "src", *(f"c{i:02d}" for i in range(60)))
    command = [sys.executable, "-m", "syllabus_cli", "export", str(tmp_path / "src"),
               "--out", str(tmp_path / "out"), "-j", "2"]  # fmt: skip
    main = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    family: set[int] = set()
    while len(family) < 3 and time.monotonic() < deadline:  # forkserver + 2 workers
        family = descendants(main.pid)
        time.sleep(0.05)
    assert len(family) >= 3, "the workers never started"
    main.kill()
    main.wait()
    deadline = time.monotonic() + 15
    while any(running(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in family if running(pid)], "workers outlived the build"


def descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_spec_named_in_gbk_bytes_is_built_and_named_readably(tmp_path: Path) -> None:
    if sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8":
        pytest.skip("names are bytes only on POSIX file systems")
    src = tmp_path / "src"
    courses(src, "a")
    raw = os.fsencode(src) + b"/" + "培训".encode("gbk") + b".yaml"
    shutil.copy(src / "a.yaml", os.fsdecode(raw))
    (src / "a.yaml").unlink()
    result = syllabus("export", src, "--out", tmp_path / "out", "-j", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "培训.yaml" in result.stdout
    assert (tmp_path / "out" / "a" / "a.proposal.docx").is_file()
    manifest = json.loads((tmp_path / "out" / ".syllabus-manifest.json").read_text("utf-8"))
    assert any(key.endswith(".yaml") for key in manifest["inputs"])
    assert syllabus("export", src, "--out", tmp_path / "out").stdout.count("] unchanged ") == 1


def test_a_console_that_cannot_encode_chinese_does_not_stop_the_batch(tmp_path: Path) -> None:
    courses(tmp_path / "src", "a", "b")
    result = syllabus("export", tmp_path / "src", "--out", tmp_path / "out", "-j", "1",
                      PYTHONIOENCODING="ascii")  # fmt: skip
    assert "Traceback" not in result.stderr
    assert len([p for p in documents(tmp_path / "out") if p.endswith(".agenda.md")]) == 2
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_manifest_is_said_in_chinese_to_a_chinese_user(tmp_path: Path) -> None:
    """Every reason a manifest is refused is in the run's language: a Chinese trainer
    read '"problems" must map courses to lists of problems' inside a Chinese line."""
    courses(tmp_path / "src", "a")
    out = tmp_path / "out"
    out.mkdir()
    for broken, said in (
        ('{"problems": {"a": [{"line": 1}]}}', "“problems”应把课程对应到问题列表"),
        ('{"files": {"a": 1}}', "“files”应把名称对应到哈希值"),
        ('{"heads": {"a": 1}}', "“heads”应把课程对应到由文字组成的对象"),
        ('{"owner": 1}', "“owner”应是一段文字"),
    ):
        (out / ".syllabus-manifest.json").write_text(broken, encoding="utf-8")
        result = syllabus("--lang", "zh", "export", tmp_path / "src", "--out", out)
        one_line(result, f"不是生成记录（{said}）；删除它即可从头开始")
        assert "must" not in result.stdout + result.stderr


def test_an_unchanged_course_tells_its_warnings_in_today_s_language_and_nothing_else(
    tmp_path: Path,
) -> None:
    """Built in English, built again unchanged in Chinese: the warning reads in Chinese
    (the two languages' placeholders differed and the message failed its own check).
    What a hand-edited manifest puts in a warning never drives the terminal."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "w.yaml").write_text("title: 课\nmodules:\n  - {title: 一, duration: 1h}\n", "utf-8")
    out = tmp_path / "out"
    first = syllabus("--lang", "en", "export", src, "--out", out, "-j", "1")
    assert "warning[no-duration]: course states no length" in first.stdout
    again = syllabus("--lang", "zh", "export", src, "--out", out, "-j", "1")
    assert "unchanged" in again.stdout or "未变" in again.stdout, again.stdout
    assert "warning[no-duration]: 课程没有写总时长" in again.stdout, again.stdout
    record = json.loads((out / ".syllabus-manifest.json").read_text("utf-8"))
    (said,) = next(iter(record["problems"].values()))
    said.update(en="\x1b]0;pwned\x07\x1b[2Jfaked\ninto two lines", zh="\x1b[31m红\x1b[0m")
    said["path"] += "\x1b[8m"
    (out / ".syllabus-manifest.json").write_text(json.dumps(record), encoding="utf-8")
    for language in ("en", "zh"):
        shown = syllabus("--lang", language, "export", src, "--out", out, "-j", "1")
        assert shown.returncode == 0, shown.stdout + shown.stderr
        assert "\x1b" not in shown.stdout + shown.stderr and "\x07" not in shown.stdout
        assert ("faked into two lines" if language == "en" else "[31m红") in shown.stdout


def test_an_unchanged_course_sold_in_variants_tells_each_variant_s_warnings(
    tmp_path: Path,
) -> None:
    """export builds every variant; built again unchanged, each variant told nothing
    (the warnings were looked up under the course, kept under the variant)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "c.yaml").write_text(
        "title: 课\nvariants: [一天, 半天]\nmodules:\n  - {title: 一, duration: {一天: 6h, 半天: 3h}}\n",
        encoding="utf-8",
    )
    runs = [
        json.loads(syllabus("export", src, "--out", tmp_path / "out", "-j", "1", "--report", "json").stdout)
        for _ in range(2)
    ]  # fmt: skip
    first, again = ({c["variant"]: c["warnings"] for c in run["courses"]} for run in runs)
    assert {c["status"] for c in runs[1]["courses"]} == {"unchanged"}
    assert again == first and len(first["半天"]) == 1, again
    assert "3h (180 min)" in first["半天"][0]["message"]


def test_a_manifest_stuffed_with_warnings_is_read_no_further_than_a_build_writes(
    tmp_path: Path,
) -> None:
    """A copied or hand-edited manifest with 200,000 warnings for one course: the next
    build tells at most what a build keeps, in about the time it takes to read the file."""
    from syllabus_cli.build.manifest import MAX_KEPT_PROBLEMS, NAME, Manifest

    said = {"path": "/x/a.yaml", "line": 1, "column": 1, "code": "todo", "level": "warning"}
    record = {**said, "en": "x", "zh": "x"}
    (tmp_path / NAME).write_text(
        json.dumps({"files": {}, "problems": {"/x/a.yaml": [record] * 200_000}}), "utf-8"
    )
    assert len(Manifest.load(tmp_path).problems["/x/a.yaml"]) == MAX_KEPT_PROBLEMS
