"""A course checked: spec → timing (→ agenda). Returns a ``CourseResult`` with every
problem; nothing here prints. ``validate.py`` checks every kind of file under paths.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from .agenda.from_course import plan_agenda
from .agenda.layout import LAYOUT_NOTES, Agenda
from .duration import MAX_DAYS, MAX_MINUTES
from .i18n import msg
from .load import Loaded, YMap, YScalar, YValue
from .problems import Level, Problem, error, reworded, warning
from .spec.build import Built, Loader, build_variants
from .spec.model import Course, Instructor, Node, Schedule
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


# Problems in files beside the outline (the instructor's profile, the Word template): the
# timing does not depend on them, so they never hide its problems (every problem at once).
_BESIDE_OUTLINE = frozenset(
    {
        "build.instructor",
        "build.instructor-line",
        "read.template-missing",
        "read.template-folder",
        "read.template-not-docx",
        "read.template-unreadable",
    }
)


def _beside_outline(problem: Problem) -> bool:
    return problem.words is not None and problem.words.key in _BESIDE_OUTLINE


def check_course(built: Built, path: Path) -> CourseResult:
    course = built.course
    problems = list(built.problems)
    timing = None
    shape_clean = not any(p.level is Level.ERROR and not _beside_outline(p) for p in problems)
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
        problems.extend(todo_problems(course, built.root))
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


def check_variants(
    loaded: Loaded, variant: str | None = None, load: Loader | None = None
) -> list[CourseResult]:
    """Every variant of a course checked on its own (only ``variant`` when given; raises
    ``UnknownVariant`` if the spec lacks it). A problem found in some variants but not
    all names its variant ("[半天] …"); one found in all of them is the spec's own.
    ``load`` reads the files the spec names (default: ``load_file``; the preview passes
    one that records them, to know what a page depends on)."""
    builds = build_variants(loaded) if load is None else build_variants(loaded, load)
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


def todo_problems(course: Course, root: YValue | None = None) -> list[Problem]:
    """Text a client would read that still holds a placeholder (TODO, or what ``new``
    and ``import`` write as one) is a warning at its line; notes and comments are the
    trainer's. Without the YAML tree, the titles are looked at."""
    from .placeholders import is_placeholder, placeholders

    if root is not None:
        found = [
            warning(mark, "todo", msg("check.todo-text", key=key, text=text))
            for mark, key, text in placeholders(root)
        ]
        who = course.instructor
        if who is not None and isinstance(root, YMap):
            written = root.get("instructor")
            said = (who.name, who.title, who.bio, who.motto, *who.expertise, *who.clients)
            if written is not None and isinstance(written.value, YScalar):  # a profile file
                for text in (t for t in said if is_placeholder(t)):
                    found.append(
                        warning(
                            written.value.mark,
                            "todo",
                            msg("check.todo-text", key="instructor", text=text),
                        )
                    )
        return found
    found = []
    if course.title.upper().startswith("TODO"):
        found.append(warning(course.mark, "todo", msg("check.todo-title", title=course.title)))
    if course.duration_todo:
        mark = course.duration_mark or course.mark
        found.append(warning(mark, "todo", msg("check.todo-duration", text=course.duration_todo)))

    def visit(node: Node) -> None:
        if node.title.upper().startswith("TODO"):
            found.append(warning(node.mark, "todo", msg("check.todo-block", title=node.title)))
        for child in node.children:
            visit(child)

    for module in course.modules:
        visit(module)
    return found


@dataclass(frozen=True)
class CheckedCourse:
    """One course as a build uses it, read and checked once: the check's result (the
    spec's own problems, its timing), the course with the build's instructor, and its
    agenda laid out with the build's schedule from its first date (None when the check
    found errors). A job builds the documents from it; a pack builds its programme, the
    training plan, the combined proposal, the index and the calendar from these."""

    result: CourseResult
    course: Course | None = None
    agenda: Agenda | None = None


def lay_out(
    built: Built,
    path: Path,
    *,
    instructor: Instructor | None = None,
    overrides: tuple[Schedule, ...] = (),
    first_date: dt.date | None = None,
    skip: str = "holidays",
) -> CheckedCourse:
    """``check_course``, then the agenda as this build lays it out (a pack's schedule may
    not fit the course: the agenda's problems say so)."""
    result = check_course(built, path)
    if result.errors or result.course is None or result.timing is None:
        return CheckedCourse(result)
    course = result.course if instructor is None else replace(result.course, instructor=instructor)
    agenda = plan_agenda(
        course, result.timing, overrides=overrides, first_date=first_date, skip=skip
    )
    return CheckedCourse(result, course, agenda)
