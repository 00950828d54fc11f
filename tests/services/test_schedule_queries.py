"""Read-side queries: one clinic day, date ranges in batches, a patient's schedule, doses due."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK, LONDON, NOW, NURSE

TUESDAY = date(2026, 11, 24)


class MovableClock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The queries read the same rows on both databases; SQLite is enough here."""
    return sqlite_url


@pytest.fixture
def timed(db_url: str) -> Iterator[tuple[Services, MovableClock]]:
    clock = MovableClock()
    services = open_services(db_url, clock=clock)
    services.setup.init_clinic(ADMIN, name="Test clinic", timezone="Europe/London")
    for chair in ("Chair 1", "Chair 2"):
        services.setup.add_chair(ADMIN, chair)
    for mrn, name in (("M001", "Alice Archer"), ("M002", "Bob Baker")):
        services.setup.add_patient(DESK, mrn=mrn, name=name, date_of_birth="1950-01-01")
    yield services, clock
    services.engine.dispose()


def book(services: Services, mrn: str, therapy: str, start: str, chair: str) -> int:
    outcome = services.booking.book(DESK, BookingRequest(mrn, therapy, start, chair))
    assert outcome.session.id is not None
    return outcome.session.id


def test_a_day_lists_its_sessions_by_time_cancelled_included(
    timed: tuple[Services, MovableClock],
) -> None:
    services, _ = timed
    late = book(services, "M001", "denosumab", "2026-11-24T11:00", "Chair 1")
    early = book(services, "M002", "denosumab", "2026-11-24T09:00", "Chair 2")
    services.booking.cancel(DESK, late, "unwell")
    book(services, "M001", "denosumab", "2026-11-25T11:00", "Chair 1")  # another day
    day = services.queries.day(NURSE, "2026-11-24")
    assert day.day == TUESDAY
    assert [(s.id, s.status) for s in day.sessions] == [(early, "booked"), (late, "cancelled")]
    assert day == services.queries.day(NURSE, TUESDAY)
    with pytest.raises(InvalidInputError) as bad:
        services.queries.day(NURSE, "24/11/2026")
    assert bad.value.field == "date"


def test_a_draw_not_done_shows_on_the_next_days_as_overdue(
    timed: tuple[Services, MovableClock],
) -> None:
    services, clock = timed
    outcome = services.booking.book(
        DESK, BookingRequest("M001", "denosumab", "2026-12-01T10:00", "Chair 1")
    )
    (draw,) = outcome.labs  # C4: calcium in the 30 days before, as late as it fits
    draw_day = draw.start.date()
    assert services.queries.day(NURSE, draw_day).labs[0].id == draw.id
    assert services.queries.day(NURSE, draw_day).overdue_labs == ()  # not yet
    clock.now = datetime.combine(date(2026, 12, 1), time(8), tzinfo=LONDON)
    dose_day = services.queries.day(NURSE, date(2026, 12, 1))
    assert [lab.id for lab in dose_day.overdue_labs] == [draw.id]
    assert services.queries.day(NURSE, draw_day).overdue_labs == ()  # not before its own day


def test_sessions_between_streams_in_batches_and_refuses_a_reversed_range(
    timed: tuple[Services, MovableClock],
) -> None:
    services, _ = timed
    ids = [
        book(services, "M001", "denosumab", f"2026-11-{day}T09:00", "Chair 1")
        for day in (24, 25, 26)
    ]
    streamed = services.queries.sessions_between(NURSE, "2026-11-24", "2026-11-26", batch_days=1)
    assert [s.id for s in streamed] == ids
    assert [s.id for s in services.queries.sessions_between(NURSE, "2026-11-25", "2026-11-25")] == [
        ids[1]
    ]
    with pytest.raises(InvalidInputError) as reversed_range:
        list(services.queries.sessions_between(NURSE, "2026-11-26", "2026-11-24"))
    assert reversed_range.value.field == "to"


def test_a_patients_schedule_is_oldest_first_with_cancelled_ones(
    timed: tuple[Services, MovableClock],
) -> None:
    services, _ = timed
    later = book(services, "M001", "denosumab", "2026-11-26T09:00", "Chair 1")
    earlier = book(services, "M001", "denosumab", "2026-11-24T09:00", "Chair 1")
    services.booking.cancel(DESK, later, "moved")
    sessions, labs = services.queries.patient_schedule(NURSE, "M001")
    assert [(s.id, s.status) for s in sessions] == [(earlier, "booked"), (later, "cancelled")]
    assert [lab.start for lab in labs] == sorted(lab.start for lab in labs)
    assert services.queries.patient_schedule(NURSE, "M002") == ([], [])


def test_doses_due_and_the_calendar(timed: tuple[Services, MovableClock]) -> None:
    services, _ = timed
    services.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-06-01", where="GP"
    )
    (due,) = services.queries.doses_due(NURSE, "M001")
    # Denosumab every 6 months: not before 5 months (C3), late after 6 months + 2 weeks (C2).
    assert (due.drug, due.last_dose, due.last_source) == (
        "denosumab",
        date(2026, 6, 1),
        "given at GP",
    )
    assert (due.earliest, due.overdue_after) == (date(2026, 11, 1), date(2026, 12, 15))
    calendar = services.queries.calendar(NURSE)
    assert calendar.timezone == "Europe/London"
    assert [h.weekday for h in calendar.hours] == [0, 1, 2, 3, 4]
