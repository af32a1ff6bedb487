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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Msg, msg
from ..problems import Mark, Problem, error

MAX_PEOPLE = 2000  # rows: a training roster, not a company directory
MAX_BYTES = 10 * 1024 * 1024  # a roster file larger than this is not a roster
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
        contact = re.sub(r"\D", "", self.phone) or self.email.strip().lower()
        return f"{' '.join(self.name.split())}|{contact}"


@dataclass(frozen=True)
class Roster:
    path: Path
    people: tuple[Person, ...] = ()
    problems: tuple[Problem, ...] = ()  # located in the roster file


def read_roster(path: Path) -> Roster:
    """The people of a roster file, and what is wrong with it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _broken(path, msg("roster.unreadable", reason=exc.strerror or str(exc)))
    if path.suffix.lower() not in SUFFIXES:
        return _broken(path, msg("roster.format", suffix=path.suffix or path.name))
    if size > MAX_BYTES:
        too_large = error(Mark(1, 1), "roster-too-large", msg("roster.too-large", limit=MAX_PEOPLE))
        return Roster(path, problems=(too_large,))
    try:
        rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
        return _people(path, rows)
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


def _csv_rows(path: Path) -> Iterator[list[str]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
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
        sheet = book.worksheets[0]
        if (sheet.max_row or 0) > MAX_PEOPLE + HEADER_ROWS:  # the sheet's own dimension
            raise _TooLarge
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            if number > MAX_PEOPLE + HEADER_ROWS:  # no dimension written: count
                raise _TooLarge
            yield [_cell(v) for v in row]
    finally:
        book.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed as a number
    return str(value).strip()


def _field(header: str) -> str | None:
    return HEADERS.get(_NOT_IN_HEADER.sub("", header).lower())


def _people(path: Path, rows: Iterator[list[str]]) -> Roster:
    problems: list[Problem] = []
    columns: dict[str, int] | None = None
    people: list[Person] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
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
        name = " ".join(values.get("name", "").split())
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
