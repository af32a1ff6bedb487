"""Word templates that try to make the tool (or LibreOffice) fetch or read something:
made from the default template by editing its XML, as an attacker would."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from syllabus_cli.render.docx_base import default_template

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _edit(parts: dict[str, bytes], name: str, old: str, new: str) -> None:
    text = parts[name].decode("utf-8")
    assert old in text, (name, old)
    parts[name] = text.replace(old, new, 1).encode("utf-8")


def evil_template(path: Path, url: str, local: Path) -> Path:
    """A template whose footer links an image by URL and another by file:///, carries
    INCLUDEPICTURE, INCLUDETEXT and FILENAME fields, and whose settings attach a remote
    template."""
    with zipfile.ZipFile(default_template()) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    blip = (
        '<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="{n}" '
        'name="logo{n}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="{n}" name="logo{n}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        "</a:graphic></wp:inline></w:drawing></w:r>"
    )
    fields = (
        f'<w:fldSimple w:instr=" INCLUDEPICTURE &quot;{url}/field.png&quot; \\d ">'
        "<w:r><w:t>pic</w:t></w:r></w:fldSimple>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FILE</w:instrText></w:r>'
        '<w:r><w:instrText xml:space="preserve">NAME \\p </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>PATH-SHOWN</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> INCLUDETEXT "{local.as_posix()}" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>TEXT-INCLUDED</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    _edit(
        parts,
        "word/footer1.xml",
        "</w:p></w:ftr>",
        blip.format(n=101, rid="rIdEvil1") + blip.format(n=102, rid="rIdEvil2") + fields
        + "</w:p></w:ftr>",
    )  # fmt: skip
    image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    parts["word/_rels/footer1.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rIdEvil1" Type="{image}" Target="{url}/logo.png" TargetMode="External"/>'
        f'<Relationship Id="rIdEvil2" Type="{image}" Target="{local.as_uri()}" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    attached = (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
    )
    parts["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rIdT" Type="{attached}" Target="{url}/brand.dotx" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    settings = parts["word/settings.xml"].decode()
    head_end = settings.index(">", settings.index("<w:settings")) + 1
    parts["word/settings.xml"] = (
        settings[:head_end] + '<w:attachedTemplate r:id="rIdT"/>' + settings[head_end:]
    ).encode()
    return _write(path, parts)


def _write(path: Path, parts: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def edited_template(path: Path, edit: dict[str, bytes | None]) -> Path:
    """The default template with parts replaced (bytes), added, or removed (None)."""
    with zipfile.ZipFile(default_template()) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, data in edit.items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    return _write(path, parts)
