"""The proposal, read back as Word would see it, and opened by LibreOffice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor
from typer.testing import CliRunner

from syllabus_cli.agenda.from_course import plan_agenda
from syllabus_cli.cli import app
from syllabus_cli.render.docx_base import REQUIRED_STYLES, TemplateError, default_template
from syllabus_cli.render.docx_out import document_bytes
from syllabus_cli.render.proposal import ProposalInput, build_proposal

from .conftest import REPO, check_yaml
from .office import docx_to_pdf, pdf_fonts, pdf_pages, pdf_text

COURSE = REPO / "courses" / "ecommerce-cs-sales.yaml"
runner = CliRunner()


from syllabus_cli.spec.training_plan import Issue, Supplier  # noqa: E402


def built(path: Path = COURSE, text: str | None = None, **kwargs):  # type: ignore[no-untyped-def]
    result = check_yaml(text if text is not None else path.read_text(encoding="utf-8"), path)
    assert not result.errors, result.problems
    agenda = plan_agenda(result.course, result.timing)
    return build_proposal(ProposalInput(result.course, result.timing, agenda, **kwargs))


def saved(tmp_path: Path, document) -> Document:  # type: ignore[no-untyped-def]
    """Written as the CLI writes it (docx_out), read back as Word would."""
    out = tmp_path / "p.docx"
    out.write_bytes(document_bytes(document))
    return Document(str(out))


def texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.text.strip()]


def by_style(document, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.style.name == name and p.text.strip()]


def test_cover_and_sections(tmp_path: Path) -> None:
    import datetime as dt

    doc = saved(tmp_path, built(client="某3C品牌电商服务部", date=dt.date(2026, 12, 8)))
    body = texts(doc)
    assert body[:6] == ["电商客服销售能力提升", "从行业洞察到售前转化的实战训练", "课程方案",
                        "为某3C品牌电商服务部定制", "讲师：枫影（王鸿华）", "日期：2026年12月8日（星期二）"]  # fmt: skip
    assert by_style(doc, "Title") == ["电商客服销售能力提升"]
    assert by_style(doc, "Heading 1") == ["课程背景", "课程收获", "课程对象", "课程时长与形式", "课程大纲",
                                          "课程日程", "讲师介绍"]  # fmt: skip
    assert "行业信息分享与洞察（2小时）" in by_style(doc, "Heading 2")
    assert "电商、客服及电商服务领域的最新趋势（40分钟）" in by_style(doc, "Heading 3")
    assert "全球及国内电商市场数据解析" in by_style(doc, "List Bullet")
    assert "【案例】成功提升询单转化率的电商企业" in by_style(doc, "Syllabus Case")
    assert "【工具】主流电商客服工具与插件" in by_style(doc, "Syllabus Case")
    assert "课程时长：1天（8小时）" in body  # said once, in Chinese
    assert by_style(doc, "Heading 2")[-3:] == ["擅长领域", "服务客户", "联系方式"]


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


def test_toc_lists_every_heading_as_word_writes_it(tmp_path: Path) -> None:
    doc = saved(tmp_path, built())
    body = doc.element.body
    instructions = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert instructions[0] == 'TOC \\o "1-2" \\h \\z \\u'
    entries = [p for p in doc.paragraphs if p.style.name in ("toc 1", "toc 2")]
    headings = [p for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert [p.text.rstrip("\t") for p in entries] == [h.text for h in headings]
    assert [p.style.name[-1] for p in entries] == [h.style.name[-1] for h in headings]
    bookmarks = {
        b.get(qn("w:name")): h.text for h in headings for b in h._p.findall(qn("w:bookmarkStart"))
    }
    for entry in entries:
        (link,) = entry._p.findall(qn("w:hyperlink"))
        anchor = link.get(qn("w:anchor"))
        assert anchor.startswith("_Toc") and bookmarks[anchor] == entry.text.rstrip("\t")
        pageref = [t.text.strip() for t in link.iter(qn("w:instrText"))]
        assert pageref == [f"PAGEREF {anchor} \\h"]
    # the field opens in the first entry and closes after the last: one field, whole
    kinds = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    assert kinds[:3] == ["begin", "separate", "begin"] and kinds.count("begin") == len(entries) + 1
    assert len(entries) == 16  # 7 chapters, 5 modules, the day, 3 profile parts
    assert doc.settings.element.find(qn("w:updateFields")) is None  # no prompt on open
    assert not any("更新域" in t or "目录将在" in t for t in texts(doc))


def test_cover_has_no_page_number_and_the_rest_do(tmp_path: Path) -> None:
    doc = saved(tmp_path, built())
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_footer
    assert not first.is_linked_to_previous
    assert not list(first._element.iter(qn("w:fldChar"))) and not first._element.xpath("string()")
    footer = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert footer == ["PAGE", "NUMPAGES"]


def test_a_long_cover_title_is_broken_evenly(tmp_path: Path) -> None:
    title = "奶粉行业O2O新零售与本地生活平台运营全链路实战训练营"
    spec = COURSE.read_text(encoding="utf-8").replace(
        "title: 电商客服销售能力提升", f"title: {title}"
    )
    doc = saved(tmp_path, built(text=spec))
    (cover,) = [p for p in doc.paragraphs if p.style.name == "Title"]
    assert cover.text.replace("\n", "") == title
    lines = cover.text.split("\n")
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 3, lines


def test_headings_keep_with_their_text_and_tables_do_not_strand_rows(tmp_path: Path) -> None:
    doc = saved(tmp_path, built())
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        fmt = doc.styles[name].paragraph_format
        assert fmt.keep_with_next and fmt.space_before > fmt.space_after, name
    for p in doc.paragraphs:
        if p.style.name.startswith("Heading"):
            assert p.paragraph_format.keep_with_next, p.text
    (table,) = doc.tables  # the 17-row day: long, so header + 2 rows and the last 2 hold
    kept = [r._tr.xpath("boolean(.//w:keepNext)") for r in table.rows]
    assert kept[:2] == [True, True] and kept[-2:] == [True, False]
    assert not any(kept[3:-2])


def test_document_properties(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765152000")
    out = tmp_path / "p.docx"
    supplier = Supplier("上海某某企业管理咨询有限公司")
    issue = Issue(dt.date(2025, 12, 1), "V1.0", supplier)
    out.write_bytes(document_bytes(built(client="某3C品牌电商服务部", issue=issue)))
    props = Document(str(out)).core_properties
    assert props.language == "zh-CN"
    assert (props.title, props.subject, props.author) == (
        "电商客服销售能力提升",
        "课程方案",
        "枫影(王鸿华)",
    )
    stamps = {d.replace(tzinfo=None) for d in (props.created, props.modified)}
    assert stamps == {dt.datetime(2025, 12, 8)}
    app_xml = zipfile.ZipFile(out).read("docProps/app.xml").decode()
    assert "<Company>上海某某企业管理咨询有限公司</Company>" in app_xml  # the supplier's
    assert props.keywords == "某3C品牌电商服务部"
    assert "<Application>syllabus 0.1.0</Application>" in app_xml
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    out.write_bytes(document_bytes(built()))
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    created = Document(str(out)).core_properties.created.replace(tzinfo=None)
    assert abs((created - now).total_seconds()) < 120


def test_word_property_limit_is_respected(tmp_path: Path) -> None:
    spec = COURSE.read_text(encoding="utf-8").replace(
        "title: 电商客服销售能力提升", "title: " + "长" * 256
    )
    long_course = tmp_path / "long.yaml"
    long_course.write_text(
        spec.replace("../instructors", str(REPO / "instructors")), encoding="utf-8"
    )
    target = tmp_path / "long.docx"
    out = runner.invoke(
        app, ["proposal", str(long_course), "-o", str(target), "--client", "客" * 300]
    )
    assert out.exit_code == 0, out.output
    props = Document(str(target)).core_properties
    assert len(props.title) == 255 and props.title.endswith("…")
    agenda = runner.invoke(
        app, ["agenda", str(long_course), "-f", "docx", "-o", str(tmp_path / "a.docx")]
    )
    assert agenda.exit_code == 0, agenda.output


def test_same_input_same_bytes_with_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765152000")
    for args in (["proposal", "--client", "客户"], ["agenda", "-f", "docx"]):
        first, second = tmp_path / f"{args[0]}-1.docx", tmp_path / f"{args[0]}-2.docx"
        for target in (first, second):
            out = runner.invoke(app, [args[0], str(COURSE), *args[1:], "-o", str(target)])
            assert out.exit_code == 0, out.output
        assert first.read_bytes() == second.read_bytes()


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
    assert "Length: 2 hours" in texts(doc)
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
    assert "销售能力，通过" in background and "机制、分析销售模式" in background
    assert "前沿知识，提升销售技巧" in background  # a line folded after "," joins with no space


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
    written = sorted(p.name for p in target.parent.iterdir())
    assert written == [".syllabus-manifest.json", "p.docx"]  # no temporary left behind
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
    target.write_bytes(document_bytes(built(client="某3C品牌电商服务部")))
    pdf = docx_to_pdf(target)
    text = "".join(pdf_text(pdf).split())  # pdftotext spaces Latin runs inside Chinese
    for needle in ("电商客服销售能力提升", "为某3C品牌电商服务部定制", "行业信息分享与洞察",
                   "海外电商业务及服务信息的深度解读", "课程日程", "午餐", "枫影（王鸿华）"):  # fmt: skip
        assert needle in text, needle
    assert "CJK" in pdf_fonts(pdf)
    assert 4 <= pdf_pages(pdf) <= 12


@pytest.mark.office
def test_pdf_contents_page_lists_every_chapter_and_the_cover_has_no_number(tmp_path: Path) -> None:
    import re
    import subprocess

    target = tmp_path / "proposal.docx"
    target.write_bytes(document_bytes(built(client="某3C品牌电商服务部")))
    pdf = docx_to_pdf(target)

    def page(n: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip

    assert not re.search(r"\d+\s*/\s*\d+", page(1))  # no "1 / 6" on the cover
    contents = "".join(page(2).split())
    assert contents.startswith("目录")
    for chapter in by_style(Document(str(target)), "Heading 1"):
        assert chapter in contents, chapter
    assert re.search(r"\b2\s*/\s*\d+", page(2))  # numbered from page 2 on


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


def test_the_template_is_read_once_per_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syllabus_cli.render import docx_base

    brand = tmp_path / "brand.docx"
    brand.write_bytes(default_template().read_bytes())
    reads: list[Path] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    first, second = docx_base.open_document(brand), docx_base.open_document(brand)
    assert first is not second and first.element is not second.element  # a copy each
    assert reads.count(brand.resolve()) == 1
    os.utime(brand, ns=(1, 1))  # the file changed (its time, as a save in Word does): read again
    docx_base.open_document(brand)
    assert reads.count(brand.resolve()) == 2
