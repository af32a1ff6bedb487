"""``syllabus show``: the outline as a rich tree with minutes and totals."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from ..i18n import language, t
from ..minutes import format_minutes
from ..spec.model import Course
from ..timing.rules import ALLOCATED, DERIVED, UNTIMED, TimedNode, Timing


def _minutes(node: TimedNode) -> Text:
    if node.source == UNTIMED or node.minutes is None:
        return Text(t("tree.untimed"), style="red")
    shown = format_minutes(node.minutes, language())
    if node.source == ALLOCATED:
        return Text(t("tree.allocated", minutes=shown), style="yellow")
    if node.source == DERIVED:
        return Text(t("tree.sum", minutes=shown), style="cyan")
    return Text(shown, style="green")


def _add(tree: Tree, node: TimedNode) -> None:
    label = Text(node.title + "  ")
    label.append_text(_minutes(node))
    if node.node.include:  # brought in by include: say from where
        label.append(f"  ⇐ {node.node.include}", style="magenta")
    branch = tree.add(label)
    for child in node.children:
        _add(branch, child)
    extras = (
        ("· ", node.node.points),
        ("【案例】", node.node.cases),
        ("【工具】", node.node.tools),
        ("【演练】", node.node.exercises),
    )
    for prefix, items in extras:
        for item in items:
            branch.add(Text(f"{prefix}{item}", style="dim"))  # 【案例】 needs no space


def outline_tree(course: Course, timing: Timing) -> Group:
    stated = course.duration.text if course.duration else t("tree.no-length")
    head = Text(course.title, style="bold")
    if course.variant:
        head.append(f" [{course.variant}]")
    head.append(f"  {stated}")
    if timing.minutes is not None:
        shown = format_minutes(timing.minutes, language())
        head.append(t("tree.total", minutes=shown, n=timing.minutes))
    tree = Tree(head)
    for module in timing.modules:
        _add(tree, module)
    timed = sum(m.minutes or 0 for m in timing.modules)
    lang = language()
    written = format_minutes(timing.total_minutes, lang) if timing.total_minutes else "—"
    allocated = format_minutes(timed, lang) if timed else "—"
    footer = Text(t("tree.footer", count=len(timing.modules), written=written, allocated=allocated))
    return Group(tree, footer)
