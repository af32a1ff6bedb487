"""Cost of one proposal, in process, against pandoc converting the same content.

The same course (the largest example) is rendered both ways: our builder straight to
.docx, and pandoc from a Markdown text holding the same cover, sections, outline and
agenda table (one pandoc process per document, as a shell loop over courses would run
it). Reported as a ratio measured in one run. Goal: at least 4x faster than pandoc.

Needs the bench extra:  pip install -e '.[bench]'
Run:  python bench/proposal_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def largest_course() -> Path:
    return max((REPO / "courses").glob("*.yaml"), key=lambda p: p.stat().st_size)


def markdown_of(result: object) -> str:
    """The proposal's content as Markdown, for pandoc."""
    from syllabus_cli.agenda.plan import plan_agenda
    from syllabus_cli.render.agenda_text import render_markdown

    course, timing = result.course, result.timing  # type: ignore[attr-defined]
    lines = [f"% {course.title}", f"% {course.instructor.name if course.instructor else ''}", ""]
    lines += ["# 课程背景", "", course.background, "", "# 课程收获", ""]
    lines += [f"- {o}" for o in course.outcomes] + ["", "# 课程对象", ""]
    lines += [f"- {a}" for a in course.audience] + ["", "# 课程大纲", ""]

    def visit(node: object, depth: int) -> None:
        lines.append("#" * min(depth + 1, 6) + f" {node.title} ({node.minutes} 分钟)")  # type: ignore[attr-defined]
        lines.extend(f"- {p}" for p in node.node.points)  # type: ignore[attr-defined]
        lines.extend(f"> 【案例】{c}" for c in node.node.cases)  # type: ignore[attr-defined]
        lines.append("")
        for child in node.children:  # type: ignore[attr-defined]
            visit(child, depth + 1)

    for module in timing.modules:
        visit(module, 1)
    agenda = plan_agenda(course, timing)
    lines += ["# 课程日程", "", render_markdown(agenda, course.language).split("\n", 2)[2]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import pypandoc

    from syllabus_cli.agenda.plan import plan_agenda
    from syllabus_cli.check import check_course
    from syllabus_cli.render.proposal import ProposalInput, build_proposal
    from syllabus_cli.spec.build import load_course

    spec = largest_course()
    result = check_course(load_course(spec), spec)
    assert result.course is not None and result.timing is not None
    markdown = markdown_of(result)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        build_proposal(ProposalInput(result.course, result.timing, None)).save(
            str(out / "warm.docx")
        )  # warm-up
        ours = []
        for i in range(args.runs):
            start = time.perf_counter()
            agenda = plan_agenda(result.course, result.timing)
            build_proposal(ProposalInput(result.course, result.timing, agenda, client="客户")).save(
                str(out / f"o{i}.docx")
            )
            ours.append(time.perf_counter() - start)
        md = out / "in.md"
        md.write_text(markdown, encoding="utf-8")
        theirs = []
        for i in range(args.runs):
            start = time.perf_counter()
            pypandoc.convert_file(str(md), "docx", outputfile=str(out / f"p{i}.docx"))
            theirs.append(time.perf_counter() - start)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"course: {spec.name} ({spec.stat().st_size} bytes), median of {args.runs}")
    print(f"syllabus proposal (in process): {a * 1000:7.1f} ms")
    print(f"pandoc md -> docx (a process):  {b * 1000:7.1f} ms")
    print(f"ratio pandoc / syllabus:        {b / a:7.1f}x   (goal >= 4x)")


if __name__ == "__main__":
    main()
