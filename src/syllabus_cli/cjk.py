"""What counts as Chinese text: the one definition, for every reader and writer.

A Han character (an ideograph: the unified block, extension A, the compatibility block)
and, for spacing and punctuation rules, the CJK symbols and full-width forms too.
Comparisons, not regular expressions, for single characters (a character class this
wide takes milliseconds to compile, at every start); the same ranges as a class body
for the patterns that need one.
"""

from __future__ import annotations

HAN = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))
PUNCTUATION = ((0x3000, 0x303F), (0xFF00, 0xFFEF))  # 、。「」 and full-width ：（）１


def is_han(ch: str) -> bool:
    """An ideograph (汉), not punctuation. (The ranges of ``HAN``, written out: this runs
    for every character of every document.)"""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def is_chinese(ch: str) -> bool:
    """A Han character or Chinese (full-width) punctuation (``HAN`` and ``PUNCTUATION``)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0xF900 <= o <= 0xFAFF
    )


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)


HAN_CLASS = _class(HAN)  # for ``[...]`` in a pattern
CHINESE_CLASS = _class((*PUNCTUATION, *HAN))
