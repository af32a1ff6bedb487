"""What a YAML file under ``courses/`` or ``packs/`` is: a course, a pack or an
instructor profile, told by its top-level keys."""

from __future__ import annotations

from ..load import YMap


def kind_of(root: object) -> str:
    """course, pack or instructor. Anything unclear is checked as a course, so a broken
    course is never skipped."""
    if not isinstance(root, YMap):
        return "course"
    keys = {e.key for e in root.entries}
    if "modules" in keys:
        return "course"
    if {"courses", "client"} & keys:
        return "pack"
    return "instructor" if "name" in keys else "course"
