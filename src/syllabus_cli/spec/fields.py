"""The spec's keys, in one table: the builder checks against it and the JSON Schema is
generated from it, so the two cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    kind: str  # text | texts | duration | bool | language | nodes | instructor | schedule
    #            clock | window | windows | path | date | contact | courses
    #            variants | variant_duration | only | include
    help: str
    required: bool = False


NODE: dict[str, Field] = {
    "title": Field("text", "Module or section title.", required=True),
    "duration": Field(
        "variant_duration",
        "Length with a unit: 40min, 40分钟, 2h, 1.5小时; or per variant: {一天: 2h, 半天: 1h}.",
    ),
    "only": Field("only", "The variants this block exists in, e.g. [一天] (default: all)."),
    "sections": Field("nodes", "Sub-sections: the same shape again, to any depth."),
    "points": Field("texts", "Teaching points (never agenda sessions)."),
    "cases": Field("texts", "Cases (【案例】) discussed here."),
    "tools": Field("texts", "Tools (【工具】) handed out here."),
    "exercises": Field("texts", "Exercises, drills and tasks (演练/任务)."),
    "format": Field("texts", "Delivery methods of this block (讲授, 案例分析, 演练…)."),
    "split": Field("bool", "false: the agenda may not split this block across a break."),
    "notes": Field("text", "Free text kept with the block (imported text lands here)."),
    "facilitator": Field(
        "text", "Instructor-only: how to run this block (the run sheet shows it, clients never)."
    ),
}

INCLUDE: dict[str, Field] = {
    "include": Field(
        "include",
        "A module from another file, relative to this one: ../library/x.yaml#模块标题 "
        "(without #标题: every module of the file).",
        required=True,
    ),
    "duration": Field(
        "variant_duration", "Overrides the included module's duration (or per variant)."
    ),
    "only": Field("only", "The variants this block exists in, e.g. [一天] (default: all)."),
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
    "min_part": Field(
        "min_part",
        "Shortest part of a split session (default 20min); 0 splits at every pause.",
    ),
    "float": Field(
        "min_part",
        "How far a tea break may move to fall between sessions (default 30min; lunch may "
        "start 15min earlier or 30min later); 0 keeps every pause at its exact time.",
    ),
}

# a pause written as a mapping, to pin it: {at: "10:30-10:45", fixed: true}
PAUSE: dict[str, Field] = {
    "at": Field("range", 'The time range, "HH:MM-HH:MM".', required=True),
    "fixed": Field("bool", "true: the pause stays at this time (it does not move to a boundary)."),
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
    "variants": Field(
        "variants", "Lengths this course is sold in, e.g. [一天, 半天]; the first is the default."
    ),
    "duration": Field(
        "variant_duration",
        '"8h", "6小时", "0.5天", "1天(6h/天)", "2天(6h/天)", "90min"; or per variant: {一天: 6h, 半天: 3h}.',
    ),
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
    "variant": Field("text", "Which of the course's variants to deliver (default: its first)."),
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
    "skip": Field(
        "skip", "Days delivery skips: holidays (China's calendar, default), weekends or none."
    ),
    "plan": Field("plan", "The client training plan: the combined proposal reads as it."),
    # what a client signs (issue 20): who issues the plan, when, which version
    "supplier": Field(
        "supplier", "乙方: a supplier profile file (relative to the pack) or a mapping."
    ),
    "issued": Field("date", "方案日期 on the cover (YYYY-MM-DD); default: today."),
    "version": Field("text", "Version of the document, e.g. V1.0."),
    # the delivery kit (pack/kit.py)
    "kit": Field(
        "kit", "Delivery documents: [signin, evaluation, workbook, certificates, runsheet] or all."
    ),
    "roster": Field(
        "path", "Participants (.xlsx or .csv, relative to the pack): 姓名/部门/职务/手机/邮箱."
    ),
    "evaluation_url": Field("text", "The online evaluation form: a QR code on the printed one."),
    "kit_in_zip": Field("bool", "true: the kit goes into the pack's zip too (default false)."),
}

# The supplier (乙方): a profile file, or inline under ``supplier:``.
SUPPLIER: dict[str, Field] = {
    "company": Field("text", "Company name as on the contract and invoice.", required=True),
    "short": Field("text", "Short name, e.g. 某某咨询."),
    "logo": Field("path", "Logo image (.png or .jpg), relative to the file that names it."),
    "contact": Field("supplier_contact", "person, phone, email, wechat, address."),
    "bank": Field("supplier_bank", "name (开户行), account, tax_id (纳税人识别号)."),
}

SUPPLIER_CONTACT: dict[str, Field] = {
    "person": Field("text", "Contact person."),
    "phone": Field("text", "Phone."),
    "email": Field("text", "Email."),
    "wechat": Field("text", "WeChat ID."),
    "address": Field("text", "Address."),
}

SUPPLIER_BANK: dict[str, Field] = {
    "name": Field("text", "Bank and branch (开户行)."),
    "account": Field("text", "Account number (write it in quotes)."),
    "tax_id": Field("text", "Taxpayer ID (纳税人识别号 / 统一社会信用代码)."),
}

# The training plan (``plan:`` in a pack): chapters in the order the document shows them.
PLAN: dict[str, Field] = {
    "background": Field("sections", "背景分析: text, or a list of {title, text}."),
    "problems": Field("sections", "问题定义: a list of text or {title, text}."),
    "goals": Field("goals", "目标设定: a list of text or {goal, measure}."),
    "framework": Field("sections", "理论框架: text, or a list of {title, text}."),
    "path": Field("phases", "实施路径: phases in order; courses: true marks where the courses go."),
    "resources": Field("resources", "资源需求: participants, groups, venue, equipment, materials."),
    "quote": Field("quote", "费用: items, tax and currency; amounts are exact decimals."),
    "risks": Field("risks", "风险评估: a list of {risk, response}."),
    "timeline": Field("milestones", "时间规划: {date, milestone}; delivery days are added."),
    "evaluation": Field("evaluations", "预期效果: a list of text or {level, method, when}."),
}

PLAN_SECTION: dict[str, Field] = {
    "title": Field("text", "Heading of this part."),
    "text": Field("text", "The paragraph(s).", required=True),
}

PLAN_GOAL: dict[str, Field] = {
    "goal": Field("text", "What the client wants to reach.", required=True),
    "measure": Field("text", "How it is measured, e.g. 3个月内由 18% 提升到 25%."),
}

PLAN_PHASE: dict[str, Field] = {
    "phase": Field("text", "Name of the phase, e.g. 训前调研.", required=True),
    "when": Field("date", "Date of the phase (YYYY-MM-DD); it joins the timeline."),
    "activities": Field("texts", "What happens in this phase."),
    "text": Field("text", "A paragraph about the phase."),
    "courses": Field("bool", "true: the pack's courses are delivered in this phase."),
}

PLAN_RESOURCES: dict[str, Field] = {
    "participants": Field("count", "Number of participants."),
    "groups": Field("count", "Number of groups for exercises."),
    "venue": Field("text", "Venue (also the LOCATION of the calendar events)."),
    "equipment": Field("texts", "Equipment the client provides."),
    "materials": Field("texts", "Printed or digital materials."),
}

PLAN_QUOTE: dict[str, Field] = {
    "currency": Field("currency", "CNY (default), USD, EUR…"),
    "tax": Field("percent", 'Tax added to the subtotal, e.g. "6%".'),
    "items": Field("quote_items", "Lines of the quote.", required=True),
    # the quote's terms (issue 20)
    "valid_until": Field("date", "Last day the quote holds (YYYY-MM-DD)."),
    "valid_days": Field("count", "Days the quote holds, counted from `issued`."),
    "payment": Field("payment", "Payment terms: text, or a list of {percent, when}."),
    "invoice": Field("invoice", "增值税专用发票 or 增值税普通发票 (the rate is `tax`)."),
    "travel": Field("text", "Who bears travel, meals and lodging."),
    "discount": Field(
        "discount", 'Off the subtotal, before tax: an amount or a percentage ("5%").'
    ),
}

PLAN_PAYMENT: dict[str, Field] = {
    "percent": Field("percent", 'Share of the total, e.g. "50%".', required=True),
    "when": Field("text", "When it is due, e.g. 合同签订后5个工作日内.", required=True),
}

PLAN_QUOTE_ITEM: dict[str, Field] = {
    "item": Field("text", "What is charged, e.g. 讲师课酬.", required=True),
    "quantity": Field("quantity", 'A number (default 1), or "days": the delivery days.'),
    "unit": Field("text", "Unit, e.g. 天, 项, 人."),
    "price": Field("money", "Unit price, an exact decimal (12000, 12000.50).", required=True),
    "optional": Field("bool", "true: listed apart as an option, not in the total."),
}

PLAN_RISK: dict[str, Field] = {
    "risk": Field("text", "What could go wrong.", required=True),
    "response": Field("text", "How it is prevented or handled."),
}

PLAN_MILESTONE: dict[str, Field] = {
    "date": Field("date", "Date (YYYY-MM-DD).", required=True),
    "milestone": Field("text", "What happens that day.", required=True),
}

PLAN_EVALUATION: dict[str, Field] = {
    "level": Field("text", "Level, e.g. 反应层, 学习层, 行为层, 结果层."),
    "method": Field("text", "How it is evaluated.", required=True),
    "when": Field("text", "When, e.g. 课后当天."),
}
