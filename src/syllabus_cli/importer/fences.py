"""Where a page's fenced code is: the one reading every part of import uses.

Pure: lines in, the fences' spans out. A fence opens on a line starting with ``` or
~~~ and closes on the next line starting with the same three; one left open runs to
the page's end. Two look-alikes are no fence: ```python print("hi")``` on one line
(inline code, its closing ticks on the same line) and a run of ~~~ right under a line of
text (a reStructuredText heading's underline).
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(```|~~~)")


def fence_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Each fence's first and last line (its opening and closing lines included)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    kind = ""
    for at, line in enumerate(lines):
        m = FENCE.match(line)
        if m is None:
            continue
        if start is not None:
            if m.group(1) == kind:
                spans.append((start, at))
                start = None
            continue
        if line.count(m.group(1)) > 1:
            continue  # ```python print("hi")```: inline code
        above = lines[at - 1].strip() if at else ""
        if above and not above.startswith(("#", "`", "~")) and re.fullmatch(r"\s*~+\s*", line):
            continue  # 沟通力提升 over ~~~~~~: an underline
        start, kind = at, m.group(1)
    if start is not None:
        spans.append((start, len(lines) - 1))
    return spans


def fenced_lines(lines: list[str]) -> set[int]:
    """Every line inside a fence, its opening and closing lines included."""
    return {at for first, last in fence_spans(lines) for at in range(first, last + 1)}
