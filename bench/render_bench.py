"""What one course's two .docx documents cost to render, in process, against another
version of the code, as a ratio measured in one run. The default, ``0ac1ab4``, is the
code before issue 13's render work; pass ``--against main`` to check a change of yours.

Per course: ``build_proposal`` + ``document_bytes`` (TOC filled, zipped) of the proposal,
then ``agenda_document`` + ``document_bytes`` of the agenda — what a batch export's
worker spends on each course's documents. Loading and checking the specs is done
before timing. Each side runs in its own process (two versions of the package cannot
share one), timing in process; the processes alternate (a, b, a, b …) and the medians
of their per-course figures are compared, so machine noise hits both. Also checks that
both sides wrote the same bytes. Goal: at most 0.7 of the other version's cost.

Run:  python bench/render_bench.py [--against 0ac1ab4] [--courses 40] [--runs 7]
      [--template some.docx]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOAL = 0.7  # this version's per-course cost over the other's


def measure(specs: Path, count: int, template: str, rounds: int) -> dict[str, object]:
    """In this process: per-course milliseconds of each round (the first warms up)."""
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    try:
        from syllabus_cli.agenda.from_course import plan_agenda
    except ImportError:  # a version before the modules were named for what they hold
        from syllabus_cli.agenda.plan import plan_agenda  # type: ignore[no-redef]
    from syllabus_cli.check import check_course
    from syllabus_cli.render import docx_out
    from syllabus_cli.render.agenda_docx import agenda_document
    from syllabus_cli.render.proposal import ProposalInput, build_proposal
    from syllabus_cli.spec.build import load_course

    tpl = Path(template) if template else None
    courses = []
    for spec in sorted(specs.glob("*.yaml"))[:count]:
        checked = check_course(load_course(spec), spec)
        courses.append((checked, plan_agenda(checked.course, checked.timing)))

    def render() -> list[bytes]:
        out = []
        for checked, agenda in courses:
            course = checked.course
            data = ProposalInput(course, checked.timing, agenda, "客户", None, tpl)
            out.append(docx_out.document_bytes(build_proposal(data)))
            document = agenda_document(
                agenda, course.language, subtitle=course.subtitle, template=tpl
            )
            out.append(docx_out.document_bytes(document))
        return out

    digest = hashlib.sha256(b"".join(render())).hexdigest()  # warm-up, and the bytes
    per_course = []
    for _ in range(rounds):
        start = time.perf_counter()
        render()
        per_course.append((time.perf_counter() - start) / len(courses) * 1000)
    return {"ms": per_course, "sha256": digest, "code": str(Path(docx_out.__file__).parent)}


def checkout(ref: str, into: Path) -> Path:
    """``src/`` of git ``ref`` unpacked into ``into``."""
    archive = into / "src.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", ref, "src"], cwd=REPO, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "data_filter"):  # 3.10.12+: refuse links and absolute names
            tar.extractall(into, filter="data")
        else:
            tar.extractall(into)  # our own repository's archive
    return into / "src"


def run_side(src: Path, args: argparse.Namespace) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [
        sys.executable,
        __file__,
        "--child",
        str(args.specs),
        str(args.courses),
        args.template or "",
        str(args.rounds),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        specs, count, template, rounds = sys.argv[2:6]
        print(json.dumps(measure(Path(specs), int(count), template, int(rounds))))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="0ac1ab4", help="git ref to compare with")
    parser.add_argument("--specs", type=Path, default=None, help="folder of course specs")
    parser.add_argument("--courses", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7, help="processes per side")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per process")
    parser.add_argument("--template", default="", help="a .docx template for every document")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.specs is None:
            sys.path.insert(0, str(Path(__file__).parent))
            from export_bench import make_courses

            args.specs = make_courses(Path(tmp) / "specs", args.courses)
        sides = {"this": REPO / "src", args.against: checkout(args.against, Path(tmp))}
        ms: dict[str, list[float]] = {name: [] for name in sides}
        digests: dict[str, set[str]] = {name: set() for name in sides}
        for _ in range(args.runs):
            for name, src in sides.items():
                result = run_side(src, args)
                ms[name].extend(result["ms"])  # type: ignore[arg-type]
                digests[name].add(str(result["sha256"]))
                assert str(result["code"]).startswith(str(src)), result["code"]
    medians = {name: statistics.median(values) for name, values in ms.items()}
    for name, value in medians.items():
        print(f"{name:>12}: {value:6.2f} ms per course (median of {len(ms[name])})")
    ratio = medians["this"] / medians[args.against]
    print(f"ratio this/{args.against}: {ratio:.3f}  (goal <= {GOAL})  ", end="")
    print("PASS" if ratio <= GOAL else "MISS")
    same = digests["this"] == digests[args.against] and len(digests["this"]) == 1
    print("bytes: identical" if same else f"bytes: DIFFER {digests}")


if __name__ == "__main__":
    main()
