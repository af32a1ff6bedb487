"""PDFs of a 6-course export, whole process against whole process, as ratios in one run.

Every variant starts from nothing and ends with the six proposal PDFs beside their .docx:

- floor:   `syllabus export --format docx`, then ONE `soffice --convert-to pdf` call over
           the six .docx (a warm, reused profile): what a person would script by hand.
- before:  the same export, then one `soffice` process per file, each with a new
           profile (what `to_pdf` did before this change).
- to_pdfs: the same export, then one Python process calling `to_pdfs` over the six
           files (one LibreOffice process, the cached profile, contents updated).
- export:  `syllabus export --format docx,pdf`, as this branch wires it.

Goal (issue 13): to_pdfs <= 1.3x the floor. The profile cache is a folder of this run,
warmed once before timing (as it is after a user's first --pdf).

Run:  python bench/pdf_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COURSES = sorted((REPO / "courses").glob("*.yaml"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"


def run(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=600)


def export(out: Path, env: dict[str, str], formats: str = "docx") -> list[Path]:
    run([sys.executable, "-m", "syllabus_cli", "export", *map(str, COURSES), "--out", str(out),
         "--format", formats, "-j", "1"], env)  # fmt: skip
    return sorted(out.glob("*/*.proposal.docx"))


def floor(out: Path, env: dict[str, str], profile: Path) -> None:
    docxs = export(out, env)
    run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out / "pdf"), *map(str, docxs)], env)  # fmt: skip


def before(out: Path, env: dict[str, str], _: Path) -> None:
    for docx in export(out, env):
        with tempfile.TemporaryDirectory() as fresh:
            run([SOFFICE, f"-env:UserInstallation={Path(fresh).as_uri()}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)], env)  # fmt: skip


def batched(out: Path, env: dict[str, str], _: Path) -> None:
    docxs = export(out, env)
    code = (
        "import sys; from pathlib import Path; from syllabus_cli.render.pdf import to_pdfs; "
        "r = to_pdfs([Path(a) for a in sys.argv[1:]]); "
        "sys.exit(any(not isinstance(v, Path) for v in r.values()))"
    )
    run([sys.executable, "-c", code, *map(str, docxs)], env)


def wired(out: Path, env: dict[str, str], _: Path) -> None:
    export(out, env, "docx,pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    variants: dict[str, Callable[[Path, dict[str, str], Path], None]] = {
        "floor": floor, "before": before, "to_pdfs": batched, "export": wired,
    }  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache"),
               "LOCALAPPDATA": str(Path(tmp) / "cache")}  # fmt: skip
        profile = Path(tmp) / "floor-profile"
        floor(Path(tmp) / "warm-floor", env, profile)  # warm both profiles, untimed
        batched(Path(tmp) / "warm-ours", env, profile)
        for n in range(args.rounds):  # interleaved, so a busy moment hits every variant
            for name, variant in variants.items():
                out = Path(tmp) / f"{name}-{n}"
                start = time.perf_counter()
                variant(out, env, profile)
                times[name].append(time.perf_counter() - start)
                proposals = len(list(out.glob("*/*.proposal.docx"))) or len(COURSES)
                assert len(list(out.rglob("*.pdf"))) == proposals, f"{name}: PDFs missing"
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{len(COURSES)} courses, {args.rounds} rounds, medians (whole processes):")
    for name, value in median.items():
        print(f"  {name:8} {value:6.2f} s  = {value / median['floor']:.2f}x the floor")
    print(f"goal: to_pdfs <= 1.30x the floor -> {median['to_pdfs'] / median['floor']:.2f}x")
    print(f"one process per file (before) / to_pdfs: {median['before'] / median['to_pdfs']:.1f}x")
    print(f"cores here: {os.cpu_count()}")


if __name__ == "__main__":
    main()
