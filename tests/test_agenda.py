"""The agenda: the course in, the clock times out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli.agenda.from_course import plan_agenda
from syllabus_cli.agenda.layout import SESSION
from syllabus_cli.agenda.settings import clock, merge
from syllabus_cli.cli import app
from syllabus_cli.render.agenda_text import agenda_json, render_markdown

from .conftest import check_yaml

GOLDEN = Path(__file__).parent / "data" / "agenda"
CASES = sorted(GOLDEN.glob("*.yaml"))


def agenda_of(text: str, **kwargs):  # type: ignore[no-untyped-def]
    result = check_yaml(text)
    assert not result.errors, result.problems
    return plan_agenda(result.course, result.timing, **kwargs)


def times(agenda) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{clock(s.start)}-{clock(s.end)} {s.title}" + (f" #{s.part}" if s.part else "")
            for d in agenda.days for s in d.slots]  # fmt: skip


@pytest.mark.parametrize("spec", CASES, ids=[p.stem for p in CASES])
def test_golden_agenda(spec: Path) -> None:
    """Each data/agenda/NAME.yaml beside its expected NAME.json, and NAME.problems when
    the layout says something ("line:column level code", one a line; black-style cases)."""
    result = check_yaml(spec.read_text(encoding="utf-8"), spec)
    agenda = plan_agenda(result.course, result.timing)  # type: ignore[arg-type]
    expected = json.loads(spec.with_suffix(".json").read_text(encoding="utf-8"))
    assert agenda_json(agenda) == expected
    assert expected["teaching_minutes"] == result.timing.minutes  # type: ignore[union-attr]
    said = spec.with_suffix(".problems")
    lines = said.read_text(encoding="utf-8").splitlines() if said.exists() else []
    assert sorted(f"{p.line}:{p.column} {p.level.value} {p.code}" for p in agenda.problems) == lines
    for day in agenda.days:  # no hole: each slot starts where the one before ended
        assert all(a.end == b.start for a, b in zip(day.slots, day.slots[1:], strict=False))


def test_at_least_thirteen_golden_cases() -> None:
    assert len(CASES) >= 13


def test_default_day_with_breaks_and_lunch() -> None:
    agenda = agenda_of(
        "title: 课程\nduration: 6h\nmodules:\n  - {title: 上午, duration: 165min}\n  - {title: 下午, duration: 195min}\n"
    )
    assert times(agenda) == [
        "09:00-10:30 上午 #1", "10:30-10:45 茶歇", "10:45-12:00 上午 #2", "12:00-13:30 午餐",
        "13:30-15:00 下午 #1", "15:00-15:15 茶歇", "15:15-17:00 下午 #2",
    ]  # fmt: skip


def test_no_pause_after_the_last_session() -> None:
    agenda = agenda_of(
        "title: 课程\nduration: 90min\nmodules:\n  - {title: 唯一, duration: 90min}\n"
    )
    assert times(agenda) == ["09:00-10:30 唯一"]


def test_split_false_moves_after_the_break_and_warns() -> None:
    agenda = agenda_of("title: c\nduration: 2h\nschedule: {float: 0}\nmodules:\n"
                       "  - {title: a, duration: 70min}\n"
                       "  - {title: 演练, duration: 50min, split: false}\n")  # fmt: skip
    # (pauses pinned: with float the break would simply wait for 'a' to end)
    # the break starts where teaching stopped: no hole between 10:10 and 10:30
    assert times(agenda)[:3] == ["09:00-10:10 a", "10:10-10:45 茶歇", "10:45-11:35 演练"]
    assert [(p.line, p.code) for p in agenda.problems] == [(6, "idle-gap")]
    assert "the break starts 20 min early, at 10:10" in agenda.problems[0].message


def test_split_false_longer_than_any_stretch_is_split_with_a_warning() -> None:
    agenda = agenda_of("title: c\nduration: 2h\nschedule: {start: '10:00', float: 0}\nmodules:\n"
                       "  - {title: 马拉松, duration: 2h, split: false}\n")  # fmt: skip
    assert [p.code for p in agenda.problems] == ["split-anyway", "short-last-part"]  # 13:30-13:45
    assert sum(s.minutes for d in agenda.days for s in d.slots if s.kind == SESSION) == 120


def test_multi_day_fills_each_day_to_its_hours_then_continues() -> None:
    agenda = agenda_of("title: c\nduration: 2天(3h/天)\nschedule: {start: '13:00', lunch: none, breaks: []}\n"
                       "modules:\n  - {title: a, duration: 4h}\n  - {title: b, duration: 2h}\n")  # fmt: skip
    assert [[f"{clock(s.start)}-{clock(s.end)} {s.title}" for s in d.slots] for d in agenda.days] == [
        ["13:00-16:00 a"], ["13:00-14:00 a", "14:00-16:00 b"]]  # fmt: skip


def test_dates_and_skipping_weekends() -> None:
    import datetime as dt

    text = "title: c\nduration: 3天(2h/天)\nmodules:\n  - {title: a, duration: 6h}\n"
    friday = dt.date(2026, 12, 11)
    assert [d.date for d in agenda_of(text, first_date=friday, skip="none").days] == [
        friday, dt.date(2026, 12, 12), dt.date(2026, 12, 13)]  # fmt: skip
    assert [d.date for d in agenda_of(text, first_date=friday).days] == [
        friday, dt.date(2026, 12, 14), dt.date(2026, 12, 15)]  # fmt: skip
    assert [d.date for d in agenda_of(text, first_date=friday, skip_weekends=True).days] == [
        friday, dt.date(2026, 12, 14), dt.date(2026, 12, 15)]  # fmt: skip


def test_a_full_day_past_the_default_end_is_only_a_warning() -> None:
    result = check_yaml("title: c\nduration: 一天(8小时)\nmodules:\n  - {title: a, duration: 8h}\n")
    assert [(p.line, p.column, p.code, p.level.value) for p in result.problems] == [
        (2, 11, "day-overflow", "warning")]  # fmt: skip
    assert "ends at 19:00, after the usual 18:00" in result.problems[0].message


def test_a_day_past_the_latest_end_the_user_set_is_an_error_at_the_setting() -> None:
    result = check_yaml(
        "title: c\nduration: 一天(8小时)\nschedule: {latest_end: '18:30'}\n"
        "modules:\n  - {title: a, duration: 8h}\n"
    )
    assert [(p.line, p.column, p.code, p.level.value) for p in result.problems] == [
        (3, 24, "day-overflow", "error")]  # fmt: skip
    assert "ends at 19:00, after the latest end 18:30" in result.problems[0].message


def test_a_short_part_before_a_pause_moves_after_it_and_the_pause_takes_the_gap() -> None:
    text = (
        "title: c\nduration: 100min\nschedule: {start: '10:15', float: 0}\nmodules:\n"
        "  - {title: 开场, duration: 5min}\n  - {title: 主题讲解, duration: 95min}\n"
    )
    result = check_yaml(text)
    agenda = plan_agenda(result.course, result.timing)  # type: ignore[arg-type]
    assert times(agenda) == ["10:15-10:20 开场", "10:20-10:45 茶歇", "10:45-12:00 主题讲解 #1",
                             "12:00-13:30 午餐", "13:30-13:50 主题讲解 #2"]  # fmt: skip
    assert [(p.line, p.code) for p in agenda.problems] == [(6, "short-part")]
    assert "'主题讲解' would start with only 10 min before the break at 10:30" in (
        agenda.problems[0].message
    )
    assert "the break starts at 10:20" in agenda.problems[0].message
    assert not result.problems  # validate: the spec is not wrong, and the agenda reads well
    looser = text.replace("float: 0}", "float: 0, min_part: 5min}")
    loose = check_yaml(looser)
    assert times(plan_agenda(loose.course, loose.timing))[1] == "10:20-10:30 主题讲解 #1"  # type: ignore[arg-type]


def test_schedule_mistakes_are_located() -> None:
    result = check_yaml("""\
title: c
duration: 2h
schedule:
  lunch: "12:00-13:00"
  breaks: ["10:30-10:45", "10:40-10:50", "12:30-12:45"]
modules:
  - {title: a, duration: 2h}
""")
    assert [(p.line, p.column, p.code) for p in result.problems] == [
        (5, 27, "break-overlap"), (5, 42, "break-in-lunch")]  # fmt: skip


def test_start_after_lunch_is_a_warning() -> None:
    result = check_yaml(
        "title: c\nduration: 2h\nschedule: {start: '14:00'}\nmodules:\n  - {title: a, duration: 2h}\n"
    )
    assert [(p.line, p.code, p.level.value) for p in result.problems] == [
        (3, "start-after-lunch", "warning")
    ]


def test_markdown_table_reads_as_text() -> None:
    agenda = agenda_of(
        "title: Course\nlanguage: en\nduration: 3h\nmodules:\n  - {title: 'A | B', duration: 2h}\n"
        "  - {title: C, duration: 1h}\n"
    )
    md = render_markdown(agenda, "en")
    assert "| Time | Topic | Format |" in md
    assert "| 09:00–11:00 | A \\| B | Lecture |" in md
    assert "| 11:00–11:15 | *Tea break* |  |" in md
    assert md.rstrip().endswith("| 11:15–12:15 | C | Lecture |")  # no pause after the last
    pinned = agenda_of(
        "title: Course\nlanguage: en\nduration: 2h\nschedule: {float: 0}\n"
        "modules:\n  - {title: 'A | B', duration: 2h}\n"
    )
    assert "| 10:45–11:15 | A \\| B (cont.) | Lecture |" in render_markdown(pinned, "en")


def test_cli_agenda_outputs(tmp_path: Path) -> None:
    spec = GOLDEN / "one-day.yaml"
    runner = CliRunner()
    out = runner.invoke(app, ["agenda", str(spec), "-f", "json"])
    assert out.exit_code == 0
    assert json.loads(out.stdout) == json.loads(
        spec.with_suffix(".json").read_text(encoding="utf-8")
    )
    moved = runner.invoke(app, ["agenda", str(spec), "-f", "json", "--start", "08:00", "--lunch", "none",
                                "--break", "none", "--date", "2026-12-08"])  # fmt: skip
    days = json.loads(moved.stdout)["days"]
    assert days[0]["date"] == "2026-12-08"
    assert [s["start"] for s in days[0]["slots"]] == ["08:00", "10:00", "11:15", "14:15"]
    html = tmp_path / "a.html"
    assert runner.invoke(app, ["agenda", str(spec), "-f", "html", "-o", str(html)]).exit_code == 0
    assert "<table>" in html.read_text(encoding="utf-8")
    assert runner.invoke(app, ["agenda", str(spec), "--start", "9am"]).exit_code == 2
    late = runner.invoke(app, ["agenda", str(spec), "--start", "10:00", "--latest-end", "18:00"])
    assert late.exit_code == 1 and "day-overflow" in late.output


def test_a_short_part_kept_because_the_day_is_full_says_what_to_do() -> None:
    spec = GOLDEN / "stub-kept-day-full.yaml"
    result = check_yaml(spec.read_text(encoding="utf-8"), spec)
    agenda = plan_agenda(result.course, result.timing)  # type: ignore[arg-type]
    assert "14:45-15:00 工具实操 #1" in times(agenda)
    (kept,) = agenda.problems
    assert kept.code == "short-part-kept" and kept.line == 9
    for said in ("'工具实操' has only 15 min before the break at 15:00", "end day 1 after 18:00",
                 "split: false", "schedule.min_part: 0", "shift the break"):  # fmt: skip
        assert said in kept.message
    assert kept in result.problems  # validate reports it too: the client would see a stub


def test_a_user_set_latest_end_bounds_the_moves() -> None:
    text = (
        "title: c\nduration: 2h\nschedule: {latest_end: '11:20', float: 0}\nmodules:\n"
        "  - {title: a, duration: 80min}\n  - {title: b, duration: 40min}\n"
    )
    agenda = agenda_of(text)
    assert times(agenda)[1:3] == ["10:20-10:30 b #1", "10:30-10:45 茶歇"]
    assert [p.code for p in agenda.problems] == ["short-part-kept"]
    assert "end day 1 after 11:20" in agenda.problems[0].message


def test_a_short_last_part_is_never_silent() -> None:
    agenda = agenda_of(
        "title: c\nduration: 105min\nschedule: {float: 0}\nmodules:\n"
        "  - {title: a, duration: 60min}\n  - {title: b, duration: 45min}\n"
    )
    assert times(agenda)[1:4] == ["10:00-10:30 b #1", "10:30-10:45 茶歇", "10:45-11:00 b #2"]
    assert [(p.line, p.code) for p in agenda.problems] == [(6, "short-last-part")]
    assert "'b' has a part of only 15 min (10:45–11:00" in agenda.problems[0].message


@pytest.mark.parametrize("written", ["0", "0min", "'0'"])
def test_min_part_zero_turns_the_minimum_off(written: str) -> None:
    agenda = agenda_of(
        f"title: c\nduration: 2h\nschedule: {{min_part: {written}, float: 0}}\nmodules:\n"
        "  - {title: a, duration: 80min}\n  - {title: b, duration: 40min}\n"
    )
    assert times(agenda)[1:3] == ["10:20-10:30 b #1", "10:30-10:45 茶歇"]
    assert not agenda.problems


def test_every_command_that_lays_out_an_agenda_tells_what_the_layout_did(tmp_path: Path) -> None:
    moved, kept = GOLDEN / "stub-moved-after-tea.yaml", GOLDEN / "stub-kept-day-full.yaml"
    runner = CliRunner()
    # validate: a part moved after a pause is not a mistake in the spec; a part kept is
    checked = runner.invoke(app, ["validate", "--strict", str(moved)])
    assert checked.exit_code == 0 and "short-part" not in checked.output
    checked = runner.invoke(app, ["validate", str(kept)])
    assert checked.exit_code == 0 and "warning[short-part-kept]" in checked.output
    for command in (
        ["agenda", str(moved)],
        ["proposal", str(moved), "-o", str(tmp_path / "p.docx")],
    ):
        told = runner.invoke(app, command)
        assert told.exit_code == 0 and "8:5: warning[short-part]: '主题讲解'" in told.output
    built = runner.invoke(app, ["export", str(moved), str(kept), "--out", str(tmp_path / "out"),
                                "--jobs", "1"])  # fmt: skip
    assert built.exit_code == 0
    assert f"{moved.as_posix()}:8:5: warning[short-part]: '主题讲解'" in built.output
    assert f"{kept.as_posix()}:9:5: warning[short-part-kept]: '工具实操'" in built.output


def test_a_packs_schedule_that_keeps_a_short_part_is_told_by_validate(tmp_path: Path) -> None:
    course = tmp_path / "c.yaml"
    course.write_text((GOLDEN / "stub-moved-after-tea.yaml").read_text(encoding="utf-8"), "utf-8")
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "client: 某客户\ntitle: 项目\ncourses:\n  - c.yaml\nschedule: {latest_end: '11:20'}\n",
        encoding="utf-8",
    )
    told = CliRunner().invoke(app, ["validate", str(pack)])
    assert told.exit_code == 0
    assert "p.yaml:4:5: warning[short-part-kept]: c.yaml with this pack's schedule:" in told.output


COURSES = sorted((Path(__file__).parent.parent / "courses").glob("*.yaml"))


@pytest.mark.parametrize(
    "path",
    [*COURSES, GOLDEN / "four-90-minute-blocks.yaml", None],
    ids=[*(p.stem for p in COURSES), "four-90-minute-blocks", "starter"],
)
def test_the_day_is_laid_out_as_trainers_design_it(path: Path | None) -> None:
    """The bundled courses, new's starter and four 90-minute blocks: no part shorter
    than 30 minutes, every pause its set length, nothing said about the layout."""
    from syllabus_cli.spec.starter import starter_spec

    if path is None:
        result = check_yaml(starter_spec("新课程", "1天(6h/天)", "x"))
    else:
        result = check_yaml(path.read_text(encoding="utf-8"), path)
    agenda = plan_agenda(result.course, result.timing)
    assert agenda.problems == ()
    assert [p for p in result.problems if p.code != "todo"] == []
    settings = merge(result.course.schedule)
    lunch = settings.lunch.minutes if settings.lunch else None
    breaks = {b.minutes for b in settings.breaks}
    for day in agenda.days:
        for slot in day.slots:
            if slot.kind == SESSION and slot.part:
                assert slot.minutes >= 30, (slot.title, clock(slot.start))
            elif slot.kind == "break":
                assert slot.minutes in breaks, clock(slot.start)
            elif slot.kind == "lunch":
                assert slot.minutes == lunch, clock(slot.start)
    assert agenda.teaching_minutes == result.timing.minutes


def test_a_pinned_lunch_stays_and_float_zero_pins_every_pause() -> None:
    blocks = "modules:\n" + "".join(f"  - {{title: 段{i}, duration: 90min}}\n" for i in range(4))
    pinned_lunch = agenda_of(
        "title: c\nduration: 6h\nschedule:\n  lunch: {at: '12:00-13:30', fixed: true}\n" + blocks
    )
    assert "12:00-13:30 午餐" in times(pinned_lunch)
    assert "10:45-12:00 段1 #1" in times(pinned_lunch)
    assert "15:15-15:30 茶歇" in times(pinned_lunch)  # the tea break still gives way
    all_pinned = agenda_of("title: c\nduration: 6h\nschedule: {float: 0}\n" + blocks)
    assert [t for t in times(all_pinned) if "茶歇" in t or "午餐" in t] == [
        "10:30-10:45 茶歇", "12:00-13:30 午餐", "15:00-15:15 茶歇"]  # fmt: skip


def test_pause_settings_are_checked_where_they_are_written() -> None:
    result = check_yaml(
        "title: c\nduration: 2h\nschedule:\n  float: soon\n"
        "  breaks: [{at: '10:30-10:45', fixd: true}, {fixed: true}]\n"
        "modules:\n  - {title: a, duration: 2h}\n"
    )
    assert sorted((p.line, p.column, p.code) for p in result.problems) == [
        (4, 10, "duration-format"), (5, 32, "unknown-key"), (5, 45, "required")]  # fmt: skip
