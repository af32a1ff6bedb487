"""syllabus fix: repair what a Chinese input method did to YAML files, re-save GBK as UTF-8.

The repair is load_fix's (pure); this module reads, shows the diff, keeps a backup
beside each file it changes (``FILE.bak``, then ``FILE.bak.1`` … never overwriting one)
and writes. What is still wrong afterwards is the user's own mistake: shown as problems.
"""

import difflib
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import msg, t
from .app import app, out, print_problems

# User-facing messages of this module: i18n/en.py and zh.py, keys "fix.*".


def backup_path(path: Path) -> Path:
    """``FILE.bak``, or the first ``FILE.bak.N`` that does not exist yet."""
    candidate = path.with_name(path.name + ".bak")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` over ``path`` whole or not at all (a full disk leaves the file as it
    was), keeping its permissions."""
    import os
    import shutil

    temporary = path.with_name(path.name + ".fixing")
    try:
        temporary.write_bytes(data)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _read_only(path: Path) -> bool:
    """Whether the file is marked read-only (Windows' attribute, POSIX's mode): a file the
    user protected is not replaced behind their back (renaming over it would succeed)."""
    import stat

    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


def _diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(),  # a Windows file's \r\n stays in the file, not in the diff
        after.splitlines(),
        fromfile=f"{name} ({t('fix.before')})",
        tofile=f"{name} ({t('fix.after')})",
        lineterm="",
    )
    return "".join(line + "\n" for line in lines)


def _fix_one(path: Path, dry_run: bool) -> bool:
    """Fix one file; True when it is left without problems of its own."""
    from ..load import parse_text
    from ..load_encoding import read_text
    from ..load_fix import repair
    from ..paths import shown as shown_path
    from ..problems import Mark, error

    shown = shown_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        print_problems([error(Mark(), "file-missing", msg("load.not-found"))], path)
        return False
    except IsADirectoryError:
        print_problems([error(Mark(), "file-missing", msg("load.folder"))], path)
        return False
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print_problems(
            [error(Mark(), "file-unreadable", msg("load.unreadable", reason=reason))], path
        )
        return False
    repaired = repair(data)
    if repaired.unreadable:
        from ..load import load_file

        print_problems(list(load_file(path, cached=False).problems), path)  # the encoding, named
        return False
    stream = out()
    if not repaired.changed:
        stream.write(t("fix.nothing", path=shown) + "\n")
    else:
        before = read_text(data)[0] or ""
        stream.write(_diff(before, repaired.text, shown))
        if repaired.encoding is not None:
            stream.write(t("fix.encoding", path=shown, encoding=repaired.encoding) + "\n")
        count = len(repaired.slips)
        # a link is followed: the file it names is repaired, the link stays a link
        target = path.resolve() if path.is_symlink() else path
        if dry_run:
            stream.write(t("fix.dry-run", path=shown, count=count) + "\n")
        elif _read_only(target):
            print_problems([error(Mark(), "write", msg("fix.read-only"))], path)
            return False
        else:
            backup = backup_path(target)
            try:
                backup.write_bytes(data)
                _replace(target, repaired.text.encode("utf-8"))
            except OSError as exc:
                reason = exc.strerror or str(exc)
                print_problems(
                    [error(Mark(), "write", msg("fix.not-written", reason=reason))], path
                )
                return False
            key = "fix.done" if count else "fix.saved"
            kept = backup.name if backup.parent == path.parent else shown_path(backup)
            stream.write(t(key, path=shown, count=count, backup=kept) + "\n")
    left = [p for p in parse_text(repaired.text, path).problems if p.level.value == "error"]
    if left:
        print_problems(left, path)
        stream.write(t("fix.left", path=shown) + "\n")
    return not left


@app.command()
def fix(
    files: Annotated[
        list[Path], typer.Argument(help="The YAML files to repair (a folder: every .yaml in it).")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the changes; write nothing.")
    ] = False,
) -> None:
    """Repair what a Chinese input method did to YAML files and save GBK files as UTF-8 (a diff is shown, FILE.bak kept)."""
    from ..find import find_specs

    results = []
    for path, problem in find_specs(files):  # a folder: every .yaml under it
        if problem is not None:
            print_problems([problem], path)
            results.append(False)
        else:
            results.append(_fix_one(path, dry_run))
    raise typer.Exit(0 if all(results) else 1)
