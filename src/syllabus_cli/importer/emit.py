"""A parsed catalog course as a course spec: a mapping in the spec's own keys, its YAML
text with the TODOs the source left open, and what was found, guessed or missing.
Nothing from the source is dropped: text that fits no key lands in ``notes``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..duration import parse_duration
from ..i18n import t
from ..minutes import format_minutes
from .blocks import all_timed, minutes, node, reconcile, sum_if_timed
from .catalog import Course, split_list
from .fit import PLACEHOLDER, Cut, fit_spec
from .length import Length, read_length
from .outline import Item, parse_outline
from .outline_lines import parse_lines
from .title import from_head, from_text


@dataclass
class Finding:
    status: str  # found | guessed | missing
    value: Any = None
    rule: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "value": self.value, "rule": self.rule}


@dataclass
class Imported:
    spec: dict[str, Any]
    todos: list[str] = field(default_factory=list)
    findings: dict[str, Finding] = field(default_factory=dict)
    cut: Cut | None = None  # what did not fit a spec validate reads (see fit.py)

    @property
    def modules(self) -> int:
        return len([m for m in _real(self.spec.get("modules", [])) if m["title"] != _NO_OUTLINE])

    @property
    def timed(self) -> int:
        return sum(
            1 for m in _real(self.spec.get("modules", [])) if "duration" in m or all_timed(m)
        )


def _real(modules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The modules, without the TODO that ends a list cut to fit."""
    return [m for m in modules if not str(m.get("title", "")).startswith(PLACEHOLDER)]


def side_file(course_id: str) -> str:
    """Where the whole source text of a course goes when its spec had to be cut."""
    return f"{course_id}.source.txt"


_NO_OUTLINE = "TODO: 课程大纲"
PROPOSED_LENGTH = "1天"  # a page with no length and untimed modules: the common course


def _proposed_title(course: Course) -> str:
    for key in ("outcomes", "background"):
        text = course.sections.get(key, "")
        if key == "outcomes" and text:
            text = split_list(text)[0]
        sentence = re.split(
            r"[,，。;；!！?？:：\n]", re.sub(r"^(本课程|本节课|本课题)(旨在)?", "", text.strip())
        )[0].strip()
        if sentence:
            return sentence[:30]
    return "课程"


def _bare(text: str) -> str:
    return re.sub(r"[\s#《》:：·]+", "", text)


def _outline(course: Course) -> tuple[Item, list[str]]:
    """The outline tree, and the head lines it consumed (a one-line page with no labels)."""
    lines = course.outline
    if not lines and not course.sections and len(course.head) == 1:
        return parse_outline(course.head[0]), list(course.head)  # a flat page with no labels
    if not lines:
        tasks = next((n for n in course.notes if n.startswith("【学员任务】")), None)
        if tasks and tasks.count("任务一") >= 2:  # the outline starts right after 【学员任务】
            cut = tasks.index("任务一", tasks.index("任务一") + 3)
            course.notes[course.notes.index(tasks)] = tasks[:cut].strip()
            lines = [tasks[cut:]]
    if len(lines) == 1:
        return parse_outline(lines[0]), []  # a catalog line: numbering inline
    return parse_lines(lines), []


_TASK = re.compile(
    r"任务\s*[一二三四五六七八九十\d]+\s*[:：]\s*([^()（）\n]+?)\s*[（(]([^()（）]{1,12})[)）]"
)


def _task_times(course: Course, tree: Item) -> None:
    """【学员任务】 任务一:…(2h): the page times its tasks there, not in the outline; an
    outline task of the same title takes that time."""
    tasks = "\n".join(n for n in course.notes if n.startswith("【学员任务】"))
    times = {_bare(m.group(1)): m.group(2).strip() for m in _TASK.finditer(tasks)}
    for item in tree.children:
        if item.duration is None and minutes(times.get(_bare(item.title))) is not None:
            item.duration = times[_bare(item.title)]


_LENGTH_TEXT = 2_000  # characters: a course length section is a line or a few


def _length(course: Course, title_length: str | None) -> Length:
    body = course.sections.get("duration", "").strip()
    lines = body.split("\n") if body else []
    # the whole text first (a length written over two lines), unless it is far longer
    # than any length: then line by line (reading 5 MB as one length took seconds)
    candidates = ([body] if len(body) <= _LENGTH_TEXT else []) + lines
    if title_length:
        candidates.append(title_length)
    first: Length | None = None
    for text in candidates:
        reading = read_length(text)
        if reading.minutes is not None:
            rest = [line for line in lines if line.strip() and line.strip() != text.strip()]
            reading.notes += [f"课程时长：{line}" for line in rest if text != body]
            return reading
        first = first or reading
    return first or Length()


def to_spec(
    course: Course, *, instructor_ref: str | None, course_id: str, scale: float = 1.0
) -> Imported:
    """``scale`` < 1 fits the spec into a smaller share of the loader's limits (a retry
    when the first fit came out too large)."""
    todos: list[str] = []
    found: dict[str, Finding] = {}
    spec: dict[str, Any] = {}
    head = list(course.head)
    title_text = course.sections.get("title", "").strip()
    rule = "课程名称: label"
    title_length = None
    if not title_text:
        by_head = from_head(head)
        if by_head is not None:
            title_text, rule, title_length = by_head.text, by_head.rule, by_head.length
            if by_head.line and _bare(by_head.line) == _bare(title_text):  # says no more
                head = [line for line in head if line.strip() != by_head.line]
        else:
            by_text = from_text(
                "\n".join([*head, course.sections.get("background", ""), *course.notes])
            )
            if by_text is not None:
                title_text, rule = by_text.text, by_text.rule
    if title_text:
        spec["title"] = title_text
        found["title"] = Finding("found", title_text, rule)
    else:
        spec["title"] = f"TODO: {_proposed_title(course)}"
        todos.append(t("import.no-title"))
        found["title"] = Finding("missing", spec["title"], "proposed from the text")
    spec["id"] = course_id
    spec["language"] = "zh"
    length = _length(course, title_length)
    if length.minutes is not None and length.text:
        spec["duration"] = length.text
        found["length"] = Finding("found", length.minutes, length.rule)
        per_day = parse_duration(length.text).minutes_per_day or 0
        if per_day > 7 * 60:  # longer than the default day holds (09:00-18:00, 1.5 h lunch)
            spec["schedule"] = {"start": "08:30", "lunch": "12:00-13:00"}
            todos.append(t("import.long-day", hours=per_day // 60))
    elif course.sections.get("duration"):
        todos.append(t("import.length-unread", text=course.sections["duration"]))
    for key in ("background",):
        if course.sections.get(key):
            spec[key] = course.sections[key]
    for key in ("audience", "outcomes", "format"):
        if course.sections.get(key):
            spec[key] = split_list(course.sections[key])
            if key == "format" and len(spec[key]) == 1:  # 讲授、案例研讨、角色扮演: methods
                spec[key] = [m.strip() for m in re.split(r"[、，,+＋/]", spec[key][0]) if m.strip()]
            found[key] = Finding("found", len(spec[key]), "label")
    if instructor_ref:
        spec["instructor"] = instructor_ref
        found["instructor"] = Finding("found", instructor_ref, "page header")
    tree, consumed = _outline(course)
    _task_times(course, tree)
    modules = [node(item) for item in tree.children]
    holder: dict[str, Any] = {"title": "课程"}
    todos += reconcile(length.minutes, modules, holder)
    if not modules:
        modules = [{"title": _NO_OUTLINE}]
        todos.append(t("import.no-outline"))
        found["modules"] = Finding("missing", 0, "no outline")
    else:
        found["modules"] = Finding(
            "found", len(modules), "outline label" if course.outline_labelled else "outline markers"
        )
    spec["modules"] = modules
    notes = [line for line in head if line not in consumed]
    notes += course.notes
    if tree.notes:
        notes.append("\n".join(tree.notes))
    if course.sections.get("duration") and "duration" not in spec:
        notes.append(f"课程时长：{course.sections['duration']}")
    notes += length.notes
    if any(n.startswith("TODO: 另一版本") for n in length.notes):
        todos.append(t("import.second-variant"))
    elif any(n.startswith("TODO:") for n in length.notes):
        todos.append(t("import.not-one-length"))
    if holder.get("notes"):
        notes.append(holder["notes"])
    if notes:
        spec["notes"] = "\n".join(notes)
    if "duration" not in spec:
        total = sum_if_timed(modules)
        if total is not None:
            spec["duration"] = format_minutes(total, "zh")
            todos.append(t("import.length-is-sum", length=spec["duration"]))
            found["length"] = Finding("guessed", total, "the sum of its modules")
        else:  # the spec cannot be timed without one: propose the common case, visibly
            spec["duration"] = PROPOSED_LENGTH
            todos.append(t("import.length-proposed", length=PROPOSED_LENGTH))
            found["length"] = Finding("guessed", minutes(PROPOSED_LENGTH), "proposed: one day")
    spec, cut = fit_spec(spec, side_file(course_id), scale=scale)
    if cut is not None:
        said = found["modules"]  # what the spec holds now, and what the source had
        found["modules"] = Finding(
            said.status, cut.modules_kept, f"{said.rule}; {cut.modules_total} in the source"
        )
        todos.append(
            t(
                "import.cut",
                kept=cut.modules_kept,
                total=cut.modules_total,
                items=cut.items_left_out,
                chars=cut.chars_left_out,
                file=cut.side_file,
            )
        )
    modules = _real(spec["modules"])
    untimed = sum(1 for m in modules if not ("duration" in m or all_timed(m)))
    if untimed:
        todos.append(t("import.untimed-modules", untimed=untimed, total=len(modules)))
    found["timed_modules"] = Finding(
        "found" if not untimed else "missing", len(modules) - untimed, "minutes in the outline"
    )
    if spec.get("background"):
        found["background"] = Finding("found", len(spec["background"]), "label")
    shown = ("title", "length", "modules", "timed_modules", "audience", "outcomes")
    found = {
        k: found.get(k, Finding("missing")) for k in (*shown, "background", "format", "instructor")
    }
    first: tuple[str, ...] = ("title", "id", "language", "duration", "schedule")
    ordered: dict[str, Any] = {k: spec[k] for k in first if k in spec}
    ordered.update({k: v for k, v in spec.items() if k not in ordered})
    return Imported(ordered, todos, found, cut)


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
    head.append("# " + t("import.header", source=source, number=number))
    head += [f"# TODO: {todo}" for todo in imported.todos]
    body = yaml.dump(imported.spec, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(head) + "\n" + body


__all__ = ["Finding", "Imported", "minutes", "side_file", "to_spec", "to_yaml"]
