"""JSON Schema of course and pack specs, generated from the key table in ``fields``.

Editors use it through a ``# yaml-language-server: $schema=...`` line; the tool's own
checks are stricter (durations are parsed, timing is checked), the schema is for
completion and early red squiggles.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .fields import COURSE, INSTRUCTOR, NODE, PACK, PACK_COURSE, SCHEDULE, Field

_CLOCK = r"^([01]?\d|2[0-3])[:：][0-5]\d$"
_WINDOW = r"^\s*([01]?\d|2[0-3])[:：][0-5]\d\s*[-–—~～至到]\s*([01]?\d|2[0-3])[:：][0-5]\d\s*$"

_TEXTS = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number"]}}]}


def _object(fields: dict[str, Field], title: str) -> dict[str, Any]:
    return {
        "type": "object",
        "title": title,
        "additionalProperties": False,
        "required": [k for k, f in fields.items() if f.required],
        "properties": {k: {**_kind(f), "description": f.help} for k, f in fields.items()},
    }


_KINDS: dict[str, dict[str, Any]] = {
    "text": {"type": ["string", "number"]},
    "texts": _TEXTS,
    "duration": {"type": "string", "minLength": 1},
    "bool": {"type": "boolean"},
    "language": {"enum": ["zh", "en"]},
    "nodes": {"type": "array", "items": {"$ref": "#/$defs/block"}},
    "instructor": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/instructor"}]},
    "schedule": {"$ref": "#/$defs/schedule"},
    "clock": {"type": "string", "pattern": _CLOCK},
    "window": {"anyOf": [{"type": ["string", "null"]}, {"const": False}]},  # false: no lunch
    "windows": {"type": ["array", "null"], "items": {"type": "string", "pattern": _WINDOW}},
    "path": {"type": "string"},
    "date": {"type": "string", "format": "date"},
    "contact": {"oneOf": [{"type": "object"}, _TEXTS]},
    "courses": {
        "type": "array",
        "items": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/pack_course"}]},
    },
}


def _kind(f: Field) -> dict[str, Any]:
    return _KINDS[f.kind]


def _defs() -> dict[str, Any]:
    return {
        "block": _object(NODE, "module or section"),
        "schedule": _object(SCHEDULE, "schedule"),
        "instructor": _object(INSTRUCTOR, "instructor profile"),
        "pack_course": _object(PACK_COURSE, "course in a pack"),
    }


def course_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://syllabus.invalid/course.schema.json",
        **_object(COURSE, "syllabus course spec"),
        "$defs": _defs(),
    }


def pack_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://syllabus.invalid/pack.schema.json",
        **_object(PACK, "syllabus course pack"),
        "$defs": _defs(),
    }


def instructor_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://syllabus.invalid/instructor.schema.json",
        **_object(INSTRUCTOR, "syllabus instructor profile"),
    }


def schema_ref(target: Path, kind: str = "course") -> str | None:
    """The project's shipped schema (``schema/<kind>.schema.json``), relative to a spec
    written at ``target``, for its ``# yaml-language-server: $schema=`` line; None when
    there is no such file here or ``target`` lies outside this project folder."""
    schema = Path("schema") / f"{kind}.schema.json"
    here, where = Path.cwd().resolve(), target.resolve()
    if not schema.is_file() or here not in where.parents:
        return None
    return Path(os.path.relpath(schema.resolve(), where.parent)).as_posix()
