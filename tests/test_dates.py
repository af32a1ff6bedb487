"""Dates as a client reads them, and China's working days."""

import datetime as dt

from syllabus_cli.dates import Calendar, format_date


def test_dates_carry_their_weekday() -> None:
    assert format_date(dt.date(2026, 12, 8), "zh") == "2026年12月8日（星期二）"
    assert format_date(dt.date(2026, 9, 30), "zh") == "2026年9月30日（星期三）"
    assert format_date(dt.date(2026, 12, 8), "en") == "Tue 8 Dec 2026"


def take(calendar: Calendar, first: dt.date, n: int) -> list[str]:
    days = calendar.working_days(first)
    return [next(days).isoformat() for _ in range(n)]


def test_national_day_2026_is_skipped_and_the_make_up_saturday_teaches() -> None:
    # 国庆 2026: 10月1日–7日 off; Sunday 9月20日 and Saturday 10月10日 are working days
    official = Calendar()
    assert take(official, dt.date(2026, 9, 30), 3) == ["2026-09-30", "2026-10-08", "2026-10-09"]
    assert official.is_working_day(dt.date(2026, 10, 10))  # a make-up Saturday
    assert not Calendar("weekends").is_working_day(dt.date(2026, 10, 10))
    assert take(Calendar("none"), dt.date(2026, 10, 1), 2) == ["2026-10-01", "2026-10-02"]


def test_a_year_without_holiday_data_falls_back_to_weekends_and_says_so() -> None:
    official = Calendar()
    days = take(official, dt.date(2031, 1, 3), 2)  # Friday, then Monday
    assert days == ["2031-01-03", "2031-01-06"]
    assert official.uncovered_years([dt.date(2031, 1, 3), dt.date(2026, 12, 8)]) == [2031]
    assert Calendar("weekends").uncovered_years([dt.date(2031, 1, 3)]) == []


def test_the_last_day_of_the_calendar_ends_the_days() -> None:
    assert list(Calendar("none").working_days(dt.date.max)) == [dt.date.max]
