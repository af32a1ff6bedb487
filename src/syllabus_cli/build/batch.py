"""Batch builds: ``export`` (every course under some paths) and ``pack`` (a client's
courses, their combined proposal, an index and a zip). Jobs run in worker processes
when the batch is big enough to pay for them; results come back in submission order,
so the output is the same whatever ``jobs`` is.

An output folder belongs to one build: the manifest records its owner (``export``, or
the pack file), so two clients' packs never share a folder and a pack never lands in
an exported course's folder. Whatever is wrong with the folder itself (a file where a
folder goes, no permission, a broken manifest, a full disk) is one line in
``BatchResult.errors``, never a traceback.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import Msg, msg
from ..paths import shown
from ..problems import Located, Mark, error
from .folders import (
    course_folders,
    exported_course,
    open_root,
    pack_file,
    programme_dates,
    spec_heads,
    taken_by_other,
)
from .jobs import Job, JobResult, job_key, with_variants
from .manifest import Manifest, ManifestError, file_hash, problems_from, sha256
from .names import UnsafePath, inside, safe_name
from .results import BatchResult, Listener
from .runner import record, run_recorded, warm_workers
from .spec_summary import Head, course_key

if TYPE_CHECKING:
    from ..pack.spec import Pack
    from .pool import Warm


def _claim(manifest: Manifest, folders: dict[Path, str], results: list[JobResult]) -> None:
    """Each course folder a course wrote (or found unchanged) is that course's."""
    for result in results:
        if result.written or result.unchanged:
            manifest.folders[folders[result.spec]] = course_key(result.spec)


def _drop_gone_courses(manifest: Manifest, folders: set[str]) -> tuple[list[str], list[str]]:
    """A pack's folder holds its courses: the documents of a course taken out of the
    pack (its folder claimed by no course now) are removed, hand edits kept, so the
    folder a trainer hands over never carries a course the client is not getting."""
    from .outputs import remove_made

    gone = [folder for folder, key in manifest.folders.items() if key and folder not in folders]
    stale = [rel for rel in manifest.files if rel.split("/", 1)[0] in gone and "/" in rel]
    for folder in gone:  # "" and []: gone from the record on disk too when saved
        key = manifest.folders[folder]
        manifest.folders[folder] = ""
        manifest.inputs.update({k: "" for k in manifest.inputs if k.split("#")[0] == key})
        manifest.problems.update({k: [] for k in manifest.problems if k.split("#")[0] == key})
    return remove_made(manifest.root, manifest, stale)


def _problem(path: Path, code: str, message: str | Msg) -> Located:
    return Located(path, error(Mark(), code, message))


def course_jobs(
    specs: list[Path],
    manifest: Manifest,
    folders: dict[Path, str],
    options: Job,
    heads: dict[Path, Head] | None = None,
) -> list[Job]:
    """One job per spec: ``options`` carries what every course shares (root, formats, a
    pack's overrides); each job gets its spec, its folder and what the manifest knows."""
    known: dict[str, dict[str, str]] = {}  # each folder's files: a job carries only its own
    for path, digest in manifest.files.items():
        known.setdefault(path.split("/", 1)[0] if "/" in path else "", {})[path] = digest
    heads = heads or {}
    return [
        replace(
            options,
            spec=spec,
            folder=folders[spec],
            known=known.get(folders[spec], {}),
            known_inputs=manifest.inputs.get(course_key(spec)),
            known_problems=problems_from(manifest.problems.get(course_key(spec), ())),
            head=heads.get(spec),
        )
        for spec in specs
    ]


def export(
    specs: list[Path],
    out: Path,
    *,
    workers: int | None,
    formats: tuple[str, ...],
    force: bool,
    listener: Listener | None = None,
    draft: bool = False,
) -> BatchResult:
    """Every course's documents in ``out/<course-id>/``. Files that are not course
    specs (packs, instructors) are skipped."""
    try:
        manifest = open_root(out, "export", force, "an export")
    except ManifestError as exc:
        return BatchResult(out, errors=[exc.located(out)])
    with warm_workers(specs, manifest, workers) as warm:
        heads = spec_heads(specs, manifest)
        specs = [s for s in specs if heads[s].kind == "course"]
        ids = course_folders(specs, heads, lambda name: taken_by_other(out, name), manifest.folders)
        jobs = course_jobs(
            specs,
            manifest,
            ids,
            Job(Path(), out, "", formats=formats, force=force, draft=draft),
            heads,
        )
        jobs = with_variants(jobs, manifest.inputs)  # a course sold in several lengths: each
        batch = BatchResult(out)
        try:
            results = run_recorded(manifest, jobs, workers, listener, warm)
            results = _pdfs(jobs, results)
            batch.results = results
            record(manifest, results)
            _claim(manifest, ids, results)
            manifest.save()
        except (ManifestError, OSError) as exc:
            batch.errors.append(_state_error(out, exc))
    return batch


def _state_error(root: Path, exc: ManifestError | OSError) -> Located:
    if isinstance(exc, ManifestError):
        return exc.located(root)
    where = Path(exc.filename) if isinstance(exc.filename, str) else root
    return _problem(where, "output-blocked", msg("pack.cannot-write", reason=exc.strerror or exc))


def _pdfs(jobs: list[Job], results: list[JobResult]) -> list[JobResult]:
    """Every PDF the batch needs, in one conversion, from the .docx on disk: a proposal
    edited by hand (and so kept) gets a PDF of the edited text."""
    if not any(r.pdfs and not r.error for r in results):
        return results
    from .pdfs import convert

    return convert(jobs, results)


def build_pack_folder(
    pack_path: Path,
    out: Path,
    *,
    workers: int | None,
    force: bool,
    listener: Listener | None = None,
    formats: tuple[str, ...] = ("docx", "html", "md"),
    draft: bool = False,
) -> BatchResult:
    """``out/<pack-id>/``: each course's documents, the combined proposal (the training
    plan when the pack has one), the calendar, an index and a zip."""
    from ..load import load_file
    from ..pack.spec import build_pack
    from ..problems import Level

    pack, problems = build_pack(load_file(pack_path))
    errors = [Located(pack_path, p) for p in problems if p.level is Level.ERROR]
    todo = [p for p in problems if p.code == "todo"]
    if todo and not draft and not errors:  # no placeholder is ever sent to a client
        errors = [Located(pack_path, p) for p in todo]
        errors.append(_problem(pack_path, "todo", msg("build.todo-refused", n=len(todo))))
    if pack is None or errors:
        unreadable = msg("pack.unreadable", path=shown(pack_path))
        return BatchResult(out, errors=errors or [_problem(pack_path, "syntax", unreadable)])
    stem = safe_name(pack.id, "pack")
    try:
        if out.exists() and not out.is_dir():
            raise ManifestError(out, "output-blocked", msg("pack.out-is-file"))
        root = inside(out, stem)
        exported = exported_course(out, stem)
        if exported:
            raise ManifestError(
                root,
                "output-taken",
                msg("pack.holds-export", course=exported),
            )
        manifest = open_root(root, f"pack {course_key(pack_path)}", force, "this pack")
    except (UnsafePath, ManifestError) as exc:
        return BatchResult(out, errors=[exc.located(pack_path)])
    specs = [c.path for c in pack.courses]
    with warm_workers(specs, manifest, workers) as warm:
        return _build_pack(
            pack, root, stem, manifest, specs, workers, force, listener, formats, warm, draft
        )


def _build_pack(
    pack: Pack,
    root: Path,
    stem: str,
    manifest: Manifest,
    specs: list[Path],
    workers: int | None,
    force: bool,
    listener: Listener | None,
    formats: tuple[str, ...],
    warm: Warm | None,
    draft: bool = False,
) -> BatchResult:
    heads = spec_heads([s for s in specs if s.is_file()], manifest)
    heads.update({s: Head("", course_id=s.stem) for s in specs if s not in heads})
    ids = course_folders(specs, heads, lambda name: pack_file(stem, name), manifest.folders)
    shared = Job(
        Path(),
        root,
        "",
        formats=formats,
        force=force,
        client=pack.client,
        skip=pack.skip,
        schedule=pack.schedule,
        template=pack.template,
        instructor=pack.instructor,
        pack=pack.path,
        draft=draft,
        issue=pack.issue,
        venue=pack.plan.resources.venue if pack.plan else "",
    )
    batch = BatchResult(root)
    try:
        dates, checked = programme_dates(pack, heads, manifest)
        jobs = [
            replace(
                job,
                date=date,
                variant=entry.variant,
                known_inputs=manifest.inputs.get(job_key(entry.path, entry.variant)),
                known_problems=problems_from(
                    manifest.problems.get(job_key(entry.path, entry.variant), ())
                ),
                checked=course,
            )
            for job, date, entry, course in zip(
                course_jobs(specs, manifest, ids, shared, heads),
                dates,
                pack.courses,
                checked,
                strict=True,
            )
        ]
        built = run_recorded(manifest, jobs, workers, listener, warm)
        batch.results = _pdfs(jobs, built)
        record(manifest, batch.results)
        _claim(manifest, ids, batch.results)
        batch.removed, batch.left = _drop_gone_courses(manifest, set(ids.values()))
        from .kit_outputs import kit_inputs  # the roster: a kit is rebuilt when it changes

        inputs = [_hash_of(pack.path), kit_inputs(pack), str(draft)]
        key = sha256("|".join([*inputs, *(r.inputs for r in batch.results)]).encode())
        settled = all(r.unchanged for r in batch.results)  # nothing rebuilt, nothing kept
        current = not force and settled and _pack_files_current(manifest, key)
        if current:
            batch.extra_unchanged = manifest.heads["pack:files"]["files"].split("\n")
        else:
            from ..pack.programme import plan_courses
            from .pack_outputs import pack_documents

            # the delivery days, for the plan and the .ics, from the courses as checked
            # (a course the build found unchanged is read now, the one time)
            known = [c or r.checked for c, r in zip(checked, batch.results, strict=True)]
            programme, courses = plan_courses(pack, known)
            pack_documents(
                pack,
                jobs,
                batch.results,
                manifest,
                batch,
                force,
                programme,
                courses,
                formats,
                draft,
            )
            if not batch.extra_kept and all(r.ok for r in batch.results):
                manifest.heads["pack:files"] = {"key": key, "files": "\n".join(batch.extra_written)}
        manifest.save()
    except (ManifestError, OSError) as exc:
        batch.errors.append(_state_error(root, exc))
    return batch


def _hash_of(path: Path) -> str:
    return sha256(path.read_bytes())


def _pack_files_current(manifest: Manifest, key: str) -> bool:
    """Are the pack's own files (combined proposal, index, zip…) exactly what the last
    build wrote from these same inputs? Then there is nothing to redo."""
    last = manifest.heads.get("pack:files", {})
    if last.get("key") != key or not last.get("files"):
        return False
    try:
        return all(
            file_hash(manifest.root / name) == manifest.files.get(name)
            for name in last["files"].split("\n")
        )
    except ManifestError:
        return False
