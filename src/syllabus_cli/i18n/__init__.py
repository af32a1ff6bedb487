"""The language the tool speaks (en or zh), and its messages.

Mechanism: a typed message table, not gettext catalogs. Each language is one Python
module (``i18n/en.py``, ``i18n/zh.py``) holding ``MESSAGES``: message key → a
``str.format`` template; a message is made as ``msg("key", name=value)`` (a ``Msg``: the
key and its values, no wording) and rendered only when printed (``render``), in the
language chosen then. Why not gettext:

- no build step and no package data: .po files need compiling to .mo, and a pip/zipapp
  install must carry them; the tables are plain modules, imported only for the chosen
  language (start-up stays light: ``syllabus validate`` is benchmarked);
- keys, not English sentences, are the identity: fixing an English typo does not orphan
  its Chinese; a test enumerates the keys of both tables, checks the placeholders match
  and renders every message with sample values;
- Chinese has no plural forms and English here writes "(s)", so gettext's plural
  machinery buys nothing; values that need language-aware wording (durations) are typed
  (``Minutes``) and formatted at render time with duration.format_minutes.

Problems carry their code and a ``Msg`` (problems.py); their ``message`` stays the English
rendering, so callers not yet converted keep working.

Converting a module (pass 2 converted agenda/, pack/, render/pdf/, cli/batch.py and
batch_report.py; a module still giving plain English text prints it as given):

1. each English message becomes ``msg("area.key", name=value)`` — durations as
   ``Minutes(n)``, lists of names as ``Listing(...)``, English phrases from the code as
   ``Word(...)``; ``error()``, ``warning()``, ``reader.add()`` and ``fail()`` take it as is;
   text printed at once (progress, headers, exception text) is ``t("area.key", …)``;
2. add the key to en.py (the English as it was) and zh.py (same placeholders);
3. a new problem code goes into codes.py, then regenerate the README table with
   ``python -m syllabus_cli.i18n.codes --markdown``;
4. run tests/test_i18n.py: keys, placeholders, no English left in Chinese, registry.

The language: ``syllabus --lang zh|en``, else ``SYLLABUS_LANG``, else the system locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG`` = zh_* → zh; on Windows the user's UI language),
else English.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..minutes import message_minutes

LANGUAGES = ("en", "zh")
ENV = "SYLLABUS_LANG"

_chosen: str | None = None


class Minutes(int):
    """A length in minutes inside a message: written ``1h50 (110 min)`` in English and
    ``1小时50分钟`` in Chinese."""


class Word(str):
    """An English phrase written in the code (``"a list"``, ``"the course"``) used as a
    value of a message: translated through the language's ``WORDS`` when it has it."""


class Listing(tuple[str, ...]):
    """Names shown as a list: ``a, b`` in English, ``a、b`` in Chinese."""


class Said(NamedTuple):
    """A message already in words, in each language (a warning the last build kept)."""

    en: str
    zh: str


class Msg(NamedTuple):
    """A message before it has words: its key in the tables and its values."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return render(self)


def msg(key: str, /, **values: object) -> Msg:
    return Msg(key, tuple(values.items()))


def _windows_ui_language() -> str | None:
    """zh when the Windows display language is Chinese (primary language id 0x04)."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        lang_id = int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError, ValueError):
        return None
    return "zh" if lang_id & 0x3FF == 0x04 else "en"


def _from_locale(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    return "zh" if value.lower().startswith("zh") else "en"


def normalize(value: str) -> str | None:
    """``zh``, ``zh_CN``, ``zh-CN``, ``zh_CN.UTF-8``, ``zh-Hans``, ``zh_TW`` → zh; ``en``,
    ``en_US``, ``en-GB.UTF-8`` → en; anything else (``fr``, ``C``, empty) → None."""
    base = value.strip().lower().replace("-", "_").split(".", 1)[0].split("@", 1)[0]
    first = base.split("_", 1)[0]
    return first if first in LANGUAGES else None


def detect(environ: Mapping[str, str] | None = None) -> str:
    """The language when no ``--lang`` was given."""
    env = os.environ if environ is None else environ
    wanted = normalize(env.get(ENV, ""))
    if wanted is not None:
        return wanted
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = _from_locale(env.get(name, ""))
        if found is not None:  # the first one set decides, as in POSIX (LC_ALL=C: English)
            return found
    return _windows_ui_language() or "en"


def from_argv(argv: Sequence[str]) -> str | None:
    """The value of a global ``--lang`` (before the command name), if any, lower-cased."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1].strip().lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1].strip().lower()
        if not arg.startswith("-"):
            break  # the command: its own options are not ours
    return None


def language() -> str:
    global _chosen
    if _chosen is None:
        _chosen = detect()
    return _chosen


def set_language(lang: str | None) -> None:
    """Choose the language (None: detect it again on next use)."""
    global _chosen
    _chosen = lang if lang in LANGUAGES else None if lang is None else _chosen


def choose(lang: str) -> None:
    """The user's choice (``--lang``): for this process and the workers it starts."""
    set_language(lang)
    if lang in LANGUAGES:
        os.environ[ENV] = lang


_TABLES: dict[str, dict[str, str]] = {}


def table(lang: str) -> dict[str, str]:
    found = _TABLES.get(lang)
    if found is None:
        found = importlib.import_module(f"{__name__}.{lang}").MESSAGES
        _TABLES[lang] = found
    return found


@functools.cache
def labels(prefix: str, lang: str) -> dict[str, str]:
    """A document's labels in ``lang`` (the document's language): the templates under
    ``prefix.`` keyed by the rest (``labels("ics", "zh")["client"]`` is 客户,
    ``labels("plan", "zh")["tax"]`` is 增值税). Templates as written: a ``{n}`` is the
    caller's to fill. From each language's ``MESSAGES`` and ``LABELS`` (the document
    labels of the training plan, the proposal, the pack); English where a language
    lacks one."""
    start = prefix + "."

    def found(language: str) -> dict[str, str]:
        module = importlib.import_module(f"{__name__}.{language}")
        merged = {**table(language), **getattr(module, "LABELS", {})}
        return {k[len(start) :]: v for k, v in merged.items() if k.startswith(start)}

    return found("en") | (found(lang) if lang in LANGUAGES else {})


_WORDS: dict[str, dict[str, str]] = {}


def words(lang: str) -> dict[str, str]:
    found = _WORDS.get(lang)
    if found is None:
        found = getattr(importlib.import_module(f"{__name__}.{lang}"), "WORDS", {})
        _WORDS[lang] = found
    return found


def _value(value: object, lang: str) -> object:
    if isinstance(value, Listing):
        return ("、" if lang == "zh" else ", ").join(value)
    if isinstance(value, Word):
        return words(lang).get(value, str(value))
    if isinstance(value, Msg):
        return render(value, lang)
    if isinstance(value, Minutes):
        return message_minutes(int(value), lang)
    if isinstance(value, Said):
        return value.zh if lang == "zh" else value.en
    return value


def render(message: Msg, lang: str | None = None) -> str:
    """The message's words in ``lang`` (default: the chosen language); a key the
    language lacks falls back to English."""
    lang = lang or language()
    template = table(lang).get(message.key)
    if template is None:
        lang, template = "en", table("en")[message.key]
    return template.format(**{k: _value(v, lang) for k, v in message.values})


def t(key: str, /, **values: object) -> str:
    """One message, rendered now in the chosen language."""
    return render(msg(key, **values))


__all__ = [
    "ENV",
    "LANGUAGES",
    "Listing",
    "Minutes",
    "Msg",
    "Said",
    "Word",
    "choose",
    "detect",
    "from_argv",
    "labels",
    "language",
    "msg",
    "render",
    "set_language",
    "t",
    "table",
]
