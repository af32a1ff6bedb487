"""From a loaded YAML tree to a ``Course``: the structure-and-types pass.

Every problem is collected; what can be built still is, so the timing pass can check
the parts that are well-formed (mkdocs-style passes: shape first, then cross-field).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..duration import Duration
from ..i18n import Word, msg
from ..load import Loaded, YEntry, YMap, YScalar, YSeq, YValue, load_file
from ..paths import written_path
from ..problems import Mark, Problem
from ..problems import problem as leveled
from . import fields
from .model import Course, Instructor, Schedule, Window
from .outline import Context, build_nodes, file_key
from .read import MINUTES_PER_DAY, Reader, kind_name
from .summary import LANGUAGES, course_id, course_language
from .variants import UnknownVariant, Variants, declared_variants, read_duration, read_variants

Loader = Callable[[Path], Loaded]


@dataclass(frozen=True)
class Built:
    course: Course | None
    problems: tuple[Problem, ...]
    root: YValue | None = None  # the YAML as written (where placeholders are looked for)


def build_course(loaded: Loaded, load: Loader = load_file, variant: str | None = None) -> Built:
    """The course as written, for ``variant`` (default: the first one it declares).

    Raises ``UnknownVariant`` when ``variant`` is not one the spec declares."""
    if variant is not None and variant not in declared_variants(loaded.root):
        raise UnknownVariant(variant, declared_variants(loaded.root), loaded.path)
    if loaded.root is None:
        return Built(None, loaded.problems)
    reader = Reader()
    reader.problems.extend(loaded.problems)
    course = _course(reader, loaded.root, loaded.path, load, variant)
    return Built(course, tuple(reader.problems), loaded.root)


def build_variants(loaded: Loaded, load: Loader = load_file) -> tuple[Built, ...]:
    """One build per declared variant, in order; one build for a course without them."""
    names = declared_variants(loaded.root)
    return tuple(build_course(loaded, load, name) for name in names or (None,))


def load_course(path: Path, load: Loader = load_file, variant: str | None = None) -> Built:
    return build_course(load(path), load, variant)


def _todo_text(entry: YEntry | None) -> str:
    """The text of a value written as ``TODO …``, else ''."""
    if entry is None or not isinstance(entry.value, YScalar):
        return ""
    value = entry.value.value
    return value if isinstance(value, str) and value.upper().startswith("TODO") else ""


def _course(
    reader: Reader, root: YMap | YSeq | YScalar, path: Path, load: Loader, variant: str | None
) -> Course | None:
    known = reader.mapping(root, "the course", fields.COURSE)
    if known is None:
        return None
    names, name_marks = read_variants(reader, known.get("variants"))
    current = variant or (names[0] if names else None)
    variants = Variants(names, current, name_marks)
    duration_todo = _todo_text(known.get("duration"))
    duration: Duration | None = None
    duration_mark: Mark | None = None
    if duration_todo:  # "duration: TODO …" is a length left open: check reports it as a todo
        duration_mark = known["duration"].value.mark
    else:
        duration, duration_mark = read_duration(reader, known.get("duration"), variants)
    language = _language(reader, known.get("language"))
    ctx = Context(
        top=reader,
        variants=variants,
        load=load,
        base=path.parent,
        stack=((file_key(path), None),),
        names=(path.name,),
    )
    modules_entry = known.get("modules")
    modules = build_nodes(reader, ctx, modules_entry, depth=1) if modules_entry else ()
    if modules_entry and not modules and not reader.problems:
        if current is not None:
            reader.add(
                name_marks[current],
                "variant-empty",
                msg("build.variant-empty", variant=current),
            )
        else:
            reader.add(
                modules_entry.value.mark,
                "required",
                msg("build.modules-empty"),
            )
    template_entry = known.get("template")
    template = reader.docx_path(template_entry, path.parent) if template_entry else None
    return Course(
        path=path,
        title=reader.text(known.get("title"), required=True),
        mark=root.mark,
        subtitle=reader.text(known.get("subtitle")),
        id=course_id(reader.text(known.get("id")), path),
        language=language,
        duration=duration,
        duration_mark=duration_mark,
        duration_todo=duration_todo,
        audience=reader.texts(known.get("audience")),
        background=reader.text(known.get("background")),
        outcomes=reader.texts(known.get("outcomes")),
        prerequisites=reader.texts(known.get("prerequisites")),
        format=reader.texts(known.get("format")),
        instructor=instructor_from(reader, known.get("instructor"), path.parent, load),
        schedule=schedule_from(reader, known.get("schedule")),
        template=template,
        modules=modules,
        notes=reader.text(known.get("notes")),
        variants=names,
        variant=current,
    )


def _language(reader: Reader, entry: YEntry | None) -> str:
    if entry is None:
        return course_language(None)
    value = entry.value
    if isinstance(value, YScalar) and value.value in LANGUAGES:
        return str(value.value)
    reader.add(
        value.mark,
        "language",
        msg(
            "build.language",
            shown=value.raw if isinstance(value, YScalar) else Word(kind_name(value)),
        ),
    )
    return course_language(None)


def schedule_from(reader: Reader, entry: YEntry | None) -> Schedule:
    if entry is None:
        return Schedule()
    known = reader.mapping(entry.value, "'schedule'", fields.SCHEDULE)
    if known is None:
        return Schedule()
    marks = {key: e.value.mark for key, e in known.items()}
    lunch, no_lunch = None, False
    if "lunch" in known:
        value = known["lunch"].value
        if isinstance(value, YScalar) and (
            value.value is None
            or value.value is False
            or str(value.value).strip().lower() in ("none", "无", "")
        ):
            no_lunch = True
        else:
            lunch = _pause(reader, value, "lunch")
    breaks: tuple[Window, ...] | None = None
    if "breaks" in known:
        value = known["breaks"].value
        if isinstance(value, YScalar) and value.value is None:
            breaks = ()
        elif isinstance(value, YSeq):
            found: list[Window] = []
            for item in value.items:
                pause = _pause(reader, item, "breaks")
                if pause is not None:
                    found.append(pause)
            breaks = tuple(found)
        else:
            reader.wrong_type(value, "breaks", 'a list of time ranges like ["10:30-10:45"]')
    per_day, _ = reader.duration(known.get("hours_per_day"), at_most=MINUTES_PER_DAY)
    min_part = _min_part(reader, known.get("min_part"))
    float_minutes = _min_part(reader, known.get("float"))
    return Schedule(
        start=reader.clock(known.get("start")),
        lunch=lunch,
        no_lunch=no_lunch,
        breaks=breaks,
        latest_end=reader.clock(known.get("latest_end")),
        hours_per_day=per_day.minutes if per_day else None,
        min_part=min_part,
        float=float_minutes,
        marks=marks,
    )


def _pause(reader: Reader, value: YValue, key: str) -> Window | None:
    """``"10:30-10:45"``, or ``{at: "10:30-10:45", fixed: true}`` to pin it."""
    fixed = False
    if isinstance(value, YMap):
        known = reader.mapping(value, f"a pause in {key!r}", fields.PAUSE)
        if known is None or "at" not in known:
            return None
        fixed = reader.boolean(known.get("fixed"), False)
        value = known["at"].value
    window = reader.window_text(value, key)
    return Window(window[0], window[1], value.mark, fixed) if window else None


def _min_part(reader: Reader, entry: YEntry | None) -> int | None:
    """``min_part: 0`` (or ``0min``) turns the minimum off; anything else is a duration."""
    value = entry.value if entry is not None else None
    if isinstance(value, YScalar) and str(value.value).strip().lower() in ("0", "0min", "0分钟"):
        return 0
    parsed, _ = reader.duration(entry)
    return parsed.minutes if parsed else None


def instructor_from(
    reader: Reader, entry: YEntry | None, base: Path, load: Loader
) -> Instructor | None:
    """An inline profile, or one read from a file relative to ``base``. Problems in that
    file are reported at the ``instructor:`` line, naming the file and its line."""
    if entry is None:
        return None
    value = entry.value
    if isinstance(value, YMap):
        return _instructor(reader, value)
    if not (isinstance(value, YScalar) and isinstance(value.value, str) and value.value.strip()):
        reader.wrong_type(value, entry.key, "a path to a profile file or a mapping with a name")
        return None
    ref = value.value.strip()
    loaded = load(written_path(base, ref))
    inner = Reader()
    inner.problems.extend(loaded.problems)
    profile = _instructor(inner, loaded.root) if loaded.root is not None else None
    for problem in inner.problems:
        inner_words = problem.words if problem.words is not None else problem.message
        if problem.code == "file-missing":
            reader.add(
                value.mark, problem.code, msg("build.instructor", ref=ref, inner=inner_words)
            )
        else:
            said = msg("build.instructor-line", ref=ref, line=problem.line, inner=inner_words)
            # a warning stays one (a profile saved as GBK is read, and told)
            reader.problems.append(leveled(value.mark, problem.code, said, problem.level))
    return profile


def _instructor(reader: Reader, value: YMap | YSeq | YScalar) -> Instructor | None:
    known = reader.mapping(value, "the instructor profile", fields.INSTRUCTOR)
    if known is None:
        return None
    contact: list[tuple[str, str]] = []
    if "contact" in known:
        cv = known["contact"].value
        if isinstance(cv, YMap):
            for e in cv.entries:
                contact.append((e.key, reader.text(e)))
        elif isinstance(cv, YSeq) or (isinstance(cv, YScalar) and isinstance(cv.value, str)):
            contact.extend(("", line) for line in reader.texts(known["contact"]))
        else:
            reader.wrong_type(cv, "contact", "a mapping like {电话: ..., 邮箱: ...}")
    return Instructor(
        name=reader.text(known.get("name"), required=True),
        title=reader.text(known.get("title")),
        bio=reader.text(known.get("bio")),
        motto=reader.text(known.get("motto")),
        expertise=reader.texts(known.get("expertise")),
        clients=reader.texts(known.get("clients")),
        contact=tuple(contact),
    )


def build_instructor(loaded: Loaded) -> tuple[Instructor | None, tuple[Problem, ...]]:
    """An instructor profile file on its own, as ``validate`` checks one it is given."""
    if loaded.root is None:
        return None, loaded.problems
    reader = Reader()
    reader.problems.extend(loaded.problems)
    return _instructor(reader, loaded.root), tuple(reader.problems)
