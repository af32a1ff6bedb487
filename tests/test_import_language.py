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


_CARDS_ZH = """<div class="grid grid-cols-2 gap-4 pt-6 max-w-4xl mx-auto">
<div class="bg-gradient-to-br from-sky-500 to-indigo-600 p-4 rounded-xl text-white shadow-lg">
  <h3 class="text-lg font-bold mb-2">上午：带教的底层逻辑</h3>
  <p class="text-xs opacity-90 leading-tight">新人为什么留不住，带教人要做的三件事</p>
</div>
<div class="bg-gradient-to-br from-amber-500 to-rose-600 p-4 rounded-xl text-white shadow-lg">
  <h3 class="text-lg font-bold mb-2">下午：演练与复盘</h3>
  <p class="text-xs opacity-90 leading-tight">分组演练，讲师点评</p>
</div>
</div>"""
_LINKS_ZH = """## 报名与资料
- 课前阅读：[带教手册](https://example.com/docs/onboarding-handbook.pdf)
- 课程回放：www.example.com/replay/mentor-workshop
- 咨询邮箱：training.team@example.com
- 第一讲 带教人的角色
- 第二讲 反馈的说法"""
_CARDS_EN = """<div class="grid grid-cols-2 gap-4">
<div class="p-4 rounded-xl 卡片">
  <h3 class="font-bold">Morning: why new hires leave</h3>
  <p class="text-xs">Three things a mentor does in week one</p>
</div>
<div class="p-4 rounded-xl 卡片">
  <h3 class="font-bold">Afternoon: practice and review</h3>
  <p class="text-xs">Role plays in pairs, then feedback</p>
</div>
</div>"""


@pytest.mark.parametrize(
    ("text", "language"), [(_CARDS_ZH, "zh"), (_LINKS_ZH, "zh"), (_CARDS_EN, "en")]
)
def test_markup_and_addresses_are_no_language(text: str, language: str) -> None:
    """Convention: what a page writes for the machine is in no language: a saved page's or
    a Slidev/Markdown file's tags and their attributes (<div class="grid gap-4
    text-white"> around Chinese cards), an address (https://…/handbook.pdf,
    www.example.com/…, a mail address) and a link's target. A Chinese page of HTML cards
    or of linked resources is Chinese; an English one is English whatever its class names."""
    assert course_language(text.split("\n"), text, []) == language
