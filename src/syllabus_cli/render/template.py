"""The default Word template: slim (only the styles the tool uses), A4, Chinese fonts,
and a footer with page numbers. ``syllabus template init`` writes it for a user to
brand in Word; the packaged ``data/default.docx`` is this function's output
(regenerate with ``python -m syllabus_cli.render.template``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from . import wml
from .docx_base import OWN_STYLES, REQUIRED_STYLES, Fonts, Styles, apply_fonts, set_a4
from .docx_out import Properties, document_bytes, set_properties
from .toc import ensure_toc_styles

# styles the kept ones lean on (basedOn / link / next), plus Word's own defaults
KEEP = {
    *REQUIRED_STYLES,
    *OWN_STYLES,
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
    "Header",
    "Footer",
    "TOC Heading",
    "Title Char",
    "Subtitle Char",
    "Heading 1 Char",
    "Heading 2 Char",
    "Heading 3 Char",
    "Header Char",
    "Footer Char",
}
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES, TOC …) as begin / instruction / separate / result / end."""
    run = paragraph.add_run()
    begin = wml.new("w:fldChar")
    begin.set(wml.FLD_CHAR_TYPE, "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    instr = wml.new("w:instrText")
    instr.set(wml.XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    sep = wml.new("w:fldChar")
    sep.set(wml.FLD_CHAR_TYPE, "separate")
    run._r.append(sep)
    wml.add_run(paragraph, placeholder)
    run = paragraph.add_run()
    end = wml.new("w:fldChar")
    end.set(wml.FLD_CHAR_TYPE, "end")
    run._r.append(end)


HEADING_SPACING = {
    "Heading 1": (18, 8),
    "Heading 2": (14, 6),
    "Heading 3": (10, 4),
}  # pt before, after


def finish_styles(document: Any) -> None:
    """No italic anywhere (Chinese fonts have none: renderers slant the glyphs); headings
    nearer their own text than the text above, kept with it and never split."""
    for style in document.styles:
        rpr = style.element.rPr
        if rpr is not None:
            for tag in ("w:i", "w:iCs"):
                for flag in rpr.findall(qn(tag)):
                    rpr.remove(flag)
        if style.name in HEADING_SPACING:
            before, after = HEADING_SPACING[style.name]
            fmt = style.paragraph_format
            fmt.space_before, fmt.space_after = Pt(before), Pt(after)
            fmt.keep_with_next = fmt.keep_together = True
    subtitle = document.styles["Subtitle"]
    subtitle.font.color.rgb = RGBColor(0x52, 0x60, 0x6D)


def build_default_template(out: Path, fonts: Fonts | None = None) -> None:
    document = Document()  # python-docx's own default, slimmed below
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, CUSTOM_XML):
            part.drop_rel(rel_id)
    package_rels = part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == THUMBNAIL:
            package_rels.pop(rel_id)
    styles_el = document.styles.element
    latent = styles_el.find(qn("w:latentStyles"))
    if latent is not None:
        styles_el.remove(latent)
    Styles(document, fonts or Fonts(), mode="restyle")  # adds our own styles, sets fonts
    for style in list(document.styles):
        if style.name not in KEEP:
            styles_el.remove(style.element)
    ensure_toc_styles(document)
    finish_styles(document)
    kept = [
        s
        for s in document.styles
        if s.type != WD_STYLE_TYPE.TABLE and s.name != "Default Paragraph Font"
    ]
    apply_fonts(document, fonts or Fonts(), kept)  # linked "… Char" styles too: no theme fonts left
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    set_a4(document)
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(footer, "PAGE")
    footer.add_run(" / ")
    add_field(footer, "NUMPAGES")
    set_properties(document, Properties(title="", author="syllabus"))
    # a fixed date: the shipped file changes only when its content does
    out.write_bytes(document_bytes(document, when=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)))


if __name__ == "__main__":  # pragma: no cover - maintainer's regeneration step
    from .docx_base import default_template

    build_default_template(default_template())
    print(f"wrote {default_template()}")
