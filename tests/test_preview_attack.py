"""The preview attacked over HTTP (starlette's TestClient), as a hostile web page, a
confused trainer and a careful reviewer would: other Host names, other origins, a second
preview on another port, paths that lead out, uploads that never end, markup in titles
and file names, clicks at the same time, files that change under the page."""

from __future__ import annotations

import io
import os
import re
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from syllabus_cli.preview.app import create_app
from syllabus_cli.preview.importing import MAX_UPLOAD
from syllabus_cli.preview.pages import Site
from syllabus_cli.preview.security import Guard
from syllabus_cli.preview.session import Session

from .preview_site import PORT, TOKEN, copy_bundled, session_over

BASE = f"http://127.0.0.1:{PORT}"
COURSE = "/course/courses/ecommerce-cs-sales.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path / "site")


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with TestClient(create_app(session_over(folder)), base_url=BASE) as c:
        c.get(f"/?token={TOKEN}")
        yield c


def _symlink(target: Path, link: Path) -> None:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):
        pytest.skip("SKIPPED: this system cannot make symbolic links")


# --- DNS rebinding: the Host header ---------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        f"127.0.0.1.evil.example:{PORT}",  # a name that starts like the address
        f"localhost:{PORT}@evil.example",
        "[::1]",  # the right address, the port left out
        "",  # no Host at all
        f"127.0.0.1:{PORT + 1}",  # another port
        f"10.1.2.3:{PORT}",  # another machine's address: it listens on 127.0.0.1 only
        f"0.0.0.0:{PORT}",
    ],
)
def test_a_host_that_is_not_this_preview_is_refused(client: TestClient, host: str) -> None:
    answer = client.get(f"/?token={TOKEN}", headers={"Host": host})
    assert answer.status_code == 421
    assert "ecommerce" not in answer.text


@pytest.mark.parametrize(
    "host",
    [f"LOCALHOST:{PORT}", f"[::1]:{PORT}", f"[::ffff:127.0.0.1]:{PORT}", f"127.0.0.2:{PORT}"],
)
def test_every_loopback_spelling_is_served(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"Host": host}).status_code == 200


def test_listening_on_the_network_serves_the_machines_address(folder: Path) -> None:
    """``--host 0.0.0.0``: a colleague opens http://192.168.1.20:PORT/?token=…"""
    roots = {name: folder / name for name in ("courses", "packs", "library")}
    session = Session(
        Site(roots, "en"), Guard(TOKEN, PORT, local_only=False), folder / "dist", folder
    )
    with TestClient(create_app(session), base_url=BASE) as c:
        assert (
            c.get(f"/?token={TOKEN}", headers={"Host": f"192.168.1.20:{PORT}"}).status_code == 200
        )
        assert c.get("/", headers={"Host": f"evil.example:{PORT}"}).status_code == 421


# --- the token -------------------------------------------------------------------------


def test_two_previews_in_one_browser_keep_their_own_cookie(tmp_path: Path) -> None:
    """A trainer runs two previews (two folders, two ports) in one browser: a browser
    sends a host's cookies to every port, so one cookie name would log the other out."""
    jar = CookieJar()  # one browser
    first_folder, second_folder = copy_bundled(tmp_path / "a"), copy_bundled(tmp_path / "b")
    first = TestClient(create_app(session_over(first_folder)), base_url=BASE, cookies=jar)
    second_base = f"http://127.0.0.1:{PORT + 1}"
    other = session_over(second_folder, port=PORT + 1, token="other-token-9876543210")
    second = TestClient(create_app(other), base_url=second_base, cookies=jar)
    with first, second:
        assert first.get(f"/?token={TOKEN}").status_code == 200
        assert second.get("/?token=other-token-9876543210").status_code == 200
        assert first.get(COURSE).status_code == 200  # still in, by its own cookie
        assert second.get(COURSE).status_code == 200
        cookie = first.get(f"/?token={TOKEN}").headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie


def test_every_page_keeps_its_referer_home_and_runs_only_its_own_script(
    client: TestClient, folder: Path
) -> None:
    """The first address carries the token: no link may hand it to another site."""
    for url in ("/", COURSE, "/pack/packs/3c-ecommerce-service.yaml", "/import", "/nowhere"):
        answer = client.get(f"{url}?token={TOKEN}")
        assert answer.headers["referrer-policy"] == "same-origin", url
        assert answer.headers["x-frame-options"] == "DENY", url
        policy = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy, url
        if answer.headers["content-type"].startswith("text/html"):
            nonce = re.search(r"'nonce-([\w-]+)'", policy)
            assert nonce is not None and f'<script nonce="{nonce.group(1)}">' in answer.text
            assert answer.text.count("<script") == 1
            links = re.findall(r'(?:href|action|src)="([^"]*)"', answer.text)
            assert all(re.match(r"(/|#|vscode://)", link) for link in links), links


def test_a_wrong_token_of_any_shape_is_refused(client: TestClient) -> None:
    client.cookies.clear()
    for wrong in ("", TOKEN[:-1], TOKEN + "x", "é" * 20, TOKEN.upper(), TOKEN + "\x00"):
        assert client.get("/", params={"token": wrong}).status_code == 403
        header = {"X-Syllabus-Token": wrong.encode("utf-8")}  # as the bytes arrive
        assert client.get("/", headers=header).status_code == 403


def test_the_refusal_speaks_the_session_language(folder: Path) -> None:
    from syllabus_cli import i18n

    previous = i18n.language()
    i18n.set_language("zh")
    try:
        with TestClient(create_app(session_over(folder)), base_url=BASE) as c:
            answer = c.get("/")
    finally:
        i18n.set_language(previous)
    assert answer.status_code == 403
    assert "令牌" in answer.text and "?token=" in answer.text


# --- CSRF: a POST from another page -----------------------------------------------------


@pytest.mark.parametrize(
    "origin",
    ["http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null", f"https://127.0.0.1:{PORT}"],
)
def test_a_post_from_another_origin_is_refused_even_with_the_token(
    client: TestClient, folder: Path, origin: str
) -> None:
    answer = client.post(
        "/build/course/courses/ecommerce-cs-sales.yaml",
        data={"token": TOKEN, "what": "docx"},
        headers={"Origin": origin},
    )
    assert answer.status_code == 403
    assert not (folder / "dist").exists()


def test_a_cross_site_form_post_with_the_cookie_alone_writes_nothing(
    client: TestClient, folder: Path
) -> None:
    catalog = "【课程名称】跨站\n【课程大纲】\n一、开场\n".encode()
    answer = client.post(
        "/import",
        files={"catalog": ("x.txt", catalog, "text/plain")},
        headers={"Origin": "http://evil.example"},
    )
    assert answer.status_code == 403
    staged = client.post("/import/write", data={"staged": "0" * 16})
    assert staged.status_code == 403
    assert not (folder / "dist").exists()


def test_a_post_from_the_preview_itself_is_served(client: TestClient, folder: Path) -> None:
    answer = client.post(
        "/build/course/courses/ecommerce-cs-sales.yaml",
        data={"token": TOKEN, "what": "docx"},
        headers={"Origin": BASE},
    )
    assert answer.status_code == 200
    assert (folder / "dist" / "ecommerce-cs-sales" / "ecommerce-cs-sales.proposal.docx").is_file()


# --- paths -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/course/courses/" + "a" * 5000 + ".yaml",  # longer than a file name may be
        "/course/courses/" + "/".join(["b" * 200] * 40) + ".yaml",  # longer than a path
        "/course/courses/%00.yaml",
        "/course/courses/..%5C..%5Cinstructors%5Cfengying.yaml",
        "/course/courses/%2e%2e/%2e%2e/etc/passwd",
        "/course/courses/C:/Windows/win.ini",
        "/course/courses/%2Fetc%2Fpasswd",
        "/file/courses/~/.ssh/id_rsa",
    ],
)
def test_odd_paths_are_refused_not_a_server_error(client: TestClient, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code in (403, 404)
    assert "root:" not in answer.text and "Traceback" not in answer.text


def test_only_spec_files_are_shown(client: TestClient, folder: Path) -> None:
    """A note kept beside the courses is not a page (its words never reach the browser)."""
    (folder / "courses" / "notes.txt").write_text("password: hunter2\n", encoding="utf-8")
    (folder / "courses" / ".env").write_text("SECRET_KEY=hunter2\n", encoding="utf-8")
    for url in ("/course/courses/notes.txt", "/file/courses/notes.txt", "/course/courses/.env"):
        answer = client.get(url)
        assert answer.status_code == 404
        assert "hunter2" not in answer.text
    assert "hunter2" not in client.get("/").text


def test_a_symlink_out_is_not_on_the_home_page(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: SECRET COURSE\nmodules: []\n", encoding="utf-8")
    _symlink(secret, folder / "courses" / "link.yaml")
    _symlink(tmp_path, folder / "courses" / "linked-folder")  # a folder that leads out
    page = client.get("/")
    assert page.status_code == 200
    assert "SECRET" not in page.text and "link.yaml" not in page.text
    assert "linked-folder" not in page.text
    answer = client.get("/course/courses/linked-folder/secret.yaml")
    assert answer.status_code == 403 and "SECRET" not in answer.text


def test_a_symlink_swapped_in_after_the_page_was_opened(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: SECRET COURSE\nmodules: []\n", encoding="utf-8")
    url = "/course/courses/o2o-newretail.yaml"
    assert client.get(url).status_code == 200
    assert "o2o-newretail" in client.get("/").text
    course = folder / "courses" / "o2o-newretail.yaml"
    course.unlink()
    _symlink(secret, course)
    answer = client.get(url)
    assert answer.status_code == 403 and "SECRET" not in answer.text
    assert "SECRET" not in client.get("/").text


# --- uploads -----------------------------------------------------------------------------


def test_a_zip_bomb_inside_a_docx_is_refused_quickly(client: TestClient) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))  # 300 MiB of zeros
    assert len(packed.getvalue()) < MAX_UPLOAD
    answer = client.post(
        "/import",
        data={"token": TOKEN},
        files={"catalog": ("bomb.docx", packed.getvalue(), "application/octet-stream")},
    )
    assert answer.status_code == 422
    assert "bomb.docx" in answer.text


@pytest.mark.parametrize("name", ["../../x.txt", "..\\..\\x.txt", "CON.txt", "/etc/cron.d/x.txt"])
def test_an_upload_named_to_escape_writes_only_into_courses(
    client: TestClient, folder: Path, name: str
) -> None:
    before = {p for p in folder.parent.rglob("*")}
    catalog = (
        "【课程名称】名字测试\n【课程大纲】\n一、开场（30分钟）\n二、复盘（30分钟）\n".encode()
    )
    page = client.post(
        "/import", data={"token": TOKEN}, files={"catalog": (name, catalog, "text/plain")}
    )
    assert page.status_code == 200, page.text
    staged = re.search(r'name="staged" value="([^"]+)"', page.text)
    assert staged is not None
    assert client.post("/import/write", data={"token": TOKEN, "staged": staged.group(1)}).is_success
    new = {p for p in folder.parent.rglob("*")} - before
    assert new and all(p.is_relative_to(folder / "courses") for p in new), new
    assert not any(p.name.upper().startswith("CON.") for p in new)


# --- markup where user text reaches the page ----------------------------------------------

SCRIPT = "<script>alert(1)</script>"


def test_markup_in_titles_file_names_and_catalogs_is_shown_as_text(
    client: TestClient, folder: Path
) -> None:
    name = 'x"><img src=x onerror=alert(1)>.yaml'
    course = f"title: '{SCRIPT}'\nmodules:\n  - title: '<b onmouseover=alert(1)>M</b>'\n"
    course += "    duration: 30m\n"
    (folder / "courses" / name).write_text(course, encoding="utf-8")
    broken = f"title: {SCRIPT}\nmodules: [\n"
    (folder / "courses" / "broken-<i>.yaml").write_text(broken, encoding="utf-8")
    pages = [client.get("/").text]
    for row in re.findall(r'<a href="(/course/courses/[^"]+)"', pages[0]):
        pages.append(client.get(row.replace("&#34;", '"').replace("&gt;", ">")).text)
    catalog = f"【课程名称】{SCRIPT}\n【课程大纲】\n一、<img src=x onerror=alert(1)>\n".encode()
    pages.append(
        client.post(
            "/import",
            data={"token": TOKEN},
            files={"catalog": (f"{SCRIPT}.txt", catalog, "text/plain")},
        ).text
    )
    assert len(pages) >= 4
    for page in pages:
        assert SCRIPT not in page
        assert "<img src=x" not in page and "<b onmouseover" not in page
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in page for page in pages[1:])


def test_the_editor_link_survives_spaces_and_hashes_in_the_path(
    client: TestClient, tmp_path: Path
) -> None:
    odd = tmp_path / "My Courses #2"
    copy_bundled(odd)
    (odd / "courses" / "o2o-newretail.yaml").write_text("title: x\nmodules: [\n", "utf-8")
    with TestClient(create_app(session_over(odd)), base_url=BASE) as c:
        page = c.get(f"/course/courses/o2o-newretail.yaml?token={TOKEN}").text
    link = re.search(r'href="(vscode://file/[^"]+)"', page)
    assert link is not None
    assert "#" not in link.group(1) and " " not in link.group(1)
    assert "My%20Courses%20%232/courses/o2o-newretail.yaml:" in link.group(1)


# --- the build buttons -------------------------------------------------------------------


def test_two_clicks_at_once_build_once_and_keep_nothing_by_mistake(
    client: TestClient, folder: Path
) -> None:
    """A double click: two builds of the same course at the same moment must not take
    each other's fresh files for hand edits."""
    answers: list[str] = []

    def click() -> None:
        answers.append(
            client.post(
                "/build/course/courses/ecommerce-cs-sales.yaml",
                data={"token": TOKEN, "what": "docx"},
            ).text
        )

    clicks = [threading.Thread(target=click) for _ in range(6)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join(timeout=120)
    assert len(answers) == 6
    for text in answers:
        assert "changed by hand" not in text
        assert 'class="result status-errors"' not in text
    assert (folder / "dist" / "ecommerce-cs-sales" / "ecommerce-cs-sales.proposal.docx").is_file()


def test_building_a_broken_course_says_why_and_writes_nothing(
    client: TestClient, folder: Path
) -> None:
    (folder / "courses" / "o2o-newretail.yaml").write_text("title: x\nmodules: [\n", "utf-8")
    answer = client.post(
        "/build/course/courses/o2o-newretail.yaml", data={"token": TOKEN, "what": "docx"}
    )
    assert answer.status_code == 200
    assert 'class="result status-errors"' in answer.text and "o2o-newretail.yaml" in answer.text
    assert not list(folder.rglob("o2o-newretail*.docx"))


# --- files that change under the page ---------------------------------------------------


def test_a_file_saved_by_notepad_in_gbk_says_so(client: TestClient, folder: Path) -> None:
    text = "title: 销售技巧\nmodules:\n  - title: 开场\n    duration: 30m\n"
    (folder / "courses" / "gbk.yaml").write_bytes(text.encode("gbk"))
    page = client.get("/course/courses/gbk.yaml")
    assert page.status_code == 200
    assert "encoding" in page.text and "UTF-8" in page.text
    home = client.get("/").text
    assert "gbk.yaml" in home


def test_a_file_that_stops_parsing_then_parses_again(client: TestClient, folder: Path) -> None:
    course = folder / "courses" / "o2o-newretail.yaml"
    good = course.read_text(encoding="utf-8")
    url = "/course/courses/o2o-newretail.yaml"
    assert 'class="broken"' not in client.get(url).text
    course.write_text(good + "\n  - [unclosed\n", encoding="utf-8")
    assert 'class="broken"' in client.get(url).text
    course.write_text(good, encoding="utf-8")
    again = client.get(url).text
    assert 'class="broken"' not in again and 'class="paper"' in again


def test_a_save_of_the_same_size_in_the_same_instant_is_seen(
    client: TestClient, folder: Path
) -> None:
    """An editor that saves twice within the file system's clock tick, the same number
    of bytes each time (09:00 → 10:00): the page must not keep the first save."""
    course = folder / "courses" / "o2o-newretail.yaml"
    text = course.read_text(encoding="utf-8")
    url = "/course/courses/o2o-newretail.yaml"
    first = client.get(url).text
    stat = course.stat()
    changed = text.replace("O2O新零售", "O2O新渠道", 1)  # the title: same bytes, one word
    assert len(changed.encode()) == len(text.encode()) and changed != text
    temp = course.with_name("o2o-newretail.yaml.tmp")  # VS Code, Notepad++: a copy, renamed
    temp.write_text(changed, encoding="utf-8")
    os.replace(temp, course)
    os.utime(course, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same clock tick
    second = client.get(url).text
    assert "O2O新零售" in first and "O2O新渠道" in second


def test_a_renamed_file_moves_on_the_home_page(client: TestClient, folder: Path) -> None:
    old = folder / "courses" / "o2o-newretail.yaml"
    assert client.get("/course/courses/o2o-newretail.yaml").status_code == 200
    old.rename(folder / "courses" / "renamed.yaml")
    home = client.get("/").text
    assert "renamed.yaml" in home and "courses/o2o-newretail.yaml" not in home
    assert client.get("/course/courses/o2o-newretail.yaml").status_code == 404
    assert client.get("/course/courses/renamed.yaml").status_code == 200


# --- the pages as a Chinese trainer reads them --------------------------------------------


@contextmanager
def _chinese_client(folder: Path) -> Iterator[TestClient]:
    """The preview over ``folder`` in Chinese; the language is restored on the way out."""
    from syllabus_cli import i18n

    previous = i18n.language()
    i18n.set_language("zh")
    try:
        roots = {name: folder / name for name in ("courses", "packs", "library")}
        session = Session(Site(roots, "zh"), Guard(TOKEN, PORT), folder / "dist", folder)
        with TestClient(create_app(session), base_url=BASE) as c:
            yield c
    finally:
        i18n.set_language(previous)


def test_the_chinese_pages_label_every_control(folder: Path) -> None:
    """Buttons say what they do on their own (no "……并生成 PDF" continuing another
    button), the import page's separator box says what it is, the bar is in Chinese."""
    with _chinese_client(folder) as c:
        course = c.get(f"{COURSE}?token={TOKEN}").text
        pack = c.get("/pack/packs/3c-ecommerce-service.yaml").text
        imports = c.get("/import").text
    for page in (course, pack, imports):
        assert "syllabus 预览" in page and "syllabus preview<" not in page
        buttons = re.findall(r"<button[^>]*>([^<]*)</button>", page)
        assert buttons and not any(b.startswith(("…", ".")) for b in buttons), buttons
    assert 'title="写入 ' in course  # the button's folder, in full, on hover
    label = re.search(r"<label>([^<]+)<input[^>]*name=\"split_on\"", imports)
    assert label is not None and "分隔" in label.group(1)


def test_a_chinese_page_names_problem_levels_in_chinese(folder: Path) -> None:
    (folder / "courses" / "o2o-newretail.yaml").write_text("title: 坏\nmodules: [\n", "utf-8")
    with _chinese_client(folder) as c:
        page = c.get(f"/course/courses/o2o-newretail.yaml?token={TOKEN}").text
    assert "错误[syntax]" in page and "error[" not in page


def test_a_templates_colours_cannot_carry_css_into_the_page() -> None:
    """A .docx template is a file from anywhere: its run colours and cell shading reach
    the preview's HTML only as the six hex digits Word writes."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from syllabus_cli.preview.docx_html import document_html

    document = Document()
    run = document.add_paragraph().add_run("彩色")
    run._r.get_or_add_rPr().append(
        parse_xml(f'<w:color {nsdecls("w")} w:val="000000;background:url(//evil.example/x)"/>')
    )
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "格"
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:fill="fff;background-image:url(//evil.example/y)"/>')
    )
    good = document.add_paragraph().add_run("蓝")
    good._r.get_or_add_rPr().append(parse_xml(f'<w:color {nsdecls("w")} w:val="1F4E79"/>'))
    page = document_html(document)
    assert "彩色" in page and "格" in page
    assert "url(" not in page and "evil" not in page
    assert "color:#1F4E79" in page


def test_a_file_name_with_hash_percent_and_space_is_a_page_and_builds(
    client: TestClient, folder: Path
) -> None:
    """Windows allows '#' and '%' in a file name ("销售#2 50%.yaml"): the home page's link
    and the build button must reach that file, not "销售" with a fragment."""
    from html import unescape

    source = (folder / "courses" / "o2o-newretail.yaml").read_text(encoding="utf-8")
    (folder / "courses" / "销售#2 50%.yaml").write_text(source, encoding="utf-8")
    home = client.get("/").text
    row = re.search(
        r'<a href="([^"]+)">[^<]*</a></td><td class="where">courses/销售#2 50%.yaml<', home
    )
    assert row is not None
    href = unescape(row.group(1))
    page = client.get(href)
    assert page.status_code == 200 and 'class="paper"' in page.text
    assert "销售#2 50%.yaml</small>" in page.text
    action = re.search(r'<form class="actions" method="post" action="([^"]+)"', page.text)
    assert action is not None
    built = client.post(unescape(action.group(1)), data={"token": TOKEN, "what": "docx"})
    assert built.status_code == 200 and ".proposal.docx" in built.text
    back = re.search(r'<p><a href="([^"]+)">', built.text)
    assert back is not None and client.get(unescape(back.group(1))).status_code == 200


def test_a_refused_upload_says_why_in_the_session_language(folder: Path) -> None:
    from syllabus_cli import i18n

    previous = i18n.language()
    i18n.set_language("zh")
    try:
        with TestClient(create_app(session_over(folder)), base_url=BASE) as c:
            c.get(f"/?token={TOKEN}")
            two = c.post(
                "/import",
                data={"token": TOKEN},
                files=[
                    ("catalog", ("a.txt", b"a", "text/plain")),
                    ("catalog", ("b.txt", b"b", "text/plain")),
                ],
            )
            big = c.post(
                "/import",
                data={"token": TOKEN},
                files={"catalog": ("big.txt", b"x" * (MAX_UPLOAD + 1), "text/plain")},
            )
    finally:
        i18n.set_language(previous)
    assert two.status_code == 400 and "一次只能选择一个目录文件" in two.text
    assert big.status_code == 413 and "MiB" in big.text and "上传" in big.text


def test_a_save_landing_while_its_page_is_built_is_never_cached_as_seen(tmp_path: Path) -> None:
    """An editor's auto-save burst: the last save lands between the view reading the
    file and the view's stamp being taken. The stamp then matched the newest bytes while
    the view showed the older ones, and the page stayed on an earlier save for good (the
    browser test saw it 2 runs in 8)."""
    from syllabus_cli.preview.pages import Site

    spec = tmp_path / "c.yaml"
    spec.write_text("first", encoding="utf-8")
    site = Site({"courses": tmp_path}, "en")

    def build() -> tuple[str, frozenset[Path]]:
        seen = spec.read_text(encoding="utf-8")
        spec.write_text("second", encoding="utf-8")  # the save that lands meanwhile
        return seen, frozenset({spec})

    assert site._cached(("course", str(spec)), build) == "first"
    again = site._cached(
        ("course", str(spec)), lambda: (spec.read_text("utf-8"), frozenset({spec}))
    )
    assert again == "second"
    assert spec.parent in site.watched()  # its folder is still followed
