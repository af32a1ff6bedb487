"""Which fonts LibreOffice should draw the proposal in when Word's fonts are missing.

The .docx asks for 宋体 (body), 微软雅黑 (headings) and Calibri (Latin), as Word on Windows
has them. Without them LibreOffice falls back to whatever CJK font fontconfig offers first,
often Noto Sans CJK JP: a sans-serif body and Japanese punctuation (a centred ：). So the
profile gets LibreOffice's font replacement table (Tools › Options › Fonts), a pair per
font that is missing here and has an installed stand-in: 宋体 → a Simplified-Chinese serif,
微软雅黑 and 黑体 → a Simplified-Chinese sans, Calibri → Carlito (metric-compatible).

A pair is "always" replaced: LibreOffice ignores a replacement that is not, and fontconfig
would have answered first. Which is why a pair is only written when its font is missing:
Word's own fonts, where they are installed, are used as they are.

Fonts are listed by ``fc-list`` where there is one (Linux, and a Mac with Homebrew's
fontconfig); else by the file names in the system's font folders (Windows, macOS).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from .profile import edit_settings

SERIF_SC = ("Noto Serif CJK SC", "Source Han Serif SC", "Songti SC")
SANS_SC = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC")

# (the font the .docx may ask for, the stand-ins in order of preference)
REPLACEMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("宋体", SERIF_SC),
    ("SimSun", SERIF_SC),
    ("新宋体", SERIF_SC),
    ("NSimSun", SERIF_SC),
    ("微软雅黑", SANS_SC),
    ("Microsoft YaHei", SANS_SC),
    ("黑体", SANS_SC),
    ("SimHei", SANS_SC),
    ("Calibri", ("Carlito",)),
)

# Without fc-list: font files by name (lower case), and the families they hold.
_FILES: dict[str, tuple[str, ...]] = {
    "simsun.ttc": ("SimSun", "宋体", "NSimSun", "新宋体"),
    "msyh.ttc": ("Microsoft YaHei", "微软雅黑"),
    "msyh.ttf": ("Microsoft YaHei", "微软雅黑"),
    "simhei.ttf": ("SimHei", "黑体"),
    "calibri.ttf": ("Calibri",),
    "carlito-regular.ttf": ("Carlito",),
    "notoserifcjk-regular.ttc": ("Noto Serif CJK SC",),
    "notoserifcjksc-regular.otf": ("Noto Serif CJK SC",),
    "notosanscjk-regular.ttc": ("Noto Sans CJK SC",),
    "notosanscjksc-regular.otf": ("Noto Sans CJK SC",),
    "sourcehanserif-regular.ttc": ("Source Han Serif SC",),
    "sourcehanserifsc-regular.otf": ("Source Han Serif SC",),
    "sourcehansans-regular.ttc": ("Source Han Sans SC",),
    "sourcehanssc-regular.otf": ("Source Han Sans SC",),
    "songti.ttc": ("Songti SC",),
    "pingfang.ttc": ("PingFang SC",),
}


def font_folders(platform: str = sys.platform) -> list[Path]:
    if platform == "win32":
        windows = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        local = os.environ.get("LOCALAPPDATA")
        folders = [Path(windows) / "Fonts"]
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return folders
    if platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]  # fmt: skip
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]  # fmt: skip


def _fc_list(fc_list: str) -> frozenset[str] | None:
    try:
        done = subprocess.run(
            [fc_list, "--format", "%{family}\n"],
            capture_output=True, timeout=30, check=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    text = done.stdout.decode("utf-8", errors="replace")
    return frozenset(name.strip().casefold() for name in re.split(r"[,\n]", text) if name.strip())


def _font_files(folders: Iterable[Path]) -> frozenset[str]:
    names: set[str] = set()
    for folder in folders:
        try:
            files = [path.name.lower() for path in folder.rglob("*") if path.is_file()]
        except OSError:
            continue
        for file in files:
            names.update(family.casefold() for family in _FILES.get(file, ()))
    return frozenset(names)


@functools.cache
def installed_families() -> frozenset[str]:
    """The font families installed here, case-folded (once per process)."""
    return list_families(shutil.which("fc-list"), font_folders())


def list_families(fc_list: str | None, folders: Iterable[Path]) -> frozenset[str]:
    """The families ``fc-list`` lists, else those of the font files in ``folders``."""
    listed = _fc_list(fc_list) if fc_list else None
    return listed if listed is not None else _font_files(folders)


def replacements(installed: frozenset[str]) -> list[tuple[str, str]]:
    """(missing font, installed stand-in) for each font the .docx may ask for."""
    pairs = []
    for font, stand_ins in REPLACEMENTS:
        if font.casefold() in installed:
            continue
        found = next((name for name in stand_ins if name.casefold() in installed), None)
        if found:
            pairs.append((font, found))
    return pairs


_PATH = "/org.openoffice.Office.Common/Font/Substitution"
_ITEMS = re.compile(r'<item oor:path="' + re.escape(_PATH) + r'[/"].*?</item>\n?', re.S)


def _prop(name: str, value: str) -> str:
    return f'<prop oor:name="{name}" oor:op="fuse"><value>{escape(value)}</value></prop>'


def table(pairs: list[tuple[str, str]]) -> str:
    """The replacement table as registrymodifications.xcu items."""
    if not pairs:
        return ""
    items = [f'<item oor:path="{_PATH}">{_prop("Replacement", "true")}</item>\n']
    for number, (font, stand_in) in enumerate(pairs):
        items.append(
            f'<item oor:path="{_PATH}/FontPairs"><node oor:name="syllabus{number}" oor:op="replace">'
            + _prop("Always", "true")
            + _prop("OnScreenOnly", "false")
            + _prop("ReplaceFont", font)
            + _prop("SubstituteFont", stand_in)
            + "</node></item>\n"
        )
    return "".join(items)


def install(profile: Path, pairs: list[tuple[str, str]]) -> None:
    """Make ``pairs`` the profile's replacement table, in place of any earlier one (the
    file is only written when that changes it). Runs after LibreOffice's first start has
    written the settings file, and before each start that converts."""
    edit_settings(profile, lambda items: _ITEMS.sub("", items) + table(pairs))
