"""`syllabus preview`: how fast a save reaches the page, and what the preview costs.

Each figure against its goal (issue 24), medians over rounds:

- save → page:   a one-day course's agenda, and the bundled pack's plan, from the file's
                 write to the page holding the change (goals 150 ms and 500 ms). In the
                 system Chromium through Playwright when both are there (the event
                 stream, the fetch of the fresh HTML, the swap); else an HTTP client that
                 listens to the same event stream and fetches the same HTML (says which).
- in-process:    a course page rebuilt in the server's process, against one whole
                 `syllabus proposal` process for the same course (goal <= 0.25x).
- warm PDF:      the proposal's PDF from the session's LibreOffice, against a cold
                 `syllabus proposal --pdf` process (goal <= 0.5x; skipped without soffice).
- idle memory:   the preview's resident memory over the bundled folders, once every page
                 was opened (goal <= 150 MiB).
- 1,000 courses: the home page of a folder of 1,000 courses, first load (goal <= 2 s).

Run:  python bench/preview_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.preview_process import running  # the preview started as the tests start it

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "SYLLABUS_LANG": "en", "PYTHONUNBUFFERED": "1"}
COURSE = "ecommerce-cs-sales.yaml"  # one day, eight hours
PACK = "3c-ecommerce-service.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def copy_bundled(tmp: Path) -> Path:
    for name in ("courses", "packs", "library", "instructors"):
        shutil.copytree(REPO / name, tmp / name)
    return tmp


def preview(folder: Path) -> AbstractContextManager[tuple[subprocess.Popen[str], str]]:
    """The preview on any free port, as the tests start it (its log not kept)."""
    return running(folder, "--port", "0", stderr=subprocess.DEVNULL)


def address(url: str) -> tuple[str, int, str]:
    match = re.fullmatch(r"http://([\d.]+):(\d+)/\?token=(.+)", url)
    assert match, url
    return match.group(1), int(match.group(2)), match.group(3)


def get(url: str, path: str, fragment: bool = False) -> str:
    host, port, token = address(url)
    connection = http.client.HTTPConnection(host, port, timeout=60)
    headers = {"X-Syllabus-Token": token}
    if fragment:
        headers["X-Preview-Fragment"] = "1"
    connection.request("GET", path, headers=headers)
    text = connection.getresponse().read().decode("utf-8")
    connection.close()
    return text


def listen(url: str, events: queue.Queue[str]) -> None:
    """The page's event stream, each message put on ``events``."""
    host, port, token = address(url)
    connection = http.client.HTTPConnection(host, port)
    connection.request("GET", "/events", headers={"X-Syllabus-Token": token})
    answer = connection.getresponse()
    while True:
        line = answer.readline()
        if not line:
            return
        if line.startswith(b"data: "):
            events.put(line[6:].decode("utf-8"))


def edits(path: Path, old: str, new: str) -> Iterator[tuple[str, str]]:
    """Write the file with ``new`` for ``old`` and back, in turn; yields the text the page
    must then hold."""
    original = path.read_text(encoding="utf-8")
    assert old in original, old
    changed = original.replace(old, new, 1)
    while True:
        path.write_text(changed, encoding="utf-8")
        yield "changed", new
        path.write_text(original, encoding="utf-8")
        yield "back", old


def save_to_page_http(
    url: str, page: str, path: Path, old: str, new: str, shows: Callable[[str], str], rounds: int
) -> list[float]:
    events: queue.Queue[str] = queue.Queue()
    threading.Thread(target=listen, args=(url, events), daemon=True).start()
    time.sleep(0.5)
    get(url, page)  # the page is open (and built once)
    times = []
    writer = edits(path, old, new)
    for _ in range(rounds * 2):
        start = time.perf_counter()
        _, expected = next(writer)
        while True:
            data = events.get(timeout=30)
            if str(path.resolve()) in data:
                break
        html = get(url, page, fragment=True)
        assert shows(expected) in html, expected
        times.append(time.perf_counter() - start)
        time.sleep(0.15)
        while not events.empty():
            events.get_nowait()
    return times


def save_to_page_browser(
    url: str,
    page_path: str,
    path: Path,
    old: str,
    new: str,
    shows: Callable[[str], str],
    rounds: int,
) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        page.goto(url)
        page.goto(url.split("/?")[0] + page_path)
        page.wait_for_timeout(1500)  # the event stream open, the watcher on every folder
        writer = edits(path, old, new)
        for _ in range(rounds * 2):
            version = page.evaluate("Number(document.body.dataset.version)")
            start = time.perf_counter()
            _, expected = next(writer)
            page.wait_for_function(
                "([v, text]) => Number(document.body.dataset.version) > v"
                " && document.getElementById('content').innerHTML.includes(text)",
                arg=[version, shows(expected)],
                timeout=30_000,
            )
            times.append(time.perf_counter() - start)
            page.wait_for_timeout(150)
        browser.close()
    return times


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def rss_mib(pid: int) -> float:
    try:
        import psutil

        return float(psutil.Process(pid).memory_info().rss) / 1024 / 1024
    except ImportError:
        status = Path(f"/proc/{pid}/status").read_text()
        kib = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
        return kib / 1024


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    rounds = args.rounds
    browser = CHROMIUM is not None
    try:
        import playwright  # noqa: F401
    except ImportError:
        browser = False
    how = "Chromium (Playwright)" if browser else "HTTP client (no Chromium/Playwright here)"
    save = save_to_page_browser if browser else save_to_page_http
    print(f"preview bench: {rounds} rounds; save -> page measured in {how}")

    with tempfile.TemporaryDirectory(prefix="preview-bench-") as tmp:
        folder = copy_bundled(Path(tmp))
        with preview(folder) as (process, url):
            get(url, "/")
            course = save(
                url, f"/course/courses/{COURSE}", folder / "courses" / COURSE,
                'start: "08:30"', 'start: "09:00"',
                lambda start: "08:30–09:10" if start.endswith('"08:30"') else "09:00–09:40",
                rounds,
            )  # fmt: skip
            plan = save(
                url, f"/pack/packs/{PACK}", folder / "packs" / PACK,
                "3C数码品类线上渗透率", "3C数码品类线上渗透率(改)",
                lambda text: text, rounds,
            )  # fmt: skip
            for page in ("/", f"/course/courses/{COURSE}", f"/pack/packs/{PACK}"):
                get(url, page)
            time.sleep(2)
            idle = rss_mib(process.pid)
        c_ms, p_ms = median_ms(course), median_ms(plan)
        print(f"save -> page, one-day course: {c_ms:7.1f} ms (goal <= 150)  {verdict(c_ms <= 150)}")
        print(
            f"save -> page, the pack's plan: {p_ms:7.1f} ms (goal <= 500)  {verdict(p_ms <= 500)}"
        )
        print(
            f"idle memory:                  {idle:7.1f} MiB (goal <= 150)  {verdict(idle <= 150)}"
        )

        # a course page rebuilt in-process, against one whole `syllabus proposal`
        from syllabus_cli.preview.pages import course_view

        spec = folder / "courses" / COURSE
        course_view(spec, "en")  # the template read once, as in a running preview
        inproc = []
        for n in range(rounds):
            os.utime(spec, ns=(time.time_ns(), time.time_ns() + n))  # read and parsed anew
            start = time.perf_counter()
            course_view(spec, "en")
            inproc.append(time.perf_counter() - start)
        whole = []
        for n in range(rounds):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "syllabus_cli", "proposal", str(spec), "-o", f"{tmp}/p{n}.docx"],
                check=True, capture_output=True, env=ENV,
            )  # fmt: skip
            whole.append(time.perf_counter() - start)
        ratio = statistics.median(inproc) / statistics.median(whole)
        print(
            f"course page in-process:       {median_ms(inproc):7.1f} ms vs `syllabus proposal` "
            f"{median_ms(whole):.1f} ms = {ratio:.2f}x (goal <= 0.25)  {verdict(ratio <= 0.25)}"
        )

        # the warm LibreOffice against a cold --pdf run
        if shutil.which("soffice") or shutil.which("libreoffice"):
            from syllabus_cli.preview.office import WarmOffice, use
            from syllabus_cli.render.pdf import to_pdf

            cold = []
            for n in range(max(3, rounds // 3)):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "syllabus_cli", "proposal", str(spec), "--pdf",
                     "-o", f"{tmp}/cold{n}.docx"],
                    check=True, capture_output=True, env=ENV,
                )  # fmt: skip
                cold.append(time.perf_counter() - start)
            office = WarmOffice()
            use(office)
            try:
                to_pdf(Path(f"{tmp}/cold0.docx"))  # LibreOffice started: the session's first PDF
                warm = []
                for _ in range(max(3, rounds // 3)):
                    start = time.perf_counter()
                    to_pdf(Path(f"{tmp}/cold0.docx"))
                    warm.append(time.perf_counter() - start)
            finally:
                use(None)
                office.close()
            ratio = statistics.median(warm) / statistics.median(cold)
            print(
                f"PDF, warm LibreOffice:        {median_ms(warm):7.1f} ms vs cold --pdf "
                f"{median_ms(cold):.1f} ms = {ratio:.2f}x (goal <= 0.5)  {verdict(ratio <= 0.5)}"
            )
        else:
            print("PDF, warm LibreOffice:        SKIPPED (no soffice on PATH)")

    # a folder of 1,000 courses: the home page's first load
    with tempfile.TemporaryDirectory(prefix="preview-bench-1000-") as tmp:
        folder = Path(tmp)
        copy_bundled(folder)
        sources = sorted((folder / "courses").glob("*.yaml"))
        for n in range(1000 - len(sources)):
            source = sources[n % len(sources)]
            shutil.copyfile(source, folder / "courses" / f"{source.stem}-{n:04d}.yaml")
        with preview(folder) as (_, url):
            start = time.perf_counter()
            page = get(url, "/")
            first = time.perf_counter() - start
            start = time.perf_counter()
            get(url, "/")
            again = time.perf_counter() - start
        rows = page.count("<tr>") - 4
        print(
            f"home of 1,000 courses:        {first:7.2f} s first load, {again:.2f} s again "
            f"({rows} rows; goal <= 2 s)  {verdict(first <= 2)}"
        )


if __name__ == "__main__":
    main()
