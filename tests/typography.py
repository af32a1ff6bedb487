"""A typography checker for generated documents, as a Chinese reader sees them.

``docx_findings`` and ``html_findings`` return one line per fault:

* an ASCII colon right after a Chinese character (``讲师:`` instead of ``讲师：``);
* a space between two Chinese characters that the source text did not have (a folded
  YAML line, a padded label);
* italic on Chinese text: a run, a character style or a paragraph style (followed
  through ``basedOn``) that turns italic on; in HTML ``<i>``, ``<em>`` or
  ``font-style: italic``.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CJK = "[\u3400-\u4dbf\u4e00-\u9fff]"
_COLON = re.compile(CJK + ":")
_SPACE = re.compile(f"({CJK})([ \u00a0]+)({CJK})")


def _on(flag: ET.Element | None) -> bool | None:
    if flag is None:
        return None
    return flag.get(W + "val") not in ("0", "false", "off")


def _style_italic(styles: dict[str, tuple[bool | None, str | None]], style_id: str | None) -> bool:
    for _ in range(30):
        if style_id is None or style_id not in styles:
            return False
        value, style_id = styles[style_id][0], styles[style_id][1]
        if value is not None:
            return value
    return False


def _styles(archive: zipfile.ZipFile) -> dict[str, tuple[bool | None, str | None]]:
    root = ET.fromstring(archive.read("word/styles.xml"))
    out = {}
    for style in root.iter(W + "style"):
        rpr, based = style.find(W + "rPr"), style.find(W + "basedOn")
        italic = _on(rpr.find(W + "i")) if rpr is not None else None
        out[style.get(W + "styleId", "")] = (
            italic,
            based.get(W + "val") if based is not None else None,
        )
    return out


def text_findings(text: str, source: str = "") -> list[str]:
    found = [f"ASCII colon after Chinese: {m.group(0)!r}" for m in _COLON.finditer(text)]
    squeezed = source.replace("\n", "")
    for m in _SPACE.finditer(text):
        if m.group(0) not in source and m.group(0) not in squeezed:
            found.append(f"space between Chinese characters: {m.group(0)!r}")
    return found


def docx_parts(data: bytes) -> tuple[list[str], list[str]]:
    """(paragraph texts, italic Chinese runs) of the body, headers and footers."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = _styles(archive)
        names = [
            n
            for n in archive.namelist()
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        roots = [ET.fromstring(archive.read(n)) for n in names]
    paragraphs, italic = [], []
    for root in roots:
        for p in root.iter(W + "p"):
            ppr = p.find(W + "pPr")
            pstyle = ppr.find(W + "pStyle") if ppr is not None else None
            paragraph_italic = _style_italic(
                styles, pstyle.get(W + "val") if pstyle is not None else None
            )
            line = ""
            for r in p.iter(W + "r"):
                text = "".join(t.text or "" for t in r.iter(W + "t"))
                line += text
                rpr = r.find(W + "rPr")
                value = None
                if rpr is not None:
                    value = _on(rpr.find(W + "i"))
                    rstyle = rpr.find(W + "rStyle")
                    if value is None and rstyle is not None:
                        value = _style_italic(styles, rstyle.get(W + "val"))
                if (paragraph_italic if value is None else value) and re.search(CJK, text):
                    italic.append(text)
            paragraphs.append(line)
    return paragraphs, italic


def docx_findings(document: Path | bytes, source: str = "") -> list[str]:
    data = document.read_bytes() if isinstance(document, Path) else document
    paragraphs, italic = docx_parts(data)
    found = [f"italic Chinese: {t!r}" for t in italic]
    for text in paragraphs:
        found += text_findings(text, source)
    return found


def html_findings(page: str, source: str = "") -> list[str]:
    found = []
    if re.search(r"font-style\s*:\s*italic", page) or re.search(r"<(i|em)\b", page):
        found.append("italic in the page")
    text = re.sub(r"<style.*?</style>", "", page, flags=re.S)
    text = re.sub(r"<[^>]+>", "\n", text)
    for line in text.splitlines():
        found += text_findings(line, source)
    return found
