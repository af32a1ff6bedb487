"""How generated documents word things, per language: labels, lengths, dates, and the
Chinese typesetting of text that goes into a zh document. Pure: text in, text out.

Chinese conventions (zh documents only; en documents keep English ones):

* a label is followed by a full-width colon and no space: ``讲师：枫影``;
* user text is never padded with spaces: ``为某3C品牌电商服务部定制``;
* punctuation written in ASCII right after a Chinese character, or right before one
  (``D2C,构建`` ``OMO, 实现``), becomes full-width (``,`` ``:`` ``;`` ``?`` ``!`` →
  ``，`` ``：`` ``；`` ``？`` ``！``), and the space typed after it goes; paired straight quotes become ``“”`` / ``‘’``. What the tool
  writes itself takes full-width brackets (``2026年12月8日（星期二）``, ``2天（每天6小时）``),
  and so does a matched pair of ASCII brackets in the user's text that holds or touches
  Chinese (``枫影(王鸿华)`` → ``枫影（王鸿华）``); ``(AI)`` between Latin words stays;
* a space between two Chinese characters (a folded YAML line) is dropped.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from fractions import Fraction

from ..cjk import is_chinese, is_han
from ..dates import format_date
from ..duration import Duration
from ..minutes import minutes_text

_ASCII_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_TOUCHED = frozenset(" \t,:;?!\"'()")
_PAIR = re.compile(r"\(([^()]*)\)")  # an innermost matched pair of ASCII brackets
_LATIN_QUOTE = re.compile(r"[A-Za-z]'|'[A-Za-z]")


def zh_text(text: str) -> str:
    """User text set for a Chinese document (see the module's list)."""
    if not _TOUCHED.intersection(text):
        return text  # most Chinese text: nothing to do
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        after_chinese = bool(out) and is_chinese(out[-1][-1])
        if ch in " \t" and after_chinese:
            j = i
            while j < n and text[j] in " \t":
                j += 1
            if j < n and is_chinese(text[j]):
                i = j  # a space between two Chinese characters (a folded line) goes
                continue
        elif ch in _ASCII_PUNCT and (after_chinese or _chinese_follows(text, i + 1)):
            spaces = len(out)
            while spaces and out[spaces - 1] in (" ", "\t"):
                spaces -= 1
            if spaces < len(out) and spaces and is_chinese(out[spaces - 1][-1]):
                del out[spaces:]  # 。 ：→ 。：, as a second pass would have it
            out.append(_ASCII_PUNCT[ch])
            i += 1
            while i < n and text[i] in " \t":
                i += 1  # and the space typed after it
            continue
        out.append(ch)
        i += 1
    return _brackets(_quotes("".join(out)))


def _brackets(text: str) -> str:
    """A matched pair of ASCII brackets set full-width where it holds Chinese or stands
    right after a Chinese character; one that holds none and follows none stays."""
    if "(" not in text:
        return text

    def full(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        inner = match.group(1)
        if any(is_chinese(c) for c in inner) or (before and is_chinese(before)):
            return f"（{inner.strip()}）"
        return match.group(0)

    return _PAIR.sub(full, text)


def _chinese_follows(text: str, start: int) -> bool:
    """The next character after any spaces (and an opening quote) is a Chinese character."""
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    if i < len(text) and text[i] in "\"'“‘":
        i += 1
    if i >= len(text):
        return False
    return is_han(text[i])  # an ideograph, not punctuation: a second pass must change nothing


def _quotes(text: str) -> str:
    if text.count('"') and text.count('"') % 2 == 0:
        parts = text.split('"')
        text = parts[0] + "".join(
            ("“" if i % 2 else "”") + part for i, part in enumerate(parts[1:], start=1)
        )
    if text.count("'") and text.count("'") % 2 == 0 and not _LATIN_QUOTE.search(text):
        parts = text.split("'")
        text = parts[0] + "".join(
            ("‘" if i % 2 else "’") + part for i, part in enumerate(parts[1:], start=1)
        )
    return text


def set_text(text: str, language: str) -> str:
    """User text as it goes into a document of ``language``."""
    return zh_text(text) if language == "zh" else text


def facts_gap(language: str) -> str:
    """What stands between labelled facts on one line: two full-width spaces in a zh
    document (an ASCII run would read as a space between Chinese characters)."""
    return "\u3000\u3000" if language == "zh" else "    ·    "


def labelled(label: str, value: str, language: str) -> str:
    """``讲师：枫影`` / ``Instructor: Feng Ying``."""
    return f"{label}：{value}" if language == "zh" else f"{label}: {value}"


def contact_label(key: str, language: str) -> str:
    """A contact key as a reader's label: ``email`` → 邮箱 / Email; others as written."""
    from ..i18n import labels

    return labels("contact", language).get(key.strip().lower(), key.strip())


def date_text(day: dt.date, language: str) -> str:
    return format_date(day, language)


def _number(value: Fraction, language: str) -> str:
    if value == Fraction(1, 2):
        return "半" if language == "zh" else "half a"
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):g}"


def length_text(duration: Duration | None, minutes: int, language: str) -> str:
    """The course's length said once: ``2天（每天6小时）`` ``1天（6小时）`` ``8小时`` /
    ``2 days, 6 h a day`` ``1 day (6 hours)`` ``3 hours``."""
    if duration is None or duration.days is None or duration.minutes_per_day is None:
        return minutes_text(duration.minutes if duration else minutes, language)
    days, per_day = duration.days, duration.minutes_per_day
    if language == "zh":
        if days <= 1:
            return f"{_number(days, 'zh')}天（{minutes_text(duration.minutes, 'zh')}）"
        return f"{_number(days, 'zh')}天（每天{minutes_text(per_day, 'zh')}）"
    if days < 1:
        return f"{_number(days, 'en')} day ({minutes_text(duration.minutes, 'en')})"
    if days == 1:
        return f"1 day ({minutes_text(duration.minutes, 'en')})"
    hours, rest = divmod(per_day, 60)
    a_day = f"{hours} h {rest} min" if rest else f"{hours} h"
    return f"{_number(days, 'en')} days, {a_day} a day"


_NO_BREAK_BEFORE = set("，。、：；！？）》」』”’,.:;!?)]}%·—…")
_NO_BREAK_AFTER = set("（《「『“‘([{")
_GOOD_BREAK_AFTER = set("：:，,、；;—-·｜| ")


def _em(ch: str) -> float:
    """A character's width in em: CJK and full-width 1, Latin about half."""
    if ch == " ":
        return 0.3
    return 1.0 if ord(ch) > 0x2E80 else 0.55


def balanced_lines(text: str, capacity_em: float) -> list[str]:
    """``text`` in as few lines as fit ``capacity_em`` (with a safety margin), broken
    where the lines come out about even — never a one-character last line such as
    "…平台运 / 营" — preferring breaks after punctuation and spaces, never inside a
    Latin word or before closing punctuation."""
    widths = [_em(c) for c in text]
    total, capacity = sum(widths), capacity_em * 0.92
    if total <= capacity or len(text) < 4:
        return [text]
    lines = int(-(-total // capacity))
    allowed = [
        i
        for i in range(1, len(text))
        if text[i] not in _NO_BREAK_BEFORE
        and text[i - 1] not in _NO_BREAK_AFTER
        and not (
            text[i - 1].isascii()
            and text[i - 1].isalnum()
            and text[i].isascii()
            and text[i].isalnum()
        )
    ]
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    cuts, last = [], 0
    for k in range(1, lines):
        target = total * k / lines
        candidates = [i for i in allowed if i > last and prefix[i] - prefix[last] <= capacity]
        if not candidates:
            break

        def cost(i: int, target: float = target) -> float:
            bonus = 1.5 if text[i - 1] in _GOOD_BREAK_AFTER else 0.0
            return abs(prefix[i] - target) - bonus

        best = min(candidates, key=cost)
        cuts.append(best)
        last = best
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]
