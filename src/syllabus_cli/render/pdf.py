"""A PDF through LibreOffice, with a profile directory of its own per run so parallel
conversions never collide."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path


class PdfError(Exception):
    pass


def to_pdf(docx: Path, timeout: int = 180) -> Path:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise PdfError(
            "LibreOffice (soffice) is not installed; install it to use --pdf "
            "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui)"
        )
    with tempfile.TemporaryDirectory(prefix="syllabus-lo-") as profile:
        try:
            done = subprocess.run(
                [
                    office,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(docx.parent.resolve()),
                    str(docx.resolve()),
                ],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice did not finish within {timeout} s") from None
    pdf = docx.with_suffix(".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise PdfError(
            f"LibreOffice could not convert {docx.name}: {done.stderr.strip() or done.stdout.strip()}"
        )
    return pdf


def to_pdfs(docxs: Sequence[Path], timeout: float = 180) -> dict[Path, Path | PdfError]:
    """Each .docx's PDF, beside it; a file that fails maps to its PdfError.
    (A loop over ``to_pdf``; the batched version converts with one LibreOffice process.)"""
    made: dict[Path, Path | PdfError] = {}
    for docx in docxs:
        try:
            made[docx] = to_pdf(docx, int(timeout))
        except PdfError as exc:
            made[docx] = exc
    return made
