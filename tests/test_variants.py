"""Variants and shared modules: the YAML in, what ``validate`` prints out.

Golden cases (black-style): one folder per rule under ``tests/data/variants/``, its
``course.yaml`` (and library files) beside ``expected.txt``, the lines ``syllabus
validate course.yaml`` prints (a problem every variant shares prints once).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml
from docx import Document
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.report import print_text
from syllabus_cli.validate import validate_paths

from .conftest import REPO, found

CASES = sorted(p for p in (REPO / "tests" / "data" / "variants").iterdir() if p.is_dir())


def printed(folder: Path) -> list[str]:
    """The problem lines of ``syllabus validate course.yaml`` run in ``folder``."""
    from rich.console import Console

    here = Path.cwd()
    os.chdir(folder)
    try:
        console = Console(width=200, record=True, no_color=True)
        print_text(console, validate_paths([Path("course.yaml")]), strict=False)
    finally:
        os.chdir(here)
    return [line for line in console.export_text().splitlines() if line.startswith("course.yaml:")]


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_golden(case: Path) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert printed(case) == expected


def test_mapping_durations_give_each_variant_its_own_minutes() -> None:
    found = validate_paths([REPO / "tests/data/variants/mapping-durations/course.yaml"])
    assert [(r.variant, r.stated_minutes, r.total_minutes) for r in found] == [
        ("一天", 360, 360),
        ("半天", 180, 180),
    ]
    half = found[1].timing
    assert half is not None
    assert [(s.title, s.minutes) for s in half.sessions()] == [
        ("私域流量的底层逻辑", 60),
        ("社群定位与搭建", 60),
        ("社群活跃与转化", 60),
    ]


def test_only_leaves_the_block_out_of_the_other_variants() -> None:
    day, half = validate_paths([REPO / "tests/data/variants/only/course.yaml"])
    assert day.course is not None and half.course is not None
    assert [m.title for m in day.course.modules][-1] == "企业微信SOP实战演练"
    assert "企业微信SOP实战演练" not in [m.title for m in half.course.modules]


def test_an_included_module_counts_everywhere_with_the_duration_beside_include() -> None:
    (result,) = validate_paths([REPO / "tests/data/variants/override/course.yaml"])
    assert result.ok(strict=True)
    assert result.total_minutes == 120  # 1.5h written + 30min beside include
    assert result.course is not None
    included = result.course.modules[1]
    assert (included.title, included.include) == (
        "私域数据复盘",
        "../whole-list/lib/modules.yaml#私域数据复盘",
    )
    assert included.origin == "../whole-list/lib/modules.yaml:8"


def test_without_a_title_the_whole_list_is_included_in_place() -> None:
    (result,) = validate_paths([REPO / "tests/data/variants/whole-list/course.yaml"])
    assert result.course is not None and result.timing is not None
    assert [m.title for m in result.course.modules] == [
        "私域流量的底层逻辑",
        "用户分层运营",
        "私域数据复盘",
    ]
    assert [s.title for s in result.timing.sessions()] == [
        "私域流量的底层逻辑",
        "RFM模型与用户分层",
        "分层触达策略",
        "私域数据复盘",
    ]


def test_nested_include_brings_the_inner_module_in_as_a_section() -> None:
    (result,) = validate_paths([REPO / "tests/data/variants/nested-include/course.yaml"])
    assert result.course is not None
    module = result.course.modules[1]
    assert [s.title for s in module.children] == ["社群定位与搭建", "社群活跃"]
    assert module.children[1].origin == "lib/private.yaml:7 → shared.yaml:2"
    assert module.children[1].children[0].origin == "lib/private.yaml:7 → shared.yaml:5"


def test_a_course_without_variants_is_one_entry_without_a_variant_key() -> None:
    out = CliRunner().invoke(
        app, ["validate", "-f", "json", str(REPO / "tests/data/variants/whole-list/course.yaml")]
    )
    (course,) = json.loads(out.stdout)["courses"]
    assert "variant" not in course


def test_validate_json_lists_one_entry_per_variant() -> None:
    path = REPO / "tests/data/variants/variant-sum-mismatch/course.yaml"
    out = CliRunner().invoke(app, ["validate", "-f", "json", str(path)])
    assert out.exit_code == 1
    courses = json.loads(out.stdout)["courses"]
    assert [(c["variant"], c["stated_minutes"], c["total_minutes"]) for c in courses] == [
        ("一天", 360, 360),
        ("半天", 180, 150),
    ]
    assert courses[0]["errors"] == []
    assert [(e["line"], e["column"], e["code"]) for e in courses[1]["errors"]] == [
        (3, 24, "sum-mismatch")
    ]


def test_validate_variant_checks_that_one_only() -> None:
    path = REPO / "tests/data/variants/variant-sum-mismatch/course.yaml"
    ok = CliRunner().invoke(app, ["validate", "--variant", "一天", str(path)])
    assert ok.exit_code == 0, ok.output
    bad = CliRunner().invoke(app, ["validate", "--variant", "半天", "-f", "json", str(path)])
    assert bad.exit_code == 1
    assert [c["variant"] for c in json.loads(bad.stdout)["courses"]] == ["半天"]


@pytest.mark.parametrize("command", ["validate", "show", "agenda", "proposal"])
def test_an_unknown_variant_is_a_usage_error_naming_the_known_ones(command: str) -> None:
    path = REPO / "tests/data/variants/only/course.yaml"
    out = CliRunner().invoke(app, [command, "--variant", "两天", str(path)])
    assert out.exit_code == 2
    shown = "".join(c for c in out.output if c not in "│ \n")  # the usage box, unwrapped
    assert "course.yaml:novariant'两天';ithas:一天,半天" in shown


def test_show_marks_included_blocks_and_their_source() -> None:
    path = REPO / "tests/data/variants/override/course.yaml"
    out = CliRunner().invoke(app, ["show", str(path)])
    assert out.exit_code == 0, out.output
    line = next(x for x in out.stdout.splitlines() if "私域数据复盘" in x)
    assert "30min" in line and "⇐ ../whole-list/lib/modules.yaml#私域数据复盘" in line
    assert "⇐" not in next(x for x in out.stdout.splitlines() if "底层逻辑" in x)


def test_show_and_agenda_take_a_variant() -> None:
    path = REPO / "tests/data/variants/only/course.yaml"
    out = CliRunner().invoke(app, ["show", "--variant", "半天", str(path)])
    assert out.exit_code == 0, out.output
    assert "[半天]" in out.stdout and "企业微信SOP实战演练" not in out.stdout
    agenda = CliRunner().invoke(app, ["agenda", "--variant", "半天", "-f", "json", str(path)])
    assert agenda.exit_code == 0, agenda.output
    assert json.loads(agenda.stdout)["teaching_minutes"] == 180


def test_the_proposal_reads_as_if_the_module_were_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = REPO / "tests/data/variants/whole-list/course.yaml"
    out = CliRunner().invoke(app, ["proposal", str(path)])
    assert out.exit_code == 0, out.output
    text = "\n".join(p.text for p in Document(str(tmp_path / "course.proposal.docx")).paragraphs)
    assert "RFM模型与用户分层" in text and "分层触达策略" in text
    assert "modules.yaml" not in text and "include" not in text


def test_the_proposal_of_a_variant_is_named_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = REPO / "tests/data/variants/only/course.yaml"
    out = CliRunner().invoke(app, ["proposal", "--variant", "半天", str(path)])
    assert out.exit_code == 0, out.output
    text = "\n".join(
        p.text for p in Document(str(tmp_path / "course.半天.proposal.docx")).paragraphs
    )
    assert "社群运营与转化" in text and "企业微信SOP实战演练" not in text


def test_the_bundled_example_is_sold_in_two_lengths_with_a_shared_library_module() -> None:
    path = REPO / "courses" / "omnichannel-store-ops.yaml"
    day, half = validate_paths([path])
    assert (day.variant, day.stated_minutes, half.variant, half.stated_minutes) == (
        "一天",
        360,
        "半天",
        180,
    )
    for result in (day, half):
        assert result.ok(strict=True), [p.format(path.name) for p in result.problems]
        assert result.course is not None
        (included,) = [m for m in result.course.modules if m.include]
        assert included.include == "../library/private-domain.yaml#私域社群运营与裂变"
    library = REPO / "library" / "private-domain.yaml"
    schema = json.loads((REPO / "schema" / "course.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(library.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize(
    ("flag", "duration", "lengths"),
    [
        ("一天,半天", "1天(6h/天)", {"一天": 360, "半天": 180}),
        ("两天,一天，半天", "2天(6h/天)", {"两天": 720, "一天": 360, "半天": 180}),
        ("标准版=3小时,精华版=90min", "1天(6h/天)", {"标准版": 180, "精华版": 90}),
    ],
)
def test_new_with_variants_writes_a_starter_that_uses_them_and_validates(
    tmp_path: Path, flag: str, duration: str, lengths: dict[str, int]
) -> None:
    target = tmp_path / "c.yaml"
    out = CliRunner().invoke(app, ["new", str(target), "--variants", flag, "--duration", duration])
    assert out.exit_code == 0, out.output
    found = validate_paths([target])
    assert {r.variant: r.stated_minutes for r in found} == lengths
    # clean but for what it leaves to fill in (todo, an error under --strict)
    assert all(r.ok() for r in found), [p.message for r in found for p in r.problems]
    assert {p.code for r in found for p in r.problems} == {"todo"}
    text = target.read_text(encoding="utf-8")
    assert "variants: [" in text and "only: [" in text  # the first variant's extra module
    schema = json.loads((REPO / "schema" / "course.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(text), schema)


def test_new_with_a_variant_that_does_not_say_its_length_is_a_usage_error(tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["new", str(tmp_path / "c.yaml"), "--variants", "一天,标准版"])
    assert out.exit_code == 2
    assert "标准版=3小时" in out.output
    assert not (tmp_path / "c.yaml").exists()


GOLDEN_FILES = sorted((REPO / "tests" / "data" / "variants").rglob("*.yaml"))


@pytest.mark.parametrize(
    "path",
    GOLDEN_FILES,
    ids=[p.relative_to(REPO / "tests/data/variants").as_posix() for p in GOLDEN_FILES],
)
def test_the_schema_covers_variants_only_and_include(path: Path) -> None:
    """Every case is well-shaped (its mistakes are in values the tool checks), except
    the ones whose point is a wrong key."""
    schema = json.loads((REPO / "schema" / "course.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wrong_key = {"library-problem/lib/private.yaml", "include-extra-key/course.yaml"}
    if path.relative_to(REPO / "tests/data/variants").as_posix() in wrong_key:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)
    else:
        jsonschema.validate({"title": "x", **data}, schema)


def test_the_schema_refuses_an_include_with_a_title_beside_it() -> None:
    schema = json.loads((REPO / "schema" / "course.schema.json").read_text(encoding="utf-8"))
    spec = {"title": "x", "modules": [{"include": "lib.yaml#A", "title": "A"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(spec, schema)
    jsonschema.validate(
        {"title": "x", "modules": [{"include": "lib.yaml#A", "only": ["一天"]}]}, schema
    )


def test_default_document_names_carry_the_variant_made_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.yaml").write_text(
        'title: 私域运营\nvariants: ["上午/下午"]\nduration: 3h\n'
        "modules:\n  - {title: 私域流量的底层逻辑, duration: 3h}\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(app, ["proposal", "talk.yaml"]).exit_code == 0
    out = CliRunner().invoke(app, ["agenda", "talk.yaml", "-f", "html"])
    assert out.exit_code == 0, out.output
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "talk.yaml",
        "talk.上午-下午.agenda.html",
        "talk.上午-下午.proposal.docx",
    ]


def test_includes_nested_past_the_limit_are_located_at_the_first_include(tmp_path: Path) -> None:
    for n in range(20):
        (tmp_path / f"lib{n}.yaml").write_text(
            f"modules:\n  - include: lib{n + 1}.yaml\n", encoding="utf-8"
        )
    (tmp_path / "course.yaml").write_text(
        "title: 课程\nduration: 1h\nmodules:\n  - include: lib0.yaml\n", encoding="utf-8"
    )
    (result,) = validate_paths([tmp_path / "course.yaml"])
    assert [(p.line, p.column, p.code) for p in result.problems] == [(4, 5, "include-depth")]
    assert result.problems[0].message.startswith("lib0.yaml:2 → lib1.yaml:2 → ")


def test_only_must_name_variants() -> None:
    assert found("""\
        title: 课程
        variants: [一天, 半天]
        duration: {一天: 2h, 半天: 1h}
        modules:
          - {title: a, duration: 1h, only: []}
          - {title: b, duration: 1h, only: {一天: 1}}
          - {title: c, duration: 1h, only: 一天}
          - {title: d, duration: 1h, only: [半天, 半天]}
        """) == [(5, 36, "required"), (6, 36, "type")]


def test_variants_must_be_distinct_names() -> None:
    assert found("""\
        title: 课程
        variants: [一天, 一天, [半天]]
        duration: 1h
        modules:
          - {title: a, duration: 1h}
        """) == [(2, 16, "duplicate-variant"), (2, 20, "type")]
