"""A clinic day's capacity figures (issue 14): hand-counted days and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.capacity_report import (
    ChairTime,
    booked_chair_minutes,
    curve_span,
    day_capacity,
)
from clinic_app.domain.nurse_capacity import DayRota, NurseShift, NurseTask

H = 60
OPENING = (8 * H, 18 * H)


def nurse(nurse_id: int, start: int, end: int, *breaks: tuple[int, int]) -> NurseShift:
    return NurseShift(nurse_id, f"Nurse {nurse_id}", start, end, tuple(breaks))


def test_a_small_day_counted_by_hand() -> None:
    # Two nurses 08:00-16:00 (one on a break 12:00-12:30), ratio 2.
    rota = DayRota((nurse(1, 8 * H, 16 * H), nurse(2, 8 * H, 16 * H, (12 * H, 12 * H + 30))), 2)
    # Three sessions start at 10:00 (10 min set-up, 5 min take-down, 60 chair minutes) and
    # one at 12:00 (15 + 5, 75 minutes).
    tasks = [NurseTask(10 * H, 11 * H, 10, 5) for _ in range(3)] + [
        NurseTask(12 * H, 12 * H + 75, 15, 5)
    ]
    chairs = [ChairTime(1, 10 * H, 11 * H), ChairTime(2, 10 * H, 11 * H)]
    chairs += [ChairTime(3, 10 * H, 11 * H), ChairTime(1, 12 * H, 12 * H + 75)]
    day = day_capacity(rota, tasks, chairs, opening=OPENING, active_chairs=frozenset({1, 2, 3}))
    assert day.open and day.nurse_checked
    assert day.open_chair_minutes == 3 * 600
    assert day.booked_chair_minutes == 3 * 60 + 75
    assert day.idle_chair_minutes == 1800 - 255
    assert day.utilisation == pytest.approx(255 / 1800)
    # 10:00-10:09: three set-ups at once need three nurses, two are on duty.
    assert day.peak_setups == 3
    assert (day.peak_need, day.peak_minute, day.on_duty_at_peak) == (3, 10 * H, 2)
    # Over: 10:00-10:09 (3 > 2), 10:55-10:59 (3 take-downs), 12:00-12:14 (set-up alone is 1
    # nurse, on duty 1: fits). So 10 + 5 minutes.
    assert day.minutes_over == 15
    # The curve: every 15 minutes over the opening hours (the shifts and sessions lie inside).
    assert [p.minute for p in day.points] == list(range(8 * H, 18 * H, 15))
    at = {p.minute: p for p in day.points}
    assert (at[10 * H].exclusive, at[10 * H].monitored, at[10 * H].need) == (3, 0, 3)
    assert (at[10 * H + 15].exclusive, at[10 * H + 15].monitored, at[10 * H + 15].need) == (0, 3, 2)
    assert at[12 * H].on_duty == 1 and at[12 * H + 30].on_duty == 2
    assert at[16 * H].on_duty == 0


def test_a_closed_day_without_a_rota() -> None:
    tasks = [NurseTask(9 * H, 10 * H, 10, 5)]
    day = day_capacity(
        DayRota((), 4),
        tasks,
        [ChairTime(1, 9 * H, 10 * H)],
        opening=None,
        active_chairs=frozenset({1}),
    )
    assert not day.open and not day.nurse_checked
    assert (day.open_chair_minutes, day.booked_chair_minutes, day.idle_chair_minutes) == (0, 0, 0)
    assert day.utilisation is None
    # No rota: not nurse-checked, so never over capacity, though nobody is on duty.
    assert day.minutes_over == 0
    assert (day.peak_setups, day.peak_need, day.on_duty_at_peak) == (1, 1, 0)
    assert [p.minute for p in day.points] == [9 * H, 9 * H + 15, 9 * H + 30, 9 * H + 45]


def test_an_empty_day_has_no_peak_and_no_curve() -> None:
    day = day_capacity(DayRota((), 4), [], [], opening=None, active_chairs=frozenset())
    assert (day.peak_setups, day.peak_need, day.peak_minute) == (0, 0, None)
    assert day.points == ()


def test_booked_chair_time_is_clipped_to_the_hours_and_active_chairs_counted_once() -> None:
    pieces = [
        ChairTime(1, 7 * H, 9 * H),  # one hour before opening: 60 inside
        ChairTime(1, 8 * H + 30, 9 * H + 30),  # overlaps the first by 30: 30 more
        ChairTime(2, 17 * H, 19 * H),  # one hour after closing: 60 inside
        ChairTime(9, 10 * H, 11 * H),  # a retired chair: not counted
    ]
    assert booked_chair_minutes(pieces, frozenset({1, 2}), OPENING) == 150


def test_the_curve_starts_on_the_grid_and_covers_shifts_sessions_and_hours() -> None:
    rota = DayRota((nurse(1, 7 * H + 50, 15 * H),), 4)
    assert curve_span(rota, [], OPENING, 15) == (7 * H + 45, 18 * H)
    assert curve_span(DayRota((), 4), [NurseTask(18 * H, 19 * H, 5, 5)], OPENING, 15) == (
        8 * H,
        19 * H,
    )


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="step"):
        day_capacity(DayRota((), 4), [], [], opening=OPENING, active_chairs=frozenset(), step=0)
    with pytest.raises(ValueError, match="opening hours"):
        day_capacity(DayRota((), 4), [], [], opening=(600, 500), active_chairs=frozenset())


tasks_strategy = st.lists(
    st.builds(
        lambda start, length, setup, takedown: NurseTask(
            start, start + length, min(setup, length), min(takedown, length - min(setup, length))
        ),
        st.integers(6 * H, 19 * H),
        st.integers(1, 180),
        st.integers(0, 30),
        st.integers(0, 15),
    ),
    max_size=12,
)
shifts_strategy = st.lists(
    st.builds(
        lambda nurse_id, start, length: nurse(nurse_id, start, start + length),
        st.integers(1, 9),
        st.integers(6 * H, 12 * H),
        st.integers(60, 9 * H),
    ),
    max_size=4,
)
chairs_strategy = st.lists(
    st.builds(
        lambda chair, start, length: ChairTime(chair, start, start + length),
        st.integers(1, 5),
        st.integers(5 * H, 20 * H),
        st.integers(1, 240),
    ),
    max_size=15,
)


@settings(max_examples=150, deadline=None)
@given(
    shifts_strategy,
    tasks_strategy,
    chairs_strategy,
    st.integers(1, 6),
    st.frozensets(st.integers(1, 5)),
    st.one_of(st.none(), st.tuples(st.integers(6 * H, 10 * H), st.integers(11 * H, 20 * H))),
)
def test_properties(
    shifts: list[NurseShift],
    tasks: list[NurseTask],
    chairs: list[ChairTime],
    ratio: int,
    active: frozenset[int],
    opening: tuple[int, int] | None,
) -> None:
    rota = DayRota(tuple(shifts), ratio)
    day = day_capacity(rota, tasks, chairs, opening=opening, active_chairs=active)
    # Booked and idle chair time share out the open chair time exactly.
    assert day.idle_chair_minutes >= 0 and day.booked_chair_minutes >= 0
    assert day.idle_chair_minutes + day.booked_chair_minutes == day.open_chair_minutes
    # The peaks are peaks of every minute, so of every point of the curve.
    for point in day.points:
        assert day.peak_setups >= point.exclusive
        assert day.peak_need >= point.need
    if day.peak_minute is not None:
        assert day.on_duty_at_peak == rota.on_duty(day.peak_minute)
    # A minute over capacity exists only on a checked day, and only past what is on duty.
    assert day.minutes_over <= sum(t.end - t.start for t in tasks)
    if not rota.configured:
        assert day.minutes_over == 0
    elif day.peak_need > len(shifts):
        assert day.minutes_over > 0
