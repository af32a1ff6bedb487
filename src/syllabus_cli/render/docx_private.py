"""Every use of python-docx's private API, in one place. render/ reads a template once
per process and writes each package once, faster than ``Document()``/``save()`` do, by
reaching a few names python-docx does not promise to keep:

- ``Unmarshaller._unmarshal_relationships`` and ``PackageReader`` (reading a package
  from parts whose XML was parsed once);
- ``_ContentTypesItem`` ([Content_Types].xml as python-docx writes it);
- ``Package._core_properties_part``, ``XmlPart._element``, ``Part._blob`` (the core and
  app properties written in place);
- ``_Relationships._baseURI`` (the folder a part's relationship targets are relative to).

Tested with python-docx 1.2 — the pin in pyproject.toml (>=1.1,<1.3). Upgrading means:
read its changelog for these names, run tests/test_render_caches.py,
tests/test_proposal.py and tests/test_docx_zip.py (the same bytes as python-docx's own
save), and move the pin.
"""

from __future__ import annotations

from typing import Any

from docx.opc.package import Unmarshaller
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import parse_xml

__all__ = [
    "PackageReader",
    "content_types_xml",
    "core_properties_part",
    "relationships_base",
    "set_blob",
    "set_core_xml",
    "unmarshal_relationships",
]


def unmarshal_relationships(reader: Any, package: Any, parts: dict[str, Any]) -> None:
    """Wire ``parts`` into ``package`` with the relationships ``reader`` read."""
    Unmarshaller._unmarshal_relationships(reader, package, parts)  # type: ignore[no-untyped-call]


def content_types_xml(parts: list[Any]) -> bytes:
    """[Content_Types].xml for parts (each with ``partname`` and ``content_type``)."""
    blob: bytes = _ContentTypesItem.from_parts(parts).blob  # type: ignore[no-untyped-call]
    return blob


def core_properties_part(package: Any) -> Any:
    """docProps/core.xml's part (python-docx creates it when the file has none)."""
    return package._core_properties_part


def set_core_xml(package: Any, xml: bytes) -> None:
    core_properties_part(package)._element = parse_xml(xml)


def set_blob(part: Any, blob: bytes) -> None:
    """A plain part's bytes replaced in place."""
    part._blob = blob


def relationships_base(rels: Any) -> str:
    """The folder python-docx's ``target_ref`` of these relationships is relative to."""
    base: str = rels._baseURI
    return base
