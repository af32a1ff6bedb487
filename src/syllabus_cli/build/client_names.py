"""What the client receives in the pack's zip is named in the document's language, from
the titles: ``电商服务能力提升项目-培训方案.pdf``, ``电商客服销售能力提升-课程方案.docx``,
``…-日程安排.pdf`` (en ``<Title> - Training plan.pdf`` …); a draft's names say so. The
pack folder's own files keep their stable id names (scripts rely on them). Pure."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..i18n import labels
from .names import draft_mark, safe_name

# a document's kind, from the stable name's ending
_KINDS = (
    (".proposal.docx", "proposal", ".docx"),
    (".proposal.pdf", "proposal", ".pdf"),
    (".agenda.docx", "agenda", ".docx"),
    (".agenda.pdf", "agenda", ".pdf"),
    (".agenda.html", "agenda", ".html"),
    (".agenda.md", "agenda", ".md"),
    (".ics", "calendar", ".ics"),
)


def client_name(title: str, kind: str, suffix: str, language: str, draft: bool) -> str:
    """``<title>-<kind's label>[-草稿]<suffix>``, safe on Windows, macOS and Linux."""
    label = labels("pack", language)[f"file_{kind}"]
    joiner = "-" if language == "zh" else " - "
    stem = safe_name(title, "document")
    mark = draft_mark(language) if draft else ""
    return f"{stem}{joiner}{label}{mark}{suffix}"


def zip_names(
    own: list[str],
    courses: list[tuple[str, str, list[str]]],
    title: str,
    language: str,
    draft: bool,
) -> dict[str, str]:
    """Stable path in the pack folder → name in the zip. ``own``: the pack's own files
    (plan .docx/.pdf, .ics); ``courses``: (title, language, documents) per course.
    Names that would collide get ``（2）`` / `` (2)``."""
    out: dict[str, str] = {}
    taken: set[str] = set()

    def add(path: str, name: str, lang: str) -> None:
        stem, suffix = name[: -len(PurePosixPath(name).suffix)], PurePosixPath(name).suffix
        candidate, n = name, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{stem}（{n}）{suffix}" if lang == "zh" else f"{stem} ({n}){suffix}"
        taken.add(candidate.lower())
        out[path] = candidate

    for path in own:
        kind = _kind(path, plan=True)
        if kind is not None:
            add(path, client_name(title, kind[0], kind[1], language, draft), language)
    for course_title, lang, documents in courses:
        for path in documents:
            kind = _kind(path, plan=False)
            if kind is not None:
                add(path, client_name(course_title, kind[0], kind[1], lang, draft), lang)
    return out


def _kind(path: str, *, plan: bool) -> tuple[str, str] | None:
    for ending, kind, suffix in _KINDS:
        if path.endswith(ending):
            return ("plan" if plan and kind == "proposal" else kind), suffix
    return None
