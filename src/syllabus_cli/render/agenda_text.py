"""The agenda as JSON (the contract), Markdown and a print-ready HTML page. Pure:
values in, text out."""

from __future__ import annotations

import datetime as dt

from ..agenda.layout import BREAK, LUNCH, SESSION, Agenda, Slot
from ..agenda.settings import clock
from ..dates import format_date
from ..i18n import labels
from ..minutes import minutes_text
from .wording import labelled, set_text


def agenda_json(agenda: Agenda) -> dict[str, object]:
    """Exactly the contract's shape."""
    return {
        "title": agenda.title,
        "teaching_minutes": agenda.teaching_minutes,
        "days": [
            {
                "day": day.number,
                "date": day.date.isoformat() if day.date else None,
                "slots": [
                    {
                        "start": clock(s.start),
                        "end": clock(s.end),
                        "kind": s.kind,
                        "title": s.title,
                        "part": s.part,
                    }
                    for s in day.slots
                ],
            }
            for day in agenda.days
        ],
    }


def render_json(agenda: Agenda) -> str:
    import json  # here, not at the top: a proposal imports this module for its labels

    return json.dumps(agenda_json(agenda), ensure_ascii=False, indent=2) + "\n"


def topic(slot: Slot, language: str) -> str:
    """A session's title, marked "(续)" / "(cont.)" from its second part on."""
    if slot.kind == SESSION and slot.part and slot.part > 1:
        return slot.title + labels("agenda-doc", language)["cont"]
    return slot.title


def day_heading(number: int, date: dt.date | None, language: str) -> str:
    """``第1天 · 2026年12月8日（星期二）`` / ``Day 1 · Tue 8 Dec 2026``; the JSON keeps ISO."""
    head = labels("agenda-doc", language)["day"].format(n=number)
    return f"{head} · {format_date(date, language)}" if date else head


def _hours(minutes: int, language: str) -> str:
    return minutes_text(minutes, language)


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\<>&|"})


def md_text(text: str) -> str:
    """Text as Markdown shows it, never as markup: ``<script>``, ``<img onerror>`` or an
    entity written in a title stays text (CommonMark's backslash escapes), and ``|``
    cannot end a table cell."""
    return text.translate(_MD_SPECIAL)


def render_markdown(agenda: Agenda, language: str, *, draft: bool = False) -> str:
    h = labels("agenda-doc", language)
    lines = [f"**{_draft_line(language)}**", ""] if draft else []
    lines += [
        f"# {md_text(set_text(agenda.title, language))} · {h['agenda']}",
        "",
        labelled(h["total"], _hours(agenda.teaching_minutes, language), language),
    ]
    for day in agenda.days:
        lines += ["", f"## {day_heading(day.number, day.date, language)}", ""]
        lines += [f"| {h['time']} | {h['topic']} | {h['format']} |", "|---|---|---|"]
        for slot in day.slots:
            text = md_text(set_text(topic(slot, language), language))
            pause = slot.kind in (BREAK, LUNCH)
            name = f"*{text}*" if pause and language != "zh" else text  # no italic on Chinese
            form = md_text(set_text(slot.format, language))
            lines.append(f"| {clock(slot.start)}–{clock(slot.end)} | {name} | {form} |")
    return "\n".join(lines) + "\n"


_CSS = """
@page { size: A4; margin: 18mm 16mm; }
.draft { color: #c00000; font-weight: bold; font-size: 16pt; text-align: center; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑",
       "PingFang SC", "SimSun", "宋体", "Helvetica Neue", Arial, sans-serif;
       color: #1f2933; font-size: 11pt; line-height: 1.5;
       max-width: 190mm; margin: 12mm auto; padding: 0 6mm; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.meta { color: #52606d; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 8mm 0 2mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #9aa5b1; padding: 2mm 3mm; text-align: left; vertical-align: top; }
th { background: #243b53; color: #fff; font-weight: 600; }
td.time { white-space: nowrap; width: 26mm; font-variant-numeric: tabular-nums; }
td.format { width: 34mm; color: #52606d; }
tr.pause td { background: #f0f4f8; color: #52606d; }
"""


def _draft_line(language: str) -> str:
    word = labels("plan", language)["draft"]
    return f"{word} · {word} · {word}"


def render_html(agenda: Agenda, language: str, subtitle: str = "", *, draft: bool = False) -> str:
    import html

    h = labels("agenda-doc", language)
    esc = html.escape
    first = next((d.date for d in agenda.days if d.date), None)
    meta = " · ".join(
        x
        for x in (
            set_text(subtitle, language),
            format_date(first, language) if first else "",
            labelled(h["total"], _hours(agenda.teaching_minutes, language), language),
        )
        if x
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if language == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{esc(set_text(agenda.title, language))} · {esc(h['agenda'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(set_text(agenda.title, language))}</h1>",
        f'<p class="meta">{esc(meta)}</p>',
    ]
    if draft:  # 草稿 / DRAFT above the title (as the .docx has it), in the print too
        parts.insert(3, f'<p class="draft">{esc(_draft_line(language))}</p>')
    for day in agenda.days:
        parts.append(f"<h2>{esc(day_heading(day.number, day.date, language))}</h2>")
        parts.append(
            f"<table><thead><tr><th>{esc(h['time'])}</th><th>{esc(h['topic'])}</th><th>{esc(h['format'])}</th></tr></thead><tbody>"
        )
        for slot in day.slots:
            row_class = ' class="pause"' if slot.kind in (BREAK, LUNCH) else ""
            parts.append(
                f'<tr{row_class}><td class="time">{clock(slot.start)}–{clock(slot.end)}</td>'
                f"<td>{esc(set_text(topic(slot, language), language))}</td>"
                f'<td class="format">{esc(set_text(slot.format, language))}</td></tr>'
            )
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
