"""The one zip writer: deterministic zips, for a .docx (its parts) and a pack's zip.
The same content gives the same bytes (a fixed time and mode, names in UTF-8 with the
language-encoding flag, so Chinese names open in Windows Explorer and macOS). The
deflated form of parts that recur from document to document (a template's styles,
theme, fonts, settings…) can be kept per process.

The bytes are those ``zipfile`` writes for ``writestr(ZipInfo(name, ZIP_TIME), data)``
into a seekable buffer with ``ZIP_DEFLATED`` (zlib's default level): a local header,
the deflated data, then the central directory and its end record — no data
descriptors, no zip64 (a template is capped far below 4 GB), no comment. Writing them
here lets an entry's deflated form be computed once and reused.

``EntryCache`` is keyed by the SHA-256 of a part's bytes, so a changed part can never be
served another part's entry; it holds at most ``MAX_CACHED_BYTES`` of deflated data
(least recently used first out), and callers offer it only parts that recur from
document to document (never a document's body).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no clock in the bytes
MAX_CACHED_BYTES = 32 * 1024 * 1024  # deflated; a template's parts are typically 20 KB

_DEFLATED = 8
_VERSION = 20  # "version needed to extract" for deflate, as zipfile writes it
_UNIX = 3  # the system an entry was made on (so the permission bits below are read)
_MODE = 0o644 << 16  # rw-r--r--
_UTF8_NAME = 0x800
_DOS_TIME = ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | ZIP_TIME[5] // 2
_DOS_DATE = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


@dataclass(frozen=True)
class Entry:
    """One part as the zip stores it."""

    crc: int
    size: int  # unpacked
    deflated: bytes


def deflate(data: bytes) -> Entry:
    """``data`` deflated as ``zipfile`` does (raw deflate, zlib's default level)."""
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Entry(zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


class EntryCache:
    """Deflated entries by the SHA-256 of their parts' bytes, at most ``max_bytes`` of
    deflated data (a part bigger than a quarter of that is deflated every time)."""

    def __init__(self, max_bytes: int = MAX_CACHED_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[bytes, Entry] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        """Deflated bytes held."""
        return self._bytes

    def entry(self, data: bytes) -> Entry:
        key = hashlib.sha256(data).digest()
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            return found
        entry = deflate(data)
        cost = len(entry.deflated)
        if cost <= self.max_bytes // 4:
            self._entries[key] = entry
            self._bytes += cost
            while self._bytes > self.max_bytes:
                self._bytes -= len(self._entries.popitem(last=False)[1].deflated)
        return entry


def _dos(when: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    """(time, date) as a zip stores them: two-second steps, years from 1980."""
    year, month, day, hour, minute, second = when
    return hour << 11 | minute << 5 | second // 2, (max(year, 1980) - 1980) << 9 | month << 5 | day


def zip_bytes(
    entries: Iterable[tuple[str, Entry]], when: tuple[int, int, int, int, int, int] = ZIP_TIME
) -> bytes:
    """The zip of ``entries`` (name, entry), in the order given, dated ``when``."""
    dos_time, dos_date = (_DOS_TIME, _DOS_DATE) if when == ZIP_TIME else _dos(when)
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, entry in entries:
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        fields = (flags, _DEFLATED, dos_time, dos_date, entry.crc, len(entry.deflated))
        sizes = (entry.size, len(raw), 0)  # unpacked, name, no extra field
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *fields, *sizes)
        # … no comment, disk 0, no internal attributes, the mode, where the entry starts
        tail = (0, 0, 0, _MODE, offset)
        central.append(
            _CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, *fields, *sizes, *tail)
        )
        central.append(raw)
        chunks += (local, raw, entry.deflated)
        offset += len(local) + len(raw) + len(entry.deflated)
    directory = b"".join(central)
    count = len(central) // 2
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join(chunks) + directory + end


def build_zip(
    entries: Iterable[tuple[str, bytes]], *, sort: bool = True, when: dt.datetime | None = None
) -> bytes:
    """A zip of (name, bytes), sorted by name unless ``sort`` is False, its entries
    dated ``when`` (a pack's zip: the build time; a zip stores a wall time without a
    zone, so an aware time is written in UTC and the same build gives the same bytes
    anywhere), else the fixed 1980-01-01."""
    items = sorted(entries) if sort else list(entries)
    stamp = ZIP_TIME
    if when is not None:
        moment = when.astimezone(dt.timezone.utc) if when.tzinfo else when
        stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return zip_bytes(((name, deflate(data)) for name, data in items), stamp)
