"""The LibreOffice profile: kept in the user's cache folder and reused across runs (a
fresh profile costs LibreOffice's first start every time), one run at a time.

A run takes a cached profile slot under an OS file lock (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows), released by the OS when the process ends, however it
ends. On POSIX LibreOffice inherits the locked descriptor, so a slot stays taken while a
LibreOffice started from it still runs. When every slot is taken (parallel runs), or no
lock is available at all, the run uses a temporary profile, removed afterwards.

What a run needs in the profile, the macro (``macro.install``) and the font replacement
table (``fonts.install``), is written into it before every conversion, only where it
differs: a profile cached by an earlier version, or before a font was installed, is brought
up to date in place, so the cache needs no version of its own.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ...files import scratch_dir

SLOTS = 3
READY_MARK = "ooSetupInstCompleted"


def cache_dir() -> Path:
    """Windows %LOCALAPPDATA%\\syllabus, macOS ~/Library/Caches/syllabus, else
    $XDG_CACHE_HOME/syllabus or ~/.cache/syllabus."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "syllabus"


def profiles_dir() -> Path:
    return cache_dir() / "libreoffice"


@dataclass(frozen=True)
class Profile:
    path: Path
    cached: bool
    lock_fd: int | None  # inherited by LibreOffice on POSIX

    def url(self) -> str:
        return self.path.resolve().as_uri()

    def ready(self) -> bool:
        """Has LibreOffice finished its first start in it (else that start would copy
        its presets over the macro)?"""
        settings = self.path / "user" / "registrymodifications.xcu"
        try:
            return READY_MARK in settings.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False


def _try_lock(handle: IO[bytes]) -> bool:
    try:
        handle.seek(0)  # msvcrt locks from the current position: the same byte for all
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    """Windows releases a lock left at close only "eventually": release it now (POSIX
    releases it with the last descriptor, LibreOffice's included)."""
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def _folder(path: Path) -> bool:
    try:
        path.mkdir(exist_ok=True)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def take_profile() -> Iterator[Profile]:
    """A cached profile slot that no other run is using, else a temporary profile."""
    for slot in range(SLOTS):
        try:
            root = profiles_dir()
            root.mkdir(parents=True, exist_ok=True)
            handle = (root / f"profile-{slot}.lock").open("a+b")
        except OSError:
            break  # no cache folder to write to: a temporary profile will do
        with handle:
            path = root / f"profile-{slot}"
            if _try_lock(handle) and _folder(path):
                try:
                    yield Profile(path, cached=True, lock_fd=handle.fileno())
                finally:
                    _unlock(handle)
                return
    with temporary_profile() as profile:
        yield profile


@contextlib.contextmanager
def temporary_profile() -> Iterator[Profile]:
    with scratch_dir("syllabus-lo-") as path:
        yield Profile(path, cached=False, lock_fd=None)


# LibreOffice never loads what a document links to from outside (an image by URL or
# file:///, a linked section): "Block any links from documents not among the trusted
# locations". The template's links are removed before a document is written
# (render/template_links.py); this holds for whatever else a .docx might carry.
_SECURITY = (
    '<item oor:path="/org.openoffice.Office.Common/Security/Scripting">'
    '<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop>'
    "</item>\n"
)


def block_links(profile: Path) -> None:
    """Put the setting in the profile's settings file, where it is not yet (runs after
    LibreOffice's first start has written that file, before each conversion)."""
    edit_settings(profile, lambda items: items if _SECURITY in items else items + _SECURITY)


def edit_settings(profile: Path, edit: Callable[[str], str]) -> None:
    """Rewrite the profile's settings file (``user/registrymodifications.xcu``): ``edit``
    gets the text before its closing ``</oor:items>`` and returns what should stand there.
    The file is only written when that changes it, and left alone when it cannot be read
    or has no such end (LibreOffice has not started in the profile yet)."""
    settings = profile / "user" / "registrymodifications.xcu"
    try:
        text = settings.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return
    end = text.rfind("</oor:items>")
    if end < 0:
        return
    new = edit(text[:end]) + text[end:]
    if new != text:
        settings.write_bytes(new.encode("utf-8"))
