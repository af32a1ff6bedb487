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
from typing import Protocol

from .jobs import Job, JobResult, job_key, run_job, unchanged, with_variants
from .manifest import Manifest
from .names import UnsafePath, inside, safe_name
from .plan import plan_programme


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
    jobs = with_variants(jobs, manifest.inputs)  # a course sold in several lengths: each
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
        if spec in folders:  # one course listed again (in another variant): same folder
            continue
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
    pack_path: Path,
    out: Path,
    *,
    workers: int,
    force: bool,
    listener: Listener | None = None,
    formats: tuple[str, ...] = ("docx", "html", "md"),
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
        formats=formats,
        force=force,
        client=pack.client,
        skip=pack.skip,
        schedule=pack.schedule,
        template=pack.template,
        instructor=pack.instructor,
        pack=pack.path,
    )
    jobs = [
        replace(
            job,
            date=date,
            variant=entry.variant,
            known_inputs=manifest.inputs.get(job_key(entry.path, entry.variant)),
        )
        for job, date, entry in zip(
            course_jobs(specs, manifest, ids, shared), programme.dates, pack.courses, strict=True
        )
    ]
    results = run_jobs(jobs, workers, listener)
    _record(manifest, results)
    batch = BatchResult(root, results)
    from .deliverables import pack_documents

    pack_documents(pack, jobs, results, manifest, batch, force, programme, formats)
    manifest.save()
    return batch
