"""Outline items as the spec's modules and sections, with times the spec's timing rules
accept.

A page's times do not always add up (a 1-day course whose modules say 7 hours; an
"optional" block after modules that already fill the length). Every time stays on the
block the page gives it, as written; the import says where they disagree, and
``validate`` reports the mismatch at the block.
"""

from __future__ import annotations

from typing import Any

from ..duration import DurationError, parse_duration
from ..i18n import t
from .level import flat_lines
from .outline import Item, span_minutes

MAX_POINTS = 2000  # more items than any block a person teaches; YAML values stay bounded


def minutes(text: object) -> int | None:
    if text is None:
        return None
    try:
        return parse_duration(str(text)).minutes
    except DurationError:
        return None


def node(item: Item, depth: int = 0) -> dict[str, Any]:
    """An outline item as a module or section: children with sub-items or minutes stay
    blocks; the rest become its points (their cases and notes move up with them)."""
    block: dict[str, Any] = {"title": item.title or "TODO: 无标题"}
    if _hours_of_day(item):
        pass  # its sessions' minutes are its time; the hours stay in its notes
    elif item.duration and minutes(item.duration) is not None:
        block["duration"] = item.duration
    elif item.duration:
        item.notes.insert(0, f"页面写的时长：{item.duration}")
    sections, points = [], []
    cases, tools, exercises, notes = (
        list(item.cases),
        list(item.tools),
        list(item.exercises),
        list(item.notes),
    )
    full = _filled(item)
    for child in item.children:
        if full and child.children and not _timed(child):
            # the block's timed parts already take all its time: an untimed item with
            # points is text about it (its point, the rest in notes), never a part
            # validate would find no minutes for
            points.append(child.title)
            notes += flat_lines(child)[1:]
        elif depth >= 1 and _sub_bullets(child):
            # a slide's bullet over its own sub-bullets, inside a section: its points, in
            # order (a section of a section is for parts that are taught, not detail)
            points += [child.title, *(g.title for g in child.children)]
            notes += [n for g in (child, *child.children) for n in g.notes]
        elif child.children or child.duration:
            sections.append(node(child, depth + 1))
        else:
            points.append(child.title)
            cases += child.cases
            tools += child.tools
            exercises += child.exercises
            notes += child.notes
    points = [p for p in points if p]
    if (
        len(points) > MAX_POINTS
    ):  # a dump, not an outline: one text keeps it under the loader's limits
        notes.insert(0, "TODO: 要点过多，保留为文本：\n" + "\n".join(points))
        points = []
    for key, values in (
        ("sections", sections),
        ("points", points),
        ("cases", cases),
        ("tools", tools),
        ("exercises", exercises),
    ):
        if values:
            block[key] = values
    if notes:
        block["notes"] = "\n".join(notes)
    return block


def _hours_of_day(item: Item) -> bool:
    """A day or block whose time is the clock span it runs (第一天（上午9点至下午4点半） ·
    Day 1 (9:00 - 16:30)) over sessions that all have times and add up to less: the
    span holds its breaks and lunch, so the sessions' sum is its time (validate takes
    it), and the span is kept in notes as written."""
    own = minutes(item.duration)
    if own is None or not item.children:
        return False
    parts = [minutes(c.duration) for c in item.children]
    if any(p is None for p in parts):
        return False
    return sum(p for p in parts if p is not None) < own and any(
        span_minutes(note) == own for note in item.notes
    )


def _sub_bullets(item: Item) -> bool:
    """An untimed bullet whose children are untimed bullets with nothing below them."""
    return (
        item.kind.startswith("bullet")
        and not item.duration
        and bool(item.children)
        and all(
            g.kind.startswith("bullet") and not g.children and not g.duration for g in item.children
        )
    )


def _timed(item: Item) -> bool:
    return minutes(item.duration) is not None or any(_timed(c) for c in item.children)


def _filled(item: Item) -> bool:
    """The block's timed children add up to its own time exactly."""
    own = minutes(item.duration)
    timed = [minutes(c.duration) for c in item.children if minutes(c.duration) is not None]
    return own is not None and bool(timed) and sum(t for t in timed if t is not None) == own


def reconcile(
    total: int | None, children: list[dict[str, Any]], owner: dict[str, Any]
) -> list[str]:
    """TODOs where ``children``'s times disagree with ``total`` (the owner's minutes, or
    None). Nothing moves: every time the page publishes stays on its block, as written,
    and ``validate`` reports the mismatch at the block. Recurses."""
    todos: list[str] = []
    for child in children:
        todos += reconcile(minutes(child.get("duration")), child.get("sections", []), child)
    if total is None or not children:
        return todos
    timed = [minutes(c.get("duration")) for c in children]
    stated = sum(t for t in timed if t is not None)
    untimed = any(t is None for t in timed)
    if stated > total or (not untimed and stated != total):
        todos.append(t("import.times-disagree", name=owner.get("title", "课程")))
    return todos


def all_timed(block: dict[str, Any]) -> bool:
    sections = block.get("sections", [])
    return bool(sections) and all("duration" in s or all_timed(s) for s in sections)


def effective(block: dict[str, Any]) -> int | None:
    """A block's minutes: its own, or its sections' sum when all of them are timed."""
    own = minutes(block.get("duration"))
    if own is not None or not block.get("sections"):
        return own
    parts = [effective(s) for s in block["sections"]]
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


def sum_if_timed(modules: list[dict[str, Any]]) -> int | None:
    parts = [effective(m) for m in modules]
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)
