"""What a Chinese input method does to YAML: one located error at the character, in the
user's language, and ``syllabus fix`` repairing exactly that.

Golden files in data/ime/: ``NAME.yaml`` (what the user typed), ``NAME.expected`` (each
problem's ``line:column code`` then its zh and en message) and ``NAME.fixed`` (the file
``syllabus fix`` writes, which validates clean).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from syllabus_cli.cli.app import app
from syllabus_cli.i18n import render
from syllabus_cli.load import parse_text
from syllabus_cli.load_fix import repair, repair_text
from syllabus_cli.validate import validate_paths

DATA = Path(__file__).parent / "data" / "ime"
CASES = sorted(DATA.glob("*.yaml"))
runner = CliRunner()


def said(path: Path) -> str:
    """The problems of a file as the golden .expected file writes them."""
    loaded = parse_text(path.read_text(encoding="utf-8"), path)
    lines = []
    for p in loaded.problems:
        assert p.words is not None
        lines.append(
            f"{p.line}:{p.column} {p.code}\nzh: {render(p.words, 'zh')}\nen: {render(p.words, 'en')}\n"
        )
    return "".join(lines)


def test_every_ime_mistake_has_a_case() -> None:
    names = {p.stem for p in CASES}
    wanted = {"colon", "tab", "full-width-space", "comma", "quotes", "brackets", "dash"}
    assert wanted <= names and "square-brackets" in names


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_ime_mistake_is_one_located_error_in_both_languages(path: Path) -> None:
    assert said(path) == path.with_suffix(".expected").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fix_gives_the_golden_file_which_validates(path: Path, tmp_path: Path) -> None:
    mine = tmp_path / path.name
    shutil.copy(path, mine)
    result = runner.invoke(app, ["fix", str(mine)])
    assert result.exit_code == 0, result.output
    fixed = path.with_suffix(".fixed").read_text(encoding="utf-8")
    assert mine.read_text(encoding="utf-8") == fixed
    if path.with_suffix(".expected").read_text(encoding="utf-8"):
        assert (tmp_path / f"{path.name}.bak").read_bytes() == path.read_bytes()
    else:  # text that only looks like a slip (【】 in a title, ２h): nothing to fix, no backup
        assert fixed == path.read_text(encoding="utf-8") and "nothing to fix" in result.output
        assert not (tmp_path / f"{path.name}.bak").exists()
    (checked,) = validate_paths([mine])
    assert [p.format(mine.name) for p in checked.problems] == []


def test_the_colon_case_reads_as_the_issue_asks() -> None:
    problem = parse_text((DATA / "colon.yaml").read_text(encoding="utf-8")).problems[0]
    assert (problem.line, problem.column, problem.code) == (3, 6, "yaml-char")
    assert problem.words is not None
    assert render(problem.words, "zh").startswith(
        "这里用了全角冒号“：”，YAML 需要半角冒号“:”（后面跟一个空格）"
    )
    line = problem.format("course.yaml")
    assert line.startswith("course.yaml:3:6: error[yaml-char]: a full-width colon")


def test_text_inside_quoted_and_block_values_is_never_touched() -> None:
    text = (DATA / "colon-in-title-stays.yaml").read_text(encoding="utf-8")
    fixed, slips = repair_text(text)
    assert len(slips) == 1  # only the `duration：1h` key
    data = yaml.safe_load(fixed)
    assert data["title"] == "电商客服：从入门到精通"
    assert data["background"] == "注意：本课程\n\t含 Tab 的正文\n"
    assert data["modules"][0]["title"] == "售前：接待"


def test_a_mistake_of_the_users_own_is_still_told_after_the_slips() -> None:
    text = "title: 客服\naudience: [主管，店长]\nduration 2h\n"
    got = [(p.line, p.column, p.code) for p in parse_text(text).problems]
    assert got[0] == (2, 14, "yaml-char") and [c for *_, c in got] == ["yaml-char", "syntax"]


def test_quotes_that_are_part_of_a_title_stay_text() -> None:
    text = "title: “新零售”时代的门店\nduration: 2h\naudience: “店长”\n"
    assert parse_text(text).problems == ()
    assert repair_text(text) == (text, ())


def test_fix_never_overwrites_a_backup_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    mine = tmp_path / "c.yaml"
    shutil.copy(DATA / "colon.yaml", mine)
    (tmp_path / "c.yaml.bak").write_text("an older backup", encoding="utf-8")
    before = mine.read_bytes()
    dry = runner.invoke(app, ["fix", "--dry-run", str(mine)])
    assert dry.exit_code == 0 and "-title：电商客服技巧\n+title: 电商客服技巧\n" in dry.output
    assert mine.read_bytes() == before and not (tmp_path / "c.yaml.bak.1").exists()
    done = runner.invoke(app, ["fix", str(mine)])
    assert done.exit_code == 0 and "c.yaml.bak.1" in done.output
    assert (tmp_path / "c.yaml.bak").read_text(encoding="utf-8") == "an older backup"
    assert (tmp_path / "c.yaml.bak.1").read_bytes() == before
    again = runner.invoke(app, ["fix", str(mine)])
    assert again.exit_code == 0 and "nothing to fix" in again.output
    assert not (tmp_path / "c.yaml.bak.2").exists()


def test_fix_resaves_a_gbk_file_as_utf8(tmp_path: Path) -> None:
    text = "title：电商客服\nduration: 1h\nmodules:\n  - title: 接待\n    duration: 1h\n"
    mine = tmp_path / "ansi.yaml"
    mine.write_bytes(text.encode("gbk"))
    result = runner.invoke(app, ["fix", str(mine)])
    assert result.exit_code == 0 and "UTF-8" in result.output
    assert mine.read_text(encoding="utf-8") == text.replace("：", ": ")
    assert (tmp_path / "ansi.yaml.bak").read_bytes() == text.encode("gbk")
    (checked,) = validate_paths([mine])
    assert checked.problems == ()


def test_fix_refuses_big5_and_a_missing_file(tmp_path: Path) -> None:
    big5 = tmp_path / "big5.yaml"
    big5.write_bytes("title: 電商客服銷售能力提升\nduration: 1h\n".encode("big5"))
    result = runner.invoke(app, ["fix", str(big5), str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "error[encoding]" in result.output and "Big5" in result.output
    assert "nope.yaml:1:1: error[file-missing]" in result.output
    assert not (tmp_path / "big5.yaml.bak").exists()


def test_fix_tells_what_is_left_to_the_user(tmp_path: Path) -> None:
    mine = tmp_path / "x.yaml"
    mine.write_text("title：客服\nduration 2h\n", encoding="utf-8")
    result = runner.invoke(app, ["fix", str(mine)])
    assert result.exit_code == 1
    assert "error[syntax]" in result.output and mine.read_text(encoding="utf-8").startswith(
        "title: 客服\n"
    )


# Text a trainer writes, IME characters included, in every place YAML can hold it.
_PIECES = [*"课程电商客服ab 1:：，,“”【】［］－-\t\u3000#'\"|>\n", "title", "title：", "- "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
_KEYS = st.sampled_from(["title", "duration", "audience", "一天", "points", "x：y"])
_VALUES = st.recursive(
    _TEXT | st.integers(-5, 5) | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_VALUES, st.booleans(), st.sampled_from([None, 20, 60]))
def test_fix_never_changes_the_data_of_a_file_that_loads(
    value: object, flow: bool, width: int | None
) -> None:
    text = yaml.safe_dump(
        value, allow_unicode=True, default_flow_style=flow, width=width or 80, sort_keys=False
    )
    problems = parse_text(text).problems
    # what YAML writes is never taken for a slip (no ： inside a value is flagged) … but
    # for the one rule that knowingly reads text as a key: a line that starts with a
    # course key and a full-width colon ("title：…", the root of a one-line file), after
    # any indent, a full-width space's included (the IME typed that too)
    typed_key = re.search(r"(?m)^[ \u3000-]*(title|duration|points)：", text)
    assert typed_key or [p for p in problems if p.code == "yaml-char"] == []
    if problems:
        return  # not a file that loads (e.g. an empty document)
    # … and fix leaves the data of a file that loads as it was
    assert yaml.safe_load(repair(text.encode("utf-8")).text) == yaml.safe_load(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=5), st.sampled_from(["title", "points", "bio"]))
def test_fix_leaves_quoted_and_block_text_alone(lines: list[str], key: str) -> None:
    block = "".join(f"  {line}\n" for line in lines if line.strip(" \t\u3000"))
    quoted = yaml.safe_dump({"q": " ".join(lines)}, allow_unicode=True)
    text = f"{key}: |\n" + (block or "  x\n") + quoted
    if parse_text(text).problems:
        return
    assert repair_text(text) == (text, ())


BUNDLED = sorted((Path(__file__).parent.parent / "courses").glob("*.yaml"))


def _indent(text: str, unit: str) -> str:
    """Every two spaces of indentation typed as ``unit`` (a tab, a full-width space)."""
    import re

    return re.sub(r"(?m)^((?:  )+)", lambda m: unit * (len(m.group(1)) // 2), text)


def _colons(text: str) -> str:
    """Every key of a line written with a full-width colon, as a Chinese IME types it."""
    import re

    in_block, block_parent = False, 0
    lines = []
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" "))
        if in_block and (not line.strip() or indent > block_parent):
            lines.append(line)
            continue
        in_block = bool(re.search(r":\s*[|>][-+]?\s*(#.*)?$", line))
        block_parent = indent
        lines.append(re.sub(r"^(\s*(?:- )?)([a-z_]+): ?", r"\1\2：", line, count=1))
    return "".join(lines)


@pytest.mark.parametrize(
    "mangle",
    [_colons, lambda t: _indent(t, "\t"), lambda t: _indent(t, "\u3000")],
    ids=["colons", "tabs", "full-width-spaces"],
)
@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_fix_restores_a_bundled_course_typed_with_a_chinese_ime(path: Path, mangle) -> None:  # type: ignore[no-untyped-def]
    original = path.read_text(encoding="utf-8")
    typed = mangle(original)
    assert typed != original
    assert any(p.code == "yaml-char" for p in parse_text(typed).problems)
    fixed = repair(typed.encode("utf-8")).text
    assert yaml.safe_load(fixed) == yaml.safe_load(original)
    assert parse_text(fixed).problems == ()


def test_fix_keeps_a_windows_files_line_endings(tmp_path: Path) -> None:
    mine = tmp_path / "win.yaml"
    text = "title：课\r\nduration: 1h\r\nmodules:\r\n\t- title: a\r\n\t  duration: 1h\r\n"
    mine.write_bytes(text.encode("utf-8"))
    result = runner.invoke(app, ["fix", str(mine)])
    assert result.exit_code == 0 and "\r" not in result.output
    assert "-\t- title: a\n" in result.output and "+  - title: a\n" in result.output
    assert (
        mine.read_bytes()
        == b"title: \xe8\xaf\xbe\r\nduration: 1h\r\nmodules:\r\n  - title: a\r\n    duration: 1h\r\n"
    )
    (checked,) = validate_paths([mine])
    assert checked.problems == ()


def test_fix_a_folder_repairs_every_yaml_in_it(tmp_path: Path) -> None:
    shutil.copy(DATA / "colon.yaml", tmp_path / "a.yaml")
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / "tab.yaml", tmp_path / "sub" / "b.yaml")
    result = runner.invoke(app, ["fix", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == (DATA / "colon.fixed").read_text(
        encoding="utf-8"
    )
    assert (tmp_path / "sub" / "b.yaml").read_text(encoding="utf-8") == (
        DATA / "tab.fixed"
    ).read_text(encoding="utf-8")
    assert not list(tmp_path.rglob("*.bak.yaml"))  # backups end in .bak: validate skips them


def test_a_module_written_with_a_full_width_colon_is_told_even_when_yaml_reads_it_as_text() -> None:
    text = "title: 课\nduration: 1h\nmodules:\n  - title：接待\n  - title: 售后\n    duration: 1h\n"
    assert [(p.line, p.column, p.code) for p in parse_text(text).problems] == [(4, 10, "yaml-char")]
    points = "title: 课\npoints:\n  - SOP：标准流程\n  - KPI：指标\n  - 注意：准时\n"
    assert parse_text(points).problems == ()


# Chinese punctuation a trainer types inside text, every IME character among it.
_CHINESE = st.text(
    alphabet=st.sampled_from(list("课程电商客服：，。；、“”【】［］（）－—\u3000\t ab1:#-'\"")),
    max_size=20,
)
_DOCS = st.dictionaries(
    st.sampled_from(["title", "subtitle", "background", "notes", "一天"]),
    _CHINESE | st.lists(_CHINESE, max_size=3),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS, st.sampled_from(["'", '"', "|", ">", None]))
def test_fix_never_changes_quoted_or_block_text_with_chinese_punctuation(
    value: dict[str, object], style: str | None
) -> None:
    """Every value written quoted (' or ") or as a block (| or >): what YAML reads stays
    what it was, and nothing inside is taken for a slip."""
    text = yaml.safe_dump(value, allow_unicode=True, default_style=style, sort_keys=False)
    if style is None and re.search(r"(?m)^[ -]*(title|subtitle|background|notes)：", text):
        return  # a plain value that starts a line with a course key and ： is told: by design
    assert [p for p in parse_text(text).problems if p.code == "yaml-char"] == []
    fixed = repair(text.encode("utf-8")).text
    assert yaml.safe_load(fixed) == yaml.safe_load(text)
    if style is not None:
        assert fixed == text  # quoted and block text is never touched
