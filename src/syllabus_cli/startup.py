"""Start-up without the garbage collector.

Importing the command line (Typer, PyYAML, python-docx, our modules) allocates a few
hundred thousand objects and frees almost none, so every collection pass during start-up
is wasted work (about 12 ms of a 190 ms ``syllabus proposal``). The ``syllabus``
program holds collection off from its first line (``hold``) until the command it runs
starts its work (``release``, from the command group's ``invoke``): then everything alive
so far is frozen out of the collector, so no later pass rescans the modules' objects,
and collection runs with the default thresholds, which bound a long batch's memory.

Only what ``hold`` stopped is restarted: code that imports the package (tests, an
embedding program) keeps its own collector settings.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Collection off until ``release`` (a no-op when it already is off)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what start-up made and collect again, if ``hold`` stopped collection."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
