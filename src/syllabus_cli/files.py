"""Writing files so that nothing is lost: a temporary name in the same folder, then an
atomic rename. A failed or interrupted write leaves the previous file as it was.

Portable: ``os.fchmod`` is missing on Windows before Python 3.13 (and file modes mean
little there), so the mode is set by path where it can be, and skipped where it cannot.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        _open_mode(tmp_path)
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


def _open_mode(path: Path) -> None:
    """The mode ``open()`` would have given the file, not mkstemp's 0600 (POSIX only)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, 0o666 & ~_umask())


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def save_atomic(path: Path, save: Callable[[Path], None]) -> None:
    """Run ``save(tmp)`` (e.g. ``document.save``) and move the result into place."""
    with atomic_path(path) as tmp:
        save(tmp)


@functools.cache
def _umask() -> int:
    """The process umask (reading it means setting it, so once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def resolved(path: Path) -> Path:
    """``path.resolve()``, or the absolute path when it cannot be resolved: a symlink
    loop raises RuntimeError before Python 3.13 (OSError after), and the file's own
    read then reports it, located, instead of a traceback."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


MAX_NAME_BYTES = 255  # one file or folder name, on every common file system


def too_long_part(path: Path) -> str | None:
    """The first name in ``path`` longer than a file system allows (about 85 Chinese
    characters), or None: said by name instead of ``OSError: File name too long``."""
    for part in path.parts:
        try:
            size = len(os.fsencode(part))
        except UnicodeError:  # pragma: no cover - a name the file system cannot hold
            size = len(part.encode("utf-8", "surrogatepass"))
        if size > MAX_NAME_BYTES:
            return part
    return None
