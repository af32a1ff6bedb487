"""The first hour of a Chinese trainer (issue 21): the language as a locale writes it,
messages that read as a Chinese tool's, every problem at once."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from syllabus_cli import i18n
from syllabus_cli.cli.app import app

runner = CliRunner()

ZH_FORMS = [
    "zh",
    "ZH",
    "zh_CN",
    "zh-CN",
    "zh_CN.UTF-8",
    "zh-Hans",
    "zh_Hans_CN",
    "zh_TW",
    "zh_HK.Big5",
    "zh_CN.GB18030@stroke",
]
EN_FORMS = ["en", "en_US", "en-GB", "en_US.UTF-8", "EN"]


@pytest.mark.parametrize("value", ZH_FORMS)
def test_syllabus_lang_and_the_locale_take_every_chinese_form(value: str) -> None:
    assert i18n.detect({"SYLLABUS_LANG": value, "LANG": "en_US.UTF-8"}) == "zh"
    assert i18n.detect({"LANG": value}) == "zh"


@pytest.mark.parametrize("value", EN_FORMS)
def test_syllabus_lang_and_the_locale_take_every_english_form(value: str) -> None:
    assert i18n.detect({"SYLLABUS_LANG": value, "LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.detect({"LANG": value}) == "en"


@pytest.mark.parametrize("value", ["fr", "C", "", "  ", "zhx", "english"])
def test_a_language_we_do_not_speak_falls_through_to_the_locale(value: str) -> None:
    assert i18n.detect({"SYLLABUS_LANG": value, "LANG": "zh_CN.UTF-8"}) == "zh"


def test_a_locale_form_in_syllabus_lang_reaches_the_messages() -> None:
    result = runner.invoke(app, ["explain", "syntax"], env={"SYLLABUS_LANG": "zh_CN.UTF-8"})
    i18n.set_language(None)
    assert result.exit_code == 0 and "文件不是合法的 YAML" in result.output
