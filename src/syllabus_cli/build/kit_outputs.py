"""A pack's delivery kit on disk: ``<pack>/kit/`` with each course's sign-in sheet,
evaluation form, workbook, certificates and run sheet (those the pack's ``kit:`` names),
.docx and, with ``--pdf``, .pdf, named in the course's language
(``电商客服销售能力提升-签到表.docx``).

Rebuilt only when what it is made from changed (the pack file, the roster's bytes, the
courses' inputs): the key is kept in the manifest, and every file goes through the one
guarded write (a file edited by hand since is kept). A roster with errors makes no kit:
its problems are the batch's errors, located in the roster file.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..i18n import t
from ..pack.spec import Pack
from ..problems import Located
from .jobs import Job, JobResult, put
from .manifest import Manifest, file_hash, sha256
from .names import safe_name

if TYPE_CHECKING:
    from ..check import CheckedCourse
    from ..render.kit_values import KitCourse
    from .results import BatchResult

FOLDER = "kit"


def kit_inputs(pack: Pack) -> str:
    """What the kit is made from beyond the pack file and the courses: the roster."""
    if not pack.kit:
        return ""
    roster = b""
    if pack.kit.roster is not None:
        try:
            roster = pack.kit.roster.read_bytes()
        except OSError:
            roster = b"unreadable"
    return hashlib.sha256(roster).hexdigest()


def _renderers() -> dict[str, Callable[[KitCourse], Any]]:
    from ..render.kit_certificates import certificates_document
    from ..render.kit_evaluation import evaluation_document
    from ..render.kit_runsheet import runsheet_document
    from ..render.kit_signin import signin_document
    from ..render.kit_workbook import workbook_document

    return {
        "signin": signin_document,
        "evaluation": evaluation_document,
        "workbook": workbook_document,
        "certificates": certificates_document,
        "runsheet": runsheet_document,
    }


def kit_name(title: str, kind: str, language: str, variant: str | None = None) -> str:
    """``电商客服销售能力提升-签到表`` / ``Customer service - Sign-in sheet`` (no suffix)."""
    from ..render.kit_values import aside, label

    title += aside(variant or "", language)
    joined = "-" if language == "zh" else " - "
    return safe_name(f"{title}{joined}{label(kind, language)}", kind)


def kit_documents(
    pack: Pack,
    good: list[tuple[Job, JobResult, CheckedCourse | None]],
    manifest: Manifest,
    batch: BatchResult,
    force: bool,
    formats: tuple[str, ...],
    note: Callable[[str, str | None], None],
) -> list[str]:
    """Write the kit; its files (relative to the pack folder) that exist now."""
    if not good:
        return []
    if not pack.kit:  # no kit (any more): what an earlier build wrote goes
        drop_stale(batch.root, manifest, set())
        return []
    from ..pack.roster import read_roster
    from ..problems import Level

    root = batch.root
    people: tuple[Any, ...] = ()
    if pack.kit.roster is not None:
        roster = read_roster(pack.kit.roster)
        errors = [p for p in roster.problems if p.level is Level.ERROR]
        if errors:
            batch.errors += [Located(pack.kit.roster, p) for p in errors]
            return []  # no kit from a roster with errors: they are the batch's errors
        people = roster.people
    key = f"kit:{safe_name(pack.id, 'pack')}"
    inputs = sha256(
        "|".join(
            [
                __version__,
                sha256(pack.path.read_bytes()),
                kit_inputs(pack),
                repr(formats),
                *(r.inputs for _, r, _ in good),
            ]
        ).encode()
    )
    writer = Job(pack.path, root, "", force=force, known=dict(manifest.files))
    made: list[tuple[str, Callable[[], bytes]]] = []
    for job, _, checked in good:
        made += _course_kit(pack, job, checked, people)
    names = [name for name, _ in made]
    drop_stale(root, manifest, set(names))
    pdf = "pdf" in formats
    wanted = names + ([_pdf(n) for n in names] if pdf else [])
    current = (
        not force
        and manifest.inputs.get(key) == inputs
        and all(n in manifest.files and file_hash(root / n) == manifest.files[n] for n in wanted)
    )
    if current:
        for name in wanted:
            note(name, manifest.files[name])
        return wanted
    written: list[str] = []
    for name, build in made:
        outcome = put(writer, name, build())
        note(name, outcome)
        if outcome is not None:
            written.append(name)
    if pdf:
        _pdfs(writer, names, batch, note)
    manifest.inputs[key] = inputs
    return [n for n in wanted if (root / n).is_file()]


def drop_stale(root: Path, manifest: Manifest, names: set[str]) -> list[str]:
    """Kit files an earlier build wrote and this one no longer makes (a document left
    out of ``kit:``, a course gone from the pack, certificates without a roster now):
    removed when they hold the bytes written, with their PDF. One edited since is left
    where it is and forgotten by the manifest: a file the build did not write is never
    removed, nor overwritten later without --force. Returns the removed files."""
    from .outputs import remove_made

    made = {Path(n).with_suffix("").as_posix() for n in names}
    stale = [
        rel
        for rel in manifest.files
        if Path(rel).parts[:1] == (FOLDER,)
        and Path(rel).suffix in (".docx", ".pdf")
        and Path(rel).with_suffix("").as_posix() not in made
    ]
    return remove_made(root, manifest, stale)[0]


def _pdf(name: str) -> str:
    return str(Path(name).with_suffix(".pdf").as_posix())


def _course_kit(
    pack: Pack, job: Job, checked: CheckedCourse | None, people: tuple[Any, ...]
) -> list[tuple[str, Callable[[], bytes]]]:
    """(name, how to make its bytes) for each of one course's kit documents, from the
    course as the build checked and laid it out (with the pack's instructor)."""
    from ..pack.kit import KitPack, kit_course

    timing = checked.result.timing if checked is not None else None
    if checked is None or checked.course is None or checked.agenda is None or timing is None:
        return []  # pragma: no cover - its job passed, so it was checked clean
    course, agenda = checked.course, checked.agenda
    who = pack.instructor or course.instructor
    setting = KitPack(
        pack.id,
        pack.title,
        pack.client,
        instructor=who.name if who else "",
        supplier=pack.issue.supplier.company if pack.issue and pack.issue.supplier else "",
        plan=pack.plan,
        url=pack.kit.evaluation_url,
        template=pack.template,
    )
    kit = kit_course(setting, replace(course, instructor=who), timing, agenda, people, job.variant)
    renderers = _renderers()
    out: list[tuple[str, Callable[[], bytes]]] = []
    for kind in pack.kit.documents:
        if kind == "certificates" and not kit.people:
            continue  # certificates are for named people: none without a roster
        name = f"{FOLDER}/{kit_name(course.title, kind, course.language, job.variant)}.docx"
        out.append((name, functools.partial(_bytes, renderers[kind], kit)))
    return out


def _bytes(render: Callable[[KitCourse], Any], kit: KitCourse) -> bytes:
    from ..render.docx_out import document_bytes

    return document_bytes(render(kit))


def _pdfs(
    writer: Job, names: list[str], batch: BatchResult, note: Callable[[str, str | None], None]
) -> None:
    """Every kit .docx as it is on disk (hand edits included) to PDF, in one conversion."""
    import tempfile

    from ..render.pdf import PdfError, to_pdfs

    root = writer.root
    with tempfile.TemporaryDirectory(prefix="syllabus-pdf-") as tmp:
        sources: dict[Path, str] = {}
        for n, name in enumerate(names):
            source = Path(tmp) / str(n) / Path(name).name
            source.parent.mkdir()
            try:
                source.write_bytes((root / name).read_bytes())
            except OSError:
                continue  # not written: a hand edit kept elsewhere, said already
            sources[source] = _pdf(name)
        converted = to_pdfs(list(sources)) if sources else {}
        for source, pdf in sources.items():
            made = converted.get(source)
            if made is None or isinstance(made, PdfError):
                problem = made or PdfError(t("pack.not-converted"))
                batch.errors.append(problem.located(root / pdf))
                continue
            note(pdf, put(writer, pdf, made.read_bytes()))
