"""Batch builds lose nothing: packs, export, hand edits, failures, hostile names, zips."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from syllabus_cli.build.batch import build_pack_folder, export
from syllabus_cli.build.names import UnsafePath, inside, safe_name
from syllabus_cli.cli import app
from syllabus_cli.files import save_atomic

from .conftest import REPO

runner = CliRunner()
PACK = REPO / "packs" / "3c-ecommerce-service.yaml"
GOOD = "title: {title}\nid: {id}\nduration: 1h\nschedule: {{breaks: []}}\nmodules:\n  - {{title: 一, duration: 1h}}\n"


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_pack_builds_folder_index_and_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18 11:06:40 UTC
    code, out = cli("pack", str(PACK), "--out", str(tmp_path), "--jobs", "1")
    assert code == 0, out
    root = tmp_path / "3c-ecommerce-service"
    index = (root / "index.md").read_text(encoding="utf-8")
    linked = sorted(
        line.split("](")[1].split(")")[0] for line in index.split("[")[1:] if "](" in line
    )
    with zipfile.ZipFile(root / "3c-ecommerce-service.zip") as archive:
        names = archive.namelist()
        # dated the build time, names flagged UTF-8 (Explorer, 7-Zip and macOS read them)
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 18, 11, 6, 40)}
        assert all(info.flag_bits & 0x800 for info in archive.infolist())
        zipped_index = archive.read("电商服务能力提升项目/文件清单.html").decode("utf-8")
    in_zip = sorted(n.removeprefix("电商服务能力提升项目/") for n in names)
    # what the client receives is named in the document's language, from the titles
    assert in_zip == sorted([
        "电商服务能力提升项目-培训方案.docx", "电商服务能力提升项目-授课日历.ics", "文件清单.html",
        "电商客服销售能力提升-课程方案.docx", "电商客服销售能力提升-日程安排.docx",
        "电商客服销售能力提升-日程安排.html",
        "奶粉行业O2O新零售与本地生活平台运营-课程方案.docx",
        "奶粉行业O2O新零售与本地生活平台运营-日程安排.docx",
        "奶粉行业O2O新零售与本地生活平台运营-日程安排.html",
        "终端管理提升品牌零售业绩-课程方案.docx", "终端管理提升品牌零售业绩-日程安排.docx",
        "终端管理提升品牌零售业绩-日程安排.html",
    ])  # fmt: skip
    assert 'href="电商客服销售能力提升-课程方案.docx"' in zipped_index  # its links are those names
    # the pack folder's own files keep their stable id names
    assert linked[:3] == ["3c-ecommerce-service.ics", "3c-ecommerce-service.proposal.docx",
                          "3c-ecommerce-service.zip"]  # fmt: skip
    assert index.index("3c-ecommerce-service.proposal.docx") < index.index("ecommerce-cs-sales/")
    assert "ecommerce-cs-sales/ecommerce-cs-sales.proposal.docx" in linked
    assert not [name for name in in_zip if name.endswith(".md")]  # nothing a client cannot open
    assert "| 电商客服销售能力提升 | 2026年12月8日（星期二） |" in index


def test_combined_proposal_has_one_toc_the_plan_and_every_course(tmp_path: Path) -> None:
    build_pack_folder(PACK, tmp_path, workers=1, force=False)
    doc = Document(str(tmp_path / "3c-ecommerce-service" / "3c-ecommerce-service.proposal.docx"))
    from docx.oxml.ns import qn

    fields = [t.text.strip() for t in doc.element.body.iter(qn("w:instrText"))]
    # a plan's contents list its courses (level 3), not each course's agenda days
    assert [f for f in fields if not f.startswith("PAGEREF")] == ['TOC \\o "1-3" \\h \\z \\u']
    entries = ["".join(t.text or "" for t in link.iter(qn("w:t")))
               for link in doc.element.body.iter(qn("w:hyperlink"))]  # fmt: skip
    assert "奶粉行业O2O新零售与本地生活平台运营" in entries
    assert not [e for e in entries if e.startswith("第1天")]
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == ["一、背景分析", "二、问题定义", "三、目标设定", "四、理论框架", "五、实施路径",
                  "六、讲师介绍", "七、资源需求", "八、费用报价", "九、风险评估", "十、时间规划",
                  "十一、预期效果", "十二、双方确认"]  # fmt: skip
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    for title in (  # each course a Heading 2 under its phase (its sections Heading 3)
        "电商客服销售能力提升",
        "奶粉行业O2O新零售与本地生活平台运营",
        "终端管理提升品牌零售业绩",
    ):
        assert title in h2
    course_map = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    assert course_map[1][:3] == ["电商客服销售能力提升", "8小时", "2026年12月8日（星期二）"]
    assert course_map[-1][:2] == ["合计", "14小时"]
    assert "甲方：某3C品牌电商服务部" in [p.text for p in doc.paragraphs]
    assert "乙方：上海某某企业管理咨询有限公司" in [p.text for p in doc.paragraphs]
    assert "合计金额（大写）：人民币贰万捌仟伍佰肆拾捌元肆角伍分" in [
        p.text for p in doc.paragraphs
    ]


def test_rebuild_with_nothing_changed_skips_the_work(tmp_path: Path) -> None:
    first = build_pack_folder(PACK, tmp_path, workers=1, force=False)
    before = tree(tmp_path)
    second = build_pack_folder(PACK, tmp_path, workers=1, force=False)
    assert all(not r.unchanged for r in first.results) and all(r.unchanged for r in second.results)
    assert tree(tmp_path) == before  # the zip too: byte-identical


def test_jobs_1_and_2_give_identical_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765152000")  # documents carry their build time
    build_pack_folder(PACK, tmp_path / "one", workers=1, force=False)
    build_pack_folder(PACK, tmp_path / "two", workers=2, force=False)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_hand_edited_output_survives_and_force_replaces_it(tmp_path: Path) -> None:
    assert cli("pack", str(PACK), "--out", str(tmp_path), "-j", "1")[0] == 0
    edited = tmp_path / "3c-ecommerce-service" / "o2o-newretail" / "o2o-newretail.proposal.docx"
    doc = Document(str(edited))
    doc.add_paragraph("讲师手工修改")
    doc.save(str(edited))
    mine = edited.read_bytes()
    code, out = cli("pack", str(PACK), "--out", str(tmp_path), "-j", "1")
    assert code == 1 and "o2o-newretail.proposal.docx: changed since the last build; kept" in out
    assert edited.read_bytes() == mine
    assert cli("pack", str(PACK), "--out", str(tmp_path), "-j", "1", "--force")[0] == 0
    assert "讲师手工修改" not in [p.text for p in Document(str(edited)).paragraphs]


def test_a_failing_course_mid_batch_leaves_the_others_built(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.yaml").write_text(GOOD.format(title="甲", id="a"), encoding="utf-8")
    (src / "b.yaml").write_text(
        "title: 乙\nduration: 2h\nmodules: [{title: x, duration: 1h}]\n", encoding="utf-8"
    )
    (src / "c.yaml").write_bytes("title: 丙\n".encode("gbk"))
    (src / "d.yaml").write_text(GOOD.format(title="丁", id="d"), encoding="utf-8")
    code, out = cli("export", str(src), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert code == 1
    assert (tmp_path / "out" / "a" / "a.proposal.docx").is_file() and (
        tmp_path / "out" / "d" / "d.agenda.md"
    ).is_file()
    assert (
        "b.yaml: failed" in out
        and "sum-mismatch" in out
        and "c.yaml: failed" in out
        and "encoding" in out
    )


def test_a_crash_while_rendering_is_that_course_s_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.yaml").write_text(GOOD.format(title=name, id=name), encoding="utf-8")
    batch = export(
        sorted(src.glob("*.yaml")), tmp_path / "out", workers=1, formats=("docx", "md"), force=False
    )
    old = (tmp_path / "out" / "a" / "a.proposal.docx").read_bytes()
    import syllabus_cli.render.proposal as proposal

    def boom(data: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(proposal, "build_proposal", boom)
    (src / "a.yaml").write_text(GOOD.format(title="a changed", id="a"), encoding="utf-8")
    batch = export(
        sorted(src.glob("*.yaml")), tmp_path / "out", workers=1, formats=("docx", "md"), force=False
    )
    assert [bool(r.error) for r in batch.results] == [True, False]
    assert "RuntimeError: disk full" in batch.results[0].error
    assert (
        tmp_path / "out" / "a" / "a.proposal.docx"
    ).read_bytes() == old  # the previous output is intact
    assert not [p for p in (tmp_path / "out").rglob("*.tmp")]


def test_interrupted_save_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "p.docx"
    target.write_bytes(b"previous")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_bytes(b"half a docu")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        save_atomic(target, half_then_fail)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["p.docx"]


@pytest.mark.parametrize(
    "hostile", ["../x", "CON", "a/b", "x" * 300, "..", "aux.txt", "课程/../../逃逸", " . "]
)
def test_hostile_names_stay_inside_the_folder(tmp_path: Path, hostile: str) -> None:
    name = safe_name(hostile)
    assert "/" not in name and "\\" not in name and name not in ("", ".", "..")
    assert name.split(".")[0].upper() not in {"CON", "AUX"}
    assert len(name.encode("utf-8")) <= 120
    assert inside(tmp_path, name).resolve().parent == tmp_path.resolve()


def test_chinese_is_kept_in_names_and_escapes_are_refused(tmp_path: Path) -> None:
    assert safe_name("电商客服销售能力提升") == "电商客服销售能力提升"
    with pytest.raises(UnsafePath):
        inside(tmp_path, "../elsewhere")


def test_hostile_course_ids_are_built_inside_the_output(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i, hostile in enumerate(["../../escape", "CON", "a/b", "長" * 200]):
        (src / f"c{i}.yaml").write_text(
            GOOD.format(title=f"课{i}", id=f'"{hostile}"'), encoding="utf-8"
        )
    out = tmp_path / "out"
    code, text = cli("export", str(src), "--out", str(out), "-j", "1")
    assert code == 0, text
    produced = [p for p in tmp_path.rglob("*.docx")]
    assert produced and all(out.resolve() in p.resolve().parents for p in produced)


def test_zip_names_are_utf8_flagged(tmp_path: Path) -> None:
    src = tmp_path / "packs"
    courses = tmp_path / "courses"
    courses.mkdir()
    (courses / "中文课程.yaml").write_text(
        GOOD.format(title="中文", id="中文课程"), encoding="utf-8"
    )
    src.mkdir()
    (src / "客户.yaml").write_text(
        "client: 客户\ntitle: 项目\ncourses: [../courses/中文课程.yaml]\n", encoding="utf-8"
    )
    assert cli("pack", str(src / "客户.yaml"), "--out", str(tmp_path / "dist"), "-j", "1")[0] == 0
    with zipfile.ZipFile(tmp_path / "dist" / "客户" / "客户.zip") as archive:
        chinese = [i for i in archive.infolist() if not i.filename.isascii()]
        assert chinese and all(i.flag_bits & 0x800 for i in chinese)
        assert "项目/中文-课程方案.docx" in archive.namelist()


def test_broken_pack_file_is_one_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("client: X\ntitle: Y\ncourses: [nope.yaml]\n", encoding="utf-8")
    code, out = cli("pack", str(bad), "--out", str(tmp_path / "out"))
    assert code == 1 and "p.yaml:3:11: error[file-missing]" in out
    assert cli("pack", str(tmp_path / "missing.yaml"), "--out", str(tmp_path))[0] == 1


def test_validate_checks_pack_files(tmp_path: Path) -> None:
    shutil.copy(PACK, tmp_path / "p.yaml")
    code, out = cli("validate", "-f", "json", str(tmp_path / "p.yaml"))
    assert code == 1 and "file-missing" in out  # its relative course paths do not exist from here
    assert cli("validate", str(REPO / "packs"))[0] == 0


def test_export_formats_and_usage(tmp_path: Path) -> None:
    assert (
        cli(
            "export",
            str(REPO / "courses" / "terminal-management.yaml"),
            "--out",
            str(tmp_path),
            "--format",
            "md",
        )[0]
        == 0
    )
    assert [p.name for p in (tmp_path / "terminal-management").iterdir()] == [
        "terminal-management.agenda.md"
    ]
    assert cli("export", str(REPO / "courses"), "--out", str(tmp_path), "--format", "pptx")[0] == 2
    assert cli("export", str(REPO / "courses"), "--out", str(tmp_path), "--jobs", "0")[0] == 2


@pytest.mark.office
def test_export_pdf_goes_through_libreoffice(tmp_path: Path) -> None:
    from .office import need, pdf_text

    need("soffice", "pdftotext")
    spec = REPO / "courses" / "terminal-management.yaml"
    assert (
        cli("export", str(spec), "--out", str(tmp_path), "--format", "docx,pdf", "-j", "1")[0] == 0
    )
    pdf = tmp_path / "terminal-management" / "terminal-management.proposal.pdf"
    assert "终端管理提升品牌零售业绩" in "".join(pdf_text(pdf).split())


def test_a_pack_schedule_that_cannot_hold_a_course_fails_it_and_says_where(tmp_path: Path) -> None:
    pack = tmp_path / "late.yaml"
    pack.write_text(
        "client: 客户\ntitle: 项目\n"
        f"courses: [{(REPO / 'courses' / 'ecommerce-cs-sales.yaml').as_posix()}, "
        f"{(REPO / 'courses' / 'terminal-management.yaml').as_posix()}]\n"
        'schedule: {start: "09:00", lunch: "12:00-13:30", latest_end: "18:00"}\n',
        encoding="utf-8",
    )
    code, out = cli("pack", str(pack), "--out", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    assert (
        f"{pack.as_posix()}:4:62: error[day-overflow]: day 1 ends at 19:00" in out
    )  # the pack's latest_end
    assert (
        tmp_path / "out" / "late" / "terminal-management" / "terminal-management.proposal.docx"
    ).is_file()
    assert not (tmp_path / "out" / "late" / "ecommerce-cs-sales").exists()


def test_undated_courses_follow_the_previous_course(tmp_path: Path) -> None:
    from syllabus_cli.load import load_file
    from syllabus_cli.pack.programme import plan_programme
    from syllabus_cli.pack.spec import build_pack

    data = REPO / "tests" / "data" / "agenda"
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "client: 客户\ntitle: 项目\ndate: 2026-12-07\ncourses:\n"
        f"  - {(data / 'two-day.yaml').as_posix()}\n"  # Monday and Tuesday
        f"  - {(data / 'half-day.yaml').as_posix()}\n"  # follows: Wednesday
        f"  - {{path: {(data / 'one-day.yaml').as_posix()}, date: 2026-12-14}}\n"  # its own date
        f"  - {(data / 'no-breaks.yaml').as_posix()}\n",  # the day after that
        encoding="utf-8",
    )
    built, problems = build_pack(load_file(pack))
    assert built is not None and problems == ()
    assert [d.isoformat() if d else None for d in plan_programme(built).dates] == [
        "2026-12-07", "2026-12-09", "2026-12-14", "2026-12-15"]  # fmt: skip
    build_pack_folder(pack, tmp_path / "out", workers=1, force=False)
    index = (tmp_path / "out" / "p" / "index.md").read_text(encoding="utf-8")
    assert "| 半天课程 | 2026年12月9日（星期三） |" in index


def test_validate_catches_a_pack_schedule_that_cannot_hold_a_course(tmp_path: Path) -> None:
    pack = tmp_path / "late.yaml"
    pack.write_text(
        "client: 客户\ntitle: 项目\ncourses:\n"
        f"  - {(REPO / 'courses' / 'terminal-management.yaml').as_posix()}\n"
        f"  - {(REPO / 'courses' / 'ecommerce-cs-sales.yaml').as_posix()}\n"
        'schedule: {start: "09:00", lunch: "12:00-13:30", latest_end: "18:00"}\n',
        encoding="utf-8",
    )
    code, out = cli("validate", str(pack))
    assert code == 1
    assert (
        f"{pack.as_posix()}:5:5: error[day-overflow]: ecommerce-cs-sales.yaml with this pack's schedule"
        in out
    )


def test_client_file_names_in_english_for_drafts_and_twins() -> None:
    from syllabus_cli.build.client_names import zip_names

    names = zip_names(
        ["p.proposal.pdf", "p.ics"],
        [
            ("Sales: Basics", "en", ["a/a.proposal.docx", "a/a.agenda.pdf"]),
            ("Sales: Basics", "en", ["b/b.proposal.docx"]),  # the same title twice
        ],
        "Service Project",
        "en",
        draft=True,
    )
    assert names == {
        "p.proposal.pdf": "Service Project - Training plan-DRAFT.pdf",
        "p.ics": "Service Project - Calendar-DRAFT.ics",
        "a/a.proposal.docx": "Sales- Basics - Course proposal-DRAFT.docx",  # no ':' on Windows
        "a/a.agenda.pdf": "Sales- Basics - Agenda-DRAFT.pdf",
        "b/b.proposal.docx": "Sales- Basics - Course proposal-DRAFT (2).docx",
    }
