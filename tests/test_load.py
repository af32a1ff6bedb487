"""Bad input: each is one located problem, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from syllabus_cli.load import YMap, load_file, parse_text

from .conftest import found

SPEC = "title: 测试课程\nduration: 2h\nmodules:\n  - title: 一\n    duration: 2h\n"


def codes(path: Path) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in load_file(path).problems]


def test_gbk_file_is_read_with_a_warning_naming_fix(tmp_path: Path) -> None:
    """Notepad's "ANSI" on a Chinese Windows: read, and told how to save it as UTF-8."""
    path = tmp_path / "gbk.yaml"
    path.write_bytes(SPEC.encode("gbk"))
    loaded = load_file(path)
    assert [(p.line, p.column, p.code, p.level.value) for p in loaded.problems] == [
        (1, 1, "encoding", "warning")
    ]
    assert "GBK" in loaded.problems[0].message
    assert f"syllabus fix {path.as_posix()}" in loaded.problems[0].message
    assert isinstance(loaded.root, YMap) and loaded.root.entries[0].value.value == "测试课程"  # type: ignore[union-attr]


def test_big5_file_is_not_read_as_gbk(tmp_path: Path) -> None:
    path = tmp_path / "big5.yaml"
    text = "title: 電商客服銷售能力提升\nduration: 2h\nmodules:\n  - title: 行業資訊分享\n    duration: 2h\n"
    path.write_bytes(text.encode("big5"))
    loaded = load_file(path)
    assert [(p.code, p.level.value) for p in loaded.problems] == [("encoding", "error")]
    assert "Big5" in loaded.problems[0].message and loaded.root is None


def test_utf16_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes(SPEC.encode("utf-16"))
    assert "UTF-16" in load_file(path).problems[0].message


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(SPEC.encode("utf-8-sig"))
    loaded = load_file(path)
    assert loaded.problems == () and isinstance(loaded.root, YMap)


def test_missing_file(tmp_path: Path) -> None:
    assert codes(tmp_path / "nope.yaml") == [(1, 1, "file-missing")]


def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"title: x\n" + b"# padding\n" * 300_000)
    assert codes(path) == [(1, 1, "too-large")]


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n"])
def test_empty(text: str) -> None:
    assert [p.code for p in parse_text(text).problems] == ["empty-file"]


def test_syntax_error_is_located() -> None:
    assert found("title: a\n  bad: [\n") == [(2, 3, "syntax")]  # the key indented under a value


def test_billion_laughs_is_bounded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert [p.code for p in parse_text("\n".join(lines)).problems] == ["yaml-limit"]


def test_recursive_alias_is_bounded() -> None:
    text = "title: x\nmodules: &m\n  - title: a\n    sections: *m\n"
    assert [p.code for p in parse_text(text).problems] == ["yaml-limit"]


def test_python_tags_are_not_constructed() -> None:
    assert found("title: !!python/object/apply:os.system [echo hi]\nmodules: []\n")[0][2] in (
        "yaml-tag",
        "type",
    )


def test_duplicate_key_is_reported_at_the_second() -> None:
    assert found("title: a\nduration: 2h\ntitle: b\nmodules:\n  - {title: x, duration: 2h}\n") == [
        (3, 1, "duplicate-key")
    ]


def test_control_characters_are_cleaned_not_fatal() -> None:
    from .conftest import check_yaml

    result = check_yaml(
        'title: "课程\\x01名"\nduration: 2h\nmodules:\n  - {title: x, duration: 2h}\n'
    )
    assert result.problems == () and result.title == "课程名"


def test_folded_chinese_gains_no_spaces() -> None:
    from .conftest import check_yaml

    result = check_yaml(
        "title: x\nduration: 2h\nbackground: >\n  第一行中文\n  第二行中文 and English\n"
        "modules:\n  - {title: x, duration: 2h}\n"
    )
    assert result.course is not None
    assert result.course.background == "第一行中文第二行中文 and English"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_read_forever(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    (problem,) = load_file(pipe).problems
    assert (problem.line, problem.column, problem.code) == (1, 1, "file-unreadable")
