"""Batch builds: ``export`` (every course under some paths) and ``pack`` (a client's
courses, their combined proposal, an index and a zip). Jobs run in worker processes;
results come back in submission order, so the output is the same whatever ``jobs`` is.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .jobs import Job, JobResult, put, run_job, unchanged
from .manifest import Manifest, file_hash, sha256
from .names import UnsafePath, inside, safe_name
from .plan import plan_programme
from .spec import Pack

if TYPE_CHECKING:
    from ..render.proposal import ProposalInput


class Listener(Protocol):
    """Told how many courses a batch has, then of each one as it finishes."""

    def start(self, total: int) -> None: ...

    def done(self, result: JobResult) -> None: ...


@dataclass
class BatchResult:
    root: Path
    results: list[JobResult] = field(default_factory=list)
    extra_written: list[str] = field(default_factory=list)
    extra_kept: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # pack-level failures

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results) and not self.extra_kept and not self.errors


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    """forkserver: workers start from a clean process that has already imported the
    renderers once (fork from a process with a progress thread is unsafe)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["syllabus_cli.pack.jobs", "syllabus_cli.render.proposal"])
        return ctx
    return multiprocessing.get_context("spawn")


def run_jobs(jobs: list[Job], workers: int, listener: Listener | None = None) -> list[JobResult]:
    """Results in the order of ``jobs``. Unchanged courses are settled here, without a
    worker; the rest run in ``workers`` processes (in this one when 1)."""
    if listener:
        listener.start(len(jobs))
    results: dict[int, JobResult] = {}
    todo: list[int] = []
    for i, job in enumerate(jobs):
        settled = unchanged(job)
        if settled is None:
            todo.append(i)
        else:
            results[i] = settled
            if listener:
                listener.done(settled)
    if workers <= 1 or len(todo) <= 1:
        for i in todo:
            results[i] = run_job(jobs[i])
            if listener:
                listener.done(results[i])
    else:
        with ProcessPoolExecutor(
            max_workers=min(workers, len(todo)), mp_context=_context()
        ) as pool:
            futures = {pool.submit(run_job, jobs[i]): i for i in todo}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                if listener:
                    listener.done(results[futures[future]])
    return [results[i] for i in range(len(jobs))]


def _record(manifest: Manifest, results: list[JobResult]) -> None:
    for result in results:
        manifest.files.update(result.written)
        if result.inputs and not result.kept and not result.error:
            manifest.inputs[result.key] = result.inputs


def course_jobs(
    specs: list[Path], manifest: Manifest, folders: dict[Path, str], options: Job
) -> list[Job]:
    """One job per spec: ``options`` carries what every course shares (root, formats, a
    pack's overrides); each job gets its spec, its folder and what the manifest knows."""
    known = dict(manifest.files)
    return [
        replace(
            options,
            spec=spec,
            folder=folders[spec],
            known=known,
            known_inputs=manifest.inputs.get(str(spec)),
        )
        for spec in specs
    ]


def export(
    specs: list[Path],
    out: Path,
    *,
    workers: int,
    formats: tuple[str, ...],
    force: bool,
    listener: Listener | None = None,
) -> BatchResult:
    """Every course's documents in ``out/<course-id>/``."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(out)
    ids = _folders(specs)
    jobs = course_jobs(specs, manifest, ids, Job(Path(), out, "", formats=formats, force=force))
    results = run_jobs(jobs, workers, listener)
    _record(manifest, results)
    manifest.save()
    return BatchResult(out, results)


def _folders(specs: list[Path]) -> dict[Path, str]:
    """A folder per course from its id (the spec's ``id:`` or file stem), made unique."""
    from ..load import YMap, YScalar, load_file

    taken: set[str] = set()
    folders: dict[Path, str] = {}
    for spec in specs:
        loaded = load_file(spec)
        name = spec.stem
        if isinstance(loaded.root, YMap):
            entry = loaded.root.get("id")
            if entry is not None and isinstance(entry.value, YScalar) and entry.value.value:
                name = str(entry.value.value)
        folder = safe_name(name)
        candidate, n = folder, 2
        while candidate.lower() in taken:
            candidate, n = f"{folder}-{n}", n + 1
        taken.add(candidate.lower())
        folders[spec] = candidate
    return folders


def build_pack_folder(
    pack_path: Path, out: Path, *, workers: int, force: bool, listener: Listener | None = None
) -> BatchResult:
    """``out/<pack-id>/``: each course's documents, the combined proposal, an index, a zip."""
    from ..load import load_file
    from ..pack.spec import build_pack
    from ..problems import Level

    pack, problems = build_pack(load_file(pack_path))
    errors = [p.format(pack_path.as_posix()) for p in problems if p.level is Level.ERROR]
    if pack is None or errors:
        return BatchResult(out, errors=errors or [f"{pack_path}: cannot read the pack"])
    try:
        root = inside(out, safe_name(pack.id, "pack"))
    except UnsafePath as exc:
        return BatchResult(out, errors=[str(exc)])
    root.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(root)
    specs = [c.path for c in pack.courses]
    ids = _folders(specs)
    programme = plan_programme(pack)  # each course's first day
    shared = Job(
        Path(),
        root,
        "",
        formats=("docx", "html", "md"),
        force=force,
        client=pack.client,
        schedule=pack.schedule,
        template=pack.template,
        instructor=pack.instructor,
        pack=pack.path,
    )
    jobs = [
        replace(job, date=date)
        for job, date in zip(
            course_jobs(specs, manifest, ids, shared), programme.dates, strict=True
        )
    ]
    results = run_jobs(jobs, workers, listener)
    _record(manifest, results)
    batch = BatchResult(root, results)
    _pack_documents(pack, jobs, results, manifest, batch, force)
    manifest.save()
    return batch


def _pack_documents(
    pack: Pack,
    jobs: list[Job],
    results: list[JobResult],
    manifest: Manifest,
    batch: BatchResult,
    force: bool,
) -> None:
    """The combined proposal, index.md, index.html and the zip, from what was built."""
    from ..render.docx_out import document_bytes
    from ..render.pack_docs import PackInfo, combined_proposal, index_html, index_markdown
    from .zipping import build_zip

    root = batch.root
    stem = safe_name(pack.id, "pack")
    good = [(job, r) for job, r in zip(jobs, results, strict=True) if not r.error]
    language = pack.language or (good[0][1].language if good else "zh")
    info = PackInfo(pack.client, pack.title, language, pack.instructor, pack.template)
    combined_name = f"{stem}.proposal.docx"
    key = f"pack:{stem}"
    combined_inputs = sha256(
        "|".join([pack.path.read_bytes().hex(), *(r.inputs for _, r in good)]).encode()
    )
    writer = Job(pack.path, root, "", force=force, known=dict(manifest.files))
    current = file_hash(root / combined_name)
    if (
        force
        or manifest.inputs.get(key) != combined_inputs
        or current is None
        or current != manifest.files.get(combined_name)
    ):
        inputs = [_proposal_input(pack, job) for job, _ in good]
        outcome = put(writer, combined_name, document_bytes(combined_proposal(info, inputs)))
        _note(batch, manifest, combined_name, outcome)
        if outcome is not None:
            manifest.inputs[key] = combined_inputs
    rows = [
        (r.title, (job.date.isoformat() if job.date else "—"), list(r.outputs)) for job, r in good
    ]
    zip_name = f"{stem}.zip"
    for name, text in (
        ("index.md", index_markdown(info, rows, zip_name)),
        ("index.html", index_html(info, rows, zip_name)),
    ):
        _note(batch, manifest, name, put(writer, name, text.encode("utf-8")))
    listed = sorted(
        {combined_name, "index.md", "index.html", *(p for _, r in good for p in r.outputs)}
    )
    entries = [
        (f"{stem}/{rel}", (root / rel).read_bytes()) for rel in listed if (root / rel).is_file()
    ]
    _note(batch, manifest, zip_name, put(writer, zip_name, build_zip(entries)))


def _proposal_input(pack: Pack, job: Job) -> ProposalInput:
    """One course as the combined proposal shows it (the pack's instructor and schedule)."""
    from ..agenda.plan import plan_agenda
    from ..check import check_course
    from ..render.proposal import ProposalInput
    from ..spec.build import load_course

    checked = check_course(load_course(job.spec), job.spec)
    assert checked.course is not None and checked.timing is not None  # its job succeeded
    course = replace(checked.course, instructor=pack.instructor or checked.course.instructor)
    agenda = plan_agenda(course, checked.timing, overrides=(pack.schedule,), first_date=job.date)
    return ProposalInput(course, checked.timing, agenda, pack.client, job.date, pack.template)


def _note(batch: BatchResult, manifest: Manifest, name: str, outcome: str | None) -> None:
    if outcome is None:
        batch.extra_kept.append(name)
    else:
        manifest.files[name] = outcome
        batch.extra_written.append(name)
