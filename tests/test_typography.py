"""Chinese typography of every document the tool generates, and the wording rules."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from syllabus_cli.agenda.from_course import plan_agenda
from syllabus_cli.duration import parse_duration
from syllabus_cli.render.agenda_docx import agenda_document
from syllabus_cli.render.agenda_text import render_html, render_markdown
from syllabus_cli.render.docx_out import document_bytes
from syllabus_cli.render.proposal import ProposalInput, build_proposal
from syllabus_cli.render.wording import balanced_lines, length_text, zh_text

from .conftest import REPO, check_yaml
from .typography import docx_findings, html_findings, text_findings

COURSES = sorted((REPO / "courses").glob("*.yaml"))
EN_SPEC = """\
title: Sales Skills
language: en
duration: 2 days (3h/day)
instructor: {name: Ann Lee, contact: {email: ann@example.com, phone: "+86 138 0000 0000"}}
background: Why "it" matters.
modules:
  - {title: Opening, duration: 3h}
  - {title: Practice, duration: 3h}
"""


def source_of(path: Path) -> str:
    """Everything the user wrote that a document may quote: the spec and its instructor."""
    text = path.read_text(encoding="utf-8")
    for instructor in (REPO / "instructors").glob("*.yaml"):
        text += instructor.read_text(encoding="utf-8")
    return text


def documents(path: Path, text: str | None = None) -> dict[str, bytes | str]:
    result = check_yaml(text if text is not None else path.read_text(encoding="utf-8"), path)
    assert not result.errors, result.problems
    course, timing = result.course, result.timing
    agenda = plan_agenda(course, timing, first_date=dt.date(2026, 12, 8))
    proposal = build_proposal(
        ProposalInput(
            course, timing, agenda, client=" 某3C品牌电商服务部 ", date=dt.date(2026, 12, 8)
        )
    )
    return {
        "proposal.docx": document_bytes(proposal),
        "agenda.docx": document_bytes(agenda_document(agenda, course.language)),
        "agenda.html": render_html(agenda, course.language, course.subtitle),
        "agenda.md": render_markdown(agenda, course.language),
    }


@pytest.mark.parametrize("path", COURSES, ids=[p.stem for p in COURSES])
def test_every_bundled_course_is_typeset_in_chinese(path: Path) -> None:
    source = source_of(path)
    for name, output in documents(path).items():
        if isinstance(output, bytes):
            found = docx_findings(output, source)
        elif name.endswith(".html"):
            found = html_findings(output, source)
        else:
            found = [f for line in output.splitlines() for f in text_findings(line, source)]
            found += ["italic"] * ("*" in output.replace("|---|", ""))
        assert found == [], f"{path.name} {name}: {found}"


def test_the_zh_proposal_reads_as_chinese() -> None:
    data = documents(REPO / "courses" / "ecommerce-cs-sales.yaml")["proposal.docx"]
    assert isinstance(data, bytes)
    doc = Document(__import__("io").BytesIO(data))
    text = [p.text for p in doc.paragraphs if p.text.strip()]
    assert text[2:6] == ["课程方案", "为某3C品牌电商服务部定制", "讲师：枫影（王鸿华）",
                         "日期：2026年12月8日（星期二）"]  # fmt: skip
    assert "课程时长：1天（8小时）" in text
    assert "微信：请通过讲师网“联系老师”获取" in text
    assert "行业信息分享与洞察（2小时）" in text


def test_en_documents_keep_english_conventions() -> None:
    out = documents(Path("en.yaml"), EN_SPEC)
    data = out["proposal.docx"]
    assert isinstance(data, bytes)
    text = [p.text for p in Document(__import__("io").BytesIO(data)).paragraphs]
    assert "Instructor: Ann Lee" in text and "Date: Tue 8 Dec 2026" in text
    assert "Length: 2 days, 3 h a day" in text
    assert 'Why "it" matters.' in text  # English quotes stay as written
    assert "Email: ann@example.com" in text and "Phone: +86 138 0000 0000" in text
    assert not any(t.startswith(("email:", "phone:")) for t in text)
    assert "Day 1 · Tue 8 Dec 2026" in str(out["agenda.html"])


def test_the_checker_finds_each_fault(tmp_path: Path) -> None:
    """The checker can fail: a document with every fault is reported for each."""
    doc = Document()
    doc.add_paragraph("讲师: 枫影")
    doc.add_paragraph("前沿知识 提升")
    doc.add_paragraph().add_run("茶歇").italic = True
    path = tmp_path / "bad.docx"
    doc.save(str(path))
    found = docx_findings(path, source="前沿知识\n提升")
    assert [f.split(":")[0] for f in found] == [
        "italic Chinese",
        "ASCII colon after Chinese",
        "space between Chinese characters",
    ]
    assert docx_findings(path, source="前沿知识 提升")[-1].startswith("ASCII colon")
    assert html_findings("<p><em>午餐</em>时间: 1h</p>") == [
        "italic in the page",
        "ASCII colon after Chinese: '间:'",
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2天(6h/天)", "zh", "2天（每天6小时）"),
        ("一天(8小时)", "zh", "1天（8小时）"),
        ("半天", "zh", "半天（3小时）"),
        ("8小时", "zh", "8小时"),
        ("90分钟", "zh", "1小时30分钟"),
        ("2 days (6h/day)", "en", "2 days, 6 h a day"),
        ("3h", "en", "3 hours"),
        ("1 day", "en", "1 day (6 hours)"),
    ],
)
def test_length_is_said_once_in_the_document_language(
    text: str, language: str, expected: str
) -> None:
    duration = parse_duration(text)
    assert length_text(duration, duration.minutes, language) == expected
    assert duration.days is None or duration.days > Fraction(0)


def test_folded_yaml_lines_join_chinese_without_a_space() -> None:
    assert zh_text("行业前沿知识, 提升销售技巧") == "行业前沿知识，提升销售技巧"
    assert zh_text("前沿知识 提升") == "前沿知识提升"
    assert zh_text("AI 助手, smart 语音") == "AI 助手，smart 语音"  # Latin keeps its space
    assert zh_text("时间:09:00") == "时间：09:00"
    assert zh_text("It's 'fine'") == "It's 'fine'"


def test_ascii_punctuation_before_chinese_is_full_width_too() -> None:
    assert zh_text("B2C&C2M,借助平台") == "B2C&C2M，借助平台"
    assert zh_text("OMO, 实现用户价值") == "OMO，实现用户价值"
    assert zh_text('"线上店+线下店","到店+离店"') == "“线上店+线下店”，“到店+离店”"
    assert zh_text("Step 1: 准备") == "Step 1：准备"
    assert zh_text("价格1,000元") == "价格1,000元"  # a number keeps its separator
    assert zh_text("AI, ML and more") == "AI, ML and more"  # English stays English


@pytest.mark.parametrize(
    "title",
    [
        "奶粉行业O2O新零售与本地生活平台运营",
        "渠道数字化与D2C战略落地:从经销商管理到终端动销的全链路实战训练营",
        "电商客服销售能力提升",
    ],
)
def test_a_long_title_is_balanced_over_its_lines(title: str) -> None:
    lines = balanced_lines(title, 12.0)
    assert "".join(lines) == title.replace(" ", "")
    if len(title) > 12:
        assert len(lines) >= 2
        shortest, longest = min(map(len, lines)), max(map(len, lines))
        assert shortest >= longest / 2 and shortest > 1, lines
    else:
        assert lines == [title]


@given(st.text(alphabet="前沿知识提升ab1 ,:;?!\"'，。\t", max_size=40))
def test_zh_text_leaves_no_fault_and_keeps_every_character(text: str) -> None:
    out = zh_text(text)
    assert zh_text(out) == out  # once is enough
    assert text_findings(out) == []  # no ASCII colon after Chinese, no space between two
    marks = " \t，：；？！“”‘’,:;?!\"'"
    assert [c for c in out if c not in marks] == [c for c in text if c not in marks]


def test_brackets_in_chinese_text_are_full_width_once() -> None:
    """One bracket style in a zh document: the user's ASCII pair becomes （） where it
    holds or follows Chinese; English in brackets stays; a second pass changes nothing."""
    assert zh_text("枫影(王鸿华)") == "枫影（王鸿华）"
    assert zh_text("技术的创新发展(如AI助手、智能语音)") == "技术的创新发展（如AI助手、智能语音）"
    assert zh_text("1天(8小时)") == "1天（8小时）"
    assert zh_text("use (AI) tools") == "use (AI) tools"
    assert zh_text("f(x) 函数") == "f(x) 函数"
    assert zh_text("只有左括号(没有右括号") == "只有左括号(没有右括号"  # unmatched: as typed
    once = zh_text("枫影(王鸿华)(讲师)")
    assert once == "枫影（王鸿华）（讲师）" and zh_text(once) == once
