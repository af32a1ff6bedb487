"""One definition of a Chinese character: the comparison and the pattern class agree on
every character of the Basic Multilingual Plane, and the spec reader and the document
typography use them."""

from __future__ import annotations

import re

from syllabus_cli.cjk import CHINESE_CLASS, HAN_CLASS, is_chinese, is_han
from syllabus_cli.render.wording import zh_text
from syllabus_cli.spec.read import clean_text


def test_the_comparison_and_the_pattern_agree() -> None:
    chinese, han = re.compile(f"[{CHINESE_CLASS}]"), re.compile(f"[{HAN_CLASS}]")
    for o in range(0x10000):
        if 0xD800 <= o <= 0xDFFF:
            continue
        c = chr(o)
        assert is_chinese(c) == bool(chinese.fullmatch(c)), hex(o)
        assert is_han(c) == bool(han.fullmatch(c)), hex(o)
    assert is_han("汉") and is_han("㐀") and is_han("豈") and not is_han("，")
    assert is_chinese("，") and is_chinese("：") and not is_chinese("a")


def test_readers_and_writers_use_it() -> None:
    assert clean_text("课程 名称", folded=True) == "课程名称"  # YAML folding's space, undone
    assert clean_text("豈 課", folded=True) == "豈課"  # compatibility ideographs are Han too
    assert zh_text("课程:内容") == "课程：内容"  # ASCII punctuation between Han: full width
