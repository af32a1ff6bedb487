"""Writing files so that nothing is lost: a temporary name in the same folder, then an
atomic rename. A failed or interrupted write leaves the previous file as it was."""

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
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, 0o666 & ~_umask())  # as open() would create it, not mkstemp's 0600
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


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
