"""The clinic calendar's clock-change helpers: which moments a wall time names, the start of
a day where midnight is skipped, durations in real time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.clinic_calendar import (
    CalendarError,
    ClinicCalendar,
    NonexistentTimeError,
    OpeningHours,
    wall_time_is_ambiguous,
)

LONDON = ZoneInfo("Europe/London")
SPRING = date(2026, 3, 29)  # 01:00 GMT -> 02:00 BST
AUTUMN = date(2026, 10, 25)  # 02:00 BST -> 01:00 GMT


def london(opens: time = time(0), closes: time = time(4)) -> ClinicCalendar:
    return ClinicCalendar("Europe/London", tuple(OpeningHours(d, opens, closes) for d in range(7)))


def test_an_ordinary_time_names_one_moment() -> None:
    assert london().wall_time_choices(datetime(2026, 11, 24, 9, 0)) == (
        datetime(2026, 11, 24, 9, 0, tzinfo=LONDON),
    )


def test_a_repeated_time_names_two_moments_earliest_first() -> None:
    first, second = london().wall_time_choices(datetime(2026, 10, 25, 1, 30))
    assert first.isoformat() == "2026-10-25T01:30:00+01:00"
    assert second.isoformat() == "2026-10-25T01:30:00+00:00"
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    assert wall_time_is_ambiguous(first) and wall_time_is_ambiguous(second)
    assert not wall_time_is_ambiguous(datetime(2026, 10, 25, 2, 30, tzinfo=LONDON))


def test_a_skipped_time_names_none_and_localize_refuses_it() -> None:
    calendar = london()
    assert calendar.wall_time_choices(datetime(2026, 3, 29, 1, 30)) == ()
    with pytest.raises(NonexistentTimeError, match="does not exist in Europe/London"):
        calendar.localize(datetime(2026, 3, 29, 1, 30))


def test_localize_reads_the_fold() -> None:
    calendar = london()
    assert calendar.localize(datetime(2026, 10, 25, 1, 30)).utcoffset() == timedelta(hours=1)
    assert calendar.localize(datetime(2026, 10, 25, 1, 30, fold=1)).utcoffset() == timedelta(0)


def test_plus_adds_real_time_across_both_changes() -> None:
    calendar = london()
    autumn = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)  # BST
    end = calendar.plus(autumn, timedelta(minutes=60))
    assert end.isoformat() == "2026-10-25T01:30:00+00:00"  # the second 01:30
    assert (autumn + timedelta(minutes=60)).astimezone(UTC) - autumn.astimezone(UTC) == timedelta(
        hours=2
    )  # what Python's own + would have stored
    spring = datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)
    assert calendar.plus(spring, timedelta(minutes=60)).isoformat() == "2026-03-29T02:30:00+01:00"


@pytest.mark.parametrize(
    ("zone_name", "day", "first_moment"),
    [
        ("America/Santiago", date(2026, 9, 6), "2026-09-06T01:00:00-03:00"),
        ("America/Havana", date(2026, 3, 8), "2026-03-08T01:00:00-04:00"),
        ("Europe/London", SPRING, "2026-03-29T00:00:00+00:00"),
        ("Europe/London", AUTUMN, "2026-10-25T00:00:00+01:00"),
    ],
)
def test_a_day_starts_when_its_first_moment_does(
    zone_name: str, day: date, first_moment: str
) -> None:
    calendar = ClinicCalendar.weekdays(zone_name)
    start = calendar.day_start(day)
    assert start.isoformat() == first_moment
    assert calendar.local_day(start) == day
    # one real second earlier (start - 1 s on the wall clock would not exist)
    assert calendar.local_day(calendar.plus(start, timedelta(seconds=-1))) == day - timedelta(
        days=1
    )


def test_opening_and_closing_in_the_spring_gap_are_the_moment_of_the_jump() -> None:
    calendar = london(time(1, 15), time(1, 45))
    opens, closes = calendar.open_interval(SPRING) or (None, None)
    jump = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert opens == jump and closes == jump


@settings(max_examples=200, deadline=None)
@given(
    minute=st.integers(0, 3 * 24 * 60),
    zone_name=st.sampled_from(["Europe/London", "America/Santiago", "Australia/Lord_Howe"]),
    day=st.sampled_from([date(2026, 3, 28), date(2026, 9, 5), date(2026, 10, 3), AUTUMN]),
)
def test_every_wall_time_choice_reads_back_and_at_or_after_is_the_first(
    minute: int, zone_name: str, day: date
) -> None:
    calendar = ClinicCalendar.weekdays(zone_name)
    naive = datetime.combine(day, time(0)) + timedelta(minutes=minute)
    choices = calendar.wall_time_choices(naive)
    for choice in choices:
        assert choice.replace(tzinfo=None) == naive
        assert choice.astimezone(UTC).astimezone(calendar.tz).replace(tzinfo=None) == naive
    instants = [c.astimezone(UTC) for c in choices]
    assert instants == sorted(set(instants))
    first = calendar.at_or_after(naive)
    assert first.astimezone(calendar.tz).replace(tzinfo=None) >= naive
    # one second earlier the wall clock still read less: nothing earlier reads naive or later
    before = (first.astimezone(UTC) - timedelta(seconds=1)).astimezone(calendar.tz)
    assert before.replace(tzinfo=None) < naive


def test_a_wall_time_beyond_the_calendar_is_a_calendar_error() -> None:
    santiago = ClinicCalendar.weekdays("America/Santiago")
    with pytest.raises(CalendarError, match="outside the dates"):
        santiago.wall_time_choices(datetime(9999, 12, 31, 23, 0))
