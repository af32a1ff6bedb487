"""What a process keeps between documents (a template read and parsed once, the deflated
parts that recur) never leaks into another document: each .docx, read back, has its own
template's look and its own changes, whatever was built before it in the process."""

from __future__ import annotations

import io
import os
from pathlib import Path

from docx import Document
from docx.shared import Pt, RGBColor

from syllabus_cli.agenda.from_course import plan_agenda
from syllabus_cli.render.agenda_docx import agenda_document
from syllabus_cli.render.docx_base import default_template, open_document
from syllabus_cli.render.docx_out import document_bytes
from syllabus_cli.render.proposal import ProposalInput, build_proposal

from .conftest import REPO, check_yaml

COURSE = REPO / "courses" / "ecommerce-cs-sales.yaml"
RED, BLUE = RGBColor(0xC0, 0x00, 0x00), RGBColor(0x00, 0x33, 0xAA)


def branded(path: Path, header: str, colour: RGBColor, size: int) -> Path:
    """The default template with its own header text, Heading 1 colour and body size."""
    template = Document(str(default_template()))
    template.sections[0].header.is_linked_to_previous = False
    template.sections[0].header.paragraphs[0].text = header
    template.styles["Heading 1"].font.color.rgb = colour
    template.styles["Normal"].font.size = Pt(size)
    template.save(str(path))
    return path


def proposal(template: Path | None) -> Document:
    """A proposal built and written in this process, read back as Word would."""
    result = check_yaml(COURSE.read_text(encoding="utf-8"), COURSE)
    agenda = plan_agenda(result.course, result.timing)
    data = ProposalInput(result.course, result.timing, agenda, "某客户", None, template)
    return Document(io.BytesIO(document_bytes(build_proposal(data))))


def agenda(template: Path | None) -> Document:
    result = check_yaml(COURSE.read_text(encoding="utf-8"), COURSE)
    built = agenda_document(plan_agenda(result.course, result.timing), "zh", template=template)
    return Document(io.BytesIO(document_bytes(built)))


def look(document: Document) -> tuple[str, RGBColor | None, Pt | None]:
    """Header text, Heading 1 colour, Normal's size."""
    return (
        document.sections[0].header.paragraphs[0].text,
        document.styles["Heading 1"].font.color.rgb,
        document.styles["Normal"].font.size,
    )


def test_two_templates_in_one_process_each_keep_their_look(tmp_path: Path) -> None:
    acme = branded(tmp_path / "acme.docx", "ACME Training", RED, 12)
    globex = branded(tmp_path / "globex.docx", "Globex Academy", BLUE, 9)
    plain = look(proposal(None))
    assert plain[0] == ""  # our template has no header text
    for _ in range(2):  # and again, once everything is cached
        assert look(proposal(acme)) == ("ACME Training", RED, Pt(12))
        assert look(agenda(acme))[0] == "ACME Training"
        assert look(proposal(globex)) == ("Globex Academy", BLUE, Pt(9))
        assert look(agenda(globex))[0] == "Globex Academy"
        assert look(proposal(None)) == plain


def test_a_template_changed_on_disk_is_read_again(tmp_path: Path) -> None:
    path = branded(tmp_path / "brand.docx", "ACME Training", RED, 12)
    assert look(proposal(path))[0] == "ACME Training"
    branded(path, "ACME Training 2027", BLUE, 9)  # saved again, as after an edit in Word
    os.utime(path, ns=(1, 1))  # even with a clock that did not move
    assert look(proposal(path)) == ("ACME Training 2027", BLUE, Pt(9))


def test_a_document_changes_only_its_own_copy_of_the_template() -> None:
    first = open_document(None)
    first.styles["Normal"].font.size = Pt(20)  # a part the build usually leaves alone
    first.sections[0].header.is_linked_to_previous = False
    first.sections[0].header.paragraphs[0].text = "only in the first"
    changed = Document(io.BytesIO(document_bytes(first)))
    assert look(changed)[0] == "only in the first"
    assert changed.styles["Normal"].font.size == Pt(20)  # not the template's cached entry
    again = Document(io.BytesIO(document_bytes(open_document(None))))
    assert look(again)[0] == "" and again.styles["Normal"].font.size != Pt(20)
