"""Delivery dates follow China's working days: 国庆 2026 is skipped, the make-up Saturday
(2026-10-10) teaches, a year without holiday data falls back to weekends and says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.load import parse_text
from syllabus_cli.pack.programme import plan_programme
from syllabus_cli.pack.spec import build_pack

from .conftest import REPO

DATA = REPO / "tests" / "data" / "agenda"
TWO_DAY = (DATA / "two-day.yaml").as_posix()
THREE_DAY = "title: c\nduration: 3天(2h/天)\nmodules:\n  - {title: a, duration: 6h}\n"
runner = CliRunner()


def delivery(text: str) -> tuple[list[str], list[tuple[int, str, str]]]:
    pack, problems = build_pack(parse_text(text, Path("p.yaml")))
    assert pack is not None and not problems
    programme = plan_programme(pack)
    days = [d.date.isoformat() for d in programme.delivery_days]
    return days, [(p.line, p.code, p.level.value) for p in programme.problems]


@pytest.mark.parametrize(
    ("skip", "expected"),
    [
        ("holidays", ["2026-09-30", "2026-10-08"]),  # 10-01..10-07 are 国庆
        ("weekends", ["2026-09-30", "2026-10-01"]),
        ("none", ["2026-09-30", "2026-10-01"]),
    ],
)
def test_a_two_day_course_across_national_day(skip: str, expected: list[str]) -> None:
    text = f"client: c\ntitle: t\ndate: 2026-09-30\nskip: {skip}\ncourses: [{TWO_DAY}]\n"
    assert delivery(text) == (expected, [])


def test_the_make_up_saturday_teaches_and_the_sunday_does_not(tmp_path: Path) -> None:
    spec = tmp_path / "three.yaml"
    spec.write_text(THREE_DAY, encoding="utf-8")
    days, _ = delivery(f"client: c\ntitle: t\ndate: 2026-10-09\ncourses: [{spec.as_posix()}]\n")
    assert days == ["2026-10-09", "2026-10-10", "2026-10-12"]  # Fri, make-up Sat, Mon


def test_the_next_course_starts_on_the_next_working_day(tmp_path: Path) -> None:
    half = (DATA / "half-day.yaml").as_posix()
    text = (
        f"client: c\ntitle: t\ndate: 2026-09-30\ncourses: [{half}, {half.replace('half', 'one')}]\n"
    )
    days, _ = delivery(text)
    assert days == ["2026-09-30", "2026-10-08"]


def test_an_explicit_date_on_a_holiday_moves_with_a_warning() -> None:
    text = f"client: c\ntitle: t\ncourses:\n  - {{path: {TWO_DAY}, date: 2026-10-01}}\n"
    days, problems = delivery(text)
    assert days == ["2026-10-08", "2026-10-09"]
    assert problems == [(4, "not-working-day", "warning")]


def test_a_year_without_holiday_data_falls_back_to_weekends_and_says_so() -> None:
    text = f"client: c\ntitle: t\ndate: 2099-10-01\ncourses: [{TWO_DAY}]\n"
    days, problems = delivery(text)
    assert days == ["2099-10-01", "2099-10-02"]  # a Thursday and a Friday: no 国庆 known
    assert problems == [(4, "holiday-data", "warning")]


def test_validate_shows_the_holiday_data_warning_for_a_pack(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(f"client: c\ntitle: t\ndate: 2099-10-01\ncourses: [{TWO_DAY}]\n", "utf-8")
    result = runner.invoke(app, ["validate", str(pack)])
    assert result.exit_code == 0
    assert "warning[holiday-data]: no public-holiday data for 2099 yet" in result.output


def test_agenda_skip_flag_and_the_old_alias() -> None:
    def dates(*flags: str) -> list[str]:
        out = runner.invoke(app, ["agenda", TWO_DAY, "-f", "json", "--date", "2026-09-30", *flags])
        assert out.exit_code == 0, out.output
        return [d["date"] for d in json.loads(out.stdout)["days"]]

    assert dates() == ["2026-09-30", "2026-10-08"]
    assert dates("--skip", "none") == ["2026-09-30", "2026-10-01"]
    assert dates("--skip-weekends") == ["2026-09-30", "2026-10-01"]
    assert runner.invoke(app, ["agenda", TWO_DAY, "--skip", "sundays"]).exit_code == 2


def test_a_pack_with_a_bad_skip_is_located() -> None:
    _, problems = build_pack(
        parse_text(f"client: c\ntitle: t\nskip: sundays\ncourses: [{TWO_DAY}]\n", Path("p.yaml"))
    )
    assert [(p.line, p.column, p.code) for p in problems] == [(3, 7, "skip")]


def test_the_agenda_warns_about_a_year_without_holiday_data() -> None:
    out = runner.invoke(app, ["agenda", TWO_DAY, "-f", "json", "--date", "2099-10-01"])
    assert out.exit_code == 0
    assert [d["date"] for d in json.loads(out.stdout)["days"]] == ["2099-10-01", "2099-10-02"]
    assert "warning[holiday-data]: no public-holiday data for 2099 yet" in out.stderr
