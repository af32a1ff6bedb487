"""Titles and course lengths as pages state them (issue 22, round 3): conventions read
from the shape of a line, never from one page's words. Each test's docstring names the
convention and the ways real pages write it; the strings are written for the test."""

from __future__ import annotations

import pytest

from syllabus_cli.importer.title import carries_words, from_head, generic, table_row


@pytest.mark.parametrize(
    "heading",
    [
        "# 2019年春季学期——教学大纲（暂定）",
        "2023 秋季 课程安排",
        "Fall 2021 Course Schedule (subject to change)",
        "Workshop's Agenda PDF",
        "Tentative Weekly Schedule",
        "Sample Training Agenda",
        "Time Activity Notes",  # a timetable's column heads, flattened by a PDF
        "日期 时间 内容 讲师",
    ],
)
def test_a_heading_made_only_of_document_words_names_no_course(heading: str) -> None:
    """Convention: a heading whose every word names the document — its kind (syllabus,
    schedule, 课程大纲, 日程), its status (draft, subject to change, 暂定), its term or
    date (Fall 2021, 2019年春季学期), its file type (PDF) or a timetable's column heads
    (Time Activity Notes, 日期 时间 内容) — is no title: the title stays TODO rather than
    "2019年春季学期——教学大纲". A page writes it as a Markdown heading or a bare line."""
    assert generic(heading), heading
    assert from_head([heading]) is None


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("# Python 课程大纲", "Python"),
        ("# 2024 秋季 数据可视化课程", "2024 秋季 数据可视化课程"),
        ("Leadership Workshop", "Leadership Workshop"),
        ("Introduction to Statistics", "Introduction to Statistics"),
        ("# 新员工培训方案", "新员工培训方案"),
    ],
)
def test_one_word_more_than_the_document_s_is_the_course_s_name(heading: str, title: str) -> None:
    """The same words beside a subject name a course: "Python 课程大纲" is Python's
    outline, "Introduction to Statistics" a course."""
    assert not generic(heading)
    found = from_head([heading])
    assert found is not None and found.text == title


def test_a_table_row_is_never_a_title() -> None:
    """Convention: a timetable set as a table at the top of a page or a sheet (``| 时间 |
    内容 | 讲师 |``, ``| Time | Session | Speaker |``, its ``|---|---|`` rule) heads
    columns; the title stays TODO. A sheet's one merged title cell (``| 销售冠军训练营 |``)
    is a title."""
    assert table_row("| 时间 | 内容 | 讲师 |") and table_row("|---|:---:|")
    assert table_row("| Time | Session | Speaker |")
    assert from_head(["| 时间 | 内容 | 讲师 |", "| 09:00 | 开场 | 王芳 |"]) is None
    assert not table_row("| 销售冠军训练营 |")
    found = from_head(["| 销售冠军训练营 |"])
    assert found is not None and found.text == "| 销售冠军训练营 |".strip("| ")


def test_a_title_carries_words_not_only_symbols() -> None:
    """Convention: a name holds a letter or a CJK character. "# 🎯 课程大纲" (an emoji
    before the page's kind), "★★★" and a bare date name nothing: the next line, or a
    TODO. An emoji beside a name is dropped from it."""
    assert not carries_words("🎯 ") and not carries_words("2024-06-01")
    assert from_head(["# 🎯 课程大纲"]) is None
    assert from_head(["★ ★ ★", "2024-06-01"]) is None
    found = from_head(["🚀 新媒体运营实战 ✨"])
    assert found is not None and found.text == "新媒体运营实战"


@pytest.mark.parametrize(
    "chrome",
    [
        "Previous PageTable of ContentsNext Page",
        "« Previous page | Next page »",
        "上一篇：团队建设 下一篇：时间管理",
        "Download as PDF or TXT",
        "You might also like",
    ],
)
def test_a_site_s_navigation_is_never_a_title(chrome: str) -> None:
    """Convention: a saved page keeps its site's navigation and a document host's buttons
    above the course, often run together ("Previous PageTable of ContentsNext Page"), as
    上一篇/下一篇 links or "Download as PDF": the title is the line below."""
    found = from_head([chrome, "Customer Complaint Handling"])
    assert found is not None and found.text == "Customer Complaint Handling"
