"""What ``syllabus validate`` checks: every file under the paths, as what it is (a
course in each of its variants, a pack with its courses laid out, an instructor
profile). The one place validation reaches into packs: ``check`` (a course) knows
nothing of them, and ``pack`` uses ``check``.

Returns a ``CourseResult`` per file with every problem; nothing here prints.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .check import CourseResult, check_variants
from .find import find_specs
from .load import Loaded, load_file
from .problems import Level, Problem
from .spec.kinds import kind_of

if TYPE_CHECKING:
    from .pack.spec import Pack
from .spec.variants import declared_variants


def validate_paths(
    paths: Iterable[Path], variant: str | None = None, lean: bool = False
) -> list[CourseResult]:
    """Courses, pack files and instructor profiles under ``paths``, each checked as what
    it is (``kind_of``). With ``variant``, a course that declares variants is checked in
    that one only (``UnknownVariant`` if it lacks it); a course without variants is
    checked as it is. ``lean`` (the ``validate`` command) keeps only what is reported:
    each course's model and timing are dropped once checked and its file is not cached,
    so memory stays flat up to 10,000 specs; and what is kept is frozen out of the
    garbage collector every ``FREEZE_EVERY`` files."""
    results: list[CourseResult] = []
    froze = False
    try:
        for n, (path, missing) in enumerate(find_specs(paths), 1):
            results.extend(_check_file(path, missing, variant, lean))
            if lean and n % FREEZE_EVERY == 0:
                gc.collect()  # only what is not frozen yet: the last FREEZE_EVERY files
                gc.freeze()  # the results kept: later collections never scan them again
                froze = True
    finally:
        if froze:
            gc.unfreeze()  # the results belong to the caller again
    return results


# A full collection scans every object the collector tracks: with 10,000 results kept,
# the periodic ones cost more per file the longer the run (a 10,000-spec validate spent
# 5 of its 42 s in them; 1,000 specs 0.06 s).
FREEZE_EVERY = 500


def _check_file(
    path: Path, missing: Problem | None, variant: str | None, lean: bool
) -> list[CourseResult]:
    """One file found under the paths (or the problem of a path that has none)."""
    if missing is not None:
        return [CourseResult(path, "", None, 0, (missing,))]
    loaded = load_file(path, cached=not lean)
    kind = kind_of(loaded.root)
    if kind == "pack":
        found = check_pack_files(loaded)
    elif kind == "instructor":
        found = [check_instructor(loaded)]
    else:
        wanted = variant if variant and declared_variants(loaded.root) else None
        found = check_variants(loaded, wanted)
    return [replace(r, course=None, timing=None) if lean else r for r in found]


def check_instructor(loaded: Loaded) -> CourseResult:
    """An instructor profile: its keys and types; its title in the table is the name."""
    from .spec.build import build_instructor

    profile, problems = build_instructor(loaded)
    name = profile.name if profile else ""
    return CourseResult(loaded.path, name, None, 0, tuple(sorted(set(problems))))


def check_pack_files(loaded: Loaded) -> list[CourseResult]:
    """The pack, and its kit's roster when it names one (its problems are located in
    the roster file: line = row, column = column)."""
    from .pack.roster import read_roster

    result, pack = _check_pack(loaded)
    if pack is None or pack.kit.roster is None:
        return [result]
    roster = read_roster(pack.kit.roster)
    return [result, CourseResult(roster.path, "", None, 0, tuple(sorted(set(roster.problems))))]


def check_pack(loaded: Loaded) -> CourseResult:
    """A pack file: its own keys and course list, then its courses laid out with its
    settings (once the pack itself is clean)."""
    return _check_pack(loaded)[0]


def _check_pack(loaded: Loaded) -> tuple[CourseResult, Pack | None]:
    from .pack.programme import plan_programme
    from .pack.spec import build_pack

    pack, problems = build_pack(loaded)
    if pack is not None and not any(p.level is Level.ERROR for p in problems):
        problems += plan_programme(pack).problems
    title = pack.title if pack else ""
    return CourseResult(loaded.path, title, None, 0, tuple(sorted(set(problems)))), pack
