from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from syllabus_cli.check import check_course
from syllabus_cli.load import parse_text
from syllabus_cli.spec.build import build_course

REPO = Path(__file__).resolve().parent.parent


def check_yaml(text: str, path: Path = Path("course.yaml")):  # type: ignore[no-untyped-def]
    """Validate YAML text as ``syllabus validate`` would; returns the CourseResult."""
    loaded = parse_text(textwrap.dedent(text), path)
    return check_course(build_course(loaded), path)


def found(text: str) -> list[tuple[int, int, str]]:
    """(line, column, code) of every problem, as a user reads them."""
    return [(p.line, p.column, p.code) for p in check_yaml(text).problems]


@pytest.fixture(autouse=True)
def _pin_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich output is pinned: no colour, fixed width."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture(autouse=True)
def _pin_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English unless a test asks for Chinese (the machine's locale may be zh)."""
    from syllabus_cli import i18n

    monkeypatch.setenv("SYLLABUS_LANG", "en")
    i18n.set_language(None)
    yield
    i18n.set_language(None)
