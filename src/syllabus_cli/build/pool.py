"""Running jobs: in this process, or in worker processes that never outlive the build.

A worker watches the process that started the build; when it is gone (killed, closed
console) the worker exits instead of waiting forever for work that will not come.

Workers can be started ahead of the work (``Warm``): a batch that will clearly need them
starts them first, so their start-up (the forkserver importing the renderers, about a
quarter of a second) runs while this process reads the specs.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager

from .jobs import Job, JobResult, run_job

WATCH_SECONDS = 0.5
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
    return ProcessPoolExecutor(
        max_workers=max(1, min(workers, MAX_WORKERS)),
        mp_context=_context(),
        initializer=watch_parent,
        initargs=(os.getpid(),),
    )


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
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver: workers start from a clean process that has already imported the
    renderers once (fork from a process with a progress thread is unsafe)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["syllabus_cli.build.worker_imports"])
        return ctx
    return multiprocessing.get_context("spawn")


def watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the build's main process is gone. Ctrl-C is the main
    process's to handle (it reaches the whole process group): a worker ignores it rather
    than print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="watch-parent").start()


def _watch(parent: int) -> None:
    started_by = os.getppid()  # the forkserver, or the main process itself
    while alive(parent) and os.getppid() == started_by:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def alive(pid: int) -> bool:
    if sys.platform == "win32":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    synchronize, wait_timeout = 0x00100000, 0x00000102
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(synchronize, False, pid)
    if not handle:
        return False
    try:
        return bool(kernel.WaitForSingleObject(handle, 0) == wait_timeout)
    finally:
        kernel.CloseHandle(handle)
