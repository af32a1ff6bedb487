"""Repair what a Chinese input method did to a YAML file (``syllabus fix``'s pure part).

``repair`` takes the file's bytes and returns the repaired text: the slips ``load_ime``
finds, each replaced by its half-width form, and a GBK/GB18030 file decoded (it is
written back as UTF-8). Text inside quoted and block values is never touched, and a
file that already loads without problems keeps its parsed data (a property test holds
this). An indentation of tabs or full-width spaces becomes spaces at the width that
makes the file parse (tab stops of 2, 4 or 8; a full-width space as 2 or 1 spaces).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from . import load_ime
from .load_encoding import read_text

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML builds
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_WIDTHS = ((2, 2), (4, 2), (8, 2), (2, 1), (4, 1), (8, 1))  # (tab stop, full-width space)


@dataclass(frozen=True)
class Repaired:
    text: str  # the repaired text ('' when the bytes could not be read as text)
    slips: tuple[load_ime.Slip, ...]  # what was repaired
    encoding: str | None  # the encoding the file was re-saved from (GBK/GB18030), if any
    unreadable: bool = False  # neither UTF-8 nor GBK: left alone

    @property
    def changed(self) -> bool:
        return bool(self.slips) or self.encoding is not None


def composes(text: str) -> bool:
    try:
        yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return False
    return True


def repair_text(text: str) -> tuple[str, tuple[load_ime.Slip, ...]]:
    """The text with its slips repaired, and the slips."""
    done: list[load_ime.Slip] = []
    for _ in range(3):  # a second pass sees what the first one's repair made readable
        parsed = composes(text)
        slips = load_ime.found(text, parsed)
        if not slips:
            break
        done.extend(slips)
        # the widths are tried in turn, each made only when the one before does not parse
        # (a 2 MiB file of slips is repaired once, not six times)
        first = load_ime.apply(text, slips, *_WIDTHS[0])
        if composes(first):
            return first, tuple(done)
        if not any(s.edits and s.edits[0].new is None for s in slips):
            text = first  # no indentation to widen: the other widths give the same text
            continue
        for tab, wide in _WIDTHS[1:]:
            candidate = load_ime.apply(text, slips, tab, wide)
            if composes(candidate):
                return candidate, tuple(done)
        text = first
    return text, tuple(done)


def repair(data: bytes) -> Repaired:
    """The file's bytes, repaired: see the module's doc."""
    text, encoding = read_text(data)
    if text is None:
        return Repaired("", (), None, unreadable=True)
    fixed, slips = repair_text(text)
    return Repaired(fixed, slips, encoding)
