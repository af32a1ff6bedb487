"""What a build wrote, so the next build knows what it may replace.

The manifest (``.syllabus-manifest.json`` in the output folder) records, per file, the
SHA-256 of the bytes written, per course the hash of everything its documents were
built from, and who owns the folder (an export, or one pack file). A file whose bytes
no longer match (edited in Word) is not overwritten without ``--force``; a course whose
inputs and outputs are unchanged is not rebuilt.

Nothing gets stuck when a build is interrupted: before a file is replaced, the hash it
will have is appended to a journal beside the manifest (``.syllabus-journal-<pid>.jsonl``).
Loading the manifest replays the journals, accepting an entry only when the file holds
exactly those bytes now, so a file the tool wrote is never mistaken for a hand edit,
whatever moment the build was stopped at. Saving merges into what is on disk under a
lock file, so two builds into one folder at once both keep their entries.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import write_text_atomic
from ..i18n import Msg, Said, msg, t
from ..paths import shown
from ..problems import Located, UserError

NAME = ".syllabus-manifest.json"
LOCK = ".syllabus-manifest.lock"
JOURNAL = ".syllabus-journal-"
MAX_RECORD_BYTES = 64 * 1024 * 1024  # a manifest of 10,000 courses is a few MB
MAX_KEPT_PROBLEMS = 500  # per course: what an unchanged course tells again
STALE_LOCK_SECONDS = 30.0  # a save holds the lock for milliseconds
LOCK_WAIT_SECONDS = 60.0


class ManifestError(UserError):
    """The output folder's state is not one a build can use (one line for the user)."""

    def __init__(self, path: Path, code: str, message: str | Msg) -> None:
        super().__init__(path, code, message)

    def __str__(self) -> str:
        return f"{shown(self.path or Path())}: {super().__str__()}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str | None:
    """The hash of the file's bytes; None when there is no file. A folder, a pipe, a
    device or an unreadable file in its place is a ManifestError (the build cannot
    write there)."""
    try:
        with _open_regular(path) as handle:
            digest = hashlib.sha256()
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
            return digest.hexdigest()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ManifestError(path, "output-blocked", msg("pack.folder-for-file")) from None
    except OSError as exc:
        raise ManifestError(
            path, "output-blocked", msg("pack.cannot-read", reason=_reason(exc))
        ) from None


class _NotRegular(OSError):
    """A pipe, a device or a socket where a file should be: reading it could block for
    ever (a FIFO) or never end (``/dev/zero``)."""

    def __init__(self) -> None:
        super().__init__(errno.EINVAL, t("pack.not-regular"))


def _open_regular(path: Path, follow: bool = True) -> io.BufferedReader:
    """``path`` opened for reading, refused unless it is a regular file. Opened without
    blocking (a FIFO with no writer would block the open itself); ``follow=False``
    refuses a symlink too (a record the tool writes is never one)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        if path.is_symlink():
            raise OSError(errno.ELOOP, t("pack.symlink"))
        flags |= getattr(os, "O_NOFOLLOW", 0)  # one swapped in since (not on Windows)
    fd = os.open(path, flags)
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotRegular()
        if flags & getattr(os, "O_NONBLOCK", 0):  # reads block again (POSIX only)
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_record(path: Path) -> str:
    """A manifest or journal's text: a regular file, not a symlink, of bounded size."""
    with _open_regular(path, follow=False) as handle:
        data = handle.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        raise OSError(errno.EFBIG, t("pack.too-big", mib=MAX_RECORD_BYTES // 1024 // 1024))
    return data.decode("utf-8")


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


@dataclass
class Manifest:
    root: Path
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256 written
    inputs: dict[str, str] = field(default_factory=dict)  # course key -> inputs hash
    heads: dict[str, dict[str, Any]] = field(default_factory=dict)  # course key -> cheap facts
    owner: str = ""  # "export", or "pack <resolved pack file>"; "" for a new folder
    # course folder -> the course (spec key) whose documents it holds: another spec with
    # the same id, exported later into this folder, gets a folder of its own
    folders: dict[str, str] = field(default_factory=dict)
    # files this build forgot (it wrote them and makes them no more) -> the hash it had
    # recorded: gone from the record on disk too when saved, unless rewritten meanwhile
    dropped: dict[str, str] = field(default_factory=dict)
    # course key -> the warnings its last build found (records, see ``problem_records``):
    # a course found unchanged reports them again instead of falling silent
    problems: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Manifest:
        """The manifest with the journals of interrupted or running builds replayed."""
        path = root / NAME
        try:
            text = _read_record(path)
        except FileNotFoundError:
            manifest = cls(root)
        except IsADirectoryError:
            raise ManifestError(path, "manifest", msg("pack.manifest-folder")) from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = _reason(exc) if isinstance(exc, OSError) else t("pack.not-utf8")
            raise ManifestError(path, "manifest", msg("pack.cannot-read", reason=reason)) from None
        else:
            manifest = cls._parse(root, path, text)
        for journal in journals(root):
            for rel, digest in _entries(journal):
                if manifest.files.get(rel) != digest and _hash_or_none(root / rel) == digest:
                    manifest.files[rel] = digest
        return manifest

    @classmethod
    def _parse(cls, root: Path, path: Path, text: str) -> Manifest:
        def invalid(why: str | Msg) -> ManifestError:
            return ManifestError(path, "manifest", msg("pack.manifest-invalid", why=why))

        try:
            data = json.loads(text)
        except ValueError as exc:
            raise invalid(msg("pack.bad-json", detail=exc)) from None
        except RecursionError:  # [[[[… 100,000 deep
            raise invalid(msg("pack.too-deep")) from None
        if not isinstance(data, dict):
            raise invalid(msg("pack.not-object"))
        files, inputs, heads = data.get("files", {}), data.get("inputs", {}), data.get("heads", {})
        owner, folders = data.get("owner", ""), data.get("folders", {})
        for key, value in (("files", files), ("inputs", inputs), ("folders", folders)):
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise invalid(msg("pack.manifest-map", key=key))
        if not isinstance(heads, dict) or not all(
            isinstance(h, dict) and all(_text_or_texts(v) for v in h.values())
            for h in heads.values()
        ):
            raise invalid(msg("pack.manifest-heads", key="heads"))
        if not isinstance(owner, str):
            raise invalid(msg("pack.manifest-owner", key="owner"))
        problems = data.get("problems", {})
        if not isinstance(problems, dict) or not all(
            isinstance(v, list) for v in problems.values()
        ):
            raise invalid(msg("pack.manifest-problems", key="problems"))
        # a course's warnings as a build found them: a few dozen; a manifest copied into
        # with a million is read no further than a build would have written
        problems = {k: v[:MAX_KEPT_PROBLEMS] for k, v in problems.items()}
        if not all(_record_ok(r) for v in problems.values() for r in v):
            raise invalid(msg("pack.manifest-problems", key="problems"))
        return cls(
            root, dict(files), dict(inputs), dict(heads), owner, dict(folders), problems=problems
        )

    def save(self, *, keep_journals: bool = False) -> None:
        """Merge into the manifest on disk (another build may have saved meanwhile) and
        drop the journals this state now covers. A batch stopped half-way keeps them
        (``keep_journals``): a worker may still be writing a course this state lacks."""
        with locked(self.root):
            seen = {j: _size(j) for j in journals(self.root)}
            on_disk = Manifest.load(self.root)
            files = dict(on_disk.files)
            for rel, digest in self.files.items():
                theirs = files.get(rel)
                if theirs and theirs != digest and _hash_or_none(self.root / rel) == theirs:
                    continue  # another build wrote this file after us: its record stands
                files[rel] = digest
            for rel, digest in self.dropped.items():
                if rel not in self.files and files.get(rel) == digest:
                    del files[rel]
            inputs = {k: v for k, v in {**on_disk.inputs, **self.inputs}.items() if v}
            heads = {**on_disk.heads, **self.heads}
            folders = {k: v for k, v in {**on_disk.folders, **self.folders}.items() if v}
            said = {k: v for k, v in {**on_disk.problems, **self.problems}.items() if v}
            data = {
                "owner": self.owner or on_disk.owner,
                "files": dict(sorted(files.items())),
                "inputs": dict(sorted(inputs.items())),
                "heads": dict(sorted(heads.items())),
                **({"folders": dict(sorted(folders.items()))} if folders else {}),
                **({"problems": dict(sorted(said.items()))} if said else {}),
            }
            write_text_atomic(self.root / NAME, _dumps(data))
            for journal, size in ({} if keep_journals else seen).items():
                if _size(journal) == size:  # nobody appended since we read it
                    with contextlib.suppress(OSError):  # Windows: open elsewhere
                        journal.unlink()


def _dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not valid Unicode: \udcxx escapes
        text = json.dumps(data, ensure_ascii=True, indent=1) + "\n"
    return text


def record_write(root: Path, relative: str, digest: str) -> None:
    """Before replacing ``root/relative``: the hash it is about to have, in this
    process's journal (one short append; the OS keeps it if the process is killed)."""
    line = json.dumps({"path": relative, "sha256": digest}) + "\n"
    fd = _open_journal(root / f"{JOURNAL}{os.getpid()}.jsonl")
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def _open_journal(path: Path) -> int:
    """This process's journal, for appending, never through a symlink: one planted in
    the output folder under a coming process id (to make the build append to a file
    outside it) is removed and the journal created in its place."""
    append = os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0)
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    for _ in range(3):
        if path.is_symlink() or (path.exists() and not path.is_file()):
            with contextlib.suppress(OSError):  # a folder stays, and the open says so
                path.unlink()  # the link itself, never what it points at
        try:  # a journal this process started: append (O_NOFOLLOW: not a link swapped in)
            fd = os.open(path, append | nofollow)
        except FileNotFoundError:
            pass
        except OSError as exc:
            if exc.errno not in (errno.ELOOP, errno.EMLINK):  # a symlink raced in
                raise
            continue
        else:
            if os.fstat(fd).st_nlink <= 1:
                return fd
            os.close(fd)  # a hard link to a file elsewhere: never written through
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        try:
            return os.open(path, append | os.O_CREAT | os.O_EXCL | nofollow, 0o666)
        except FileExistsError:
            continue
    raise OSError(errno.ELOOP, t("pack.symlink"), str(path))


def tool_wrote(root: Path, relative: str, digest: str) -> bool:
    """Did a build (perhaps one running now, or one that was killed) write these bytes?"""
    return any(
        rel == relative and d == digest
        for journal in journals(root)
        for rel, d in _entries(journal)
    )


def journals(root: Path) -> list[Path]:
    try:
        return sorted(root.glob(f"{JOURNAL}*.jsonl"))
    except OSError:
        return []


def _entries(journal: Path) -> Iterator[tuple[str, str]]:
    """A journal's entries; one that is not a regular file of bounded size (a FIFO, a
    symlink to ``/dev/zero``), or not text, says nothing the build can trust."""
    try:
        lines = _read_record(journal).splitlines()
    except (OSError, UnicodeDecodeError):
        return
    for line in lines:
        try:
            entry = json.loads(line)
            rel, digest = entry["path"], entry["sha256"]
        except (ValueError, TypeError, KeyError, RecursionError):
            continue  # a line cut short by a kill, or not one the tool wrote
        if isinstance(rel, str) and isinstance(digest, str):
            yield rel, digest


def _hash_or_none(path: Path) -> str | None:
    try:
        return file_hash(path)
    except ManifestError:
        return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold ``root/.syllabus-manifest.lock`` (O_EXCL: works the same on Windows). A lock
    older than STALE_LOCK_SECONDS was left by a killed build and is taken over."""
    lock = root / LOCK
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
            break
        except (FileExistsError, PermissionError):  # Windows: a lock being deleted
            if lock.is_dir():
                raise ManifestError(lock, "output-blocked", msg("pack.lock-folder")) from None
            if lock.is_symlink() or (lock.exists() and not lock.is_file()):
                with contextlib.suppress(OSError):  # not a lock a build made: a planted
                    lock.unlink()  # link (dangling, say) or a pipe; the link itself goes
                continue
            if not lock.exists():
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.005)
                continue
        try:
            age = time.time() - lock.stat().st_mtime
        except OSError:
            continue  # released meanwhile
        if age > STALE_LOCK_SECONDS or time.monotonic() > deadline:
            with contextlib.suppress(OSError):
                lock.unlink()
            deadline = time.monotonic() + LOCK_WAIT_SECONDS
            continue
        time.sleep(0.02)
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()


_RECORD = {"path": str, "line": int, "column": int, "code": str, "level": str, "en": str, "zh": str}


def _record_ok(record: object) -> bool:
    return (
        isinstance(record, dict)
        and record.keys() == _RECORD.keys()
        and all(type(record[k]) is kind for k, kind in _RECORD.items())
        and record["level"] in ("error", "warning")
    )


def problem_records(located: Iterable[Located]) -> list[dict[str, Any]]:
    """Problems as the manifest keeps them: where, what, and the message in both
    languages (the next run may be in the other one)."""
    from ..i18n import render

    return [
        {
            "path": os.path.abspath(path),
            "line": p.line,
            "column": p.column,
            "code": p.code,
            "level": p.level.value,
            "en": render(p.words, "en") if p.words else p.message,
            "zh": render(p.words, "zh") if p.words else p.message,
        }
        for path, p in list(located)[:MAX_KEPT_PROBLEMS]
    ]


def problems_from(records: Iterable[dict[str, Any]]) -> tuple[Located, ...]:
    """The records back as problems, each in the language of the run that shows it."""
    from ..problems import Level, Mark, Problem

    return tuple(
        Located(
            _as_typed(Path(_printable(r["path"]))),
            Problem(
                Mark(r["line"], r["column"]),
                _printable(r["code"]),
                _printable(r["en"]),
                Level(r["level"]),
                msg("build.replayed", said=Said(_printable(r["en"]), _printable(r["zh"]))),
            ),
        )
        for r in records
    )


_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def _printable(text: str) -> str:
    """A stored text as it may reach the terminal: no control characters (a manifest
    edited to hold ``ESC [`` sequences would drive the terminal, retitle it, fake lines)."""
    return text.translate(_CONTROLS)


def _as_typed(path: Path) -> Path:
    """A stored absolute path as a user would have typed it: relative under the folder
    they run in, else whole."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _text_or_texts(value: object) -> bool:
    """A head's value: a string, or a list of strings (its variants, its includes)."""
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )
