"""Several courses in one file (issue 22), and single courses that look like several.

A programme page, a 教学大纲 for several grades and subjects or a catalog written as text
holds its courses one after another, and only their shape says where one ends: each
block numbers its own lessons from the first again, as many as every other block
(第1课时 … 第4课时 under 语文, then again under 数学; Week 1 … Week 4 under each age
tier), under a name of its own (a heading at the level the blocks share, or the lines
right above the first lesson: ``语文 授课教师：周明``, a grade line ``七年级：`` above
the subjects it groups). Real pages write it, for example:

- a school's plan, a two-column table copied as text: ``数学 授课教师：邵俊喆`` then
  ``因式分解习题课 第2课时`` lines, grades as ``初中三年级：`` lines;
- a children's programme in Markdown: ``### 🍭 启蒙期（3–6岁）`` with ``**课时安排**：…``
  and a twelve-month table under each tier, ``---`` rules between them;
- a club's year plan: ``## Juniors`` / ``## Seniors``, each with ``Week 1`` … bullets.

Precision first: a course's parts, days or weeks that count their sessions from 1 again
stay one course (parts of different sizes; a part named as one: 基础篇, Part A; a day:
Monday, 第一天). Each fixture is our own words; NAME.expect.yaml lists the courses a
person reads (their titles, modules and instructor) in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from syllabus_cli.importer.run import import_catalog
from syllabus_cli.problems import Level
from syllabus_cli.validate import validate_paths

from .import_scoring import norm, top_modules

SEVERAL = Path(__file__).parent / "data" / "import" / "several"
SOURCES = sorted(p for p in SEVERAL.iterdir() if not p.name.endswith(".expect.yaml"))


def misreadings(source: Path, out: Path) -> list[str]:
    want: list[dict[str, Any]] = yaml.safe_load(
        source.with_name(source.stem + ".expect.yaml").read_text(encoding="utf-8")
    )["courses"]
    import_catalog(source, out)
    files = sorted(out.glob("*.yaml"))
    specs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
    if len(specs) != len(want):
        return [f"{len(specs)} specs {[s.get('title') for s in specs]}, want {len(want)}"]
    wrong: list[str] = []
    for spec, need in zip(specs, want, strict=True):
        title = str(spec.get("title"))
        if norm(title) not in {norm(t) for t in need["title"]}:
            wrong.append(f"title {title!r}, want {need['title'][0]!r}")
        got = [str(m.get("title")) for m in top_modules(spec)]
        if len(got) != len(need["modules"]) or any(
            norm(w) not in norm(g) for g, w in zip(got, need["modules"], strict=False)
        ):
            wrong.append(f"{title}: modules {got}, want {need['modules']}")
        if "instructor" in need:
            said = spec.get("instructor")  # its name, or a profile file shared by courses
            if isinstance(said, str) and (out / said).is_file():
                said = yaml.safe_load((out / said).read_text(encoding="utf-8"))
            named = said.get("name") if isinstance(said, dict) else said
            if named != need["instructor"]:
                wrong.append(f"{title}: instructor {named!r}, want {need['instructor']!r}")
    errors = [p for r in validate_paths(files) for p in r.problems if p.level == Level.ERROR]
    return wrong + [f"validate: {p.code} {p.message}" for p in errors]


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_courses_in_one_file(source: Path, tmp_path: Path) -> None:
    assert misreadings(source, tmp_path / "out") == []
