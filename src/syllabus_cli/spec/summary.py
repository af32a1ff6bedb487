"""What a spec says of itself at the top, read without building it: its kind, id,
title, language, the files it names and includes, its variants. The defaults are the
model's own (``Course.id`` is the file stem, ``Course.language`` zh unless zh or en is
written), so the batch's cheap look at a spec never disagrees with the built course.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..files import resolved
from ..load import Loaded, YMap, YScalar, load_file
from .kinds import kind_of
from .model import Course
from .outline import included_files
from .variants import declared_variants

LANGUAGES = ("zh", "en")  # what ``language:`` may say; anything else is a problem


def course_id(written: str, path: Path) -> str:
    """The course's id: as written, else the file's stem."""
    return written or path.stem


def course_language(written: object) -> str:
    """``language:`` when it is one the tool writes documents in, else the default."""
    return written if isinstance(written, str) and written in LANGUAGES else Course.language


@dataclass(frozen=True)
class Summary:
    kind: str
    course_id: str
    title: str
    language: str
    instructor: str  # as written: a path relative to the spec, or ""
    template: str
    variants: tuple[str, ...]
    includes: tuple[str, ...]  # every file it includes, transitively, resolved


def summarize(loaded: Loaded) -> Summary:
    root = loaded.root if isinstance(loaded.root, YMap) else None

    def text(key: str) -> str:
        entry = root.get(key) if root is not None else None
        return (
            str(entry.value.value).strip()
            if entry is not None and isinstance(entry.value, YScalar) and entry.value.value
            else ""
        )

    return Summary(
        kind_of(loaded.root),
        course_id(text("id"), loaded.path),
        text("title"),
        course_language(text("language")),
        text("instructor"),
        text("template"),
        tuple(declared_variants(loaded.root)),
        tuple(str(resolved(p)) for p in included_files(loaded, load_file)),
    )
