"""The text layer a trainer's PDF (and a deck, a sheet) really carries, read as the page
shows it: each file made in the test by the library a trainer's tools write it with."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from syllabus_cli.importer.radicals import RADICALS, unified
from syllabus_cli.importer.run import import_catalog

from .import_builders import docx, pdf_from_docx, soffice


def test_every_radical_reads_as_a_unified_ideograph() -> None:
    """Both radical blocks map, and only onto CJK unified ideographs (the UCD table)."""
    assert all(0x2F00 <= cp <= 0x2FD5 for cp in RADICALS if cp >= 0x2F00)
    assert len([cp for cp in RADICALS if cp >= 0x2F00]) == 214
    for cp, ideograph in RADICALS.items():
        assert unicodedata.name(chr(cp)).startswith(("KANGXI RADICAL", "CJK RADICAL"))
        han = ord(ideograph)  # the unified blocks (a few in Extension B-C, newer than Python)
        assert 0x3400 <= han <= 0x9FFF or 0x20000 <= han <= 0x2EBEF, hex(cp)
    assert unified("⼤模型应⽤⼊⻔ · 常⻅问题 · ⻓期") == "大模型应用入门 · 常见问题 · 长期"
    assert unified("plain 文本") == "plain 文本"


@pytest.mark.office
def test_a_pdf_whose_text_layer_carries_radicals_reads_as_the_page_shows(
    tmp_path: Path,
) -> None:
    """Convention: WPS and Word export a Chinese PDF whose text layer names a glyph by its
    radical code point (Kangxi Radicals ⼤ ⽤ ⼊, CJK Radicals Supplement ⻔ ⻅ ⻓ ⻢): the
    page shows 大模型应用入门, a copy of its text says ⼤模型应⽤⼊⻔. Seen as a title
    (⼤模型应⽤⼊⻔), in a module's name (⽂档处理), in running text (常⻅问题, ⻢上). The
    PDF here is made by LibreOffice from a .docx whose text holds those code points, so
    its text layer carries them as such an export does."""
    if soffice() is None:
        pytest.skip("SKIPPED LOUDLY: LibreOffice (soffice) is not installed")
    source = docx(
        tmp_path / "radicals.docx",
        [
            "# ⼤模型应⽤⼊⻔",
            "课程时长：2天",
            "课程⼤纲：",
            "⼀、⼤模型认知（3⼩时）",
            "1. 常⻅问题与误区",
            "⼆、⽂档处理与PPT（3⼩时）",
            "1. ⻓⽂档速读，⻢上可⽤",
        ],
    )
    pdf = pdf_from_docx(source, tmp_path)
    import_catalog(pdf, tmp_path / "out")
    course = yaml.safe_load((tmp_path / "out" / "radicals-01.yaml").read_text(encoding="utf-8"))
    assert course["title"] == "大模型应用入门"
    assert [(m["title"], m["duration"]) for m in course["modules"]] == [
        ("大模型认知", "3小时"),
        ("文档处理与PPT", "3小时"),
    ]
    written = (tmp_path / "out" / "radicals-01.yaml").read_text(encoding="utf-8")
    assert "常见问题与误区" in written and "长文档速读，马上可用" in written
    assert not any("\u2e80" <= c <= "\u2fdf" for c in written)
