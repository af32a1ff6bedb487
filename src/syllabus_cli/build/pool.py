"""Running jobs: in this process, or in worker processes that never outlive the build.

A worker watches the process that started the build (a pipe only that process can
write to); when it is gone (killed, closed console, a zombie not yet reaped) the worker
exits at once instead of waiting forever for work that will not come.

Workers can be started ahead of the work (``Warm``): a batch that will clearly need them
starts them first, so their start-up (the forkserver importing the renderers, about a
quarter of a second) runs while this process reads the specs.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from multiprocessing.connection import Connection

from .jobs import Job, JobResult, run_job

# In-process: the objects alive before the batch are frozen out of the collector, so a
# collection every few courses is cheap and the documents' cycles (python-docx parts
# point at their package) never pile up under the raised GC threshold (cli.app).
COLLECT_EVERY = 5


class Warm:
    """Worker processes being started in the background, for a batch that will need
    them. ``take`` gives the pool (None if it could not start: the batch then starts its
    own, or runs in this process); ``close`` stops an unused one."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._thread = threading.Thread(target=self._start, daemon=True, name="start-workers")
        self._thread.start()

    def _start(self) -> None:
        try:
            with _interrupts_blocked():  # what this thread starts inherits the mask
                pool = _executor(self.workers)
                for _ in range(self.workers):  # each submit starts one worker process
                    pool.submit(_ready)
        except Exception:  # no processes here (a sandbox, a limit): the batch decides
            return
        self._pool = pool

    def take(self) -> ProcessPoolExecutor | None:
        self._thread.join()
        pool, self._pool = self._pool, None
        return pool

    def close(self) -> None:
        pool = self.take()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
            _release(pool)  # its workers had no work: they go at once


def _ready() -> None:
    """A worker's first job: nothing, so starting it is all that happens."""


@contextmanager
def _interrupts_blocked() -> Iterator[None]:
    """Ctrl-C blocked in this thread while it starts processes (the forkserver, the
    resource tracker, the workers), which inherit the mask: they never get it, and a
    Ctrl-C during their imports would print their tracebacks. The main process handles
    Ctrl-C for the whole batch (``_in_pool``); one that came meanwhile is delivered when
    this ends. Windows has no signal masks, and starts workers without a forkserver."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


# Windows' WaitForMultipleObjects watches at most 63 handles: ProcessPoolExecutor
# refuses more than 61 workers there.
MAX_WORKERS = 61 if sys.platform == "win32" else 1024


def _executor(workers: int) -> ProcessPoolExecutor:
    context = _context()
    lifeline, held = _lifeline(context)
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(workers, MAX_WORKERS)),
        mp_context=context,
        initializer=watch_parent,
        initargs=(lifeline,),
    )
    _HELD[id(pool)] = held  # until the pool has finished (``_release``)
    return pool


_HELD: dict[int, Connection] = {}


def _release(pool: ProcessPoolExecutor) -> None:
    """A pool whose workers have exited (or never had work): its lifeline is closed, so a
    long session (preview) that runs many builds keeps no pipe per build."""
    held = _HELD.pop(id(pool), None)
    if held is not None:
        held.close()


def run_pool(
    items: list[tuple[int, Job]],
    workers: int,
    done: Callable[[JobResult], None],
    warm: Warm | None = None,
) -> Iterator[tuple[int, JobResult]]:
    """(index, result) for each job, as they finish; ``done`` is told of each. With
    more than one worker the jobs run in processes (the ``warm`` ones when started),
    else in this one."""
    started = warm.take() if warm is not None else None
    if workers > 1 and len(items) > 1:
        if started is None:
            with _interrupts_blocked():
                started = _executor(min(workers, len(items)))
        yield from _in_pool(started, items, done)
        return
    if started is not None:
        started.shutdown(wait=False, cancel_futures=True)
        _release(started)
    gc.freeze()
    try:
        for n, (i, job) in enumerate(items, 1):
            result = run_job(job)
            if n % COLLECT_EVERY == 0:
                gc.collect()
            done(result)
            yield i, result
    finally:
        gc.unfreeze()


def _in_pool(
    pool: ProcessPoolExecutor, items: list[tuple[int, Job]], done: Callable[[JobResult], None]
) -> Iterator[tuple[int, JobResult]]:
    """The jobs' results as they come. On Ctrl-C (or any failure here) the jobs not
    started are dropped at once and the workers finish only the course in hand, so the
    batch stops within a moment (the workers ignore Ctrl-C: the main process decides)."""
    try:
        with _interrupts_blocked():  # a submit may start a worker process
            futures = {pool.submit(run_job, job): i for i, job in items}
        for future in as_completed(futures):
            result = future.result()
            done(result)
            yield futures[future], result
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # the course in hand is finished
        raise
    pool.shutdown(wait=True)
    _release(pool)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver: workers start from a clean process that has already imported the
    renderers once (fork from a process with a progress thread is unsafe)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["syllabus_cli.build.worker_imports"])
        return ctx
    return multiprocessing.get_context("spawn")


def _lifeline(ctx: multiprocessing.context.BaseContext) -> tuple[Connection, Connection]:
    """A pipe whose write end only this process holds (the second value, never written
    to): when this process is gone (killed, even while its caller has not reaped it, a
    zombie) the read end, given to every worker, reaches EOF. ``os.kill(pid, 0)``
    succeeds on a zombie, and a worker of a zombie kept its caller's pipes open for ever
    (through the forkserver, which lives as long as its workers)."""
    reader, writer = ctx.Pipe(duplex=False)
    return reader, writer


def watch_parent(lifeline: Connection) -> None:
    """In a worker: exit as soon as the build's main process is gone. Ctrl-C is the main
    process's to handle (it reaches the whole process group): a worker ignores it rather
    than print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(lifeline,), daemon=True, name="watch-parent").start()


def _watch(lifeline: Connection) -> None:
    with contextlib.suppress(EOFError, OSError):
        while True:  # nothing is ever sent: this returns when the build is gone
            lifeline.recv_bytes()
    os._exit(1)
