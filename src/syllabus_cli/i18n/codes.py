"""The problem-code registry: every code the tool can emit, its level, what it means in
English and Chinese, and a YAML that passes and one that fails — as yamllint documents
its rules. ``syllabus explain CODE`` prints an entry; the README's table is generated:

    python -m syllabus_cli.i18n.codes --markdown

tests/test_i18n.py checks that every code written in src/ (i18n/scan.py) is here, and
that the README table is this one; tests/test_codes_registry.py runs every example: the
passing one exits 0 without its code, the failing one prints its code.

An example is what a user would write and run. Its text is ``courses/c.yaml``; a line
``# file: PATH`` starts another file (``(gbk)``, ``(padded to 3 MiB)``, ``(binary)``,
``(a PNG image)``, ``(a named pipe)`` say how it is written); a line ``# $ syllabus ARGS`` runs a command
(default: ``syllabus validate courses/c.yaml``), in a folder that also holds
``courses/a.yaml`` and ``courses/b.yaml`` (clean one-day courses taught by
``instructors/fengying.yaml``), ``courses/broken.yaml`` (a sum mismatch),
``library/shared.yaml`` (modules 社群运营 and 私域运营, 1h each), ``library/empty/`` and
``brand.docx`` (the default template). ``# skip: WHY`` marks one this machine cannot
run (a full disk); a test elsewhere makes that condition.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

_COURSE = "title: 客服技巧\nduration: 2h\nmodules:\n"


class Code(NamedTuple):
    code: str
    level: str  # "error", "warning", or "error/warning" (which depends on the case)
    en: str
    zh: str
    passing: str
    failing: str


def _c(code: str, level: str, en: str, zh: str, passing: str, failing: str) -> Code:
    return Code(code, level, en, zh, passing, failing)


_ROWS: tuple[Code, ...] = (
    # reading the file
    _c(
        "syntax",
        "error",
        "The file is not valid YAML.",
        "文件不是合法的 YAML。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("title: [客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
    ),
    _c(
        "yaml-char",
        "error",
        "A character typed in a Chinese input mode where YAML needs its half-width form "
        "(： ， “” 【】 ［］ － or a full-width space), or a tab in the indentation; "
        "syllabus fix FILE repairs it.",
        "在中文输入状态下打出的字符（：，“”【】［］－ 或全角空格），或用 Tab 缩进，"
        "而 YAML 需要半角字符；syllabus fix 文件名 可以自动改正。",
        "title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n",
        "title：客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n",
    ),
    _c(
        "encoding",
        "error/warning",
        "The file is not UTF-8: a GBK or UTF-16 file (Notepad's ANSI or Unicode) is read "
        "with a warning, other encodings are an error; syllabus fix FILE saves it as UTF-8.",
        "文件不是 UTF-8 编码：GBK 或 UTF-16（记事本的 ANSI 或 Unicode）文件照常读取并给出警告，"
        "其他编码为错误；syllabus fix 文件名 可把它转存为 UTF-8。",
        (
            "# file: courses/c.yaml (utf-8)\n"
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "# file: courses/c.yaml (gbk)\n"
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "empty-file",
        "error",
        "The file is empty or holds no YAML value.",
        "文件是空的，或没有任何 YAML 内容。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        "# nothing but a comment\n",
    ),
    _c(
        "file-missing",
        "error",
        "A file or folder named on the command line or in a spec does not exist.",
        "命令行或课程文件中写的文件或文件夹不存在。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "instructor: ../instructors/fengying.yaml\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "instructor: ../instructors/nobody.yaml\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "file-unreadable",
        "error",
        "A file exists but cannot be read (permissions, a lock).",
        "文件存在但无法读取（权限不够或被占用）。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        "# file: courses/c.yaml (a named pipe)\n",
    ),
    _c(
        "too-large",
        "error",
        "The file is larger than a spec can be.",
        "文件超过了课程文件的大小上限。",
        (
            "# file: courses/c.yaml (padded to 1 MiB)\n"
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "# file: courses/c.yaml (padded to 3 MiB)\n"
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "yaml-limit",
        "error",
        "Aliases expand to too many values, or nest too deep (a YAML bomb).",
        "别名展开后的值过多或嵌套过深（YAML 炸弹）。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "audience: &who [客服主管]\n"
            "outcomes: *who\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            "f: [*e, *e]\n"
        ),
    ),
    _c(
        "yaml-tag",
        "error",
        "A YAML tag asks for an object; a spec holds only plain values.",
        "YAML 标签要求构造对象；课程文件只能包含普通的值。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        (
            "title: !!python/object:os.system ls\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "duplicate-key",
        "error",
        "A key is written twice in one mapping; the second would silently win.",
        "同一映射中一个键写了两次；后写的会悄悄覆盖前面的。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        (
            "title: 客服技巧\n"
            "title: 销售技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    # shapes and types
    _c(
        "type",
        "error",
        "A value has the wrong type (text where a list is expected…).",
        "值的类型不对（应当是列表却写成了文字等）。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "audience: [客服主管]\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "audience: {客服主管: 1}\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "unknown-key",
        "error",
        "A key the spec does not know (a typo?); the message suggests the closest.",
        "课程文件不认识的键（拼错了？）；提示中会给出最接近的键。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("titel: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
    ),
    _c(
        "required",
        "error",
        "A required key is missing or empty.",
        "缺少必填的键，或它是空的。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("duration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
    ),
    _c(
        "language",
        "error",
        "'language' is not zh or en.",
        "“language”不是 zh 或 en。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "language: zh\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "language: fr\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "date-format",
        "error",
        "A date is not written as YYYY-MM-DD.",
        "日期没有写成 YYYY-MM-DD。",
        ("client: 客户\ntitle: 项目\ndate: 2026-12-08\ncourses: [a.yaml]\n"),
        ("client: 客户\ntitle: 项目\ndate: 12/08/2026\ncourses: [a.yaml]\n"),
    ),
    _c(
        "date-range",
        "error",
        "A date lies outside 2000–2099 (a typo).",
        "日期不在 2000—2099 年之间（多半是笔误）。",
        ("client: 客户\ntitle: 项目\ndate: 2026-12-08\ncourses: [a.yaml]\n"),
        ("client: 客户\ntitle: 项目\ndate: 9999-12-31\ncourses: [a.yaml]\n"),
    ),
    _c(
        "clock-format",
        "error",
        "A time or time range is not written as HH:MM or HH:MM-HH:MM.",
        "时刻或时间段没有写成 HH:MM 或 HH:MM-HH:MM。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {start: "09:00", lunch: "12:00-13:30"}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "schedule: {start: 9点, lunch: 中午}\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "template-format",
        "error",
        "A template is not a Word .docx file.",
        "模板不是 Word 的 .docx 文件。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "template: ../brand.docx\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "template: ../brand.doc\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# file: brand.doc\n"
            "an old Word file\n"
        ),
    ),
    # durations
    _c(
        "duration-format",
        "error",
        "A duration cannot be read.",
        "看不懂时长的写法。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 两个钟}\n"),
    ),
    _c(
        "duration-unit",
        "error",
        "A duration is a bare number; write its unit.",
        "时长只写了数字；请写上单位。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2}\n"),
    ),
    _c(
        "duration-value",
        "error",
        "A duration is zero, negative or not a whole number of minutes.",
        "时长为零、为负，或不是整分钟数。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 0.01h}\n"),
    ),
    _c(
        "duration-limit",
        "error",
        "A duration, or the agenda it makes, is longer than a course can be (60 days).",
        "时长或排出的日程超过了课程的上限（60天）。",
        ("title: 客服技巧\nduration: 2天(6h/天)\nmodules:\n  - {title: 开场, duration: 12h}\n"),
        ("title: 客服技巧\nduration: 100天\nmodules:\n  - {title: 开场}\n"),
    ),
    # timing
    _c(
        "sum-mismatch",
        "error",
        "The children of a block are all timed but add up to less than the block.",
        "一块内容的下级都写了时长，但合计少于这一块的时长。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 30min}\n"
            "  - {title: 演练, duration: 90min}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 30min}\n"
            "  - {title: 演练, duration: 60min}\n"
        ),
    ),
    _c(
        "over-full",
        "error",
        "The children of a block add up to more than the block.",
        "一块内容的下级合计超过了这一块的时长。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 30min}\n"
            "  - {title: 演练, duration: 90min}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 1h}\n"
            "  - {title: 演练, duration: 90min}\n"
        ),
    ),
    _c(
        "unallocated",
        "warning",
        "Time left over is spread over the untimed children; the warning names them.",
        "剩余的时间平均分给未写时长的下级；警告中列出它们。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 30min}\n"
            "  - {title: 演练, duration: 90min}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 30min}\n"
            "  - {title: 演练}\n"
        ),
    ),
    _c(
        "no-duration",
        "warning",
        "The course states no length; the sum of its modules is taken.",
        "课程没有写总时长；按各模块之和计算。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("title: 客服技巧\nmodules:\n  - {title: 开场, duration: 2h}\n"),
    ),
    _c(
        "untimed",
        "error",
        "Neither the course nor some of its modules say how long they are.",
        "课程和部分模块都没有写时长。",
        ("title: 客服技巧\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        ("title: 客服技巧\nmodules:\n  - {title: 开场}\n"),
    ),
    _c(
        "todo",
        "warning",
        "Text a client reads still holds a placeholder (TODO, left by new or import); an error under --strict, and documents are not written without --draft.",
        "客户会看到的文字里还有占位内容（TODO，由 new 或 import 留下）；--strict 下是错误，不加 --draft 不会生成文档。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "background: 客服人员转化率偏低\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "background: TODO 课程背景\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    # variants and includes
    _c(
        "no-variants",
        "error",
        "'only:' or a per-variant duration, but the course declares no variants.",
        "用了“only:”或按版本写的时长，但课程没有声明版本。",
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "duration: {一天: 6h, 半天: 3h}\n"
            "modules:\n"
            "  - {title: 开场, duration: {一天: 6h, 半天: 3h}}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: {一天: 6h, 半天: 3h}\n"
            "modules:\n"
            "  - {title: 开场, duration: 6h}\n"
        ),
    ),
    _c(
        "unknown-variant",
        "error",
        "A variant name the course does not declare.",
        "课程没有声明的版本名。",
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "duration: {一天: 6h, 半天: 3h}\n"
            "modules:\n"
            "  - {title: 开场, duration: 3h}\n"
            "  - {title: 演练, duration: 3h, only: [一天]}\n"
        ),
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "duration: {一天: 6h, 半天: 3h}\n"
            "modules:\n"
            "  - {title: 开场, duration: 3h}\n"
            "  - {title: 演练, duration: 3h, only: [两天]}\n"
        ),
    ),
    _c(
        "variant-limit",
        "error",
        "A course declares more variants than the tool builds (20).",
        "课程声明的版本超过工具支持的数量（20 个）。",
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "variants: [" + ", ".join(f"v{i}" for i in range(1, 22)) + "]\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "duplicate-variant",
        "error",
        "A variant is listed twice.",
        "同一个版本列了两次。",
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "duration: {一天: 6h, 半天: 3h}\n"
            "modules:\n"
            "  - {title: 开场, duration: {一天: 6h, 半天: 3h}}\n"
        ),
        (
            "title: 客服技巧\n"
            "variants: [一天, 一天]\n"
            "duration: 6h\n"
            "modules:\n"
            "  - {title: 开场, duration: 6h}\n"
        ),
    ),
    _c(
        "variant-duration",
        "error",
        "A per-variant duration gives no length for one of the variants.",
        "按版本写的时长中缺少某个版本。",
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "duration: {一天: 6h, 半天: 3h}\n"
            "modules:\n"
            "  - {title: 开场, duration: {一天: 6h, 半天: 3h}}\n"
        ),
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "duration: {一天: 6h}\n"
            "modules:\n"
            "  - {title: 开场, duration: {一天: 6h, 半天: 3h}}\n"
        ),
    ),
    _c(
        "variant-empty",
        "error",
        "A variant has no modules left.",
        "某个版本一个模块也没有。",
        ("title: 客服技巧\nvariants: [一天, 半天]\nmodules:\n  - {title: 开场, duration: 1h}\n"),
        (
            "title: 客服技巧\n"
            "variants: [一天, 半天]\n"
            "modules:\n"
            "  - {title: 开场, duration: 1h, only: [一天]}\n"
        ),
    ),
    _c(
        "include-missing",
        "error",
        "An included file does not exist.",
        "引用（include）的文件不存在。",
        ("title: 客服技巧\nduration: 1h\nmodules:\n  - include: ../library/shared.yaml#社群运营\n"),
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - include: ../library/nothing.yaml\n"),
    ),
    _c(
        "include-module",
        "error",
        "The included file has no module of that title.",
        "引用的文件中没有这个标题的模块。",
        ("title: 客服技巧\nduration: 1h\nmodules:\n  - include: ../library/shared.yaml#社群运营\n"),
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - include: ../library/shared.yaml#社区运营\n"),
    ),
    _c(
        "include-cycle",
        "error",
        "Files include each other in a cycle.",
        "文件之间循环引用。",
        ("title: 客服技巧\nduration: 1h\nmodules:\n  - include: ../library/shared.yaml#社群运营\n"),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - include: b.yaml\n"
            "# file: courses/b.yaml\n"
            "modules:\n"
            "  - include: c.yaml\n"
        ),
    ),
    _c(
        "include-depth",
        "error",
        "Includes nest too deep.",
        "引用嵌套太深。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - include: l1.yaml\n"
            "# file: courses/l1.yaml\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - include: l1.yaml\n"
            "# file: courses/l1.yaml\n"
            "modules:\n"
            "  - include: l2.yaml\n"
            "# file: courses/l2.yaml\n"
            "modules:\n"
            "  - include: l3.yaml\n"
            "# file: courses/l3.yaml\n"
            "modules:\n"
            "  - include: l4.yaml\n"
            "# file: courses/l4.yaml\n"
            "modules:\n"
            "  - include: l5.yaml\n"
            "# file: courses/l5.yaml\n"
            "modules:\n"
            "  - include: l6.yaml\n"
            "# file: courses/l6.yaml\n"
            "modules:\n"
            "  - include: l7.yaml\n"
            "# file: courses/l7.yaml\n"
            "modules:\n"
            "  - include: l8.yaml\n"
            "# file: courses/l8.yaml\n"
            "modules:\n"
            "  - include: l9.yaml\n"
            "# file: courses/l9.yaml\n"
            "modules:\n"
            "  - include: l10.yaml\n"
            "# file: courses/l10.yaml\n"
            "modules:\n"
            "  - include: l11.yaml\n"
            "# file: courses/l11.yaml\n"
            "modules:\n"
            "  - include: l12.yaml\n"
            "# file: courses/l12.yaml\n"
            "modules:\n"
            "  - include: l13.yaml\n"
            "# file: courses/l13.yaml\n"
            "modules:\n"
            "  - include: l14.yaml\n"
            "# file: courses/l14.yaml\n"
            "modules:\n"
            "  - include: l15.yaml\n"
            "# file: courses/l15.yaml\n"
            "modules:\n"
            "  - include: l16.yaml\n"
            "# file: courses/l16.yaml\n"
            "modules:\n"
            "  - include: l17.yaml\n"
            "# file: courses/l17.yaml\n"
            "modules:\n"
            "  - include: l18.yaml\n"
            "# file: courses/l18.yaml\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "include-limit",
        "error",
        "Includes bring in too many blocks (files that include each other many times).",
        "引用展开后的模块或小节太多（文件之间多次互相引用）。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {include: ../library/shared.yaml#社群运营}\n"
            "  - {include: ../library/shared.yaml#私域运营}\n"
        ),
        "# skip: ten files each including the next ten times: tests/test_attack_includes.py\n",
    ),
    _c(
        "include-format",
        "error",
        "An include cannot be used as written (no modules, or a duration for several).",
        "引用的写法无法使用（没有模块，或给多个模块写了一个时长）。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {include: ../library/shared.yaml#社群运营, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {include: ../library/shared.yaml, duration: 2h}\n"
        ),
    ),
    # agenda
    _c(
        "schedule-order",
        "error",
        "The schedule's latest end is not after its start.",
        "日程的最晚结束时间不晚于开始时间。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {start: "09:00", lunch: "12:00-13:30"}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {start: "09:00", latest_end: "08:00"}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "break-in-lunch",
        "error",
        "A tea break falls inside lunch.",
        "茶歇落在午餐时间内。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {breaks: ["10:30-10:45"]}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {breaks: ["12:30-12:45"]}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "break-overlap",
        "error",
        "Two tea breaks overlap.",
        "两个茶歇时间重叠。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {breaks: ["10:30-10:45", "15:00-15:15"]}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {breaks: ["10:30-10:45", "10:40-10:55"]}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "start-after-lunch",
        "warning",
        "The day starts after lunch: lunch is ignored.",
        "每天的开始时间晚于午餐：不安排午餐。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {start: "09:00"}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {start: "14:00"}\n'
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "day-overflow",
        "error/warning",
        "A day ends after the latest end (an error when you set it, a warning past the default 18:00).",
        "某天的结束时间晚于最晚结束时间（自己设定的为错误，超过默认的18:00为警告）。",
        ("title: 客服技巧\nduration: 1天(6小时)\nmodules:\n  - {title: 开场, duration: 6h}\n"),
        (
            "title: 客服技巧\n"
            "duration: 1天(10小时)\n"
            'schedule: {latest_end: "18:00"}\n'
            "modules:\n"
            "  - {title: 开场, duration: 10h}\n"
        ),
    ),
    _c(
        "split-anyway",
        "warning",
        "A block marked split: false had to be split all the same.",
        "标了 split: false 的内容仍不得不拆开。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 演练, duration: 1h, split: false}\n"
            "  - {title: 复盘, duration: 1h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 5h\n"
            "modules:\n"
            "  - {title: 演练, duration: 5h, split: false}\n"
        ),
    ),
    _c(
        "short-part",
        "warning",
        "A part shorter than min_part before a break moved after it; the break starts early.",
        "休息前不足 min_part 的一小段移到了休息之后，休息相应提前开始。",
        (
            "title: 客服技巧\n"
            "duration: 100min\n"
            "schedule: {start: '10:00', float: 0}\n"
            "modules:\n"
            "  - {title: 开场, duration: 5min}\n"
            "  - {title: 主题讲解, duration: 95min}\n"
            "# $ syllabus agenda courses/c.yaml\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 100min\n"
            "schedule: {start: '10:15', float: 0}\n"
            "modules:\n"
            "  - {title: 开场, duration: 5min}\n"
            "  - {title: 主题讲解, duration: 95min}\n"
            "# $ syllabus agenda courses/c.yaml\n"
        ),
    ),
    _c(
        "short-part-kept",
        "warning",
        "A part shorter than min_part stays before a break: moving it would end the day too late.",
        "休息前有一小段不足 min_part，但移到休息之后当天会结束太晚，只能保留。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "schedule: {latest_end: '12:00', float: 0}\n"
            "modules:\n"
            "  - {title: 讲授, duration: 80min}\n"
            "  - {title: 演练, duration: 40min}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "schedule: {latest_end: '11:20', float: 0}\n"
            "modules:\n"
            "  - {title: 讲授, duration: 80min}\n"
            "  - {title: 演练, duration: 40min}\n"
        ),
    ),
    _c(
        "short-last-part",
        "warning",
        "The last part of a split session is shorter than min_part.",
        "拆开的课程最后一段不足 min_part。",
        (
            "title: 客服技巧\n"
            "duration: 90min\n"
            "schedule: {float: 0}\n"
            "modules:\n"
            "  - {title: 开场, duration: 60min}\n"
            "  - {title: 演练, duration: 30min}\n"
            "# $ syllabus agenda courses/c.yaml\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 105min\n"
            "schedule: {float: 0}\n"
            "modules:\n"
            "  - {title: 开场, duration: 60min}\n"
            "  - {title: 演练, duration: 45min}\n"
            "# $ syllabus agenda courses/c.yaml\n"
        ),
    ),
    _c(
        "idle-gap",
        "warning",
        "The agenda leaves idle time in a day.",
        "日程中某天有空档。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {start: "09:00", breaks: ["10:30-10:45"], float: 0}\n'
            "modules:\n"
            "  - {title: 开场, duration: 60min}\n"
            "  - {title: 演练, duration: 60min}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            'schedule: {start: "09:00", breaks: ["10:30-10:45"], float: 0}\n'
            "modules:\n"
            "  - {title: 开场, duration: 60min}\n"
            "  - {title: 演练, duration: 60min, split: false}\n"
        ),
    ),
    _c(
        "holiday-data",
        "warning",
        "China's holiday calendar does not cover a date; only weekends are skipped.",
        "中国节假日数据不包含这个日期；只跳过周末。",
        ("client: 客户\ntitle: 项目\ndate: 2026-12-08\ncourses: [a.yaml]\n"),
        ("client: 客户\ntitle: 项目\ndate: 2099-12-08\ncourses: [a.yaml]\n"),
    ),
    # packs and plans
    _c(
        "duplicate-course",
        "error",
        "A pack lists the same course twice on the same date.",
        "课程包中同一门课程在同一天列了两次。",
        ("client: 客户\ntitle: 项目\ncourses: [a.yaml, b.yaml]\n"),
        ("client: 客户\ntitle: 项目\ncourses: [a.yaml, a.yaml]\n"),
    ),
    _c(
        "date-order",
        "error/warning",
        "Pack course dates go backwards or overlap.",
        "课程包中各课程的日期倒序或重叠。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses:\n"
            "  - {path: a.yaml, date: 2026-12-08}\n"
            "  - {path: b.yaml, date: 2026-12-10}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses:\n"
            "  - {path: a.yaml, date: 2026-12-10}\n"
            "  - {path: b.yaml, date: 2026-12-08}\n"
        ),
    ),
    _c(
        "course-invalid",
        "error",
        "A pack's course has errors of its own; validate it.",
        "课程包中的课程本身有错误；请先检查它。",
        ("client: 客户\ntitle: 项目\ncourses: [a.yaml]\n"),
        ("client: 客户\ntitle: 项目\ncourses: [broken.yaml]\n"),
    ),
    _c(
        "not-working-day",
        "warning",
        "A delivery date is a weekend or public holiday.",
        "授课日期是周末或法定节假日。",
        ("client: 客户\ntitle: 项目\ncourses: [{path: a.yaml, date: 2026-12-08}]\n"),
        ("client: 客户\ntitle: 项目\ncourses: [{path: a.yaml, date: 2026-10-01}]\n"),
    ),
    _c(
        "instructor-overlap",
        "warning",
        "The instructor is booked on two courses the same day.",
        "讲师同一天被排了两门课。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses:\n"
            "  - {path: a.yaml, date: 2026-12-08}\n"
            "  - {path: b.yaml, date: 2026-12-10}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses:\n"
            "  - {path: a.yaml, date: 2026-12-08}\n"
            "  - {path: b.yaml, date: 2026-12-08}\n"
        ),
    ),
    _c(
        "skip",
        "error",
        "'skip' is not holidays, weekends or none.",
        "“skip”不是 holidays、weekends 或 none。",
        ("client: 客户\ntitle: 项目\nskip: weekends\ncourses: [a.yaml]\n"),
        ("client: 客户\ntitle: 项目\nskip: sundays\ncourses: [a.yaml]\n"),
    ),
    _c(
        "plan-courses",
        "warning",
        "More than one phase of the plan's path is marked courses: true; the courses go in the first.",
        "培训方案的实施路径中不止一个阶段标了 courses: true；课程放在第一个阶段。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  path:\n"
            "    - {phase: 集中授课, courses: true}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  path:\n"
            "    - {phase: 集中授课, courses: true}\n"
            "    - {phase: 复训, courses: true}\n"
        ),
    ),
    _c(
        "currency",
        "error",
        "The quote's currency is not a 3-letter code.",
        "报价的币种不是三个字母的代码。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {currency: CNY, items: [{item: 授课, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {currency: 人民币元, items: [{item: 授课, price: 12000}]}\n"
        ),
    ),
    _c(
        "money-format",
        "error",
        "An amount or tax is not a number.",
        "金额或税率不是数字。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {tax: 6%, items: [{item: 授课, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {tax: 六个点, items: [{item: 授课, price: 12000}]}\n"
        ),
    ),
    _c(
        "negative",
        "error",
        "A quantity, price or count is negative.",
        "数量、单价或人数为负。",
        ("client: 客户\ntitle: 项目\ncourses: [a.yaml]\nplan:\n  resources: {participants: 30}\n"),
        ("client: 客户\ntitle: 项目\ncourses: [a.yaml]\nplan:\n  resources: {participants: -30}\n"),
    ),
    _c(
        "tax-range",
        "error",
        "Tax is not between 0% and 100%.",
        "税率不在 0% 到 100% 之间。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {tax: 6%, items: [{item: 授课, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {tax: 160%, items: [{item: 授课, price: 12000}]}\n"
        ),
    ),
    # what a client signs (issue 20): the supplier and the quote's terms
    _c(
        "quote-empty",
        "warning",
        "Every item of the quote is optional, so its total is 0.",
        "报价的每一项都是可选项目，合计为 0。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {items: [{item: 讲师课酬, price: 12000, optional: true}]}\n"
        ),
    ),
    _c(
        "invoice",
        "error",
        "The invoice type is not 增值税专用发票 or 增值税普通发票.",
        "发票类型不是增值税专用发票或增值税普通发票。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {tax: 6%, invoice: 增值税专用发票, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {tax: 6%, invoice: 收据, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
    ),
    _c(
        "invoice-rate",
        "warning",
        "An invoice type is named but the quote has no tax rate to print on it.",
        "写了发票类型，但报价没有可以写在发票上的税率。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {tax: 6%, invoice: 增值税普通发票, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {invoice: 增值税普通发票, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
    ),
    _c(
        "conflict",
        "error",
        "Two keys say the same thing differently (valid_until and valid_days).",
        "两个键说的是同一件事（valid_until 和 valid_days 只写一个）。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {valid_days: 30, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {valid_days: 30, valid_until: 2026-12-31, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
    ),
    _c(
        "payment-sum",
        "warning",
        "The payment instalments do not add up to 100%.",
        "各期付款比例合计不是 100%。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {payment: [{percent: 50%, when: 签约后}, {percent: 50%, when: 课后}], items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {payment: [{percent: 50%, when: 签约后}, {percent: 40%, when: 课后}], items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
    ),
    _c(
        "percent-range",
        "error",
        "A percentage (a payment, a discount) is not between 0% and 100%.",
        "百分比（付款比例、折扣）不在 0% 到 100% 之间。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {discount: 5%, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {discount: 105%, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
    ),
    _c(
        "discount-over",
        "error",
        "A discount written as an amount is more than the quote's subtotal.",
        "以金额写的优惠超过了报价小计。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {discount: 2000, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "plan:\n"
            "  quote: {discount: 20000, items: [{item: 讲师课酬, price: 12000}]}\n"
        ),
    ),
    _c(
        "logo-format",
        "error",
        "The supplier's logo is not a PNG or JPEG image.",
        "乙方标志图片不是 PNG 或 JPEG 格式。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "supplier: {company: 某某咨询, logo: logo.png}\n"
            "# file: courses/logo.png (a PNG image)\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "supplier: {company: 某某咨询, logo: logo.svg}\n"
            "# file: courses/logo.svg\n"
            "<svg/>\n"
        ),
    ),
    # folders, documents and outputs (the command line)
    _c(
        "no-specs",
        "error",
        "A folder given to validate holds no *.yaml specs.",
        "交给 validate 的文件夹中没有 *.yaml 课程文件。",
        "# $ syllabus validate instructors/\n",
        "# $ syllabus validate library/empty/\n",
    ),
    _c(
        "template",
        "error",
        "The Word template cannot be used to build a document.",
        "Word 模板无法用来生成文档。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml --template brand.docx -o out/c.docx\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# file: broken.docx\n"
            "not a zip\n"
            "# $ syllabus proposal courses/c.yaml --template broken.docx -o out/c.docx\n"
        ),
    ),
    _c(
        "pdf",
        "error",
        "The PDF could not be made (LibreOffice missing or failed).",
        "无法生成 PDF（没有安装 LibreOffice 或转换失败）。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        (
            "# skip: needs a machine without LibreOffice (tests/test_pdf.py)\n"
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "output-folder",
        "error",
        "The output path is a folder, not a file.",
        "输出路径是文件夹，不是文件。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml -o library/\n"
        ),
    ),
    _c(
        "output-exists",
        "error",
        "The output file exists and was not written by syllabus; --force replaces it.",
        "输出文件已存在且不是 syllabus 写的；加 --force 才会替换。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml -o new.docx\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# file: my-own.docx\n"
            "my own text\n"
            "# $ syllabus proposal courses/c.yaml -o my-own.docx\n"
        ),
    ),
    _c(
        "output-edited",
        "error",
        "The output was edited by hand since it was written; --force replaces it.",
        "输出文件写出后被手工改过；加 --force 才会替换。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
            "# file: out/c.docx\n"
            "touched up in Word\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
        ),
    ),
    _c(
        "output-unreadable",
        "error",
        "An existing output file cannot be read to compare it.",
        "已有的输出文件无法读取，无法比较。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        (
            "# skip: needs an output locked by Word (Windows), tests/test_documents_cli.py\n"
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "manifest",
        "error",
        "The folder's record of written files is damaged; move it away.",
        "文件夹中记录已写文件的清单已损坏；请把它移走。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
            "# file: out/.syllabus-manifest.json\n"
            "{not json\n"
            "# $ syllabus proposal courses/c.yaml -o out/c.docx\n"
        ),
    ),
    _c(
        "output-blocked",
        "error",
        "The output folder cannot be made or written (a file in its place, no permission, a full disk).",
        "输出文件夹无法创建或写入（同名文件占了位置、没有权限或磁盘已满）。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# $ syllabus export courses/c.yaml --out dist\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
            "# file: notes.txt\n"
            "a file\n"
            "# $ syllabus export courses/c.yaml --out notes.txt\n"
        ),
    ),
    _c(
        "output-taken",
        "error",
        "The output folder belongs to another build (another pack, or an export); choose another --out or use --force.",
        "输出文件夹属于另一次生成（另一个培训包或 export）；请换一个 --out，或使用 --force。",
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "# $ syllabus pack courses/c.yaml --out dist\n"
        ),
        (
            "client: 客户\n"
            "title: 项目\n"
            "courses: [a.yaml]\n"
            "# $ syllabus export courses/a.yaml --out dist/c\n"
            "# $ syllabus pack courses/c.yaml --out dist\n"
        ),
    ),
    _c(
        "name-too-long",
        "error",
        "A file or folder name is longer than file systems allow (255 bytes, about 85 Chinese characters).",
        "文件名或文件夹名超过文件系统允许的长度（255 字节，约 85 个汉字）。",
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "template: ../brand.docx\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
        (
            "title: 客服技巧\n"
            "duration: 2h\n"
            "template: ../" + "长" * 90 + ".docx\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    _c(
        "write",
        "error",
        "An output file cannot be written (disk full, permissions, a lock).",
        "输出文件无法写入（磁盘满、权限不够或被占用）。",
        ("title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n"),
        (
            "# skip: needs a full disk or an output open in Word on Windows\n"
            "title: 客服技巧\n"
            "duration: 2h\n"
            "modules:\n"
            "  - {title: 开场, duration: 2h}\n"
        ),
    ),
    # import
    _c(
        "not-docx",
        "error",
        "An import source named .docx is not a Word file.",
        "要导入的 .docx 文件不是 Word 文件。",
        (
            "# file: catalog.txt\n"
            "课程：客服技巧\n"
            "课程时长：2小时\n"
            "# $ syllabus import catalog.txt --out imported\n"
        ),
        ("# file: renamed.docx\nnot a zip\n# $ syllabus import renamed.docx --out imported\n"),
    ),
    _c(
        "unreadable-source",
        "error",
        "An import source (.pdf, .pptx, .xlsx, .csv, .mhtml) is damaged or not that kind of file.",
        "要导入的文件（.pdf、.pptx、.xlsx、.csv、.mhtml）已损坏，或并不是该格式。",
        "# skip: a real deck is made by tests/test_import_formats.py\n",
        "# skip: a broken deck is made by tests/test_import_formats.py\n",
    ),
    _c(
        "no-text-layer",
        "error",
        "A PDF to import has no text to read (encrypted, or scanned pages); export it as text or OCR it.",
        "要导入的 PDF 没有可读的文字（加密或扫描件）；请另存为带文字的 PDF，或先做文字识别。",
        "# skip: a PDF saved from Word is made by tests/test_import_formats.py\n",
        "# skip: a scanned PDF is made by tests/test_import_formats.py\n",
    ),
    _c(
        "not-text",
        "error",
        "An import source is not text (a binary file).",
        "要导入的文件不是文本（是二进制文件）。",
        (
            "# file: catalog.txt\n"
            "课程：客服技巧\n"
            "课程时长：2小时\n"
            "# $ syllabus import catalog.txt --out imported\n"
        ),
        ("# file: photo.txt (binary)\n# $ syllabus import photo.txt --out imported\n"),
    ),
    _c(
        "modules-like-single",
        "error",
        "import --modules-like names a line no other line is written like (the page's title?).",
        "import --modules-like 给出的那一行没有其他行和它写法相同（是页面标题吗？）。",
        (
            "# file: outline.md\n"
            "# 高效沟通\n"
            "## 第一天 沟通基础\n"
            "## 第二天 高阶表达\n"
            "# $ syllabus import outline.md --out imported --modules-like 第一天\n"
        ),
        (
            "# file: outline.md\n"
            "# 高效沟通\n"
            "## 第一天 沟通基础\n"
            "## 第二天 高阶表达\n"
            "# $ syllabus import outline.md --out imported --modules-like 高效沟通\n"
        ),
    ),
    _c(
        "modules-like-unmatched",
        "error",
        "import --modules-like names a module no line of the source holds.",
        "import --modules-like 给出的模块在源文件里找不到。",
        (
            "# file: outline.md\n"
            "# 高效沟通\n"
            "**第一天 沟通基础**\n"
            "- 倾听\n"
            "**第二天 高阶表达**\n"
            "- 反馈\n"
            "# $ syllabus import outline.md --out imported --modules-like 第一天\n"
        ),
        (
            "# file: outline.md\n"
            "# 高效沟通\n"
            "**第一天 沟通基础**\n"
            "- 倾听\n"
            "# $ syllabus import outline.md --out imported --modules-like 第九天\n"
        ),
    ),
    _c(
        "modules-like-plain",
        "error",
        "import --modules-like names a line with no heading, bullet, bold or number to tell other modules by.",
        "import --modules-like 给出的那一行没有标题符号、项目符号、加粗或编号，无法据此认出其他模块。",
        (
            "# file: outline.md\n"
            "# 高效沟通\n"
            "1. 沟通基础\n"
            "2. 高阶表达\n"
            "# $ syllabus import outline.md --out imported --modules-like 沟通基础\n"
        ),
        (
            "# file: outline.md\n"
            "# 高效沟通\n"
            "本课程帮助学员掌握沟通基础。\n"
            "1. 沟通基础\n"
            "# $ syllabus import outline.md --out imported --modules-like 本课程\n"
        ),
    ),
)

# the delivery kit (a pack's kit:, roster:, evaluation_url:)
_PACK = "client: 某3C品牌\ntitle: 电商服务能力提升\ncourses: [../courses/a.yaml]\n"
_ROSTER = _PACK + "kit: [signin]\nroster: roster.csv\n# file: courses/roster.csv\n"
_ROWS += (
    _c(
        "kit",
        "error",
        "A kit key is wrong: an unknown document, a roster without a kit, an address that is not a web address.",
        "交付包的设置有误：未知的文档、有名单却没有列出文档，或网址不是网址。",
        _PACK + "kit: [signin, certificates]\n",
        _PACK + "kit: [signin, diploma]\n",
    ),
    _c(
        "roster-file",
        "error",
        "The roster cannot be read: not .xlsx or .csv, a broken file, or not a sheet.",
        "学员名单无法读取：不是 .xlsx 或 .csv、文件已损坏，或不是表格。",
        _ROSTER + "姓名,部门\n张三,客服部\n",
        _PACK
        + "kit: [signin]\nroster: roster.xls  # the old Excel format\n# file: courses/roster.xls\n姓名\n",
    ),
    _c(
        "roster-too-large",
        "error",
        "The roster has more rows than a training's participants could (2,000).",
        "学员名单的行数超出一次培训的学员人数（2000 行）。",
        _ROSTER + "姓名,部门\n张三,客服部\n李四,客服部\n",
        "# skip: a 100,000-row roster is made by tests/test_kit_roster.py\n",
    ),
    _c(
        "roster-column",
        "error",
        "The roster has no name column (a header 姓名 or Name).",
        "学员名单没有姓名列（表头“姓名”或“Name”）。",
        _ROSTER + "姓名,部门\n张三,客服部\n",
        _ROSTER + "人员,部门\n张三,客服部\n",
    ),
    _c(
        "roster-name",
        "error",
        "A row of the roster has no name.",
        "学员名单中有一行没有姓名。",
        _ROSTER + "姓名,部门\n张三,客服部\n",
        _ROSTER + "姓名,部门\n,客服部\n",
    ),
    _c(
        "roster-duplicate",
        "error",
        "The same person is on the roster twice (same name and phone or e-mail).",
        "同一个人在学员名单上出现了两次（姓名和手机或邮箱都相同）。",
        _ROSTER + "姓名,手机\n张三,13800000001\n张三,13900000002\n",
        _ROSTER + "姓名,手机\n张三,13800000001\n张三,13800000001\n",
    ),
)

CODES: dict[str, Code] = {row.code: row for row in _ROWS}


def lookup(code: str) -> Code | None:
    """A code as written, or without a ``yaml-`` before it (``yaml-syntax`` is ``syntax``)."""
    wanted = code.strip().lower()
    return CODES.get(wanted) or CODES.get(wanted.removeprefix("yaml-"))


def closest(code: str) -> str | None:
    import difflib

    found = difflib.get_close_matches(code.strip().lower(), list(CODES), n=1, cutoff=0.5)
    return found[0] if found else None


def markdown() -> str:
    """The README's table of codes."""
    lines = ["| code | level | meaning | 说明 |", "|---|---|---|---|"]
    for row in sorted(_ROWS, key=lambda r: r.code):
        lines.append(f"| `{row.code}` | {row.level} | {row.en} | {row.zh} |")
    return "\n".join(lines) + "\n"


def explain(row: Code, lang: str) -> str:
    """An entry as ``syllabus explain`` prints it."""
    from . import msg, render

    level = " / ".join(render(msg(f"level.{part}"), lang) for part in row.level.split("/"))
    meaning = row.zh if lang == "zh" else row.en
    colon = "：" if lang == "zh" else ":"
    parts = [
        f"{row.code} ({level})" if lang != "zh" else f"{row.code}（{level}）",
        meaning,
        "",
        f"{render(msg('explain.pass'), lang)}{colon}",
        _indent(_commented(row.passing, lang)),
        f"{render(msg('explain.fail'), lang)}{colon}",
        _indent(_commented(row.failing, lang)),
    ]
    advice = FIXES.get(row.code)
    if advice is not None:
        parts += [f"{render(msg('explain.fix'), lang)}{colon}", _indent(advice[lang == "zh"])]
    return "\n".join(parts)


_FORMS_ZH = {
    "utf-8": "UTF-8 编码",
    "gbk": "GBK 编码",
    "a named pipe": "命名管道",
    "binary": "二进制内容",
    "a PNG image": "一张图片",
}


def _for_reader(example: str, lang: str) -> str:
    """The example's directives as a reader reads them: ``# skip: WHY`` (for the test
    that runs the examples) says the case cannot be shown by a file; ``# file: PATH
    (FORM)`` names the file and how it is saved in the reader's language."""
    lines = []
    for line in example.splitlines(keepends=True):
        if line.startswith("# skip: "):
            why = line.removeprefix("# skip: ").strip()
            why = why.split(" tests/")[0].split(" (tests/")[0].rstrip(",:; ")
            why = why.removesuffix(" is made by").removesuffix(" made by")
            lines.append(
                "# （这种情况无法用一个示例文件演示）\n"
                if lang == "zh"
                else f"# (not shown by an example file: {why})\n"
            )
            continue
        if lang == "zh" and line.startswith("# file: "):
            rest = line.removeprefix("# file: ").rstrip("\n")
            path, _, form = rest.partition(" (")
            form = form.removesuffix(")")
            if form.startswith("padded to "):
                form = "补足到 " + form.removeprefix("padded to ")
            said = _FORMS_ZH.get(form, form)
            line = f"# 文件：{path}" + (f"（{said}）" if said else "") + "\n"
        lines.append(line)
    return "".join(lines)


def _commented(example: str, lang: str) -> str:
    """An example with its comments in the language (zh.COMMENTS)."""
    from .comments import localize

    return localize(_for_reader(example, lang), lang)


def summary(lang: str) -> str:
    """Every code with its one-line meaning (``syllabus explain`` without a code)."""
    width = max(len(code) for code in CODES)
    return "".join(
        f"{row.code.ljust(width)}  {row.zh if lang == 'zh' else row.en}\n"
        for row in sorted(_ROWS, key=lambda r: r.code)
    )


# How to fix what a code reports, where its meaning does not already say so: (en, zh).
FIXES: dict[str, tuple[str, str]] = {
    "syntax": (
        "Look at the line and the one before it: a missing ':' or space, an unclosed "
        "bracket or quote. A character typed in a Chinese input mode (： ， “” 【】 ［］ － or "
        "a full-width space) or a tab is reported as yaml-char instead, and syllabus fix "
        "FILE repairs it.",
        "看看这一行和上一行：是不是少了“:”或空格，括号或引号没有配对。"
        "在中文输入状态下打出的字符（：，“”【】［］－ 或全角空格）或 Tab 缩进，"
        "会报告为 yaml-char，运行 syllabus fix 文件名 可以自动改正。",
    ),
    "short-part-kept": (
        "Move the break so it falls between two sessions (schedule: breaks:), write "
        "split: false on the session, or set schedule: min_part: 0 to split at every pause.",
        "把茶歇挪到两节课之间（schedule: breaks:），或在这节课上写 split: false，"
        "或设 schedule: min_part: 0（在每个休息处都拆开）。",
    ),
    "short-last-part": (
        "Move the break or lunch so the session ends before it (schedule: breaks:, lunch:), "
        "shorten or lengthen the session by the minutes shown, or write split: false on it.",
        "挪动茶歇或午餐，让这节课在它之前结束（schedule: breaks:、lunch:），"
        "或按提示的分钟数调整这节课的时长，或在这节课上写 split: false。",
    ),
    "short-part": (
        "Nothing to do: the agenda already reads well. To split there anyway, set "
        "schedule: min_part: 0.",
        "无需处理：日程已经排好。如果仍想在休息处拆开，设 schedule: min_part: 0。",
    ),
    "split-anyway": (
        "The block is longer than the time between two pauses: split it into sections, "
        "or move the breaks (schedule: breaks:) to leave it room.",
        "这段内容比两次休息之间的时间还长：把它拆成几个小节，或挪动茶歇（schedule: breaks:）给它留出时间。",
    ),
    "idle-gap": (
        "Move the break to where the session ends, or take split: false off the session "
        "that follows the gap.",
        "把茶歇挪到这节课结束的地方，或去掉空档后那节课的 split: false。",
    ),
    "day-overflow": (
        "Start earlier (schedule: start:), shorten lunch or breaks, set a later "
        "latest_end, or give the course more days (1天(6h/天) → 2天).",
        "提前开始（schedule: start:），缩短午餐或茶歇，把 latest_end 设晚一些，"
        "或给课程多安排一天（1天(6h/天) → 2天）。",
    ),
    "start-after-lunch": (
        "Start before lunch (schedule: start:), or write lunch: none for an afternoon course.",
        "把开始时间设在午餐之前（schedule: start:），下午的课可写 lunch: none。",
    ),
    "yaml-char": (
        "Run syllabus fix FILE (it shows what it changes and keeps FILE.bak), or switch the "
        "input method to English (half-width) while typing YAML's own characters.",
        "运行 syllabus fix 文件名（会显示改动并保留 FILE.bak 备份），"
        "或在输入 YAML 的符号时把输入法切换到英文（半角）。",
    ),
    "encoding": (
        "Run syllabus fix FILE, or in Notepad: File → Save As → Encoding: UTF-8.",
        "运行 syllabus fix 文件名，或在记事本中：文件 → 另存为 → 编码选 UTF-8。",
    ),
}


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.rstrip("\n").split("\n"))


if __name__ == "__main__":  # python -m syllabus_cli.i18n.codes --markdown
    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m syllabus_cli.i18n.codes --markdown")
    sys.stdout.write(markdown())
