"""The small decisions of a batch: how many processes, how names are shown, how a big
batch is summarised."""

from __future__ import annotations

import io
import os
from pathlib import Path

from rich.console import Console

from syllabus_cli.batch_report import Plain, Rich, print_summary
from syllabus_cli.build.jobs import JobResult
from syllabus_cli.build.results import BatchResult
from syllabus_cli.build.runner import PARALLEL_FROM, default_jobs, workers_for
from syllabus_cli.paths import shown


def test_a_few_courses_build_in_one_process_many_on_every_core() -> None:
    assert workers_for(None, 1) == 1
    assert workers_for(None, PARALLEL_FROM - 1) == 1
    assert workers_for(None, PARALLEL_FROM) == default_jobs()
    assert workers_for(3, 2) == 3  # --jobs as the user gave it


def test_names_that_are_not_utf8_are_shown_readably() -> None:
    gbk = os.fsdecode("课程/".encode() + "培训方案".encode("gbk") + b".yaml")
    assert shown(Path(gbk)) == "课程/培训方案.yaml"
    assert shown("a/b.yaml") == "a/b.yaml"
    not_text = os.fsdecode(b"\xff\xfe.yaml")
    assert shown(not_text).endswith(".yaml") and shown(not_text).encode("utf-8")


def test_a_big_batch_lists_only_the_courses_that_need_a_look() -> None:
    results = [
        JobResult(Path(f"c{i}.yaml"), f"c{i}", f"课程{i}", unchanged=i % 2 == 0) for i in range(60)
    ]
    results[7] = JobResult(Path("c7.yaml"), "c7", "课程7", error="1 error(s) in the spec")
    for screen in ("rich", "plain"):
        out = io.StringIO()
        print_summary(
            Rich(Console(file=out, width=100, no_color=True)) if screen == "rich" else Plain(out),
            BatchResult(Path("out"), results),
        )
        text = out.getvalue()
        assert "课程7" in text and "课程9 " not in text and "课程8 " not in text
        assert "60 course(s) → out · 1 problem(s) (29 built · 30 unchanged · 1 failed)" in text
        assert "c7.yaml: failed: 1 error(s) in the spec" in text


def test_a_piped_summary_is_a_plain_table_aligned_for_chinese() -> None:
    results = [
        JobResult(Path("a.yaml"), "a", "客户服务", outputs=("x", "y"), seconds=0.5),
        JobResult(Path("b.yaml"), "b", "Sales", outputs=("x",), unchanged=True, seconds=0.25),
    ]
    out = io.StringIO()
    print_summary(Plain(out), BatchResult(Path("out"), results))
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["course", "documents", "status", "time"]
    assert lines[2].startswith("客户服务  ") and lines[2].endswith("0.50s")
    assert lines[3].startswith("Sales     ") and lines[3].endswith("0.25s")
    assert "✓ built" in lines[2] and "= unchanged" in lines[3]
    assert lines[-1] == "2 course(s) → out · done"
    assert "\x1b" not in out.getvalue()  # no colour codes in a pipe


def test_a_gbk_file_name_makes_a_chinese_output_name_not_a_crash() -> None:
    import os

    from syllabus_cli.build.names import safe_name

    gbk = os.fsdecode("你好".encode("gbk"))  # a name from a Windows zip, as Python keeps it
    assert safe_name(gbk) == "你好"
    assert safe_name("../../ESCAPED") == "ESCAPED"  # no leading '-' a shell takes for an option


def test_plain_table_widths_count_what_a_terminal_shows() -> None:
    from syllabus_cli.textcols import plain_table, width

    assert width("课程") == 4 and width("Cafe\u0301") == 4 and width("a\u200bb") == 2
    _, rule, first, second = plain_table(
        [["课程", "n"], ["Cafe\u0301 管理", "4"], ["ab", "10"]], right={1}
    )
    assert width(first) == width(second) == width(rule)


def test_a_template_too_big_to_use_fails_its_course_in_one_line(tmp_path: Path) -> None:
    import zipfile

    from syllabus_cli.build.batch import export

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/big.bin", b"\0" * (60 * 1024 * 1024))
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "title: 课程\ntemplate: bomb.docx\nduration: 1h\nschedule: {breaks: []}\n"
        "modules:\n  - {title: 一, duration: 1h}\n",
        encoding="utf-8",
    )
    (result,) = export([spec], tmp_path / "out", workers=1, formats=("docx",), force=False).results
    assert result.error is not None and "unpacks to 60 MB" in result.error
    assert "TemplateError" not in result.error and ".py:" not in result.error
