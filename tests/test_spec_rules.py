"""Spec and timing rules, yamllint-style: the YAML in, the (line, column, code) out."""

from __future__ import annotations

from .conftest import check_yaml, found


def test_exact_sums_are_clean() -> None:
    assert (
        found("""\
        title: 课程
        duration: 一天(8小时)
        schedule: {start: "08:30", lunch: "12:00-13:00"}
        modules:
          - title: 一
            duration: 2h
            sections:
              - {title: a, duration: 40分钟}
              - {title: b, duration: 80min}
          - title: 二
            duration: 6小时
        """)
        == []
    )


def test_sections_short_of_module_is_an_error_with_both_figures() -> None:
    result = check_yaml("""\
        title: 课程
        duration: 2h
        modules:
          - title: 行业信息分享与洞察
            duration: 2h
            sections:
              - {title: a, duration: 40min}
              - {title: b, duration: 50min}
              - {title: c, duration: 20min}
        """)
    assert [(p.line, p.column, p.code) for p in result.problems] == [(5, 15, "sum-mismatch")]
    assert (
        result.problems[0].message == "sections add up to 1h50 (110 min), module says 2h (120 min)"
    )


def test_children_over_the_parent_is_over_full() -> None:
    result = check_yaml("""\
        title: 课程
        duration: 2h
        modules:
          - {title: a, duration: 90min}
          - {title: b, duration: 40min}
        """)
    assert [(p.line, p.column, p.code) for p in result.problems] == [(2, 11, "over-full")]
    assert (
        "2h10 (130 min)" in result.problems[0].message
        and "2h (120 min)" in result.problems[0].message
    )


def test_untimed_children_share_the_remainder_with_a_warning_naming_them() -> None:
    result = check_yaml("""\
        title: 课程
        duration: 3h
        modules:
          - {title: 一、开场, duration: 2h30m}
          - {title: 三、总结与答疑}
        """)
    assert [(p.line, p.code, p.level.value) for p in result.problems] == [
        (2, "unallocated", "warning")
    ]
    assert (
        result.problems[0].message == "30 min unallocated across 1 untimed module: 三、总结与答疑"
    )
    assert result.timing is not None
    assert [(s.title, s.minutes, s.source) for s in result.timing.sessions()] == [
        ("一、开场", 150, "stated"),
        ("三、总结与答疑", 30, "allocated"),
    ]


def test_remainder_is_spread_in_whole_minutes() -> None:
    result = check_yaml("""\
        title: 课程
        duration: 100min
        modules:
          - {title: a}
          - {title: b}
          - {title: c}
        """)
    assert result.timing is not None
    assert [s.minutes for s in result.timing.sessions()] == [34, 33, 33]


def test_nothing_left_for_untimed_is_over_full() -> None:
    assert found("""\
        title: 课程
        duration: 2h
        modules:
          - {title: a, duration: 2h}
          - {title: b}
        """) == [(2, 11, "over-full")]


def test_module_without_duration_takes_its_sections_sum() -> None:
    assert (
        found("""\
        title: 课程
        duration: 2h
        modules:
          - title: a
            sections:
              - {title: x, duration: 1h}
              - {title: y, duration: 1h}
        """)
        == []
    )


def test_rules_apply_at_every_depth() -> None:
    assert found("""\
        title: 课程
        duration: 2h
        modules:
          - title: a
            duration: 2h
            sections:
              - title: x
                duration: 1h
                sections:
                  - {title: deep1, duration: 20min}
                  - {title: deep2, duration: 20min}
              - {title: y, duration: 1h}
        """) == [(8, 19, "sum-mismatch")]


def test_untimed_module_allocated_time_checks_its_own_sections() -> None:
    assert found("""\
        title: 课程
        duration: 3h
        modules:
          - {title: a, duration: 2h}
          - title: b
            sections:
              - {title: x, duration: 90min}
              - {title: y}
        """) == [(2, 11, "unallocated"), (5, 5, "over-full")]


def test_course_without_length_takes_the_sum_and_says_so() -> None:
    result = check_yaml("""\
        title: 课程
        modules:
          - {title: a, duration: 3小时}
          - {title: b, duration: 3小时}
        """)
    assert [(p.line, p.code) for p in result.problems] == [(1, "no-duration")]
    assert result.stated_minutes is None and result.total_minutes == 360


def test_course_without_length_and_untimed_module_cannot_be_timed() -> None:
    assert found("""\
        title: 课程
        modules:
          - {title: a, duration: 3小时}
          - {title: b}
        """) == [(1, 1, "untimed")]


def test_bad_durations_are_errors_at_their_value() -> None:
    assert found("""\
        title: 课程
        duration: 2
        modules:
          - {title: a, duration: 0min}
          - {title: b, duration: 1.33h}
          - {title: c, duration: 两到三小时}
          - {title: d, duration: [1h]}
        """) == [
        (2, 11, "duration-unit"),
        (4, 26, "duration-value"),
        (5, 26, "duration-value"),
        (6, 26, "duration-format"),
        (7, 26, "type"),
    ]


def test_unknown_keys_suggest_the_known_one() -> None:
    result = check_yaml("""\
        title: 课程
        durration: 2h
        modules:
          - {title: a, duration: 2h, setions: []}
        """)
    assert [(p.line, p.column, p.code) for p in result.problems] == [
        (2, 1, "unknown-key"),
        (4, 30, "unknown-key"),
    ]
    assert "did you mean 'duration'?" in result.problems[0].message
    assert "did you mean 'sections'?" in result.problems[1].message


def test_wrong_types_and_missing_keys() -> None:
    assert found("""\
        subtitle: [a]
        language: fr
        outcomes: {a: 1}
        modules:
          - 纯文本
          - {duration: 1h}
        """) == [
        (1, 1, "required"),
        (1, 11, "type"),
        (2, 11, "language"),
        (3, 11, "type"),
        (5, 5, "type"),
        (6, 5, "required"),
    ]


def test_schedule_settings_are_checked() -> None:
    assert found("""\
        title: 课程
        duration: 2h
        schedule: {start: "9点", lunch: "13:30-12:00", breaks: "10:30-10:45", lunch_break: 1h}
        modules:
          - {title: a, duration: 2h}
        """) == [
        (3, 19, "clock-format"),
        (3, 32, "clock-format"),
        (3, 55, "type"),
        (3, 70, "unknown-key"),
    ]


def test_unquoted_clock_times_are_read_as_written() -> None:
    result = check_yaml("""\
        title: 课程
        duration: 2h
        schedule: {start: 08:30, lunch: 12:00-13:00}
        modules:
          - {title: a, duration: 2h}
        """)
    assert result.problems == ()
    assert result.course is not None and result.course.schedule.start == 8 * 60 + 30


def test_instructor_file_problems_point_at_the_reference(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "who.yaml").write_text("name: 枫影\nbioo: x\n", encoding="utf-8")
    spec = (
        "title: 课程\nduration: 2h\ninstructor: who.yaml\nmodules:\n  - {title: a, duration: 2h}\n"
    )
    result = check_yaml(spec, tmp_path / "c.yaml")
    assert [(p.line, p.column, p.code) for p in result.problems] == [(3, 13, "unknown-key")]
    assert "who.yaml: line 2" in result.problems[0].message
    missing = check_yaml(spec.replace("who.yaml", "nobody.yaml"), tmp_path / "c.yaml")
    assert [(p.line, p.code) for p in missing.problems] == [(3, "file-missing")]


def test_todo_titles_are_warnings() -> None:
    # at the text itself, wherever a client would read it
    assert found("""\
        title: "TODO: 课程标题"
        duration: 2h
        modules:
          - {title: TODO 模块, duration: 2h}
        """) == [(1, 8, "todo"), (4, 13, "todo")]
