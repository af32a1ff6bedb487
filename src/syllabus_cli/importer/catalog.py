"""A catalog text cut into courses, and each course into its labelled sections.

Section labels in their several spellings — 【课程背景】, 课程背景:, 一、课程概述 — map to
spec keys; any other 【label】 before the outline is kept (as a note), never dropped.
The first course may be preceded by a page header about the instructor (name, title,
motto), which becomes an instructor profile.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "background": (
        "课程背景",
        "课程概述",
        "课程介绍",
        "课程简介",
        "场景问题",
        "培训背景",
        "工作坊主旨",
    ),
    "outcomes": ("课程收获", "课程收益", "课程目标", "培训目标", "学员收获"),
    "audience": (
        "课程对象",
        "授课对象",
        "参与人员",
        "培训对象",
        "适合对象",
        "适用对象",
        "学员对象",
    ),
    "duration": ("课程时长", "授课时长", "课程时间", "培训时长", "课程时数"),
    "outline": ("课程大纲", "课程纲要", "课程内容", "培训大纲", "课程提纲"),
    "format": ("授课方式", "授课形式", "培训方式", "课程形式"),
    "title": ("课程名称", "课程标题", "课题"),
}
_KEY_OF = {label: key for key, labels in SECTION_LABELS.items() for label in labels}
_KNOWN = "|".join(sorted(_KEY_OF, key=len, reverse=True))
_SECTION = re.compile(
    rf"【\s*(?P<b>{_KNOWN})\s*】[:：]?"  # 【课程背景】
    rf"|(?:(?<=\s)|^)(?:[一二三四五六七八九十]+、\s*)?(?P<p>{_KNOWN})\s*(?:[:：]|(?=\s))"  # 课程背景: / 一、课程概述
    r"|【(?P<other>[^】]{2,8})】"  # any other label, kept as a note before the outline
)
DEFAULT_SEPARATOR = "联系老师 培训咨询"


@dataclass
class Course:
    text: str
    number: int  # 1-based, in the source
    sections: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    preamble: str = ""  # text before the first label


@dataclass
class Header:
    name: str
    title: str = ""
    motto: str = ""


def split_courses(text: str, separator: str = DEFAULT_SEPARATOR) -> list[str]:
    """Chunks between separator lines (a line holding just the separator text)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks: list[list[str]] = [[]]
    for line in lines:
        if separator and line.strip() == separator.strip():
            chunks.append([])
        else:
            chunks[-1].append(line)
    return ["\n".join(c).strip() for c in chunks]


def fingerprint(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()


def is_course(text: str) -> bool:
    """A chunk with at least one section label, or a numbered outline."""
    if any(m.group("b") or m.group("p") for m in _SECTION.finditer(text)):
        return True
    return bool(re.search(r"(?:^|\s)(?:[一二三四五六七八九十]+、|1[.、]\s*\S+.*\s2[.、])", text))


def take_header(chunk: str) -> tuple[Header | None, str]:
    """Lines before the first course content that describe the instructor."""
    lines = [line.strip() for line in chunk.split("\n")]
    start = next((i for i, line in enumerate(lines) if line and is_course(line)), None)
    head = [line for line in lines[:start] if line and not line.isdigit()] if start else []
    if start is None or len(head) < 2:
        return None, chunk
    rest = "\n".join(lines[start:])
    name = ""
    for line in head:
        m = re.search(r"(?:找讲师\s*)?(\S+?)的课程$", line)
        if m:
            name = m.group(1)
            break
    if not name:
        name = min(
            (line for line in head if len(line) <= 20), key=len, default=head[0]
        ).removesuffix("老师")
    short = [
        line
        for line in head
        if len(line) <= 24
        and name not in line
        and not line.endswith("老师")
        and not line.isdigit()
        and "的课程" not in line
    ]
    long = [line for line in head if len(line) > 24 and "的课程" not in line]
    return Header(name, short[0] if short else "", max(long, key=len) if long else ""), rest


def read_sections(chunk: str, number: int) -> Course:
    course = Course(chunk, number)
    matches: list[tuple[re.Match[str], str | None]] = []
    in_outline = False
    for m in _SECTION.finditer(chunk):
        if in_outline:
            break  # labels inside the outline (【案例】…) belong to the outline
        if m.group("other"):
            matches.append((m, None))
            continue
        key = _KEY_OF[m.group("b") or m.group("p")]
        matches.append((m, key))
        in_outline = key == "outline"
    if not matches:
        course.preamble = chunk.strip()
        return course
    course.preamble = chunk[: matches[0][0].start()].strip()
    for index, (m, section) in enumerate(matches):
        end = matches[index + 1][0].start() if index + 1 < len(matches) else len(chunk)
        body = chunk[m.end() : end].strip()
        if section is None:
            course.notes.append(f"{m.group(0)} {body}".strip())
        elif section in course.sections:
            course.sections[section] += "\n" + body
        else:
            course.sections[section] = body
    return course


def split_list(text: str) -> list[str]:
    """'1. 甲 2. 乙' / '- 甲 - 乙' / 'n 甲 n 乙' / '甲、乙' -> ['甲', '乙'] (one item when unmarked)."""
    text = re.sub(r"^本课程适宜于[:：]\s*", "", text.strip())
    parts = re.split(r"(?:^|\s)(?:\d+[.、．]|[-·•]|[ln](?=\s))\s*", text)
    items = [p.strip(" ;；。") for p in parts if p.strip(" ;；。")]
    return items if len(items) > 1 else [text.strip(" ;；")] if text.strip() else []
