"""Issue 25, the console: a closed stdout is an error said on stderr (exit 1), and
``COLUMNS=0`` on a terminal still prints the error lines."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="closed descriptors and ptys are POSIX")

GOOD = "title: 课程\nduration: 1h\nmodules:\n  - {title: 开场, duration: 1h}\n"
BAD = "title: 课程\nduration: 1h\nmodules:\n  - {title: 开场, duration: 2h}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["agenda", "c.yaml"],
        ["agenda", "c.yaml", "-f", "json"],
        ["agenda", "c.yaml", "-f", "md"],
        ["schema"],
        ["validate", "c.yaml"],
        ["show", "c.yaml"],
        ["explain", "syntax"],
    ],
    ids=lambda a: "-".join(a),
)
def test_a_closed_stdout_is_an_error_said_on_stderr(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "c.yaml").write_text(GOOD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "syllabus_cli", *args],
        cwd=tmp_path, stdout=None, stderr=subprocess.PIPE, text=True, timeout=120,
        preexec_fn=lambda: os.close(1),
        env={**os.environ, "SYLLABUS_LANG": "en"},
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "syllabus: error: cannot write the output: Bad file descriptor"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.yaml"]


def test_a_closed_stdout_is_no_error_when_nothing_goes_to_it(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(GOOD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "syllabus_cli", "agenda", "c.yaml", "-o", "a.md"],
        cwd=tmp_path, stderr=subprocess.PIPE, text=True, timeout=120,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.md").is_file()


def on_a_terminal(args: list[str | Path], cwd: Path, **env: str) -> tuple[int, str]:
    """Run the CLI with stdout and stderr on a pseudo-terminal, as a user's shell does."""
    import pty

    master, slave = pty.openpty()
    environment = {**os.environ, **env}
    environment.pop("NO_COLOR", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "syllabus_cli", *map(str, args)],
        stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=environment,
    )  # fmt: skip
    os.close(slave)
    output = b""
    while select.select([master], [], [], 60)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return child.wait(timeout=60), output.decode("utf-8", "replace")


@pytest.mark.parametrize("command", ["validate", "export"])
def test_columns_zero_on_a_terminal_still_prints_the_error_line(
    tmp_path: Path, command: str
) -> None:
    (tmp_path / "c.yaml").write_text(BAD, encoding="utf-8")
    args: list[str | Path] = [command, "c.yaml"] + (["--out", "out"] if command == "export" else [])
    code, output = on_a_terminal(args, tmp_path, COLUMNS="0", SYLLABUS_LANG="en")
    assert code == 1
    assert "c.yaml:4:5" in output or "c.yaml:2:11" in output, output
    assert "over-full" in output
