"""``syllabus preview`` as a process: its first line, the port, Ctrl-C."""

from __future__ import annotations

import re
import signal
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .preview_process import build, descendants, kill_left, running, skip_without_office_on_linux
from .preview_site import copy_bundled


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_first_line_is_the_address_and_ctrl_c_stops_it(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0") as (process, url):
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]{20,})", url)
        assert match, url
        status, page = _get(url)
        assert status == 200 and "ecommerce-cs-sales.yaml" in page
        base = url.split("?")[0]
        assert _get(base)[0] == 403  # without the token
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        assert "preview stopped" in process.stderr.read()


def test_a_port_in_use_moves_to_the_next_free_one(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with running(folder, "--port", str(port)) as (_process, url):
            moved = int(url.split(":")[2].split("/")[0])
            assert moved != port
            assert _get(url)[0] == 200
    finally:
        taken.close()


def test_no_folders_is_a_usage_error(tmp_path: Path) -> None:
    with running(tmp_path) as (process, url):
        assert process.wait(timeout=30) == 2
        assert url == ""


def test_another_host_warns(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0", "--host", "0.0.0.0") as (process, url):
        assert url.startswith("http://127.0.0.1:")
        assert _get(url)[0] == 200
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        assert "other machines on the network" in process.stderr.read()


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER", "true")  # --no-open is passed; belt and braces


@pytest.mark.office
def test_ctrl_c_stops_the_sessions_libreoffice_too(tmp_path: Path) -> None:
    skip_without_office_on_linux()
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0") as (process, url):
        page = build(url, "course/courses/o2o-newretail.yaml", "pdf", timeout=300)
        assert "o2o-newretail.proposal.pdf" in page
        assert (folder / "dist" / "o2o-newretail" / "o2o-newretail.proposal.pdf").is_file()
        office = descendants(process.pid)
        assert office  # LibreOffice is kept running for the next PDF
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    assert not kill_left(office)


def test_other_commands_never_import_the_preview(tmp_path: Path) -> None:
    """The server, templates and watcher cost nothing to ``validate`` (its start-up is
    benchmarked): they are imported when ``preview`` runs, not before."""
    import subprocess
    import sys

    from .preview_site import REPO

    code = (
        "import sys, runpy; sys.argv = ['syllabus', 'validate', {!r}];"
        "\ntry: runpy.run_module('syllabus_cli', run_name='__main__')"
        "\nexcept SystemExit: pass"
        "\nprint(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('starlette', 'uvicorn', 'jinja2', 'watchfiles', 'multipart', 'python_multipart')"
        " or m.startswith('syllabus_cli.preview')))"
    ).format(str(REPO / "courses"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
