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
    from ..render.pack_docs import PackIndex, PackInfo
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
    draft: bool = False,
) -> None:
    """The combined proposal (the training plan when the pack has one), its PDF when
    asked, the .ics of the delivery days, index.md, index.html and the zip."""
    from ..render.docx_out import document_bytes
    from ..render.pack_docs import PackInfo, combined_proposal, index_html, index_markdown
    from ..render.plan_docx import PlanDocument

    root = batch.root
    stem = safe_name(pack.id, "pack") + (".draft" if draft else "")
    good = [(job, r) for job, r in zip(jobs, results, strict=True) if not r.error]
    checked = {job.key: c for job, c in zip(jobs, courses, strict=True)}
    language = pack.language or (good[0][1].language if good else "zh")
    info = PackInfo(
        pack.client, pack.title, language, pack.instructor, pack.template, pack.issue, draft
    )
    combined_name = f"{stem}.proposal.docx"
    pdf_name = f"{stem}.proposal.pdf"
    key = f"pack:{stem}"
    combined_inputs = sha256(
        "|".join([pack.path.read_bytes().hex(), str(draft), *(r.inputs for _, r in good)]).encode()
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
        inputs = [_proposal_input(pack, job, checked[job.key], programme) for job, _ in good]
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
                pack.issue,
            )
        data = document_bytes(combined_proposal(info, inputs, plan=plan))
        pdf = _pdf_of(data, pdf_name, batch) if "pdf" in formats else None
        if pdf is not None:  # the .docx's contents page numbered as the PDF's is
            from ..render.toc import number_toc

            data = number_toc(data, pdf) or data
        outcome = put(writer, combined_name, data)
        _note(batch, manifest, combined_name, outcome)
        if outcome is not None:
            manifest.inputs[key] = combined_inputs
            if pdf is not None:
                _note(batch, manifest, pdf_name, put(writer, pdf_name, pdf))
    ics_name = f"{stem}.ics"
    if programme.delivery_days:  # an undated pack has nothing to put in a calendar
        data = _calendar(pack, programme, language)
        _note(batch, manifest, ics_name, put(writer, ics_name, data))
    # the delivery kit (kit/), in the zip only when the pack says kit_in_zip: true
    kit = kit_documents(
        pack,
        [(job, r, checked[job.key]) for job, r in good],
        manifest,
        batch,
        force,
        formats,
        lambda n, o: _note(batch, manifest, n, o),
    )
    zip_name = f"{stem}.zip"
    index = _index(pack, programme, good, root, [pdf_name, combined_name, ics_name, zip_name])
    if pack.kit.in_zip:  # linked only where the links work: in the zip beside the kit
        index = replace(index, kit=tuple(kit))
    for name, text in (
        ("index.md", index_markdown(info, index)),
        ("index.html", index_html(info, index)),
    ):
        _note(batch, manifest, name, put(writer, name, text.encode("utf-8")))
    # the zip is what a client gets: what the index lists, named in the documents'
    # language from their titles, and an index of its own that links those names (the
    # kit too, under kit/, when the pack says kit_in_zip: true)
    extra = list(kit) if pack.kit.in_zip else []
    _note(
        batch,
        manifest,
        zip_name,
        put(writer, zip_name, _client_zip(pack, info, index, good, root, draft, extra)),
    )


def _client_zip(
    pack: Pack,
    info: PackInfo,
    index: PackIndex,
    good: list[tuple[Job, JobResult]],
    root: Path,
    draft: bool,
    extra: list[str],
) -> bytes:
    from ..render.pack_docs import PackIndex, index_html
    from ..source_date import build_time
    from ..zips import build_zip
    from .client_names import zip_names

    own = [name for name in index.main if not name.endswith(".zip")]
    by_title = {r.title: r.language for _, r in good}
    names = zip_names(
        own,
        [(title, by_title.get(title, info.language), docs) for title, _, docs in index.courses],
        pack.title,
        info.language,
        draft,
    )
    present = {path: name for path, name in names.items() if (root / path).is_file()}
    renamed = PackIndex(
        [present[n] for n in own if n in present],
        [(t, days, [present[d] for d in docs if d in present]) for t, days, docs in index.courses],
        index.kit,
    )
    from ..i18n import labels

    folder = safe_name(pack.title, "pack")
    index_name = labels("pack", info.language)["file_index"] + ".html"
    entries = [(f"{folder}/{name}", (root / path).read_bytes()) for path, name in present.items()]
    entries.append((f"{folder}/{index_name}", index_html(info, renamed).encode("utf-8")))
    entries += [
        (f"{folder}/{rel}", (root / rel).read_bytes()) for rel in extra if (root / rel).is_file()
    ]
    return build_zip(entries, when=build_time())


def _pdf_of(docx: bytes, name: str, batch: BatchResult) -> bytes | None:
    """The PDF of a .docx (LibreOffice); a failure is the batch's error line."""
    import tempfile

    from ..render.pdf import PdfError, to_pdf

    with tempfile.TemporaryDirectory(prefix="syllabus-pdf-") as tmp:
        source = Path(tmp) / "proposal.docx"
        source.write_bytes(docx)
        try:
            return to_pdf(source).read_bytes()
        except PdfError as exc:
            batch.errors.append(Located(batch.root / name, exc.problem))
            return None


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
    # the pack's instructor, else the courses' own (each once)
    names = dict.fromkeys(c.instructor for c in programme.courses if c.instructor)
    who = pack.instructor.name if pack.instructor else "、".join(names)
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


def _proposal_input(
    pack: Pack, job: Job, checked: CheckedCourse | None, programme: Programme
) -> ProposalInput:
    """One course as the combined proposal shows it (the pack's instructor and schedule),
    from the value its job or the programme checked; its days numbered as the
    programme's (the second teaching day of the pack is 第2天 whichever course it holds)."""
    from ..render.proposal import ProposalInput

    # its job succeeded, so the course checked clean and was laid out
    assert checked is not None and checked.course is not None and checked.agenda is not None
    timing = checked.result.timing
    assert timing is not None
    agenda = checked.agenda
    ordinal = {day: n for n, day in enumerate(sorted({d.date for d in programme.delivery_days}), 1)}
    if all(d.date in ordinal for d in agenda.days):
        days = tuple(replace(d, number=ordinal[d.date]) for d in agenda.days if d.date)
        agenda = replace(agenda, days=days)
    return ProposalInput(
        checked.course, timing, agenda, pack.client, job.date, pack.template, issue=pack.issue
    )


def _note(batch: BatchResult, manifest: Manifest, name: str, outcome: str | None) -> None:
    if outcome is None:
        batch.extra_kept.append(name)
    else:
        manifest.files[name] = outcome
        batch.extra_written.append(name)
