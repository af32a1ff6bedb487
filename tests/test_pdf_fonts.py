"""The PDF of a Chinese proposal on a machine without Word's fonts (宋体, 微软雅黑, Calibri):
a Simplified-Chinese serif body and sans headings, never Japanese glyphs.

The first tests read the replacement table the profile gets; the last converts a real
proposal (LibreOffice, poppler and the Noto CJK SC fonts; skipped loudly without them).

Why the PDF's glyphs and not only pdffonts' names: Noto CJK as Debian ships it is one
collection (.ttc) per weight whose faces, JP, KR, SC, TC and HK, share one CFF table named
after the JP face, so LibreOffice embeds even the SC face as ``NotoSerifCJKjp-Regular``.
What tells SC from JP is the glyph a character maps to (the SC ： sits low left, the JP one
in the middle): each face has its own cmap, and LibreOffice names each embedded glyph by
its CID, so every Chinese character of the PDF must have the SC face's glyph."""

from __future__ import annotations

import re
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from syllabus_cli.render.pdf import fonts, profile, to_pdf

from .office import need, pdf_fonts
from .test_pdf import proposal

OLD_PROFILE = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def test_missing_word_fonts_get_the_installed_sc_fonts() -> None:
    linux = frozenset({"noto serif cjk sc", "noto sans cjk sc", "noto sans cjk jp", "carlito"})
    assert fonts.replacements(linux) == [
        ("宋体", "Noto Serif CJK SC"), ("SimSun", "Noto Serif CJK SC"),
        ("新宋体", "Noto Serif CJK SC"), ("NSimSun", "Noto Serif CJK SC"),
        ("微软雅黑", "Noto Sans CJK SC"), ("Microsoft YaHei", "Noto Sans CJK SC"),
        ("黑体", "Noto Sans CJK SC"), ("SimHei", "Noto Sans CJK SC"),
        ("Calibri", "Carlito"),
    ]  # fmt: skip


def test_a_mac_gets_songti_and_pingfang() -> None:
    mac = frozenset({"songti sc", "pingfang sc"})
    assert dict(fonts.replacements(mac)) == {
        "宋体": "Songti SC", "SimSun": "Songti SC", "新宋体": "Songti SC", "NSimSun": "Songti SC",
        "微软雅黑": "PingFang SC", "Microsoft YaHei": "PingFang SC",
        "黑体": "PingFang SC", "SimHei": "PingFang SC",
    }  # fmt: skip


def test_word_fonts_that_are_installed_are_not_replaced() -> None:
    windows = frozenset(
        f.casefold() for f in ("SimSun", "宋体", "NSimSun", "新宋体", "Microsoft YaHei",
                               "微软雅黑", "SimHei", "黑体", "Calibri", "Noto Sans CJK SC")
    )  # fmt: skip
    assert fonts.replacements(windows) == []
    assert fonts.replacements(frozenset({"dejavu sans"})) == []  # no stand-in: none


def test_without_fc_list_the_font_folders_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "Supplemental").mkdir()
    (tmp_path / "Supplemental" / "Songti.ttc").write_bytes(b"")
    (tmp_path / "PingFang.ttc").write_bytes(b"")
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "font_folders", lambda: [tmp_path, tmp_path / "absent"])
    fonts.installed_families.cache_clear()
    try:
        assert fonts.installed_families() == {"songti sc", "pingfang sc"}
    finally:
        fonts.installed_families.cache_clear()


def test_an_old_profile_gets_the_table_and_a_new_table_replaces_it(tmp_path: Path) -> None:
    settings = tmp_path / "user" / "registrymodifications.xcu"
    settings.parent.mkdir()
    settings.write_text(OLD_PROFILE, encoding="utf-8")

    fonts.install(tmp_path, [("宋体", "Noto Serif CJK SC"), ("Calibri", "Carlito")])
    text = settings.read_text(encoding="utf-8")
    assert text.count("<item ") == 4  # the old setting, Replacement and two pairs
    assert "<value>宋体</value>" in text and "<value>Carlito</value>" in text
    assert "ooSetupInstCompleted" in text and text.endswith("</oor:items>\n")

    fonts.install(tmp_path, [("宋体", "Songti SC")])
    text = settings.read_text(encoding="utf-8")
    assert text.count("<item ") == 3
    assert "Songti SC" in text and "Carlito" not in text

    fonts.install(tmp_path, [])  # the fonts are installed now: no table at all
    assert settings.read_text(encoding="utf-8") == OLD_PROFILE


# A real proposal through LibreOffice.


def sc_fonts_installed() -> None:
    need("soffice", "pdffonts", "fc-list", "fc-match")
    listed = subprocess.run(["fc-list", "--format", "%{family}\n"], capture_output=True,
                            text=True, check=True).stdout  # fmt: skip
    missing = [f for f in ("Noto Serif CJK SC", "Noto Sans CJK SC") if f not in listed]
    if missing:
        pytest.skip(f"SKIPPED LOUDLY: {', '.join(missing)} not installed (apt: fonts-noto-cjk)")
    word = [f for f in ("宋体", "SimSun", "微软雅黑", "Microsoft YaHei") if f in listed]
    if word:
        pytest.skip(f"SKIPPED LOUDLY: Word's fonts are installed here ({', '.join(word)})")


def cid(glyph: str) -> int:
    """``cid09779`` (fontTools) and ``cid9779`` (LibreOffice) are glyph 9779."""
    return int(glyph[3:]) if glyph.startswith("cid") and glyph[3:].isdigit() else -1


@dataclass(frozen=True)
class Face:
    program: str  # the name of its CFF table, the name LibreOffice embeds it under
    glyphs: dict[str, int]  # the CID of each character's glyph


def installed_face(family: str, bold: bool) -> Face | None:
    from fontTools.ttLib import TTFont

    pattern = f"{family}:bold" if bold else f"{family}:regular"
    found = subprocess.run(["fc-match", "--format", "%{family}\n%{file}\n%{index}", pattern],
                           capture_output=True, text=True, check=True).stdout.split("\n")  # fmt: skip
    if family not in found[0].split(","):
        return None
    with TTFont(found[1], fontNumber=int(found[2]), lazy=True) as face:
        glyphs = {chr(code): cid(name) for code, name in face.getBestCmap().items()}
        return Face(face["CFF "].cff.fontNames[0], glyphs)


def _stream(pdf: bytes, number: int) -> bytes:
    found = re.search(rb"\b%d 0 obj\s*<<.*?>>\s*stream\r?\n" % number, pdf, re.S)
    assert found, f"no stream object {number}"
    return zlib.decompress(pdf[found.end() : pdf.index(b"endstream", found.end())])


def embedded_glyphs(pdf: Path) -> dict[str, dict[str, str]]:
    """Each embedded Type 1 font of ``pdf`` (its base name): the glyph name LibreOffice
    drew each character with, read from the font's encoding and its ToUnicode map."""
    data = pdf.read_bytes()
    fonts_in: dict[str, dict[str, str]] = {}
    for font in re.finditer(rb"/Type/Font/Subtype/Type1/BaseFont/(\S+)(.*?)>>", data, re.S):
        descriptor = re.search(rb"/FontDescriptor (\d+) 0 R", font.group(2))
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", font.group(2))
        if not (descriptor and to_unicode):
            continue
        head = re.search(rb"\b%s 0 obj\s*<<(.*?)>>" % descriptor.group(1), data, re.S)
        program = re.search(rb"/FontFile (\d+) 0 R", head.group(1)) if head else None
        if not program:
            continue
        encoding = dict(re.findall(rb"dup (\d+) /(\S+) put", _stream(data, int(program.group(1)))))
        unicode_of = re.findall(rb"<([0-9A-F]{2})> <([0-9A-F]{4,8})>", _stream(data, int(to_unicode.group(1))))  # fmt: skip
        glyphs = fonts_in.setdefault(font.group(1).decode().split("+")[-1], {})
        for code, text in unicode_of:
            name = encoding.get(str(int(code, 16)).encode())
            if name:
                glyphs[bytes.fromhex(text.decode()).decode("utf-16-be")] = name.decode()
    return fonts_in


@pytest.mark.office
def test_a_chinese_proposal_is_drawn_in_sc_serif_and_sans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sc_fonts_installed()
    monkeypatch.setattr(profile, "cache_dir", lambda: tmp_path / "cache")
    fonts.installed_families.cache_clear()
    pdf = to_pdf(proposal(tmp_path / "out"))

    listed = pdf_fonts(pdf)
    names = [line.split()[0].split("+")[-1] for line in listed.splitlines()[2:]]
    cjk = [name for name in names if "CJK" in name]
    assert any(n.startswith("NotoSerifCJK") for n in cjk), listed  # the body: serif
    assert any(n.startswith("NotoSansCJK") for n in cjk), listed  # the headings: sans
    assert all(n.startswith(("NotoSerifCJK", "NotoSansCJK")) for n in cjk), listed

    drawn = embedded_glyphs(pdf)
    differ: set[str] = set()  # characters whose SC and JP glyphs differ
    jp_installed = False
    for name in cjk:
        family = "Noto Serif CJK SC" if name.startswith("NotoSerif") else "Noto Sans CJK SC"
        sc = installed_face(family, bold="Bold" in name)
        jp = installed_face(family.replace(" SC", " JP"), bold="Bold" in name)
        assert sc is not None
        assert name.startswith(sc.program), f"{name} is not {family}'s {sc.program}"
        jp_installed = jp_installed or jp is not None
        assert name in drawn, (
            f"no Type 1 program of {name} with CID glyph names: has LibreOffice's PDF export changed?"
        )
        for char, glyph in drawn[name].items():
            if char in sc.glyphs:
                assert cid(glyph) == sc.glyphs[char], (
                    f"{char!r} in {name}: {glyph}, SC: {sc.glyphs[char]}"
                )
                if jp and jp.glyphs.get(char) != sc.glyphs[char]:
                    differ.add(char)
    if jp_installed:
        assert "：" in differ, sorted(differ)  # SC and JP differ here: the SC one was drawn
