"""The READMEs cannot drift from the tool: their commands are read from both (Chinese
README.md and English README.en.md), every command and option they name must exist,
CI runs the test command they give, and the install-and-build steps are run here —
the macOS/Linux line as written, the Windows lines with POSIX paths (``py`` →
``python3``, ``.venv\\Scripts\\`` → ``.venv/bin/``), since no Windows machine runs them."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import typer

from syllabus_cli.cli.app import app

from .conftest import REPO

READMES = [REPO / "README.md", REPO / "README.en.md"]


def blocks(readme: Path, language: str) -> list[list[str]]:
    """The fenced code blocks of ``language`` in a README, as lines."""
    text = readme.read_text(encoding="utf-8")
    return [b.splitlines() for b in re.findall(rf"```{language}\n(.*?)```", text, re.S)]


def steps(readme: Path, language: str) -> dict[str, list[str]]:
    """Each numbered step (``# 1. …``) of the README's install block: its command lines."""
    (block,) = [b for b in blocks(readme, language) if b and b[0].startswith("# 1.")]
    found: dict[str, list[str]] = {}
    current = ""
    for line in block:
        if line.startswith("# "):
            current = line[2:].split(".", 1)[0]
            found[current] = []
        elif line.strip():
            found[current].append(line)
    return found


def ci_test_command() -> str:
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return lines[lines.index("# The README's second command, verbatim:") + 1]


@pytest.mark.parametrize("readme", READMES, ids=lambda p: p.name)
def test_ci_runs_exactly_the_readmes_test_command(readme: Path) -> None:
    assert steps(readme, "sh")["2"] == [ci_test_command()]


def test_both_readmes_give_the_same_commands() -> None:
    for language in ("sh", "powershell"):
        chinese, english = (steps(r, language) for r in READMES)
        assert chinese == english, language


def test_each_readme_links_to_the_other_from_its_first_line() -> None:
    assert "(README.en.md)" in READMES[0].read_text(encoding="utf-8").splitlines()[0]
    assert "(README.md)" in READMES[1].read_text(encoding="utf-8").splitlines()[0]


def test_windows_lines_are_powershell_5_lines() -> None:
    for line in steps(READMES[0], "powershell")["1"]:
        assert "&&" not in line and "/" not in line.split(" ", 1)[0], line


def _options(command: typer.main.TyperGroup | object) -> set[str]:
    return {opt for param in getattr(command, "params", []) for opt in param.opts}


def named_commands(readme: Path) -> list[list[str]]:
    """Every ``syllabus …`` the README names: in its code blocks and in inline code."""
    text = readme.read_text(encoding="utf-8")
    found = []
    for line in re.findall(r"`([^`\n]*syllabus [^`\n]*)`", text) + text.splitlines():
        for match in re.finditer(r"(?:^|[\s`/\\])syllabus ((?:\\\||[^`&;#\n|])*)", line):
            words = re.sub(r"\\\|[\w|]*", "", match.group(1)).split()
            if words and re.fullmatch(r"[a-z]+", words[0]) and words[0] not in ("is", "import-"):
                found.append(words)
    return found


@pytest.mark.parametrize("readme", READMES, ids=lambda p: p.name)
def test_every_command_and_option_a_readme_names_exists(readme: Path) -> None:
    group = typer.main.get_group(app)
    group.list_commands(None)  # type: ignore[arg-type]  # loads every command module
    commands = typer.main.get_group(app).commands
    named = named_commands(readme)
    assert len(named) > 20
    seen = set()
    for words in named:
        if words[0] in ("--lang", "--version"):
            words = words[2:] if words[0] == "--lang" else []
        if not words or words[0] in ("is",) or not re.fullmatch(r"[a-z]+", words[0]):
            continue
        command = commands.get(words[0])
        assert command is not None, f"{readme.name}: syllabus {' '.join(words)}"
        seen.add(words[0])
        sub = getattr(command, "commands", None)
        if sub and len(words) > 1 and words[1] in sub:
            command = sub[words[1]]
        known = _options(command) | {"--help", "-h"}
        for word in words[1:]:
            option = word.strip("[]().,").split("=", 1)[0]
            if (
                option.startswith("-")
                and len(option) > 1
                and not option.startswith("--variant NAME")
            ):
                assert option in known, f"{readme.name}: {option} in syllabus {' '.join(words)}"
    for wanted in ("validate", "pack", "export", "fix", "doctor", "explain", "new"):
        assert wanted in seen, f"{readme.name} never names syllabus {wanted}"


def _project_copy(tmp_path: Path) -> Path:
    skip = shutil.ignore_patterns(".venv", ".git", "dist", "__pycache__", "*.egg-info", ".*_cache")
    root = tmp_path / "syllabus"
    shutil.copytree(REPO, root, ignore=skip)
    return root


def _posix(line: str, root: Path) -> list[str]:
    """A Windows line of the README as this machine runs it."""
    words = line.split()
    if words[0] == "py":
        words[0] = "python3"
    words = [w.replace("\\", "/") for w in words]
    if words[0].startswith(".venv/Scripts/"):
        words[0] = str(root / ".venv" / "bin" / words[0].removeprefix(".venv/Scripts/"))
    return words


_OFFLINE = re.compile(
    r"NewConnectionError|Temporary failure in name resolution|Network is unreachable"
)


def _run(command: list[str] | str, root: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, cwd=root, capture_output=True, text=True, timeout=900, shell=isinstance(command, str),
        executable="/bin/bash" if isinstance(command, str) else None, check=False,
    )  # fmt: skip
    if done.returncode != 0 and _OFFLINE.search(done.stdout + done.stderr):
        pytest.skip(
            "SKIPPED LOUDLY: pip cannot reach the package index to install the README's steps"
        )
    return done


def test_the_readmes_install_and_build_steps_run_as_written(tmp_path: Path) -> None:
    """The Windows lines (POSIX paths), then the macOS/Linux line verbatim, in a copy of
    the project: each exits 0, and the document a README opens is there."""
    root = _project_copy(tmp_path)
    for line in steps(READMES[0], "powershell")["1"]:
        if line.startswith("start "):  # opening the result: it must exist
            assert (root / line.removeprefix("start ").replace("\\", "/")).is_file(), line
            continue
        done = _run(_posix(line, root), root)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        if line.endswith("syllabus doctor"):
            assert "validate" in done.stdout
    (posix,) = steps(READMES[0], "sh")["1"]
    done = _run(posix, root)
    assert done.returncode == 0, f"{posix}\n{done.stdout}\n{done.stderr}"
    assert (root / "dist" / "3c-ecommerce-service" / "index.html").is_file()
    assert any((root / "dist" / "courses").rglob("*.proposal.docx"))
    for readme in READMES:  # the paths the READMEs tell a user to open
        text = readme.read_text(encoding="utf-8")
        for opener in ("open", "xdg-open"):
            for path in re.findall(rf"`{opener} ([^`]+)`", text):
                assert (root / path).is_file(), f"{readme.name}: {opener} {path}"
    assert shlex.split(posix)[0] == "python3"
