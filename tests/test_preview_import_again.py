"""The preview's import page read again by the trainer's example of one module (the
``--modules-like`` of the command line), over HTTP: the spec shown, then written, holds
the modules the trainer named; an example naming no line is said on the page, the page as
first read kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from starlette.testclient import TestClient

from syllabus_cli.preview.app import create_app

from .preview_site import PORT, TOKEN, copy_bundled, session_over

PAGE = (
    "# 高效沟通训练营\n\n## 课程安排\n\n**第一天 沟通基础**\n1. 沟通的本质（60分钟）\n"
    "2. 倾听的层次（90分钟）\n\n**第二天 高阶表达**\n1. 结构化表达（90分钟）\n"
    "2. 课程总结（60分钟）\n"
).encode()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path / "site")


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with TestClient(create_app(session_over(folder)), base_url=f"http://127.0.0.1:{PORT}") as c:
        c.get(f"/?token={TOKEN}")
        yield c


def _staged(client: TestClient) -> str:
    page = client.post(
        "/import", data={"token": TOKEN}, files={"catalog": ("outline.md", PAGE, "text/plain")}
    )
    assert page.status_code == 200, page.text
    assert 'action="/import/again"' in page.text and 'class="line"' in page.text
    found = re.search(r'name="staged" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def test_read_again_by_a_module_line_then_written(client: TestClient, folder: Path) -> None:
    staged = _staged(client)
    again = client.post(
        "/import/again", data={"token": TOKEN, "staged": staged, "modules_like": "1. 沟通的本质"}
    )
    assert again.status_code == 200, again.text
    assert "title: 2. 倾听的层次" in again.text and 'value="1. 沟通的本质"' in again.text
    wrote = client.post(
        "/import/write",
        data={"token": TOKEN, "staged": staged, "modules_like": "1. 沟通的本质"},
    )
    assert wrote.is_success
    spec = yaml.safe_load((folder / "courses" / "outline-01.yaml").read_text(encoding="utf-8"))
    assert [m["title"] for m in spec["modules"]] == [
        "1. 沟通的本质",
        "2. 倾听的层次",
        "1. 结构化表达",
        "2. 课程总结",
    ]


def test_an_example_naming_no_line_is_said_and_the_first_reading_stays(
    client: TestClient, folder: Path
) -> None:
    staged = _staged(client)
    again = client.post(
        "/import/again", data={"token": TOKEN, "staged": staged, "modules_like": "第九天"}
    )
    assert again.status_code == 422
    assert "第九天" in again.text and "status-errors" in again.text
    assert "title: 沟通基础" in again.text  # the days, as first read
    assert not (folder / "courses" / "outline-01.yaml").exists()


def test_read_again_needs_the_token_and_a_staged_catalog(client: TestClient) -> None:
    staged = _staged(client)
    refused = client.post("/import/again", data={"staged": staged, "modules_like": "1."})
    assert refused.status_code == 403
    gone = client.post("/import/again", data={"token": TOKEN, "staged": "0" * 16 + ":x"})
    assert gone.status_code == 404


def test_writing_with_an_example_naming_no_line_is_said_not_a_server_error(
    client: TestClient, folder: Path
) -> None:
    staged = _staged(client)
    wrote = client.post(
        "/import/write", data={"token": TOKEN, "staged": staged, "modules_like": "第九天"}
    )
    assert wrote.status_code == 422 and "第九天" in wrote.text
    assert not (folder / "courses" / "outline-01.yaml").exists()


def test_an_unmatched_example_stays_in_the_field_and_write_keeps_the_first_reading(
    client: TestClient,
) -> None:
    staged = _staged(client)
    again = client.post(
        "/import/again", data={"token": TOKEN, "staged": staged, "modules_like": "第九天"}
    )
    assert 'id="modules-like" value="第九天" data-shown=""' in again.text
    assert '<input type="hidden" name="modules_like" value="">' in again.text
