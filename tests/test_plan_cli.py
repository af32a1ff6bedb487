"""The plan from the command line: new --pack, schema pack, pack --format/--pdf, the index."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from docx import Document
from typer.testing import CliRunner

from syllabus_cli.cli import app

from .conftest import REPO
from .office import need, pdf_text

runner = CliRunner()
PACK = REPO / "packs" / "3c-ecommerce-service.yaml"


def as_json(value: object) -> object:
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_new_pack_writes_a_commented_plan_that_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / "courses", tmp_path / "courses")
    shutil.copytree(REPO / "instructors", tmp_path / "instructors")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--pack", "packs/new.yaml"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "packs" / "new.yaml").read_text(encoding="utf-8")
    assert "\nplan:\n" in text and "# 费用报价" in text and "quantity: days" in text
    checked = runner.invoke(app, ["validate", "packs/new.yaml"])
    assert checked.exit_code == 0, checked.output
    strict = runner.invoke(app, ["validate", "--strict", "packs/new.yaml"])
    assert strict.exit_code == 1 and "packs/new.yaml:4:9: warning[todo]" in strict.output
    # its TODOs are never sent: no build without --draft, each one named at its line
    refused = runner.invoke(app, ["pack", "packs/new.yaml", "--out", "dist", "-j", "1"])
    assert refused.exit_code == 1
    assert "'client' still holds a placeholder: TODO 客户名称" in refused.output
    assert not (tmp_path / "dist" / "new").exists()
    built = runner.invoke(app, ["pack", "packs/new.yaml", "--out", "dist", "-j", "1", "--draft"])
    assert built.exit_code == 0, built.output
    assert (tmp_path / "dist" / "new" / "new.draft.ics").is_file()


def test_new_pack_without_courses_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--pack", "p.yaml"])
    assert result.exit_code == 1
    assert "syllabus new courses/my-course.yaml" in result.output
    assert not (tmp_path / "p.yaml").exists()


def test_schema_pack_covers_the_plan() -> None:
    result = runner.invoke(app, ["schema", "pack"])
    schema = json.loads(result.stdout)
    assert "plan" in schema["properties"] and "plan_quote_item" in schema["$defs"]
    pack = as_json(yaml.safe_load(PACK.read_text(encoding="utf-8")))
    jsonschema.validate(pack, schema)
    assert isinstance(pack, dict)
    pack["plan"]["quote"]["tax"] = 120
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(pack, schema)
    pack["plan"]["quote"]["tax"] = "6%"
    pack["plan"]["quote"]["items"][0]["price"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(pack, schema)


def test_the_index_leads_with_the_proposal_and_has_no_markdown(tmp_path: Path) -> None:
    result = runner.invoke(app, ["pack", str(PACK), "--out", str(tmp_path), "-j", "1"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "3c-ecommerce-service" / "index.html").read_text(encoding="utf-8")
    links = [part.split('"')[0] for part in page.split('href="')[1:]]
    assert links[:3] == [
        "3c-ecommerce-service.proposal.docx", "3c-ecommerce-service.ics", "3c-ecommerce-service.zip"]  # fmt: skip
    assert not [link for link in links if link.endswith(".md")]
    assert "2026年12月10日（星期四）" in page
    # a client reads what each document is, not its file name
    assert ">课程方案（Word）</a>" in page and ">课程日程（网页）</a>" in page
    assert ">ecommerce-cs-sales.proposal.docx</a>" not in page


def test_pack_rejects_an_unknown_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["pack", str(PACK), "--out", str(tmp_path), "--format", "doc"])
    assert result.exit_code == 2


@pytest.mark.office
def test_pack_pdf_makes_the_plan_and_course_pdfs(tmp_path: Path) -> None:
    need("soffice", "pdftotext")
    result = runner.invoke(
        app, ["pack", str(PACK), "--out", str(tmp_path), "--format", "docx", "--pdf", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    root = tmp_path / "3c-ecommerce-service"
    text = "".join(pdf_text(root / "3c-ecommerce-service.proposal.pdf").split())
    # 28,350 less 5% is 26,932.50; 增值税 6% 1,615.95; 价税合计 28,548.45
    assert "八、费用报价" in text and "人民币贰万捌仟伍佰肆拾捌元肆角伍分" in text
    assert "优惠（5%）-1,417.50" in text and "增值税（6%）1,615.95" in text
    assert (root / "ecommerce-cs-sales" / "ecommerce-cs-sales.proposal.pdf").is_file()
    assert [p.name for p in root.rglob("*.md")] == ["index.md"]  # --format docx: no course .md
    index = (root / "index.md").read_text(encoding="utf-8")
    assert "(3c-ecommerce-service.proposal.pdf)" in index
    # the .docx's contents page carries the PDF's page numbers: each chapter listed at
    # the page of the PDF where its heading is printed
    doc = Document(str(root / "3c-ecommerce-service.proposal.docx"))
    entries = [p.text.split("\t") for p in doc.paragraphs if p.style.name.startswith("toc")]
    assert entries and all(len(e) == 2 and e[1].isdigit() for e in entries)
    pages = pdf_text(root / "3c-ecommerce-service.proposal.pdf").split("\f")
    chapters = [
        (title, int(n)) for title, n in entries if title[:2].rstrip("、") in "一二三四五六七八九十"
    ]
    assert len(chapters) >= 10
    for title, number in chapters:
        assert title in "".join(pages[number - 1].split()), (title, number)
    course = Document(str(root / "ecommerce-cs-sales" / "ecommerce-cs-sales.proposal.docx"))
    listed = [p.text for p in course.paragraphs if p.style.name.startswith("toc")]
    assert listed and all(t.split("\t")[-1].isdigit() for t in listed)
