"""A parsed catalog course as a course spec: a mapping in the spec's own keys, and its
YAML text with the TODOs the source left open. Nothing from the source is dropped:
text that fits no key lands in ``notes``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..duration import DurationError, format_minutes, parse_duration
from .catalog import Course, split_list
from .outline import Item, parse_outline


@dataclass
class Imported:
    spec: dict[str, Any]
    todos: list[str] = field(default_factory=list)

    @property
    def modules(self) -> int:
        return len(self.spec.get("modules", []))

    @property
    def timed(self) -> int:
        return sum(1 for m in self.spec.get("modules", []) if "duration" in m or _all_timed(m))


def _all_timed(node: dict[str, Any]) -> bool:
    sections = node.get("sections", [])
    return bool(sections) and all("duration" in s or _all_timed(s) for s in sections)


def _node(item: Item) -> dict[str, Any]:
    """An outline item as a module or section: children with sub-items or minutes stay
    blocks; the rest become its points (their cases and notes move up with them)."""
    node: dict[str, Any] = {"title": item.title or "TODO: 无标题"}
    if item.duration:
        node["duration"] = item.duration
    sections, points = [], []
    cases, tools, exercises, notes = (
        list(item.cases),
        list(item.tools),
        list(item.exercises),
        list(item.notes),
    )
    for child in item.children:
        if child.children or child.duration:
            sections.append(_node(child))
        else:
            points.append(child.title)
            cases += child.cases
            tools += child.tools
            exercises += child.exercises
            notes += child.notes
    for key, values in (
        ("sections", sections),
        ("points", [p for p in points if p]),
        ("cases", cases),
        ("tools", tools),
        ("exercises", exercises),
    ):
        if values:
            node[key] = values
    if notes:
        node["notes"] = "\n".join(notes)
    return node


def _proposed_title(course: Course) -> str:
    for key in ("outcomes", "background"):
        text = course.sections.get(key, "")
        if key == "outcomes" and text:
            text = split_list(text)[0]
        sentence = re.split(
            r"[,，。;；!！?？]", re.sub(r"^(本课程|本节课|本课题)(旨在)?", "", text.strip())
        )[0].strip()
        if sentence:
            return sentence[:30]
    return "课程"


def to_spec(course: Course, *, instructor_ref: str | None, course_id: str) -> Imported:
    todos: list[str] = []
    spec: dict[str, Any] = {}
    title = course.sections.get("title", "").strip()
    if not title:
        title = f"TODO: {_proposed_title(course)}"
        todos.append("the source has no course title; one is proposed from its text")
    spec["title"] = title
    spec["id"] = course_id
    spec["language"] = "zh"
    duration_text = course.sections.get("duration", "").strip()
    if duration_text:
        try:
            per_day = parse_duration(duration_text).minutes_per_day or 0
            spec["duration"] = duration_text
            if per_day > 7 * 60:  # longer than the default day holds (09:00-18:00, 1.5 h lunch)
                spec["schedule"] = {"start": "08:30", "lunch": "12:00-13:00"}
                todos.append(
                    f"a {per_day // 60}-hour day: the day's times are proposed; check them"
                )
        except DurationError:
            todos.append(
                f"course length {duration_text!r} could not be read; write it as e.g. 1天(6h/天)"
            )
    if "background" in course.sections:
        spec["background"] = course.sections["background"]
    for key in ("audience", "outcomes", "format"):
        if course.sections.get(key):
            spec[key] = split_list(course.sections[key])
    if instructor_ref:
        spec["instructor"] = instructor_ref
    outline = parse_outline(
        course.sections.get("outline", "" if "outline" in course.sections else course.preamble)
    )
    modules = [_node(item) for item in outline.children]
    if not modules:
        modules = [{"title": "TODO: 课程大纲"}]
        todos.append("no outline was found; the text is kept in notes")
    spec["modules"] = modules
    notes = list(course.notes)
    if outline.notes:
        notes.append("\n".join(outline.notes))
    if course.preamble and "outline" in course.sections:
        notes.insert(0, course.preamble)
    if notes:
        spec["notes"] = "\n".join(notes)
    if "duration" not in spec:
        total = _sum_if_timed(modules)
        if total is not None:
            spec["duration"] = format_minutes(total, "zh")
            todos.append(
                f"no course length in the source; {spec['duration']} is the sum of its modules"
            )
        else:
            todos.append("no course length in the source: add duration: (e.g. 1天(6h/天))")
    untimed = sum(1 for m in modules if not ("duration" in m or _all_timed(m)))
    if untimed:
        todos.append(f"{untimed} of {len(modules)} modules carry no minutes: add duration: to them")
    first: tuple[str, ...] = ("title", "id", "language", "duration", "schedule")
    ordered: dict[str, Any] = {k: spec[k] for k in first if k in spec}
    ordered.update({k: v for k, v in spec.items() if k not in ordered})
    return Imported(ordered, todos)


def _sum_if_timed(modules: list[dict[str, Any]]) -> int | None:
    total = 0
    for module in modules:
        if "duration" not in module:
            return None
        total += parse_duration(module["duration"]).minutes
    return total


try:  # libyaml's emitter, ~10x faster on a large catalog; same output
    _Base: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeDumper


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    """Multi-line text as a ``|`` block, as a person would write it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def to_yaml(imported: Imported, *, source: str, number: int, schema_ref: str | None) -> str:
    head = []
    if schema_ref:
        head.append(f"# yaml-language-server: $schema={schema_ref}")
    head.append(f"# Imported from {source} (course {number}) by syllabus import.")
    head += [f"# TODO: {todo}" for todo in imported.todos]
    body = yaml.dump(imported.spec, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(head) + "\n" + body
