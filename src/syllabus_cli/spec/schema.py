"""JSON Schema of course and pack specs, generated from the key table in ``fields``.

Editors use it through a ``# yaml-language-server: $schema=...`` line; the tool's own
checks are stricter (durations are parsed, timing is checked), the schema is for
completion and early red squiggles.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..files import resolved
from .fields import (
    COURSE,
    INCLUDE,
    INSTRUCTOR,
    NODE,
    PACK,
    PACK_COURSE,
    PAUSE,
    PLAN,
    PLAN_EVALUATION,
    PLAN_GOAL,
    PLAN_MILESTONE,
    PLAN_PAYMENT,
    PLAN_PHASE,
    PLAN_QUOTE,
    PLAN_QUOTE_ITEM,
    PLAN_RESOURCES,
    PLAN_RISK,
    PLAN_SECTION,
    SCHEDULE,
    SUPPLIER,
    SUPPLIER_BANK,
    SUPPLIER_CONTACT,
    Field,
)

_CLOCK = r"^([01]?\d|2[0-3])[:：][0-5]\d$"
_WINDOW = r"^\s*([01]?\d|2[0-3])[:：][0-5]\d\s*[-–—~～至到]\s*([01]?\d|2[0-3])[:：][0-5]\d\s*$"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


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
    "min_part": {"anyOf": [{"type": "string", "minLength": 1}, {"const": 0}]},  # 0: no minimum
    "bool": {"type": "boolean"},
    "language": {"enum": ["zh", "en"]},
    "nodes": {
        "type": "array",
        "items": {"oneOf": [{"$ref": "#/$defs/block"}, {"$ref": "#/$defs/include"}]},
    },
    "variants": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
    "variant_duration": {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}},
        ]
    },
    "only": {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        ]
    },
    "include": {"type": "string", "minLength": 1},
    "instructor": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/instructor"}]},
    "schedule": {"$ref": "#/$defs/schedule"},
    "clock": {"type": "string", "pattern": _CLOCK},
    "range": {"type": "string", "pattern": _WINDOW},
    # false: no lunch; a mapping pins the pause ({at: "12:00-13:30", fixed: true})
    "window": {
        "anyOf": [{"type": ["string", "null"]}, {"const": False}, {"$ref": "#/$defs/pause"}]
    },
    "windows": {
        "type": ["array", "null"],
        "items": {"oneOf": [{"type": "string", "pattern": _WINDOW}, {"$ref": "#/$defs/pause"}]},
    },
    "path": {"type": "string"},
    "date": {"type": "string", "format": "date"},
    "contact": {"oneOf": [{"type": "object"}, _TEXTS]},
    "courses": {
        "type": "array",
        "items": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/pack_course"}]},
    },
    # a pack's training plan
    "skip": {"enum": ["holidays", "weekends", "none"]},
    "plan": {"$ref": "#/$defs/plan"},
    "sections": {
        "oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"oneOf": [{"type": "string"}, _ref("plan_section")]}},
        ]
    },
    "goals": {"type": "array", "items": {"oneOf": [{"type": "string"}, _ref("plan_goal")]}},
    "phases": {"type": "array", "items": _ref("plan_phase")},
    "resources": _ref("plan_resources"),
    "quote": _ref("plan_quote"),
    "quote_items": {"type": "array", "items": _ref("plan_quote_item")},
    "risks": {"type": "array", "items": _ref("plan_risk")},
    "milestones": {"type": "array", "items": _ref("plan_milestone")},
    "evaluations": {
        "type": "array",
        "items": {"oneOf": [{"type": "string"}, _ref("plan_evaluation")]},
    },
    "count": {"type": "integer", "minimum": 0},
    "money": {
        "oneOf": [
            {"type": "number", "minimum": 0},
            {"type": "string", "pattern": r"^[¥￥$€]?\s*[\d,]*\.?\d+\s*(元)?$"},
        ]
    },
    "quantity": {
        "oneOf": [
            {"type": "number", "minimum": 0},
            {"enum": ["days", "天数", "培训天数"]},
            {"type": "string", "pattern": r"^[\d,]*\.?\d+$"},
        ]
    },
    "percent": {
        "oneOf": [
            {"type": "number", "minimum": 0, "maximum": 100},
            {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*[%％]?\s*$"},
        ]
    },
    "currency": {"type": "string", "pattern": "^[A-Za-z]{3}$"},
    # what a client signs: supplier and the quote's terms
    "supplier": {"oneOf": [{"type": "string"}, _ref("supplier")]},
    "supplier_contact": _ref("supplier_contact"),
    "supplier_bank": _ref("supplier_bank"),
    "payment": {"oneOf": [{"type": "string"}, {"type": "array", "items": _ref("plan_payment")}]},
    "invoice": {
        "enum": ["增值税专用发票", "增值税普通发票", "专用发票", "普通发票", "专票", "普票"]
    },
    "discount": {
        "oneOf": [
            {"type": "number", "minimum": 0},
            {"type": "string", "pattern": r"^\s*[¥￥$€]?\s*[\d,]*\.?\d+\s*(元|[%％])?\s*$"},
        ]
    },
    "kit": {
        "oneOf": [
            {"const": "all"},
            {
                "type": "array",
                "items": {"enum": ["signin", "evaluation", "workbook", "certificates", "runsheet"]},
            },
        ]
    },
}


def _kind(f: Field) -> dict[str, Any]:
    return _KINDS[f.kind]


def _defs() -> dict[str, Any]:
    return {
        "block": _object(NODE, "module or section"),
        "include": _object(INCLUDE, "a module included from another file"),
        "schedule": _object(SCHEDULE, "schedule"),
        "pause": _object(PAUSE, "a pause pinned to its time"),
        "instructor": _object(INSTRUCTOR, "instructor profile"),
        "pack_course": _object(PACK_COURSE, "course in a pack"),
    }


def _plan_defs() -> dict[str, Any]:
    return {
        "plan": _object(PLAN, "client training plan"),
        "plan_section": _object(PLAN_SECTION, "a titled paragraph"),
        "plan_goal": _object(PLAN_GOAL, "goal"),
        "plan_phase": _object(PLAN_PHASE, "phase of the implementation path"),
        "plan_resources": _object(PLAN_RESOURCES, "resources"),
        "plan_quote": _object(PLAN_QUOTE, "quote"),
        "plan_quote_item": _object(PLAN_QUOTE_ITEM, "quote item"),
        "plan_risk": _object(PLAN_RISK, "risk"),
        "plan_milestone": _object(PLAN_MILESTONE, "milestone"),
        "plan_evaluation": _object(PLAN_EVALUATION, "evaluation"),
        "plan_payment": _object(PLAN_PAYMENT, "payment instalment"),
        "supplier": _object(SUPPLIER, "supplier (乙方)"),
        "supplier_contact": _object(SUPPLIER_CONTACT, "supplier contact"),
        "supplier_bank": _object(SUPPLIER_BANK, "supplier bank and tax details"),
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
        "$defs": {**_defs(), **_plan_defs()},
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
    here, where = resolved(Path.cwd()), resolved(target)  # a symlink loop: its write says so
    if not schema.is_file() or here not in where.parents:
        return None
    return Path(os.path.relpath(resolved(schema), where.parent)).as_posix()
