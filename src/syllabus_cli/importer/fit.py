"""An imported spec cut down to what the loader accepts (``load.MAX_BYTES``,
``load.MAX_NODES``), so that ``validate`` reads every spec ``import`` writes.

Why keep-and-cut, not split: a course is what the trainer sells, one spec per course
(and one course read alone or inside a catalog gives the same spec); splitting a dump
into "part 1 of 7" specs would invent courses with lengths and ids nobody wrote. So the
spec keeps, in document order, what fits: every list (modules, sections, points…) keeps
its first items and ends with a ``TODO:`` item saying how many were left out; a text too
long keeps its first lines and a ``TODO:`` line. The course's whole source text goes to a
side file (``<id>.source.txt``), named in those TODOs: nothing is lost.

Pure: a spec mapping in, a fitted mapping and what was cut out. Linear in the spec's
size; the caller dumps the result once and checks it (``fits``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..load import MAX_BYTES, MAX_NODES

NODE_BUDGET = MAX_NODES - 2_000  # room for the placeholders and the top-level keys
BYTE_BUDGET = MAX_BYTES * 7 // 8  # estimates may undercount folding and quoting
_RESERVE_NODES = 40  # what a list needs left to start one more item
_RESERVE_BYTES = 4_096
PLACEHOLDER = "TODO: 其余"  # the title (or text) that ends a list cut short


@dataclass
class Cut:
    """What a fitted spec left out (the rest is in ``side_file``)."""

    side_file: str
    modules_kept: int = 0
    modules_total: int = 0
    items_left_out: int = 0  # list items at any level (modules included)
    chars_left_out: int = 0  # characters cut from the end of long texts


def nodes(value: Any) -> int:
    """YAML values as the loader counts them (keys are not values)."""
    if isinstance(value, dict):
        return 1 + sum(nodes(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(nodes(v) for v in value)
    return 1


def _text_cost(text: str, indent: int) -> int:
    return len(text.encode("utf-8")) + (text.count("\n") + 1) * (indent + 1) + 4


def cost(value: Any, indent: int = 0) -> tuple[int, int]:
    """(values, estimated bytes) of ``value`` dumped at ``indent`` as PyYAML's block
    style writes it: a mapping's values two columns in, a list under a key not indented,
    a list item two columns in (``- ``)."""
    if isinstance(value, dict):
        pairs = [cost(v, indent if isinstance(v, list) else indent + 2) for v in value.values()]
        keys = sum(len(k) + indent + 3 for k in value)
        return 1 + sum(n for n, _ in pairs), keys + sum(b for _, b in pairs)
    if isinstance(value, list):
        pairs = [cost(v, indent + 2) for v in value]
        return 1 + sum(n for n, _ in pairs), sum(b for _, b in pairs)
    if isinstance(value, str):
        return 1, _text_cost(value, indent)
    return 1, 24


class _Budget:
    def __init__(self, nodes: int, size: int, cut: Cut) -> None:
        self.nodes, self.bytes, self.cut = nodes, size, cut

    def room(self) -> bool:
        return self.nodes > _RESERVE_NODES and self.bytes > _RESERVE_BYTES

    def take(self, value: Any, indent: int, known: tuple[int, int] | None = None) -> bool:
        n, b = known or cost(value, indent)
        if n <= self.nodes - _RESERVE_NODES and b <= self.bytes - _RESERVE_BYTES:
            self.nodes -= n
            self.bytes -= b
            return True
        return False


def _left_out(count: int, unit: str, side_file: str) -> str:
    return f"{PLACEHOLDER} {count} {unit}未收入（spec 有大小上限），完整原文见 {side_file}"


def _fit_text(text: str, indent: int, budget: _Budget) -> str:
    """All of it when it fits the room left; else its first lines (or the head of its
    first line) that do, and a TODO line counting the characters left out."""
    room = max(budget.bytes - _RESERVE_BYTES, 0)
    budget.nodes -= 1
    if _text_cost(text, indent) <= room:
        budget.bytes -= _text_cost(text, indent)
        return text
    kept: list[str] = []
    for line in text.split("\n"):
        size = _text_cost(line, indent)
        if size > room:
            break
        room -= size
        kept.append(line)
    if not kept:  # one line longer than the room left: its head
        kept = [text[: max(room // 3, 20)]]  # a character is up to 3 bytes (4: rare)
    shown = "\n".join(kept)
    budget.bytes -= _text_cost(shown, indent)
    budget.cut.chars_left_out += len(text) - len(shown)
    return shown + "\n" + _left_out(len(text) - len(shown), "字", budget.cut.side_file)


def _fit(
    value: Any,
    indent: int,
    budget: _Budget,
    unit: str = "项",
    known: tuple[int, int] | None = None,
) -> Any:
    """``value`` as it is when it fits the budget (``known``: its cost, when counted
    already), else its head that does."""
    if budget.take(value, indent, known):
        return value
    if isinstance(value, str):
        return _fit_text(value, indent, budget)
    if isinstance(value, list):
        out: list[Any] = []
        budget.nodes -= 1
        for item in value:
            if not budget.room():
                break
            out.append(_fit(item, indent + 2, budget))
        rest = len(value) - len(out)
        if rest:
            budget.cut.items_left_out += rest
            note = _left_out(rest, unit, budget.cut.side_file)
            out.append({"title": note} if isinstance(value[0], dict) else note)
        return out
    if isinstance(value, dict):
        budget.nodes -= 1
        fitted: dict[str, Any] = {}
        for key, item in value.items():
            if key == "title" or budget.room():
                fitted[key] = _fit(item, indent if isinstance(item, list) else indent + 2, budget)
        left = [k for k in value if k not in fitted]
        if left:
            budget.cut.items_left_out += 1
            note = _left_out(len(left), "个字段", budget.cut.side_file)
            fitted["notes"] = f"{fitted['notes']}\n{note}" if fitted.get("notes") else note
        return fitted
    budget.nodes -= 1
    return value


def fit_spec(
    spec: dict[str, Any], side_file: str, *, scale: float = 1.0
) -> tuple[dict[str, Any], Cut | None]:
    """``spec`` as it is when it fits; else cut to fit, with what was cut. The modules
    are fitted last: the course's own fields (title, length, audience…) come first."""
    modules = spec.get("modules", [])
    outline_nodes, outline_bytes = outline = cost(modules)  # counted once: it is the bulk
    others = {k: v for k, v in spec.items() if k != "modules"}
    other_nodes, other_bytes = cost(others)
    node_budget, byte_budget = int(NODE_BUDGET * scale), int(BYTE_BUDGET * scale)
    if other_nodes + outline_nodes <= node_budget and other_bytes + outline_bytes <= byte_budget:
        return spec, None
    cut = Cut(side_file, modules_total=len(modules))
    # the outline keeps at least half the room (all it needs when it needs less)
    held_nodes = min(outline_nodes, node_budget // 2)
    held_bytes = min(outline_bytes, byte_budget // 2)
    budget = _Budget(node_budget - held_nodes - 1, byte_budget - held_bytes, cut)
    fitted = {
        k: _fit(v, 0 if isinstance(v, list) else 2, budget)
        for k, v in spec.items()
        if k != "modules"
    }
    budget.nodes += held_nodes
    budget.bytes += held_bytes
    kept = _fit(modules, 0, budget, "个模块", outline)
    cut.modules_kept = sum(1 for m in kept if not str(m["title"]).startswith(PLACEHOLDER))
    return {k: kept if k == "modules" else fitted[k] for k in spec}, cut
