"""syllabus doctor: what each feature needs, whether it is here, how to install the rest
on this system (each system's hints tested here, on any machine)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli import i18n
from syllabus_cli.cli.app import app
from syllabus_cli.doctor import DEBIAN, LINUX, MACOS, WINDOWS, Machine, checks, main_job_works
from syllabus_cli.i18n import render
from syllabus_cli.render.pdf.office import find_office

runner = CliRunner()


def doctor(*args: str, env: dict[str, str] | None = None, lang: str = "en") -> tuple[int, str]:
    result = runner.invoke(app, ["--lang", lang, "doctor", *args], env=env)
    i18n.set_language(None)
    return result.exit_code, result.output


def test_with_libreoffice_present_it_names_where_and_which_version() -> None:
    soffice = find_office()
    if soffice is None:
        pytest.skip(
            "SKIPPED LOUDLY: LibreOffice is not installed here (apt-get install libreoffice-writer-nogui)"
        )
    code, output = doctor()
    assert code == 0
    line = next(line for line in output.splitlines() if "LibreOffice" in line and "√" in line)
    assert re.search(r"LibreOffice \d+\.\d+[\d.]*: ", line) and line.endswith(str(soffice))
    assert "validate and .docx: ready" in output.splitlines()


@pytest.mark.parametrize(
    ("system", "hint"),
    [
        (
            "windows",
            "install: winget install TheDocumentFoundation.LibreOffice (or download it from https://www.libreoffice.org/download/)",
        ),
        ("macos", "install: brew install --cask libreoffice"),
    ],
)
def test_with_path_emptied_it_gives_this_systems_install_hint_and_exits_0(
    system: str, hint: str
) -> None:
    code, output = doctor("--system", system, env={"PATH": ""})
    assert code == 0, output  # the main job works without the PDF pieces
    lines = output.splitlines()
    office = lines.index(
        "  × LibreOffice: not found (neither on PATH nor in its usual install folders)"
    )
    assert lines[office + 1].strip() == hint
    assert "validate and .docx: ready" in lines and lines[-1].startswith("PDF: not ready")


def test_doctor_speaks_chinese() -> None:
    code, output = doctor("--system", "windows", env={"PATH": ""}, lang="zh")
    assert code == 0
    assert "× LibreOffice：没有找到（PATH 中和常用安装位置都没有）" in output
    assert (
        "安装：winget install TheDocumentFoundation.LibreOffice（或从 https://www.libreoffice.org/download/ 下载安装）"
        in output
    )
    assert "安装：设置 → 时间和语言 → 语言和区域 → 添加“中文（简体）”" in output
    assert output.rstrip().splitlines()[-2:] == [
        "检查课程和生成 .docx：可以使用",
        "生成 PDF：还不能使用，请先解决上面标 × 的问题（其他功能不受影响）",
    ]


def bare(system: str, tmp_path: Path, **changes: object) -> Machine:
    """A machine of ``system`` with nothing on PATH, no fonts, no LibreOffice."""
    values: dict[str, object] = {
        "system": system,
        "which": lambda name: None,
        "office_places": (tmp_path / "LibreOffice" / "soffice",),
        "fonts": frozenset(),
        "cache": tmp_path / "cache",
        "console_encoding": "utf-8",
        "python": (3, 11, 2),
        "versions": {"syllabus-cli": "0.1.0", "typer": "0.15.1"},
    }
    values.update(changes)
    return Machine(**values)  # type: ignore[arg-type]


HINTS = {
    WINDOWS: [
        "winget install TheDocumentFoundation.LibreOffice",
        "添加“中文（简体）”",
        "Calibri 随 Windows 和 Office 提供",
    ],
    MACOS: [
        "brew install --cask libreoffice",
        "brew install --cask font-noto-serif-cjk-sc font-noto-sans-cjk-sc",
        "brew install --cask font-carlito",
    ],
    DEBIAN: [
        "sudo apt-get install libreoffice-writer-nogui",
        "sudo apt-get install fonts-noto-cjk",
        "sudo apt-get install fonts-crosextra-carlito",
    ],
    LINUX: [
        "用系统的软件包管理器安装 LibreOffice Writer",
        "用软件包管理器安装 Noto CJK 字体",
        "用软件包管理器安装 Carlito 字体",
    ],
}


@pytest.mark.parametrize("system", [WINDOWS, MACOS, DEBIAN, LINUX])
def test_every_missing_piece_has_this_systems_install_hint(system: str, tmp_path: Path) -> None:
    found = checks(bare(system, tmp_path))
    missing = [c for c in found if not c.ok]
    assert [render(c.said, "en").split(" ")[0] for c in missing] == [
        "LibreOffice:",
        "宋体",
        "微软雅黑",
        "Calibri",
    ]
    hints = [render(c.install, "zh") for c in missing if c.install is not None]
    assert len(hints) == 4
    for wanted, got in zip(HINTS[system], [hints[0], hints[1], hints[3]], strict=True):
        assert wanted in got
    assert main_job_works(found)


def test_an_installed_libreoffice_in_its_usual_folder_is_found_off_path(tmp_path: Path) -> None:
    soffice = tmp_path / "LibreOffice" / "soffice"
    soffice.parent.mkdir()
    soffice.write_text("#!/bin/sh\necho 'LibreOffice 24.2.1.2 abc'\n", encoding="utf-8")
    soffice.chmod(0o755)
    office = checks(bare(MACOS, tmp_path))[3]
    assert office.ok and render(office.said, "en") == f"LibreOffice 24.2.1.2: {soffice}"


def test_word_fonts_or_their_stand_ins_count_as_there(tmp_path: Path) -> None:
    fonts = frozenset({"simsun", "noto sans cjk sc", "carlito"})
    said = [render(c.said, "en") for c in checks(bare(DEBIAN, tmp_path, fonts=fonts))[4:7]]
    assert said == [
        "宋体 (body text): installed (SimSun)",
        "微软雅黑 (headings): not installed; Noto Sans CJK SC stands in for it",
        "Calibri (Latin letters and digits): not installed; Carlito stands in for it",
    ]


def test_missing_packages_or_an_old_python_fail_the_main_job(tmp_path: Path) -> None:
    found = checks(bare(WINDOWS, tmp_path, versions={"typer": None}, python=(3, 9, 1)))
    assert not main_job_works(found)
    assert render(found[1].install, "en") == r"install: .venv\Scripts\pip install -e ."  # type: ignore[arg-type]
    assert "winget install Python" in render(found[0].install, "en")  # type: ignore[arg-type]


def test_a_console_that_cannot_show_chinese_is_told(tmp_path: Path) -> None:
    found = checks(bare(WINDOWS, tmp_path, console_encoding="ascii"))
    console = found[2]
    assert not console.ok and "chcp 65001" in render(console.install, "en")  # type: ignore[arg-type]
    gbk = checks(bare(WINDOWS, tmp_path, console_encoding="cp936"))[2]
    assert gbk.ok  # a Chinese Windows console shows Chinese


def test_a_cache_folder_that_cannot_be_written_is_told(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = checks(bare(DEBIAN, tmp_path, cache=blocked / "syllabus"))[-1]
    assert not cache.ok and "XDG_CACHE_HOME" in render(cache.install, "en")  # type: ignore[arg-type]


def test_a_console_that_cannot_show_chinese_does_not_fail_the_main_job(tmp_path: Path) -> None:
    assert main_job_works(checks(bare(DEBIAN, tmp_path, console_encoding="ascii")))


def test_missing_fonts_change_the_pdfs_look_not_whether_it_is_made(tmp_path: Path) -> None:
    from syllabus_cli.doctor import pdf_works

    soffice = tmp_path / "LibreOffice" / "soffice"
    soffice.parent.mkdir()
    soffice.write_text("#!/bin/sh\necho 'LibreOffice 7.6.4.1'\n", encoding="utf-8")
    soffice.chmod(0o755)
    found = checks(bare(DEBIAN, tmp_path))
    assert pdf_works(found) and [c.ok for c in found[4:7]] == [False, False, False]
    assert not pdf_works(checks(bare(DEBIAN, tmp_path, office_places=())))


def test_a_libreoffice_that_hangs_is_stopped_in_seconds_and_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import time

    from syllabus_cli import doctor as doctor_module

    soffice = tmp_path / "LibreOffice" / "soffice"
    soffice.parent.mkdir()
    marker = tmp_path / "still-running"
    # a script whose child holds the pipe: stopping the script alone would not do
    soffice.write_text(f"#!/bin/sh\n/bin/sleep 30; touch {marker}\n", encoding="utf-8")
    soffice.chmod(0o755)
    monkeypatch.setattr(doctor_module, "OFFICE_TIMEOUT", 1)
    started = time.monotonic()
    found = checks(bare(DEBIAN, tmp_path))
    assert time.monotonic() - started < 8
    office = found[3]
    assert not office.ok
    assert render(office.said, "zh") == (
        f"LibreOffice：{soffice} 在 1 秒内没有响应（可能卡住了，或有别的窗口占着）；"
        "请关掉所有 LibreOffice 窗口（必要时在任务管理器中结束 soffice 进程），再运行 syllabus doctor"
    )
    assert main_job_works(found)  # the main job does not need LibreOffice
    left = subprocess.run(["pgrep", "-f", f"sleep 30; touch {marker}"], capture_output=True)
    assert left.stdout == b""  # the script and its sleep are gone


def test_doctor_in_a_gbk_console_with_an_unwritable_cache_exits_0(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "SYLLABUS_LANG": "zh_CN"}
    env.update({"XDG_CACHE_HOME": str(blocked), "LOCALAPPDATA": str(blocked), "PATH": ""})
    done = subprocess.run(
        [sys.executable, "-m", "syllabus_cli", "doctor"], capture_output=True, env=env, timeout=60
    )
    shown = done.stdout.decode("gbk")  # a Chinese Windows console: GBK, √ and × included
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert "√ 控制台编码 gbk：能显示中文" in shown
    assert f"× 缓存文件夹 {blocked / 'syllabus'}：无法写入" in shown
    assert shown.rstrip().endswith(
        "生成 PDF：还不能使用，请先解决上面标 × 的问题（其他功能不受影响）"
    )
