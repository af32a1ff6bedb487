"""Word's automatic numbering, as the text a reader sees.

A Word catalog numbers its headings and lists automatically: the "一、" or "1.1" of a
paragraph is not in its text but in ``numbering.xml``, reached from the paragraph's
``w:numPr`` (``w:numId`` and the list level ``w:ilvl``) or from its style's. This renders
that label (``lvlText`` such as ``%1、`` or ``第%1章`` with each level's counter in its
``numFmt``) so the outline reader sees what the reader of the document sees.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from ..numerals import LIMIT, to_chinese


def _chinese(n: int) -> str:
    return to_chinese(n) if 0 <= n < LIMIT else str(n)


def _format(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "taiwaneseCounting",
    ):
        return _chinese(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return None if child is None else child.get(qn("w:val"))


class Numbering:
    """Counters for one document, fed its paragraphs in order."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[
            tuple[str, int], tuple[str, str, int]
        ] = {}  # (numId, ilvl) -> fmt, text, start
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str | None, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract = {
                a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))
            }
            for num in numbering.findall(qn("w:num")):
                base = abstract.get(_val(num, "w:abstractNumId"))
                if base is None:
                    continue
                for lvl in base.findall(qn("w:lvl")):
                    ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                    self.levels[(num.get(qn("w:numId")), ilvl)] = (
                        _val(lvl, "w:numFmt") or "decimal",
                        _val(lvl, "w:lvlText") or "",
                        int(_val(lvl, "w:start") or "1"),
                    )
        for style in document.styles.element.findall(qn("w:style")):
            ppr = style.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if numpr is not None:
                self.style_num[style.get(qn("w:styleId"))] = (
                    _val(numpr, "w:numId"),
                    int(_val(numpr, "w:ilvl") or "0"),
                )

    def label(self, paragraph: Any) -> str:
        """The number Word shows before this paragraph ('' when none); advances counters."""
        ppr = paragraph.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id: str | None = None
        ilvl = 0
        style = _val(ppr, "w:pStyle") if ppr is not None else None
        if style in self.style_num:
            num_id, ilvl = self.style_num[style]
        if numpr is not None:
            num_id = _val(numpr, "w:numId") or num_id
            ilvl = int(_val(numpr, "w:ilvl") or ilvl)
        if not num_id or num_id == "0" or (num_id, ilvl) not in self.levels:
            return ""
        fmt, text, start = self.levels[(num_id, ilvl)]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "· "
        label = text
        for level in range(ilvl, -1, -1):
            level_fmt, _, level_start = self.levels.get((num_id, level), ("decimal", "", 1))
            value = counters.get(level, level_start)
            label = label.replace(f"%{level + 1}", _format(value, level_fmt))
        return label if label.endswith((" ", "、", "．")) else label + " "
