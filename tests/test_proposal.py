"""The proposal, read back as Word would see it, and opened by LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor
from typer.testing import CliRunner

from syllabus_cli.agenda.plan import plan_agenda
from syllabus_cli.cli import app
from syllabus_cli.render.docx_base import REQUIRED_STYLES, TemplateError, default_template
from syllabus_cli.render.proposal import ProposalInput, build_proposal

from .conftest import REPO, check_yaml
from .office import docx_to_pdf, pdf_fonts, pdf_pages, pdf_text

COURSE = REPO / "courses" / "ecommerce-cs-sales.yaml"
runner = CliRunner()


def built(path: Path = COURSE, text: str | None = None, **kwargs):  # type: ignore[no-untyped-def]
    result = check_yaml(text if text is not None else path.read_text(encoding="utf-8"), path)
    assert not result.errors, result.problems
    agenda = plan_agenda(result.course, result.timing)
    return build_proposal(ProposalInput(result.course, result.timing, agenda, **kwargs))


def saved(tmp_path: Path, document) -> Document:  # type: ignore[no-untyped-def]
    out = tmp_path / "p.docx"
    document.save(str(out))
    return Document(str(out))


def texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.text.strip()]


def by_style(document, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.style.name == name and p.text.strip()]


def test_cover_and_sections(tmp_path: Path) -> None:
    import datetime as dt

    doc = saved(tmp_path, built(client="某3C品牌电商服务部", date=dt.date(2026, 12, 8)))
    body = texts(doc)
    assert body[:6] == ["电商客服销售能力提升", "从行业洞察到售前转化的实战训练", "培训方案",
                        "为 某3C品牌电商服务部 定制", "讲师: 枫影(王鸿华)", "日期: 2026-12-08"]  # fmt: skip
    assert by_style(doc, "Title") == ["电商客服销售能力提升"]
    assert by_style(doc, "Heading 1") == ["课程背景", "课程收获", "课程对象", "课程时长与形式", "课程大纲",
                                          "课程日程", "讲师介绍", "联系方式"]  # fmt: skip
    assert "行业信息分享与洞察 (2小时)" in by_style(doc, "Heading 2")
    assert "电商、客服及电商服务领域的最新趋势 (40分钟)" in by_style(doc, "Heading 3")
    assert "全球及国内电商市场数据解析" in by_style(doc, "List Bullet")
    assert "【案例】成功提升询单转化率的电商企业" in by_style(doc, "Syllabus Case")
    assert "【工具】主流电商客服工具与插件" in by_style(doc, "Syllabus Case")
    assert "课程时长: 一天(8小时)" in body


def test_chinese_fonts_on_every_style_with_no_theme_override(tmp_path: Path) -> None:
    doc = saved(tmp_path, built())
    for name in (*REQUIRED_STYLES, "Syllabus Case"):
        rpr = doc.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), name
        assert not any(
            fonts.get(qn(a))
            for a in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")
        ), name
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN", name
    assert (
        doc.styles["Heading 1"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "微软雅黑"
    )
    assert doc.styles["Normal"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"


def test_toc_and_page_fields(tmp_path: Path) -> None:
    doc = saved(tmp_path, built())
    instructions = [t.text.strip() for t in doc.element.body.iter(qn("w:instrText"))]
    assert instructions == ['TOC \\o "1-2" \\h \\z \\u']
    assert any("目录将在打开文档时更新" in p for p in texts(doc))
    assert doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    footer = [t.text.strip() for t in doc.sections[0].footer._element.iter(qn("w:instrText"))]
    assert footer == ["PAGE", "NUMPAGES"]


def test_agenda_table_is_embedded(tmp_path: Path) -> None:
    doc = saved(tmp_path, built())
    (table,) = doc.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["时间", "内容", "形式"]
    assert rows[1] == ["08:30–09:10", "电商、客服及电商服务领域的最新趋势", "讲授"]
    assert ["12:00–13:00", "午餐", ""] in rows and rows[-1][0] == "17:30–18:00"


def test_english_labels(tmp_path: Path) -> None:
    spec = "title: Sales Skills\nlanguage: en\nduration: 2h\nbackground: Why.\noutcomes: [Sell]\nmodules:\n" \
           "  - {title: Opening, duration: 1h, cases: [A case]}\n  - {title: Practice, duration: 1h}\n"  # fmt: skip
    doc = saved(tmp_path, built(text=spec, client="ACME"))
    assert "Prepared for ACME" in texts(doc)
    assert by_style(doc, "Heading 1") == [
        "Background",
        "Outcomes",
        "Duration and format",
        "Outline",
        "Agenda",
    ]
    assert "[Case] A case" in by_style(doc, "Syllabus Case")
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Time", "Topic", "Format"]


def test_folded_chinese_background_has_no_stray_spaces(tmp_path: Path) -> None:
    doc = saved(tmp_path, built())
    background = next(t for t in texts(doc) if t.startswith("本课程旨在"))
    assert "销售能力,通过" in background and "销售模式、提升" in background.replace("分析", "")


def test_custom_template_styles_are_carried_through(tmp_path: Path) -> None:
    brand = tmp_path / "brand.docx"
    assert runner.invoke(app, ["template", "init", str(brand)]).exit_code == 0
    template = Document(str(brand))
    template.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    template.styles["Heading 1"].font.name = "Georgia"
    template.sections[0].header.paragraphs[0].text = "ACME Training"
    template.save(str(brand))
    doc = saved(tmp_path, built(template=brand))
    h1 = doc.styles["Heading 1"]
    assert h1.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert h1.element.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Georgia"
    assert h1.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))  # Chinese still has a font
    assert doc.sections[0].header.paragraphs[0].text == "ACME Training"


def test_template_missing_a_style_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    template = Document(str(default_template()))
    template.styles.element.remove(template.styles["Heading 1"].element)
    template.save(str(broken))
    with pytest.raises(TemplateError, match="template has no 'Heading 1' style"):
        built(template=broken)
    out = runner.invoke(
        app, ["proposal", str(COURSE), "--template", str(broken), "-o", str(tmp_path / "x.docx")]
    )
    assert out.exit_code == 1 and "error[template]: template has no 'Heading 1' style" in out.output
    assert not (tmp_path / "x.docx").exists()


def test_not_a_docx_template_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    out = runner.invoke(
        app, ["proposal", str(COURSE), "--template", str(fake), "-o", str(tmp_path / "x.docx")]
    )
    assert out.exit_code == 1 and "is not a Word .docx file" in out.output


def test_cli_proposal_writes_atomically_and_refuses_broken_courses(tmp_path: Path) -> None:
    target = tmp_path / "out" / "p.docx"
    ok = runner.invoke(app, ["proposal", str(COURSE), "-o", str(target), "--client", "客户"])
    assert ok.exit_code == 0, ok.output
    assert Document(str(target)).core_properties.title == "电商客服销售能力提升"
    assert [p.name for p in target.parent.iterdir()] == ["p.docx"]  # no temporary left behind
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: x\nduration: 2h\nmodules: [{title: a, duration: 1h}]\n", encoding="utf-8"
    )
    out = runner.invoke(app, ["proposal", str(bad), "-o", str(tmp_path / "bad.docx")])
    assert (
        out.exit_code == 1 and "sum-mismatch" in out.output and not (tmp_path / "bad.docx").exists()
    )


def test_template_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "t.docx"
    assert runner.invoke(app, ["template", "init", str(target)]).exit_code == 0
    assert runner.invoke(app, ["template", "init", str(target)]).exit_code == 1
    assert runner.invoke(app, ["template", "init", str(target), "--force"]).exit_code == 0


def test_shipped_template_is_what_the_builder_makes(tmp_path: Path) -> None:
    from syllabus_cli.render.template import build_default_template

    fresh = tmp_path / "fresh.docx"
    build_default_template(fresh)
    names = [s.name for s in Document(str(fresh)).styles]
    assert names == [s.name for s in Document(str(default_template())).styles]
    assert default_template().stat().st_size < 20_000


@pytest.mark.office
def test_libreoffice_renders_the_proposal_in_chinese(tmp_path: Path) -> None:
    target = tmp_path / "proposal.docx"
    built(client="某3C品牌电商服务部").save(str(target))
    pdf = docx_to_pdf(target)
    text = "".join(pdf_text(pdf).split())  # pdftotext spaces Latin runs inside Chinese
    for needle in ("电商客服销售能力提升", "为某3C品牌电商服务部定制", "行业信息分享与洞察",
                   "海外电商业务及服务信息的深度解读", "课程日程", "午餐", "枫影(王鸿华)"):  # fmt: skip
        assert needle in text, needle
    assert "CJK" in pdf_fonts(pdf)
    assert 4 <= pdf_pages(pdf) <= 12


@pytest.mark.office
def test_cli_pdf_option(tmp_path: Path) -> None:
    from .office import need

    need("soffice")
    target = tmp_path / "p.docx"
    out = runner.invoke(
        app,
        [
            "proposal",
            str(REPO / "courses" / "terminal-management.yaml"),
            "-o",
            str(target),
            "--pdf",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "终端管理提升品牌零售业绩" in pdf_text(target.with_suffix(".pdf"))
