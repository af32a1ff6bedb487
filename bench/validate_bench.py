"""How fast is ``syllabus validate``? Ratios measured in one run (machines are noisy), whole
process against whole process, runs interleaved, medians.

1. Start-up: ``syllabus validate courses/<one>.yaml`` against ``python -c "import yaml,
   typer"`` (the floor any Typer+PyYAML tool pays). Goal <= 1.4x.
2. Scale: ``syllabus validate DIR`` over 1,000 and 10,000 generated specs (text piped, as
   CI runs it). Linear means 10x the specs cost at most ~10x the time: goal <= 11x. Peak
   memory of each run is printed where the OS reports it (POSIX).

Run: python bench/validate_bench.py [--runs N] [--scale-runs N] [--no-scale]
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

try:
    import resource
except ImportError:  # Windows: no peak-memory figure, the timings still hold
    resource = None  # type: ignore[assignment]


def _env() -> dict[str, str]:
    """As a user's machine runs it: bytecode cached (pip compiles at install time), so a
    sandbox's PYTHONDONTWRITEBYTECODE is lifted (a warm-up run writes the caches)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, cwd=REPO, env=_env())
    return time.perf_counter() - start


def interleaved(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns run by run."""
    for cmd in cmds.values():
        _run(cmd)  # warm-up: bytecode caches, OS file cache
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(_run(cmd))
    return {name: statistics.median(t) for name, t in times.items()}


def peak_mib(cmd: list[str]) -> float | None:
    """Peak resident memory of one run of ``cmd`` (a fresh child: its own maximum)."""
    if resource is None:
        return None
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=_env()
    )
    kib = int(done.stdout.strip() or 0)
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def syllabus() -> list[str]:
    """The ``syllabus`` program as a user runs it: the installed script beside this
    Python (``Scripts/syllabus.exe`` on Windows), else ``python -m syllabus_cli``."""
    here = Path(sys.executable).parent
    for name in ("syllabus", "syllabus.exe"):
        if (here / name).is_file():
            return [str(here / name)]
    return [sys.executable, "-m", "syllabus_cli"]


def generated_spec(i: int) -> str:
    modules = []
    for m in range(5):
        sections = "\n".join(
            f"      - title: 第{m + 1}.{s + 1}节 生成的小节{i}\n        duration: 24分钟\n"
            f"        points: [需求分析, 话术设计, 异议处理]"
            for s in range(5)
        )
        modules.append(f"  - title: 模块{m + 1}\n    duration: 2h\n    sections:\n{sections}")
    return f"title: 生成课程{i}\nduration: 10小时\nmodules:\n" + "\n".join(modules) + "\n"


def startup(runs: int) -> None:
    spec = REPO / "courses" / "ecommerce-cs-sales.yaml"
    medians = interleaved(
        {
            "floor": [sys.executable, "-c", "import yaml, typer"],
            "validate": [*syllabus(), "validate", str(spec)],
            "validate-json": [*syllabus(), "validate", "--format", "json", str(spec)],
        },
        runs,
    )
    floor = medians["floor"]
    print(f"startup: import yaml, typer      {floor * 1000:7.1f} ms (median of {runs})")
    for name in ("validate", "validate-json"):
        ratio = medians[name] / floor
        print(
            f"startup: syllabus {name:14s} {medians[name] * 1000:7.1f} ms  {ratio:5.2f}x (goal <= 1.4x)"
        )


def scale(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for n in (1_000, 10_000):
            folder = Path(tmp) / f"specs{n}"
            folder.mkdir()
            for i in range(n):
                (folder / f"c{i:05d}.yaml").write_text(generated_spec(i), encoding="utf-8")
            folders[n] = folder
        cmds = {n: [*syllabus(), "validate", str(folder)] for n, folder in folders.items()}
        medians = interleaved({str(n): cmd for n, cmd in cmds.items()}, runs)
        for n, cmd in cmds.items():
            seconds = medians[str(n)]
            peak = peak_mib(cmd)
            memory = f"  peak {peak:5.0f} MiB" if peak is not None else ""
            print(f"scale: {n:6,} specs  {seconds:6.2f} s  {n / seconds:5.0f} specs/s{memory}")
        ratio = medians["10000"] / medians["1000"]
        print(f"ratio 10,000 / 1,000 specs       {ratio:5.2f}x (linear: goal <= 11x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="start-up runs per command")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per folder size")
    parser.add_argument("--no-scale", action="store_true", help="start-up only")
    args = parser.parse_args()
    startup(args.runs)
    if not args.no_scale:
        scale(args.scale_runs)


if __name__ == "__main__":
    main()
