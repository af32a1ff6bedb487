"""Import from every format a trainer keeps courses in, each file made in the test by the
library a trainer's tools write it with (python-pptx, openpyxl, python-docx, LibreOffice
for a PDF), and bad input as one located line, exit 1, never a traceback or a hang."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from syllabus_cli.importer.run import import_catalog
from syllabus_cli.validate import validate_paths

from .import_builders import deck, pdf_from_docx, sheet, soffice

FORMATS = Path(__file__).parent / "data" / "import" / "formats"


def written(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def spec(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(written(path))


def _run(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it, in its own process, with a time limit (no hang)."""
    return subprocess.run(
        [sys.executable, "-m", "syllabus_cli", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_deck_reads_as_a_course(tmp_path: Path) -> None:
    """The shape of a trainer's deck: cover, 目录 slide, a section slide per module (its
    number beside its name), content slides with bullets."""
    source = deck(
        tmp_path / "marketing-sop.pptx",
        [
            ("营销SOP创新优化流程", ["汇报人：王磊", "2025年"]),
            ("目录", ["营销SOP概述与现状分析", "创新优化方法论框架"]),
            ("营销SOP概述与现状分析", ["01"]),
            ("营销SOP定义及核心价值", ["标准化执行框架", (1, "固化最佳实践"), "知识沉淀与传承"]),
            ("当前流程痛点诊断", ["流程碎片化", "数据孤岛问题"]),
            ("创新优化方法论框架", ["02"]),
            ("设计思维在流程优化中的应用", ["用户需求洞察", "原型快速迭代"]),
        ],
    )
    import_catalog(source, tmp_path / "out")
    result = written(tmp_path / "out" / "marketing-sop-01.yaml")
    assert result == written(FORMATS / "deck.yaml")


def test_a_sheet_with_one_course_a_row_is_one_spec_a_row(tmp_path: Path) -> None:
    """Columns in any order, English and Chinese headers, a row number column."""
    source = sheet(
        tmp_path / "catalog.xlsx",
        [
            ["No.", "Outline", "Course title", "Hours", "Audience"],
            [1, "1. Listening\n2. Questioning\n3. Summarising", "Active Listening", "6 hours", "Team leads; HR partners"],
            [2, "一、开场\n二、需求挖掘\n三、促成", "电话销售技巧", "12课时", "电销团队、客服"],
        ],
    )  # fmt: skip
    report = import_catalog(source, tmp_path / "out")
    assert len(report.rows) == 2
    assert written(tmp_path / "out" / "catalog-01.yaml") == written(FORMATS / "sheet-01.yaml")
    assert written(tmp_path / "out" / "catalog-02.yaml") == written(FORMATS / "sheet-02.yaml")
    assert not [r for r in validate_paths(sorted((tmp_path / "out").glob("*.yaml"))) if r.errors]


def test_a_word_file_reads_content_controls_text_boxes_and_nested_tables_once(
    tmp_path: Path,
) -> None:
    document = Document()
    document.add_paragraph("课程名称：客户体验设计")
    body = document.element.body
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>课程对象：产品经理</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)
    box = parse_xml(
        f"<w:p {nsdecls('w', 'wp', 'a')} "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        "<w:r><w:t>课程时长：</w:t></w:r>"
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        "<w:p><w:r><w:t>1天</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        "<w:txbxContent><w:p><w:r><w:t>1天</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    body.insert(len(body) - 1, box)
    document.add_paragraph("课程大纲：")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "第一讲 旅程地图"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "触点识别"
    inner.cell(1, 0).text = "情绪曲线"
    document.save(str(tmp_path / "cx.docx"))
    import_catalog(tmp_path / "cx.docx", tmp_path / "out")
    text = written(tmp_path / "out" / "cx-01.yaml")
    course = spec(tmp_path / "out" / "cx-01.yaml")
    assert course["audience"] == ["产品经理"]  # inside a content control
    assert course["duration"] == "1天" and text.count("1天") == 1  # the text box, once
    assert text.count("触点识别") == 1 and text.count("情绪曲线") == 1  # the nested table, once


def test_a_word_files_headings_and_tables_keep_their_structure(tmp_path: Path) -> None:
    """Word marks a heading by its style (Heading 1, or 标题 1 in a Chinese Word, whose
    style ids are digits) and a timetable as a table: the headings are levels and each
    row's cells stay apart, so a session is named by its own cell, not run on into the
    next column's trainer."""
    document = Document()
    document.add_heading("新任经理训练营", 0)
    document.add_heading("课程简介", 1)
    document.add_paragraph("帮助新任经理完成角色转变。")
    document.add_heading("日程", 1)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("时间", "内容", "讲师"), strict=True):
        cell.text = text
    for row in (
        ("9:00-10:30", "角色转变", "王老师"),
        ("10:30-10:45", "茶歇", ""),
        ("10:45-12:00", "目标与计划", "王老师"),
        ("13:00-14:30", "辅导下属", "李老师"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_heading("考核方式", 1)
    document.add_paragraph("行动计划评分。")
    styles = document.styles.element  # a Chinese Word's style ids are digits: 1, 2, …
    for style in styles.iterchildren():
        if style.get(qn("w:styleId")) == "Heading1":
            style.set(qn("w:styleId"), "2")
    for paragraph in document.element.body.iter(qn("w:pStyle")):
        if paragraph.get(qn("w:val")) == "Heading1":
            paragraph.set(qn("w:val"), "2")
    document.save(str(tmp_path / "camp.docx"))
    import_catalog(tmp_path / "camp.docx", tmp_path / "out")
    course = spec(tmp_path / "out" / "camp-01.yaml")
    assert course["title"] == "新任经理训练营"
    assert [(m["title"], m.get("duration")) for m in course["modules"]] == [
        ("角色转变", "90分钟"),
        ("目标与计划", "75分钟"),
        ("辅导下属", "90分钟"),
    ]
    assert "行动计划评分" in course["notes"] and "王老师" in written(
        tmp_path / "out" / "camp-01.yaml"
    )


def test_big5_text_is_read_as_big5_and_said(tmp_path: Path) -> None:
    source = tmp_path / "tw.txt"
    source.write_bytes(
        "課程名稱：顧客服務\n課程時長：1天\n課程大綱：\n一、服務意識\n二、溝通技巧\n".encode("big5")
    )
    report = import_catalog(source, tmp_path / "out")
    course = spec(tmp_path / "out" / "tw-01.yaml")
    assert course["title"] == "顧客服務"
    assert [m["title"] for m in course["modules"]] == ["服務意識", "溝通技巧"]
    assert any("BIG5" in w for w in report.warnings)


def test_the_committed_pdf_loses_its_page_furniture(tmp_path: Path) -> None:
    """A three-page PDF saved from Word by LibreOffice (committed; made by
    make_pdf_fixture below): a running header and 第 N 页 共 3 页 on every page."""
    import_catalog(FORMATS / "outline.pdf", tmp_path)
    result = written(tmp_path / "outline-01.yaml")
    assert "第 1 页" not in result and "内部资料" not in result
    assert result == written(FORMATS / "outline-pdf.yaml")


def make_pdf_fixture(out_dir: Path) -> Path:
    lines: list[str] = []
    for page, body in enumerate(
        (
            [
                "# 绩效面谈技巧",
                "课程时长：1天",
                "课程大纲：",
                "一、面谈前的准备（90分钟）",
                "1. 收集事实",
            ],
            ["二、面谈中的沟通（120分钟）", "1. 反馈模型", "2. 处理异议"],
            ["三、面谈后的跟进（150分钟）", "1. 改进计划"],
        ),
        start=1,
    ):
        lines += ["华信培训中心 内部资料", *body, f"第 {page} 页 共 3 页", "\f"]
    document = Document()
    for line in lines[:-1]:
        if line == "\f":
            document.add_page_break()
        elif line.startswith("# "):
            document.add_heading(line[2:], level=1)
        else:
            document.add_paragraph(line)
    document.save(str(out_dir / "outline.docx"))
    return pdf_from_docx(out_dir / "outline.docx", out_dir)


@pytest.mark.office
def test_a_pdf_saved_from_word_imports(tmp_path: Path) -> None:
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    pdf = make_pdf_fixture(tmp_path)
    import_catalog(pdf, tmp_path / "out")
    course = spec(tmp_path / "out" / "outline-01.yaml")
    assert course["title"] == "绩效面谈技巧"
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("面谈前的准备", "90分钟"), ("面谈中的沟通", "120分钟"), ("面谈后的跟进", "150分钟")]  # fmt: skip
    assert "页" not in written(tmp_path / "out" / "outline-01.yaml").split("modules:")[1]


def _blank_pdf(path: Path, password: str | None = None) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    with path.open("wb") as stream:
        writer.write(stream)
    return path


def _one_line_error(result: subprocess.CompletedProcess[str], code: str, words: str) -> None:
    assert result.returncode == 1, result
    said = (result.stdout + result.stderr).strip()
    assert "Traceback" not in said
    assert f"[{code}]" in said and words in said, said
    assert len([line for line in said.splitlines() if "[" in line and "]" in line]) == 1


def test_an_encrypted_pdf_is_one_clear_line(tmp_path: Path) -> None:
    source = _blank_pdf(tmp_path / "locked.pdf", password="secret")
    result = _run("import", str(source), "--out", str(tmp_path / "out"))
    _one_line_error(result, "no-text-layer", "export it from Word as text, or OCR it first")


def test_an_image_only_pdf_is_one_clear_line(tmp_path: Path) -> None:
    source = _blank_pdf(tmp_path / "scan.pdf")
    result = _run("import", str(source), "--out", str(tmp_path / "out"))
    _one_line_error(result, "no-text-layer", "no text layer")


@pytest.mark.parametrize("suffix", [".pptx", ".xlsx", ".pdf"])
def test_a_corrupt_deck_sheet_or_pdf_is_one_clear_line(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"broken{suffix}"
    source.write_bytes(b"PK\x03\x04 this is not a complete archive" * 10)
    result = _run("import", str(source), "--out", str(tmp_path / "out"))
    _one_line_error(result, "unreadable-source", "not a readable")


def test_a_50_mb_file_is_refused_at_once(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    with source.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    result = _run("import", str(source), "--out", str(tmp_path / "out"), timeout=30)
    _one_line_error(result, "too-large", "larger than")


def test_a_sheet_of_100000_rows_is_refused_without_a_hang(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet()
    ws.append(["课程名称", "课时"])
    for n in range(100_000):
        ws.append([f"课程{n}", "6课时"])
    book.save(str(tmp_path / "big.xlsx"))
    result = _run("import", str(tmp_path / "big.xlsx"), "--out", str(tmp_path / "out"), timeout=60)
    _one_line_error(result, "too-large", "rows")


def test_the_summary_on_a_pipe_is_plain_text(tmp_path: Path) -> None:
    source = tmp_path / "c.txt"
    source.write_text(
        "沟通技巧\n课程时长：2小时\n课程大纲：\n一、倾听\n二、表达\n", encoding="utf-8"
    )
    result = _run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert not set(result.stdout) & set("│┃━─╇┏┓┗┛")
    assert "c-01.yaml" in result.stdout and "沟通技巧" in result.stdout


if __name__ == "__main__":  # regenerate the committed PDF: python -m tests.test_import_formats
    made = make_pdf_fixture(FORMATS)
    (FORMATS / "outline.docx").unlink()
    print(made)


def test_a_week_grid_sheet_reads_a_module_a_day(tmp_path: Path) -> None:
    """Time rows x day columns, breaks in the grid, a day with its own Time column."""
    source = sheet(
        tmp_path / "week.xlsx",
        [
            ["Data Camp 2024"],
            ["Time", "Monday", "Tuesday", "Wednesday", ""],
            ["9:00 - 10:30", "Python basics", "Pandas", "9:00 - 10:00", "Plotting"],
            ["10:30 - 10:45", "Break", "Break", "10:00 - 10:15", "Break"],
            ["10:45 - 12:00", "Functions", "Cleaning", "10:15 - 11:00", "Wrap-up"],
        ],
    )
    import_catalog(source, tmp_path / "out")
    course = spec(tmp_path / "out" / "week-01.yaml")
    assert course["title"] == "Data Camp 2024"
    days = [
        (m["title"], [(s["title"], s["duration"]) for s in m["sections"]])
        for m in course["modules"]
    ]
    assert days == [
        ("Monday", [("Python basics", "90min"), ("Functions", "75min")]),
        ("Tuesday", [("Pandas", "90min"), ("Cleaning", "75min")]),
        ("Wednesday", [("Plotting", "60min"), ("Wrap-up", "45min")]),
    ]


def test_a_csv_with_old_mac_line_ends_reads_and_a_broken_one_is_one_line(
    tmp_path: Path,
) -> None:
    """A sheet saved with \\r line ends (old Mac Excel) stopped the csv reader with a
    traceback; it reads now. A row the csv module cannot split at all (a field past its
    size limit) is one clear line and exit 1."""
    mac = tmp_path / "sessions.csv"
    mac.write_bytes(
        "课程名称,课时,大纲\r沟通技巧,6课时,一、倾听 二、表达\r时间管理,3课时,一、目标 二、计划\r".encode()
    )
    done = _run("import", str(mac), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.yaml")) == [
        "sessions-01.yaml",
        "sessions-02.yaml",
    ]
    broken = tmp_path / "broken.csv"
    broken.write_text('课程名称,大纲\n沟通,"' + "长" * 200_000 + '"\n', encoding="utf-8")
    done = _run("import", str(broken), "--out", str(tmp_path / "out2"))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "CSV" in done.stdout + done.stderr


def test_a_long_run_of_two_column_lines_imports_without_hanging(tmp_path: Path) -> None:
    """20,000 lines that each look like a row of a copied table (two cells apart by a run
    of spaces) but are no table: each line is looked at once, not once per line above it
    (that took minutes)."""
    source = tmp_path / "long.txt"
    source.write_text("课程\n" + "\n".join(["主题一  说明"] * 20_000), encoding="utf-8")
    done = _run("import", str(source), "--out", str(tmp_path / "out"), timeout=60)
    assert done.returncode == 0, done.stderr


def test_a_long_session_table_with_days_off_imports_without_hanging(tmp_path: Path) -> None:
    """30,000 rows of a date table where every third row is a day off ([No class], 放假):
    the rows leaving the outline are told apart by identity, not compared by value with
    every other row (that took a minute)."""
    rows = [
        f"| 2026-07-{n % 28 + 1:02d} | {('[No class]', '放假', f'课程{n}')[n % 3]} |"
        for n in range(30_000)
    ]
    source = tmp_path / "long.md"
    source.write_text("# 课程\n\n| 日期 | 内容 |\n|---|---|\n" + "\n".join(rows), encoding="utf-8")
    done = _run("import", str(source), "--out", str(tmp_path / "out"), timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("line", ["a" * 200_000, "课" * 100_000, "a.b-" * 50_000])
def test_one_very_long_line_imports_without_hanging(line: str, tmp_path: Path) -> None:
    """A page saved with no line breaks (200 KB on one line): every pattern looks at it
    in one pass (an address pattern tried from each position took minutes)."""
    source = tmp_path / "one-line.md"
    source.write_text("# T\n\n" + line + "\n", encoding="utf-8")
    done = _run("import", str(source), "--out", str(tmp_path / "out"), timeout=60)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
