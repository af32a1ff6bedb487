"""What a Word template may not bring into a client's document: links that make Word or
LibreOffice fetch or read something else, and fields that do the same or print where the
file is.

A template is the user's, but it is often a file from someone else (a client's brand kit,
a download). Before anything is built from it, its zip is rewritten without:

- relationships to outside targets (``TargetMode="External"``), hyperlinks aside: an
  image linked by URL or ``file:///`` (``r:link``), a remote ``attachedTemplate``, a
  frame, a sub-document, an external ``altChunk``; the markup that pointed at them goes
  too (the ``r:link`` attribute, else the element naming the relationship);
- fields that include or link other files or print the file's own path:
  ``INCLUDEPICTURE``, ``INCLUDETEXT``, ``FILENAME``, ``LINK``, ``DDE``…, with their
  results.

Pure: bytes in, bytes out, parsed by lxml without entities or network (the template's
DTD check has already refused any DTD).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs; python-docx depends on it

_REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",  # strict OOXML
)
_W_NS = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
# Fields that read or fetch another file, or print this one's path (Word's field codes).
RISKY_FIELDS = frozenset(
    {
        "INCLUDEPICTURE",
        "INCLUDETEXT",
        "INCLUDE",
        "IMPORT",
        "FILENAME",
        "LINK",
        "DDE",
        "DDEAUTO",
        "DATABASE",
    }
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


# What an XML part that lxml cannot read must not mention (it could not be cleaned):
# a field that reads or fetches, or an outside link, in UTF-8 or UTF-16.
_RISKY = re.compile(
    "|".join(
        re.escape(word.encode(encoding)).decode("latin-1")
        for word in (*RISKY_FIELDS, "External", "r:link")
        for encoding in ("ascii", "utf-16-le", "utf-16-be")
    ).encode("latin-1"),
    re.I,
)


class UnreadablePart(ValueError):
    """An XML part too broken (or too deep) to clean, that names a field or a link."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


@dataclass
class Cleaned:
    """What was taken out of a template (for a message or a test)."""

    links: list[str] = field(default_factory=list)  # "word/footer1.xml → http://…"
    fields: list[str] = field(default_factory=list)  # "word/footer1.xml: FILENAME"


def without_links(data: bytes) -> tuple[bytes, Cleaned]:
    """The template's zip without outside links and risky fields (the same bytes when it
    has none)."""
    cleaned = Cleaned()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info) for info in infos}
    changed: dict[str, bytes] = {}
    dropped: dict[str, set[str]] = {}  # source part -> relationship ids removed
    for name, blob in parts.items():
        if name.lower().endswith(".rels"):
            new_blob, ids, targets = _drop_external(blob)
            if ids:
                changed[name] = new_blob
                source = _source_of(name)
                dropped[source] = ids
                cleaned.links += [f"{source} → {target}" for target in targets]
    for name, blob in parts.items():
        if not name.lower().endswith(".xml"):
            continue
        tree = _parse(changed.get(name, blob))
        if tree is None:
            if _RISKY.search(blob):  # unreadable here, yet it names a field or a link
                raise UnreadablePart(name)
            continue
        touched = _drop_references(tree, dropped.get(name, set()))
        found = _drop_fields(tree)
        cleaned.fields += [f"{name}: {code}" for code in found]
        if touched or found:
            changed[name] = etree.tostring(
                tree, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    if not changed:
        return data, cleaned
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in infos:
            archive.writestr(info, changed.get(info.filename, parts[info.filename]))
    return out.getvalue(), cleaned


def _parse(blob: bytes) -> Any:
    try:
        return etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError:
        return None  # python-docx says what is wrong with it, if it reads it at all


def _source_of(rels_name: str) -> str:
    """``word/_rels/footer1.xml.rels`` → ``word/footer1.xml`` (``_rels/.rels``: "")."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")]).lstrip("/")


def _drop_external(blob: bytes) -> tuple[bytes, set[str], list[str]]:
    tree = _parse(blob)
    if tree is None:
        return blob, set(), []
    ids: set[str] = set()
    targets: list[str] = []
    for rel in list(tree):
        mode = str(rel.get("TargetMode", "")).lower()
        kind = str(rel.get("Type", ""))
        if mode == "external" and not kind.endswith("/hyperlink"):
            ids.add(str(rel.get("Id", "")))
            targets.append(str(rel.get("Target", "")))
            tree.remove(rel)
    if not ids:
        return blob, set(), []
    return (
        etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True),
        ids,
        targets,
    )


def _drop_references(tree: Any, ids: set[str]) -> bool:
    """Remove what named a removed relationship: an ``r:link`` attribute (the image
    keeps its embedded copy, if any), else the element that names it."""
    if not ids:
        return False
    doomed = []
    for element in tree.iter():
        for attribute, value in list(element.attrib.items()):
            namespace, _, local = attribute[1:].partition("}")
            if namespace in _REL_NS and value in ids:
                if local == "link":
                    del element.attrib[attribute]
                else:
                    doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return True


def _w(element: Any, local: str) -> bool:
    tag = element.tag
    return (
        isinstance(tag, str)
        and tag.startswith("{")
        and tag[1:].partition("}")[2] == local
        and (tag[1:].partition("}")[0] in _W_NS)
    )


def _field_code(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper().lstrip("\\") if words else ""


def _drop_fields(tree: Any) -> list[str]:
    """Remove risky fields, simple (``w:fldSimple``) and complex (``w:fldChar`` begin …
    end, nested included), with their results."""
    found: list[str] = []
    doomed: list[Any] = []
    for element in tree.iter():
        if _w(element, "fldSimple"):
            instr = next((v for k, v in element.attrib.items() if k.endswith("}instr")), "")
            if _field_code(instr) in RISKY_FIELDS:
                found.append(_field_code(instr))
                doomed.append(element)
    open_fields: list[tuple[list[Any], list[str]]] = []  # (runs, instruction parts)
    for run in tree.iter():
        if not _w(run, "r"):
            continue
        chars = [c for c in run if _w(c, "fldChar")]
        kind = next(
            (v for c in chars for k, v in c.attrib.items() if k.endswith("}fldCharType")), ""
        )
        if kind == "begin":
            open_fields.append(([], []))
        for runs, _ in open_fields:
            runs.append(run)
        if open_fields:
            for child in run:
                if _w(child, "instrText") or _w(child, "delInstrText"):
                    open_fields[-1][1].append(child.text or "")
        if kind == "end" and open_fields:
            runs, instruction = open_fields.pop()
            code = _field_code("".join(instruction))
            if code in RISKY_FIELDS:
                found.append(code)
                doomed.extend(runs)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return found
