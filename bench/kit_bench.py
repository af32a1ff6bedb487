"""A pack with the whole delivery kit costs at most twice the same pack without it.

The bundled pack (three courses, a training plan) with ``kit: all`` and a 40-person
roster — fifteen kit documents, 120 certificate pages — against the same pack with no
kit keys. Each is built by a whole ``syllabus pack`` process with ``--force`` (nothing
skipped), alternating, several rounds; the ratio of the medians is printed (goal: at
most 2.0).

Run:  python bench/kit_bench.py [--rounds N] [--people N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from plan_bench import build  # the one timed `syllabus pack` process (bench/ is on the path)

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "packs" / "3c-ecommerce-service.yaml"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("思远", "雨桐", "子航", "佳怡", "浩然", "若溪", "一鸣", "可欣", "文博", "晓雪")


def packs(folder: Path, people: int) -> tuple[Path, Path]:
    for name in ("courses", "instructors", "library"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, folder / name)
    (folder / "packs").mkdir()
    rows = ["姓名,部门,手机"] + [
        f"{SURNAMES[i % len(SURNAMES)]}{GIVEN[i // len(SURNAMES) % len(GIVEN)]}{i},客服部,1380000{i:04d}"
        for i in range(people)
    ]
    (folder / "packs" / "participants.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    text = EXAMPLE.read_text(encoding="utf-8")
    kit_lines = ("kit:", "roster:", "evaluation_url:", "kit_in_zip:")
    bare = "\n".join(line for line in text.splitlines() if not line.startswith(kit_lines))
    without, with_kit = folder / "packs" / "without.yaml", folder / "packs" / "with-kit.yaml"
    without.write_text(bare + "\n", encoding="utf-8")
    with_kit.write_text(
        bare + "\nkit: all\nroster: participants.csv\nevaluation_url: https://example.com/f\n",
        encoding="utf-8",
    )
    return without, with_kit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--people", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        without, with_kit = packs(Path(tmp), args.people)
        out = Path(tmp) / "out"
        build(without, out), build(with_kit, out)  # warm the bytecode and the file cache
        kit = sorted((out / "with-kit" / "kit").glob("*.docx"))
        assert len(kit) == 15, [p.name for p in kit]
        plain, kitted = [], []
        for _ in range(args.rounds):
            plain.append(build(without, out))
            kitted.append(build(with_kit, out))
    a, b = statistics.median(plain), statistics.median(kitted)
    print(f"the bundled pack (3 courses), {args.people}-person roster, median of {args.rounds}:")
    print(f"  without the kit: {a:.2f} s")
    print(f"  with the kit:    {b:.2f} s  (15 documents)")
    print(f"  ratio with / without: {b / a:.2f}   (goal <= 2.0)")


if __name__ == "__main__":
    main()
