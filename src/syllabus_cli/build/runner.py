"""Running a batch's jobs: in this process for a few courses, in worker processes
(started early when the batch will clearly need them) for many; unchanged courses are
settled without a worker; results come back in submission order, so the output is the
same whatever ``--jobs`` is; each result is recorded as it comes, so Ctrl-C keeps what
was built."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from .jobs import Job, JobResult, unchanged
from .manifest import Manifest, ManifestError, problem_records
from .results import Listener
from .spec_summary import course_key

if TYPE_CHECKING:
    from pathlib import Path

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
        return run_jobs(jobs, workers, listener, warm, lambda r: record(manifest, [r]))
    except KeyboardInterrupt:
        with suppress(ManifestError, OSError):
            manifest.save(keep_journals=True)  # the next load replays what workers wrote
        raise


def record(manifest: Manifest, results: list[JobResult]) -> None:
    """What each course wrote, and its inputs when it built clean, in the manifest."""
    for result in results:
        manifest.files.update(result.written)
        if result.inputs and not result.kept and not result.error:
            manifest.inputs[result.key] = result.inputs
            if not result.unchanged:  # what it found, told again while it stays unchanged
                manifest.problems[result.key] = problem_records(result.problems)
