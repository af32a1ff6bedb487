"""`proposal` and `agenda` facing hostile input and a hostile disk: one located line and
exit 1, nothing written outside the current folder, no hand edit lost."""

from __future__ import annotations

import errno
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.render.docx_base import default_template

from .conftest import REPO

runner = CliRunner()
COURSE = REPO / "courses" / "terminal-management.yaml"
SMALL = "title: 小课\nid: {id}\nduration: 2h\nmodules: [{{title: 甲, duration: 1h}}, {{title: 乙, duration: 1h}}]\n"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exit_code in (0, 1, 2), result.exception  # never a traceback
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def one_error(output: str, code: str) -> str:
    (line,) = [x for x in output.splitlines() if "error[" in x]
    assert f"error[{code}]" in line, line
    return line


@pytest.mark.parametrize("spec_id", ["../../ESCAPED", "/tmp/syllabus-abs/ESCAPED", "CON"])
def test_default_names_from_an_id_stay_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec_id: str
) -> None:
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    spec = here / "course.yaml"
    spec.write_text(SMALL.format(id=f'"{spec_id}"'), encoding="utf-8")
    monkeypatch.chdir(here)
    assert invoke("proposal", str(spec))[0] == 0
    assert invoke("agenda", str(spec), "-f", "html")[0] == 0
    written = sorted(p.name for p in here.iterdir() if p.name != "course.yaml")
    assert len(written) == 3 and all(
        not n.startswith(".") or n == ".syllabus-manifest.json" for n in written
    )
    assert not (tmp_path / "ESCAPED.proposal.docx").exists()
    assert not Path("/tmp/syllabus-abs").exists()
    assert not any(n.upper().startswith("CON.") for n in written)  # a Windows device name


def test_a_document_edited_by_hand_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "p.docx"
    assert invoke("proposal", str(COURSE), "-o", str(target))[0] == 0
    assert invoke("proposal", str(COURSE), "-o", str(target))[0] == 0  # ours, unchanged: replaced
    doc = Document(str(target))
    doc.add_paragraph("讲师手工修改")
    doc.save(str(target))
    mine = target.read_bytes()
    code, out = invoke("proposal", str(COURSE), "-o", str(target))
    assert code == 1 and "--force" in one_error(out, "output-edited")
    assert target.read_bytes() == mine
    assert invoke("proposal", str(COURSE), "-o", str(target), "--force")[0] == 0
    assert "讲师手工修改" not in [p.text for p in Document(str(target)).paragraphs]


@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
def test_agenda_never_replaces_a_file_it_did_not_write(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"notes.{fmt}"
    target.write_text("my own notes", encoding="utf-8")
    code, out = invoke("agenda", str(COURSE), "-f", fmt, "-o", str(target))
    assert code == 1 and str(target.name) in one_error(out, "output-exists")
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert invoke("agenda", str(COURSE), "-f", fmt, "-o", str(target), "--force")[0] == 0
    assert invoke("agenda", str(COURSE), "-f", fmt, "-o", str(target))[0] == 0  # now ours


def test_output_naming_a_folder(tmp_path: Path) -> None:
    code, out = invoke("proposal", str(COURSE), "-o", str(tmp_path))
    assert code == 1 and "is a folder" in one_error(out, "output-folder")
    code, out = invoke("agenda", str(COURSE), "-f", "docx", "-o", str(tmp_path))
    assert code == 1 and one_error(out, "output-folder")


def test_an_output_locked_by_word_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word on Windows locks an open .docx: reading it to compare fails, the file is kept."""
    target = tmp_path / "p.docx"
    assert invoke("proposal", str(COURSE), "-o", str(target))[0] == 0
    import syllabus_cli.build.manifest as manifest

    opened = manifest._open_regular

    def locked(path: Path, follow: bool = True):  # type: ignore[no-untyped-def]
        if path == target:
            raise PermissionError(errno.EACCES, "Permission denied")
        return opened(path, follow)

    monkeypatch.setattr(manifest, "_open_regular", locked)
    code, out = invoke("proposal", str(COURSE), "-o", str(target))
    assert code == 1 and "Permission denied" in one_error(out, "output-unreadable")


def test_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("syllabus_cli.build.outputs.write_bytes_atomic", full)
    code, out = invoke("proposal", str(COURSE), "-o", str(tmp_path / "p.docx"))
    assert code == 1 and "No space left on device" in one_error(out, "write")
    assert not (tmp_path / "p.docx").exists()


def template_with(tmp_path: Path, name: str, replace: dict[str, bytes]) -> Path:
    """Our default template with some parts replaced or added."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(default_template()) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            out.writestr(info.filename, replace.pop(info.filename, source.read(info)))
        for extra, data in replace.items():
            out.writestr(zipfile.ZipInfo(extra), data, compress_type=zipfile.ZIP_DEFLATED)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


def test_a_template_declaring_entities_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(default_template()) as source:
        styles = source.read("word/styles.xml").decode("utf-8")
    head, _, rest = styles.partition("?>")
    evil = f'{head}?><!DOCTYPE w:styles [<!ENTITY x "XXE">]>{rest}'.encode()
    template = template_with(tmp_path, "dtd.docx", {"word/styles.xml": evil})
    code, out = invoke(
        "proposal", str(COURSE), "--template", str(template), "-o", str(tmp_path / "p.docx")
    )
    assert code == 1 and "DTD" in one_error(out, "template")
    assert not (tmp_path / "p.docx").exists()


def test_a_zip_bomb_template_is_refused_before_unpacking(tmp_path: Path) -> None:
    template = template_with(
        tmp_path, "bomb.docx", {"word/media/zeros.bin": bytes(60 * 1024 * 1024)}
    )
    assert template.stat().st_size < 1_000_000
    code, out = invoke(
        "proposal", str(COURSE), "--template", str(template), "-o", str(tmp_path / "p.docx")
    )
    assert code == 1 and "unpacks to 60 MB" in one_error(out, "template")


def test_unusable_templates_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    code, out = invoke(
        "proposal", str(COURSE), "--template", str(folder), "-o", str(tmp_path / "p.docx")
    )
    assert code == 1 and "is not a file" in one_error(out, "template")
    locked = template_with(tmp_path, "locked.docx", {})
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.name == "locked.docx":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    code, out = invoke(
        "proposal", str(COURSE), "--template", str(locked), "-o", str(tmp_path / "p.docx")
    )
    assert code == 1 and "Permission denied" in one_error(out, "template")


def test_agenda_docx_with_a_missing_course_template(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(SMALL.format(id="c") + "template: nowhere/brand.docx\n", encoding="utf-8")
    # the spec's own template: key is checked with the spec, located at its line
    code, out = invoke("agenda", str(spec), "-f", "docx", "-o", str(tmp_path / "a.docx"))
    assert code == 1 and "c.yaml:5:11:" in one_error(out, "file-missing")
    code, out = invoke("proposal", str(spec), "-o", str(tmp_path / "p.docx"))
    assert code == 1 and "c.yaml:5:11:" in one_error(out, "file-missing")
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "p.docx").exists()


def test_import_refuses_a_zip_bomb_before_parsing_it(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    xml = b'<w:document xmlns:w="x"><w:body>' + b"<w:p/>" * 3_000_000 + b"</w:body></w:document>"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)  # 17 MB of empty paragraphs, 30 KB zipped
    code, out = invoke("import", str(bomb), "--out", str(tmp_path / "out"))
    assert code == 1 and "unpacks to 17 MB" in one_error(out, "too-large")
    assert not (tmp_path / "out").exists()


def test_new_and_template_init_where_a_file_cannot_go_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "fold").mkdir()
    code, out = invoke("new", str(tmp_path / "afile" / "x.yaml"))
    assert code == 1 and "afile/x.yaml:1:1:" in one_error(out, "write")
    code, out = invoke("template", "init", str(tmp_path / "fold"), "--force")
    assert code == 1 and "fold:1:1:" in one_error(out, "output-folder")
    code, out = invoke("import", str(REPO / "tests/data/import/trainer-site-page.txt"),
                       "--out", str(tmp_path / "afile"))  # fmt: skip
    assert code == 1 and one_error(out, "write")
