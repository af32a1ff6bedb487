"""The command line. It only wires: options become plain values, the pipeline runs,
reporters print, and user errors become exit codes (0 clean, 1 problems, 2 usage).

Rendering modules (python-docx…) are imported inside the commands that need them, so
``syllabus validate`` starts fast.
"""

from __future__ import annotations

# Importing the command modules registers their commands, in this order in --help.
from . import checking  # noqa: F401

# isort: split
from . import documents  # noqa: F401

# isort: split
from . import batch  # noqa: F401
from .app import app, configure_gc


def main() -> None:
    configure_gc()
    app()


__all__ = ["app", "configure_gc", "main"]
