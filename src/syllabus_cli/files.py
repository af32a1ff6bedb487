"""Writing files so that nothing is lost: a temporary name in the same folder, then an
atomic rename. A failed or interrupted write leaves the previous file as it was.

Portable: ``os.fchmod`` is missing on Windows before Python 3.13 (and file modes mean
little there), so the mode is set by path where it can be, and skipped where it cannot.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``."""
    import tempfile  # lazily: validate reads files, only builds write them

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
        if os.name == "nt":  # NTFS counts UTF-16 units: 255 Chinese characters fit there
            size = len(part.encode("utf-16-le", "surrogatepass")) // 2
        else:
            size = len(part.encode("utf-8", "surrogateescape"))
        if size > MAX_NAME_BYTES:
            return part
    return None


@contextlib.contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    """A private temporary folder named ``<prefix><pid>-…``, removed when the block
    ends, however it ends (SIGTERM included: cli.main turns it into an exception). One
    left by a process killed outright (SIGKILL) is removed by the next run (``sweep``)."""
    import shutil  # lazily: validate reads files, only builds write them
    import tempfile  # lazily: validate reads files, only builds write them

    sweep(prefix)
    path = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def sweep(prefix: str) -> None:
    """Remove the temporary folders ``<prefix><pid>-…`` of processes no longer running."""
    import shutil  # lazily: validate reads files, only builds write them
    import tempfile  # lazily: validate reads files, only builds write them

    try:
        found = list(Path(tempfile.gettempdir()).glob(f"{prefix}*-*"))
    except OSError:
        return
    for folder in found:
        pid = folder.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows: ask the process table
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: not ours to judge
    return True
