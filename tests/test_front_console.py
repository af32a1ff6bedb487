"""The console as a user's machine has it: a GBK or ASCII console, a closed pipe, a full
disk, a file name that is not UTF-8. Each runs the real program in a subprocess (the
safe streams are installed by ``main``), and none may print a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from .conftest import REPO

SPEC = REPO / "courses" / "ecommerce-cs-sales.yaml"
BAD = "title: 课程✓\nduration: 2h\nmodules:\n  - title: 一\n    duration: 90min\n"
PROGRAM = [sys.executable, "-m", "syllabus_cli"]


def syllabus(
    *args: str, encoding: str = "utf-8", stdout: int | IO[str] = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(
        [*PROGRAM, *args], env=env, cwd=REPO, stdout=stdout, stderr=subprocess.PIPE
    )


@pytest.fixture
def bad_spec(tmp_path: Path) -> Path:
    spec = tmp_path / "c.yaml"
    spec.write_text(BAD, encoding="utf-8")
    return spec


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_validate_on_a_narrow_console_replaces_what_it_cannot_show(
    encoding: str, bad_spec: Path
) -> None:
    done = syllabus("validate", str(bad_spec), encoding=encoding)
    text = done.stdout.decode(encoding)
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert "error[sum-mismatch]" in text and "1 of 1 failed" in text
    assert "?" in text  # ✓ has no GBK code, nor Chinese an ASCII one
    if encoding == "gbk":
        assert "课程" in text


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_show_on_a_narrow_console(encoding: str, bad_spec: Path) -> None:
    done = syllabus("show", str(bad_spec), encoding=encoding)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert "error[sum-mismatch]" in done.stdout.decode(encoding)


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_json_off_utf8_escapes_instead_of_losing_text(encoding: str, bad_spec: Path) -> None:
    """A GBK console, or ``> out.json`` on Chinese Windows: still UTF-8 JSON, nothing lost."""
    done = syllabus("validate", "--format", "json", str(bad_spec), encoding=encoding)
    assert done.returncode == 1
    assert json.loads(done.stdout.decode("ascii"))["courses"][0]["title"] == "课程✓"
    schema = syllabus("schema", encoding=encoding)
    shipped = (REPO / "schema" / "course.schema.json").read_text(encoding="utf-8")
    assert json.loads(schema.stdout.decode("ascii")) == json.loads(shipped)


def test_usage_errors_on_an_ascii_console() -> None:
    done = syllabus("agenda", str(SPEC), "--date", "9999-12-31", encoding="ascii")
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert b"2000-01-01" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_stdout_on_a_full_device_is_one_line_and_exit_1(fmt: str) -> None:
    with open("/dev/full", "w") as full:
        done = syllabus("validate", "--format", fmt, "courses", stdout=full)
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 1
    assert lines == ["syllabus: error: cannot write the output: No space left on device"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_ends_quietly(fmt: str, tmp_path: Path) -> None:
    """``syllabus validate DIR | head -1``: the reader leaves after one line, long before
    the output (past any pipe buffer) is written."""
    for i in range(400):
        (tmp_path / f"c{i:03d}.yaml").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [*PROGRAM, "validate", "--format", fmt, str(tmp_path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # head -1 exits
    err = proc.stderr.read()
    assert proc.wait() == 1  # the command's own exit code: problems found
    assert err == b""


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file names may be any bytes")
def test_a_file_name_that_is_not_utf8(tmp_path: Path, bad_spec: Path) -> None:
    folder = tmp_path / "zip"
    folder.mkdir()
    name = os.fsdecode(b"\xc4\xe3\xba\xc3.yaml")  # 你好 in GBK, from a Windows zip
    (folder / name).write_text(BAD, encoding="utf-8")
    done = syllabus("validate", "--format", "json", str(folder))
    assert done.returncode == 1
    (course,) = json.loads(done.stdout.decode("utf-8"))["courses"]
    assert course["path"].endswith("/你好.yaml")  # read as GBK, as ``export`` shows it
    text = syllabus("validate", str(folder))
    assert text.returncode == 1 and b"Traceback" not in text.stderr
    assert "你好.yaml:2:11: error[sum-mismatch]".encode() in text.stdout
    built = syllabus("export", str(folder), "--out", str(tmp_path / "out"), "-j", "1")
    assert "你好.yaml:2:11: error[sum-mismatch]".encode() in built.stdout  # the same name


def _modules_after(args: list[str]) -> set[str]:
    """The modules a run of ``syllabus ARGS`` imported, by name prefix of interest."""
    probe = (
        "import sys\n"
        "from syllabus_cli.cli import main\n"
        f"sys.argv = ['syllabus', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "names = [m for m in sys.modules if m.startswith(('rich', 'docx', 'syllabus_cli.cli.'))]\n"
        "sys.stderr.write(' '.join(names))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=REPO)
    return set(done.stderr.decode().split())


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_loads_neither_rich_nor_the_other_commands(fmt: str) -> None:
    loaded = _modules_after(["validate", "--format", fmt, str(SPEC)])
    assert "syllabus_cli.cli.checking" in loaded
    assert not {m for m in loaded if m.startswith(("rich", "docx"))}
    assert "syllabus_cli.cli.documents" not in loaded and "syllabus_cli.cli.batch" not in loaded


def test_help_still_lists_every_command_in_order() -> None:
    done = syllabus("--help")
    text = done.stdout.decode()
    names = ["validate", "show", "new", "schema", "agenda", "proposal", "template", "export"]
    positions = [text.index(f" {name} ") for name in [*names, "pack", "import"]]
    assert done.returncode == 0 and positions == sorted(positions)


def test_a_mistyped_command_still_gets_a_suggestion() -> None:
    done = syllabus("valdate", "courses")
    assert done.returncode == 2 and b"Did you mean 'validate'?" in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_terminal_validate_is_rich_without_the_emoji_table(bad_spec: Path) -> None:
    import pty

    probe = (
        "import sys\n"
        "from syllabus_cli.cli import main\n"
        f"sys.argv = ['syllabus', 'validate', {str(bad_spec)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(repr(['rich.table' in sys.modules, 'rich._emoji_codes' in sys.modules]))\n"
    )
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-c", probe], stdout=follower, stderr=subprocess.PIPE, env=env, cwd=REPO
    )
    os.close(follower)
    shown = b""
    try:
        while chunk := os.read(leader, 65536):
            shown += chunk
    except OSError:  # the terminal closes once the child is gone
        pass
    os.close(leader)
    assert done.stderr.decode() == "[True, False]"
    assert "✗ 1 error(s)" in shown.decode() and "\x1b[" in shown.decode()
