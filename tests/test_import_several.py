"""Several courses in one file (issue 22), and single courses that look like several.

A programme page, a 教学大纲 for several grades and subjects or a catalog written as text
holds its courses one after another, and only their shape says where one ends: each
block numbers its own lessons from the first again, as many as every other block
(第1课时 … 第4课时 under 语文, then again under 数学; Week 1 … Week 4 under each age
tier), under a name of its own (a heading at the level the blocks share, or the lines
right above the first lesson: ``语文 授课教师：周明``, a grade line ``七年级：`` above
the subjects it groups). Real pages write it, for example:

- a school's plan, a two-column table copied as text: ``数学 授课教师：邵俊喆`` then
  ``因式分解习题课 第2课时`` lines, grades as ``初中三年级：`` lines;
- a children's programme in Markdown: ``### 🍭 启蒙期（3–6岁）`` with ``**课时安排**：…``
  and a twelve-month table under each tier, ``---`` rules between them;
- a club's year plan: ``## Juniors`` / ``## Seniors``, each with ``Week 1`` … bullets.

Precision first: a course's parts, days or weeks that count their sessions from 1 again
stay one course (parts of different sizes; a part named as one: 基础篇, Part A; a day:
Monday, 第一天). Each fixture is our own words; NAME.expect.yaml lists the courses a
person reads (their titles, modules and instructor) in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from syllabus_cli.importer.run import import_catalog
from syllabus_cli.problems import Level
from syllabus_cli.validate import validate_paths

from .import_scoring import minutes_of, norm, top_modules

SEVERAL = Path(__file__).parent / "data" / "import" / "several"
SOURCES = sorted(p for p in SEVERAL.iterdir() if not p.name.endswith(".expect.yaml"))


def misreadings(source: Path, out: Path) -> list[str]:
    expect = yaml.safe_load(
        source.with_name(source.stem + ".expect.yaml").read_text(encoding="utf-8")
    )
    want: list[dict[str, Any]] = expect["courses"]
    import_catalog(source, out)
    files = sorted(out.glob("*.yaml"))
    specs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
    if len(specs) != len(want):
        return [f"{len(specs)} specs {[s.get('title') for s in specs]}, want {len(want)}"]
    wrong: list[str] = []
    for spec, need in zip(specs, want, strict=True):
        title = str(spec.get("title"))
        if need["title"] is not None and norm(title) not in {norm(t) for t in need["title"]}:
            wrong.append(f"title {title!r}, want {need['title'][0]!r}")
        got = [str(m.get("title")) for m in top_modules(spec)]
        if need["modules"] is None:  # only how many courses, and their titles
            pass
        elif len(got) != len(need["modules"]) or any(
            norm(w) not in norm(g) for g, w in zip(got, need["modules"], strict=False)
        ):
            wrong.append(f"{title}: modules {got}, want {need['modules']}")
        if "length_minutes" in need and minutes_of(spec.get("duration")) != need["length_minutes"]:
            wrong.append(f"{title}: length {spec.get('duration')!r}, want {need['length_minutes']}")
        if "instructor" in need:
            said = spec.get("instructor")  # its name, or a profile file shared by courses
            if isinstance(said, str) and (out / said).is_file():
                said = yaml.safe_load((out / said).read_text(encoding="utf-8"))
            named = said.get("name") if isinstance(said, dict) else said
            if named != need["instructor"]:
                wrong.append(f"{title}: instructor {named!r}, want {need['instructor']!r}")
    if expect.get("validate") is False:  # (how its lengths read is the length rules')
        return wrong
    errors = [p for r in validate_paths(files) for p in r.problems if p.level == Level.ERROR]
    return wrong + [f"validate: {p.code} {p.message}" for p in errors]


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_courses_in_one_file(source: Path, tmp_path: Path) -> None:
    assert misreadings(source, tmp_path / "out") == []


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(str(path))
    return path


def specs_of(out: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.yaml"))]


def test_an_overview_sheet_naming_the_other_sheets_is_no_course(tmp_path: Path) -> None:
    """Convention: a workbook whose first sheet sums up the others — a row per course, one
    cell naming another sheet (``| 编程基础 | python | 掌握… | 40 |`` over sheets python,
    sql) — holds the courses of the other sheets; the overview is no course of its own.
    Its rows' cells go with the sheets they name, as those courses' facts; its heading
    and total row are kept in the first course's notes. Workbooks write it as a 总纲 /
    总览 sheet of 阶段 | 课程 | 目的 | 学时, or an Overview sheet of Track | Course | Hours."""
    book = workbook(
        tmp_path / "训练营大纲.xlsx",
        {
            "总览": [
                ["训练营课程总览"],
                ["阶段", "课程", "课程目的", "学时"],
                ["基础阶段", "python", "会写脚本处理表格", 40],
                ["", "sql", "会查询和汇总数据", 16],
                ["", "", "合计", 56],
            ],
            "python": [
                ["Python编程"],
                ["章节", "要点", "学时"],
                ["第1章 环境与语法", "安装；变量", 8],
                ["第2章 数据结构", "列表；字典", 16],
                ["第3章 文件与表格", "读写Excel", 16],
            ],
            "sql": [
                ["SQL查询"],
                ["章节", "要点", "学时"],
                ["第1章 单表查询", "筛选；排序", 8],
                ["第2章 多表查询", "连接；子查询", 8],
            ],
        },
    )
    import_catalog(book, tmp_path / "out")
    courses = specs_of(tmp_path / "out")
    assert [c["title"] for c in courses] == ["Python编程", "SQL查询"]
    text = yaml.safe_dump(courses, allow_unicode=True)
    for said in ("训练营课程总览", "会写脚本处理表格", "会查询和汇总数据", "基础阶段"):
        assert said in text
    assert "会查询和汇总数据" in yaml.safe_dump(courses[1], allow_unicode=True)


def test_a_sheet_of_counted_rows_without_a_header_is_one_course(tmp_path: Path) -> None:
    """Convention: a sheet with no header row whose first column counts its rows (``week 1
    | Data basics`` · ``第1周 | 需求分析`` · ``Day 2 | …``) under the line naming it is one
    course's meetings: a module a row, named by the cells right of the count."""
    book = workbook(
        tmp_path / "plans.xlsx",
        {
            "Data": [
                ["Data Skills Track"],
                ["week 1", "Spreadsheets that add up"],
                ["week 2", "Cleaning messy data"],
                ["week 3", "Charts for a busy reader"],
            ],
            "产品": [
                ["产品经理入门"],
                ["第1周", "需求从哪里来"],
                ["第2周", "原型与评审"],
                ["第3周", "上线与复盘"],
            ],
        },
    )
    import_catalog(book, tmp_path / "out")
    en, zh = specs_of(tmp_path / "out")
    assert en["title"] == "Data Skills Track"
    assert [m["title"] for m in en["modules"]] == [
        "Spreadsheets that add up",
        "Cleaning messy data",
        "Charts for a busy reader",
    ]
    assert zh["title"] == "产品经理入门"
    assert [m["title"] for m in zh["modules"]] == ["需求从哪里来", "原型与评审", "上线与复盘"]


def test_a_column_names_note_in_brackets_leaves_its_name(tmp_path: Path) -> None:
    """Convention: a header cell's words in brackets are a note on the column (a room, a
    start time, a unit): ``Lecture (0930 Room 2.15 unless stated)`` names a Lecture
    column; ``授课内容（9:00 教学楼201）`` a 授课内容 column. The note is kept, in notes;
    the sheet of counted meetings reads as one course, a module a row, like the sheet
    beside it (last year's edition) whose header has no note."""
    rows = [
        [1, "Mon 4 March", "Why models matter", "Read chapter 1"],
        [2, "Tue 5 March", "Fitting a line", "Residual plots"],
        [3, "Wed 6 March", "Beyond the line", "Group work"],
    ]
    book = workbook(
        tmp_path / "term.xlsx",
        {
            "2024": [["Day", "Date", "Lecture (0930 Room 2.15 unless stated)", "Goals"], *rows],
            "2023": [["Day", "Date", "Lecture", "Goals"], *rows],
        },
    )
    import_catalog(book, tmp_path / "out")
    this_year, last_year = specs_of(tmp_path / "out")
    for course in (this_year, last_year):
        assert len(course["modules"]) == 3
        text = yaml.safe_dump(course, allow_unicode=True)
        for said in ("Why models matter", "Fitting a line", "Beyond the line"):
            assert said in text
    assert "0930 Room 2.15" in yaml.safe_dump(this_year, allow_unicode=True)


def test_a_page_of_ten_thousand_blocks_is_cut_in_time() -> None:
    """Each block's lessons are counted in one pass over the page: 10,000 blocks of
    three lessons (40,000 lines) are cut in well under the time limit (counting each
    block's lessons over the whole page took minutes)."""
    import time

    from syllabus_cli.importer.catalog import split_courses

    page = "\n".join(
        line
        for n in range(10_000)
        for line in (f"## 课程{n}", f"第1课时 甲{n}", "第2课时 乙", "第3课时 丙")
    )
    began = time.monotonic()
    courses = split_courses(page)
    assert len(courses) == 10_000
    assert time.monotonic() - began < 10


def test_a_word_line_break_keeps_the_lines_apart(tmp_path: Path) -> None:
    """Convention: a line break inside a Word paragraph (Shift+Enter, or a pasted text's
    new lines) starts a new line: '课程大纲：' then '1. 拜访前的准备' … typed as one
    paragraph is three modules, never one '拜访前的准备2. 开场与破冰3. 需求挖掘'; in a
    table cell the lines stay apart by a space (Duration | 1 day<br>6 hours)."""
    from docx import Document

    document = Document()
    document.add_paragraph("课程时长：1天")
    outline = document.add_paragraph()
    for text in ("课程大纲：", "1. 拜访前的准备", "2. 开场与破冰", "3. 需求挖掘"):
        outline.add_run(text).add_break()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Audience", "Format"
    table.cell(1, 0).text, table.cell(1, 1).text = "new sales staff", "workshop\nrole play"
    path = tmp_path / "visits.docx"
    document.save(str(path))
    import_catalog(path, tmp_path / "out")
    (course,) = specs_of(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == ["拜访前的准备", "开场与破冰", "需求挖掘"]
    assert "workshop role play" in yaml.safe_dump(course, allow_unicode=True)


def test_a_slides_line_break_keeps_the_lines_apart(tmp_path: Path) -> None:
    """Convention: a line break inside a slide's paragraph (Shift+Enter) starts a line
    of its own at the paragraph's level: a 目录 slide typed as one paragraph with breaks
    lists three modules, never one '迎宾与问候商品介绍送客与回访'."""
    from pptx import Presentation

    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = "门店服务礼仪"
    contents = deck.slides.add_slide(deck.slide_layouts[1])
    contents.shapes.title.text = "目录"
    paragraph = contents.placeholders[1].text_frame.paragraphs[0]
    for at, text in enumerate(("迎宾与问候", "商品介绍", "送客与回访")):
        if at:
            paragraph.add_line_break()
        paragraph.add_run().text = text
    path = tmp_path / "礼仪.pptx"
    deck.save(str(path))
    import_catalog(path, tmp_path / "out")
    (course,) = specs_of(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == ["迎宾与问候", "商品介绍", "送客与回访"]


def test_sheets_named_by_numbers_are_no_overview(tmp_path: Path) -> None:
    """A workbook whose sheets are named 1, 2, 3 (or Sheet names a row's number can equal)
    is never read as an overview and its courses: a first sheet whose rows are numbered
    1, 2, 3 stays a course of its own."""
    rows = [
        ["编号", "活动", "地点"],
        ["1", "破冰", "一楼"],
        ["2", "参观", "二楼"],
        ["3", "分享", "三楼"],
    ]
    book = workbook(
        tmp_path / "三个班.xlsx",
        {"1": [["一班课表"], *rows], "2": [["二班课表"], *rows], "3": [["三班课表"], *rows]},
    )
    import_catalog(book, tmp_path / "out")
    assert [c["title"] for c in specs_of(tmp_path / "out")] == ["一班课表", "二班课表", "三班课表"]
