"""When a build says it was made: now, or ``SOURCE_DATE_EPOCH`` (seconds since 1970,
UTC) for reproducible builds. The one reader of that variable: a value that is not a
whole number, or names a time past what a date can hold (``999999999999``), is ignored
as if unset, so no document ever fails on it.
"""

from __future__ import annotations

import datetime as dt
import os


def source_date() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time, or None when unset or unusable."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None  # past the year 9999, or past what the platform's clock holds


def build_time() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when usable, else now; whole seconds, UTC."""
    return (source_date() or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
