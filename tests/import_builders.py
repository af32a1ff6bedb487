"""Course files built in the test with the libraries trainers' tools write them with:
a deck with python-pptx, a sheet with openpyxl, a PDF by LibreOffice from a .docx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from docx import Document


def deck(path: Path, slides: list[tuple[str, list[str | tuple[int, str]]]]) -> Path:
    """Slides of (title, bullets); a bullet (level, text) is indented."""
    from pptx import Presentation

    prs = Presentation()
    for number, (title, bullets) in enumerate(slides):
        layout = prs.slide_layouts[0 if number == 0 else 1]
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        for index, bullet in enumerate(bullets):
            level, text = bullet if isinstance(bullet, tuple) else (0, bullet)
            paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
            paragraph.text = text
            paragraph.level = level
    prs.save(str(path))
    return path


def sheet(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    book.save(str(path))
    return path


def docx(path: Path, lines: list[str]) -> Path:
    document = Document()
    for line in lines:
        if line.startswith("# "):
            document.add_heading(line[2:], level=1)
        elif line.startswith("## "):
            document.add_heading(line[3:], level=2)
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_from_docx(source: Path, out_dir: Path) -> Path:
    """A PDF as Word's "Save as PDF" makes one: LibreOffice converts the .docx."""
    office = soffice()
    assert office is not None
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / (source.stem + ".pdf")
