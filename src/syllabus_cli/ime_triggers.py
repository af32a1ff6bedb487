"""Whether a file that parses may hold an IME slip nobody means as text (``title：…`` at
a line's start, a full-width space before a key, ``－ `` as a list dash, ``【a，b】`` as a
list…), cheaply: each pattern sits behind the character it needs and is compiled only
when that character is in the text, so a course without them never imports the scanner
(``load_ime``) nor compiles its patterns. ``validate``'s start-up is benchmarked."""

from __future__ import annotations

import functools
import re

# (the character a certain slip needs, the pattern that finds one), as load_ime reads them
_MAYBE_CERTAIN: tuple[tuple[str, str], ...] = (
    (
        "：",
        r"^[ \t\u3000]*(?:[-－][ \t\u3000]+)*[a-z_][a-z0-9_]*[ \t]*：|[{,][ \t]*[a-z_]+[ \t]*：",
    ),
    ("\u3000", r"^[ \t]*\u3000|[-:－]\u3000"),
    ("－", r"^[ \t]*(?:-[ \t]+)*－"),
    ("【", r"【[^\n]*[,，][^\n]*】[ \t]*(?:#.*)?$"),
    ("［", r"［[^\n]*[,，][^\n]*］[ \t]*(?:#.*)?$"),
    ("，", r"\[[^\]\n]*，"),
)


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.MULTILINE)


def maybe_certain(text: str) -> bool:
    """True when the text may hold a certain slip: worth the scanner's look."""
    return any(c in text and _pattern(source).search(text) for c, source in _MAYBE_CERTAIN)
