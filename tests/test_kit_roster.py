"""The kit's keys and its roster as ``validate`` reads them: a sheet in, (file, line,
column, code) out — the roster's own problems located in the roster (row, column)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syllabus_cli.cli import app
from syllabus_cli.load import parse_text
from syllabus_cli.pack.kit import certificate_number
from syllabus_cli.pack.roster import MAX_PEOPLE, read_roster
from syllabus_cli.pack.spec import build_pack

from .conftest import REPO

runner = CliRunner()
COURSE = REPO / "courses" / "ecommerce-cs-sales.yaml"


def where(path: Path) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in read_roster(path).problems]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_a_csv_in_any_encoding_excel_saves_with_columns_in_any_order(
    tmp_path: Path, encoding: str
) -> None:
    text = "手机,部门,姓名,职务\n13800000001,客服部,张三,组长\n13800000002,售前组,李四,\n"
    roster = read_roster(write(tmp_path, "r.csv", text, encoding))
    assert roster.problems == ()
    assert [(p.name, p.department, p.title, p.phone) for p in roster.people] == [
        ("张三", "客服部", "组长", "13800000001"),
        ("李四", "售前组", "", "13800000002"),
    ]


def test_english_headers_and_a_title_row_above_them(tmp_path: Path) -> None:
    text = "Participants, December\n\nEmail,Name,Department\na@x.com,Ann Lee,Sales\n"
    roster = read_roster(write(tmp_path, "r.csv", text))
    assert [(p.name, p.department, p.email, p.line) for p in roster.people] == [
        ("Ann Lee", "Sales", "a@x.com", 4)
    ]


def test_an_xlsx_roster(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["培训名单"])
    sheet.append(["序号", "姓名", "部门", "手机"])
    sheet.append([1, "王五", "客服部", 13800000003])  # a phone typed as a number
    sheet.append([2, None, "客服部", None])
    book.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx")
    assert [(p.name, p.phone, p.line) for p in roster.people] == [("王五", "13800000003", 3)]
    assert where(tmp_path / "r.xlsx") == [(4, 2, "roster-name")]


def test_no_name_column_an_empty_name_and_a_duplicate_are_located(tmp_path: Path) -> None:
    assert where(write(tmp_path, "a.csv", "人员,部门\n张三,客服部\n")) == [(1, 1, "roster-column")]
    text = "部门,姓名,手机\n客服部,张三,13800000001\n客服部,,\n售前组,李四,\n客服部,张三,138-0000-0001\n"
    assert where(write(tmp_path, "b.csv", text)) == [
        (3, 2, "roster-name"),
        (5, 2, "roster-duplicate"),
    ]


def test_two_people_of_one_name_with_their_own_phones_are_two_people(tmp_path: Path) -> None:
    text = "姓名,手机\n张伟,13800000001\n张伟,13900000002\n"
    assert len(read_roster(write(tmp_path, "r.csv", text)).people) == 2


def test_a_huge_or_broken_file_is_one_clear_problem_without_a_hang(tmp_path: Path) -> None:
    rows = "".join(f"学员{i},部门{i % 7}\n" for i in range(100_000))
    huge = write(tmp_path, "huge.csv", "姓名,部门\n" + rows)
    start = time.perf_counter()
    assert where(huge) == [(1, 1, "roster-too-large")]
    assert time.perf_counter() - start < 5
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook" * 20)
    assert where(broken) == [(1, 1, "roster-file")]
    assert where(write(tmp_path, "old.xls", "x")) == [(1, 1, "roster-file")]


def test_a_big_xlsx_is_refused_from_its_dimension(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["姓名"])
    for i in range(MAX_PEOPLE + 20):
        sheet.append([f"学员{i}"])
    book.save(tmp_path / "big.xlsx")
    start = time.perf_counter()
    assert where(tmp_path / "big.xlsx") == [(1, 1, "roster-too-large")]
    assert time.perf_counter() - start < 5


def pack_problems(tmp_path: Path, extra: str) -> list[tuple[int, int, str]]:
    text = f"client: 某客户\ntitle: 项目\ncourses: [{COURSE.as_posix()}]\n{extra}"
    loaded = parse_text(text, tmp_path / "pack.yaml")
    _, problems = build_pack(loaded)
    return [(p.line, p.column, p.code) for p in problems]


def test_the_kit_keys_are_checked_where_they_are_written(tmp_path: Path) -> None:
    assert pack_problems(tmp_path, "kit: all\n") == []
    assert pack_problems(tmp_path, "kit: [signin, certificates]\n") == []
    assert pack_problems(tmp_path, "kit: [signin, diploma]\n") == [(4, 15, "kit")]
    assert pack_problems(tmp_path, "kit: everything\n") == [(4, 6, "kit")]
    assert pack_problems(tmp_path, "kit: all\nroster: nobody.xlsx\n") == [(5, 9, "file-missing")]
    write(tmp_path, "people.xls", "x")
    assert pack_problems(tmp_path, "kit: all\nroster: people.xls\n") == [(5, 9, "roster-file")]
    write(tmp_path, "people.csv", "姓名\n张三\n")
    assert pack_problems(tmp_path, "roster: people.csv\n") == [(4, 9, "kit")]
    assert pack_problems(tmp_path, "kit: all\nevaluation_url: form\n") == [(5, 17, "kit")]
    assert pack_problems(tmp_path, "kit: all\nkit_in_zip: yes please\n") == [(5, 13, "type")]


def test_validate_locates_roster_problems_in_the_roster(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "姓名,部门\n张三,客服部\n,客服部\n")
    pack = write(
        tmp_path,
        "pack.yaml",
        f"client: 某客户\ntitle: 项目\ncourses: [{COURSE.as_posix()}]\nkit: all\nroster: people.csv\n",
    )
    result = runner.invoke(app, ["validate", str(pack)])
    assert result.exit_code == 1
    assert "people.csv:3:1: error[roster-name]" in result.output


def test_certificate_numbers_follow_the_person_not_the_row(tmp_path: Path) -> None:
    first = read_roster(write(tmp_path, "a.csv", "姓名,手机\n张三,13800000001\n李四,13800000002\n"))
    second = read_roster(
        write(
            tmp_path, "b.csv", "姓名,手机\n赵六,13800000009\n李四,13800000002\n张三,13800000001\n"
        )
    )

    def numbers(people: tuple[object, ...]) -> dict[str, str]:
        return {p.name: certificate_number("pack", "course", p) for p in people}  # type: ignore[attr-defined]

    before, after = numbers(first.people), numbers(second.people)
    assert after["张三"] == before["张三"] and after["李四"] == before["李四"]
    assert len(set(after.values())) == 3
    other = certificate_number("pack", "another-course", first.people[0])
    assert other != before["张三"]


def test_hr_sheets_as_they_come_merged_hidden_and_titled(tmp_path: Path) -> None:
    """A department merged down its people's rows, a hidden sheet before the list, a
    header on row 3: the people as HR sees them in Excel."""
    import openpyxl

    book = openpyxl.Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "说明"
    hidden.append(["内部使用"])
    hidden.sheet_state = "hidden"
    sheet = book.create_sheet("名单")
    sheet.append(["客服部培训名单"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["序号", "姓名", "部门"])
    sheet.append([1, "张三", "客服部"])
    sheet.append([2, "李四", None])
    sheet.append([3, "王五", "售前组"])
    sheet.merge_cells("C4:C5")
    book.active = 1
    book.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx")
    assert roster.problems == ()
    assert [(p.name, p.department, p.line) for p in roster.people] == [
        ("张三", "客服部", 4),
        ("李四", "客服部", 5),
        ("王五", "售前组", 6),
    ]


def test_a_zip_bomb_dressed_as_xlsx_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "名单.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (200 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    assert where(bomb) == [(1, 1, "roster-too-large")]
    assert time.perf_counter() - started < 2


def test_excel_unicode_text_and_control_characters_in_names(tmp_path: Path) -> None:
    """Excel's "Unicode text" (UTF-16, tab-separated); a bell, an escape sequence and a
    right-to-left override pasted into names are dropped, emoji and long names kept."""
    text = "姓名\t部门\n张\x07三\x1b\t客服部\n李\u202e四\t售前组\n小美😀\t售后\n"
    roster = read_roster(write(tmp_path, "r.csv", text, "utf-16"))
    assert roster.problems == ()
    assert [(p.name, p.department) for p in roster.people] == [
        ("张三", "客服部"),
        ("李四", "售前组"),
        ("小美😀", "售后"),
    ]


def test_a_fifo_or_a_symlink_loop_is_one_problem_not_a_hang(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "r.csv"
    os.mkfifo(fifo)
    assert where(fifo) == [(1, 1, "roster-file")]
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    assert where(loop) == [(1, 1, "roster-file")]


def test_an_evaluation_url_a_qr_code_cannot_hold_or_a_script_is_located(tmp_path: Path) -> None:
    """A 10,000-character address stopped the build inside the QR library; a
    ``javascript:`` one is no web address (and is not echoed whole)."""
    long = "https://wj.qq.com/s/" + "a" * 10_000
    assert pack_problems(tmp_path, f"kit: all\nevaluation_url: {long}\n") == [(5, 17, "kit")]
    ok = "https://wj.qq.com/s/12345"
    assert pack_problems(tmp_path, f"kit: all\nevaluation_url: {ok}\n") == []
    script = "javascript:alert(1)//" + "x" * 5000
    pack = write(
        tmp_path,
        "pack.yaml",
        f"client: 某客户\ntitle: 项目\ncourses: [{COURSE.as_posix()}]\n"
        f"kit: all\nevaluation_url: {script}\n",
    )
    result = runner.invoke(app, ["validate", str(pack)])
    assert result.exit_code == 1 and "pack.yaml:5:17: error[kit]" in result.output
    assert len(result.output) < 1000


@pytest.mark.parametrize("lang, words", [("zh", "交付物料"), ("en", "delivery kit")])
def test_new_pack_offers_the_kit_keys_and_they_validate_uncommented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    from syllabus_cli import i18n

    monkeypatch.chdir(tmp_path)
    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "a.yaml").write_text(
        "title: 甲\nduration: 1h\nmodules: [{title: x, duration: 1h}]\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["--lang", lang, "new", "p.yaml", "--pack"])
    i18n.set_language(None)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert words in text
    for key in ("kit", "roster", "evaluation_url", "kit_in_zip"):
        assert f"\n# {key}: " in text
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名"])
    sheet.append(["张三"])
    book.save(tmp_path / "participants.xlsx")
    for key in ("kit", "roster", "kit_in_zip"):
        text = text.replace(f"\n# {key}: ", f"\n{key}: ")
    text = text.replace("# evaluation_url: https://…", "evaluation_url: https://wj.qq.com/s/1")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    check = runner.invoke(app, ["validate", "p.yaml"])
    assert check.exit_code == 0, check.output


def test_a_name_that_is_an_uncalculated_formula_says_so(tmp_path: Path) -> None:
    """A sheet written by a program keeps a formula's text, not its value: the row is
    located and the message says to save it in Excel, not that the name is missing."""
    import openpyxl

    from syllabus_cli import i18n

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "部门"])
    sheet.append(["张三", "客服部"])
    sheet.append(['=CONCAT("李","四")', "客服部"])
    sheet.append([None, "售前组"])
    book.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx")
    assert [(p.line, p.column, p.code) for p in roster.problems] == [
        (3, 1, "roster-name"),
        (4, 1, "roster-name"),
    ]
    i18n.set_language("zh")
    try:
        texts = [p.text for p in roster.problems]
    finally:
        i18n.set_language(None)
    assert "公式" in texts[0] and "公式" not in texts[1]
