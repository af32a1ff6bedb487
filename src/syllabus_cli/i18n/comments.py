"""Comments in YAML the tool writes (``new``'s starters, ``explain``'s examples), in the
chosen language: the code writes them in English, and a Chinese session looks each one
up in ``zh.COMMENTS`` (a comment missing there stays English; tests/test_first_hour.py
checks none is missing).

A comment is the text after a ``#`` that starts a line or follows a space, up to the
next such ``#``: ``# instructor: x.yaml   # or an inline mapping`` holds two, the first
commented-out YAML (never in the table), the second a comment."""

from __future__ import annotations

import re

from . import language

_COMMENT = re.compile(r"(?:(?<=\s)|^)#(?: |$)")


def localize(text: str, lang: str | None = None) -> str:
    """``text`` with every comment the language has a wording for translated."""
    if (lang or language()) != "zh":
        return text
    from .zh import COMMENTS

    return "".join(_line(line, COMMENTS) for line in text.splitlines(keepends=True))


def _line(line: str, table: dict[str, str]) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    found = list(_COMMENT.finditer(body))
    if not found:
        return line
    parts = [body[: found[0].end()]]
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(body)
        segment = body[match.end() : end]
        words = segment.rstrip(" ")
        said = table.get(words)
        parts.append(segment if said is None else said + segment[len(words) :])
        if i + 1 < len(found):
            parts.append(found[i + 1].group())
    return "".join(parts) + ending
