"""For random outlines and schedules: sessions never overlap a pause, keep outline order,
and add up to the course's minutes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from syllabus_cli.agenda.layout import SESSION, SessionIn, layout
from syllabus_cli.agenda.settings import merge
from syllabus_cli.spec.model import Schedule, Window


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    start = draw(st.integers(7 * 60, 10 * 60))
    lunch_start = draw(st.integers(11 * 60 + 30, 12 * 60 + 30))
    lunch = Window(lunch_start, lunch_start + draw(st.integers(30, 90)))
    morning = draw(st.integers(start + 30, lunch_start - 20))
    afternoon = draw(st.integers(lunch.end + 30, lunch.end + 180))
    breaks = (Window(morning, morning + 15), Window(afternoon, afternoon + 15))
    return Schedule(start=start, lunch=lunch, breaks=breaks, latest_end=23 * 60)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(5, 200), st.booleans()), min_size=1, max_size=12),
    schedules(),
    st.integers(120, 480),
)
def test_sessions_avoid_pauses_keep_order_and_add_up(
    blocks: list[tuple[int, bool]], schedule: Schedule, quota: int
) -> None:
    sessions = [SessionIn(f"s{i}", minutes, split) for i, (minutes, split) in enumerate(blocks)]
    day_settings = merge(schedule)
    agenda = layout("c", sessions, day_settings, quota)
    pauses = [w for w, _ in day_settings.pauses()]
    seen: list[str] = []
    for day in agenda.days:
        ends = [s.end for s in day.slots]
        starts = [s.start for s in day.slots]
        assert all(e <= s for e, s in zip(ends, starts[1:], strict=False)), "slots overlap"
        for slot in day.slots:
            if slot.kind != SESSION:
                continue
            assert not any(slot.start < p.end and p.start < slot.end for p in pauses), (
                "session over a pause"
            )
            if not seen or seen[-1] != slot.title:
                seen.append(slot.title)
    assert seen == [s.title for s in sessions]  # outline order, each session contiguous
    assert agenda.teaching_minutes == sum(m for m, _ in blocks)
    for day in agenda.days:  # no hole: a pause starts where teaching stopped
        assert all(a.end == b.start for a, b in zip(day.slots, day.slots[1:], strict=False))
    stubs = {s.title for d in agenda.days for s in d.slots if s.part and s.minutes < 20}
    warned = {
        p.message.split("'")[1]
        for p in agenda.problems
        if p.code in ("short-part-kept", "short-last-part")
    }
    assert stubs <= warned, "a part under min_part without a warning"
