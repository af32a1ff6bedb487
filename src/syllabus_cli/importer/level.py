"""Which level of a parsed outline is the course's modules: the blocks a person sees.

A course document is written in two layers. Its sections (an overview, objectives, the
schedule or outline, how it is assessed, what to read) say things *about* the course;
one of them holds the course itself. Trainers' pages, university syllabi, bootcamp
READMEs and decks all write it this way::

    ## 课程简介 / ## 教学内容 / ## 参考资料 / ## 考核方式
    ### Course Overview / ### Ten-Week Schedule / ### Milestones / ### Assessment
    ## 准备工作 / ## 日程

The modules are the blocks inside the section that holds the outline, never the
document's sections. Sections about the course (an appendix, an assessment, a teaching
method, a sentence describing the outline) are kept in the course's notes.

Pure: an ``Item`` tree in, rearranged in place. Nothing is dropped: whatever leaves the
module level goes to the tree's notes, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .catalog import is_appendix
from .conventions import APPENDIX_WORDS, CN, SEGMENT_WORDS, STRONG_MARKER
from .outline import Item, span_minutes
from .outline_lines import DAY_BLOCKS, LIST_KINDS

# The name of a section that holds the outline, whole: "Ten-Week Schedule" · "课程安排" ·
# "四、教学内容及学时分配" · "Course Outline (tentative)". A subject word makes it a module
# ("Content strategy" is a topic, not the outline's section).
_QUALIFIER = (
    r"(?:(?:the|our|course|class|workshop|training|program(?:me)?|lecture|session|weekly|daily|"
    r"detailed|tentative|draft|preliminary|full|final|proposed|overall|sample|example|typical|"
    r"(?:\w+[-\s])?(?:week|day)s?|\d+[-\s]?(?:week|day)s?)\s+)*"
)
_EN_HOLDER = (
    r"(?:schedule|outline|agenda|timetable|syllabus|curriculum|programme|program|topics|"
    r"contents?|plan|calendar|sessions|modules|units|lectures)"
)
_ZH_HOLDER = (
    r"(?:课程|教学|培训|授课|学习|训练营)?"
    r"(?:内容|大纲|安排|日程|议程|目录|计划|进度|进度安排|日程安排|内容安排|时间安排|议程安排|模块|章节|体系|框架|日历|日程表|时间表|模块结构|结构|内容结构|任务|任务安排)"
    r"(?:(?:及|与|和)(?:学时|课时|时间|进度)(?:分配|安排)?)?"
    r"|课程表|课表|培训计划表|教学进度表|课程安排表"
)
_HOLDER = re.compile(
    rf"^(?:[{CN}]+[、.．]\s*|\d+(?:\.\d+)*[.、．]?\s+|第\s*[{CN}\d]+\s*部分\s*[:：]?\s*)?(?:全年|学期|本学期|全期|每周)?"
    rf"(?:(?i:{_QUALIFIER}{_EN_HOLDER}(?:\s+and\s+(?:readings|assignments|topics))?)|{_ZH_HOLDER}|日程)"
    r"\s*(?:[(（][^()（）]{0,30}[)）])?\s*[:：]?$"
)

# Sections about the course, not blocks of it (besides the appendix words): how it is
# taught, what it aims at, who it is for. Only at the module level, only untimed.
_ABOUT_WORDS = (
    *APPENDIX_WORDS,
    "课程简介", "课程介绍", "课程概述", "课程概况", "课程背景", "课程描述", "课程说明", "自我简介",
    "讲师简介", "讲师介绍", "课程目标", "教学目标", "学习目标", "培训目标", "课程收益", "课程特色",
    "教学方法", "教学方式", "授课方式", "培训方式", "教学模式", "学时规划", "学时分配", "课时分配",
    "课程要求", "学习要求", "教学要求", "评分标准", "评分", "成绩", "考核标准", "考试", "作业",
    "教学环境", "注意事项", "联系方式", "适用对象", "课程信息", "基本信息", "核心信息",
    "课程基本信息", "课程核心信息", "course information", "course info", "course details",
    "at a glance", "key information", "key facts",
    "培训对象", "课程对象", "授课对象", "教材与参考资料", "参考教材", "考核与认证",
    "适合人群", "适用人群", "参训对象", "参训人员", "学员对象", "学员收益", "你将收获", "学习收获",
    "培训收益", "课程亮点", "课程价值", "what you'll learn", "what you will learn", "you will learn",
    "takeaways", "key takeaways", "benefits", "who this course is for", "who is this for",
    "course highlights", "why attend",
    "overview", "course overview", "course description", "description", "about", "about this course",
    "objectives", "course objectives", "learning objectives", "learning outcomes", "outcomes",
    "course outcomes", "goals", "teaching methods", "methods", "format", "policies",
    "course policies", "grades", "grading policy", "office hours", "contact", "contacts",
    "textbook", "textbooks", "required texts", "audience", "who should attend", "target audience",
    "期中考试", "期末考试", "期末考核", "期末考查", "结业考核", "结课考核", "final exam",
    "milestones", "deliverables", "exam", "exams", "examination", "logistics", "venue", "location", "code of conduct",
    "概述", "基本情况", "任务准备", "课前准备", "准备工作", "课程特点", "课程优势", "使用指南", "使用说明", "联系我们", "联系信息", "联系资讯", "教师信息",
    "教师介绍", "任课教师", "书籍", "参考书", "推荐学习资源", "推荐资源", "学习资料", "学习成果", "课程成果",
    "技术栈", "技术栈与工具", "学习路径建议", "学习建议", "常见问题", "报名方式",
    "学习费用", "费用", "主办单位", "承办单位", "学员反馈", "学员评价", "connect with us", "contact us",
    "learning resources", "tech stack", "tools and technologies",
)  # fmt: skip
_ABOUT = re.compile(
    rf"^(?:[{CN}]+[、.．]\s*|\d+[.、．]\s*|[（(][{CN}\d]+[)）]\s*)?"
    rf"(?:{'|'.join(re.escape(w) for w in sorted(set(_ABOUT_WORDS), key=len, reverse=True))})"
    r"\s*(?:[(（][^()（）]{0,40}[)）])?\s*[:：]?$"
    r"|^about\s+(?:us|me)\b|^about\s+(?:the|this|our|your)\s+(?:course|workshop|training|"
    r"program(?:me)?|class|bootcamp|seminar|website|site|instructors?|trainers?|authors?|"
    r"organi[sz]ers?|team|company|speakers?|workshops|format|series)\b"  # About the course
    r"|^关于(?:本课程|课程|我们|讲师|作者|打卡|报名|本书)"  # 关于打卡 · 关于我们
    r"|^(?:教材|参考资料|参考书|推荐阅读)(?:和|与|及)",  # 教材和主要参考资料
    re.I,
)


def about(title: str) -> bool:
    """A section about the course (课程简介 · Assessment · 教学方法 · Milestones)."""
    return bool(_ABOUT.match(_plain(title)))


def holds_outline(title: str) -> bool:
    """The name of the section that holds the outline (日程 · Ten-Week Schedule)."""
    return bool(_HOLDER.match(_plain(title)))


def _plain(title: str) -> str:
    return re.sub(r"^[#*_\s]+|[*_\s]+$", "", title).strip()


def _timed(item: Item) -> bool:
    """Carries a time. A bare 分 (课堂表现 10分 under 评分标准) is a score, not minutes."""
    own = bool(item.duration) and not re.fullmatch(r"\s*\d+(?:\.\d+)?\s*分\s*", item.duration or "")
    return own or any(_timed(child) for child in item.children)


def _parts_timed(item: Item) -> bool:
    """A timed block whose parts all carry times of their own."""
    parts = [c for c in item.children if c.children or c.duration]
    return len(parts) >= 2 and all(c.duration for c in parts)


_FACT = re.compile(r"^(?:[^：:\s]{1,8}|[A-Za-z]+(?:\s+[A-Za-z]+){0,2})\s*[：:]")


def _taught_time(item: Item) -> bool:
    """Carries a time that is taught: its own, or a part's; a fact about the course
    (课程周期：5 周 · Duration: 2 days under 课程核心信息) is no part's time."""
    if item.duration and _timed(Item(item.title, duration=item.duration)):
        return True
    return any(_taught_time(c) for c in item.children if not _FACT.match(c.title))


def flat_lines(item: Item) -> list[str]:
    """An item and everything under it as the page's lines, its time back beside its
    title (课堂表现（10分）): what leaves the outline is kept whole in notes."""
    title = f"{item.title}（{item.duration}）" if item.duration else item.title
    lines = [title, *item.notes, *item.cases, *item.tools, *item.exercises]
    for child in item.children:
        lines += flat_lines(child)
    return [line for line in lines if line]


def descend(tree: Item, *, deck: bool = False) -> None:
    """Put the course's blocks at the top of ``tree``: descend into the one section that
    holds the outline (## 日程 beside ## 准备工作). A deck's one section slide over its
    slides is its one module, as the deck's 目录 would list it."""
    for _ in range(3):  # a holder inside a holder (## 课程内容 › ### 日程): at most a few
        if not _descend(tree, deck=deck):
            break


def _descend(tree: Item, *, deck: bool = False) -> bool:
    top = tree.children
    if (
        len(top) == 1
        and (not deck or top[0].kind in DAY_BLOCKS)
        and (
            _blocks_of_its_own(top[0])
            or (
                (not top[0].duration or _parts_timed(top[0]))
                and holds_outline(top[0].title)
                and len(top[0].children) >= 2
            )
        )
    ):
        # one block holding blocks of their own (a one-day course's 第一天, a '## 学习计划'
        # over its weeks, a one-session page's 'Session 1: HTML (3 hours)' over its timed
        # parts): a person sees those blocks as the modules; a block of points only (a
        # deck's one 'Overview' slide) stays the one module it is. The one block's time,
        # unless it is the clock hours its parts and breaks run in, is the course's.
        day = top[0]
        title = f"{day.title}（{day.duration}）" if day.duration else day.title
        tree.notes += [title, *day.notes, *day.cases, *day.tools, *day.exercises]
        tree.children = day.children
        if day.duration and not tree.duration and not any(span_minutes(n) for n in day.notes):
            tree.duration = day.duration
        return True
    if len(top) < 2:
        return False
    taught = [
        c for c in top if not (about(c.title) and _unnumbered(c.kind) and not _taught_time(c))
    ]
    one = taught[0] if len(taught) == 1 else None
    if one is not None and (
        _blocks_of_its_own(one)
        or (  # or, on a page (a deck's one slide of points is its one module), a list
            not deck
            and not one.duration
            and _unnumbered(one.kind)
            and len(one.children) >= 3
            and not any(_taught_time(c) for c in one.children if not c.children)
        )
    ):
        # '## 基本信息' · '## 学习目标' · '## 任务安排' · '## 期末考核': the one section that
        # is not about the course holds its outline, a list of points or blocks of its own
        return _into(tree, one)
    holders = [
        c
        for c in top
        if (len(c.children) >= 2 and holds_outline(c.title) and not _facts_only(c))
        or sum(g.kind == "table" for g in c.children) >= 3  # a section holding a session table
    ]
    if not holders:
        return _open_the_section_holding_it(tree)
    if len(holders) != 1:
        return False
    holder = holders[0]
    others = [c for c in top if c is not holder]
    # the other blocks are the document's sections: untimed and not numbered as modules
    if any(_timed(c) or STRONG_MARKER.match(c.title) for c in others):
        return False
    return _into(tree, holder)


def _open_the_section_holding_it(tree: Item) -> bool:
    """The section holding the outline sits one level down, inside one of the page's
    sections (# About the course › ## Sample Workshop Schedule): that section's blocks
    take its place, its own title and text kept in notes, so the holder is found."""
    inside = [
        c
        for c in tree.children
        if not c.duration
        and re.fullmatch(r"h\d", c.kind)  # a page's section, no block of a numbered run
        and not c.marked
        and not STRONG_MARKER.match(c.title)
        and about(c.title)  # (# About the course: no block of the course's own)
        and any(
            len(g.children) >= 2 and holds_outline(g.title) and not _facts_only(g)
            for g in c.children
        )
    ]
    if len(inside) != 1:
        return False
    section = inside[0]
    at = next(i for i, c in enumerate(tree.children) if c is section)
    tree.children[at : at + 1] = section.children
    section.children = []
    tree.notes += flat_lines(section)
    return True


def _facts_only(item: Item) -> bool:
    """Holds facts about the course only (## 时间安排 over 日期：3月5日 and 地点：总部):
    no outline, whatever its name."""
    return all(_FACT.match(c.title) and not c.children for c in item.children)


def _blocks_of_its_own(item: Item) -> bool:
    """Untimed (or timed over timed parts) and holding two blocks or more: parts, times,
    or headings under its heading."""
    return (not item.duration or _parts_timed(item)) and (
        sum(
            bool(c.children or c.duration or re.fullmatch(r"h\d", c.kind))
            and not c.kind.startswith("bullet")
            for c in item.children
        )
        >= 2
    )


def _into(tree: Item, holder: Item) -> bool:
    """The holder's blocks are the course's; the sections around it, and its own
    title and text, go to notes in the page's order."""
    top = tree.children
    at = next(i for i, c in enumerate(top) if c is holder)  # (by identity: twins compare equal)
    tree.notes += [line for c in top[:at] for line in flat_lines(c)]
    tree.notes += [holder.title, *holder.notes, *holder.cases, *holder.tools, *holder.exercises]
    tree.notes += [line for c in top[at + 1 :] for line in flat_lines(c)]
    tree.children = holder.children
    return True


def sections_to_notes(tree: Item) -> None:
    """Untimed sections about the course among the modules (考核方式 · Assessment), and
    a sentence before them describing the outline: notes. Only when two blocks or more
    stay modules. A numbered block in the modules' own run stays one of them unless it
    is an appendix (七、参考资料 · 7. References), which is never taught; a block a module
    word numbers (Lecture 4: Pricing) is always taught."""
    top = tree.children
    lead = 0
    while (
        lead < len(top)
        and not top[lead].children
        and _unnumbered(top[lead].kind)
        and not re.fullmatch(r"h\d", top[lead].kind)  # (a heading names, even as a question)
        and _describes(top[lead].title)
    ):
        lead += 1
    if any(_describes(c.title) for c in top[lead:]):
        lead = 0  # the blocks are written as sentences too: the first is one of them
    moved = top[:lead] + [
        c
        for c in top[lead:]
        if not _taught_time(c)
        and about(c.title)
        and (_unnumbered(c.kind) or (c.kind in LIST_KINDS and is_appendix(c.title)))
    ]
    # (blocks are told apart by identity: comparing them by value walks their whole
    # subtrees, and a 20,000-row table took a minute)
    seen = {id(c) for c in moved}

    def move(found: Iterable[Item]) -> None:
        for c in found:
            if id(c) not in seen:
                seen.add(id(c))
                moved.append(c)

    move(c for c in top if _no_class(c))
    move(_around_the_run(top))
    move(_around_the_numbered_run(top))
    rows = [c for c in top if c.kind == "table" or re.fullmatch(r"h\d", c.kind)]
    if len(rows) >= 4 and len(rows) * 2 > len(top):
        # a table of sessions is the outline: a short list of leaves in the prose
        # before or after it (the exam's dates, the rooms) is text about the course
        move(
            c
            for c in top
            if (c.kind in LIST_KINDS or c.kind.startswith("bullet"))
            and not c.children
            and not _timed(c)
        )
    if len(top) - len(moved) < 2:
        return
    for child in moved:
        tree.notes += flat_lines(child)
    tree.children = [c for c in top if id(c) not in seen]


# a week or a day the course does not meet: "[No class]" · "No lecture" · "Holiday" ·
# "Reading week" · 放假 · 停课 · 国庆节放假 (its row kept in notes, never a module)
_NO_CLASS = re.compile(
    r"^[\[(（【]?\s*(?:no\s+(?:class(?:es)?|lectures?|sessions?|meeting)|(?:public\s+|bank\s+)?holiday|"
    r"reading\s+week|spring\s+break|fall\s+break|thanksgiving(?:\s+break)?|"
    r"(?:\S{0,6})?放假|停课|休课|无课|节假日)\s*[\])）】]?\s*$",
    re.I,
)


def _around_the_run(top: list[Item]) -> list[Item]:
    """Untimed sections before or after a run of three timed blocks or more, not
    numbered into it and holding no block of their own (a '课程体系总览' table before
    the stages, '课程时间分布' and '课程特色' after them): about the course, not taught."""
    timed = [i for i, c in enumerate(top) if _taught_time(c)]
    if len(timed) < 3 or timed != list(range(timed[0], timed[-1] + 1)):
        return []
    run_kind = top[timed[0]].kind
    return [
        c
        for c in (*top[: timed[0]], *top[timed[-1] + 1 :])
        if c.kind == run_kind
        and re.fullmatch(r"h\d", c.kind)
        and not c.duration
        and not any(g.children or re.fullmatch(r"h\d", g.kind) for g in c.children)
    ]


# the opening and closing blocks a course numbers apart from its run (开场 · 课程总结 ·
# Introduction · Wrap-up · Final project): taught, whatever their number
_OPENING_OR_CLOSING = re.compile(
    rf"^(?:{'|'.join(SEGMENT_WORDS)})|^(?i:intro(?:duction)?s?|welcome|opening|kick-?off|"
    r"wrap[-\s]?up|conclusions?|summary|recap|review|q\s*&\s*a|questions|closing|final\b|"
    r"capstone|project)",
)


def _around_the_numbered_run(top: list[Item]) -> list[Item]:
    """Untimed headings before or after a run its headings number as the course's blocks
    (## 课程概览 · ## 第一阶段：… · ## 第四阶段：… · ## 学习成果 · ## 推荐学习资源): the
    page's sections about the course. An opening or a closing block (## 开场 · ## 课程总结
    · ## Wrap-up) is taught, numbered or not."""
    numbered = [i for i, c in enumerate(top) if _numbered_block(c)]
    if len(numbered) < 2 or len(numbered) * 2 < numbered[-1] - numbered[0] + 1:
        return []
    kinds = {top[i].kind for i in numbered}
    return [
        c
        for c in (*top[: numbered[0]], *top[numbered[-1] + 1 :])
        if (c.kind in kinds or not kinds & {"h1", "h2", "h3", "h4", "h5", "h6"})
        and re.fullmatch(r"h\d|plain", c.kind)
        and not _taught_time(c)
        and not _OPENING_OR_CLOSING.match(_plain(c.title))
        and (about(c.title) or bool(_ABOUT_THE_COURSE.search(_plain(c.title))))
    ]


# words a heading about the course, not a block of it, says (课程概览 · 学习路径建议 ·
# 项目清单 · Context · Roadmap): 综合演练, 结业仪式, 学习成果汇报, Icebreaker say none
_ABOUT_THE_COURSE = re.compile(
    r"概览|总览|总纲|关系图|依赖关系|学习路径|路线图|一张图|清单|一览|建议|推荐|资源|"
    r"(?i:\b(?:context|overview|roadmap|resources|learning path|references|further reading|"
    r"prerequisites)\b)"
)


# what a block's number says when it is no list's: 第一阶段 · 模块二 · Module 3 · Day 1
_LIST_NUMBERS = {"plain", "segment", "root", "table", "cell", "clock", "tableday", "day",
                 "cn", "paren_cn", "decimal", "arabic", "roman", "paren", "letter", "circled"}  # fmt: skip


def _numbered_block(item: Item) -> bool:
    return item.marked or not (
        item.kind in _LIST_NUMBERS or re.fullmatch(r"h\d|bullet.*", item.kind)
    )


def _no_class(item: Item) -> bool:
    """No time and nothing of its own under it (a table row's other cells, 第3周, aside)."""
    return (
        all(c.kind == "cell" and not c.children for c in item.children)
        and not item.duration
        and bool(_NO_CLASS.match(_plain(item.title)))
    )


def _unnumbered(kind: str) -> bool:
    """A heading, a bullet or a plain line: no number puts it in the modules' run."""
    return kind in ("plain", "segment", "root", "table") or bool(
        re.fullmatch(r"h\d|bullet.*", kind)
    )


def _describes(title: str) -> bool:
    """A sentence about the outline before it (目录按…四级组织，…。), not a block."""
    return (
        len(title) > 20
        and bool(re.search(r"[。！？]\s*$|[.!?]$", title))
        and not STRONG_MARKER.match(title)  # 'WK 1: Hello Turing!': a block's name
    )
