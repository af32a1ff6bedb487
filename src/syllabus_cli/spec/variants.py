"""Variants: one spec sold in several lengths (``variants: [一天, 半天]``).

A duration may be a mapping variant → duration and a block may say ``only: [一天]``.
Reading them needs to know which variant is being built: the builder builds a plain
``Course`` per variant, so timing, agenda and renderers never see a mapping.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ..duration import Duration
from ..i18n import Listing, Msg, Word, msg
from ..load import YEntry, YMap, YScalar, YSeq, YValue
from ..problems import Mark, UserError
from .read import Reader, kind_name


@dataclass(frozen=True)
class Variants:
    """The variants a course declares and the one being built (None: no variants)."""

    names: tuple[str, ...] = ()
    current: str | None = None
    marks: dict[str, Mark] = field(default_factory=dict, compare=False)


class UnknownVariant(UserError):
    """A variant asked for (``--variant``, a pack's ``variant:``) that the spec lacks."""

    def __init__(self, name: str, known: tuple[str, ...], path: Path) -> None:
        self.name, self.known = name, known
        where = path.as_posix()
        said = (
            msg("variants.no-such", path=where, name=name, names=Listing(known))
            if known
            else msg("variants.no-such-none", path=where, name=name)
        )
        super().__init__(path, "unknown-variant", said, flag="--variant")


def _name(value: YValue) -> str | None:
    if isinstance(value, YScalar) and value.value is not None and not isinstance(value.value, bool):
        text = value.raw.strip() if not isinstance(value.value, str) else value.value.strip()
        return text or None
    return None


def declared_variants(root: YValue | None) -> tuple[str, ...]:
    """The variant names a spec declares, read without reporting anything (for the CLI
    and batch jobs, before a build)."""
    if not isinstance(root, YMap):
        return ()
    entry = root.get("variants")
    if entry is None or not isinstance(entry.value, YSeq):
        return ()
    names: list[str] = []
    for item in entry.value.items:
        name = _name(item)
        if name is not None and name not in names:
            names.append(name)
    return tuple(names) if len(names) <= MAX_VARIANTS else ()  # read_variants says why


MAX_VARIANTS = 20


def read_variants(reader: Reader, entry: YEntry | None) -> tuple[tuple[str, ...], dict[str, Mark]]:
    """``variants:`` as declared: a list of distinct names."""
    if entry is None:
        return (), {}
    value = entry.value
    if not isinstance(value, YSeq):
        reader.wrong_type(value, "variants", "a list of names like [一天, 半天]")
        return (), {}
    marks: dict[str, Mark] = {}
    files: dict[str, str] = {}  # the file name each gives -> the variant that gives it
    for item in value.items:
        name = _name(item)
        if name is None:
            reader.add(item.mark, "type", msg("variants.not-name", got=Word(kind_name(item))))
        elif name in marks:
            reader.add(
                item.mark,
                "duplicate-variant",
                msg("variants.twice", name=name, line=marks[name].line),
            )
        elif (other := files.get(same_file(name))) is not None:
            said = msg("variants.same-file", name=name, other=other, line=marks[other].line)
            reader.add(item.mark, "duplicate-variant", said)
        else:
            marks[name] = item.mark
            files[same_file(name)] = name
    if not value.items:
        reader.add(value.mark, "required", msg("variants.empty"))
    if len(marks) > MAX_VARIANTS:  # each is a whole build; a course sells in a few lengths
        reader.add(value.mark, "variant-limit", msg("variants.too-many", limit=MAX_VARIANTS))
        return (), {}
    return tuple(marks), marks


def same_file(variant: str) -> str:
    """What a variant's documents are named after, as file systems compare names:
    ``上午/下午`` and ``上午-下午``, ``半天.`` and ``半天``, NFC and NFD, ``AM`` and ``am``
    all give one name, so two such variants would write over each other's documents."""
    from ..paths import safe_name

    return safe_name(f"course.{variant}").casefold()


def _unknown(variants: Variants, name: str, course: str | None = None) -> Msg | None:
    if not variants.names:
        return None
    close = difflib.get_close_matches(name, list(variants.names), n=1, cutoff=0.3)
    values: dict[str, object] = {
        "name": name,
        "course": course or Word("this course"),
        "names": Listing(variants.names),
    }
    if close:
        return msg("variants.unknown-mean", close=close[0], **values)
    return msg("variants.unknown", **values)


def _unknown_said(variants: Variants, name: str) -> Msg:
    return _unknown(variants, name) or msg("variants.none-declared", course=Word("this course"))


def read_only(reader: Reader, entry: YEntry | None, variants: Variants) -> bool:
    """Whether a block with this ``only:`` exists in the variant being built."""
    if entry is None:
        return True
    value = entry.value
    if not variants.names:
        reader.add(
            entry.key_mark,
            "no-variants",
            msg("variants.only-first"),
        )
        return True
    items = value.items if isinstance(value, YSeq) else (value,)
    if isinstance(value, YMap):
        reader.wrong_type(value, "only", "a list of variant names like [一天]")
        return True
    if not items or (isinstance(value, YScalar) and value.value is None):
        reader.add(value.mark, "required", msg("variants.only-empty"))
        return True
    named: list[str] = []
    for item in items:
        name = _name(item)
        if name is None:
            reader.add(item.mark, "type", msg("variants.only-item", got=Word(kind_name(item))))
        elif name not in variants.names:
            reader.add(item.mark, "unknown-variant", _unknown_said(variants, name))
        else:
            named.append(name)
    return variants.current in named


def read_duration(
    reader: Reader, entry: YEntry | None, variants: Variants, *, active: bool = True
) -> tuple[Duration | None, Mark | None]:
    """A duration, or a mapping variant → duration read for the variant being built.

    Every value is parsed (a typo is reported in every variant); a mapping that gives no
    length for the current variant is an error only where the block exists (``active``).
    """
    if entry is None or not isinstance(entry.value, YMap):
        return reader.duration(entry)
    mapping = entry.value
    if not variants.names:
        reader.add(
            mapping.mark,
            "no-variants",
            msg("variants.duration-first"),
        )
        return None, mapping.mark
    chosen: tuple[Duration | None, Mark | None] = (None, mapping.mark)
    for item in mapping.entries:
        parsed = reader.duration(item)
        if item.key not in variants.names:
            reader.add(item.key_mark, "unknown-variant", _unknown_said(variants, item.key))
        elif item.key == variants.current:
            chosen = parsed
    if active and variants.current not in {e.key for e in mapping.entries}:
        given = ", ".join(e.key for e in mapping.entries) or Word("none")
        reader.add(
            mapping.mark,
            "variant-duration",
            msg("variants.no-length", variant=variants.current, given=given),
        )
    return chosen


def pack_variant(reader: Reader, entry: YEntry | None, course: Path) -> str | None:
    """A pack course's ``variant:``, checked against the variants its spec declares."""
    if entry is None:
        return None
    name = reader.text(entry)
    if not name:
        return None
    from ..load import load_file

    known = declared_variants(load_file(course).root)
    if name not in known and course.is_file():
        where = Variants(known)
        message = _unknown(where, name, course.name) or msg(
            "variants.none-declared", course=course.name
        )
        reader.add(entry.value.mark, "unknown-variant", message)
        return None
    return name
