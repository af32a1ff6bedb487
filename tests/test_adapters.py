"""python-docx's private API and Typer's internals are reached through one adapter
module each (render/docx_private.py, cli/typer_private.py), so an upgrade has one file
to read."""

from __future__ import annotations

import re

from .conftest import REPO

SRC = REPO / "src" / "syllabus_cli"
DOCX_PRIVATE = re.compile(
    r"_ContentTypesItem|_unmarshal_relationships|_baseURI|_core_properties_part|\._blob\b|\._element\b"
)
TYPER_PRIVATE = re.compile(r"typer\._click|typer import _click|rich_utils|typer\.core|typer\.main")


def _users(pattern: re.Pattern[str]) -> set[str]:
    return {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }


def test_python_docx_private_names_only_in_the_adapter() -> None:
    assert _users(DOCX_PRIVATE) == {"render/docx_private.py"}


def test_typer_internals_only_in_the_adapter() -> None:
    assert _users(TYPER_PRIVATE) == {"cli/typer_private.py"}
