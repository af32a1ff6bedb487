"""The text layer a trainer's PDF (and a deck, a sheet) really carries, read as the page
shows it: each file made in the test by the library a trainer's tools write it with."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from syllabus_cli.importer.radicals import RADICALS, unified
from syllabus_cli.importer.run import import_catalog

from .import_builders import docx, pdf_from_docx, soffice


def test_every_radical_reads_as_a_unified_ideograph() -> None:
    """Both radical blocks map, and only onto CJK unified ideographs (the UCD table)."""
    assert all(0x2F00 <= cp <= 0x2FD5 for cp in RADICALS if cp >= 0x2F00)
    assert len([cp for cp in RADICALS if cp >= 0x2F00]) == 214
    for cp, ideograph in RADICALS.items():
        assert unicodedata.name(chr(cp)).startswith(("KANGXI RADICAL", "CJK RADICAL"))
        han = ord(ideograph)  # the unified blocks (a few in Extension B-C, newer than Python)
        assert 0x3400 <= han <= 0x9FFF or 0x20000 <= han <= 0x2EBEF, hex(cp)
    assert unified("⼤模型应⽤⼊⻔ · 常⻅问题 · ⻓期") == "大模型应用入门 · 常见问题 · 长期"
    assert unified("plain 文本") == "plain 文本"


@pytest.mark.office
def test_a_pdf_whose_text_layer_carries_radicals_reads_as_the_page_shows(
    tmp_path: Path,
) -> None:
    """Convention: WPS and Word export a Chinese PDF whose text layer names a glyph by its
    radical code point (Kangxi Radicals ⼤ ⽤ ⼊, CJK Radicals Supplement ⻔ ⻅ ⻓ ⻢): the
    page shows 大模型应用入门, a copy of its text says ⼤模型应⽤⼊⻔. Seen as a title
    (⼤模型应⽤⼊⻔), in a module's name (⽂档处理), in running text (常⻅问题, ⻢上). The
    PDF here is made by LibreOffice from a .docx whose text holds those code points, so
    its text layer carries them as such an export does."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    source = docx(
        tmp_path / "radicals.docx",
        [
            "# ⼤模型应⽤⼊⻔",
            "课程时长：2天",
            "课程⼤纲：",
            "⼀、⼤模型认知（3⼩时）",
            "1. 常⻅问题与误区",
            "⼆、⽂档处理与PPT（3⼩时）",
            "1. ⻓⽂档速读，⻢上可⽤",
        ],
    )
    pdf = pdf_from_docx(source, tmp_path)
    import_catalog(pdf, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "radicals-01.yaml").read_text(encoding="utf-8"))
    assert course["title"] == "大模型应用入门"
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("大模型认知", "3小时"),
        ("文档处理与PPT", "3小时"),
    ]
    written = (tmp_path / "out" / "radicals-01.yaml").read_text(encoding="utf-8")
    assert "常见问题与误区" in written and "长文档速读，马上可用" in written
    assert not any("\u2e80" <= c <= "\u2fdf" for c in written)


def _deck_with_tables(path: Path, slides: list[tuple[str, list[str], list[list[str]]]]) -> Path:
    """Slides of (title, bullets, table rows), each with a footer text box as decks carry
    one (the last slide's words repeated on the slides that have it)."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    for number, (title, bullets, rows) in enumerate(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[0 if number == 0 else 5])
        if title:
            slide.shapes.title.text = title
        else:
            slide.shapes.title.element.getparent().remove(slide.shapes.title.element)
        if bullets:
            box = slide.shapes.add_textbox(Inches(1), Inches(1.5), Inches(8), Inches(4))
            for index, bullet in enumerate(bullets):
                paragraph = (
                    box.text_frame.paragraphs[0] if index == 0 else box.text_frame.add_paragraph()
                )
                paragraph.text = bullet
        if rows:
            shape = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(0.5), Inches(1.5), Inches(9), Inches(4)
            )
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    shape.table.cell(r, c).text = cell
        if number:  # the running footer every slide but the cover carries
            foot = slide.shapes.add_textbox(Inches(0.5), Inches(7), Inches(6), Inches(0.4))
            foot.text_frame.text = "GIS ACADEMY · COURSE OUTLINE"
    prs.save(str(path))
    return path


def test_a_deck_with_a_facts_slide_and_a_timetable_table_reads_as_a_course(
    tmp_path: Path,
) -> None:
    """Conventions of a course deck (python-pptx writes it as PowerPoint and WPS do):
    - a facts slide: `Course name: …`, `Length: 5 days`, `Audience: …` (or 课程名称：…,
      课程时长：…) — the course's own labels, read as a page's labels, not as a slide;
    - a timetable table slide whose first column names the units (`1st Day`, `Day 2`,
      `第一天`, `Module 3`), a cell's lines its topics — a module a row, continued on the
      next slide under the same header row;
    - a running footer text box (the deck's name, `COURSE OUTLINE`) on every slide:
      furniture, never a point."""
    source = _deck_with_tables(
        tmp_path / "gis.pptx",
        [
            ("GIS COURSE OUTLINE", ["Trainer: Mai Lan"], []),
            ("", ["Course name: Desktop GIS Essentials", "Length: 3 days", "Audience: planners"], []),
            ("", [], [["Time", "Topics"], ["Day 1", "Install the software\nLayers and styles"],
                      ["Day 2", "Coordinate systems\nJoins"]]),
            ("", [], [["Time", "Topics"], ["Day 3", "Print layouts\nReview"]]),
        ],
    )  # fmt: skip
    import_catalog(source, tmp_path / "out")
    written = (tmp_path / "out" / "gis-01.yaml").read_text(encoding="utf-8")
    course = yaml.safe_load(written)
    assert course["title"] == "Desktop GIS Essentials"
    assert course["duration"] == "3 days"
    assert [(m["title"], m["points"]) for m in course["modules"]] == [
        ("Day 1", ["Install the software", "Layers and styles"]),
        ("Day 2", ["Coordinate systems", "Joins"]),
        ("Day 3", ["Print layouts", "Review"]),
    ]
    assert "GIS ACADEMY" not in written


def test_a_saved_page_names_its_course_in_its_title_when_its_heading_is_generic() -> None:
    """Convention: a saved course page whose body heads with a generic heading
    ("Workshop Agenda", "课程安排") or none names its course in the browser tab's
    <title>, beside the site's name: "Workshop Agenda | Data Literacy Bootcamp",
    "课程安排 - 高效会议主持工作坊", "Agenda_Design Sprint". A named heading wins."""
    from syllabus_cli.importer.readers import html_text

    page = "<html><head><title>{}</title></head><body><h1>{}</h1><p>x</p></body></html>"
    tab = html_text(page.format("Workshop Agenda | Data Literacy Bootcamp", "Agenda"))
    assert tab.startswith("# Data Literacy Bootcamp\n# Agenda\n")
    assert html_text(page.format("课程安排 - 高效会议主持工作坊", "课程安排")).startswith(
        "# 高效会议主持工作坊\n"
    )
    assert html_text(page.format("Agenda_Design Sprint", "Schedule")).startswith(
        "# Design Sprint\n"
    )
    named = html_text(page.format("Home | Acme Training", "Negotiation Skills"))
    assert named.startswith("# Negotiation Skills")
    under = page.replace("<p>x</p>", "<h2>Customer Success Playbook</h2><p>x</p>")
    assert html_text(under.format("Agenda | Acme Training", "Agenda")).startswith("# Agenda\n")


def test_a_line_in_glyphs_a_font_maps_wrongly_is_never_the_title() -> None:
    """Convention: a PDF whose fonts map glyphs to the wrong code points gives a text
    layer with letters of scripts no zh or en page writes in — 第1讲 read as `ᒫ1拻`,
    (43分53秒) as `(43ړ53ᑁ)`. Such a line names nothing a trainer wrote: the title stays
    TODO rather than `ᒫ1拻 Computer Networks`; accented Latin, Greek, full-width and
    Chinese text stay readable."""
    from syllabus_cli.importer.title import from_head, unreadable

    assert from_head(["ᒫ1拻 Computer Networks and the", "Internet"]) is None
    assert unreadable("(43ړ53ᑁ)") and unreadable("ᒫ2拻 Application Layer")
    for fine in ("Café Résumé", "Ωmega 课程", "ｗｉｄｅ ①", "大模型应用入门", "時々"):
        assert not unreadable(fine), fine
    found = from_head(["Réseaux informatiques", "Internet"])
    assert found is not None and found.text == "Réseaux informatiques"


def test_a_table_row_or_cell_left_open_ends_where_the_next_begins() -> None:
    """Convention (HTML's own, which every browser follows): `</tr>` and `</td>` may be
    left out — a row ends where the next `<tr>` begins (`…<td>18</td><tr><tr>…`, a hand
    edit's slip), a cell where the next `<td>` begins (`<td>a<td>b`). Each row is read,
    none lost; a table inside a cell stays that cell's own."""
    from syllabus_cli.importer.readers import html_text

    page = (
        "<table><tr><th>模块<th>课程<th>学时（天）</tr>"
        "<tr><td>综合课<td>Java EE 程序设计</td><td>12</td>"
        "<tr><td></td><td>Java EE 框架技术</td><td>18</td><tr>"
        "<tr><td>实践课</td><td>项目实训<table><tr><td>分组</td></tr></table></td><td>17</td></tr>"
        "</table>"
    )
    assert html_text(page).split("\n") == [
        "| 模块 | 课程 | 学时（天） |",
        "| 综合课 | Java EE 程序设计 | 12 |",
        "|  | Java EE 框架技术 | 18 |",
        "| 实践课 | 项目实训 | 17 |",
        "|  | 分组 |",
    ]


def test_a_heading_after_a_list_is_a_section_of_the_module_not_of_its_last_item(
    tmp_path: Path,
) -> None:
    """Convention (Markdown's own, and a deck read as headings): a heading ends the lists
    above it. `## Module` with its bullets, then `### Topic` — the topic is the module's
    section (a module's points, then a slide under it; a week's goals, then its
    sessions), never a child of the module's last bullet."""
    source = tmp_path / "weeks.md"
    source.write_text(
        "# Data Storytelling\n\n## Course outline\n\n"
        "### Week 1: Foundations\n- Why stories work\n- Audience first\n"
        "#### Session: Picking the message\n- One idea per chart\n"
        "### Week 2: Charts\n- Choosing a chart\n",
        encoding="utf-8",
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "weeks-01.yaml").read_text(encoding="utf-8"))
    first, second = course["modules"]
    assert first["points"] == ["Why stories work", "Audience first"]
    assert [s["title"] for s in first["sections"]] == ["Session: Picking the message"]
    assert first["sections"][0]["points"] == ["One idea per chart"]
    assert second["title"].endswith("Charts")


def test_a_cover_slide_titled_with_a_colon_lists_the_modules(tmp_path: Path) -> None:
    """Convention: a syllabus deck whose first slide is the syllabus itself, each group a
    line ending in a colon over its topics — `Core Java :` … `Advance Java (Java EE) :`
    …, or `基础篇：` … `进阶篇：` …. A title ending in a colon names no course: it leads
    in a group, a module; the title stays TODO for the trainer."""
    from .import_builders import deck

    source = deck(
        tmp_path / "syllabus.pptx",
        [
            ("基础篇：", ["Python 语法", "数据结构", "进阶篇：", "面向对象", "并发编程"]),
            ("数据结构", ["列表与字典", "集合"]),
        ],
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "syllabus-01.yaml").read_text(encoding="utf-8"))
    assert str(course["title"]).startswith("TODO")
    assert [(m["title"], m["points"]) for m in course["modules"]] == [
        ("基础篇", ["Python 语法", "数据结构"]),
        ("进阶篇", ["面向对象", "并发编程"]),
    ]


def test_a_page_that_welcomes_to_its_course_names_it() -> None:
    """Convention: an English agenda page under a generic heading names its course in
    its welcome line — "Welcome to the Data Visualisation Bootcamp!", "Welcome to Intro
    to R." (as a Chinese page does in 欢迎参加《…》培训). A welcome to "the course",
    "our workshop" or "this training" names nothing."""
    from syllabus_cli.importer.title import from_text

    def named(text: str) -> str | None:
        found = from_text(text)
        return found.text if found else None

    assert named("Welcome to the Data Visualisation Bootcamp!\nHere is the agenda:") == (
        "Data Visualisation Bootcamp"
    )
    assert named("Some intro.\nWelcome to Intro to R. We start at 9.") == "Intro to R"
    for nothing in (
        "Welcome to the course!",
        "Welcome to our workshop.",
        "Welcome to this training!",
    ):
        assert named(nothing) is None, nothing


@pytest.mark.office
def test_a_short_pdf_loses_its_running_head_with_the_page_number(tmp_path: Path) -> None:
    """Convention: a two-page outline (too short for a line to recur on most pages) runs
    the document's title beside the page number at each later page's top or foot — LaTeX
    writes 'syllabus: introduction to python    2' in small capitals, Word '2 | 数据分析入门'.
    That line is furniture, never a point or a module."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    from docx import Document

    document = Document()
    document.add_heading("数据分析入门", level=1)
    for line in ("课程时长：1天", "课程大纲：", "一、数据从哪里来（180分钟）", "1. 采集与清洗"):
        document.add_paragraph(line)
    document.add_page_break()
    for line in ("2 | 数据分析入门", "二、数据说什么（180分钟）", "1. 描述统计", "2. 可视化"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "short.docx"))
    pdf = pdf_from_docx(tmp_path / "short.docx", tmp_path)
    import_catalog(pdf, tmp_path / "out")
    written = (tmp_path / "out" / "short-01.yaml").read_text(encoding="utf-8")
    course = yaml.safe_load(written)
    assert course["title"] == "数据分析入门"
    assert [m["title"] for m in course["modules"]] == ["数据从哪里来", "数据说什么"]
    assert "| 数据分析入门" not in written and "2 |" not in written


@pytest.mark.office
def test_a_pdf_text_layer_sets_no_space_beside_full_width_punctuation(tmp_path: Path) -> None:
    """Convention: the text layer of a PDF exported by WPS or Word sets a space where a
    run of Latin or digits meets full-width punctuation, which takes none in Chinese
    type: `模块1 ： AI 认知（ 2学时）`, `课程对象 ： 新员工`; and pypdf spaces each change
    of font, so Latin meeting Chinese reads `AI 与大模型` where the page sets `AI与大模型`
    (a space the trainer typed there cannot be told apart: it goes too); a justified
    cell spreads a unit of time (`4学 时`, `30分 钟`). Read so,
    `模块1：AI认知（2学时）`, the module keeps its name and its hours."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    source = docx(
        tmp_path / "spaced.docx",
        ["# AI 工具入门", "课程大纲 ：", "模块1 ： AI 认知（ 2学时）", "1. 发展简史",
         "模块2 ： 提示词设计（ 4学 时 ）", "1. 角色 + 任务 + 格式"],
    )  # fmt: skip
    pdf = pdf_from_docx(source, tmp_path)
    import_catalog(pdf, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "spaced-01.yaml").read_text(encoding="utf-8"))
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("AI认知", "2学时"),
        ("提示词设计", "4学时"),
    ]


def test_a_length_label_run_onto_its_value_is_read_but_a_lesson_number_is_not() -> None:
    """Convention: a PDF's two-cell row can lose the space between its cells, running a
    length label onto its value — `总学时16学时`, `课程时长2天` (see the fresh fixture
    zh-glued-length-cell). A lesson numbered by the same word, `课时1：认识Python`, is no
    length: the value must end in its unit."""
    from syllabus_cli.importer.catalog import _label

    glued = _label("总学时16学时", before_outline=True)
    assert glued is not None and (glued.key, glued.rest) == ("duration", "16学时")
    two_days = _label("课程时长2天", before_outline=True)
    assert two_days is not None and (two_days.key, two_days.rest) == ("duration", "2天")
    lesson = _label("课时1：认识Python", before_outline=True)
    assert lesson is None or lesson.key != "duration"


@pytest.mark.office
def test_a_pdf_in_wrongly_mapped_glyphs_is_said_and_its_ligatures_read_as_letters(
    tmp_path: Path,
) -> None:
    """Conventions of a PDF's text layer: a font that maps glyphs to the wrong code
    points (第1讲 read as `ᒫ1拻`, 分 as `ړ`) gives characters no zh or en page writes in —
    the summary says so, once, and no such line becomes the title; a typeset ligature
    (LaTeX's `scientiﬁc`, `ﬂow`) is the letters it joins."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    source = docx(
        tmp_path / "glyphs.docx",
        ["ᒫ1拻 Computer Networks and the Internet", "1.1 What is the Internet? (43ړ53ᑁ)",
         "1.2 Network edge: data ﬂow and scientiﬁc ﬁles", "ᒫ2拻 Application Layer",
         "2.1 Principles of network applications"],
    )  # fmt: skip
    pdf = pdf_from_docx(source, tmp_path)
    report = import_catalog(pdf, tmp_path / "out")
    written = (tmp_path / "out" / "glyphs-01.yaml").read_text(encoding="utf-8")
    assert str(yaml.safe_load(written)["title"]).startswith("TODO")
    assert "data flow and scientific files" in written and "\ufb01" not in written
    said = [w for w in report.warnings if "PDF" in w]
    assert len(said) == 1 and " 3 " in said[0], report.warnings  # ᒫ ړ ᑁ (拻 is a Han)


def test_a_bilingual_contents_slide_part_numbers_and_a_closing_slide(tmp_path: Path) -> None:
    """Conventions of a Chinese course deck (the template shops' shape):
    - the contents slide titled in both languages: `目录 CONTENTS`, `目 录`, `Agenda 议程`;
    - a section slide numbered in words beside its name: `PART ONE`, `Part 2`, `01`,
      `第一部分` — the number is no point;
    - a closing slide, `谢谢观看` / `THANKS`, `感谢聆听`, `Thank you`, `Q&A`: no section
      of the last module, its words kept in notes."""
    from .import_builders import deck

    source = deck(
        tmp_path / "talk.pptx",
        [
            ("高效沟通技巧", ["主讲人：李明", "2025年3月"]),
            ("目录 CONTENTS", ["01", "认识沟通", "02", "倾听的技巧", "03", "表达的艺术"]),
            ("认识沟通", ["PART ONE"]),
            ("沟通的定义", ["信息的传递与理解", "双向过程"]),
            ("倾听的技巧", ["PART TWO"]),
            ("积极倾听", ["复述", "提问"]),
            ("表达的艺术", ["Part 3"]),
            ("结构化表达", ["结论先行"]),
            ("谢谢观看", ["THANKS"]),
        ],
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "talk-01.yaml").read_text(encoding="utf-8"))
    assert course["title"] == "高效沟通技巧"
    assert [(m["title"], [s["title"] for s in m["sections"]]) for m in course["modules"]] == [
        ("认识沟通", ["沟通的定义"]),
        ("倾听的技巧", ["积极倾听"]),
        ("表达的艺术", ["结构化表达"]),
    ]
    assert all("points" not in m for m in course["modules"])  # PART ONE is no point
    assert "谢谢观看" in course["notes"] and "THANKS" in course["notes"]


def test_a_section_slide_numbered_above_its_name_matches_a_numbered_contents_entry(
    tmp_path: Path,
) -> None:
    """Conventions of a deck built from a template without title placeholders: a section
    slide's first text box holds its number, the next its name (`01` then `激励的原理`);
    the contents slide writes the number into each entry (`01 激励的原理`, `PART 02 …`,
    `第二部分 …`). The number names no slide: the slide is the module `激励的原理`, and
    the contents entry names it."""
    source = _deck_with_tables(
        tmp_path / "motivate.pptx",
        [
            ("团队激励", ["讲师：王芳"], []),
            ("目录", ["01 激励的原理", "PART 02 激励的方法"], []),
            ("", ["01", "激励的原理"], []),
            ("需求层次", ["生理与安全", "尊重与自我实现"], []),
            ("", ["02", "激励的方法"], []),
            ("物质激励", ["奖金", "股权"], []),
        ],
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "motivate-01.yaml").read_text(encoding="utf-8"))
    assert [(m["title"], [s["title"] for s in m["sections"]]) for m in course["modules"]] == [
        ("激励的原理", ["需求层次"]),
        ("激励的方法", ["物质激励"]),
    ]


def test_a_heading_that_names_the_page_s_kind_is_no_title() -> None:
    """Convention: a page's heading often names the document, not the course — 'Course
    Syllabus', 'Detailed Agenda', 'Class Schedule', 'Lesson Plan', 'Program Overview',
    '培训方案', '教学大纲', '课程简介', '课程表' (and the suffix rule must not leave a bare
    'Course' or 'Detailed'). The course's own name, the next line, is the title; a
    name that holds such a word ('新员工培训方案', 'Data Science Course') is a name."""
    from syllabus_cli.importer.title import from_head

    for kind in ("COURSE SYLLABUS", "Detailed Agenda", "# Class Schedule", "# Lesson Plan",
                 "Program Overview", "# 培训方案", "# 教学大纲", "课程简介", "# 课程表", "# Welcome"):  # fmt: skip
        found = from_head([kind, "Negotiation Fundamentals"])
        assert found is not None and found.text == "Negotiation Fundamentals", kind
    for name in ("# 新员工培训方案", "# Data Science Course", "Leadership Workshop"):
        found = from_head([name, "Other"])
        assert found is not None and found.text == name.lstrip("# "), name


def test_a_facts_table_of_labels_and_values_is_read_as_labels(tmp_path: Path) -> None:
    """Convention: a course page (or a Markdown file) sets the course's facts as a table,
    each row a label and its value, or two pairs: `| 课程时长 | 2天 |`,
    `| 课程时长 | 2天 | 培训对象 | 新经理 |`, `| Duration | 2 days |` (see the fresh fixture
    html-facts-table). A timetable's header (`| 时间 | 内容 |`) pairs no label with a
    value and stays a table."""
    from syllabus_cli.importer.catalog import facts_row

    assert facts_row("| 课程时长 | 2天 | 培训对象 | 新经理 |") == [
        "课程时长：2天",
        "培训对象：新经理",
    ]
    assert facts_row("| Duration | 2 days |") == ["Duration：2 days"]
    assert facts_row("| 时间 | 内容 |") is None
    assert facts_row("| Time | Session |") is None and facts_row("| 时长 | 主题 |") is None
    assert facts_row("| 09:00 | 开场 |") is None
    source = tmp_path / "facts.md"
    source.write_text(
        "# 绩效辅导\n\n| 课程时长 | 1天 |\n|---|---|\n| 培训对象 | 部门经理 |\n\n"
        "## 课程大纲\n一、目标设定（3小时）\n二、辅导对话（3小时）\n",
        encoding="utf-8",
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "facts-01.yaml").read_text(encoding="utf-8"))
    assert (course["duration"], course["audience"]) == ("1天", ["部门经理"])


def test_a_sheet_laid_out_as_a_course_form_reads_as_one_course(tmp_path: Path) -> None:
    """Convention: a course kept in Excel as a form — a heading row, then a label and its
    value a row (课程名称 | …, 课程时长 | 2天, 培训对象 | …, 课程大纲 | its lines in one cell;
    or Course title | …, Duration | …, Outline | …). The labels are read as a page's and
    the outline keeps its cell's lines (a sheet with a course a row is another shape)."""
    from .import_builders import sheet

    source = sheet(
        tmp_path / "form.xlsx",
        [
            ["课程介绍表"],
            ["课程名称", "销售谈判技巧"],
            ["课程时长", "2天"],
            ["培训对象", "销售经理、大客户代表"],
            [
                "课程大纲",
                "第一讲 谈判准备（6小时）\n1. 信息收集\n第二讲 谈判实战（6小时）\n1. 让步策略",
            ],
        ],
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "form-01.yaml").read_text(encoding="utf-8"))
    assert (course["title"], course["duration"]) == ("销售谈判技巧", "2天")
    assert [(m["title"], m["duration"], m["points"]) for m in course["modules"]] == [
        ("谈判准备", "6小时", ["信息收集"]),
        ("谈判实战", "6小时", ["让步策略"]),
    ]


def test_a_deck_s_unit_table_with_a_time_column_gives_each_module_its_time(
    tmp_path: Path,
) -> None:
    """Convention: a deck's schedule slide as a table of units with a time column —
    `| 模块 | 内容 | 学时 |`, `| Day | Topics | Duration (hours) |` — each row a module
    with the time its row gives, not a point '3'."""
    source = _deck_with_tables(
        tmp_path / "lead.pptx",
        [
            ("领导力提升训练营", ["主讲：赵强"], []),
            ("课程安排", [], [["模块", "内容", "学时"], ["模块一", "角色认知", "3"],
                              ["模块二", "团队激励", "3"], ["模块三", "绩效辅导", "6"]]),
            ("角色认知", ["从骨干到管理者"], []),
            ("团队激励", ["需求与动机"], []),
        ],
    )  # fmt: skip
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "lead-01.yaml").read_text(encoding="utf-8"))
    assert [(m["title"], m["duration"]) for m in course["modules"]][:3] == [
        ("角色认知", "3学时"),
        ("团队激励", "3学时"),
        ("绩效辅导", "6学时"),
    ]


def test_a_continued_slide_goes_on_under_the_slide_it_continues(tmp_path: Path) -> None:
    """Convention: a slide whose bullets do not fit goes on on the next, titled with a
    continuation mark — `积极倾听（续）`, `Active listening (cont.)`, `(continued)`,
    `（接上页）`. Its bullets are the same section's, not a section of their own."""
    from .import_builders import deck

    source = deck(
        tmp_path / "listen.pptx",
        [
            ("倾听的力量", ["讲师：周敏"]),
            ("积极倾听", ["复述对方的话", "确认情绪"]),
            ("积极倾听（续）", ["开放式提问"]),
            ("Active listening (cont.)", ["orphan continuation"]),
        ],
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "listen-01.yaml").read_text(encoding="utf-8"))
    sections = [s for m in course["modules"] for s in m.get("sections", [])] or course["modules"]
    first = sections[0]
    assert first["title"] == "积极倾听"
    assert first["points"] == ["复述对方的话", "确认情绪", "开放式提问"]
    assert [s["title"] for s in sections] == ["积极倾听", "Active listening (cont.)"]


def test_a_two_column_timetable_sheet_is_no_form(tmp_path: Path) -> None:
    """A sheet whose header is `Time | Session` (or `时长 | 主题`) is a timetable, not a
    course form: its header row stays a table row, not a length 'Session'."""
    from syllabus_cli.importer.readers import rows_text

    text = rows_text([["Python Day"], ["Time", "Session"], ["9:00 - 10:30", "Basics"]])
    assert "| Time | Session |" in text
    form = rows_text([["课程时长", "2天"], ["课程大纲", "一、开场\n二、实战"]])
    assert form.split("\n") == ["课程时长：2天", "课程大纲：", "一、开场", "二、实战"]


def test_a_bullet_that_ends_a_few_slides_of_a_long_deck_is_no_footer(tmp_path: Path) -> None:
    """A running footer is on many slides; a bullet that ends three modules' slides of a
    long deck (`小组讨论`) is the trainer's point and stays."""
    from syllabus_cli.importer.readers import deck_text

    slides = [("沟通课", [])] + [
        (f"主题{n}", [(0, f"要点{n}"), (0, "小组讨论" if n % 4 == 0 else f"练习{n}")])
        for n in range(1, 13)
    ]
    assert deck_text(slides).count("小组讨论") == 3


@pytest.mark.parametrize(
    ("name", "agenda", "parts"),
    [
        ("前端培训课件（JavaScript基础）", "大纲", ["数据类型", "函数", "对象", "流程控制语句"]),
        ("Acme Academy · Internal Training", "Agenda", ["Git basics", "Branching", "Reviews"]),
    ],
)
def test_a_deck_name_atop_every_slides_body_is_a_running_header(
    tmp_path: Path, name: str, agenda: str, parts: list[str]
) -> None:
    """A deck whose every slide opens its body with the same line (the deck's name in a
    box under each title: 前端培训课件（JavaScript基础）, 'Acme Academy · Internal
    Training'): a running header, kept once with the cover's lines, never the first item
    of the agenda slide (a module) nor a point of every module."""
    from .import_builders import deck

    slides: list[tuple[str, list[str | tuple[int, str]]]] = [
        ("JavaScript基础" if "前端" in name else "Code Review Workshop", ["2024"]),
        (agenda, [name, *parts]),
        *[(part, [name, f"{part} 1", f"{part} 2"]) for part in parts],
    ]
    source = deck(tmp_path / "deck.pptx", slides)
    import_catalog(source, tmp_path / "out")
    written = next((tmp_path / "out").glob("*.yaml")).read_text(encoding="utf-8")
    course = yaml.safe_load(written)
    assert [m["title"] for m in course["modules"]] == parts
    assert all(name not in m.get("points", []) for m in course["modules"])
    assert written.count(name) == 1  # nothing lost: said once


def test_a_text_layer_read_through_a_misread_font_map_is_garbled() -> None:
    """What pypdf gives for a WPS export whose font it misreads (Syriac, Armenian, NKo
    letters where the page shows 开发入门教程) is told apart from real text."""
    from syllabus_cli.importer.readers import garbled

    assert garbled("Django4 WEB୏فݎᳪරᑕ ᧞෸ғᕅ133ᜓ ޮ๗ғ2ӻ์ ᒫӞᒍ ள᭛Ӥಋ 1-1 ୏ݎሾह ڠୌDjangoᶱፓ")
    assert not garbled("Django4 WEB开发入门教程 课时：约133节 第一章 快速上手 1-1 开发环境")
    assert not garbled("Café au lait — naïve résumé, Ελληνικά, русский текст, 中文课程大纲")


@pytest.mark.office
def test_a_pdf_whose_fonts_pypdf_misreads_is_read_through_pdfium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When pypdf's reading of a page is garbled, the page is read again through PDFium
    (Chrome's PDF engine), which reads such fonts as the page shows them. pypdf is made
    to misread here (its extract_text returns what it gave for a real WPS export); the
    PDF is a real one, made by LibreOffice."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    import pypdf

    source = docx(
        tmp_path / "django.docx",
        ["# Django入门教程", "第一章 快速上手", "1. 开发环境", "第二章 路由层", "1. 路由函数"],
    )
    pdf = pdf_from_docx(source, tmp_path)
    misread = "Django4 WEB୏فݎᳪරᑕ\nᒫӞᒍ ள᭛Ӥಋ\n1-1 ୏ݎሾह\nᒫԫᒍ Django᪠ኧ੶\n2-1 ᪠ኧڍහpath ᥤڍࢶහӾጱ"
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda self, *a, **k: misread)
    import_catalog(pdf, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "django-01.yaml").read_text(encoding="utf-8"))
    assert course["title"] == "Django入门教程"
    assert [m["title"] for m in course["modules"]] == ["快速上手", "路由层"]
