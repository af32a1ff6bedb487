"""Import survives real-world mess: blank lines between every line, key : value lines,
half- and full-width punctuation mixed, Word's automatic numbering, very long files;
and ``--format json`` says, per course, what was found, derived or left TODO."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.importer.run import import_catalog
from syllabus_cli.problems import Level
from syllabus_cli.validate import validate_paths

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "import"
PAGE = DATA / "trainer-site-page.txt"
UNTITLED = """引言:为什么要做好时间管理
工作越来越多,打断越来越频繁,员工常常忙而无效。
模块一:时间管理的基础与自我评估(1小时)
1.1 时间管理的价值
- 减少加班
- 提高质量
1.2 自我评估:找到自己的时间陷阱
实践练习: 记录三天的时间日志并分享
"""
TITLED = """《中层管理者的六项修炼》

2025-05-27

课程背景:

中层既要承接战略,又要带动执行。

课程时间:2天,6小时/天

课程大纲

第一讲 角色认知

第二讲 目标管理
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _spec(source: Path, out: Path) -> dict:  # type: ignore[type-arg]
    (row,) = import_catalog(source, out).rows
    return yaml.safe_load(Path(row.file).read_text(encoding="utf-8"))


def _without_id(spec: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in spec.items() if k != "id"}


def test_blank_lines_between_every_line_change_nothing(tmp_path: Path) -> None:
    spaced = tmp_path / "spaced.txt"
    spaced.write_text("\n\n".join(PAGE.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    assert _without_id(_spec(spaced, tmp_path / "a")) == _without_id(_spec(PAGE, tmp_path / "b"))


def test_half_and_full_width_punctuation_read_alike(tmp_path: Path) -> None:
    text = PAGE.read_text(encoding="utf-8")
    full = tmp_path / "full.txt"
    full.write_text(text.replace(":", "：").replace("(", "（").replace(")", "）"), encoding="utf-8")
    half = tmp_path / "half.txt"
    half.write_text(text.replace("：", ":").replace("（", "(").replace("）", ")"), encoding="utf-8")
    a, b = _spec(full, tmp_path / "a"), _spec(half, tmp_path / "b")
    assert a["duration"] == b["duration"] == "2天(6小时/天)"
    assert [m["title"] for m in a["modules"]] == [m["title"] for m in b["modules"]]
    assert [m["title"] for m in a["modules"]] == ["从管理者到教练", "教练式对话", "落地与复盘"]


def test_key_value_lines_with_spaces_around_the_colon(tmp_path: Path) -> None:
    source = tmp_path / "kv.txt"
    source.write_text(
        "课程名称 : 谈判技巧\n培训时长 : 2天\n授课方式 ： 讲授、模拟谈判\n培训对象 : 销售经理\n"
        "课程大纲 :\n第一讲 谈判准备(6小时)\n第二讲 谈判实战(6小时)\n",
        encoding="utf-8",
    )
    spec = _spec(source, tmp_path / "out")
    assert (spec["title"], spec["duration"], spec["format"], spec["audience"]) == (
        "谈判技巧", "2天", ["讲授", "模拟谈判"], ["销售经理"])  # fmt: skip
    assert [(m["title"], m["duration"]) for m in spec["modules"]] == [
        ("谈判准备", "6小时"), ("谈判实战", "6小时")]  # fmt: skip


def _numbered(document: Document) -> str:
    """Add a Word list: level 0 '一、' (chineseCounting), level 1 '1.' (decimal); return its numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, fmt, text in ((0, "chineseCounting", "%1、"), (1, "decimal", "%2.")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def _list_item(
    document: Document, text: str, num_id: str, ilvl: int, style: str = "Normal"
) -> None:
    paragraph = document.add_paragraph(text, style=style)
    numpr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        numpr.append(child)
    paragraph._p.get_or_add_pPr().append(numpr)


def test_word_automatic_numbering_is_read_from_the_paragraphs(tmp_path: Path) -> None:
    """The '一、' and '1.' of a Word list live in numbering.xml, not in the text."""
    document = Document()
    document.add_paragraph("课程名称:门店陈列")
    document.add_paragraph("课程时长:3小时")
    document.add_paragraph("课程大纲:")
    num_id = _numbered(document)
    _list_item(document, "陈列原则(1小时)", num_id, 0, "Heading 1")
    _list_item(document, "黄金视线", num_id, 1)
    _list_item(document, "关联陈列", num_id, 1)
    _list_item(document, "陈列执行(2小时)", num_id, 0, "Heading 1")
    _list_item(document, "陈列图", num_id, 1)
    source = tmp_path / "word.docx"
    document.save(str(source))
    spec = _spec(source, tmp_path / "out")
    assert [(m["title"], m["duration"], m.get("points")) for m in spec["modules"]] == [
        ("陈列原则", "1小时", ["黄金视线", "关联陈列"]),
        ("陈列执行", "2小时", ["陈列图"]),
    ]


def test_a_hundred_thousand_line_file_imports_and_validates(tmp_path: Path) -> None:
    """Generated: a 100 000-line catalog (a site's dump: 500 courses of 200 lines, blank
    lines between them). No timing asserted here (see bench/); it completes, writes every
    course and each spec validates."""
    course = ["课程名称:第{n}号课程", "课程时长:1天(6小时/天)", "课程大纲:"]
    for module in range(1, 4):
        course.append(f"模块{'一二三'[module - 1]}:第{module}部分(2小时)")
        course += [f"{i}. 要点{module}-{i}" for i in range(1, 66)]
    lines: list[str] = []
    for n in range(500):
        lines += [line.replace("{n}", str(n)) for line in course] + ["", "联系老师 培训咨询"]
    source = tmp_path / "long.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    assert len(lines) >= 100_000
    report = import_catalog(source, tmp_path / "out")
    assert len(report.rows) == 500
    results = validate_paths([tmp_path / "out"])
    assert len(results) == 500
    assert [p for r in results for p in r.problems if p.level == Level.ERROR] == []


def test_json_says_what_was_found_derived_or_left_todo(tmp_path: Path) -> None:
    out = runner.invoke(
        app,
        [
            "import",
            str(_write(tmp_path / "untitled.txt", UNTITLED)),
            "--out",
            str(tmp_path),
            "--format",
            "json",
        ],
    )
    assert out.exit_code == 0, out.output
    (course,) = json.loads(out.output)["courses"]
    fields = course["fields"]
    assert (fields["title"]["status"], fields["length"]["status"], fields["modules"]["status"]) == (
        "todo", "derived", "found")  # fmt: skip
    assert (fields["length"]["value"], fields["modules"]["value"], fields["audience"]["status"]) == (
        60, 1, "missing")  # fmt: skip
    assert (
        "no course length in the source; none is set: validate takes the sum of its modules, 1小时"
        in course["todos"]
    )
    page = runner.invoke(
        app,
        [
            "import",
            str(_write(tmp_path / "titled.txt", TITLED)),
            "--out",
            str(tmp_path / "q"),
            "-f",
            "json",
        ],
    )
    (mtp,) = json.loads(page.output)["courses"]
    assert mtp["fields"]["title"] == {
        "status": "found",
        "value": "中层管理者的六项修炼",
        "rule": "《课程名》",
    }
    assert mtp["fields"]["length"]["status"] == "found" and mtp["fields"]["length"]["value"] == 720
    bad = runner.invoke(app, ["import", str(PAGE), "--out", str(tmp_path), "--format", "xml"])
    assert bad.exit_code == 2


def test_one_course_of_a_hundred_thousand_lines_still_validates(tmp_path: Path) -> None:
    """One course pasted as 100 000 lines: every line kept, in a spec the loader's limits
    (values, size) still accept."""
    lines = ["课程名称:超长大纲", "课程时长:1天", "课程大纲:", "模块一:全部要点"]
    lines += [f"{i}. 要点{i}" for i in range(1, 100_000)]
    source = tmp_path / "one.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    spec = _spec(source, tmp_path / "out")
    assert "要点99999" in spec["modules"][0]["notes"]
    (result,) = validate_paths([tmp_path / "out"])
    assert [p for p in result.problems if p.level == Level.ERROR] == []


def test_three_hundred_thousand_lines_import_into_specs_validate_reads(tmp_path: Path) -> None:
    """Generated: 300 000 lines, two blank lines between every two (real-world mess) — a
    course whose 75 000 numbered points sit under its length (no outline label: they stay
    text), a course of 5 000 long one-line modules (6 MB), and 100 ordinary courses. It
    finishes (100 000 lines took 16 s when import was quadratic), every spec written is
    one ``validate`` reads, and the two courses larger than a spec can hold keep what
    fits, say so, and lose nothing: their whole text is in ``<id>.source.txt``."""
    points = ["课程名称:超长要点课", "课程时长:2天", *(f"{i}. 要点{i}" for i in range(1, 75_000))]
    chapters = ["课程名称:超长章节课", "课程时长:1天", "课程大纲:"]
    chapters += [f"第{i}章 标题{i}" + "很长的章节说明" * 60 for i in range(1, 5_000)]
    course = ["课程名称:第{n}号课程", "课程时长:1天(6小时/天)", "课程大纲:"]
    for module in range(1, 4):
        course.append(f"模块{'一二三'[module - 1]}:第{module}部分(2小时)")
        course += [f"{i}. 要点{module}-{i}" for i in range(1, 66)]
    lines = [*points, "联系老师 培训咨询", *chapters]
    for n in range(100):
        lines += ["联系老师 培训咨询"] + [line.replace("{n}", str(n)) for line in course]
    text = "\n\n\n".join(lines)
    assert text.count("\n") + 1 >= 300_000
    source = tmp_path / "huge.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    report = import_catalog(source, out)
    assert len(report.rows) == 102
    results = validate_paths([out])
    assert len(results) == 102
    assert [p for r in results for p in r.problems if p.level == Level.ERROR] == []
    assert sorted(p.name for p in out.glob("*.source.txt")) == [
        "huge-01.source.txt",
        "huge-02.source.txt",
    ]
    assert len(report.warnings) == 2
    for number, original in ((1, points), (2, chapters)):
        written = (out / f"huge-0{number}.yaml").read_text(encoding="utf-8")
        todo = next(line for line in written.split("\n") if "source.txt" in line)
        assert todo.startswith("# TODO: ") and f"huge-0{number}.source.txt" in todo
        assert f"huge-0{number}.yaml" in report.warnings[number - 1]
        # nothing lost: every line of the course is in the side file, in its order
        side = (out / f"huge-0{number}.source.txt").read_text(encoding="utf-8")
        assert [line for line in side.split("\n") if line][: len(original)] == original
    text_cut = yaml.safe_load((out / "huge-01.yaml").read_text(encoding="utf-8"))
    assert text_cut["notes"].startswith("课程时长：1. 要点1\n课程时长：2. 要点2")
    assert "TODO: 其余" in text_cut["notes"] and "huge-01.source.txt" in text_cut["notes"]
    spec = yaml.safe_load((out / "huge-02.yaml").read_text(encoding="utf-8"))
    *kept, rest = spec["modules"]
    assert [m["title"][:6] for m in kept[:3]] == ["标题1很长的", "标题2很长的", "标题3很长的"]
    assert rest["title"].startswith(f"TODO: 其余 {4_999 - len(kept)} 个模块未收入")
    assert "huge-02.source.txt" in rest["title"]
    said = report.rows[1].findings["modules"].as_json()  # what import --format json says
    assert said["value"] == len(kept) and said["rule"].endswith("; 4999 in the source")


def test_a_spec_of_more_values_than_the_loader_reads_keeps_a_head_that_fits() -> None:
    """The loader's other limit: 100 000 values. 80 000 one-line modules (160 000
    values, well under 2 MiB) keep their first ones and a TODO module counting the rest."""
    from syllabus_cli.importer.fit import fit_spec, nodes
    from syllabus_cli.load import MAX_NODES

    spec = {
        "title": "甲",
        "duration": "1天",
        "modules": [{"title": f"m{i}"} for i in range(80_000)],
    }
    fitted, cut = fit_spec(spec, "x-01.source.txt")
    assert cut is not None and nodes(fitted) <= MAX_NODES
    *kept, rest = fitted["modules"]
    assert [m["title"] for m in kept] == [f"m{i}" for i in range(len(kept))]
    assert cut.modules_kept == len(kept) and cut.modules_total == 80_000
    assert rest == {
        "title": f"TODO: 其余 {80_000 - len(kept)} 个模块未收入（spec 有大小上限），完整原文见 x-01.source.txt"
    }
    assert fit_spec({"title": "乙", "modules": [{"title": "m"}]}, "y")[1] is None
