"""A course's title as course pages state it, or None when the page states none.

Pure. Each rule names the convention it reads, tried in this order (the first that
matches wins); page chrome (price, category, dates, counters) is never a title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .conventions import CHROME, GENERIC_TITLE, INSTRUCTOR_LINE, LABEL_WORDS, STRONG_MARKER

_SUFFIX = re.compile(
    r"\s*[·|｜:：\-—]*\s*(?:课程教学大纲|教学大纲|课程大纲|培训大纲|课程介绍|课程简介|课程详情|PPT课件|课件|大纲)\s*$"
    r"|\s*[·|｜:：\-—]+\s*(?:培训课程方案|培训方案|课程方案|培训课程)\s*$"  # only when set apart
    r"|[\s·|｜:：\-—]+(?:日程安排|日程表|日程|议程|课程安排|培训安排|培训日程|课程表)\s*$"  # set apart
    r"|\s+(?i:course outline|syllabus|workshop agenda|agenda|course schedule|schedule|timetable|outline)"
    r"(?:\s*[-–—:|(].*)?$"
)
# "Total: 18 hours" · "学分：3" · "Date: 12 May": a label and its value, never a title
_LABEL_VALUE = re.compile(r"^[\w \u4e00-\u9fff]{1,20}\s*[:：]\s*(?:约|~|ca\.?\s*)?\d")
_WHAT_IS = re.compile(r"^(?i:what is|about)\s+(?P<t>[^?？]{2,60})[?？]$")
_BOOK = re.compile(r"^《(?P<t>[^》]{2,40})》\s*(?P<rest>.{0,12})$")
_IN_TEXT = re.compile(
    r"(?:老师的|本课程|课程|本节课)\s*《(?P<t>[^》]{2,40})》|《(?P<u>[^》]{2,40})》\s*(?:课程|培训)"
)
_BREADCRUMB = re.compile(r"\s*[>＞»/]\s*")
_TEACHER_COLON = re.compile(r"^(?P<who>[\u4e00-\u9fff·]{2,5}(?:老师)?)\s*[:：]\s*(?P<t>\S.{1,40})$")
# words that open a page's first "X:Y" line without being a teacher's name
_NOT_A_NAME = (
    "引言",
    "前言",
    "导读",
    "摘要",
    "简介",
    "说明",
    "备注",
    "注意",
    "提示",
    "目录",
    "参考",
)


def teacher_colon(line: str) -> bool:
    """讲师名:课程名 — the first line of a page, a short name before the colon and a title
    after it (no sentence punctuation)."""
    m = _TEACHER_COLON.match(line.strip())
    if m is None:
        return False
    return (
        m.group("who") not in _NOT_A_NAME
        and m.group("who") not in LABEL_WORDS
        and title_like(m.group("t"))
    )


_TEACHER_PERIODS = re.compile(
    r"^(?P<t>\S.{1,40}?)\s+(?P<who>[\u4e00-\u9fff·]{2,5}(?:老师)?)\s+(?P<len>(?:约|共)?\s*\d+(?:\.\d+)?\s*(?:课时|学时|小时|天))$"
)


@dataclass(frozen=True)
class Title:
    text: str
    rule: str
    length: str | None = None  # a length written on the title line (课程名 讲师名 6课时)
    line: str = ""  # the head line it came from (dropped from notes when it says no more)


def _clean(text: str) -> str:
    # a document viewer's 标题_第1页 (its pinyin in brackets when the page shows readings)
    text = re.sub(r"[_\s]*第\s*\d+\s*[页頁](?:\([a-zü\u00e0-\u01dc]+\))?$", "", text)
    text = re.sub(r"\s*[-–—(（]\s*(?:draft|草稿|初稿)\s*[)）]?\s*$", "", text, flags=re.I)
    text = _SUFFIX.sub("", text) or text
    return text.strip(" \t:：·|｜-—")


def from_head(head: list[str]) -> Title | None:
    """The title among the lines above a course's first label."""
    lines = [line.strip() for line in head if line.strip()]
    for line in lines:
        crumbs = _BREADCRUMB.split(line)
        if len(crumbs) >= 3 and not re.search(r"[。，,]", line):  # 首页 > 分类 > 课程名
            return Title(_clean(crumbs[-1]), "a breadcrumb's last step", line=line)
        if (
            CHROME.search(line)
            or INSTRUCTOR_LINE.match(line)
            or generic(line)
            or _LABEL_VALUE.match(line)
        ):
            continue  # a contents heading, "Schedule", "… Outline": names no course
        if line.startswith("# "):  # Markdown: "# 课程名 · 课程大纲"
            text = _clean(_SUFFIX.sub("", line[2:])) or line[2:].strip()
            book = re.fullmatch(r"《([^》]{2,40})》", text)
            return Title(book.group(1) if book else text, "a Markdown # heading", line=line)
        what = _WHAT_IS.match(line)  # "What is Python for Beginners?": the course's name
        if what:
            return Title(_clean(what.group("t")), "What is …?", line=line)
        book = _BOOK.match(line)  # 《课程名》 / 《课程名》PPT课件
        if book and (not book.group("rest") or _SUFFIX.fullmatch(book.group("rest"))):
            return Title(book.group("t").strip(), "《课程名》", line=line)
        periods = _TEACHER_PERIODS.match(line)  # 课程名 讲师名 6课时
        if periods:
            return Title(_clean(periods.group("t")), "课程名 讲师名 N课时", periods.group("len"))
        if len(_BREADCRUMB.split(line)) >= 3 and not re.search(
            r"[。，,]", line
        ):  # 首页 > 分类 > 课程名
            return Title(_clean(_BREADCRUMB.split(line)[-1]), "a breadcrumb's last step")
        teacher = _TEACHER_COLON.match(line)  # 讲师名:课程名
        if teacher and not STRONG_MARKER.match(line):
            return Title(_clean(teacher.group("t")), "讲师名:课程名")
        if title_like(line):  # a title line above the first label
            return Title(
                _clean(_SUFFIX.sub("", line)) or line, "the line above the first label", line=line
            )
        return None  # the first real line is text, not a title
    return None


# more names of a page's kind, never of a course: a document's own heading ("培训方案",
# "Lesson Plan"), or one that the suffix rule would cut to a bare word ("Course Syllabus"
# -> "Course", "Detailed Agenda" -> "Detailed")
_KIND_OF_PAGE = re.compile(
    r"^(?:(?:the|our|full|detailed|draft|tentative|final|course|class|training|workshop|"
    r"program(?:me)?|lesson|session|module|unit)\s+)*"
    r"(?:syllabus|agenda|schedule|timetable|outline|overview|plans?|information|details|"
    r"description|welcome)$"
    r"|^(?:培训|教学|课程|授课)(?:方案|计划|大纲|简介|介绍|安排|表|详情|信息|内容|日程)$|^课程表$",
    re.I,
)


def generic(line: str) -> bool:
    """A heading that names a page's kind ("Agenda", "Course Syllabus", "培训方案"),
    never a course."""
    text = re.sub(r"^#+\s*|[*_]{2}", "", line).strip(" :：")
    return bool(GENERIC_TITLE.match(text) or _KIND_OF_PAGE.match(text))


# the scripts a zh or en course page writes its letters in (any other letter in a PDF's
# text layer is a glyph its font maps to the wrong code point)
_SCRIPTS = (
    "LATIN", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "GREEK", "CYRILLIC", "BOPOMOFO",
    "FULLWIDTH", "HALFWIDTH", "IDEOGRAPHIC", "MODIFIER LETTER", "SUPERSCRIPT", "SUBSCRIPT",
)  # fmt: skip


def unreadable(line: str) -> bool:
    """A line holding a letter of a script no zh or en page writes in: a PDF whose fonts
    map glyphs to the wrong code points (第1讲 read as ``ᒫ1拻``, 分 as ``ړ``, 秒 as ``ᑁ``)."""
    for c in line:
        if c.isalpha() and not c.isascii():
            try:
                name = unicodedata.name(c)
            except ValueError:
                return True  # unassigned
            if not name.startswith(_SCRIPTS):
                return True
    return False


def title_like(line: str) -> bool:
    """A line that could name a course: short, no sentence, no numbering or marker."""
    text = unicodedata.normalize("NFKC", line)
    return (
        not unreadable(text)
        and 2 <= len(text) <= 40
        and not re.search(r"[。，,；;！!？?]", text)
        and not STRONG_MARKER.match(text)
        and not re.match(r"^(?:[一二三四五六七八九十]+[、.]|\d+[.、)]|[-*·•>])", text)
    )


# "Welcome to the Python Bootcamp!" · "Welcome to Intro to R." · 欢迎参加《…》 is _IN_TEXT's
_WELCOME = re.compile(
    r"^\s*(?:\*\*)?welcome to (?:the )?(?P<t>[^!.?\n]{3,80}?)\s*[!.]+(?:\*\*)?(?:\s|$)",
    re.I | re.M,
)


def from_text(text: str) -> Title | None:
    """刘上老师的《交往艺术沟通策略》课程 · 本课程《…》 · "Welcome to the Data Camp!": the
    course named inside its prose."""
    m = _IN_TEXT.search(text)
    if m:
        return Title((m.group("t") or m.group("u")).strip(), "《课程名》 in the page's text")
    for welcome in _WELCOME.finditer(text):
        named = welcome.group("t").strip()
        if not GENERIC_TITLE.match(named) and not re.match(
            r"(?i)(?:our|this|my|your)\b|(?:course|training|workshop|class|session|seminar|"
            r"webinar|event|program(?:me)?)$",
            named,
        ):
            return Title(named, "Welcome to … in the page's text")
    return None
