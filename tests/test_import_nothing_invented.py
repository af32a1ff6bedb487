"""Nothing invented, nothing lost: what an import leaves open is a TODO that `validate`
shows at its key, 课时 / 学时 are lengths `validate` reads, and the times a page publishes
stay on their blocks."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.importer.run import import_catalog
from syllabus_cli.validate import validate_paths

GOLDEN = Path(__file__).parent / "data" / "import"
runner = CliRunner()


def _spec(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_todo_length_is_a_todo_at_the_key(tmp_path: Path) -> None:
    path = _spec(
        tmp_path,
        "title: 情绪管理\nduration: TODO 源文件没有写课程时长\nmodules:\n  - title: 认识情绪\n  - title: 调节情绪\n",
    )
    (result,) = validate_paths([path])
    assert [(p.line, p.column, p.code, p.level.value) for p in result.problems] == [
        (2, 11, "todo", "warning")
    ]
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == 1


def test_periods_are_a_length_validate_reads(tmp_path: Path) -> None:
    for text, minutes in (("6课时", 360), ("6学时", 360), ("2天(6学时/天)", 720)):
        path = _spec(tmp_path, f"title: 商务礼仪\nduration: {text}\nmodules:\n  - title: 形象\n")
        (result,) = validate_paths([path])
        assert result.stated_minutes == minutes and not result.errors, (text, result.problems)


def test_an_imported_course_with_no_stated_length_gets_a_todo_not_a_guess(
    tmp_path: Path,
) -> None:
    import_catalog(GOLDEN / "no-length-left-todo.txt", tmp_path)
    written = (tmp_path / "no-length-left-todo-01.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(written)["duration"].startswith("TODO")
    assert "1天" not in written
    (result,) = validate_paths([tmp_path / "no-length-left-todo-01.yaml"])
    assert {p.code for p in result.problems} == {"todo"} and not result.errors


def test_a_trailing_unnumbered_timed_line_keeps_every_time(tmp_path: Path) -> None:
    """Four numbered modules (60/90/60/120分钟) and 课程总结与答疑（30分钟）: 6 hours, every
    time on its block, nothing moved to notes, nothing spread evenly."""
    import_catalog(GOLDEN / "timed-modules-trailing-summary.txt", tmp_path)
    course = yaml.safe_load(
        (tmp_path / "timed-modules-trailing-summary-01.yaml").read_text(encoding="utf-8")
    )
    assert course["duration"] == "6小时"
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("沟通的基本原理", "60分钟"), ("倾听的艺术", "90分钟"), ("表达的技巧", "60分钟"),
        ("跨部门沟通实战", "120分钟"), ("课程总结与答疑", "30分钟")]  # fmt: skip
    assert course["instructor"] == {"name": "李明"}
    assert course["audience"] == ["新任经理", "团队主管"]
    (result,) = validate_paths([tmp_path / "timed-modules-trailing-summary-01.yaml"])
    assert not result.problems


def test_times_that_disagree_stay_as_written_and_validate_says_where(tmp_path: Path) -> None:
    source = tmp_path / "clash.txt"
    source.write_text(
        "沟通技巧\n课程时长：2小时\n课程大纲：\n一、倾听（90分钟）\n二、表达（60分钟）\n",
        encoding="utf-8",
    )
    import_catalog(source, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "clash-01.yaml").read_text(encoding="utf-8"))
    assert [m["duration"] for m in course["modules"]] == ["90分钟", "60分钟"]
    assert "notes" not in course
    (result,) = validate_paths([tmp_path / "out" / "clash-01.yaml"])
    assert [p.code for p in result.errors] == ["over-full"]  # 150 minutes in 2 hours


def test_a_list_items_own_length_is_no_course_length(tmp_path: Path) -> None:
    """A meeting's workshops each tagged with their length (• Intro to Python (Full Day):
    …), one tag wrapped onto the next line as a PDF's text gives it: those are the
    workshops' lengths; the page states none for the event, so none is set."""
    page = tmp_path / "meeting.txt"
    page.write_text(
        "Data Science User Meeting 2026\n"
        "Workshop summaries:\n"
        "• Introduction to Python (Full Day): Participants learn the basics of the\n"
        "language and its data structures.\n"
        "• Plotting with Matplotlib (Half Day): Charts, maps and small multiples.\n"
        "• Interactive Dashboards with a very long workshop name that wraps\n"
        "(Half Day): Building dashboards for the web.\n"
        "Agenda\n"
        "9:00 AM - 10:30 AM Keynote\n"
        "10:45 AM - 12:00 PM Lightning talks\n",
        encoding="utf-8",
    )
    import_catalog(page, tmp_path / "out")
    spec = yaml.safe_load((tmp_path / "out" / "meeting-01.yaml").read_text(encoding="utf-8"))
    assert "day" not in str(spec.get("duration", "")).lower()
    assert "Half Day" in yaml.safe_dump(spec)  # the tags stay where the page has them
    said = tmp_path / "said.txt"
    said.write_text(
        "Plotting with Matplotlib\nThis is a half-day workshop for analysts.\n"
        "- Line charts\n- Bar charts\n",
        encoding="utf-8",
    )
    import_catalog(said, tmp_path / "out2")
    stated = yaml.safe_load((tmp_path / "out2" / "said-01.yaml").read_text(encoding="utf-8"))
    assert stated["duration"] == "0.5 day"  # the course's own length, said in prose
