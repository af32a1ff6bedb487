"""``syllabus new --pack``: a starter pack over the course specs already in the project,
first delivery day two weeks ahead on a working day, with a commented training plan."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..dates import Calendar
from ..i18n import t
from ..problems import UserError
from ..spec.schema import schema_ref
from ..spec.starter import starter_pack


class NoCourses(UserError):
    """``new --pack`` found no course to list."""

    code = "no-specs"

    def __init__(self, message: str, folder: Path) -> None:
        super().__init__(folder, None, message)


def pack_starter(target: Path, courses_dir: Path, today: dt.date | None = None) -> str:
    """The pack's text; the courses are the first two specs under ``courses_dir``."""
    found = sorted(p for p in courses_dir.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
    if not found:
        raise NoCourses(t("pack.no-courses", folder=courses_dir.as_posix()), courses_dir)
    base = target.resolve().parent
    paths = [_relative(p.resolve(), base) for p in found[:2]]
    first = (today or dt.date.today()) + dt.timedelta(days=14)
    first = next(Calendar().working_days(first))
    ref = schema_ref(target, "pack") or "pack.schema.json  # write it with: syllabus schema pack"
    return starter_pack(paths, first.isoformat(), ref)


def _relative(path: Path, base: Path) -> str:
    """``../courses/x.yaml`` as a pack writes it; absolute across Windows drives."""
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # another drive: no relative path exists
        return path.as_posix()
