"""Following the files: the folders the pages read from, watched by the operating
system's own notifications (watchfiles: inotify, FSEvents, ReadDirectoryChangesW, from
one Rust library with wheels for Windows, macOS and Linux), never by polling each file.
A change is published to every open page with the files it touched; the page decides
whether it depends on them."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

from .. import i18n

if TYPE_CHECKING:
    from .session import Session

RECHECK_MS = 500  # how often the set of folders is looked at again (no file is polled)
DEBOUNCE_MS = 30  # a save is often two writes (truncate, write): one event for both
RETRY_S = 1.0  # after the watcher failed, before it watches again


async def follow(session: Session, stop: asyncio.Event) -> None:
    """Publish every change under the watched folders until ``stop``; the folders are
    looked at again after each change (a page opened since may read from a new one,
    e.g. a course naming an instructor elsewhere)."""
    while not stop.is_set():
        try:
            await _watch(session, stop)
        except Exception as exc:  # a folder deleted under the watcher, a busy system…
            # never end quietly: the pages would say "live" and follow nothing
            print(i18n.t("preview.watch-restart", reason=exc), file=sys.stderr, flush=True)
            await asyncio.sleep(RETRY_S)


async def _watch(session: Session, stop: asyncio.Event) -> None:
    from watchfiles import awatch

    while not stop.is_set():
        folders = sorted(session.site.watched())
        if not folders:
            await asyncio.sleep(0.5)
            continue
        restart = asyncio.Event()

        waiter = asyncio.create_task(_relay(stop, restart))
        try:
            async for changes in awatch(
                *folders,
                stop_event=restart,
                debounce=DEBOUNCE_MS,
                step=10,
                recursive=True,
                rust_timeout=RECHECK_MS,
                yield_on_timeout=True,
            ):
                if changes:
                    session.hub.publish(sorted({str(_resolved(p)) for _, p in changes}))
                if sorted(session.site.watched()) != folders:
                    break  # a page read a file in a folder not watched yet, or one is gone
        finally:
            waiter.cancel()


async def _relay(stop: asyncio.Event, restart: asyncio.Event) -> None:
    await stop.wait()
    restart.set()


def _resolved(path: str) -> object:
    from pathlib import Path

    try:
        return Path(path).resolve()
    except OSError:
        return Path(path)
