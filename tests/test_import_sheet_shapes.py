"""How a sheet, a PDF or a deck is read before its outline is (issue 22): each file made in
the test by the library a trainer's tools write it with, in words written for the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from syllabus_cli.importer.run import import_catalog

from .import_builders import deck, pdf_from_docx, sheet, soffice


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


def test_a_tables_header_row_is_never_the_course_title(tmp_path: Path) -> None:
    """Convention: a table's header row names columns, never a course: over the rows that
    open the outline (clock times, numbered rows) it opens the outline with them and stays
    in the spec as written. Sheets write it as ``时间 | 内容 | 讲师`` over ``09:00-09:30 |
    开场 | 王``; a page as ``| Time | Session | Who |`` under its own title."""
    agenda = sheet(
        tmp_path / "agenda.xlsx",
        [
            ["时间", "内容", "讲师"],
            ["09:00-09:40", "开场与目标", "王老师"],
            ["09:40-10:30", "需求访谈的提问", "王老师"],
            ["10:30-10:45", "茶歇", ""],
            ["10:45-12:00", "访谈记录的整理", "李老师"],
        ],
    )
    import_catalog(agenda, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert course["title"].startswith("TODO")
    assert [m["title"] for m in course["modules"]] == [
        "开场与目标",
        "需求访谈的提问",
        "访谈记录的整理",
    ]
    assert "时间 | 内容 | 讲师" in yaml.safe_dump(course, allow_unicode=True)

    page = tmp_path / "clinic.md"
    page.write_text(
        "# Feedback Clinic\n\n| Time | Session | Who |\n|---|---|---|\n"
        "| 13:00-13:50 | Why feedback stalls | Ana |\n| 14:00-14:45 | Practice rounds | Ben |\n",
        encoding="utf-8",
    )
    import_catalog(page, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert course["title"] == "Feedback Clinic"
    assert [m["title"] for m in course["modules"]] == ["Why feedback stalls", "Practice rounds"]


def test_a_decks_one_list_slide_holds_the_modules(tmp_path: Path) -> None:
    """Convention: a course's introduction deck is slides of facts (about the trainer, an
    overview, references, assessment) around ONE slide that lists the modules, its items
    counting on from 1 (``一、…十、`` under 教学内容; ``Week 1 — …`` under a schedule).
    That slide's items are the modules, their sub-items the points; the other slides are
    kept beside them, never modules. A teaching deck that numbers points on several
    slides is read slide by slide, as before."""
    zh = deck(
        tmp_path / "intro.pptx",
        [
            ("数据分析入门", ["第0讲 课程介绍", "授课人：周宁"]),
            ("关于我", ["周宁", (1, "数据团队负责人")]),
            ("教学内容", ["一、认识数据：来源与类型", "二、整理数据：缺失与重复", "三、呈现数据：选图"]),
            ("参考资料", ["《数据之美》"]),
            ("考核方式", ["平时作业：40%", "期末项目：60%"]),
        ],
    )  # fmt: skip
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert course["title"] == "数据分析入门"
    assert [m["title"] for m in course["modules"]] == [
        "认识数据：来源与类型",
        "整理数据：缺失与重复",
        "呈现数据：选图",
    ]
    assert "期末项目" in yaml.safe_dump(course, allow_unicode=True)

    en = deck(
        tmp_path / "plan.pptx",
        [
            ("Negotiation Lab", ["Spring term"]),
            ("Course Overview", ["Practice first, theory after", "Cases from the class"]),
            ("Four-Week Plan", ["Week 1 — Interests", (1, "Positions and needs"), "Week 2 — Options", "Week 3 — Anchors", "Week 4 — Closing"]),
            ("Assessment", ["Two role plays — 50%", "Reflection — 50%"]),
        ],
    )  # fmt: skip
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    titles = [m["title"] for m in course["modules"]]
    assert len(titles) == 4 and titles[0].endswith("Interests")
    assert course["modules"][0]["points"] == ["Positions and needs"]

    teaching = deck(
        tmp_path / "lesson.pptx",
        [
            ("Giving feedback", ["A short lesson"]),
            ("Why it stalls", ["1. Fear", "2. Vague words", "3. Bad timing"]),
            ("What helps", ["1. Name the moment", "2. Say the effect", "3. Ask, then listen"]),
        ],
    )
    import_catalog(teaching, tmp_path / "t")
    (course,) = specs(tmp_path / "t")
    assert [m["title"] for m in course["modules"]] == ["Why it stalls", "What helps"]


def one_page_pdf(path: Path, ops: list[str]) -> Path:
    """A one-page PDF drawing ``ops`` (its content stream) in Helvetica, the file's
    bytes as a PDF writer sets them; pypdf, the importer's reader, reads them back."""
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def placed_words_pdf(path: Path, lines: list[tuple[int, str]]) -> Path:
    """A PDF as an online editor exports one: the page's y axis flipped and every word
    its own text object at its own place (the file's bytes written here, as the editor
    writes them; pypdf, the importer's reader, reads them back)."""
    ops = ["1 0 0 -1 0 842 cm"]
    for row, (indent, line) in enumerate(lines):
        x, y = 50 + 20 * indent, 40 + 16 * row
        for word in line.split():
            said = word.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(
                f"q 1 0 0 1 {x} {y} cm BT /F1 10 Tf 1 0 0 -1 0 1 Tm 0 -8 Td ({said}) Tj ET Q"
            )
            x += 6 * len(word) + 4
    return one_page_pdf(path, ops)


def test_a_pdf_whose_words_are_placed_one_by_one_keeps_its_lines(tmp_path: Path) -> None:
    """Convention: a PDF whose text layer places every word by itself (an online editor's
    export, its y axis flipped) reads, in pypdf's plain order, as one run-on line or as
    a word a line; the page's own lines (and their indents) come back from where the
    words stand, so its days, topics and bracketed hours are read as on the page. Both
    readings are seen: ``Day 1 Listening well [2 hrs] - Attention …`` on one line, and
    ``Store`` / ``Rota`` / ``Planning`` a word a line."""
    source = placed_words_pdf(
        tmp_path / "coaching.pdf",
        [
            (0, "Team Coaching Basics"),
            (0, "Day 1"),
            (0, "Listening well [2 hrs]"),
            (1, "- Attention and silence"),
            (1, "- Reflecting back"),
            (0, "Asking questions [1.5 hrs]"),
            (1, "- Open and closed"),
            (0, "Day 2"),
            (0, "Giving feedback [2 hrs]"),
            (1, "- Effect before advice"),
            (0, "Agreeing next steps [1 hr]"),
            (1, "- Owners and dates"),
            *[
                (1, f"- Practice pair {n} with its own notes and a longer line")
                for n in range(1, 4)
            ],
        ],
    )
    from syllabus_cli.importer.source import read_source

    text = read_source(source)
    assert "Listening well [2 hrs]" in text.split("\n")
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert course["title"] == "Team Coaching Basics"
    assert [m["title"] for m in course["modules"]] == ["Day 1", "Day 2"]


def test_a_pdfs_topmost_line_is_read_first(tmp_path: Path) -> None:
    """Convention: a text layer keeps the order its lines were drawn in; a designed page
    (a course flyer, a brochure) draws its body first and its title, set large at the
    top, last. The topmost line (by its place) is read first, every other line in its
    drawn order. Flyers write it as a banner over "Why do this course?" and a list, or
    as a course name over a facts table drawn before it."""

    def line(y: int, size: int, text: str) -> str:
        return f"BT /F1 {size} Tf 60 {y} Td ({text}) Tj ET"

    source = one_page_pdf(
        tmp_path / "flyer.pdf",
        [
            line(700, 11, "Why take this course?"),
            line(684, 11, "Tables rarely arrive the way you need them."),
            line(660, 11, "You will learn to:"),
            line(644, 11, "1. Sort and filter a sheet"),
            line(628, 11, "2. Build a pivot table"),
            line(612, 11, "3. Chart what you found"),
            line(780, 24, "Spreadsheets for Analysts"),
        ],
    )
    from syllabus_cli.importer.source import read_source

    assert read_source(source).split("\n")[:2] == [
        "Spreadsheets for Analysts",
        "Why take this course?",
    ]
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert course["title"] == "Spreadsheets for Analysts"


@pytest.mark.office
def test_a_pdfs_table_reads_as_table_rows(tmp_path: Path) -> None:
    """Convention: a table in a PDF is read as its rows, ``| a | b | c |``, each cell
    under its column (a cell's text wrapped onto a second line joins its cell), not as
    the text layer's run of words and wrapped cell lines. A table is a header row of
    column words (时间 | 内容 | 时长, Session | Topic | Duration) over rows whose cells
    stand under its columns; a sentence below it is the page's text again. Pages write
    it as a syllabus's session table saved from Word, or a 项目 | 小节 | 时长 timetable
    exported from a notes app."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    document = Document()
    document.add_heading("Store Rota Planning", level=1)
    table = document.add_table(rows=1, cols=3)
    for cell, word in zip(table.rows[0].cells, ["Session", "Topic", "Duration"], strict=True):
        cell.text = word
    for row in [
        ("1", "Three rules of a fair rota", "50 min"),
        ("2", "Swaps and sick days", "60 min"),
        ("3", "Practice and review", "30 min"),
    ]:
        for cell, word in zip(table.add_row().cells, row, strict=True):
            cell.text = word
    document.add_paragraph("Bring next week's rota to the review.")
    document.save(str(tmp_path / "rota.docx"))
    pdf = pdf_from_docx(tmp_path / "rota.docx", tmp_path)
    from syllabus_cli.importer.source import read_source

    lines = read_source(pdf).split("\n")
    assert "| 1 | Three rules of a fair rota | 50 min |" in lines
    assert "Bring next week's rota to the review." in lines
    import_catalog(pdf, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("Three rules of a fair rota", "50 min"),
        ("Swaps and sick days", "60 min"),
        ("Practice and review", "30 min"),
    ]


def test_a_chinese_text_layer_is_no_word_a_line_reading() -> None:
    """A Chinese page's lines hold no spaces, yet are sentences, not words: a text layer
    is read a word a line only when most of its lines are one short word (``Store`` /
    ``Rota`` / ``Planning``). Where a page is read by its layout, one space between two
    Chinese characters is a font change or a justified line's stretch, never a word; a
    column's wider gap stays."""
    from syllabus_cli.importer.readers import _laid_out, _word_a_line

    chinese = ["排班要先看客流曲线，再看每位同事的可用时段与技能。"] * 45
    words = ["Store", "Rota", "Planning", "(two", "half", "days)", "Before", "you", "come"] * 6
    assert not _word_a_line(chinese)
    assert _word_a_line(words)
    assert _laid_out("  先看客流 曲线。\n09:00-09:50     排班的 三条原则") == [
        "  先看客流曲线。",
        "09:00-09:50     排班的三条原则",
    ]


def test_a_decks_leftover_template_prompts_are_kept_once_never_structure(tmp_path: Path) -> None:
    """Convention: a deck made from a template often keeps the template's prompt text in
    boxes nobody filled (``点击添加文本``, ``单击此处编辑标题``, ``Click to add text``). It is
    on the slide, so it is kept, once each, beside the outline; it is never a slide's
    title, a module or a point."""
    source = deck(
        tmp_path / "tpl.pptx",
        [
            ("客户回访的节奏", ["2025版"]),
            ("目录", ["回访前的准备", "回访中的提问"]),
            ("回访前的准备", ["查清上次的承诺", "点击添加文本"]),
            ("回访中的提问", ["先问用得怎样", "点击添加文本", "Click to add text"]),
        ],
    )
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == ["回访前的准备", "回访中的提问"]
    written = yaml.safe_dump(course, allow_unicode=True)
    assert written.count("点击添加文本") == 1 and written.count("Click to add text") == 1
    assert "点击添加文本" not in yaml.safe_dump(course["modules"], allow_unicode=True)


def test_a_sheet_of_weeks_and_topics_is_one_course(tmp_path: Path) -> None:
    """Convention: a sheet with no course-name column whose rows are one course's
    meetings — a column counting them (Week / Date / 周次: ``Week 1``, ``第1周``), a
    column naming them (Topic / 主题), no clock or Duration column — is that course, a
    module a row named by its topic; a points column (要点, Contents: ``a；b``) gives the
    points, the other cells a note. Sheets write it as ``Week | Topic | Reading`` or
    ``周次 | 主题 | 要点``."""
    en = sheet(
        tmp_path / "weeks.xlsx",
        [
            ["Negotiation Lab"],
            ["Week", "Topic", "Reading"],
            ["Week 1", "Interests and positions", "Ch. 1"],
            ["Week 2", "Options on the table", "Ch. 2"],
            ["Week 3", "No class", ""],
            ["Week 4", "Closing the deal", "Ch. 4"],
        ],
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert course["title"] == "Negotiation Lab"
    assert [m["title"] for m in course["modules"]] == [
        "Interests and positions",
        "Options on the table",
        "Closing the deal",
    ]
    assert "Ch. 4" in course["modules"][2]["notes"]

    zh = sheet(
        tmp_path / "zhou.xlsx",
        [
            ["周次", "主题", "要点"],
            ["第1周", "倾听", "复述；沉默"],
            ["第2周", "提问", "开放式；封闭式"],
            ["第3周", "反馈", "先说影响"],
        ],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [(m["title"], m["points"]) for m in course["modules"]] == [
        ("倾听", ["复述", "沉默"]),
        ("提问", ["开放式", "封闭式"]),
        ("反馈", ["先说影响"]),
    ]


def test_a_decks_agenda_slide_set_as_a_table_is_the_timetable(tmp_path: Path) -> None:
    """Convention: a deck's contents or agenda slide (Agenda, 目录, 议程) set as a table
    (Time | Session over 09:00-09:45 | … rows) is the course's timetable: its rows are
    read as a table's rows (a session a module, its clock span its minutes, a break no
    module), never each row, header included, a module named by its cells."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = "Coaching Conversations"
    agenda = prs.slides.add_slide(prs.slide_layouts[5])
    agenda.shapes.title.text = "Agenda"
    rows = [
        ("Time", "Session"),
        ("09:00-09:45", "Why coaching works"),
        ("09:45-10:30", "The GROW model"),
        ("10:30-10:45", "Break"),
        ("10:45-12:00", "Practice in threes"),
    ]
    table = agenda.shapes.add_table(5, 2, Inches(1), Inches(1.5), Inches(8), Inches(3)).table
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Why coaching works"
    slide.placeholders[1].text = "Ownership beats advice"
    prs.save(str(tmp_path / "coach.pptx"))
    from syllabus_cli.importer.source import read_source

    assert "| 09:45-10:30 | The GROW model |" in read_source(tmp_path / "coach.pptx").split("\n")
    import_catalog(tmp_path / "coach.pptx", tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("Why coaching works", "45min"),
        ("The GROW model", "45min"),
        ("Practice in threes", "75min"),
    ]


def test_a_web_page_printed_to_pdf_loses_its_print_furniture_and_keeps_its_title(
    tmp_path: Path,
) -> None:
    """Convention: a web page printed to PDF from a browser carries the print's head on
    every page (the date it was printed, then the page's title) and its foot (the page's
    address, then ``1/2``). Both are furniture, never in the spec; the page's title
    names the course, its first part that is not the site's (as a saved page's
    ``<title>``), above the site's banner. Browsers write the head as ``2025/3/4 Title``
    or ``3/4/25, 10:32 AM Title``."""

    def line(y: int, text: str) -> str:
        return f"BT /F1 10 Tf 40 {y} Td ({text}) Tj ET"

    source = one_page_pdf(
        tmp_path / "printed.pdf",
        [
            line(820, "3/4/25, 10:32 AM Store Rota Planning - Retail Academy"),
            line(780, "Retail Academy"),
            line(760, "Outline"),
            line(740, "1. Three rules of a fair rota"),
            line(720, "2. Swaps and sick days"),
            line(700, "3. Practice and review"),
            line(20, "https://academy.example/courses/rota 1/1"),
        ],
    )
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert course["title"] == "Store Rota Planning"
    written = yaml.safe_dump(course, allow_unicode=True)
    assert "https://academy.example" not in written and "10:32" not in written
    assert [m["title"] for m in course["modules"]] == [
        "Three rules of a fair rota",
        "Swaps and sick days",
        "Practice and review",
    ]


@pytest.mark.office
def test_a_syllabus_pdfs_hours_table_reads_as_rows(tmp_path: Path) -> None:
    """The same convention on a 教学大纲 saved as PDF: 章节 | 教学内容 | 学时 | 教学方式
    with long cells wrapped over several lines; each row comes back whole, the section
    heading after the table is the page's text again, and the 学时 column gives each
    chapter its hours."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    document = Document()
    document.add_heading("《门店运营管理》教学大纲", level=1)
    document.add_paragraph("课程学时：8学时")
    document.add_paragraph("二、教学内容与学时分配")
    table = document.add_table(rows=1, cols=4)
    for cell, word in zip(
        table.rows[0].cells, ["章节", "教学内容", "学时", "教学方式"], strict=True
    ):
        cell.text = word
    for row in [
        (
            "第一章",
            "门店运营的基本框架：人、货、场与数据之间的关系，以及店长一天的工作节奏",
            "2",
            "讲授",
        ),
        ("第二章", "排班与人效", "2", "讲授、练习"),
        ("第三章", "库存与订货：安全库存、补货周期和临期商品的处理办法", "3", "案例"),
        ("第四章", "复盘", "1", "讨论"),
    ]:
        for cell, word in zip(table.add_row().cells, row, strict=True):
            cell.text = word
    document.add_paragraph("三、考核方式")
    document.add_paragraph("平时作业占40%，期末报告占60%。")
    document.save(str(tmp_path / "dagang.docx"))
    pdf = pdf_from_docx(tmp_path / "dagang.docx", tmp_path)
    import_catalog(pdf, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert course["duration"] == "8学时"
    contents = [
        "门店运营的基本框架：人、货、场与数据之间的关系，以及店长一天的工作节奏",
        "排班与人效",
        "库存与订货：安全库存、补货周期和临期商品的处理办法",
        "复盘",
    ]  # each module named by its row (the chapter's number beside it or not)
    modules = course["modules"]
    assert [m["duration"] for m in modules] == ["2学时", "2学时", "3学时", "1学时"]
    assert all(m["title"].endswith(c) for m, c in zip(modules, contents, strict=True))


def test_a_catalog_sheet_names_its_courses_column_many_ways(tmp_path: Path) -> None:
    """Convention: a catalog sheet's course column is named 课程名称, 培训课程, 课程主题,
    Course, Workshop or Training (its audience 对象, 适用人群, Audience): one spec a row,
    never the header row as one course's title. Sheets write it as 培训课程 | 适用人群 |
    天数 | 课程大纲 or Workshop | Audience | Length."""
    zh = sheet(
        tmp_path / "目录.xlsx",
        [
            ["培训课程", "适用人群", "天数", "课程大纲"],
            ["结构化思考", "新任主管", "1天", "一、金字塔原理\n二、结构化表达"],
            ["跨部门沟通", "中层经理", "2天", "一、沟通的障碍\n二、协作的机制"],
        ],
    )
    import_catalog(zh, tmp_path / "zh")
    got = [(c["title"], c["duration"], c["audience"]) for c in specs(tmp_path / "zh")]
    assert got == [("结构化思考", "1天", ["新任主管"]), ("跨部门沟通", "2天", ["中层经理"])]

    en = sheet(
        tmp_path / "offer.xlsx",
        [
            ["Workshop", "Audience", "Length"],
            ["Facilitation Basics", "Team leads", "1 day"],
            ["Running Retros", "Scrum masters", "2 days"],
        ],
    )
    import_catalog(en, tmp_path / "en")
    got = [(c["title"], c["duration"]) for c in specs(tmp_path / "en")]
    assert got == [("Facilitation Basics", "1 day"), ("Running Retros", "2 days")]


def test_a_timetable_sheet_with_a_topic_column_is_one_course(tmp_path: Path) -> None:
    """Convention: a sheet whose rows carry clock times (09:00-09:45) is one course's
    timetable, read as a table's rows, even when its columns look like a catalog's
    (时间 | 课题 | 讲师: a 课题 and a 时间 column); a Date | Title | Duration sheet too (a
    column counting the rows, a Duration column timing them). Before, each session became
    a course of its own."""
    day = sheet(
        tmp_path / "day.xlsx",
        [
            ["时间", "课题", "讲师"],
            ["09:00-09:45", "开场与目标", "王芳"],
            ["09:45-11:00", "需求访谈", "王芳"],
            ["11:00-12:00", "访谈复盘", "李强"],
        ],
    )
    import_catalog(day, tmp_path / "day")
    (course,) = specs(tmp_path / "day")
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("开场与目标", "45分钟"),
        ("需求访谈", "75分钟"),
        ("访谈复盘", "60分钟"),
    ]
    dated = sheet(
        tmp_path / "dated.xlsx",
        [
            ["Date", "Title", "Duration"],
            ["03.02.25", "Getting started", "90"],
            ["10.02.25", "Tidy tables", "120"],
            ["17.02.25", "Charts", "60"],
        ],
    )
    import_catalog(dated, tmp_path / "dated")
    (course,) = specs(tmp_path / "dated")
    assert len(course["modules"]) == 3
    assert "Tidy tables" in yaml.safe_dump(course["modules"][1], allow_unicode=True)


def test_a_decks_facts_table_slide_gives_the_courses_facts(tmp_path: Path) -> None:
    """Convention: a deck's slide whose body is a table of the course's facts, a label and
    its value a row (| 课程时长 | 1天（6小时） |, | 培训对象 | … |, | 授课讲师 | … |), is
    the course's facts, read as the page's labelled lines (length, audience, instructor),
    never a module. Decks write it as a 课程信息 slide or a Course facts table."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = "高效会议"
    info = prs.slides.add_slide(prs.slide_layouts[5])
    info.shapes.title.text = "课程信息"
    facts = [
        ("课程时长", "1天（6小时）"),
        ("培训对象", "部门经理、项目负责人"),
        ("授课讲师", "周宁"),
    ]
    table = info.shapes.add_table(3, 2, Inches(1), Inches(1.5), Inches(8), Inches(3)).table
    for r, row in enumerate(facts):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for title, points in [("会议为什么低效", ["没有目标"]), ("开好会的三步", ["会前发议程"])]:
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = points[0]
    prs.save(str(tmp_path / "meeting.pptx"))
    import_catalog(tmp_path / "meeting.pptx", tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert course["duration"].startswith("1天")
    assert course["audience"] == ["部门经理", "项目负责人"]
    assert course["instructor"]["name"] == "周宁"
    assert [m["title"] for m in course["modules"]] == ["会议为什么低效", "开好会的三步"]


def test_a_catalog_course_spanning_rows_keeps_every_row(tmp_path: Path) -> None:
    """Convention: in a catalog sheet a course may span several rows, its name (and what
    holds for the whole course, its audience) in merged cells on its first row only, a
    module a row (| 高效沟通 | 新任主管 | 模块一 | 倾听与复述 | 2 | then | | | 模块二 | … |).
    The columns its other rows fill are the course's outline, read as table rows; no row
    is dropped and a module's 课时 is never the course's length. Sheets write it as a
    课程体系表 with merged name cells, or Course | Module | Hours with the course named
    once."""
    source = sheet(
        tmp_path / "体系.xlsx",
        [
            ["课程名称", "对象", "模块", "内容", "课时"],
            ["高效沟通", "新任主管", "模块一", "倾听与复述", "2"],
            [None, None, "模块二", "提问的方法", "2"],
            [None, None, "模块三", "反馈与跟进", "2"],
            ["时间管理", "全体员工", "模块一", "目标与优先级", "3"],
            [None, None, "模块二", "日程与专注", "3"],
        ],
    )
    import_catalog(source, tmp_path / "out")
    courses = specs(tmp_path / "out")
    assert [c["title"] for c in courses] == ["高效沟通", "时间管理"]
    assert [len(c["modules"]) for c in courses] == [3, 2]
    assert [m["duration"] for m in courses[0]["modules"]] == ["2课时", "2课时", "2课时"]
    # no module's 课时 as the course's length (unset: validate sums the modules)
    assert all(str(c.get("duration", "TODO")).startswith("TODO") for c in courses)
    assert courses[0]["audience"] == ["新任主管"]


def test_an_office_97_file_is_one_clear_line(tmp_path: Path) -> None:
    """An Excel, Word or PowerPoint 97-2003 file (.xls, .doc, .ppt: one compound file)
    is refused in one located line saying to save it as .xlsx / .docx / .pptx, exit 1,
    never 'not text' or a traceback; so is such a file under another name."""
    import subprocess
    import sys

    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    for name, said in [("plan.xls", "save it as .xlsx"), ("notes.txt", "Word / Excel")]:
        source = tmp_path / name
        source.write_bytes(magic)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "syllabus_cli",
                "--lang",
                "en",
                "import",
                str(source),
                "--out",
                "out",
            ],
            capture_output=True,
            text=True,
            timeout=90,
            cwd=tmp_path,
        )
        out = (done.stdout + done.stderr).strip()
        assert done.returncode == 1 and "Traceback" not in out
        assert "[unreadable-source]" in out and "97-2003" in out and said in out, out
        assert len(out.splitlines()) == 1


def test_a_workbook_of_day_sheets_is_one_course(tmp_path: Path) -> None:
    """Convention: a workbook whose sheets are named for a course's units (Day 1, Day 2;
    第一天, 第二天; Week 1; 模块一; Monday) is one course, each sheet a module headed by
    its name with its rows below; before, each sheet became a course of its own. A
    workbook whose sheets have other names (2024, 2025; 管理类, 销售类) keeps a course, or
    a catalog, a sheet."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "第一天"
    for row in [
        ["时间", "内容"],
        ["09:00-10:30", "团队为什么卡住"],
        ["10:30-10:45", "茶歇"],
        ["10:45-12:00", "团队公约"],
    ]:
        first.append(row)
    second = book.create_sheet("第二天")
    for row in [["时间", "内容"], ["09:00-10:00", "冲突的五种风格"], ["10:00-12:00", "情景练习"]]:
        second.append(row)
    book.save(str(tmp_path / "workshop.xlsx"))
    import_catalog(tmp_path / "workshop.xlsx", tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    days = [
        (m["title"], [(s["title"], s["duration"]) for s in m["sections"]])
        for m in course["modules"]
    ]
    assert days == [
        ("第一天", [("团队为什么卡住", "90分钟"), ("团队公约", "75分钟")]),
        ("第二天", [("冲突的五种风格", "60分钟"), ("情景练习", "120分钟")]),
    ]

    book = Workbook()
    first = book.active
    first.title = "管理类"
    first.append(["课程名称", "课时"])
    first.append(["目标管理", "6课时"])
    second = book.create_sheet("销售类")
    second.append(["课程名称", "课时"])
    second.append(["大客户销售", "12课时"])
    book.save(str(tmp_path / "catalog.xlsx"))
    import_catalog(tmp_path / "catalog.xlsx", tmp_path / "cat")
    assert [c["title"] for c in specs(tmp_path / "cat")] == ["目标管理", "大客户销售"]


def test_a_contents_entry_no_slide_shows_stays_a_module(tmp_path: Path) -> None:
    """Convention: a deck's 目录 lists its modules; when the slides show most entries (a
    section slide each) but not all (a part listed, its slides not written yet), the
    entries no slide shows are modules of their own, where the 目录 places them, never
    dropped. Decks write it with the missing part in the middle or at the end."""
    source = deck(
        tmp_path / "visit.pptx",
        [
            ("客户回访", ["2025"]),
            ("目录", ["回访前的准备", "回访中的提问", "回访后的跟进", "常见的误区"]),
            ("回访前的准备", ["01"]),
            ("查清承诺", ["上次答应了什么"]),
            ("回访后的跟进", ["03"]),
            ("写回访记录", ["当天写完"]),
        ],
    )
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == [
        "回访前的准备",
        "回访中的提问",
        "回访后的跟进",
        "常见的误区",
    ]
    assert course["modules"][2]["sections"][0]["title"] == "写回访记录"


def test_an_agenda_entry_with_its_time_names_its_slide(tmp_path: Path) -> None:
    """Convention: an agenda or 目录 entry carrying its time (``09:00 – 09:45 Why
    feedback stalls``, ``倾听（45分钟）``) names the slide titled without it: the slide's
    bullets are that module's points and the entry's time is its length; an entry no
    slide shows (a break) is kept, never a module with points from elsewhere."""
    en = deck(
        tmp_path / "feedback.pptx",
        [
            ("Feedback that Lands", ["Team leads workshop"]),
            ("Agenda", ["09:00 – 09:45 Why feedback stalls", "09:45 – 10:30 The SBI model", "10:30 – 10:45 Break", "10:45 – 12:00 Practice rounds"]),
            ("Why feedback stalls", ["Fear", "Vague words"]),
            ("The SBI model", ["Situation", "Behaviour", "Impact"]),
        ],
    )  # fmt: skip
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    got = [(m["title"], m["duration"], m.get("points")) for m in course["modules"]]
    assert got == [
        ("Why feedback stalls", "45min", ["Fear", "Vague words"]),
        ("The SBI model", "45min", ["Situation", "Behaviour", "Impact"]),
        ("Practice rounds", "75min", None),
    ]

    zh = deck(
        tmp_path / "listen.pptx",
        [
            ("倾听与提问", ["内训"]),
            ("目录", ["倾听（45分钟）", "提问（60分钟）"]),
            ("倾听", ["复述", "沉默"]),
            ("提问", ["开放式", "封闭式"]),
        ],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    got = [(m["title"], m["duration"], m.get("points")) for m in course["modules"]]
    assert got == [("倾听", "45分钟", ["复述", "沉默"]), ("提问", "60分钟", ["开放式", "封闭式"])]


def agenda_boxes_deck(path: Path, title: str, days: list[tuple[str, str, list[str]]]) -> Path:
    """One slide: its title, then a number box and a box of topics for each unit, each
    pair placed on its own row — added to the file LAST row first, as a slide is built
    by copying a row's boxes and moving the copy up."""
    from pptx import Presentation
    from pptx.util import Emu, Inches

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    slide.shapes.title.text = title
    for row, (number, unit, topics) in reversed(list(enumerate(days))):
        top = Inches(1.5 + 1.4 * row)
        box = slide.shapes.add_textbox(Inches(0.5), top + Emu(150000), Inches(0.8), Inches(0.6))
        box.text_frame.text = number
        body = slide.shapes.add_textbox(Inches(1.5), top, Inches(6), Inches(1.3)).text_frame
        body.text = unit
        for topic in topics:
            body.add_paragraph().text = topic
    prs.save(str(path))
    return path


def test_an_agenda_slide_of_boxes_reads_row_by_row_a_unit_a_module(tmp_path: Path) -> None:
    """Convention: a slide's boxes are read as a person reads them, a row at a time, top
    to bottom, left to right — not in the order the file added them (a row copied and
    moved up keeps its later place in the file). A one-slide deck whose slide lists the
    course's units, each over its topics (``01`` · ``Day 1`` · topics; ``第一天`` · 课题),
    is the course: the units its modules, their topics the points. Decks write it as an
    agenda of numbered rows, or a 日程 slide of a box per day."""
    en = agenda_boxes_deck(
        tmp_path / "agenda.pptx",
        "Agenda – Spreadsheet Basics",
        [
            ("01", "Day 1", ["Cells and ranges", "Typing a formula"]),
            ("02", "Day 2", ["Sorting", "Filters"]),
            ("03", "Day 3", ["A first chart"]),
        ],
    )
    from syllabus_cli.importer.source import read_source

    lines = read_source(en).split("\n")
    assert lines.index("## Day 1") < lines.index("## Day 2") < lines.index("## Day 3")
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert [m["title"] for m in course["modules"]] == ["Day 1", "Day 2", "Day 3"]
    assert course["modules"][1]["points"] == ["Sorting", "Filters"]

    zh = agenda_boxes_deck(
        tmp_path / "日程.pptx",
        "门店排班实务",
        [("1", "第一天", ["排班的三条原则", "客流曲线"]), ("2", "第二天", ["换班与请假"])],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert course["title"] == "门店排班实务"
    assert [m["title"] for m in course["modules"]] == ["第一天", "第二天"]
    assert course["modules"][0]["points"] == ["排班的三条原则", "客流曲线"]


def merged_sheet(path: Path, rows: list[list[object]], merged: list[str]) -> Path:
    """A sheet as a trainer lays one out in Excel: ``merged`` ranges (A2:A4) set as one
    cell, its value on the range's first row only."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    for cells in merged:
        ws.merge_cells(cells)
    book.save(str(path))
    return path


def test_a_merged_first_column_groups_the_rows_below_it(tmp_path: Path) -> None:
    """Convention: a timetable sheet whose first column is one merged cell per group
    (``第一日`` set once beside the day's clock rows; ``Module 1`` beside its lessons) is
    read as the groups it shows: each group a heading, its rows below it under the
    table's other headers, so the day is a module and its sessions are timed by their
    clock cells. Sheets write it as ``日期 | 时间 | 内容`` with the day merged down, or
    ``Module | Lesson | Length`` with the module merged down."""
    zh = merged_sheet(
        tmp_path / "日程.xlsx",
        [
            ["门店排班实务"],
            ["日期", "时间", "内容"],
            ["第一日", "09:00-10:00", "排班的三条原则"],
            [None, "10:10-11:30", "读懂客流曲线"],
            [None, "13:30-15:00", "排班演练"],
            ["第二日", "09:00-10:30", "换班与请假"],
            [None, "10:40-12:00", "复盘与答疑"],
        ],
        ["A3:A5", "A6:A7"],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert course["title"] == "门店排班实务"
    assert [m["title"] for m in course["modules"]] == ["第一日", "第二日"]
    first = course["modules"][0]["sections"]
    assert [(s["title"], s["duration"]) for s in first] == [
        ("排班的三条原则", "60分钟"),
        ("读懂客流曲线", "80分钟"),
        ("排班演练", "90分钟"),
    ]

    en = merged_sheet(
        tmp_path / "plan.xlsx",
        [
            ["Module", "Lesson", "Notes"],
            ["Module 1: Listening", "Attention and silence", "pairs"],
            [None, "Reflecting back", "video"],
            ["Module 2: Asking", "Open and closed questions", "cards"],
            [None, "Follow-up questions", "pairs"],
        ],
        ["A2:A3", "A4:A5"],
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert [m["title"] for m in course["modules"]] == ["Listening", "Asking"]  # (its number read)
    assert "Reflecting back" in yaml.safe_dump(course["modules"][0], allow_unicode=True)


def test_a_session_sheets_time_column_with_its_unit_times_each_row(tmp_path: Path) -> None:
    """Convention: a sheet of one course's sessions may time each row in a column whose
    header says the unit (``Time (Hrs)`` over ``3``; ``学时（小时）`` over ``2``), and name
    each row in a column that says it names (``Module Name``, ``模块名称``) beside a
    column of topics: the named column names the module, the topics stay its note, and
    the bare number is the module's time in the header's unit. Sheets write it as
    ``No. | Time (Hrs) | Class | Module Name | Topics | Sub topics`` or ``序号 | 学时（小时）|
    模块名称 | 内容``."""
    en = sheet(
        tmp_path / "curriculum.xlsx",
        [
            ["Data Skills Curriculum"],
            ["S No.", "Time (Hrs)", "Class", "Module Name", "Topics", "Sub topics"],
            [1, 3, 1, "Tidy tables", "Rows and columns", "Long and wide\nJoins"],
            [2, 3, 2, "Charts that explain", "Scales and colour", "Bars\nLines"],
            [3, 1.5, 3, "Review", "All of the above", ""],
        ],
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert course["title"] == "Data Skills Curriculum"
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("Tidy tables", "3 hrs"),
        ("Charts that explain", "3 hrs"),
        ("Review", "1.5 hrs"),
    ]
    assert course["modules"][0]["points"] == ["Long and wide", "Joins"]
    assert "Rows and columns" in course["modules"][0]["notes"]

    zh = sheet(
        tmp_path / "计划.xlsx",
        [
            ["周次", "学时（小时）", "模块名称", "内容"],
            ["第1周", 2, "倾听", "复述；沉默"],
            ["第2周", 2, "提问", "开放式；封闭式"],
            ["第3周", 1, "反馈", "先说事实"],
        ],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("倾听", "2小时"),
        ("提问", "2小时"),
        ("反馈", "1小时"),
    ]


def test_a_session_sheets_unnamed_title_column_is_its_first_column_of_words(
    tmp_path: Path,
) -> None:
    """Convention: a sheet (or CSV) of one course's meetings whose header names no
    title column (``Lecture | Date | Materials | Reading``; ``课次 | 日期 | 资料 | 阅读``)
    is named, row by row, by its first column right of the counting one that holds
    words, a different one in nearly every row, and no date, weekday or unit; a cell
    written as a Markdown link (``[Tidy tables](#tidy)``, a sheet exported from a site)
    names the meeting by its text and keeps its target in the note."""
    en = tmp_path / "schedule.csv"
    en.write_text(
        "Lecture,Date,Materials,Reading\n"
        '1,"Monday, March 2, 2026",[Tidy tables](#tidy),Ch. 1\n'
        '2,"Monday, March 9, 2026",[Charts that explain](#charts),Ch. 2\n'
        '3,"Monday, March 16, 2026",Guest talk,\n'
        '4,"Monday, March 23, 2026",[Telling the story](#story),Ch. 4\n',
        encoding="utf-8",
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert [m["title"] for m in course["modules"]] == [
        "Tidy tables",
        "Charts that explain",
        "Guest talk",
        "Telling the story",
    ]
    assert "#tidy" in course["modules"][0]["notes"]

    zh = sheet(
        tmp_path / "课表.xlsx",
        [
            ["课次", "日期", "资料", "阅读"],
            [1, "3月2日", "认识数据", "第一章"],
            [2, "3月9日", "整理数据", "第二章"],
            [3, "3月16日", "呈现数据", "第三章"],
        ],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [m["title"] for m in course["modules"]] == ["认识数据", "整理数据", "呈现数据"]


def test_a_markdown_pages_table_of_numbered_weeks_is_the_course(tmp_path: Path) -> None:
    """Convention: a course site's Markdown schedule page — a ``<style>`` block for its
    table (how the site shows it, never its text), then one table to the page's end whose
    rows are the course's meetings counted by number (``| Week | Dates | Topics | Due |``,
    several topics a cell split by ``<br>``; ``| 周次 | 日期 | 内容 |``) — is read as the
    sheet of meetings it is: each counted row a module named by its count (Week 3), its
    topics the points, its other cells a note; a row the count skips (``| — | Mar 2 – 6 |
    **Spring break** |``) is a note, no module."""
    page = tmp_path / "schedule.md"
    page.write_text(
        "---\nlayout: page\ntitle: Schedule\n---\n\n"
        "<style>\ntable td:last-child { white-space: nowrap; }\n</style>\n\n"
        "# Schedule (tentative)\n\n"
        "| Week | Dates | Topics | Due |\n|---|---|---|---|\n"
        "| 1 | Jan 12 – 16 | Welcome<br>Tidy tables | Lab 1 |\n"
        "| 2 | Jan 19 – 23 | Joins<br>Reshaping | HW 1 |\n"
        "| — | Jan 26 – 30 | **Spring break** | |\n"
        "| 3 | Feb 2 – 6 | Charts that explain | HW 2 |\n",
        encoding="utf-8",
    )
    import_catalog(page, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    written = yaml.safe_dump(course, allow_unicode=True)
    assert "<style>" not in written and "white-space" not in written
    assert [m["title"] for m in course["modules"]] == ["Week 1", "Week 2", "Week 3"]
    assert course["modules"][1]["points"] == ["Joins", "Reshaping"]
    assert "Spring break" in written and "HW 2" in written

    zh = tmp_path / "进度.md"
    zh.write_text(
        "# 数据分析入门 教学进度\n\n| 周次 | 日期 | 内容 |\n| --- | --- | --- |\n"
        "| 1 | 3月2日 | 认识数据<br>数据的类型 |\n| 2 | 3月9日 | 整理数据<br>缺失值 |\n"
        "| 3 | 3月16日 | 呈现数据 |\n",
        encoding="utf-8",
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [m["title"] for m in course["modules"]] == ["周次 1", "周次 2", "周次 3"]
    assert course["modules"][0]["points"] == ["认识数据", "数据的类型"]


def slides_pdf(tmp_path: Path, name: str, slides: list[tuple[str, list[str]]]) -> Path:
    """A deck's slides as a PDF of a slide a page (landscape, the title set large, the
    bullets below), as a slide tool's "Save as PDF" sets them: written as a .docx of a
    page per slide and converted by LibreOffice."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for number, (title, bullets) in enumerate(slides):
        run = document.add_paragraph().add_run(title)
        run.font.size, run.bold = Pt(28), True
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")
        if number < len(slides) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(tmp_path / f"{name}.docx"))
    return pdf_from_docx(tmp_path / f"{name}.docx", tmp_path)


@pytest.mark.office
def test_a_deck_saved_as_pdf_keeps_each_pages_unit_title(tmp_path: Path) -> None:
    """Convention: a deck saved as PDF is a slide a page, each slide's title the page's
    first line. Where that title names a unit of the course by its number, counting on
    page by page (``Agenda: Day 1``, ``Agenda: Day 2``; ``第1天 课程安排``), it is the page's
    own heading, not a running head to drop (a running head repeats its chapter's
    number; a page's number is read apart), and it opens that unit's module."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    for name, slides in [
        (
            "agenda",
            [
                ("Spreadsheet Basics", ["A three-day course"]),
                ("Agenda: Day 1", ["Cells and ranges", "Typing a formula"]),
                ("Agenda: Day 2", ["Sorting", "Filters"]),
                ("Agenda: Day 3", ["A first chart", "Sharing a sheet"]),
            ],
        ),
        (
            "日程",
            [
                ("门店排班实务", ["三天的课程"]),
                ("第1天 课程安排", ["排班的三条原则", "读懂客流曲线"]),
                ("第2天 课程安排", ["换班与请假", "复盘与答疑"]),
                ("第3天 课程安排", ["两人一组排一周的班"]),
            ],
        ),
    ]:
        pdf = slides_pdf(tmp_path, name, slides)
        from syllabus_cli.importer.source import read_source

        assert slides[2][0].replace(" ", "") in read_source(pdf).replace(" ", "")
        import_catalog(pdf, tmp_path / name)
        (course,) = specs(tmp_path / name)
        assert len(course["modules"]) == 3
        assert slides[2][1][0] in yaml.safe_dump(course["modules"][1], allow_unicode=True)


def merged_day_table_pdf(
    tmp_path: Path, name: str, head: list[str], days: list[tuple[str, list[tuple[str, str]]]],
    centred: bool,
) -> Path:  # fmt: skip
    """A timetable saved from Word as PDF: its first column one merged cell per day,
    the day's name set at the cell's top or in its middle (vertically centred)."""
    from docx.enum.table import WD_ALIGN_VERTICAL

    document = Document()
    document.add_heading(name, level=1)
    table = document.add_table(rows=1, cols=len(head))
    for cell, word in zip(table.rows[0].cells, head, strict=True):
        cell.text = word
    for day, sessions in days:
        rows = [table.add_row() for _ in sessions]
        for row, (clock, topic) in zip(rows, sessions, strict=True):
            row.cells[1].text, row.cells[2].text = clock, topic
        merged = rows[0].cells[0].merge(rows[-1].cells[0])
        merged.text = day
        if centred:
            merged.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    document.add_paragraph("Bring a laptop each day.")
    document.save(str(tmp_path / f"{name}.docx"))
    return pdf_from_docx(tmp_path / f"{name}.docx", tmp_path)


@pytest.mark.office
def test_a_pdf_tables_merged_day_column_groups_its_rows(tmp_path: Path) -> None:
    """Convention: a PDF timetable whose first column is one merged cell per day
    (``Day | Time | Topic``; ``日期 | 时间 | 内容``) is read as its days, each a module over
    its clock rows, wherever the page draws the day's name: at the cell's top (its first
    row) or in its middle (then the days part halfway between two names)."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    en = merged_day_table_pdf(
        tmp_path,
        "Rota Planning",
        ["Day", "Time", "Topic"],
        [
            ("Monday", [("09:00-09:50", "Three rules of a fair rota"), ("10:00-10:50", "Reading footfall"), ("11:00-12:00", "Drafting a week"), ("13:00-13:50", "Review")]),
            ("Tuesday", [("09:00-09:50", "Swaps and sick days"), ("10:00-11:30", "Practice rounds"), ("13:00-13:30", "Wrap-up")]),
        ],
        centred=True,
    )  # fmt: skip
    from syllabus_cli.importer.source import read_source

    assert "## Monday" in read_source(en).split("\n")
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert [m["title"] for m in course["modules"]] == ["Monday", "Tuesday"]
    assert [s["title"] for s in course["modules"][0]["sections"]][-1] == "Review"
    assert [s["duration"] for s in course["modules"][1]["sections"]] == ["50min", "90min", "30min"]

    zh = merged_day_table_pdf(
        tmp_path,
        "门店排班实务",
        ["日期", "时间", "内容"],
        [
            ("第一天", [("09:00-10:00", "排班的三条原则"), ("10:10-11:30", "读懂客流曲线"), ("13:30-15:00", "排班演练")]),
            ("第二天", [("09:00-10:30", "换班与请假"), ("10:40-12:00", "复盘与答疑")]),
        ],
        centred=False,
    )  # fmt: skip
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [m["title"] for m in course["modules"]] == ["第一天", "第二天"]
    assert [s["title"] for s in course["modules"][1]["sections"]] == ["换班与请假", "复盘与答疑"]


def test_a_web_tables_rowspan_day_column_groups_its_rows(tmp_path: Path) -> None:
    """Convention: a web page's timetable whose first column spans each day's rows
    (``<td rowspan="3">第一天</td>``; ``<td rowspan="2">Day 1</td>``) is read as the days it
    shows, each a module over its clock rows; every row's cells stand under their own
    headers (a rowspan or colspan leaves its empty cells), and a closing totals row
    (``合计``, ``Total``) stays after the days, as written."""
    zh = tmp_path / "课程.html"
    zh.write_text(
        "<html><head><title>门店排班实务</title></head><body><h1>门店排班实务</h1>"
        "<table><tr><th>日期</th><th>时间</th><th>内容</th></tr>"
        '<tr><td rowspan="3">第一天</td><td>09:00-10:00</td><td>排班的三条原则</td></tr>'
        "<tr><td>10:10-11:30</td><td>读懂客流曲线</td></tr>"
        "<tr><td>13:30-15:00</td><td>排班演练</td></tr>"
        '<tr><td rowspan="2">第二天</td><td>09:00-10:30</td><td>换班与请假</td></tr>'
        "<tr><td>10:40-12:00</td><td>复盘与答疑</td></tr>"
        '<tr><td colspan="2">合计</td><td>7小时</td></tr></table></body></html>',
        encoding="utf-8",
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [m["title"] for m in course["modules"]] == ["第一天", "第二天"]
    assert [s["duration"] for s in course["modules"][0]["sections"]] == [
        "60分钟",
        "80分钟",
        "90分钟",
    ]
    assert "合计" in yaml.safe_dump(course, allow_unicode=True)

    en = tmp_path / "agenda.html"
    en.write_text(
        "<h2>Feedback Clinic</h2><table><tr><td>Day</td><td>Time</td><td>Session</td></tr>"
        '<tr><td rowspan="2">Day 1</td><td>13:00-13:50</td><td>Why feedback stalls</td></tr>'
        "<tr><td>14:00-14:45</td><td>Practice rounds</td></tr>"
        '<tr><td rowspan="2">Day 2</td><td>13:00-14:00</td><td>Feedback upward</td></tr>'
        "<tr><td>14:10-14:40</td><td>Commitments</td></tr></table>",
        encoding="utf-8",
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert [m["title"] for m in course["modules"]] == ["Day 1", "Day 2"]
    assert [s["title"] for s in course["modules"][1]["sections"]] == [
        "Feedback upward",
        "Commitments",
    ]


def test_a_word_tables_merged_day_column_groups_its_rows(tmp_path: Path) -> None:
    """Convention: a Word timetable whose first column is one merged cell per day (Word
    keeps its text in the merge's first cell) reads as its days, under the document's
    own heading, each day a module over its clock rows; a cell merged across columns
    leaves its columns' empty cells, so every cell stands under its own header. A
    catalog table (课程名称 | 课时) is never grouped."""
    document = Document()
    document.add_paragraph("Rota Planning", style="Title")
    table = document.add_table(rows=1, cols=3)
    for cell, word in zip(table.rows[0].cells, ["Day", "Time", "Session"], strict=True):
        cell.text = word
    for day, sessions in [
        ("Monday", [("09:00-09:50", "Three rules"), ("10:00-10:50", "Reading footfall")]),
        ("Tuesday", [("09:00-10:30", "Swaps and sick days"), ("10:40-11:10", "Review")]),
    ]:
        rows = [table.add_row() for _ in sessions]
        for row, (clock, topic) in zip(rows, sessions, strict=True):
            row.cells[1].text, row.cells[2].text = clock, topic
        rows[0].cells[0].merge(rows[-1].cells[0]).text = day
    note = table.add_row()
    note.cells[0].merge(note.cells[1]).text = "Total"
    note.cells[2].text = "4 hours"
    document.save(str(tmp_path / "rota.docx"))
    from syllabus_cli.importer.source import read_source

    lines = read_source(tmp_path / "rota.docx").split("\n")
    assert "| Total |  | 4 hours |" in lines
    import_catalog(tmp_path / "rota.docx", tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == ["Monday", "Tuesday"]
    assert [s["duration"] for s in course["modules"][1]["sections"]] == ["90min", "30min"]


def timed_sheet(path: Path, title: str, head: list[str], rows: list[tuple[int, int, str]], chart: bool) -> Path:  # fmt: skip
    """A schedule as Excel keeps one: start times and lengths typed as times (Excel's
    own time values, shown ``[hh]:mm`` and ``h:mm``), the table set right of a chart
    drawn of it (a column of lengths per level, the session's name beside its bar)
    when ``chart``; the columns between them empty."""
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.cell(row=1, column=1, value=title)
    left = 7 if chart else 0
    for col, word in enumerate(head, start=left + 1):
        ws.cell(row=2, column=col, value=word)
    start = 9 * 60
    for number, (minutes, level, name) in enumerate(rows, start=3):
        clock = ws.cell(row=number, column=left + 1, value=dt.timedelta(minutes=start))
        clock.number_format = "[hh]:mm"
        length = ws.cell(row=number, column=left + 2, value=dt.time(minutes // 60, minutes % 60))
        length.number_format = "h:mm"
        ws.cell(row=number, column=left + 3, value=name)
        if chart:
            bar = ws.cell(row=number, column=1 + level, value=dt.time(0, minutes))
            bar.number_format = "h:mm"
            ws.cell(row=number, column=5, value=name)
        start += minutes
    book.save(str(path))
    return path


def test_a_sheets_time_cells_read_as_shown_and_a_chart_beside_stays_a_note(
    tmp_path: Path,
) -> None:
    """Convention: a sheet's times are read as the sheet shows them (``09:05``, ``0:25``
    by their number format), never as Python writes a time (``9:05:00``); a column of
    lengths kept as times (``0:25`` under ``Time`` or ``时长``, beside a column of start
    times) is each row's length in minutes. Tables set side by side (columns empty in
    every row between them) are read each as its own table; one drawn as a chart of
    times, no header row, is kept as written, never modules. Sheets write it as a
    tutorial's ``Start | Time | Session`` beside a bar chart of it, or ``开始 | 时长 |
    内容``."""
    en = timed_sheet(
        tmp_path / "tutorial.xlsx",
        "Data Privacy Tutorial",
        ["Start", "Time", "Session"],
        [(10, 1, "Welcome"), (25, 2, "Why records leak"), (15, 1, "Break"), (40, 2, "Synthetic data")],
        chart=True,
    )  # fmt: skip
    from syllabus_cli.importer.source import read_source

    lines = read_source(en).split("\n")
    assert "| 09:10 | 25 min | Why records leak |" in lines
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert course["title"] == "Data Privacy Tutorial"
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("Welcome", "10min"),
        ("Why records leak", "25min"),
        ("Synthetic data", "40min"),
    ]

    zh = timed_sheet(
        tmp_path / "日程.xlsx",
        "门店排班实务",
        ["开始", "时长", "内容"],
        [(50, 1, "排班的三条原则"), (70, 1, "读懂客流曲线"), (90, 1, "排班演练")],
        chart=False,
    )
    assert "| 09:50 | 70 min | 读懂客流曲线 |" in read_source(zh).split("\n")
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [m["title"] for m in course["modules"]] == ["排班的三条原则", "读懂客流曲线", "排班演练"]


def test_a_markdown_named_page_that_is_html_reads_as_a_web_page(tmp_path: Path) -> None:
    """Convention: a page saved under a Markdown or text name that is really a web page
    (it opens ``<!DOCTYPE html>``; or its lines open with tags, ``<h2>``, ``<p>``,
    ``<li>``, and hardly any is Markdown's) is read as the web page it is: its headings,
    lists and tables, not its tags as text. A Markdown page holding one HTML table stays
    Markdown."""
    en = tmp_path / "workshop.md"
    en.write_text(
        "<!DOCTYPE html>\n<html><head><title>Feedback Clinic</title>"
        "<style>h2 { color: teal; }</style></head>\n<body>\n<h1>Feedback Clinic</h1>\n"
        "<p>A half-day workshop.</p>\n<h2>Why feedback stalls</h2>\n<ul>\n<li>Fear</li>\n"
        "<li>Vague words</li>\n</ul>\n<h2>Practice rounds</h2>\n<ul>\n<li>Pairs</li>\n</ul>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    written = yaml.safe_dump(course, allow_unicode=True)
    assert course["title"] == "Feedback Clinic"
    assert "<" not in written and "teal" not in written
    assert [m["title"] for m in course["modules"]] == ["Why feedback stalls", "Practice rounds"]
    assert course["modules"][0]["points"] == ["Fear", "Vague words"]

    zh = tmp_path / "课程.txt"
    zh.write_text(
        '<div class="course">\n<h1>门店排班实务</h1>\n<p>课程时长：1天</p>\n'
        + "".join(
            f"<h2>{name}</h2>\n<ul>\n<li>{a}</li>\n<li>{b}</li>\n</ul>\n"
            for name, a, b in [
                ("排班的三条原则", "先看客流", "再看技能"),
                ("换班与请假", "提前申请", "找人顶班"),
            ]
        )
        + "</div>\n",
        encoding="utf-8",
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert course["title"] == "门店排班实务"
    assert [m["title"] for m in course["modules"]] == ["排班的三条原则", "换班与请假"]


@pytest.mark.office
def test_a_pdf_tables_centred_header_over_left_cells_is_still_its_header(tmp_path: Path) -> None:
    """Convention: a Word table's header row is often centred over cells set left; saved
    as PDF its words stand right of where the column's cells start. The columns start
    where the first row's cells do, when each stands between the gaps around its
    header word, so the table reads as its rows (``| 09:00-10:00 | 原则 | 讲授 |``), not as
    a run of words. Tables write it as ``Session | Format | Topic`` or ``时间 | 内容 |
    形式``."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from syllabus_cli.importer.source import read_source

    for name, head, rows in [
        ("rota", ["Session", "Format", "Topic"], [("Three rules (morning)", "Lecture and quiz", "Fair rotas"), ("Swaps (afternoon)", "Lecture and quiz", "Sick days and swaps"), ("Review", "Discussion", "Questions")]),
        ("排班", ["时间", "内容", "形式"], [("09:00-10:00", "排班的三条原则", "讲授"), ("10:10-11:30", "读懂客流曲线", "练习"), ("13:30-15:00", "排班演练", "小组")]),
    ]:  # fmt: skip
        document = Document()
        document.add_heading("Store Rota Planning" if name == "rota" else "门店排班实务", level=1)
        table = document.add_table(rows=1, cols=3)
        for cell, word in zip(table.rows[0].cells, head, strict=True):
            cell.text = word
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for row in rows:
            for cell, word in zip(table.add_row().cells, row, strict=True):
                cell.text = word
        document.add_paragraph(
            "Bring next week's rota." if name == "rota" else "请带上下周的排班表。"
        )
        document.save(str(tmp_path / f"{name}.docx"))
        lines = read_source(pdf_from_docx(tmp_path / f"{name}.docx", tmp_path)).split("\n")
        assert "| " + " | ".join(rows[1]) + " |" in lines


@pytest.mark.office
def test_a_deck_saved_as_pdf_reads_as_the_deck(tmp_path: Path) -> None:
    """Convention: a deck saved as PDF (three pages or more, each wider than tall, a
    slide's few lines a page) reads as the deck it is: each page a slide, its first line
    the slide's title, its other lines the bullets. So its contents slide (目录, Agenda)
    names the modules and each section slide's bullets are that module's points, the
    closing slide (谢谢观看, Thank you) kept as a note — not a run of lines each read as a
    module."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    zh = slides_pdf(
        tmp_path,
        "沟通",
        [
            ("高效沟通", ["讲师：王芳"]),
            ("目录", ["倾听的力量", "提问的艺术", "反馈的方法"]),
            ("倾听的力量", ["为什么听不进去", "复述与确认"]),
            ("提问的艺术", ["开放式提问", "追问"]),
            ("反馈的方法", ["先说事实", "再谈影响"]),
            ("谢谢观看", []),
        ],
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert course["title"] == "高效沟通"
    assert [m["title"] for m in course["modules"]] == ["倾听的力量", "提问的艺术", "反馈的方法"]
    assert course["modules"][1]["points"] == ["开放式提问", "追问"]
    assert "谢谢观看" in yaml.safe_dump(course, allow_unicode=True)

    en = slides_pdf(
        tmp_path,
        "rota",
        [
            ("Store Rota Planning", ["Ana Lee, trainer"]),
            ("Agenda", ["Fair rotas", "Swaps and sick days"]),
            ("Fair rotas", ["Three rules", "Reading footfall"]),
            ("Swaps and sick days", ["Who may swap", "Covering a shift"]),
            ("Thank you", []),
        ],
    )
    import_catalog(en, tmp_path / "en")
    (course,) = specs(tmp_path / "en")
    assert course["title"] == "Store Rota Planning"
    assert [m["title"] for m in course["modules"]] == ["Fair rotas", "Swaps and sick days"]
    assert course["modules"][0]["points"] == ["Three rules", "Reading footfall"]


def test_a_workbook_of_a_form_sheet_and_an_outline_sheet_is_one_course(tmp_path: Path) -> None:
    """Convention: a workbook whose one sheet names the course as a form (``课程名称 |
    门店排班实务``, ``Course | Store Rota Planning``, a label and its value a row) and
    whose other sheets only lay out its outline or timetable (no course named) is one
    course: the form's facts, then the outline — never a course per sheet, the outline's
    course left without a name. A catalog (a course per row) stays a course per row."""
    from openpyxl import Workbook

    for name, form, outline, title, first in [
        (
            "zh.xlsx",
            [["课程名称", "门店排班实务"], ["课程时长", "1天"], ["授课对象", "店长"]],
            [["时间", "内容"], ["09:00-10:00", "排班的三条原则"], ["10:10-11:30", "读懂客流曲线"]],
            "门店排班实务",
            "排班的三条原则",
        ),
        (
            "en.xlsx",
            [["Course", "Store Rota Planning"], ["Duration", "1 day"], ["Audience", "Store managers"]],
            [["Time", "Session"], ["09:00-10:00", "Three rules"], ["10:10-11:30", "Reading footfall"]],
            "Store Rota Planning",
            "Three rules",
        ),
    ]:  # fmt: skip
        book = Workbook()
        ws = book.active
        ws.title = "Overview"
        for row in form:
            ws.append(row)
        plan = book.create_sheet("Schedule")
        for row in outline:
            plan.append(row)
        book.save(str(tmp_path / name))
        import_catalog(tmp_path / name, tmp_path / name.split(".")[0])
        (course,) = specs(tmp_path / name.split(".")[0])
        assert course["title"] == title
        assert course["duration"] in ("1天", "1 day")
        assert course["modules"][0]["title"] == first


def test_a_decks_title_repeated_on_its_slides_is_kept_once(tmp_path: Path) -> None:
    """Convention: a title set on a few slides (a slide continued as ``About me`` twice,
    ``考察内容与课程安排`` over two parts) names no slide of its own — each is named by
    its first line — yet it is the slides' words, so it is kept once, as written, beside
    the outline. A title on most slides (the deck's running head) is furniture, never in
    the spec."""
    source = deck(
        tmp_path / "intro.pptx",
        [
            ("Store Rota Planning", ["Spring course"]),
            ("About me", ["Ana Lee", "Ten years of store rotas"]),
            ("About me", ["Projects", "Two chains' rota tools"]),
            ("Fair rotas", ["Three rules"]),
        ],
    )
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert yaml.safe_dump(course, allow_unicode=True).count("About me") == 1


@pytest.mark.office
def test_a_landscape_timetable_pdf_is_no_deck(tmp_path: Path) -> None:
    """A timetable printed landscape, a day's table a page, is a document, not a deck
    saved as PDF: its pages hold tables read as rows, so each page's first line is no
    slide's title and the rows stay the sessions they are."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    days = [
        ("第一天", [("09:00-10:00", "排班的三条原则"), ("10:10-11:30", "读懂客流曲线")]),
        ("第二天", [("09:00-10:30", "换班与请假"), ("10:40-12:00", "复盘与答疑")]),
        ("第三天", [("09:00-10:30", "排班演练"), ("10:40-11:40", "结业分享")]),
    ]
    for number, (day, sessions) in enumerate(days):
        document.add_heading(day, level=2)
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "时间", "内容"
        for clock, topic in sessions:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = clock, topic
        if number < len(days) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(tmp_path / "日程.docx"))
    pdf = pdf_from_docx(tmp_path / "日程.docx", tmp_path)
    import_catalog(pdf, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == ["第一天", "第二天", "第三天"]
    assert [s["title"] for s in course["modules"][2]["sections"]] == ["排班演练", "结业分享"]


def test_a_sheet_whose_unit_column_keys_its_rows_has_a_module_a_unit(tmp_path: Path) -> None:
    """Convention: a learning platform's export lists one activity a row with the unit it
    belongs to (``Activity | Type | Unit`` with 1, 1, 1, 2, 2 …): each unit is a module,
    its activities kept under it."""
    source = tmp_path / "platform.csv"
    source.write_text(
        "Activity,Type,Unit\n引言,video,1\n安装环境,video,1\n练习-你好,assignment,1\n"
        "变量,video,2\n练习-变量,assignment,2\n循环,video,3\n练习-循环,assignment,3\n",
        encoding="utf-8",
    )
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == ["Unit 1", "Unit 2", "Unit 3"]
    assert "练习-循环" in yaml.safe_dump(course["modules"][2], allow_unicode=True)

    zh = tmp_path / "zh.csv"
    zh.write_text(
        "活动,类型,单元\n引言,视频,1\n环境,视频,1\n变量,视频,2\n练习,作业,2\n",
        encoding="utf-8",
    )
    import_catalog(zh, tmp_path / "zh")
    (course,) = specs(tmp_path / "zh")
    assert [m["title"] for m in course["modules"]] == ["第1单元", "第2单元"]


def test_a_sheets_block_names_set_once_may_be_long_questions(tmp_path: Path) -> None:
    """A syllabus sheet's first column names each block of weeks once, in capitals and
    as a question ("WHY DO FORESTS MATTER TO US ALL?"); its header has a Week1 column."""
    source = tmp_path / "forest.csv"
    source.write_text(
        "block,Week1,Day,TOPIC,Reading\n"
        "WHY DO TROPICAL FORESTS MATTER TO ALL OF US TODAY?,Wk 1,20,Welcome,1\n"
        ",,22,Narratives,2\n"
        "THE ECOLOGY AND EVOLUTION OF TROPICAL RAIN FORESTS,Wk 2,27,What is a forest,3\n"
        ",,29,Biodiversity,4\n",
        encoding="utf-8",
    )
    import_catalog(source, tmp_path / "out")
    (course,) = specs(tmp_path / "out")
    assert [m["title"] for m in course["modules"]] == [
        "WHY DO TROPICAL FORESTS MATTER TO ALL OF US TODAY?",
        "THE ECOLOGY AND EVOLUTION OF TROPICAL RAIN FORESTS",
    ]
