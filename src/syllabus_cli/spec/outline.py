"""The outline's blocks, for one variant, with ``include:`` resolved in place.

An included module reads as if it had been written where the ``include:`` is: its
blocks are plain ``Node`` values whose ``mark`` is the include line in the course file
(so every later problem points into the file the user is checking) and whose
``origin`` says where they were written ("../library/x.yaml:12"). Problems found in a
library file are reported at that include line too, with the chain of includes that
led there. Paths are relative to the file that holds the ``include:``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..files import resolved
from ..i18n import Word, msg
from ..load import Loaded, YEntry, YMap, YScalar, YSeq, YValue
from ..paths import written_path
from ..problems import Mark, reworded
from . import fields
from .model import Node
from .read import Reader
from .variants import Variants, read_duration, read_only

Loader = Callable[[Path], Loaded]
MAX_INCLUDE_DEPTH = 16
# Blocks an include may bring in, counted as they are read: ten files each including the
# next ten times is 10⁶ blocks at depth six, so the count, not the depth, is what stops it.
MAX_INCLUDED_BLOCKS = 2_000
# Blocks within blocks, across includes: a course file alone nests at most about 30 (the
# loader's depth limit); 16 files of 30 would take every later stage past Python's stack.
MAX_BLOCK_DEPTH = 40


@dataclass
class Expansion:
    """Blocks read through includes so far, shared by every include of one course."""

    blocks: int = 0
    stopped: bool = False  # past MAX_INCLUDED_BLOCKS, said once
    too_deep: bool = False  # past MAX_BLOCK_DEPTH, said once


@dataclass(frozen=True)
class Context:
    """Where blocks are being read from, and for which variant."""

    top: Reader  # the course file's reader: every problem ends up here
    variants: Variants
    load: Loader
    base: Path  # folder of the file being read
    at: Mark | None = None  # inside an include: the include line in the course file
    trail: str = ""  # include lines in library files above this one ("a.yaml:12 → ")
    label: str = ""  # this file as the include wrote it ("" for the course file)
    stack: tuple[tuple[str, str | None], ...] = ()  # (file, module) being included
    names: tuple[str, ...] = ()  # the same, as shown in a cycle message
    active: bool = True  # False inside a block the current variant leaves out
    expansion: Expansion = field(default_factory=Expansion)

    def place(self, mark: Mark) -> tuple[Mark, str]:
        """Where a block written at ``mark`` is reported, and its origin."""
        if self.at is None:
            return mark, ""
        return self.at, f"{self.trail}{self.label}:{mark.line}"


def file_key(path: Path) -> str:
    return str(resolved(path))  # a symlink loop is still a name; its read says why


def build_nodes(reader: Reader, ctx: Context, entry: YEntry, depth: int) -> tuple[Node, ...]:
    value = entry.value
    if isinstance(value, YScalar) and value.value is None:
        return ()
    if not isinstance(value, YSeq):
        reader.wrong_type(value, entry.key, "a list of blocks, each with a title")
        return ()
    nodes: list[Node] = []
    for item in value.items:
        nodes.extend(_item(reader, ctx, item, depth))
    return tuple(nodes)


def _item(reader: Reader, ctx: Context, item: YValue, depth: int) -> list[Node]:
    what = "a module" if depth == 1 else "a section"
    if isinstance(item, YScalar) and isinstance(item.value, str):
        reader.add(
            item.mark,
            "type",
            msg("outline.not-mapping", what=Word(what), value=item.value),
        )
        return []
    if ctx.at is not None and _over_limit(ctx):
        return []
    if depth > MAX_BLOCK_DEPTH:  # only includes can nest this deep (YAML stops at 64)
        if not ctx.expansion.too_deep:
            ctx.expansion.too_deep = True
            said = msg("outline.block-depth", limit=MAX_BLOCK_DEPTH)
            ctx.top.add(ctx.at or item.mark, "include-depth", said)
        return []
    if isinstance(item, YMap) and item.get("include") is not None:
        return _include(reader, ctx, item, depth)
    known = reader.mapping(item, what, fields.NODE)
    if known is None:
        return []
    here = read_only(reader, known.get("only"), ctx.variants)
    inner = replace(ctx, active=ctx.active and here)
    duration, duration_mark = read_duration(
        reader, known.get("duration"), ctx.variants, active=inner.active
    )
    children_entry = known.get("sections")
    mark, origin = ctx.place(item.mark)
    node = Node(
        title=reader.text(known.get("title"), required=True),
        mark=mark,
        duration=duration,
        duration_mark=ctx.place(duration_mark)[0] if duration_mark else None,
        children=build_nodes(reader, inner, children_entry, depth + 1) if children_entry else (),
        points=reader.texts(known.get("points")),
        cases=reader.texts(known.get("cases")),
        tools=reader.texts(known.get("tools")),
        exercises=reader.texts(known.get("exercises")),
        format=reader.texts(known.get("format")),
        split=reader.boolean(known.get("split"), default=True),
        notes=reader.text(known.get("notes")),
        facilitator=reader.text(known.get("facilitator")),
        origin=origin,
    )
    return [node] if here else []


def _over_limit(ctx: Context) -> bool:
    """Count one block read through an include; past the limit, say so once (at the
    include in the course file) and read no more."""
    tally = ctx.expansion
    tally.blocks += 1
    if tally.blocks <= MAX_INCLUDED_BLOCKS or ctx.at is None:
        return tally.stopped
    if not tally.stopped:
        tally.stopped = True
        ctx.top.add(ctx.at, "include-limit", msg("outline.limit", limit=MAX_INCLUDED_BLOCKS))
    return True


def _include(reader: Reader, ctx: Context, item: YMap, depth: int) -> list[Node]:
    known = reader.mapping(item, "an include", fields.INCLUDE)
    if known is None:  # pragma: no cover - item is a mapping with 'include'
        return []
    here = read_only(reader, known.get("only"), ctx.variants)
    active = ctx.active and here
    override, override_mark = read_duration(
        reader, known.get("duration"), ctx.variants, active=active
    )
    ref_value = known["include"].value
    raw = ref_value.value if isinstance(ref_value, YScalar) else None
    ref = raw.strip() if isinstance(raw, str) else ""
    if not ref.split("#", 1)[0].strip():
        reader.wrong_type(ref_value, "include", "a file path like ../library/x.yaml#模块标题")
        return []
    written, _, title_part = ref.partition("#")
    target = written_path(ctx.base, written)
    written, title = written.strip().replace("\\", "/"), title_part.strip() or None
    key = (file_key(target), title)
    shown = f"{written}#{title}" if title else written
    if key in ctx.stack:
        chain = " → ".join((*ctx.names, shown))
        reader.add(ref_value.mark, "include-cycle", msg("outline.cycle", chain=chain))
        return []
    if len(ctx.stack) > MAX_INCLUDE_DEPTH:
        reader.add(ref_value.mark, "include-depth", msg("outline.depth", limit=MAX_INCLUDE_DEPTH))
        return []
    loaded = ctx.load(target)
    if any(p.code == "file-missing" for p in loaded.problems):
        reader.add(ref_value.mark, "include-missing", msg("outline.missing", written=written))
        return []
    child = Context(
        top=ctx.top,
        variants=ctx.variants,
        load=ctx.load,
        base=target.parent,
        at=ctx.at or item.mark,
        trail=f"{ctx.trail}{ctx.label}:{item.mark.line} → " if ctx.label else ctx.trail,
        label=written,
        stack=(*ctx.stack, key),
        names=(*ctx.names, shown),
        active=active,
        expansion=ctx.expansion,
    )
    inner = Reader()
    inner.problems.extend(loaded.problems)
    nodes = _library_nodes(inner, child, loaded.root, title, depth, reader, ref_value.mark)
    assert child.at is not None
    for problem in inner.problems:
        where = f"{child.trail}{child.label}"
        said = reworded(problem, "outline.in-file", where=where, line=problem.line)
        ctx.top.problems.append(replace(said, mark=child.at))
    if not nodes:
        return []
    if known.get("duration") is not None:
        if len(nodes) != 1:
            reader.add(
                known["duration"].key_mark,
                "include-format",
                msg("outline.one-module", written=written, count=len(nodes)),
            )
        else:
            dmark = ctx.place(override_mark)[0] if override_mark else None
            nodes = [replace(nodes[0], duration=override, duration_mark=dmark)]
    return [replace(n, include=shown) for n in nodes] if here else []


def _library_nodes(
    inner: Reader,
    ctx: Context,
    root: YValue | None,
    title: str | None,
    depth: int,
    reader: Reader,
    ref_mark: Mark,
) -> list[Node] | None:
    """The modules of a library file (all, or the one titled ``title``); None when the
    file cannot give them (a problem says why)."""
    if root is None:
        return None  # the load problems say why
    modules = root.get("modules") if isinstance(root, YMap) else None
    if modules is None or not isinstance(modules.value, YSeq):
        reader.add(
            ref_mark,
            "include-format",
            msg("outline.no-modules", label=ctx.label),
        )
        return None
    if title is None:
        return list(build_nodes(inner, ctx, modules, depth))
    titles: list[str] = []
    for candidate in modules.value.items:
        entry = candidate.get("title") if isinstance(candidate, YMap) else None
        if entry is not None and isinstance(entry.value, YScalar):
            text = str(entry.value.raw if entry.value.value is not None else "").strip()
            if text == title:
                return _item(inner, ctx, candidate, depth)
            titles.append(text)
    close = difflib.get_close_matches(title, titles, n=1, cutoff=0.3)
    said = (
        msg("outline.no-module-mean", label=ctx.label, title=title, close=close[0])
        if close
        else msg("outline.no-module", label=ctx.label, title=title, titles=", ".join(titles))
    )
    reader.add(ref_mark, "include-module", said)
    return None


def included_files(loaded: Loaded, load: Loader) -> tuple[Path, ...]:
    """Every file a spec includes, directly or through other includes, each once and in
    the order met (for the rebuild cache: editing one rebuilds what includes it). Files
    nested past MAX_INCLUDE_DEPTH, or past MAX_INCLUDED_BLOCKS files in all, are not
    followed (building the course reports them): a chain of 1,500 files is no
    RecursionError. Iterative, in the order a depth-first walk meets them."""
    found: list[Path] = []
    seen: set[str] = {file_key(loaded.path)}
    # (value, its file's folder, how deep in includes): a stack, last pushed first
    stack: list[tuple[YValue | None, Path, int]] = [(loaded.root, loaded.path.parent, 0)]
    while stack:
        value, base, depth = stack.pop()
        if isinstance(value, YSeq):
            stack.extend((item, base, depth) for item in reversed(value.items))
        elif isinstance(value, YMap):
            later: list[tuple[YValue | None, Path, int]] = []
            entry = value.get("include")
            ref = entry.value.value if entry and isinstance(entry.value, YScalar) else None
            if isinstance(ref, str) and ref.split("#", 1)[0].strip():
                target = written_path(base, ref.split("#", 1)[0])
                key = file_key(target)
                bounded = depth <= MAX_INCLUDE_DEPTH and len(found) < MAX_INCLUDED_BLOCKS
                if key not in seen and bounded:
                    seen.add(key)
                    inner = load(target)
                    if inner.root is not None or inner.text:
                        found.append(target)
                    later.append((inner.root, target.parent, depth + 1))
            later.extend((child.value, base, depth) for child in value.entries)
            stack.extend(reversed(later))
    return tuple(found)
