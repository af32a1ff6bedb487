"""A pack's own deliverables, from what its courses built: the combined proposal (the
training plan when the pack has one) and its PDF, the .ics of the delivery days, the
index (index.html, index.md) and the zip of what the index lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..agenda.delivery import Programme
from ..pack.spec import Pack
from ..problems import Located
from ..source_date import source_date
from .jobs import Job, JobResult, put
from .kit_outputs import kit_documents
from .manifest import Manifest, file_hash, sha256
from .names import safe_name
from .results import BatchResult

if TYPE_CHECKING:
    from ..check import CheckedCourse
    from ..render.pack_docs import PackIndex
    from ..render.proposal import ProposalInput


def pack_documents(
    pack: Pack,
    jobs: list[Job],
    results: list[JobResult],
    manifest: Manifest,
    batch: BatchResult,
    force: bool,
    programme: Programme,
    courses: Sequence[CheckedCourse | None],
    formats: tuple[str, ...] = ("docx", "html", "md"),
) -> None:
    """The combined proposal (the training plan when the pack has one), its PDF when
    asked, the .ics of the delivery days, index.md, index.html and the zip."""
    from ..render.docx_out import document_bytes
    from ..render.pack_docs import PackInfo, combined_proposal, index_html, index_markdown
    from ..render.plan_docx import PlanDocument
    from ..zips import build_zip

    root = batch.root
    stem = safe_name(pack.id, "pack")
    good = [(job, r) for job, r in zip(jobs, results, strict=True) if not r.error]
    checked = {job.key: c for job, c in zip(jobs, courses, strict=True)}
    language = pack.language or (good[0][1].language if good else "zh")
    info = PackInfo(pack.client, pack.title, language, pack.instructor, pack.template)
    combined_name = f"{stem}.proposal.docx"
    pdf_name = f"{stem}.proposal.pdf"
    key = f"pack:{stem}"
    combined_inputs = sha256(
        "|".join([pack.path.read_bytes().hex(), *(r.inputs for _, r in good)]).encode()
    )
    writer = Job(pack.path, root, "", force=force, known=dict(manifest.files))
    current = file_hash(root / combined_name)
    if (
        force
        or manifest.inputs.get(key) != combined_inputs
        or current is None
        or current != manifest.files.get(combined_name)
        or ("pdf" in formats and not (root / pdf_name).is_file())
    ):
        inputs = [_proposal_input(pack, job, checked[job.key]) for job, _ in good]
        plan = None
        if pack.plan is not None:
            built = {job.spec for job, _ in good}
            plan = PlanDocument(
                pack.client,
                pack.title,
                language,
                pack.plan,
                replace(programme, courses=tuple(c for c in programme.courses if c.path in built)),
                inputs,
                pack.instructor,
            )
        data = document_bytes(combined_proposal(info, inputs, plan=plan))
        outcome = put(writer, combined_name, data)
        _note(batch, manifest, combined_name, outcome)
        if outcome is not None:
            manifest.inputs[key] = combined_inputs
            if "pdf" in formats:
                _combined_pdf(writer, pdf_name, data, batch, manifest)
    ics_name = f"{stem}.ics"
    if programme.delivery_days:  # an undated pack has nothing to put in a calendar
        data = _calendar(pack, programme, language)
        _note(batch, manifest, ics_name, put(writer, ics_name, data))
    # the delivery kit (kit/), in the zip only when the pack says kit_in_zip: true
    kit = kit_documents(
        pack, good, manifest, batch, force, formats, lambda n, o: _note(batch, manifest, n, o)
    )
    zip_name = f"{stem}.zip"
    index = _index(pack, programme, good, root, [combined_name, pdf_name, ics_name, zip_name])
    if pack.kit.in_zip:  # linked only where the links work: in the zip beside the kit
        index = replace(index, kit=tuple(kit))
    for name, text in (
        ("index.md", index_markdown(info, index)),
        ("index.html", index_html(info, index)),
    ):
        _note(batch, manifest, name, put(writer, name, text.encode("utf-8")))
    # the zip is what a client gets: what the index lists, and the index itself
    listed = sorted(
        {
            "index.html",
            *(name for name in index.main if name != zip_name),
            *(d for _, _, documents in index.courses for d in documents),
            *(kit if pack.kit.in_zip else ()),
        }
    )
    entries = [
        (f"{stem}/{rel}", (root / rel).read_bytes()) for rel in listed if (root / rel).is_file()
    ]
    _note(batch, manifest, zip_name, put(writer, zip_name, build_zip(entries)))


def _combined_pdf(
    writer: Job, name: str, docx: bytes, batch: BatchResult, manifest: Manifest
) -> None:
    import tempfile

    from ..render.pdf import PdfError, to_pdf

    with tempfile.TemporaryDirectory(prefix="syllabus-pdf-") as tmp:
        source = Path(tmp) / "proposal.docx"
        source.write_bytes(docx)
        try:
            pdf = to_pdf(source).read_bytes()
        except PdfError as exc:
            batch.errors.append(Located(batch.root / name, exc.problem))
            return
    _note(batch, manifest, name, put(writer, name, pdf))


def _calendar(pack: Pack, programme: Programme, language: str) -> bytes:
    """The delivery days as an .ics; DTSTAMP is SOURCE_DATE_EPOCH, else the pack file's
    modification time (a rebuild of an unchanged pack writes the same bytes)."""
    import datetime as dt

    from ..render.ics import Event, calendar

    stamp = None
    if source_date() is None:  # none, or one no date can hold
        stamp = dt.datetime.fromtimestamp(int(pack.path.stat().st_mtime), tz=dt.timezone.utc)
    events = [
        Event(d.date, d.start, d.end, course.title, course.path.stem, d.number, course.day_count)
        for course in programme.courses
        for d in course.days
    ]
    events.sort(key=lambda e: (e.date, e.start))
    venue = pack.plan.resources.venue if pack.plan else ""
    who = pack.instructor.name if pack.instructor else ""
    return calendar(
        pack.id,
        pack.title,
        pack.client,
        events,
        language=language,
        venue=venue,
        instructor=who,
        stamp=stamp,
    )


def _index(
    pack: Pack,
    programme: Programme,
    good: list[tuple[Job, JobResult]],
    root: Path,
    own: list[str],
) -> PackIndex:
    """What the index lists: the pack's own files that exist (proposal first), then each
    course's client documents (no Markdown) with its dates."""
    from ..render.pack_docs import PackIndex

    by_path = {c.path: c for c in programme.courses}
    rows = []
    for job, result in good:
        scheduled = by_path.get(job.spec)
        days = [d.date for d in scheduled.days] if scheduled else []
        documents = [p for p in result.outputs if not p.endswith(".md")]
        rows.append((result.title, days, documents))
    main = [name for name in own if (root / name).is_file() or name.endswith(".zip")]
    return PackIndex(main, rows)


def _proposal_input(pack: Pack, job: Job, checked: CheckedCourse | None) -> ProposalInput:
    """One course as the combined proposal shows it (the pack's instructor and schedule),
    from the value its job or the programme checked."""
    from ..render.proposal import ProposalInput

    # its job succeeded, so the course checked clean and was laid out
    assert checked is not None and checked.course is not None and checked.agenda is not None
    timing = checked.result.timing
    assert timing is not None
    return ProposalInput(
        checked.course, timing, checked.agenda, pack.client, job.date, pack.template
    )


def _note(batch: BatchResult, manifest: Manifest, name: str, outcome: str | None) -> None:
    if outcome is None:
        batch.extra_kept.append(name)
    else:
        manifest.files[name] = outcome
        batch.extra_written.append(name)
