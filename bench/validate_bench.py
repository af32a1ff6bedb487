"""How fast is ``syllabus validate``? Ratios measured in one run (machines are noisy).

1. Whole-process time of ``syllabus validate courses/<one>.yaml`` against
   ``python -c "import yaml, typer"`` (the floor any Typer+PyYAML tool pays). Goal ≤ 1.5×.
2. Validation throughput over 1,000 generated specs in one process. Goal: < 2 s.

Run: python bench/validate_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def best_of(cmd: list[str], runs: int) -> float:
    """Median wall time, as a user's machine runs it: bytecode cached (pip compiles at
    install time), so a sandbox's PYTHONDONTWRITEBYTECODE is lifted and one warm-up run
    writes the caches first."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, check=False, capture_output=True, cwd=REPO, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True, cwd=REPO, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def generated_spec(i: int) -> str:
    modules = []
    for m in range(5):
        sections = "\n".join(
            f"      - title: 第{m + 1}.{s + 1}节 生成的小节{i}\n        duration: 24分钟\n"
            f"        points: [要点一, 要点二, 要点三]"
            for s in range(5)
        )
        modules.append(f"  - title: 模块{m + 1}\n    duration: 2h\n    sections:\n{sections}")
    return f"title: 生成课程{i}\nduration: 10小时\nmodules:\n" + "\n".join(modules) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    spec = REPO / "courses" / "ecommerce-cs-sales.yaml"
    floor = best_of([sys.executable, "-c", "import yaml, typer"], args.runs)
    tool = best_of([sys.executable, "-m", "syllabus_cli", "validate", str(spec)], args.runs)
    print(f"startup: import yaml, typer   {floor * 1000:7.1f} ms (median of {args.runs})")
    print(f"startup: syllabus validate    {tool * 1000:7.1f} ms")
    print(f"ratio validate / floor        {tool / floor:7.2f}x   (goal <= 1.5x)")

    from syllabus_cli.check import validate_paths
    from syllabus_cli.cli import configure_gc

    configure_gc()  # as the syllabus process runs

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(1000):
            (folder / f"c{i:04d}.yaml").write_text(generated_spec(i), encoding="utf-8")
        start = time.perf_counter()
        results = validate_paths([folder])
        elapsed = time.perf_counter() - start
    assert len(results) == 1000 and all(r.ok() for r in results), (
        "generated specs must validate clean"
    )
    print(
        f"throughput: 1000 specs (36 blocks each) in {elapsed:.2f} s = {1000 / elapsed:.0f} specs/s (goal < 2 s)"
    )


if __name__ == "__main__":
    main()
