"""The one way a path is shown to the user, in a message, a table or JSON.

A name that is not valid UTF-8 (GBK bytes from a Windows zip, which Python keeps as
surrogates) is decoded as GB18030 when it reads so (``课程.yaml``), else shown with
replacement characters: never a crash, and ``validate`` and ``export`` say the same.
"""

from __future__ import annotations

from pathlib import Path


def shown(path: Path | str) -> str:
    """A path for a message or JSON: always printable. A name that is not valid UTF-8
    (GBK bytes from a Windows zip, kept by Python as surrogates) is shown decoded as
    GB18030 when it reads so, else with replacement characters."""
    text = path.as_posix() if isinstance(path, Path) else path
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "/".join(_part(part) for part in text.split("/"))


def _part(part: str) -> str:
    try:
        part.encode("utf-8")
        return part
    except UnicodeEncodeError:
        raw = part.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")
