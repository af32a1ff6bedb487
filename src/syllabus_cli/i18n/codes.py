"""The problem-code registry: every code the tool can emit, its level, what it means in
English and Chinese, and a YAML that passes and one that fails — as yamllint documents
its rules. ``syllabus explain CODE`` prints an entry; the README's table is generated:

    python -m syllabus_cli.i18n.codes --markdown

tests/test_i18n.py checks that every code written in src/ (i18n/scan.py) is here, and
that the README table is this one.
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
        "title: 客服技巧\n",
        "title: [客服技巧\n",
    ),
    _c(
        "encoding",
        "error",
        "The file is not UTF-8 (e.g. saved as GBK); save it as UTF-8.",
        "文件不是 UTF-8 编码（例如存成了 GBK）；请另存为 UTF-8。",
        "# saved as UTF-8\ntitle: 客服技巧\n",
        "# saved as GBK\ntitle: 客服技巧\n",
    ),
    _c(
        "empty-file",
        "error",
        "The file is empty or holds no YAML value.",
        "文件是空的，或没有任何 YAML 内容。",
        "title: 客服技巧\n",
        "# nothing but a comment\n",
    ),
    _c(
        "file-missing",
        "error",
        "A file or folder named on the command line or in a spec does not exist.",
        "命令行或课程文件中写的文件或文件夹不存在。",
        "instructor: ../instructors/fengying.yaml  # exists\n",
        "instructor: ../instructors/nobody.yaml  # no such file\n",
    ),
    _c(
        "file-unreadable",
        "error",
        "A file exists but cannot be read (permissions, a lock).",
        "文件存在但无法读取（权限不够或被占用）。",
        "template: brand.docx  # readable\n",
        "template: brand.docx  # locked by another program\n",
    ),
    _c(
        "too-large",
        "error",
        "The file is larger than a spec can be.",
        "文件超过了课程文件的大小上限。",
        "title: 客服技巧  # a few KiB\n",
        "# a 50 MiB file\n",
    ),
    _c(
        "yaml-limit",
        "error",
        "Aliases expand to too many values, or nest too deep (a YAML bomb).",
        "别名展开后的值过多或嵌套过深（YAML 炸弹）。",
        "a: &x [1, 2]\nb: *x\n",
        "a: &a [x, x]\nb: &b [*a, *a]\n# … repeated 30 times\n",
    ),
    _c(
        "yaml-tag",
        "error",
        "A YAML tag asks for an object; a spec holds only plain values.",
        "YAML 标签要求构造对象；课程文件只能包含普通的值。",
        "title: 客服技巧\n",
        "title: !!python/object:os.system ls\n",
    ),
    _c(
        "duplicate-key",
        "error",
        "A key is written twice in one mapping; the second would silently win.",
        "同一映射中一个键写了两次；后写的会悄悄覆盖前面的。",
        "title: 客服技巧\n",
        "title: 客服技巧\ntitle: 销售技巧\n",
    ),
    # shapes and types
    _c(
        "type",
        "error",
        "A value has the wrong type (text where a list is expected…).",
        "值的类型不对（应当是列表却写成了文字等）。",
        "audience: [客服主管]\n",
        "audience: {客服主管: 1}\n",
    ),
    _c(
        "unknown-key",
        "error",
        "A key the spec does not know (a typo?); the message suggests the closest.",
        "课程文件不认识的键（拼错了？）；提示中会给出最接近的键。",
        "title: 客服技巧\n",
        "titel: 客服技巧\n",
    ),
    _c(
        "required",
        "error",
        "A required key is missing or empty.",
        "缺少必填的键，或它是空的。",
        _COURSE + "  - {title: 开场, duration: 2h}\n",
        "duration: 2h\nmodules:\n  - {title: 开场, duration: 2h}\n",
    ),
    _c(
        "language",
        "error",
        "'language' is not zh or en.",
        "“language”不是 zh 或 en。",
        "language: zh\n",
        "language: fr\n",
    ),
    _c(
        "date-format",
        "error",
        "A date is not written as YYYY-MM-DD.",
        "日期没有写成 YYYY-MM-DD。",
        "date: 2026-12-08\n",
        "date: 12/08/2026\n",
    ),
    _c(
        "date-range",
        "error",
        "A date lies outside 2000–2099 (a typo).",
        "日期不在 2000—2099 年之间（多半是笔误）。",
        "date: 2026-12-08\n",
        "date: 9999-12-31\n",
    ),
    _c(
        "clock-format",
        "error",
        "A time or time range is not written as HH:MM or HH:MM-HH:MM.",
        "时刻或时间段没有写成 HH:MM 或 HH:MM-HH:MM。",
        'schedule: {start: "09:00", lunch: "12:00-13:30"}\n',
        "schedule: {start: 9点, lunch: 中午}\n",
    ),
    _c(
        "template-format",
        "error",
        "A template is not a Word .docx file.",
        "模板不是 Word 的 .docx 文件。",
        "template: brand.docx\n",
        "template: brand.doc\n",
    ),
    # durations
    _c(
        "duration-format",
        "error",
        "A duration cannot be read.",
        "看不懂时长的写法。",
        _COURSE + "  - {title: 开场, duration: 2h}\n",
        _COURSE + "  - {title: 开场, duration: 两个钟}\n",
    ),
    _c(
        "duration-unit",
        "error",
        "A duration is a bare number; write its unit.",
        "时长只写了数字；请写上单位。",
        _COURSE + "  - {title: 开场, duration: 2h}\n",
        _COURSE + "  - {title: 开场, duration: 2}\n",
    ),
    _c(
        "duration-value",
        "error",
        "A duration is zero, negative or not a whole number of minutes.",
        "时长为零、为负，或不是整分钟数。",
        _COURSE + "  - {title: 开场, duration: 2h}\n",
        _COURSE + "  - {title: 开场, duration: 0.01h}\n",
    ),
    _c(
        "duration-limit",
        "error",
        "A duration, or the agenda it makes, is longer than a course can be (60 days).",
        "时长或排出的日程超过了课程的上限（60天）。",
        "duration: 2天(6h/天)\n",
        "duration: 100天\n",
    ),
    # timing
    _c(
        "sum-mismatch",
        "error",
        "The children of a block are all timed but add up to less than the block.",
        "一块内容的下级都写了时长，但合计少于这一块的时长。",
        _COURSE + "  - {title: 开场, duration: 30min}\n  - {title: 演练, duration: 90min}\n",
        _COURSE + "  - {title: 开场, duration: 30min}\n  - {title: 演练, duration: 60min}\n",
    ),
    _c(
        "over-full",
        "error",
        "The children of a block add up to more than the block.",
        "一块内容的下级合计超过了这一块的时长。",
        _COURSE + "  - {title: 开场, duration: 30min}\n  - {title: 演练, duration: 90min}\n",
        _COURSE + "  - {title: 开场, duration: 1h}\n  - {title: 演练, duration: 90min}\n",
    ),
    _c(
        "unallocated",
        "warning",
        "Time left over is spread over the untimed children; the warning names them.",
        "剩余的时间平均分给未写时长的下级；警告中列出它们。",
        _COURSE + "  - {title: 开场, duration: 30min}\n  - {title: 演练, duration: 90min}\n",
        _COURSE + "  - {title: 开场, duration: 30min}\n  - {title: 演练}\n",
    ),
    _c(
        "no-duration",
        "warning",
        "The course states no length; the sum of its modules is taken.",
        "课程没有写总时长；按各模块之和计算。",
        _COURSE + "  - {title: 开场, duration: 2h}\n",
        "title: 客服技巧\nmodules:\n  - {title: 开场, duration: 2h}\n",
    ),
    _c(
        "untimed",
        "error",
        "Neither the course nor some of its modules say how long they are.",
        "课程和部分模块都没有写时长。",
        "title: 客服技巧\nmodules:\n  - {title: 开场, duration: 2h}\n",
        "title: 客服技巧\nmodules:\n  - {title: 开场}\n",
    ),
    _c(
        "todo",
        "warning",
        "Text a client reads still holds a placeholder (TODO, left by new or import); an error under --strict, and documents are not written without --draft.",
        "客户会看到的文字里还有占位内容（TODO，由 new 或 import 留下）；--strict 下是错误，不加 --draft 不会生成文档。",
        "background: 客服人员转化率偏低\n",
        "background: TODO 课程背景\n",
    ),
    # variants and includes
    _c(
        "no-variants",
        "error",
        "'only:' or a per-variant duration, but the course declares no variants.",
        "用了“only:”或按版本写的时长，但课程没有声明版本。",
        "variants: [一天, 半天]\nduration: {一天: 6h, 半天: 3h}\n",
        "duration: {一天: 6h, 半天: 3h}\n",
    ),
    _c(
        "unknown-variant",
        "error",
        "A variant name the course does not declare.",
        "课程没有声明的版本名。",
        "variants: [一天, 半天]\n# only: [半天]\n",
        "variants: [一天, 半天]\n# only: [两天]\n",
    ),
    _c(
        "duplicate-variant",
        "error",
        "A variant is listed twice.",
        "同一个版本列了两次。",
        "variants: [一天, 半天]\n",
        "variants: [一天, 一天]\n",
    ),
    _c(
        "variant-duration",
        "error",
        "A per-variant duration gives no length for one of the variants.",
        "按版本写的时长中缺少某个版本。",
        "variants: [一天, 半天]\nduration: {一天: 6h, 半天: 3h}\n",
        "variants: [一天, 半天]\nduration: {一天: 6h}\n",
    ),
    _c(
        "variant-empty",
        "error",
        "A variant has no modules left.",
        "某个版本一个模块也没有。",
        "variants: [一天, 半天]\nmodules:\n  - {title: 开场, duration: 1h}\n",
        "variants: [一天, 半天]\nmodules:\n  - {title: 开场, duration: 1h, only: [一天]}\n",
    ),
    _c(
        "include-missing",
        "error",
        "An included file does not exist.",
        "引用（include）的文件不存在。",
        "modules:\n  - include: ../library/shared.yaml#社群运营\n",
        "modules:\n  - include: ../library/nothing.yaml\n",
    ),
    _c(
        "include-module",
        "error",
        "The included file has no module of that title.",
        "引用的文件中没有这个标题的模块。",
        "modules:\n  - include: ../library/shared.yaml#社群运营\n",
        "modules:\n  - include: ../library/shared.yaml#社区运营\n",
    ),
    _c(
        "include-cycle",
        "error",
        "Files include each other in a cycle.",
        "文件之间循环引用。",
        "# a.yaml includes b.yaml\n",
        "# a.yaml includes b.yaml, b.yaml includes a.yaml\n",
    ),
    _c(
        "include-depth",
        "error",
        "Includes nest too deep.",
        "引用嵌套太深。",
        "# a.yaml includes b.yaml\n",
        "# a → b → c → … 20 files deep\n",
    ),
    _c(
        "include-format",
        "error",
        "An include cannot be used as written (no modules, or a duration for several).",
        "引用的写法无法使用（没有模块，或给多个模块写了一个时长）。",
        "modules:\n  - {include: ../library/shared.yaml#社群运营, duration: 1h}\n",
        "modules:\n  - {include: ../library/shared.yaml, duration: 1h}\n",
    ),
    # agenda
    _c(
        "schedule-order",
        "error",
        "The schedule's times are out of order (lunch before start…).",
        "日程的时间先后不对（午餐早于开始时间等）。",
        'schedule: {start: "09:00", lunch: "12:00-13:30"}\n',
        'schedule: {start: "13:00", lunch: "12:00-11:30"}\n',
    ),
    _c(
        "break-in-lunch",
        "error",
        "A tea break falls inside lunch.",
        "茶歇落在午餐时间内。",
        'schedule: {breaks: ["10:30-10:45"]}\n',
        'schedule: {breaks: ["12:30-12:45"]}\n',
    ),
    _c(
        "break-overlap",
        "error",
        "Two tea breaks overlap.",
        "两个茶歇时间重叠。",
        'schedule: {breaks: ["10:30-10:45", "15:00-15:15"]}\n',
        'schedule: {breaks: ["10:30-10:45", "10:40-10:55"]}\n',
    ),
    _c(
        "start-after-lunch",
        "warning",
        "The day starts after lunch: lunch is ignored.",
        "每天的开始时间晚于午餐：不安排午餐。",
        'schedule: {start: "09:00"}\n',
        'schedule: {start: "14:00"}\n',
    ),
    _c(
        "day-overflow",
        "error/warning",
        "A day ends after the latest end (an error when you set it, a warning past the default 18:00).",
        "某天的结束时间晚于最晚结束时间（自己设定的为错误，超过默认的18:00为警告）。",
        "duration: 1天(6小时)\n",
        'duration: 1天(10小时)\nschedule: {latest_end: "18:00"}\n',
    ),
    _c(
        "split-anyway",
        "warning",
        "A block marked split: false had to be split all the same.",
        "标了 split: false 的内容仍不得不拆开。",
        _COURSE + "  - {title: 演练, duration: 1h, split: false}\n",
        _COURSE + "  - {title: 演练, duration: 5h, split: false}\n",
    ),
    _c(
        "short-part",
        "warning",
        "A part shorter than min_part before a break moved after it; the break starts early.",
        "休息前不足 min_part 的一小段移到了休息之后，休息相应提前开始。",
        _COURSE + "  - {title: 演练, duration: 1h}\n",
        "# a 95min session starting at 09:00 before a 10:30 break\n",
    ),
    _c(
        "short-part-kept",
        "warning",
        "A part shorter than min_part stays before a break: moving it would end the day too late.",
        "休息前有一小段不足 min_part，但移到休息之后当天会结束太晚，只能保留。",
        _COURSE + "  - {title: 演练, duration: 1h}\n",
        "# a full day whose last session is split 15 min before the 15:00 break\n",
    ),
    _c(
        "short-last-part",
        "warning",
        "The last part of a split session is shorter than min_part.",
        "拆开的课程最后一段不足 min_part。",
        _COURSE + "  - {title: 演练, duration: 1h}\n",
        "# a session that ends 15 min after lunch\n",
    ),
    _c(
        "idle-gap",
        "warning",
        "The agenda leaves idle time in a day.",
        "日程中某天有空档。",
        'schedule: {start: "09:00"}\n',
        "# a block moved past a break leaves a gap before it\n",
    ),
    _c(
        "holiday-data",
        "warning",
        "China's holiday calendar does not cover a date; only weekends are skipped.",
        "中国节假日数据不包含这个日期；只跳过周末。",
        "date: 2026-12-08\n",
        "date: 2099-12-08\n",
    ),
    # packs and plans
    _c(
        "duplicate-course",
        "error",
        "A pack lists the same course twice on the same date.",
        "课程包中同一门课程在同一天列了两次。",
        "courses: [../courses/a.yaml, ../courses/b.yaml]\n",
        "courses: [../courses/a.yaml, ../courses/a.yaml]\n",
    ),
    _c(
        "date-order",
        "error/warning",
        "Pack course dates go backwards or overlap.",
        "课程包中各课程的日期倒序或重叠。",
        "courses:\n  - {path: a.yaml, date: 2026-12-08}\n  - {path: b.yaml, date: 2026-12-10}\n",
        "courses:\n  - {path: a.yaml, date: 2026-12-10}\n  - {path: b.yaml, date: 2026-12-08}\n",
    ),
    _c(
        "course-invalid",
        "error",
        "A pack's course has errors of its own; validate it.",
        "课程包中的课程本身有错误；请先检查它。",
        "courses: [../courses/ok.yaml]\n",
        "courses: [../courses/broken.yaml]\n",
    ),
    _c(
        "not-working-day",
        "warning",
        "A delivery date is a weekend or public holiday.",
        "授课日期是周末或法定节假日。",
        "date: 2026-12-08\n",
        "date: 2026-10-01\n",
    ),
    _c(
        "instructor-overlap",
        "warning",
        "The instructor is booked on two courses the same day.",
        "讲师同一天被排了两门课。",
        "courses:\n  - {path: a.yaml, date: 2026-12-08}\n  - {path: b.yaml, date: 2026-12-10}\n",
        "courses:\n  - {path: a.yaml, date: 2026-12-08}\n  - {path: b.yaml, date: 2026-12-08}\n",
    ),
    _c(
        "skip",
        "error",
        "'skip' is not holidays, weekends or none.",
        "“skip”不是 holidays、weekends 或 none。",
        "skip: weekends\n",
        "skip: sundays\n",
    ),
    _c(
        "plan-courses",
        "warning",
        "The plan's path has no phase marked courses: true.",
        "培训方案的实施路径中没有标 courses: true 的阶段。",
        "plan:\n  path:\n    - {phase: 集中授课, courses: true}\n",
        "plan:\n  path:\n    - {phase: 集中授课}\n",
    ),
    _c(
        "currency",
        "error",
        "The quote's currency is not a 3-letter code.",
        "报价的币种不是三个字母的代码。",
        "plan:\n  quote: {currency: CNY}\n",
        "plan:\n  quote: {currency: 人民币元}\n",
    ),
    _c(
        "money-format",
        "error",
        "An amount or tax is not a number.",
        "金额或税率不是数字。",
        "plan:\n  quote: {tax: 6%}\n",
        "plan:\n  quote: {tax: 六个点}\n",
    ),
    _c(
        "negative",
        "error",
        "A quantity, price or count is negative.",
        "数量、单价或人数为负。",
        "plan:\n  resources: {participants: 30}\n",
        "plan:\n  resources: {participants: -30}\n",
    ),
    _c(
        "tax-range",
        "error",
        "Tax is not between 0% and 100%.",
        "税率不在 0% 到 100% 之间。",
        "plan:\n  quote: {tax: 6%}\n",
        "plan:\n  quote: {tax: 160%}\n",
    ),
    # what a client signs (issue 20): the supplier and the quote's terms
    _c(
        "quote-empty",
        "warning",
        "Every item of the quote is optional, so its total is 0.",
        "报价的每一项都是可选项目，合计为 0。",
        "plan:\n  quote:\n    items: [{item: 讲师课酬, price: 12000}]\n",
        "plan:\n  quote:\n    items: [{item: 讲师课酬, price: 12000, optional: true}]\n",
    ),
    _c(
        "invoice",
        "error",
        "The invoice type is not 增值税专用发票 or 增值税普通发票.",
        "发票类型不是增值税专用发票或增值税普通发票。",
        "plan:\n  quote: {tax: 6%, invoice: 增值税专用发票}\n",
        "plan:\n  quote: {tax: 6%, invoice: 收据}\n",
    ),
    _c(
        "invoice-rate",
        "warning",
        "An invoice type is named but the quote has no tax rate to print on it.",
        "写了发票类型，但报价没有可以写在发票上的税率。",
        "plan:\n  quote: {tax: 6%, invoice: 增值税普通发票}\n",
        "plan:\n  quote: {invoice: 增值税普通发票}\n",
    ),
    _c(
        "conflict",
        "error",
        "Two keys say the same thing differently (valid_until and valid_days).",
        "两个键说的是同一件事（valid_until 和 valid_days 只写一个）。",
        "plan:\n  quote: {valid_days: 30}\n",
        "plan:\n  quote: {valid_days: 30, valid_until: 2026-12-31}\n",
    ),
    _c(
        "payment-sum",
        "warning",
        "The payment instalments do not add up to 100%.",
        "各期付款比例合计不是 100%。",
        "payment:\n  - {percent: 50%, when: 签约后}\n  - {percent: 50%, when: 课后}\n",
        "payment:\n  - {percent: 50%, when: 签约后}\n  - {percent: 40%, when: 课后}\n",
    ),
    _c(
        "percent-range",
        "error",
        "A percentage (a payment, a discount) is not between 0% and 100%.",
        "百分比（付款比例、折扣）不在 0% 到 100% 之间。",
        "plan:\n  quote: {discount: 5%}\n",
        "plan:\n  quote: {discount: 105%}\n",
    ),
    _c(
        "logo-format",
        "error",
        "The supplier's logo is not a PNG or JPEG image.",
        "乙方标志图片不是 PNG 或 JPEG 格式。",
        "supplier: {company: 某某咨询, logo: logo.png}\n",
        "supplier: {company: 某某咨询, logo: logo.svg}\n",
    ),
    # folders, documents and outputs (the command line)
    _c(
        "no-specs",
        "error",
        "A folder given to validate holds no *.yaml specs.",
        "交给 validate 的文件夹中没有 *.yaml 课程文件。",
        "# syllabus validate courses/\n",
        "# syllabus validate empty-folder/\n",
    ),
    _c(
        "template",
        "error",
        "The Word template cannot be used to build a document.",
        "Word 模板无法用来生成文档。",
        "# syllabus proposal c.yaml --template brand.docx\n",
        "# syllabus proposal c.yaml --template broken.docx\n",
    ),
    _c(
        "pdf",
        "error",
        "The PDF could not be made (LibreOffice missing or failed).",
        "无法生成 PDF（没有安装 LibreOffice 或转换失败）。",
        "# syllabus proposal c.yaml --pdf  (LibreOffice installed)\n",
        "# syllabus proposal c.yaml --pdf  (no LibreOffice)\n",
    ),
    _c(
        "output-folder",
        "error",
        "The output path is a folder, not a file.",
        "输出路径是文件夹，不是文件。",
        "# syllabus proposal c.yaml -o out/c.docx\n",
        "# syllabus proposal c.yaml -o out/\n",
    ),
    _c(
        "output-exists",
        "error",
        "The output file exists and was not written by syllabus; --force replaces it.",
        "输出文件已存在且不是 syllabus 写的；加 --force 才会替换。",
        "# syllabus proposal c.yaml -o new.docx\n",
        "# syllabus proposal c.yaml -o my-own.docx\n",
    ),
    _c(
        "output-edited",
        "error",
        "The output was edited by hand since it was written; --force replaces it.",
        "输出文件写出后被手工改过；加 --force 才会替换。",
        "# the proposal is unchanged since the last build\n",
        "# the proposal was touched up in Word since\n",
    ),
    _c(
        "output-unreadable",
        "error",
        "An existing output file cannot be read to compare it.",
        "已有的输出文件无法读取，无法比较。",
        "# out/c.docx readable\n",
        "# out/c.docx locked by Word\n",
    ),
    _c(
        "manifest",
        "error",
        "The folder's record of written files is damaged; move it away.",
        "文件夹中记录已写文件的清单已损坏；请把它移走。",
        "# out/.syllabus-manifest.json as written\n",
        "# out/.syllabus-manifest.json edited into invalid JSON\n",
    ),
    _c(
        "output-blocked",
        "error",
        "The output folder cannot be made or written (a file in its place, no permission, a full disk).",
        "输出文件夹无法创建或写入（同名文件占了位置、没有权限或磁盘已满）。",
        "# syllabus export courses/ --out dist\n",
        "# syllabus export courses/ --out notes.txt  (a file)\n",
    ),
    _c(
        "output-taken",
        "error",
        "The output folder belongs to another build (another pack, or an export); choose another --out or use --force.",
        "输出文件夹属于另一次生成（另一个培训包或 export）；请换一个 --out，或使用 --force。",
        "# syllabus pack packs/a.yaml --out dist\n",
        "# syllabus pack packs/b.yaml --out dist/a  (a's folder)\n",
    ),
    _c(
        "write",
        "error",
        "An output file cannot be written (disk full, permissions, a lock).",
        "输出文件无法写入（磁盘满、权限不够或被占用）。",
        "# syllabus proposal c.yaml -o out/c.docx\n",
        "# out/c.docx open in Word on Windows\n",
    ),
    # import
    _c(
        "not-docx",
        "error",
        "An import source named .docx is not a Word file.",
        "要导入的 .docx 文件不是 Word 文件。",
        "# syllabus import catalog.docx --out courses/\n",
        "# syllabus import renamed.pdf.docx --out courses/\n",
    ),
    _c(
        "not-text",
        "error",
        "An import source is not text (a binary file).",
        "要导入的文件不是文本（是二进制文件）。",
        "# syllabus import catalog.txt --out courses/\n",
        "# syllabus import photo.jpg --out courses/\n",
    ),
)

# the delivery kit (a pack's kit:, roster:, evaluation_url:)
_PACK = "client: 某3C品牌\ntitle: 电商服务能力提升\ncourses: [../courses/a.yaml]\n"
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
        _PACK + "roster: participants.xlsx\n",
        _PACK + "roster: participants.xls  # the old Excel format\n",
    ),
    _c(
        "roster-too-large",
        "error",
        "The roster has more rows than a training's participants could (2,000).",
        "学员名单的行数超出一次培训的学员人数（2000 行）。",
        "# participants.xlsx: 40 rows\n",
        "# participants.xlsx: the whole company's 100,000 rows\n",
    ),
    _c(
        "roster-column",
        "error",
        "The roster has no name column (a header 姓名 or Name).",
        "学员名单没有姓名列（表头“姓名”或“Name”）。",
        "姓名,部门\n张三,客服部\n",
        "人员,部门\n张三,客服部\n",
    ),
    _c(
        "roster-name",
        "error",
        "A row of the roster has no name.",
        "学员名单中有一行没有姓名。",
        "姓名,部门\n张三,客服部\n",
        "姓名,部门\n,客服部\n",
    ),
    _c(
        "roster-duplicate",
        "error",
        "The same person is on the roster twice (same name and phone or e-mail).",
        "同一个人在学员名单上出现了两次（姓名和手机或邮箱都相同）。",
        "姓名,手机\n张三,13800000001\n张三,13900000002\n",
        "姓名,手机\n张三,13800000001\n张三,13800000001\n",
    ),
)

CODES: dict[str, Code] = {row.code: row for row in _ROWS}


def lookup(code: str) -> Code | None:
    return CODES.get(code.strip().lower())


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
        _indent(row.passing),
        f"{render(msg('explain.fail'), lang)}{colon}",
        _indent(row.failing),
    ]
    return "\n".join(parts)


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.rstrip("\n").split("\n"))


if __name__ == "__main__":  # python -m syllabus_cli.i18n.codes --markdown
    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m syllabus_cli.i18n.codes --markdown")
    sys.stdout.write(markdown())
