"""The import page: a catalog uploaded, read by ``syllabus import``'s own code into a
staging folder of the session, shown beside the text each spec came from; then written
into ``courses/`` by the same ``import_catalog`` (existing files kept unless the user
ticks "replace")."""

from __future__ import annotations

import html
import re
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..build.names import safe_name
from ..importer.catalog import DEFAULT_SEPARATOR, is_course, split_courses, take_header
from ..importer.run import ImportReport, import_catalog
from ..importer.source import READABLE, read_source
from .security import MAX_UPLOAD

__all__ = ["MAX_UPLOAD", "Staging", "preview_import", "write_import"]

MAX_STAGED = 8  # uploads kept in a session; the oldest goes first
SUFFIXES = READABLE  # an upload keeps its kind: a deck, a sheet, a PDF, a saved page
_TODO = re.compile(r"TODO[^\n]*")


@dataclass(frozen=True)
class StagedSpec:
    name: str
    source: str  # the course's text in the catalog
    spec: str  # the YAML it would write, as HTML with TODOs marked
    exists: bool  # a file of that name is in the target folder already


class Staging:
    """Uploaded catalogs of this session, each in a folder of its own under a private
    temporary folder (removed when the preview stops)."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="syllabus-preview-"))
        self.order: list[str] = []

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def add(self, filename: str, data: bytes) -> str:
        """Keep an upload under a new id; its name is reduced to a safe stem plus one of
        the suffixes import reads."""
        suffix = Path(filename).suffix.lower()
        if suffix not in SUFFIXES:
            suffix = ".txt"
        stem = safe_name(Path(filename).stem or "catalog", "catalog")
        ident = secrets.token_hex(8)
        folder = self.root / ident
        folder.mkdir()
        (folder / f"{stem}{suffix}").write_bytes(data)
        self.order.append(ident)
        while len(self.order) > MAX_STAGED:
            shutil.rmtree(self.root / self.order.pop(0), ignore_errors=True)
        return ident

    def source(self, ident: str) -> Path | None:
        if not re.fullmatch(r"[0-9a-f]{16}", ident) or ident not in self.order:
            return None
        found = [p for p in (self.root / ident).iterdir() if p.is_file()]
        return found[0] if found else None


def chunks_by_file(source: Path, separator: str) -> dict[str, str]:
    """Each course's text, by the spec file import names it (``<stem>-NN.yaml``), as
    ``import_catalog`` cuts the catalog."""
    from ..importer.catalog import fingerprint

    text = read_source(source)
    chunks = split_courses(text, separator)
    _, chunks[0] = take_header(chunks[0])
    courses = [c for c in chunks if c.strip()]
    real = [c for c in courses if is_course(c)] or (["\n".join(courses)] if courses else [])
    stem = safe_name(source.stem, "catalog")
    out, seen = {}, set()
    for number, chunk in enumerate(real, start=1):
        key = fingerprint(chunk)
        if key in seen:
            continue
        seen.add(key)
        out[f"{stem}-{number:02d}.yaml"] = chunk
    return out


def marked(yaml_text: str) -> str:
    """The spec's text as HTML, every TODO highlighted."""
    escaped = html.escape(yaml_text)
    return _TODO.sub(lambda m: f'<mark class="todo">{m.group(0)}</mark>', escaped)


def preview_import(
    source: Path,
    target: Path,
    separator: str = DEFAULT_SEPARATOR,
    modules_like: str | None = None,
) -> tuple[list[StagedSpec], ImportReport]:
    """What ``import`` would write into ``target``: read into a scratch folder beside the
    upload (raises ``SourceError`` as the command does). ``modules_like``: the trainer's
    example of one module (import --modules-like)."""
    scratch = source.parent / "out"
    shutil.rmtree(scratch, ignore_errors=True)
    report = import_catalog(
        source, scratch, separator=separator, force=True, modules_like=modules_like
    )
    chunks = chunks_by_file(source, separator)
    specs = []
    for row in report.rows:
        name = Path(row.file).name
        text = (scratch / name).read_text(encoding="utf-8")
        specs.append(StagedSpec(name, chunks.get(name, ""), marked(text), (target / name).exists()))
    return specs, report


def write_import(
    source: Path,
    target: Path,
    separator: str = DEFAULT_SEPARATOR,
    overwrite: bool = False,
    modules_like: str | None = None,
) -> ImportReport:
    """The specs into ``target``, through ``import_catalog``: an existing file is kept
    (and listed) unless ``overwrite``; read as they were previewed."""
    return import_catalog(
        source, target, separator=separator, force=overwrite, modules_like=modules_like
    )
