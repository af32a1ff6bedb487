"""The problem-code registry is the truth: every code's passing example passes and its
failing example yields that code, run as a user would run them (i18n/codes.py says how
an example is read: files, commands, the small world around them)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.i18n import codes
from syllabus_cli.render.template_file import default_template

from .conftest import REPO

WORLD = {
    "courses/a.yaml": "title: 甲课程\nduration: 6h\ninstructor: ../instructors/fengying.yaml\n"
    "modules:\n  - {title: 开场, duration: 6h}\n",
    "courses/b.yaml": "title: 乙课程\nduration: 6h\ninstructor: ../instructors/fengying.yaml\n"
    "modules:\n  - {title: 开场, duration: 6h}\n",
    "courses/broken.yaml": "title: 丙课程\nduration: 6h\nmodules:\n  - {title: 开场, duration: 5h}\n",
    "library/shared.yaml": "modules:\n  - {title: 社群运营, duration: 1h}\n"
    "  - {title: 私域运营, duration: 1h}\n",
}
FILE = re.compile(r"^# file: (\S+)(?: \((.+)\))?$")


def world(root: Path) -> None:
    for name, text in WORLD.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "library" / "empty").mkdir()
    (root / "instructors").mkdir()
    shutil.copy(REPO / "instructors" / "fengying.yaml", root / "instructors" / "fengying.yaml")
    shutil.copy(default_template(), root / "brand.docx")


def write(path: Path, lines: list[str], how: str | None) -> None:
    text = "".join(line + "\n" for line in lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    if how is None or how == "utf-8":
        data = text.encode("utf-8")
    elif how == "gbk":
        data = text.encode("gbk")
    elif how == "a named pipe":  # reading it would block: the loader refuses it
        path.unlink(missing_ok=True)
        os.mkfifo(path)
        return
    elif how == "a PNG image":  # the smallest: one transparent pixel
        import base64

        data = base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        )
    elif how == "binary":
        data = bytes(range(256)) * 64
    elif how.startswith("padded to "):
        size = int(how.split()[2]) * 1024 * 1024
        data = text.encode("utf-8")
        data += b"#" * (size - len(data) - 1) + b"\n"
    else:
        raise AssertionError(f"unknown file form {how!r}")
    path.write_bytes(data)


def run_example(example: str, root: Path) -> tuple[int, str]:
    """Write the example's files and run its commands in order (default: ``validate
    courses/c.yaml``), in ``root``; the last command's exit code and output."""
    world(root)
    main: list[str] = []
    actions: list[tuple[str, list[str], str | None]] = [("courses/c.yaml", main, None)]
    lines = main
    for line in example.splitlines():
        header = FILE.match(line)
        if header:
            lines = []
            actions.append((header.group(1), lines, header.group(2)))
        elif line.startswith("# $ syllabus "):
            actions.append(("$", shlex.split(line.removeprefix("# $ syllabus ")), None))
            lines = []  # text after a command and before a header is not a file's
        else:
            lines.append(line)
    if not any(name == "$" for name, _, _ in actions):
        actions.append(("$", ["validate", "courses/c.yaml"], None))
    code, output = 0, ""
    old = Path.cwd()
    os.chdir(root)
    try:
        for name, args, how in actions:
            if name != "$":
                if name != "courses/c.yaml" or args or how:
                    write(root / name, args, how)
                continue
            result = CliRunner().invoke(app, args)
            code, output = result.exit_code, result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), output
    finally:
        os.chdir(old)
    return code, output


ROWS = {row.code: row for row in codes.CODES.values()}


def _skip(example: str) -> None:
    found = re.search(r"^# skip: (.+)$", example, re.M)
    if found:
        pytest.skip(f"SKIPPED LOUDLY: {found.group(1)}")


@pytest.mark.parametrize("code", sorted(ROWS))
def test_passing_example_passes(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYLLABUS_LANG", "en")
    example = ROWS[code].passing
    _skip(example)
    exit_code, output = run_example(example, tmp_path)
    assert exit_code == 0 and f"[{code}]" not in output, output


@pytest.mark.parametrize("code", sorted(ROWS))
def test_failing_example_yields_its_code(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYLLABUS_LANG", "en")
    example = ROWS[code].failing
    _skip(example)
    _, output = run_example(example, tmp_path)
    assert f"[{code}]" in output, output


def test_every_code_is_produced_by_a_test() -> None:
    """A code whose failing example cannot run here (a full disk, no LibreOffice, a file
    Word locks) is produced by a test that makes the condition; every other one by its
    example, above."""
    others = "".join(
        p.read_text(encoding="utf-8")
        for p in (REPO / "tests").glob("test_*.py")
        if p.name != Path(__file__).name
    )
    for code, row in ROWS.items():
        if re.search(r"^# skip: ", row.failing, re.M):
            assert f"[{code}]" in others or re.search(rf'"{re.escape(code)}"[,)]', others), code
