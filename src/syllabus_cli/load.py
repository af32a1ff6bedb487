"""Load a YAML file into a tree of values that remember where they were written.

Like cfn-lint's decoder, but without constructing Python objects from YAML tags: the
file is *composed* (PyYAML's C composer when present), and the node graph is walked
into ``YMap`` / ``YSeq`` / ``YScalar`` values, each with its 1-based ``Mark``. The walk
is where the safety lives: duplicate keys are reported (PyYAML keeps the last one
silently), aliases are expanded under a budget (no billion laughs), and only the
standard scalar tags are accepted. Every failure becomes a ``Problem``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import yaml

from .files import resolved
from .i18n import msg, render
from .problems import Mark, Problem, error, warning

try:  # the C composer is ~10x faster; marks are kept either way
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML builds
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024  # a course spec is a few KB; anything this big is a mistake
MAX_NODES = 100_000  # values after alias expansion
MAX_DEPTH = 64
_STR_TAG = "tag:yaml.org,2002:str"
_VALUE_TAG = "tag:yaml.org,2002:value"  # a lone '=' resolves to it; it is text here
_MERGE_TAG = "tag:yaml.org,2002:merge"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = tuple(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)

# User-facing messages of this module: i18n/en.py and zh.py, keys "load.*".

Scalar = str | int | float | bool | None | dt.date | dt.datetime


class YScalar(NamedTuple):
    value: Scalar
    mark: Mark
    raw: str = ""  # the text as written (``09:00`` is 540 to YAML 1.1, "09:00" here)
    style: str | None = None  # '>' for folded text, '|' for literal, quotes, or None


class YEntry(NamedTuple):
    key: str
    key_mark: Mark
    value: YValue


class YMap(NamedTuple):
    entries: tuple[YEntry, ...]
    mark: Mark

    def get(self, key: str) -> YEntry | None:
        for entry in self.entries:
            if entry.key == key:
                return entry
        return None


class YSeq(NamedTuple):
    items: tuple[YValue, ...]
    mark: Mark


YValue = YScalar | YMap | YSeq


@dataclass(frozen=True)
class Loaded:
    """A file's text and its YAML tree; ``root`` is None when problems stopped the load."""

    path: Path
    text: str
    root: YValue | None
    problems: tuple[Problem, ...]


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Budget(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class _Walker:
    def __init__(self) -> None:
        self.count = 0
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def walk(self, node: yaml.Node, depth: int = 0) -> YValue:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Budget(error(_mark(node), "yaml-limit", msg("load.too-many", limit=MAX_NODES)))
        if depth > MAX_DEPTH:
            raise _Budget(error(_mark(node), "yaml-limit", msg("load.too-deep", limit=MAX_DEPTH)))
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, _MAP_TAG)
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ_TAG)
            return YSeq(tuple(self.walk(n, depth + 1) for n in node.value), _mark(node))
        return self._scalar(node)

    def _check_tag(self, node: yaml.Node, *allowed: str) -> bool:
        """Only the standard tags are ever resolved; any other (``!!python/tuple``,
        ``!!binary``, ``!!set``, ``!local``) is reported, and never constructed."""
        if node.tag in allowed:
            return True
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.problems.append(error(_mark(node), "yaml-tag", msg("load.tag", tag=tag)))
        return False

    def _scalar(self, node: yaml.Node) -> YScalar:
        style = getattr(node, "style", None)
        text = str(node.value)
        if node.tag == _STR_TAG:  # most of a spec: no constructor needed
            return YScalar(text, _mark(node), text, style)
        if node.tag == _VALUE_TAG or not self._check_tag(node, *_SCALAR_TAGS):
            return YScalar(text, _mark(node), text, style)
        if not _fits(node):  # !!int abc, !!bool maybe, !!timestamp foo, !!null x
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            said = msg("load.tag-value", tag=tag, value=text[:40])
            self.problems.append(error(_mark(node), "yaml-tag", said))
            return YScalar(text, _mark(node), text, style)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError, LookupError, AttributeError):
            # 2026-13-45, a 5,000-digit number: kept as the text written, which the
            # spec's readers then report in their own words ("must be a date like …").
            value = text
        if isinstance(value, int) and value.bit_length() > 64:  # no count or id is this big
            value = text
        return YScalar(value, _mark(node), text, style)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> YMap:
        entries: list[YEntry] = []
        seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key_mark = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(error(key_mark, "type", msg("load.key-type")))
                continue
            if key_node.tag != _MERGE_TAG:  # '<<' stays a key, reported as unknown
                self._check_tag(key_node, *_SCALAR_TAGS, _STR_TAG, _VALUE_TAG)
            key = str(key_node.value)
            if key in seen:
                first = seen[key]
                self.problems.append(
                    error(
                        key_mark,
                        "duplicate-key",
                        msg("load.duplicate", key=key, line=first.line),
                    )
                )
                continue
            seen[key] = key_mark
            entries.append(YEntry(key, key_mark, self.walk(value_node, depth + 1)))
        return YMap(tuple(entries), _mark(node))


def _fits(node: yaml.Node) -> bool:
    """Does a scalar's text read as its explicit tag says? Only a tag written by hand can
    fail: YAML resolves an untagged value to the tag its text fits."""
    implicit = str(_RESOLVER.resolve(yaml.ScalarNode, str(node.value), (True, False)))  # type: ignore[no-untyped-call]
    if node.tag == implicit or node.tag in (_STR_TAG, _VALUE_TAG):
        return True
    if node.tag.endswith((":null", ":bool", ":timestamp")):  # their constructors guess
        return False
    number = implicit.endswith((":int", ":float")) and node.tag.endswith(":float")
    return number or (implicit.endswith(":str") and _number_text(node))


def _number_text(node: yaml.Node) -> bool:
    """``!!int "12"``, ``!!float "1.5"``: a quoted number with its tag fits."""
    kind = node.tag.rsplit(":", 1)[-1]
    text = str(node.value).replace("_", "")
    try:
        (int if kind == "int" else float)(text)
    except ValueError:
        return False
    return kind in ("int", "float")


_RESOLVER = yaml.resolver.Resolver()


def _position(text: str, index: int) -> Mark:
    before = text[:index]
    line = before.count("\n") + 1
    return Mark(line, index - (before.rfind("\n") + 1) + 1)


def guess_encoding(data: bytes) -> str | None:
    """The encoding the bytes look like, in words a user knows (e.g. 'GBK/GB18030')."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        return "GBK/GB18030"  # the usual case: a spec saved by a Chinese Windows editor
    from charset_normalizer import from_bytes  # only on this rare path

    best = from_bytes(data).best()
    return None if best is None else str(best.encoding).upper().replace("_", "-")


def decode(data: bytes) -> tuple[str, Problem | None]:
    """UTF-8 text (a BOM is fine); else a problem at the first bad byte naming the likely encoding."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8-sig", errors="replace")
        looks = guess_encoding(data)
        message = msg("load.not-utf8-looks", encoding=looks) if looks else msg("load.not-utf8")
        return "", error(_position(good, len(good)), "encoding", message)


def _yaml_problem(exc: yaml.YAMLError, text: str) -> Problem:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        where = Mark(mark.line + 1, mark.column + 1)
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return error(where, "syntax", msg("load.syntax", detail=message))
    if isinstance(exc, yaml.reader.ReaderError):
        return error(
            _position(text, exc.position),
            "syntax",
            msg("load.character", character=exc.character),
        )
    return error(Mark(), "syntax", msg("load.syntax", detail=str(exc)))


def _syntax_problems(exc: yaml.YAMLError, text: str) -> tuple[Problem, ...]:
    """What a Chinese input method did (located at the character), else PyYAML's error."""
    from . import load_ime

    slips, stopped = load_ime.reported(text, parsed=False)
    slipped = load_ime.problems(slips, stopped)
    if not slipped:
        return (_worded(exc, text),)
    if stopped is not None:
        return tuple(slipped)  # so many slips: what is left is told after ``fix``
    return tuple(sorted([*slipped, *_left_after_repair(text)]))


def _left_after_repair(text: str) -> tuple[Problem, ...]:
    """What stays wrong once the slips are repaired: the user's own mistake, told with
    them (every problem at once), at the place the user typed it."""
    from . import load_ime
    from .load_fix import repair_text

    repaired = repair_text(text)[0]
    try:
        yaml.compose(repaired, Loader=_Loader)
    except yaml.YAMLError as left:
        own = _worded(left, repaired)
        return (replace(own, mark=load_ime.mark_before(text, repaired, own.mark)),)
    return ()


def _worded(exc: yaml.YAMLError, text: str) -> Problem:
    """PyYAML's error in the user's words where they are known (load_syntax), else as is."""
    from .load_syntax import explain

    return explain(exc, text) or _yaml_problem(exc, text)


def _ime_problems(text: str) -> tuple[Problem, ...]:
    """Slips that YAML accepts as text but nobody means (``title：…`` at a line's start)."""
    from .ime_triggers import maybe_certain

    if not maybe_certain(text):
        return ()  # the scanner is not even imported (validate's start-up)
    from . import load_ime

    slips, stopped = load_ime.reported(text, parsed=True)
    slipped = load_ime.problems(slips, stopped)
    if not slipped or stopped is not None:
        return tuple(slipped)
    return tuple(sorted([*slipped, *_left_after_repair(text)]))


def parse_text(text: str, path: Path = Path("<string>")) -> Loaded:
    """Compose YAML text into marked values. Pure apart from PyYAML."""
    if not text.strip():
        return Loaded(path, text, None, (error(Mark(), "empty-file", msg("load.empty")),))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return Loaded(path, text, None, _syntax_problems(exc, text))
    slipped = _ime_problems(text)
    if slipped:
        return Loaded(path, text, None, slipped)
    if node is None:
        return Loaded(path, text, None, (error(Mark(), "empty-file", msg("load.no-value")),))
    walker = _Walker()
    try:
        root = walker.walk(node)
    except _Budget as budget:
        return Loaded(path, text, None, (budget.problem,))
    return Loaded(path, text, root, tuple(walker.problems))


_CACHE: dict[tuple[str, int, int, int, int], Loaded] = {}
_CACHE_SIZE = 64  # a few files looked at in turn; 1,000 parsed specs held cost 60 MiB


def load_file(path: Path, cached: bool = True) -> Loaded:
    """Read and compose a file; every failure (missing, too big, not UTF-8) is a Problem.

    Memoised by path, modification time, size, inode and change time: a batch looks at
    each spec several times (what kind of file, its id, its inputs), and a ``Loaded`` is
    immutable; the preview reads a file again after every save, and an editor's save of
    the same size within one clock tick (write a copy, rename it) changes only the inode.
    ``cached=False`` reads without keeping it (``validate`` reads each spec once)."""
    if not cached:
        return _load_file(path)
    try:
        stat = path.stat()
    except OSError:
        return _load_file(path)
    key = (str(resolved(path)), stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)
    known = _CACHE.get(key)
    if known is None:
        known = _load_file(path)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = known
    # the same file named another way (``../instructors/x.yaml`` from a course and from
    # its pack): read once, said with the caller's spelling
    return known if known.path == path else replace(known, path=path)


def _load_file(path: Path) -> Loaded:
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            # a named pipe or a device: reading would block or never end
            reason = msg("load.not-regular")
            return Loaded(path, "", None, (error(Mark(), "file-unreadable", reason),))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Loaded(path, "", None, (error(Mark(), "file-missing", msg("load.not-found")),))
    except IsADirectoryError:
        return Loaded(path, "", None, (error(Mark(), "file-missing", msg("load.folder")),))
    except OSError as exc:
        return Loaded(
            path,
            "",
            None,
            (
                error(
                    Mark(),
                    "file-unreadable",
                    msg("load.unreadable", reason=exc.strerror or str(exc)),
                ),
            ),
        )
    if len(data) > MAX_BYTES:
        return Loaded(
            path,
            "",
            None,
            (error(Mark(), "too-large", msg("load.too-large", mib=MAX_BYTES // 1024 // 1024)),),
        )
    text, problem = decode(data)
    if problem is not None:
        return _legacy_encoding(path, data, problem)
    return parse_text(text, path)


def _legacy_encoding(path: Path, data: bytes, problem: Problem) -> Loaded:
    """A GBK file (Notepad's "ANSI") is read, with a warning naming ``syllabus fix``;
    anything else not UTF-8 stays an error (Big5 named as such, never read as GBK)."""
    from dataclasses import replace

    from .load_encoding import BIG5, GBK, UTF16, legacy_encoding, read_text

    found = legacy_encoding(data)
    text = read_text(data)[0]
    if found in (GBK, UTF16) and text is not None:
        loaded = parse_text(text, path)
        from .paths import shown

        key = "load.gbk" if found == GBK else "load.utf16"
        told = warning(Mark(), "encoding", msg(key, encoding=found, name=shown(path)))
        return replace(loaded, problems=(told, *loaded.problems))
    if found == BIG5:
        words = msg("load.not-utf8-looks", encoding=BIG5)
        problem = replace(problem, message=render(words, "en"), words=words)
    return Loaded(path, "", None, (problem,))
