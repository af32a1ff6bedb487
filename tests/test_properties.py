"""Properties of the timing rules over random outlines (hypothesis)."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from syllabus_cli.minutes import describe

from .conftest import check_yaml

Tree = dict[str, Any]


@st.composite
def blocks(draw: st.DrawFn, depth: int = 0) -> Tree:
    """A block whose leaves are timed; an inner block states its sum or leaves it out."""
    if depth >= 3 or draw(st.booleans()):
        return {"minutes": draw(st.integers(1, 120)), "children": [], "stated": True}
    children = draw(st.lists(blocks(depth + 1), min_size=1, max_size=4))
    return {
        "minutes": sum(c["minutes"] for c in children),
        "children": children,
        "stated": draw(st.booleans()),
    }


def to_spec(modules: list[Tree], course_minutes: int | None) -> str:
    """The YAML an instructor would write for these blocks (block style, one key a line)."""
    counter = iter(range(10_000))

    def node(tree: Tree) -> dict[str, Any]:
        out: dict[str, Any] = {"title": f"块{next(counter)}"}
        if tree["stated"]:
            out["duration"] = f"{tree['minutes']}min"
        if tree["children"]:
            out["sections"] = [node(c) for c in tree["children"]]
        return out

    spec: dict[str, Any] = {"title": "随机课程"}
    if course_minutes is not None:
        spec["duration"] = f"{course_minutes}分钟"
    # a day long enough for any generated course, split at every pause: this property
    # is about the sums, not about where a break cuts a session
    spec["schedule"] = {"start": "07:00", "latest_end": "23:00", "min_part": 0}
    spec["modules"] = [node(m) for m in modules]
    return yaml.safe_dump(spec, allow_unicode=True, sort_keys=False)


outlines = st.lists(blocks(), min_size=1, max_size=5)


@settings(max_examples=150, deadline=None)
@given(outlines)
def test_outlines_with_timed_leaves_validate_clean(modules: list[Tree]) -> None:
    total = sum(m["minutes"] for m in modules)
    result = check_yaml(to_spec(modules, total))
    assert result.problems == ()
    assert result.timing is not None
    assert sum(s.minutes or 0 for s in result.timing.sessions()) == total


def _leaves(trees: list[Tree], path: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []
    for i, t in enumerate(trees):
        out += [(*path, i)] if not t["children"] else _leaves(t["children"], (*path, i))
    return out


@settings(max_examples=150, deadline=None)
@given(outlines, st.data())
def test_one_changed_leaf_is_caught_on_its_nearest_timed_ancestor(
    modules: list[Tree], data: st.DataObject
) -> None:
    total = sum(m["minutes"] for m in modules)
    path = data.draw(st.sampled_from(_leaves(modules)))
    chain = [modules[path[0]]]
    for i in path[1:]:
        chain.append(chain[-1]["children"][i])
    old = chain[-1]["minutes"]
    new = data.draw(st.integers(1, 240).filter(lambda m: m != old))
    chain[-1]["minutes"] = new  # only the leaf's written duration changes

    result = check_yaml(to_spec(modules, total))

    assert [p.code for p in result.problems] == ["over-full" if new > old else "sum-mismatch"]
    stated_ancestors = [t for t in chain[:-1] if t["stated"]]
    expected = stated_ancestors[-1]["minutes"] if stated_ancestors else total
    assert describe(expected) in result.problems[0].message
    # ... and it points at that ancestor's duration line (the course's when none states one)
    course = result.course
    assert course is not None
    mark = course.duration_mark
    nodes = course.modules
    for index, tree in zip(path[:-1], chain[:-1], strict=True):
        node = nodes[index]
        if tree["stated"]:
            mark = node.duration_mark
        nodes = node.children
    assert mark is not None and result.problems[0].mark == mark
