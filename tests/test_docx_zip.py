"""The .docx zip: the bytes the standard library writes, entries in the order given, and
a per-process store of deflated parts that never serves a part another part's entry."""

from __future__ import annotations

import io
import os
import zipfile

from syllabus_cli.zips import ZIP_TIME, EntryCache, deflate, zip_bytes

ENTRIES = [
    ("[Content_Types].xml", b"<Types/>" * 40),
    ("word/document.xml", "<w:t>课程大纲</w:t>".encode() * 500),
    ("word/media/图.png", os.urandom(2000)),  # a non-ASCII name: flagged as UTF-8
    ("word/empty.xml", b""),
]


def stdlib_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """What ``zipfile`` writes for these entries (how documents were zipped before)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            out.writestr(info, data)
    return buffer.getvalue()


def test_the_zip_is_the_one_zipfile_writes() -> None:
    ours = zip_bytes((name, deflate(data)) for name, data in ENTRIES)
    assert ours == stdlib_zip(ENTRIES)


def test_the_zip_reads_back_in_order_with_a_fixed_time() -> None:
    with zipfile.ZipFile(io.BytesIO(zip_bytes((n, deflate(d)) for n, d in ENTRIES))) as z:
        assert z.testzip() is None
        assert [i.filename for i in z.infolist()] == [name for name, _ in ENTRIES]
        assert {i.date_time for i in z.infolist()} == {ZIP_TIME}
        assert [z.read(name) for name, _ in ENTRIES] == [data for _, data in ENTRIES]


def test_the_same_bytes_reuse_one_entry_and_other_bytes_get_their_own() -> None:
    cache = EntryCache()
    styles = b"<w:styles>" + b"a" * 1000 + b"</w:styles>"
    first = cache.entry(styles)
    assert cache.entry(bytes(styles)) is first  # equal bytes, another object: reused
    changed = cache.entry(styles.replace(b"a", b"b", 1))  # one byte apart
    assert changed is not first and changed == deflate(styles.replace(b"a", b"b", 1))
    assert len(cache) == 2


def test_the_store_is_bounded() -> None:
    cache = EntryCache(max_bytes=40_000)
    for _ in range(100):
        cache.entry(os.urandom(3000))  # random bytes barely deflate: ~3 KB each
    assert cache.size <= 40_000 and len(cache) < 15
    big = os.urandom(20_000)  # more than a quarter of the store: deflated, never kept
    assert cache.entry(big) == deflate(big)
    assert cache.size <= 40_000 and cache.entry(big) is not cache.entry(big)
