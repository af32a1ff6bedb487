"""Score ``syllabus import`` against a hand-read corpus of real course outlines (issue 22).

The outlines are third-party files, so they are not committed: they live in the folder
named by SYLLABUS_IMPORT_CORPUS (``files/<id>.<ext>``). What a person read in each one,
written before any importer ran on it, is committed beside this module in
``data/import_corpus/dev.yaml`` (rules may be tuned on these) and ``heldout.yaml`` (scored
once, at the end, by someone who did not write the rules).

The importer is run as a user runs it (``syllabus import FILE --out DIR --format json``,
then ``syllabus validate DIR --format json``), so the score does not depend on how the
importer is built inside. Measures, each a count of hits over what can be hit:

- titles: the course's title as published (or a TODO where the source names none);
- lengths found: a length the source states, read to the minute;
- lengths invented: a length set (or proposed) where the source states none, other than
  the sum a published timetable gives; the goal is zero;
- module counts: as many top-level modules as the source has;
- module minutes: each module time the source publishes (its own, or its sessions');
- language: ``zh`` or ``en`` as the outline is written;
- lines lost: every run of text of the source's lines is in the specs' data;
- specs failing validate: a spec with an error, where the source does not contradict itself.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MANIFESTS = Path(__file__).resolve().parent / "data" / "import_corpus"
PARTS = ("dev", "heldout")
GOALS = {  # issue 22, on the held-out third
    "titles": 0.90,
    "lengths found": 0.90,
    "module counts": 0.85,
    "module minutes": 0.80,
    "language": 1.00,
}


def corpus_dir() -> Path | None:
    """The folder the corpus files are in, or None when this machine has none."""
    named = os.environ.get("SYLLABUS_IMPORT_CORPUS")
    if not named:
        return None
    folder = Path(named)
    return folder if (folder / "files").is_dir() else None


def load_manifest(part: str) -> list[dict[str, Any]]:
    doc = yaml.safe_load((MANIFESTS / f"{part}.yaml").read_text(encoding="utf-8"))
    items: list[dict[str, Any]] = doc["items"]
    return items


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- what a person reads in a file -------------------------------------------------------


def source_text(path: Path) -> str | None:
    """The text of a corpus file, one published line per line; None when this machine
    cannot read the format (a reader library missing)."""
    ext = path.suffix.lower()
    if ext in (".txt", ".md", ".csv"):
        return path.read_text(encoding="utf-8")
    if ext in (".html", ".htm"):
        raw = path.read_text(encoding="utf-8")
        raw = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", raw)
        raw = re.sub(r"<[^>]+>", "\n", raw)
        return "\n".join(s for line in html.unescape(raw).splitlines() if (s := line.strip()))
    if ext == ".pdf":
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True
        )
        return done.stdout if done.returncode == 0 else None
    if ext == ".pptx":
        return _pptx_text(path)
    if ext == ".xlsx":
        return _xlsx_text(path)
    return None


def _pptx_text(path: Path) -> str | None:
    try:
        from pptx import Presentation  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    lines: list[str] = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for para in shape.text_frame.paragraphs:
                    text = "".join(run.text for run in para.runs)
                    if text.strip():
                        lines.append(text)
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        lines += [s for s in cell.text.splitlines() if s.strip()]
    return "\n".join(lines)


def _xlsx_text(path: Path) -> str | None:
    try:
        import openpyxl  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    lines: list[str] = []
    book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                if cell is not None:
                    lines += [s for s in str(cell).splitlines() if s.strip()]
    return "\n".join(lines)


# --- comparing what the importer wrote with what a person read ---------------------------

_PUNCT = re.compile(r"[\s《》<>“”\"'‘’·:：()（）\[\]【】,，.。、;；!！?？\-–—_*`|/]+")


# a pinyin reading a document site set after a character (產(chǎn)品): page furniture, not
# the outline's words, whichever way the importer treats it
_RUBY = re.compile(
    r"(?<=[\u3400-\u9fff])[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*\s*[)）]"
)


# pictographs a page decorates its lines with (🔥 · 📎 · ⏰): decoration, not words
_PICTOGRAPHS = re.compile(
    r"[\U0001F000-\U0001FAFF\u23E9-\u23FF\u2614\u2615\u26A0-\u26FF\u2700-\u2705\u270A-\u270D\u2B50\u2B55\uFE0F\u200D]+"
)


def norm(text: str) -> str:
    text = _PICTOGRAPHS.sub("", _RUBY.sub("", text))
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()


def is_todo(value: Any) -> bool:
    return (
        value is None or str(value).strip() == "" or str(value).strip().upper().startswith("TODO")
    )


_HOURS_WORD = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:学时|课时|學時|課時)\s*$")


def minutes_of(value: Any) -> int | None:
    """A duration written in a spec, in minutes; None when it is unset, a TODO or
    unreadable. 学时/课时 count as hours when the project's parser does not know them yet."""
    if is_todo(value) or isinstance(value, (dict, list)):
        return None
    from syllabus_cli.duration import DurationError, parse_duration

    try:
        return parse_duration(str(value)).minutes
    except DurationError:
        said = _HOURS_WORD.match(str(value))
        return round(float(said.group(1)) * 60) if said else None


def effective_minutes(node: dict[str, Any]) -> int | None:
    """A block's own duration, else the sum of its children's when every child has one."""
    own = minutes_of(node.get("duration"))
    if own is not None:
        return own
    children = [c for c in node.get("sections") or [] if isinstance(c, dict)]
    if not children:
        return None
    times = [effective_minutes(c) for c in children]
    return sum(t for t in times if t is not None) if all(t is not None for t in times) else None


def top_modules(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The spec's modules, a placeholder whose title is a TODO aside (no outline found)."""
    return [
        m for m in spec.get("modules") or [] if isinstance(m, dict) and not is_todo(m.get("title"))
    ]


_MARKER = re.compile(
    r"^\s*(?:#{1,6}\s*|[-*+>·•●★■◆▪|]\s*|\d+(?:\.\d+)*[.、．)]?\s*|[（(]\d+[)）]\s*"
    r"|[一二三四五六七八九十]+[、.．]\s*|第[一二三四五六七八九十百零〇\d]+[章讲講节節篇]\s*)+"
)
_SEGMENT = re.compile(
    r"[^\s,，.。;；:：、!！?？()（）\[\]【】《》“”\"'|/\\—\-_*`=<>+~#@$%^&{}·…●★→↑–]+"
)


# a label's text becomes the key it fills (课程背景: -> background:), so it is not lost
_LABEL_WORDS = (
    "课程背景 课程收益 课程目标 课程对象 授课对象 培训对象 参加对象 适用对象 课程时长 培训时长 "
    "课程时间 培训时间 课程大纲 课程内容 课程名称 课程简介 课程特色 授课方式 授课形式 讲师 授课讲师 "
    "培训讲师 讲师介绍 讲师背景 主讲老师 授课教师 主讲教师 授课老师 学时 课时 总学时 对象 目标 时间 时长 "
    "地点 内容 模块 大纲 講師 授課講師 培訓講師 主講老師 課程背景 課程收益 課程目標 課程對象 授課對象 "
    "培訓對象 參加對象 適用對象 課程時長 培訓時長 課程時間 培訓時間 課程大綱 課程內容 課程名稱 課程簡介 "
    "講師背景 講師介紹 "
    "目录 案例 工具 练习 作业 阶段任务 教学内容 教学目标 教学方法 考核方式 参考书目 "
    "instructor trainer duration audience objectives agenda schedule time topic session "
    "sessions activity title length format outline contents module modules day when who what"
)
LABELS = {norm(w) for w in _LABEL_WORDS.split()}


def lost_text(source: str, data: str) -> list[str]:
    """Runs of two or more characters from the source's lines that are nowhere in the
    specs' data. Pure numbers are not counted (numbering is the outline's shape, and clock
    times become durations), nor label words (a label becomes the key it fills), nor a
    page's decorating pictographs."""
    haystack = unicodedata.normalize("NFKC", data).lower()
    missing: list[str] = []
    for line in source.splitlines():
        line = _MARKER.sub(
            "", unicodedata.normalize("NFKC", _PICTOGRAPHS.sub(" ", _RUBY.sub("", line)))
        )
        for seg in _SEGMENT.findall(line):
            seg = seg.lower()
            if len(seg) < 2 or seg.isdigit() or seg in haystack or norm(seg) in LABELS:
                continue
            missing.append(seg)
    return missing


def data_text(node: Any) -> str:
    """Every string value of a spec (keys aside), as one text."""
    if isinstance(node, dict):
        return "\n".join(data_text(v) for v in node.values())
    if isinstance(node, list):
        return "\n".join(data_text(v) for v in node)
    return "" if node is None else str(node)


# --- one item --------------------------------------------------------------------------


@dataclass
class Tally:
    hit: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        if ok:
            self.hit += 1
        else:
            self.misses.append(what)


MEASURES = (
    "titles",
    "lengths found",
    "lengths invented",
    "module counts",
    "module minutes",
    "language",
    "lines lost",
    "specs failing validate",
)


@dataclass
class Imported:
    """What ``syllabus import`` did with one file."""

    exit_code: int
    report: dict[str, Any] | None
    specs: list[dict[str, Any]]
    spec_files: list[Path]
    stderr: str


def run_import(
    syllabus: list[str], source: Path, out: Path, extra: tuple[str, ...] = ()
) -> Imported:
    try:
        done = subprocess.run(
            [*syllabus, "import", str(source), "--out", str(out), "--format", "json", *extra],
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        return Imported(-1, None, [], [], "import ran over 120 s (a hang)")
    try:
        report = json.loads(done.stdout) if done.stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    files: list[Path] = []
    if report:
        files = [Path(c["file"]) for c in report.get("courses", []) if c.get("file")]
    files = [f if f.is_absolute() else Path.cwd() / f for f in files]
    specs = []
    for f in files:
        loaded = yaml.safe_load(f.read_text(encoding="utf-8")) if f.is_file() else None
        specs.append(loaded if isinstance(loaded, dict) else {})
    return Imported(done.returncode, report, specs, files, done.stderr.strip())


def validate_errors(syllabus: list[str], files: list[Path]) -> dict[str, list[str]]:
    """Error codes per spec file, from ``syllabus validate --format json``."""
    if not files:
        return {}
    try:
        done = subprocess.run(
            [*syllabus, "validate", *map(str, files), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        return {str(f.resolve()): ["validate ran over 120 s"] for f in files}
    try:
        doc = json.loads(done.stdout)
    except json.JSONDecodeError:
        return {str(f): [f"validate said: {done.stderr.strip()[:200]}"] for f in files}
    errors: dict[str, list[str]] = {}
    for course in doc.get("courses", []):
        path = str(Path(course.get("path", "")).resolve())
        errors[path] = [e.get("code", "?") for e in course.get("errors", [])]
    return errors


def _match(truth: list[dict[str, Any]], specs: list[dict[str, Any]]) -> list[int | None]:
    """For each course a person read, the index of the spec that stands for it: the same
    title when one matches, else the next spec in order."""
    taken: set[int] = set()
    picks: list[int | None] = []
    for course in truth:
        names = {norm(t) for t in course["title"] + course.get("title_also", [])}
        pick = next(
            (
                i
                for i, s in enumerate(specs)
                if i not in taken and norm(str(s.get("title", ""))) in names
            ),
            None,
        )
        if pick is None:
            pick = next((i for i in range(len(specs)) if i not in taken), None)
        if pick is not None:
            taken.add(pick)
        picks.append(pick)
    return picks


def _module_pairs(
    want: list[dict[str, Any]], got: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    if len(want) == len(got):
        return list(zip(want, got, strict=True))

    def same(a: str, b: str) -> bool:
        return bool(a and b) and (a in b or b in a)

    return [
        (w, next((g for g in got if same(norm(w["title"]), norm(str(g.get("title", ""))))), None))
        for w in want
    ]


# how a trainer names a module's line: its number as the page writes it (第一天 · Day 1 ·
# 模块一 · 1.2 · 一、), else the start of its name
_NAMED = re.compile(
    r"^(第\s*\S+?[章节讲天日周课单元部分模块篇阶段]|(?:module|day|week|session|lesson|unit|part|"
    r"chapter|lecture)\s*\d+|[\d.]+|[一二三四五六七八九十]+、)",
    re.I,
)


def trainer_example(item: dict[str, Any]) -> str | None:
    """What a trainer reviewing the import would name as one module: the start of the
    first module a person read on the page."""
    courses = [c for c in item["truth"]["courses"] if c["modules"]]
    if not courses:
        return None
    title = str(courses[0]["modules"][0]["title"])
    found = _NAMED.match(title)
    return found.group(1) if found else title[:8]


def _counts_right(item: dict[str, Any], done: Imported) -> bool:
    truth = item["truth"]["courses"]
    picks = _match(truth, done.specs)
    return all(
        pick is not None and len(top_modules(done.specs[pick])) == course["module_count"]
        for course, pick in zip(truth, picks, strict=True)
    )


def score_item(
    item: dict[str, Any], corpus: Path, syllabus: list[str], work: Path, reviewed: bool = False
) -> dict[str, Tally]:
    """``reviewed``: the import as a trainer leaves it after one look in the preview. When
    the modules first read are not the page's, the trainer names the first one (import
    --modules-like) and keeps that reading when its modules are the page's."""
    tallies = {m: Tally() for m in MEASURES}
    source = corpus / "files" / item["file"]
    name = item["id"]
    out = work / name
    done = run_import(syllabus, source, out)
    example = trainer_example(item) if reviewed else None
    if example is not None and done.specs and not _counts_right(item, done):
        again = run_import(syllabus, source, work / f"{name}-named", ("--modules-like", example))
        if again.specs and _counts_right(
            item, again
        ):  # else kept as first read (and mended by hand)
            done = again
    truth = item["truth"]["courses"]
    if done.report is None or not done.specs:
        said = done.stderr.splitlines()[-1] if done.stderr else f"exit {done.exit_code}"
        for course in truth:
            for m in ("titles", "module counts", "language"):
                tallies[m].add(False, f"{name}: not imported ({said})")
            if course.get("length_minutes") is not None:  # nothing written, nothing invented
                tallies["lengths found"].add(False, f"{name}: not imported")
            for mod in course["modules"]:
                if mod["minutes"] is not None:
                    tallies["module minutes"].add(False, f"{name}: not imported")
        if item.get("lines_check", True):
            tallies["lines lost"].add(False, f"{name}: not imported")
        return tallies
    rows = done.report.get("courses", [])
    picks = _match(truth, done.specs)
    for course, pick in zip(truth, picks, strict=True):
        spec = done.specs[pick] if pick is not None else {}
        row = rows[pick] if pick is not None and pick < len(rows) else {}
        where = f"{name}/{done.spec_files[pick].name}" if pick is not None else f"{name}: no spec"
        title = spec.get("title")
        if course["title"]:
            ok = not is_todo(title) and norm(str(title)) in {norm(t) for t in course["title"]}
        else:
            ok = is_todo(title) or norm(str(title)) in {
                norm(t) for t in course.get("title_also", [])
            }
        tallies["titles"].add(ok, f"{where}: title {title!r}, read {course['title'] or 'none'}")
        got = minutes_of(spec.get("duration"))
        status = ((row.get("fields") or {}).get("length") or {}).get("status")
        if course.get("length_minutes") is not None:
            accepted = {course["length_minutes"], *course.get("length_also", [])}
            tallies["lengths found"].add(
                got in accepted,
                f"{where}: duration {spec.get('duration')!r} = {got}, read {course.get('length', course['length_minutes'])}",
            )
        else:
            derived = course.get("derived_length_minutes")
            invented = (got is not None and got != derived) or status == "guessed"
            tallies["lengths invented"].add(
                not invented,
                f"{where}: invented duration {spec.get('duration')!r} ({status}), none published"
                + (f" (timetable sums to {derived})" if derived else ""),
            )
        modules = top_modules(spec)
        tallies["module counts"].add(
            len(modules) == course["module_count"],
            f"{where}: {len(modules)} modules {[m.get('title') for m in modules]}, read {course['module_count']}",
        )
        for want, found in _module_pairs(course["modules"], modules):
            if want["minutes"] is None:
                continue
            have = effective_minutes(found) if found is not None else None
            tallies["module minutes"].add(
                have == want["minutes"],
                f"{where}: module {want['title']!r} has {have}, read {want['minutes']}",
            )
        language = spec.get("language", "zh")
        tallies["language"].add(
            language == course["language"],
            f"{where}: language {language}, read {course['language']}",
        )
    extra = len(done.specs) - len([p for p in picks if p is not None])
    if extra > 0:
        tallies["titles"].misses.append(f"{name}: {extra} more spec(s) than courses read")
    if item.get("lines_check", True):
        text = source_text(source)
        if text is not None and item.get("lines"):  # the outline, page furniture aside
            first, last = item["lines"]
            text = "\n".join(text.splitlines()[first - 1 : last])
        if text is None:  # not counted: this machine has no reader for the format
            tallies["lines lost"].misses.append(f"{name}: not measured, no reader here")
        else:
            lost = lost_text(text, data_text(done.specs))
            tallies["lines lost"].add(not lost, f"{name}: {len(lost)} runs lost, e.g. {lost[:6]}")
    errors = validate_errors(syllabus, done.spec_files)
    for course, pick in zip(truth, picks, strict=True):
        if pick is None or course["contradicts"]:
            continue
        codes = errors.get(str(done.spec_files[pick].resolve()), [])
        tallies["specs failing validate"].add(
            not codes, f"{name}/{done.spec_files[pick].name}: validate errors {codes}"
        )
    return tallies


def score_part(
    part: str,
    corpus: Path,
    syllabus: list[str],
    work: Path,
    only: Iterable[str] = (),
    per_item: dict[str, dict[str, Tally]] | None = None,
    reviewed: bool = False,
) -> dict[str, Tally]:
    """The part's tallies; ``per_item`` (when given) receives each item's own."""
    wanted = set(only)
    total = {m: Tally() for m in MEASURES}
    for item in load_manifest(part):
        if wanted and item["id"] not in wanted:
            continue
        scored = score_item(item, corpus, syllabus, work, reviewed)
        if per_item is not None:
            per_item[f"{item['id']} {item['format']}"] = scored
        for measure, tally in scored.items():
            total[measure].hit += tally.hit
            total[measure].total += tally.total
            total[measure].misses += tally.misses
    return total


def item_rows(per_item: dict[str, dict[str, Tally]]) -> str:
    """One line per file: hits / cases for each measure, '-' where it has none (for
    invented lengths, lines and validate a hit is a clean case)."""
    heads = ["title", "len", "invent", "count", "minutes", "lang", "lines", "valid"]
    lines = ["  " + f"{'file':<10}" + "".join(f"{h:>9}" for h in heads)]
    for name, tallies in per_item.items():
        cells = [f"{t.hit}/{t.total}" if t.total else "-" for t in tallies.values()]
        lines.append("  " + f"{name:<10}" + "".join(f"{c:>9}" for c in cells))
    return "\n".join(lines)


def table(part: str, tallies: dict[str, Tally]) -> str:
    """The per-measure table, plain text (a pipe or a terminal alike)."""
    lines = [f"import corpus, {part}: measure, hits / cases, rate, goal"]
    for measure in MEASURES:
        t = tallies[measure]
        rate = f"{t.hit / t.total:.0%}" if t.total else "-"
        if measure == "lengths invented":
            rate = f"{(t.total - t.hit) / t.total:.0%}" if t.total else "-"
            shown, goal = f"{t.total - t.hit} invented / {t.total}", "0 invented"
        elif measure == "lines lost":
            shown, goal = f"{t.hit} files whole / {t.total}", "no line lost"
        elif measure == "specs failing validate":
            rate = f"{(t.total - t.hit) / t.total:.0%}" if t.total else "-"
            shown, goal = f"{t.total - t.hit} failing / {t.total}", "0 failing"
        else:
            shown, goal = f"{t.hit} / {t.total}", f">= {GOALS[measure]:.0%}"
        lines.append(f"  {measure:<24} {shown:<24} {rate:>5}   goal {goal}")
    return "\n".join(lines)


def default_syllabus() -> list[str]:
    beside = Path(sys.executable).parent / "syllabus"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "syllabus_cli"]
