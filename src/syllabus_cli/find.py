"""Which files a command reads: the spec files under the paths the user gave.

A module of its own, light to import: ``export`` and ``pack`` find their specs before
anything is validated (an unchanged rebuild never imports the validation at all).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .files import MAX_NAME_BYTES, too_long_part
from .i18n import msg
from .problems import Mark, Problem, error

SPEC_SUFFIXES = (".yaml", ".yml")


def find_specs(paths: Iterable[Path]) -> Iterator[tuple[Path, Problem | None]]:
    """Spec files under ``paths`` in a stable order; a missing path or an empty folder
    comes back as a problem for that path."""
    for path in paths:
        if (part := too_long_part(path)) is not None:
            said = msg("files.too-long", name=part, limit=MAX_NAME_BYTES)
            yield path, error(Mark(), "name-too-long", said)
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SPEC_SUFFIXES and (p.is_file() or _symlink_loop(p))
            )
            if not found:
                yield path, error(Mark(), "no-specs", msg("check.no-specs"))
            yield from ((p, None) for p in found)
        elif path.exists() or path.is_symlink():  # a symlink loop: its read says so
            yield path, None
        else:
            yield path, error(Mark(), "file-missing", msg("check.no-path"))


def _symlink_loop(path: Path) -> bool:
    """A spec that is a symlink loop is listed, so its read reports it (never skipped)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False
