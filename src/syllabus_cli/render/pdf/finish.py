"""PDF bytes that depend only on the document: LibreOffice writes the export time
(``/CreationDate``) and an ``/ID`` and ``/DocChecksum`` derived from it and from the
output path. With ``SOURCE_DATE_EPOCH`` set the date becomes that time; the ID and the
checksum always become a hash of the content. Every replacement keeps its byte length,
so the cross-reference offsets stay valid."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from ...source_date import source_date

_DATE = re.compile(rb"/CreationDate\(D:([^)]*)\)")
_ID = re.compile(rb"/ID \[ <([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})> \]")
_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-Fa-f]{32})")


def _date_of_length(when: datetime, length: int) -> bytes | None:
    """A PDF date (``D:`` excluded) of exactly ``length`` bytes, in UTC."""
    stamp = when.strftime("%Y%m%d%H%M%S").encode("ascii")
    for zone in (b"Z", b"Z'", b"+00'00", b"+00'00'", b""):
        if len(stamp) + len(zone) == length:
            return stamp + zone
    return None


def reproducible(pdf: bytes, when: datetime | None = None) -> bytes:
    when = when or source_date()
    if when is not None:

        def dated(match: re.Match[bytes]) -> bytes:
            fixed = _date_of_length(when, len(match.group(1)))
            return match.group(0) if fixed is None else b"/CreationDate(D:" + fixed + b")"

        pdf = _DATE.sub(dated, pdf)
    blank = _ID.sub(b"/ID [ <" + b"0" * 32 + b"> <" + b"0" * 32 + b"> ]", pdf)
    blank = _CHECKSUM.sub(b"/DocChecksum /" + b"0" * 32, blank)
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode("ascii")

    def identified(match: re.Match[bytes]) -> bytes:
        whole = match.group(0)
        return whole.replace(match.group(1), digest).replace(match.group(2), digest)

    pdf = _ID.sub(identified, pdf)
    return _CHECKSUM.sub(b"/DocChecksum /" + digest, pdf)
