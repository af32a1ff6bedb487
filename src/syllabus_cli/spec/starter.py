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


def variant_lengths(flag: str, first: str) -> list[tuple[str, int]]:
    """``--variants 一天,半天`` as (name, minutes): ``NAME=DURATION``, else the name read as
    a duration (一天, 半天, 3小时), the first falling back to ``first`` (``--duration``).
    Raises ValueError (or DurationError) for what cannot be read."""
    from ..duration import DurationError

    out: list[tuple[str, int]] = []
    for index, part in enumerate(p.strip() for p in flag.replace("，", ",").split(",")):
        name, _, length = (s.strip() for s in part.partition("="))
        if not name or name in (n for n, _ in out):
            raise ValueError(f"{part!r}: each variant needs its own name")
        if not length:
            length = first if index == 0 else name
        try:
            out.append((name, parse_duration(length).minutes))
        except DurationError:
            raise ValueError(f"{name!r} does not say how long it is: write {name}=3小时") from None
    return out


def _name(name: str) -> str:
    """A variant name as YAML flow text: quoted only when it has to be."""
    plain = name == name.strip() and not any(c in name for c in ",:[]{}#&*!|>'\"%@`")
    return name if plain else json.dumps(name, ensure_ascii=False)


def _per_variant(minutes: dict[str, int]) -> str:
    return "{" + ", ".join(f"{_name(n)}: {format_minutes(m)}" for n, m in minutes.items()) + "}"


def variant_starter_spec(title: str, variants: list[tuple[str, int]], schema_ref: str) -> str:
    """YAML text for a new course sold in several lengths: every duration is per variant,
    and a last module exists only in the first (longest) one; each variant adds up."""
    names = [n for n, _ in variants]
    first = names[0]
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# A syllabus course spec sold in several lengths. Check every variant with:",
        "#   syllabus validate THIS-FILE        (one of them: --variant NAME)",
        "# A duration is one length for all variants, or one per variant {一天: 2h, 半天: 1h};",
        "# 'only: [一天]' keeps a block in those variants only.",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "language: zh            # zh | en: labels in the exported documents",
        f"variants: [{', '.join(map(_name, names))}]     # the first is the default",
        f"duration: {_per_variant(dict(variants))}",
        "audience: [TODO 课程对象]",
        "background: |",
        "  TODO 课程背景:为什么要上这门课。",
        "outcomes:",
        "  - TODO 学员收获一",
        "format: [讲授, 案例分析, 小组演练]",
        "# instructor: ../instructors/you.yaml",
        "modules:",
    ]
    drill = variants[0][1] // 3 if len(variants) > 1 and variants[0][1] >= 6 else 0
    shares = {n: _split(m - (drill if n == first else 0), 2) for n, m in variants}
    for number in (1, 2):
        module = {n: shares[n][number - 1] for n in names}
        sections = {n: _split(module[n], 2) for n in names}
        lines += [
            f"  - title: 模块{number}",
            f"    duration: {_per_variant(module)}",
            "    sections:",
        ]
        for sub in (1, 2):
            lines += [
                f"      - title: {number}.{sub} 小节标题",
                f"        duration: {_per_variant({n: sections[n][sub - 1] for n in names})}",
                "        points: [要点一, 要点二]",
            ]
    if drill:
        lines += [
            "  - title: 模块3 实战演练",
            f"    duration: {format_minutes(drill)}",
            f"    only: [{_name(first)}]            # the shorter variants leave this module out",
            "    exercises: [TODO 演练任务]",
        ]
    return "\n".join(lines) + "\n"
