"""Variants and includes in batch builds: export builds every variant, a pack delivers
the one it names, and editing a library module rebuilds exactly the courses using it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from syllabus_cli.build.batch import export
from syllabus_cli.cli import app
from syllabus_cli.validate import validate_paths

from .conftest import REPO

EXAMPLE = "omnichannel-store-ops"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of courses/ (the example and one course without includes), library/ and
    instructors/, plus a second course that includes the other library module."""
    for folder in ("library", "instructors"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "courses").mkdir()
    for name in (EXAMPLE, "o2o-newretail"):
        shutil.copy(REPO / "courses" / f"{name}.yaml", tmp_path / "courses")
    (tmp_path / "courses" / "member-ops.yaml").write_text(
        textwrap.dedent("""\
            title: 会员精细化运营
            duration: 3小时
            instructor: ../instructors/fengying.yaml
            modules:
              - title: 会员体系设计
                duration: 1.5小时
              - include: ../library/private-domain.yaml#用户分层与精细化运营
            """),
        encoding="utf-8",
    )
    return tmp_path


def built(project: Path, *names: str) -> dict[str, str]:
    """Each course (with its variant) → built | unchanged, from one export run."""
    specs = [project / "courses" / f"{n}.yaml" for n in names]
    batch = export(specs, project / "out", workers=1, formats=("docx", "md"), force=False)
    assert batch.ok, [(r.error, r.problems) for r in batch.results]
    return {r.course_id: "unchanged" if r.unchanged else "built" for r in batch.results}


def test_export_builds_every_variant_named_with_it(project: Path) -> None:
    assert built(project, EXAMPLE) == {f"{EXAMPLE}.一天": "built", f"{EXAMPLE}.半天": "built"}
    folder = project / "out" / EXAMPLE
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{EXAMPLE}.一天.agenda.docx",
        f"{EXAMPLE}.一天.agenda.md",
        f"{EXAMPLE}.一天.proposal.docx",
        f"{EXAMPLE}.半天.agenda.docx",
        f"{EXAMPLE}.半天.agenda.md",
        f"{EXAMPLE}.半天.proposal.docx",
    ]
    half = (folder / f"{EXAMPLE}.半天.agenda.md").read_text(encoding="utf-8")
    day = (folder / f"{EXAMPLE}.一天.agenda.md").read_text(encoding="utf-8")
    assert "授课时长：3小时" in half and "授课时长：6小时" in day
    assert "标准化复制" in day and "标准化复制" not in half  # only: [一天]
    proposal = Document(str(folder / f"{EXAMPLE}.半天.proposal.docx"))
    text = "\n".join(p.text for p in proposal.paragraphs)
    assert "社群裂变与到店转化" in text  # the included module, as if written in place


def test_editing_a_library_module_rebuilds_every_course_that_includes_it_and_nothing_else(
    project: Path,
) -> None:
    courses = (EXAMPLE, "o2o-newretail", "member-ops")
    first = built(project, *courses)
    assert set(first.values()) == {"built"}
    assert set(built(project, *courses).values()) == {"unchanged"}

    library = project / "library" / "private-domain.yaml"
    text = library.read_text(encoding="utf-8")
    library.write_text(text.replace("拼团与接龙成交", "拼团、接龙与秒杀成交"), encoding="utf-8")
    assert built(project, *courses) == {
        f"{EXAMPLE}.一天": "built",
        f"{EXAMPLE}.半天": "built",
        "o2o-newretail": "unchanged",
        "member-ops": "built",  # it includes another module of the same file
    }
    half = project / "out" / EXAMPLE / f"{EXAMPLE}.半天.proposal.docx"
    assert "拼团、接龙与秒杀成交" in "\n".join(p.text for p in Document(str(half)).paragraphs)


def test_a_file_included_through_another_counts_too(tmp_path: Path) -> None:
    shutil.copytree(REPO / "tests/data/variants/nested-include", tmp_path / "c")
    inner = tmp_path / "c" / "lib" / "shared.yaml"
    inner.write_text(
        inner.read_text(encoding="utf-8").replace("duration: 20min", "duration: 30min"),
        encoding="utf-8",
    )  # now it adds up
    spec = tmp_path / "c" / "course.yaml"
    run = export([spec], tmp_path / "out", workers=1, formats=("md",), force=False)
    assert run.ok and not run.results[0].unchanged
    again = export([spec], tmp_path / "out", workers=1, formats=("md",), force=False)
    assert again.results[0].unchanged
    inner.write_text(
        inner.read_text(encoding="utf-8").replace("话题设计", "话题策划与排期"), "utf-8"
    )
    third = export([spec], tmp_path / "out", workers=1, formats=("md",), force=False)
    assert not third.results[0].unchanged
    assert "话题策划与排期" in (tmp_path / "out" / "course" / "course.agenda.md").read_text("utf-8")


def test_variant_names_are_made_safe_for_file_names(tmp_path: Path) -> None:
    spec = tmp_path / "talk.yaml"
    spec.write_text(
        textwrap.dedent("""\
            title: 私域运营
            variants: ["上午/下午", "CON"]
            duration: 3h
            modules:
              - {title: 私域流量的底层逻辑, duration: 3h}
            """),
        encoding="utf-8",
    )
    run = export([spec], tmp_path / "out", workers=1, formats=("md",), force=False)
    assert run.ok
    assert sorted(p.name for p in (tmp_path / "out" / "talk").iterdir()) == [
        "talk.CON.agenda.md",
        "talk.上午-下午.agenda.md",
    ]


def write_pack(project: Path, variant: str) -> Path:
    pack = project / "packs" / "store.yaml"
    pack.parent.mkdir()
    pack.write_text(
        textwrap.dedent(f"""\
            client: 某母婴连锁
            title: 门店全域运营提升项目
            date: 2026-12-08
            courses:
              - path: ../courses/{EXAMPLE}.yaml
                variant: {variant}
              - ../courses/o2o-newretail.yaml
            """),
        encoding="utf-8",
    )
    return pack


def test_a_pack_course_delivers_the_variant_it_names(project: Path) -> None:
    pack = write_pack(project, "半天")
    (result,) = validate_paths([pack])
    assert result.ok(strict=True), [p.format("store.yaml") for p in result.problems]
    out = CliRunner().invoke(app, ["pack", str(pack), "--out", str(project / "dist"), "-j", "1"])
    assert out.exit_code == 0, out.output
    folder = project / "dist" / "store" / EXAMPLE
    assert sorted(p.name for p in folder.glob("*.md")) == [f"{EXAMPLE}.半天.agenda.md"]
    assert "授课时长：3小时" in (folder / f"{EXAMPLE}.半天.agenda.md").read_text("utf-8")


def test_a_pack_naming_a_variant_the_course_lacks_is_located(project: Path) -> None:
    pack = write_pack(project, "半日")
    (result,) = validate_paths([pack])
    assert [(p.line, p.column, p.code) for p in result.problems] == [(6, 14, "unknown-variant")]
    assert "did you mean '半天'?" in result.problems[0].message


def test_a_variant_that_does_not_add_up_fails_alone(tmp_path: Path) -> None:
    spec = REPO / "tests/data/variants/variant-sum-mismatch/course.yaml"
    out = CliRunner().invoke(
        app, ["export", str(spec), "--out", str(tmp_path), "-j", "1", "--format", "md"]
    )
    assert out.exit_code == 1
    assert "[半天]: failed" in out.output and "error[sum-mismatch]" in out.output
    assert sorted(p.name for p in (tmp_path / "course").iterdir()) == ["course.一天.agenda.md"]


def test_a_pack_may_deliver_one_course_in_two_variants(project: Path) -> None:
    pack = project / "packs" / "two.yaml"
    pack.parent.mkdir()
    pack.write_text(
        textwrap.dedent(f"""\
            client: 某母婴连锁
            title: 门店全域运营提升项目
            date: 2026-12-08
            courses:
              - {{path: ../courses/{EXAMPLE}.yaml, variant: 一天}}
              - {{path: ../courses/{EXAMPLE}.yaml, variant: 半天}}
              - {{path: ../courses/{EXAMPLE}.yaml, variant: 半天}}
            """),
        encoding="utf-8",
    )
    (result,) = validate_paths([pack])
    assert [(p.line, p.column, p.code) for p in result.problems] == [
        (7, 12, "duplicate-course")  # the same course in the same variant twice
    ]
    pack.write_text("\n".join(pack.read_text("utf-8").splitlines()[:-1]) + "\n", "utf-8")
    out = CliRunner().invoke(app, ["pack", str(pack), "--out", str(project / "dist"), "-j", "1"])
    assert out.exit_code == 0, out.output
    assert sorted(p.name for p in (project / "dist" / "two").iterdir() if p.is_dir()) == [EXAMPLE]
    assert sorted(p.name for p in (project / "dist" / "two" / EXAMPLE).glob("*.md")) == [
        f"{EXAMPLE}.一天.agenda.md",
        f"{EXAMPLE}.半天.agenda.md",
    ]
