"""``syllabus import``: a catalog in, one course spec per course out (plus the instructor
profile from the page header), and a row per course for the summary table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..build.names import inside, safe_name
from ..files import write_text_atomic
from ..i18n import t
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
        """What was found, guessed or missing, for a person or a script to review."""
        return {
            "file": self.file,
            "title": self.title,
            "duration": None if self.duration == "—" else self.duration,
            "modules": self.modules,
            "timed_modules": self.timed,
            "fields": {key: f.as_json() for key, f in self.findings.items()},
            "todos": list(self.todo_list),
        }


@dataclass
class ImportReport:
    rows: list[Row] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # existing files not overwritten
    instructor: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": not self.kept,
            "courses": [row.as_json() for row in self.rows],
            "instructor": self.instructor,
            "warnings": list(self.warnings),
            "kept": list(self.kept),
        }


def import_catalog(
    source: Path, out: Path, *, separator: str = DEFAULT_SEPARATOR, force: bool = False
) -> ImportReport:
    """Raises SourceError for a source that cannot be read at all."""
    text = read_source(source)
    report = ImportReport()
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
    seen: dict[str, int] = {}
    for number, chunk in enumerate(real, start=1):
        key = fingerprint(chunk)
        if key in seen:
            report.warnings.append(t("import.repeat", number=number, first=seen[key]))
            continue
        seen[key] = number
        course_id = f"{stem}-{number:02d}"
        target = inside(out, f"{course_id}.yaml")
        imported, text = _fitted(chunk, number, instructor_ref, course_id, source, target)
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
                str(imported.spec.get("duration", "—")),
                imported.modules,
                imported.timed,
                len(imported.todos),
                imported.findings,
                tuple(imported.todos),
            )
        )
    return report


def _fitted(
    chunk: str, number: int, instructor_ref: str | None, course_id: str, source: Path, target: Path
) -> tuple[Imported, str]:
    """The course's spec and its YAML text, within the loader's limits: the fit is an
    estimate, so the text is measured, and fitted into less room if it came out too big."""
    for scale in (1.0, 0.5, 0.25, 0.1):
        imported = to_spec(
            read_sections(chunk, number),
            instructor_ref=instructor_ref,
            course_id=course_id,
            scale=scale,
        )
        text = to_yaml(imported, source=source.name, number=number, schema_ref=schema_ref(target))
        if len(text.encode("utf-8")) <= MAX_BYTES and nodes(imported.spec) <= MAX_NODES:
            break
    return imported, text


def _cut_todo(imported: Imported) -> str:
    return next(todo for todo in imported.todos if imported.cut and imported.cut.side_file in todo)


def _write(path: Path, text: str, force: bool, report: ImportReport) -> bool:
    if path.exists() and not force:
        report.kept.append(path.as_posix())
        return False
    write_text_atomic(path, text)
    return True
