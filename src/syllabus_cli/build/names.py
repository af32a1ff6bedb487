"""Output names from titles and ids that cannot escape the output folder.

No path separators, no ``..``, no characters or names Windows cannot open (``CON``,
``NUL``, ``COM1``…, trailing dots and spaces), bounded length (in UTF-8 bytes, so
Chinese names stay valid on every file system); Chinese is kept as it is.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..i18n import t
from ..paths import shown
from ..problems import UserError

MAX_BYTES = 120  # leaves room for ".proposal.docx" and a temporary prefix under 255
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


class UnsafePath(UserError):
    """A name that would land outside the output folder."""

    code = "output-blocked"

    def __init__(self, message: str) -> None:
        super().__init__(None, None, message)


def safe_name(text: str, fallback: str = "course") -> str:
    # a spec named in GBK bytes (a Windows zip) reads as its Chinese name, never a crash
    name = unicodedata.normalize("NFC", shown(text))
    name = _FORBIDDEN.sub("-", name)
    # no leading '-' either: shell tools would read such a file name as an option
    name = re.sub(r"\s+", " ", name).strip(" .").lstrip("-. ")
    name = re.sub(r"\.{2,}", ".", name)
    if not name or set(name) <= {"-", "."}:
        name = fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    while len(name.encode("utf-8")) > MAX_BYTES:
        name = name[:-1]
    return name.rstrip(" .") or fallback


def inside(root: Path, *parts: str) -> Path:
    """``root / parts`` — refused when it would land outside ``root``."""
    target = root.joinpath(*parts)
    base, resolved = root.resolve(), target.resolve()
    if resolved != base and base not in resolved.parents:
        raise UnsafePath(t("pack.outside", path="/".join(parts), root=root))
    return target


def draft_mark(language: str) -> str:
    """What a draft's file names carry: ``-草稿`` (zh) or ``-DRAFT``."""
    return "-草稿" if language == "zh" else "-DRAFT"
