"""The preview in a real Chromium (the system's, driven by Playwright): a saved file
changes the page in place, the build button builds, the import flow writes specs.

Skips loudly where Playwright or a system Chromium is missing (``playwright install`` is
never run: it downloads a browser of its own)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .preview_process import running
from .preview_site import REPO, copy_bundled

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(
        sync_playwright is None,
        reason="SKIPPED: playwright is not installed (pip install playwright; the browser is the system's chromium)",
    ),
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="SKIPPED: no chromium on PATH (Debian/Ubuntu: apt-get install chromium)",
    ),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


@pytest.fixture
def browser() -> Iterator[Any]:
    assert sync_playwright is not None
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM)
        try:
            yield launched
        finally:
            launched.close()


def test_saving_a_course_changes_its_agenda_in_place(folder: Path, browser: Any) -> None:
    with running(folder, "--port", "0") as (_, url):
        page = browser.new_page(viewport={"width": 1200, "height": 700})
        page.goto(url)
        base = url.split("/?")[0]
        page.goto(f"{base}/course/courses/ecommerce-cs-sales.yaml")
        agenda = page.locator("section.agenda")
        assert "08:30–09:10" in agenda.inner_text()
        page.evaluate("window.scrollTo(0, 600)")
        page.wait_for_timeout(300)  # the event stream is open
        spec = folder / "courses" / "ecommerce-cs-sales.yaml"
        text = spec.read_text(encoding="utf-8")
        spec.write_text(text.replace('start: "08:30"', 'start: "09:00"', 1), encoding="utf-8")
        page.wait_for_function(
            "() => document.querySelector('section.agenda').innerText.includes('09:00–09:40')",
            timeout=15_000,
        )
        assert page.evaluate("window.scrollY") == 600  # the reader stays where they were
        # a file that stops parsing shows its error instead of the old page
        spec.write_text("title: [broken\n", encoding="utf-8")
        page.wait_for_function(
            "() => document.querySelector('#content').innerText.includes('[syntax]')",
            timeout=15_000,
        )
        assert "09:00–09:40" not in page.locator("#content").inner_text()


def test_saving_the_instructor_updates_the_pack_page(folder: Path, browser: Any) -> None:
    with running(folder, "--port", "0") as (_, url):
        page = browser.new_page()
        page.goto(url)
        page.goto(url.split("/?")[0] + "/pack/packs/3c-ecommerce-service.yaml")
        profile = folder / "instructors" / "fengying.yaml"
        text = profile.read_text(encoding="utf-8")
        name = next(line for line in text.splitlines() if line.startswith("name:"))
        page.wait_for_timeout(1000)  # the watcher takes up the instructors' folder
        profile.write_text(text.replace(name, "name: 新讲师甲", 1), encoding="utf-8")
        page.wait_for_function(
            "() => document.querySelector('#content').innerText.includes('新讲师甲')",
            timeout=15_000,
        )


def test_the_build_button_builds(folder: Path, browser: Any) -> None:
    with running(folder, "--port", "0") as (_, url):
        page = browser.new_page()
        page.goto(url)
        page.goto(url.split("/?")[0] + "/course/courses/o2o-newretail.yaml")
        page.locator("button[value=docx]").click()
        page.wait_for_selector("text=o2o-newretail.proposal.docx", timeout=30_000)
        assert (folder / "dist" / "o2o-newretail" / "o2o-newretail.proposal.docx").is_file()


def test_the_import_flow(folder: Path, browser: Any) -> None:
    catalog = REPO / "tests" / "data" / "import" / "bracket-labels.txt"
    with running(folder, "--port", "0") as (_, url):
        page = browser.new_page()
        page.goto(url)
        page.goto(url.split("/?")[0] + "/import")
        page.set_input_files("input[name=catalog]", str(catalog))
        page.locator("form[action='/import'] button").click()
        page.wait_for_selector("text=bracket-labels-01.yaml", timeout=30_000)
        assert not (folder / "courses" / "bracket-labels-01.yaml").exists()
        page.locator("form[action='/import/write'] button").click()
        page.wait_for_selector("text=wrote", timeout=30_000)
        assert (folder / "courses" / "bracket-labels-01.yaml").is_file()


def test_a_clicked_source_line_reads_the_catalog_again_by_it(
    folder: Path, browser: Any, tmp_path: Path
) -> None:
    """The trainer clicks one module's line in the source beside the spec (a row of a
    day's timetable), reads again, and writes: every session row is a module."""
    catalog = tmp_path / "days.md"
    catalog.write_text(
        "# 新员工入职培训\n\n## 第一天\n| 时间 | 内容 |\n|---|---|\n| 9:00-10:30 | 公司介绍 |\n"
        "| 10:45-12:00 | 规章制度 |\n\n## 第二天\n| 时间 | 内容 |\n|---|---|\n"
        "| 9:00-10:30 | 销售流程 |\n",
        encoding="utf-8",
    )
    with running(folder, "--port", "0") as (_, url):
        page = browser.new_page()
        page.goto(url)
        page.goto(url.split("/?")[0] + "/import")
        page.set_input_files("input[name=catalog]", str(catalog))
        page.locator("form[action='/import'] button").click()
        page.wait_for_selector("#modules-like", timeout=30_000)
        page.locator("pre.pick span.line", has_text="公司介绍").first.click()
        assert page.input_value("#modules-like") == "9:00-10:30 公司介绍"
        page.locator("#again button").click()
        page.wait_for_selector("text=title: 销售流程", timeout=30_000)
        page.locator("form[action='/import/write'] button").click()
        page.wait_for_selector("text=wrote", timeout=30_000)
        written = (folder / "courses" / "days-01.yaml").read_text(encoding="utf-8")
        assert "- title: 公司介绍\n  duration: 90分钟" in written
        assert "- title: 规章制度\n  duration: 75分钟" in written


def test_a_typed_example_is_read_again_before_it_can_be_written(
    folder: Path, browser: Any, tmp_path: Path
) -> None:
    """写入 writes the reading shown: while the field holds an example not yet read, the
    button waits and the page says to read again first."""
    catalog = tmp_path / "days.md"
    catalog.write_text(
        "# 沟通\n\n**第一天 基础**\n1. 倾听（60分钟）\n2. 表达（60分钟）\n"
        "**第二天 进阶**\n1. 反馈（60分钟）\n",
        encoding="utf-8",
    )
    with running(folder, "--port", "0") as (_, url):
        page = browser.new_page()
        page.goto(url)
        page.goto(url.split("/?")[0] + "/import")
        page.set_input_files("input[name=catalog]", str(catalog))
        page.locator("form[action='/import'] button").click()
        page.wait_for_selector("#modules-like", timeout=30_000)
        assert page.is_enabled("#write")
        page.fill("#modules-like", "1.")
        assert page.is_disabled("#write") and page.is_visible("#reread")
        page.locator("pre.pick span.line", has_text="**第一天 基础**").first.click()
        assert page.input_value("#modules-like") == "第一天 基础"  # its bold marks aside
        page.locator("#again button").click()
        page.wait_for_selector("text=title: 第二天 进阶", timeout=30_000)
        assert page.is_enabled("#write")
