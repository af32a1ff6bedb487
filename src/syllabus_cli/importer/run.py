"""``syllabus import``: a catalog in, one course spec per course out (plus the instructor
profile from the page header), and a row per course for the summary table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..files import write_text_atomic
from ..i18n import t
from ..pack.names import inside, safe_name
from ..spec.schema import schema_ref
from .catalog import (
    DEFAULT_SEPARATOR,
    fingerprint,
    is_course,
    read_sections,
    split_courses,
    take_header,
)
from .emit import Finding, to_spec, to_yaml
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
        body = f"# Instructor profile from the page header of {source.name}.\n" + yaml.safe_dump(
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
        imported = to_spec(
            read_sections(chunk, number), instructor_ref=instructor_ref, course_id=course_id
        )
        target = inside(out, f"{course_id}.yaml")
        ref = schema_ref(target)
        _write(
            target,
            to_yaml(imported, source=source.name, number=number, schema_ref=ref),
            force,
            report,
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


def _write(path: Path, text: str, force: bool, report: ImportReport) -> bool:
    if path.exists() and not force:
        report.kept.append(path.as_posix())
        return False
    write_text_atomic(path, text)
    return True
