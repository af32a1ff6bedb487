"""check-jsonschema-style acceptance: every spec in data/positive/ validates clean;
every spec in data/negative/ gives exactly the problems in its .expected file
(one ``line:column code`` per line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from syllabus_cli.validate import validate_paths

DATA = Path(__file__).parent / "data"
POSITIVE = sorted((DATA / "positive").glob("*.yaml"))
NEGATIVE = sorted((DATA / "negative").glob("*.yaml"))


@pytest.mark.parametrize("path", POSITIVE, ids=[p.stem for p in POSITIVE])
def test_positive(path: Path) -> None:
    (result,) = validate_paths([path])
    assert [p.format(path.name) for p in result.problems] == []


@pytest.mark.parametrize("path", NEGATIVE, ids=[p.stem for p in NEGATIVE])
def test_negative(path: Path) -> None:
    (result,) = validate_paths([path])
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").split()
    got = [f"{p.line}:{p.column}" for p in result.problems], [p.code for p in result.problems]
    pairs = list(zip(expected[0::2], expected[1::2], strict=True))
    assert list(zip(*got, strict=True)) == pairs, "\n".join(
        p.format(path.name) for p in result.problems
    )


def test_folders_have_cases() -> None:
    assert len(POSITIVE) >= 4 and len(NEGATIVE) >= 6
