"""Many .docx files to PDF with one LibreOffice process.

Each .docx is copied under a plain name (``0.docx``, ``1.docx`` …) into a private folder
in the temporary directory and converted there, so no path the user chose (spaces, ``#``,
``%20``, Chinese) ever reaches LibreOffice except through ``Path.as_uri()``, and no
LibreOffice lock file is ever left beside the user's documents. Each PDF then replaces
the one beside its .docx atomically.

``timeout`` is per file: when LibreOffice makes no progress for that long, its whole
process tree is killed, the file it was on fails, and the others go on in a new process.
A file that crashes LibreOffice fails alone the same way.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...files import scratch_dir
from ...i18n import t
from ...problems import UserError
from . import fonts, macro
from .finish import reproducible
from .office import find_office, kill_tree, one_line, start
from .profile import Profile, block_links, take_profile, temporary_profile

NOT_WORD = "not a Word document that LibreOffice can open"


class PdfError(UserError):
    """Why one file got no PDF, in one line."""

    code = "pdf"

    def __init__(self, message: str) -> None:
        super().__init__(None, None, message)


POLL = 0.05  # seconds between looks at LibreOffice's progress

# A converter kept running for a whole session (preview/office.py), set with ``use``:
# while set, ``to_pdfs`` hands it the files instead of starting a LibreOffice per batch.
Converter = Callable[[list[Path], float], dict[Path, "Path | PdfError"]]
warm: Converter | None = None


def use(converter: Converter | None) -> None:
    global warm
    warm = converter


def to_pdfs(docxs: Sequence[Path], timeout: float = 180) -> dict[Path, Path | PdfError]:
    """Convert every .docx to a PDF beside it; each result is the PDF or why not."""
    results: dict[Path, Path | PdfError] = {}
    todo: list[Path] = []
    for docx in dict.fromkeys(docxs):
        if docx.is_file():
            todo.append(docx)
        else:
            results[docx] = PdfError(t("pdf.no-file"))
    if not todo:
        return results
    office = find_office()
    if office is None:
        return results | {docx: PdfError(t("pdf.not-installed")) for docx in todo}
    if warm is not None:  # a LibreOffice kept running by the session (the preview)
        return results | warm(todo, timeout)
    try:
        with _work_dir() as work:
            copies: dict[Path, Path] = {}
            for number, docx in enumerate(todo):
                _remove_stale_lock(docx)
                copies[docx] = work / f"{number}.docx"
                try:
                    shutil.copyfile(docx, copies[docx])
                except OSError as exc:
                    results[docx] = PdfError(t("pdf.unreadable", reason=exc.strerror or exc))
                    del copies[docx]
            converted = _convert(office, list(copies.values()), work, timeout) if copies else {}
            for docx, copy in copies.items():
                made = converted[copy]
                results[docx] = made if isinstance(made, PdfError) else _deliver(made, docx)
    except OSError as exc:  # no room or no right to write in the temporary folder or profile
        failed = PdfError(t("pdf.prepare", reason=exc.strerror or exc))
        results.update((docx, failed) for docx in todo if docx not in results)
    return results


def to_pdf(docx: Path, timeout: float = 180) -> Path:
    """The PDF beside ``docx``; PdfError when there is none."""
    outcome = to_pdfs([docx], timeout)[docx]
    if isinstance(outcome, PdfError):
        raise outcome
    return outcome


def _deliver(pdf: Path, docx: Path) -> Path | PdfError:
    from ...files import write_bytes_atomic

    target = docx.with_suffix(".pdf")
    try:
        write_bytes_atomic(target, reproducible(pdf.read_bytes()))
    except OSError as exc:
        return PdfError(t("pdf.write", name=target.name, reason=exc.strerror or exc))
    return target


def _convert(
    office: Path, copies: list[Path], work: Path, timeout: float
) -> dict[Path, Path | PdfError]:
    """Rounds of one LibreOffice process each, until every copy has an outcome."""
    outcomes: dict[Path, Path | PdfError] = {}
    pending = list(copies)
    with take_profile() as cached, contextlib.ExitStack() as stack:
        profile = cached
        while pending:
            ended = _round(office, profile, pending, outcomes, work, timeout)
            if not pending:
                break
            if ended.reached:  # the file LibreOffice was on when it stopped
                outcomes[pending.pop(0)] = PdfError(
                    t("pdf.stalled", seconds=timeout)
                    if ended.stalled
                    else t("pdf.stopped", output=one_line(ended.output))
                )
            elif profile.cached and not ended.stalled:
                # LibreOffice ended without reaching the files: another LibreOffice may
                # hold this profile (a run killed before it could stop it) and have taken
                # the request over, or the profile is damaged. A fresh profile avoids it;
                # the cached one is made anew next time.
                profile = stack.enter_context(temporary_profile())
                stack.callback(shutil.rmtree, cached.path, ignore_errors=True)
            else:
                message = (
                    t("pdf.start-stalled", seconds=timeout)
                    if ended.stalled
                    else t("pdf.not-started", output=one_line(ended.output))
                )
                outcomes.update((copy, PdfError(message)) for copy in pending)
                pending.clear()
    return outcomes


@dataclass(frozen=True)
class Ended:
    stalled: bool  # no progress within the timeout: the process tree was killed
    reached: bool  # it had started on the first file still pending
    output: str


def _round(
    office: Path,
    profile: Profile,
    pending: list[Path],
    outcomes: dict[Path, Path | PdfError],
    work: Path,
    timeout: float,
) -> Ended:
    """One LibreOffice process over ``pending``, emptied as files finish. Each round
    works in a folder of its own: a LibreOffice of an earlier round that is somehow
    still running can never write over this round's files."""
    log = work / "libreoffice.log"
    base = [str(office), f"-env:UserInstallation={profile.url()}", "--headless",
            "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck"]  # fmt: skip
    keep = () if profile.lock_fd is None else (profile.lock_fd,)
    if not profile.ready():  # LibreOffice's first start in it, then the macro
        stalled = _wait(start([*base, "--terminate_after_init"], log, work / "tmp", keep),
                        lambda: False, timeout)  # fmt: skip
        if stalled or not profile.ready():
            return Ended(stalled, False, _read(log))
    folder = Path(tempfile.mkdtemp(prefix="round-", dir=work))
    files = {copy: folder / copy.name for copy in pending}
    for copy, file in files.items():
        shutil.copyfile(copy, file)
    macro.install(profile.path)
    fonts.install(profile.path, fonts.replacements(fonts.installed_families()))
    block_links(profile.path)
    macro.write_job(profile.path, list(files.values()))

    def progress() -> bool:
        moved = False
        while pending:
            file = files[pending[0]]
            error = file.with_suffix(".err")
            if file.with_suffix(".done").exists() and file.with_suffix(".pdf").is_file():
                outcomes[pending[0]] = file.with_suffix(".pdf")
            elif error.exists():
                outcomes[pending[0]] = PdfError(_reason(error))
            else:
                break
            pending.pop(0)
            moved = True
        return moved

    stalled = _wait(start([*base, macro.MACRO_URL], log, work / "tmp", keep), progress, timeout)
    progress()
    reached = bool(pending) and files[pending[0]].with_suffix(".start").exists()
    return Ended(stalled, reached, _read(log))


def _wait(process: subprocess.Popen[bytes], progress: Callable[[], bool], timeout: float) -> bool:
    """Wait for ``process`` to end; True when ``progress()`` has not returned True for
    ``timeout`` seconds and the process tree was killed."""
    last = time.monotonic()
    try:
        while True:
            try:
                process.wait(timeout=POLL)
                return False
            except subprocess.TimeoutExpired:
                pass
            if progress():
                last = time.monotonic()
            elif time.monotonic() - last > timeout:
                kill_tree(process)
                return True
    except BaseException:  # Ctrl+C: LibreOffice runs in its own session and would stay
        kill_tree(process)
        raise


def _reason(error: Path) -> str:
    text = error.read_text(encoding="utf-8", errors="replace")
    detail = one_line(" ".join(text.split()))
    if detail == NOT_WORD:  # the macro's own words (macro.py)
        detail = t("pdf.not-word")
    return t("pdf.not-converted", detail=detail)


def _read(log: Path) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _work_dir() -> contextlib.AbstractContextManager[Path]:
    return scratch_dir("syllabus-pdf-")


def _remove_stale_lock(docx: Path) -> None:
    """LibreOffice's lock file beside ``docx`` (``.~lock.NAME#``), when an earlier
    conversion of ours was killed before removing it: its profile field names one of our
    profiles. A lock that a person's LibreOffice holds is left alone."""
    lock = docx.parent / f".~lock.{docx.name}#"
    try:
        if not lock.is_file():
            return
        text = lock.read_text(encoding="utf-8", errors="replace")
        if "syllabus-lo-" in text or "/syllabus/libreoffice/" in text:
            lock.unlink()
    except OSError:
        pass
