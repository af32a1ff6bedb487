"""The commented starter spec written by ``syllabus new``: it validates as written, and
its modules add up to the duration asked for."""

from __future__ import annotations

import json

from ..duration import format_minutes, parse_duration


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def starter_spec(title: str, duration: str, schema_ref: str) -> str:
    """YAML text for a new course of ``duration`` (raises DurationError if unreadable)."""
    minutes = parse_duration(duration).minutes
    modules = _split(minutes, 2) if minutes >= 2 else [minutes]
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# A syllabus course spec. Check it with:  syllabus validate THIS-FILE",
        "# Durations need a unit: 40min, 40分钟, 2h, 1.5小时, 0.5天, 1天(6h/天).",
        "# Module minutes must add up to the course; section minutes to their module.",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "# subtitle: ...",
        "language: zh            # zh | en: labels in the exported documents",
        f"duration: {json.dumps(duration, ensure_ascii=False)}",
        "audience: [TODO 课程对象]",
        "background: |",
        "  TODO 课程背景:为什么要上这门课。",
        "outcomes:",
        "  - TODO 学员收获一",
        "format: [讲授, 案例分析, 小组演练]",
        "# instructor: ../instructors/you.yaml   # or an inline mapping with name, title, bio",
        "# schedule:                             # agenda settings; these are the defaults",
        '#   start: "09:00"',
        '#   lunch: "12:00-13:30"',
        '#   breaks: ["10:30-10:45", "15:00-15:15"]',
        "modules:",
    ]
    for number, module_minutes in enumerate(modules, start=1):
        sections = _split(module_minutes, 2) if module_minutes >= 2 else [module_minutes]
        lines += [
            f"  - title: 模块{number}",
            f"    duration: {format_minutes(module_minutes)}",
            "    sections:",
        ]
        for sub, section_minutes in enumerate(sections, start=1):
            lines += [
                f"      - title: {number}.{sub} 小节标题",
                f"        duration: {format_minutes(section_minutes)}",
                "        points: [要点一, 要点二]",
            ]
            if sub == 1:
                lines += ["        cases: [案例名称]"]
    return "\n".join(lines) + "\n"
