"""Rebuild an outline from the numbering instructors write, often all on one line:
``一、`` ``1.`` ``1.1`` ``(1)`` ``第一部分`` ``任务一`` ``模块一`` ``a.`` ``·`` ``-`` and the
【案例】 【工具】 【解析】 blocks, with durations such as ``(40分钟)`` or ``【3小时】任务一``.

Pure: text in, a tree of ``Item`` out. Depth comes from the order markers appear in (a
marker kind seen before closes back to its level, a new kind opens a level), and a
numbered marker only counts when its number continues a sequence — the next sibling of
an open level, or a first item opening a new one. That keeps ``3.5G`` (item 3: "5G…")
and ``1.3G`` (item 1: "3G…") apart from real sub-numbering, and lets a catalog reuse
``1.`` for modules and for their items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cjk import CHINESE_CLASS
from ..duration import DurationError, parse_duration
from ..numerals import from_chinese

CN = "一二三四五六七八九十"

# kind, pattern (group "n": the number; "d": a leading 【3小时】 duration)
_MARKERS: list[tuple[str, str]] = [
    ("task", rf"(?:【(?P<d1>[^】]*?(?:小时|分钟|h|min|天))】\s*)?任务(?P<n1>[{CN}]+)[:：]?"),
    ("part", rf"第(?P<n2>[{CN}]+)部分[:：]?"),
    ("module", rf"(?:模块|板块)(?P<n3>[{CN}]+)[:：]?"),
    ("cn", rf"(?P<n4>[{CN}]+)[、.．]"),
    ("decimal", rf"(?P<n5>\d+\.\d+)(?=[\s{CHINESE_CLASS}（(【\"“])"),
    ("arabic", r"(?P<n6>\d+)[.、．](?!\d+(?:\.\d+)?(?![A-Za-z]))"),  # 1. and 1.3G, not 1.5小时
    ("paren", r"[（(](?P<n7>\d+)[)）]"),
    ("letter", rf"(?P<n8>[a-h])[.)](?=\s*[{CHINESE_CLASS}])"),
    ("bullet", r"(?:[·•▪●◆\-]|(?<=\s)[ln](?=\s))"),
    (
        "bare",
        r"(?P<n9>\d{1,2})(?=\s+[\u4e00-\u9fff])",
    ),  # "模块 标题 内容 1 以用户为中心": table rows as text
]
_LABELS = (
    r"【(?P<label>案例|导入案例|工具|解析|任务解析|注|附\d*|练习|演练|讨论|作业)】"
    r"|(?:(?<=\s)|^)(?P<plain>案例|工具)[:：]"  # 案例:维意定制、华为智慧生活家
)
_TOKEN = re.compile(
    r"(?:(?<=\s)|^|(?<=[。;；!?！？]))(?:"
    + "|".join(f"(?P<{k}>{p})" for k, p in _MARKERS)
    + ")|"
    + _LABELS
)
MAX_DEPTH = 8  # deeper than any outline a person writes; keeps hostile text from nesting forever
_TRAILING_DURATION = re.compile(r"[（(]\s*([^()（）]{1,20}?)\s*[)）]\s*$")


@dataclass
class Item:
    title: str
    kind: str = "root"
    duration: str | None = None
    children: list[Item] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    exercises: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _value(kind: str, raw: str) -> tuple[int, ...]:
    if kind in ("task", "part", "module", "cn"):
        return (from_chinese(raw) or 0,)
    if kind == "decimal":
        return tuple(int(x) for x in raw.split("."))
    if kind == "letter":
        return (ord(raw) - ord("a") + 1,)
    if kind == "bullet":
        return (0,)
    return (int(raw),)


def _follows(previous: tuple[int, ...], value: tuple[int, ...]) -> bool:
    if value == (0,):  # bullets always continue
        return True
    if len(value) == 2:  # 1.2 after 1.1
        return previous[:-1] == value[:-1] and value[-1] == previous[-1] + 1
    return value[0] == previous[0] + 1


def _first(value: tuple[int, ...]) -> bool:
    return value in ((0,), (1,)) or (len(value) == 2 and value[1] == 1)


def split_duration(title: str) -> tuple[str, str | None]:
    """'行业信息分享与洞察(2小时)' -> ('行业信息分享与洞察', '2小时')."""
    m = _TRAILING_DURATION.search(title)
    if m:
        try:
            parse_duration(m.group(1))
        except DurationError:
            return title, None
        return title[: m.start()].rstrip(" :：,，"), m.group(1)
    return title, None


@dataclass
class _Open:
    kind: str
    value: tuple[int, ...]
    item: Item


def parse_outline(text: str) -> Item:
    """The outline under a root ``Item``; text before the first marker is the root's note."""
    root = Item("")
    stack: list[_Open] = []
    target: tuple[Item, str] = (root, "notes")  # where plain text goes
    case_next = 0  # numbering of a list that follows 【案例】, 0 when none
    case_owner: Item | None = None
    position = 0
    pending = ""

    def flush(upto: int) -> None:
        nonlocal pending
        chunk = (pending + text[position:upto]).strip()
        pending = ""
        if not chunk:
            return
        owner, slot = target
        if slot == "title":
            owner.title = (owner.title + " " + chunk).strip() if owner.title else chunk
        else:
            getattr(owner, slot).append(chunk)

    matches = list(_TOKEN.finditer(text))
    for index, match in enumerate(matches):
        label = match.group("label") or match.group("plain")
        if label:
            flush(match.start())
            position = match.end()
            owner = stack[-1].item if stack else root
            slot = {
                "案例": "cases",
                "导入案例": "cases",
                "工具": "tools",
                "练习": "exercises",
                "演练": "exercises",
                "作业": "exercises",
                "讨论": "exercises",
            }.get(label, "notes")
            if slot == "notes":
                pending = f"【{label}】"
            target = (owner, slot)
            case_next, case_owner = (1, owner) if slot == "cases" else (0, None)
            continue
        kind = match.lastgroup or ""
        raw = next((v for k, v in match.groupdict().items() if k.startswith("n") and v), "")
        value = _value(kind, raw)
        # a list numbered from 1 right after 【案例】 lists cases, while it counts on
        level = next(
            (
                i
                for i in range(len(stack) - 1, -1, -1)
                if stack[i].kind == kind and _follows(stack[i].value, value)
            ),
            None,
        )
        if (
            case_owner is not None
            and kind in ("arabic", "paren", "cn")
            and value == (case_next,)
            and not (level is not None and _opens_level(matches, index, kind))
        ):
            flush(match.start())
            position = match.end()
            case_next += 1
            target = (case_owner, "cases")
            continue
        if level is None and (
            not _first(value) or len(stack) >= MAX_DEPTH or sum(o.kind == kind for o in stack) >= 2
        ):
            continue  # not numbering after all (or nesting no outline has): stays in the text
        flush(match.start())
        position = match.end()
        case_next, case_owner = 0, None
        if level is not None:
            del stack[level:]
        parent = stack[-1].item if stack else root
        item = Item("", kind)
        duration = match.group("d1") if kind == "task" else None
        item.duration = duration
        parent.children.append(item)
        stack.append(_Open(kind, value, item))
        target = (item, "title")
    flush(len(text))
    _tidy(root)
    return root


def _opens_level(matches: list[re.Match[str]], index: int, kind: str) -> bool:
    """Is the next marker the first item of a new level? Then this one is an outline item
    with sub-items, not one more case in a list after 【案例】."""
    if index + 1 >= len(matches):
        return False
    following = matches[index + 1]
    other = following.lastgroup or ""
    raw = next((v for k, v in following.groupdict().items() if k.startswith("n") and v), "")
    return (
        bool(other)
        and other not in ("label", "plain", kind)
        and raw != ""
        and _first(_value(other, raw))
    )


def _tidy(item: Item) -> None:
    for child in item.children:
        if child.duration is None:
            child.title, child.duration = split_duration(child.title)
        else:
            child.title = split_duration(child.title)[0]
        child.title = child.title.strip(" :：")
        _tidy(child)
