"""What the parent of a batch knows of a spec without validating it, cheaply.

A spec's head (kind, id, title, language, variants, the files it references and
includes) is kept in the manifest by the hash of the spec's bytes (and of the files it
includes), so an unchanged spec is never parsed again to find out whether its course
needs rebuilding.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import resolved
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
    variants: tuple[str, ...] = ()  # the spec's ``variants:``, each built by ``export``
    includes: tuple[str, ...] = ()  # every file it includes, transitively
    includes_hash: str = ""  # of those files' bytes: a library edit rebuilds the course

    def as_json(self) -> dict[str, Any]:
        return {
            "spec": self.spec_hash,
            "kind": self.kind,
            "id": self.course_id,
            "title": self.title,
            "language": self.language,
            "instructor": self.instructor,
            "template": self.template,
            "variants": list(self.variants),
            "includes": list(self.includes),
            "includes_hash": self.includes_hash,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Head:
        def texts(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()

        def text(key: str, default: str = "") -> str:
            value = data.get(key, default)
            return value if isinstance(value, str) else default

        return cls(
            text("spec"),
            text("kind", "course"),
            text("id"),
            text("title"),
            text("language", "zh"),
            text("instructor"),
            text("template"),
            texts("variants"),
            texts("includes"),
            text("includes_hash"),
        )


def includes_hash(paths: Iterable[str]) -> str:
    """One hash over the bytes of every included file (a missing one counts as empty)."""
    parts = []
    for path in paths:
        try:
            parts.append(sha256(Path(path).read_bytes()))
        except OSError:
            parts.append("")
    return sha256("|".join(parts).encode())


def read_head(spec: Path, cached: dict[str, Any] | None = None) -> Head:
    """The spec's head, parsed only when its bytes, or those of a file it includes,
    differ from the cached head's."""
    try:
        digest = sha256(spec.read_bytes())
    except OSError:
        return Head("", course_id=spec.stem)  # the job reports why it cannot be read
    if cached is not None and cached.get("spec") == digest:
        head = Head.from_json(cached)
        if includes_hash(head.includes) == head.includes_hash:
            return head
    from ..load import load_file
    from ..spec.summary import summarize

    said = summarize(load_file(spec))  # the spec's own defaults (id, language…)
    return Head(
        digest,
        said.kind,
        said.course_id,
        said.title,
        said.language,
        said.instructor,
        said.template,
        said.variants,
        said.includes,
        includes_hash(said.includes),
    )


def course_key(spec: Path) -> str:
    """The manifest's name for a spec: its resolved path (typed relative or absolute, the
    same build). Resolved once per path per process: a batch asks several times."""
    return _resolved(spec.absolute())  # absolute first: a relative path moves with chdir


@functools.cache
def _resolved(spec: Path) -> str:
    try:
        return str(resolved(spec))
    except OSError:
        return str(spec)
