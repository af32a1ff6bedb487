"""The training plan as a user writes it: the YAML in, the located problems or the quote's
figures out."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.load import parse_text
from syllabus_cli.pack.programme import plan_programme
from syllabus_cli.pack.spec import build_pack
from syllabus_cli.problems import Mark
from syllabus_cli.spec.quote import capital, figures, money, total_in_words
from syllabus_cli.spec.training_plan import Quote, QuoteItem

from .conftest import REPO

COURSE = (REPO / "tests" / "data" / "agenda" / "one-day.yaml").as_posix()
HALF = (REPO / "tests" / "data" / "agenda" / "half-day.yaml").as_posix()
NO_BREAKS = (REPO / "tests" / "data" / "agenda" / "no-breaks.yaml").as_posix()


def pack_of(plan: str, head: str = "") -> str:
    return (
        "client: 客户\ntitle: 项目\ndate: 2026-12-08\n"
        + head
        + f"courses: [{COURSE}]\nplan:\n"
        + textwrap.indent(textwrap.dedent(plan), "  ")
    )


def problems_of(text: str) -> list[tuple[int, int, str]]:
    _, problems = build_pack(parse_text(text, REPO / "packs" / "p.yaml"))
    return [(p.line, p.column, p.code) for p in problems]


def test_the_contract_example_reads_clean() -> None:
    text = pack_of("""\
        background: |
          背景
        problems: [问题一, {title: 问题二, text: 说明}]
        goals:
          - {goal: 询单转化率提升, measure: 3个月内由 18% 提升到 25%}
        framework: |
          框架
        path:
          - {phase: 训前调研, when: 2026-12-01, activities: [问卷, 访谈]}
          - {phase: 集中授课, courses: true}
          - {phase: 训后辅导, when: 2027-01-15, activities: [作业点评, 复盘会]}
        resources:
          participants: 30
          groups: 5
          venue: 客户培训室(可分组)
          equipment: [投影, 白板, 麦克风]
          materials: [学员手册, 案例集]
        quote:
          currency: CNY
          tax: 6%
          items:
            - {item: 讲师课酬, quantity: 2, unit: 天, price: 12000}
            - {item: 课程开发, quantity: 1, unit: 项, price: 3000}
        risks:
          - {risk: 学员工学矛盾, response: 提前两周锁定日期并由HR发通知}
        timeline:
          - {date: 2026-11-30, milestone: 方案确认}
        evaluation:
          - {level: 反应层, method: 满意度问卷, when: 课后当天}
          - 行为观察
    """)
    pack, problems = build_pack(parse_text(text, REPO / "packs" / "p.yaml"))
    assert problems == ()
    assert pack is not None and pack.plan is not None
    plan = pack.plan
    assert [p.title for p in plan.problems] == ["", "问题二"]
    assert [p.phase for p in plan.path if p.courses] == ["集中授课"]
    assert plan.resources.venue == "客户培训室(可分组)" and plan.resources.participants == 30
    assert plan.evaluation[1].method == "行为观察"
    assert plan.quote is not None
    fig = figures(plan.quote, delivery_days=1)
    assert (money(fig.subtotal), money(fig.tax), money(fig.total)) == (
        "27,000.00", "1,620.00", "28,620.00")  # fmt: skip
    assert total_in_words(fig) == "人民币贰万捌仟陆佰贰拾元整"


def test_a_broken_plan_is_reported_where_it_was_written() -> None:
    text = pack_of("""\
        backround: 拼错
        goals: 不是列表
        path:
          - {phase: 调研, when: 2026-13-01}
          - {phase: 授课, courses: yes please}
        resources: {participants: -3, groups: 两组}
        quote:
          tax: 120%
          currency: RMB1
          items:
            - {item: 课酬, quantity: -2, price: 100}
            - {item: 资料, price: -5}
            - {item: 场地, price: 一万}
            - {item: 交通, quantity: 1, price: 10, unti: 次}
        timeline:
          - {date: 明天, milestone: 确认}
        risks: [{response: 没写风险}]
    """)
    assert sorted(problems_of(text)) == [
        (6, 3, "unknown-key"),  # backround → did you mean 'background'?
        (7, 10, "type"),  # goals must be a list
        (9, 25, "date-format"),  # 2026-13-01
        (10, 28, "type"),  # courses: must be true or false
        (11, 29, "negative"),  # participants
        (11, 41, "type"),  # groups must be a whole number
        (13, 10, "tax-range"),
        (14, 15, "currency"),
        (16, 30, "negative"),  # quantity
        (17, 27, "negative"),  # price
        (18, 27, "money-format"),
        (19, 44, "unknown-key"),  # unti → unit
        (21, 14, "date-format"),
        (22, 11, "required"),  # a risk without its risk
    ]


def test_unknown_plan_keys_suggest_the_right_one() -> None:
    text = pack_of("goal: [x]\nquote: {items: [{item: a, price: 1, qty: 2}]}\n")
    _, problems = build_pack(parse_text(text, Path("p.yaml")))
    assert [p.message for p in problems] == [
        "unknown key 'goal' in 'plan'; did you mean 'goals'?",
        "unknown key 'qty' in a quote item (known keys: item, quantity, unit, price, optional)",
    ]


def test_validate_prints_plan_problems_at_file_line_column(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        pack_of("quote:\n  tax: -1%\n  items: [{item: a, price: 1}]\n"), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        f"{path.as_posix()}:7:10: error[tax-range]: 'tax' must be between 0% and 100%, not -1%"
        in (result.output)
    )


def item(quantity: str, price: str, per_day: bool = False) -> QuoteItem:
    return QuoteItem("x", Mark(), Decimal(quantity), "", Decimal(price), per_day)


@pytest.mark.parametrize(
    ("items", "tax", "days", "expected"),
    [
        # half-up to the fen on each line: 3 × 33.335 = 100.005 → 100.01
        ([item("3", "33.335")], None, 1, ("100.01", "0.00", "100.01")),
        # tax 6 % of 0.25 = 0.015 → 0.02 (half-up, not banker's 0.02/0.01)
        ([item("1", "0.25")], "6", 1, ("0.25", "0.02", "0.27")),
        # tax 13 % of 1,234.50 = 160.485 → 160.49
        ([item("1", "1234.50")], "13", 1, ("1,234.50", "160.49", "1,394.99")),
        ([], "6", 1, ("0.00", "0.00", "0.00")),  # zero items
        ([item("0", "500")], None, 1, ("0.00", "0.00", "0.00")),  # zero quantity
        # quantity: days counts the pack's delivery days
        ([item("1", "12000", per_day=True), item("1", "3000")], "6", 2,
         ("27,000.00", "1,620.00", "28,620.00")),
        ([item("1.5", "0.1")], None, 1, ("0.15", "0.00", "0.15")),  # 0.1 is exact: no float
    ],
)  # fmt: skip
def test_quote_arithmetic_on_awkward_amounts(
    items: list[QuoteItem], tax: str | None, days: int, expected: tuple[str, str, str]
) -> None:
    fig = figures(Quote(tuple(items), tax=Decimal(tax) if tax else None), days)
    assert (money(fig.subtotal), money(fig.tax), money(fig.total)) == expected


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0.5", "伍角"),
        ("10", "壹拾元整"),
        ("100000", "壹拾万元整"),
        ("1000000.01", "壹佰万元零壹分"),
        ("28620", "贰万捌仟陆佰贰拾元整"),
        ("10005", "壹万零伍元整"),
        ("1050.5", "壹仟零伍拾元伍角"),
        ("20000500", "贰仟万零伍佰元整"),
        ("100010000", "壹亿零壹万元整"),
        ("1.05", "壹元零伍分"),
        ("0", "零元整"),
        ("0.004", "零元整"),  # rounds to the fen first
    ],
)
def test_capital_numerals(amount: str, words: str) -> None:
    assert capital(Decimal(amount)) == words


def test_quantity_days_counts_the_packs_delivery_days() -> None:
    text = (
        "client: 客户\ntitle: 项目\ndate: 2026-12-08\n"
        f"courses: [{COURSE}, {HALF}, {{path: {NO_BREAKS}, date: 2026-12-08}}]\n"
        "plan:\n  quote: {items: [{item: 课酬, quantity: days, price: 100}]}\n"
    )
    pack, problems = build_pack(parse_text(text, Path("p.yaml")))
    assert problems == ()
    assert pack is not None and pack.plan is not None and pack.plan.quote is not None
    programme = plan_programme(pack)
    # 12-08 and 12-09; the third course shares 12-08: the same delivery day
    assert sorted({d.date.isoformat() for d in programme.delivery_days}) == [
        "2026-12-08", "2026-12-09"]  # fmt: skip
    assert programme.day_count == 2
    assert money(figures(pack.plan.quote, programme.day_count).total) == "200.00"


def test_the_same_instructor_at_the_same_time_is_a_warning() -> None:
    inline = "{name: 王老师}"
    text = (
        f"client: 客户\ntitle: 项目\ninstructor: {inline}\ndate: 2026-12-08\ncourses:\n"
        f"  - {COURSE}\n  - {{path: {HALF}, date: 2026-12-08}}\n"
    )
    pack, _ = build_pack(parse_text(text, Path("p.yaml")))
    assert pack is not None
    found = [(p.line, p.column, p.code, p.level.value) for p in plan_programme(pack).problems]
    assert found == [(7, 12, "instructor-overlap", "warning")]
    assert "王老师 is booked twice on 2026-12-08" in plan_programme(pack).problems[0].message


def test_two_phases_marked_for_the_courses_is_a_warning_at_the_second() -> None:
    text = pack_of("path:\n  - {phase: 一, courses: true}\n  - {phase: 二, courses: true}\n")
    _, problems = build_pack(parse_text(text, Path("p.yaml")))
    assert [(p.line, p.column, p.code, p.level.value) for p in problems] == [
        (8, 7, "plan-courses", "warning")]  # fmt: skip


def test_an_amount_no_quote_can_hold_is_located_before_a_build() -> None:
    plan = (
        "  quote:\n    items:\n"
        "      - {item: x, quantity: 1, unit: 项, price: 99999999999999999}\n"
        "      - {item: y, quantity: 99999999999999999999999999, unit: 项, price: 1}\n"
    )
    found = problems_of(pack_of(plan))
    assert [code for _, _, code in found].count("money-format") == 2, found


def test_a_packs_template_is_checked_as_a_courses_is() -> None:
    text = pack_of("  risks: [{risk: 甲, response: 乙}]\n", head="template: ../README.md\n")
    assert (4, 11, "template-format") in problems_of(text)
    text = pack_of("  risks: [{risk: 甲, response: 乙}]\n", head="template: ../nowhere.docx\n")
    assert (4, 11, "file-missing") in problems_of(text)
