"""Text left to fill in: ``TODO`` anywhere, and what ``syllabus new`` writes as a
placeholder (``1.1 小节标题``, ``要点一``). Found in the YAML tree as written, so each
one is a ``todo`` problem at its own line; YAML comments are not in the tree, and the
trainer-only keys (``notes``) and file references are not looked at. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .load import YMap, YScalar, YSeq, YValue
from .problems import Mark

# keys whose text never reaches a client document (notes are the trainer's), or that
# name files and settings (other checks say what is wrong with them)
NOT_SHOWN = frozenset(
    {"notes", "id", "template", "include", "path", "logo", "language", "skip", "only"}
)
_TODO = re.compile(r"(?<![A-Za-z])TODO(?![A-Za-z])", re.IGNORECASE)
# what the starter spec (spec/starter.py) writes for the trainer to replace
_STARTER = re.compile(r"^(?:\d+\.\d+ 小节标题|要点[一二三]|演练任务)$")


def is_placeholder(text: str) -> bool:
    return bool(_TODO.search(text) or _STARTER.match(text.strip()))


def placeholders(root: YValue | None, key: str = "") -> Iterator[tuple[Mark, str, str]]:
    """(where, key, text) of every placeholder under ``root``; ``key`` is the nearest
    mapping key above the text (``background``, ``title``…)."""
    if root is None or key in NOT_SHOWN:
        return
    if isinstance(root, YMap):
        for entry in root.entries:
            yield from placeholders(entry.value, entry.key)
    elif isinstance(root, YSeq):
        for item in root.items:
            yield from placeholders(item, key)
    elif isinstance(root, YScalar) and isinstance(root.value, str) and is_placeholder(root.value):
        yield root.mark, key, _short(root.value)


def _short(text: str, limit: int = 40) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
