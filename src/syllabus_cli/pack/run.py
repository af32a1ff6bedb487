"""Batch builds: ``export`` (every course under some paths) and ``pack`` (a client's
courses, their combined proposal, an index and a zip). Jobs run in worker processes
when the batch is big enough to pay for them; results come back in submission order,
so the output is the same whatever ``jobs`` is.

An output folder belongs to one build: the manifest records its owner (``export``, or
the pack file), so two clients' packs never share a folder and a pack never lands in
an exported course's folder. Whatever is wrong with the folder itself (a file where a
folder goes, no permission, a broken manifest, a full disk) is one line in
``BatchResult.errors``, never a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..problems import Mark, error
from .folders import (
    course_folders,
    exported_course,
    open_root,
    pack_file,
    programme_dates,
    spec_heads,
    taken_by_other,
)
from .heads import Head, course_key
from .jobs import Job, JobResult, put, unchanged
from .manifest import Manifest, ManifestError, file_hash, sha256
from .names import UnsafePath, inside, safe_name, shown
from .workers import run_pool

if TYPE_CHECKING:
    from ..render.proposal import ProposalInput
    from .spec import Pack

# Below this many courses to build, worker start-up costs more than it saves
# (bench/export_bench.py measures the crossover: about 20 courses on 2 cores).
PARALLEL_FROM = 20


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


def workers_for(requested: int | None, todo: int) -> int:
    """``--jobs`` as given; by default one process for a small batch, every core for a
    large one."""
    if requested is not None:
        return requested
    return default_jobs() if todo >= PARALLEL_FROM else 1


class _Told:
    """A listener that never stops the batch: if printing fails (a closed pipe, a
    console that cannot encode a title), the builds go on and the listener goes quiet."""

    def __init__(self, listener: Listener | None) -> None:
        self.listener = listener

    def __call__(self, method: str, value: object) -> None:
        if self.listener is None:
            return
        try:
            getattr(self.listener, method)(value)
        except Exception:
            self.listener = None


def run_jobs(
    jobs: list[Job], workers: int | None, listener: Listener | None = None
) -> list[JobResult]:
    """Results in the order of ``jobs``. Unchanged courses are settled here, without a
    worker; the rest run in ``workers`` processes (in this one when 1)."""
    tell = _Told(listener)
    tell("start", len(jobs))
    results: dict[int, JobResult] = {}
    todo: list[int] = []
    for i, job in enumerate(jobs):
        settled = unchanged(job)
        if settled is None:
            todo.append(i)
        else:
            results[i] = settled
            tell("done", settled)
    for i, result in run_pool(
        [(i, jobs[i]) for i in todo], workers_for(workers, len(todo)), lambda r: tell("done", r)
    ):
        results[i] = result
    return [results[i] for i in range(len(jobs))]


def _record(manifest: Manifest, results: list[JobResult]) -> None:
    for result in results:
        manifest.files.update(result.written)
        if result.inputs and not result.kept and not result.error:
            manifest.inputs[result.key] = result.inputs


def _problem(path: Path, code: str, message: str) -> str:
    return error(Mark(), code, message).format(shown(path))


def course_jobs(
    specs: list[Path],
    manifest: Manifest,
    folders: dict[Path, str],
    options: Job,
    heads: dict[Path, Head] | None = None,
) -> list[Job]:
    """One job per spec: ``options`` carries what every course shares (root, formats, a
    pack's overrides); each job gets its spec, its folder and what the manifest knows."""
    known = dict(manifest.files)
    heads = heads or {}
    return [
        replace(
            options,
            spec=spec,
            folder=folders[spec],
            known=known,
            known_inputs=manifest.inputs.get(course_key(spec)),
            head=heads.get(spec),
        )
        for spec in specs
    ]


def export(
    specs: list[Path],
    out: Path,
    *,
    workers: int | None,
    formats: tuple[str, ...],
    force: bool,
    listener: Listener | None = None,
) -> BatchResult:
    """Every course's documents in ``out/<course-id>/``. Files that are not course
    specs (packs, instructors) are skipped."""
    try:
        manifest = open_root(out, "export", force, "an export")
    except ManifestError as exc:
        return BatchResult(out, errors=[_problem(exc.path, exc.code, exc.message)])
    heads = spec_heads(specs, manifest)
    specs = [s for s in specs if heads[s].kind == "course"]
    ids = course_folders(specs, heads, lambda name: taken_by_other(out, name))
    jobs = course_jobs(
        specs, manifest, ids, Job(Path(), out, "", formats=formats, force=force), heads
    )
    batch = BatchResult(out)
    try:
        results = run_jobs(jobs, workers, listener)
        results = _pdfs(jobs, results)
        batch.results = results
        _record(manifest, results)
        manifest.save()
    except (ManifestError, OSError) as exc:
        batch.errors.append(_state_error(out, exc))
    return batch


def _state_error(root: Path, exc: ManifestError | OSError) -> str:
    if isinstance(exc, ManifestError):
        return _problem(exc.path, exc.code, exc.message)
    where = Path(exc.filename) if isinstance(exc.filename, str) else root
    return _problem(where, "output-blocked", f"cannot write ({exc.strerror or exc})")


def _pdfs(jobs: list[Job], results: list[JobResult]) -> list[JobResult]:
    """Every PDF the batch needs, in one conversion, from the .docx on disk: a proposal
    edited by hand (and so kept) gets a PDF of the edited text."""
    if not any(r.pdfs and not r.error for r in results):
        return results
    from .pdfs import convert

    return convert(jobs, results)


def build_pack_folder(
    pack_path: Path,
    out: Path,
    *,
    workers: int | None,
    force: bool,
    listener: Listener | None = None,
) -> BatchResult:
    """``out/<pack-id>/``: each course's documents, the combined proposal, an index, a zip."""
    from ..load import load_file
    from ..pack.spec import build_pack
    from ..problems import Level

    pack, problems = build_pack(load_file(pack_path))
    errors = [p.format(shown(pack_path)) for p in problems if p.level is Level.ERROR]
    if pack is None or errors:
        return BatchResult(out, errors=errors or [f"{shown(pack_path)}: cannot read the pack"])
    stem = safe_name(pack.id, "pack")
    try:
        if out.exists() and not out.is_dir():
            raise ManifestError(out, "output-blocked", "is a file; --out names a folder")
        root = inside(out, stem)
        exported = exported_course(out, stem)
        if exported:
            raise ManifestError(
                root,
                "output-taken",
                f"holds the exported course {exported}; a pack named like a course needs "
                "a folder of its own (rename the pack file, or choose another --out)",
            )
        manifest = open_root(root, f"pack {course_key(pack_path)}", force, "this pack")
    except UnsafePath as exc:
        return BatchResult(out, errors=[_problem(pack_path, "output-blocked", str(exc))])
    except ManifestError as exc:
        return BatchResult(out, errors=[_problem(exc.path, exc.code, exc.message)])
    specs = [c.path for c in pack.courses]
    heads = spec_heads([s for s in specs if s.is_file()], manifest)
    heads.update({s: Head("", course_id=s.stem) for s in specs if s not in heads})
    ids = course_folders(specs, heads, lambda name: pack_file(stem, name))
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
    batch = BatchResult(root)
    try:
        dates = programme_dates(pack, heads, manifest)
        jobs = [
            replace(job, date=date)
            for job, date in zip(
                course_jobs(specs, manifest, ids, shared, heads), dates, strict=True
            )
        ]
        batch.results = run_jobs(jobs, workers, listener)
        _record(manifest, batch.results)
        key = sha256("|".join([_hash_of(pack.path), *(r.inputs for r in batch.results)]).encode())
        settled = all(r.unchanged for r in batch.results)  # nothing rebuilt, nothing kept
        if force or not settled or not _pack_files_current(manifest, key):
            _pack_documents(pack, jobs, batch.results, manifest, batch, force)
            if not batch.extra_kept and all(r.ok for r in batch.results):
                manifest.heads["pack:files"] = {"key": key, "files": "\n".join(batch.extra_written)}
        manifest.save()
    except (ManifestError, OSError) as exc:
        batch.errors.append(_state_error(root, exc))
    return batch


def _hash_of(path: Path) -> str:
    return sha256(path.read_bytes())


def _pack_files_current(manifest: Manifest, key: str) -> bool:
    """Are the pack's own files (combined proposal, index, zip…) exactly what the last
    build wrote from these same inputs? Then there is nothing to redo."""
    last = manifest.heads.get("pack:files", {})
    if last.get("key") != key or not last.get("files"):
        return False
    try:
        return all(
            file_hash(manifest.root / name) == manifest.files.get(name)
            for name in last["files"].split("\n")
        )
    except ManifestError:
        return False


def _pack_documents(
    pack: Pack,
    jobs: list[Job],
    results: list[JobResult],
    manifest: Manifest,
    batch: BatchResult,
    force: bool,
) -> None:
    """The combined proposal, index.md, index.html and the zip, from what was built."""
    from ..render.pack_docs import PackInfo, combined_proposal, index_html, index_markdown
    from .zipping import build_zip, document_bytes

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
