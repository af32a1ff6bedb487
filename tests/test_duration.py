"""Every form instructors write, to whole minutes; anything else quotes the text."""

from __future__ import annotations

import pytest

from syllabus_cli.duration import DurationError, describe, format_minutes, parse_duration

CASES = [
    ("40分钟", 40), ("40min", 40), ("40 minutes", 40), ("40 mins", 40), ("45m", 45),
    ("2h", 120), ("2 hours", 120), ("2hr", 120), ("2小时", 120), ("1.5小时", 90),
    ("1.5h", 90), ("90min", 90), ("2h30m", 150), ("2h 30min", 150), ("1h30", 90),
    ("2小时30分钟", 150), ("2小时30分", 150), ("3小时", 180), ("3个小时", 180),
    ("半小时", 30), ("一个半小时", 90), ("1个半小时", 90), ("两小时", 120),
    ("十五分钟", 15), ("四十五分钟", 45), ("二十分钟", 20), ("九十分钟", 90),
    ("一天(8小时)", 480), ("一天（8小时）", 480), ("1天(6h/天)", 360), ("2天(6h/天)", 720),
    ("1天(6小时/天)", 360), ("2天(12小时)", 720), ("0.5天", 180), ("半天", 180),
    ("一天", 360), ("两天", 720), ("1 day", 360), ("2 days (6h/day)", 720),
    ("1.5天", 540), ("２ｈ", 120), ("４０分钟", 40), ("１天（６ｈ/天）", 360),
    ("【3小时】", 180), ("（2h）", 120), (" 2h ", 120), ("3 HOURS", 180),
    # a day as long as its timetable teaches: hours and minutes in the brackets
    ("1 day (5h50)", 350), ("2天(9小时15分钟)", 555), ("2 days (4h30/day)", 540),
    # the unit words as traditional Chinese writes them (a Taiwan or Hong Kong page)
    ("30分鐘", 30), ("2小時", 120), ("3學時", 180), ("4課時", 240), ("一個半小時", 90),
    ("兩小時", 120), ("1天(6小時/天)", 360),
    # a day and a half; minutes as Europe marks them
    ("一天半", 540), ("两天半", 900), ("90'", 90), ("15’", 15),
]  # fmt: skip


@pytest.mark.parametrize(("text", "minutes"), CASES)
def test_parses(text: str, minutes: int) -> None:
    assert parse_duration(text).minutes == minutes


def test_at_least_forty_forms() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("text", "days", "hours_per_day"),
    [
        ("一天(8小时)", 1, 8),
        ("2天(6h/天)", 2, 6),
        ("0.5天", 0.5, 6),
        ("2天(12小时)", 2, 6),
        ("1 day (6h30)", 1, 6.5),
        ("2 days (4h30/day)", 2, 4.5),
        ("2h", None, None),
    ],
)
def test_day_forms_keep_days_and_hours_per_day(
    text: str, days: float | None, hours_per_day: float | None
) -> None:
    d = parse_duration(text)
    assert (d.days, d.hours_per_day) == (days, hours_per_day)


BAD = [
    ("2", "duration-unit"), ("90", "duration-unit"), ("1.5", "duration-unit"),
    ("0min", "duration-value"), ("-2h", "duration-value"), ("0天", "duration-value"),
    ("1.33h", "duration-value"), ("0.1min", "duration-value"),
    ("2-3小时", "duration-format"), ("abc", "duration-format"), ("", "duration-format"),
    ("1天(abc)", "duration-format"), ("一二三分钟", "duration-format"), ("2 weeks", "duration-format"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code"), BAD)
def test_rejects_with_code_and_quotes_text(text: str, code: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert info.value.code == code
    if text:
        assert repr(text) in str(info.value)


def test_bare_number_asks_for_a_unit() -> None:
    with pytest.raises(DurationError, match=r"no unit; write 90min, 90h or 90天"):
        parse_duration("90")


@pytest.mark.parametrize(
    ("minutes", "en", "zh"),
    [(120, "2h", "2小时"), (110, "1h50", "1小时50分钟"), (45, "45min", "45分钟")],
)
def test_formats_minutes_back(minutes: int, en: str, zh: str) -> None:
    assert format_minutes(minutes) == en
    assert format_minutes(minutes, "zh") == zh
    assert parse_duration(en).minutes == minutes


def test_describe_shows_both_figures() -> None:
    assert describe(110) == "1h50 (110 min)"
