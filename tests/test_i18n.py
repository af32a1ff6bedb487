"""Messages in Chinese and English (product.md, "Messages in Chinese"): every message in
both tables, rendered; the language chosen from --lang, SYLLABUS_LANG, the locale; the
command line end to end under a Chinese locale; the problem-code registry."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli import i18n
from syllabus_cli.cli import app
from syllabus_cli.i18n import codes, en, zh
from syllabus_cli.i18n.scan import codes_under
from syllabus_cli.problems import Mark, error

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src" / "syllabus_cli"

# What may stay in ASCII letters in a Chinese message: units, formats and products,
# the spec's keys and values (the contract's names, typed by the user as written),
# commands and options. Everything else must be Chinese.
ALLOWED = {
    "Ctrl",  # the key a user presses: Ctrl+C
    "C",
    "md",
    "html",
    "holidays",
    "weekends",
    "DTD",
    "MB",
    "notes",
    "duration",
    "txt",
    "init",
    "min",
    "h",
    "MiB",
    "YAML",
    "UTF-8",
    "UTF",
    "GBK",
    "GB18030",
    "TODO",
    "docx",
    "Word",
    "JSON",
    "Schema",
    "json",
    "text",
    "zh",
    "en",
    "course",
    "pack",
    "instructor",
    "syllabus",
    "validate",
    "schema",
    "force",
    "template",
    "title",
    "points",
    "only",
    "variants",
    "modules",
    "include",
    "language",
    "schedule",
    "plan",
    "resources",
    "quote",
    "true",
    "false",
    "HH",
    "MM",
    "none",
    "library",
    "x.yaml",
    "yaml",
    "course.schema.json",
    "split",
    "min_part",
    "schedule.min_part",
    "schedule.latest_end",
    "lunch",
    "path",
    "date",
    "skip",
    "new",
    "my-course.yaml",
    "out",
    "PDF",
    "currency",
    "tax",
    "CNY",
    "USD",
    "EUR",
    "courses",
    "draft",  # the --draft option
    "valid_until",
    "valid_days",
    "invoice",
    "PNG",
    "JPEG",
    # installing LibreOffice: product, commands and platform names
    "LibreOffice",
    "Windows",
    "winget",
    "install",
    "TheDocumentFoundation.LibreOffice",
    "macOS",
    "brew",
    "cask",
    "libreoffice",
    "Debian",
    "Ubuntu",
    "sudo",
    "apt-get",
    "libreoffice-writer-nogui",
    "soffice",
    "PATH",
    # issue 21: IME slips, syllabus fix, syllabus doctor
    "ANSI",
    "Unicode",  # Notepad's name for UTF-16
    "UTF-16",
    "fix",
    "Tab",
    "doctor",
    "dry-run",
    "explain",
    "import",
    "Excel",  # an example title with a colon: title: "Excel: 入门"
    # syllabus doctor: fonts, programs, settings it names
    "CJK",
    "Calibri",
    "Carlito",
    "Noto",
    "SC",
    "Sans",
    "Serif",
    "Office",
    "Writer",
    "Python",
    "Terminal",
    "chcp",
    "export",
    "LANG",
    "zh_CN.UTF-8",
    "LOCALAPPDATA",
    "XDG_CACHE_HOME",
    "format",
    "pdf",
    # the delivery kit's keys, values and roster formats
    "kit",
    "all",
    "evaluation_url",
    "https",
    "xlsx",
    "xls",
    "csv",
    "Name",
    # the preview's command and the address it prints (http://127.0.0.1:…/?token=…)
    "preview",
    "http",
    "token",
}


def fields(template: str) -> dict[str, str]:
    """Placeholder name → its format spec."""
    return {
        name: spec or ""
        for _, name, spec, _ in string.Formatter().parse(template)
        if name is not None
    }


def sample(spec: str) -> object:
    return 1234 if (spec and spec[-1] in ",gd") or spec == "," else "样例"


def rendered(lang: str, key: str) -> str:
    values = {name: sample(spec) for name, spec in fields(en.MESSAGES[key]).items()}
    return i18n.render(i18n.msg(key, **values), lang)


def test_both_tables_have_the_same_keys_and_placeholders() -> None:
    assert set(en.MESSAGES) == set(zh.MESSAGES)
    for key, template in en.MESSAGES.items():
        assert set(fields(template)) == set(fields(zh.MESSAGES[key])), key


@pytest.mark.parametrize("key", sorted(en.MESSAGES))
def test_every_message_renders_in_both_languages(key: str) -> None:
    english, chinese = rendered("en", key), rendered("zh", key)
    assert english and chinese
    words = re.findall(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]", chinese.replace("样例", ""))
    assert set(words) <= ALLOWED, (key, chinese)
    # Full-width punctuation in the sentence; what the user writes, shown as an example
    # (YAML [一天, 半天], a duration 1天(6h/天), a file:line) keeps its own.
    prose = re.sub(r"\[[^\]]*\]|\{[^}]*\}|\d天\([^)]*\)|样例:", "", chinese)
    assert not re.search(r"[\u4e00-\u9fff”）][,;:?!()]|[,;?!] ", prose), (key, chinese)


def test_durations_read_as_trainers_write_them() -> None:
    said = i18n.msg("timing.no-duration", minutes=i18n.Minutes(90))
    assert i18n.render(said, "zh") == "课程没有写总时长；按各模块之和计算：1小时30分钟"
    assert i18n.render(said, "en").endswith("1h30 (90 min)")


def test_a_problem_keeps_its_code_and_english_message_and_speaks_the_chosen_language() -> None:
    found = error(Mark(3, 5), "sum-mismatch", i18n.msg("load.empty"))
    assert found.message == "file is empty"
    i18n.set_language("zh")
    assert found.format("c.yaml") == "c.yaml:3:5: error[sum-mismatch]: 文件是空的"
    assert found.as_json() == {
        "line": 3,
        "column": 5,
        "code": "sum-mismatch",
        "message": "文件是空的",
    }
    plain = error(Mark(), "write", "cannot be written")  # a pass-2 caller: English as given
    assert plain.text == "cannot be written"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"SYLLABUS_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"SYLLABUS_LANG": "zh"}, "zh"),
        ({"SYLLABUS_LANG": "xx", "LANG": "zh_CN"}, "zh"),
    ],
)
def test_the_language_comes_from_the_environment(environ: dict[str, str], lang: str) -> None:
    assert i18n.detect(environ) == lang


def test_lang_is_read_from_argv_before_the_command() -> None:
    assert i18n.from_argv(["--lang", "zh", "validate"]) == "zh"
    assert i18n.from_argv(["--lang=EN", "validate"]) == "en"
    assert i18n.from_argv(["validate", "--lang", "zh"]) is None
    assert i18n.from_argv(["--version"]) is None


BROKEN = "title: 客服技巧\nduration: 2h\nmodules:\n  - {title: 开场, duration: 30min}\n  - {title: 演练, duration: 60min}\n  - {title: 总结, duration: 40}\n"


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SYLLABUS_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    environ.update(env, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-c", "from syllabus_cli.cli import main; main()", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        check=False,
    )


def located(text: str) -> list[str]:
    return re.findall(r"^(\S+:\d+:\d+: \w+\[[a-z-]+\])", text, re.M)


def test_validate_speaks_chinese_under_a_chinese_locale(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(BROKEN, encoding="utf-8")
    chinese = run(["validate", str(spec)], LANG="zh_CN.UTF-8")
    english = run(["validate", str(spec)], LANG="en_US.UTF-8")
    assert chinese.returncode == english.returncode == 1
    assert located(chinese.stdout) == located(english.stdout) != []
    assert "时长 40 没有单位" in chinese.stdout
    assert "has no unit" in english.stdout
    assert "共检查 1 个文件：1 个有错误" in chinese.stdout
    as_json = run(["validate", "--format", "json", str(spec)], LANG="zh_CN.UTF-8")
    assert '"code": "duration-unit"' in as_json.stdout and "没有单位" in as_json.stdout


def test_lang_en_wins_over_a_chinese_locale(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(BROKEN, encoding="utf-8")
    done = run(["--lang", "en", "validate", str(spec)], LANG="zh_CN.UTF-8")
    assert "has no unit" in done.stdout and "没有单位" not in done.stdout


def test_an_unknown_language_is_a_usage_error() -> None:
    done = run(["--lang", "xx", "validate"])
    assert done.returncode == 2
    assert "zh or en" in done.stderr


def test_help_in_chinese_from_the_environment() -> None:
    done = run(["--help"], SYLLABUS_LANG="zh")
    assert done.returncode == 0
    assert "用法" in done.stdout and "选项" in done.stdout and "命令" in done.stdout
    assert "检查每个课程文件" in done.stdout
    sub = run(["validate", "--help"], SYLLABUS_LANG="zh")
    assert "把警告也当作不通过" in sub.stdout and "显示本帮助并退出" in sub.stdout


def test_usage_errors_in_chinese() -> None:
    done = run(["validate", "--nope"], SYLLABUS_LANG="zh")
    assert done.returncode == 2
    assert "没有这个选项" in done.stderr


def test_every_help_text_has_its_chinese() -> None:
    from typer import _click
    from typer.main import get_command

    group = get_command(app)
    missing = []

    def walk(cmd: _click.Command, ctx: _click.Context) -> None:
        for text in [cmd.help, *(getattr(p, "help", None) for p in cmd.params)]:
            if text and text.strip() not in zh.HELP:
                missing.append(text)
        if hasattr(cmd, "list_commands"):
            for name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, name)  # type: ignore[attr-defined]
                assert sub is not None
                walk(sub, _click.Context(sub, parent=ctx))

    walk(group, _click.Context(group))
    assert missing == []


def test_every_code_the_source_can_emit_is_in_the_registry() -> None:
    written = codes_under(SRC)
    assert len(written) > 50  # the scan finds the codes (pass-2 files included)
    assert {c: w for c, w in written.items() if c not in codes.CODES} == {}
    assert set(codes.CODES) - set(written) == set()


def test_every_registry_entry_is_complete() -> None:
    for row in codes.CODES.values():
        assert row.level in ("error", "warning", "error/warning"), row.code
        assert row.en and row.zh and row.passing and row.failing, row.code
        assert row.passing != row.failing, row.code


@pytest.mark.parametrize("name", ["README.md", "README.en.md"])
def test_readme_table_is_the_registry(name: str) -> None:
    readme = (REPO / name).read_text(encoding="utf-8")
    table = readme.split("<!-- codes:start -->\n", 1)[1].split("<!-- codes:end -->", 1)[0]
    assert table == codes.markdown(), "run: python -m syllabus_cli.i18n.codes --markdown"


def test_explain_prints_a_code_in_the_chosen_language() -> None:
    runner = CliRunner()
    english = runner.invoke(app, ["explain", "sum-mismatch"])
    assert english.exit_code == 0 and "add up to less" in english.output
    chinese = runner.invoke(app, ["--lang", "zh", "explain", "sum-mismatch"])
    assert chinese.exit_code == 0 and "合计少于" in chinese.output and "错误写法" in chinese.output


def test_explain_an_unknown_code_exits_2_with_did_you_mean() -> None:
    done = CliRunner().invoke(app, ["explain", "sum-mismatc"])
    assert done.exit_code == 2
    assert "sum-mismatch" in done.output


@pytest.mark.parametrize(("lang_id", "lang"), [(0x0804, "zh"), (0x0404, "zh"), (0x0409, "en")])
def test_a_chinese_windows_speaks_chinese(
    monkeypatch: pytest.MonkeyPatch, lang_id: int, lang: str
) -> None:
    import types

    kernel32 = types.SimpleNamespace(GetUserDefaultUILanguage=lambda: lang_id)
    fake = types.SimpleNamespace(windll=types.SimpleNamespace(kernel32=kernel32))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "ctypes", fake)
    assert i18n.detect({}) == lang
    assert i18n.detect({"LANG": "en_US.UTF-8"}) == "en"  # a set locale comes first


def test_elsewhere_ctypes_windll_is_never_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setitem(sys.modules, "ctypes", None)  # importing it would fail
    assert i18n.detect({}) == "en"


# Pass 2: agenda/, pack/, render/pdf/, the batch commands.

PASS_2 = ("agenda.", "batch.", "import.col-", "import.instructor", "import.warning")
PASS_2 += ("import.kept", "import.done", "pack.", "plan.", "pdf.")


def test_pass_2_messages_are_in_both_tables() -> None:
    keys = [k for k in en.MESSAGES if k.startswith(PASS_2)]
    assert len(keys) > 80
    for key in keys:
        english, chinese = rendered("en", key), rendered("zh", key)
        assert english != chinese, key
        assert re.search(r"[\u4e00-\u9fff]", chinese), (key, chinese)


def test_pass_2_messages_with_sample_values() -> None:
    overflow = i18n.msg("agenda.day-overflow", day=2, end="18:30", latest="17:00")
    assert i18n.render(overflow, "en") == (
        "day 2 ends at 18:30, after the latest end 17:00: start earlier, shorten lunch or "
        "breaks, or teach fewer hours a day"
    )
    assert i18n.render(overflow, "zh").startswith("第2天到 18:30 才结束，晚于最晚结束时间 17:00：")
    idle = i18n.msg(
        "agenda.idle-gap",
        title="演练",
        pause=i18n.Word("lunch"),
        at="12:00",
        idle=25,
        since="11:35",
    )
    assert "the lunch at 12:00" in i18n.render(idle, "en")
    assert "在 12:00 的午餐之后开始" in i18n.render(idle, "zh")
    summary = i18n.msg("batch.summary", n=3, root="out", verdict="done")
    assert i18n.render(summary, "en") == "3 course(s) → out · done"
    assert i18n.render(summary, "zh") == "3 门课程 → out · done"
    failed = i18n.msg("pack.spec-errors", n=1)
    assert (i18n.render(failed, "en"), i18n.render(failed, "zh")) == (
        "1 error(s) in the spec",
        "课程文件有 1 个错误",
    )
    taken = i18n.msg("pack.taken", owner=i18n.msg("pack.owner-export"), what=i18n.Word("this pack"))
    assert "holds an export of courses; this pack needs" in i18n.render(taken, "en")
    assert i18n.render(taken, "zh").startswith("里面是导出的课程；这个课程包需要单独的文件夹")
    stalled = i18n.msg("pdf.stalled", seconds=120.0)
    assert i18n.render(stalled, "en") == "LibreOffice did not finish within 120 s; stopped it"
    assert i18n.render(stalled, "zh") == "LibreOffice 在 120 秒内没有完成，已停止"


def test_pack_prints_a_chinese_summary(tmp_path: Path) -> None:
    done = run(
        ["pack", str(REPO / "packs" / "3c-ecommerce-service.yaml"), "--out", str(tmp_path)],
        SYLLABUS_LANG="zh",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "课程" in done.stdout and "状态" in done.stdout and "已生成" in done.stdout
    assert re.search(r"^3 门课程 → .*3c-ecommerce-service · 完成$", done.stdout, re.M)
    assert "course(s)" not in done.stdout and "built" not in done.stdout


OVERFLOW = (
    'title: 客服技巧\nduration: 1天(6h/天)\nschedule:\n  latest_end: "15:00"\n'
    "modules:\n  - {title: 开场, duration: 3h}\n  - {title: 演练, duration: 3h}\n"
)


def test_agenda_day_overflow_in_chinese_keeps_its_location(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(OVERFLOW, encoding="utf-8")
    chinese = run(["--lang", "zh", "agenda", str(spec)])
    english = run(["--lang", "en", "agenda", str(spec)])
    assert chinese.returncode == english.returncode == 1
    where = ":4:15: error[day-overflow]: "
    assert where + "day 1 ends at 17:00, after the latest end 15:00" in english.stderr
    assert where + "第1天到 17:00 才结束，晚于最晚结束时间 15:00：请提早开始" in chinese.stderr
    assert located(chinese.stderr) == located(english.stderr) != []


def test_export_says_a_failure_in_chinese(tmp_path: Path) -> None:
    courses = tmp_path / "courses"
    courses.mkdir()
    (courses / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    (courses / "good.yaml").write_text(OVERFLOW.replace('"15:00"', '"18:00"'), encoding="utf-8")
    done = run(["--lang", "zh", "export", str(courses), "--out", str(tmp_path / "out")])
    assert done.returncode == 1
    assert re.search(r"^\S*bad\.yaml：失败：课程文件有 1 个错误$", done.stdout, re.M), done.stdout
    assert "error[duration-unit]: 时长 40 没有单位" in done.stdout
    assert "✗ 失败" in done.stdout and "✓ 已生成" in done.stdout
    assert re.search(r"^2 门课程 → .* · 1 个问题$", done.stdout, re.M), done.stdout
    assert "failed" not in done.stdout
