"""Tests for the chair slot finder and the lab draw slot finder (clinic_app.domain.slot_finder)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.clinic_calendar import (
    CalendarError,
    ClinicCalendar,
    OpeningHours,
    overlaps,
)
from clinic_app.domain.slot_finder import (
    ChairSchedule,
    SlotOption,
    find_free_slots,
    find_lab_slot,
)

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 11, 2)  # a Monday in GMT, far from the clocks changing
FRIDAY = MONDAY + timedelta(days=4)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    """An aware London time (never in a DST gap in these tests)."""
    return datetime.combine(day, time(hh, mm), tzinfo=LONDON)


def weekdays() -> ClinicCalendar:
    """Monday to Friday, 08:00-18:00, Europe/London."""
    return ClinicCalendar.weekdays("Europe/London")


def every_day(opens: time, closes: time) -> ClinicCalendar:
    """Open seven days a week (needed to meet the Sunday clock changes)."""
    return ClinicCalendar("Europe/London", tuple(OpeningHours(d, opens, closes) for d in range(7)))


def chair(chair_id: int, *busy: tuple[datetime, datetime]) -> ChairSchedule:
    return ChairSchedule(chair_id, f"Chair {chair_id}", tuple(busy))


def starts(options: list[SlotOption]) -> list[tuple[int, datetime]]:
    return [(o.chair_id, o.start) for o in options]


# --- find_free_slots: the basics -------------------------------------------------------------


def test_empty_diary_offers_the_opening_grid_one_chair_per_time() -> None:
    options = find_free_slots(
        weekdays(), timedelta(minutes=60), at(MONDAY, 7), [chair(1), chair(2)], [], count=3
    )
    assert starts(options) == [(1, at(MONDAY, 8)), (1, at(MONDAY, 8, 15)), (1, at(MONDAY, 8, 30))]
    assert options[0] == SlotOption(1, "Chair 1", at(MONDAY, 8), at(MONDAY, 9))


def test_per_start_offers_several_chairs_at_one_time_in_chair_order() -> None:
    options = find_free_slots(
        weekdays(),
        timedelta(minutes=30),
        at(MONDAY, 8),
        [chair(5), chair(3), chair(9)],
        [],
        count=5,
        per_start=2,
    )
    assert starts(options) == [
        (5, at(MONDAY, 8)),
        (3, at(MONDAY, 8)),
        (5, at(MONDAY, 8, 15)),
        (3, at(MONDAY, 8, 15)),
        (5, at(MONDAY, 8, 30)),
    ]


def test_earliest_between_grid_times_rounds_up_to_the_grid() -> None:
    options = find_free_slots(
        weekdays(), timedelta(minutes=30), at(MONDAY, 9, 7), [chair(1)], [], count=1
    )
    assert options[0].start == at(MONDAY, 9, 15)


def test_grid_counts_from_opening_time_not_from_the_hour() -> None:
    calendar = ClinicCalendar.weekdays("Europe/London", time(8, 10), time(12))
    options = find_free_slots(
        calendar, timedelta(minutes=30), at(MONDAY, 8, 11), [chair(1)], [], count=2
    )
    assert [o.start for o in options] == [at(MONDAY, 8, 25), at(MONDAY, 8, 40)]


def test_session_must_end_by_closing_time() -> None:
    # 75 minutes cannot start at 17:00 when the clinic closes at 18:00; 16:45 is the last start.
    options = find_free_slots(
        weekdays(), timedelta(minutes=75), at(FRIDAY, 16, 30), [chair(1)], [], count=3
    )
    assert [o.start for o in options] == [
        at(FRIDAY, 16, 30),
        at(FRIDAY, 16, 45),
        at(MONDAY + timedelta(days=7), 8),  # the weekend is closed
    ]
    assert options[1].end == at(FRIDAY, 18)


def test_closed_dates_are_skipped() -> None:
    calendar = ClinicCalendar(
        "Europe/London", weekdays().hours, closed_dates=frozenset({MONDAY, MONDAY + timedelta(1)})
    )
    options = find_free_slots(
        calendar, timedelta(minutes=60), at(MONDAY, 8), [chair(1)], [], count=1
    )
    assert options[0].start == at(MONDAY + timedelta(days=2), 8)


def test_busy_chairs_are_skipped_and_busy_intervals_may_come_in_any_order() -> None:
    chairs = [
        chair(1, (at(MONDAY, 9), at(MONDAY, 10)), (at(MONDAY, 8), at(MONDAY, 9, 30))),
        chair(2, (at(MONDAY, 8), at(MONDAY, 8, 45))),
    ]
    options = find_free_slots(
        weekdays(), timedelta(minutes=60), at(MONDAY, 8), chairs, [], count=8, per_start=2
    )
    assert starts(options) == [
        (2, at(MONDAY, 8, 45)),
        (2, at(MONDAY, 9)),
        (2, at(MONDAY, 9, 15)),
        (2, at(MONDAY, 9, 30)),
        (2, at(MONDAY, 9, 45)),
        (1, at(MONDAY, 10)),  # chair 1 is busy until 10:00 (overlapping bookings merged)
        (2, at(MONDAY, 10)),
        (1, at(MONDAY, 10, 15)),
    ]


def test_a_slot_may_start_when_a_booking_ends_and_end_when_the_next_starts() -> None:
    busy = ((at(MONDAY, 8), at(MONDAY, 9)), (at(MONDAY, 10), at(MONDAY, 18)))
    options = find_free_slots(
        weekdays(), timedelta(minutes=60), at(MONDAY, 8), [chair(1, *busy)], [], count=2
    )
    assert options[0] == SlotOption(1, "Chair 1", at(MONDAY, 9), at(MONDAY, 10))
    assert options[1].start == at(MONDAY + timedelta(1), 8)


def test_the_patients_own_busy_time_is_avoided() -> None:
    patient_busy = [(at(MONDAY, 8), at(MONDAY, 12)), (at(MONDAY, 12, 30), at(MONDAY, 13))]
    options = find_free_slots(
        weekdays(), timedelta(minutes=30), at(MONDAY, 8), [chair(1)], patient_busy, count=2
    )
    assert [o.start for o in options] == [at(MONDAY, 12), at(MONDAY, 13)]


def test_accept_rejects_one_chair_and_the_next_is_offered() -> None:
    seen: list[SlotOption] = []

    def accept(option: SlotOption) -> bool:
        seen.append(option)
        return option.chair_id != 1

    options = find_free_slots(
        weekdays(),
        timedelta(minutes=30),
        at(MONDAY, 8),
        [chair(1), chair(2)],
        [],
        count=1,
        accept=accept,
    )
    assert starts(options) == [(2, at(MONDAY, 8))]
    assert [o.chair_id for o in seen] == [1, 2]


def test_accept_rejecting_a_whole_day_moves_to_the_next_open_day() -> None:
    options = find_free_slots(
        weekdays(),
        timedelta(minutes=30),
        at(FRIDAY, 8),
        [chair(1)],
        [],
        count=1,
        accept=lambda option: option.start.date() != FRIDAY,
    )
    assert options[0].start == at(FRIDAY + timedelta(days=3), 8)


def test_nothing_free_within_the_horizon_gives_fewer_options() -> None:
    busy = (at(MONDAY, 0), at(MONDAY + timedelta(days=30), 0))
    options = find_free_slots(
        weekdays(),
        timedelta(minutes=30),
        at(MONDAY, 8),
        [chair(1, busy)],
        [],
        count=3,
        horizon_days=30,
    )
    assert options == []
    options = find_free_slots(
        weekdays(),
        timedelta(minutes=30),
        at(MONDAY, 8),
        [chair(1, busy)],
        [],
        count=3,
        horizon_days=31,
    )
    assert [o.start for o in options] == [
        at(MONDAY + timedelta(days=30), h, m) for h, m in ((8, 0), (8, 15), (8, 30))
    ]


def test_count_zero_asks_for_nothing() -> None:
    assert (
        find_free_slots(weekdays(), timedelta(minutes=30), at(MONDAY, 8), [chair(1)], [], count=0)
        == []
    )


def test_no_chairs_means_no_slots() -> None:
    assert (
        find_free_slots(
            weekdays(), timedelta(minutes=30), at(MONDAY, 8), [], [], count=3, horizon_days=10
        )
        == []
    )


def test_earliest_in_another_zone_is_the_same_instant() -> None:
    earliest = at(MONDAY, 9).astimezone(ZoneInfo("America/New_York"))
    options = find_free_slots(weekdays(), timedelta(minutes=30), earliest, [chair(1)], [], count=1)
    assert options[0].start == at(MONDAY, 9)
    assert options[0].start.tzinfo == LONDON


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"duration": timedelta(0)}, "longer than zero"),
        ({"step_minutes": 0}, "grid step"),
        ({"per_start": 0}, "per_start"),
    ],
)
def test_invalid_arguments_are_refused(kwargs: dict[str, Any], message: str) -> None:
    args: dict[str, Any] = {"duration": timedelta(minutes=30), "count": 1, **kwargs}
    with pytest.raises(ValueError, match=message):
        find_free_slots(
            weekdays(), earliest=at(MONDAY, 8), chairs=[chair(1)], patient_busy=[], **args
        )


def test_naive_earliest_is_refused() -> None:
    with pytest.raises(CalendarError):
        find_free_slots(
            weekdays(), timedelta(minutes=30), datetime(2026, 11, 2, 8), [chair(1)], [], count=1
        )


# --- ChairSchedule ------------------------------------------------------------------------------


def test_chair_schedule_refuses_an_interval_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        chair(1, (at(MONDAY, 10), at(MONDAY, 9)))


def test_chair_schedule_refuses_naive_busy_times() -> None:
    with pytest.raises(CalendarError):
        chair(1, (datetime(2026, 11, 2, 9), datetime(2026, 11, 2, 10)))


def test_chair_schedule_ignores_empty_intervals_and_answers_is_free() -> None:
    schedule = chair(
        1,
        (at(MONDAY, 9), at(MONDAY, 9)),
        (at(MONDAY, 10), at(MONDAY, 11)),
        (at(MONDAY, 11), at(MONDAY, 12)),
    )
    assert schedule.is_free(at(MONDAY, 8), at(MONDAY, 10))
    assert schedule.is_free(at(MONDAY, 9), at(MONDAY, 9, 30))
    assert not schedule.is_free(at(MONDAY, 11, 45), at(MONDAY, 12, 15))
    assert schedule.is_free(at(MONDAY, 12), at(MONDAY, 13))
    assert schedule == chair(1, *schedule.busy)  # the cached runs take no part in equality


# --- daylight saving (Europe/London) -------------------------------------------------------------

SPRING = date(2026, 3, 29)  # 01:00 GMT -> 02:00 BST: 01:00-01:59 local does not exist
AUTUMN = date(2026, 10, 25)  # 02:00 BST -> 01:00 GMT: 01:00-01:59 local happens twice


def test_spring_forward_day_skips_the_missing_hour_and_keeps_real_durations() -> None:
    calendar = every_day(time(0), time(4))
    options = find_free_slots(
        calendar,
        timedelta(minutes=60),
        at(SPRING, 0),
        [chair(1)],
        [],
        count=20,
        horizon_days=1,
    )
    local = [o.start.strftime("%H:%M") for o in options]
    assert local == [
        *("00:00", "00:15", "00:30", "00:45"),
        *("02:00", "02:15", "02:30", "02:45", "03:00"),  # 03:00 BST + 60 min = closing, 04:00
    ]
    for option in options:
        # real elapsed time (subtracting two London times would give wall-clock time)
        assert option.end.astimezone(UTC) - option.start.astimezone(UTC) == timedelta(hours=1)
    # 00:00 GMT + 60 min is 02:00 BST on the wall clock
    assert options[0].end.strftime("%H:%M %Z") == "02:00 BST"
    instants = [o.start.astimezone(UTC) for o in options]
    assert instants == sorted(set(instants))


def test_autumn_back_day_is_strictly_ordered_in_real_time() -> None:
    calendar = every_day(time(0), time(4))
    options = find_free_slots(
        calendar,
        timedelta(minutes=30),
        at(AUTUMN, 0),
        [chair(1)],
        [],
        count=100,
        horizon_days=1,
    )
    instants = [o.start.astimezone(UTC) for o in options]
    assert instants == sorted(set(instants))
    assert [o.start.strftime("%H:%M") for o in options][:6] == [
        "00:00",
        "00:15",
        "00:30",
        "00:45",
        "01:00",
        "01:15",
    ]
    # the last start is 03:30 GMT, ending at closing time 04:00 GMT
    assert options[-1].start == datetime(2026, 10, 25, 3, 30, tzinfo=LONDON)
    assert all(o.end.astimezone(UTC) <= datetime(2026, 10, 25, 4, tzinfo=UTC) for o in options)


def test_closing_time_inside_the_spring_gap_is_read_with_the_old_offset() -> None:
    calendar = every_day(time(0), time(1, 30))
    options = find_free_slots(
        calendar,
        timedelta(minutes=30),
        at(SPRING, 0),
        [chair(1)],
        [],
        count=20,
        horizon_days=1,
    )
    assert [o.start.strftime("%H:%M") for o in options] == ["00:00", "00:15", "00:30", "00:45"]


def test_busy_time_across_the_autumn_change_is_compared_by_instant() -> None:
    calendar = every_day(time(0), time(4))
    # busy during the first 01:00-02:00 (BST); the second 01:00 (GMT) is an hour later
    first_one = datetime(2026, 10, 25, 0, 0, tzinfo=UTC)  # 01:00 BST
    busy = (first_one, first_one + timedelta(hours=1))
    options = find_free_slots(
        calendar,
        timedelta(minutes=30),
        at(AUTUMN, 0),
        [chair(1, busy)],
        [],
        count=100,
        horizon_days=1,
    )
    for option in options:
        assert not overlaps(option.start, option.end, *busy)
    assert [o.start.astimezone(UTC).strftime("%H:%M") for o in options][:3] == [
        "23:00",
        "23:15",
        "23:30",
    ]


# --- find_lab_slot ------------------------------------------------------------------------------


def lab_slot(**kwargs: object) -> datetime | None:
    """find_lab_slot with this file's defaults: the weekday clinic, 2 draws per 15 minutes."""
    args: dict[str, object] = {
        "calendar": weekdays(),
        "window_from": MONDAY,
        "window_to": FRIDAY,
        "prefer": "latest",
        "target": None,
        "capacity": 2,
        "slot_minutes": 15,
        "load": {},
        "patient_busy": [],
        "not_before": at(MONDAY - timedelta(days=7), 8),
    }
    args.update(kwargs)
    calendar = args.pop("calendar")
    window_from = args.pop("window_from")
    window_to = args.pop("window_to")
    return find_lab_slot(calendar, window_from, window_to, **args)  # type: ignore[arg-type]


def test_latest_is_the_last_slot_of_the_window() -> None:
    assert lab_slot() == at(FRIDAY, 17, 45)


def test_latest_skips_a_full_slot_and_counts_load_by_instant() -> None:
    full = at(FRIDAY, 17, 45).astimezone(UTC)  # same instant, another zone
    assert lab_slot(load={full: 2}) == at(FRIDAY, 17, 30)
    assert lab_slot(load={full: 1}) == at(FRIDAY, 17, 45)


def test_load_in_the_repeated_autumn_hour_is_counted_by_instant() -> None:
    calendar = every_day(time(0), time(4))
    first_one = datetime(2026, 10, 25, 1, 0, tzinfo=LONDON)  # 01:00 BST
    second_one = datetime(2026, 10, 25, 1, 0, fold=1, tzinfo=LONDON)  # 01:00 GMT, an hour later
    ask = {
        "calendar": calendar,
        "window_from": AUTUMN,
        "window_to": AUTUMN,
        "prefer": "target",
        "target": AUTUMN,
        "not_before": first_one,
    }
    # same wall-clock time, another instant: it does not fill the first 01:00
    assert lab_slot(**ask, load={second_one: 2}) == first_one
    assert lab_slot(**ask, load={first_one: 2}) == first_one + timedelta(minutes=15)
    # one instant as two distinct keys (a zone comparison never equates the repeated hour)
    load = {first_one: 1, first_one.astimezone(UTC): 1}
    assert len(load) == 2
    assert lab_slot(**ask, load=load) == first_one + timedelta(minutes=15)


def test_latest_skips_closed_days() -> None:
    saturday = FRIDAY + timedelta(days=1)
    assert lab_slot(window_to=saturday + timedelta(days=1)) == at(FRIDAY, 17, 45)


def test_latest_avoids_the_patients_busy_time() -> None:
    busy = [(at(FRIDAY, 16), at(FRIDAY, 18))]
    assert lab_slot(patient_busy=busy) == at(FRIDAY, 15, 45)


def test_not_before_limits_the_window() -> None:
    assert lab_slot(not_before=at(FRIDAY, 17, 50)) is None
    assert lab_slot(prefer="target", target=MONDAY, not_before=at(MONDAY, 9, 5)) == at(
        MONDAY, 9, 15
    )


def test_target_day_takes_its_earliest_free_slot() -> None:
    wednesday = MONDAY + timedelta(days=2)
    assert lab_slot(prefer="target", target=wednesday) == at(wednesday, 8)
    assert lab_slot(prefer="target", target=wednesday, load={at(wednesday, 8): 2}) == at(
        wednesday, 8, 15
    )


def test_target_on_a_closed_day_takes_the_nearest_open_day() -> None:
    saturday = FRIDAY + timedelta(days=1)
    assert lab_slot(prefer="target", target=saturday, window_to=saturday + timedelta(days=2)) == at(
        FRIDAY, 8
    )
    sunday = saturday + timedelta(days=1)
    assert lab_slot(prefer="target", target=sunday, window_to=sunday + timedelta(days=1)) == at(
        sunday + timedelta(days=1), 8
    )


def test_target_tie_goes_to_the_earlier_day() -> None:
    saturday = FRIDAY + timedelta(days=1)
    calendar = ClinicCalendar(
        "Europe/London", every_day(time(8), time(18)).hours, closed_dates=frozenset({saturday})
    )
    assert lab_slot(
        calendar=calendar, prefer="target", target=saturday, window_to=saturday + timedelta(1)
    ) == at(FRIDAY, 8)


def test_a_full_target_day_falls_back_to_the_nearest_day() -> None:
    wednesday = MONDAY + timedelta(days=2)
    load = {at(wednesday, 8) + timedelta(minutes=15 * i): 2 for i in range(40)}
    assert lab_slot(prefer="target", target=wednesday, load=load) == at(wednesday - timedelta(1), 8)


def test_no_room_anywhere_in_the_window_gives_none() -> None:
    assert lab_slot(capacity=0) is None
    assert lab_slot(window_from=FRIDAY + timedelta(1), window_to=FRIDAY + timedelta(2)) is None


def test_an_empty_window_has_no_slot() -> None:
    assert lab_slot(window_from=FRIDAY, window_to=MONDAY) is None


def test_lab_slot_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="target day"):
        lab_slot(prefer="target", target=None)
    with pytest.raises(ValueError, match="positive"):
        lab_slot(slot_minutes=0)


def test_lab_slots_on_the_spring_forward_day_skip_the_missing_hour() -> None:
    calendar = every_day(time(0), time(3))
    assert lab_slot(
        calendar=calendar,
        window_from=SPRING,
        window_to=SPRING,
        prefer="target",
        target=SPRING,
        not_before=at(SPRING, 0, 50),
    ) == datetime(2026, 3, 29, 2, 0, tzinfo=LONDON)


# --- properties: a brute-force oracle ------------------------------------------------------------


def brute_force(
    calendar: ClinicCalendar,
    duration: timedelta,
    earliest: datetime,
    chairs: list[ChairSchedule],
    patient_busy: list[tuple[datetime, datetime]],
    count: int,
    step: int,
    horizon: int,
    per_start: int,
) -> list[SlotOption]:
    """Every grid time and chair checked the slow, obvious way."""
    found: list[SlotOption] = []
    for offset in range(horizon):
        day = earliest.astimezone(LONDON).date() + timedelta(days=offset)
        interval = calendar.open_interval(day)
        if interval is None:
            continue
        hours = calendar.hours_on(day)
        assert hours is not None
        naive = datetime.combine(day, hours.opens)
        while naive < datetime.combine(day, hours.closes):
            start = calendar.localize(naive)
            end = (start.astimezone(UTC) + duration).astimezone(LONDON)
            naive += timedelta(minutes=step)
            if start < earliest or end > interval[1]:
                continue
            if any(overlaps(start, end, s, e) for s, e in patient_busy):
                continue
            offered = 0
            for c in chairs:
                if offered < per_start and not any(overlaps(start, end, s, e) for s, e in c.busy):
                    found.append(SlotOption(c.chair_id, c.name, start, end))
                    offered += 1
    return found[:count]


def busy_intervals(day: date) -> st.SearchStrategy[list[tuple[datetime, datetime]]]:
    """Random bookings over the first week from ``day``, 5-minute resolution."""
    moment = st.integers(0, 7 * 24 * 12).map(lambda i: at(day, 0) + timedelta(minutes=5 * i))
    length = st.integers(1, 60).map(lambda i: timedelta(minutes=5 * i))
    return st.lists(st.tuples(moment, length).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    chair_busy=st.lists(busy_intervals(MONDAY), min_size=1, max_size=4),
    patient_busy=busy_intervals(MONDAY),
    duration=st.integers(1, 16).map(lambda i: timedelta(minutes=15 * i)),
    earliest_offset=st.integers(0, 3 * 24 * 4),
    count=st.integers(1, 40),
    step=st.sampled_from([5, 10, 15, 30]),
    per_start=st.integers(1, 3),
    opens=st.sampled_from([time(7), time(8, 10), time(9)]),
)
def test_slots_match_a_brute_force_search(
    chair_busy: list[list[tuple[datetime, datetime]]],
    patient_busy: list[tuple[datetime, datetime]],
    duration: timedelta,
    earliest_offset: int,
    count: int,
    step: int,
    per_start: int,
    opens: time,
) -> None:
    calendar = ClinicCalendar.weekdays("Europe/London", opens, time(17))
    chairs = [chair(i + 1, *busy) for i, busy in enumerate(chair_busy)]
    earliest = at(MONDAY - timedelta(days=1), 0) + timedelta(minutes=15 * earliest_offset)
    options = find_free_slots(
        calendar,
        duration,
        earliest,
        chairs,
        patient_busy,
        count=count,
        step_minutes=step,
        horizon_days=6,
        per_start=per_start,
    )
    assert options == brute_force(
        calendar, duration, earliest, chairs, patient_busy, count, step, 6, per_start
    )
    # the properties the oracle encodes, stated once more on their own
    keys = [
        (o.start.astimezone(UTC), [c.chair_id for c in chairs].index(o.chair_id)) for o in options
    ]
    assert keys == sorted(keys)
    for option in options:
        assert option.start >= earliest
        assert calendar.closed_reason(option.start, option.end) is None
        assert not any(overlaps(option.start, option.end, s, e) for s, e in patient_busy)
        schedule = next(c for c in chairs if c.chair_id == option.chair_id)
        assert not any(overlaps(option.start, option.end, s, e) for s, e in schedule.busy)


@settings(max_examples=60, deadline=None)
@given(
    duration=st.integers(1, 12).map(lambda i: timedelta(minutes=15 * i)),
    day=st.sampled_from([SPRING, AUTUMN]),
    busy=st.lists(
        st.tuples(st.integers(0, 6 * 12), st.integers(1, 24)).map(
            lambda t: (
                datetime.combine(SPRING, time(0), tzinfo=UTC) + timedelta(minutes=5 * t[0]),
                timedelta(minutes=5 * t[1]),
            )
        ),
        max_size=5,
    ),
)
def test_dst_days_slots_are_ordered_inside_hours_and_free(
    duration: timedelta, day: date, busy: list[tuple[datetime, timedelta]]
) -> None:
    calendar = every_day(time(0), time(5))
    shift = datetime.combine(day, time(0), tzinfo=UTC) - datetime.combine(
        SPRING, time(0), tzinfo=UTC
    )
    intervals = [
        (s + shift - timedelta(hours=1), s + shift - timedelta(hours=1) + length)
        for s, length in busy
    ]
    options = find_free_slots(
        calendar, duration, at(day, 0), [chair(1, *intervals)], [], count=100, horizon_days=1
    )
    instants = [o.start.astimezone(UTC) for o in options]
    assert instants == sorted(set(instants))
    opening = datetime.combine(day, time(0), tzinfo=LONDON).astimezone(UTC)
    closing = datetime.combine(day, time(5), tzinfo=LONDON).astimezone(UTC)
    for option in options:
        start, end = option.start.astimezone(UTC), option.end.astimezone(UTC)
        # compared in UTC: two London times of the repeated hour compare by wall clock
        assert end - start == duration
        assert opening <= start and end <= closing
        assert not any(overlaps(start, end, s, e) for s, e in intervals)


# --- find_free_slots: a diary supplied day by day ----------------------------------------------


def test_chairs_per_day_are_asked_only_for_the_days_the_search_reaches() -> None:
    asked: list[date] = []

    def chairs_on(day: date) -> list[ChairSchedule]:
        asked.append(day)
        if day == MONDAY:  # Monday is fully booked
            return [chair(1, (at(MONDAY, 8), at(MONDAY, 18)))]
        return [chair(1)]

    options = find_free_slots(
        weekdays(), timedelta(minutes=60), at(MONDAY, 8), chairs_on, [], count=2, horizon_days=30
    )
    assert starts(options) == [(1, at(MONDAY + timedelta(days=1), 8)),
                               (1, at(MONDAY + timedelta(days=1), 8, 15))]  # fmt: skip
    assert asked == [MONDAY, MONDAY + timedelta(days=1)]


def test_accept_day_skips_a_whole_day_before_its_chairs_are_read() -> None:
    asked: list[date] = []

    def chairs_on(day: date) -> list[ChairSchedule]:
        asked.append(day)
        return [chair(1)]

    options = find_free_slots(
        weekdays(),
        timedelta(minutes=30),
        at(MONDAY, 8),
        chairs_on,
        [],
        count=1,
        accept_day=lambda day: day != MONDAY,
    )
    assert options[0].start == at(MONDAY + timedelta(days=1), 8)
    assert asked == [MONDAY + timedelta(days=1)]


# --- find_lab_slot: the station's load asked slot by slot -----------------------------------


@settings(max_examples=200, deadline=None)
@given(
    full=st.dictionaries(
        st.tuples(st.integers(0, 6), st.integers(0, 39)), st.integers(0, 3), max_size=120
    ),
    prefer=st.sampled_from(["latest", "target"]),
    target_offset=st.integers(0, 6),
    first_offset=st.integers(0, 6),
    length=st.integers(0, 6),
    busy=busy_intervals(MONDAY),
    not_before_offset=st.integers(0, 10 * 24 * 4),
)
def test_a_load_asked_slot_by_slot_finds_the_slot_the_whole_window_finds(
    full: dict[tuple[int, int], int],
    prefer: str,
    target_offset: int,
    first_offset: int,
    length: int,
    busy: list[tuple[datetime, datetime]],
    not_before_offset: int,
) -> None:
    """``load`` as a function of a slot's instant (what the booking path reads from the
    database, a few slots at a time) gives the same slot as the window's whole load, and is
    asked only for slots of the window the patient could take, each once, the answer last."""
    load = {
        at(MONDAY + timedelta(days=d), 8) + timedelta(minutes=15 * slot): n
        for (d, slot), n in full.items()
    }
    window_from = MONDAY + timedelta(days=first_offset)
    window_to = window_from + timedelta(days=length)
    not_before = at(MONDAY - timedelta(days=2), 0) + timedelta(minutes=15 * not_before_offset)
    args: dict[str, Any] = {
        "window_from": window_from,
        "window_to": window_to,
        "prefer": prefer,
        "target": MONDAY + timedelta(days=target_offset) if prefer == "target" else None,
        "patient_busy": busy,
        "not_before": not_before,
        "calendar": every_day(time(8), time(18)),
    }
    asked: list[datetime] = []

    def draws_at(start: datetime) -> int:
        assert start.utcoffset() == timedelta(0)  # an instant, in UTC
        asked.append(start)
        return sum(n for s, n in load.items() if s == start)

    found = lab_slot(load=load, **args)
    assert lab_slot(load=draws_at, **args) == found
    assert len(asked) == len(set(asked))
    for start in asked:
        assert window_from <= start.astimezone(LONDON).date() <= window_to
        assert start >= not_before
        assert not any(overlaps(start, start + timedelta(minutes=15), s, e) for s, e in busy)
    if found is not None:
        assert asked[-1] == found
