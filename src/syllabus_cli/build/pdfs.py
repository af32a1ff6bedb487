"""A batch's PDFs: once every course's .docx is written, all of them in one conversion.

Each PDF is made from the .docx that is on disk, so a proposal edited by hand (kept by
the build) gets a PDF of the edited text: a PDF always follows its .docx. The PDF then
goes through the same write as every document (journalled, atomic, a hand-edited PDF
kept).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..files import scratch_dir
from ..i18n import t
from .jobs import Job, JobResult, put
from .manifest import ManifestError


def convert(jobs: list[Job], results: list[JobResult]) -> list[JobResult]:
    from ..render.pdf import PdfError, to_pdfs

    wanted = [
        (i, docx, pdf)
        for i, result in enumerate(results)
        if not result.error
        for docx, pdf in result.pdfs
    ]
    out = list(results)
    with scratch_dir("syllabus-pdf-") as tmp:
        sources: dict[Path, tuple[int, str]] = {}
        docx_of: dict[Path, str | bytes] = {}
        for n, (i, docx, pdf) in enumerate(wanted):
            source = Path(tmp) / str(n) / Path(pdf).with_suffix(".docx").name
            source.parent.mkdir()
            try:
                data = docx if isinstance(docx, bytes) else (jobs[i].root / docx).read_bytes()
                source.write_bytes(data)
            except OSError as exc:
                out[i] = replace(
                    out[i], error=t("pack.cannot-make-pdf", pdf=pdf, reason=exc.strerror or exc)
                )
                continue
            sources[source] = (i, pdf)
            docx_of[source] = docx
        converted = to_pdfs(list(sources)) if sources else {}
        for source, (i, pdf) in sources.items():
            made = converted.get(source)
            if made is None or isinstance(made, PdfError):
                out[i] = replace(
                    out[i], error=t("pack.pdf", detail=made or t("pack.not-converted"))
                )
                continue
            try:
                pdf_bytes = made.read_bytes()
                _number_docx(jobs[i], out[i], docx_of[source], pdf_bytes)
                outcome = put(jobs[i], pdf, pdf_bytes)
            except (ManifestError, OSError) as exc:
                out[i] = replace(out[i], error=t("pack.pdf", detail=exc))
                continue
            if outcome is None:
                out[i] = replace(out[i], kept=(*out[i].kept, pdf))
            else:
                out[i] = replace(out[i], written={**out[i].written, pdf: outcome})
    return out


def _number_docx(job: Job, result: JobResult, docx: str | bytes, pdf: bytes) -> None:
    """The course's .docx, written by this build, gets the PDF's page numbers on its
    contents page (one edited by hand is left as it is)."""
    from ..render.toc import number_toc

    if isinstance(docx, bytes) or docx not in result.written:
        return
    numbered = number_toc((job.root / docx).read_bytes(), pdf)
    if numbered is not None:  # the build wrote the file there: it is the tool's to replace
        outcome = put(replace(job, known={**job.known, docx: result.written[docx]}), docx, numbered)
        if outcome is not None:
            result.written[docx] = outcome
