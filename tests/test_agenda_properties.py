"""For random outlines and schedules: sessions never overlap a pause, keep outline order,
and add up to the course's minutes; a pause that gives way to the outline keeps its
length and stays inside its float window; pinned pauses (float: 0) keep their times."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from syllabus_cli.agenda.layout import SESSION, SessionIn, layout
from syllabus_cli.agenda.settings import merge
from syllabus_cli.spec.model import Schedule, Window


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    return _schedule(draw, draw(st.sampled_from([None, 0, 15, 30])))


def _schedule(draw: st.DrawFn, float_minutes: int | None) -> Schedule:
    start = draw(st.integers(7 * 60, 10 * 60))
    lunch_start = draw(st.integers(11 * 60 + 30, 12 * 60 + 30))
    lunch = Window(lunch_start, lunch_start + draw(st.integers(30, 90)))
    morning = draw(st.integers(start + 30, lunch_start - 20))
    afternoon = draw(st.integers(lunch.end + 30, lunch.end + 180))
    breaks = (Window(morning, morning + 15), Window(afternoon, afternoon + 15))
    return Schedule(
        start=start, lunch=lunch, breaks=breaks, latest_end=23 * 60, float=float_minutes
    )


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
    pauses = day_settings.pauses()
    pinned = day_settings.float == 0
    seen: list[str] = []
    for day in agenda.days:
        ends = [s.end for s in day.slots]
        starts = [s.start for s in day.slots]
        assert all(e <= s for e, s in zip(ends, starts[1:], strict=False)), "slots overlap"
        for slot in day.slots:
            if slot.kind != SESSION:
                assert any(_placed(slot, w, kind, day_settings) for w, kind in pauses), slot
                continue
            if pinned:
                assert not any(slot.start < w.end and w.start < slot.end for w, _ in pauses), (
                    "session over a pinned pause"
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


def _placed(slot: object, window: Window, kind: str, day_settings: object) -> bool:
    """A pause slot is its set pause: at its set end (it may start early where
    teaching stopped), or moved whole to a boundary inside its float window."""
    from syllabus_cli.agenda.settings import float_window

    if getattr(slot, "kind", None) != kind:
        return False
    start, end = slot.start, slot.end  # type: ignore[attr-defined]
    if end == window.end and start <= window.start:
        return True
    low, high = float_window(window, kind, day_settings)  # type: ignore[arg-type]
    return end - start == window.minutes and low <= start <= high
