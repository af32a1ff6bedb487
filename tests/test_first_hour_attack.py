"""The first hour attacked as a Chinese trainer on Windows would (Notepad, WPS, a Pinyin
IME): each test is one finding, YAML (or bytes) in, what the user sees out.

The golden IME cases live in data/ime/ (tests/test_ime.py); the cases here need bytes a
golden text file cannot hold (CR, BOM, UTF-16, GBK), a file system, or a clock.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from syllabus_cli.cli.app import app
from syllabus_cli.i18n import render
from syllabus_cli.load import load_file, parse_text
from syllabus_cli.load_fix import repair
from syllabus_cli.validate import validate_paths

runner = CliRunner()
COURSE = "title: 电商客服\nduration: 2h\nmodules:\n  - title: 接待\n    duration: 2h\n"


def where(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in parse_text(text).problems]


def said(path: Path) -> list[tuple[int, int, str, str, str]]:
    (checked,) = validate_paths([path])
    return [
        (p.line, p.column, p.code, render(p.words, "zh"), render(p.words, "en"))
        for p in checked.problems
        if p.words is not None
    ]


# --- positions ---------------------------------------------------------------------------


def test_a_mistake_left_after_the_slips_is_shown_where_the_user_typed_it() -> None:
    # two tabs and two spaces before "duration": the key is the 5th character of line 3
    # (the repaired text has it at the 7th; the user's file is what they look at)
    text = "modules:\n\t\t- title：开场\n\t\t  duration 2h\n"
    assert where(text) == [(2, 1, "yaml-char"), (2, 10, "yaml-char"), (3, 5, "syntax")]


def test_a_file_that_parses_tells_the_slip_and_the_users_own_mistake_together() -> None:
    # "title：客服\nduration 2h" is one text to YAML; repaired, line 2 lacks its colon
    problems = parse_text("title：客服\nduration 2h\n").problems
    assert [(p.line, p.column, p.code) for p in problems] == [
        (1, 6, "yaml-char"),
        (2, 1, "syntax"),
    ]
    assert problems[1].words is not None
    assert render(problems[1].words, "zh").startswith("这一行的键和值之间缺少半角冒号")


def test_windows_and_old_mac_line_endings_give_the_same_positions() -> None:
    text = "title: 电商客服\nduration: 2h\nmodules:\n  - {title: 开场, duration：2h}\n"
    expected = [(4, 25, "yaml-char")]  # characters, not bytes
    assert where(text) == expected
    assert where(text.replace("\n", "\r\n")) == expected
    assert where(text.replace("\n", "\r")) == expected
    lone_cr = text.replace("\n", "\r").encode("utf-8")
    assert repair(lone_cr).text == text.replace("\n", "\r").replace("：", ": ")


# --- encodings -----------------------------------------------------------------------------


def test_a_gbk_file_with_a_utf8_bom_is_read_as_gbk_not_as_garbage(tmp_path: Path) -> None:
    # an editor that adds a BOM to an "ANSI" file: the BOM is not the characters 锘
    mine = tmp_path / "bom.yaml"
    mine.write_bytes(b"\xef\xbb\xbf" + COURSE.encode("gbk"))
    got = said(mine)
    assert [(line, col, code) for line, col, code, *_ in got] == [(1, 1, "encoding")]
    result = runner.invoke(app, ["fix", str(mine)])
    assert result.exit_code == 0, result.output
    assert mine.read_text(encoding="utf-8") == COURSE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_notepad_unicode_file_is_read_with_a_warning_and_fixed(
    tmp_path: Path, codec: str
) -> None:
    mine = tmp_path / "unicode.yaml"
    data = ("\ufeff" + COURSE).encode(codec) if codec.endswith("be") else COURSE.encode(codec)
    mine.write_bytes(data)
    ((line, col, code, zh, en),) = said(mine)
    assert (line, col, code) == (1, 1, "encoding")
    assert zh.startswith("文件是 UTF-16 编码（记事本的“Unicode”），不是 UTF-8：已按 UTF-16 读取")
    assert "syllabus fix" in zh and "syllabus fix" in en
    result = runner.invoke(app, ["fix", str(mine)])
    assert result.exit_code == 0 and "UTF-16" in result.output
    assert mine.read_bytes() == COURSE.encode("utf-8")
    assert (tmp_path / "unicode.yaml.bak").read_bytes() == data


def test_a_file_mixing_gbk_and_utf8_is_one_error_at_the_first_gbk_byte(tmp_path: Path) -> None:
    mine = tmp_path / "mixed.yaml"
    mine.write_bytes(
        "title: 电商客服\nduration: 2h\nmodules:\n".encode() + "  - title: 接待\n".encode("gbk")
    )
    got = load_file(mine, cached=False).problems
    assert [(p.line, p.column, p.code) for p in got] == [(4, 12, "encoding")]
    result = runner.invoke(app, ["fix", str(mine)])
    assert result.exit_code == 1 and not (tmp_path / "mixed.yaml.bak").exists()


# --- a file of megabytes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "title：x\n" * (2 * 1024 * 1024 // 12),  # parses (one long text): certain slips
        "a:\n" + "\tb：x\n" * (2 * 1024 * 1024 // 8),  # does not parse
        "：" * (2 * 1024 * 1024 // 3 - 4),
    ],
    ids=["keys", "tabs-and-colons", "colons"],
)
def test_a_2_mib_file_of_slips_is_told_in_seconds(text: str) -> None:
    started = time.monotonic()
    problems = parse_text(text).problems
    assert time.monotonic() - started < 5
    if "\n" in text:  # the report is capped, and says so at the first slip not listed
        last = problems[-1]
        assert last.code == "yaml-char" and last.words is not None
        assert render(last.words, "zh").startswith("从这里起还有更多输入法造成的错误")
        assert len(problems) <= 2002


# --- fix on the file system ----------------------------------------------------------------


def test_fix_leaves_a_read_only_file_alone(tmp_path: Path) -> None:
    mine = tmp_path / "ro.yaml"
    mine.write_text("title：客服\nduration: 2h\n", encoding="utf-8")
    mine.chmod(0o444)
    result = runner.invoke(app, ["--lang", "zh", "fix", str(mine)])
    assert result.exit_code == 1
    assert "error[write]: 文件是只读的，没有写入" in result.output
    assert mine.read_text(encoding="utf-8") == "title：客服\nduration: 2h\n"
    assert not stat.S_IMODE(mine.stat().st_mode) & 0o222
    assert not (tmp_path / "ro.yaml.bak").exists()


def test_fix_keeps_a_files_permissions(tmp_path: Path) -> None:
    mine = tmp_path / "x.yaml"
    mine.write_text("title：客服\nduration: 2h\n", encoding="utf-8")
    mine.chmod(0o600)
    assert runner.invoke(app, ["fix", str(mine)]).exit_code == 0
    assert stat.S_IMODE(mine.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
def test_fix_through_a_link_repairs_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "c.yaml"
    real.write_text("title：客服\nduration: 2h\n", encoding="utf-8")
    link = tmp_path / "c.yaml"
    link.symlink_to(real)
    result = runner.invoke(app, ["fix", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "title: 客服\nduration: 2h\n"
    assert (tmp_path / "real" / "c.yaml.bak").exists() and "real" in result.output


def test_fix_a_folder_of_many_files_then_again_changes_nothing(tmp_path: Path) -> None:
    for n in range(40):
        (tmp_path / f"c{n}.yaml").write_text(
            f"title：课程{n}\nduration: 2h\nmodules:\n\t- title: 开场\n\t  duration: 2h\n",
            encoding="utf-8",
        )
    first = runner.invoke(app, ["fix", str(tmp_path)])
    assert first.exit_code == 0, first.output
    after = {p.name: p.read_bytes() for p in tmp_path.glob("*.yaml")}
    assert len(after) == 40 and len(list(tmp_path.glob("*.bak"))) == 40
    again = runner.invoke(app, ["fix", str(tmp_path)])
    assert again.exit_code == 0 and again.output.count("nothing to fix") == 40
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.yaml")} == after
    assert not list(tmp_path.glob("*.bak.1"))
    checked = validate_paths([tmp_path])
    assert [p for c in checked for p in c.problems] == []


def test_dry_run_on_a_folder_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("title：客服\nduration: 2h\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes("title: 客服\nduration: 2h\n".encode("gbk"))
    before = sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir())
    result = runner.invoke(app, ["fix", "--dry-run", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir()) == before


def test_the_diff_reads_in_a_gbk_console(tmp_path: Path) -> None:
    # a Chinese Windows console (code page 936): the diff arrives as GBK, never a traceback,
    # even for a character GBK lacks
    mine = tmp_path / "c.yaml"
    mine.write_text("title：客服😀技巧\nduration: 2h\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "SYLLABUS_LANG": "zh"}
    done = subprocess.run(
        [sys.executable, "-m", "syllabus_cli", "fix", "--dry-run", str(mine)],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    shown = done.stdout.decode("gbk")
    assert "-title：客服?技巧\n+title: 客服?技巧\n" in shown.replace("\r\n", "\n")
    assert "未写入文件（--dry-run）" in shown


def test_fix_of_every_golden_case_reads_as_its_golden_file(tmp_path: Path) -> None:
    # the slips of every golden case, fixed, read as the golden .fixed file does (with the
    # loader the tool reads with: libyaml takes a tab inside a value, pure PyYAML does not)
    from syllabus_cli.load_fix import _Loader

    data = Path(__file__).parent / "data" / "ime"
    for case in sorted(data.glob("*.yaml")):
        fixed = repair(case.read_bytes()).text
        golden = case.with_suffix(".fixed").read_text(encoding="utf-8")
        assert yaml.load(fixed, Loader=_Loader) == yaml.load(golden, Loader=_Loader), case.name


def test_fix_on_an_empty_file_says_so_and_writes_nothing(tmp_path: Path) -> None:
    mine = tmp_path / "empty.yaml"
    mine.write_bytes(b"")
    result = runner.invoke(app, ["--lang", "zh", "fix", str(mine)])
    assert result.exit_code == 1  # a problem left for the user: README's exit codes
    assert "error[empty-file]: 文件是空的" in result.output
    assert "没有需要改正的地方" in result.output and not (tmp_path / "empty.yaml.bak").exists()
