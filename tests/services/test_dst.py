"""Clock changes in the clinic's zone (Europe/London), with a clinic open across them.

Sundays 00:00-04:00 wall clock: on 29 March 2026 the clocks go from 01:00 GMT to 02:00 BST
(01:00-01:59 does not exist); on 25 October 2026 from 02:00 BST back to 01:00 GMT
(01:00-01:59 happens twice). A session lasts its chair minutes of real time; wall times
are for display; the repeated hour takes an explicit UTC offset; the skipped hour is
invalid input naming the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.results import SessionView
from tests.conftest import ADMIN, DESK, NURSE
from tests.db_counts import row_counts

LONDON = ZoneInfo("Europe/London")
SUNDAY = 6


@pytest.fixture
def night_clinic(db_url: str) -> Iterator[Services]:
    """The test clinic on 1 March 2026, open Sunday nights 00:00-04:00 too."""
    services = open_services(db_url, clock=fixed_clock(datetime(2026, 3, 1, 9, tzinfo=LONDON)))
    services.setup.init_clinic(ADMIN, name="Night clinic", timezone="Europe/London")
    services.setup.set_opening_hours(ADMIN, SUNDAY, "00:00", "04:00")
    for chair in ("Chair 1", "Chair 2"):
        services.setup.add_chair(ADMIN, chair)
    for number in range(1, 7):
        services.setup.add_patient(
            DESK, mrn=f"M00{number}", name=f"Patient {number}", date_of_birth="1950-01-01"
        )
    yield services
    services.engine.dispose()


def real_minutes(view: SessionView) -> float:
    return (view.end.astimezone(UTC) - view.start.astimezone(UTC)).total_seconds() / 60


def book(services: Services, mrn: str, start: str, chair: str = "Chair 1") -> SessionView:
    return services.booking.book(
        DESK, BookingRequest(mrn, "zoledronic-acid", start, chair)
    ).session  # 60 chair minutes


def stored_sessions(services: Services, day: str) -> list[SessionView]:
    return list(services.queries.day(NURSE, day).sessions)


# ------------------------------------------------------------------------- autumn: fall back


def test_autumn_a_sixty_minute_booking_lasts_sixty_minutes(night_clinic: Services) -> None:
    first = book(night_clinic, "M001", "2026-10-25T01:30+01:00")
    assert first.start.isoformat() == "2026-10-25T01:30:00+01:00"
    assert first.end.isoformat() == "2026-10-25T01:30:00+00:00"  # the second 01:30
    (stored,) = stored_sessions(night_clinic, "2026-10-25")
    assert real_minutes(stored) == 60


def test_autumn_both_halves_of_the_repeated_hour_can_be_booked(night_clinic: Services) -> None:
    first = book(night_clinic, "M001", "2026-10-25T01:30+01:00")
    # The same chair, the second 01:30: it starts when the first session ends.
    second = book(night_clinic, "M002", "2026-10-25T01:30+00:00")
    assert second.chair == first.chair == "Chair 1"
    assert second.start.astimezone(UTC) == first.end.astimezone(UTC)
    early = book(night_clinic, "M003", "2026-10-25T01:00+00:00", chair="Chair 2")
    assert early.start.astimezone(UTC) == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert [real_minutes(v) for v in stored_sessions(night_clinic, "2026-10-25")] == [60] * 3


def test_autumn_an_ambiguous_time_without_offset_names_both_choices(
    night_clinic: Services,
) -> None:
    before = row_counts(night_clinic)
    with pytest.raises(InvalidInputError) as caught:
        book(night_clinic, "M001", "2026-10-25T01:30")
    assert caught.value.field == "start"
    assert caught.value.problem == (
        "2026-10-25 01:30 happens twice in Europe/London (the clocks go back that night): "
        "give 2026-10-25T01:30+01:00 for the first (BST) or 2026-10-25T01:30+00:00 for the "
        "second (GMT)"
    )
    with pytest.raises(InvalidInputError) as caught:
        book(night_clinic, "M001", "2026-10-25T01:30+02:00")
    assert caught.value.field == "start"
    assert "+01:00 or +00:00" in caught.value.problem
    assert row_counts(night_clinic) == before


def test_autumn_moving_into_and_within_the_repeated_hour(night_clinic: Services) -> None:
    session = book(night_clinic, "M001", "2026-10-25T00:00")
    assert session.id is not None
    with pytest.raises(InvalidInputError) as caught:
        night_clinic.booking.move(DESK, session.id, "2026-10-25T01:15")
    assert caught.value.field == "start"
    moved = night_clinic.booking.move(DESK, session.id, "2026-10-25T01:15+00:00").session
    assert moved.start.isoformat() == "2026-10-25T01:15:00+00:00"
    assert moved.end.isoformat() == "2026-10-25T02:15:00+00:00"
    moved = night_clinic.booking.move(DESK, session.id, "2026-10-25T01:15+01:00").session
    assert moved.end.isoformat() == "2026-10-25T01:15:00+00:00"
    assert real_minutes(moved) == 60


def test_autumn_slots_offer_both_halves_and_each_books(night_clinic: Services) -> None:
    book(night_clinic, "M001", "2026-10-25T00:00")  # Chair 1 busy 00:00-01:00 BST
    slots = night_clinic.booking.find_slots(
        DESK, "M002", "zoledronic-acid", "2026-10-25", count=40, chair="Chair 1"
    )
    sunday = [s for s in slots if s.start.date().isoformat() == "2026-10-25"]
    starts = [s.start.isoformat(timespec="minutes") for s in sunday]
    assert starts[:5] == [
        "2026-10-25T01:00+01:00",
        "2026-10-25T01:15+01:00",
        "2026-10-25T01:30+01:00",
        "2026-10-25T01:45+01:00",
        "2026-10-25T01:00+00:00",
    ]
    assert starts[-1] == "2026-10-25T03:00+00:00"  # ends at closing, 04:00 GMT
    assert all(
        (s.end.astimezone(UTC) - s.start.astimezone(UTC)) == timedelta(minutes=60) for s in sunday
    )
    instants = [s.start.astimezone(UTC) for s in sunday]
    assert instants == sorted(set(instants))
    # An offered slot in the second half books as offered (the aware time carries its fold).
    second_half = sunday[4]
    booked = night_clinic.booking.book(
        DESK, BookingRequest("M002", "zoledronic-acid", second_half.start, "Chair 1")
    ).session
    assert booked.start.astimezone(UTC) == second_half.start.astimezone(UTC)


def test_autumn_lab_draws_last_their_slot_in_real_time(night_clinic: Services) -> None:
    # Open Sunday 00:00-02:00: the latest draw that leaves the results turnaround (two full
    # working days, Monday and Tuesday) before Wednesday's zoledronic acid falls in the
    # second, repeated 01:45 and ends at 02:00 GMT, fifteen real minutes later.
    night_clinic.setup.set_opening_hours(ADMIN, SUNDAY, "00:00", "02:00")
    outcome = night_clinic.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", "2026-10-28T08:00", "Chair 1")
    )
    (lab,) = outcome.labs
    assert lab.start.isoformat() == "2026-10-25T01:45:00+00:00"
    assert lab.end.isoformat() == "2026-10-25T02:00:00+00:00"
    (stored,) = night_clinic.queries.day(NURSE, "2026-10-25").labs
    assert stored.end.astimezone(UTC) - stored.start.astimezone(UTC) == timedelta(minutes=15)


# ------------------------------------------------------------------------- spring: forward


def test_spring_the_end_time_exists(night_clinic: Services) -> None:
    session = book(night_clinic, "M001", "2026-03-29T00:30")
    assert session.end.isoformat() == "2026-03-29T02:30:00+01:00"
    (stored,) = stored_sessions(night_clinic, "2026-03-29")
    assert real_minutes(stored) == 60
    assert stored.end.isoformat() == "2026-03-29T02:30:00+01:00"


@pytest.mark.parametrize("start", ["2026-03-29T01:00", "2026-03-29T01:30", "2026-03-29T01:59"])
def test_spring_a_skipped_time_is_invalid_input_naming_the_field(
    night_clinic: Services, start: str
) -> None:
    before = row_counts(night_clinic)
    with pytest.raises(InvalidInputError) as caught:
        book(night_clinic, "M001", start)
    assert caught.value.field == "start"
    assert "does not exist in Europe/London" in caught.value.problem
    assert row_counts(night_clinic) == before
    session = book(night_clinic, "M002", "2026-03-29T00:00")
    assert session.id is not None
    with pytest.raises(InvalidInputError) as caught:
        night_clinic.booking.move(DESK, session.id, start)
    assert caught.value.field == "start"
    assert stored_sessions(night_clinic, "2026-03-29") == [session]


def test_spring_slots_skip_the_missing_hour(night_clinic: Services) -> None:
    slots = night_clinic.booking.find_slots(
        DESK, "M001", "zoledronic-acid", "2026-03-29", count=40, chair="Chair 1"
    )
    sunday = [s for s in slots if s.start.date().isoformat() == "2026-03-29"]
    assert [f"{s.start:%H:%M}-{s.end:%H:%M}" for s in sunday][:5] == [
        "00:00-02:00",
        "00:15-02:15",
        "00:30-02:30",
        "00:45-02:45",
        "02:00-03:00",
    ]


def test_a_series_dose_in_the_skipped_hour_is_named(night_clinic: Services) -> None:
    before = row_counts(night_clinic)
    with pytest.raises(InvalidInputError) as caught:
        night_clinic.booking.book_series(
            DESK,
            BookingRequest("M001", "ferric-derisomaltose", "2026-03-22T01:30", "Chair 1"),
            count=2,
            every=relativedelta(weeks=1),
        )
    assert caught.value.field == "start"
    assert caught.value.problem.startswith("dose 2 of 2: 2026-03-29 01:30 does not exist")
    assert row_counts(night_clinic) == before


# ------------------------------------------------------------------- a zone that skips midnight


@pytest.fixture
def santiago(db_url: str) -> Iterator[Services]:
    """A clinic in Santiago, where 6 September 2026 starts at 01:00 (midnight is skipped)."""
    zone = ZoneInfo("America/Santiago")
    services = open_services(db_url, clock=fixed_clock(datetime(2026, 9, 1, 9, tzinfo=zone)))
    services.setup.init_clinic(ADMIN, name="Santiago", timezone="America/Santiago")
    services.setup.set_opening_hours(ADMIN, SUNDAY, "00:30", "04:00")  # opens in the gap
    services.setup.add_chair(ADMIN, "Chair 1")
    services.setup.add_patient(DESK, mrn="M001", name="Ana Lima", date_of_birth="1950-01-01")
    yield services
    services.engine.dispose()


def test_a_day_whose_midnight_is_skipped_has_a_list_slots_and_a_report(
    santiago: Services,
) -> None:
    day = santiago.queries.day(NURSE, "2026-09-06")
    assert day.sessions == () and day.labs == ()
    slots = santiago.booking.find_slots(DESK, "M001", "zoledronic-acid", "2026-09-06", count=1)
    assert slots[0].start.isoformat() == "2026-09-06T01:00:00-03:00"  # the first open moment
    booked = santiago.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", slots[0].start, "Chair 1")
    ).session
    assert [v.id for v in santiago.queries.day(NURSE, "2026-09-06").sessions] == [booked.id]
    report = santiago.reports.build(ADMIN, "2026-09-06", "2026-09-06")
    (sunday,) = report.days
    # open from the jump (01:00) to 04:00: three real hours per chair
    assert [c.available_minutes for c in sunday.chairs] == [180]
