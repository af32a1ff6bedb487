"""Issue 25, hostile Word templates: nothing is fetched or read but the document, no
private path is printed, and a template that cannot be used is refused with the reason.
A local HTTP server stands in for the attacker's and must receive no request."""

from __future__ import annotations

import http.server
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .build_helpers import syllabus
from .evil_templates import edited_template, evil_template
from .office import need

COURSE = "title: 课程\nduration: 1h\nmodules:\n  - {title: 开场, duration: 1h}\n"


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1: its URL, and the paths it was asked for."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _any(self) -> None:
            asked.append(f"{self.command} {self.path}")
            self.send_response(404)
            self.end_headers()

        do_GET = do_HEAD = do_OPTIONS = do_PROPFIND = _any

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def test_a_template_that_links_and_includes_fetches_and_reads_nothing(
    tmp_path: Path, listener: tuple[str, list[str]]
) -> None:
    need("soffice", "pdftotext")
    url, asked = listener
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("SECRET-NOTE", encoding="utf-8")
    template = evil_template(tmp_path / "evil.docx", url, secret)
    (tmp_path / "c.yaml").write_text(COURSE, encoding="utf-8")
    done = syllabus(
        "proposal", "c.yaml", "--template", "evil.docx", "--pdf", "-o", "out.docx", cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert asked == []  # nothing fetched, while writing or while LibreOffice converted
    with zipfile.ZipFile(tmp_path / "out.docx") as archive:
        text = "".join(
            archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        )
    for word in ('TargetMode="External"', "r:link", "INCLUDEPICTURE", "INCLUDETEXT",
                 "FILENAME", "attachedTemplate", url, secret.as_uri()):  # fmt: skip
        assert word not in text, word
    pdf = subprocess.run(
        ["pdftotext", tmp_path / "out.pdf", "-"], capture_output=True, text=True, check=True
    ).stdout
    for word in ("SECRET-NOTE", "PATH-SHOWN", "TEXT-INCLUDED", "/tmp", ".docx"):
        assert word not in pdf, word
    assert "课程" in pdf and template.exists()


UTF16_DTD = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({"word/footer1.xml": b"\xff\xfe" + UTF16_DTD.encode("utf-16-le")}, "word/footer1.xml declares a DTD"),
        ({"word/footer1.xml": None, "word/footer1.XML": b'<?xml version="1.0"?><!DOCTYPE x><x/>'},
         "word/footer1.XML declares a DTD"),
        ({"customXml/item1.bin": b"<!doctype x [<!entity e SYSTEM 'file:///etc/passwd'>]>"},
         "customXml/item1.bin declares a DTD"),
        ({"word/styles.xml": None}, "has no word/styles.xml"),
        ({"word/footer1.xml": b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<x/>'},
         "word/footer1.xml is written in UTF-7"),
    ],
    ids=["utf16-bom", "upper-case-name", "any-part", "no-styles", "utf7"],
)  # fmt: skip
def test_a_template_that_cannot_be_used_is_refused_with_the_reason(
    tmp_path: Path, edit: dict[str, bytes | None], said: str
) -> None:
    edited_template(tmp_path / "brand.docx", edit)
    (tmp_path / "c.yaml").write_text(COURSE, encoding="utf-8")
    done = syllabus("proposal", "c.yaml", "--template", "brand.docx", "-o", "p.docx", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    (line,) = [x for x in done.stderr.splitlines() if "error[" in x]
    assert said in line
    assert "KeyError" not in line and "ValueError" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brand.docx", "c.yaml"]


def test_a_dotx_template_is_refused_with_the_reason(tmp_path: Path) -> None:
    with zipfile.ZipFile(edited_template(tmp_path / "x.docx", {})) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = types.replace("document.main+xml", "template.main+xml")
    edited_template(tmp_path / "brand.docx", {"[Content_Types].xml": types.encode()})
    (tmp_path / "c.yaml").write_text(COURSE, encoding="utf-8")
    done = syllabus("proposal", "c.yaml", "--template", "brand.docx", "-o", "p.docx", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "is a Word template (.dotx)" in done.stderr
    assert "ValueError" not in done.stderr


def test_an_svg_logo_naming_its_dtd_is_kept(tmp_path: Path) -> None:
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>'
    )
    edited_template(tmp_path / "brand.docx", {"word/media/logo.svg": svg})
    (tmp_path / "c.yaml").write_text(COURSE, encoding="utf-8")
    done = syllabus("proposal", "c.yaml", "--template", "brand.docx", "-o", "p.docx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_an_svg_declaring_entities_is_refused(tmp_path: Path) -> None:
    svg = b"<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg>&x;</svg>"
    edited_template(tmp_path / "brand.docx", {"word/media/logo.svg": svg})
    (tmp_path / "c.yaml").write_text(COURSE, encoding="utf-8")
    done = syllabus("proposal", "c.yaml", "--template", "brand.docx", "-o", "p.docx", cwd=tmp_path)
    assert done.returncode == 1
    assert "word/media/logo.svg declares a DTD" in done.stderr


def test_a_part_too_deep_to_clean_that_names_a_field_is_refused(tmp_path: Path) -> None:
    deep = "<w:sdt>" * 3000 + '<w:fldSimple w:instr=" INCLUDEPICTURE x "/>' + "</w:sdt>" * 3000
    footer = (
        '<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="http://schemas.openxmlformats.org'
        f'/wordprocessingml/2006/main"><w:p>{deep}</w:p></w:ftr>'
    )
    edited_template(tmp_path / "brand.docx", {"word/footer1.xml": footer.encode()})
    (tmp_path / "c.yaml").write_text(COURSE, encoding="utf-8")
    done = syllabus("proposal", "c.yaml", "--template", "brand.docx", "-o", "p.docx", cwd=tmp_path)
    assert done.returncode == 1
    assert "word/footer1.xml cannot be read as XML, yet names a field or a link" in done.stderr
    assert not (tmp_path / "p.docx").exists()
