"""Typed readers over marked YAML values: each returns a value or records a Problem.

Shared by the course, instructor, schedule and pack builders, so a wrong type or an
unknown key reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from pathlib import Path

from ..cjk import CHINESE_CLASS
from ..duration import MAX_HOURS_PER_DAY, Duration, DurationError, parse_duration
from ..files import MAX_NAME_BYTES, too_long_part
from ..i18n import Msg, Word, msg
from ..load import YEntry, YMap, YScalar, YSeq, YValue
from ..paths import written_path
from ..problems import Mark, Problem, error
from .fields import Field

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FOLD_SPACE = re.compile(rf"(?<=[{CHINESE_CLASS}]) (?=[{CHINESE_CLASS}])")
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")

# Dates a delivery can have: this century. Anything outside is a typo (9999-12-31,
# 0026-12-08), China's holiday calendar covers only recent years, and day arithmetic
# near year 9999 overflows.
FIRST_DATE = dt.date(2000, 1, 1)
LAST_DATE = dt.date(2099, 12, 31)
MINUTES_PER_DAY = MAX_HOURS_PER_DAY * 60  # a day's teaching hours are at most 24
_ZIP_MAGIC = b"PK\x03\x04"  # a .docx is a zip package

# User-facing messages of this module: i18n/en.py and zh.py, keys "read.*".


def date_range_problem(day: dt.date, key: str) -> Msg | None:
    """Why ``day`` is out of range, or None when it is a date a delivery can have."""
    if FIRST_DATE <= day <= LAST_DATE:
        return None
    return msg("read.date-range", key=key, day=day.isoformat(), first=FIRST_DATE, last=LAST_DATE)


def clean_text(text: str, folded: bool = False) -> str:
    """Drop control characters (Word cannot hold them); undo the spaces that YAML folding
    (``>``) puts between Chinese characters at line ends."""
    text = _CONTROL.sub("", text)
    if folded:
        text = _FOLD_SPACE.sub("", text)
    return text.strip()


def kind_name(value: YValue) -> str:
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YSeq):
        return "a list"
    v = value.value
    if v is None:
        return "empty"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, (dt.date, dt.datetime)):
        return "a date"
    return "text"


class Reader:
    """Collects problems while values are read."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, mark: Mark, code: str, message: str | Msg) -> None:
        if code == "type" and any(p.mark == mark and p.code == "yaml-tag" for p in self.problems):
            return  # a tag on a value of the wrong shape: the tag is the mistake, said once
        self.problems.append(error(mark, code, message))

    def wrong_type(self, value: YValue, key: str, wanted: str) -> None:
        self.add(
            value.mark,
            "type",
            msg("read.type", key=key, wanted=Word(wanted), got=Word(kind_name(value))),
        )

    def mapping(
        self, value: YValue, what: str, fields: dict[str, Field]
    ) -> dict[str, YEntry] | None:
        """The known entries of a mapping; unknown keys (with a did-you-mean) and missing
        required keys are problems."""
        if not isinstance(value, YMap):
            self.add(
                value.mark,
                "type",
                msg("read.not-mapping", what=Word(what), got=Word(kind_name(value))),
            )
            return None
        known: dict[str, YEntry] = {}
        for entry in value.entries:
            if entry.key in fields:
                known[entry.key] = entry
                continue
            self.add(
                entry.key_mark,
                "unknown-key",
                _unknown_key(entry.key, what, fields),
            )
        for key, spec in fields.items():
            if spec.required and key not in known:
                self.add(value.mark, "required", msg("read.missing-key", what=Word(what), key=key))
        return known

    def text(self, entry: YEntry | None, *, required: bool = False) -> str:
        if entry is None:
            return ""
        value = entry.value
        if isinstance(value, YScalar) and isinstance(value.value, str):
            text = clean_text(value.value, folded=value.style == ">")
            if required and not text:
                self.add(value.mark, "required", msg("read.empty", key=entry.key))
            return text
        if (
            isinstance(value, YScalar)
            and isinstance(value.value, (int, float))
            and not isinstance(value.value, bool)
        ):
            return value.raw  # a title like 2025 is text to the user
        if isinstance(value, YScalar) and value.value is None:
            if required:
                self.add(value.mark, "required", msg("read.empty", key=entry.key))
            return ""
        self.wrong_type(value, entry.key, "text")
        return ""

    def texts(self, entry: YEntry | None) -> tuple[str, ...]:
        """A list of texts; a single text is a list of one."""
        if entry is None:
            return ()
        value = entry.value
        if isinstance(value, YScalar):
            if value.value is None:
                return ()
            single = self.text(entry)
            return (single,) if single else ()
        if not isinstance(value, YSeq):
            self.wrong_type(value, entry.key, "a list of texts")
            return ()
        out: list[str] = []
        for item in value.items:
            if (
                isinstance(item, YScalar)
                and isinstance(item.value, (str, int, float))
                and not isinstance(item.value, bool)
            ):
                text = clean_text(
                    item.raw if not isinstance(item.value, str) else item.value,
                    folded=item.style == ">",
                )
                if text:
                    out.append(text)
            else:
                self.add(
                    item.mark,
                    "type",
                    msg("read.item-type", key=entry.key, got=Word(kind_name(item))),
                )
        return tuple(out)

    def boolean(self, entry: YEntry | None, default: bool) -> bool:
        if entry is None:
            return default
        value = entry.value
        if isinstance(value, YScalar) and isinstance(value.value, bool):
            return value.value
        self.wrong_type(value, entry.key, "true or false")
        return default

    def duration(
        self, entry: YEntry | None, at_most: int | None = None
    ) -> tuple[Duration | None, Mark | None]:
        """A duration with a unit; ``at_most`` minutes bounds it further (a day's teaching
        hours: ``MINUTES_PER_DAY``)."""
        if entry is None:
            return None, None
        value = entry.value
        if isinstance(value, YScalar) and value.value is None:
            return None, None  # "duration:" left empty means untimed
        if (
            isinstance(value, YScalar)
            and isinstance(value.value, (int, float))
            and not isinstance(value.value, bool)
        ):
            self.add(
                value.mark,
                "duration-unit",
                msg("read.no-unit", number=value.raw),
            )
            return None, value.mark
        if not (isinstance(value, YScalar) and isinstance(value.value, str)):
            self.wrong_type(
                value, entry.key, 'a duration with a unit ("40min", "2h", "1天(6h/天)")'
            )
            return None, value.mark
        try:
            parsed = parse_duration(value.value)
        except DurationError as exc:
            self.add(value.mark, exc.code, exc.words)
            return None, value.mark
        if at_most is not None and parsed.minutes > at_most:
            limit = msg("read.at-most", key=entry.key, text=value.value, hours=at_most // 60)
            self.add(value.mark, "duration-limit", limit)
            return None, value.mark
        return parsed, value.mark

    def docx_path(self, entry: YEntry, base: Path) -> Path | None:
        """A .docx file relative to ``base`` (a course's ``template:``): it must exist and
        be a Word package, else a problem at the value."""
        value = entry.value
        if not (
            isinstance(value, YScalar) and isinstance(value.value, str) and value.value.strip()
        ):
            self.wrong_type(value, entry.key, "a path to a .docx file")
            return None
        ref = value.value.strip()
        path = written_path(base, ref)
        if (part := too_long_part(path)) is not None:
            said = msg("files.too-long", name=part, limit=MAX_NAME_BYTES)
            self.add(value.mark, "name-too-long", said)
            return None
        if path.exists() and not path.is_dir() and not path.is_file():  # a pipe would block
            self.add(value.mark, "template-format", msg("load.not-regular"))
            return None
        try:
            with path.open("rb") as handle:
                head = handle.read(len(_ZIP_MAGIC))
        except FileNotFoundError:
            self.add(value.mark, "file-missing", msg("read.template-missing", ref=ref))
            return None
        except IsADirectoryError:
            self.add(value.mark, "template-format", msg("read.template-folder", ref=ref))
            return None
        except OSError as exc:
            if path.is_dir():  # Windows says "permission denied" for a folder
                self.add(value.mark, "template-format", msg("read.template-folder", ref=ref))
            else:
                self.add(
                    value.mark,
                    "file-unreadable",
                    msg("read.template-unreadable", ref=ref, reason=exc.strerror or str(exc)),
                )
            return None
        if path.suffix.lower() != ".docx" or head != _ZIP_MAGIC:
            self.add(value.mark, "template-format", msg("read.template-not-docx", ref=ref))
            return None
        return path

    def clock(self, entry: YEntry | None) -> int | None:
        if entry is None:
            return None
        value = entry.value
        if isinstance(value, YScalar) and value.value is not None:
            parsed = parse_clock(value.raw)
            if parsed is not None:
                return parsed
        self.add(
            value.mark,
            "clock-format",
            msg("read.clock", key=entry.key, shown=_shown(value)),
        )
        return None

    def window_text(self, value: YValue, key: str) -> tuple[int, int] | None:
        if isinstance(value, YScalar) and isinstance(value.value, str):
            parsed = parse_window(value.value)
            if parsed is not None:
                return parsed
        self.add(
            value.mark,
            "clock-format",
            msg("read.window", key=key, shown=_shown(value)),
        )
        return None

    def date(self, entry: YEntry | None) -> dt.date | None:
        if entry is None:
            return None
        value = entry.value
        day = _as_date(value)
        if day is None:
            self.add(
                value.mark,
                "date-format",
                msg("read.date-format", key=entry.key, shown=_shown(value)),
            )
            return None
        out_of_range = date_range_problem(day, entry.key)
        if out_of_range is not None:
            self.add(value.mark, "date-range", out_of_range)
            return None
        return day


def _as_date(value: YValue) -> dt.date | None:
    if isinstance(value, YScalar):
        if isinstance(value.value, dt.datetime):
            return value.value.date()
        if isinstance(value.value, dt.date):
            return value.value
        if isinstance(value.value, str):
            try:
                return dt.date.fromisoformat(value.value.strip())
            except ValueError:
                pass
    return None


def _shown(value: YValue) -> str:
    return (
        repr(value.raw)
        if isinstance(value, YScalar) and value.value is not None
        else kind_name(value)
    )


def parse_clock(text: str) -> int | None:
    m = _CLOCK.match(unicodedata.normalize("NFKC", text).strip())
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def parse_window(text: str) -> tuple[int, int] | None:
    parts = re.split(r"\s*[-–—~～至到]\s*", unicodedata.normalize("NFKC", text).strip())
    if len(parts) != 2:
        return None
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    if start is None or end is None or end <= start:
        return None
    return start, end


def _unknown_key(key: str, what: str, fields: dict[str, Field]) -> Msg:
    """Unknown ``key``: with the known key it was meant to be, else the known keys."""
    lowered = {k.lower(): k for k in fields}
    if key.lower() in lowered:
        return msg("read.unknown-key-mean", key=key, what=Word(what), close=lowered[key.lower()])
    close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
    if close:
        return msg("read.unknown-key-mean", key=key, what=Word(what), close=close[0])
    return msg("read.unknown-key-known", key=key, what=Word(what), keys=", ".join(fields))
