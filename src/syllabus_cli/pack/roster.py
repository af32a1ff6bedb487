"""A delivery kit's roster: the participants, one a row, read from .xlsx or .csv.

Columns are found by their headers, in Chinese or English and in any order (姓名 / 部门 /
职务 / 手机 / 邮箱, Name / Department / Title / Phone / Email); the header row may sit
under a title row or two (HR sheets often start with “XX培训名单”). A .csv is read as
UTF-8 (with or without a BOM), else as GBK, the two ways Excel saves one in China.

Every mistake is a problem located in the roster file itself, line = the sheet's row and
column = its column: a missing name column, a row with no name, the same person twice.
A file that cannot be read (a broken .xlsx, an .xls, a sheet of 100,000 rows) is one
problem, found without reading the whole file.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..i18n import Msg, msg
from ..problems import Mark, Problem, error

MAX_PEOPLE = 2000  # rows: a training roster, not a company directory
MAX_BYTES = 10 * 1024 * 1024  # a roster file larger than this is not a roster
MAX_UNZIPPED = 50 * 1024 * 1024  # an .xlsx that unpacks to more is not a roster either
HEADER_ROWS = 10  # how far down the header row may be
SUFFIXES = (".xlsx", ".csv")

# header (lower case, no spaces or marks) -> field
HEADERS: dict[str, str] = {
    **dict.fromkeys(
        ("姓名", "名字", "学员姓名", "学员", "name", "fullname", "participant"), "name"
    ),
    **dict.fromkeys(("部门", "所在部门", "department", "dept", "team"), "department"),
    **dict.fromkeys(("职务", "职位", "岗位", "title", "jobtitle", "position", "role"), "title"),
    **dict.fromkeys(
        ("手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile", "tel"), "phone"
    ),
    **dict.fromkeys(("邮箱", "电子邮箱", "邮件", "email", "e-mail", "mail"), "email"),
}
_NOT_IN_HEADER = re.compile(r"[\s*＊:：()（）_]+")


@dataclass(frozen=True)
class Person:
    name: str
    department: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    line: int = 0  # the row in the file

    @property
    def identity(self) -> str:
        """Who this is, whatever row they are on: the name with the phone (or e-mail)
        when the sheet has one. Two people of the same name are told apart by it."""
        digits = re.sub(r"\D", "", self.phone)
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]  # +86 138…: the same mobile as 138…
        contact = digits or self.email.strip().lower()
        return f"{' '.join(self.name.split())}|{contact}"


@dataclass(frozen=True)
class Roster:
    path: Path
    people: tuple[Person, ...] = ()
    problems: tuple[Problem, ...] = ()  # located in the roster file


def read_roster(path: Path) -> Roster:
    """The people of a roster file, and what is wrong with it."""
    try:
        status = path.stat()
    except OSError as exc:
        return _broken(path, msg("roster.unreadable", reason=exc.strerror or str(exc)))
    if path.suffix.lower() not in SUFFIXES:
        return _broken(path, msg("roster.format", suffix=path.suffix or path.name))
    if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would block the read
        return _broken(path, msg("roster.unreadable", reason="not a regular file"))
    if status.st_size > MAX_BYTES or (path.suffix.lower() == ".xlsx" and _bomb(path)):
        too_large = error(Mark(1, 1), "roster-too-large", msg("roster.too-large", limit=MAX_PEOPLE))
        return Roster(path, problems=(too_large,))
    try:
        rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
        roster = _people(path, rows)
        if path.suffix.lower() == ".xlsx":
            roster = _uncalculated(roster)
        return roster
    except _TooLarge:
        too_large = error(Mark(1, 1), "roster-too-large", msg("roster.too-large", limit=MAX_PEOPLE))
        return Roster(path, problems=(too_large,))
    except Exception as exc:  # a broken file, however the reader says it: one problem
        return _broken(path, msg("roster.broken", reason=_reason(exc)))


class _TooLarge(Exception):
    pass


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return (text or type(exc).__name__)[:160]


def _broken(path: Path, message: Msg) -> Roster:
    return Roster(path, problems=(error(Mark(1, 1), "roster-file", message),))


def _bomb(path: Path) -> bool:
    """An .xlsx whose parts unpack to more than a roster ever does (a zip bomb in an
    .xlsx's clothes), told from the zip's directory before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(item.file_size for item in archive.infolist()) > MAX_UNZIPPED
    except (zipfile.BadZipFile, OSError, ValueError):
        return False  # not a zip: openpyxl says what it is


def _csv_rows(path: Path) -> Iterator[list[str]]:
    data = path.read_bytes()
    # Excel's "Unicode text" is UTF-16 with its BOM; else UTF-8 (BOM or not), else GBK
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any bytes but a few invalid sequences
        raise ValueError("neither UTF-8 nor GBK")
    if "\0" in text:
        raise ValueError("not a text file")
    # the separator the first lines use most: Excel writes "," (";" in some locales),
    # a sheet copied out of Excel is tab-separated
    head = text[:4096].splitlines()[:HEADER_ROWS]
    delimiter = max(",;\t", key=lambda d: sum(line.count(d) for line in head))
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter)):
        if number > MAX_PEOPLE + HEADER_ROWS:
            raise _TooLarge
        yield row


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    import openpyxl  # type: ignore[import-untyped]  # no stubs; only an .xlsx roster pays for it

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        visible = [s for s in book.worksheets if s.sheet_state == "visible"]
        sheet = _named_sheet(visible) or (visible or book.worksheets)[0]
        if (sheet.max_row or 0) > MAX_PEOPLE + HEADER_ROWS:  # the sheet's own dimension
            raise _TooLarge
        merged = _merged(path, book.worksheets.index(sheet))
        spans: dict[tuple[int, int], str] = {}  # a merged range's value, by its first cell
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            if number > MAX_PEOPLE + HEADER_ROWS:  # no dimension written: count
                raise _TooLarge
            cells = [_cell(v) for v in row]
            for col, first in merged.get(number, {}).items():
                while len(cells) <= col:
                    cells.append("")
                if (number, col) == first:
                    spans[first] = cells[col]
                elif not cells[col]:
                    cells[col] = spans.get(first, "")
            yield cells
    finally:
        book.close()


def _uncalculated(roster: Roster) -> Roster:
    """A name that is a formula with no value saved (a sheet written by a program, not
    by Excel, keeps none) is said to be one: "no name" would send HR to a cell that
    shows a name in Excel. Only a roster with nameless rows pays for the second read."""
    missing = {(p.line, p.column) for p in roster.problems if p.code == "roster-name"}
    if not missing:
        return roster
    import openpyxl

    formulas: set[tuple[int, int]] = set()
    book = openpyxl.load_workbook(roster.path, read_only=True, data_only=False)
    try:
        visible = [s for s in book.worksheets if s.sheet_state == "visible"]
        sheet = _named_sheet(visible) or (visible or book.worksheets)[0]
        last = max(line for line, _ in missing)
        for number, row in enumerate(sheet.iter_rows(max_row=last, values_only=True), start=1):
            for column, value in enumerate(row, start=1):
                if (number, column) in missing and str(value or "").startswith("="):
                    formulas.add((number, column))
    finally:
        book.close()
    problems = tuple(
        error(p.mark, p.code, msg("roster.formula")) if (p.line, p.column) in formulas else p
        for p in roster.problems
    )
    return replace(roster, problems=problems)


def _named_sheet(sheets: list[Any]) -> Any:
    """The first sheet with a name column in its first rows (HR keeps a cover or a
    note sheet before the list, sometimes)."""
    for sheet in sheets:
        for row in sheet.iter_rows(max_row=HEADER_ROWS, values_only=True):
            if any(_field(_cell(v)) == "name" for v in row):
                return sheet
    return None


_MERGE = re.compile(r'<(?:\w+:)?mergeCell ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')


def _merged(path: Path, index: int) -> dict[int, dict[int, tuple[int, int]]]:
    """Cells merged down a column (a department merged over the rows of its people):
    row -> column -> the range's first cell, 0-based. Read-only openpyxl does not read
    merges: they are in the sheet's XML after its rows."""
    from openpyxl.utils.cell import column_index_from_string  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, index)
            if part is None:
                return {}
            size = archive.getinfo(part).file_size
            with archive.open(part) as stream:
                stream.seek(max(0, size - 1_000_000))
                tail = stream.read().decode("utf-8", "replace")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return {}
    last = MAX_PEOPLE + HEADER_ROWS
    out: dict[int, dict[int, tuple[int, int]]] = {}
    for left_text, top_text, right_text, bottom_text in _MERGE.findall(tail):
        left, right = (column_index_from_string(c) - 1 for c in (left_text, right_text))
        top, bottom = int(top_text) - 1, min(int(bottom_text) - 1, last)
        del right  # a title merged across the sheet: nothing to spread sideways
        for r in range(top, bottom + 1):
            out.setdefault(r, {})[left] = (top, left)
    return out


def _sheet_part(archive: zipfile.ZipFile, index: int) -> str | None:
    """The zip part of the workbook's ``index``-th sheet (the workbook's relations say
    which file; ``xl/worksheets/sheet1.xml`` is only the usual name)."""
    try:
        book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return None
    ids = re.findall(r'<(?:\w+:)?sheet\b[^>]*?r:id="([^"]+)"', book)
    if index >= len(ids):
        return None
    for rel in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
        if f'Id="{ids[index]}"' in rel:
            target = re.search(r'Target="([^"]+)"', rel)
            if target:
                name = target.group(1).lstrip("/")
                return name if name.startswith("xl/") else f"xl/{name}"
    return None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed as a number
    return _printable(str(value)).strip()


_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


def _name(text: str) -> str:
    """A name as it is printed and known: spaces collapsed, and none between Chinese
    characters (HR pads two-character names to line up with three: ``王　五``)."""
    return _CJK_GAP.sub("", " ".join(text.split()))


def _printable(text: str) -> str:
    """No control or bidi-override characters (a bell, an escape sequence, U+202E
    pasted from a chat): Word refuses the first, the second turns a name around."""
    return "".join(
        " " if c in "\t\n\r" else c
        for c in text
        if c in "\t\n\r" or unicodedata.category(c) not in ("Cc", "Cf") or c == "\u200d"
    )


def _field(header: str) -> str | None:
    return HEADERS.get(_NOT_IN_HEADER.sub("", header).lower())


def _people(path: Path, rows: Iterator[list[str]]) -> Roster:
    problems: list[Problem] = []
    columns: dict[str, int] | None = None
    people: list[Person] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=1):
        cells = [_printable(c).strip() for c in row]
        if columns is None:
            found = {}
            for col, text in enumerate(cells):
                name = _field(text)
                if name and name not in found:
                    found[name] = col
            if "name" in found:
                columns = found
            elif line >= HEADER_ROWS:
                break
            continue
        if not any(cells):
            continue  # a blank row between people
        values = {key: cells[col] if col < len(cells) else "" for key, col in columns.items()}
        name = _name(values.get("name", ""))
        if not name:
            problems.append(
                error(Mark(line, columns["name"] + 1), "roster-name", msg("roster.no-name"))
            )
            continue
        person = Person(
            name,
            values.get("department", ""),
            values.get("title", ""),
            values.get("phone", ""),
            values.get("email", ""),
            line,
        )
        if person.identity in seen:
            problems.append(
                error(
                    Mark(line, columns["name"] + 1),
                    "roster-duplicate",
                    msg("roster.duplicate", name=name, line=seen[person.identity]),
                )
            )
            continue
        seen[person.identity] = line
        people.append(person)
    if columns is None:
        return Roster(path, problems=(error(Mark(1, 1), "roster-column", msg("roster.no-column")),))
    return Roster(path, tuple(people), tuple(problems))
