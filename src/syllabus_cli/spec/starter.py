"""The commented starter spec written by ``syllabus new``: it validates as written, and
its modules add up to the duration asked for."""

from __future__ import annotations

import json

from ..duration import parse_duration
from ..i18n import t
from ..i18n.comments import localize
from ..minutes import format_minutes

# what a starter asks the instructor to fill in, the same in every starter
_ABOUT = (
    "audience: [TODO 课程对象]",
    "background: |",
    "  TODO 课程背景:为什么要上这门课。",
    "outcomes:",
    "  - TODO 学员收获一",
    "format: [讲授, 案例分析, 小组演练]",
)


def _length(minutes: int) -> str:
    """A starter's duration as the session's language writes it (3小时, 1小时30分钟 / 3h, 1h30)."""
    from ..i18n import language

    return format_minutes(minutes, language())


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
        *_ABOUT,
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
            f"    duration: {_length(module_minutes)}",
            "    sections:",
        ]
        for sub, section_minutes in enumerate(sections, start=1):
            lines += [
                f"      - title: {number}.{sub} 小节标题",
                f"        duration: {_length(section_minutes)}",
                "        points: [要点一, 要点二]",
            ]
            if sub == 1:
                lines += ["        cases: [案例名称]"]
    return localize("\n".join(lines) + "\n")


def variant_lengths(flag: str, first: str) -> list[tuple[str, int]]:
    """``--variants 一天,半天`` as (name, minutes): ``NAME=DURATION``, else the name read as
    a duration (一天, 半天, 3小时), the first falling back to ``first`` (``--duration``).
    Raises ValueError (or DurationError) for what cannot be read."""
    from ..duration import DurationError

    out: list[tuple[str, int]] = []
    for index, part in enumerate(p.strip() for p in flag.replace("，", ",").split(",")):
        name, _, length = (s.strip() for s in part.partition("="))
        if not name or name in (n for n, _ in out):
            raise ValueError(t("starter.variant-name", part=part))
        if not length:
            length = first if index == 0 else name
        try:
            out.append((name, parse_duration(length).minutes))
        except DurationError:
            raise ValueError(t("starter.variant-length", name=name)) from None
    return out


def _name(name: str) -> str:
    """A variant name as YAML flow text: quoted only when it has to be."""
    plain = name == name.strip() and not any(c in name for c in ",:[]{}#&*!|>'\"%@`")
    return name if plain else json.dumps(name, ensure_ascii=False)


def _per_variant(minutes: dict[str, int]) -> str:
    return "{" + ", ".join(f"{_name(n)}: {_length(m)}" for n, m in minutes.items()) + "}"


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
        *_ABOUT,
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
            f"    duration: {_length(drill)}",
            f"    only: [{_name(first)}]            # the shorter variants leave this module out",
            "    exercises: [TODO 演练任务]",
        ]
    return localize("\n".join(lines) + "\n")


def starter_pack(courses: list[str], first_day: str, schema_ref: str) -> str:
    """YAML text for a new pack over ``courses`` (paths relative to the pack file), with
    a commented training plan an instructor fills in. It validates as written."""
    import datetime as dt

    start = dt.date.fromisoformat(first_day)
    before = (start - dt.timedelta(days=7)).isoformat()
    after = (start + dt.timedelta(days=30)).isoformat()
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# A syllabus client pack. Check it with:  syllabus validate THIS-FILE",
        "# Build it:  syllabus pack THIS-FILE --out dist   (add --pdf for PDFs)",
        "client: TODO 客户名称",
        "title: TODO 项目名称",
        "# instructor: ../instructors/you.yaml   # replaces every course's instructor",
        "version: V1.0                    # on the cover, with the issue date",
        "# issued: 2026-11-20             # 方案日期 on the cover (default: the day you build)",
        "# supplier: ../suppliers/you.yaml   # 乙方: company, logo, contact, bank (or inline)",
        f"date: {first_day}                 # first delivery day; later courses follow",
        "skip: holidays                   # holidays (China's calendar) | weekends | none",
        "courses:                         # paths relative to this file, in order",
        *(f"  - {path}" for path in courses),
        "#  - path: ../courses/another.yaml",
        f"#    date: {first_day}           # a course may have its own date",
        '# schedule: {start: "09:00"}      # overrides every course\'s schedule',
        "",
        "# The delivery kit, written into kit/ for the training days (not in the zip by default).",
        "# kit: all                        # or some of [signin, evaluation, workbook, certificates, runsheet]",
        "# roster: participants.xlsx       # one person a row: 姓名 部门 职务 手机 邮箱 (or .csv)",
        "# evaluation_url: https://…       # a QR code on the evaluation form to the online one",
        "# kit_in_zip: true                # the client's zip carries the kit too",
        "",
        "# The training plan: the combined proposal reads as it, chapter by chapter.",
        "# Every key is optional; a chapter appears only when it has content.",
        "plan:",
        "  background: |                  # 背景分析: text, or a list of {title, text}",
        "    TODO 行业趋势与客户现状。",
        "  problems:                      # 问题定义",
        "    - {title: TODO 问题一, text: TODO 现象与影响}",
        "  goals:                         # 目标设定: text or {goal, measure}",
        "    - {goal: TODO 目标, measure: TODO 衡量标准(如3个月内由18%提升到25%)}",
        "  # framework: |                 # 理论框架",
        "  #   TODO 方案采用的模型与思路。",
        "  path:                          # 实施路径: the courses go in the phase marked courses: true",
        f"    - {{phase: 训前调研, when: {before}, activities: [问卷, 访谈]}}",
        "    - {phase: 集中授课, courses: true}",
        f"    - {{phase: 训后辅导, when: {after}, activities: [作业点评, 复盘会]}}",
        "  resources:                     # 资源需求",
        "    participants: 30",
        "    groups: 5",
        "    venue: TODO 培训场地         # also the location of the calendar events",
        "    equipment: [投影, 白板, 麦克风]",
        "    materials: [学员手册, 案例集]",
        "  quote:                         # 费用报价: exact amounts; tax is added to the subtotal",
        "    currency: CNY",
        "    tax: 6%                      # 增值税, on the amount after any discount",
        "    valid_days: 30               # the quote holds 30 days from the issue date",
        "    payment:                     # text, or instalments adding up to 100%",
        "      - {percent: 50%, when: 合同签订后5个工作日内}",
        "      - {percent: 50%, when: 培训结束后15个工作日内}",
        "    invoice: 增值税专用发票        # or 增值税普通发票",
        "    travel: 讲师差旅及食宿由甲方承担",
        "    # discount: 5%               # or an amount; off the subtotal, before 增值税",
        "    items:",
        "      - {item: 讲师课酬, quantity: days, unit: 天, price: 12000}   # days: the delivery days",
        "      - {item: 课程开发, quantity: 1, unit: 项, price: 3000}",
        "  risks:                         # 风险评估",
        "    - {risk: 学员工学矛盾, response: 提前两周锁定日期并由HR发通知}",
        "  timeline:                      # 时间规划: milestones; delivery days are added",
        f"    - {{date: {before}, milestone: 方案确认}}",
        "  evaluation:                    # 预期效果: text or {level, method, when}",
        "    - {level: 反应层, method: 满意度问卷, when: 课后当天}",
        "    - {level: 行为层, method: 主管观察与抽检, when: 课后一个月}",
    ]
    return localize("\n".join(lines) + "\n")
