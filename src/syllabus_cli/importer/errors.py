"""The error a source that cannot be read at all raises (a module of its own, so that
source.py and the format readers it calls both raise it without importing each other)."""

from __future__ import annotations

from ..i18n import Msg
from ..problems import UserError


class SourceError(UserError):
    """A catalog that cannot be read (missing, too big, not text): ``import`` stops."""

    def __init__(self, code: str, message: Msg) -> None:
        super().__init__(None, code, message)
