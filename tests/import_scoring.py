"""Score the importer against a hand-read corpus of real public course pages.

The pages are third-party text, so they are not committed: the corpus lives in the folder
named by SYLLABUS_IMPORT_CORPUS, else ../shared/import-corpus beside the repository, and
the corpus tests skip loudly when neither exists. Each NAME.txt|NAME.md there is a public course page saved as published; NAME.expected.yaml
is what a person reads on it (title, length in minutes, top-level modules and their
minutes), written before the importer ever ran on it. A field is a hit when the imported
spec says what the person read, and says nothing where the page is silent (a missing
title or length must be a TODO, not a guess presented as found)."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from syllabus_cli.duration import DurationError, parse_duration
from syllabus_cli.importer.catalog import SECTION_LABELS
from syllabus_cli.importer.conventions import IN_MODULE_SLOT, NOTE_LABELS, STRONG_MARKER

REAL = Path(
    os.environ.get("SYLLABUS_IMPORT_CORPUS")
    or Path(__file__).resolve().parents[2] / "shared" / "import-corpus"
)
SOURCES = sorted(p for p in REAL.iterdir() if p.suffix in (".txt", ".md")) if REAL.is_dir() else []
# a label's text becomes the key it maps to (section labels, and 工具/案例/练习 in a module)
LABEL_WORDS = {label for labels in SECTION_LABELS.values() for label in labels}
LABEL_WORDS |= set(IN_MODULE_SLOT) | set(NOTE_LABELS)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s《》“”\"'·:：()（）🧭]+", "", text).lower()


def _minutes(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return parse_duration(str(value)).minutes
    except DurationError:
        return None


@dataclass
class Score:
    name: str
    title: bool
    length: bool
    modules: bool
    lost: list[str] = field(default_factory=list)
    detail: str = ""


def score(name: str, spec: dict[str, Any], *, length_found: bool) -> Score:
    expected = yaml.safe_load((REAL / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    title = str(spec.get("title", ""))
    if expected["title"] is None:
        title_hit = title.startswith("TODO")
    else:
        title_hit = not title.startswith("TODO") and _norm(title) in {
            _norm(t) for t in expected["title"]
        }
    if expected["length_minutes"] is None:
        length_hit = not length_found
    else:
        length_hit = length_found and _minutes(spec.get("duration")) == expected["length_minutes"]
    modules = [
        m
        for m in spec.get("modules", [])
        if not str(m.get("title", "")).startswith("TODO: 课程大纲")
    ]
    got = [_minutes(m.get("duration")) for m in modules]
    want = [m["minutes"] for m in expected["modules"]]
    return Score(
        name,
        title_hit,
        length_hit,
        got == want,
        detail=f"title {title!r}; duration {spec.get('duration')!r} (found: {length_found}); "
        f"modules {got} vs {want}: {[m.get('title') for m in modules]}",
    )


_MARKER = re.compile(
    r"^\s*(?:#{1,6}\s*|[-*+>·•●★■◆▪l n━|]\s*|\d+(?:\.\d+)*[.、．)]?\s*|[（(]\d+[)）]\s*"
    r"|[一二三四五六七八九十]+[、.．]\s*|[a-h][.)]\s*)+"
)
_SEGMENT = re.compile(
    r"[^\s,，.。;；:：、!！?？()（）\[\]【】《》“”\"'|/\\—\-_*`=<>+~#@$%^&{}·…●★→↑]+"
)


def lost_text(source: str, data: str) -> list[str]:
    """Runs of two or more characters from a source line that appear nowhere in the
    spec's data (labels aside: a label's text becomes the key it maps to)."""
    haystack = unicodedata.normalize("NFKC", data)
    missing = []
    for line in source.splitlines():
        line = unicodedata.normalize("NFKC", line)
        line = STRONG_MARKER.sub("", _MARKER.sub("", line))  # numbering is the tree's shape
        for seg in _SEGMENT.findall(_MARKER.sub("", line)):
            if len(seg) >= 2 and seg not in haystack and seg not in LABEL_WORDS:
                missing.append(seg)
    return missing


def data_text(node: Any) -> str:
    """Every string value of a spec (keys aside), as one text."""
    if isinstance(node, dict):
        return "\n".join(data_text(v) for v in node.values())
    if isinstance(node, list):
        return "\n".join(data_text(v) for v in node)
    return str(node)
