"""The preview attacked as a process on 127.0.0.1: a body that never announces its
length, the terminal closed or the process killed while LibreOffice runs, the last
ports, another loopback name for ``--host``. Every process is stopped on the way out."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .preview_process import (
    build,
    descendants,
    kill_left,
    running,
    skip_without_office_on_linux,
)
from .preview_site import copy_bundled


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER", "true")


def _split(url: str) -> tuple[str, int, str]:
    base, token = url.split("/?token=")
    host, port = base.removeprefix("http://").rsplit(":", 1)
    return host, int(port), token


def test_a_chunked_upload_is_cut_off_near_the_limit(tmp_path: Path) -> None:
    """A body with no Content-Length: the preview answers 413 once it passes the limit
    and stops reading, instead of spooling gigabytes to the disk first."""
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0") as (_process, url):
        host, port, token = _split(url)
        boundary = "cutoff"
        head = (
            f"POST /import HTTP/1.1\r\nHost: {host}:{port}\r\nX-Syllabus-Token: {token}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            "Transfer-Encoding: chunked\r\n\r\n"
        ).encode()
        part = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="catalog"; '
            'filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        chunk = b"x" * (256 * 1024)
        sent = 0
        answer = b""
        with socket.create_connection((host, port), timeout=30) as conn:
            conn.sendall(head + b"%x\r\n%s\r\n" % (len(part), part))
            try:
                for _ in range(4 * 256):  # up to 256 MiB
                    conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
                    if select.select([conn], [], [], 0)[0]:
                        break
            except OSError:  # the server closed the connection: it stopped reading
                pass
            conn.settimeout(30)
            try:
                while b"\r\n\r\n" not in answer:
                    data = conn.recv(65536)
                    if not data:
                        break
                    answer += data
            except OSError:
                pass
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert sent <= 16 * 1024 * 1024  # stopped near the 10 MiB limit


@pytest.mark.office
@pytest.mark.parametrize("stop", ["SIGHUP", "SIGTERM"])
def test_a_closed_terminal_or_kill_stops_libreoffice_too(tmp_path: Path, stop: str) -> None:
    """Closing the terminal sends SIGHUP, ``kill`` SIGTERM: neither may leave the
    session's LibreOffice running (it runs in a session of its own)."""
    skip_without_office_on_linux()
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0") as (process, url):
        page = build(url, "course/courses/o2o-newretail.yaml", "pdf", timeout=300)
        assert "o2o-newretail.proposal.pdf" in page
        office = descendants(process.pid)
        assert office
        process.send_signal(getattr(signal, stop))
        assert process.wait(timeout=30) == 0
    left = kill_left(office)
    assert not left, f"LibreOffice left running: {left}"


def test_the_last_port_busy_is_a_clear_error(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    taken = socket.socket()
    try:
        taken.bind(("127.0.0.1", 65535))
    except OSError:
        taken.close()
        pytest.skip("SKIPPED: port 65535 is in use on this machine")
    taken.listen(1)
    try:
        with running(folder, "--port", "65535") as (process, url):
            assert process.wait(timeout=30) == 1
            assert process.stderr is not None
            err = process.stderr.read()
        assert url == ""
        assert "Traceback" not in err and "65535" in err and "--port" in err
    finally:
        taken.close()


def test_localhost_is_this_machine_no_warning(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0", "--host", "localhost") as (process, url):
        assert url.startswith("http://localhost:")
        with urllib.request.urlopen(url, timeout=30) as answer:
            assert answer.status == 200
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        err = process.stderr.read()
    assert "other machines" not in err and "preview stopped" in err


def test_a_wrong_token_gets_no_page_from_a_real_server(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0") as (_process, url):
        base = url.split("/?token=")[0]
        try:
            urllib.request.urlopen(f"{base}/?token=guess", timeout=30)
        except urllib.error.HTTPError as refused:
            assert refused.code == 403
            assert refused.headers["Referrer-Policy"] == "same-origin"
        else:  # pragma: no cover - the assertion below explains
            pytest.fail("a wrong token was served")


def test_port_zero_is_any_free_port_not_a_busy_one(tmp_path: Path) -> None:
    """``--port 0`` asks for any free port: nothing is 'in use', and a build says in
    full where it wrote (the trainer's browser does not know the terminal's folder)."""
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0") as (process, url):
        page = build(url, "course/courses/o2o-newretail.yaml", "docx", timeout=120)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        err = process.stderr.read()
    assert "in use" not in err
    assert str((folder / "dist" / "o2o-newretail").resolve()) in page


def _events(base: str, token: str, seen: list[str], stop: threading.Event) -> None:
    """Read the page's event stream (as the page's script does) until ``stop``."""
    request = urllib.request.Request(f"{base}/events", headers={"X-Syllabus-Token": token})
    with contextlib.suppress(OSError), urllib.request.urlopen(request, timeout=30) as stream:
        for line in stream:
            if line.startswith(b"data:"):
                seen.append(line.decode("utf-8"))
            if stop.is_set():
                return


def test_a_folder_of_a_thousand_courses_is_still_followed(tmp_path: Path) -> None:
    """1,000 course files written, the home page opened over them: a save afterwards
    still reaches the open pages (the watcher died while the home page was built)."""
    folder = copy_bundled(tmp_path)
    with running(folder, "--port", "0") as (process, url):
        base, token = url.split("/?token=")
        seen: list[str] = []
        stop = threading.Event()
        listener = threading.Thread(target=_events, args=(base, token, seen, stop), daemon=True)
        listener.start()
        time.sleep(1)
        for number in range(1000):
            (folder / "courses" / f"bulk-{number:04d}.yaml").write_text(
                f"title: 课程{number}\nmodules:\n  - title: 开场\n    duration: 30m\n", "utf-8"
            )
        request = urllib.request.Request(f"{base}/", headers={"X-Syllabus-Token": token})
        with urllib.request.urlopen(request, timeout=120) as answer:
            assert answer.read().decode("utf-8").count("bulk-") >= 1000
        time.sleep(1)
        before = len(seen)
        course = folder / "courses" / "o2o-newretail.yaml"
        course.write_text(course.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not any(
            "o2o-newretail.yaml" in line for line in seen[before:]
        ):
            time.sleep(0.05)
        stop.set()
        assert any("o2o-newretail.yaml" in line for line in seen[before:]), seen[before:]
        assert process.poll() is None


@pytest.mark.office
def test_ctrl_c_while_a_pdf_is_being_made_stops_at_once_without_a_traceback(
    tmp_path: Path,
) -> None:
    skip_without_office_on_linux()
    folder = copy_bundled(tmp_path)
    office: set[int] = set()
    with running(folder, "--port", "0") as (process, url):

        def click() -> None:
            with contextlib.suppress(OSError):
                build(url, "pack/packs/3c-ecommerce-service.yaml", "pdf", timeout=300)

        threading.Thread(target=click, daemon=True).start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not office:
            office = descendants(process.pid)
            time.sleep(0.1)
        assert office, "LibreOffice never started"
        time.sleep(1)  # a conversion is under way
        office |= descendants(process.pid)
        stopped = time.monotonic()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        took = time.monotonic() - stopped
        assert process.stderr is not None
        err = process.stderr.read()
    assert not kill_left(office)
    assert "Traceback" not in err and "CancelledError" not in err, err
    assert took < 5, took


def test_import_writes_into_the_folder_the_preview_shows(tmp_path: Path) -> None:
    """``syllabus preview 我的课程``: the import page writes there (where the home page
    shows the new specs), not into a ./courses the trainer never sees."""
    import re

    mine = tmp_path / "我的课程"
    mine.mkdir()
    (mine / "a.yaml").write_text(
        "title: 甲\nmodules:\n  - title: 开场\n    duration: 30m\n", "utf-8"
    )
    catalog = "【课程名称】新课\n【课程大纲】\n一、开场（30分钟）\n二、复盘（30分钟）\n".encode()
    body = (
        b'--b\r\nContent-Disposition: form-data; name="catalog"; filename="new.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + catalog + b"\r\n--b--\r\n"
    )
    with running(tmp_path, "--port", "0", "我的课程") as (_process, url):
        base, token = url.split("/?token=")
        headers = {"X-Syllabus-Token": token}
        read = urllib.request.Request(
            f"{base}/import",
            data=body,
            headers={**headers, "Content-Type": "multipart/form-data; boundary=b"},
            method="POST",
        )
        with urllib.request.urlopen(read, timeout=60) as answer:
            staged = re.search(r'name="staged" value="([^"]+)"', answer.read().decode("utf-8"))
        assert staged is not None
        write = urllib.request.Request(
            f"{base}/import/write",
            data=urllib.parse.urlencode({"staged": staged.group(1)}).encode(),
            headers=headers,
            method="POST",
        )
        with urllib.request.urlopen(write, timeout=60) as answer:
            assert answer.status == 200
        with urllib.request.urlopen(
            urllib.request.Request(f"{base}/", headers=headers), timeout=60
        ) as answer:
            home = answer.read().decode("utf-8")
    assert (mine / "new-01.yaml").is_file()
    assert not (tmp_path / "courses").exists()
    assert "new-01.yaml" in home


def test_no_display_opens_no_console_browser_in_the_terminal(tmp_path: Path) -> None:
    """Over SSH (no display) Python's webbrowser falls back to w3m or lynx in the same
    terminal: the preview would lose its terminal (and Ctrl-C) to it."""

    if not sys.platform.startswith("linux"):
        pytest.skip("SKIPPED: console browsers are a Linux fallback")
    folder = copy_bundled(tmp_path / "site")
    tools = tmp_path / "bin"
    tools.mkdir()
    marker = tmp_path / "console-browser-ran"
    for name in ("w3m", "lynx", "links", "elinks", "www-browser"):
        fake = tools / name
        fake.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
        fake.chmod(0o755)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")
    }
    env.update(PATH=f"{tools}{os.pathsep}{env.get('PATH', '')}", SYLLABUS_LANG="en")
    with running(folder, "--port", "0", env=env, no_open=False) as (_process, url):
        assert url.startswith("http://127.0.0.1:")
        time.sleep(2)  # the browser is opened 0.3 s after the address is printed
    assert not marker.exists()


def test_the_browser_is_started_without_the_token_on_its_command_line(tmp_path: Path) -> None:
    """A browser's command line is visible to every user of the computer (``ps``): it
    is given a one-time ticket, not the token. The first page asked with it gets the
    cookie; after that the ticket opens nothing (the printed address still does). An
    address, not a file, so a browser that cannot read /tmp (a snap) opens it too."""
    if os.name != "posix":
        pytest.skip("SKIPPED: a shell-script browser is POSIX")
    folder = copy_bundled(tmp_path / "site")
    said = tmp_path / "browser-argv"
    fake = tmp_path / "browser.sh"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {said}\n', encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "SYLLABUS_LANG": "en", "PYTHONUNBUFFERED": "1", "BROWSER": str(fake)}
    with running(folder, "--port", "0", env=env, no_open=False) as (_process, url):
        base, token = url.split("/?token=", 1)
        for _ in range(100):
            if said.is_file() and said.read_text(encoding="utf-8").strip():
                break
            time.sleep(0.1)
        opened = said.read_text(encoding="utf-8").strip()
        assert token not in opened and opened.startswith(f"{base}/?ticket="), opened
        with urllib.request.urlopen(opened, timeout=60) as answer:  # the browser's visit
            assert answer.status == 200
            cookie = answer.headers["set-cookie"].split(";", 1)[0]
        assert cookie.endswith("=" + token)
        with pytest.raises(urllib.error.HTTPError) as refused:  # anyone after it
            urllib.request.urlopen(opened, timeout=60)
        assert refused.value.code == 403
        again = urllib.request.Request(opened, headers={"Cookie": cookie})
        with urllib.request.urlopen(again, timeout=60) as answer:  # the browser reloading
            assert answer.status == 200
        with urllib.request.urlopen(url, timeout=60) as answer:  # the printed address
            assert answer.status == 200
