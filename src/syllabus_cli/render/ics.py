"""The pack's delivery days as an iCalendar file (RFC 5545), for the instructor's
calendar: Outlook, Apple Calendar, 钉钉 and 企业微信 import it.

* One VEVENT per delivery day, from the first session's start to the last one's end,
  in local time with ``TZID=Asia/Shanghai`` and its VTIMEZONE (China keeps +08:00 all
  year), so every client shows 09:00 as 09:00 in China whatever the importer's zone.
* CRLF line ends; lines folded at 75 octets without splitting a UTF-8 character;
  text escaped (\\ ; , and newlines).
* UID from the pack id, the course and the day number: a rebuild (even with a moved
  date) updates the same events instead of adding new ones. DTSTAMP is the caller's
  (``SOURCE_DATE_EPOCH`` when set, so rebuilds are byte-identical). Pure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import labels as i18n_labels
from ..source_date import build_time

TZID = "Asia/Shanghai"
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class Event:
    date: dt.date
    start: int  # minutes after midnight
    end: int
    course: str
    course_key: str  # stable per course in the pack (its spec's stem)
    number: int  # day 1, 2… of the course
    days: int  # the course's number of days


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines of at most 75 octets; continuation lines start with one space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _local(day: dt.date, minutes: int) -> str:
    return f"{day:%Y%m%d}T{minutes // 60:02d}{minutes % 60:02d}00"


def calendar(
    pack_id: str,
    title: str,
    client: str,
    events: Sequence[Event],
    *,
    language: str = "zh",
    venue: str = "",
    instructor: str = "",
    stamp: dt.datetime | None = None,
) -> bytes:
    labels = i18n_labels("ics", language)
    when = (stamp or build_time()).astimezone(dt.timezone.utc)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//syllabus//training pack//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(title)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for event in events:
        uid = hashlib.sha256(f"{pack_id}\0{event.course_key}\0{event.number}".encode()).hexdigest()[
            :24
        ]
        summary = event.course + (labels["day_n"].format(n=event.number) if event.days > 1 else "")
        description = [
            labels["client"] + labels["colon"] + client,
            labels["project"] + labels["colon"] + title,
        ]
        if instructor:
            description.append(labels["instructor"] + labels["colon"] + instructor)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@syllabus",
            f"DTSTAMP:{when:%Y%m%dT%H%M%SZ}",
            f"DTSTART;TZID={TZID}:{_local(event.date, event.start)}",
            f"DTEND;TZID={TZID}:{_local(event.date, event.end)}",
            f"SUMMARY:{escape(summary)}",
            f"DESCRIPTION:{escape(chr(10).join(description))}",
        ]
        if venue:
            lines.append(f"LOCATION:{escape(venue)}")
        lines += ["TRANSP:OPAQUE", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
