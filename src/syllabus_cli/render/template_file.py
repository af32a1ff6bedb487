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
import posixpath
import re
import zipfile
from pathlib import Path
from stat import S_ISREG
from typing import Any
from urllib.parse import unquote

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import Part, PartFactory, XmlPart
from docx.package import Package

from ..files import resolved
from ..i18n import Msg, t
from ..problems import UserError
from .docx_private import PackageReader, unmarshal_relationships
from .template_links import UnreadablePart, without_links

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
        unmarshal_relationships(self.reader, package, parts)
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
    return _checked_template(resolved(path), mtime_ns, size)


@functools.lru_cache(maxsize=8)
def _checked_template(path: Path, mtime_ns: int, size: int) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(t("template.unreadable", path=path, reason=exc.strerror)) from None
    check_package(data, path)
    try:
        cleaned, _ = without_links(data)
    except UnreadablePart as exc:
        raise TemplateError(t("template.unreadable-part", path=path, part=exc.part)) from None
    except (zipfile.BadZipFile, ValueError, OSError) as exc:  # pragma: no cover - checked above
        raise TemplateError(t("template.not-docx", path=path, reason=type(exc).__name__)) from None
    return cleaned


def check_package(data: bytes, path: Path) -> None:
    """Refuse what python-docx should never parse: not a zip, a zip bomb (sizes read from
    the zip's directory, before anything is unpacked), XML declaring a DTD."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            mb = too_big(archive)
            if mb is not None:
                raise TemplateError(t("template.too-big", path=path, mb=mb))
            for info in infos:  # every part, whatever its name: Word reads footer1.XML
                blob = archive.read(info)
                if declares_dtd(blob, image=info.filename.lower().startswith("word/media/")):
                    raise TemplateError(t("template.dtd", path=path, part=info.filename))
                encoding = odd_encoding(blob)
                if encoding is not None:
                    raise TemplateError(
                        t("template.encoding", path=path, part=info.filename, encoding=encoding)
                    )
            _check_main_part(archive, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise TemplateError(t("template.not-docx", path=path, reason=type(exc).__name__)) from None


# "<!DOCTYPE" and "<!ENTITY" as they appear in every encoding an XML part may use (UTF-8
# and the ASCII-compatible ones, UTF-16 and UTF-32 of either byte order, BOM or not);
# matched against the part's bytes made upper case (bytes.upper() changes only a-z).
_ENCODINGS = ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_DTD_MARKS = tuple(word.encode(e) for word in ("<!DOCTYPE", "<!ENTITY") for e in _ENCODINGS)
_ENTITY_MARKS = tuple("<!ENTITY".encode(e) for e in _ENCODINGS)


def declares_dtd(blob: bytes, image: bool = False) -> bool:
    """Does this part declare a DTD or an entity, in whatever encoding it is written? An
    image (an SVG logo) may name its DTD (``<!DOCTYPE svg PUBLIC …>``, as Illustrator
    writes it), never declare entities."""
    upper = blob.upper()
    return any(mark in upper for mark in (_ENTITY_MARKS if image else _DTD_MARKS))


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def odd_encoding(blob: bytes) -> str | None:
    """The encoding an XML part declares when it is neither UTF-8 nor UTF-16 (UTF-7, a
    code page: where "<!DOCTYPE" can hide from any byte check), else None."""
    found = _DECLARED.match(blob[:200])
    if found is None:
        return None
    name = found.group(1).decode("ascii").upper().replace("_", "-")
    return None if name in ("UTF-8", "UTF8", "UTF-16", "UTF16", "US-ASCII", "ASCII") else name


def _check_main_part(archive: zipfile.ZipFile, path: Path) -> None:
    """A Word document's main part and its styles, else why not in words: a .dotx or a
    macro-enabled file, or a document without styles (what python-docx would raise a
    KeyError or a ValueError for)."""
    try:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except KeyError:
        raise TemplateError(t("template.no-part", path=path, part="[Content_Types].xml")) from None
    kinds = re.findall(r'ContentType="([^"]+)"', types)
    if any(re.search(r"wordprocessingml\.template\.main|macroEnabled", k, re.I) for k in kinds):
        raise TemplateError(t("template.dotx", path=path))
    missing = _missing_part(archive)
    if missing:
        raise TemplateError(t("template.no-part", path=path, part=missing))


def _missing_part(archive: zipfile.ZipFile) -> str | None:
    """A part the package's relationships name but the zip lacks (styles.xml deleted by
    hand, say), or None."""
    names = set(archive.namelist())
    for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):  # what python-docx opens
        if rels not in names:
            continue
        text = archive.read(rels).decode("utf-8", "replace")
        folder = posixpath.dirname(posixpath.dirname(rels))
        for tag in re.findall(r"<Relationship\b[^>]*>", text):
            target = re.search(r'\bTarget="([^"]*)"', tag)
            if target is None or re.search(r'TargetMode="External"', tag, re.I):
                continue
            name = unquote(target.group(1))  # "media/image%201.png" is "media/image 1.png"
            part = name.lstrip("/") if name.startswith("/") else posixpath.join(folder, name)
            part = posixpath.normpath(part).lstrip("/")
            if part not in names:
                return part
    return None


@functools.cache
def default_template() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "default.docx"
