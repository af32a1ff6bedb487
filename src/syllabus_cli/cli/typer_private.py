"""Every use of Typer's internals, in one place: the click it vendors (``typer._click``),
its rich help's module-level words (``typer.rich_utils``), click's help formatter, and
the group class commands are registered on.

Tested with typer 0.28 (vendoring click 8) — the pin in pyproject.toml. Upgrading Typer
means: read its changelog for these names, run tests/test_i18n.py and tests/test_cli.py
(help and usage errors in Chinese, the lazy command group), and move the pin.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typer import _click as click  # the click Typer vendors (its types, for hints)
from typer.core import TyperGroup, TyperOption

__all__ = [
    "TyperGroup",
    "TyperOption",
    "click",
    "click_exception",
    "help_formatter",
    "registered_commands",
    "set_rich_words",
]


def click_exception() -> type[Exception]:
    """click's base of usage errors, as Typer raises them."""
    return click.ClickException


def help_formatter() -> type[click.HelpFormatter]:
    return click.formatting.HelpFormatter


def set_rich_words(words: Mapping[str, str]) -> None:
    """The headings and hints of Typer's rich help and error panels (``words`` maps the
    English text to the one to show)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = words["Arguments"]
    rich_utils.OPTIONS_PANEL_TITLE = words["Options"]
    rich_utils.COMMANDS_PANEL_TITLE = words["Commands"]
    rich_utils.ERRORS_PANEL_TITLE = words["Error"]
    rich_utils.ABORTED_TEXT = words["Aborted."]
    rich_utils.RICH_HELP = words["Try [blue]'{command_path} {help_option}'[/] for help."]
    rich_utils.REQUIRED_LONG_STRING = words["[required]"]
    rich_utils.DEFAULT_STRING = words["[default: {}]"]
    rich_utils.ENVVAR_STRING = words["[env var: {}]"]


def registered_commands(app: Any) -> dict[str, Any]:
    """The click commands a Typer app has registered so far (sub-apps refilled)."""
    import typer

    return dict(typer.main.get_group(app).commands)
