"""The nurse invariant (issue 14): load per minute, the check, the next free start."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.nurse_capacity import (
    MINUTES_PER_DAY,
    DayLoad,
    DayRota,
    NurseShift,
    NurseTask,
    Shortfall,
    first_shortfall,
    hhmm,
    load_curve,
    next_free_start,
    nurses_needed,
    shortfall_message,
)

H = 60


def shift(nurse_id: int, start: int, end: int, *breaks: tuple[int, int]) -> NurseShift:
    return NurseShift(nurse_id, f"Nurse {nurse_id}", start, end, tuple(breaks))


def iron(start: int) -> NurseTask:
    """75 chair minutes: 15 set-up, 5 take-down."""
    return NurseTask(start, start + 75, 15, 5)


def test_need_is_exclusive_tasks_plus_monitored_patients_over_the_ratio_rounded_up() -> None:
    assert nurses_needed(0, 0, 4) == 0
    assert nurses_needed(0, 1, 4) == 1
    assert nurses_needed(0, 4, 4) == 1
    assert nurses_needed(0, 5, 4) == 2
    assert nurses_needed(2, 5, 4) == 4
    with pytest.raises(ValueError, match="at least 1"):
        nurses_needed(0, 1, 0)


def test_a_task_is_exclusive_at_both_ends_and_monitored_between() -> None:
    task = NurseTask(9 * H, 10 * H, 10, 5)
    assert task.exclusive_at(9 * H) and task.exclusive_at(9 * H + 9)
    assert not task.exclusive_at(9 * H + 10) and task.monitored_at(9 * H + 10)
    assert task.monitored_at(10 * H - 6) and not task.monitored_at(10 * H - 5)
    assert task.exclusive_at(10 * H - 1) and not task.exclusive_at(10 * H)
    assert not task.monitored_at(8 * H + 59)
    load = DayLoad([task, task])
    assert load.exclusive[9 * H] == 2 and load.monitored[9 * H] == 0
    assert load.monitored[9 * H + 30] == 2 and load.need(9 * H + 30, 4) == 1
    assert load.need(10 * H - 1, 4) == 2 and load.need(10 * H, 4) == 0


def test_bad_tasks_and_shifts_are_refused() -> None:
    with pytest.raises(ValueError, match="not a session"):
        NurseTask(10, 10, 0, 0)
    with pytest.raises(ValueError, match="not a session"):
        NurseTask(MINUTES_PER_DAY - 5, MINUTES_PER_DAY + 5, 0, 0)
    with pytest.raises(ValueError, match="do not fit"):
        NurseTask(0, 10, 6, 5)
    with pytest.raises(ValueError, match="negative"):
        NurseTask(0, 10, -1, 0)
    with pytest.raises(ValueError, match="is not a shift"):
        shift(1, 10 * H, 9 * H)
    with pytest.raises(ValueError, match="outside it"):
        shift(1, 9 * H, 12 * H, (11 * H, 13 * H))


def test_breaks_take_the_nurse_off_duty() -> None:
    nurse = shift(1, 8 * H, 16 * H, (12 * H, 12 * H + 30))
    assert nurse.on_duty(8 * H) and not nurse.on_duty(16 * H) and not nurse.on_duty(7 * H)
    assert not nurse.on_duty(12 * H + 15) and nurse.on_duty(12 * H + 30)
    assert nurse.duty_minutes == 8 * H - 30


def test_a_day_without_a_rota_is_not_nurse_checked() -> None:
    rota = DayRota((), 4)
    assert not rota.configured
    assert first_shortfall(rota, [iron(9 * H)] * 10, iron(9 * H)) is None


def test_the_second_set_up_at_the_same_minute_with_one_nurse_is_refused_naming_the_next() -> None:
    rota = DayRota((shift(1, 8 * H, 17 * H),), 4)
    first = iron(9 * H)
    assert first_shortfall(rota, [], first) is None
    clash = first_shortfall(rota, [first], iron(9 * H))
    assert clash == Shortfall(9 * H, 2, 1, True)
    # The nurse is free again once the first set-up ends and the patient is monitored: but
    # monitoring the first patient takes the nurse too (ceil(1/4) = 1) -> one nurse cannot
    # set up while she monitors. With a second nurse, 09:15 is free.
    assert next_free_start(rota, [first], iron(9 * H), step=5, latest_start=16 * H) == 10 * H + 15
    two = DayRota((shift(1, 8 * H, 17 * H), shift(2, 8 * H, 17 * H)), 4)
    assert first_shortfall(two, [first], iron(9 * H)) is None
    # Two iron set-ups at 09:00 take both nurses; a third at 09:15 would fit its set-up
    # (one nurse monitors both) but its monitoring collides with their take-downs at 10:10.
    assert first_shortfall(two, [first, iron(9 * H)], iron(9 * H + 15)) == Shortfall(
        10 * H + 10, 3, 2, False
    )
    # Without take-downs (an injection), 09:15 is the next free start.
    injection = NurseTask(9 * H, 10 * H, 15, 0)
    third = first_shortfall(two, [injection, injection], injection)
    assert third is not None and third.in_setup
    after = next_free_start(two, [injection, injection], injection, step=5, latest_start=16 * H)
    assert after == 9 * H + 15
    assert shortfall_message(third, 9 * H, after) == (
        "no nurse free to start an infusion at 09:00 (3 nurses needed, 2 on duty); 09:15 is free"
    )


def test_a_take_down_clash_names_its_minute_and_a_full_day_says_so() -> None:
    rota = DayRota((shift(1, 8 * H, 10 * H),), 4)
    late = first_shortfall(rota, [], iron(9 * H))
    # The shift ends at 10:00; the session runs to 10:15.
    assert late == Shortfall(10 * H, 1, 0, False)
    assert next_free_start(rota, [], iron(9 * H), step=5, latest_start=17 * H) is None
    assert shortfall_message(late, 9 * H, None) == (
        "no nurse free at 10:00 for an infusion starting at 09:00 (1 nurse needed, 0 on duty);"
        " no later start is free for the nurses that day"
    )
    assert hhmm(0) == "00:00" and hhmm(23 * H + 59) == "23:59"
    with pytest.raises(ValueError, match="step"):
        next_free_start(rota, [], iron(9 * H), step=0, latest_start=17 * H)


def test_an_already_overloaded_minute_refuses_only_a_booking_that_adds_to_it() -> None:
    # Two nurses booked two set-ups at 09:00; one then called in sick.
    rota = DayRota((shift(1, 8 * H, 17 * H),), 4)
    booked = [iron(9 * H), iron(9 * H)]
    # A monitored patient added at 09:05 adds nothing to the exclusive 09:05 minute's need
    # ... but its own set-up does: refused. A session from 13:00, far from it, is fine.
    assert first_shortfall(rota, booked, iron(9 * H + 5)) is not None
    assert first_shortfall(rota, booked, iron(13 * H)) is None


def test_the_load_curve_lists_need_and_nurses_on_duty() -> None:
    rota = DayRota((shift(1, 8 * H, 12 * H, (10 * H, 10 * H + 15)),), 4)
    curve = load_curve(rota, [iron(9 * H), iron(9 * H + 15)], 9 * H, 11 * H, step=15)
    assert [(p.minute, p.exclusive, p.monitored, p.need, p.on_duty) for p in curve] == [
        (9 * H, 1, 0, 1, 1),
        (9 * H + 15, 1, 1, 2, 1),
        (9 * H + 30, 0, 2, 1, 1),
        (9 * H + 45, 0, 2, 1, 1),
        (10 * H, 0, 2, 1, 0),
        (10 * H + 15, 0, 1, 1, 1),
        (10 * H + 30, 0, 0, 0, 1),
        (10 * H + 45, 0, 0, 0, 1),
    ]
    assert [p.over for p in curve] == [False, True, False, False, True, False, False, False]


# ---------------------------------------------------------------------- properties


def brute_need(tasks: list[NurseTask], minute: int, ratio: int) -> int:
    exclusive = sum(t.exclusive_at(minute) for t in tasks)
    monitored = sum(t.monitored_at(minute) for t in tasks)
    return exclusive + (monitored + ratio - 1) // ratio


shifts_strategy = st.lists(
    st.tuples(st.integers(6 * H, 12 * H), st.integers(2 * H, 10 * H), st.integers(0, 60)),
    max_size=4,
)
tasks_strategy = st.lists(
    st.tuples(
        st.integers(7 * H, 17 * H).map(lambda m: m - m % 5),
        st.sampled_from([20, 30, 60, 75, 120, 135]),
        st.sampled_from([5, 10, 15]),
        st.sampled_from([0, 5]),
    ),
    max_size=25,
)


def make_rota(raw: list[tuple[int, int, int]], ratio: int) -> DayRota:
    shifts = []
    for index, (start, length, pause) in enumerate(raw):
        end = min(start + length, 22 * H)
        breaks = (
            ((start + 120, start + 120 + pause),) if pause and start + 120 + pause < end else ()
        )
        shifts.append(NurseShift(index, f"n{index}", start, end, breaks))
    return DayRota(tuple(shifts), ratio)


@settings(max_examples=60, deadline=None)
@given(shifts_strategy, tasks_strategy, st.integers(1, 6))
def test_booking_only_what_passes_keeps_the_invariant_at_every_minute(
    raw_shifts: list[tuple[int, int, int]],
    raw_tasks: list[tuple[int, int, int, int]],
    ratio: int,
) -> None:
    rota = make_rota(raw_shifts, ratio)
    booked: list[NurseTask] = []
    for start, length, setup, takedown in raw_tasks:
        task = NurseTask(start, start + length, setup, takedown)
        shortfall = first_shortfall(rota, booked, task)
        # The check agrees with counting minute by minute.
        expected = None
        for minute in range(task.start, task.end):
            with_it = brute_need([*booked, task], minute, ratio)
            over = rota.configured and with_it > rota.on_duty(minute)
            if over and with_it > brute_need(booked, minute, ratio):
                expected = minute
                break
        assert (shortfall.minute if shortfall else None) == expected
        if shortfall is None:
            booked.append(task)
        else:
            nxt = next_free_start(rota, booked, task, step=5, latest_start=20 * H)
            if nxt is not None:
                assert nxt > task.start and (nxt - task.start) % 5 == 0
                assert first_shortfall(rota, booked, task.moved_to(nxt)) is None
                for earlier in range(task.start + 5, nxt, 5):
                    assert first_shortfall(rota, booked, task.moved_to(earlier)) is not None
    if rota.configured:
        for minute in range(6 * H, 22 * H):
            assert brute_need(booked, minute, ratio) <= rota.on_duty(minute)
