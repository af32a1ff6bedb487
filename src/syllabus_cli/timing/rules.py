"""Timing rules: minutes must add up at every level of the outline.

Pure: a ``Course`` in, a ``Timing`` out (every node's minutes and where they came from,
plus the problems). The course is the root of the outline and follows the same rules
as any module:

* a node whose children are all timed must equal their sum exactly (``sum-mismatch``
  when short, ``over-full`` when over);
* a node with untimed children spreads its positive remainder over them (``unallocated``
  warning naming them); no remainder left is ``over-full``;
* a node without a duration whose children are all timed takes their sum;
* a course with no stated length takes the sum of its modules (``no-duration``
  warning), and cannot be timed at all when a module is untimed too (``untimed``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Listing, Minutes, Msg, msg
from ..problems import Mark, Problem, error, reworded, warning
from ..spec.model import Course, Node

STATED, DERIVED, ALLOCATED, UNTIMED = "stated", "derived", "allocated", "untimed"


@dataclass(frozen=True)
class TimedNode:
    node: Node
    minutes: int | None
    source: str  # stated | derived | allocated | untimed
    children: tuple[TimedNode, ...]

    @property
    def title(self) -> str:
        return self.node.title


@dataclass(frozen=True)
class Timing:
    minutes: int | None  # the course's teaching minutes once rules applied
    source: str
    stated_minutes: int | None  # as written on the course
    total_minutes: int  # sum of durations written on the top-level modules
    modules: tuple[TimedNode, ...]
    problems: tuple[Problem, ...]

    def sessions(self) -> list[TimedNode]:
        """The deepest timed nodes, in outline order: the agenda's sessions."""
        out: list[TimedNode] = []

        def visit(node: TimedNode) -> None:
            if node.children and all(c.minutes is not None for c in node.children):
                for child in node.children:
                    visit(child)
            elif node.minutes is not None:
                out.append(node)

        for module in self.modules:
            visit(module)
        return out


def _effective(node: Node) -> int | None:
    if node.duration is not None:
        return node.duration.minutes
    if node.children:
        minutes = [_effective(c) for c in node.children]
        if all(m is not None for m in minutes):
            return sum(m for m in minutes if m is not None)
    return None


def _names(nodes: list[Node]) -> Listing | Msg:
    shown = Listing(n.title if len(n.title) <= 24 else n.title[:23] + "…" for n in nodes[:3])
    return msg("timing.names-more", names=shown, more=len(nodes) - 3) if len(nodes) > 3 else shown


def _word(depth: int, n: int = 1) -> Msg:
    """What the nodes at ``depth`` are called (1 = modules), singular or plural."""
    word = "module" if depth == 1 else "section"
    return msg(f"word.{word}" if n == 1 else f"word.{word}s")


class _Rules:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def _add(self, origin: str, problem: Problem) -> None:
        self.problems.append(
            reworded(problem, "timing.origin", origin=origin) if origin else problem
        )

    def share(
        self,
        available: int,
        how: str,
        mark: Mark,
        depth: int,
        children: tuple[Node, ...],
        origin: str = "",
    ) -> tuple[TimedNode, ...]:
        """Check ``children`` (at ``depth``; 1 = modules) against their parent's
        ``available`` minutes, and time them. A parent brought in by ``include:`` is
        reported at the include line, the message saying where it was written."""
        what = msg(f"word.{ {1: 'course', 2: 'module'}.get(depth, 'section') }")
        children_word = _word(depth, 2)
        known = {id(c): _effective(c) for c in children}
        timed_sum = sum(m for m in known.values() if m is not None)
        untimed = [c for c in children if known[id(c)] is None]
        mismatch = (
            "timing.sum-mismatch-stated" if how == STATED else "timing.sum-mismatch-allocated"
        )
        figures = {"timed": Minutes(timed_sum), "available": Minutes(available), "what": what}
        if not untimed:
            if timed_sum > available:
                self._add(
                    origin,
                    error(
                        mark,
                        "over-full",
                        msg("timing.over-full", children=children_word, **figures),
                    ),
                )
            elif timed_sum < available:
                self._add(
                    origin,
                    error(mark, "sum-mismatch", msg(mismatch, children=children_word, **figures)),
                )
            return tuple(self.timed(c, known[id(c)], DERIVED, depth) for c in children)
        remainder = available - timed_sum
        if remainder <= 0:
            self._add(
                origin,
                error(
                    mark,
                    "over-full",
                    msg(
                        "timing.nothing-left",
                        children=children_word,
                        count=len(untimed),
                        child=_word(depth, len(untimed)),
                        names=_names(untimed),
                        **figures,
                    ),
                ),
            )
            return tuple(self.timed(c, known[id(c)], DERIVED, depth) for c in children)
        self._add(
            origin,
            warning(
                mark,
                "unallocated",
                msg(
                    "timing.unallocated",
                    remainder=Minutes(remainder),
                    count=len(untimed),
                    child=_word(depth, len(untimed)),
                    names=_names(untimed),
                ),
            ),
        )
        base, extra = divmod(remainder, len(untimed))
        shares = {id(c): base + (1 if i < extra else 0) for i, c in enumerate(untimed)}
        return tuple(
            self.timed(
                c, shares.get(id(c), known[id(c)]), ALLOCATED if id(c) in shares else DERIVED, depth
            )
            for c in children
        )

    def timed(self, node: Node, minutes: int | None, how: str, depth: int) -> TimedNode:
        """Time one node (at ``depth``) given the minutes its parent settled on."""
        if node.duration is not None:
            how, minutes = STATED, node.duration.minutes
        if minutes is None:
            children = tuple(self.timed(c, None, UNTIMED, depth + 1) for c in node.children)
            return TimedNode(node, None, UNTIMED, children)
        if not node.children:
            return TimedNode(node, minutes, how, ())
        if how == DERIVED:
            children = tuple(
                self.timed(c, _effective(c), DERIVED, depth + 1) for c in node.children
            )
            return TimedNode(node, minutes, DERIVED, children)
        mark = node.duration_mark or node.mark
        return TimedNode(
            node,
            minutes,
            how,
            self.share(minutes, how, mark, depth + 1, node.children, node.origin),
        )


def check_timing(course: Course) -> Timing:
    rules = _Rules()
    stated = course.duration.minutes if course.duration else None
    total = sum(m.duration.minutes for m in course.modules if m.duration is not None)
    module_minutes = [_effective(m) for m in course.modules]
    mark = course.duration_mark or course.mark
    if stated is not None:
        modules = rules.share(stated, STATED, mark, 1, course.modules)
        minutes: int | None = stated
        source = STATED
    elif course.modules and all(m is not None for m in module_minutes):
        minutes = sum(m for m in module_minutes if m is not None)
        source = DERIVED
        rules.problems.append(
            warning(
                mark,
                "no-duration",
                msg("timing.no-duration", minutes=Minutes(minutes)),
            )
        )
        modules = tuple(rules.timed(m, _effective(m), DERIVED, 1) for m in course.modules)
    else:
        minutes, source = None, UNTIMED
        untimed = [m for m, mm in zip(course.modules, module_minutes, strict=True) if mm is None]
        if untimed and not course.duration_todo:  # a TODO length: reported as that todo
            rules.problems.append(
                error(
                    mark,
                    "untimed",
                    msg(
                        "timing.untimed",
                        count=len(untimed),
                        modules=_word(1, len(untimed)),
                        names=_names(untimed),
                    ),
                )
            )
        modules = tuple(rules.timed(m, _effective(m), DERIVED, 1) for m in course.modules)
    return Timing(minutes, source, stated, total, modules, tuple(rules.problems))
