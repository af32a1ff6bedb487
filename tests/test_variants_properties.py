"""For random outlines with random ``only:`` marks and durations per variant: each
variant validates on its own, and its agenda teaches exactly that variant's minutes,
in exactly its blocks."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from syllabus_cli.agenda.from_course import plan_agenda
from syllabus_cli.agenda.layout import SESSION
from syllabus_cli.check import check_variants
from syllabus_cli.load import parse_text
from syllabus_cli.problems import Level

NAMES = ["一天", "半天", "两天", "精华版"]


@dataclass(frozen=True)
class Block:
    title: str
    minutes: dict[str, int]  # per variant (the same for all when written as one)
    per_variant: bool  # written as a mapping
    only: tuple[str, ...]  # () for every variant
    sections: int  # 0, or how many timed sections split it

    def duration(self, minutes: dict[str, int]) -> str:
        if not self.per_variant:
            return f"{next(iter(minutes.values()))}min"
        return "{" + ", ".join(f"{v}: {m}min" for v, m in minutes.items()) + "}"

    def parts(self) -> list[dict[str, int]]:
        """Each section's minutes per variant: the block's minutes split in ``sections``."""
        out: list[dict[str, int]] = [{} for _ in range(self.sections)]
        for variant, total in self.minutes.items():
            base, extra = divmod(total, self.sections)
            for i, part in enumerate(out):
                part[variant] = base + (1 if i < extra else 0)
        return out


@st.composite
def outlines(draw: st.DrawFn) -> tuple[list[str], list[Block]]:
    variants = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=4, unique=True))
    blocks = []
    for i in range(draw(st.integers(1, 6))):
        per_variant = draw(st.booleans())
        sections = draw(st.sampled_from([0, 0, 2, 3]))
        low = max(sections, 5)
        if per_variant:
            minutes = {v: draw(st.integers(low, 150)) for v in variants}
        else:
            same = draw(st.integers(low, 150))
            minutes = dict.fromkeys(variants, same)
        only = tuple(draw(st.lists(st.sampled_from(variants), unique=True, max_size=2)))
        blocks.append(Block(f"模块{i + 1}", minutes, per_variant, only, sections))
    return variants, blocks


def spec(variants: list[str], blocks: list[Block]) -> str:
    lines = [
        "title: 随机课程",
        f"variants: [{', '.join(variants)}]",
        "duration: {" + ", ".join(f"{v}: {taught(v, blocks) or 60}min" for v in variants) + "}",
        'schedule: {latest_end: "23:30"}',
        "modules:",
    ]
    for block in blocks:
        lines += [f"  - title: {block.title}", f"    duration: {block.duration(block.minutes)}"]
        if block.only:
            lines.append(f"    only: [{', '.join(block.only)}]")
        if block.sections:
            lines.append("    sections:")
            for j, part in enumerate(block.parts(), start=1):
                lines += [
                    f"      - title: {block.title}.{j}",
                    f"        duration: {block.duration(part)}",
                ]
    return "\n".join(lines) + "\n"


def in_variant(block: Block, variant: str) -> bool:
    return not block.only or variant in block.only


def taught(variant: str, blocks: list[Block]) -> int:
    return sum(b.minutes[variant] for b in blocks if in_variant(b, variant))


def sessions(variant: str, blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if in_variant(block, variant):
            titles = [f"{block.title}.{j}" for j in range(1, block.sections + 1)]
            out += titles or [block.title]
    return out


@settings(max_examples=150, deadline=None)
@given(outlines())
def test_each_variants_agenda_teaches_exactly_its_minutes(
    outline: tuple[list[str], list[Block]],
) -> None:
    variants, blocks = outline
    results = check_variants(parse_text(spec(variants, blocks)))
    assert [r.variant for r in results] == variants
    for result in results:
        variant = result.variant
        assert variant is not None
        errors = [(p.code, p.message) for p in result.problems if p.level is Level.ERROR]
        if not sessions(variant, blocks):
            assert [code for code, _ in errors] == ["variant-empty"]
            continue
        assert errors == []
        assert result.course is not None and result.timing is not None
        agenda = plan_agenda(result.course, result.timing)
        slots = [s for day in agenda.days for s in day.slots if s.kind == SESSION]
        assert sum(s.end - s.start for s in slots) == taught(variant, blocks)
        shown = [s.title for i, s in enumerate(slots) if i == 0 or slots[i - 1].title != s.title]
        assert shown == sessions(variant, blocks)
