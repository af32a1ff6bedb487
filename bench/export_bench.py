"""Batch export speed, as ratios measured in one run.

1. 200 generated courses (proposal + agenda .docx each) exported with --jobs 2:
   courses per second and peak memory per worker, against a pandoc process per
   document converting the same content (goal: at least 4x faster; < 150 MiB a worker).
2. Rebuilding with nothing changed, against the full build (goal: under a fifth).

Needs the bench extra (pandoc):  pip install -e '.[bench]'
Run:  python bench/export_bench.py [--courses N] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))


def generated_spec(i: int) -> str:
    from validate_bench import generated_spec as spec

    return spec(i).replace(
        "duration: 10小时", "duration: 10小时\nschedule: {start: '08:00', latest_end: '20:00'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--courses", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    import pypandoc
    from proposal_bench import markdown_of

    from syllabus_cli.check import check_course
    from syllabus_cli.spec.build import load_course

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "courses", Path(tmp) / "out"
        src.mkdir()
        for i in range(args.courses):
            (src / f"c{i:03d}.yaml").write_text(generated_spec(i), encoding="utf-8")
        cmd = [sys.executable, "-m", "syllabus_cli", "export", str(src), "--out", str(out), "--jobs", str(args.jobs),
               "--format", "docx"]  # fmt: skip
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        full = time.perf_counter() - start
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        # each worker reports its own peak (ru_maxrss of the process that built the course)
        from syllabus_cli.pack.run import export

        batch = export(
            sorted(src.glob("*.yaml")),
            Path(tmp) / "again",
            workers=args.jobs,
            formats=("docx",),
            force=False,
        )
        peak_kib = max(r.peak_kib for r in batch.results)
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        rebuild = time.perf_counter() - start

        # pandoc: one process per document, two documents per course, on a sample of courses
        sample = min(20, args.courses)
        md_dir = Path(tmp) / "md"
        md_dir.mkdir()
        texts = []
        for i in range(sample):
            spec = src / f"c{i:03d}.yaml"
            texts.append(markdown_of(check_course(load_course(spec), spec)))
        start = time.perf_counter()
        for i, text in enumerate(texts):
            md = md_dir / f"{i}.md"
            md.write_text(text, encoding="utf-8")
            pypandoc.convert_file(str(md), "docx", outputfile=str(md_dir / f"{i}.proposal.docx"))
            pypandoc.convert_file(str(md), "docx", outputfile=str(md_dir / f"{i}.agenda.docx"))
        pandoc_per_course = (time.perf_counter() - start) / sample
    ours_per_course = full / args.courses
    print(
        f"export {args.courses} courses, --jobs {args.jobs} (whole process): {full:.2f} s = {args.courses / full:.0f} courses/s"
    )
    print(
        f"pandoc, a process per document: {pandoc_per_course * 1000:.0f} ms a course (sampled {sample})"
    )
    print(
        f"ratio pandoc / syllabus:        {pandoc_per_course / ours_per_course:.1f}x   (goal >= 4x)"
    )
    print(f"peak memory of a worker:        {peak_kib / 1024:.0f} MiB   (goal < 150 MiB)")
    print(
        f"rebuild, nothing changed:       {rebuild:.2f} s = {rebuild / full:.2f} of the full build   (goal < 0.20)"
    )
    print(f"cores here: {os.cpu_count()}")


if __name__ == "__main__":
    main()
