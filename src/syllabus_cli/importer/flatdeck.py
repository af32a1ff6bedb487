"""Two shapes a slide deck takes when a document-sharing site flattens it into text.

- Pinyin ruby flattened into the text: the site shows each character's reading in
  brackets right after it (``营(yíng)销``, ``培（péi）训``). The reading is dropped; a
  bracket holding anything else (``(AI)``, ``(30分钟)``, ``(a)``) is kept.
- A flattened deck: the whole deck on one run-on line, its contents slide a run of
  section titles glued together beside ``目录`` / ``CONTENTS``, each section slide's title
  glued to its two-digit number (``市场现状分析01``). The line is written back out as the
  deck reads: the contents as a numbered list, each section a ``Part N`` heading with
  the text up to the next section's title below it (nothing lost).
"""

from __future__ import annotations

import re

# a syllable with a tone mark (a neutral-tone syllable has none and is left alone)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_RUBY = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff])[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}[)）]"
)
_MARKER = re.compile(r"目[录錄]|CONTENTS", re.IGNORECASE)
_LONGEST_TITLE = 40
_NOT_IN_TITLE = re.compile(r"[。，,；;！!？?\n]")  # a title never holds a sentence's punctuation
_MIN_SECTIONS = 3
_SPLIT = "\x00deck\x00"  # where the page's head ends and the deck's contents begin
# how far from its 目录 a contents run may reach: a hundred titles (bounds the work on a huge line)
_REACH = 100 * _LONGEST_TITLE


def drop_ruby(text: str) -> str:
    """The text without the pinyin a site printed after each character."""
    return _RUBY.sub("", text)


def unflatten_decks(text: str) -> str:
    """The text with a flattened deck line written out as its slides read. The page's
    other lines (the site's page around the deck: its notices, a comment box) are put
    before the deck's contents, so they stay in the course's notes and never end up
    under the deck's last section."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        deck = _unflatten(line)
        if deck != line:
            head, _, slides = deck.partition(_SPLIT)
            return "\n".join([*lines[:n], head, *lines[n + 1 :], slides])
    return text


def _title_before(line: str, start: int, at: int, low: int, high: int | None) -> int | None:
    """Where the longest text ending at `at` (after `start`) begins that is a piece of the
    contents run line[low:high] (high None: the run is all that comes before the piece)."""
    for j in range(max(start, at - _LONGEST_TITLE), at - 1):
        piece = line[j:at]
        if (
            piece.strip() == piece
            and not _NOT_IN_TITLE.search(piece)
            and not _MARKER.search(piece)
            and line.find(piece, low, j if high is None else high) >= 0
        ):
            return j
    return None


def _sections(line: str, marker: re.Match[str]) -> list[tuple[int, int, int]]:
    """(title start, number start, number end) of each section, in number order."""
    found: list[tuple[int, int, int]] = []
    low = max(0, marker.start() - _REACH)
    pos = marker.end()
    number = 1
    while number < 100:
        hit = None
        upto = len(line) if found else min(len(line), pos + _REACH)
        for m in re.finditer(rf"(?<!\d){number:02d}(?!\d)", line[pos:upto]):
            at = pos + m.start()
            high = None if not found else found[0][0]
            begin = _title_before(line, pos, at, low, high)
            if begin is not None and (found or _MARKER.search(line[low:begin])):
                hit = (begin, at, at + 2)
                break
        if hit is None:
            break
        found.append(hit)
        pos = hit[2]
        number += 1
    return found


def _unflatten(line: str) -> str:
    marker = _MARKER.search(line)
    if marker is None:
        return line
    sections = _sections(line, marker)
    if len(sections) < _MIN_SECTIONS:
        return line
    titles = [line[b:a] for b, a, _ in sections]
    head = line[: sections[0][0]]
    at = [head.find(t) for t in titles]
    placed = sorted((a, n) for n, a in enumerate(at) if a >= 0)
    cut = placed[0][0]
    rest: list[str] = []
    after = cut
    for a, n in placed:  # what lies between two titles in the contents run begins the next
        gap = _MARKER.split(head[after:a]) if a > after else [""]
        rest += [g for g in gap[:-1] if g.strip()]
        if gap[-1].strip() and not _NOT_IN_TITLE.search(gap[-1].strip()):
            titles[n] = gap[-1].strip() + titles[n]
        elif gap[-1].strip():
            rest.append(gap[-1])
        after = max(after, a + len(line[sections[n][0] : sections[n][1]]))
    # after the last title: the contents' later entries (a deck cut short shows no slides for them)
    later = [g.strip() for g in _MARKER.split(head[after:]) if g.strip()]
    more = [g for g in later if len(g) <= _LONGEST_TITLE and not _NOT_IN_TITLE.search(g)]
    rest += [g for g in later if g not in more]
    page = re.sub(rf"(?:{_MARKER.pattern})\s*$", "", head[:cut], flags=re.IGNORECASE)
    out = [page.strip(), _SPLIT, "目录"]  # the contents' own 目录 is the list's heading
    out += [f"{n}. {title}" for n, title in enumerate(titles + more, start=1)]
    out += [r.strip() for r in rest]  # whatever else the contents run held, kept
    for n, (title, (_, _, end)) in enumerate(zip(titles, sections, strict=True), start=1):
        upto = sections[n][0] if n < len(sections) else len(line)
        out += ["", f"Part {n} {title}", line[end:upto].strip()]
    out += [f"\nPart {n} {title}" for n, title in enumerate(more, start=len(titles) + 1)]
    return "\n".join(out)
