"""What a Chinese input method does to YAML, found where it happened.

With a Chinese IME on, ``title：电商`` (a full-width colon), ``　　duration: 1h`` (full-width
spaces), ``[a，b]``, ``“…”`` quotes, ``【a, b】`` and ``－ item`` look right on screen, but
YAML reads them as text, and PyYAML reports the damage where it gave up (often a line
later, in English). ``scan`` walks the text line by line, knowing what YAML would read as
a quoted or block text value (never touched), and returns each such character as a
``Slip``: where it is, what it is, and the edits that repair it.

Certain slips are reported even when the file parses: a course key written ``title：…``
at the start of its line (or after its list dash), an indentation of full-width spaces before a key, a ``－ ``
dash before a key, ``【a, b】`` as a whole value, ``[一天，半天]`` (short items parted by
``，``). YAML accepts them as text, but nobody means that. The others (``“…”`` quotes,
tabs, ``，`` in a sentence, ``－`` before text) are reported only when the file does not
parse, since as text they can be meant.

Pure: text in, values out. ``load.parse_text`` turns slips into problems (code
``yaml-char``); ``load_fix.repair`` applies their edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .i18n import msg
from .ime_triggers import maybe_certain
from .problems import Mark, Problem, error

# What each kind of slip is, by the character typed.
COLON = "colon"
COMMA = "comma"
QUOTES = "quotes"
BRACKETS = "brackets"
DASH = "dash"
SPACE = "space"  # a full-width space (U+3000) where YAML needs a space
TAB = "tab"

_ASCII_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
# The keys a course is written with: a line of a file that parses, starting with one of
# them and a full-width colon, is a key nobody meant as text. (A key missing here is
# still found when the file does not parse.)
COURSE_KEYS = frozenset(
    [
        "audience",
        "background",
        "bio",
        "breaks",
        "cases",
        "clients",
        "contact",
        "date",
        "duration",
        "exercises",
        "expertise",
        "format",
        "hours_per_day",
        "id",
        "include",
        "instructor",
        "language",
        "latest_end",
        "lunch",
        "min_part",
        "modules",
        "motto",
        "name",
        "notes",
        "only",
        "outcomes",
        "path",
        "points",
        "prerequisites",
        "schedule",
        "sections",
        "split",
        "start",
        "subtitle",
        "template",
        "title",
        "tools",
        "variant",
        "variants",
        "courses",
    ]
)
_OPENERS = {"[": "]", "{": "}", "【": "】", "［": "］"}
_FULL_OPENERS = {"【": "[", "［": "["}
_FULL_CLOSERS = {"】": "]", "］": "]"}
# After a list dash: an English key and its colon (a list of mappings: modules, sections),
# which no text means; a dash before other text is told only when the file does not parse.
_KEY_AFTER = re.compile(r"[ \t\u3000]*[a-z_][a-z0-9_]*[ \t]*[:：]")
_BARE_KEY = re.compile(r"[ \t]*(?:-[ \t]+)*[A-Za-z_][\w\-]*:[ \t]*(?:#.*)?")
_SENTENCE = re.compile(r"[。；：:！？!?\s]")
_NEEDS_QUOTES = re.compile(r"[:#,\[\]{}]|^[-?!&*|>%@`'\"]|^\s|\s$")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]``; ``new`` None means: the indentation, expanded."""

    start: int
    end: int
    new: str | None


@dataclass
class Slip:
    mark: Mark
    kind: str
    char: str
    certain: bool
    edits: list[Edit] = field(default_factory=list)


def _key_like(text: str, in_flow: bool) -> bool:
    """Text before a ``：`` that can be a key: an English key (every spec key), or in a
    flow mapping or a failed file a short name (a variant: ``一天：1天``)."""
    key = text.strip()
    if not key:
        return False
    if _ASCII_KEY.fullmatch(key):
        return True
    return len(key) <= 12 and not any(c in key for c in " ，,：:。；、（）()\u3000")


def _width(body: str) -> int:
    """The width of a line's indentation (a tab to the next stop of 4, a full-width space 2)."""
    run = body[: len(body) - len(body.lstrip(" \t\u3000"))]
    return len(run.replace("\u3000", "  ").expandtabs(4))


def _quoted_end(body: str, start: int, quote: str) -> int:
    """The index of the quote closing a scalar that is open at ``start``, or -1."""
    i = start
    while i < len(body):
        c = body[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and body[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def _ends_value(body: str, index: int, in_flow: bool) -> bool:
    """Whether ``body[index:]`` holds nothing more of the value (end, a comment, or in a
    flow collection a separator)."""
    rest = body[index:].lstrip(" \t")
    if not rest or rest.startswith("#"):
        return True
    if in_flow and rest[0] in ",，]}】］":
        return True
    return rest.startswith(": ") or rest == ":"


def _entry_is_value(rest: str) -> bool:
    """Whether the rest of a flow mapping's entry after ``key：`` holds no ``: `` of its
    own (``{title：开场, …}`` is a key and its value; ``{title：x: 1}`` is a key of text)."""
    entry = re.split(r"[,，}]", rest, maxsplit=1)[0]
    return re.search(r":(?:[ \t]|$)", entry) is None


def _matching(body: str, start: int) -> int:
    """The index of the bracket closing the one at ``start`` on this line, or -1."""
    depth = 0
    closers: list[str] = []
    for i in range(start, len(body)):
        c = body[i]
        if c in _OPENERS:
            closers.append(_OPENERS[c])
            depth += 1
        elif closers and (c == closers[-1] or (c in "]］】" and closers[-1] in "]］】")):
            closers.pop()
            depth -= 1
            if depth == 0:
                return i
    return -1


class _Full(Exception):
    """A capped scan has found as many slips as it reports; ``mark``: the next one."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark


class _Scanner:
    def __init__(self, text: str, limit: int | None = None) -> None:
        self.text = text
        self.limit = limit  # stop after this many slips (a report, not a repair)
        self.stopped: Mark | None = None  # where the scan stopped, if it did
        self.slips: list[Slip] = []
        self.block_parent: int | None = None  # inside a | or > value: its parent's indent
        self.block_indent: str | None = None  # the indentation of its first line
        self.quote: str | None = None  # inside a quoted value that spans lines
        self.quoted_key: int | None = None  # the line of a quoted scalar opened as a key
        self.flow: list[_Flow] = []  # the flow collections open here, innermost last
        # the "－ " dash that started the line before, and that line's indentation: two
        # such lines in a row are a list typed with an IME, not a text that starts with －
        self.last_dash: tuple[int, str, Slip, int] | None = None
        self.bare_key = 0  # the last line that is a key with nothing after it ("points:")
        self.content_seen = False  # a line of YAML before this one: an indent has a parent

    def slip(self, line: int, col: int, kind: str, char: str, certain: bool, *edits: Edit) -> Slip:
        if self.limit is not None and len(self.slips) >= self.limit:
            raise _Full(Mark(line, col + 1))
        found = Slip(Mark(line, col + 1), kind, char, certain, list(edits))
        self.slips.append(found)
        return found

    def run(self) -> list[Slip]:
        offset = 0
        try:
            for number, line in enumerate(self.text.splitlines(keepends=True), 1):
                body = line.rstrip("\r\n")
                self.line(number, body, offset)
                offset += len(line)
        except _Full as full:
            self.stopped = full.mark
        return self.slips

    def line(self, number: int, body: str, base: int) -> None:
        if self.block_parent is not None and self.block_line(number, body, base):
            return
        j = 0
        at_key = False
        if self.quote is None and not self.flow:
            j = self.indentation(number, body, base)
            if j < 0:
                return
            if body.startswith(("---", "..."), j) and body[j + 3 : j + 4] in ("", " ", "\t"):
                j += 3
            before = len(self.slips)
            j = self.dashes(number, body, base, j)
            self.dash_run(number, body, before)
            at_key = True
        self.inline(number, body, base, j, at_key)
        if at_key and _BARE_KEY.fullmatch(body):
            self.bare_key = number

    def dash_run(self, number: int, body: str, before: int) -> None:
        """Mark ``－ 沟通`` certain on two lines in a row that start with ``－ `` at one
        indentation, right under a key with nothing after it (``points:``): YAML reads
        them as one text, a trainer meant a list."""
        indent = body[: len(body) - len(body.lstrip(" \t\u3000"))]
        dash = next((s for s in self.slips[before:] if s.kind == DASH), None)
        if dash is None or dash.mark.column != len(indent) + 1:
            self.last_dash = None
            return
        if self.last_dash is not None:
            line, was, slip, first = self.last_dash
            if line == number - 1 and was == indent and self.bare_key == first - 1:
                slip.certain = dash.certain = True
                self.last_dash = (number, indent, dash, first)
                return
        self.last_dash = (number, indent, dash, number)

    def block_line(self, number: int, body: str, base: int) -> bool:
        """Whether the line is text of the | or > value open above (never looked into,
        but for tabs in its indentation, which YAML refuses); else the value ends."""
        if body.strip(" \t\u3000") and _width(body) <= (self.block_parent or 0):
            self.block_parent = self.block_indent = None
            return False
        if not body.strip(" \t\u3000"):
            return True
        real = body[: len(body) - len(body.lstrip(" \t"))]
        typed = body[: len(body) - len(body.lstrip(" \t\u3000"))]
        if self.block_indent is None:
            # spaces (or tabs) deeper than the parent indent the text, and a full-width
            # space after them is the text's own; with none, the full-width spaces are
            # the indentation (YAML would refuse the text)
            deep = len(real.expandtabs(4)) > (self.block_parent or 0)
            self.block_indent = real if deep else typed
        indent = typed[: len(self.block_indent)]
        wrong = [i for i, c in enumerate(indent) if c in "\t\u3000"]
        if wrong:
            kind = TAB if indent[wrong[0]] == "\t" else SPACE
            self.slip(
                number,
                wrong[0],
                kind,
                indent[wrong[0]],
                False,
                Edit(base, base + len(indent), None),
            )
        return True

    def indentation(self, number: int, body: str, base: int) -> int:
        k = 0
        while k < len(body) and body[k] in " \t\u3000":
            k += 1
        rest = body[k:]
        if not rest or rest.startswith("#"):
            return -1
        ws = body[:k]
        if "\t" in ws or "\u3000" in ws:
            tab, wide = ws.find("\t"), ws.find("\u3000")
            first = min(i for i in (tab, wide) if i >= 0)
            kind = TAB if first == tab else SPACE
            # A full-width space before a key or a dash is never meant; a tab is, in a
            # file that parses, inside a value that spans lines.
            # The first line of a document has nothing to be indented under: there a
            # leading full-width space is the text's own (a plain scalar), never certain.
            certain = (
                self.content_seen
                and "\u3000" in ws
                and bool(re.match(r"[A-Za-z_][\w\-]*\s*[:：]|[-－]\s", rest))
            )
            self.slip(number, first, kind, ws[first], certain, Edit(base, base + k, None))
        self.content_seen = True
        return k

    def dashes(self, number: int, body: str, base: int, j: int) -> int:
        while j < len(body):
            c = body[j]
            after = body[j + 1 : j + 2]
            if c == "-" and after in ("", " ", "\t"):
                j += 1
            elif c == "－" and after in (" ", "\t", "\u3000") and body[j + 2 :].strip():
                # "－ title: a" is a list dash; a lone "－" is text (a table's "none")
                edits = [Edit(base + j, base + j + 1, "-")]
                if after == "\u3000":
                    edits.append(Edit(base + j + 1, base + j + 2, " "))
                self.slip(number, j, DASH, c, _KEY_AFTER.match(body, j + 2) is not None, *edits)
                j += 1
            elif c == "\u3000" and j > 0 and body[j - 1] in "-－":
                certain = _KEY_AFTER.match(body, j + 1) is not None
                self.slip(number, j, SPACE, c, certain, Edit(base + j, base + j + 1, " "))
                j += 1
            else:
                break
            while j < len(body) and body[j] in " \t":
                j += 1
        return j

    def inline(self, number: int, body: str, base: int, i: int, at_key: bool) -> None:
        expect = True  # at the start of a value
        n = len(body)
        while i < n:
            if self.quote is not None:
                end = _quoted_end(body, i, self.quote)
                if end < 0:
                    return
                self.quote = None
                i, expect = end + 1, False
                if self.quoted_key == number and body[i : i + 1] == "：":
                    # "title"：开场 — a quoted key and a full-width colon
                    new = ":" if body[i + 1 : i + 2] in ("", " ", "\t") else ": "
                    self.slip(number, i, COLON, "：", False, Edit(base + i, base + i + 1, new))
                    i, expect, at_key = i + 1, True, False
                continue
            c = body[i]
            in_flow = bool(self.flow)
            if c in " \t":
                i += 1
                continue
            if c == "#" and (i == 0 or body[i - 1] in " \t"):
                return
            if in_flow and c in "]}】］":
                i = self.close(number, body, base, i)
                expect, at_key = False, False
                continue
            if in_flow and c in ",，":
                if c == "，":
                    self.comma(number, body, base, i)
                i += 1
                expect = True
                at_key = self.flow[-1].closer == "}"
                continue
            if not expect:
                # after a value: a separator ':' of a flow pair, or text we do not judge
                if c == ":":
                    expect, at_key = True, False
                i += 1
                continue
            if c in "\"'":
                self.quote = c
                self.quoted_key = number if at_key else None
                i += 1
                continue
            if c == "“":
                i = self.curly(number, body, base, i, in_flow)
                expect = False
                continue
            if c in _OPENERS:
                if c in _FULL_OPENERS:
                    close = _matching(body, i)
                    if close < 0 or not _ends_value(body, close + 1, in_flow):
                        i, expect, at_key = self.plain(number, body, base, i, at_key)
                        continue
                    found = self.slip(
                        number, i, BRACKETS, c, False, Edit(base + i, base + i + 1, "[")
                    )
                    self.flow.append(_Flow("]", found, number, i))
                else:
                    self.flow.append(_Flow(_OPENERS[c], None, number, i))
                i += 1
                at_key = c == "{"
                continue
            if c in "|>" and not in_flow:
                self.block_parent = _width(body)
                return
            if c in "&!*":
                while i < n and body[i] not in " \t,]}":
                    i += 1
                expect = c != "*"
                continue
            if c == "?" and body[i + 1 : i + 2] in ("", " "):
                i += 1
                continue
            i, expect, at_key = self.plain(number, body, base, i, at_key)

    def plain(
        self, number: int, body: str, base: int, start: int, at_key: bool
    ) -> tuple[int, bool, bool]:
        """A plain scalar from ``start``: where it ends, whether a value follows it."""
        i, n = start, len(body)
        in_flow = bool(self.flow)
        while i < n:
            c = body[i]
            nxt = body[i + 1 : i + 2]
            if c == ":" and (nxt in ("", " ", "\t") or (in_flow and nxt in ",]}")):
                return i + 1, True, False
            if c == ":" and nxt == "\u3000" and at_key and _key_like(body[start:i], in_flow):
                certain = body[start:i].strip() in COURSE_KEYS and not in_flow
                self.slip(number, i + 1, SPACE, nxt, certain, Edit(base + i + 1, base + i + 2, " "))
                return i + 2, True, False
            if c == "：" and at_key and _key_like(body[start:i], in_flow):
                # certain: a course key starting its line ("title：…", "- title：…");
                # "- SOP：…" or "KPI：…" in a list of points is text a trainer means
                spec_key = body[start:i].strip() in COURSE_KEYS
                rest = body[i + 1 :]
                certain = spec_key and (
                    not in_flow or (self.flow[-1].closer == "}" and _entry_is_value(rest))
                )
                # full-width spaces around it go too ("title　：开场" is the key "title")
                lead = i
                while lead > start and body[lead - 1] == "\u3000":
                    lead -= 1
                end = i + 2 if rest[:1] == "\u3000" else i + 1
                new = ":" if body[end : end + 1] in ("", " ", "\t") else ": "
                self.slip(number, i, COLON, c, certain, Edit(base + lead, base + end, new))
                return i + 1, True, False
            if c == "#" and body[i - 1] in " \t":
                return n, False, False
            if in_flow and c in ",[]{}，】］":
                return i, False, at_key
            i += 1
        return n, False, False

    def curly(self, number: int, body: str, base: int, i: int, in_flow: bool) -> int:
        """``“…”`` at the start of a value: quotes when what they hold needs them."""
        end = body.find("”", i + 1)
        if end < 0 or not _ends_value(body, end + 1, in_flow):
            return self.plain(number, body, base, i, False)[0]
        inner = body[i + 1 : end]
        if not _NEEDS_QUOTES.search(inner):
            return end + 1  # “新零售”: the quotes are part of the text
        quote = "'" if '"' in inner or "\\" in inner else '"'
        self.slip(
            number,
            i,
            QUOTES,
            "“",
            False,
            Edit(base + i, base + i + 1, quote),
            Edit(base + i + 1, base + end, inner.replace("'", "''") if quote == "'" else inner),
            Edit(base + end, base + end + 1, quote),
        )
        return end + 1

    def comma(self, number: int, body: str, base: int, i: int) -> None:
        new = "," if body[i + 1 : i + 2] in (" ", "") else ", "
        self.slip(number, i, COMMA, "，", False, Edit(base + i, base + i + 1, new))
        self.flow[-1].commas.append(self.slips[-1])

    def close(self, number: int, body: str, base: int, i: int) -> int:
        flow = self.flow.pop()
        found = flow.slip
        c = body[i]
        if c in _FULL_CLOSERS:
            if found is None:
                self.slip(number, i, BRACKETS, c, False, Edit(base + i, base + i + 1, "]"))
            else:
                found.edits.append(Edit(base + i, base + i + 1, _FULL_CLOSERS[c]))
        if self.flow or flow.line != number:
            return i + 1
        inner = body[flow.column + 1 : i]
        ends = _ends_value(body, i + 1, False)
        if found is not None:
            # 【a, b】 as a whole value in a block: meant as a list, whatever else parses
            found.certain = ends and ("," in inner or "，" in inner)
        if flow.commas and ends and "," not in inner and flow.closer == "]":
            # [一天，半天]: short names parted by "，" are items, not one sentence
            parts = inner.split("，")
            short = all(0 < len(p.strip()) <= 10 and not _SENTENCE.search(p) for p in parts)
            for comma in flow.commas:
                comma.certain = short
        return i + 1


@dataclass
class _Flow:
    """An open flow collection: what closes it, the slip of a full-width opener, where."""

    closer: str
    slip: Slip | None
    line: int
    column: int
    commas: list[Slip] = field(default_factory=list)


def scan(text: str) -> list[Slip]:
    """Every IME slip in ``text``, in order."""
    return _Scanner(text).run()


# A report lists this many slips at most: a 2 MiB file typed with tabs and full-width
# colons throughout is told in a second, not scanned for minutes (``fix`` repairs all).
REPORTED = 2000


def reported(text: str, parsed: bool) -> tuple[list[Slip], Mark | None]:
    """The slips ``found`` reports, at most ``REPORTED`` of them, and where the next one
    is when there were more (None when the whole text was looked at)."""
    if parsed and not maybe_certain(text):
        return [], None
    scanner = _Scanner(text, REPORTED)
    slips = scanner.run()
    return [s for s in slips if s.certain or not parsed], scanner.stopped


def found(text: str, parsed: bool) -> list[Slip]:
    """The slips to report: all of them when the text does not parse, else the certain ones."""
    if parsed and not maybe_certain(text):
        return []
    return [s for s in scan(text) if s.certain or not parsed]


def problems(slips: list[Slip], stopped: Mark | None = None) -> list[Problem]:
    """One ``yaml-char`` error per slip; an indentation of tabs or full-width spaces is
    one error at its first line, counting the lines (a file indented with tabs is one
    mistake, not forty). ``stopped``: where a capped scan stopped, told as one more
    error there (the rest are not listed)."""
    out: list[Problem] = []
    if stopped is not None:
        out.append(error(stopped, "yaml-char", msg("load.ime-more")))
    indents: dict[str, list[Slip]] = {}
    for slip in slips:
        if slip.kind in (TAB, SPACE) and slip.edits and slip.edits[0].new is None:
            indents.setdefault(slip.kind, []).append(slip)
            continue
        out.append(error(slip.mark, "yaml-char", msg(f"load.ime-{slip.kind}", char=slip.char)))
    for kind, group in indents.items():
        first = group[0]
        key = f"load.ime-{kind}-indent" if len(group) == 1 else f"load.ime-{kind}-indents"
        out.append(error(first.mark, "yaml-char", msg(key, count=len(group))))
    return sorted(out)


def expand(indent: str, tab: int, wide: int) -> str:
    """An indentation of tabs and full-width spaces as plain spaces."""
    return indent.replace("\u3000", " " * wide).expandtabs(tab)


def apply(text: str, slips: list[Slip], tab: int = 2, wide: int = 2) -> str:
    """``text`` with every slip's edits made."""
    edits = sorted((e for s in slips for e in s.edits), key=lambda e: e.start)
    parts: list[str] = []
    at = 0
    for edit in edits:
        if edit.start < at:
            continue  # two slips on one span (an indent of tabs and full-width spaces)
        parts.append(text[at : edit.start])
        old = text[edit.start : edit.end]
        parts.append(expand(old, tab, wide) if edit.new is None else edit.new)
        at = edit.end
    parts.append(text[at:])
    return "".join(parts)


def mark_before(original: str, repaired: str, mark: Mark) -> Mark:
    """Where a place in the ``repaired`` text was in the ``original`` (a repair never adds
    or removes a line; within a line, tabs widened and ``：`` turned into ``: `` shift the
    columns): a mistake left after the repair is shown where the user typed it."""
    import difflib

    before = original.splitlines()
    after = repaired.splitlines()
    if not 0 < mark.line <= min(len(before), len(after)):
        return mark
    old, new = before[mark.line - 1], after[mark.line - 1]
    if old == new or len(new) > 4000:  # a line of megabytes is not matched (quadratic)
        return mark
    at = mark.column - 1
    for op, new_start, new_end, old_start, _old_end in difflib.SequenceMatcher(
        None, new, old, autojunk=False
    ).get_opcodes():
        if new_start <= at < new_end or (at == new_end == len(new)):
            if op == "equal":
                return Mark(mark.line, old_start + (at - new_start) + 1)
            return Mark(mark.line, old_start + 1)
    return Mark(mark.line, min(at, len(old)) + 1)
