"""The conventions trainers write course pages in, as tables the readers consult.

Every rule here names the convention it reads, as seen on trainer sites, training
companies' course pages, Word catalogs and Markdown syllabi. Nothing here is tuned to one
page: a pattern belongs in a table only when it is a way instructors write in general.
"""

from __future__ import annotations

import re

CN = "〇零一二三四五六七八九十"  # 第〇章: a zero chapter (an introduction before chapter one)
BULLETS = "·•●○◦‣⁃∙◆◇■□▪▫★☆►▶➢➤√✓ØüΦ§>＞━–—-"  # Ø ü § l n: Wingdings bullets pasted as text

# Section labels → spec key. Read as 【标签】, 标签: / 标签 : / 标签 alone on its line,
# 一、标签, or a Markdown heading "## 标签".
SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "background": (
        "课程背景",
        "课程概述",
        "课程介绍",
        "课程简介",
        "场景问题",
        "培训背景",
        "工作坊主旨",
        "课程说明",
    ),
    "outcomes": (
        "课程收获",
        "课程收益",
        "课程目标",
        "培训目标",
        "学员收获",
        "学员收益",
        "学习目标",
        "培训收益",
        "教学目标",
    ),
    "audience": (
        "课程对象",
        "授课对象",
        "参与人员",
        "培训对象",
        "适合对象",
        "适用对象",
        "学员对象",
        "参训对象",
        "参加对象",
        "受众",
        "适合人群",
        "适用人群",
        "目标人群",
        "参训人员",
        "培训人群",
    ),
    "duration": (
        "课程时长",
        "授课时长",
        "课程时间",
        "培训时长",
        "培训时间",
        "课程时数",
        "授课时间",
        "课时",
        "时长",
        "学时",
        "课程学时",  # a 教学大纲's form fields: 课程学时：32学时 · 总学时：48
        "总学时",
        "课程课时",
        "总课时",
    ),
    # 【工作坊安排】【课程设计】【课程安排】: the outline under a workshop's own word for it
    "outline": (
        "课程大纲",
        "课程纲要",
        "课程内容",
        "培训大纲",
        "课程提纲",
        "培训内容",
        "课程核心内容模块",
        "核心内容模块",
        "课程模块",
        "课程设计",
        "课程安排",
        "工作坊安排",
        "课程目录",
        "课程章节",
        "内容大纲",
        "章节",
        "大纲",
        "课程计划",
        "教学计划",
        "教学安排",
        "教学进度",
        "教学内容",
        "教学内容安排",
        "讲授内容安排",
        "具体教学内容如下",
        "教学内容如下",
        "课程内容如下",
        "培训内容如下",
        "课程内容安排",
        "日程安排",
        "培训日程",
        "课程日程",
    ),
    "format": ("授课方式", "授课形式", "培训方式", "课程形式", "培训形式", "教学方式", "形式"),
    "title": ("课程名称", "课程标题", "课题", "课程名"),
}
KEY_OF = {label: key for key, labels in SECTION_LABELS.items() for label in labels}

# English pages' labels (matched whole, any case, alone on their line, after a colon's
# text, or as a heading): the same keys.
EN_LABELS: dict[str, tuple[str, ...]] = {
    "background": (
        "overview", "course overview", "description", "course description", "about",
        "about this course", "about the course", "introduction", "summary", "course summary",
        "background", "workshop overview", "program overview", "programme overview",
    ),
    "outcomes": (
        "learning objectives", "learning outcomes", "objectives", "outcomes", "course objectives",
        "course outcomes", "what you will learn", "what you'll learn", "goals", "course goals",
        "key takeaways", "takeaways", "by the end of this course", "learning goals",
    ),
    "audience": (
        "audience", "target audience", "intended audience", "who should attend",
        "who is this for", "who this course is for", "who is it for", "participants",
        "for whom", "suitable for",
    ),
    "duration": (
        "duration", "length", "course length", "course duration", "contact time",
        "contact hours", "time commitment", "total time", "time", "total hours", "total_hours",
        "contact_hours", "hours",
    ),
    "outline": (
        "course outline", "outline", "course content", "course contents", "content",
        "contents", "agenda", "schedule", "programme", "program", "syllabus",
        "course schedule", "topics", "topics covered", "curriculum", "workshop outline",
        "workshop agenda", "course modules", "modules", "session plan", "timetable",
        "course structure", "structure", "daily schedule", "workshop schedule",
        "training outline", "training agenda", "course agenda", "detailed agenda",
    ),
    "format": ("format", "delivery", "delivery method", "methods", "teaching methods", "methodology"),
    "title": ("course title", "course name", "title", "course_name", "course_title"),
}  # fmt: skip
EN_KEY_OF = {label: key for key, labels in EN_LABELS.items() for label in labels}

# Sections that follow an outline and are no part of it (an appendix, a materials list,
# how the course is assessed): they end the outline and go to notes, never modules.
APPENDIX_WORDS = (
    "附录", "附件", "教材", "教材与参考书", "参考书目", "参考资料", "参考文献", "推荐阅读",
    "考核方式", "考核", "课程考核", "成绩评定", "成绩评价", "课程评价方式", "课程准备知识", "先修课程", "考核与评价", "课程评估", "评估方式", "学习资源",
    "materials", "required materials", "materials list", "course materials", "resources",
    "reading list", "readings", "references", "recommended reading", "evaluation",
    "assessment", "grading", "course evaluation", "assessment and evaluation", "appendix",
    "bibliography", "further reading", "what to bring", "prerequisites", "requirements",
    "certificate", "certification", "faq", "fees", "price", "pricing", "registration",
    "about the instructor", "about the trainer", "instructor", "trainer", "facilitator",
)  # fmt: skip

# Headings that name a part of a page, never a course: not a title.
GENERIC_TITLE = re.compile(
    r"^(?:目\s*录|课程目录|课程大纲|大纲|日程|日程安排|课程安排|议程|学完本课程后.*|本课程.*|"
    r"(?:table of )?contents|schedule|timetable|syllabus|overview|"
    # "Agenda …" (for 12 May, day one, subject to change); "Agenda: Python for Analysts" and
    # "Agenda - Control" set a name apart, which the title rules read
    r"agenda(?!\s*(?:[:：|｜]|\s[-–—])\s*[^\W\d_])\b.*|"
    # "Course Outline", "Detailed Workshop Outline": only generic words before "outline"
    # ("Python for Analysts — Course Outline" names a course: the suffix is cut instead)
    r"(?:(?:draft|tentative|detailed|full|final|course|workshop|training|class|program(?:me)?|"
    r"lesson|session|module|unit|the|our)\s+)*outline|"
    r"(?:draft |preliminary |tentative |final )?(?:workshop |course |training |event |daily )?"
    r"(?:schedule|agenda|timetable|programme|program)|"
    r"course (?:description|overview|details|information|schedule)|introduction|"
    r"day\s*\d+.*|第[一二三四五六七八九十\d]+天.*|home|menu|"
    r"welcome(?: to)?(?: the)? (?:training|course|workshop|class|session)!?|"
    r"(?:an? )?(?:introduction|overview|brief introduction)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*|(?:周|星期)[一二三四五六日天].*)$",
    re.I,
)

# Lines naming the course's instructor: 授课讲师：李明 · 讲师：李明 · Instructor: Jane Doe
INSTRUCTOR_LINE = re.compile(
    r"^\s*(?:[-*·•]\s*)?(?:\*\*)?(?:授课讲师|主讲讲师|主讲老师|主讲教师|主讲人|主讲|培训讲师|讲师|授课老师|授课教师|"
    r"instructors?|trainers?|facilitators?|presenters?|taught by|lecturer)(?:\*\*)?\s*[:：]\s*(?:\*\*)?"
    r"(?P<name>[^\n]{1,60}?)\s*$",
    re.I,
)
LABEL_WORDS = frozenset(KEY_OF)

# Page chrome: what the site prints around a course (price, category, code, contact,
# view counters, image credits). Kept in notes; never a title, never an instructor.
CHROME = re.compile(
    r"面议|联系老师|培训咨询|注册讲师|\d+\s*查看|浏览(?:次数|量)|阅读量|收藏|分享到|举报|"
    r"课程(?:价格|费用|编号|代码|类别|分类)|所属(?:类别|分类)|培训费用|价格[:：]|[¥￥]\s*\d|"
    r"图片来源|侵删|返回顶部|扫码|添加微信|企业微信|发布(?:时间|日期)|更新时间|"
    r"首页\s*[>＞/]|当前位置|您现在的位置|^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$|^\d+$|"
    # a site's navigation and a document host's buttons, run together or not:
    # "Previous PageTable of ContentsNext Page" · 上一篇 · "Download as pdf or txt"
    r"上一[页頁篇]|下一[页頁篇]|返回(?:目录|列表|首页)|相关推荐|猜你喜欢|"
    r"(?i:previous\s*page|next\s*page|skip to (?:main )?content|back to top|"
    r"you might also like|download as (?:pdf|docx?|txt|pptx?)|you are on page|"
    r"print (?:this )?page|share (?:this|on)\b|presented by|prepared by|organi[sz]ed by|"
    r"hosted by|sponsored by|in partnership with)|主办[:：]|承办[:：]|协办[:：]|主办单位|承办单位|"
    # a site's account and search boxes and its service links, each a line of its own:
    # 请登录 · 免费注册 · 请输入要查找的内容 · 帮助中心 · Sign in · Search courses
    r"^[-*•·\s]*(?:(?:请|立即|免费)?(?:登录|登陆|注册)(?:\s*[/|｜]\s*(?:免费)?(?:登录|登陆|注册))?|"
    r"请输入.{0,12}|搜索.{0,6}|站内搜索|热门搜索.*|帮助中心|客服中心|联系我们|关于我们|网站地图|"
    r"我的(?:账户|账号|订单|课程|学习|收藏)|(?i:sign\s*in|sign\s*up|log\s*in|log\s*out|register|"
    r"my account|search(?:\s+\w+)?|help(?:\s+cent(?:er|re))?|contact us|about us|site\s*map))\s*$|"
    # a page's buttons and its cookie banner: Print · Share · Accept all cookies · 收藏
    r"^[-*•·\s]*(?i:print|share|email|save|bookmark|subscribe|follow us|cookie settings|"
    r"manage cookies|accept(?: all)?(?: cookies)?|reject all|we use cookies\b.*|"
    r"(?:log\s*in|sign\s*in)\s*[|/]\s*(?:register|sign\s*up)|(?:登录|登陆)\s*[|/]\s*注册)\s*$|"
    # a document's status stamp and its page furniture: CONFIDENTIAL · 🚧 Work in progress 🚧
    # · 内部资料 · 第 1 页 共 5 页
    r"^\W*(?:(?i:confidential|internal(?: use only)?|work in progress|wip|under construction|"
    r"coming soon|for internal use|do not distribute)\W*)+$|^\W*(?:(?:机密|内部资料|内部使用|"
    r"仅供内部使用|严禁外传|未完待续)\W*)+$|^第\s*\d+\s*[页頁]\s*(?:[,，/]?\s*共\s*\d+\s*[页頁])?$"
)

# A line naming an institution (a letterhead): never a course's title, whatever stands
# above or below it. "Albert-Ludwigs-Universität Freiburg" · "Department of Statistics" ·
# "XX大学计算机学院" · "某某管理咨询有限公司"
INSTITUTION = re.compile(
    r"^(?:(?i:the\s+)?(?i:university|department|faculty|institute|college) of\b.*"
    r"|(?:[A-Z][\w.&-]*\s+)+(?:College|School|Faculty|Department|Institute) of\b.*"
    r"|.*\b(?i:university|college|institute|institut|polytechnic|ltd|inc|llc|gmbh)\.?"
    r"|.*\b(?i:universit[äé]t?|université)(?:\s+[A-Z][\w-]*)?"
    r"|.*(?:大学|大學|学院|學院|研究院|研究所|有限公司|股份公司|集团|集團|协会|協會|委员会|教务处|教務處))$"
)

# Labelled lines inside a module: 工具: 案例: 案例演示:《…》 【案例导入】 实操演练: 成果输出:
CASE_LABELS = (
    "案例",
    "导入案例",
    "案例导入",
    "案例分析",
    "案例演示",
    "案例研讨",
    "通用案例",
    "案例讨论",
)
TOOL_LABELS = ("工具", "理论工具", "模型", "工具表单", "工具模板")
EXERCISE_LABELS = (
    "练习",
    "演练",
    "实操演练",
    "实操",
    "讨论",
    "小组讨论",
    "作业",
    "互动",
    "互动体验",
    "角色扮演",
    "情景演练",
    "沙盘",
    "沙盘推演",
    "现场演练",
    "课堂练习",
)
NOTE_LABELS = ("注", "解析", "任务解析", "成果输出", "产出", "输出", "备注", "说明", "附")
IN_MODULE_SLOT = {
    **{label: "cases" for label in CASE_LABELS},
    **{label: "tools" for label in TOOL_LABELS},
    **{label: "exercises" for label in EXERCISE_LABELS},
}

# Outline levels that open a module wherever they stand at a line's start:
# 第一讲 第 3 章 第一部分 第一篇 第一单元 第一课 第一阶段 模块一 板块一 单元一 课题一 课题3-1
# 任务一 PART1 Part 2 Day 1 【第一阶段】.
NUM = rf"(?:[{CN}]+|\d+)"
MODULE_WORDS = "讲|章|部分|篇|单元|次课|课时|学时|课|阶段|模块|节|天|周|次|轮"
EN_MODULE_WORDS = (
    "part|day|module|unit|session|week|lesson|lecture|class|seminar|meeting|chapter|topic|block"
)
STRONG_MARKER = re.compile(
    rf"^(?:\*\*|__)?(?:【\s*)?(?:第\s*{NUM}(?:\s*[-–~～至到]\s*{NUM})?\s*(?:{MODULE_WORDS})|(?:模块|板块|单元|课题|任务|专题|主题)\s*{NUM}(?:-\d+)?"
    rf"|(?i:{EN_MODULE_WORDS})\s*(?:\d+|[IVX]+)\b"
    r"|(?i:wk|mod|lec|ch|chap|sess)\.?\s*\d+\b)"  # WK 1 · Mod 2 · Lec 3 · Ch. 4: abbreviated
)
# 导入: / 开场: / 破冰: / 总结: — an unnumbered opening or closing segment of the outline
SEGMENT_WORDS = (
    "导入",
    "游戏导入",
    "案例导入",
    "视频导入",
    "情景导入",
    "课程导入",
    "开场",
    "破冰",
    "课前导入",
    "总结",
    "课程总结",
    "课程回顾",
    "结尾",
    "收尾",
)

# A clock range inside the session in a heading: "开场：0-5 分钟" (5 minutes)
CLOCK_RANGE = re.compile(r"[:：\s]\s*(\d+)\s*[-~～—–至到]\s*(\d+)\s*(分钟|min)\s*$")

PROSE_END = re.compile(r"[。！？!?；;]\s*$")

# Page sections that follow an outline and end it: 【讲师介绍】 讲师简介: 学员评价 …
AFTER_OUTLINE = (
    "讲师介绍",
    "讲师简介",
    "讲师背景",
    "授课讲师",
    "主讲老师",
    "联系方式",
    "学员评价",
    "课程评价",
    "相关课程",
    "推荐课程",
)


# How a learning outcome begins (Bloom's verbs; 掌握 · 理解 …): a list of these says what
# a learner will do, not what the course is made of
OUTCOME = re.compile(
    r"^(?:(?:you will|learners will|participants will|students will|be able to)\s+)?"
    r"(?i:understand|learn|identify|describe|explain|apply|analy[sz]e|create|use|build|find|"
    r"organi[sz]e|interpret|perform|extract|manipulate|develop|design|evaluate|compare|"
    r"demonstrate|write|implement|recogni[sz]e|know|discover|explore|gain|improve|master|"
    r"define|list|summari[sz]e|assess|choose|install|plan|practi[sc]e|communicate|lead|"
    r"manage|solve|review|discuss|determine|distinguish|prepare|set up|work with)\b"
    r"|^(?:掌握|理解|了解|学会|能够|熟悉|熟练|认识|具备|提升|学习如何)"
)
