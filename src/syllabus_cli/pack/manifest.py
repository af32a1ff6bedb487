"""What a build wrote, so the next build knows what it may replace.

The manifest (``.syllabus-manifest.json`` in the output folder) records, per file, the
SHA-256 of the bytes written, and per course the hash of everything its documents were
built from. A file whose bytes no longer match (edited in Word) is not overwritten
without ``--force``; a course whose inputs and outputs are unchanged is not rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_text_atomic

NAME = ".syllabus-manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None


@dataclass
class Manifest:
    root: Path
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256 written
    inputs: dict[str, str] = field(default_factory=dict)  # course key -> inputs hash

    @classmethod
    def load(cls, root: Path) -> Manifest:
        try:
            data = json.loads((root / NAME).read_text(encoding="utf-8"))
            return cls(root, dict(data.get("files", {})), dict(data.get("inputs", {})))
        except (FileNotFoundError, ValueError, AttributeError):
            return cls(root)

    def save(self) -> None:
        data = {
            "files": dict(sorted(self.files.items())),
            "inputs": dict(sorted(self.inputs.items())),
        }
        write_text_atomic(self.root / NAME, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
