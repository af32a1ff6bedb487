"""The build buttons: what ``export`` and ``pack`` build, through their own code (the
same jobs, the same guarded writer that never overwrites a hand-edited file, the same
manifest), into the preview's output folder. PDFs go through the session's LibreOffice
(office.py), kept running between clicks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import i18n

if TYPE_CHECKING:
    from .session import Session

Line = tuple[str, str]  # (css class, text)


def _lines(batch: Any) -> list[Line]:
    """What a batch did, as the summary of ``export``/``pack`` says it."""
    out: list[Line] = []
    root = Path(batch.root)
    for result in batch.results:
        if result.error:
            out.append(("status-errors", f"{result.spec}: {result.error}"))
        for found in result.problems:  # Located values: the file, then the problem
            out.append(("status-warnings", found.line()))
        for name in result.written:
            out.append(("status-clean", i18n.t("cli.wrote", path=root / name)))
        if result.unchanged and not result.written:
            out.append(("status-clean", i18n.t("preview.unchanged", name=result.title)))
        for name in result.kept:
            out.append(("status-warnings", i18n.t("preview.kept", path=root / name)))
    for name in batch.extra_written:
        out.append(("status-clean", i18n.t("cli.wrote", path=root / name)))
    for name in batch.extra_kept:
        out.append(("status-warnings", i18n.t("preview.kept", path=root / name)))
    for found in batch.errors:
        out.append(("status-errors", found.line()))
    return out


def _formats(pdf: bool) -> tuple[str, ...]:
    return ("docx", "html", "md", "pdf") if pdf else ("docx", "html", "md")


def build_course(session: Session, path: Path, pdf: bool) -> list[Line]:
    """``syllabus export PATH --out OUT`` for one course."""
    from ..build.batch import export

    with session.writing, _office(session, pdf) as missing:
        if missing:
            return [("status-errors", missing)]
        batch = export([path], session.out, workers=1, formats=_formats(pdf), force=False)
    return _lines(batch)


def build_pack(session: Session, path: Path, pdf: bool) -> list[Line]:
    """``syllabus pack PACK --out OUT`` (with ``--pdf`` for the PDF button)."""
    from ..build.batch import build_pack_folder

    with session.writing, _office(session, pdf) as missing:
        if missing:
            return [("status-errors", missing)]
        batch = build_pack_folder(path, session.out, workers=1, force=False, formats=_formats(pdf))
    return _lines(batch)


class _office:
    """PDFs through the session's warm LibreOffice while a build runs; yields what to
    install when the machine has none."""

    def __init__(self, session: Session, pdf: bool) -> None:
        self.session, self.pdf = session, pdf

    def __enter__(self) -> str:
        if not self.pdf:
            return ""
        from ..render.pdf.office import find_office

        if find_office() is None:
            return i18n.t("pdf.not-installed")
        from .office import WarmOffice, use

        if self.session.office is None:
            self.session.office = WarmOffice()
            use(self.session.office)  # until the preview stops (server.py)
        return ""

    def __exit__(self, *exc: object) -> None:
        return None
