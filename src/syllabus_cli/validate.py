"""What ``syllabus validate`` checks: every file under the paths, as what it is (a
course in each of its variants, a pack with its courses laid out, an instructor
profile). The one place validation reaches into packs: ``check`` (a course) knows
nothing of them, and ``pack`` uses ``check``.

Returns a ``CourseResult`` per file with every problem; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .check import CourseResult, check_variants
from .find import find_specs
from .load import Loaded, load_file
from .problems import Level
from .spec.kinds import kind_of
from .spec.variants import declared_variants


def validate_paths(
    paths: Iterable[Path], variant: str | None = None, lean: bool = False
) -> list[CourseResult]:
    """Courses, pack files and instructor profiles under ``paths``, each checked as what
    it is (``kind_of``). With ``variant``, a course that declares variants is checked in
    that one only (``UnknownVariant`` if it lacks it); a course without variants is
    checked as it is. ``lean`` (the ``validate`` command) keeps only what is reported:
    each course's model and timing are dropped once checked and its file is not cached,
    so memory stays flat up to 10,000 specs."""
    results: list[CourseResult] = []
    for path, missing in find_specs(paths):
        if missing is not None:
            found = [CourseResult(path, "", None, 0, (missing,))]
        else:
            loaded = load_file(path, cached=not lean)
            kind = kind_of(loaded.root)
            if kind == "pack":
                found = [check_pack(loaded)]
            elif kind == "instructor":
                found = [check_instructor(loaded)]
            else:
                wanted = variant if variant and declared_variants(loaded.root) else None
                found = check_variants(loaded, wanted)
        results.extend(replace(r, course=None, timing=None) if lean else r for r in found)
    return results


def check_instructor(loaded: Loaded) -> CourseResult:
    """An instructor profile: its keys and types; its title in the table is the name."""
    from .spec.build import build_instructor

    profile, problems = build_instructor(loaded)
    name = profile.name if profile else ""
    return CourseResult(loaded.path, name, None, 0, tuple(sorted(set(problems))))


def check_pack(loaded: Loaded) -> CourseResult:
    """A pack file: its own keys and course list, then its courses laid out with its
    settings (once the pack itself is clean)."""
    from .pack.plan import plan_programme
    from .pack.spec import build_pack

    pack, problems = build_pack(loaded)
    if pack is not None and not any(p.level is Level.ERROR for p in problems):
        problems += plan_programme(pack).problems
    title = pack.title if pack else ""
    return CourseResult(loaded.path, title, None, 0, tuple(sorted(set(problems))))
