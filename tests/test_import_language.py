"""The course's language (issue 22): the outline's language decides, read line by line.
Each test's docstring names the convention and the ways real pages write it; the strings
are written for the test."""

from __future__ import annotations

import pytest

from syllabus_cli.importer.language import course_language, written_in

_NOTE = "说明：本课程全程英文授课，适合需要用英语做技术汇报的工程师，课前请准备三分钟的项目介绍，课后提供录像与书面反馈。"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Git basics\n- init\n- commit", "en"),
        ("- Bash\n- Git", "en"),  # no Chinese character: English, however short
        ("Module 1: Why plans fail（45分钟）\nModule 2: Write the plan（90分钟）", "en"),
        (f"{_NOTE}\nModule 1: Open with the question\n- One idea per slide\n"
         "- Speak to the room\nModule 2: Take hard questions\n- Pause, then answer", "en"),
        ("| 时间 | 内容 | 备注 |\n| 09:00 | Open with a story | hands-on |\n"
         "| 10:30 | Write the first draft | pairs |\n| 13:30 | Edit for the reader | solo |", "en"),
    ],
)  # fmt: skip
def test_an_english_outline_is_english_whatever_chinese_stands_around_it(
    text: str, language: str
) -> None:
    """Convention: an English outline is English when its page is short (a title and two
    items, fewer than three words) and when Chinese stands around it: a note in Chinese
    longer than the outline (说明：全程英文授课…), a table's Chinese column heads. Its lines
    of English words outnumber the Chinese lines twice over."""
    assert written_in(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "1. Spring Boot 与 RESTful API 入门\n2. MyBatis 持久层\n3. Redis 缓存",
        "### Day 1\n- 账号开通\n- Jira\n- Confluence\n- 公司介绍\n### Day 2\n- 开发工具\n- Postman",
        "第一讲 Excel 基础\n- VLOOKUP 与 XLOOKUP\n- 数据透视表 PivotTable",
        "- Spring Boot\n- MyBatis\n- Redis\n- Docker\n- 项目实战",  # names, one Chinese line
        "课程大纲",
    ],
)
def test_a_chinese_outline_quoting_english_names_stays_chinese(text: str) -> None:
    """Convention: a Chinese outline names tools and terms in English, inside its Chinese
    lines (Spring Boot 与 RESTful API) or as lines of one name (- Jira, - Redis) under
    Chinese days and items: it is Chinese."""
    assert written_in(text) == "zh"


def test_a_label_over_an_english_list_is_no_chinese_outline() -> None:
    """Convention: a Chinese label (课程大纲：) over a short English list is the page's
    label, not the course's language; the page's other words decide."""
    outline = ["- Pods", "- Helm"]
    page = "Kubernetes Essentials\n课程大纲：\n- Pods\n- Helm"
    assert course_language(outline, page, ["课程大纲"]) == "en"
