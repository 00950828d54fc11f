"""Opening hours per weekday: administrators only, checked, audited, used from then on."""

from __future__ import annotations

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK
from tests.db_counts import row_counts


def test_a_sunday_opened_by_the_administrator_can_be_booked(clinic: Services) -> None:
    clinic.setup.set_opening_hours(ADMIN, 6, "09:00", "13:00")
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "denosumab", "2026-11-29T09:00", "Chair 1")
    )
    assert outcome.session.start.date().isoformat() == "2026-11-29"
    clinic.setup.set_opening_hours(ADMIN, 0, "10:00", "12:00")  # Mondays shorter
    assert clinic.queries.calendar(DESK).hours_on(outcome.session.start.date()) is not None
    monday = clinic.queries.calendar(DESK).hours_on(outcome.session.start.date().replace(day=30))
    assert monday is not None and (monday.opens.hour, monday.closes.hour) == (10, 12)


@pytest.mark.parametrize(
    ("weekday", "opens", "closes", "field"),
    [
        (7, "09:00", "13:00", "weekday"),
        (-1, "09:00", "13:00", "weekday"),
        (6, "13:00", "09:00", "hours"),
        (6, "9am", "13:00", "opens"),
        (6, "09:00", "25:00", "closes"),
    ],
)
def test_bad_hours_are_refused_by_field(
    clinic: Services, weekday: int, opens: str, closes: str, field: str
) -> None:
    before = row_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.set_opening_hours(ADMIN, weekday, opens, closes)
    assert caught.value.field == field
    assert row_counts(clinic) == before


def test_only_an_administrator_sets_hours(clinic: Services) -> None:
    with pytest.raises(PermissionDeniedError):
        clinic.setup.set_opening_hours(DESK, 6, "09:00", "13:00")
