"""Batch export speed and memory, as ratios measured in one run, whole process against
whole process (each command is a fresh interpreter, as a user runs it).

1. --jobs: `export --jobs 1` against `--jobs 2` at growing batch sizes: where workers
   start to pay (the default switches at syllabus_cli.build.runner.PARALLEL_FROM).
2. Against pandoc (a process per document, 2 at a time, the same content): goal the
   export at least 6x faster. Against a process that writes prebuilt document XML into
   zips (the floor for any .docx writer): goal within 3x.
3. Unchanged rebuilds, export and pack, at 30 and at --large courses: goal at most 0.2
   of the full build. Peak memory of `export --jobs 1` at --large courses: goal 80 MiB.

Needs the bench extra (pandoc):  pip install -e '.[bench]'
Run:  python bench/export_bench.py [--courses 60] [--large 1000] [--large-pack] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from validate_bench import syllabus  # the program as a user runs it

PY = syllabus()
# as a user's machine runs it: bytecode cached (pip compiles at install time), so a
# sandbox's PYTHONDONTWRITEBYTECODE is lifted for the timed processes
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def generated_spec(i: int) -> str:
    from validate_bench import generated_spec as spec

    return spec(i).replace(
        "duration: 10小时",
        f"id: c{i:04d}\nduration: 10小时\nschedule: {{start: '08:00', latest_end: '20:00'}}",
    )


def make_courses(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"c{i:04d}.yaml").write_text(generated_spec(i), encoding="utf-8")
    return folder


def make_pack(folder: Path, courses: Path) -> Path:
    specs = sorted(courses.glob("*.yaml"))
    lines = ["client: 某客户", "title: 培训项目", "date: 2026-12-08", "courses:"]
    lines += [f"  - {os.path.relpath(s, folder).replace(os.sep, '/')}" for s in specs]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "p.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "p.yaml"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, (
        " ".join(command) + "\n" + done.stdout[-1500:] + done.stderr[-1500:]
    )
    return seconds


def export_cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [*PY, "export", str(src), "--out", str(out), "--format", "docx", *extra]


def median_fresh(commands: dict[str, list[str]], out: Path, runs: int) -> dict[str, float]:
    """Each command ``runs`` times, interleaved, each into an empty output folder."""
    import shutil

    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            shutil.rmtree(out, ignore_errors=True)
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def jobs_crossover(tmp: Path, runs: int) -> None:
    from syllabus_cli.build.runner import PARALLEL_FROM

    print("1. --jobs 1 against --jobs 2 (whole process, fresh output, median)")
    for count in (5, 10, 20, 40):
        src = make_courses(tmp / f"x{count}", count)
        out = tmp / f"x{count}-out"
        t = median_fresh(
            {"1": export_cmd(src, out, "-j", "1"), "2": export_cmd(src, out, "-j", "2")}, out, runs
        )
        print(
            f"   {count:4d} courses: jobs 1 {t['1']:.2f} s · jobs 2 {t['2']:.2f} s · "
            f"jobs2/jobs1 {t['2'] / t['1']:.2f}"
        )
    print(f"   default: --jobs 1 below {PARALLEL_FROM} courses to build, else every core")


PREBUILT = """
import sys, zipfile
from pathlib import Path
src, out = Path(sys.argv[1]), Path(sys.argv[2])
for course in sorted(src.iterdir()):
    for doc in sorted(course.iterdir()):
        parts = [(p.relative_to(doc).as_posix(), p.read_bytes()) for p in sorted(doc.rglob("*")) if p.is_file()]
        target = out / course.name / (doc.name + ".docx")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts:
                z.writestr(name, data)
"""


def against_others(tmp: Path, count: int, runs: int) -> None:
    import pypandoc
    from proposal_bench import markdown_of

    src = make_courses(tmp / "same", count)
    out = tmp / "same-out"
    assert timed(export_cmd(src, out)) > 0  # once, for the documents the floor zips
    # the prebuilt XML of every document syllabus wrote, unpacked, for the floor process
    xml = tmp / "xml"
    for docx in out.rglob("*.docx"):
        with zipfile.ZipFile(docx) as archive:
            archive.extractall(xml / docx.parent.name / docx.stem)
    md = tmp / "md"
    md.mkdir()
    for i in range(count):
        spec = src / f"c{i:04d}.yaml"
        (md / f"{i}.md").write_text(markdown_of(spec), "utf-8")
    pandoc = pypandoc.get_pandoc_path()

    def convert(job: tuple[int, str]) -> None:
        i, kind = job
        subprocess.run([pandoc, str(md / f"{i}.md"), "-o", str(md / f"{i}.{kind}.docx")],
                       check=True, capture_output=True)  # fmt: skip

    def with_pandoc() -> float:
        start = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:  # a process per document, two at a time
            list(pool.map(convert, [(i, k) for i in range(count) for k in ("proposal", "agenda")]))
        return time.perf_counter() - start

    import shutil

    times: dict[str, list[float]] = {"ours": [], "floor": [], "pandoc": []}
    for n in range(runs):  # interleaved, so the machine's noise hits all three
        shutil.rmtree(out, ignore_errors=True)
        times["ours"].append(timed(export_cmd(src, out)))
        times["floor"].append(
            timed([sys.executable, "-c", PREBUILT, str(xml), str(tmp / f"floor{n}")])
        )
        times["pandoc"].append(with_pandoc())
    ours, floor, theirs = (statistics.median(times[k]) for k in ("ours", "floor", "pandoc"))
    print(f"2. {count} courses, proposal + agenda .docx each (whole process, median of {runs})")
    print(f"   syllabus export (default --jobs):   {ours:6.2f} s")
    print(f"   pandoc, a process per document x2:  {theirs:6.2f} s")
    print(f"   prebuilt XML written into zips:     {floor:6.2f} s")
    print(f"   pandoc / syllabus     {theirs / ours:5.1f}x   (goal >= 6x)")
    print(f"   syllabus / prebuilt   {ours / floor:5.1f}x   (goal <= 3x)")


def rebuilds(tmp: Path, count: int, measure_memory: bool, pack: bool = True) -> None:
    src = make_courses(tmp / f"r{count}", count)
    out = tmp / f"r{count}-out"
    full = timed(export_cmd(src, out))
    again = timed(export_cmd(src, out))
    print(f"3. {count} courses, nothing changed, whole process:")
    print(f"   export: full {full:6.2f} s · rebuild {again:5.2f} s = {again / full:.2f}   (goal <= 0.20)")  # fmt: skip
    if pack:
        packed = make_pack(tmp / f"r{count}-packs", src)
        where = str(tmp / f"r{count}-pack")
        pack_full = timed([*PY, "pack", str(packed), "--out", where])
        pack_again = timed([*PY, "pack", str(packed), "--out", where])
        print(f"   pack:   full {pack_full:6.2f} s · rebuild {pack_again:5.2f} s = {pack_again / pack_full:.2f}   (goal <= 0.20)")  # fmt: skip
    if measure_memory:
        probe = (
            "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True, check=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        cmd = export_cmd(src, tmp / f"r{count}-mem", "-j", "1")
        peak = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True, env=ENV)  # fmt: skip
        print(
            f"   export --jobs 1 peak memory: {int(peak.stdout) / 1024:.0f} MiB   (goal <= 80 MiB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--courses", type=int, default=60, help="batch size against pandoc")
    parser.add_argument("--large", type=int, default=1000, help="the large rebuild (0: skip)")
    parser.add_argument("--large-pack", action="store_true",
                        help="also a pack of --large courses (its combined proposal is slow)")  # fmt: skip
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("jobs", "others", "rebuild"), default=None)
    args = parser.parse_args()
    import syllabus_cli

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(syllabus_cli.__file__).parent)],
                   check=True, env=ENV)  # fmt: skip
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.only in (None, "jobs"):
            jobs_crossover(tmp, args.runs)
        if args.only in (None, "others"):
            against_others(tmp, args.courses, args.runs)
        if args.only in (None, "rebuild"):
            rebuilds(tmp, 30, measure_memory=False)
            if args.large:
                rebuilds(tmp, args.large, measure_memory=True, pack=args.large_pack)
    print(f"cores here: {os.cpu_count()} (shared machines give noisy absolute times; ratios hold)")


if __name__ == "__main__":
    main()
