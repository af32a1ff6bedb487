"""Which folder each build writes to, and whose a folder is.

An output folder belongs to one build: its manifest names the owner (``export``, or the
pack file), so two clients' packs never share a folder and a pack never lands in an
exported course's folder. Course folders come from course ids, made unique, never a
name the pack's own files take or another build's folder.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import Msg, Word, msg
from ..paths import shown
from .manifest import NAME, Manifest, ManifestError, sha256
from .names import safe_name
from .spec_summary import Head, course_key, read_head

if TYPE_CHECKING:
    from ..check import CheckedCourse
    from ..pack.spec import Pack


def open_root(root: Path, owner: str, force: bool, what: str) -> Manifest:
    """The output folder, made if needed, and its manifest; refused (ManifestError) when
    it cannot be written or belongs to another build."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ManifestError(root, "output-blocked", msg("pack.out-is-file")) from None
    except OSError as exc:
        raise ManifestError(
            root, "output-blocked", msg("pack.cannot-make", reason=exc.strerror or exc)
        ) from None
    if not root.is_dir():
        raise ManifestError(root, "output-blocked", msg("pack.out-is-file"))
    manifest = Manifest.load(root)
    if manifest.owner and manifest.owner != owner and not force:
        raise ManifestError(
            root,
            "output-taken",
            msg("pack.taken", owner=owner_text(manifest.owner), what=Word(what)),
        )
    if not os.access(root, os.W_OK):
        raise ManifestError(root, "output-blocked", msg("pack.not-writable"))
    manifest.owner = owner
    return manifest


def owner_text(owner: str) -> Msg:
    if owner.startswith("pack "):
        return msg("pack.owner-pack", path=shown(owner.removeprefix("pack ")))
    return msg("pack.owner-export")


def spec_heads(specs: list[Path], manifest: Manifest) -> dict[Path, Head]:
    """Each spec's head, from the manifest's cache when the spec's bytes are unchanged."""
    heads: dict[Path, Head] = {}
    for spec in specs:
        key = course_key(spec)
        head = read_head(spec, manifest.heads.get(key))
        if head.spec_hash:
            manifest.heads[key] = head.as_json()
        heads[spec] = head
    return heads


def taken_by_other(root: Path, name: str) -> bool:
    """Is ``root/name`` another build's folder (a pack's, say)?"""
    try:
        return (root / name / NAME).exists()
    except OSError:
        return False


def course_folders(
    specs: list[Path],
    heads: dict[Path, Head],
    reserved: Callable[[str], bool] | None = None,
    claimed: dict[str, str] | None = None,
) -> dict[Path, str]:
    """A folder per course from its id (the spec's ``id:`` or file stem), made unique,
    never a name ``reserved`` refuses (a pack's own files, another build's folder) nor
    one ``claimed`` by another course that still exists (an earlier run's spec with the
    same id: its documents are not replaced, and never taken for this one's)."""
    refuse = reserved or (lambda name: False)
    owners = {name.lower(): key for name, key in (claimed or {}).items()}

    def theirs(name: str, spec: Path) -> bool:
        owner = owners.get(name.lower())
        return owner is not None and owner != course_key(spec) and Path(owner).is_file()

    taken: set[str] = set()
    folders: dict[Path, str] = {}
    for spec in specs:
        if spec in folders:  # one course listed again (in another variant): same folder
            continue
        folder = safe_name(heads[spec].course_id or spec.stem)
        candidate, n = folder, 2
        while candidate.lower() in taken or refuse(candidate) or theirs(candidate, spec):
            candidate, n = f"{folder}-{n}", n + 1
        taken.add(candidate.lower())
        folders[spec] = candidate
    return folders


# What a pack writes beside its course folders, as suffixes of the pack's id.
PACK_FILES = ("zip", "proposal.docx", "proposal.pdf", "ics", "plan.docx", "quote.docx")


def pack_file(stem: str, name: str) -> bool:
    """Names the pack's own files take in its folder (``index.md``, ``<pack>.zip``,
    ``kit/``…): a course with such an id gets another folder name."""
    from .kit_outputs import FOLDER  # the delivery kit's folder: never a course's

    own = {"index.md", "index.html", FOLDER, *(f"{stem}.{suffix}".lower() for suffix in PACK_FILES)}
    return name.lower() in own


def exported_course(out: Path, stem: str) -> str:
    """The course exported into ``out/<stem>/`` by ``export --out out``, if any."""
    try:
        parent = Manifest.load(out) if (out / NAME).is_file() else None
    except ManifestError:
        return ""
    if parent is None or parent.owner.startswith("pack "):
        return ""
    prefix = f"{stem.lower()}/"
    found = next((p for p in parent.files if p.lower().startswith(prefix)), "")
    return found.split("/", 1)[1].split(".", 1)[0] if found else ""


def programme_dates(
    pack: Pack, heads: dict[Path, Head], manifest: Manifest
) -> tuple[tuple[dt.date | None, ...], tuple[CheckedCourse | None, ...]]:
    """Each course's first day, and each course checked when that took checking them
    (its job then builds from that value, not reading the spec again). The dates are
    kept in the manifest for the same pack file and the same specs: an unchanged
    rebuild reads no spec at all."""
    from ..pack.programme import plan_courses

    key = sha256(
        "|".join(
            [
                sha256(pack.path.read_bytes()),
                *(heads[c.path].spec_hash + heads[c.path].includes_hash for c in pack.courses),
            ]
        ).encode()
    )
    cached = manifest.heads.get("pack:programme", {})
    if cached.get("key") == key and all(h.spec_hash for h in heads.values()):
        dates = tuple(dt.date.fromisoformat(d) if d else None for d in cached["dates"].split(","))
        return dates, (None,) * len(dates)
    programme, checked = plan_courses(pack)
    dates = programme.dates
    manifest.heads["pack:programme"] = {
        "key": key,
        "dates": ",".join(d.isoformat() if d else "" for d in dates),
    }
    return dates, checked
