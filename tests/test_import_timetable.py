"""Timetable rows as trainers publish them (issue 22): each shape a convention seen on
many pages, read into a session's name, minutes and whether it is a break."""

from __future__ import annotations

import pytest

from syllabus_cli.importer.timetable import read_clock, session_minutes


@pytest.mark.parametrize(
    ("row", "title", "minutes"),
    [
        ("| 09:30 | 10:00 | Introductions | 30 mins |", "Introductions", 30),  # From | To
        ("| **13.30** | **14.15** | Group work |", "Group work", 45),  # bold, dotted
        ("9-10am", "", 60),  # whole hours with am/pm
        ("12pm - 1pm:", "", 60),
        ("3 - 4:20pm", "", 80),  # the pm said once, after the second time
        ("10am-12pm Strategy review", "Strategy review", 120),
        ("8:30 to 9:00", "", 30),
        ("Opening 09:00-09:30", "Opening", 30),
        ("| 09:00-10:30 | 破冰与课程导入 | 张老师 |", "破冰与课程导入", 90),  # a trainer column
        ("| 10:45-12:00 | 第一讲 | 目标管理 | 张老师 |", "第一讲 目标管理", 75),
        ("上午 9:00-12:00 模块一：沟通", "模块一：沟通", 180),  # led by the part of the day
        ("下午 1:30-3:00 模块二", "模块二", 90),
        ("Afternoon: 1:00-2:30 Labs", "Labs", 90),
    ],
)
def test_a_timetable_row_is_a_session(row: str, title: str, minutes: int) -> None:
    clock = read_clock(row)
    assert clock is not None
    assert (clock.title, session_minutes(clock)) == (title, minutes)


@pytest.mark.parametrize(
    "row",
    [
        "| _11:00_ | _11:10_ | _Break_ | _10 mins_ |",
        "0900 - 0930: Breakfast",
        "12:00-13:00 午餐",
        "07:30 早餐",
        "18:30 – 21:00 Networking Dinner",
        "8:30 to 9:00 Arrive, sign in, coffee",
        "| 3:15 - 4:30 | Free Time |",
        "16:00-17:00 自由活动",
    ],
)
def test_breaks_meals_and_arrival_are_no_sessions(row: str) -> None:
    clock = read_clock(row)
    assert clock is not None and clock.is_break


def test_times_ending_a_sentence_are_no_row() -> None:
    """'… runs over one day, from 9am - 4:30pm': the day's hours, not a session."""
    assert read_clock("The course runs over one day, from 9am - 4:30pm") is None


def test_the_hours_a_course_keeps_are_no_session_but_a_session_naming_its_break_is() -> None:
    """'每天 9:00–12:00，14:00–17:00' (two spans side by side, ending the line) says the
    hours the course keeps; a session that names its break inside keeps its own span."""
    assert read_clock("3 天，每天 9:00–12:00，14:00–17:00") is None
    assert read_clock("Daily 9:00-12:00 and 13:00-16:00") is None
    clock = read_clock("09:00-12:00 Module 1: Structuring (coffee break 10:30-10:45)")
    assert clock is not None and session_minutes(clock) == 180
    clock = read_clock("上午 9:00-12:00 沟通的本质（10:30-10:45 茶歇）")
    assert clock is not None and session_minutes(clock) == 180
