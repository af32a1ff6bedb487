"""Files saved in a Chinese Windows' legacy encoding (Notepad's "ANSI": GBK/GB18030) or
as UTF-16 with its byte-order mark (Notepad's "Unicode").

Such a file is read, with a warning saying how to save it as UTF-8 (``syllabus fix``),
rather than refused. A UTF-8 byte-order mark before GBK bytes (an editor that added one
to an "ANSI" file) is dropped, not read as the characters 锘. Big5 (a Traditional Chinese "ANSI") often decodes as GBK without an
error, into nonsense; it is told apart by the characters the decoding gives: a real GBK
file's are (nearly) all common Simplified or Traditional ones, a Big5 file read as GBK
gives many that are neither.
"""

from __future__ import annotations

GBK = "GBK/GB18030"
BIG5 = "Big5"
UTF16 = "UTF-16"
_UTF8_BOM = b"\xef\xbb\xbf"
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
    """GBK, UTF-16 (with its byte-order mark) or Big5 when the (non-UTF-8) bytes read as
    that, else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        return UTF16
    data = data.removeprefix(_UTF8_BOM)
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
    None when the bytes are neither UTF-8, GBK nor UTF-16 (Big5 is not guessed at)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    found = legacy_encoding(data)
    if found == GBK:
        return data.removeprefix(_UTF8_BOM).decode("gb18030"), GBK
    if found == UTF16:
        return data.decode("utf-16").removeprefix("\ufeff"), UTF16
    return None, None
