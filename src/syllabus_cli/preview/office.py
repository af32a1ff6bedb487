"""One LibreOffice for the whole preview session: started on the first PDF, kept
running (the profile's ``Serve`` macro waits for jobs), stopped with the preview.

A cold ``--pdf`` run pays LibreOffice's start for every document; a warm one only the
conversion. The conversion itself is the batch's own (render/pdf: the same macro's
``ConvertOne`` updates the fields and the contents, the same fonts, the same finish of
the PDF), so a PDF from the preview is the PDF ``export --format pdf`` writes.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from ..i18n import t
from ..render.pdf import convert, fonts, macro
from ..render.pdf.convert import PdfError
from ..render.pdf.office import find_office, kill_tree, one_line, start
from ..render.pdf.profile import take_profile


class WarmOffice:
    """Converts .docx files to PDFs beside them with one LibreOffice process; thread
    safe (one conversion at a time)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.work = Path(tempfile.mkdtemp(prefix="syllabus-preview-pdf-"))
        self.stack = contextlib.ExitStack()
        self.profile = self.stack.enter_context(take_profile())
        self.process: subprocess.Popen[bytes] | None = None
        self.rounds = 0
        self.stopping = False  # the preview is stopping: no new LibreOffice, no new job

    @property
    def serve_dir(self) -> Path:
        return self.profile.path / "user" / macro.SERVE_DIR

    def _base(self) -> list[str]:
        office = find_office()
        if office is None:
            raise PdfError(t("pdf.not-installed"))
        return [str(office), f"-env:UserInstallation={self.profile.url()}", "--headless",
                "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck"]  # fmt: skip

    def _keep(self) -> tuple[int, ...]:
        return () if self.profile.lock_fd is None else (self.profile.lock_fd,)

    def start(self, timeout: float = 120) -> None:
        """LibreOffice running the ``Serve`` macro (its first start in the profile
        first, when the profile is new)."""
        if self.process is not None and self.process.poll() is None:
            return
        base = self._base()
        log = self.work / "libreoffice.log"
        if not self.profile.ready():
            first = start([*base, "--terminate_after_init"], log, self.work / "tmp", self._keep())
            try:
                first.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                kill_tree(first)
                raise PdfError(t("pdf.start-stalled", seconds=timeout)) from None
            if not self.profile.ready():
                raise PdfError(t("pdf.not-started", output=one_line(_read(log))))
        macro.install(self.profile.path)
        fonts.install(self.profile.path, fonts.replacements(fonts.installed_families()))
        shutil.rmtree(self.serve_dir, ignore_errors=True)
        self.serve_dir.mkdir(parents=True)
        self.process = start([*base, macro.SERVE_URL], log, self.work / "tmp", self._keep())

    def __call__(self, docxs: list[Path], timeout: float = 180) -> dict[Path, Path | PdfError]:
        """Every .docx to a PDF beside it (the same results as ``to_pdfs``)."""
        if self.stopping:
            return {d: PdfError(t("pdf.stopped", output="")) for d in docxs}
        with self.lock:
            if self.stopping:
                return {d: PdfError(t("pdf.stopped", output="")) for d in docxs}
            try:
                self.start()
            except (PdfError, OSError) as exc:
                return {d: exc if isinstance(exc, PdfError) else PdfError(str(exc)) for d in docxs}
            self.rounds += 1
            folder = self.work / f"round-{self.rounds}"
            folder.mkdir()
            copies = {}
            results: dict[Path, Path | PdfError] = {}
            for number, docx in enumerate(docxs):
                copy = folder / f"{number}.docx"
                try:
                    shutil.copyfile(docx, copy)
                except OSError as exc:
                    results[docx] = PdfError(t("pdf.unreadable", reason=exc.strerror or exc))
                    continue
                copies[docx] = copy
            job = self.serve_dir / "job.tmp"
            job.write_text("".join(f"{c.resolve().as_uri()}\n" for c in copies.values()), "ascii")
            job.replace(self.serve_dir / "job.txt")
            for docx, copy in copies.items():
                results[docx] = self._wait(copy, docx, timeout)
            shutil.rmtree(folder, ignore_errors=True)
            return results

    def _wait(self, copy: Path, docx: Path, timeout: float) -> Path | PdfError:
        last = time.monotonic()
        while True:
            if copy.with_suffix(".done").exists() and copy.with_suffix(".pdf").is_file():
                return convert._deliver(copy.with_suffix(".pdf"), docx)
            if copy.with_suffix(".err").exists():
                return PdfError(convert._reason(copy.with_suffix(".err")))
            if self.process is None or self.process.poll() is not None:
                self.process = None
                return PdfError(
                    t("pdf.stopped", output=one_line(_read(self.work / "libreoffice.log")))
                )
            if time.monotonic() - last > timeout:
                kill_tree(self.process)
                self.process = None
                return PdfError(t("pdf.stalled", seconds=timeout))
            time.sleep(0.02)

    def abandon(self) -> None:
        """Ctrl-C: end LibreOffice now (from any thread), so a conversion under way
        returns at once instead of holding the preview's stop for its whole time."""
        self.stopping = True
        process = self.process
        if process is not None and process.poll() is None:
            kill_tree(process)

    def close(self) -> None:
        """Stop LibreOffice (asked first, then killed) and free the profile."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                (self.serve_dir / "stop").write_text("", "ascii")
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
            kill_tree(process)
        self.stack.close()
        shutil.rmtree(self.work, ignore_errors=True)


def use(office: WarmOffice | None) -> None:
    """Make every PDF of this process (``to_pdfs``) go through ``office``."""
    convert.use(office)


def _read(log: Path) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
