"""No TODO is ever sent: placeholders are `todo` problems where a client would read
them, client documents are refused while one remains, and --draft builds them with
草稿 on every page and in the file names."""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from syllabus_cli.cli import app

from .conftest import check_yaml
from .office import need, pdf_text

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})
    return result.exit_code, result.output


COURSE = textwrap.dedent("""\
    # TODO: a comment is the trainer's, never a problem
    title: 客服技巧
    duration: 2h
    background: TODO 课程背景
    audience: [一线客服, TODO 课程对象]
    notes: TODO：页面写的时长 60分钟（合计 330 分钟，与 360 分钟不符）
    modules:
      - title: 开场
        duration: 1h
        notes: TODO 导入时没读懂的一段
        points: [要点一, 破冰]
      - title: 演练
        duration: 1h
""")


def test_placeholders_are_todo_problems_at_their_lines_not_in_comments_or_notes() -> None:
    result = check_yaml(COURSE, Path("c.yaml"))
    todo = [(p.line, p.column, p.code) for p in result.problems if p.code == "todo"]
    assert todo == [(4, 13, "todo"), (5, 18, "todo"), (11, 14, "todo")]
    assert "'background' still holds a placeholder: TODO 课程背景" in result.problems[0].message


def test_a_course_with_a_todo_is_refused_and_built_as_a_draft(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(COURSE, encoding="utf-8")
    target = tmp_path / "c.docx"
    code, out = run("proposal", str(spec), "-o", str(target))
    assert code == 1 and not target.exists()
    assert re.search(r"c\.yaml:4:13: warning\[todo\]", out)
    assert re.search(r"c\.yaml:11:14: warning\[todo\]", out)
    assert "error[todo]: 3 placeholder(s) left" in out
    code, out = run("proposal", str(spec), "-o", str(target), "--draft")
    assert code == 0, out
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "导入时没读懂" not in text and "页面写的时长" not in text  # notes stay the trainer's
    headers = {p.text for s in Document(str(target)).sections for h in (s.header, s.first_page_header) for p in h.paragraphs}  # fmt: skip
    assert any("草稿" in h for h in headers)


def test_export_refuses_a_course_with_a_todo(tmp_path: Path) -> None:
    spec = tmp_path / "courses" / "c.yaml"
    spec.parent.mkdir()
    spec.write_text(COURSE, encoding="utf-8")
    code, out = run("export", str(spec.parent), "--out", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    assert "3 placeholder(s) left" in out
    assert not list((tmp_path / "out").rglob("*.docx"))
    code, out = run(
        "export", str(spec.parent), "--out", str(tmp_path / "out"), "-j", "1", "--draft"
    )
    assert code == 0, out
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.docx")) == [
        "c.draft.agenda.docx",
        "c.draft.proposal.docx",
    ]


def test_the_agenda_writes_no_file_with_a_todo_unless_it_is_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`agenda` alone used to write a client's printable agenda with TODO in it; the
    screen (md on stdout) stays the trainer's own view."""
    monkeypatch.chdir(tmp_path)
    Path("c.yaml").write_text(COURSE.replace("title: 演练", "title: TODO 模块"), encoding="utf-8")
    code, out = run("agenda", "c.yaml")
    assert code == 0 and "| TODO 模块 |" in out
    for fmt in ("docx", "html"):
        code, out = run("agenda", "c.yaml", "-f", fmt)
        assert code == 1 and "error[todo]: 4 placeholder(s) left" in out, out
    code, out = run("agenda", "c.yaml", "-f", "md", "-o", "c.md")
    assert code == 1 and not Path("c.md").exists()
    assert not list(tmp_path.glob("*agenda*"))
    assert run("agenda", "c.yaml", "-f", "docx", "--draft")[0] == 0
    headers = {p.text for s in Document("c.agenda-草稿.docx").sections for h in (s.header, s.first_page_header) for p in h.paragraphs}  # fmt: skip
    assert any("草稿" in h for h in headers)
    assert run("agenda", "c.yaml", "-f", "html", "--draft")[0] == 0
    page = Path("c.agenda-草稿.html").read_text("utf-8")
    assert 'class="draft">草稿 · 草稿 · 草稿<' in page
    assert page.index('class="draft"') < page.index("<h1>")  # the first thing read, as in Word
    assert run("agenda", "c.yaml", "-f", "md", "-o", "c.md", "--draft")[0] == 0
    assert Path("c.md").read_text("utf-8").startswith("**草稿 · 草稿 · 草稿**")


@pytest.mark.office
def test_the_starter_course_builds_only_as_a_draft_stamped_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need("soffice", "pdftotext")
    monkeypatch.chdir(tmp_path)
    assert run("new", "c.yaml")[0] == 0
    code, out = run("proposal", "c.yaml", "--pdf")
    assert code == 1 and not list(tmp_path.glob("*.docx"))
    assert "'background' still holds a placeholder" in out
    code, out = run("proposal", "c.yaml", "--pdf", "--draft")
    assert code == 0, out
    pdf = tmp_path / "c.proposal-草稿.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    pages = pdf_text(pdf).split("\f")[:count]
    assert count >= 3 and all("草稿" in page for page in pages)


@pytest.mark.office
def test_the_starter_pack_builds_only_as_a_draft_stamped_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from .conftest import REPO

    need("soffice", "pdftotext")
    for folder in ("courses", "instructors"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    assert run("new", "--pack", "packs/p.yaml")[0] == 0
    code, out = run("pack", "packs/p.yaml", "--out", "dist", "--pdf", "-j", "1")
    assert code == 1 and not (tmp_path / "dist" / "p").exists()
    assert "'title' still holds a placeholder: TODO 项目名称" in out
    code, out = run("pack", "packs/p.yaml", "--out", "dist", "--pdf", "-j", "1", "--draft")
    assert code == 0, out
    pdf = tmp_path / "dist" / "p" / "p.draft.proposal.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    pages = pdf_text(pdf).split("\f")[:count]
    assert count >= 5 and all("草稿" in page for page in pages)
    import zipfile

    with zipfile.ZipFile(tmp_path / "dist" / "p" / "p.draft.zip") as archive:
        assert any(n.endswith("-培训方案-草稿.pdf") for n in archive.namelist())
