"""syllabus doctor: what each feature needs on this machine and how to install what is
missing (the checks are doctor.py's; this prints them)."""

import sys
from typing import Annotated

import typer

from ..i18n import render, t
from .app import app, out

# User-facing messages of this module: i18n/en.py and zh.py, keys "doctor.*".

_PLATFORMS = {"windows": "win32", "macos": "darwin", "linux": "linux"}


def _marks(encoding: str) -> tuple[str, str]:
    """√ and × where the console shows them (a GBK console does), else ok and NO."""
    try:
        "√×".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "ok", "NO"
    return "√", "×"


@app.command()
def doctor(
    system: Annotated[
        str | None,
        typer.Option("--system", hidden=True, help="Pretend this system: windows, macos, linux."),
    ] = None,
) -> None:
    """Show what each feature needs on this machine, and how to install what is missing."""
    from ..doctor import MAIN, PDF, checks, main_job_works, pdf_works, this_machine

    platform = _PLATFORMS.get((system or "").lower(), sys.platform)
    found = checks(this_machine(platform))
    yes, no = _marks(out().encoding)
    lines = [t("doctor.title"), ""]
    for feature, heading in ((MAIN, "doctor.feature-main"), (PDF, "doctor.feature-pdf")):
        lines.append(t(heading))
        for check in (c for c in found if c.feature == feature):
            lines.append(f"  {yes if check.ok else no} {render(check.said)}")
            if check.install is not None:
                lines.append(f"      {render(check.install)}")
        lines.append("")
    main_ok = main_job_works(found)
    pdf_ok = pdf_works(found)
    lines.append(t("doctor.main-ok" if main_ok else "doctor.main-missing"))
    lines.append(t("doctor.pdf-ok" if pdf_ok else "doctor.pdf-missing"))
    out().write("\n".join(lines) + "\n")
    raise typer.Exit(0 if main_ok else 1)
