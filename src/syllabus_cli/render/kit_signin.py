"""签到表 / sign-in sheet: one table per delivery day (a page or more each), the day's
facts above it (project, course, date with weekday, venue, instructor); 序号 · 姓名 ·
部门 · 上午签到 · 下午签到 (a half day: one column to sign); the roster's names filled
in, else blank rows for the expected participants; a few spare rows for walk-ins; the
header row repeats on every page and no row is split."""

from __future__ import annotations

from typing import Any

from docx.shared import Cm

from .kit_common import day_date, facts, grid, heading_title, page_break, start
from .kit_values import KitCourse, label
from .wording import set_text

SPARE = 5  # blank rows after the names: someone always comes who is not on the list
ROW_HEIGHT = Cm(0.95)  # room for a signature


def signin_document(course: KitCourse) -> Any:
    document, styles = start(course, "signin")
    lang = course.language
    days = course.days or ()
    names = [(p.name, p.department) for p in course.people]
    blanks = SPARE if names else course.seats + SPARE
    for n, day in enumerate(days):
        if n:
            page_break(styles, document)
        heading_title(styles, document, course, "signin")
        when = day_date(day.date, lang)
        if len(days) > 1:
            when = f"{label('day', lang, n=day.number)} · {when}"
        facts(
            styles,
            document,
            [
                [
                    ("project", set_text(course.project, lang)),
                    ("course", set_text(course.name, lang)),
                ],
                [("date", when), ("instructor", course.instructor)],
                [("venue", set_text(course.venue, lang))],
            ],
            lang,
        )
        styles.paragraph(document)
        if day.half:
            header = [label(k, lang) for k in ("no", "name", "department", "signature")]
            widths = [Cm(1.6), Cm(4.2), Cm(5.2), Cm(5.6)]
        else:
            header = [label(k, lang) for k in ("no", "name", "department", "morning", "afternoon")]
            widths = [Cm(1.6), Cm(3.8), Cm(4.2), Cm(3.5), Cm(3.5)]
        people = [*names, *([("", "")] * blanks)]
        rows = [
            [str(i), set_text(name, lang), set_text(dept, lang), *([""] * (len(header) - 3))]
            for i, (name, dept) in enumerate(people, start=1)
        ]
        caption = f"{set_text(course.name, lang)} · {label('signin', lang)} · {when}"
        grid(
            document,
            styles,
            header,
            rows,
            widths,
            height=ROW_HEIGHT,
            center=(0,),
            middle=True,
            caption=caption,
        )
    return document
