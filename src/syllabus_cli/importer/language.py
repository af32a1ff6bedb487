"""The language a course's outline is written in: ``en`` or ``zh``.

Pure. A Chinese page writes English terms inside its Chinese lines (``2. Spring Boot 与
RESTful API``) and lists tools by their English names (``- Redis``); an English page writes
whole lines of English words without a Chinese character, and a site's Chinese chrome, its
labels or a Chinese note are a few lines around them: those do not make it Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z]{2,}")
_TIME = re.compile(r"\d+(?:\.\d+)?\s*(?:个)?(?:分钟|小时|学时|课时|天|周)")
# What a page writes for its machine, never in its language: a saved page's or a Slidev /
# Markdown file's tags with their attributes (<div class="grid gap-4 text-white">), an
# address (https://…, www.example.cn, a mail address) and a link's target (](setup.md))
_MARKUP = re.compile(
    r"<[^<>\n]{0,400}>|https?://\S+|www\.\S+|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}|\]\([^()\n]*\)"
)


def _english_line(line: str) -> bool:
    """A line of two English words or more and no Chinese character (not "- Redis")."""
    return not _CJK.search(line) and len(_WORD.findall(line)) >= 2


def written_in(text: str) -> str:
    """en when the text is English, else zh:

    - a text without one Chinese character, its words English, however few ("Git
      basics", "- Bash");
    - English words outweighing Chinese characters (one word for one and a half: a
      Chinese page quoting a few English terms stays zh), when one line at least is
      English (every line holding Chinese: English names quoted in a Chinese outline,
      "2. MyBatis 持久层"); a line of one name ("- Redis") is not counted, and a time's
      unit (45分钟) is no Chinese;
    - or English lines (two words or more, no Chinese character) at least twice as many as
      the lines holding Chinese, and three at least: an English outline under a Chinese
      heading, note or column heads."""
    text = _TIME.sub(" ", text)  # "Module 1: Intro（45分钟）": a time's unit is no Chinese line
    text = _MARKUP.sub(" ", text)  # <div class="p-4 text-white">: markup is no language
    cjk = len(_CJK.findall(text))
    if cjk == 0:
        return "en" if _WORD.search(text) else "zh"
    lines = [line for line in text.split("\n") if line.strip()]
    # a line of one name (- Redis · - Docker) is no language: its word is not counted
    words = sum(
        len(found) for line in lines if len(found := _WORD.findall(line)) >= 2 or _CJK.search(line)
    )
    english = sum(_english_line(line) for line in lines)
    chinese = sum(bool(_CJK.search(line)) for line in lines)
    if english and words >= 3 and words * 1.5 > cjk:
        return "en"
    return "en" if english >= 3 and english >= 2 * chinese else "zh"


def course_language(outline: Iterable[str], text: str, labels: Iterable[str]) -> str:
    """The outline's language when the outline says it (a Chinese character, or three
    English lines); else the page's, its labels' words aside (课程大纲： over an English
    list is a label, not the course's language)."""
    body = _MARKUP.sub(" ", "\n".join(line for line in outline if not line.startswith("\0")))
    lines = body.split("\n")
    if _CJK.search(body) or sum(_english_line(line) for line in lines) >= 3:
        return written_in(body)
    if len(body.strip()) >= 20 and _WORD.search(body):
        return written_in(body)
    for label in sorted(labels, key=len, reverse=True):
        text = text.replace(label, "")
    return written_in(text)
