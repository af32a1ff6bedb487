"""``import --modules-like``: the trainer names one module as the page writes it, and every
line written the same way becomes a module (the importer's own guess of the level set
aside). What a user sees: the spec's modules, their minutes, nothing of the page lost, and
a one-line error when the example names no module line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.importer.errors import SourceError
from syllabus_cli.importer.run import import_catalog

runner = CliRunner()

DAYS = """# 高效沟通训练营

课程时长：2天

## 课程目标
- 学会倾听
- 学会表达

## 课程安排

**第一天 沟通基础**
1. 沟通的本质（60分钟）
2. 倾听的层次（90分钟）
3. 提问的技巧（90分钟）

**第二天 高阶表达**
1. 结构化表达（90分钟）
2. 反馈与辅导（90分钟）
3. 课程总结（60分钟）

## 讲师介绍
王老师，十年企业培训经验。
"""

TABLES = """# 新员工入职培训

## 第一天
| 时间 | 内容 | 讲师 |
|---|---|---|
| 9:00-10:30 | 公司介绍 | 张华 |
| 10:45-12:00 | 规章制度 | 李明 |

## 第二天
| 时间 | 内容 | 讲师 |
|---|---|---|
| 9:00-10:30 | 销售流程 | 张华 |
| 10:45-12:00 | 客户服务 | 李明 |
"""


def imported(tmp_path: Path, text: str, example: str | None, name: str = "page.md") -> Any:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    import_catalog(source, out, modules_like=example, force=True)
    (spec,) = sorted(out.glob("*.yaml"))
    return yaml.safe_load(spec.read_text(encoding="utf-8"))


def words(text: str) -> set[str]:
    """The page's words (CJK runs and Latin words), its marks aside."""
    return set(re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]{3,}", text))


def test_numbered_sessions_become_the_modules_when_the_trainer_names_one(
    tmp_path: Path,
) -> None:
    """The page's days are what the importer reads; the trainer wants the six sessions:
    each keeps its own minutes, and the day lines stay in the notes."""
    assert [m["title"] for m in imported(tmp_path, DAYS, None)["modules"]] == [
        "沟通基础",
        "高阶表达",
    ]
    spec = imported(tmp_path, DAYS, "1.")
    assert [(m["title"], m["duration"]) for m in spec["modules"]] == [
        ("1. 沟通的本质", "60分钟"),
        ("2. 倾听的层次", "90分钟"),
        ("3. 提问的技巧", "90分钟"),
        ("1. 结构化表达", "90分钟"),
        ("2. 反馈与辅导", "90分钟"),
        ("3. 课程总结", "60分钟"),
    ]
    assert "第一天 沟通基础" in spec["notes"] and "王老师" in spec["notes"]
    assert "**第二天 高阶表达**" in spec["modules"][2]["notes"]  # where the page has it
    assert spec["outcomes"] == ["学会倾听", "学会表达"] and spec["duration"] == "2天"


def test_days_named_by_the_trainer_hold_their_sessions(tmp_path: Path) -> None:
    """The summary says which lines were taken, and --format json says how the modules
    were found."""
    spec = imported(tmp_path, DAYS, "第一天")
    source = tmp_path / "page.md"
    result = runner.invoke(
        app,
        [
            "--lang",
            "zh",
            "import",
            str(source),
            "--out",
            str(tmp_path / "o"),
            "--modules-like",
            "第一天",
        ],
    )
    assert result.exit_code == 0 and "模块：与“第一天”写法相同的 2 行" in result.output
    result = runner.invoke(
        app,
        [
            "--lang",
            "en",
            "import",
            str(source),
            "--out",
            str(tmp_path / "j"),
            "--modules-like",
            "第一天",
            "--format",
            "json",
        ],
    )
    said = json.loads(result.output)
    assert "--modules-like" in said["courses"][0]["fields"]["modules"]["rule"]
    assert said["info"] == ["modules: the 2 line(s) written like “第一天”"]
    assert [m["title"] for m in spec["modules"]] == ["第一天 沟通基础", "第二天 高阶表达"]
    assert [len(m["sections"]) for m in spec["modules"]] == [3, 3]
    assert spec["modules"][0]["sections"][1] == {"title": "倾听的层次", "duration": "90分钟"}


def test_a_table_row_names_the_rows_as_modules_with_their_clock_minutes(
    tmp_path: Path,
) -> None:
    """A row of a day's timetable (its text as clicked in the preview: its cells): every
    session row of every day is a module, its minutes from its clock span; the header rows
    are no modules."""
    assert len(imported(tmp_path, TABLES, None)["modules"]) == 2  # the days
    spec = imported(tmp_path, TABLES, "9:00-10:30 公司介绍 张华")
    assert [(m["title"], m["duration"]) for m in spec["modules"]] == [
        ("公司介绍", "90分钟"),
        ("规章制度", "75分钟"),
        ("销售流程", "90分钟"),
        ("客户服务", "75分钟"),
    ]
    assert "第一天" in spec["notes"] and "第二天" in spec["notes"]  # the days: dividers


def test_the_example_is_a_line_of_a_run_not_the_pages_heading(tmp_path: Path) -> None:
    """课程介绍 is the page's heading and its first module: the module is the line written
    like others (a bullet of a run), not the heading."""
    page = "# 课程介绍\n\n- 课程介绍\n  讲师与学员相互认识\n- 时间管理\n- 目标设定\n"
    spec = imported(tmp_path, page, "课程介绍")
    assert [m["title"] for m in spec["modules"]] == ["课程介绍", "时间管理", "目标设定"]


def test_one_point_one_is_not_one_point_one_point_one(tmp_path: Path) -> None:
    page = (
        "# 操作系统\n\n1.1.1 什么是操作系统\n1.1 概述\n1.1.1 定义\n1.1.2 历史\n"
        "1.2 进程\n1.2.1 进程状态\n1.3 内存\n"
    )
    spec = imported(tmp_path, page, "1.1")
    assert [m["title"] for m in spec["modules"]] == ["1.1 概述", "1.2 进程", "1.3 内存"]
    assert "1.1.1 什么是操作系统" in spec["notes"]  # above the first module: kept


@pytest.mark.parametrize(
    ("page", "example", "titles"),
    [
        (  # traditional characters: 第一單元 is numbered as 第一单元 is
            "# 軟體工程\n\n第一單元：需求分析\n- 訪談\n第二單元：系統設計\n- 架構\n",
            "第一單元",
            ["第一單元：需求分析", "第二單元：系統設計"],
        ),
        (  # a heading typed without its space
            "# Git 入门\n\n##第一阶段：git使用\n- 提交\n##第二阶段：分支\n- 合并\n",
            "第一阶段",
            ["第一阶段：git使用", "第二阶段：分支"],
        ),
        (  # Day N in English, bullets under them
            "# Agile Basics\n\nDay 1 - Foundations\n- Why agile\n- Scrum roles\n"
            "Day 2 - Practice\n- Planning\n- Review\n",
            "Day 1",
            ["Day 1 - Foundations", "Day 2 - Practice"],
        ),
    ],
)
def test_the_numbering_a_trainer_writes_is_told_apart(
    tmp_path: Path, page: str, example: str, titles: list[str]
) -> None:
    spec = imported(tmp_path, page, example)
    assert [m["title"] for m in spec["modules"]] == titles


def test_nothing_on_the_page_is_lost(tmp_path: Path) -> None:
    """Every word of the page is in the spec, as the importer's own reading keeps it (its
    labels, 课程时长 · 课程目标 · 课程安排, are the spec's keys)."""
    labels = {"课程时长", "课程目标", "课程安排"}
    for example in ("1.", "第一天"):
        spec = imported(tmp_path, DAYS, example)
        kept = words(yaml.safe_dump(spec, allow_unicode=True))
        assert words(DAYS) - labels <= kept, words(DAYS) - labels - kept


def test_a_catalog_course_without_such_a_line_is_read_as_before_and_says_so(
    tmp_path: Path,
) -> None:
    catalog = (
        "课程名称：高效沟通\n课程大纲：\n第一天 沟通基础\n- 倾听\n第二天 高阶表达\n- 反馈\n"
        "\n联系老师 培训咨询\n\n"
        "课程名称：时间管理\n课程大纲：\n一、目标（60分钟）\n二、计划（60分钟）\n"
    )
    source = tmp_path / "catalog.txt"
    source.write_text(catalog, encoding="utf-8")
    report = import_catalog(source, tmp_path / "out", modules_like="第一天")
    assert [row.modules for row in report.rows] == [2, 2]
    assert any("第一天" in w and "2" in w for w in report.warnings), report.warnings


@pytest.mark.parametrize(
    ("example", "code", "said"),
    [
        ("第九天", "modules-like-unmatched", "第九天"),
        ("王老师", "modules-like-plain", "王老师"),
    ],
)
def test_an_example_naming_no_module_line_is_one_line_in_chinese(
    tmp_path: Path, example: str, code: str, said: str
) -> None:
    source = tmp_path / "page.md"
    source.write_text(DAYS, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        import_catalog(source, tmp_path / "out", modules_like=example)
    assert info.value.code == code
    result = runner.invoke(
        app,
        [
            "--lang",
            "zh",
            "import",
            str(source),
            "--out",
            str(tmp_path / "o"),
            "--modules-like",
            example,
        ],
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = [x for x in result.output.splitlines() if "error[" in x]
    assert f"error[{code}]" in line and said in line and "page.md" in line
    assert re.search(r"[\u4e00-\u9fff]{4}", line.split("]", 1)[1])  # the message is Chinese
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").glob("*.yaml"))


def test_the_example_is_read_in_linear_time_on_a_large_page(tmp_path: Path) -> None:
    """Ten thousand lines that all start with the example: one pass, no line compared
    with every other (a CLI run with a time limit)."""
    page = "# 大课\n\n" + "".join(f"- 1 节 {i}\n" for i in range(10_000))
    source = tmp_path / "big.md"
    source.write_text(page, encoding="utf-8")
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "syllabus_cli", "import", str(source), "--out",
         str(tmp_path / "out"), "--modules-like", "1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


# --- what the attack on --modules-like found (each failed before its mend) -------------


def _titles(spec: Any) -> list[str]:
    return [m["title"] for m in spec["modules"]]


def test_a_break_row_is_no_module_and_is_kept_and_a_header_is_no_module(tmp_path: Path) -> None:
    page = (
        "# 时间管理\n\n## 课程安排\n\n| 时间 | 内容 | 形式 |\n| --- | --- | --- |\n"
        "| 9:00-10:30 | 四象限 | 讲授 |\n| 10:30-10:45 | 茶歇 | |\n| 10:45-12:00 | 番茄工作法 | 练习 |\n"
    )
    spec = imported(tmp_path, page, "9:00-10:30 四象限")
    assert [(m["title"], m["duration"]) for m in spec["modules"]] == [
        ("四象限", "90分钟"),
        ("番茄工作法", "75分钟"),
    ]
    assert "茶歇" in spec["modules"][0]["notes"]


def test_a_days_second_table_with_other_columns_is_read_too(tmp_path: Path) -> None:
    page = (
        "# 参观学习\n\n## 安排\n\n| 时间 | 内容 | 形式 |\n|------|------|------|\n"
        "| 9:00-10:30 | 公司介绍 | 讲授 |\n| 10:30-12:00 | 产品 | 讲授 |\n\n"
        "| 时间 | 内容 |\n|:--|--:|\n| 13:00-14:00 | 参观 |\n| 14:00-15:00 | 总结 |\n"
    )
    spec = imported(tmp_path, page, "公司介绍")
    assert _titles(spec) == ["公司介绍", "产品", "参观", "总结"]
    assert "| 时间 | 内容 |" in yaml.safe_dump(spec, allow_unicode=True)  # kept, no module


@pytest.mark.parametrize("example", ["第二天", "第一天"])
def test_any_module_of_the_run_names_them_all(tmp_path: Path, example: str) -> None:
    assert _titles(imported(tmp_path, DAYS, example)) == ["第一天 沟通基础", "第二天 高阶表达"]


def test_fenced_code_is_never_a_module(tmp_path: Path) -> None:
    page = (
        "# Python 入门\n\n### 第一天 基础\n- 变量\n```python\n### 第二天 这是注释\nprint('hi')\n```\n"
        "### 第二天 进阶\n- 函数\n"
    )
    spec = imported(tmp_path, page, "第一天")
    assert _titles(spec) == ["第一天 基础", "第二天 进阶"]
    assert "### 第二天 这是注释" in spec["modules"][0]["notes"]


def test_a_line_the_page_writes_twice_is_kept_twice(tmp_path: Path) -> None:
    page = (
        "# 销售技巧\n\n## 课程大纲\n\n### 上午\n小组讨论\n#### 第一节 开场\n- 小组讨论\n- 破冰\n"
        "#### 第二节 需求\n- 提问\n### 下午\n#### 第三节 成交\n- 复盘\n"
    )
    spec = imported(tmp_path, page, "第一节")
    assert _titles(spec) == ["第一节 开场", "第二节 需求", "第三节 成交"]
    assert yaml.safe_dump(spec, allow_unicode=True).count("小组讨论") == 2


def test_a_clock_span_before_a_modules_name_is_its_minutes(tmp_path: Path) -> None:
    page = "# 沟通\n\n## 日程\n- 9:00-10:30 开场与破冰\n- 10:45-12:00 倾听练习\n"
    spec = imported(tmp_path, page, "9:00")
    assert [(m["title"], m["duration"]) for m in spec["modules"]] == [
        ("开场与破冰", "90分钟"),
        ("倾听练习", "75分钟"),
    ]


def test_a_sheets_day_column_makes_the_days_hold_their_sessions(tmp_path: Path) -> None:
    from .import_builders import sheet

    source = sheet(
        tmp_path / "plan.xlsx",
        [
            ["天", "时间", "内容", "学时"],
            ["第一天", "9:00-10:30", "认识团队", 1.5],
            [None, "10:45-12:00", "团队角色", 1.25],
            ["第二天", "9:00-10:30", "会议", 1.5],
            [None, "10:45-12:00", "看板", 1.25],
        ],
    )
    import_catalog(source, tmp_path / "out", modules_like="第一天")
    (spec_file,) = (tmp_path / "out").glob("*.yaml")
    spec = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
    assert _titles(spec) == ["第一天", "第二天"]
    assert [[s["title"] for s in m["sections"]] for m in spec["modules"]] == [
        ["认识团队", "团队角色"],
        ["会议", "看板"],
    ]


def test_a_decks_own_label_never_reaches_the_spec(tmp_path: Path) -> None:
    from .import_builders import deck

    source = deck(
        tmp_path / "team.pptx",
        [
            ("团队协作", ["课程时长：2天"]),
            ("第一天 认识团队", ["团队的定义", (1, "团队角色")]),
            ("第二天 协作工具", ["会议", (1, "看板")]),
        ],
    )
    import_catalog(source, tmp_path / "out", modules_like="第一天")
    (spec_file,) = (tmp_path / "out").glob("*.yaml")
    written = spec_file.read_text(encoding="utf-8")
    assert "\\x01" not in written and "\x01" not in written
    assert _titles(yaml.safe_load(written)) == ["第一天 认识团队", "第二天 协作工具"]


def test_the_pages_title_as_the_example_is_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "page.md"
    source.write_text(DAYS, encoding="utf-8")
    result = runner.invoke(
        app,
        ["--lang", "zh", "import", str(source), "--out", str(tmp_path / "o"), "--modules-like", "高效沟通训练营"],
    )  # fmt: skip
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if "error[" in x]
    assert "error[modules-like-single]" in line and "标题" in line


def test_a_section_after_the_last_module_stays_beside_them(tmp_path: Path) -> None:
    page = (
        "# 高效沟通\n\n课程时长：2天\n\n## 第一天 基础\n- 倾听\n\n## 第二天 进阶\n- 反馈\n\n"
        "## 讲师介绍\n张老师，十年经验。\n\n## 课程收益\n- 会沟通\n"
    )
    spec = imported(tmp_path, page, "第一天")
    assert [m.get("points") for m in spec["modules"]] == [["倾听"], ["反馈"]]
    assert spec["outcomes"] == ["会沟通"]  # one item, its bullet aside
    assert "张老师" in spec["notes"]


def test_headings_at_mixed_levels_and_days_under_dates(tmp_path: Path) -> None:
    mixed = "# Schedule\n\n## Day 1\n### Session 1\n- Setup\n\n# Day 2\n### Session 2\n- Deploy\n"
    assert _titles(imported(tmp_path, mixed, "Day 1")) == ["Day 1", "Day 2"]
    dated = "# 年会议程\n\n## 1/30\n### Day 1\n- 报到\n## 1/31\n### Day 2\n- 分享\n"
    assert _titles(imported(tmp_path, dated, "Day 1")) == ["Day 1", "Day 2"]


def test_a_simplified_example_names_a_traditional_line(tmp_path: Path) -> None:
    page = "# 溝通\n\n第一單元 溝通基礎\n- 傾聽\n第二單元 回饋\n- 表達\n"
    assert _titles(imported(tmp_path, page, "第一单元")) == ["第一單元 溝通基礎", "第二單元 回饋"]


def test_an_empty_example_is_a_usage_error_and_a_long_one_is_shown_short(tmp_path: Path) -> None:
    source = tmp_path / "page.md"
    source.write_text(DAYS, encoding="utf-8")
    empty = runner.invoke(
        app, ["import", str(source), "--out", str(tmp_path / "o"), "--modules-like", "  "]
    )
    assert empty.exit_code == 2
    long = runner.invoke(
        app,
        ["import", str(source), "--out", str(tmp_path / "o"), "--modules-like", "\x1b]0;x\x07" + "无" * 5000],
    )  # fmt: skip
    assert long.exit_code == 1
    (line,) = [x for x in long.output.splitlines() if "error[" in x]
    assert len(line) < 400 and "\x1b" not in line and "…" in line


# --- what the second attack found --------------------------------------------------------


def test_a_document_section_after_the_days_stays_beside_them_once(tmp_path: Path) -> None:
    """## 二、培训安排 › ### 第一天 …, then ## 三、讲师介绍: 一、 二、 三、 number the
    document's sections, not a run of days; the section after the days is kept once."""
    page = (
        "# 新员工培训方案\n\n## 一、培训目标\n- 融入团队\n\n## 二、培训安排\n"
        "### 第一天 公司认知\n- 公司历程（60分钟）\n### 第二天 岗位技能\n- 产品知识（90分钟）\n\n"
        "## 三、讲师介绍\n王老师，人力资源部。\n"
    )
    spec = imported(tmp_path, page, "第一天")
    assert _titles(spec) == ["第一天 公司认知", "第二天 岗位技能"]
    assert yaml.safe_dump(spec, allow_unicode=True).count("王老师") == 1
    assert "讲师介绍" not in yaml.safe_dump(spec["modules"], allow_unicode=True)


def test_a_bold_label_after_the_days_keeps_its_own_key(tmp_path: Path) -> None:
    page = (
        "# 大客户销售\n\n**第一天 客户开发**\n- 画像（60分钟）\n**第二天 促成成交**\n"
        "- 谈判（60分钟）\n\n**课程收益：**\n- 掌握开发方法\n"
    )
    spec = imported(tmp_path, page, "第一天")
    assert _titles(spec) == ["第一天 客户开发", "第二天 促成成交"]
    assert spec["outcomes"] == ["掌握开发方法"]
    assert "掌握开发方法" not in yaml.safe_dump(spec["modules"], allow_unicode=True)


def test_a_week_dividing_the_days_goes_to_the_notes(tmp_path: Path) -> None:
    page = (
        "# Web Bootcamp\n\n## Week 1: Foundations\n### Day 1: Git\n- Commits\n"
        "### Day 2: HTML\n- Tags\n## Week 2: JavaScript\n### Day 3: Functions\n- Scope\n"
    )
    spec = imported(tmp_path, page, "Day 1")
    assert _titles(spec) == ["Day 1: Git", "Day 2: HTML", "Day 3: Functions"]
    assert "Week 2: JavaScript" in spec["notes"]
    assert "Week 2" not in yaml.safe_dump(spec["modules"])


def test_a_session_row_keeps_the_day_its_row_names(tmp_path: Path) -> None:
    page = (
        "# 项目管理\n\n| 日期 | 时段 | 内容 |\n|---|---|---|\n| 第一天 | 上午 | 项目启动与干系人分析 |\n"
        "| | 下午 | 范围管理 |\n| 第二天 | 上午 | 进度管理 |\n"
    )
    spec = imported(tmp_path, page, "项目启动与干系人分析")
    dumped = yaml.safe_dump(spec, allow_unicode=True)
    assert "第一天" in dumped and "第二天" in dumped


@pytest.mark.parametrize(
    ("page", "example", "titles"),
    [
        ("# 经营\n\n【第一天】经营哲学\n- 利他\n【第二天】阿米巴\n- 核算\n", "第一天",
         ["【第一天】经营哲学", "【第二天】阿米巴"]),
        ("# 管理\n\n一、目标管理\n1. 设定\n二、时间管理\n1. 排序\n", "一.",
         ["一、目标管理", "二、时间管理"]),
    ],
)  # fmt: skip
def test_brackets_and_punctuation_a_trainer_types_differently(
    tmp_path: Path, page: str, example: str, titles: list[str]
) -> None:
    assert _titles(imported(tmp_path, page, example)) == titles
