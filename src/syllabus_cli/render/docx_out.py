"""The one path from a python-docx Document to the bytes of a .docx file.

Every document the tool writes (proposal, agenda, a pack's combined proposal) goes
through ``document_bytes``:

* tables of contents are filled (``toc.fill_tocs``), so no reader has to update fields;
* document properties are ours, not python-docx's default file's (created 2013, written
  by "Microsoft Macintosh Word"): title, subject, author, company, created and modified
  = now, or ``SOURCE_DATE_EPOCH`` when set, application "syllabus <version>"; every value
  cut to Word's 255-character limit;
* the package is serialised once, straight into a zip whose entries come in a fixed
  order with a fixed timestamp — no save-then-re-zip — so the same content (and the same
  ``SOURCE_DATE_EPOCH``) gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import CT_Relationships
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from .. import __version__
from ..source_date import build_time
from ..zips import EntryCache, deflate, zip_bytes
from .docx_private import (
    content_types_xml,
    core_properties_part,
    relationships_base,
    set_blob,
    set_core_xml,
)
from .toc import fill_tocs

MAX_PROPERTY = 255  # Word refuses longer document properties
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """XML text escaping (xml.sax.saxutils would import urllib, http and ssl: 50 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Properties:
    """What File › Properties shows (and what a document system indexes)."""

    title: str = ""
    subject: str = ""
    author: str = ""  # the instructor
    company: str = ""  # the supplier (who issues the document)
    keywords: str = ""
    language: str = ""  # zh-CN, en-US


def property_text(value: str) -> str:
    """A value Word accepts: no XML-illegal characters, at most 255 characters (cut
    with an ellipsis, never inside a surrogate pair: Python strings are code points)."""
    value = _XML_ILLEGAL.sub("", " ".join(value.split()))
    if len(value) > MAX_PROPERTY:
        value = value[: MAX_PROPERTY - 1] + "…"
    return value


def set_properties(document: Any, props: Properties) -> None:
    """The properties ``document_bytes`` writes for this document (kept on its package:
    python-docx's own setters raise past 255 characters)."""
    document.part.package.syllabus_properties = props


def document_bytes(document: Any, *, when: dt.datetime | None = None) -> bytes:
    """The finished .docx: TOCs filled, properties written (those given to
    ``set_properties``, else the title python-docx holds), package zipped once."""
    fill_tocs(document)
    package = document.part.package
    props = getattr(package, "syllabus_properties", None)
    if props is None:
        props = Properties(title=document.core_properties.title or "")
    _set_core(package, props, when or build_time())
    _set_app(package, props)
    return _serialise(package)


def _w3cdtf(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _set_core(package: Any, props: Properties, when: dt.datetime) -> None:
    stamp = _w3cdtf(when)

    def el(tag: str, value: str) -> str:
        text = escape(property_text(value))
        return f"<{tag}>{text}</{tag}>" if text else f"<{tag}/>"

    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + el("dc:title", props.title)
        + el("dc:subject", props.subject)
        + el("dc:creator", props.author)
        + el("cp:keywords", props.keywords)
        + el("cp:lastModifiedBy", props.author)
        + (el("dc:language", props.language) if props.language else "")
        + "<cp:revision>1</cp:revision>"
        + f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        + "</cp:coreProperties>"
    )
    set_core_xml(package, xml.encode("utf-8"))


def _set_app(package: Any, props: Properties) -> None:
    """docProps/app.xml, where Word keeps the company and the application's name."""
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{escape(property_text(f'syllabus {__version__}'))}</Application>"
        "<DocSecurity>0</DocSecurity>"
        + (f"<Company>{escape(property_text(props.company))}</Company>" if props.company else "")
        + "</Properties>"
    ).encode("utf-8")
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            set_blob(rel.target_part, xml)
            return
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, xml, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def _serialise(package: Any) -> bytes:
    """The package as python-docx would save it, in a deterministic zip: the parts a
    build changes (the body, the core properties) deflated each time, the rest (a
    template's styles, theme, settings…) deflated once per process for given bytes."""
    parts = package.parts
    for part in parts:
        part.before_marshal()
    fresh = {package.main_document_part, core_properties_part(package)}
    entries = [
        ("[Content_Types].xml", _ENTRIES.entry(_content_types(_part_types(parts)))),
        ("_rels/.rels", _ENTRIES.entry(_rels_xml(_rel_key(package.rels)))),
    ]
    for part in sorted(parts, key=lambda p: str(p.partname)):
        blob = part.blob
        entries.append(
            (part.partname.membername, deflate(blob) if part in fresh else _ENTRIES.entry(blob))
        )
        if len(part.rels):
            xml = _rels_xml(_rel_key(part.rels))
            entries.append((part.partname.rels_uri.membername, _ENTRIES.entry(xml)))
    return zip_bytes(entries)


_ENTRIES = EntryCache()  # per process: the deflated parts that recur across documents
RelKey = tuple[str, tuple[tuple[str, str, str, bool], ...]]


def _part_types(parts: list[Any]) -> tuple[tuple[str, str], ...]:
    return tuple((str(part.partname), part.content_type) for part in parts)


@functools.lru_cache(maxsize=16)
def _content_types(types: tuple[tuple[str, str], ...]) -> bytes:
    """[Content_Types].xml for parts with these (name, content type), as python-docx
    writes it."""
    parts = [SimpleNamespace(partname=PackURI(name), content_type=ct) for name, ct in types]
    return content_types_xml(parts)


def _rel_key(rels: Any) -> RelKey:
    """What a .rels part says: the folder its targets are relative to, and each
    relationship's id, type, target (an address, or the target part's name) and mode."""
    return relationships_base(rels), tuple(
        (r.rId, r.reltype, r.target_ref if r.is_external else r.target_part.partname, r.is_external)
        for r in rels.values()
    )


@functools.lru_cache(maxsize=64)
def _rels_xml(key: RelKey) -> bytes:
    """A .rels part, as python-docx writes it (``Relationships.xml``: internal targets
    relative to the source's folder)."""
    base_uri, relationships = key
    rels = CT_Relationships.new()
    for rid, reltype, target, external in relationships:
        ref = target if external else PackURI(target).relative_ref(base_uri)
        rels.add_rel(rid, reltype, ref, external)
    xml: bytes = rels.xml
    return xml
