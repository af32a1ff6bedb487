"""Two conventions of decks saved from document-sharing sites (issue 22).

Pinyin ruby flattened into the text: the site prints each character's reading in
brackets right after it. Pages write it half-width (``营(yíng)销``) or full-width
(``培（péi）训``), on titles, headings and body alike. Only a toned syllable right after
a Han character is a reading; ``(AI)``, ``(30分钟)``, ``(a)``, ``(de)`` are the author's.

A flattened deck: the deck on one run-on line, its contents slide the section titles
glued together beside 目录 / 目錄 / CONTENTS (sometimes over two contents slides), each
section slide's title glued to its two-digit number (``服务意识与心态01`` or, English,
``Service Mindset01``). The sections become modules in number order, the text up to the
next section's title their notes; a title the contents list past the last slide shown
(a preview cut short) is kept as a module too. The fixture flat-deck-pinyin.txt covers
the whole import; these tests say what each rule keeps.
"""

from __future__ import annotations

from syllabus_cli.importer.flatdeck import drop_ruby, unflatten_decks


def test_ruby_dropped_half_and_full_width() -> None:
    assert drop_ruby("营(yíng)销SOP与培（péi）训(xùn)") == "营销SOP与培训"


def test_other_brackets_kept() -> None:
    kept = "AI应用(AI)，练习(30分钟)，选项(a)，的(de)，(yíng)开头，abc(yíng)"
    assert drop_ruby(kept) == kept


def test_flat_deck_english_titles_and_later_contents() -> None:
    line = (
        "Service Basics CONTENTS Service MindsetHandling ComplaintsPhone EtiquetteFollow-up"
        "Service Mindset01Every call counts. Handling Complaints02Listen first. "
        "Phone Etiquette03Three rings."
    )
    text = unflatten_decks(line)
    assert "Part 1 Service Mindset\nEvery call counts." in text
    assert "Part 2 Handling Complaints\nListen first." in text
    assert "Part 3 Phone Etiquette\nThree rings." in text
    assert "Part 4 Follow-up" in text  # listed, no slide shown: still a module


def test_numbers_without_contents_left_alone() -> None:
    line = "服务意识01服务是第二产品。投诉处理02倾听共情。电话礼仪03三声之内。"
    assert unflatten_decks(line) == line


def test_huge_run_on_line_without_a_deck_comes_back_whole() -> None:
    line = "目录" + "服务是第二产品。01" * 100_000  # numbers, but no title from the contents
    assert unflatten_decks(line) == line


def test_the_page_around_the_deck_goes_before_its_contents() -> None:
    text = "\n".join(
        [
            "下载本文档",
            "目录甲部分乙部分丙部分甲部分01讲甲。乙部分02讲乙。丙部分03讲丙。",
            "温馨提示",
            "  • 1. 本站资源仅供学习。",
        ]
    )
    lines = unflatten_decks(text).split("\n")
    assert lines.index("温馨提示") < lines.index("目录") < lines.index("Part 3 丙部分")
    assert lines[-1] == "讲丙。"
