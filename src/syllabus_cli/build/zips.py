"""Reproducible zips: the same content gives the same bytes.

Entries in a fixed order with a fixed timestamp and mode; names in UTF-8 with the
language-encoding flag set (Python sets it for non-ASCII names), so Chinese names open
correctly in Windows Explorer and macOS. Used for the pack's zip (a .docx is written
by render/docx_out.py).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

EPOCH = (1980, 1, 1, 0, 0, 0)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, so the mode above is read
    return info


def build_zip(entries: Iterable[tuple[str, bytes]], *, sort: bool = True) -> bytes:
    items = sorted(entries) if sort else list(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in items:
            archive.writestr(_entry(name), data)
    return buffer.getvalue()
