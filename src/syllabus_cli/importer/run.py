"""``syllabus import``: a catalog in, one course spec per course out (plus the instructor
profile from the page header), and a row per course for the summary table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..build.names import inside, safe_name
from ..files import write_text_atomic
from ..i18n import msg, t
from ..load import MAX_BYTES, MAX_NODES
from ..spec.schema import schema_ref
from .catalog import (
    DEFAULT_SEPARATOR,
    fingerprint,
    is_course,
    read_sections,
    split_courses,
    take_header,
)
from .emit import Finding, Imported, to_spec, to_yaml
from .fit import nodes
from .modules_like import Chosen
from .source import read_source


@dataclass(frozen=True)
class Row:
    file: str
    title: str
    duration: str
    modules: int
    timed: int
    todos: int
    findings: dict[str, Finding] = field(default_factory=dict, compare=False)
    todo_list: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """What was found, derived or left TODO, for a person or a script to review."""
        return {
            "file": self.file,
            "title": self.title,
            "duration": None
            if self.duration == "—" or self.duration.startswith("(")
            else self.duration,
            "modules": self.modules,
            "timed_modules": self.timed,
            "fields": {key: f.as_json() for key, f in self.findings.items()},
            **{
                status: [key for key, f in self.findings.items() if f.status == status]
                for status in ("found", "derived", "todo")
            },
            "todos": list(self.todo_list),
        }


@dataclass
class ImportReport:
    rows: list[Row] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # existing files not overwritten
    instructor: str | None = None
    info: list[str] = field(default_factory=list)  # how it was read (--modules-like)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": not self.kept,
            "courses": [row.as_json() for row in self.rows],
            "instructor": self.instructor,
            "warnings": list(self.warnings),
            "info": list(self.info),
            "kept": list(self.kept),
        }


def import_catalog(
    source: Path,
    out: Path,
    *,
    separator: str = DEFAULT_SEPARATOR,
    force: bool = False,
    modules_like: str | None = None,
) -> ImportReport:
    """Raises SourceError for a source that cannot be read at all, or whose lines hold
    no module written like ``modules_like`` (the trainer's example of one module)."""
    from .readers import PDF_GLYPHS
    from .source import LAST_ENCODING

    LAST_ENCODING.clear()
    PDF_GLYPHS.clear()
    # control characters out (\x00 and \x01 are the readers' own marks, see readers.py)
    text = re.sub(r"[\x02-\x08\x0b\x0c\x0e-\x1f\x7f]", "", read_source(source))
    as_yaml = (
        yaml_syllabus(text) if source.suffix.lower() in (".md", ".txt", ".yaml", ".yml") else text
    )
    text = as_yaml if as_yaml != text else front_matter(text)
    report = ImportReport()
    if LAST_ENCODING:
        report.warnings.append(t("import.encoding", encoding=LAST_ENCODING[-1].upper()))
    if PDF_GLYPHS:
        report.warnings.append(t("import.pdf-glyphs", n=PDF_GLYPHS[-1]))
    chunks = split_courses(text, separator)
    header, chunks[0] = take_header(chunks[0])
    stem = safe_name(source.stem, "catalog")
    instructor_ref = None
    out.mkdir(parents=True, exist_ok=True)
    if header is not None:
        name = safe_name(header.name, "instructor")
        instructor_ref = f"instructors/{name}.yaml"
        profile = {
            "name": header.name,
            **({"title": header.title} if header.title else {}),
            **({"motto": header.motto} if header.motto else {}),
        }
        said = t("import.instructor-header", source=source.name)
        body = f"# {said}\n" + yaml.safe_dump(
            profile, allow_unicode=True, sort_keys=False, width=100
        )
        if _write(inside(out, "instructors", f"{name}.yaml"), body, force, report):
            report.instructor = instructor_ref
    courses = [c for c in chunks if c.strip()]
    real = [c for c in courses if is_course(c)]
    if not real and courses:
        real = ["\n".join(courses)]  # no labels anywhere: one course, all in notes
    for chunk in courses:
        if chunk not in real:
            report.warnings.append(t("import.skipped", text=" ".join(chunk.split())[:40]))
    chosen: list[tuple[str, Chosen | None]] = [(chunk, None) for chunk in real]
    if modules_like is not None:
        chosen = _remarked(real, modules_like, report)
    shared = _shared_instructors(real) if instructor_ref is None else {}
    for name in set(shared.values()):  # one instructor named for many courses: one profile
        path = f"instructors/{safe_name(name, 'instructor')}.yaml"
        body = f"# Instructor profile: the instructor {source.name} names for its courses.\n"
        body += yaml.safe_dump({"name": name}, allow_unicode=True, sort_keys=False)
        if _write(inside(out, *path.split("/")), body, force, report):
            report.instructor = path
    seen: dict[str, int] = {}
    for number, (chunk, choice) in enumerate(chosen, start=1):
        key = fingerprint(chunk)
        if key in seen:
            report.warnings.append(t("import.repeat", number=number, first=seen[key]))
            continue
        seen[key] = number
        course_id = f"{stem}-{number:02d}"
        target = inside(out, f"{course_id}.yaml")
        ref = instructor_ref
        if number in shared:
            ref = f"instructors/{safe_name(shared[number], 'instructor')}.yaml"
        imported, text = _fitted(chunk, number, ref, course_id, source, target, choice)
        _write(target, text, force, report)
        if imported.cut is not None:  # nothing lost: the course's whole text beside it
            _write(inside(out, imported.cut.side_file), chunk + "\n", force, report)
            report.warnings.append(
                t("import.cut-report", file=target.name, detail=_cut_todo(imported))
            )
        report.rows.append(
            Row(
                target.as_posix(),
                str(imported.spec["title"]),
                _duration_shown(imported),
                imported.modules,
                imported.timed,
                len(imported.todos),
                imported.findings,
                tuple(imported.todos),
            )
        )
    return report


def _remarked(
    chunks: list[str], example: str, report: ImportReport
) -> list[tuple[str, Chosen | None]]:
    """Each course's text with the lines written like the trainer's example as its
    modules; a course holding no such line is read as before, and says so."""
    from .errors import SourceError
    from .modules_like import PLAIN, SINGLE, UNMATCHED, remark

    shown = _shown(example)
    out: list[tuple[str, Chosen | None]] = []
    failed: list[str] = []
    for number, chunk in enumerate(chunks, start=1):
        marked = remark(chunk, example)
        if isinstance(marked, str):
            failed.append(marked)
            if len(chunks) > 1:
                report.warnings.append(
                    t("import.modules-like-course", number=number, example=shown)
                )
            out.append((chunk, None))
        else:
            out.append((marked.text, marked))
    if len(failed) == len(chunks):  # no course holds such a line: the nearest miss said
        code = next((c for c in failed if c != UNMATCHED), UNMATCHED)
        if code == SINGLE:
            raise SourceError(
                "modules-like-single", msg("import.modules-like-single", example=shown)
            )
        if code == PLAIN:
            raise SourceError("modules-like-plain", msg("import.modules-like-plain", example=shown))
        raise SourceError(
            "modules-like-unmatched", msg("import.modules-like-unmatched", example=shown)
        )
    modules = sum(len(choice.starts) for _, choice in out if choice is not None)
    report.info.append(t("import.modules-like-read", example=shown, n=modules))
    return out


def _shown(example: str) -> str:
    """The example as a message shows it: one line, no control characters, not too long."""
    plain = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", example).split())
    return plain if len(plain) <= 40 else plain[:40] + "…"


_FRONT_KEYS = {
    "title": "课程名称",
    "duration": "课程时长",
    "length": "课程时长",
    "audience": "课程对象",
    "instructor": "讲师",
    "author": "讲师",
    "description": "课程简介",
}


_TOML_KEY = re.compile(
    r"""^\s*([A-Za-z_][\w-]*)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)'|(\[[^\n]*\])|([^\n#]*))"""
)


def _toml_keys(block: str) -> dict[str, object]:
    """A TOML front matter's top-level keys (title = "…", tags = ["a", "b"], draft =
    false), before its first [table]: all a page's heading needs (Python 3.10 has no
    tomllib)."""
    data: dict[str, object] = {}
    for line in block.split("\n"):
        if line.strip().startswith("["):
            break
        m = _TOML_KEY.match(line)
        if m is None:
            continue
        key, dq, sq, array, bare = m.groups()
        if array is not None:
            data[key] = [a or b for a, b in re.findall(r"\"([^\"]*)\"|'([^']*)'", array)]
        else:
            data[key] = dq if dq is not None else sq if sq is not None else (bare or "").strip()
    return data


def front_matter(text: str) -> str:
    """Markdown's YAML front matter (``---`` … ``---`` first in the file; TOML between
    ``+++`` lines, as Hugo sites write it) as the labelled
    lines the catalog reader knows; the page's own heading follows it."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() not in ("---", "+++"):
        return text
    closing = ("+++",) if lines[0].strip() == "+++" else ("---", "...")
    end = next((i for i in range(1, min(len(lines), 200)) if lines[i].strip() in closing), None)
    if end is None:
        return text
    block = "\n".join(lines[1:end])
    try:  # (+++ … +++: a Hugo page's TOML front matter, title = "…")
        data = _toml_keys(block) if closing == ("+++",) else yaml.safe_load(block)
    except yaml.YAMLError:
        return text
    if not isinstance(data, dict):
        return text
    known: list[str] = []
    other: list[str] = []  # layout: · tags: — kept, after the page (never a title)
    for key, value in data.items():
        if value is None or (isinstance(value, (dict, list)) and not value):
            continue
        shown = "、".join(map(str, value)) if isinstance(value, list) else str(value)
        label = _FRONT_KEYS.get(str(key).lower())
        if label == "课程名称":  # the page's heading, which the title rules then judge
            known.insert(0, f"# {' '.join(shown.split())}")
        elif label:
            known.append(f"{label}：{shown}")
        else:
            other.append(f"{key}: {shown}")
    heading = [k for k in known if k.startswith("# ")]
    labelled = [k for k in known if not k.startswith("# ")]
    return "\n".join([*heading, *lines[end + 1 :], *labelled, *other])


def _shared_instructors(chunks: list[str]) -> dict[int, str]:
    """Course number → instructor name, for names found on two courses or more."""
    from .emit import find_instructor

    names = {n: find_instructor(read_sections(c, n)) for n, c in enumerate(chunks, start=1)}
    counts: dict[str, int] = {}
    for name in names.values():
        if name:
            counts[name] = counts.get(name, 0) + 1
    return {n: name for n, name in names.items() if name and counts[name] >= 2}


def _fitted(
    chunk: str,
    number: int,
    instructor_ref: str | None,
    course_id: str,
    source: Path,
    target: Path,
    chosen: Chosen | None = None,
) -> tuple[Imported, str]:
    """The course's spec and its YAML text, within the loader's limits: the fit is an
    estimate, so the text is measured, and fitted into less room if it came out too big."""
    for scale in (1.0, 0.5, 0.25, 0.1):
        imported = to_spec(
            read_sections(chunk, number),
            instructor_ref=instructor_ref,
            course_id=course_id,
            scale=scale,
            chosen=chosen,
        )
        text = to_yaml(imported, source=source.name, number=number, schema_ref=schema_ref(target))
        if len(text.encode("utf-8")) <= MAX_BYTES and nodes(imported.spec) <= MAX_NODES:
            break
    return imported, text


def _duration_shown(imported: Imported) -> str:
    """The spec's length; in brackets the sum validate will take when none is set."""
    if "duration" in imported.spec:
        return str(imported.spec["duration"])
    derived = imported.findings.get("length")
    if derived is not None and derived.status == "derived" and isinstance(derived.value, int):
        from ..duration import format_minutes

        return f"({format_minutes(derived.value, str(imported.spec.get('language', 'zh')))})"
    return "—"


def _cut_todo(imported: Imported) -> str:
    return next(todo for todo in imported.todos if imported.cut and imported.cut.side_file in todo)


def _write(path: Path, text: str, force: bool, report: ImportReport) -> bool:
    if path.exists() and not force:
        report.kept.append(path.as_posix())
        return False
    write_text_atomic(path, text)
    return True


_YAML_TITLE = ("course_name", "course_title", "title", "name", "课程名称")
_YAML_LENGTH = ("total_hours", "duration", "length", "hours", "总学时", "课程时长")
_YAML_ITEM_TITLE = ("title", "topic", "name", "module", "chapter_title", "主题", "标题")
_YAML_ITEM_TIME = ("hours", "duration", "minutes", "学时", "时长")
_YAML_ITEM_POINTS = ("key_points", "topics", "points", "content", "contents", "要点")


def yaml_syllabus(text: str) -> str:
    """A syllabus written as YAML (course_name: …, total_hours: …, a list of chapters or
    weeks with title/topic and hours): the catalog reader's labelled text, every line of the
    file kept after the outline (its comments say what each key means)."""
    body = text.lstrip("\ufeff")
    if body.startswith("---"):  # a YAML document between --- lines (as front matter)
        body = re.split(r"^(?:---|\.\.\.)\s*$", body[3:], maxsplit=1, flags=re.M)[0]
    if not re.search(r"^[A-Za-z_][\w]*\s*:", body, re.M):
        return text
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return text
    if not isinstance(data, dict) or len(data) < 3:
        return text
    keys = {str(k).lower(): v for k, v in data.items()}
    title = next((keys[k] for k in _YAML_TITLE if isinstance(keys.get(k), (str, int))), None)
    items = next(
        (
            v
            for v in data.values()
            if isinstance(v, list)
            and len(v) >= 2
            and all(isinstance(i, dict) and any(k in i for k in _YAML_ITEM_TITLE) for i in v)
        ),
        None,
    )
    if title is None or items is None:
        return text
    out = [f"课程名称：{title}"]
    length = next((keys[k] for k in _YAML_LENGTH if keys.get(k) not in (None, "")), None)
    if length is not None:
        out.append(
            f"课程时长：{length}小时"
            if re.fullmatch(r"\d+(?:\.\d+)?", str(length))
            else f"课程时长：{length}"
        )
    out.append("课程大纲：")
    for item in items:
        name = next(str(item[k]) for k in _YAML_ITEM_TITLE if k in item)
        time = next((item[k] for k in _YAML_ITEM_TIME if item.get(k) not in (None, "")), None)
        suffix = ""
        if time is not None:
            unit = "分钟" if "minutes" in item else "学时"
            suffix = (
                f"（{time}{unit}）" if re.fullmatch(r"\d+(?:\.\d+)?", str(time)) else f"（{time}）"
            )
        out.append(f"## {name}{suffix}")
        points = next((item[k] for k in _YAML_ITEM_POINTS if k in item), None)
        if isinstance(points, list):
            out += [f"- {p}" for p in points]
        elif isinstance(points, str):
            out.append(f"- {points}")
    out.append("附录：")  # the file as written, after the outline: nothing lost
    out += ["\0" + line for line in text.split("\n") if line.strip()]
    return "\n".join(out)
