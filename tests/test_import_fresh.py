"""Fresh fixtures (issue 22): outlines in shapes the importer's rules were not tuned on,
written for this test with their expected reading (NAME.expect.yaml) before the importer
ran on them. Each must import with the title, language, length (none invented), module
list and module minutes a person reads, and its spec must pass `validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from syllabus_cli.importer.length import english_length, read_length
from syllabus_cli.importer.run import import_catalog
from syllabus_cli.problems import Level
from syllabus_cli.validate import validate_paths

from .import_scoring import effective_minutes, is_todo, minutes_of, norm, top_modules

FRESH = Path(__file__).parent / "data" / "import" / "fresh"
SOURCES = sorted(p for p in FRESH.iterdir() if not p.name.endswith(".expect.yaml"))


def misreadings(source: Path, out: Path) -> list[str]:
    """What the import got wrong against the fixture's expected reading (empty: right)."""
    want: dict[str, Any] = yaml.safe_load(
        source.with_name(source.stem + ".expect.yaml").read_text(encoding="utf-8")
    )
    import_catalog(source, out)
    files = sorted(out.glob("*.yaml"))
    if len(files) != 1:
        return [f"{len(files)} specs written, want 1"]
    spec: dict[str, Any] = yaml.safe_load(files[0].read_text(encoding="utf-8"))
    wrong: list[str] = []
    title = spec.get("title")
    if is_todo(title) or norm(str(title)) not in {norm(t) for t in want["title"]}:
        wrong.append(f"title {title!r}, want {want['title'][0]!r}")
    if spec.get("language", "zh") != want["language"]:
        wrong.append(f"language {spec.get('language')}, want {want['language']}")
    got = minutes_of(spec.get("duration"))
    if want["length_minutes"] is not None:
        if got not in {want["length_minutes"], *want.get("length_also", [])}:
            wrong.append(f"length {spec.get('duration')!r}, want {want['length_minutes']} min")
    elif got is not None and got != want.get("derived_length_minutes"):
        wrong.append(f"invented length {spec.get('duration')!r}")
    modules = top_modules(spec)
    titles = [m.get("title") for m in modules]
    if len(modules) != len(want["modules"]):
        wrong.append(f"{len(modules)} modules {titles}, want {len(want['modules'])}")
    else:
        for have, need in zip(modules, want["modules"], strict=True):
            if norm(str(have.get("title"))) not in {norm(t) for t in need["title"]}:
                wrong.append(f"module {have.get('title')!r}, want {need['title'][0]!r}")
            if need["minutes"] is not None and effective_minutes(have) != need["minutes"]:
                wrong.append(
                    f"module {need['title'][0]!r}: {effective_minutes(have)} min, "
                    f"want {need['minutes']}"
                )
    errors = [p for r in validate_paths(files) for p in r.problems if p.level == Level.ERROR]
    wrong += [f"validate: {p.code} {p.message}" for p in errors]
    return wrong


# Still misread, and why (strict: the day one reads right, the mark must go)
GAPS = {
    "zh-am-pm-modules": "a length said only in the title's words (一日训练营) is not read",
}


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=GAPS[p.stem], strict=True))
        if p.stem in GAPS
        else p
        for p in SOURCES
    ],
    ids=[p.stem for p in SOURCES],
)
def test_fresh_outline_reads_as_a_person_reads_it(source: Path, tmp_path: Path) -> None:
    assert misreadings(source, tmp_path) == []


@pytest.mark.parametrize(
    ("said", "minutes"),
    [
        ("3小时/天，共2天", 360),
        ("每天6小时，共2天", 720),
        ("4次，每次3小时", 720),
        ("3 × 2小时", 360),
        ("2天，每天6小时", 720),
    ],
)
def test_a_length_written_as_a_product_is_read_whole(said: str, minutes: int) -> None:
    assert read_length(said).minutes == minutes


@pytest.mark.parametrize(
    ("prose", "minutes"),
    [
        ("Three 2-hour sessions, or 3 x 2-hour sessions in all.", 360),
        ("Join us for a 90-minute webinar.", 90),
        ("Delivered as 2 half-days online.", 360),
        ("Lunch, then a 15-minute break.", None),  # a break is no course length
    ],
)
def test_english_prose_lengths(prose: str, minutes: int | None) -> None:
    assert english_length(prose).minutes == minutes
