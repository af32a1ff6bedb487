"""Chinese numerals both ways, to 10^16: checked against cn2an (a well-kept converter,
the tests' oracle) and by round trip; money's capital numerals; what a user sees (a
chapter 100 heading, a 一百二十分钟 duration)."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from syllabus_cli.duration import parse_duration
from syllabus_cli.numerals import LIMIT, from_chinese, to_chinese
from syllabus_cli.render.plan_docx import chapter_number
from syllabus_cli.spec.quote import capital

numbers = st.integers(min_value=0, max_value=LIMIT - 1)
# numbers made of few digits, where the zero rules are busiest (100010, 600004784…)
sparse = st.lists(st.tuples(st.integers(0, 15), st.integers(1, 9)), min_size=1, max_size=4).map(
    lambda parts: sum(d * 10**p for p, d in dict(parts).items()) % LIMIT
)


def _zero_group_then_thousands(n: int) -> bool:
    """cn2an drops the 零 that a group of four zeros needs before a group whose
    thousands digit is set (600004784: it writes 六亿四千…, which reads as 600,004,784
    only by luck; the rule, and this module, write 六亿零四千七百八十四)."""
    groups = []
    while n:
        n, rest = divmod(n, 10000)
        groups.append(rest)
    return any(
        groups[i] == 0 and any(groups[i + 1 :]) and groups[i - 1] >= 1000
        for i in range(1, len(groups))
    )


@given(st.one_of(numbers, sparse))
@example(10)
@example(15)
@example(110)
@example(100010)
@example(10**8 + 1)
@example(600004784)
def test_to_chinese_reads_back_and_agrees_with_cn2an(n: int) -> None:
    text = to_chinese(n)
    assert from_chinese(text) == n
    if n < 10**12:  # cn2an's range
        assert cn2an.cn2an(text, "strict") == n
        if not _zero_group_then_thousands(n):
            assert text == cn2an.an2cn(n)
            assert n == 0 or to_chinese(n, capital=True) == cn2an.an2cn(n, "up")


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_from_chinese_reads_what_cn2an_writes(n: int) -> None:
    assert from_chinese(cn2an.an2cn(n)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [("十", 10), ("十五", 15), ("两千", 2000), ("〇", 0), ("一百零五", 105), ("一千零十", 1010),
     ("一百二", 120), ("三千五", 3500), ("一万二", 12000), ("一亿零一", 100_000_001),
     ("六亿零四千七百八十四", 600_004_784), ("一万亿", 10**12)],
)  # fmt: skip
def test_spoken_forms(text: str, value: int) -> None:
    assert from_chinese(text) == value


@pytest.mark.parametrize("text", ["", "一二", "百", "万", "一百十", "十百", "一零", "二十x"])
def test_not_numerals(text: str) -> None:
    assert from_chinese(text) is None


def test_to_chinese_refuses_what_it_cannot_say() -> None:
    with pytest.raises(ValueError):
        to_chinese(LIMIT)
    with pytest.raises(ValueError):
        to_chinese(-1)


def test_capital_money_as_an_invoice_writes_it() -> None:
    assert capital(Decimal("100000")) == "壹拾万元整"
    assert capital(Decimal("28620")) == "贰万捌仟陆佰贰拾元整"
    assert capital(Decimal("1000000.01")) == "壹佰万元零壹分"
    assert capital(Decimal("600004784")) == "陆亿零肆仟柒佰捌拾肆元整"
    assert capital(Decimal("100010")) == "壹拾万零壹拾元整"


def test_what_the_user_sees() -> None:
    assert [chapter_number(n, "zh") for n in (1, 10, 11, 20, 99, 100, 110)] == [
        "一、", "十、", "十一、", "二十、", "九十九、", "一百、", "一百一十、"]  # fmt: skip
    assert parse_duration("一百二十分钟").minutes == 120  # refused before: past 九十九
    assert parse_duration("两小时").minutes == 120


def test_english_number_words_are_read_in_one_place() -> None:
    from syllabus_cli.numerals import ENGLISH

    assert [ENGLISH[w] for w in ("one", "twelve", "first", "twelfth", "forty-five", "ninety")] == [
        1,
        12,
        1,
        12,
        45,
        90,
    ]
