"""Validation as a short pipeline: find spec files → load → spec → timing (→ agenda).

Returns a ``CourseResult`` per file with every problem; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .agenda.layout import LAYOUT_NOTES
from .agenda.plan import plan_agenda
from .duration import MAX_DAYS, MAX_MINUTES
from .find import find_specs
from .i18n import msg
from .load import Loaded, YMap, load_file
from .problems import Level, Problem, error, reworded, warning
from .spec.build import Built, build_variants
from .spec.model import Course, Node
from .spec.variants import UnknownVariant, declared_variants
from .timing.rules import Timing, check_timing


@dataclass(frozen=True)
class CourseResult:
    path: Path
    title: str
    stated_minutes: int | None
    total_minutes: int
    problems: tuple[Problem, ...]
    course: Course | None = field(default=None, compare=False)
    timing: Timing | None = field(default=None, compare=False)
    variant: str | None = None  # which variant of the course this is (None: no variants)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def check_course(built: Built, path: Path) -> CourseResult:
    course = built.course
    problems = list(built.problems)
    timing = None
    shape_clean = not any(p.level is Level.ERROR for p in problems)
    if (
        course is not None and shape_clean
    ):  # timing only on a well-formed outline (mkdocs-style passes)
        timing = check_timing(course)
        problems.extend(timing.problems)
        if timing.minutes is not None and timing.minutes > MAX_MINUTES:  # a sum of modules
            problems.append(
                error(
                    course.mark,
                    "duration-limit",
                    msg("check.too-long", days=MAX_DAYS, hours=MAX_MINUTES // 60),
                )
            )
        elif timing.minutes is not None and not any(
            p.level is Level.ERROR for p in timing.problems
        ):
            agenda = plan_agenda(course, timing)  # does the day fit?
            problems.extend(p for p in agenda.problems if p.code not in LAYOUT_NOTES)
            if len(agenda.days) > MAX_DAYS:  # e.g. hours_per_day: 1min
                mark = course.duration_mark or course.mark
                days = msg("check.too-many-days", days=len(agenda.days), limit=MAX_DAYS)
                problems.append(error(mark, "duration-limit", days))
        problems.extend(todo_problems(course))
    return CourseResult(
        path=path,
        title=course.title if course else "",
        stated_minutes=course.duration.minutes if course and course.duration else None,
        total_minutes=sum(m.duration.minutes for m in course.modules if m.duration)
        if course
        else 0,
        problems=tuple(sorted(set(problems))),
        course=course,
        timing=timing,
        variant=course.variant if course else None,
    )


def check_variants(loaded: Loaded, variant: str | None = None) -> list[CourseResult]:
    """Every variant of a course checked on its own (only ``variant`` when given; raises
    ``UnknownVariant`` if the spec lacks it). A problem found in some variants but not
    all names its variant ("[半天] …"); one found in all of them is the spec's own."""
    builds = build_variants(loaded)
    results = [check_course(built, loaded.path) for built in builds]
    if len(results) > 1:
        shared = set.intersection(*(set(r.problems) for r in results))
        results = [
            replace(
                r,
                problems=tuple(
                    p if p in shared else reworded(p, "check.variant", variant=r.variant)
                    for p in r.problems
                ),
            )
            for r in results
        ]
    if variant is not None:
        picked = [r for r in results if r.variant == variant]
        if not picked:
            raise UnknownVariant(variant, declared_variants(loaded.root), loaded.path)
        return picked
    return results


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


def kind_of(root: object) -> str:
    """course, pack or instructor. Anything unclear is checked as a course, so a broken
    course is never skipped."""
    if not isinstance(root, YMap):
        return "course"
    keys = {e.key for e in root.entries}
    if "modules" in keys:
        return "course"
    if {"courses", "client"} & keys:
        return "pack"
    return "instructor" if "name" in keys else "course"


def todo_problems(course: Course) -> list[Problem]:
    """Text left as TODO (e.g. by ``syllabus import``) is a warning at its line."""
    found = []
    if course.title.upper().startswith("TODO"):
        found.append(warning(course.mark, "todo", msg("check.todo-title", title=course.title)))

    def visit(node: Node) -> None:
        if node.title.upper().startswith("TODO"):
            found.append(warning(node.mark, "todo", msg("check.todo-block", title=node.title)))
        for child in node.children:
            visit(child)

    for module in course.modules:
        visit(module)
    return found
