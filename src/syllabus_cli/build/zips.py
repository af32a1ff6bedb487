"""Reproducible zips: the same content gives the same bytes.

Entries in a fixed order, dated the build time (``SOURCE_DATE_EPOCH`` when set, so a
reproducible build gives the same bytes; 1980-01-01 when no time is given), with a fixed mode; names in UTF-8 with the
language-encoding flag set (Python sets it for non-ASCII names), so Chinese names open
correctly in Windows Explorer and macOS. Used for the pack's zip (a .docx is written
by render/docx_out.py).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

EPOCH = (1980, 1, 1, 0, 0, 0)


def _entry(name: str, when: tuple[int, int, int, int, int, int] = EPOCH) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, so the mode above is read
    return info


def build_zip(
    entries: Iterable[tuple[str, bytes]], *, sort: bool = True, when: dt.datetime | None = None
) -> bytes:
    """``when``: the entries' date (a zip stores a wall time without a zone: an aware
    time is written in UTC, so the same build gives the same bytes anywhere)."""
    items = sorted(entries) if sort else list(entries)
    stamp = EPOCH
    if when is not None:
        moment = when.astimezone(dt.timezone.utc) if when.tzinfo else when
        stamp = (
            max(moment.year, 1980),
            moment.month,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in items:
            archive.writestr(_entry(name, stamp), data)
    return buffer.getvalue()
