"""A copy of the bundled folders for the preview's tests, and a session over it."""

from __future__ import annotations

import shutil
from pathlib import Path

from syllabus_cli.preview.pages import Site
from syllabus_cli.preview.security import Guard
from syllabus_cli.preview.session import Session

REPO = Path(__file__).resolve().parent.parent
PORT = 8765
TOKEN = "test-token-0123456789"


def copy_bundled(tmp: Path) -> Path:
    """courses/, packs/, library/ and instructors/ as the repository ships them."""
    for name in ("courses", "packs", "library", "instructors", "suppliers"):
        shutil.copytree(REPO / name, tmp / name)
    return tmp


def session_over(
    tmp: Path, *, watch: bool = False, port: int = PORT, token: str = TOKEN
) -> Session:
    roots = {name: tmp / name for name in ("courses", "packs", "library")}
    return Session(
        Site(roots, "en"), Guard(token, port), tmp / "dist", tmp / "courses", watch=watch
    )
