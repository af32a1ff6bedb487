"""How a sheet, a PDF or a deck is read before its outline is (issue 22): each file made in
the test by the library a trainer's tools write it with, in words written for the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from syllabus_cli.importer.run import import_catalog

from .import_builders import sheet


def specs(out: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.yaml"))]


def test_a_sheet_of_one_courses_meetings_is_one_course(tmp_path: Path) -> None:
    """Convention: a sheet whose rows are one course's meetings, counted by a column (a
    date, a week, a session), is that course's outline, a module a row — not a catalog of
    one course a row, even when a Title column names each row. Pages write it as
    ``date | title | topics | slides`` (a university's weekly sheet, topics as ``a;b;c``)
    or ``周次 | 课题 | 内容 | 作业``. A meeting not held (No class) is kept as a note."""
    en = sheet(
        tmp_path / "weekly.xlsx",
        [
            ["Date", "Title", "Topics", "Slides"],
            ["03.02.25", "Getting started ", "Course map;Tools we use", "s01"],
            ["10.02.25", "Tidy tables", "Long and wide;Joins", "s02"],
            ["17.02.25", "No class", "", ""],
            ["24.02.25", "Charts that explain", "Scales;Colour", "s03"],
        ],
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert course["title"].startswith("TODO")  # the sheet names no course
    assert [m["title"] for m in course["modules"]] == [
        "Getting started",
        "Tidy tables",
        "Charts that explain",
    ]
    assert course["modules"][1]["points"] == ["Long and wide", "Joins"]
    assert "No class" in yaml.safe_dump(course, allow_unicode=True)
    assert "03.02.25" in course["modules"][0]["notes"]

    zh = sheet(
        tmp_path / "周计划.xlsx",
        [
            ["周次", "课题", "内容", "作业"],
            ["第1周", "认识数据", "数据从哪里来；数据的类型", "读第一章"],
            ["第2周", "整理数据", "缺失值；重复记录", ""],
            ["第3周", "呈现数据", "选图的原则", "交一份图表"],
        ],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [m["title"] for m in course["modules"]] == ["认识数据", "整理数据", "呈现数据"]
    assert course["modules"][0]["points"] == ["数据从哪里来", "数据的类型"]


def test_a_catalog_sheet_with_dates_stays_a_course_a_row(tmp_path: Path) -> None:
    """A training plan names its column for courses (课程名称, Course): each row a course
    with its own date, length and trainer, one spec a row."""
    plan = sheet(
        tmp_path / "plan.xlsx",
        [
            ["日期", "课程名称", "课时", "讲师"],
            ["3月5日", "结构化表达", "6课时", "王芳"],
            ["4月9日", "跨部门协作", "12课时", "李强"],
        ],
    )
    import_catalog(plan, tmp_path / "plan")
    assert [c["title"] for c in specs(tmp_path / "plan")] == ["结构化表达", "跨部门协作"]
