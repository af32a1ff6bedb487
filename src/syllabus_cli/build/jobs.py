"""One course's documents: the unit of work a batch runs, in any process.

A job never raises: whatever goes wrong in one course comes back as its result, so a
batch always finishes the others. Writes are atomic; a file changed by hand since the
last build is left alone (unless ``force``); a course whose inputs and outputs are
unchanged is not rebuilt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..i18n import t
from ..paths import shown, written_path
from ..problems import Located, Mark, Problem
from . import outputs
from .manifest import ManifestError, file_hash
from .names import UnsafePath, inside, safe_name
from .spec_summary import Head, course_key, read_head

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..agenda.layout import Agenda
    from ..check import CheckedCourse
    from ..spec.model import Course, Instructor, Schedule
    from ..spec.training_plan import Issue
    from ..timing.rules import Timing

FORMATS = ("docx", "html", "md", "pdf")


@dataclass(frozen=True)
class Job:
    spec: Path
    root: Path  # the output folder the manifest lives in
    folder: str  # this course's folder, relative to root ("" for none)
    formats: tuple[str, ...] = ("docx", "html", "md")
    client: str = ""
    date: dt.date | None = None
    skip: str = "holidays"  # days a dated agenda skips (a pack's ``skip:``)
    schedule: Schedule | None = None  # a pack's override layer
    template: Path | None = None
    instructor: Instructor | None = None  # a pack's instructor replaces the course's
    pack: Path | None = None  # the pack file whose settings these are, for messages
    force: bool = False
    known: dict[str, str] = field(default_factory=dict)  # manifest: relative path -> hash
    known_inputs: str | None = None
    known_problems: tuple[Located, ...] = ()  # what the last build of these inputs found
    head: Head | None = None
    variant: str | None = None  # which variant to build (None: the default, named without it)
    draft: bool = False  # placeholders allowed: 草稿 / DRAFT on every page and in the names
    issue: Issue | None = None  # a pack's issue date, version and supplier
    venue: str = ""  # where a pack is delivered (its plan's resources.venue)
    checked: CheckedCourse | None = None  # read and checked already (a pack's programme did)

    @property
    def key(self) -> str:
        return job_key(self.spec, self.variant)


def job_key(spec: Path, variant: str | None) -> str:
    """The manifest's name for one course in one variant: its resolved path (the same
    build typed with an absolute or a relative path is the same build), then the variant."""
    return f"{course_key(spec)}#{variant}" if variant else course_key(spec)


@dataclass(frozen=True)
class JobResult:
    spec: Path
    key: str
    title: str = ""
    course_id: str = ""
    outputs: tuple[str, ...] = ()  # every document this course has, relative to root
    written: dict[str, str] = field(default_factory=dict)  # written now: path -> hash
    kept: tuple[str, ...] = ()  # changed by hand since the last build, left alone
    inputs: str = ""
    unchanged: bool = False
    problems: tuple[Located, ...] = ()  # each in its file: the spec, or the pack
    error: str = ""
    seconds: float = 0.0
    peak_kib: int = 0  # the building process's peak memory, for bench/
    language: str = "zh"
    # (the proposal .docx: its path under root, or its bytes when the .docx is not an
    # output; the PDF's path) for each PDF the batch converts once every course is written
    pdfs: tuple[tuple[str | bytes, str], ...] = ()
    variant: str | None = None
    checked: CheckedCourse | None = None  # a pack's course, for its programme and proposal

    @property
    def ok(self) -> bool:
        return not self.error and not self.kept


@dataclass(frozen=True)
class Inputs:
    """What a course's documents are built from, read cheaply (no validation)."""

    digest: str
    course_id: str
    title: str
    language: str


def read_inputs(job: Job) -> Inputs:
    """Hash of the spec's bytes, the files it references (instructor, template, every file
    it includes, transitively) and the options; the course id and title from the head.
    Cheap enough to run in the parent for every course, so an unchanged course never
    reaches a worker."""
    head = job.head or read_head(job.spec)

    def referenced(ref: str) -> bytes:
        return _bytes_of(written_path(job.spec.parent, ref)) if ref else b""

    digest = hashlib.sha256()
    template = _bytes_of(job.template) if job.template else referenced(head.template)
    for part in (
        __version__.encode(),
        head.spec_hash.encode(),
        referenced(head.instructor),
        template,
        head.includes_hash.encode(),
        repr(
            (
                job.instructor,
                job.formats,
                job.client,
                job.date,
                job.schedule,
                job.folder,
                job.skip,
                job.issue,
                job.venue,
            )
        ).encode(),
        repr(job.variant).encode(),
        repr(job.draft).encode(),
    ):
        digest.update(hashlib.sha256(part).digest())
    course_id = f"{head.course_id}.{job.variant}" if job.variant else head.course_id
    return Inputs(digest.hexdigest(), course_id, head.title, head.language)


def _bytes_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def outputs_of(job: Job, course_id: str) -> dict[str, str]:
    """kind -> path relative to the output root."""
    names = document_names(course_id, job.formats, job.draft)
    return {kind: f"{job.folder}/{name}" if job.folder else name for kind, name in names.items()}


def unchanged(job: Job) -> JobResult | None:
    """The result of a course whose inputs and outputs are as the last build left them."""
    if job.force or job.known_inputs is None:
        return None
    inputs = read_inputs(job)
    outputs = tuple(outputs_of(job, inputs.course_id).values())
    try:
        same = job.known_inputs == inputs.digest and all(
            p in job.known and file_hash(job.root / p) == job.known[p] for p in outputs
        )
    except ManifestError:
        return None  # the job says what is wrong with the output
    if not same:
        return None
    return JobResult(
        job.spec,
        job.key,
        inputs.title,
        inputs.course_id,
        outputs,
        inputs=inputs.digest,
        unchanged=True,
        problems=job.known_problems,
        language=inputs.language,
        variant=job.variant,
    )


def run_job(job: Job) -> JobResult:
    from ..render.template_file import TemplateError

    start = time.perf_counter()
    try:
        result = _run(job)
    except (ManifestError, UnsafePath) as exc:  # the output folder's state, said in one line
        result = JobResult(job.spec, job.key, error=str(exc), variant=job.variant)
    except TemplateError as exc:  # a template refused (too big, not a .docx…): why, in a line
        result = JobResult(job.spec, job.key, error=str(exc), variant=job.variant)
    except OSError as exc:  # disk full, no permission: where and why, one line
        name = f"{shown(exc.filename)}: " if isinstance(exc.filename, str) else ""
        error = f"{name}{exc.strerror or type(exc).__name__}"
        result = JobResult(job.spec, job.key, error=error, variant=job.variant)
    except Exception as exc:  # one course's crash is its own result, never the batch's
        import traceback  # only for a crash: its import costs every batch otherwise

        where = traceback.extract_tb(exc.__traceback__)[-1]
        result = JobResult(
            job.spec,
            job.key,
            error=f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})",
            variant=job.variant,
        )
    return _timed(result, time.perf_counter() - start)


def _timed(result: JobResult, seconds: float) -> JobResult:
    from dataclasses import replace

    return replace(result, seconds=seconds)


def _run(job: Job) -> JobResult:
    from dataclasses import replace

    checked = job.checked or _checked(job)
    result, course, agenda = checked.result, checked.course, checked.agenda
    key = job.key
    problems = tuple(Located(job.spec, p) for p in result.problems)
    back = checked if job.pack is not None else None  # a pack's documents are built from it
    if result.errors or course is None or agenda is None or result.timing is None:
        return JobResult(
            job.spec,
            key,
            result.title,
            problems=problems,
            error=t("pack.spec-errors", n=len(result.errors)),
            variant=job.variant,
            checked=back,
        )
    todo = [p for p in result.problems if p.code == "todo"]
    if todo and not job.draft:  # no placeholder is ever sent to a client
        return JobResult(
            job.spec,
            key,
            result.title,
            problems=problems,
            error=t("build.todo-refused", n=len(todo)),
            variant=job.variant,
            checked=back,
        )
    inputs = read_inputs(job)
    rel = outputs_of(job, inputs.course_id)
    for path in rel.values():
        inside(job.root, path)  # refuse before writing anything
    base = JobResult(
        job.spec,
        key,
        course.title,
        inputs.course_id,
        tuple(rel.values()),
        inputs=inputs.digest,
        problems=problems,
        language=course.language,
        variant=job.variant,
        checked=back,
    )
    from ..problems import Level

    pack_marks = {*job.schedule.marks.values(), Mark()} if job.schedule else {Mark()}

    def where(problem: Problem) -> Located:  # a pack's own setting is located in the pack file
        return Located(job.pack if job.pack and problem.mark in pack_marks else job.spec, problem)

    failed = [p for p in agenda.problems if p.level is Level.ERROR]
    if failed:
        lines = tuple(where(p) for p in failed)
        return replace(base, problems=problems + lines, error=t("pack.agenda-misfit"))
    # what the layout said beyond validation (a short part moved or kept, a pack's
    # schedule running late): listed with the course's problems in the summary
    told = set(result.problems)
    layout_notes = tuple(where(p) for p in agenda.problems if p not in told)
    base = replace(base, problems=problems + layout_notes)
    written, kept, pdfs = _write_documents(job, course, result.timing, agenda, rel)
    return replace(
        base,
        written=written,
        kept=tuple(kept),
        peak_kib=_peak_kib(),
        pdfs=pdfs,
    )


def _checked(job: Job) -> CheckedCourse:
    """The course read, checked and laid out as this build lays it out (a pack's
    schedule, instructor and first date), once."""
    from ..check import lay_out
    from ..spec.build import load_course

    return lay_out(
        load_course(job.spec, variant=job.variant),
        job.spec,
        instructor=job.instructor,
        overrides=(job.schedule,) if job.schedule else (),
        first_date=job.date,
        skip=job.skip,
    )


def _peak_kib() -> int:
    """The process's peak memory in KiB (0 where ``resource`` does not exist: Windows)."""
    try:
        import resource
    except ImportError:
        return 0
    peak = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def document_names(course_id: str, formats: tuple[str, ...], draft: bool = False) -> dict[str, str]:
    stem = safe_name(course_id) + (".draft" if draft else "")
    names: dict[str, str] = {}
    if "docx" in formats:
        names["proposal.docx"] = f"{stem}.proposal.docx"
        names["agenda.docx"] = f"{stem}.agenda.docx"
    if "html" in formats:
        names["agenda.html"] = f"{stem}.agenda.html"
    if "md" in formats:
        names["agenda.md"] = f"{stem}.agenda.md"
    if "pdf" in formats:
        names["proposal.pdf"] = f"{stem}.proposal.pdf"
        names["agenda.pdf"] = f"{stem}.agenda.pdf"
    return names


def _write_documents(
    job: Job, course: Course, timing: Timing, agenda: Agenda, rel: dict[str, str]
) -> tuple[dict[str, str], list[str], tuple[tuple[str | bytes, str], ...]]:
    from ..render.agenda_docx import agenda_document
    from ..render.agenda_text import render_html, render_markdown
    from ..render.docx_out import document_bytes
    from ..render.proposal import ProposalInput, build_proposal, draft_stamp

    template = job.template or course.template

    def agenda_docx() -> bytes:
        supplier = job.issue.supplier if job.issue else None
        document = agenda_document(
            agenda,
            course.language,
            subtitle=course.subtitle,
            template=template,
            client=job.client,
            author=course.instructor.name if course.instructor else "",
            venue=job.venue,
            company=supplier.company if supplier else "",
        )
        if job.draft:
            draft_stamp(document, course.language)
        return document_bytes(document)

    proposal = ProposalInput(
        course, timing, agenda, job.client, job.date, template, issue=job.issue, draft=job.draft
    )
    makers: dict[str, Callable[[], bytes]] = {
        "proposal.docx": lambda: document_bytes(build_proposal(proposal)),
        "agenda.docx": agenda_docx,
        "agenda.html": lambda: render_html(agenda, course.language, course.subtitle).encode(
            "utf-8"
        ),
        "agenda.md": lambda: render_markdown(agenda, course.language).encode("utf-8"),
    }
    written: dict[str, str] = {}
    kept: list[str] = []
    for kind, path in rel.items():
        if kind.endswith(".pdf"):
            continue  # the batch converts every PDF at once, from the .docx on disk
        outcome = put(job, path, makers[kind]())
        if outcome is None:
            kept.append(path)
        else:
            written[path] = outcome
    # a PDF follows the .docx on disk (edited by hand or not); without one, its bytes
    pdfs = tuple(
        (rel.get(f"{doc}.docx") or makers[f"{doc}.docx"](), rel[f"{doc}.pdf"])
        for doc in ("proposal", "agenda")
        if f"{doc}.pdf" in rel
    )
    return written, kept, pdfs


def put(job: Job, relative: str, data: bytes) -> str | None:
    """``outputs.put`` in the job's folder, with what the manifest knows and ``--force``."""
    return outputs.put(job.root, relative, data, job.known, force=job.force)


def with_variants(
    jobs: list[Job],
    known_inputs: dict[str, str],
    known_problems: dict[str, list[dict[str, Any]]] | None = None,
) -> list[Job]:
    """Each job once per variant its spec declares (a spec without variants: once, as
    it is), with what the manifest knows of that variant's inputs and the warnings its
    last build found (told again while it stays unchanged)."""
    from dataclasses import replace

    from .manifest import problems_from

    said = known_problems or {}
    return [
        replace(
            job,
            variant=variant,
            known_inputs=known_inputs.get(job_key(job.spec, variant)),
            known_problems=problems_from(said.get(job_key(job.spec, variant), ())),
        )
        for job in jobs
        for variant in ((job.head.variants if job.head else ()) or (job.variant,))
    ]
