"""The delivery kit as a trainer gets it from ``syllabus pack``: each document read back
from the .docx (and, with LibreOffice, from the PDF): dates with weekdays, the course's
modules, the exercises and no instructor note, one certificate per person with numbers
that survive a reordered and longer roster, the run sheet's times equal to the agenda's."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from typer.testing import CliRunner

from syllabus_cli.cli import app

from .conftest import REPO
from .office import need, pdf_pages, pdf_text

runner = CliRunner()
TITLE = "电商客服销售能力提升"
ROSTER = "姓名,部门,手机\n林思远,售前客服组,13800000101\n陈雨桐,售前客服组,13800000102\n吴佳怡,售后服务组,13800000104\n"


def project(tmp_path: Path, **changes: object) -> Path:
    """The bundled pack in a folder of its own, its roster replaced, keys changed."""
    for folder in ("courses", "instructors", "packs", "suppliers"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "packs" / "participants.csv").write_text(ROSTER, encoding="utf-8")
    pack = tmp_path / "packs" / "3c-ecommerce-service.yaml"
    if changes:
        data = yaml.safe_load(pack.read_text(encoding="utf-8"))
        data.update(changes)
        data = {k: v for k, v in data.items() if v is not None}
        pack.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return pack


def build(pack: Path, *options: str) -> Path:
    result = runner.invoke(
        app, ["pack", str(pack), "--out", str(pack.parent.parent / "out"), *options]
    )
    assert result.exit_code == 0, result.output
    return pack.parent.parent / "out" / pack.stem / "kit"


def text_of(path: Path) -> str:
    """Every paragraph and table cell of a .docx, in order, one per line."""
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def rows_of(path: Path) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for t in Document(str(path)).tables for row in t.rows]


def agenda_json(spec: Path, date: str) -> dict[str, object]:
    result = runner.invoke(app, ["agenda", str(spec), "--format", "json", "--date", date])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_the_kit_is_written_into_kit_named_in_the_course_language(tmp_path: Path) -> None:
    kit = build(project(tmp_path))
    names = sorted(p.name for p in kit.iterdir())
    for kind in ("签到表", "课后评估表", "学员手册", "讲师手册", "结业证书"):
        assert f"{TITLE}-{kind}.docx" in names
    assert len(names) == 15  # three courses, five documents each
    zipped = zipfile.ZipFile(kit.parent / "3c-ecommerce-service.zip").namelist()
    assert not any("/kit/" in n for n in zipped)  # the kit is for the delivery, not the sale


def test_the_sign_in_sheet_has_the_day_the_names_and_spare_rows(tmp_path: Path) -> None:
    kit = build(project(tmp_path))
    text = text_of(kit / f"{TITLE}-签到表.docx")
    assert "日期：2026年12月8日（星期二）" in text
    assert "客户总部培训室" in text and "项目：电商服务能力提升项目" in text
    caption, *rows = rows_of(kit / f"{TITLE}-签到表.docx")
    # a loose page still says its course and day: a line above the header, repeated
    assert set(caption) == {f"{TITLE} · 签到表 · 2026年12月8日（星期二）"}
    assert rows[0] == ["序号", "姓名", "部门", "上午签到", "下午签到"]
    assert [r[1] for r in rows[1:4]] == ["林思远", "陈雨桐", "吴佳怡"]
    assert len(rows) == 1 + 3 + 5  # the roster and five spare rows
    # a half-day course: one column to sign
    half = rows_of(kit / "奶粉行业O2O新零售与本地生活平台运营-签到表.docx")
    assert half[1] == ["序号", "姓名", "部门", "签到"]
    table = Document(str(kit / f"{TITLE}-签到表.docx")).tables[0]
    for row in table.rows[:2]:  # both repeat on every page
        assert row._tr.trPr.find("{*}tblHeader") is not None


def test_without_a_roster_blank_rows_for_the_participants_and_no_certificates(
    tmp_path: Path,
) -> None:
    kit = build(project(tmp_path, roster=None))
    rows = rows_of(kit / f"{TITLE}-签到表.docx")[1:]  # under the caption
    assert len(rows) == 1 + 30 + 5  # resources.participants: 30, and five spare
    assert all(r[1] == "" for r in rows[1:])
    assert not list(kit.glob("*结业证书*"))


def test_the_evaluation_form_rates_every_module_and_names_reaction_methods(
    tmp_path: Path,
) -> None:
    kit = build(project(tmp_path, evaluation_url="https://example.com/form/3c"))
    path = kit / f"{TITLE}-课后评估表.docx"
    text = text_of(path)
    spec = yaml.safe_load((tmp_path / "courses" / "ecommerce-cs-sales.yaml").read_text("utf-8"))
    for module in spec["modules"]:
        assert re.search(rf"\| {re.escape(module['title'])} \| □ \| □ \| □ \| □ \| □", text)
    assert "总体满意度" in text and "讲师表现" in text
    assert "课程满意度问卷（课后当天）" in text  # the plan's reaction-level method
    assert "话术通关考核" not in text  # a learning-level one is not asked on the day
    with zipfile.ZipFile(path) as package:
        assert any(n.startswith("word/media/") for n in package.namelist())  # the QR code


def test_the_workbook_has_every_exercise_and_no_instructor_text(tmp_path: Path) -> None:
    pack = project(tmp_path)
    course = tmp_path / "courses" / "ecommerce-cs-sales.yaml"
    text = course.read_text(encoding="utf-8").replace(
        "        split: false\n",
        "        split: false\n        notes: 讲师自留：第三组通常最慢，提前提醒。\n",
    )
    course.write_text(text, encoding="utf-8")
    kit = build(pack)
    workbook = text_of(kit / f"{TITLE}-学员手册.docx")
    spec = yaml.safe_load(text)
    exercises = [
        e for m in spec["modules"] for s in m.get("sections", []) for e in s.get("exercises", [])
    ]
    assert exercises and all(e in workbook for e in exercises)
    facilitator = [
        s["facilitator"]
        for m in spec["modules"]
        for s in m.get("sections", [])
        if "facilitator" in s
    ]
    assert facilitator
    assert "讲师自留" not in workbook and not any(f in workbook for f in facilitator)
    assert "2026年12月8日（星期二）" in workbook
    runsheet = text_of(kit / f"{TITLE}-讲师手册.docx")
    assert "讲师自留：第三组通常最慢，提前提醒。" in runsheet
    assert all(f in runsheet for f in facilitator)


def test_the_run_sheet_times_are_the_agendas(tmp_path: Path) -> None:
    kit = build(project(tmp_path))
    agenda = agenda_json(tmp_path / "courses" / "ecommerce-cs-sales.yaml", "2026-12-08")
    expected = [
        f"{s['start']}–{s['end']}"  # type: ignore[index]
        for d in agenda["days"]  # type: ignore[attr-defined]
        for s in d["slots"]
    ]
    path = kit / f"{TITLE}-讲师手册.docx"
    rows = [r for r in rows_of(path) if r[0] != "时间" and not r[0].startswith("□")]
    assert [r[0] for r in rows] == expected
    assert rows[-1][2] == "8:00"  # cumulative teaching time at the end of the day
    text = text_of(path)
    assert "第1天 · 2026年12月8日（星期二）" in text
    assert "□ 投影仪" in text and "□ 主流电商客服工具与插件" in text  # the day's checklist


def certificates(kit: Path) -> dict[str, str]:
    """name -> certificate number, one page per person."""
    document = Document(str(kit / f"{TITLE}-结业证书.docx"))
    texts = [p.text for p in document.paragraphs]
    pages = [i for i, t in enumerate(texts) if t == "结业证书"]
    found = {}
    for start in pages:
        name = texts[start + 2]
        number = next(t for t in texts[start:] if t.startswith("证书编号："))
        found[name] = number.removeprefix("证书编号：")
    assert len(pages) == len(found)
    return found


def test_one_certificate_per_person_with_numbers_that_stay(tmp_path: Path) -> None:
    pack = project(tmp_path)
    kit = build(pack)
    before = certificates(kit)
    assert list(before) == ["林思远", "陈雨桐", "吴佳怡"]
    assert len(set(before.values())) == 3
    text = text_of(kit / f"{TITLE}-结业证书.docx")
    assert "于2026年12月8日（星期二）参加“电商客服销售能力提升”培训，共计8小时" in text
    assert "上海某某企业管理咨询有限公司" in text  # issued by the pack's supplier (乙方)
    roster = pack.parent / "participants.csv"
    roster.write_text(
        "手机,姓名,部门\n13800000199,何俊杰,门店协同组\n13800000104,吴佳怡,售后服务组\n"
        "13800000101,林思远,售前客服组\n13800000102,陈雨桐,售前客服组\n",
        encoding="utf-8",
    )
    after = certificates(build(pack))
    assert list(after) == ["何俊杰", "吴佳怡", "林思远", "陈雨桐"]
    assert {n: after[n] for n in before} == before


def test_an_unchanged_pack_leaves_the_kit_alone_and_a_hand_edit_is_kept(tmp_path: Path) -> None:
    pack = project(tmp_path)
    kit = build(pack)
    sheet = kit / f"{TITLE}-签到表.docx"
    stamp = sheet.stat().st_mtime_ns
    build(pack)
    assert sheet.stat().st_mtime_ns == stamp
    sheet.write_bytes(sheet.read_bytes() + b"\0")  # opened and saved in Word
    (pack.parent / "participants.csv").write_text(ROSTER + "许诺,培训与质检,13800000112\n", "utf-8")
    result = runner.invoke(app, ["pack", str(pack), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and sheet.name in result.output  # kept, and said
    assert sheet.read_bytes().endswith(b"\0")
    assert "许诺" in "".join(certificates(kit))  # the rest of the kit follows the roster


def test_kit_in_zip_puts_the_kit_in_the_clients_zip(tmp_path: Path) -> None:
    kit = build(project(tmp_path, kit=["signin", "evaluation"], kit_in_zip=True))
    assert sorted(p.name for p in kit.iterdir() if TITLE in p.name) == [
        f"{TITLE}-签到表.docx",
        f"{TITLE}-课后评估表.docx",
    ]
    zipped = zipfile.ZipFile(kit.parent / "3c-ecommerce-service.zip").namelist()
    assert f"电商服务能力提升项目/kit/{TITLE}-签到表.docx" in zipped


def test_an_english_course_names_its_kit_in_english(tmp_path: Path) -> None:
    pack = project(tmp_path, kit=["signin", "certificates"])
    course = tmp_path / "courses" / "terminal-management.yaml"
    text = course.read_text(encoding="utf-8").replace("language: zh", "language: en")
    if "language: en" not in text:
        text = text.replace("title:", "language: en\ntitle:", 1)
    course.write_text(text, encoding="utf-8")
    kit = build(pack)
    title = yaml.safe_load(text)["title"]
    sheet = kit / f"{title} - Sign-in sheet.docx"
    assert sheet.is_file()
    assert "Date: Thu 10 Dec 2026" in text_of(sheet)
    assert f"completed the training course “{title}”" in text_of(
        kit / f"{title} - Certificates.docx"
    )


@pytest.mark.office
def test_the_kit_as_pdf_reads_right(tmp_path: Path) -> None:
    need("soffice", "pdftotext")
    kit = build(project(tmp_path, evaluation_url="https://example.com/form/3c"), "--pdf", "-j", "1")
    sheet = "".join(pdf_text(kit / f"{TITLE}-签到表.pdf").split())
    assert "2026年12月8日（星期二）" in sheet and "林思远" in sheet and "上午签到" in sheet
    form = kit / f"{TITLE}-课后评估表.pdf"
    assert pdf_pages(form) <= 2
    spec = yaml.safe_load((tmp_path / "courses" / "ecommerce-cs-sales.yaml").read_text("utf-8"))
    form_text = "".join(pdf_text(form).split())
    assert all("".join(m["title"].split()) in form_text for m in spec["modules"])
    workbook = "".join(pdf_text(kit / f"{TITLE}-学员手册.pdf").split())
    exercises = [
        e for m in spec["modules"] for s in m.get("sections", []) for e in s.get("exercises", [])
    ]
    assert all(e in workbook for e in exercises)
    assert "先请两三位学员" not in workbook
    certificates_pdf = kit / f"{TITLE}-结业证书.pdf"
    assert pdf_pages(certificates_pdf) == 3
    assert all(n in pdf_text(certificates_pdf) for n in ("林思远", "陈雨桐", "吴佳怡"))
    runsheet = pdf_text(kit / f"{TITLE}-讲师手册.pdf")
    agenda = agenda_json(tmp_path / "courses" / "ecommerce-cs-sales.yaml", "2026-12-08")
    for day in agenda["days"]:  # type: ignore[attr-defined]
        for slot in day["slots"]:
            assert f"{slot['start']}–{slot['end']}" in runsheet


def test_instructor_text_stays_out_of_the_clients_proposal(tmp_path: Path) -> None:
    course = tmp_path / "c.yaml"
    course.write_text(
        "title: 客服技巧\nduration: 2h\nmodules:\n"
        "  - title: 开场\n    duration: 1h\n    notes: 讲师自留备注\n    facilitator: 先做破冰\n"
        "    points: [服务意识]\n"
        "  - title: 演练\n    duration: 1h\n    exercises: [分组演练]\n",
        encoding="utf-8",
    )
    target = tmp_path / "c.docx"
    result = runner.invoke(app, ["proposal", str(course), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = text_of(target)
    assert "服务意识" in text and "分组演练" in text
    assert "讲师自留备注" not in text and "先做破冰" not in text


TWO_DAYS = """title: 门店运营两日训练营
duration: 2天(6h/天)
modules:
  - title: 第一部分
    duration: 6h
    sections:
      - {title: 开场与目标, duration: 3h, tools: [目标卡片]}
      - {title: 陈列实操, duration: 3h, exercises: [分组陈列演练]}
  - title: 第二部分
    duration: 6h
    facilitator: 第二天开场先复盘第一天的陈列照片。
    sections:
      - {title: 数据复盘, duration: 3h}
      - {title: 行动计划, duration: 3h}
"""


def two_day_pack(tmp_path: Path, date: str | None) -> Path:
    (tmp_path / "c.yaml").write_text(TWO_DAYS, encoding="utf-8")
    pack = tmp_path / "p.yaml"
    when = f"date: {date}\n" if date else ""
    pack.write_text(
        f"client: 某客户\ntitle: 门店项目\n{when}courses: [c.yaml]\nkit: [signin, runsheet]\n",
        encoding="utf-8",
    )
    return pack


def test_a_two_day_course_signs_in_each_day_with_its_weekday(tmp_path: Path) -> None:
    pack = two_day_pack(tmp_path, "2026-12-11")  # a Friday: day 2 is the Monday
    result = runner.invoke(app, ["pack", str(pack), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    kit = tmp_path / "out" / "p" / "kit"
    sheet = kit / "门店运营两日训练营-签到表.docx"
    text = text_of(sheet)
    assert "日期：第1天 · 2026年12月11日（星期五）" in text
    assert "日期：第2天 · 2026年12月14日（星期一）" in text
    document = Document(str(sheet))
    assert len(document.tables) == 2  # one table per day, each on its own page
    days = ("第1天 · 2026年12月11日", "第2天 · 2026年12月14日")
    for table, day in zip(document.tables, days, strict=True):
        assert len(table.rows) == 1 + 1 + 30 + 5  # the caption, the header, 30 and 5 spare
        assert day in table.rows[0].cells[0].text
        for row in table.rows:
            assert row._tr.trPr.find("{*}cantSplit") is not None  # rows never split
    runsheet = text_of(kit / "门店运营两日训练营-讲师手册.docx")
    assert "第2天 · 2026年12月14日（星期一）" in runsheet
    assert "第二天开场先复盘第一天的陈列照片。" in runsheet
    rows = [r for r in rows_of(kit / "门店运营两日训练营-讲师手册.docx") if r[0] != "时间"]
    assert any(r[3].startswith("开场与目标") and r[5] == "目标卡片" for r in rows)  # its tools
    assert "□ 目标卡片" in runsheet  # and the day's checklist


def test_an_undated_pack_leaves_the_date_to_fill_in(tmp_path: Path) -> None:
    pack = two_day_pack(tmp_path, None)
    result = runner.invoke(app, ["pack", str(pack), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    text = text_of(tmp_path / "out" / "p" / "kit" / "门店运营两日训练营-签到表.docx")
    assert "日期：第1天 · ____年____月____日" in text


def test_the_kit_is_made_in_the_packs_word_template(tmp_path: Path) -> None:
    from syllabus_cli.render.docx_base import default_template

    pack = two_day_pack(tmp_path, "2026-12-11")
    brand = Document(str(default_template()))
    brand.sections[0].header.paragraphs[0].text = "某培训公司 · 内部资料"
    brand.save(str(tmp_path / "brand.docx"))
    pack.write_text(pack.read_text(encoding="utf-8") + "template: brand.docx\n", encoding="utf-8")
    result = runner.invoke(app, ["pack", str(pack), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for name in ("签到表", "讲师手册"):
        built = Document(str(tmp_path / "out" / "p" / "kit" / f"门店运营两日训练营-{name}.docx"))
        assert built.sections[0].header.paragraphs[0].text == "某培训公司 · 内部资料"


def test_a_smaller_kit_removes_what_the_build_wrote_and_nothing_else(tmp_path: Path) -> None:
    """``kit:`` shrinks, then goes: the documents it no longer names are removed, but a
    kit file edited by hand and a file the user put in kit/ stay, and a file once
    forgotten is not overwritten when the kit grows again."""
    pack = project(tmp_path)
    kit = build(pack)
    titles = sorted(p.name for p in kit.iterdir())
    assert len(titles) == 15
    workbook = kit / f"{TITLE}-学员手册.docx"
    workbook.write_bytes(workbook.read_bytes() + b"\0")  # edited in Word
    (kit / "分组名单.docx").write_bytes(b"mine")
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    pack.write_text(yaml.safe_dump({**data, "kit": ["signin"]}, allow_unicode=True), "utf-8")
    build(pack)
    left = sorted(p.name for p in kit.iterdir())
    assert left == sorted(
        [*(n for n in titles if n.endswith("签到表.docx")), workbook.name, "分组名单.docx"]
    )
    manifest = json.loads((kit.parent / ".syllabus-manifest.json").read_text(encoding="utf-8"))
    assert sorted(n for n in manifest["files"] if n.startswith("kit/")) == sorted(
        f"kit/{n}" for n in titles if n.endswith("签到表.docx")
    )
    del data["kit"], data["roster"]
    pack.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    build(pack)
    assert sorted(p.name for p in kit.iterdir()) == sorted([workbook.name, "分组名单.docx"])
    pack.write_text(yaml.safe_dump({**data, "kit": ["workbook"]}, allow_unicode=True), "utf-8")
    result = runner.invoke(app, ["pack", str(pack), "--out", str(tmp_path / "out")])
    assert workbook.read_bytes().endswith(b"\0") and workbook.name in result.output


def test_the_zips_index_links_the_kit_when_the_zip_carries_it(tmp_path: Path) -> None:
    from urllib.parse import unquote

    kit = build(project(tmp_path, kit=["signin", "evaluation"], kit_in_zip=True))
    archive = zipfile.ZipFile(kit.parent / "3c-ecommerce-service.zip")
    page = archive.read("电商服务能力提升项目/文件清单.html").decode("utf-8")
    assert "交付物料" in page
    links = re.findall(r'href="([^"]+)"', page)
    kit_links = [unquote(link) for link in links if link.startswith("kit/")]
    assert sorted(kit_links) == sorted(
        n.split("/", 1)[1] for n in archive.namelist() if "/kit/" in n
    )
    assert len(kit_links) == 6
    assert f"kit/{TITLE}-签到表.docx" in (kit.parent / "index.md").read_text(encoding="utf-8")
    kit = build(project(tmp_path / "b", kit=["signin"]))
    assert "kit/" not in (kit.parent / "index.html").read_text(encoding="utf-8")


def test_a_certificate_is_one_page_whatever_the_name(tmp_path: Path) -> None:
    """A 200-character "name" (a note pasted into the column), a long transliterated
    one, an emoji: one landscape page each, the name whole."""
    need("soffice", "pdftotext")
    pack = project(tmp_path, kit=["certificates"], courses=["../courses/ecommerce-cs-sales.yaml"])
    long_name = "长" * 200
    latin = "Maximilian Alexander Wolfeschlegelsteinhausenbergerdorff"
    (pack.parent / "participants.csv").write_text(
        f"姓名,部门\n{long_name},客服部\n张三😀,售前组\n{latin},Sales\n", "utf-8"
    )
    kit = build(pack, "--pdf", "-j", "1")
    pdf = kit / f"{TITLE}-结业证书.pdf"
    assert pdf_pages(pdf) == 3
    text = "".join(pdf_text(pdf).split())
    assert long_name in text and "".join(latin.split()) in text


def test_a_course_in_two_lengths_gets_two_kits_told_apart(tmp_path: Path) -> None:
    """The full day and the half day of one course in one pack: each kit says which it
    is, the half day signs once, and a person's two certificates have two numbers."""
    shutil.copytree(REPO / "library", tmp_path / "library")
    course = "../courses/omnichannel-store-ops.yaml"
    kit = build(project(tmp_path, courses=[course, {"path": course, "variant": "半天"}], kit="all"))
    title = "门店全域运营-公域拓新与私域精耕"
    half = text_of(kit / f"{title}（半天）-签到表.docx")
    assert "课程：门店全域运营：公域拓新与私域精耕（半天）" in half
    assert rows_of(kit / f"{title}（半天）-签到表.docx")[1] == ["序号", "姓名", "部门", "签到"]
    assert "（半天）" not in text_of(kit / f"{title}-签到表.docx")
    numbers = [
        re.findall(r"证书编号：(\S+)", text_of(kit / f"{name}-结业证书.docx"))
        for name in (title, f"{title}（半天）")
    ]
    assert len(numbers[0]) == 3 and not set(numbers[0]) & set(numbers[1])


def test_certificate_numbers_survive_a_removal_and_tell_namesakes_apart(
    tmp_path: Path,
) -> None:
    """A person leaves, a namesake with their own phone joins, HR pads a two-character
    name (王　五) and writes a phone with +86: everyone keeps their number, the namesake
    gets one of their own."""
    pack = project(tmp_path)
    roster = pack.parent / "participants.csv"
    roster.write_text(ROSTER + "王五,培训与质检,13800000105\n", encoding="utf-8")
    before = certificates(build(pack))
    roster.write_text(
        "姓名,部门,手机\n林思远,售前客服组,+86 138-0000-0101\n吴佳怡,售后服务组,13800000104\n"
        "林思远,门店协同组,13900000001\n王\u3000五,培训与质检,13800000105\n",
        encoding="utf-8",
    )
    kit = build(pack)
    document = Document(str(kit / f"{TITLE}-结业证书.docx"))
    numbers = [p.text for p in document.paragraphs if p.text.startswith("证书编号：")]
    names = [p.text for p in document.paragraphs if p.text in ("林思远", "吴佳怡", "王五")]
    found = dict(zip([f"{n}{i}" for i, n in enumerate(names)], numbers, strict=True))
    assert names == ["林思远", "吴佳怡", "林思远", "王五"]
    assert found["林思远0"].endswith(before["林思远"]) and found["吴佳怡1"].endswith(
        before["吴佳怡"]
    )
    assert found["王五3"].endswith(before["王五"])
    assert len(set(numbers)) == 4
