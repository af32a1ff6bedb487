"""The command line in the chosen language: --help texts, click's own words, usage errors.

Typer builds help from the English strings written in the commands; in Chinese, each
command and its parameters get their help from ``zh.HELP`` (keyed by that English text)
when the group hands the command out, and click's words (Usage, Options, "Show this
message and exit", the common usage errors) come from ``zh.CLICK`` / ``zh.CLICK_ERRORS``.
Nothing here runs in English, and Typer's rich help module is patched only when help or
an error is about to be shown (it is imported then anyway), so start-up stays light.

What stays English: click messages not in ``CLICK_ERRORS`` (rare ones: bad counts,
choices), and Typer's shell-completion output.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..i18n import language
from .typer_private import help_formatter, set_rich_words

if TYPE_CHECKING:
    from .typer_private import click

_DONE = "_syllabus_lang"


def _zh() -> Any:
    from ..i18n import zh

    return zh


def localize(cmd: click.Command, ctx: click.Context | None = None) -> None:
    """Give ``cmd`` (and its sub-commands) their Chinese help, once."""
    if language() != "zh" or getattr(cmd, _DONE, False):
        return
    zh = _zh()
    setattr(cmd, _DONE, True)
    if cmd.help:
        cmd.help = zh.HELP.get(cmd.help.strip(), cmd.help)
    for param in cmd.params:
        text = getattr(param, "help", None)
        if text:
            param.help = zh.HELP.get(text, text)  # type: ignore[attr-defined]
    if ctx is not None:
        option = cmd.get_help_option(ctx)
        if option is not None:
            option.help = zh.CLICK["Show this message and exit."]
    original = cmd.format_help

    def format_help(ctx: click.Context, formatter: click.HelpFormatter) -> None:
        patch_words()
        original(ctx, formatter)

    cmd.format_help = format_help  # type: ignore[method-assign]
    for sub in getattr(cmd, "commands", {}).values():
        localize(sub, ctx)


def patch_words() -> None:
    """click's and Typer's headings and hints in Chinese (only when zh)."""
    if language() != "zh":
        return
    words = _zh().CLICK
    set_rich_words(words)
    formatter = help_formatter()
    if not getattr(formatter, _DONE, False):
        write_usage = formatter.write_usage

        def zh_usage(
            self: click.HelpFormatter, prog: str, args: str = "", prefix: str | None = None
        ) -> None:
            write_usage(self, prog, args, words["Usage: "] if prefix is None else prefix)

        formatter.write_usage = zh_usage  # type: ignore[method-assign]
        setattr(formatter, _DONE, True)


def error_text(message: str) -> str:
    """A click usage error's message in the chosen language (English when not known)."""
    if language() != "zh":
        return message
    for pattern, template in _zh().CLICK_ERRORS:
        found = re.match(pattern, message, re.S)
        if found:
            return str(template.format(*found.groups()))
    return message


def localize_error(exc: click.ClickException) -> None:
    """Translate a usage error about to be shown (its message, and the error panel)."""
    if language() != "zh" or getattr(exc, _DONE, False):
        return
    setattr(exc, _DONE, True)
    patch_words()
    original = exc.format_message

    def format_message() -> str:
        return error_text(original())

    exc.format_message = format_message  # type: ignore[method-assign]
