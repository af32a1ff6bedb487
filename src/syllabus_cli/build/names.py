"""Output names from titles and ids that cannot escape the output folder.

No path separators, no ``..``, no characters or names Windows cannot open (``CON``,
``NUL``, ``COM1``…, trailing dots and spaces), bounded length (in UTF-8 bytes, so
Chinese names stay valid on every file system); Chinese is kept as it is.
"""

from __future__ import annotations

from pathlib import Path

from ..files import resolved
from ..i18n import t
from ..paths import MAX_BYTES, safe_name, shown

__all__ = ["MAX_BYTES", "UnsafePath", "inside", "safe_name", "shown"]
from ..problems import UserError


class UnsafePath(UserError):
    """A name that would land outside the output folder."""

    code = "output-blocked"

    def __init__(self, message: str) -> None:
        super().__init__(None, None, message)


def inside(root: Path, *parts: str) -> Path:
    """``root / parts`` — refused when it would land outside ``root``."""
    target = root.joinpath(*parts)
    base, landed = resolved(root), resolved(target)
    if landed != base and base not in landed.parents:
        raise UnsafePath(t("pack.outside", path="/".join(parts), root=root))
    return target


def draft_mark(language: str) -> str:
    """What a draft's file names carry: ``-草稿`` (zh) or ``-DRAFT``."""
    return "-草稿" if language == "zh" else "-DRAFT"
