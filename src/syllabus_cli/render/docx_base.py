"""python-docx groundwork shared by the agenda and the proposal.

* Chinese in a Chinese font everywhere: python-docx's ``font.name`` sets only the Latin
  slots, and Word's heading styles take their East Asian font from the theme
  (``eastAsiaTheme``), which overrides anything else. So every style we use gets
  explicit ``w:ascii``/``w:hAnsi``/``w:eastAsia`` fonts with the theme attributes
  removed, and ``w:lang w:eastAsia="zh-CN"`` so renderers pick simplified glyph forms.
* Styles are looked up by name once per document and then passed as objects (python-
  docx scans every style on each lookup by name). A template without a style we need
  is a ``TemplateError`` naming it.
* Linear in the document: paragraphs and tables go in before the body's ``w:sectPr``,
  found once per document (python-docx looks it up, or runs an xpath over the whole
  body, for every block it adds).
* Templates are read and checked in ``template_file``; tables' page-flow flags are in
  ``docx_tables``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsmap, qn
from docx.oxml.table import CT_Tbl
from docx.section import Section
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]  # no stubs; python-docx depends on it

from ..i18n import t
from . import wml
from .docx_tables import cell_margins, keep_next, keep_table, row_flags, shade
from .template_file import TemplateError, default_template, open_document
from .wording import balanced_lines

__all__ = [  # the helpers other modules take from here
    "Fonts",
    "Styles",
    "TemplateError",
    "default_template",
    "keep_next",
    "keep_table",
    "open_document",
    "row_flags",
    "shade",
    "styles_for",
]

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
)
OWN_STYLES = ("Syllabus Case", "Syllabus Meta", "Syllabus Table")
_THEME_ATTRS = tuple(qn(attr) for attr in THEME_ATTRS)
_R_FONTS, _LANG, _ASCII, _H_ANSI = wml.w("rFonts"), wml.w("lang"), wml.w("ascii"), wml.w("hAnsi")
_EAST_ASIA, _CS, _BASED_ON = wml.w("eastAsia"), wml.w("cs"), wml.w("basedOn")
_ITALIC = (("w:i", wml.w("i")), ("w:iCs", wml.w("iCs")))
_OFF = ("0", "false", "off")


@dataclass(frozen=True)
class Fonts:
    body_east_asian: str = "宋体"
    body_latin: str = "Calibri"
    heading_east_asian: str = "微软雅黑"
    heading_latin: str = "Calibri"


def set_fonts(rpr_parent: Any, latin: str, east_asian: str, lang: str = "zh-CN") -> None:
    """Explicit Latin and East Asian fonts on a style's (or run's) rPr; theme fonts removed."""
    rpr = rpr_parent.find(wml.RPR)
    if rpr is None:
        rpr = wml.new("w:rPr")
        rpr_parent.append(rpr)
    fonts = rpr.find(_R_FONTS)
    if fonts is None:
        fonts = wml.new("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        if fonts.get(attr) is not None:
            del fonts.attrib[attr]
    fonts.set(_ASCII, latin)
    fonts.set(_H_ANSI, latin)
    fonts.set(_EAST_ASIA, east_asian)
    fonts.set(_CS, latin)
    lang_el = rpr.find(_LANG)
    if lang_el is None:
        lang_el = wml.new("w:lang")
        rpr.append(lang_el)
    lang_el.set(_EAST_ASIA, lang)


class Styles:
    """The styles a document build uses, resolved once."""

    def __init__(self, document: Any, fonts: Fonts, *, mode: str) -> None:
        """``mode``: "keep" (our default template: fonts already set), "restyle" (set our
        fonts on every style used), "ensure" (a user's template: keep its look, only make
        sure Chinese has a font that no theme overrides)."""
        self.document = document
        found: dict[str, Any] = {}
        by_name = styles_by_name(document)
        missing = [name for name in REQUIRED_STYLES if name not in by_name]
        if missing:
            raise TemplateError(t("template.no-style", styles=", ".join(repr(m) for m in missing)))
        for name in REQUIRED_STYLES:
            found[name] = by_name[name]
        found.update(_own_styles(document, by_name))
        self._styles = found
        self._prototypes: dict[tuple[str, bool, bool], Any] = {}  # by style name
        self._anchor: tuple[Any, Any] | None = None  # (body element, its w:sectPr)
        if mode == "restyle":
            apply_fonts(
                document, fonts, [found[n] for n in (*REQUIRED_STYLES, *OWN_STYLES) if n in found]
            )
        elif mode == "ensure":
            ensure_east_asian(document, fonts, [found[n] for n in REQUIRED_STYLES])

    def __getitem__(self, name: str) -> Any:
        return self._styles[name]

    def paragraph(
        self, container: Any, text: str = "", name: str = "Normal", *, keep: bool = False
    ) -> Any:
        """Add a paragraph in style ``name`` (kept with the next one when ``keep``) to a
        document (or any block container).

        Copied from an lxml prototype (one per style id, kept per process), text set
        straight into its ``w:t``, and placed with one ``addprevious``: python-docx's
        ``add_paragraph(style=…)`` and ``add_run`` scan every style, every body child and
        the run's schema for each paragraph, which made a proposal quadratic and several
        times slower."""
        plain = "\t" not in text and "\n" not in text
        key = (name, keep, bool(text) and plain)
        prototype = self._prototypes.get(key)
        if prototype is None:
            style_id = None if name == "Normal" else self._styles[name].style_id
            prototype = self._prototypes[key] = _paragraph_prototype(style_id, keep, key[2])
        p = wml.copy(prototype)
        body = getattr(container, "_body", container)  # a Document, or a cell/body itself
        self.place(body, p)
        paragraph = Paragraph(p, body)
        if text and plain:
            p[-1][0].text = text
        elif text:
            paragraph.add_run(text)  # tabs and line breaks become w:tab / w:br
        return paragraph

    def title(self, document: Any, text: str) -> Any:
        """A Title paragraph broken over balanced lines (never one character alone on
        the last line), measured against the Title style's size and the text width."""
        paragraph = self.paragraph(document, "", "Title")
        size = self._styles["Title"].font.size
        section = first_section(document)
        width = Emu(section.page_width - section.left_margin - section.right_margin).pt
        for number, line in enumerate(balanced_lines(text, width / (size.pt if size else 26.0))):
            if number:  # a line break in a run of its own, as Word writes it
                br = wml.new("w:r")
                br.append(wml.new("w:br"))
                paragraph._p.append(br)
            wml.add_run(paragraph, line)
        return paragraph

    def table(self, document: Any, rows: int, cols: int, widths: tuple[Any, ...]) -> Any:
        """A table in our table style, at the end of the document body, with its grid
        set to ``widths`` (what LibreOffice and WPS read)."""
        body = document._body
        tbl = CT_Tbl.new_tbl(rows, cols, sum(widths, start=Cm(0)))
        self.place(body, tbl)
        table = Table(tbl, body)
        table.style = self._styles["Syllabus Table"]
        table.autofit = False
        tbl.tblPr.append(cell_margins())  # on the table: LibreOffice skips the style's
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        return table

    def place(self, container: Any, block: Any) -> None:
        """Put a block element (``w:p``, ``w:tbl``) at the end of a document or a block
        container: before the body's closing ``w:sectPr`` (looked up once), or last."""
        target = getattr(container, "_body", container)  # Document → _Body → CT_Body
        element = getattr(target, "_element", target)
        if element.tag == wml.BODY:
            if self._anchor is None or self._anchor[0] is not element:
                self._anchor = (element, element.find(wml.SECT_PR))
            sect_pr = self._anchor[1]
        else:
            sect_pr = None  # a table cell: no section properties inside
        if sect_pr is not None:
            sect_pr.addprevious(block)
        else:
            element.append(block)

    def no_italic(self) -> None:
        """Chinese is never set in italic (Chinese fonts have none; renderers slant
        the glyphs): every style we use says so, whatever the template's look."""
        by_id: dict[str, Any] = {}
        for element in self.document.styles.element.iterchildren(wml.STYLE):
            by_id.setdefault(element.get(wml.STYLE_ID), element)  # the first, as python-docx
        for style in self._styles.values():
            element = style.element
            if element.get(wml.TYPE) == "table":  # python-docx: no w:type is a paragraph style
                continue
            rpr = element.get_or_add_rPr()
            inherited: bool | None = None  # from the styles it is based on, looked up once
            for tag, name in _ITALIC:
                flag = rpr.find(name)
                if flag is not None and flag.get(wml.VAL) in _OFF:
                    continue
                if flag is None:
                    if inherited is None:
                        inherited = _inherits_italic(element, by_id)
                    if not inherited:
                        continue
                    flag = wml.new(tag)
                    rpr.append(flag)
                flag.set(wml.VAL, "0")


@functools.lru_cache(maxsize=256)
def _paragraph_prototype(style_id: str | None, keep: bool, with_text: bool) -> Any:
    """An empty paragraph in a style (None: Normal), kept with the next or not, with a
    run and its ``w:t`` ready for text or not: built once, copied for each paragraph."""
    prototype = wml.new("w:p")
    if style_id is not None or keep:
        ppr = wml.new("w:pPr")
        if style_id is not None:
            pstyle = wml.new("w:pStyle")
            pstyle.set(wml.VAL, style_id)
            ppr.append(pstyle)
        if keep:
            ppr.append(wml.new("w:keepNext"))
        prototype.append(ppr)
    if with_text:
        run, text = wml.new("w:r"), wml.new("w:t")
        text.set(wml.XML_SPACE, "preserve")
        run.append(text)
        prototype.append(run)
    return prototype


# what python-docx's ``document.sections`` reads (``CT_Document.sectPr_lst``), compiled
# once: python-docx compiles it at each call
_SECTIONS = etree.XPath("./w:p/w:pPr/w:sectPr | ./w:sectPr", namespaces={"w": nsmap["w"]})


def first_section(document: Any) -> Any:
    """``document.sections[0]``, its ``w:sectPr`` found by an XPath compiled once."""
    found = _SECTIONS(document.element.body)
    return Section(found[0], document.part) if found else document.sections[0]


def _base(element: Any, by_id: dict[str, Any]) -> Any:
    """The style element ``element`` is based on (python-docx's ``base_style``), or None."""
    based_on = element.find(_BASED_ON)
    if based_on is None:
        return None
    return by_id.get(based_on.get(wml.VAL))


def _inherits_italic(element: Any, by_id: dict[str, Any]) -> bool:
    base = _base(element, by_id)
    for _ in range(20):
        if base is None:
            return False
        rpr = base.find(wml.RPR)
        flag = rpr.find(_ITALIC[0][1]) if rpr is not None else None
        if flag is not None:
            return flag.get(wml.VAL) not in _OFF
        base = _base(base, by_id)
    return False


def styles_by_name(document: Any) -> dict[str, Any]:
    """Every style of ``document`` by its UI name (the last of a name wins, as a dict
    over ``document.styles`` gives), without python-docx making an object per style:
    an object is made only for a name looked up."""
    return _LazyStyles(document.styles.element)


# each style's name (its first w:name's w:val), in document order, compiled once
_STYLE_NAMES = etree.XPath("w:style/w:name[1]/@w:val", namespaces={"w": wml.W})


class _LazyStyles(dict[str, Any]):
    def __init__(self, styles_element: Any) -> None:
        super().__init__()
        self._elements: dict[str, Any] = {}
        for value in _STYLE_NAMES(styles_element):  # w:style ← w:name ← @w:val
            self._elements[BabelFish.internal2ui(str(value))] = value.getparent().getparent()

    def __contains__(self, name: object) -> bool:
        return name in self._elements

    def __missing__(self, name: str) -> Any:
        style = StyleFactory(self._elements[name])
        self[name] = style
        return style

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self._elements else default


def _own_styles(document: Any, by_name: dict[str, Any]) -> dict[str, Any]:
    """Our own styles, added to the document when the template lacks them."""
    out: dict[str, Any] = {}
    styles = document.styles
    if "Syllabus Case" in by_name:
        out["Syllabus Case"] = by_name["Syllabus Case"]
    else:
        case = styles.add_style("Syllabus Case", WD_STYLE_TYPE.PARAGRAPH)
        case.base_style = by_name["Normal"]
        case.paragraph_format.left_indent = Cm(0.75)
        case.paragraph_format.space_after = Pt(2)
        case.font.color.rgb = RGBColor(0x8A, 0x4B, 0x08)
        out["Syllabus Case"] = case
    if "Syllabus Meta" in by_name:
        out["Syllabus Meta"] = by_name["Syllabus Meta"]
    else:
        meta = styles.add_style("Syllabus Meta", WD_STYLE_TYPE.PARAGRAPH)
        meta.base_style = by_name["Normal"]
        meta.font.color.rgb = RGBColor(0x52, 0x60, 0x6D)
        meta.font.size = Pt(10)
        out["Syllabus Meta"] = meta
    if "Syllabus Table" in by_name:
        out["Syllabus Table"] = by_name["Syllabus Table"]
    else:
        table = styles.add_style("Syllabus Table", WD_STYLE_TYPE.TABLE)
        table.base_style = by_name.get("Table Grid") or by_name.get("Normal Table")
        out["Syllabus Table"] = table
    return out


def apply_fonts(document: Any, fonts: Fonts, styles: list[Any]) -> None:
    """Our default look: body and heading fonts on every style we use, and the document
    defaults, with no theme fonts left to override them."""
    defaults = document.styles.element.find(wml.w("docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(wml.w("rPrDefault"))
        if rpr_default is not None:
            set_fonts(rpr_default, fonts.body_latin, fonts.body_east_asian)
    for style in styles:
        if style.type == WD_STYLE_TYPE.TABLE:
            continue
        if is_heading(style.name):
            set_fonts(style.element, fonts.heading_latin, fonts.heading_east_asian)
        else:
            set_fonts(style.element, fonts.body_latin, fonts.body_east_asian)


def ensure_east_asian(document: Any, fonts: Fonts, styles: list[Any]) -> None:
    """For a user's template: keep its Latin fonts; make sure Chinese has a font and the
    theme cannot override it."""
    for style in styles:
        rpr = style.element.find(wml.RPR)
        current = rpr.find(_R_FONTS) if rpr is not None else None
        latin = current.get(_ASCII) if current is not None else None
        east = current.get(_EAST_ASIA) if current is not None else None
        heading = is_heading(style.name)
        default_east = fonts.heading_east_asian if heading else fonts.body_east_asian
        default_latin = fonts.heading_latin if heading else fonts.body_latin
        set_fonts(style.element, latin or default_latin, east or default_east)


def is_heading(name: str) -> bool:
    return name.startswith(("Heading", "Title", "Subtitle"))


def set_a4(document: Any, margin_cm: float = 2.2) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(margin_cm))
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)


def styles_for(document: Any, template: Path | None, fonts: Fonts) -> Styles:
    """Our template with default fonts needs nothing done; custom fonts restyle it; a
    user's template is only made safe for Chinese."""
    if template is not None:
        return Styles(document, fonts, mode="ensure")
    return Styles(document, fonts, mode="keep" if fonts == Fonts() else "restyle")
