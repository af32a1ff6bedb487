"""What a client-signed document says about itself: the supplier (乙方: a profile file
or an inline mapping), the issue date (方案日期) and the version.

Read with the course's Reader, so problems look the same; a profile file's problems
are reported at the ``supplier:`` line, naming the file and its line (as an instructor
file's are)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..i18n import msg
from ..load import YEntry, YMap, YScalar, YValue
from ..paths import written_path
from ..spec import fields
from ..spec.build import Loader
from ..spec.read import Reader
from ..spec.training_plan import Bank, Contact, Issue, Supplier

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def today() -> dt.date:
    """The day a document is issued by default: ``SOURCE_DATE_EPOCH``'s day (UTC) when
    set, so a reproducible build prints the same date; else today."""
    from ..source_date import source_date

    when = source_date()
    return when.date() if when is not None else dt.date.today()


def read_issue(reader: Reader, known: dict[str, YEntry], base: Path, load: Loader) -> Issue:
    """``issued`` (default: today), ``version`` and ``supplier`` of a pack or a course."""
    issued = reader.date(known.get("issued")) or today()
    return Issue(
        issued=issued,
        version=reader.text(known.get("version")),
        supplier=supplier_from(reader, known.get("supplier"), base, load),
    )


def supplier_from(
    reader: Reader, entry: YEntry | None, base: Path, load: Loader
) -> Supplier | None:
    if entry is None:
        return None
    value = entry.value
    if isinstance(value, YMap):
        return _supplier(reader, value, base)
    if not (isinstance(value, YScalar) and isinstance(value.value, str) and value.value.strip()):
        reader.wrong_type(value, entry.key, "a path to a supplier file or a mapping")
        return None
    ref = value.value.strip()
    path = written_path(base, ref)
    loaded = load(path)
    inner = Reader()
    inner.problems.extend(loaded.problems)
    found = _supplier(inner, loaded.root, path.parent) if loaded.root is not None else None
    for problem in inner.problems:
        words = problem.words if problem.words is not None else problem.message
        if loaded.root is None:  # the file itself: missing, unreadable, not YAML
            reader.add(value.mark, problem.code, msg("supplier.file", ref=ref, inner=words))
        else:
            said = msg("supplier.file-line", ref=ref, line=problem.line, inner=words)
            reader.add(value.mark, problem.code, said)
    return found


def supplier_from_file(path: Path, load: Loader) -> tuple[Supplier | None, Reader]:
    """A supplier profile given on the command line (``proposal --supplier FILE``)."""
    reader = Reader()
    loaded = load(path)
    reader.problems.extend(loaded.problems)
    if loaded.root is None:
        return None, reader
    return _supplier(reader, loaded.root, path.parent), reader


def _supplier(reader: Reader, value: YValue, base: Path) -> Supplier | None:
    known = reader.mapping(value, "the supplier", fields.SUPPLIER)
    if known is None:
        return None
    contact, bank = Contact(), Bank()
    if "contact" in known:
        got = reader.mapping(known["contact"].value, "'contact'", fields.SUPPLIER_CONTACT)
        if got is not None:
            contact = Contact(**{k: reader.text(got.get(k)) for k in fields.SUPPLIER_CONTACT})
    if "bank" in known:
        got = reader.mapping(known["bank"].value, "'bank'", fields.SUPPLIER_BANK)
        if got is not None:
            bank = Bank(**{k: reader.text(got.get(k)) for k in fields.SUPPLIER_BANK})
    return Supplier(
        company=reader.text(known.get("company"), required=True),
        short=reader.text(known.get("short")),
        logo=_logo(reader, known.get("logo"), base),
        contact=contact,
        bank=bank,
    )


def _logo(reader: Reader, entry: YEntry | None, base: Path) -> Path | None:
    """A PNG or JPEG file relative to ``base``: it must exist and be one."""
    if entry is None:
        return None
    value = entry.value
    if not (isinstance(value, YScalar) and isinstance(value.value, str) and value.value.strip()):
        reader.wrong_type(value, entry.key, "a path to a .png or .jpg file")
        return None
    ref = value.value.strip()
    path = written_path(base, ref)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        reader.add(value.mark, "file-missing", msg("supplier.logo-missing", ref=ref))
        return None
    if not (head.startswith(_PNG) or head.startswith(_JPEG)):
        reader.add(value.mark, "logo-format", msg("supplier.logo-format", ref=ref))
        return None
    return path
