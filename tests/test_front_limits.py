"""What validate accepts: bounded durations and dates, only standard YAML tags, and a
schema that agrees with the reader. Each case: the YAML in, (line, column, code) out."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from syllabus_cli.duration import DurationError, parse_duration
from syllabus_cli.load import parse_text
from syllabus_cli.validate import validate_paths

from .conftest import REPO, check_yaml, found


@pytest.mark.parametrize(
    "text",
    [
        "999999天",
        "9999999999999999999999天",
        "61天",
        "1441h",
        "86401min",
        "1天(25h/天)",
        "2天(50小时)",
        "1" + "0" * 5000 + "h",
        "0." + "0" * 5000 + "1h",
    ],
)
def test_a_duration_past_the_limits_is_refused_at_once(text: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert caught.value.code == "duration-limit"
    assert len(str(caught.value)) < 120  # a 5,000-digit text is not echoed whole


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("60天", 60 * 360), ("60天(24h/天)", 86_400), ("1440h", 86_400), ("1天(24小时)", 1440)],
)
def test_the_limits_themselves_are_allowed(text: str, minutes: int) -> None:
    assert parse_duration(text).minutes == minutes


def test_a_huge_course_is_one_located_error_before_timing_runs() -> None:
    problems = found(
        """\
        title: 课程
        duration: 999999天
        modules:
          - {title: 一, duration: 2h}
        """
    )
    assert problems == [(2, 11, "duration-limit")]


def test_modules_that_add_up_past_the_limit_stop_before_the_agenda() -> None:
    modules = "".join(f"  - {{title: m{i}, duration: 1440h}}\n" for i in range(3))
    result = check_yaml("title: 课程\nmodules:\n" + modules)
    assert (1, 1, "duration-limit") in [(p.line, p.column, p.code) for p in result.problems]
    assert not any(p.code == "day-overflow" for p in result.problems)


def _pack(tmp_path: Path, date: str) -> Path:
    course = tmp_path / "c.yaml"
    course.write_text("title: 课\nduration: 2h\nmodules: [{title: 一, duration: 2h}]\n", "utf-8")
    pack = tmp_path / "p.yaml"
    pack.write_text(f"client: 客户\ntitle: 项目\ndate: {date}\ncourses: [c.yaml]\n", "utf-8")
    return pack


@pytest.mark.parametrize(
    ("date", "code"),
    [
        ("9999-12-31", "date-range"),
        ("1999-12-31", "date-range"),
        ("2100-01-01", "date-range"),
        ("2026-13-45", "date-format"),
        ("2026-02-30", "date-format"),
        ('"2026-12-08 10:00:00 +99:00"', "date-format"),
    ],
)
def test_a_pack_date_out_of_range_or_malformed_is_located(
    tmp_path: Path, date: str, code: str
) -> None:
    (result,) = validate_paths([_pack(tmp_path, date)])
    assert [(p.line, p.column, p.code) for p in result.errors] == [(3, 7, code)]


@pytest.mark.parametrize("date", ["2000-01-01", "2099-12-31"])
def test_the_range_ends_are_dates(tmp_path: Path, date: str) -> None:
    (result,) = validate_paths([_pack(tmp_path, date)])
    assert not any(p.code.startswith("date") for p in result.problems)


@pytest.mark.parametrize(
    ("value", "column"),
    [
        ("!!python/tuple [a, b]", 11),
        ("!!set {a: null}", 11),
        ("!!omap [{a: 1}]", 11),
        ("[!!binary aGVsbG8=]", 12),
        ("[!!python/object:os.system {}]", 12),
        ("!local [a]", 11),
    ],
)
def test_an_unknown_tag_is_a_located_error_never_constructed(value: str, column: int) -> None:
    problems = found(
        f"""\
        title: 课程
        duration: 2h
        audience: {value}
        modules:
          - {{title: 一, duration: 2h}}
        """
    )
    assert (3, column, "yaml-tag") in problems


def test_a_tag_on_a_key_is_an_error_too() -> None:
    loaded = parse_text("? !!python/name:os.system x\n: 1\n")
    assert [(p.line, p.column, p.code) for p in loaded.problems] == [(1, 3, "yaml-tag")]


@pytest.mark.parametrize("title", ["9" * 5000, "2026-13-45", "!!str 2025", "!!int 42"])
def test_odd_scalars_stay_text(title: str) -> None:
    result = check_yaml(f"title: {title}\nduration: 1h\nmodules: [{{title: 一, duration: 1h}}]\n")
    assert result.ok(strict=True), result.problems
    assert result.title == title.split(" ")[-1]


SCHEMA = json.loads((REPO / "schema" / "course.schema.json").read_text(encoding="utf-8"))
COURSE = """\
title: 课程
duration: 3h
schedule:
  lunch: {lunch}
modules:
  - {{title: 一, duration: 3h}}
"""


@pytest.mark.parametrize("lunch", ["false", "none", "null", '"12:00-13:00"'])
def test_lunch_values_the_tool_accepts_the_schema_accepts(lunch: str) -> None:
    text = COURSE.format(lunch=lunch)
    assert check_yaml(text).ok(strict=True)
    jsonschema.validate(yaml.safe_load(text), SCHEMA)


def test_lunch_true_is_refused_by_both() -> None:
    text = COURSE.format(lunch="true")
    assert (4, 10, "clock-format") in found(text)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(textwrap.dedent(text)), SCHEMA)


def test_a_day_teaches_at_most_24_hours() -> None:
    problems = found(
        """\
        title: 课程
        duration: 50h
        schedule: {hours_per_day: 25h}
        modules:
          - {title: 一, duration: 50h}
        """
    )
    assert problems == [(3, 27, "duration-limit")]


def test_an_agenda_longer_than_sixty_days_is_refused() -> None:
    """1440 h is a legal length, but not at one minute a day (86,400 days)."""
    problems = found(
        """\
        title: 课程
        duration: 1440h
        schedule: {hours_per_day: 1min}
        modules:
          - {title: 一, duration: 1440h}
        """
    )
    assert problems == [(2, 11, "duration-limit")]
