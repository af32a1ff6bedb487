"""WordprocessingML names and new elements, at lxml's speed.

Element names are in Clark notation (``{namespace}tag``), computed once: python-docx's
``qn`` parses the prefixed name at every call. New elements are copies of a prototype
made once by python-docx's ``OxmlElement`` (the same element, namespace declaration and
class): ``OxmlElement`` builds a namespace map for each, and ``copy.deepcopy`` (which
calls lxml's ``__copy__``) adds a memo for each. ``add_run`` is python-docx's
``paragraph.add_run(text)`` without its XPath, compiled at each call.
"""

from __future__ import annotations

import functools
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.text.run import Run

W = nsmap["w"]


def w(tag: str) -> str:
    """``w:tag`` in Clark notation."""
    return f"{{{W}}}{tag}"


BODY, P, PPR, PSTYLE, R, T, RPR = w("body"), w("p"), w("pPr"), w("pStyle"), w("r"), w("t"), w("rPr")
VAL, STYLE, STYLE_ID, NAME, TYPE = w("val"), w("style"), w("styleId"), w("name"), w("type")
KEEP_NEXT, SECT_PR, TR, INSTR_TEXT = w("keepNext"), w("sectPr"), w("tr"), w("instrText")
FLD_CHAR, FLD_CHAR_TYPE, BOOKMARK_START = w("fldChar"), w("fldCharType"), w("bookmarkStart")
ID, XML_SPACE = w("id"), qn("xml:space")


@functools.cache
def _prototype(tag: str) -> Any:
    return OxmlElement(tag)


def new(tag: str) -> Any:
    """A new, empty element as ``OxmlElement(tag)`` makes it (``tag`` like ``w:p``)."""
    return _prototype(tag).__copy__()


def copy(element: Any) -> Any:
    """A deep copy of ``element`` (what ``copy.deepcopy`` returns, without its memo)."""
    return element.__copy__()


def add_run(paragraph: Any, text: str) -> Any:
    """``paragraph.add_run(text)``: a ``w:r`` appended to the paragraph, holding ``text``
    in a ``w:t`` (``xml:space="preserve"`` when it starts or ends with white space).
    Tabs and line breaks (``w:tab``, ``w:br``) are left to python-docx."""
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    r = new("w:r")
    if text:
        t = new("w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(XML_SPACE, "preserve")
        r.append(t)
    paragraph._p.append(r)
    return Run(r, paragraph)
