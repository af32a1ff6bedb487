"""A library of shared modules is checked as one: its modules' sums, not a course length."""

from pathlib import Path

from typer.testing import CliRunner

from syllabus_cli.cli import app

REPO = Path(__file__).resolve().parent.parent


def validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", *args])
    return result.exit_code, result.output


def test_the_bundled_library_validates_strict_clean() -> None:
    code, out = validate(str(REPO / "library"), "--strict")
    assert code == 0, out
    assert "no-duration" not in out


def test_a_library_module_that_does_not_add_up_is_located(tmp_path: Path) -> None:
    lib = tmp_path / "lib.yaml"
    lib.write_text(
        "title: 共享模块\nmodules:\n  - title: 社群运营\n    duration: 1h\n    sections:\n"
        "      - {title: 定位, duration: 30min}\n      - {title: 裂变, duration: 20min}\n",
        encoding="utf-8",
    )
    code, out = validate(str(lib))
    assert code == 1
    assert "lib.yaml:4:15: error[sum-mismatch]" in out, out


def test_a_file_that_states_a_length_is_a_course(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "title: 课程\nduration: 2h\nmodules:\n  - {title: 模块, duration: 1h}\n", encoding="utf-8"
    )
    code, out = validate(str(spec))
    assert code == 1 and "error[sum-mismatch]" in out, out
