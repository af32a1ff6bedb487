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

from dataclasses import dataclass, replace

from ..duration import describe
from ..problems import Mark, Problem, error, warning
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


def _names(nodes: list[Node]) -> str:
    shown = [n.title if len(n.title) <= 24 else n.title[:23] + "…" for n in nodes[:3]]
    more = f" and {len(nodes) - 3} more" if len(nodes) > 3 else ""
    return ", ".join(shown) + more


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class _Rules:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def _add(self, origin: str, problem: Problem) -> None:
        self.problems.append(
            replace(problem, message=f"{origin}: {problem.message}") if origin else problem
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
        what = {1: "course", 2: "module"}.get(depth, "section")
        child_word = "module" if depth == 1 else "section"
        known = {id(c): _effective(c) for c in children}
        timed_sum = sum(m for m in known.values() if m is not None)
        untimed = [c for c in children if known[id(c)] is None]
        verb = "says" if how == STATED else "is allocated"
        if not untimed:
            if timed_sum > available:
                self._add(
                    origin,
                    error(
                        mark,
                        "over-full",
                        f"{child_word}s add up to {describe(timed_sum)}, more than the {what}'s "
                        f"{describe(available)}",
                    ),
                )
            elif timed_sum < available:
                self._add(
                    origin,
                    error(
                        mark,
                        "sum-mismatch",
                        f"{child_word}s add up to {describe(timed_sum)}, {what} {verb} {describe(available)}",
                    ),
                )
            return tuple(self.timed(c, known[id(c)], DERIVED, depth) for c in children)
        remainder = available - timed_sum
        if remainder <= 0:
            self._add(
                origin,
                error(
                    mark,
                    "over-full",
                    f"timed {child_word}s already take {describe(timed_sum)} of the {what}'s "
                    f"{describe(available)}, leaving nothing for {_plural(len(untimed), 'untimed ' + child_word)}: "
                    f"{_names(untimed)}",
                ),
            )
            return tuple(self.timed(c, known[id(c)], DERIVED, depth) for c in children)
        self._add(
            origin,
            warning(
                mark,
                "unallocated",
                f"{describe(remainder)} unallocated across {_plural(len(untimed), 'untimed ' + child_word)}: "
                f"{_names(untimed)}",
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
                f"course states no length; taking the sum of its modules: {describe(minutes)}",
            )
        )
        modules = tuple(rules.timed(m, _effective(m), DERIVED, 1) for m in course.modules)
    else:
        minutes, source = None, UNTIMED
        untimed = [m for m, mm in zip(course.modules, module_minutes, strict=True) if mm is None]
        if untimed:
            rules.problems.append(
                error(
                    mark,
                    "untimed",
                    f"course states no length and {_plural(len(untimed), 'module')} carry no duration "
                    f"({_names(untimed)}): add a duration to the course or to them",
                )
            )
        modules = tuple(rules.timed(m, _effective(m), DERIVED, 1) for m in course.modules)
    return Timing(minutes, source, stated, total, modules, tuple(rules.problems))
