"""The day-of re-plan (issue 14): late sessions push what follows, a sick nurse moves the
sessions she cannot cover, nothing is dropped, and every proposal keeps the chair, patient
and nurse invariants (checked with nurse_capacity's own load and duty curves)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.day_replan import (
    CHAIR,
    LATE,
    NURSE,
    DayReplan,
    DaySession,
    plan_day,
)
from clinic_app.domain.nurse_capacity import DayLoad, DayRota, NurseShift

H = 60
CHAIRS = ("Chair 1", "Chair 2")


def sess(
    sid: int,
    chair: str,
    start: int,
    minutes: int = 60,
    *,
    patient: int | None = None,
    movable: bool = True,
    late: int = 0,
) -> DaySession:
    return DaySession(sid, patient or sid, chair, start, start + minutes, 10, 5, movable, late)


def rota(*shifts: tuple[int, int], ratio: int = 4) -> DayRota:
    return DayRota(
        tuple(NurseShift(i + 1, f"N{i + 1}", a, b) for i, (a, b) in enumerate(shifts)), ratio
    )


def test_a_day_that_still_fits_moves_nothing() -> None:
    day = [sess(1, "Chair 1", 9 * H), sess(2, "Chair 2", 9 * H + 30)]
    plan = plan_day(day, CHAIRS, rota((8 * H, 16 * H), (8 * H, 16 * H)), closes=17 * H)
    assert plan.moved == () and plan.new_day == ()
    assert [(p.session_id, p.start) for p in plan.placements] == [(1, 540), (2, 570)]
    assert {plan.assignment.primary(1), plan.assignment.primary(2)} <= {1, 2}


def test_a_session_running_late_pushes_the_next_on_its_chair_and_only_as_far_as_needed() -> None:
    day = [
        sess(1, "Chair 1", 9 * H, movable=False, late=20),
        sess(2, "Chair 1", 10 * H),
        sess(3, "Chair 1", 12 * H),
        sess(4, "Chair 2", 10 * H),
    ]
    plan = plan_day(day, ("Chair 1",), rota((8 * H, 16 * H), (8 * H, 16 * H)), closes=17 * H)
    assert [(p.session_id, p.chair, p.start, p.reason) for p in plan.moved] == [
        (2, "Chair 1", 10 * H + 20, CHAIR)
    ]
    running = plan.placement(1)
    assert running is not None and (running.start, running.end) == (9 * H + 20, 10 * H + 20)


def test_a_booked_session_running_late_is_itself_moved() -> None:
    plan = plan_day(
        [sess(1, "Chair 1", 9 * H, late=15)], CHAIRS, rota((8 * H, 16 * H)), closes=17 * H
    )
    assert [(p.start, p.reason) for p in plan.moved] == [(9 * H + 15, LATE)]


def test_a_sick_nurse_moves_the_set_ups_that_no_one_is_left_to_do() -> None:
    # Two set-ups at 09:00 need two nurses. With one left, the later-booked session waits
    # until she has no patient to watch while she sets it up: the first one has left.
    day = [sess(1, "Chair 1", 9 * H), sess(2, "Chair 2", 9 * H)]
    both = plan_day(day, CHAIRS, rota((8 * H, 16 * H), (8 * H, 16 * H)), closes=17 * H)
    assert both.moved == ()
    plan = plan_day(day, CHAIRS, rota((8 * H, 16 * H)), closes=17 * H, step=5)
    assert [(p.session_id, p.start, p.reason) for p in plan.moved] == [(2, 10 * H, NURSE)]
    assert plan.assignment.uncovered() == []
    assert plan.assignment.primary(2) == 1


def test_another_chair_is_taken_when_the_own_one_is_full_and_the_rest_needs_a_new_day() -> None:
    day = [
        sess(1, "Chair 1", 9 * H, movable=False, late=90),  # now 10:30-11:30
        sess(2, "Chair 1", 10 * H),
        sess(3, "Chair 2", 9 * H, 7 * H, movable=False),
    ]
    nurses = rota((8 * H, 17 * H), (8 * H, 17 * H), (8 * H, 17 * H))
    three = ("Chair 1", "Chair 2", "Chair 3")
    plan = plan_day(day, three, nurses, closes=17 * H)
    assert [(p.session_id, p.chair, p.start) for p in plan.moved] == [(2, "Chair 3", 10 * H)]
    # Two chairs: it waits for its own; closing at noon, it cannot be kept that day.
    plan = plan_day(day, three[:2], nurses, closes=17 * H)
    assert [(p.session_id, p.chair, p.start) for p in plan.moved] == [(2, "Chair 1", 690)]
    plan = plan_day(day, three[:2], nurses, closes=12 * H)
    assert plan.moved == () and plan.new_day == ((2, CHAIR),)
    assert plan.placement(2) is None


def test_a_move_is_never_earlier_and_never_before_now() -> None:
    day = [sess(1, "Chair 1", 9 * H, movable=False, late=30), sess(2, "Chair 1", 9 * H + 30)]
    plan = plan_day(day, ("Chair 1",), rota((8 * H, 16 * H)), closes=17 * H, not_before=10 * H + 32)
    # Its chair is free from 10:30, but it is 10:32 now: the next start on its 5-minute grid.
    assert [(p.session_id, p.start) for p in plan.moved] == [(2, 10 * H + 35)]


def test_a_late_booked_session_is_not_moved_into_the_past() -> None:
    day = [sess(1, "Chair 1", 9 * H, late=10)]
    plan = plan_day(day, CHAIRS, rota((8 * H, 16 * H)), closes=17 * H, not_before=9 * H + 12)
    assert [(p.start, p.reason) for p in plan.moved] == [(9 * H + 15, LATE)]


def test_the_same_patient_is_never_in_two_chairs() -> None:
    day = [
        sess(1, "Chair 1", 9 * H, patient=7, movable=False, late=30),
        sess(2, "Chair 2", 10 * H, patient=7),
    ]
    plan = plan_day(day, CHAIRS, rota((8 * H, 16 * H)), closes=17 * H)
    assert [(p.session_id, p.start) for p in plan.moved] == [(2, 10 * H + 30)]


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        sess(1, "Chair 1", 9 * H, late=-1)
    with pytest.raises(ValueError):
        plan_day([], CHAIRS, rota(), closes=17 * H, step=0)


# ---------------------------------------------------------------------- properties


@st.composite
def days(draw: st.DrawFn) -> tuple[list[DaySession], tuple[str, ...], DayRota]:
    chairs = tuple(f"Chair {i}" for i in range(1, draw(st.integers(1, 3)) + 1))
    sessions = []
    for sid in range(1, draw(st.integers(0, 9)) + 1):
        start = draw(st.integers(8 * H, 15 * H).map(lambda m: m - m % 5))
        minutes = draw(st.sampled_from([30, 45, 60, 90, 150]))
        setup = draw(st.integers(0, 15))
        takedown = draw(st.integers(0, 10))
        sessions.append(
            DaySession(
                sid,
                draw(st.integers(1, 6)),
                draw(st.sampled_from(chairs)),
                start,
                start + minutes,
                setup,
                takedown,
                draw(st.booleans()),
                draw(st.sampled_from([0, 0, 10, 45])),
            )
        )
    shifts = []
    for nid in range(1, draw(st.integers(1, 3)) + 1):
        start = draw(st.integers(7 * H, 12 * H))
        end = draw(st.integers(start + 30, 18 * H))
        shifts.append(NurseShift(nid, f"N{nid}", start, end))
    return sessions, chairs, DayRota(tuple(shifts), draw(st.integers(1, 4)))


def _check_invariants(sessions: list[DaySession], plan: DayReplan, day_rota: DayRota) -> None:
    by_id = {s.session_id: s for s in sessions}
    kept = {p.session_id for p in plan.placements}
    lost = {sid for sid, _reason in plan.new_day}
    # Every session once: kept or listed as needing a new day.
    assert kept | lost == set(by_id) and not kept & lost
    assert len(plan.placements) == len(kept)
    for place in plan.placements:
        session = by_id[place.session_id]
        assert place.end - place.start == session.duration
        if not session.movable:
            assert (place.chair, place.start) == (session.chair, session.expected_start)
        else:
            assert place.start >= session.expected_start  # never earlier
            assert place.end <= 18 * H or place.start == session.start
    lost_movable = all(by_id[sid].movable for sid in lost)
    assert lost_movable
    # The chair and the patient: never two at once (where the desk could still choose).
    for a in plan.placements:
        for b in plan.placements:
            if a.session_id >= b.session_id:
                continue
            if not (by_id[a.session_id].movable or by_id[b.session_id].movable):
                continue
            overlap = a.start < b.end and b.start < a.end
            assert not (overlap and a.chair == b.chair)
            same_patient = by_id[a.session_id].patient_id == by_id[b.session_id].patient_id
            assert not (overlap and same_patient)
    # The nurse invariant (nurse_capacity's curves): wherever the proposal needs more nurses
    # than are on duty, the sessions nobody can move alone need as many.
    tasks = {p.session_id: by_id[p.session_id].task_at(p.start) for p in plan.placements}
    fixed = [t for sid, t in tasks.items() if not by_id[sid].movable]
    load, fixed_load = DayLoad(tasks.values()), DayLoad(fixed)
    duty = day_rota.duty_curve()
    # A day without a rota is not nurse-checked (DayRota.configured).
    for minute in range(24 * H if day_rota.configured else 0):
        need = load.need(minute, day_rota.ratio)
        if need > duty[minute]:
            assert need == fixed_load.need(minute, day_rota.ratio)
    # Every part of a kept session has a nurse wherever the day is within capacity.
    for piece in plan.assignment.uncovered() if day_rota.configured else ():
        assert any(load.need(m, day_rota.ratio) > duty[m] for m in range(piece.start, piece.end))


@settings(max_examples=150, deadline=None)
@given(days())
def test_every_proposal_keeps_the_invariants(
    day: tuple[list[DaySession], tuple[str, ...], DayRota],
) -> None:
    sessions, chairs, day_rota = day
    plan = plan_day(sessions, chairs, day_rota, closes=18 * H)
    _check_invariants(sessions, plan, day_rota)


@settings(max_examples=75, deadline=None)
@given(days(), st.integers(0, 3))
def test_a_nurse_off_sick_still_gives_a_proposal_that_keeps_them(
    day: tuple[list[DaySession], tuple[str, ...], DayRota], sick: int
) -> None:
    sessions, chairs, day_rota = day
    fewer = DayRota(tuple(s for s in day_rota.shifts if s.nurse_id != sick), day_rota.ratio)
    plan = plan_day(sessions, chairs, fewer, closes=18 * H, not_before=9 * H)
    _check_invariants(sessions, plan, fewer)
    # A move always has a reason, and never starts before now.
    assert all(p.reason and p.start >= 9 * H for p in plan.moved)
