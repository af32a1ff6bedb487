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
from ..problems import Level, Located, Mark, error
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
from .manifest import (
    Manifest,
    ManifestError,
    file_hash,
    problem_records,
    problems_from,
    sha256,
)
from .names import UnsafePath, inside, safe_name
from .outputs import remove_made
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


def _drop_gone_courses(
    manifest: Manifest, folders: dict[Path, str], results: list[JobResult], draft: bool
) -> tuple[list[str], list[str], list[str]]:
    """A pack's folder holds what the client is getting: the documents of a course taken
    out of the pack are removed (``removed``), and so are those a course still in it no
    longer makes (``replaced``): its old folder when its id changed, a variant the pack
    no longer delivers, its drafts once built for real (a draft build keeps the final
    documents). Hand edits are kept (``left``). A course that failed this build, or kept
    a hand edit, keeps everything: its spec may not even say its id today."""
    from .jobs import FORMATS, document_names
    from .kit_outputs import FOLDER as KIT

    listed = {course_key(spec) for spec in folders}
    made: dict[Path, set[str]] = {}  # each course that built: the names it makes now
    failed: set[Path] = set()
    for result in results:
        if result.ok and (result.written or result.unchanged) and result.course_id:
            names = made.setdefault(result.spec, set())
            for stamped in {draft, False}:
                names.update(document_names(result.course_id, FORMATS, stamped).values())
        else:
            failed.add(result.spec)
    built = {spec: names for spec, names in made.items() if spec not in failed}
    moved = {course_key(spec) for spec in built}
    now = set(folders.values())

    def under(rel: str) -> str:  # its course folder ("" for the pack's own, the kit's)
        folder = rel.split("/", 1)[0] if "/" in rel else ""
        return "" if folder.lower() == KIT else folder

    # a course's folder, as the manifest says: never "" (the pack's own files) nor the kit
    earlier = {f: key for f, key in manifest.folders.items() if key and f and under(f + "/") == f}
    gone = {f for f, key in earlier.items() if f not in now and key not in listed}
    old = {f for f, key in earlier.items() if f not in now and key in moved}

    outdated = [rel for rel in manifest.files if under(rel) in old]
    for spec, names in built.items():
        outdated += [
            rel
            for rel in manifest.files
            if under(rel) == folders[spec] and rel.split("/", 1)[1] not in names
        ]
    stale = [rel for rel in manifest.files if under(rel) in gone]
    for folder in gone | old:  # "" and []: gone from the record on disk too when saved
        key = manifest.folders[folder]
        manifest.folders[folder] = ""
        if key in listed:  # moved: its inputs and warnings are this build's, kept
            continue
        manifest.inputs.update({k: "" for k in manifest.inputs if k.split("#")[0] == key})
        manifest.problems.update({k: [] for k in manifest.problems if k.split("#")[0] == key})
    made_now = _files_of(manifest.root, [rel for r in results for rel in r.outputs])
    stale, outdated = (_not_made(manifest, rels, made_now) for rels in (stale, outdated))
    removed, left = remove_made(manifest.root, manifest, stale)
    replaced, also_left = remove_made(manifest.root, manifest, outdated)
    return removed, replaced, sorted(left + also_left)


def _file_id(path: Path) -> tuple[int, int] | None:
    """The file at ``path`` (device, inode), whatever the name's spelling; None if none."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _files_of(root: Path, names: list[str]) -> set[tuple[int, int]]:
    """The files (device, inode) at these names, where there is one."""
    return {found for name in names if (found := _file_id(root / name)) is not None}


def _not_made(manifest: Manifest, names: list[str], made: set[tuple[int, int]]) -> list[str]:
    """``names`` but those that are a file this build just made under another spelling:
    on Windows and macOS ``Sales/Sales.proposal.docx`` (a course whose id went from
    ``Sales`` to ``sales``) is ``sales/sales.proposal.docx``. Their records go; the file
    stays."""
    kept: list[str] = []
    for name in names:
        if _file_id(manifest.root / name) in made:
            del manifest.files[name]
        else:
            kept.append(name)
    return kept


def _drop_pack_drafts(manifest: Manifest, stem: str) -> tuple[list[str], list[str]]:
    """The pack's own drafts (``<pack>.draft.zip``…), once it is built for real: a
    trainer never hands over the draft zip lying beside the final one."""
    from .folders import PACK_FILES

    drafts = [f"{stem}.draft.{suffix}" for suffix in PACK_FILES]
    return remove_made(manifest.root, manifest, [n for n in drafts if n in manifest.files])


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
        # a course sold in several lengths: a job per variant, each with what it last found
        jobs = with_variants(jobs, manifest.inputs, manifest.problems)
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
        batch = _build_pack(
            pack, root, stem, manifest, specs, workers, force, listener, formats, warm, draft
        )
    said = [Located(pack_path, p) for p in problems if p.level is Level.WARNING]
    batch.warnings = sorted(
        set(said + batch.warnings), key=lambda f: (f.problem.mark, f.problem.code)
    )
    return batch


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
        batch.removed, batch.replaced, batch.left = _drop_gone_courses(
            manifest, ids, batch.results, draft
        )
        from .kit_outputs import kit_inputs  # the roster: a kit is rebuilt when it changes

        inputs = [_hash_of(pack.path), kit_inputs(pack), str(draft)]
        key = sha256("|".join([*inputs, *(r.inputs for r in batch.results)]).encode())
        settled = all(r.unchanged for r in batch.results)  # nothing rebuilt, nothing kept
        current = not force and settled and _pack_files_current(manifest, key)
        if current:
            batch.extra_unchanged = manifest.heads["pack:files"]["files"].split("\n")
            batch.warnings = list(problems_from(manifest.problems.get(_PROGRAMME, ())))
        else:
            from ..pack.programme import plan_courses
            from .pack_outputs import pack_documents

            # the delivery days, for the plan and the .ics, from the courses as checked
            # (a course the build found unchanged is read now, the one time)
            known = [c or r.checked for c, r in zip(checked, batch.results, strict=True)]
            programme, courses = plan_courses(pack, known)
            warned = [p for p in programme.problems if p.level is Level.WARNING]
            batch.warnings = [Located(pack.path, p) for p in warned]
            manifest.problems[_PROGRAMME] = problem_records(batch.warnings)
            # a quote the client would sign at a wrong price is never written (validate
            # says it too; the build used to write the plan with the discount capped)
            refused = [p for p in programme.problems if p.code == "discount-over"]
            batch.errors += [Located(pack.path, p) for p in refused]
            if not refused:
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
            if not refused and not batch.extra_kept and all(r.ok for r in batch.results):
                before = manifest.heads.get("pack:files", {}).get("files", "")
                made = set(batch.extra_written)
                # a draft build takes no final file away; a final one leaves the drafts
                # to _drop_pack_drafts below
                gone = [
                    n
                    for n in before.split("\n")
                    if n and n not in made and (f"{stem}.draft." in n) == draft
                ]
                dropped, left = remove_made(manifest.root, manifest, gone)
                batch.dropped += dropped
                batch.left += left
                manifest.heads["pack:files"] = {"key": key, "files": "\n".join(batch.extra_written)}
                if not draft:
                    replaced, left = _drop_pack_drafts(manifest, stem)
                    batch.replaced += replaced
                    batch.left += left
        manifest.save()
    except (ManifestError, OSError) as exc:
        batch.errors.append(_state_error(root, exc))
    return batch


_PROGRAMME = "pack:programme"  # the programme's warnings, told again when nothing changed


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
