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
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import Msg, msg
from ..paths import shown
from ..problems import Located, Mark, error
from .folders import (
    course_folders,
    exported_course,
    open_root,
    pack_file,
    programme_dates,
    spec_heads,
    taken_by_other,
)
from .jobs import Job, JobResult, job_key, unchanged, with_variants
from .manifest import Manifest, ManifestError, file_hash, sha256
from .names import UnsafePath, inside, safe_name
from .results import BatchResult, Listener
from .spec_summary import Head, course_key

if TYPE_CHECKING:
    from ..pack.spec import Pack
    from .pool import Warm

# Below this many courses to build, worker start-up costs more than it saves
# (bench/export_bench.py measures the crossover: about 20 courses on 2 cores).
PARALLEL_FROM = 20


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


@contextmanager
def warm_workers(
    specs: list[Path], manifest: Manifest, requested: int | None
) -> Iterator[Warm | None]:
    """Workers started now, before the specs are read, when the batch will clearly need
    them: at least ``PARALLEL_FROM`` courses the manifest has never built (a first build,
    a new folder) and more than one process (the default, or ``--jobs``). Whatever the
    batch did not use is stopped on the way out."""
    built = {key.split("#", 1)[0] for key in manifest.inputs}  # a variant: "path#半天"

    def new_course(spec: Path) -> bool:
        key = course_key(spec)
        head = manifest.heads.get(key)
        known_other = isinstance(head, dict) and head.get("kind", "course") != "course"
        return key not in built and not known_other  # a pack, an instructor: no job

    unknown = sum(1 for spec in specs if new_course(spec))
    workers = workers_for(requested, unknown)
    warm = None
    if workers > 1 and unknown >= PARALLEL_FROM:
        from . import pool as processes  # multiprocessing: only for a batch that runs

        warm = processes.Warm(workers)
    try:
        yield warm
    finally:
        if warm is not None:
            warm.close()


def run_jobs(
    jobs: list[Job],
    workers: int | None,
    listener: Listener | None = None,
    warm: Warm | None = None,
    record: Callable[[JobResult], None] | None = None,
) -> list[JobResult]:
    """Results in the order of ``jobs``. Unchanged courses are settled here, without a
    worker; the rest run in ``workers`` processes (in this one when 1), or in the
    ``warm`` ones already started. ``record`` is given each result as it comes (the
    manifest, so a batch stopped half-way keeps what it built)."""
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
    if not todo:
        return [results[i] for i in range(len(jobs))]  # an unchanged rebuild
    from .pool import run_pool

    def finished(result: JobResult) -> None:
        if record is not None:
            record(result)  # first: a course the user saw built is in the manifest
        tell("done", result)

    for i, result in run_pool(
        [(i, jobs[i]) for i in todo], workers_for(workers, len(todo)), finished, warm
    ):
        results[i] = result
    return [results[i] for i in range(len(jobs))]


def run_recorded(
    manifest: Manifest,
    jobs: list[Job],
    workers: int | None,
    listener: Listener | None,
    warm: Warm | None,
) -> list[JobResult]:
    """``run_jobs`` with each result recorded in ``manifest`` as it comes; on Ctrl-C what
    was built so far is saved before the batch stops, so a rerun builds only the rest
    (and never takes a finished file for a hand edit)."""
    try:
        return run_jobs(jobs, workers, listener, warm, lambda r: _record(manifest, [r]))
    except KeyboardInterrupt:
        with suppress(ManifestError, OSError):
            manifest.save(keep_journals=True)  # the next load replays what workers wrote
        raise


def _record(manifest: Manifest, results: list[JobResult]) -> None:
    for result in results:
        manifest.files.update(result.written)
        if result.inputs and not result.kept and not result.error:
            manifest.inputs[result.key] = result.inputs


def _problem(path: Path, code: str, message: str | Msg) -> Located:
    return Located(path, error(Mark(), code, message))


def course_jobs(
    specs: list[Path],
    manifest: Manifest,
    folders: dict[Path, str],
    options: Job,
    heads: dict[Path, Head] | None = None,
) -> list[Job]:
    """One job per spec: ``options`` carries what every course shares (root, formats, a
    pack's overrides); each job gets its spec, its folder and what the manifest knows."""
    known: dict[str, dict[str, str]] = {}  # each folder's files: a job carries only its own
    for path, digest in manifest.files.items():
        known.setdefault(path.split("/", 1)[0] if "/" in path else "", {})[path] = digest
    heads = heads or {}
    return [
        replace(
            options,
            spec=spec,
            folder=folders[spec],
            known=known.get(folders[spec], {}),
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
    draft: bool = False,
) -> BatchResult:
    """Every course's documents in ``out/<course-id>/``. Files that are not course
    specs (packs, instructors) are skipped."""
    try:
        manifest = open_root(out, "export", force, "an export")
    except ManifestError as exc:
        return BatchResult(out, errors=[exc.located(out)])
    with warm_workers(specs, manifest, workers) as warm:
        heads = spec_heads(specs, manifest)
        specs = [s for s in specs if heads[s].kind == "course"]
        ids = course_folders(specs, heads, lambda name: taken_by_other(out, name))
        jobs = course_jobs(
            specs,
            manifest,
            ids,
            Job(Path(), out, "", formats=formats, force=force, draft=draft),
            heads,
        )
        jobs = with_variants(jobs, manifest.inputs)  # a course sold in several lengths: each
        batch = BatchResult(out)
        try:
            results = run_recorded(manifest, jobs, workers, listener, warm)
            results = _pdfs(jobs, results)
            batch.results = results
            _record(manifest, results)
            manifest.save()
        except (ManifestError, OSError) as exc:
            batch.errors.append(_state_error(out, exc))
    return batch


def _state_error(root: Path, exc: ManifestError | OSError) -> Located:
    if isinstance(exc, ManifestError):
        return exc.located(root)
    where = Path(exc.filename) if isinstance(exc.filename, str) else root
    return _problem(where, "output-blocked", msg("pack.cannot-write", reason=exc.strerror or exc))


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
    formats: tuple[str, ...] = ("docx", "html", "md"),
    draft: bool = False,
) -> BatchResult:
    """``out/<pack-id>/``: each course's documents, the combined proposal (the training
    plan when the pack has one), the calendar, an index and a zip."""
    from ..load import load_file
    from ..pack.spec import build_pack
    from ..problems import Level

    pack, problems = build_pack(load_file(pack_path))
    errors = [Located(pack_path, p) for p in problems if p.level is Level.ERROR]
    todo = [p for p in problems if p.code == "todo"]
    if todo and not draft and not errors:  # no placeholder is ever sent to a client
        errors = [Located(pack_path, p) for p in todo]
        errors.append(_problem(pack_path, "todo", msg("build.todo-refused", n=len(todo))))
    if pack is None or errors:
        unreadable = msg("pack.unreadable", path=shown(pack_path))
        return BatchResult(out, errors=errors or [_problem(pack_path, "syntax", unreadable)])
    stem = safe_name(pack.id, "pack")
    try:
        if out.exists() and not out.is_dir():
            raise ManifestError(out, "output-blocked", msg("pack.out-is-file"))
        root = inside(out, stem)
        exported = exported_course(out, stem)
        if exported:
            raise ManifestError(
                root,
                "output-taken",
                msg("pack.holds-export", course=exported),
            )
        manifest = open_root(root, f"pack {course_key(pack_path)}", force, "this pack")
    except (UnsafePath, ManifestError) as exc:
        return BatchResult(out, errors=[exc.located(pack_path)])
    specs = [c.path for c in pack.courses]
    with warm_workers(specs, manifest, workers) as warm:
        return _build_pack(
            pack, root, stem, manifest, specs, workers, force, listener, formats, warm, draft
        )


def _build_pack(
    pack: Pack,
    root: Path,
    stem: str,
    manifest: Manifest,
    specs: list[Path],
    workers: int | None,
    force: bool,
    listener: Listener | None,
    formats: tuple[str, ...],
    warm: Warm | None,
    draft: bool = False,
) -> BatchResult:
    heads = spec_heads([s for s in specs if s.is_file()], manifest)
    heads.update({s: Head("", course_id=s.stem) for s in specs if s not in heads})
    ids = course_folders(specs, heads, lambda name: pack_file(stem, name))
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
        draft=draft,
        issue=pack.issue,
        venue=pack.plan.resources.venue if pack.plan else "",
    )
    batch = BatchResult(root)
    try:
        dates = programme_dates(pack, heads, manifest)
        jobs = [
            replace(
                job,
                date=date,
                variant=entry.variant,
                known_inputs=manifest.inputs.get(job_key(entry.path, entry.variant)),
            )
            for job, date, entry in zip(
                course_jobs(specs, manifest, ids, shared, heads), dates, pack.courses, strict=True
            )
        ]
        built = run_recorded(manifest, jobs, workers, listener, warm)
        batch.results = _pdfs(jobs, built)
        _record(manifest, batch.results)
        from .kit_outputs import kit_inputs  # the roster: a kit is rebuilt when it changes

        inputs = [_hash_of(pack.path), kit_inputs(pack), str(draft)]
        key = sha256("|".join([*inputs, *(r.inputs for r in batch.results)]).encode())
        settled = all(r.unchanged for r in batch.results)  # nothing rebuilt, nothing kept
        current = not force and settled and _pack_files_current(manifest, key)
        if current:
            batch.extra_unchanged = manifest.heads["pack:files"]["files"].split("\n")
        else:
            from ..pack.programme import plan_programme
            from .pack_outputs import pack_documents

            programme = plan_programme(pack)  # the delivery days, for the plan and the .ics
            pack_documents(
                pack, jobs, batch.results, manifest, batch, force, programme, formats, draft
            )
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
