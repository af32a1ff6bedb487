"""Issue 25, smaller cases: a YAML tag that does not fit its value, raw HTML in Markdown
outputs, and ``new``/``template init`` onto an existing file, each in the user's words."""

from __future__ import annotations

from pathlib import Path

import markdown_it
import pytest

from .build_helpers import pack_file, syllabus

COURSE = "title: {title}\nduration: 1h\nmodules:\n  - {{title: {module}, duration: 1h}}\n"


@pytest.mark.parametrize(
    "value",
    ["!!int [a, b]", "!!str {a: 1}", "!!seq abc", "!!int abc", "!!bool maybe", "!!null x",
     "!!timestamp foo", '!!float "x"', "!!int 1.5"],
)  # fmt: skip
def test_a_tag_that_does_not_fit_its_value_is_a_yaml_tag_problem(
    tmp_path: Path, value: str
) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(COURSE.format(title=value, module="一"), encoding="utf-8")
    done = syllabus("validate", spec)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    said = [line for line in done.stdout.splitlines() if "error[" in line]
    assert [line.split(": ")[1] for line in said] == ["error[yaml-tag]"], said


@pytest.mark.parametrize("value", ["!!int 12", '!!int "12"', "!!float 1.5", "!!str abc"])
def test_a_tag_that_fits_is_no_problem_of_its_own(tmp_path: Path, value: str) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(COURSE.format(title=value, module="一"), encoding="utf-8")
    done = syllabus("validate", spec)
    assert "yaml-tag" not in done.stdout


HOSTILE = '"<script>alert(1)</script><img src=x onerror=alert(2)> &amp; R&D"'


def test_markdown_outputs_show_html_in_titles_as_text(tmp_path: Path) -> None:
    spec = tmp_path / "courses" / "c.yaml"
    spec.parent.mkdir()
    spec.write_text(COURSE.format(title=HOSTILE, module=HOSTILE), encoding="utf-8")
    pack = pack_file(tmp_path / "packs" / "p.yaml", [spec], client="<b>客户</b>")
    pack.write_text(
        pack.read_text("utf-8").replace("title: 培训项目", f"title: {HOSTILE}"), "utf-8"
    )
    assert syllabus("pack", pack, "--out", tmp_path / "out").returncode == 0
    agenda = syllabus("agenda", spec, "-f", "md").stdout
    for text in (agenda, (tmp_path / "out" / "p" / "index.md").read_text("utf-8")):
        html = markdown_it.MarkdownIt().enable("table").render(text)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as written
        assert "&amp;amp; R&amp;D" in html  # an entity written in a title stays text


@pytest.mark.parametrize("args", [["new", "c.yaml"], ["template", "init", "c.yaml"]])
def test_new_onto_an_existing_file_is_one_located_line(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "c.yaml").write_text("mine\n", encoding="utf-8")
    done = syllabus(*args, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "c.yaml:1:1: error[output-exists]: already exists; pass --force to overwrite"
    ]
    assert (tmp_path / "c.yaml").read_text(encoding="utf-8") == "mine\n"
