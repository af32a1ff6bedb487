"""What each feature needs on this machine, whether it is there, and how to install what
is missing (``syllabus doctor``).

Two features: checking courses and writing Word documents (Python, the packages, a
console that shows Chinese) — the main job —, and PDFs (LibreOffice, the fonts the .docx
asks for or their stand-ins, a writable cache folder for LibreOffice's profile).

The machine is a value (``Machine``): the system, a ``which``, the font families, the
cache folder, the console's encoding. ``this_machine`` reads the real one; tests build
one for each system (Windows, macOS, Debian) on any machine, so every install hint is
tested. ``checks`` is pure apart from running ``soffice --version``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import Listing, Msg, msg

WINDOWS, MACOS, DEBIAN, LINUX = "windows", "macos", "debian", "linux"
MIN_PYTHON = (3, 10)
MAIN, PDF = "main", "pdf"

# The install command for each piece, per system ({} for a piece a system has no command
# for: the message then says what to do in words).
INSTALL: dict[str, dict[str, str]] = {
    "libreoffice": {
        WINDOWS: "winget install TheDocumentFoundation.LibreOffice",
        MACOS: "brew install --cask libreoffice",
        DEBIAN: "sudo apt-get install libreoffice-writer-nogui",
    },
    "cjk": {
        MACOS: "brew install --cask font-noto-serif-cjk-sc font-noto-sans-cjk-sc",
        DEBIAN: "sudo apt-get install fonts-noto-cjk",
    },
    "carlito": {
        MACOS: "brew install --cask font-carlito",
        DEBIAN: "sudo apt-get install fonts-crosextra-carlito",
    },
    "packages": {
        WINDOWS: r".venv\Scripts\pip install -e .",
        MACOS: ".venv/bin/pip install -e .",
        DEBIAN: ".venv/bin/pip install -e .",
        LINUX: ".venv/bin/pip install -e .",
    },
    "python": {
        WINDOWS: "winget install Python.Python.3.12",
        MACOS: "brew install python@3.12",
        DEBIAN: "sudo apt-get install python3 python3-venv",
    },
}
_SAMPLE = "电商课程：“第一天”【一】"  # what the console must be able to show


@dataclass(frozen=True)
class Machine:
    system: str  # WINDOWS, MACOS, DEBIAN (apt-get) or LINUX
    which: Callable[[str], str | None]
    office_places: tuple[Path, ...]  # where installers put soffice when it is not on PATH
    fonts: frozenset[str]  # installed font families, case-folded
    cache: Path
    console_encoding: str
    python: tuple[int, int, int] = (0, 0, 0)
    versions: dict[str, str | None] = field(default_factory=dict)  # package → version


@dataclass(frozen=True)
class Check:
    feature: str  # MAIN or PDF
    ok: bool
    said: Msg  # what was found (or not)
    install: Msg | None = None  # how to get it, on this system
    required: bool = True  # False: the feature works without it, worse (a console showing ?)


def system_name(platform: str = sys.platform, debian: Path = Path("/etc/debian_version")) -> str:
    if platform == "win32":
        return WINDOWS
    if platform == "darwin":
        return MACOS
    return DEBIAN if debian.is_file() else LINUX


def _packages() -> dict[str, str | None]:
    """The installed version of each package syllabus needs (None: missing)."""
    from importlib import metadata

    try:
        wanted = metadata.requires("syllabus-cli") or []
    except metadata.PackageNotFoundError:
        wanted = []
    versions: dict[str, str | None] = {"syllabus-cli": _version(metadata, "syllabus-cli")}
    for requirement in wanted:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        versions[name] = _version(metadata, name)
    return versions


def _version(metadata: object, name: str) -> str | None:
    from importlib import metadata as md

    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return None


def this_machine(platform: str = sys.platform) -> Machine:
    """The machine this runs on; ``platform`` (``win32``, ``darwin``, ``linux``) pretends
    another system: its install folders, font folders and install commands."""
    import shutil

    from .render.pdf.fonts import font_folders, list_families
    from .render.pdf.office import usual_places
    from .render.pdf.profile import cache_dir

    fonts = list_families(shutil.which("fc-list"), font_folders(platform))
    return Machine(
        system=system_name(platform),
        which=shutil.which,
        office_places=tuple(usual_places(platform)),
        fonts=fonts,
        cache=cache_dir(),
        console_encoding=str(getattr(sys.stdout, "encoding", None) or "utf-8"),
        python=(sys.version_info[0], sys.version_info[1], sys.version_info[2]),
        versions=_packages(),
    )


DOWNLOADS = {"libreoffice": "https://www.libreoffice.org/download/"}


def _install(piece: str, system: str) -> Msg:
    command = INSTALL[piece].get(system)
    if command is None:
        return msg(f"doctor.install-{piece}-{'linux' if system == DEBIAN else system}")
    if system == WINDOWS and piece in DOWNLOADS:
        return msg("doctor.install-or-download", command=command, link=DOWNLOADS[piece])
    return msg("doctor.install", command=command)


def find_office(machine: Machine) -> Path | None:
    for name in ("soffice", "libreoffice"):
        found = machine.which(name)
        if found:
            return Path(found)
    return next((place for place in machine.office_places if place.is_file()), None)


OFFICE_TIMEOUT = 10  # seconds ``soffice --version`` has to answer (it takes one or two)


def office_version(soffice: Path, timeout: float = OFFICE_TIMEOUT) -> tuple[bool, str | None]:
    """Whether ``soffice --version`` answered in time, and ``LibreOffice 7.4.7.2 …`` →
    ``7.4.7.2`` (None when it said something else). One that hangs (a stuck profile, a
    dialog nobody sees) is stopped with everything it started, after ``timeout``."""
    import os

    group = (
        {"start_new_session": True}
        if os.name == "posix"
        else {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    )
    try:
        process = subprocess.Popen(
            [str(soffice), "--version"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            **group,
        )
    except (OSError, ValueError):
        return True, None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        return False, None
    found = re.search(r"LibreOffice\s+([\d.]+)", output.decode("utf-8", "replace"))
    return True, found.group(1) if found else None


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End a process and its children (a script's ``sleep`` holds the pipe open too)."""
    import contextlib
    import os
    import signal

    with contextlib.suppress(OSError, subprocess.SubprocessError):
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:  # soffice.exe starts soffice.bin: the tree goes
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                capture_output=True,
                timeout=10,
                check=False,
            )
            process.kill()
    if process.stdout is not None:
        process.stdout.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def _font(
    machine: Machine, names: tuple[str, ...], stand_ins: tuple[str, ...], role: str, piece: str
) -> Check:
    have = next((n for n in names if n.casefold() in machine.fonts), None)
    if have is not None:
        return Check(PDF, True, msg("doctor.font", font=names[0], role=msg(role), found=have))
    stand_in = next((n for n in stand_ins if n.casefold() in machine.fonts), None)
    if stand_in is not None:
        return Check(
            PDF, True, msg("doctor.font-stand-in", font=names[0], role=msg(role), found=stand_in)
        )
    return Check(
        PDF,
        False,
        msg("doctor.font-missing", font=names[0], role=msg(role), stand_in=stand_ins[0]),
        _install(piece, machine.system),
        required=False,  # the PDF is made, in another font
    )


def _cache(machine: Machine) -> Check:
    import tempfile

    try:
        machine.cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=machine.cache, prefix=".doctor-"):
            pass
    except OSError as exc:
        return Check(
            PDF,
            False,
            msg(
                "doctor.cache-not-writable",
                folder=str(machine.cache),
                reason=exc.strerror or str(exc),
            ),
            msg(f"doctor.install-cache-{WINDOWS if machine.system == WINDOWS else 'posix'}"),
        )
    return Check(PDF, True, msg("doctor.cache", folder=str(machine.cache)))


def _console(machine: Machine) -> Check:
    try:
        _SAMPLE.encode(machine.console_encoding)
    except (UnicodeEncodeError, LookupError):
        system = WINDOWS if machine.system == WINDOWS else "posix"
        return Check(
            MAIN,
            False,
            msg("doctor.console-bad", encoding=machine.console_encoding),
            msg(f"doctor.install-console-{system}"),
            required=False,
        )
    return Check(MAIN, True, msg("doctor.console", encoding=machine.console_encoding))


def checks(machine: Machine) -> list[Check]:
    """Every check, the main job's first."""
    from .render.pdf.fonts import SANS_SC, SERIF_SC

    found: list[Check] = []
    wanted = ".".join(map(str, MIN_PYTHON))
    python = ".".join(map(str, machine.python))
    ok = machine.python[:2] >= MIN_PYTHON
    found.append(
        Check(
            MAIN,
            ok,
            msg("doctor.python", version=python, wanted=wanted),
            None if ok else _install("python", machine.system),
        )
    )
    missing = [name for name, version in machine.versions.items() if version is None]
    listing = Listing(f"{name} {version}" for name, version in machine.versions.items() if version)
    if missing:
        found.append(
            Check(
                MAIN,
                False,
                msg("doctor.packages-missing", names=Listing(missing)),
                _install("packages", machine.system),
            )
        )
    else:
        found.append(Check(MAIN, True, msg("doctor.packages", listing=listing)))
    found.append(_console(machine))
    soffice = find_office(machine)
    if soffice is None:
        found.append(
            Check(PDF, False, msg("doctor.office-missing"), _install("libreoffice", machine.system))
        )
    else:
        answered, version = office_version(soffice, OFFICE_TIMEOUT)
        if answered:
            said = msg("doctor.office", version=version or "?", path=str(soffice))
            found.append(Check(PDF, True, said))
        else:
            said = msg("doctor.office-silent", path=str(soffice), seconds=OFFICE_TIMEOUT)
            found.append(Check(PDF, False, said))
    found.append(_font(machine, ("宋体", "SimSun"), SERIF_SC, "doctor.role-body", "cjk"))
    found.append(
        _font(machine, ("微软雅黑", "Microsoft YaHei"), SANS_SC, "doctor.role-heading", "cjk")
    )
    found.append(_font(machine, ("Calibri",), ("Carlito",), "doctor.role-latin", "carlito"))
    found.append(_cache(machine))
    return found


def pdf_works(found: list[Check]) -> bool:
    """PDFs can be made (LibreOffice, a cache folder); missing fonts only change their look."""
    return all(c.ok for c in found if c.feature == PDF and c.required)


def main_job_works(found: list[Check]) -> bool:
    """Checking courses and writing .docx: what ``doctor``'s exit code says."""
    return all(c.ok for c in found if c.feature == MAIN and c.required)
