"""What the parent of a batch knows of a spec without validating it, cheaply.

A spec's head (kind, id, title, language, the files it references) is kept in the
manifest by the hash of the spec's bytes, so an unchanged spec is never parsed again to
find out whether its course needs rebuilding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .manifest import sha256


@dataclass(frozen=True)
class Head:
    """What the parent needs to know of a spec without validating it: its kind, id,
    title, language and the files it references. Kept in the manifest by the spec's
    hash, so an unchanged spec is not parsed again."""

    spec_hash: str
    kind: str = "course"
    course_id: str = ""
    title: str = ""
    language: str = "zh"
    instructor: str = ""
    template: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "spec": self.spec_hash,
            "kind": self.kind,
            "id": self.course_id,
            "title": self.title,
            "language": self.language,
            "instructor": self.instructor,
            "template": self.template,
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Head:
        return cls(
            data.get("spec", ""),
            data.get("kind", "course"),
            data.get("id", ""),
            data.get("title", ""),
            data.get("language", "zh"),
            data.get("instructor", ""),
            data.get("template", ""),
        )


def read_head(spec: Path, cached: dict[str, str] | None = None) -> Head:
    """The spec's head, parsed only when its bytes differ from the cached head's."""
    try:
        digest = sha256(spec.read_bytes())
    except OSError:
        return Head("", course_id=spec.stem)  # the job reports why it cannot be read
    if cached is not None and cached.get("spec") == digest:
        return Head.from_json(cached)
    from ..check import kind_of
    from ..load import YMap, YScalar, load_file

    loaded = load_file(spec)
    root = loaded.root if isinstance(loaded.root, YMap) else None

    def text(key: str) -> str:
        entry = root.get(key) if root is not None else None
        return (
            str(entry.value.value).strip()
            if entry is not None and isinstance(entry.value, YScalar) and entry.value.value
            else ""
        )

    return Head(
        digest,
        kind_of(loaded.root),
        text("id") or spec.stem,
        text("title"),
        text("language") or "zh",
        text("instructor"),
        text("template"),
    )


def course_key(spec: Path) -> str:
    try:
        return str(spec.resolve())
    except OSError:
        return str(spec.absolute())
