"""PDFs through LibreOffice: a batch of .docx files with one process and a reused
profile, the table of contents and every field updated before export.

``to_pdfs`` converts many files (each result is the PDF or a ``PdfError``); ``to_pdf``
converts one and raises. See ``convert`` for how, ``profile`` for where the profile lives,
``macro`` for why a Basic macro, ``fonts`` for the fonts it draws in where Word's are
missing."""

from __future__ import annotations

from .convert import PdfError, to_pdf, to_pdfs

__all__ = ["PdfError", "to_pdf", "to_pdfs"]
