"""What every worker process needs, imported once in the forkserver that forks them.

The imports run with the collector held off (they allocate much and free nothing) and
what they made is then frozen (``startup.release``): forked workers share those objects
with the forkserver, and no collection in a worker scans them again.
"""

from __future__ import annotations

import importlib

from ..startup import hold, release

MODULES = (
    "syllabus_cli.build.jobs",
    "syllabus_cli.check",
    "syllabus_cli.spec.build",
    "syllabus_cli.agenda.from_course",
    "syllabus_cli.render.proposal",
    "syllabus_cli.render.docx_out",
    "syllabus_cli.files",
)


def _load() -> None:
    hold()
    try:
        for name in MODULES:
            importlib.import_module(name)
    finally:
        release()


_load()
