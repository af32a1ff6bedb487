"""The delivery kit of a pack: which documents, for whom, with what in them. Pure data.

``kit:`` names the documents (or ``all``); ``roster:`` the participants' sheet
(``pack/roster.py`` reads it); ``evaluation_url:`` an online form the printed one points
to with a QR code; ``kit_in_zip:`` whether the client's zip carries the kit too (by
default not: the kit is for the delivery, not the sale).

From a checked course and its agenda, ``kit_course`` makes the one value every kit
document of that course is drawn from (``render/kit_values.KitCourse``): the run
sheet's rows with the instructor's notes, the day's checklist, the workbook's blocks
without them, the people with certificate numbers that do not move when the roster is
reordered or grows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..agenda.layout import LUNCH, SESSION, Agenda
from ..i18n import Listing, msg
from ..load import YEntry, YScalar, YSeq
from ..paths import written_path
from ..problems import Mark
from ..render.kit_values import KitBlock, KitCourse, KitDay, KitPerson, KitSession, aside
from ..spec.model import Course, Node
from ..spec.read import Reader
from ..spec.training_plan import Evaluation, Plan
from ..timing.rules import TimedNode, Timing
from .roster import SUFFIXES, Person

DOCUMENTS = ("signin", "evaluation", "workbook", "certificates", "runsheet")
DEFAULT_SEATS = 30
MAX_URL = 1000  # characters: a QR code a phone still reads at A4 size (segno's limit is ~2,300)
REACTION = ("反应", "reaction", "level 1", "一级", "l1")


@dataclass(frozen=True)
class KitSettings:
    documents: tuple[str, ...] = ()
    roster: Path | None = None
    roster_mark: Mark = field(default_factory=Mark)
    evaluation_url: str = ""
    in_zip: bool = False

    def __bool__(self) -> bool:
        return bool(self.documents)


def read_kit(reader: Reader, known: dict[str, YEntry], base: Path) -> KitSettings:
    """The pack's kit keys; what is wrong is a problem at its value."""
    documents: tuple[str, ...] = ()
    if "kit" in known:
        documents = _documents(reader, known["kit"])
    roster, roster_mark = None, Mark()
    if "roster" in known:
        value = known["roster"].value
        roster_mark = value.mark
        if isinstance(value, YScalar) and isinstance(value.value, str) and value.value.strip():
            ref = value.value.strip()
            path = written_path(base, ref)
            if not path.is_file():
                reader.add(value.mark, "file-missing", msg("kit.roster-missing", ref=ref))
            elif path.suffix.lower() not in SUFFIXES:
                reader.add(value.mark, "roster-file", msg("roster.format", suffix=path.suffix))
            else:
                roster = path
        else:
            reader.wrong_type(value, "roster", "a path to an .xlsx or .csv file")
    url = ""
    if "evaluation_url" in known:
        url = reader.text(known["evaluation_url"])
        mark = known["evaluation_url"].value.mark
        if url and not url.lower().startswith(("https://", "http://")):
            shown = url if len(url) <= 60 else f"{url[:60]}…"
            reader.add(mark, "kit", msg("kit.url", text=shown))
            url = ""
        elif len(url) > MAX_URL:
            reader.add(mark, "kit", msg("kit.url-long", length=len(url), limit=MAX_URL))
            url = ""
    in_zip = reader.boolean(known.get("kit_in_zip"), default=False)
    if roster is not None and not documents:
        reader.add(roster_mark, "kit", msg("kit.roster-without-kit"))
    return KitSettings(documents, roster, roster_mark, url, in_zip)


def _documents(reader: Reader, entry: YEntry) -> tuple[str, ...]:
    value = entry.value
    known = Listing(DOCUMENTS)
    if isinstance(value, YScalar) and value.value == "all":
        return DOCUMENTS
    if not isinstance(value, YSeq):
        reader.add(value.mark, "kit", msg("kit.type", known=known))
        return ()
    chosen: list[str] = []
    for item in value.items:
        name = item.value if isinstance(item, YScalar) else None
        if isinstance(name, str) and name.strip().lower() in DOCUMENTS:
            if name.strip().lower() not in chosen:
                chosen.append(name.strip().lower())
        else:
            reader.add(item.mark, "kit", msg("kit.unknown", name=str(name), known=known))
    return tuple(d for d in DOCUMENTS if d in chosen)  # the kit's order, whatever was written


def certificate_number(
    pack_id: str, course_id: str, person: Person, variant: str | None = None
) -> str:
    """The same person on the same course of the same pack gets the same number, on any
    row of any version of the roster: a hash of who, not of where. A course's variants
    are courses of their own (one pack may deliver the full day and the half day)."""
    course = f"{course_id}\n{variant}" if variant else course_id
    digest = hashlib.sha256(f"{pack_id}\n{course}\n{person.identity}".encode()).hexdigest()
    number = int(digest[:15], 16) % 10**12
    text = f"{number:012d}"
    return f"{text[:4]}-{text[4:8]}-{text[8:]}"


def reaction_methods(plan: Plan | None, language: str) -> tuple[str, ...]:
    """The plan's evaluation methods at the reaction level (what a questionnaire on the
    day measures), each as one line: ``课程满意度问卷（课后当天）``."""
    if plan is None:
        return ()
    return tuple(_method_line(e, language) for e in plan.evaluation if _is_reaction(e))


def _is_reaction(item: Evaluation) -> bool:
    level = item.level.strip().lower()
    if level:
        return any(word in level for word in REACTION)
    method = item.method.lower()
    return any(word in method for word in ("满意", "问卷", "satisfaction", "survey", "feedback"))


def _method_line(item: Evaluation, language: str) -> str:
    return (item.method or item.level) + aside(item.when, language)


@dataclass(frozen=True)
class _Session:
    node: TimedNode
    ancestors: tuple[Node, ...]  # module first


def _sessions(timing: Timing) -> list[_Session]:
    """``timing.sessions()`` with the blocks each sits in."""
    out: list[_Session] = []

    def visit(node: TimedNode, above: tuple[Node, ...]) -> None:
        if node.children and all(c.minutes is not None for c in node.children):
            for child in node.children:
                visit(child, (*above, node.node))
        elif node.minutes is not None:
            out.append(_Session(node, above))

    for module in timing.modules:
        visit(module, ())
    return out


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


def _instructor_text(node: Node) -> list[str]:
    return [text for text in (node.notes, node.facilitator) if text]


def run_sheet(
    agenda: Agenda, timing: Timing, equipment: tuple[str, ...] = ()
) -> tuple[KitDay, ...]:
    """The agenda's days as the instructor runs them: every slot with its clock times,
    the day's teaching minutes so far, the tools it needs and the instructor's notes
    (a block's own, and those of the module or section it opens); each day's checklist
    is ``equipment`` (the plan's equipment and materials) and the day's tools."""
    sessions = _sessions(timing)
    index = -1
    opened: set[int] = set()  # ids of the blocks whose first session is already shown
    days: list[KitDay] = []
    for day in agenda.days:
        rows: list[KitSession] = []
        taught = 0
        checklist: list[str] = list(equipment)
        for slot in day.slots:
            if slot.kind != SESSION:
                rows.append(KitSession(slot.start, slot.end, slot.kind, slot.title))
                continue
            taught += slot.minutes
            first = slot.part in (None, 1)
            if first:
                index += 1
                while index < len(sessions) - 1 and sessions[index].node.title != slot.title:
                    index += 1  # a session the layout left out (no minutes)
            current = sessions[index] if 0 <= index < len(sessions) else None
            materials: list[str] = []
            notes: list[str] = []
            if current is not None:
                for block in (*current.ancestors, current.node.node):
                    inside = block is current.node.node
                    if not inside and id(block) in opened:
                        continue
                    opened.add(id(block))
                    for node in _walk(block) if inside else (block,):
                        materials += node.tools
                        if first:
                            notes += _instructor_text(node)
            rows.append(
                KitSession(
                    slot.start,
                    slot.end,
                    slot.kind,
                    slot.title,
                    slot.part,
                    slot.format,
                    taught,
                    tuple(dict.fromkeys(materials)),
                    tuple(notes),
                )
            )
            checklist += materials
        half = not any(s.kind == LUNCH for s in day.slots)
        days.append(
            KitDay(day.number, day.date, tuple(rows), tuple(dict.fromkeys(checklist)), half)
        )
    return tuple(days)


def workbook_blocks(timing: Timing) -> tuple[KitBlock, ...]:
    """Every module and section, in outline order, with what participants see of it."""
    out: list[KitBlock] = []

    def visit(node: TimedNode, depth: int) -> None:
        n = node.node
        out.append(KitBlock(n.title, depth, node.minutes, n.points, n.cases, n.tools, n.exercises))
        for child in node.children:
            visit(child, depth + 1)

    for module in timing.modules:
        visit(module, 1)
    return tuple(out)


@dataclass(frozen=True)
class KitPack:
    """What the pack adds to every course's kit."""

    id: str
    title: str
    client: str
    language: str | None = None
    instructor: str = ""
    supplier: str = ""
    plan: Plan | None = None
    url: str = ""
    template: Path | None = None


def kit_course(
    pack: KitPack,
    course: Course,
    timing: Timing,
    agenda: Agenda,
    people: tuple[Person, ...] = (),
    variant: str | None = None,
) -> KitCourse:
    """One course's kit, from the pack, the checked course, its agenda as delivered
    and the roster."""
    language = course.language
    resources = pack.plan.resources if pack.plan else None
    equipment = (*resources.equipment, *resources.materials) if resources else ()
    instructor = pack.instructor or (course.instructor.name if course.instructor else "")
    return KitCourse(
        language=language,
        project=pack.title,
        client=pack.client,
        title=course.title,
        subtitle=course.subtitle,
        instructor=instructor,
        supplier=pack.supplier or instructor,
        venue=resources.venue if resources else "",
        minutes=agenda.teaching_minutes,
        days=run_sheet(agenda, timing, equipment),
        blocks=workbook_blocks(timing),
        people=tuple(
            KitPerson(p.name, p.department, certificate_number(pack.id, course.file_id, p, variant))
            for p in people
        ),
        seats=(resources.participants if resources and resources.participants else DEFAULT_SEATS),
        evaluation=reaction_methods(pack.plan, language),
        evaluation_url=pack.url,
        template=pack.template or course.template,
        variant=variant or "",
    )
