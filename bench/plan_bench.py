"""A pack with a training plan builds as fast as the same pack without one.

Both packs hold the same courses; one also carries a full ``plan:`` (every chapter, a
quote, a timeline). Each is built by a whole ``syllabus pack`` process with ``--force``
(so nothing is skipped), alternating, several rounds; the ratio of the medians is
printed (goal: at most 1.15, i.e. the plan costs under 15 %).

Run:  python bench/plan_bench.py [--rounds N] [--courses N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "packs" / "3c-ecommerce-service.yaml"


def packs(folder: Path, courses: int) -> tuple[Path, Path]:
    """The example pack's plan over ``courses`` copies of the example courses."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, plan = text.split("\nplan:\n", 1)
    specs = sorted((REPO / "courses").glob("*.yaml"))
    lines = []
    for i in range(courses):
        spec = specs[i % len(specs)]
        copy = folder / "courses" / f"{i:02d}-{spec.name}"
        copy.parent.mkdir(exist_ok=True)
        copy.write_text(
            spec.read_text(encoding="utf-8")
            .replace("../instructors/", f"{REPO.as_posix()}/instructors/")
            .replace("../library/", f"{REPO.as_posix()}/library/"),
            encoding="utf-8",
        )
        lines.append(f"  - ../courses/{copy.name}")
    header = head.split("\ncourses:\n")[0].replace(
        "../instructors/", f"{REPO.as_posix()}/instructors/"
    )
    base = header + "\ncourses:\n" + "\n".join(lines) + "\n"
    (folder / "packs").mkdir(exist_ok=True)
    without, with_plan = folder / "packs" / "without.yaml", folder / "packs" / "with-plan.yaml"
    without.write_text(base, encoding="utf-8")
    with_plan.write_text(base + "plan:\n" + plan, encoding="utf-8")
    return without, with_plan


def build(pack: Path, out: Path) -> float:
    cmd = [sys.executable, "-m", "syllabus_cli", "pack", str(pack), "--out", str(out),
           "--jobs", "1", "--force", "--format", "docx"]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--courses", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        without, with_plan = packs(Path(tmp), args.courses)
        out = Path(tmp) / "out"
        build(without, out), build(with_plan, out)  # warm the bytecode and the file cache
        plain, planned = [], []
        for _ in range(args.rounds):
            plain.append(build(without, out))
            planned.append(build(with_plan, out))
    a, b = statistics.median(plain), statistics.median(planned)
    print(f"pack of {args.courses} courses, whole process, median of {args.rounds} (--force):")
    print(f"  without a plan: {a:.2f} s")
    print(f"  with a plan:    {b:.2f} s")
    print(f"  ratio with / without: {b / a:.2f}   (goal <= 1.15)")


if __name__ == "__main__":
    main()
