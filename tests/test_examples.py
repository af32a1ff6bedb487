"""The bundled courses/ and instructors/ are real examples: they validate clean, read the
same under the pure-Python YAML parser, and match the shipped JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from syllabus_cli.validate import validate_paths

from .conftest import REPO

COURSES = sorted((REPO / "courses").glob("*.yaml"))


def test_at_least_five_examples() -> None:
    assert len(COURSES) >= 5


@pytest.mark.parametrize("path", COURSES, ids=[p.stem for p in COURSES])
def test_example_validates_clean_and_strict(path: Path) -> None:
    for result in validate_paths([path]):  # every variant of a course sold in several
        assert result.ok(strict=True), [p.format(path.name) for p in result.problems]
        assert result.course is not None and result.course.instructor is not None


@pytest.mark.parametrize("path", COURSES, ids=[p.stem for p in COURSES])
def test_example_matches_schema_under_both_parsers(path: Path) -> None:
    schema = json.loads((REPO / "schema" / "course.schema.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/course.schema.json")
    data = yaml.load(text, Loader=yaml.SafeLoader)  # pure Python, as strict as libyaml
    jsonschema.validate(data, schema)


def test_examples_cover_the_catalog_forms() -> None:
    durations = {validate_paths([p])[0].course.duration.text for p in COURSES}  # type: ignore[union-attr]
    assert {"一天(8小时)", "0.5天", "1天(6h/天)", "3小时"} <= durations


def test_instructor_profile_matches_schema() -> None:
    schema = json.loads((REPO / "schema" / "instructor.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(
        yaml.safe_load((REPO / "instructors" / "fengying.yaml").read_text(encoding="utf-8")), schema
    )
