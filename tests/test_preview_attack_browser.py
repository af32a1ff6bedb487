"""The preview attacked in a real Chromium (the system's, driven by Playwright): the
token in the address bar, saves that come faster than the page, a file deleted under
its page, the preview stopped under an open page, the page's own script under its
Content-Security-Policy. Skips loudly where Playwright or Chromium is missing."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import test_preview_browser as plain
from .preview_process import running
from .preview_site import copy_bundled

pytestmark = plain.pytestmark  # the same loud skips


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


@pytest.fixture
def chromium() -> Iterator[Any]:
    assert plain.sync_playwright is not None
    with plain.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=plain.CHROMIUM)
        try:
            yield launched
        finally:
            launched.close()


COURSE = "/course/courses/ecommerce-cs-sales.yaml"


def _open(chromium: Any, url: str, path: str = COURSE) -> tuple[Any, list[str]]:
    page = chromium.new_page(viewport={"width": 1200, "height": 700})
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(url)
    page.goto(url.split("/?")[0] + path)
    page.wait_for_timeout(300)  # the event stream is open
    return page, console


def test_the_token_leaves_the_address_bar_and_the_page_still_works(
    site: Path, chromium: Any
) -> None:
    """The printed address carries the token: once open, the address bar (history, a
    screen shared in a training room) no longer shows it, and reloads still work."""
    with running(site, "--port", "0") as (_, url):
        page, console = _open(chromium, url, "")
        assert "token=" not in page.url
        page.goto(url.replace("/?", COURSE + "?"))
        assert "token=" not in page.url and page.url.endswith(COURSE)
        page.reload()
        assert "08:30–09:10" in page.locator("section.agenda").inner_text()
        assert not [m for m in console if "Content Security Policy" in m], console


def test_saves_faster_than_the_page_end_on_the_last_one(site: Path, chromium: Any) -> None:
    """An editor that saves many times in a row (auto-save): whatever order the answers
    come back in, the page ends on the last save, not an earlier one."""
    spec = site / "courses" / "ecommerce-cs-sales.yaml"
    text = spec.read_text(encoding="utf-8")
    with running(site, "--port", "0") as (_, url):
        page, _console = _open(chromium, url)
        for minute in range(10, 40):
            spec.write_text(text.replace('start: "08:30"', f'start: "08:{minute}"', 1), "utf-8")
            time.sleep(0.02)
        page.wait_for_function(
            "() => document.querySelector('section.agenda').innerText.includes('08:39–')",
            timeout=15_000,
        )
        page.wait_for_timeout(1500)  # every answer is in
        assert "08:39–" in page.locator("section.agenda").inner_text()


def test_a_file_deleted_under_its_page_says_so_then_comes_back(site: Path, chromium: Any) -> None:
    spec = site / "courses" / "ecommerce-cs-sales.yaml"
    text = spec.read_text(encoding="utf-8")
    with running(site, "--port", "0") as (_, url):
        page, _console = _open(chromium, url)
        spec.unlink()
        page.wait_for_function(
            "() => document.querySelector('#content').innerText.includes('not there any more')",
            timeout=15_000,
        )
        spec.write_text(text, encoding="utf-8")
        page.wait_for_function(
            "() => document.querySelector('section.agenda') !== null", timeout=15_000
        )


def test_a_page_left_open_after_the_preview_stopped_says_so(site: Path, chromium: Any) -> None:
    """The trainer closed the terminal; the page in the browser must not keep saying
    'live' while nothing follows the saves any more."""
    with running(site, "--port", "0") as (process, url):
        page, _console = _open(chromium, url)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        page.wait_for_function(
            "() => document.getElementById('live').classList.contains('offline')", timeout=15_000
        )
        assert "still running" in page.locator("#live").inner_text()


def test_editor_save_patterns_reach_the_page(site: Path, chromium: Any) -> None:
    """VS Code and Notepad++ write a copy and rename it over the file; Notepad saves
    GBK ('ANSI' on a Chinese Windows). Each reaches the open page."""
    import os

    spec = site / "courses" / "ecommerce-cs-sales.yaml"
    text = spec.read_text(encoding="utf-8")
    with running(site, "--port", "0") as (_, url):
        page, _console = _open(chromium, url)
        temp = spec.with_name(".ecommerce-cs-sales.yaml.tmp")
        temp.write_text(text.replace('start: "08:30"', 'start: "09:15"', 1), encoding="utf-8")
        os.replace(temp, spec)
        page.wait_for_function(
            "() => document.querySelector('section.agenda').innerText.includes('09:15–')",
            timeout=15_000,
        )
        spec.write_bytes(text.encode("gb18030"))
        page.wait_for_function(
            "() => document.querySelector('#content').innerText.includes('[encoding]')",
            timeout=15_000,
        )
        assert "GBK" in page.locator("#content").inner_text()
