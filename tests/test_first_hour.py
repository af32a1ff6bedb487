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


VARIANTS = """title: 客服技巧
variants: [一天, 半天]
duration: {一天: 2h, 半天: 1h}
colour: blue
modules:
  - title: 接待
    duration: {一天: 2h, 半天: 1h}
"""


def test_the_summary_reads_as_a_chinese_tools_and_counts_a_shared_error_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    spec = tmp_path / "c.yaml"
    spec.write_text(VARIANTS, encoding="utf-8")
    result = runner.invoke(app, ["--lang", "zh", "validate", str(spec)])
    i18n.set_language(None)
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert len([line for line in lines if "error[unknown-key]" in line]) == 1
    assert lines[-1] == "共检查 1 个文件：1 个有错误（错误 1 个，警告 0 个）"
    english = runner.invoke(app, ["--lang", "en", "validate", str(spec)])
    i18n.set_language(None)
    assert english.output.splitlines()[-1] == "1 checked · 1 errors · 0 warnings · 1 of 1 failed"


def test_a_bare_number_suggests_chinese_units_in_a_chinese_session(tmp_path) -> None:  # type: ignore[no-untyped-def]
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "title: 课\nduration: 3\nmodules:\n  - {title: a, duration: 3h}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["--lang", "zh", "validate", str(spec)])
    i18n.set_language(None)
    assert "请写成 3分钟、3小时 或 3天" in result.output and "3min" not in result.output
    english = runner.invoke(app, ["--lang", "en", "validate", str(spec)])
    i18n.set_language(None)
    assert "3min" in english.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_without_a_code_lists_every_code_with_its_meaning(lang: str) -> None:
    from syllabus_cli.i18n.codes import CODES

    result = runner.invoke(app, ["--lang", lang, "explain"])
    i18n.set_language(None)
    assert result.exit_code == 0
    listed = {line.split()[0]: line for line in result.output.splitlines()[2:] if line}
    assert set(listed) == set(CODES)
    row = CODES["sum-mismatch"]
    assert listed["sum-mismatch"].endswith(row.zh if lang == "zh" else row.en)


LAYOUT_WARNINGS = [
    "short-part",
    "short-part-kept",
    "short-last-part",
    "split-anyway",
    "idle-gap",
    "day-overflow",
    "start-after-lunch",
]


@pytest.mark.parametrize("code", LAYOUT_WARNINGS)
@pytest.mark.parametrize(("lang", "heading"), [("zh", "怎么改："), ("en", "How to fix:")])
def test_every_layout_warning_says_how_to_fix_it(code: str, lang: str, heading: str) -> None:
    result = runner.invoke(app, ["--lang", lang, "explain", code])
    i18n.set_language(None)
    assert result.exit_code == 0
    advice = result.output.split(heading + "\n", 1)[1].strip()
    assert len(advice) > 20 and ("schedule" in advice or "split" in advice)


def test_explain_examples_carry_chinese_comments_in_a_chinese_session() -> None:
    import re

    from syllabus_cli.i18n.codes import CODES, explain

    for row in CODES.values():
        for comment in re.findall(r"#\s*(.*)", explain(row, "zh")):
            if comment.startswith(("syllabus ", "$ syllabus ", "yaml-language-server")):
                comment = re.sub(r"syllabus [^（]*", "", comment)  # a command stays a command
            prose = re.sub(
                r"[\w./-]+\.\w+|MiB|KiB|JSON|Word|Excel|Windows|LibreOffice|GBK|UTF-8|(?i:utf-8|gbk)|\w+:|\[.*?\]|\{.*|→|…|\w+(?= →)",
                "",
                comment,
            )
            assert not re.search(r"[A-Za-z]{2,}", prose), (row.code, comment)


@pytest.mark.parametrize(
    "head",
    ["", "variants: [一天, 半天]\n"],
    ids=["plain", "variants"],
)
def test_a_missing_instructor_or_template_does_not_hide_the_timing(tmp_path, head: str) -> None:  # type: ignore[no-untyped-def]
    from syllabus_cli.validate import validate_paths

    spec = tmp_path / "c.yaml"
    spec.write_text(
        f"title: 课\n{head}duration: 3h\ninstructor: ../nobody.yaml\ntemplate: brand.docx\n"
        "modules:\n  - {title: a, duration: 1h}\n",
        encoding="utf-8",
    )
    line = 2 + bool(head)
    for result in validate_paths([spec]):
        got = [(p.line, p.column, p.code) for p in result.problems]
        assert got == [
            (line, 11, "sum-mismatch"),
            (line + 1, 13, "file-missing"),
            (line + 2, 11, "file-missing"),
        ]


def _english_prose(text: str) -> list[str]:
    """Comments of ``text`` that read as English sentences (three English words in a
    row), leaving out commented-out YAML and commands."""
    import re

    found = []
    for line in text.splitlines():
        for comment in re.split(r"(?:(?<=\s)|^)# ?", line)[1:]:
            if re.match(r"\s*[\w-]+:\s|\s*yaml-language-server|\s*[-\[{]", comment):
                continue  # commented-out YAML
            if re.search(
                r"[A-Za-z]+[ ,]+[A-Za-z]+[ ,]+[A-Za-z]{2,}",
                re.sub(r"syllabus [^（]*|\{[^}]*\}", "", comment),
            ):
                found.append(comment)
    return found


@pytest.mark.parametrize(
    "args",
    [["new", "c.yaml"], ["new", "c.yaml", "--variants", "一天,半天"], ["new", "p.yaml", "--pack"]],
    ids=["course", "variants", "pack"],
)
def test_new_writes_its_comments_in_the_sessions_language(
    args: list[str], tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "a.yaml").write_text(
        "title: 甲\nduration: 1h\nmodules: [{title: x, duration: 1h}]\n", encoding="utf-8"
    )
    english = runner.invoke(app, ["--lang", "en", *args])
    assert english.exit_code == 0, english.output
    written = (tmp_path / args[1]).read_text(encoding="utf-8")
    assert _english_prose(written)  # the test sees English prose when there is some
    (tmp_path / args[1]).unlink()
    chinese = runner.invoke(app, ["--lang", "zh", *args])
    i18n.set_language(None)
    assert chinese.exit_code == 0, chinese.output
    text = (tmp_path / args[1]).read_text(encoding="utf-8")
    assert _english_prose(text) == []
    assert "syllabus validate 本文件" in text
    check = runner.invoke(app, ["--lang", "zh", "validate", args[1]])
    i18n.set_language(None)
    assert check.exit_code == 0, check.output


def test_import_writes_its_header_in_the_sessions_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "catalog.txt"
    source.write_text(
        "电商客服技巧\n课程时长：1天\n课程大纲\n一、接待礼仪\n二、售后处理\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["--lang", "zh", "import", str(source), "--out", str(tmp_path / "out")]
    )
    i18n.set_language(None)
    assert result.exit_code in (0, 1), result.output
    spec = next((tmp_path / "out").rglob("*.yaml"))
    text = spec.read_text(encoding="utf-8")
    assert "由 syllabus import 从 catalog.txt 导入（第 1 门课程）。" in text
    assert _english_prose(text) == []


def test_explain_yaml_syntax_names_the_ime_characters_and_fix() -> None:
    result = runner.invoke(app, ["--lang", "zh", "explain", "yaml-syntax"])
    i18n.set_language(None)
    assert result.exit_code == 0 and result.output.startswith("syntax（错误）")
    assert "全角空格" in result.output and "syllabus fix" in result.output
    ime = runner.invoke(app, ["--lang", "en", "explain", "yaml-char"])
    i18n.set_language(None)
    assert "title：客服技巧" in ime.output and "syllabus fix FILE" in ime.output


@pytest.mark.parametrize(
    ("text", "where", "zh"),
    [
        (
            "title: x\nduration 2h\nmodules: []\n",
            (2, 1),
            "这一行的键和值之间缺少半角冒号“:”和一个空格",
        ),
        ("title: 课程: 入门\n", (1, 10), "值里本来就有冒号时，请给整个值加上引号"),
        ("title: x\nmodules:\n  - title: a\n   duration: 2h\n", (4, 4), "缩进没有对齐"),
        ("title: x\nmodules:\n  - title: a\n      duration: 2h\n", (4, 7), "缩进没有对齐"),
        ('title: "x\nduration: 2h\n', (1, 8), "从这里开始的引号一直没有结束"),
        ("audience: [a, b\nduration: 2h\n", (1, 11), "从这里开始的方括号 [ 没有用 ] 结束"),
        ("schedule: {start: 09:00\ntitle: x\n", (1, 11), "从这里开始的花括号 { 没有用 } 结束"),
    ],
    ids=["no-colon", "colon-in-value", "indent", "indent-deeper", "quote", "list", "mapping"],
)
def test_pyyamls_commonest_errors_are_told_in_the_users_words_where_to_look(
    text: str, where: tuple[int, int], zh: str
) -> None:
    from syllabus_cli.load import parse_text

    (problem,) = parse_text(text).problems
    assert (problem.line, problem.column, problem.code) == (*where, "syntax")
    assert problem.words is not None and zh in i18n.render(problem.words, "zh")


def test_a_gbk_instructor_profile_or_library_file_is_read_with_a_warning(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from syllabus_cli.validate import validate_paths

    monkeypatch.chdir(tmp_path)
    (tmp_path / "instructors").mkdir()
    (tmp_path / "library").mkdir()
    (tmp_path / "instructors" / "w.yaml").write_bytes("name: 王老师\ntitle: 讲师\n".encode("gbk"))
    (tmp_path / "library" / "l.yaml").write_bytes(
        "modules:\n  - title: 私域\n    duration: 1h\n".encode("gbk")
    )
    Path("c.yaml").write_text(
        "title: 课\nduration: 2h\ninstructor: instructors/w.yaml\nmodules:\n"
        "  - include: library/l.yaml#私域\n  - {title: b, duration: 1h}\n",
        encoding="utf-8",
    )
    (result,) = validate_paths([Path("c.yaml")])
    got = [(p.line, p.column, p.code, p.level.value) for p in result.problems]
    assert got == [(3, 13, "encoding", "warning"), (5, 5, "encoding", "warning")]
    assert "syllabus fix instructors/w.yaml" in result.problems[0].message
    assert "syllabus fix library/l.yaml" in result.problems[1].message
    assert result.course is not None and result.course.instructor is not None
    assert result.course.instructor.name == "王老师"
