"""Values beyond what the clinic can represent are refused by the services, for every shell.

The GUI passes dates and datetimes as objects rather than text; they meet the same checks.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.clinic_calendar import FIRST_DAY, LAST_DAY, outside_calendar
from clinic_app.domain.errors import InvalidInputError, NotFoundError
from clinic_app.services.booking import BookingRequest
from tests.conftest import LONDON, MANAGER, NURSE


def test_the_calendar_bounds() -> None:
    assert outside_calendar(FIRST_DAY) is None and outside_calendar(LAST_DAY) is None
    assert outside_calendar(date(1899, 12, 31)) == (
        "1899-12-31 is outside the clinic's calendar (1900-01-01 to 2199-12-31)"
    )
    assert outside_calendar(date.max) is not None and outside_calendar(date.min) is not None


@pytest.mark.parametrize("day", [date.max, date.min, date(2200, 1, 1)])
@pytest.mark.in_process(
    "passes datetime objects where a date is declared; the wire carries only the declared type "
    "(the server refuses them as 'not a date' instead)"
)
def test_far_dates_as_objects_are_refused(clinic: Services, day: date) -> None:
    moment = datetime.combine(day, datetime.min.time()).replace(hour=10, tzinfo=LONDON)
    calls = {
        "date": lambda: clinic.queries.day(NURSE, day),
        "after": lambda: clinic.booking.find_slots(NURSE, "M001", "denosumab", moment),
        "start": lambda: clinic.booking.book(
            NURSE, BookingRequest("M001", "denosumab", moment, "Chair 1")
        ),
        "from": lambda: list(clinic.queries.sessions_between(MANAGER, day, LAST_DAY)),
    }
    for field, call in calls.items():
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert caught.value.field == field
        assert "outside the clinic's calendar" in caught.value.problem
    assert clinic.queries.day(NURSE, "2026-11-24").sessions == ()


@pytest.mark.parametrize("session_id", [2**31, 2**63, 10**20, 0, -(2**63) - 1])
def test_ids_beyond_the_integer_columns_name_no_row(clinic: Services, session_id: int) -> None:
    """PostgreSQL's ids are 32-bit, SQLite's 64-bit: beyond either, no row, not an overflow."""
    for call in (
        lambda: clinic.booking.cancel(NURSE, session_id, "x"),
        lambda: clinic.booking.set_status(NURSE, session_id, "arrived"),
        lambda: clinic.booking.move(NURSE, session_id, "2026-11-25T09:00"),
        lambda: clinic.booking.check_move(NURSE, session_id, "2026-11-25T09:00"),
        lambda: clinic.setup.remove_exposure(NURSE, session_id, "recorded in error"),
    ):
        with pytest.raises(NotFoundError):
            call()
