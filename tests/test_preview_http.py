"""The preview over HTTP (starlette's TestClient): the safety rules, every page with a
good and a broken file, the build buttons and the import flow, as a browser sees them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from syllabus_cli.preview.app import create_app
from syllabus_cli.preview.importing import MAX_UPLOAD

from .import_builders import deck
from .preview_site import PORT, REPO, TOKEN, copy_bundled, session_over

BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    session = session_over(folder)
    with TestClient(create_app(session), base_url=BASE) as c:
        c.get(f"/?token={TOKEN}")  # the address the command prints: sets the cookie
        yield c


@pytest.fixture
def stranger(folder: Path) -> Iterator[TestClient]:
    """A browser that never saw the printed address."""
    with TestClient(create_app(session_over(folder)), base_url=BASE) as c:
        yield c


# --- safety -----------------------------------------------------------------------


def test_no_token_is_refused(stranger: TestClient) -> None:
    assert stranger.get("/").status_code == 403
    assert stranger.get("/course/courses/ecommerce-cs-sales.yaml").status_code == 403
    assert stranger.get("/?token=wrong").status_code == 403


def test_token_in_the_url_then_a_cookie(stranger: TestClient) -> None:
    first = stranger.get(f"/?token={TOKEN}")
    assert first.status_code == 200
    assert "HttpOnly" in first.headers["set-cookie"]
    assert "SameSite=Strict" in first.headers["set-cookie"]
    assert stranger.get("/course/courses/ecommerce-cs-sales.yaml").status_code == 200


@pytest.mark.parametrize(
    "host",
    [
        f"evil.example:{PORT}",  # DNS rebinding: another site's name pointed at 127.0.0.1
        "127.0.0.1:9999",  # another port
        "localhost.evil.example",
    ],
)
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    answer = client.get(f"/?token={TOKEN}", headers={"Host": host})
    assert answer.status_code == 421


@pytest.mark.parametrize("host", [f"localhost:{PORT}", f"127.0.0.1:{PORT}", f"[::1]:{PORT}"])
def test_the_local_host_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/course/courses/..%2Finstructors%2Ffengying.yaml",
        "/course/courses/../instructors/fengying.yaml",
        "/course/courses/%2E%2E/instructors/fengying.yaml",
        "/course/courses//etc/passwd",
        "/pack/packs/..%2F..%2Fetc%2Fpasswd",
        "/course/courses/C:%5Cwindows%5Cwin.ini",
    ],
)
def test_nothing_outside_the_folders(client: TestClient, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code in (403, 404)
    assert "fengying" not in answer.text and "root:" not in answer.text


def test_a_symlink_out_is_refused(
    client: TestClient, folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.yaml"
    outside.write_text("title: SECRET COURSE\nmodules: []\n", encoding="utf-8")
    link = folder / "courses" / "link.yaml"
    try:
        os.symlink(outside, link)
    except (OSError, NotImplementedError):
        pytest.skip("SKIPPED: this system cannot make symbolic links")
    answer = client.get("/course/courses/link.yaml")
    assert answer.status_code == 403
    assert "SECRET" not in answer.text


def test_an_unknown_folder_name_is_not_found(client: TestClient) -> None:
    assert client.get("/course/instructors/fengying.yaml").status_code == 404


def test_a_post_needs_the_token_not_only_the_cookie(client: TestClient, folder: Path) -> None:
    answer = client.post("/build/course/courses/ecommerce-cs-sales.yaml", data={"what": "docx"})
    assert answer.status_code == 403
    assert not (folder / "dist").exists()


def test_a_get_never_builds(client: TestClient) -> None:
    assert client.get("/build/course/courses/ecommerce-cs-sales.yaml").status_code == 405


def test_an_oversized_upload_is_refused(client: TestClient, folder: Path) -> None:
    big = b"x" * (MAX_UPLOAD + 1)
    answer = client.post(
        "/import", data={"token": TOKEN}, files={"catalog": ("big.txt", big, "text/plain")}
    )
    assert answer.status_code == 413
    assert sorted(p.name for p in (folder / "courses").iterdir()) == sorted(
        p.name for p in (REPO / "courses").iterdir()
    )


def test_more_than_one_uploaded_file_is_refused(client: TestClient) -> None:
    answer = client.post(
        "/import",
        data={"token": TOKEN},
        files=[
            ("catalog", ("a.txt", b"a", "text/plain")),
            ("catalog", ("b.txt", b"b", "text/plain")),
        ],
    )
    assert answer.status_code == 400


# --- pages --------------------------------------------------------------------------


def test_home_lists_every_course_pack_and_library_file(client: TestClient) -> None:
    page = client.get("/").text
    for spec in (REPO / "courses").glob("*.yaml"):
        assert f"courses/{spec.name}" in page
    assert "packs/3c-ecommerce-service.yaml" in page
    assert "library/private-domain.yaml" in page
    assert "一天 · 半天" in page  # a course's variants
    assert "1 day (8 hours)" in page  # a stated length, in the session's language
    assert "clean" in page and "1 warning(s)" in page  # the library's TODO-free warning


def test_home_speaks_the_session_language(folder: Path) -> None:
    from syllabus_cli import i18n

    i18n.choose("zh")
    session = session_over(folder)
    session.site.language = "zh"
    with TestClient(create_app(session), base_url=BASE) as c:
        page = c.get(f"/?token={TOKEN}").text
    assert "课程" in page and "无问题" in page and "标称时长" in page


def test_a_course_page_shows_outline_agenda_proposal_and_problems(client: TestClient) -> None:
    page = client.get("/course/courses/ecommerce-cs-sales.yaml").text
    assert "行业信息分享与洞察" in page  # the outline
    assert "08:30–09:10" in page and "12:00–13:00" in page  # the agenda's clock, lunch
    assert 'class="doc-title' in page and "电商客服销售能力提升" in page  # the cover
    assert 'class="doc-h1' in page  # headings as the .docx styles them
    assert "doc-table" in page  # the agenda table inside the proposal
    assert "No problems." in page


def test_a_course_with_variants_shows_each(client: TestClient) -> None:
    page = client.get("/course/courses/omnichannel-store-ops.yaml").text
    assert "Variant: 一天" in page and "Variant: 半天" in page


def test_a_course_that_stops_parsing_shows_its_error(client: TestClient, folder: Path) -> None:
    spec = folder / "courses" / "ecommerce-cs-sales.yaml"
    assert "08:30–09:10" in client.get("/course/courses/ecommerce-cs-sales.yaml").text
    spec.write_text("title: 电商\nmodules: [\n  - title: x\n", encoding="utf-8")
    page = client.get("/course/courses/ecommerce-cs-sales.yaml").text
    assert "08:30–09:10" not in page  # not the old page
    assert "[syntax]" in page
    link = re.search(r'href="(vscode://file/[^"]+)"', page)
    assert link is not None
    where = quote(spec.resolve().as_posix().lstrip("/"), safe="/:")
    assert link.group(1).startswith(f"vscode://file/{where}:")
    assert re.search(r"ecommerce-cs-sales\.yaml:\d+:\d+", page)
    home = client.get("/").text
    assert "1 error(s)" in home


def test_a_course_with_timing_errors_shows_them_beside_the_outline(
    client: TestClient, folder: Path
) -> None:
    spec = folder / "courses" / "ecommerce-cs-sales.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("duration: 40分钟", "duration: 400分钟", 1), encoding="utf-8")
    page = client.get("/course/courses/ecommerce-cs-sales.yaml").text
    assert "行业信息分享与洞察" in page  # the outline is still there
    assert "No agenda until the errors are fixed." in page
    assert 'class="lvl-error"' in page


def test_a_broken_library_file(client: TestClient, folder: Path) -> None:
    (folder / "library" / "private-domain.yaml").write_text("title: [broken\n", encoding="utf-8")
    assert "[syntax]" in client.get("/course/library/private-domain.yaml").text
    # a course that includes from it says so too
    home = client.get("/").text
    assert "error(s)" in home


def test_a_pack_page_shows_plan_quote_calendar_and_problems(client: TestClient) -> None:
    page = client.get("/pack/packs/3c-ecommerce-service.yaml").text
    assert "电商服务能力提升项目" in page
    assert "2026年12月" in page  # the calendar in the pack's language, as the client reads it
    assert 'class="on"' in page  # delivery days on the calendar
    assert "doc-table" in page  # the quote, the timeline
    assert "No problems." in page


def test_a_pack_whose_course_breaks(client: TestClient, folder: Path) -> None:
    (folder / "courses" / "o2o-newretail.yaml").write_text(
        "title: x\nmodules: 3\n", encoding="utf-8"
    )
    page = client.get("/pack/packs/3c-ecommerce-service.yaml").text
    assert page.count('class="lvl-error"') >= 1


def test_a_broken_pack(client: TestClient, folder: Path) -> None:
    (folder / "packs" / "3c-ecommerce-service.yaml").write_text("client: [\n", encoding="utf-8")
    page = client.get("/pack/packs/3c-ecommerce-service.yaml").text
    assert "[syntax]" in page
    assert "No plan until the pack&#39;s errors are fixed." in page


def test_a_broken_instructor_shows_on_the_course_and_the_pack(
    client: TestClient, folder: Path
) -> None:
    (folder / "instructors" / "fengying.yaml").write_text("name: [\n", encoding="utf-8")
    course = client.get("/course/courses/ecommerce-cs-sales.yaml").text
    assert "instructor" in course and 'class="lvl-error"' in course
    pack = client.get("/pack/packs/3c-ecommerce-service.yaml").text
    assert 'class="lvl-error"' in pack


def test_a_fragment_is_the_content_alone(client: TestClient) -> None:
    part = client.get(
        "/course/courses/ecommerce-cs-sales.yaml", headers={"X-Preview-Fragment": "1"}
    ).text
    assert part.startswith('<main id="content"') and "<script>" not in part


def test_the_page_names_the_files_it_depends_on(client: TestClient, folder: Path) -> None:
    page = client.get("/course/courses/ecommerce-cs-sales.yaml").text
    deps = re.search(r'data-deps="([^"]*)"', page)
    assert deps is not None
    assert "fengying.yaml" in deps.group(1)  # the instructor file it reads
    assert "o2o-newretail" not in deps.group(1)


# --- buttons ------------------------------------------------------------------------


def test_build_writes_what_export_writes(client: TestClient, folder: Path) -> None:
    answer = client.post(
        "/build/course/courses/ecommerce-cs-sales.yaml", data={"token": TOKEN, "what": "docx"}
    )
    assert answer.status_code == 200
    built = folder / "dist" / "ecommerce-cs-sales"
    assert (built / "ecommerce-cs-sales.proposal.docx").is_file()
    assert (folder / "dist" / ".syllabus-manifest.json").is_file()  # export's own manifest
    proposal = built / "ecommerce-cs-sales.proposal.docx"
    proposal.write_bytes(proposal.read_bytes() + b"edited by hand")
    again = client.post(
        "/build/course/courses/ecommerce-cs-sales.yaml", data={"token": TOKEN, "what": "docx"}
    )
    assert "changed by hand" in again.text
    assert proposal.read_bytes().endswith(b"edited by hand")  # never overwritten


def test_build_pack_writes_the_folder_and_zip(client: TestClient, folder: Path) -> None:
    answer = client.post(
        "/build/pack/packs/3c-ecommerce-service.yaml", headers={"X-Syllabus-Token": TOKEN}
    )
    assert answer.status_code == 200
    assert (folder / "dist" / "3c-ecommerce-service" / "3c-ecommerce-service.zip").is_file()


# --- import -------------------------------------------------------------------------


def test_import_shows_each_spec_beside_its_source_then_writes(
    client: TestClient, folder: Path
) -> None:
    catalog = (REPO / "tests" / "data" / "import" / "bracket-labels.txt").read_bytes()
    page = client.post(
        "/import",
        data={"token": TOKEN},
        files={"catalog": ("bracket-labels.txt", catalog, "text/plain")},
    )
    assert page.status_code == 200
    assert "bracket-labels-01.yaml" in page.text
    assert 'class="source"' in page.text
    staged = re.search(r'name="staged" value="([^"]+)"', page.text)
    assert staged is not None
    assert not (folder / "courses" / "bracket-labels-01.yaml").exists()  # nothing written yet
    wrote = client.post("/import/write", data={"token": TOKEN, "staged": staged.group(1)})
    assert wrote.status_code == 200
    spec = folder / "courses" / "bracket-labels-01.yaml"
    assert spec.is_file()
    spec.write_text(spec.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    again = client.post(
        "/import",
        data={"token": TOKEN},
        files={"catalog": ("bracket-labels.txt", catalog, "text/plain")},
    )
    assert "Already there: bracket-labels-01.yaml" in again.text
    staged = re.search(r'name="staged" value="([^"]+)"', again.text)
    assert staged is not None
    client.post("/import/write", data={"token": TOKEN, "staged": staged.group(1)})
    assert spec.read_text(encoding="utf-8").endswith("# mine\n")  # not without asking
    client.post("/import/write", data={"token": TOKEN, "staged": staged.group(1), "overwrite": "1"})
    assert not spec.read_text(encoding="utf-8").endswith("# mine\n")


def test_import_marks_todos(client: TestClient) -> None:
    text = "【课程名称】\n【课程大纲】\n一、开场\n二、复盘\n".encode()
    page = client.post(
        "/import", data={"token": TOKEN}, files={"catalog": ("x.txt", text, "text/plain")}
    ).text
    assert '<mark class="todo">TODO' in page


def test_import_reads_a_deck_or_a_sheet_as_the_command_does(
    client: TestClient, tmp_path: Path
) -> None:
    """The upload keeps its kind: a deck is read as a deck (it used to be read as text,
    and failed), and the file picker offers every kind import reads."""
    made = deck(
        tmp_path / "谈判.pptx",
        [
            ("商务谈判实战", ["课程时长：1天"]),
            ("课程大纲", ["谈判准备", "开局与报价", "让步与成交"]),
        ],
    )
    page = client.post(
        "/import",
        data={"token": TOKEN},
        files={"catalog": ("谈判.pptx", made.read_bytes(), "application/octet-stream")},
    )
    assert page.status_code == 200, page.text[:300]
    assert "商务谈判实战" in page.text and "开局与报价" in page.text
    form = client.get("/import", params={"token": TOKEN}).text
    accept = re.search(r'accept="([^"]+)"', form)
    assert accept is not None
    assert {".pptx", ".xlsx", ".pdf", ".html", ".docx"} <= set(accept.group(1).split(","))


def test_import_an_unreadable_file_says_why(client: TestClient) -> None:
    page = client.post(
        "/import",
        data={"token": TOKEN},
        files={"catalog": ("x.docx", b"not a zip", "application/octet-stream")},
    )
    assert page.status_code == 422
    assert "x.docx" in page.text


def test_a_pdf_without_libreoffice_says_what_to_install(
    client: TestClient, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("syllabus_cli.render.pdf.office.find_office", lambda: None)
    page = client.post(
        "/build/course/courses/ecommerce-cs-sales.yaml", data={"token": TOKEN, "what": "pdf"}
    ).text
    assert "LibreOffice is needed for PDFs" in page
    assert "winget install" in page and "apt-get install" in page


def test_a_deleted_file_says_so(client: TestClient, folder: Path) -> None:
    (folder / "courses" / "o2o-newretail.yaml").unlink()
    answer = client.get("/course/courses/o2o-newretail.yaml", headers={"X-Preview-Fragment": "1"})
    assert answer.status_code == 404
    assert answer.text.startswith('<main id="content"') and "not there any more" in answer.text
