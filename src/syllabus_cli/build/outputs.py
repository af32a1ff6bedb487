"""The one guarded writer: every document any command writes goes through ``put``.

A file the tool writes is recorded (its SHA-256) in ``.syllabus-manifest.json`` in its
output folder. Writing again replaces it only when its bytes are still the ones
recorded (or ones a build, perhaps killed, journalled): a document edited in Word since,
or a file the tool never wrote, is kept unless ``--force``. The hash is journalled
before the file is replaced, so an interrupted write never leaves a file the tool wrote
looking like a hand edit.

A batch (``export``, ``pack``) keeps what it cannot replace and says so in its summary
(``put`` returns None); a command that writes one file (``agenda -o``, ``proposal``)
refuses instead (``write_output``). Either way, what stops a write is a
``ManifestError`` with one set of codes: ``output-folder`` (a folder where the file
goes), ``output-exists`` (a file the tool never wrote), ``output-edited`` (changed by
hand), ``output-unreadable``, ``manifest`` (an unusable manifest), ``write`` (a full or
read-only disk).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

from ..files import write_bytes_atomic
from ..i18n import msg
from .manifest import (
    NAME,
    Manifest,
    ManifestError,
    file_hash,
    record_write,
    sha256,
    tool_wrote,
)
from .names import inside

__all__ = ["ManifestError", "check_target", "put", "remove_made", "write_new", "write_output"]


def put(
    root: Path, relative: str, data: bytes, known: Mapping[str, str], *, force: bool
) -> str | None:
    """Write ``data`` to ``root/relative`` atomically unless the file there was changed
    by hand since the last build (None then: kept). ``known`` is the manifest's record
    (relative path -> hash). Returns the hash of what is there now."""
    target = inside(root, relative)
    current = file_hash(target)
    digest = sha256(data)
    if current == digest:
        return digest  # already exactly this: no write, no new mtime
    if (
        current is not None
        and current != known.get(relative)
        and not force
        and not tool_wrote(root, relative, current)  # a build killed, or one running now
    ):
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    record_write(root, relative, digest)
    write_bytes_atomic(target, data)
    return digest


def _strerror(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def check_target(target: Path, *, force: bool) -> None:
    """Refuse before any work is done: a folder, or a file that is not ours to replace."""
    if target.is_dir():
        raise ManifestError(target, "output-folder", msg("output.folder"))
    if not target.exists() or force:
        return
    recorded = Manifest.load(target.parent).files.get(target.name)
    if recorded is None:
        raise ManifestError(target, "output-exists", msg("output.exists"))
    try:
        current = file_hash(target)  # a pipe or a device in its place: refused, never read
    except ManifestError as exc:
        raise ManifestError(target, "output-unreadable", exc.message) from None
    if current != recorded:
        raise ManifestError(target, "output-edited", msg("output.edited"))


def write_output(target: Path, data: bytes, *, force: bool) -> None:
    """One document a command was asked for: checked, written through ``put`` (journal
    first), recorded in its folder's manifest; refused (ManifestError) when it may not
    be replaced."""
    check_target(target, force=force)
    folder = target.parent
    manifest = Manifest.load(folder)
    try:
        outcome = put(folder, target.name, data, manifest.files, force=force)
    except OSError as exc:
        raise ManifestError(target, "write", msg("output.write", reason=_strerror(exc))) from None
    if outcome is None:  # changed by hand between the check and the write
        raise ManifestError(target, "output-edited", msg("output.edited"))
    manifest.files[target.name] = outcome
    try:
        manifest.save()
    except OSError as exc:
        raise ManifestError(
            folder / NAME, "write", msg("output.record", reason=_strerror(exc))
        ) from None


def write_new(target: Path, data: bytes) -> None:
    """Write a file the user named and may replace (``new``, ``template init``: they ask
    for --force themselves): a folder there, a file where a folder goes, a full or
    read-only disk is one ManifestError."""
    if target.is_dir():
        raise ManifestError(target, "output-folder", msg("output.folder"))
    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        raise ManifestError(target, "write", msg("output.write", reason=_strerror(exc))) from None


def remove_made(root: Path, manifest: Manifest, names: list[str]) -> tuple[list[str], list[str]]:
    """Files an earlier build wrote (``names``, relative to root) that this one makes no
    more: each is removed when it holds the bytes written, and forgotten by the manifest
    either way; one edited since stays where it is (a file the build did not write is
    never removed, nor overwritten later without --force). A folder left empty goes too.
    Returns the files removed and the ones left because they were edited."""
    removed: list[str] = []
    left: list[str] = []
    for rel in sorted(names):
        digest = manifest.files.get(rel)
        if digest is None:
            continue
        if not _plain(rel):  # never one the tool wrote: forgotten, nothing touched
            del manifest.files[rel]
            continue
        if _through_link(root, rel):  # a folder or file the user put a link in place of
            left.append(rel)
            del manifest.files[rel]
            manifest.dropped[rel] = digest
            continue
        try:
            current = file_hash(root / rel)
        except ManifestError:  # a folder or a pipe in its place: not ours to remove
            current = None
        if current == digest:
            try:
                (root / rel).unlink()
            except OSError:
                continue  # cannot be removed (read-only): still ours, tried again next time
            removed.append(rel)
        elif current is not None:
            left.append(rel)
        del manifest.files[rel]
        manifest.dropped[rel] = digest
    for folder in sorted({Path(rel).parent for rel in removed}, reverse=True):
        if folder != Path("."):
            with contextlib.suppress(OSError):
                (root / folder).rmdir()  # only when empty
    return removed, left


def _plain(rel: str) -> bool:
    """A name the tool writes: relative, forward slashes, no ``..``, no drive. One a
    hand-edited manifest gives (``../x``, ``/home/…``, ``C:\\…``) would reach a file
    outside the output folder."""
    parts = rel.split("/")
    return (
        bool(rel)
        and not {"\\", ":"} & set(rel)  # safe_name makes neither (a drive, a stream)
        and all(part not in ("", ".", "..") for part in parts)
    )


def _through_link(root: Path, rel: str) -> bool:
    """Is any step from ``root`` to ``root/rel`` a symlink (a course folder moved away
    and linked back, say)? The tool makes none, so what is behind one is not its to
    remove."""
    path = root
    for part in rel.split("/"):
        path = path / part
        if path.is_symlink():
            return True
    return False
