"""The pack's .ics, parsed back with icalendar event by event, and checked as RFC 5545
bytes: CRLF, folded lines, escaped text, stable UIDs, reproducible with SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import icalendar
import pytest

from syllabus_cli.build.batch import build_pack_folder
from syllabus_cli.render.ics import Event, calendar, escape, fold

from .conftest import REPO

PLAN = REPO / "tests" / "data" / "plan" / "every-chapter.yaml"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")


def build(out: Path) -> bytes:
    assert build_pack_folder(PLAN, out, workers=1, force=False).ok
    return (out / "every-chapter" / "every-chapter.ics").read_bytes()


def test_one_event_per_delivery_day_read_back(tmp_path: Path) -> None:
    cal = icalendar.Calendar.from_ical(build(tmp_path))
    events = list(cal.walk("VEVENT"))
    assert [
        (
            str(e["SUMMARY"]),
            e.decoded("DTSTART").astimezone(SHANGHAI).isoformat(),
            e.decoded("DTEND").astimezone(SHANGHAI).isoformat(),
            str(e["LOCATION"]),
        )
        for e in events
    ] == [
        ("一天课程", "2026-09-30T08:30:00+08:00", "2026-09-30T18:00:00+08:00", "客户培训室"),
        ("半天课程", "2026-10-08T08:45:00+08:00", "2026-10-08T12:00:00+08:00", "客户培训室"),
    ]
    assert (
        str(events[0]["DESCRIPTION"]) == "客户：某品牌客服部\n项目：客服能力提升项目\n讲师：王老师"
    )
    assert events[0].decoded("DTSTAMP") == dt.datetime.fromtimestamp(1790000000, dt.timezone.utc)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert len({str(e["UID"]) for e in events}) == 2


def test_rebuilds_are_identical_and_the_zip_holds_the_calendar(tmp_path: Path) -> None:
    first = build(tmp_path / "a")
    assert build(tmp_path / "b") == first
    with zipfile.ZipFile(tmp_path / "a" / "every-chapter" / "every-chapter.zip") as archive:
        assert archive.read("客服能力提升项目/客服能力提升项目-授课日历.ics") == first


def test_rfc5545_lines() -> None:
    title = "一个很长的课程标题，" * 8 + "; 含分号, 逗号 \\ 反斜杠"
    data = calendar(
        "p", "项目", "客户", [Event(dt.date(2026, 12, 8), 540, 1020, title, "c", 1, 2)],
        stamp=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc), venue="A;B,C",
    )  # fmt: skip
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # no line splits a character
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == title + "（第1天）"
    assert str(event["LOCATION"]) == "A;B,C"
    assert b"LOCATION:A\\;B\\,C" in data


def test_fold_and_escape() -> None:
    assert fold("A" * 75) == "A" * 75
    assert fold("A" * 76) == "A" * 75 + "\r\n A"
    folded = fold("X" * 74 + "中文")  # 中 would cross octet 75: it moves to the next line
    assert folded.split("\r\n")[0] == "X" * 74
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@pytest.mark.parametrize("epoch", ["999999999999", "99999999999999999999", "-5", "soon"])
def test_an_epoch_no_date_can_hold_is_ignored_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    """``SOURCE_DATE_EPOCH=999999999999`` is the year 33658: every reader ignores it as if
    unset (the .ics stamps the pack file's time, the .docx now), and the pack is built."""
    from typer.testing import CliRunner

    from syllabus_cli.cli import app

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = CliRunner().invoke(app, ["pack", str(PLAN), "--out", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    cal = icalendar.Calendar.from_ical(
        (tmp_path / "every-chapter" / "every-chapter.ics").read_bytes()
    )
    stamp = next(iter(cal.walk("VEVENT"))).decoded("DTSTAMP")
    assert stamp.year < 10000 and stamp.timestamp() == int(PLAN.stat().st_mtime)
