"""Writing one document where the user asked, without losing their work.

A file the tool writes is recorded (its SHA-256) in ``.syllabus-manifest.json`` in its
folder, the manifest ``export`` and ``pack`` keep. Writing again replaces it only when
its bytes are still the ones recorded: a document edited in Word since, or a file the
tool never wrote, is kept unless ``--force``. Every way a write can fail (a folder where
a file is expected, no permission, a full disk, an unusable manifest) is an
``OutputError``: one located line, exit 1.
"""

from __future__ import annotations

from pathlib import Path

from ..files import write_bytes_atomic
from ..i18n import Msg, msg
from .manifest import NAME, Manifest, file_hash, sha256


class OutputError(Exception):
    """The output cannot or may not be written; ``code`` names the problem."""

    def __init__(self, path: Path, code: str, message: str | Msg) -> None:
        super().__init__(str(message))  # a Msg is worded in the chosen language
        self.path = path
        self.code = code


def _manifest(folder: Path) -> Manifest:
    try:
        manifest = Manifest.load(folder)
        if not isinstance(manifest.files, dict):
            raise TypeError
        return manifest
    except (OSError, TypeError, ValueError):
        raise OutputError(folder / NAME, "manifest", msg("output.manifest")) from None


def _strerror(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def check_target(target: Path, *, force: bool) -> None:
    """Refuse before any work is done: a folder, or a file that is not ours to replace."""
    if target.is_dir():
        raise OutputError(target, "output-folder", msg("output.folder"))
    if not target.exists() or force:
        return
    recorded = _manifest(target.parent).files.get(target.name)
    if recorded is None:
        raise OutputError(
            target,
            "output-exists",
            msg("output.exists"),
        )
    try:
        current = file_hash(target)
    except OSError as exc:
        raise OutputError(
            target, "output-unreadable", msg("output.unreadable", reason=_strerror(exc))
        ) from None
    if current != recorded:
        raise OutputError(
            target,
            "output-edited",
            msg("output.edited"),
        )


def write_output(target: Path, data: bytes, *, force: bool) -> None:
    """Check, write atomically, record in the folder's manifest."""
    check_target(target, force=force)
    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        raise OutputError(target, "write", msg("output.write", reason=_strerror(exc))) from None
    manifest = _manifest(target.parent)  # read again: another run may have recorded files
    manifest.files[target.name] = sha256(data)
    try:
        manifest.save()
    except OSError as exc:
        raise OutputError(
            target.parent / NAME, "write", msg("output.record", reason=_strerror(exc))
        ) from None


def write_new(target: Path, data: bytes) -> None:
    """Write a file the user named and may replace (``new``, ``template init``: they ask
    for --force themselves): a folder there, a file where a folder goes, a full or
    read-only disk is one OutputError."""
    if target.is_dir():
        raise OutputError(target, "output-folder", msg("output.folder"))
    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        raise OutputError(target, "write", msg("output.write", reason=_strerror(exc))) from None
