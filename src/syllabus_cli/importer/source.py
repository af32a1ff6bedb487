"""Read what an instructor already has: text (UTF-8 or GB18030) or a .docx (paragraphs
and tables, in document order, with Word's automatic numbering written out as the reader
sees it). Anything else is a clear ``SourceError``."""

from __future__ import annotations

from pathlib import Path

from ..i18n import Msg, msg
from ..problems import UserError

MAX_BYTES = 20 * 1024 * 1024


class SourceError(UserError):
    """A catalog that cannot be read (missing, too big, not text): ``import`` stops."""

    def __init__(self, code: str, message: Msg) -> None:
        super().__init__(None, code, message)


def read_source(path: Path) -> str:
    if not path.is_file():
        raise SourceError("file-missing", msg("source.missing"))
    if path.stat().st_size > MAX_BYTES:
        raise SourceError("too-large", msg("source.too-large", mib=MAX_BYTES // 1024 // 1024))
    if path.suffix.lower() == ".docx":
        return _docx_text(path)
    data = path.read_bytes()
    if not data.strip():
        raise SourceError("empty-file", msg("source.empty"))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("not-text", msg("source.not-text"))
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("encoding", msg("source.encoding"))


def _docx_text(path: Path) -> str:
    import zipfile

    from docx import Document
    from docx.oxml.ns import qn

    from ..render.template_file import too_big

    try:  # a zip bomb is refused from the zip's directory, before python-docx parses it
        with zipfile.ZipFile(path) as archive:
            mb = too_big(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SourceError("not-docx", msg("source.not-docx", reason=type(exc).__name__)) from None
    if mb is not None:
        raise SourceError("too-large", msg("source.unpacks", mb=mb))
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a damaged file
        raise SourceError("not-docx", msg("source.not-docx", reason=type(exc).__name__)) from None
    from .wordnum import Numbering

    numbering = Numbering(document)
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            text = "".join(t.text or "" for t in block.iter(qn("w:t")))
            lines.append(numbering.label(block) + text if text.strip() else text)
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                cells = [
                    "".join(t.text or "" for t in cell.iter(qn("w:t")))
                    for cell in row.iter(qn("w:tc"))
                ]
                lines.append(" ".join(c for c in cells if c))
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError("empty-file", msg("source.no-text"))
    return text
