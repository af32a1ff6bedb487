"""Durations as instructors write them, in Chinese or English, to whole minutes.

Pure: text in, a ``Duration`` or a ``DurationError`` out. Accepted forms include
``40分钟`` ``40min`` ``40 minutes`` ``2h`` ``2小时`` ``1.5小时`` ``2h30m`` ``2小时30分钟``
``半小时`` ``一个半小时`` ``一天(8小时)`` ``1天(6h/天)`` ``2天(6h/天)`` ``0.5天`` ``半天``
``1 day (5h50)`` ``2天(9小时15分钟)`` (hours and minutes in the brackets),
``2 days (6h/day)``, ``6课时`` ``6学时`` (a period as one hour), Chinese numerals
(一 … 一百二十 … 一亿, 两, 半), full-width digits and
brackets. A day is 6 teaching hours unless the text states otherwise.

Bounded, so that nothing downstream (timing, the agenda's day-by-day layout) ever sees
an absurd length: a day holds at most 24 hours, and no duration is longer than a course
may be, 60 days of 24 hours. The excess is a ``duration-limit`` error, found before any
large number is even converted.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from .i18n import Msg, msg
from .minutes import describe as describe  # re-exported: callers spell it duration.describe
from .minutes import format_minutes as format_minutes
from .numerals import NUMERAL_CHARS, from_chinese

DEFAULT_HOURS_PER_DAY = 6
MAX_DAYS = 60  # the longest course: a two-month programme is already rare
MAX_HOURS_PER_DAY = 24
MAX_MINUTES = MAX_DAYS * MAX_HOURS_PER_DAY * 60  # 1440 h: no duration is longer
_MAX_DIGITS = 7  # a number with more digits than this is past every limit (or a typo)
_LONG_NUMBER = re.compile(rf"\d{{{_MAX_DIGITS + 1},}}")

# User-facing messages of this module: i18n/en.py and zh.py, keys "duration.*".


@dataclass(frozen=True)
class Duration:
    minutes: int
    text: str
    days: Fraction | None = None  # set when the text is written in days
    hours_per_day: Fraction | None = None  # stated ("6h/天") or the default, for day forms

    @property
    def minutes_per_day(self) -> int | None:
        if self.hours_per_day is None:
            return None
        return int(self.hours_per_day * 60)


class DurationError(ValueError):
    """The text is not a duration; ``code`` says which rule it broke."""

    def __init__(self, code: str, message: Msg) -> None:
        from .i18n import render

        self.code = code
        self.words = message
        super().__init__(render(message, "en"))


_CN_NUMBER = re.compile(f"[{NUMERAL_CHARS}]+")

_NUM = r"(\d+(?:\.\d+)?|半)"
_UNIT_DAY = r"(?:天|日|days?|d)"
# 课时 / 学时: a teaching period, one hour as corporate training counts it (a school's
# 45-minute period is written out: "6课时(4.5小时)" or the minutes)
_UNIT_HOUR = r"(?:个?小时|个?钟头|个?课时|个?学时|h|hrs?|hours?)"
_UNIT_MIN = r"(?:分钟|分|m|mins?|minutes?|'|’|′)"  # 15' · 15’: minutes, as Europe writes them

_DAYS = re.compile(rf"^{_NUM}\s*{_UNIT_DAY}(?:\((.*)\))?$")
_PER_DAY = re.compile(rf"^{_NUM}\s*{_UNIT_HOUR}\s*(/\s*{_UNIT_DAY}|每{_UNIT_DAY}|perday)?$")
_HOURS_MINUTES = re.compile(
    rf"^(?:(\d+(?:\.\d+)?)(个半)?\s*{_UNIT_HOUR})?\s*(?:(\d+(?:\.\d+)?)\s*{_UNIT_MIN})?$"
    rf"|^(\d+(?:\.\d+)?)\s*{_UNIT_HOUR}\s*(\d+)$"  # 1h30, 1小时30
)
_EACH_DAY = re.compile(rf"\s*(?:/\s*{_UNIT_DAY}|每{_UNIT_DAY}|perday)$")
_HALF_HOUR = re.compile(rf"^半\s*{_UNIT_HOUR}$")


def _cn_to_int(text: str) -> str:
    """十五 -> 15, 一百二十 -> 120, 两 -> 2; inside a longer text (numerals.py reads them)."""

    def convert(match: re.Match[str]) -> str:
        value = from_chinese(match.group(0))
        return match.group(0) if value is None else str(value)

    return _CN_NUMBER.sub(convert, text)


# the unit words as traditional Chinese writes them (30分鐘 · 2小時 · 3學時 · 一個半小時)
_TRADITIONAL = str.maketrans("鐘時學課個兩", "钟时学课个两")


def normalise(text: str) -> str:
    """Full-width to half-width, Chinese numerals to digits, brackets and spaces tidied."""
    s = unicodedata.normalize("NFKC", text).strip().lower().translate(_TRADITIONAL)
    s = s.replace("【", "(").replace("】", ")").replace("[", "(").replace("]", ")")
    s = s.replace("个半", "\0")  # keep 一个半小时 apart from 半 alone
    s = _cn_to_int(s)
    s = s.replace("\0", "个半")
    s = re.sub(r"^(\d+)\s*天半", r"\1.5天", s)  # 一天半 · 两天半: a day and a half
    if re.fullmatch(r"\([^()]*\)", s):  # 【3小时】 as the whole text
        s = s[1:-1]
    s = re.sub(r"\s*\(\s*", "(", s)
    s = re.sub(r"\s*\)\s*", ")", s)
    s = s.replace("per day", "perday").replace("a day", "perday")
    return re.sub(r"\s+", " ", s)


def _number(s: str) -> Fraction:
    return Fraction(1, 2) if s == "半" else Fraction(s)


def _whole_minutes(value: Fraction, text: str) -> int:
    if value <= 0:
        raise DurationError("duration-value", msg("duration.not-positive", text=text))
    if value.denominator != 1:
        raise DurationError(
            "duration-value",
            msg("duration.fractional", minutes=float(value), text=text),
        )
    return int(value)


def _hours_minutes(s: str) -> Fraction | None:
    if _HALF_HOUR.match(s):
        return Fraction(30)
    m = _HOURS_MINUTES.match(s)
    if m and m.group(4):
        return Fraction(m.group(4)) * 60 + Fraction(m.group(5))
    if not m or not (m.group(1) or m.group(3)):
        return None
    hours = Fraction(m.group(1)) if m.group(1) else Fraction(0)
    if m.group(2):
        hours += Fraction(1, 2)
    minutes = Fraction(m.group(3)) if m.group(3) else Fraction(0)
    return hours * 60 + minutes


@functools.lru_cache(maxsize=4096)
def parse_duration(text: str) -> Duration:
    """Parse a duration; raise ``DurationError`` quoting the text when it is not one.

    Pure, so cached: a catalog repeats the same few durations thousands of times."""
    raw = text
    s = normalise(text)
    if not s:
        raise DurationError("duration-format", msg("duration.empty"))
    if re.fullmatch(r"-?\d+(\.\d+)?", s):
        raise DurationError("duration-unit", msg("duration.no-unit", text=raw, number=s))
    if s.startswith("-"):
        raise DurationError("duration-value", msg("duration.not-positive", text=raw))
    if _LONG_NUMBER.search(s):
        shown = raw if len(raw) <= 30 else raw[:30] + "…"
        raise DurationError("duration-limit", msg("duration.number-too-long", text=shown))

    days_match = _DAYS.match(s)
    if days_match:
        days = _number(days_match.group(1))
        hours_per_day = Fraction(DEFAULT_HOURS_PER_DAY)
        inner = days_match.group(2)
        if inner is not None:
            per = _PER_DAY.match(inner)
            each = _EACH_DAY.search(inner)  # 1天(5h50/天): hours and minutes a day
            clock = _hours_minutes(inner[: each.start()] if each else inner) if not per else None
            if not per and clock is None:
                raise DurationError(
                    "duration-format",
                    msg("duration.hours-unreadable", text=raw),
                )
            hours = _number(per.group(1)) if per else (clock or Fraction(0)) / 60
            # "2天(6h/天)" states hours a day; "一天(8小时)" states the total.
            hours_per_day = hours if (per and per.group(2)) or each or days == 0 else hours / days
        if days <= 0 or hours_per_day <= 0:
            raise DurationError("duration-value", msg("duration.not-positive", text=raw))
        if days > MAX_DAYS:
            raise DurationError(
                "duration-limit", msg("duration.too-many-days", text=raw, days=MAX_DAYS)
            )
        if hours_per_day > MAX_HOURS_PER_DAY:
            raise DurationError(
                "duration-limit", msg("duration.day-too-long", text=raw, hours=float(hours_per_day))
            )
        minutes = _whole_minutes(_bounded(days * hours_per_day * 60, raw), raw)
        return Duration(minutes, raw, days=days, hours_per_day=hours_per_day)

    total = _hours_minutes(s)
    if total is None:
        raise DurationError(
            "duration-format",
            msg("duration.unreadable", text=raw),
        )
    return Duration(_whole_minutes(_bounded(total, raw), raw), raw)


def _bounded(minutes: Fraction, text: str) -> Fraction:
    if minutes > MAX_MINUTES:
        raise DurationError(
            "duration-limit",
            msg("duration.too-long", text=text, days=MAX_DAYS, hours=MAX_MINUTES // 60),
        )
    return minutes
