"""Running the real CLI in a child process, with hooks a sitecustomize.py installs:
stop after the n-th file write (as a kill would), or take away what Windows lacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

COURSE = (
    "title: {title}\nid: {id}\nduration: 2h\nschedule: {{breaks: []}}\n"
    "modules:\n  - {{title: 一, duration: 1h}}\n  - {{title: 二, duration: 1h}}\n"
)

HOOKS = """
import os, sys
_stop = int(os.environ.get("HOOK_STOP_AFTER_WRITES", "0"))
if _stop:  # a kill right after the n-th file lands (os.replace is how every file lands)
    _replace, _count = os.replace, [0]

    def replace(src, dst, *args, **kwargs):
        _replace(src, dst, *args, **kwargs)
        _count[0] += 1
        if _count[0] >= _stop:
            os._exit(9)

    os.replace = replace
if os.environ.get("HOOK_NO_POSIX"):  # what Windows lacks
    if hasattr(os, "fchmod"):
        del os.fchmod
    sys.modules["resource"] = None
    sys.modules["fcntl"] = None
"""


SOURCE_DATE_EPOCH = "1764547200"  # documents stamp their build time: fixed, to compare bytes


def syllabus(
    *args: str | Path, hooks: Path | None = None, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """``syllabus ARGS`` as a user runs it (a whole process)."""
    # documents stamp their build time; a fixed one lets a test compare builds byte by byte
    environment = {
        **os.environ, "NO_COLOR": "1", "COLUMNS": "200", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        **env,
    }  # fmt: skip
    if hooks is not None:
        hooks.mkdir(exist_ok=True)
        (hooks / "sitecustomize.py").write_text(HOOKS, encoding="utf-8")
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    return subprocess.run(
        [sys.executable, "-m", "syllabus_cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=environment,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def courses(folder: Path, *names: str, suffix: str = "") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name in names:
        path = folder / f"{name}.yaml"
        path.write_text(COURSE.format(title=f"课程{name}{suffix}", id=name), encoding="utf-8")
        made.append(path)
    return made


def pack_file(path: Path, specs: list[Path], client: str = "某客户") -> Path:
    lines = [f"client: {client}", "title: 培训项目", "date: 2026-12-08", "courses:"]
    lines += [f"  - {os.path.relpath(spec, path.parent).replace(os.sep, '/')}" for spec in specs]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def documents(root: Path) -> dict[str, bytes]:
    """Every document under ``root`` (the build's own dot-files aside)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }
