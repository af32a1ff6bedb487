"""A pack file: a client, a project, and the course specs to build for them.

Read with the same readers and key table as a course, so its problems look the same:
missing course files, the same course twice, dates out of order.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import SKIP_MODES
from ..files import MAX_NAME_BYTES, resolved, too_long_part
from ..i18n import msg
from ..load import Loaded, YMap, YScalar, YSeq, YValue, load_file
from ..paths import written_path
from ..problems import Mark, Problem, warning
from ..spec import fields
from ..spec.build import Loader, instructor_from, schedule_from
from ..spec.model import Instructor, Schedule
from ..spec.read import Reader
from ..spec.training_plan import Issue, Plan
from ..spec.variants import pack_variant
from .kit import KitSettings, read_kit
from .read_training_plan import read_plan
from .supplier import read_issue, today


@dataclass(frozen=True)
class PackCourse:
    path: Path
    mark: Mark
    date: dt.date | None = None
    variant: str | None = None  # which of the course's variants (None: its default)


@dataclass(frozen=True)
class Pack:
    path: Path
    id: str
    client: str
    title: str
    courses: tuple[PackCourse, ...]
    instructor: Instructor | None = None
    date: dt.date | None = None
    schedule: Schedule = field(default_factory=Schedule)
    template: Path | None = None
    language: str | None = None
    skip: str = "holidays"  # days delivery skips: holidays | weekends | none
    plan: Plan | None = None
    # what a client signs (issue 20): issue date, version, supplier
    issue: Issue = field(default_factory=lambda: Issue(today()))
    kit: KitSettings = field(default_factory=KitSettings)  # the delivery kit (pack/kit.py)


def build_pack(loaded: Loaded, load: Loader = load_file) -> tuple[Pack | None, tuple[Problem, ...]]:
    if loaded.root is None:
        return None, loaded.problems
    reader = Reader()
    reader.problems.extend(loaded.problems)
    known = reader.mapping(loaded.root, "the pack", fields.PACK)
    if known is None:
        return None, tuple(reader.problems)
    base = loaded.path.parent
    courses: list[PackCourse] = []
    entry = known.get("courses")
    if entry is not None:
        value = entry.value
        if not isinstance(value, YSeq):
            reader.wrong_type(value, "courses", "a list of course spec paths")
        else:
            for item in value.items:
                course = _pack_course(reader, item, base)
                if course is not None:
                    courses.append(course)
    # the same check as a course's template: it exists and is a Word package
    template = reader.docx_path(known["template"], base) if "template" in known else None
    language = None
    if "language" in known:
        lv = known["language"].value
        if isinstance(lv, YScalar) and lv.value in ("zh", "en"):
            language = str(lv.value)
        else:
            reader.add(lv.mark, "language", msg("pack.language"))
    skip = "holidays"
    if "skip" in known:
        sv = known["skip"].value
        if isinstance(sv, YScalar) and sv.value in SKIP_MODES:
            skip = str(sv.value)
        else:
            reader.add(sv.mark, "skip", msg("pack.skip"))
    pack = Pack(
        path=loaded.path,
        id=loaded.path.stem,
        client=reader.text(known.get("client"), required=True),
        title=reader.text(known.get("title"), required=True),
        courses=tuple(courses),
        instructor=instructor_from(reader, known.get("instructor"), base, load),
        date=reader.date(known.get("date")),
        schedule=schedule_from(reader, known.get("schedule")),
        template=template,
        language=language,
        skip=skip,
        plan=read_plan(reader, known.get("plan")),
        issue=read_issue(reader, known, base, load),
        kit=read_kit(reader, known, base),
    )
    todo = tuple(_placeholders(loaded.root, pack))
    return pack, tuple(reader.problems) + tuple(_cross_checks(pack)) + _issue_checks(pack) + todo


def _pack_course(reader: Reader, item: object, base: Path) -> PackCourse | None:
    from ..load import YMap

    variant = None
    if isinstance(item, YScalar) and isinstance(item.value, str) and item.value.strip():
        path, mark, date = _norm(written_path(base, item.value)), item.mark, None
    elif isinstance(item, YMap):
        known = reader.mapping(item, "a pack course", fields.PACK_COURSE)
        if known is None or "path" not in known:
            return None
        pv = known["path"].value
        if not (isinstance(pv, YScalar) and isinstance(pv.value, str) and pv.value.strip()):
            reader.wrong_type(pv, "path", "a course spec path")
            return None
        path, mark, date = (
            _norm(written_path(base, pv.value)),
            pv.mark,
            reader.date(known.get("date")),
        )
        variant = pack_variant(reader, known.get("variant"), path)
    else:
        mark = item.mark if isinstance(item, YScalar | YSeq | YMap) else Mark()
        reader.add(mark, "type", msg("pack.course-type"))
        return None
    if (part := too_long_part(path)) is not None:
        said = msg("files.too-long", name=part, limit=MAX_NAME_BYTES)
        reader.add(mark, "name-too-long", said)
    elif (reason := _unreadable(path)) is not None:  # a symlink loop, say: not "missing"
        said = msg("pack.course-unreadable", path=path.as_posix(), reason=reason)
        reader.add(mark, "file-unreadable", said)
    elif not path.is_file():
        reader.add(mark, "file-missing", msg("pack.course-missing", path=path.as_posix()))
    return PackCourse(path, mark, date, variant)


def _unreadable(path: Path) -> str | None:
    """Why a course path that is a symlink cannot be followed (a loop), else None."""
    import errno
    import os

    try:
        os.stat(path)
    except OSError as exc:
        return exc.strerror if exc.errno == errno.ELOOP and exc.strerror else None
    return None


def _norm(path: Path) -> Path:
    """``packs/../courses/x.yaml`` as ``courses/x.yaml`` (what a user expects to read)."""
    import os

    return Path(os.path.normpath(path))


def _cross_checks(pack: Pack) -> list[Problem]:
    from ..problems import error

    problems: list[Problem] = []
    seen: dict[tuple[Path, str | None], Mark] = {}
    for course in pack.courses:
        key = (resolved(course.path), course.variant)  # one course in two lengths is fine
        if key in seen:
            problems.append(
                error(
                    course.mark,
                    "duplicate-course",
                    msg("pack.duplicate-course", line=seen[key].line),
                )
            )
        seen.setdefault(key, course.mark)
        if pack.date and course.date and course.date < pack.date:
            problems.append(
                error(
                    course.mark,
                    "date-order",
                    msg("pack.before-first-day", date=course.date, first=pack.date),
                )
            )
    dated = [c for c in pack.courses if c.date]
    for earlier, later in itertools.pairwise(dated):
        if later.date and earlier.date and later.date < earlier.date:
            problems.append(
                warning(
                    later.mark,
                    "date-order",
                    msg("pack.before-previous", date=later.date, previous=earlier.date),
                )
            )
    return problems


def _placeholders(root: YValue | None, pack: Pack) -> list[Problem]:
    """Text the client reads (client, title, the plan's chapters, the venue…) that still
    holds a placeholder: a ``todo`` warning at its line. A supplier or instructor profile
    file's placeholders are reported at the line that names it."""
    from ..placeholders import is_placeholder, placeholders

    found = [
        warning(mark, "todo", msg("check.todo-text", key=key, text=text))
        for mark, key, text in placeholders(root)
    ]
    if isinstance(root, YMap):
        supplier = pack.issue.supplier
        who = pack.instructor
        said: dict[str, tuple[str, ...]] = {
            "supplier": (
                (
                    supplier.company,
                    supplier.short,
                    *(v for _, v in (*supplier.contact.lines(), *supplier.bank.lines())),
                )
                if supplier
                else ()
            ),
            "instructor": (who.name, who.title, who.bio, *who.expertise) if who else (),
        }
        for key, texts in said.items():
            entry = root.get(key)
            if entry is None or not isinstance(entry.value, YScalar):
                continue  # inline: the tree walk above saw it
            for text in (t for t in texts if is_placeholder(t)):
                found.append(
                    warning(entry.value.mark, "todo", msg("check.todo-text", key=key, text=text))
                )
    return found


def _issue_checks(pack: Pack) -> tuple[Problem, ...]:
    """A quote valid until a day before the plan is issued has already lapsed."""
    from ..problems import error

    quote = pack.plan.quote if pack.plan else None
    if quote is None or quote.valid_until is None or quote.valid_until >= pack.issue.issued:
        return ()
    return (
        error(
            quote.valid_mark,
            "date-order",
            msg("plan.valid-before-issued", until=quote.valid_until, issued=pack.issue.issued),
        ),
    )
