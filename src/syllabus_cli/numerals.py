"""Chinese numerals, both ways: the one place a number becomes 一百二十 (or 壹佰贰拾 on
an invoice) and 一百二十 becomes 120; an English outline's Part II is 2, its Day one and
its "ninety minutes" 1 and 90. Pure.

Correct to below 10^16 (亿, 万亿): a chapter number, a length, an amount of money are far
smaller. Written as a careful writer does: 十 alone at the start (十五, 十万), 一十
inside (一百一十, 十万零一十), one 零 for any run of zeros (一万零五百, 一亿零一);
capital numerals for money keep 壹 (壹拾万元).

Read back: the canonical forms, 两 for 二, 〇 for 零, 十 with no digit (十五), and the
spoken short forms 一百二 (120), 三千五 (3500), 一万二 (12000).

Why not cn2an (the well-kept library for this): importing it takes about 0.4 s (it
loads ``proces``), more than a whole ``syllabus validate`` run, and a duration such as
``一天`` needs a numeral in nearly every spec. The tests check this module against
cn2an, so the two agree.
"""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "十", "百", "千")
_CAPITAL_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")
LIMIT = 10**16  # 一万亿亿 and past: not a number this tool meets

# The characters a Chinese numeral is written with (for regular expressions).
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
_VALUE = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "两": 2}
_SMALL = {"十": 10, "百": 100, "千": 1000}


def to_chinese(number: int, *, capital: bool = False) -> str:
    """120 -> 一百二十, 10 -> 十, 100010 -> 十万零一十; ``capital``: 壹佰贰拾, 壹拾."""
    if not 0 <= number < LIMIT:
        raise ValueError(f"{number} is outside 0..10^16")
    digits, units = (CAPITAL_DIGITS, _CAPITAL_UNITS) if capital else (DIGITS, _UNITS)
    if number == 0:
        return digits[0]
    groups: list[int] = []
    while number:
        number, rest = divmod(number, 10000)
        groups.append(rest)
    out = ""
    gap = False  # a whole group of zeros since the last digit written
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = gap or bool(out)
            continue
        zero, gap = gap, False  # a zero is pending: one 零 before the next digit
        for position, digit in enumerate(
            (group // 1000, group // 100 % 10, group // 10 % 10, group % 10)
        ):
            if digit == 0:
                zero = zero or bool(out)  # leading (after a higher group) or inner zeros
                continue
            if zero:
                out += digits[0]
                zero = False
            out += digits[digit] + units[3 - position]
        out += _GROUPS[index]  # zeros that end a group: its unit stands for them
    if not capital and out.startswith("一十"):
        out = out[1:]  # 十五, 十万: 一十 only inside a number
    return out


def from_chinese(text: str) -> int | None:
    """一百二十 -> 120, 两千 -> 2000, 一亿零一 -> 100000001, 三千五 -> 3500; None when
    ``text`` is not a numeral (一二三 is no number a person writes)."""
    if not text or any(c not in NUMERAL_CHARS for c in text):
        return None
    return _below(text, 10**20)


def _below(text: str, limit: int) -> int | None:
    """``text`` as a number under ``limit``, split at its largest group (万亿, 亿, 万):
    a number under 10000 before it, a smaller one after."""
    for unit, size in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
        head, found, tail = text.partition(unit)
        if not found:
            continue
        high = _below(head, 10000) if head else None
        if high is None or high == 0:
            return None
        if tail in _VALUE and tail not in "零〇" and not head.endswith(("零", "〇")):
            low: int | None = _VALUE[tail] * size // 10  # 一万二: 12000
        else:
            low = _below(tail.lstrip("零〇"), size) if tail else 0
        if low is None:
            return None
        whole = high * size + low
        return whole if whole < limit else None
    value = _section(text)
    return value if value is not None and value < limit else None


def _section(text: str) -> int | None:
    """A number under 10000: digits with 千 百 十, zeros in between."""
    total, digit, last = 0, None, 10000
    zero_before = False
    for c in text:
        if c in "零〇":
            if digit is not None:
                return None  # 一零
            zero_before = True
            continue
        if c in _VALUE:
            if digit is not None:
                return None  # 一二
            digit = _VALUE[c]
            continue
        unit = _SMALL.get(c)
        if unit is None or unit >= last or (digit is None and unit != 10 and total == 0):
            return None  # 十百, 万 inside a section, 百 with no digit
        if digit is None and total and not zero_before:
            return None  # 一百十: 一十 inside a number (一千零十 is read as 1010)
        total += (1 if digit is None else digit) * unit
        digit, last, zero_before = None, unit, False
    if digit is not None:
        if 100 <= last < 10000 and not zero_before:
            return total + digit * last // 10  # 一百二: 120, 三千五: 3500
        total += digit
    return total


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"  # I to XXXIX: a part or unit number, never a year


def from_roman(text: str) -> int | None:
    """II -> 2, XIV -> 14 (a Part II, a Unit XIV); None when it is no such number."""
    if not text or not re.fullmatch(ROMAN, text):
        return None
    total = 0
    for char, after in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN[char]
        total += -value if after and _ROMAN[after] > value else value
    return total


# An English page's numbers in words: cardinals as outlines and timetables write them
# (Day one, "ninety minutes", "forty-five minutes") and the ordinals of a run (Day first).
_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")  # fmt: skip
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")  # fmt: skip
ENGLISH: dict[str, int] = {
    **{w: n for n, w in enumerate(_CARDINALS, start=1)},
    **{w: n for n, w in enumerate(_ORDINALS, start=1)},
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
    "forty five": 45, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
