"""Files saved in a Chinese Windows' legacy encoding (Notepad's "ANSI": GBK/GB18030).

Such a file is read, with a warning saying how to save it as UTF-8 (``syllabus fix``),
rather than refused. Big5 (a Traditional Chinese "ANSI") often decodes as GBK without an
error, into nonsense; it is told apart by the characters the decoding gives: a real GBK
file's are (nearly) all common Simplified or Traditional ones, a Big5 file read as GBK
gives many that are neither.
"""

from __future__ import annotations

GBK = "GBK/GB18030"
BIG5 = "Big5"
_PLAUSIBLE = 0.9  # share of common characters a real GBK text reaches (names: 喆, 堃)


def _common(char: str) -> bool:
    for encoding in ("gb2312", "big5"):
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            continue
        return True
    return False


def legacy_encoding(data: bytes) -> str | None:
    """GBK or Big5 when the (non-UTF-8) bytes read as that, else None."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        wide = [c for c in text if ord(c) > 0x7F]
        if not wide or sum(map(_common, wide)) >= _PLAUSIBLE * len(wide):
            return GBK
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return None
    return BIG5


def read_text(data: bytes) -> tuple[str | None, str | None]:
    """The text and the legacy encoding it was read from (None for UTF-8); the text is
    None when the bytes are neither UTF-8 nor GBK (Big5 is not guessed at)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    if legacy_encoding(data) == GBK:
        return data.decode("gb18030"), GBK
    return None, None
