"""Plain text for pipes, files and CI logs: where it is written, and tables with
columns aligned by display width (a Chinese character takes two columns), no rich to
import."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence
from typing import Protocol


class Writer(Protocol):
    """Where plain text goes: a stream, ``cli.console.SafeStream``, a StringIO."""

    def write(self, text: str, /) -> int: ...


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal: two for a wide (CJK) character, none for a
    combining mark or an invisible format character (U+0301, U+200B)."""
    return sum(_columns(c) for c in text)


def _columns(c: str) -> int:
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def plain_table(rows: Sequence[Sequence[str]], right: Collection[int] = ()) -> list[str]:
    """The header, a dashed rule, then the rows: columns two spaces apart, those in
    ``right`` aligned right, the others left."""
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row: Sequence[str]) -> str:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(rows[0]), rule, *(line(row) for row in rows[1:])]
