"""Which level of a page is the course's modules (importer/level.py and the day and
session shapes around it), as the spec a user gets shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from syllabus_cli.importer.run import import_catalog
from syllabus_cli.problems import Level
from syllabus_cli.validate import validate_paths

FRESH = Path(__file__).parent / "data" / "import" / "fresh"


def imported(source: Path, out: Path) -> dict[str, Any]:
    import_catalog(source, out)
    (spec,) = sorted(out.glob("*.yaml"))
    data: dict[str, Any] = yaml.safe_load(spec.read_text(encoding="utf-8"))
    return data


def test_a_days_own_hours_stay_the_days_and_its_parts_stay_its_sections(tmp_path: Path) -> None:
    """'## Day 1 (9:00 am – 4:30 pm)' over '### Morning' / '### Afternoon': the hours
    are the day's (with lunch inside them, so no session's time), noted on the day."""
    spec = imported(FRESH / "en-day-hours-over-parts.md", tmp_path / "out")
    day = spec["modules"][0]
    assert "duration" not in day and day["notes"] == "9:00 am – 4:30 pm"
    assert [s["title"] for s in day["sections"]] == ["Morning", "Afternoon"]
    assert day["sections"][0]["points"] == ["Why agile", "Scrum roles"]


def test_sections_about_the_course_leave_the_modules_whole(tmp_path: Path) -> None:
    """What leaves the module level is kept in notes, each block's time beside it."""
    spec = imported(FRESH / "zh-grading-scores-after-sessions.md", tmp_path / "out")
    assert "评分标准" in spec["notes"] and "课堂表现（20分）" in spec["notes"]
    assert all("评分" not in m["title"] for m in spec["modules"])


def test_the_section_holding_the_outline_is_descended_into_and_the_rest_kept(
    tmp_path: Path,
) -> None:
    spec = imported(FRESH / "zh-doc-sections-outline.md", tmp_path / "out")
    assert len(spec["modules"]) == 6
    for kept in ("帮助学员用表格和图表", "《用数据说话》讲义", "结业报告 60%"):
        assert kept in yaml.safe_dump(spec, allow_unicode=True)


def test_an_untimed_item_in_a_block_its_timed_parts_fill_is_text_about_it(
    tmp_path: Path,
) -> None:
    """A module whose timed parts already take all its time cannot hold a part with no
    time (validate: over-full); an untimed item with points there is the module's text."""
    source = tmp_path / "ai.md"
    source.write_text(
        "# 生成式AI办公\n\n## 写作助手（60分钟）\n### 提示词（30分钟）\n### 润色（30分钟）\n"
        "### 延伸阅读\n- 官方文档\n- 案例集\n\n## 表格与数据（45分钟）\n- 清洗\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    module = spec["modules"][0]
    assert [s["title"] for s in module["sections"]] == ["提示词", "润色"]
    assert module["points"] == ["延伸阅读"] and "官方文档" in module["notes"]
    files = sorted((tmp_path / "out").glob("*.yaml"))
    errors = [p for r in validate_paths(files) for p in r.problems if p.level == Level.ERROR]
    assert errors == []


def test_sections_before_and_after_the_numbered_stages_are_about_the_course(
    tmp_path: Path,
) -> None:
    """'## 课程概览' before '## 第一阶段：…' … '## 第三阶段：…' and '## 学习成果' after
    them: the stages are the modules, the sections around them the course's notes; an
    unnumbered '## 课程总结' after them is still taught."""
    source = tmp_path / "excel.md"
    source.write_text(
        "# Excel 数据分析实战\n\n## 课程概览\n| 阶段 | 内容 |\n|---|---|\n| 一 | 基础 |\n\n"
        "## 第一阶段：表格基础\n### 数据录入\n### 常用函数\n\n"
        "## 第二阶段：透视分析\n### 数据透视表\n### 切片器\n\n"
        "## 第三阶段：图表呈现\n### 图表选择\n### 仪表盘\n\n"
        "## 课程总结\n- 答疑\n\n## 学习成果\n- 能独立完成月报\n\n## 推荐阅读\n- 《数据之美》\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    titles = [m["title"] for m in spec["modules"]]
    assert titles == ["表格基础", "透视分析", "图表呈现", "课程总结"]
    for kept in ("课程概览", "学习成果", "能独立完成月报", "推荐阅读"):
        assert kept in spec["notes"]


def test_sections_around_numbered_modules_in_english_are_notes(tmp_path: Path) -> None:
    source = tmp_path / "git.md"
    source.write_text(
        "# Git for Teams\n\n## Context\nWhy this course exists.\n\n"
        "## Module 1: Commits\n### Staging\n### History\n\n"
        "## Module 2: Branches\n### Merging\n### Rebasing\n\n"
        "## Wrap-up\n- Questions\n\n## Further reading\n- Pro Git\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    assert [m["title"] for m in spec["modules"]] == ["Commits", "Branches", "Wrap-up"]
    assert "Context" in spec["notes"] and "Pro Git" in spec["notes"]


def test_days_written_as_html_over_start_time_rows_are_the_modules(tmp_path: Path) -> None:
    """A Markdown page laid out in HTML (<div> columns, an <h3> per day) over rows of
    start times: the days are the modules, and the last session before the 'END' row
    ends when the day does."""
    source = tmp_path / "gpu.md"
    source.write_text(
        '# GPU Programming\n\n<div class="row">\n  <div class="col-md-6">\n    <h3>Day 1</h3>\n\n'
        "| 09:30 | Welcome |\n| 09:45 | Profiling |\n| 10:30 | Coffee break |\n"
        "| 10:45 | Kernels |\n| 16:15 | Wrap-up |\n| 16:30 | END |\n\n  </div>\n"
        '  <div class="col-md-6">\n    <h3>Day 2</h3>\n\n'
        "| 09:30 | Memory |\n| 12:00 | Streams |\n| 16:30 | Drinks |\n  </div>\n</div>\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    days = spec["modules"]
    assert [d["title"] for d in days] == ["Day 1", "Day 2"]
    assert [(s["title"], s["duration"]) for s in days[0]["sections"]] == [
        ("Welcome", "15min"),
        ("Profiling", "45min"),
        ("Kernels", "330min"),
        ("Wrap-up", "15min"),
    ]
    assert "div" not in yaml.safe_dump(spec)


def test_a_markdown_heading_keeps_its_text_not_its_empty_anchor(tmp_path: Path) -> None:
    source = tmp_path / "camp.md"
    source.write_text(
        '# 后端训练营\n\n## 第一周 Git 基础 <a href="#week1" id="week1"></a>\n\n- 版本控制\n- 分支\n\n'
        '## 第二周 框架入门 <a href="#week2" id="week2"></a>\n\n- Flask\n- 路由\n',
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    assert [m["title"] for m in spec["modules"]] == ["第一周 Git 基础", "第二周 框架入门"]


def test_a_session_table_with_its_names_in_bold_is_read_row_by_row(tmp_path: Path) -> None:
    source = tmp_path / "bold.md"
    source.write_text(
        "# 工单系统实战\n\n| 节次 | 教学主题 | 学习成果 |\n| --- | --- | --- |\n"
        "| **第 1 节：项目启动** | 项目介绍 | 能搭环境 |\n| **第 2 节：后端基础** | 路由 | 能写接口 |\n"
        "| **第 3 节：前端界面** | 列表 | 能写页面 |\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    assert [m["title"] for m in spec["modules"]] == [
        "第 1 节：项目启动",
        "第 2 节：后端基础",
        "第 3 节：前端界面",
    ]


def test_a_sphinx_pages_schedule_table_under_its_about_section_gives_the_days(
    tmp_path: Path,
) -> None:
    """A reStructuredText page (headings underlined with === and ---, a simple table
    between ===== rules): the schedule sits inside '# About the course'; its Date column
    makes a module a day, each with the minutes its times give."""
    source = tmp_path / "workshop.txt"
    source.write_text(
        "Python for Astronomers\n======================\n\nAbout this website\n"
        "------------------\n\nAdapted from an earlier course.\n\nAbout the course\n"
        "================\n\nHands-on workshops.\n\nWorkshop Schedule\n-----------------\n\n"
        "======== ======================= ===========\nDate     Topic                   Time\n"
        "======== ======================= ===========\n"
        "4th May  Installing packages     9:30-10:00\n4th May  Pure Python             10:00-12:00\n"
        "5th May  Plotting                9:30-11:00\n5th May  Fitting                 11:30-13:00\n"
        "======== ======================= ===========\n\nAbout the format\n----------------\n\n"
        "Bring a laptop.\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    assert spec["title"] == "Python for Astronomers"
    assert [(m["title"], m.get("duration")) for m in spec["modules"]] == [
        ("4th May", "150min"),
        ("5th May", "180min"),
    ]
    assert "Bring a laptop." in spec["notes"]


def test_day_headings_after_a_list_are_the_days_and_the_daily_hours_no_session(
    tmp_path: Path,
) -> None:
    """'### Day 1：…' after a bullet giving the daily hours (每天 9:00–12:00，14:00–17:00,
    two spans: the hours the course keeps, no session): each day a module, whatever
    list was open above it; '#### Day1 作业' inside Day 1 is the day's own text."""
    source = tmp_path / "llm.md"
    source.write_text(
        "# 大模型微调实战\n\n- 3 天，每天 9:00–12:00，14:00–17:00\n\n"
        "### Day 1：训练基础\n#### 理论模块\n- 流程\n- 微调\n#### Day1 作业\n- 提交脚本\n\n"
        "### Day 2：模型部署\n#### 理论模块\n- 显存\n\n### Day 3：综合实践\n#### 实操\n- 项目\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    assert [m["title"] for m in spec["modules"]] == ["训练基础", "模型部署", "综合实践"]
    assert "提交脚本" in yaml.safe_dump(spec["modules"][0], allow_unicode=True)


ATTACK = Path(__file__).parent / "data" / "import" / "attack6"


@pytest.mark.parametrize(
    ("name", "modules", "kept"),
    [
        # a section of facts (日期：… 地点：…) named like a schedule holds no outline
        ("zh-time-facts-section.md", ["时间安排", "沟通管理", "绩效管理", "团队建设"], "上海总部"),
        # one module's 学习内容 with two items does not flatten the course
        ("zh-modules-with-content-sections.md", ["沟通基础", "冲突管理", "团队协作"], "有效倾听"),
        # a taught block numbered apart from the 模块 run stays a module
        ("zh-mixed-numbering.md", ["服务意识", "服务礼仪", "投诉处理", "综合演练"], "情景模拟"),
        # "About the Customer" is a topic, not a section about the course
        (
            "en-about-the-customer.md",
            ["Know Your Product", "About the Customer", "Asking Questions", "Closing"],
            "Buyer personas",
        ),
        # a YAML fence opening with --- is code, never a heading's underline
        ("zh-yaml-fence.md", ["Inventory", "Playbook", "Roles"], "- hosts: web"),
        # the page's own lines between two rules are no site settings: kept
        ("zh-rules-around-days.md", ["协作认知与角色定位", "冲突处理与协作机制"], "王老师"),
        ("en-facts-between-rules.md", ["Pods", "Deployments"], "Room 101"),
        # a 培训方案's 项目设计 › 课程大纲 › 模块…: the modules, the plan's sections in notes
        ("zh-plan-design-holds-outline.md", ["客户开发", "需求挖掘", "谈判成交"], "讲师费"),
        # taught sections after a numbered run that say nothing about the course stay
        (
            "zh-taught-after-numbered-run.md",
            ["角色认知", "团队管理", "绩效辅导", "结构化思维与表达", "打造学习型组织"],
            "金字塔原理",
        ),
        # a block between rules holding the course's facts is no site's settings
        ("en-course-facts-between-rules.md", ["Preparation", "At the table"], "2 days"),
        # ```python print("hello")``` on one line is inline code, no fence opening
        ("zh-inline-code-line.md", ["Excel 自动化", "Word 自动化", "邮件自动化"], "smtplib"),
        # a reStructuredText page underlined with ~~~ then ---: levels in the page's order
        ("zh-rst-tilde-underline.rst", ["倾听", "表达", "反馈"], "沟通力提升"),
    ],
)
def test_this_rounds_rules_leave_what_they_do_not_name_alone(
    name: str, modules: list[str], kept: str, tmp_path: Path
) -> None:
    """Pages a hostile reader wrote against this round's rules: each keeps its modules
    and every published line."""
    spec = imported(ATTACK / name, tmp_path / "out")
    assert [m["title"] for m in spec["modules"]] == modules
    assert kept in yaml.safe_dump(spec, allow_unicode=True)


def test_an_end_row_ends_the_day_and_the_next_days_rows_follow_it(tmp_path: Path) -> None:
    spec = imported(ATTACK / "en-two-days-end-rows.md", tmp_path / "out")
    assert [(m["title"], m["duration"]) for m in spec["modules"]] == [
        ("Setup", "30min"),
        ("The Unix Shell", "150min"),
        ("Version Control with Git", "210min"),
        ("Programming with Python", "180min"),
        ("Python continued", "210min"),
    ]


def test_a_weeks_dates_in_brackets_are_no_clock_span(tmp_path: Path) -> None:
    """'## 第一周（7.13-7.17）': the week's dates (July 13 to 17), never a 4-minute session
    from 7:13 to 7:17; a section of facts before the weeks (## 基本情况) is a note."""
    source = tmp_path / "newcomer.md"
    source.write_text(
        "# 前端新人培养\n\n## 基本情况\n\n- 7月13日入职\n\n## 第一周（7.13-7.17）\n\n- 环境搭建\n\n"
        "## 第二周（7.20-7.24）\n\n- 熟悉流程\n\n## 第三周（8.03-8.07）\n\n- 承接需求\n",
        encoding="utf-8",
    )
    spec = imported(source, tmp_path / "out")
    assert [(m["title"], m.get("duration")) for m in spec["modules"]] == [
        ("第一周（7.13-7.17）", None),
        ("第二周（7.20-7.24）", None),
        ("第三周（8.03-8.07）", None),
    ]
    assert "7月13日入职" in spec["notes"]
