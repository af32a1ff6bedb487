"""A course's title as course pages state it, or None when the page states none.

Pure. Each rule names the convention it reads, tried in this order (the first that
matches wins); page chrome (price, category, dates, counters) is never a title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from itertools import pairwise

from .conventions import (
    AFTER_OUTLINE,
    APPENDIX_WORDS,
    CHROME,
    EN_KEY_OF,
    GENERIC_TITLE,
    INSTITUTION,
    INSTRUCTOR_LINE,
    KEY_OF,
    LABEL_WORDS,
    STRONG_MARKER,
)
from .traditional import fold

_SUFFIX = re.compile(
    # a modifier before the page's kind goes with it: 行动营详细课程大纲 is 行动营's outline
    r"\s*[·|｜:：\-–—]*\s*(?:详细|完整版?|最新版?|正式|暂定)?\s*(?:课程教学大纲|教学大纲|课程大纲|培训大纲|课程介绍|课程简介|课程详情|PPT课件|课件|大纲|"
    r"教学日历|教学进度表|教学进度计划|授课计划)"
    r"\s*(?:[（(][^（）()]{1,12}[)）])?\s*$"  # (2024版) · （修订）: the document's version
    r"|\s*[·|｜:：\-–—]+\s*(?:培训课程方案|培训方案|课程方案|培训课程)\s*$"  # only when set apart
    r"|[\s·|｜:：\-–—]+(?:日程安排|日程表|日程|议程|课程安排|培训安排|培训日程|课程表)\s*$"  # set apart
    r"|\s+(?i:(?:detailed|full|tentative|draft|sample|complete|final|proposed)\s+)?"
    r"(?i:course outline|syllabus|agenda|course schedule|schedule|timetable|outline)"
    r"(?:\s*[-–—:|(].*)?$"
    # "Negotiation Basics - Course Information": a course page's own heading, set apart
    r"|\s*[-–—|:]\s*(?i:course\s+(?:information|overview|description|details|page|home\s*page))\s*$"
)
# A site names itself beside the course, as a page's <title> does ("Python Bootcamp |
# Acme Academy" · "Acme Academy - Python Bootcamp" · "某某商学院 | 高效沟通" · "高效沟通 - 某某
# 管理咨询"): the part naming an institution or a training site is not the course's.
_SITE = re.compile(
    r"^(?:.*\b(?i:academy|school|centre|center|institute|university|college|"
    r"training\s+(?:ltd|limited|inc|llc|group)|ltd|inc|llc)\.?"
    r"|.*(?:咨询|网校|培训网|学习网|教育网|培训中心|官网|学堂|书院|学院|大学|公司|集团|研究院|协会))$"
)
_SITE_APART = re.compile(r"\s+[|｜]\s+|\s+[-–—]{1,2}\s+|\s+_\s+")
# a tag in brackets before the name: "[PDF] …" · "[课程] …" · "【推荐】…"
_TAG_BEFORE = re.compile(
    r"^[\[【]\s*(?:(?i:pdf|docx?|pptx?|new|hot|free|video)|课程|视频|公开课|内训课?|精品|推荐|热门|直播|"
    r"免费|原创|转载|置顶|新课|好课)\s*[\]】]\s*(?=\S)"
)
# "Total: 18 hours" · "学分：3" · "Date: 12 May": a label and its value, never a title
_LABEL_VALUE = re.compile(r"^[\w \u4e00-\u9fff]{1,20}\s*[:：]\s*(?:约|共|计|~|ca\.?\s*)?\d")
_WHAT_IS = re.compile(r"^(?i:what is|about)\s+(?P<t>[^?？]{2,60})[?？]$")
_BOOK = re.compile(r"^《(?P<t>[^》]{2,40})》\s*(?P<rest>.{0,12})$")
_IN_TEXT = re.compile(
    r"(?:老师的|本课程|课程|本节课)\s*(?:是|为|即|名为)?\s*《(?P<t>[^》]{2,40})》"
    r"|《(?P<u>[^》]{2,40})》\s*(?:课程|培训)"
)
_BREADCRUMB = re.compile(r"\s*[>＞»›/]\s*")
_TEACHER_COLON = re.compile(
    r"^(?P<who>[\u4e00-\u9fff·]{2,5}(?:老师|教授|博士)?(?:主讲)?)\s*[:：]\s*(?P<t>\S.{1,40})$"
)
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
    # a page's own words before a colon ("课程：共12讲", "时间：…"), never a teacher's name
    "课程",
    "培训",
    "主题",
    "内容",
    "时间",
    "地点",
    "对象",
    "形式",
)


_BRACKETED = re.compile(r"^(?P<t>.*?\S)\s*[（(\[【]\s*(?P<l>[^（）()\[\]【】]{1,30}?)\s*[)）\]】]$")
# or set apart after the name: 高效沟通 2天 · 高效沟通 - 2天 · 高效沟通·两天 · "Negotiation
# Basics – 2 Days" · "…, 2 days" · "… | 1 day"
_APART = re.compile(r"\s+[-–—|｜·]\s*|\s*[·,，|｜]\s*|\s+")
_LENGTH_START = re.compile(
    r"^(?:约|共|~|ca\.?\s*)?\d|^[一二两三四五六七八九十半]|^(?i:half|one|two|three|four|five|a)\b"
)
# the words a length is written in, and nothing else ("2 x 3 hours" · 1天(6小时) · half day)
_ONLY_LENGTH = re.compile(
    r"(?i:\d+(?:\.\d+)?|[一二两三四五六七八九十半]|\b(?:half|one|two|three|four|five|a|an|x|and|"
    r"days?|hours?|hrs?|h|minutes?|mins?|each|total|approx)\b|个|天|日|小时|课时|学时|分钟|约|共|每|版|/|"
    r"[\s()（）.,，:：*×~+-])"
)


def _only_length(said: str) -> bool:
    return not _ONLY_LENGTH.sub("", said).strip()


def bracketed_length(title: str) -> tuple[str, str | None]:
    """ "Leadership Essentials (2 days)" · "Excel 数据透视表实战（6课时）" · "… Program
    (4*10 hours)" · 高效沟通【2天】 · 高效沟通 - 2天 · "Negotiation Basics, 2 days": a length
    closing the title line, in brackets or set apart, is the course's, not a word of its
    name. Only a part that reads whole as one length (not "(engl.)", "(2024)", "(2-3天)",
    "(Part 2)", "- Half-Day Workshop"), and not one a word of the name leads to ("Learn
    Python in 2 Days")."""
    from .length import read_length

    if len(title) > 120:
        return title, None  # a title line is short (a run-on line is read in linear time)
    lead = _LENGTH_LEAD.match(title)
    if lead is not None and carries_words(title[lead.end() :]):
        said = (lead.group("z") or lead.group("e")).strip()
        if not _RANGE_SAID.search(said) and read_length(said).minutes is not None:
            return title[lead.end() :].strip(), said  # "Two-Day Course: Negotiation Skills"
    m = _BRACKETED.match(title)
    splits = [(m.group("t"), m.group("l"))] if m else []
    splits += [(title[: a.start()], title[a.end() :]) for a in _APART.finditer(title)]
    for name, said in splits:
        if not carries_words(name) or not said or not _only_length(said):
            continue
        if re.search(r"(?i:\b(?:in|for|over|within|of|about|than|under))$|[内在于近]$", name):
            continue  # "Learn Python in 2 days": the length is a word of the name
        if not _LENGTH_START.match(said) or _RANGE_SAID.search(said):
            continue
        if read_length(said).minutes is None:
            continue
        return name.strip(" :：-—–·,，|｜"), said.strip()
    return title, None


_RANGE_SAID = re.compile(r"\d\s*(?:-|–|~|～|至|到|to)\s*\d")
# or set before it, apart: "Two-Day Course: Negotiation Skills" · "90-Minute Webinar: …" ·
# "One Day Workshop – …" · 【2天】高效沟通
_LENGTH_LEAD = re.compile(
    r"^(?:[【\[]\s*(?P<z>(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半])\s*(?:个)?(?:天|日|小时|课时|学时|分钟))\s*[】\]]"
    r"|(?P<e>(?i:(?:an?\s+)?(?:\d+(?:\.\d+)?|one|two|three|four|five|half|full)[- ]"
    r"(?:day|hour|minute)s?(?:\s+(?:course|workshop|webinar|masterclass|training|session|"
    r"seminar|bootcamp|class|program(?:me)?|intensive))?))\s*(?:[:：]|\s[-–—]))\s*(?=\S)"
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


_PREFIX = re.compile(
    r"^(?i:(?:(?:detailed|draft|tentative|final|sample|full|course|workshop|training|class)\s+)*"
    r"(?:syllabus|agenda|schedule|timetable|outline|programme|program|curriculum|lesson\s+plan))"
    r"\s*(?:(?i:for)(?:\s+(?i:the))?\s+|[:：|｜]\s*|\s+[-–—]\s*)(?=[^\W\d_])"
    r"|^(?:课程教学大纲|教学大纲|课程大纲|培训大纲|大纲|日程安排|日程|议程|课程安排|培训安排|培训方案)"
    r"\s*[:：|｜\-—]\s*(?=[^\W\d_])"
)


# A heading in traditional characters names the page's kind in the same words (課程大綱,
# 日程安排, 講師): the title rules read them folded to simplified (traditional.fold)


# The name's line runs on into a field of the course's (数学  授课教师：邵老师 · "Data Literacy
# Instructor: J. Smith" · 高效沟通 时间：3月5日): the name ends where the field's label begins
_FIELD_AFTER = re.compile(
    r"(?<![\d][.．、])\s+(?:(?:授课|任课|主讲|培训)?(?:教师|老师|讲师)|主讲|授课|上课时间|培训时间|时间|日期|地点|"
    r"学时|课时|学分|对象|(?i:instructors?|teachers?|trainers?|lecturers?|presenters?|dates?|"
    r"time|venue|location|credits?))\s*[:：]\s*\S.*$"
)


def _institution(line: str) -> bool:
    """A letterhead's institution, in capitals too (DEPARTMENT OF COMPUTER SCIENCE)."""
    return bool(INSTITUTION.match(line) or (line.isupper() and INSTITUTION.match(line.lower())))


# A notice or a plan names its training as what it is "about" (关于开展2024年新员工入职培训
# 的通知 · 关于举办“班组长管理能力提升”培训班的通知 · 关于印发《2024年度培训计划》的通知):
# the training is the name, never the notice's words around it
_NOTICE = re.compile(
    r"^关于(?:开展|举办|组织|举行|实施|印发|做好|参加)?(?P<t>.{2,50}?)的(?:通知|实施方案|方案|安排|"
    r"计划|函|公告|报告)$"
)


# A saved page's <title> ends with the site that hosts it, set apart (高效沟通技巧培训 - 百度文
# 库 · 员工激励培训课件_原创力文档 · 时间管理培训 - 道客巴巴 · "Time Management | Coursera" ·
# "… - LinkedIn Learning"): a document or course site, a community, a domain
_HOST_TAIL = re.compile(r"(?:\s*[|｜_]\s*|\s+[-–—]{1,2}\s+)(?P<s>[^|｜_\n]{1,24})$")
_HOST = re.compile(
    r"(?:文库|文档|(?<!联)网|平台|社区|论坛|百科|知乎|博客园?|CSDN|官网|频道|头条|公众号|豆丁|道客巴巴|原创力|"
    r"淘豆|爱问|360doc|个人图书馆)$"
    r"|^(?i:coursera|udemy|edx|linkedin\s+learning|youtube|medium|github|eventbrite|meetup|"
    r"google\s+docs|scribd|slideshare|docsity|course\s+hero|studocu|skillshare|khan\s+academy|"
    r"future\s*learn|pluralsight|udacity|class\s+central|wikipedia|academia\.edu|researchgate)$"
    r"|^[\w-]+(?:\.[\w-]+)*\.(?i:com|cn|org|net|edu|io|co)(?:\.[a-z]{2})?$"
)
# A document's name as a file (新员工入职培训.ppt) and its version in brackets (（完整版）)
_FILE_TAIL = re.compile(
    r"\.(?i:pptx?|docx?|pdf|wps|xlsx?|key)$|\s*[（(](?:完整版|精华版|最新版|修订版|精品|终稿|定稿)[)）]$"
)


# The teacher a trainer's page names beside the course (【王芳老师】… · …——王芳老师 · … | 王芳
# 老师主讲 · 《…》——王芳), a version (V2.0) and the kind of event in brackets after the name
# (【公开课】 · 【内训】): no words of the name
_TEACHER_BESIDE = re.compile(
    r"^[【\[]\s*[\u4e00-\u9fff·]{2,4}(?:老师|教授|博士)\s*[】\]]\s*(?=\S)"
    r"|\s*(?:——|—|--|\s-\s|[|｜])\s*(?:主讲[:：]?\s*)?[\u4e00-\u9fff·]{2,4}(?:老师|教授|博士)(?:主讲)?$"
    r"|(?<=》)\s*(?:——|—|--|-)\s*[\u4e00-\u9fff·]{2,4}$"
    r"|\s+[Vv]\d+(?:\.\d+)+$"
    r"|\s*[【\[](?:公开课|内训课?|精品课?|直播课?|线上课?|线下课?|录播课?|视频课?)[】\]]$"
)


# A date or a term set apart beside the name — in brackets, after a bar, a dash or a
# comma, or a term before a colon (Python Workshop (March 2024) · 高效沟通（2024年3月） ·
# "…, 12 March 2024" · "Spring 2024: Intro to Databases" · 【2024】…): when a date, the
# page's, never a word of the name (a year inside it, "2024 秋季 数据可视化课程", stays)
_DATE_TAIL = re.compile(
    r"(?:\s*[（(](?P<a>[^（）()]{2,30})[)）]|(?:\s*[|｜,，]\s*|\s+[-–—]{1,2}\s+)(?P<b>[^|｜,，]{2,30}))$"
)
_DATE_HEAD = re.compile(
    r"^(?:(?P<a>[^:：]{2,24})\s*[:：]\s*|[【\[](?P<b>[^】\]]{2,16})[】\]]\s*)(?=\S)"
)


def _dated(part: str) -> bool:
    """A part that is a date or a term: a number, and only document words (months, years,
    seasons) around it."""
    when = re.search(
        r"(?<!\d)(?:19|20)\d\d(?!\d)|\d\s*[年月日号]|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?"
        r"|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)"
        r"|(?i:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
        part,
    )
    return when is not None and generic(part)  # (not "Day 1", a block)


def _without_dates(text: str) -> str:
    tail = _DATE_TAIL.search(text)
    if tail and _dated(tail.group("a") or tail.group("b")) and carries_words(text[: tail.start()]):
        text = text[: tail.start()].rstrip()
    head = _DATE_HEAD.match(text)
    if head and _dated(head.group("a") or head.group("b")) and carries_words(text[head.end() :]):
        text = text[head.end() :]
    return text


def _clean(text: str) -> str:
    text = _FIELD_AFTER.sub("", text) if len(text) <= 200 else text  # (a name's line is short)
    text = _TEACHER_BESIDE.sub("", text) if len(text) <= 200 else text
    host = _HOST_TAIL.search(text) if len(text) <= 200 else None
    if host and _HOST.search(host.group("s").strip()) and text[: host.start()].strip():
        text = text[: host.start()]
    while _FILE_TAIL.search(text.strip()) and len(text) <= 200:
        text = _FILE_TAIL.sub("", text.strip())
    notice = _NOTICE.match(text.strip())
    if notice:
        text = re.sub(r"[“”\"「」]", "", notice.group("t"))
    # a document viewer's 标题_第1页 (its pinyin in brackets when the page shows readings)
    text = re.sub(r"[_\s]*第\s*\d+\s*[页頁](?:\([a-zü\u00e0-\u01dc]+\))?$", "", text)
    text = re.sub(r"\s*[-–—(（]\s*(?:draft|草稿|初稿)\s*[)）]?\s*$", "", text, flags=re.I)
    # a form writes the course's kind beside its name: 化工应用数学 选修 · 高等数学（必修课）
    text = re.sub(r"(?<=\S)(?:\s+|\s*[(（])(?:必修|选修|限选|任选|公选)课?[)）]?$", "", text)
    # "Agenda: Python for Analysts" · "Schedule for the Data Camp" · "课程大纲：沟通技巧":
    # the page's kind before the name, set apart
    m = _PREFIX.match(fold(text))  # (matched folded: 課程大綱：… as 课程大纲：…)
    text = text[m.end() :] if m else text
    text = _TAG_BEFORE.sub("", text)
    parts = _SITE_APART.split(text)
    if len(parts) == 2:
        names = [p for p in parts if not (_SITE.match(p) or INSTITUTION.match(p))]
        if len(names) == 1 and title_like(names[0]) and not generic(names[0]):
            text = names[0]
    # 公开课｜非财务经理的财务管理 · "Online Workshop | Writing Clear Emails": the page's kind
    # set apart by a bar from the name
    parts = re.split(r"\s*[|｜]\s*", text)
    if len(parts) == 2 and all(parts):
        names = [p for p in parts if not generic(p)]
        if len(names) == 1 and title_like(names[0]):
            text = names[0]
    # 欢迎参加 Python 训练营 · 欢迎来到…: a greeting before the name
    text = re.sub(r"^欢迎(?:参加|来到|加入|报名)\s*(?=\S)", "", text)
    # "Welcome to the Python Workshop!": a greeting before the name, and its exclamation
    welcome = re.match(r"^(?i:welcome\s+to\s+(?:the\s+)?)(?P<t>[^!！.?]{3,80}?)\s*[!！.]*$", text)
    text = welcome.group("t") if welcome else text
    # "Workshop: Writing for the Web" · "Course: …": the page's word for a course, then its name
    text = re.sub(
        r"^(?i:course|workshop|training|seminar|webinar|class|program(?:me)?|bootcamp)\s*[:：]\s*(?=\S)"
        # (not before a part's number: "Bootcamp: Part One: Fundamentals of …" is named
        # whole, the part of a programme it is)
        r"(?!(?i:(?:part|week|day|module|unit|session|lesson|phase|level|stage|term)\s+"
        r"(?:\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten)\b))"
        # "Workshop title: …" · "Session name: …" · "Topic: …": the name's own label
        r"|^(?i:(?:(?:course|workshop|training|session|class|event|lesson|program(?:me)?)\s+)?"
        r"(?:title|name)|topic)\s*[:：]\s*(?=\S)",
        "",
        text,
    )
    m = _SUFFIX.search(fold(text))
    cut = text[: m.start()] if m else text
    kept = re.match(r"完整课程(?=(?:教学)?(?:大纲|介绍|简介|详情))", m.group(0)) if m else None
    if m and kept and cut:  # Python编程完整课程大纲: "the complete course" is the name's;
        cut += text[m.start() : m.start() + kept.end()]  # 高效沟通课程大纲 names 高效沟通
    if cut and cut != text:  # "Sample X Schedule": the page's kind on both sides of X
        cut = re.sub(r"^(?i:sample|example|draft|tentative|proposed)\s+(?=\S)", "", cut)
    text = cut or text
    book = re.fullmatch(r"《([^《》]{2,40})》", text.strip())  # 课程主题：《…》: the name inside
    text = book.group(1) if book else text
    text = _without_dates(text) if len(text) <= 200 else text
    # an emoji or a symbol set before or after the name ("📌 门店店长训练营 ✨") is no word of it
    while text and unicodedata.category(text[0]) in ("So", "Sk", "Mn", "Cf"):
        text = text[1:].lstrip()
    while text and unicodedata.category(text[-1]) in ("So", "Sk", "Mn", "Cf"):
        text = text[:-1].rstrip()
    return text.strip(" \t:：·|｜-–—")


# "2024 Summer School" then "Course: Negotiation Basics" · "2008 Workshop Structure" then
# "TRACK:- SYSTEM ADMINISTRATION" · 某某公司培训计划 then 培训课程：高效沟通: a line labelled
# with the course's own word names the course; the heading above it names the programme
_COURSE_LABEL = re.compile(
    r"^(?:#+\s*)?(?:\*\*)?(?:(?i:course|track|workshop)|课程|培训课程|课题|培训主题|课程主题)(?:\*\*)?"
    r"\s*[:：]\s*[-–—]?\s*(?P<t>\S.*)$"
)


def _course_labelled(lines: list[str]) -> Title | None:
    """The one head line labelled with the course's own word, when its value is a name."""
    said = [m for m in (_COURSE_LABEL.match(line) for line in lines[:12]) if m]
    if len(said) != 1:
        return None
    text, length = bracketed_length(_clean(label_title(said[0].group("t"))))
    if (
        not title_like(text)
        or generic(text)
        or not carries_words(text)
        or re.match(r"^(?:共|约|第|\d|[a-z])", text)  # 课程：共12讲 · Course: see below
    ):
        return None
    return Title(text, "a line labelled with the course's word", length, said[0].group(0))


def from_head(head: list[str]) -> Title | None:
    """The title among the lines above a course's first label."""
    raw = [line.strip() for line in head if line.strip()]
    meta = _META_TITLE.search(raw[0]) if raw and raw[0].startswith(("/*", "<!--")) else None
    if meta is not None:  # /* Title: '商务礼仪' Date: … */: the page's metadata names it
        keyed = _clean(meta.group("t") or meta.group("u") or "")
        if title_like(keyed) and not generic(keyed):
            return Title(keyed, "the page's metadata block", line=raw[0])
    lines = [_as_heading(line) for line in _visible(raw)]
    found = _course_labelled(lines) or _from_lines(lines)
    if found is None:
        return None
    found = _whole(found, lines)
    # "# Agenda - Control" over "Welcome to the Classical Methods in Control and Planning
    # training!": the page names the course whole in its text, the heading a word of it
    if found.line in lines and found.text:
        named = from_text("\n".join(lines[lines.index(found.line) + 1 :]))
        if (
            named is not None
            and len(named.text) > len(found.text)
            and re.search(
                rf"(?<!\w){re.escape(found.text.casefold())}(?!\w)", named.text.casefold()
            )
        ):
            found = Title(
                named.text, f"{found.rule}, named whole in the text", found.length, found.line
            )
    if found.line in lines:  # the head line as the page wrote it (emit drops it from notes)
        found = replace(found, line=raw[lines.index(found.line)])
    return found


# A saved page's markup leaked into its text: a <style> or <script> block, a line of tags
# only (<div class="hero">), a CSS rule. None of it names a course; a heading's tags
# (<h1>Python Basics</h1>) leave the heading.
_BLOCK_OPEN = re.compile(r"^<(style|script|noscript|template)\b[^>]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->|<![A-Za-z][^>]*>")
_HTML_HEADING = re.compile(r"^<h([1-6])\b[^>]*>(?P<t>.*?)</h\1\s*>$", re.I)
_CSS = re.compile(r"^(?:[^{}]{0,80}\{[^{}]*\}?|\}|[a-z-]+\s*:\s*[^;]{0,60};)$", re.I)


# Markdown's images and badges ([![build](…)](…) · ![banner](…)) show no words of a name;
# a link shows its text ([Schedule](schedule.md) -> Schedule); a bare address none
_MD_IMAGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+|www\.\S+")


def _visible(lines: list[str]) -> list[str]:
    """The lines as the page shows them (one for one): a markup block and a line of tags
    or CSS blanked, tags around a line's words dropped."""
    out: list[str] = []
    closing: str | None = None
    for line in lines:
        if closing is not None:
            out.append("")
            if re.search(rf"</{closing}\s*>", line, re.I):
                closing = None
            continue
        block = _BLOCK_OPEN.match(line)
        if block:
            out.append("")
            if not re.search(rf"</{block.group(1)}\s*>", line, re.I):
                closing = block.group(1)
            continue
        if "](" in line or "://" in line:  # a README's badges, images, links and addresses
            line = _MD_IMAGE.sub("", line)
            line = _MD_LINK.sub(lambda m: m.group(1), line)
            line = _URL.sub("", line).strip()
        heading = _HTML_HEADING.match(line)
        if heading:
            out.append("# " + _TAG.sub("", heading.group("t")).strip())
        elif _CSS.match(line):
            out.append("")
        else:
            out.append(_TAG.sub(" ", line).strip() if _TAG.search(line) else line)
    return out


# A site's furniture above a course, in its general shapes: a menu (a run of short list
# items: "- 首页", "- 请登录", "- Courses"), a row of links or hot searches set apart by
# spaces ("开店流程 赚翻双12 5天学PS 发布宝贝 店铺定位"), a post's tag or byline label
# ("Tags: 杂谈", "分类：管理", "Posted on …"), and a heading that names a page's section
# ("Course Format", "Prerequisites", "课程特色"), never a course
_LIST_ITEM = re.compile(r"^(?:[-*+•·▪◦]\s+|\d{1,2}[.)]\s+)")
_META_LABEL = re.compile(
    r"^(?:#+\s*)?(?:\*\*)?(?:(?i:tags?|categor(?:y|ies)|keywords?|labels?|authors?|"
    r"posted(?:\s+(?:on|in|by))?|published(?:\s+on)?|last\s+(?:updated|modified)|updated(?:\s+on)?|"
    r"filed\s+under|permalink|layout|slug|topics?\s+tags?)|标签|分类|类别|栏目|作者|关键词|关键字|"
    r"来源|出处|发布者|发布人|阅读数?|评论)(?:\*\*)?\s*[:：]"
    r"|^(?i:posted|published|last\s+updated|updated)\s+(?i:on|in|by)\s+\S|^发布于\s*\S"
)
_LINK_ROW_TOKEN = re.compile(r"^(?=.*[\u4e00-\u9fff]).{1,8}$")
_SECTION_OF = re.compile(
    r"^(?:(?:course|workshop|training|class|program(?:me)?)\s+|课程|培训)", re.I
)
_SECTION_WORDS = frozenset(
    [
        *EN_KEY_OF,
        *(w.casefold() for w in APPENDIX_WORDS),
        *AFTER_OUTLINE,
        *KEY_OF,
        *("课程特色", "课程亮点", "课程特点", "课程优势", "常见问题", "报名须知", "报名方式"),
    ]
)


def section_heading(line: str) -> bool:
    """ "Course Format" · "Prerequisites" · "## Course Materials" · "课程特色": a heading that
    names a section of the page (its label's words, "course" before them or not)."""
    text = re.sub(r"^#+\s*|[*_]{2}|^[【\[]|[】\]]$", "", line).strip(" :：").casefold()
    bare = _SECTION_OF.sub("", text).strip()
    return text in _SECTION_WORDS or (bool(bare) and bare in _SECTION_WORDS)


def site_chrome(lines: list[str], at: int) -> bool:
    """The line at ``at`` is the site's, not the course's (see above)."""
    line = lines[at]
    if _LIST_ITEM.match(line):
        near = [lines[i] for i in (at - 1, at + 1) if 0 <= i < len(lines) and lines[i]]
        if any(_LIST_ITEM.match(other) for other in near):
            return True  # one item of a list (a menu, a list of links), not a heading
    tokens = line.split()
    if len(tokens) >= 5 and all(_LINK_ROW_TOKEN.match(t) for t in tokens):
        return True
    if line.startswith(">"):
        return True  # a quoted note (> **Note** This repository is archived): no name
    segments = [p.strip() for p in re.split(r"\s+[|｜·•]\s+", line)]
    if (
        len(segments) >= 3
        and not line.startswith("|")  # a table's row is read as one (a form's name cell)
        and all(0 < len(p.split()) <= 3 and len(p) <= 24 for p in segments)
    ):
        return True  # a row of links: Home | Schedule | Setup · 首页 | 课程 | 讲师 | 联系我们
    return bool(_META_LABEL.match(line)) or section_heading(line)


# "Automation Architect - Jane Doe" · "Jane Doe, Senior Trainer" · "By Jane Doe": who
# teaches or wrote the page. Above any course name, the page names none: no title.
_ROLE = (
    r"(?i:architect|engineer|developer|consultant|trainer|instructor|coach|lecturer|professor|"
    r"manager|director|founder|co-founder|ceo|cto|cio|specialist|analyst|evangelist|scientist|"
    r"designer|facilitator|mentor|advocate|teacher|tutor)s?"
)
_NAME_WORD = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_PERSON = rf"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}"
_BYLINE = re.compile(
    rf"^(?:(?i:by)\s+(?P<a>{_PERSON})"
    rf"|(?:[\w&/.+-]+\s+){{0,4}}{_ROLE}\s*[-–—,|:]\s*(?P<b>{_PERSON})"
    rf"|(?P<c>{_PERSON})\s*(?:[-–—,|]\s*|\s+[-–—]\s*)(?:[\w&/.+-]+\s+){{0,4}}{_ROLE})\s*$"
)
# words of a course's name after a role ("Data Engineer - Career Track"), never a person's
_NOT_A_PERSON = re.compile(
    r"(?i:\b(?:track|path|program(?:me)?|bootcamp|nanodegree|certificat(?:e|ion)|exam|prep|level|"
    r"edition|fundamentals|essentials|basics|advanced|intermediate|beginners?|series|masterclass|"
    r"foundations?|associate|professional|expert|practitioner|training|course|workshop|part|"
    r"online|live|introduction|intro|learning|science|analysis|analytics|design|development|"
    r"management|engineering|programming|skills|leadership|communication|security|testing|"
    r"bootcamp|masterclass|cloud|data|machine|deep|web|mobile|sales|marketing)\b)"
)


def byline(line: str) -> bool:
    """A line naming a person and their role (or "By" a person), not a course."""
    m = _BYLINE.match(line.lstrip("# ").strip())
    if m is None:
        return False
    person = m.group("a") or m.group("b") or m.group("c") or ""
    return not _NOT_A_PERSON.search(person)


_GOES_ON = re.compile(
    r"\s+(?i:is|are|was|will|can|helps?|teaches|gives|provides|offers|lets|makes)\b|\s*[是将为把让使能会可]"
)


# A page's first heading in another dress: **Python Bootcamp** · __X__ · ## X · === X ===
_DRESSED = re.compile(
    r"^(?:\*\*(?P<a>[^*]+)\*\*|__(?P<b>[^_]+)__|#{2,6}\s+(?P<c>.+)|={2,}\s*(?P<d>[^=]+?)\s*={2,})$"
)


def _as_heading(line: str) -> str:
    m = _DRESSED.match(line)
    if m is None:
        return line
    inner = next(g for g in m.groups() if g is not None).strip()
    return f"# {inner}" if title_like(inner) else line  # not "## 第一讲 …", a module


def _whole(found: Title, lines: list[str]) -> Title:
    """A title cut short: the next line states the whole name it begins ("Home > Courses >
    Leadership" then "Leadership for New Managers"; "Python" then "Python and Django
    Training Program"). The whole name is the title."""
    if found.line not in lines or not found.text:
        return found
    at = lines.index(found.line)
    if at + 1 >= len(lines):
        return found
    after = lines[at + 1]
    whole, said = bracketed_length(_clean(after.lstrip("# ")))
    if (
        len(whole) > len(found.text)
        and whole.casefold().startswith(found.text.casefold())
        and not _GOES_ON.match(whole[len(found.text) :])  # "Python is …": a sentence
        and title_like(whole)
        and not generic(after)
        and not CHROME.search(after)
        and not table_row(after)
    ):
        return Title(whole, f"{found.rule}, whole on the next line", said or found.length, after)
    return found


# A heading (# …, a bold or <h2> line) that names a part of the page about the course — its focus, aims, gains,
# highlights, audience, format, time, fees or teachers (培训聚焦方向 · 课程亮点 · 本次培训收益 ·
# "Training Focus" · "Course Highlights") — opens that part: the lines under it are its
# content (cards, aims), never the course's name. (课程介绍 · 课程简介 name the page, which
# may name its course below: those are the page's kind, read by generic.)
_PART_OF_PAGE = re.compile(
    r"^(?:本次|本)?(?:培训|课程|训练营|工作坊|研修班?)[\u4e00-\u9fff]{0,4}?"
    r"(?:方向|目标|背景|收益|价值|特色|亮点|特点|优势|对象|人群|要求|须知|形式|设置|定位|理念|"
    r"思路|重点|意义|成果|产出|费用|讲师|师资|时间|地点)$"
    r"|^(?i:(?:course|training|workshop|program(?:me)?|class)\s+(?:focus|highlights|features|"
    r"benefits|aims|format|structure|at\s+a\s+glance|logistics))$"
)
# A company's slogan heads its deck or page above the course's name: a sentence (a comma
# inside it) or words to the reader (您): 景阳，您可信赖的伙伴 · 专业培训，成就未来
_SLOGAN = re.compile(r"[，,。！!；;]|您")


# A CMS keeps a page's metadata in a comment above it (/* Title: '…' Date: … */, Pico and
# its kind; <!-- title: … -->), which a saved page's reader may run onto one line: its
# title key names the page
_META_TITLE = re.compile(
    r"(?:^|\s)(?i:title)\s*[:=]\s*(?:'(?P<t>[^'\n]{2,80})'|\"(?P<u>[^\"\n]{2,80})\")"
)


# A deck's cover names who presents it and where the company is online, never the course:
# 汇报人：李明 · 主讲人：… · 分享人：… · "Prepared by: …" · "Speaker: …" · www.example.com ·
# training@example.com
_PRESENTER = re.compile(
    r"^(?:#+\s*)?(?:\*\*)?(?:汇报人|主讲人|报告人|演讲人|分享人|讲师|主讲|培训师|授课人|制作人|编制人?|"
    r"编写人?|作者|(?i:presenters?|speakers?|authors?|prepared\s+by|presented\s+by|facilitated\s+by|"
    r"instructors?|trainers?))(?:\*\*)?\s*[:：]"
)
_ADDRESS = re.compile(
    r"^(?:#+\s*)?(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\."
    r"(?i:com|cn|org|net|edu|io)(?:\.[a-z]{2})?)/?$"
)


# A line that ends in its colon leads in to the lines below it ("Introductions:" · "What
# you need:" · 课前准备：): a label, never the course's name
_LEAD_IN = re.compile(r"[:：]\s*(?:\*\*|__)?\s*$")


# A repository's name as its README's heading (ds-bootcamp · intro-to-r · ml_course_2024): a
# slug, which the page's first lines spell out in words, in bold or in quotes
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_BOLD_NAME = re.compile(
    r"\*\*(?P<t>[^*\n]{3,60})\*\*|__(?P<u>[^_\n]{3,60})__|[“\"](?P<v>[^”\"\n]{3,60})[”\"]"
)


def _spelled_out(slug: str, below: list[str]) -> str | None:
    """The name in bold or quotes among the lines under a slug heading that holds the
    slug's last word (ds-bootcamp: the **Data Science Bootcamp**)."""
    last = re.split(r"[-_]", slug)[-1]
    if last.isdigit() or len(last) < 3:
        return None
    for line in below:
        for m in _BOLD_NAME.finditer(line):
            name = (m.group("t") or m.group("u") or m.group("v")).strip()
            words = [w.casefold() for w in re.findall(r"[\w]+", name)]
            if last.casefold() in words and title_like(name) and not generic(name):
                return name
    return None


def _from_lines(lines: list[str]) -> Title | None:
    for at, line in enumerate(lines):
        if line.startswith("#") and (
            _PART_OF_PAGE.match(line.lstrip("# ").strip())
            or (section_heading(line) and not generic(line))
        ):
            return None  # "# 培训聚焦方向" over its cards, "# Learning Objectives" over its
            # aims: a part of the page opens, no name (a page's kind, "# Course Outline",
            # may still have its name below)
        if line.startswith(("/*", "<!--")):
            return None  # a comment (its metadata named no title): no name shown above it
        if not line or site_chrome(lines, at):
            continue  # markup, a menu, a login box, a tag line, a section's heading
        if _LEAD_IN.search(line):
            continue  # "Introductions:" · "Prerequisites:" · 报名方式：: a label over what follows
        if _PRESENTER.match(line) or _ADDRESS.match(line):
            continue  # a deck cover's 汇报人：李明 · "Prepared by: …" · www.example.com
        if re.fullmatch(r"(?i:on|in|for|of|about|and|to|by|with|at)|关于|有关", line):
            continue  # "TRAINING PROGRAMME" / "on" / the name: a heading set over lines
        if line.startswith("# ") and _SLOGAN.search(_clean(line[2:])):
            continue  # "# 景阳，您可信赖的伙伴" over 浅谈DevOps: the company's slogan
        slug = _SLUG.match(line[2:].strip()) if line.startswith("# ") else None
        spelled = _spelled_out(line[2:].strip(), lines[at + 1 : at + 4]) if slug else None
        if spelled is not None:  # "# ds-bootcamp" over "the **Data Science Bootcamp**"
            return Title(spelled, "the name a repository's slug spells out", line=line)
        if byline(line):
            return None  # "Automation Architect - Jane Doe": who teaches, above no name
        cell = _name_cell(line)  # | 课程名称 | Python程序设计 | 课程编号 | 0701 |
        if cell is not None:
            return Title(cell, "a form's name cell", line=line)
        named = _NAME_LABEL.search(line)  # 课程名称（Course Title）：… the reader left whole
        value = label_title(named.group("t") or named.group("u")) if named else ""
        if named and title_like(value) and not generic(value):
            return Title(_clean(value), "a name field in the head", line=line)
        crumbs = _BREADCRUMB.split(line)
        if (  # 首页 > 分类 > 课程名 (not "/* … */", a comment, its last step empty)
            len(crumbs) >= 3 and not re.search(r"[。，,]", line) and carries_words(crumbs[-1])
        ):
            below = lines[at + 1] if at + 1 < len(lines) else ""
            if (  # 首页 > 课程 > 管理技能 over 中层管理者的角色认知: the category, then the page's name
                title_like(below)
                and not generic(below)
                and not re.match(r"^[^:：]{1,12}[:：]", below)  # 讲师：… · Price: …
                and not INSTRUCTOR_LINE.match(below)
                and not CHROME.search(below)
                and not _LEAD_IN.search(below)
                and not site_chrome(lines, at + 1)
                and not table_row(below)
                and _clean(below).casefold() != _clean(crumbs[-1]).casefold()
                and not _clean(below).casefold().startswith(_clean(crumbs[-1]).casefold())
            ):
                file = _FILE_NAME.match(
                    below.lstrip("# ")
                )  # (员工激励技巧培训.pptx: a file's name)
                name = _clean(file.group("t") if file else below.lstrip("# "))
                return Title(name, "the heading under a breadcrumb", line=below)
            return Title(_clean(crumbs[-1]), "a breadcrumb's last step", line=line)
        if (
            CHROME.search(line)
            or _institution(line.lstrip("# "))
            or INSTRUCTOR_LINE.match(line)
            or (
                generic(line)
                and (len(line) > 200 or generic(_clean(line.lstrip("# "))) or not _clean(line))
            )
            or _LABEL_VALUE.match(_FIELD_AFTER.sub("", line) if len(line) <= 200 else line)
            or _CODE_FIELD.match(line)
            or table_row(line)
        ):
            continue  # a contents heading, "Schedule", "… Outline", a table's header row
        if line.startswith("# "):  # Markdown: "# 课程名 · 课程大纲"
            text = _clean(line[2:]) or line[2:].strip()
            if not carries_words(text):
                continue  # "# 📚 课程大纲": a symbol before the page's kind names nothing
            text, said = bracketed_length(text)
            book = re.fullmatch(r"《([^》]{2,40})》", text)
            return Title(book.group(1) if book else text, "a Markdown # heading", said, line)
        what = _WHAT_IS.match(line)  # "What is Python for Beginners?": the course's name
        if what:
            return Title(_clean(what.group("t")), "What is …?", line=line)
        book = _BOOK.match(line)  # 《课程名》 / 《课程名》PPT课件
        if book and (not book.group("rest") or _SUFFIX.fullmatch(book.group("rest"))):
            return Title(book.group("t").strip(), "《课程名》", line=line)
        periods = _TEACHER_PERIODS.match(line)  # 课程名 讲师名 6课时
        if periods:
            return Title(_clean(periods.group("t")), "课程名 讲师名 N课时", periods.group("len"))
        teacher = _TEACHER_COLON.match(line)  # 讲师名:课程名
        if teacher and not STRONG_MARKER.match(line) and teacher.group("who") not in _NOT_A_NAME:
            return Title(_clean(teacher.group("t")), "讲师名:课程名")
        text = _clean(line) or line
        bare, said = bracketed_length(text)
        # a title line above the first label (its length without the page's kind: "Sample
        # Three Day Group Facilitator Training Schedule" names a course as long as any);
        # "Negotiation Basics, 2 days": a name with its length set apart
        if _LIST_ITEM.match(line) and any(lines[:at]):
            return None  # an item of what a line above leads in to ("- a laptop"); a
            # deck's first box, read as a bullet ("- Python Basics"), may name it
        if (
            title_like(line)
            or (title_like(text) and len(line) <= 60)
            or (said is not None and title_like(bare))
        ):
            if not carries_words(bare):
                continue  # "★ ★ ★" · "2024-05": no word, no name
            return Title(bare, "the line above the first label", said, line)
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


# The words a heading uses to name a document, never a course: its kind (outline,
# schedule, 课程大纲, 日程), its status (draft, subject to change, 暂定), its term or date
# (Fall 2022, 2022年秋冬学期), its file type (PDF) and a timetable's column heads (Time,
# Activity, Speaker, 時間, 內容, 講者). A heading made of these words alone names no course
# ("2022年秋冬学期——课程大纲 (subject to change)", "Workshop's Schedule PDF", "Time Activity
# Notes"); one word more is the course's name ("Python 课程大纲", "Leadership Workshop").
_DOC_WORDS_EN = (
    "subject to change", "table of contents", "syllabus", "schedule", "agenda", "outline",
    "overview", "timetable", "programme", "program", "plans?", "contents?", "introduction",
    "intro", "courses?", "class(?:es)?", "workshops?", "training", "sessions?", "lessons?",
    "modules?", "units?", "sample", "example", "draft", "tentative", "preliminary", "final",
    "detailed", "full", "updated", "revised", "tb[ad]", "pdf", "docx?", "pptx?", "pages?",
    "version", "the", "our", "an?", "of", "and", "for", "fall", "spring", "summer", "winter",
    "autumn", "semester", "term", "quarter", "weekly", "daily", "time", "times", "activity",
    "activities", "notes?", "topics?", "speakers?", "presenters?", "dates?", "duration",
    "room", "location", "venue", "description", "details", "information", "welcome", "home",
    "menu", "what", "who", "when", "where", "day", "days", "jan(?:uary)?", "feb(?:ruary)?",
    "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?", "sept?(?:ember)?",
    "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?", "mon(?:day)?", "tue(?:s(?:day)?)?",
    "wed(?:nesday)?", "thu(?:rs(?:day)?)?", "fri(?:day)?", "sat(?:urday)?", "sun(?:day)?",
    "am", "pm", "st", "nd", "rd", "th", "to", "one", "two", "three", "weeks?", "by",
    "readme", "materials?", "resources?", "slides?", "handouts?", "lectures?", "index",
    # the kind of event a page describes, never its subject ("Bootcamp Overview",
    # "In-house Seminar", "Webinar Series"): a name holds a word more
    "bootcamps?", "seminars?", "webinars?", "masterclass(?:es)?", "practicum", "camps?",
    "in-house", "internal", "series", "introductions", "meetings?",
    # its format ("Half-Day Workshop", "Online Seminar", "Hands-on Session")
    "half", "hands-on", "online", "virtual", "in-person", "interactive", "intensive",
    # a timetable's parts of the day and its pauses ("Morning Session", "Lunch Break")
    "morning", "afternoon", "evening", "lunch", "breaks?", "registration", "opening",
    "closing", "wrap-up", "q&a",
    # a syllabus's own kind in British and Australian use ("Module Descriptor", "Unit Guide")
    "descriptor", "handbook", "specification", "guide", "profile", "subjects?",
    # a deck's furniture: its logo's placeholder and its closing slide
    "logo", "thanks", "thank\\s+you",
)  # fmt: skip
_DOC_WORDS = re.compile(
    r"(?i:\b(?:"
    + "|".join(_DOC_WORDS_EN)
    + r")\b)|['’]s\b|v?\d+(?:\.\d+)*(?:st|nd|rd|th)?\s*[年月日号]?"
    r"|(?:计划|安排|日程|进度|汇总|统计)表"  # 培训计划表 · 课程安排表: a sheet's kind
    r"|课程教学大纲|教学大纲|课程大纲|培训大纲|大纲|课程表|日程安排|日程表|日程|议程|课程安排|"
    r"培训安排|安排|课程|培训|教学|方案|计划|简介|介绍|详细|完整版?|最新版?|暂定|草稿|初稿|目录|"
    r"内容|內容|时间|時間|讲者|講者|讲师|講師|主讲|主講|主题|主題|备注|備註|地点|地點|日期|"
    r"学期|學期|学年|學年|秋季|春季|夏季|冬季|秋冬|春夏|上半年|下半年|"
    r"概要|概述|说明|信息|详情|简章|通知|资料|讲义|课件|附件|"
    r"模块|章节|单元|如下|以下|包括|包含|"  # "模块介绍" · "主要内容包括": a list's lead-in
    r"基本|概况|一览|总览|"  # 课程基本信息 · 课程概况: a form's section
    # the kind of event, never its subject: 实训课程大纲 · 内部培训 · 训练营介绍 · 公开课安排
    r"实训|内训|内部|企业|会议|训练营|特训营|集训|研修班?|培训班|工作坊|公开课|讲座|沙龙|研讨会|"
    r"教学日历|教学进度表?|授课计划|"
    r"上午|下午|晚上|午餐|午休|茶歇|签到|报到|开班|结业|"  # a timetable's parts of the day
    r"谢谢|感谢|观看|聆听"  # a deck's closing slide (谢谢观看 · 感谢聆听)
)


def generic(line: str) -> bool:
    """A heading that names a page's kind ("Agenda", "Course Syllabus", "培训方案"),
    never a course."""
    text = fold(re.sub(r"^#+\s*|[*_]{2}", "", line).strip(" :："))
    return bool(
        GENERIC_TITLE.match(text)
        or _KIND_OF_PAGE.match(text)
        or not carries_words(_DOC_WORDS.sub(" ", unicodedata.normalize("NFKC", text)))
    )


def carries_words(text: str) -> bool:
    """A name holds a word: a letter or a CJK character, not only symbols, emoji, numbers
    or dates ("📚", "★★★", "2024-05-12")."""
    return any(unicodedata.category(c).startswith("L") for c in text)


def table_row(line: str) -> bool:
    """A table's row (``| 時間 | 內容 | 講者 |``, or its ``|---|---|`` rule): its cells
    are columns' heads or a row's values, never a course's title. A one-cell row (a sheet's
    merged title cell, ``| Python 入门 |``) is a line like any other."""
    text = line.strip()
    if not (text.startswith("|") or text.endswith("|")):
        return False
    cells = [c.strip() for c in text.strip("|").split("|")]
    return len([c for c in cells if c]) >= 2 or not carries_words(text)


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


# "This course helps new managers." · "We meet on Tuesdays.": an English sentence ends in a
# period after a lower-case word (a name may end in "Inc." or "Vol. 2", never so)
_SENTENCE = re.compile(r"^(?:\S+\s+){3,}[a-z]{2,}\.$")


# 天津某大学教师教学日历1. 上课周数：15周: a form's fields run onto a line by a PDF (a label
# and its number after other words) make no name
_RUN_ON_FIELD = re.compile(r"\S\s*[\u4e00-\u9fff]{2,8}\s*[:：]\s*\d")


def title_like(line: str) -> bool:
    """A line that could name a course: short, no sentence, no numbering or marker."""
    text = re.sub(r"^#+\s*", "", unicodedata.normalize("NFKC", line))  # "## 第一讲 …" too
    return (
        not unreadable(text)
        and 2 <= len(text) <= 40
        and not re.search(r"[。，,；;！!？?]", text)
        and not _SENTENCE.search(text)
        and not _RUN_ON_FIELD.search(text)
        and not STRONG_MARKER.match(text)
        and not re.match(r"^(?:[一二三四五六七八九十]+[、.]|\d+[.、)]|0\d\s|[-*·•>])", text)
    )


# "Welcome to the Python Bootcamp!" · "Welcome to Intro to R." · 欢迎参加《…》 is _IN_TEXT's
_WELCOME = re.compile(
    r"^\s*(?:\*\*)?welcome to (?:the )?(?P<t>[^!.?\n]{3,80}?)\s*[!.]+(?:\*\*)?(?:\s|$)",
    re.I | re.M,
)


# A report or a notice names the class it is about in quotes, its last word the kind of
# class: 举办"第十八期农业新技术培训班" · 开展「班组长管理能力提升训练营」
_QUOTED_COURSE = re.compile(
    r"[“「\"](?P<q>[^”」\"\n，。,]{2,40}?(?:培训班|训练营|研修班|特训营|进修班|工作坊|公开课|"
    r"专题培训|培训课程))[”」\"]"
    # (in English, a name in title case: we ran the "Data Literacy Bootcamp" for …)
    r"|[“\"](?P<e>(?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and|in|to|the|with)\s+)?){1,6}"
    r"(?:Workshop|Bootcamp|Masterclass|Seminar|Training|Course|Academy))[”\"]"
)


# A document-sharing page (文库, a download site) shows the document's file name alone on
# its line, as its heading: 培训计划的实施与管理.ppt · 员工激励技巧培训.pptx · "Time
# Management Workshop.pdf"
_FILE_NAME = re.compile(r"^(?P<t>[^/\\<>|:：]{2,60}?)\.(?i:pptx?|docx?|pdf|wps|key|xlsx?|dps)$")


def from_text(text: str) -> Title | None:
    """刘上老师的《交往艺术沟通策略》课程 · 本课程《…》 · "Welcome to the Data Camp!": the
    course named inside its prose."""
    for line in text.split("\n")[:400]:  # a form's name field the reader set aside
        field = _NAME_LABEL.search(line.strip())  # (课程中文名称：宏观经济学, in the notes)
        value = label_title(field.group("t") or field.group("u")) if field else ""
        if field and title_like(value) and not generic(value):
            return Title(_clean(value), "a name field in the page's text")
    m = _IN_TEXT.search(text)
    if m:
        return Title((m.group("t") or m.group("u")).strip(), "《课程名》 in the page's text")
    # a form's 课程：… line the reader left among the page's first lines (a PDF's header
    # fields run together: 课程：化工应用数学 选修2. 总时数：32学时)
    labelled = _course_labelled([line.strip() for line in text.split("\n")[:12]])
    if labelled is not None:
        return Title(labelled.text, "a line labelled with the course's word, in the text")
    quoted = {
        (q.group("q") or q.group("e")).strip() for q in _QUOTED_COURSE.finditer(text[:20_000])
    }
    if len(quoted) == 1:  # 举办"第十八期农业新技术培训班": a report names the class it is about
        return Title(quoted.pop(), "a class named in quotes in the page's text")
    files = {
        name
        for line in text.split("\n")[:400]
        if (file := _FILE_NAME.match(line.strip()))
        and title_like(name := _clean(file.group("t")))
        and not generic(name)
        and re.search(r"[\u4e00-\u9fff]|\s", name)  # a person's words, not a slug (wk1-intro)
    }
    if len(files) == 1:
        return Title(files.pop(), "the document's file name, alone on its line")
    for welcome in _WELCOME.finditer(text):
        named = welcome.group("t").strip()
        if not GENERIC_TITLE.match(named) and not re.match(
            r"(?i)(?:our|this|my|your)\b|(?:course|training|workshop|class|session|seminar|"
            r"webinar|event|program(?:me)?)$",
            named,
        ):
            return Title(named, "Welcome to … in the page's text")
    return None


# A bilingual form glosses its label in brackets, and the reader may leave the gloss on the
# value: 课程名称(Course): Python语言程序设计 · 课程名称（Course Title）：… · Course name
# (课程名称): … The gloss is the label's, never a word of the name.
_GLOSS = re.compile(
    r"^\s*[(（]\s*(?:(?i:course|subject|module|program(?:me)?|training|workshop|class)?"
    r"\s*(?i:title|name)?|课程名称|课程名|名称|课程)\s*[)）]\s*[:：]?\s*(?=\S)"
)


# A form sets its short fields side by side on one line, apart by spaces or a tab
# (课程名称：Python程序设计    课程编号：0701 · Course Title: Data Science 101    Course
# Code: DS101), or by one space before a field every form has (… 学分：3 · … Credits: 3):
# the name ends where the next field's label begins.
_FORM_FIELD = (
    r"(?:课程编号|课程代码|课程编码|课程号|课程英文名称|英文名称|学分|总学时|学时|课时|课程性质|"
    r"课程类别|课程类型|开课学期|开课单位|开课院系|适用专业|先修课程|授课对象|"
    r"(?i:course\s+(?:code|number|no\.?|id)|code|credits?|credit\s+hours|contact\s+hours|"
    r"hours|semester|term|level|prerequisites?|instructor))"
)
_NEXT_FIELD = re.compile(
    r"(?:\s{2,}|\t|\s*[|｜]\s*)[^\s:：|｜]{1,16}(?:\s+[^\s:：|｜]{1,16})?"
    r"(?:\s*[(（][^()（）]{1,24}[)）])?\s*[:：]"
    rf"|\s+{_FORM_FIELD}(?:\s*[(（][^()（）]{{1,24}}[)）])?\s*[:：]"
    # or a numbered field run onto it by a PDF (化工应用数学 选修2. 总时数：32学时)
    r"|\s*\d{1,2}\s*[.．、]\s*[\u4e00-\u9fff]{2,12}\s*[:：]"
)


def label_value(value: str) -> tuple[str, str]:
    """A 课程名称 label's value as the course's name, and what of the line is not: the
    gloss a bilingual form leaves on it goes, and the form's next field on the same line
    is the rest (kept by the caller, in notes)."""
    m = _GLOSS.match(value)
    if m is not None and m.group(0).strip(" ():：（）"):
        value = value[m.end() :].strip()
    field = _NEXT_FIELD.search(value)
    if field is None or not field.start():
        return value, ""
    return value[: field.start()].strip(), value[field.start() :].strip(" \t|｜")


def label_title(value: str) -> str:
    """A 课程名称 label's value, without the gloss or the next field (see label_value)."""
    return label_value(value)[0]


_HEADING_RANK = re.compile(r"^(#{1,6})\s+\S")
_MARKER_PREFIX = re.compile(
    rf"^{STRONG_MARKER.pattern.lstrip('^')}\s*(?:[:：.、\-–—]\s*|\s+)(?=\S)"
)


_NAME_LABEL = re.compile(
    r"^(?:课程名称|课程名|(?i:course\s+(?:name|title)))\s*[(（][^()（）]{1,24}[)）]\s*[:：]\s*(?P<t>\S.*)$"
    # or a form's name field after another on its line (课程代码：ECON101    课程名称：宏观
    # 经济学), or its Chinese name's field (课程中文名称：…)
    r"|(?:^|\s)(?:课程中文名称|中文名称|课程名称|培训项目名称|项目名称|(?i:course\s+(?:name|title))"
    # a unit's, module's or subject's form (UK and Australian syllabi: Unit Title: …,
    # Module title: …, Subject name: …, Title of the course: …, Name of Training: …)
    r"|(?i:(?:unit|module|subject|programme|program|training|workshop|class)\s+(?:name|title)"
    r"|(?:title|name)\s+of\s+(?:the\s+)?(?:course|unit|module|subject|programme|program|training|"
    r"workshop)))"
    r"\s*(?:[(（][^()（）]{1,24}[)）])?\s*[:：]\s*(?P<u>\S.*)$"
)
# a form's code field (Unit Code: COMP1000 · Course No.: 101 · Module ID: RM501): no name
_CODE_FIELD = re.compile(r"^(?:[A-Za-z]+\s+){0,2}(?i:code|number|no\.?|id)\s*[:：]")


_NAME_CELL = re.compile(
    r"^(?:课程中文名称|中文名称|课程名称|课程名|课程标题|(?i:course\s+(?:title|name)|title))"
    r"\s*(?:[(（][^()（）]{1,24}[)）])?\s*[:：]?$"
)


def _name_cell(line: str) -> str | None:
    """A form set as a table names the course in the cell after its name label: ``| 课程
    名称 | Python程序设计 | 课程编号 | 0701 |`` · ``| Course title | Data Literacy |``."""
    if not table_row(line):
        return None
    cells = [c.strip(" *") for c in line.strip().strip("|").split("|")]
    for label, value in pairwise(cells):
        if _NAME_CELL.match(label) and title_like(value) and not generic(value):
            return _clean(value)
    return None


# A name's facts follow it on the next lines: its date, time, venue or teacher labelled
# (Date: 12 March · 时间：3月5日 · Instructor: …) or its term (Spring 2024 · Tuesdays 6-9 pm).
# A page that opens on its kind (Workshop Agenda, Syllabus, 课程大纲) then a name over its
# facts names the course there.
_FACT = re.compile(
    r"^(?:\*\*|__)?(?:(?i:dates?|time|times|venue|location|where|when|room|instructors?|trainers?|"
    r"presenters?|facilitators?|lecturer|teacher)|日期|时间|地点|讲师|主讲|授课讲师|培训讲师|培训时间|"
    r"培训地点)(?:\*\*|__)?\s*[:：]"
    r"|^(?i:(?:spring|summer|fall|autumn|winter)\s+(?:term\s+|semester\s+)?\d{4}\b)"
)


def over_outline(outline: list[str]) -> Title | None:
    """The outline's opening line, when it stands alone over all the rest and no line of
    the page above names the course: its name. A single session's page heads its plan with
    the session ("### Session 1: Introduction to HTML (3 hours)" over its timed items), a
    code block or a plain list with its subject ("Shell 脚本编程" over 01. … 12.; "Data
    Cleaning in R" over "1. …"). Only when nothing else in the outline is of its rank (no
    second heading; under a plain line, only list items), and it reads
    as a name (not "Contents", "Day 1", "课程内容如下：")."""
    lines = [line.strip() for line in outline if line.strip() and not line.startswith("\0")]
    if len(lines) < 3:
        return None
    first, rest = lines[0], lines[1:]
    rank = _HEADING_RANK.match(first)
    if rank is not None:
        level = len(rank.group(1))
        if any(_HEADING_RANK.match(line) for line in rest):
            return None  # "# 25th October" then "### 26th October": days at mixed levels
        text = first[level:].strip()
    elif (
        len(first) <= 200
        and _FACT.match(rest[0])
        and not _FACT.match(first)
        and not _LIST_ITEM.match(first)
    ):
        text = first  # "Effective Feedback for Team Leads" over "Date: 12 March": its facts
    else:
        if _LIST_ITEM.match(first) or not all(_LIST_ITEM.match(line) for line in rest):
            return None
        text = first
    text = re.sub(r"^(?:\*\*|__)(.+)(?:\*\*|__)$", r"\1", text).strip()
    if (
        text.endswith((":", "："))
        or generic(text)
        or CHROME.search(text)
        or _LABEL_VALUE.match(text)  # "Total: 70 minutes (1 hour, 10 minutes)": a fact
        or _institution(text)
        or INSTRUCTOR_LINE.match(text)
    ):
        return None
    text, said = bracketed_length(_clean(text))
    named = _MARKER_PREFIX.sub("", text)  # "Session 1: Introduction to HTML": its subject
    if named != text and (generic(named) or not carries_words(named)):
        return None
    if not title_like(named) or generic(named) or section_heading(named) or byline(named):
        return None
    return Title(named, "the outline's one opening line", said, first)
