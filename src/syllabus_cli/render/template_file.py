"""Reading a Word template: once per process, checked before python-docx parses it.

A template's bytes are cached per file state (path, modification time, size), and so is
python-docx's reading of its zip (the parts' bytes and relationships, never changed by a
build) with its XML parts parsed once; each document gets its own fresh Document whose
XML parts are copies of those trees.
Before anything is parsed the zip is checked: sizes read from its directory must stay
under ``MAX_TEMPLATE_BYTES`` unpacked (a 300 KB zip bomb would otherwise take gigabytes), and no XML part may
declare a DTD or entities (they would leave the output ill-formed). Every refusal is a
``TemplateError`` whose message says why.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from stat import S_ISREG
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.package import Unmarshaller
from docx.opc.part import Part, PartFactory, XmlPart
from docx.opc.pkgreader import PackageReader
from docx.package import Package

from ..i18n import Msg, t
from ..problems import UserError

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024  # unpacked; a real branded template is well under 5 MB
# the XML alone (images aside): a 100-page catalog's document.xml is a few MB; 40 MB of
# empty paragraphs took python-docx 17 s and 1 GB
MAX_XML_BYTES = 16 * 1024 * 1024
MAX_PARTS = 10_000


def unpacked_sizes(archive: zipfile.ZipFile) -> tuple[int, int, int]:
    """What a .docx would unpack to, read from the zip's directory before anything is
    unpacked: every part, the XML parts, how many parts."""
    infos = archive.infolist()
    xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    return sum(i.file_size for i in infos), xml, len(infos)


def too_big(archive: zipfile.ZipFile) -> int | None:
    """The unpacked size in MB when a .docx is too big to parse safely, else None."""
    total, xml, parts = unpacked_sizes(archive)
    if total > MAX_TEMPLATE_BYTES or xml > MAX_XML_BYTES or parts > MAX_PARTS:
        return max(total, 1024 * 1024) // (1024 * 1024)
    return None


class TemplateError(UserError):
    """The .docx template cannot be used; the message says why (``path``: the template,
    when known here; the CLI names it otherwise)."""

    code = "template"

    def __init__(self, message: str | Msg, path: Path | None = None) -> None:
        super().__init__(path, None, message)


def open_document(template: Path | None) -> Any:
    """A fresh Document from a template the user gave, or from our default one."""
    path = template if template is not None else default_template()
    data = template_bytes(path)
    try:
        package = _unpacked(data).package()
        part = package.main_document_part
        if part.content_type != CT.WML_DOCUMENT_MAIN:
            raise ValueError(part.content_type)  # as docx.Document refuses it
        return part.document
    except Exception as exc:  # python-docx raises several kinds for a non-.docx file
        raise TemplateError(t("template.not-docx", path=path, reason=type(exc).__name__)) from None


class _Unpacked:
    """A template as python-docx reads it (every part's bytes, content type and
    relationships), with its XML parts parsed once: each document gets copies of the
    parsed trees (copying a tree is several times cheaper than parsing it again)."""

    def __init__(self, data: bytes) -> None:
        self.reader = PackageReader.from_file(io.BytesIO(data))  # type: ignore[no-untyped-call]
        self.parsed: dict[str, tuple[type[XmlPart], Any]] = {}
        parts = self._parts(Package(), parsed={})
        for name, part in parts.items():
            if isinstance(part, XmlPart) and _loads_by_parsing(type(part)):
                self.parsed[name] = (type(part), part.element)

    def package(self) -> Any:
        """A new package, as ``docx.Document`` would open it from the template's bytes."""
        package = Package()
        parts = self._parts(package, self.parsed)
        Unmarshaller._unmarshal_relationships(self.reader, package, parts)  # type: ignore[no-untyped-call]
        for part in parts.values():
            part.after_unmarshal()
        package.after_unmarshal()  # type: ignore[no-untyped-call]
        return package

    def _parts(self, package: Any, parsed: dict[str, tuple[type[XmlPart], Any]]) -> dict[str, Any]:
        """Unmarshaller._unmarshal_parts, copying the trees parsed once."""
        parts: dict[str, Any] = {}
        for name, content_type, reltype, blob in self.reader.iter_sparts():
            known = parsed.get(name)
            if known is None:
                parts[name] = PartFactory(name, content_type, reltype, blob, package)
            else:
                part_class, element = known
                parts[name] = part_class(name, content_type, element.__copy__(), package)
        return parts


def _loads_by_parsing(part_class: type[Part]) -> bool:
    """True when the part class is built from its parsed XML (XmlPart.load), so a copy
    of the tree builds the same part."""
    return getattr(part_class.load, "__func__", None) is XmlPart.load.__func__  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=4)
def _unpacked(data: bytes) -> _Unpacked:
    """The template read once per template's bytes: building documents only copies
    from it. A few at a time: a batch uses one template, or a handful."""
    return _Unpacked(data)


def template_bytes(path: Path) -> bytes:
    """The template's bytes, read and checked once per process for a given file state."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise TemplateError(t("template.missing", path=path)) from None
    except OSError as exc:
        raise TemplateError(t("template.unreadable", path=path, reason=exc.strerror)) from None
    if not S_ISREG(stat.st_mode):  # what path.is_file() asks, without a second stat
        raise TemplateError(t("template.not-file", path=path))
    return _template_at(path.absolute(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _template_at(path: Path, mtime_ns: int, size: int) -> bytes:
    """The template at ``path`` (absolute, links not followed), for a file state:
    resolved (a dozen system calls) only when the state is new."""
    return _checked_template(path.resolve(), mtime_ns, size)


@functools.lru_cache(maxsize=8)
def _checked_template(path: Path, mtime_ns: int, size: int) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(t("template.unreadable", path=path, reason=exc.strerror)) from None
    check_package(data, path)
    return data


def check_package(data: bytes, path: Path) -> None:
    """Refuse what python-docx should never parse: not a zip, a zip bomb (sizes read from
    the zip's directory, before anything is unpacked), XML declaring a DTD."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            mb = too_big(archive)
            if mb is not None:
                raise TemplateError(t("template.too-big", path=path, mb=mb))
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    head = archive.read(info)
                    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                        raise TemplateError(t("template.dtd", path=path, part=info.filename))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise TemplateError(t("template.not-docx", path=path, reason=type(exc).__name__)) from None


@functools.cache
def default_template() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "default.docx"
