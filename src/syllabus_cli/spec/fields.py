"""The spec's keys, in one table: the builder checks against it and the JSON Schema is
generated from it, so the two cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    kind: str  # text | texts | duration | bool | language | nodes | instructor | schedule
    #            clock | window | windows | path | date | contact | courses
    help: str
    required: bool = False


NODE: dict[str, Field] = {
    "title": Field("text", "Module or section title.", required=True),
    "duration": Field("duration", "Length with a unit: 40min, 40分钟, 2h, 1.5小时."),
    "sections": Field("nodes", "Sub-sections: the same shape again, to any depth."),
    "points": Field("texts", "Teaching points (never agenda sessions)."),
    "cases": Field("texts", "Cases (【案例】) discussed here."),
    "tools": Field("texts", "Tools (【工具】) handed out here."),
    "exercises": Field("texts", "Exercises, drills and tasks (演练/任务)."),
    "format": Field("texts", "Delivery methods of this block (讲授, 案例分析, 演练…)."),
    "split": Field("bool", "false: the agenda may not split this block across a break."),
    "notes": Field("text", "Free text kept with the block (imported text lands here)."),
}

SCHEDULE: dict[str, Field] = {
    "start": Field("clock", 'Day start, "HH:MM" (default 09:00).'),
    "lunch": Field(
        "window", 'Lunch window "HH:MM-HH:MM" (default 12:00-13:30); none or false for no lunch.'
    ),
    "breaks": Field(
        "windows", 'Tea breaks, ["10:30-10:45", "15:00-15:15"] by default; [] for none.'
    ),
    "latest_end": Field("clock", 'Latest a day may end, "HH:MM" (default 18:00).'),
    "hours_per_day": Field(
        "duration", "Teaching hours a day when the course length is given in hours."
    ),
}

INSTRUCTOR: dict[str, Field] = {
    "name": Field("text", "Instructor's name.", required=True),
    "title": Field("text", "Professional title, e.g. 数字化商业模式架构师."),
    "bio": Field("text", "A paragraph about the instructor."),
    "motto": Field("text", "A short teaching philosophy."),
    "expertise": Field("texts", "Areas of expertise."),
    "clients": Field("texts", "Past clients."),
    "contact": Field("contact", "Contact lines: a mapping such as {电话: ..., 邮箱: ...}."),
}

COURSE: dict[str, Field] = {
    "title": Field("text", "Course title.", required=True),
    "subtitle": Field("text", "Optional subtitle."),
    "id": Field("text", "Short name for output files (default: the spec file's stem)."),
    "language": Field("language", "Language of exported documents: zh (default) or en."),
    "duration": Field("duration", '"8h", "6小时", "0.5天", "1天(6h/天)", "2天(6h/天)", "90min".'),
    "audience": Field("texts", "Who the course is for (list or text)."),
    "background": Field("text", "Why the course exists."),
    "outcomes": Field("texts", "What participants take away."),
    "prerequisites": Field("texts", "What participants should know before."),
    "format": Field("texts", "Delivery methods: 讲授, 案例分析, 模拟演练, 工作坊…"),
    "instructor": Field(
        "instructor", "Path to an instructor profile (relative to this file) or inline."
    ),
    "schedule": Field("schedule", "Agenda settings (a pack or flags may override)."),
    "template": Field("path", "A .docx template (relative to this file) for the proposal."),
    "modules": Field(
        "nodes", "The outline: modules, each with sections to any depth.", required=True
    ),
    "notes": Field("text", "Free text kept with the course (imported text lands here)."),
}

PACK_COURSE: dict[str, Field] = {
    "path": Field("path", "Course spec, relative to the pack file.", required=True),
    "date": Field("date", "Delivery date of this course (YYYY-MM-DD)."),
}

PACK: dict[str, Field] = {
    "client": Field("text", "Client company.", required=True),
    "title": Field("text", "Project title.", required=True),
    "instructor": Field("instructor", "Instructor profile for every course (path or inline)."),
    "date": Field("date", "First delivery day (YYYY-MM-DD)."),
    "courses": Field("courses", "Course specs in order: paths, or {path, date}.", required=True),
    "schedule": Field("schedule", "Overrides every course's schedule."),
    "template": Field("path", "A .docx template for every document."),
    "language": Field(
        "language", "Language of the combined documents (default: the first course's)."
    ),
}
