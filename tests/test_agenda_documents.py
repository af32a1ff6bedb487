"""The agenda's documents, read back and opened by real clients."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from syllabus_cli.agenda.from_course import plan_agenda
from syllabus_cli.render.agenda_docx import agenda_document
from syllabus_cli.render.agenda_text import render_html, render_markdown
from syllabus_cli.render.docx_out import document_bytes

from .conftest import REPO, check_yaml
from .office import docx_to_pdf, html_to_pdf, pdf_fonts, pdf_pages, pdf_text

TWO_DAYS = REPO / "tests" / "data" / "agenda" / "two-day.yaml"


def planned(path: Path):  # type: ignore[no-untyped-def]
    result = check_yaml(path.read_text(encoding="utf-8"), path)
    return result.course, plan_agenda(result.course, result.timing)


def saved_docx(tmp_path: Path, path: Path = TWO_DAYS, first: dt.date | None = None) -> Path:
    result = check_yaml(path.read_text(encoding="utf-8"), path)
    agenda = plan_agenda(result.course, result.timing, first_date=first)
    out = tmp_path / "agenda.docx"
    out.write_bytes(document_bytes(agenda_document(agenda, result.course.language)))
    return out


def test_docx_has_a_table_per_day_with_repeating_header(tmp_path: Path) -> None:
    document = Document(str(saved_docx(tmp_path)))
    assert len(document.tables) == 2
    first = document.tables[0]
    rows = [[c.text for c in row.cells] for row in first.rows]
    assert rows[0] == ["时间", "内容", "形式"]
    assert rows[1] == ["09:00–10:30", "第一天上午", "讲授"]
    assert rows[2] == ["10:30–10:45", "茶歇", ""]
    assert rows[3] == ["10:45–12:00", "第一天上午（续）", "讲授"]
    header_pr = first.rows[0]._tr.trPr
    assert header_pr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in first.rows)
    fill = first.rows[2].cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert fill == "F2F2F2"  # breaks and lunch shaded
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["第1天", "第2天"]
    kept = [row._tr.xpath("boolean(.//w:keepNext)") for row in first.rows]
    assert kept == [True] * (len(kept) - 1) + [False]  # a short day stays on one page
    pause = first.rows[2].cells[1].paragraphs[0].runs[0]
    assert not pause.italic and str(pause.font.color.rgb) == "52606D"  # grey, never italic


def test_every_format_has_day_headings_with_weekday_dates(tmp_path: Path) -> None:
    first = dt.date(2026, 12, 8)
    document = Document(str(saved_docx(tmp_path, first=first)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["第1天 · 2026年12月8日（星期二）", "第2天 · 2026年12月9日（星期三）"]
    assert all(
        p.paragraph_format.keep_with_next
        for p in document.paragraphs
        if p.style.name == "Heading 2"
    )
    one_day = tmp_path / "one.yaml"
    one_day.write_text(
        "title: 一天\nduration: 3h\nmodules: [{title: 甲, duration: 3h}]\n", encoding="utf-8"
    )
    single = Document(str(saved_docx(tmp_path, one_day)))
    assert [p.text for p in single.paragraphs if p.style.name == "Heading 2"] == ["第1天"]
    result = check_yaml(TWO_DAYS.read_text(encoding="utf-8"), TWO_DAYS)
    agenda = plan_agenda(result.course, result.timing, first_date=first)
    md = render_markdown(agenda, "zh")
    assert "## 第2天 · 2026年12月9日（星期三）" in md and "授课时长：12小时" in md
    page = render_html(agenda, "zh")
    assert "<h2>第1天 · 2026年12月8日（星期二）</h2>" in page and "2026-12-08" not in page
    assert "margin: 12mm auto" in page and "@media print" in page  # screen margins, print CSS


def test_docx_is_a4_with_east_asian_fonts(tmp_path: Path) -> None:
    document = Document(str(saved_docx(tmp_path)))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"


@pytest.mark.office
def test_libreoffice_renders_the_chinese_agenda(tmp_path: Path) -> None:
    pdf = docx_to_pdf(saved_docx(tmp_path))
    text = pdf_text(pdf)
    assert "两天课程" in text and "第一天上午" in text and "午餐" in text and "第2天" in text
    assert "CJK" in pdf_fonts(pdf) or "Song" in pdf_fonts(pdf)


@pytest.mark.office
def test_chromium_prints_the_html_agenda_on_a4(tmp_path: Path) -> None:
    course, agenda = planned(TWO_DAYS)
    html = tmp_path / "agenda.html"
    html.write_text(render_html(agenda, course.language), encoding="utf-8")
    pdf = html_to_pdf(html)
    text = pdf_text(pdf)
    assert "两天课程" in text and "第二天全天（续）" in text and "15:15–17:00" in text
    assert 1 <= pdf_pages(pdf) <= 2


def test_agenda_tables_follow_each_template_in_one_process(tmp_path: Path) -> None:
    """The day tables are built once per process and copied: a second template whose
    table style has another id still gets its own id on every table."""
    import io
    import zipfile

    from syllabus_cli.render.docx_base import default_template

    brand = tmp_path / "brand.docx"
    with (
        zipfile.ZipFile(default_template()) as source,
        zipfile.ZipFile(brand, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/styles.xml":
                document = Document(str(default_template()))
                old = document.styles["Syllabus Table"].style_id
                data = data.replace(f'w:styleId="{old}"'.encode(), b'w:styleId="BrandTable"')
            out.writestr(info, data)
    course, agenda = planned(TWO_DAYS)
    ours = agenda_document(agenda, course.language)
    theirs = agenda_document(agenda, course.language, template=brand)
    for built, wanted in ((ours, old), (theirs, "BrandTable")):
        reread = Document(io.BytesIO(document_bytes(built)))
        ids = [t._tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) for t in reread.tables]
        assert ids == [wanted] * len(reread.tables)
