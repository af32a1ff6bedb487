"""What each page shows, as values: the home page's rows, a course in each variant
(outline, agenda, proposal, problems), a pack (its plan as the client reads it, the
delivery days, problems). Built through the same code as the commands (check, agenda,
render); nothing here speaks HTTP.

Each view remembers the files it read (the spec, the files it includes, the instructor
profile, the template): the watcher tells which pages a saved file touches, and a view
is rebuilt only when one of its files changed (size or modification time).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..check import CourseResult, check_course, check_variants
from ..find import find_specs
from ..load import Loaded, load_file
from ..problems import Level, Problem
from ..spec.kinds import kind_of

Stamp = tuple[str, int, int, int, int]  # path, mtime, size, inode, ctime
UNSURE_NS = 2_000_000_000  # a file changed this close to its reading: its view is not kept


class Recorder:
    """A loader (``load_file``) that notes every file it reads."""

    def __init__(self) -> None:
        self.paths: set[Path] = set()

    def __call__(self, path: Path) -> Loaded:
        self.paths.add(path.resolve())
        return load_file(path)


def stamps(paths: Iterable[Path]) -> tuple[Stamp, ...]:
    """How each file stands: a save that keeps the size within one tick of the file
    system's clock still changes the inode (an editor's write-then-rename) or the
    change time."""
    out = []
    for path in sorted(paths):
        try:
            st = path.stat()
            out.append((str(path), st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns))
        except OSError:
            out.append((str(path), -1, -1, -1, -1))
    return tuple(out)


@dataclass(frozen=True)
class Shown:
    """A problem as a page shows it."""

    file: str  # absolute path
    line: int
    column: int
    code: str
    level: str
    message: str

    @property
    def where(self) -> str:
        return f"{Path(self.file).name}:{self.line}:{self.column}"

    @property
    def editor(self) -> str:
        """A link that opens the file at the line in VS Code (the path URL-quoted: a
        folder named "Courses #2" would otherwise end the link at its ``#``)."""
        from urllib.parse import quote

        where = quote(Path(self.file).as_posix().lstrip("/"), safe="/:")
        return f"vscode://file/{where}:{self.line}:{self.column}"


def link(*parts: str) -> str:
    """A path on the preview from its parts, each URL-quoted: a file named
    "销售#2 50%.yaml" is a page of its own, not "销售" with a fragment."""
    from urllib.parse import quote

    return "".join("/" + quote(part, safe="/") for part in parts)


def shown(problems: Iterable[Problem], path: Path) -> list[Shown]:
    where = str(path.resolve())
    return [Shown(where, p.line, p.column, p.code, p.level.value, p.text) for p in sorted(problems)]


@dataclass(frozen=True)
class Row:
    """One line of the home page: a file, what it is and how it stands."""

    root: str
    rel: str
    kind: str  # course | pack | instructor | library
    title: str
    variants: tuple[str, ...]
    length: str
    errors: int
    warnings: int

    @property
    def url(self) -> str:
        page = (
            "pack"
            if self.kind == "pack"
            else "course"
            if self.kind in ("course", "library")
            else "file"
        )
        return link(page, self.root, self.rel)


@dataclass(frozen=True)
class OutlineRow:
    depth: int
    title: str
    stated: str
    summed: str
    minutes: str
    allocated: bool


@dataclass(frozen=True)
class AgendaRow:
    time: str
    topic: str
    format: str
    pause: bool


@dataclass(frozen=True)
class AgendaDay:
    heading: str
    rows: tuple[AgendaRow, ...]


@dataclass(frozen=True)
class VariantView:
    name: str | None
    title: str
    length: str
    outline: tuple[OutlineRow, ...]
    days: tuple[AgendaDay, ...]
    proposal: str  # HTML, laid out like the .docx; empty when the course has errors
    problems: tuple[Shown, ...]


@dataclass(frozen=True)
class CourseView:
    path: Path
    kind: str
    variants: tuple[VariantView, ...]
    problems: tuple[Shown, ...]  # the file's own (it does not parse: no variants)
    deps: frozenset[Path]


@dataclass(frozen=True)
class CalendarMonth:
    heading: str
    weeks: tuple[tuple[tuple[int, str], ...], ...]  # (day of month or 0, course titles)


@dataclass(frozen=True)
class PackView:
    path: Path
    title: str
    client: str
    plan: str  # the combined proposal / training plan, HTML laid out like the .docx
    months: tuple[CalendarMonth, ...]
    days: tuple[tuple[str, str, str], ...]  # date, hours, course
    problems: tuple[Shown, ...]
    deps: frozenset[Path]


def _minutes(value: int | None, language: str) -> str:
    from ..duration import format_minutes

    return format_minutes(value, language) if value else ""


def outline_rows(result: CourseResult, language: str) -> tuple[OutlineRow, ...]:
    """Every timed block: its stated minutes, the sum of its children, and what it
    counts for (allocated from an untimed remainder when it states none)."""
    if result.timing is None:
        return ()
    rows: list[OutlineRow] = []

    def visit(nodes: Any, depth: int) -> None:
        for node in nodes:
            stated = node.node.duration.minutes if node.node.duration else None
            summed = sum(c.minutes or 0 for c in node.children) if node.children else None
            rows.append(
                OutlineRow(
                    depth,
                    node.title,
                    _minutes(stated, language),
                    _minutes(summed, language),
                    _minutes(node.minutes, language),
                    node.source == "allocated",
                )
            )
            visit(node.children, depth + 1)

    visit(result.timing.modules, 0)
    return tuple(rows)


def agenda_days(agenda: Any, language: str) -> tuple[AgendaDay, ...]:
    from ..agenda.layout import BREAK, LUNCH
    from ..agenda.settings import clock
    from ..render.agenda_text import day_heading, topic
    from ..render.wording import set_text

    return tuple(
        AgendaDay(
            day_heading(day.number, day.date, language),
            tuple(
                AgendaRow(
                    f"{clock(s.start)}–{clock(s.end)}",
                    set_text(topic(s, language), language),
                    set_text(s.format, language),
                    s.kind in (BREAK, LUNCH),
                )
                for s in day.slots
            ),
        )
        for day in agenda.days
    )


def _length(result: CourseResult, language: str) -> str:
    from ..render.wording import length_text

    course, timing = result.course, result.timing
    if course is None:
        return ""
    minutes = timing.minutes if timing and timing.minutes else result.total_minutes
    if course.duration is None and not minutes:
        return ""
    return length_text(course.duration, minutes or 0, language)


def variant_view(result: CourseResult, language: str) -> VariantView:
    proposal = ""
    days: tuple[AgendaDay, ...] = ()
    if not result.errors and result.course is not None and result.timing is not None:
        from ..agenda.from_course import plan_agenda
        from ..render.proposal import ProposalInput, build_proposal
        from .docx_html import document_html

        course = result.course
        agenda = plan_agenda(course, result.timing)
        days = agenda_days(agenda, course.language)
        try:
            document = build_proposal(
                ProposalInput(course, result.timing, agenda, template=course.template)
            )
            proposal = document_html(document)
        except Exception as exc:  # an unusable template: said where the proposal goes
            proposal = f'<p class="doc-error">{type(exc).__name__}: {exc}</p>'
    course_language = result.course.language if result.course else language
    return VariantView(
        result.variant,
        result.title,
        _length(result, course_language),
        outline_rows(result, course_language),
        days,
        proposal,
        tuple(shown(result.problems, result.path)),
    )


def course_view(path: Path, language: str) -> CourseView:
    """A course (or a library of modules, or any file that is not a pack) in every
    variant it declares."""
    record = Recorder()
    loaded = record(path)
    kind = kind_of(loaded.root)
    if loaded.root is None:
        return CourseView(
            path, kind, (), tuple(shown(loaded.problems, path)), frozenset(record.paths)
        )
    if kind == "instructor":
        from ..validate import check_instructor

        result = check_instructor(loaded)
        return CourseView(
            path, kind, (), tuple(shown(result.problems, path)), frozenset(record.paths)
        )
    if kind == "pack":
        return CourseView(path, kind, (), (), frozenset(record.paths))
    results = check_variants(loaded, load=record)
    deps = set(record.paths)
    for r in results:
        if r.course is not None and r.course.template is not None:
            deps.add(r.course.template.resolve())
    return CourseView(
        path, kind, tuple(variant_view(r, language) for r in results), (), frozenset(deps)
    )


def _pack_input(pack: Any, entry: Any, date: dt.date | None, record: Recorder) -> Any:
    """One course as the pack's combined proposal shows it (the pack's instructor and
    schedule), as ``pack`` builds it; None when the course does not build."""
    from ..agenda.from_course import plan_agenda
    from ..render.proposal import ProposalInput
    from ..spec.build import load_course

    checked = check_course(load_course(entry.path, record, entry.variant), entry.path)
    if checked.errors or checked.course is None or checked.timing is None:
        return None
    course = replace(checked.course, instructor=pack.instructor or checked.course.instructor)
    agenda = plan_agenda(
        course, checked.timing, overrides=(pack.schedule,), first_date=date, skip=pack.skip
    )
    return ProposalInput(course, checked.timing, agenda, pack.client, date, pack.template)


def pack_view(path: Path, language: str) -> PackView:
    from ..pack.programme import plan_programme
    from ..pack.spec import build_pack

    record = Recorder()
    loaded = record(path)
    pack, problems = build_pack(loaded, record)
    found = list(problems)
    if pack is None or any(p.level is Level.ERROR for p in problems):
        title = pack.title if pack else ""
        return PackView(
            path, title, "", "", (), (), tuple(shown(found, path)), frozenset(record.paths)
        )
    programme = plan_programme(pack)
    found += programme.problems
    inputs, built = [], set()
    for entry, date in zip(pack.courses, programme.dates, strict=True):
        record.paths.add(entry.path.resolve())
        made = _pack_input(pack, entry, date, record)
        if made is not None:
            inputs.append(made)
            built.add(entry.path)
    lang = pack.language or (inputs[0].course.language if inputs else language)
    html = ""
    if inputs:
        from ..render.pack_docs import PackInfo, combined_proposal
        from ..render.plan_docx import PlanDocument
        from .docx_html import document_html

        plan = None
        if pack.plan is not None:
            courses = tuple(c for c in programme.courses if c.path in built)
            plan = PlanDocument(
                pack.client,
                pack.title,
                lang,
                pack.plan,
                replace(programme, courses=courses),
                inputs,
                pack.instructor,
            )
        info = PackInfo(pack.client, pack.title, lang, pack.instructor, pack.template)
        try:
            html = document_html(combined_proposal(info, inputs, plan=plan))
        except Exception as exc:  # an unusable template
            html = f'<p class="doc-error">{type(exc).__name__}: {exc}</p>'
    if pack.template is not None:
        record.paths.add(pack.template.resolve())
    return PackView(
        path,
        pack.title,
        pack.client,
        html,
        calendar_months(programme.delivery_days, lang),
        delivery_rows(programme.delivery_days, lang),
        tuple(shown(found, path)),
        frozenset(record.paths),
    )


def delivery_rows(days: list[Any], language: str) -> tuple[tuple[str, str, str], ...]:
    from ..agenda.settings import clock
    from ..dates import format_date

    return tuple(
        (format_date(d.date, language), f"{clock(d.start)}–{clock(d.end)}", d.course) for d in days
    )


def calendar_months(days: list[Any], language: str) -> tuple[CalendarMonth, ...]:
    """The months holding a delivery day, as weeks Monday to Sunday."""
    import calendar

    by_date: dict[dt.date, list[str]] = {}
    for d in days:
        by_date.setdefault(d.date, []).append(d.course)
    months = sorted({(d.year, d.month) for d in by_date})
    out = []
    for year, month in months:
        weeks = []
        for week in calendar.Calendar(0).monthdayscalendar(year, month):
            weeks.append(
                tuple(
                    (n, " / ".join(by_date.get(dt.date(year, month, n), [])) if n else "")
                    for n in week
                )
            )
        heading = (
            f"{year}年{month}月" if language == "zh" else dt.date(year, month, 1).strftime("%B %Y")
        )
        out.append(CalendarMonth(heading, tuple(weeks)))
    return tuple(out)


def summary_rows(root: str, rel: str, path: Path, language: str) -> tuple[Row, frozenset[Path]]:
    """The home page's line for one file (checked as ``validate`` checks it)."""
    record = Recorder()
    loaded = record(path)
    kind = kind_of(loaded.root)
    if kind == "pack":
        from ..validate import check_pack

        result = check_pack(loaded)
        results = [result]
    elif kind == "instructor":
        from ..validate import check_instructor

        results = [check_instructor(loaded)]
    else:
        results = (
            check_variants(loaded, load=record)
            if loaded.root is not None
            else [CourseResult(path, "", None, 0, loaded.problems)]
        )
        if root == "library":
            kind = "library"
    problems = {p for r in results for p in r.problems}
    first = results[0] if results else None
    length = ""
    if first is not None and first.course is not None:
        length = _length(first, language)
    row = Row(
        root,
        rel,
        kind,
        first.title if first else "",
        tuple(r.variant for r in results if r.variant),
        length,
        sum(1 for p in problems if p.level is Level.ERROR),
        sum(1 for p in problems if p.level is Level.WARNING),
    )
    return row, frozenset(record.paths)


@dataclass
class Site:
    """The folders the preview shows, and every view built so far (rebuilt only when a
    file it read changed)."""

    roots: dict[str, Path]  # URL name → folder
    language: str
    _views: dict[tuple[str, str], tuple[tuple[Stamp, ...], Any]] = field(default_factory=dict)

    def files(self) -> list[tuple[str, str, Path]]:
        """Every spec file in the folders; a symbolic link that leads out of its folder
        is not one of them (its page is refused too)."""
        found = []
        for name, root in self.roots.items():
            if not root.is_dir():
                continue
            base = root.resolve()
            for path, problem in find_specs([root]):
                if problem is None and path.resolve().is_relative_to(base):
                    found.append((name, path.relative_to(root).as_posix(), path))
        return found

    def _cached(
        self, key: tuple[str, str], build: Callable[[], tuple[Any, frozenset[Path]]]
    ) -> Any:
        known = self._views.get(key)
        if known is not None and stamps(Path(s[0]) for s in known[0]) == known[0]:
            return known[1]
        started = time.time_ns()
        value, deps = build()
        now = stamps(deps)
        # a file saved while (or just before) it was read may hold newer bytes than the
        # view shows, under the stamp taken after: such a stamp is kept marked as never
        # matching, so the next request reads the file again (an editor's auto-save
        # bursts; clocks of 1-2 s ticks), and its folder is still watched
        unsure = started - UNSURE_NS
        now = tuple((s[0], -2, *s[2:]) if max(s[1], s[4]) >= unsure else s for s in now)
        self._views[key] = (now, value)
        return value

    def home(self) -> list[Row]:
        rows = []
        for name, rel, path in self.files():
            rows.append(
                self._cached(
                    ("row", str(path)),
                    functools.partial(summary_rows, name, rel, path, self.language),
                )
            )
        return rows

    def course(self, path: Path) -> CourseView:
        view: CourseView = self._cached(
            ("course", str(path)),
            lambda: _with_deps(course_view(path, self.language)),
        )
        return view

    def pack(self, path: Path) -> PackView:
        view: PackView = self._cached(
            ("pack", str(path)), lambda: _with_deps(pack_view(path, self.language))
        )
        return view

    def watched(self) -> set[Path]:
        """Every folder holding a file some view read (the roots, the instructors…)."""
        folders = {root.resolve() for root in self.roots.values() if root.is_dir()}
        # a copy: a page being built in another thread adds views meanwhile
        parents = {Path(s[0]).parent for known, _ in list(self._views.values()) for s in known}
        for parent in sorted(parents):
            if not any(parent.is_relative_to(f) for f in folders) and parent.is_dir():
                folders.add(parent)
        return folders


def _with_deps(view: Any) -> tuple[Any, frozenset[Path]]:
    return view, frozenset(view.deps) | {Path(os.fspath(view.path)).resolve()}
