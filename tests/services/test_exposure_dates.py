"""An outside exposure is a dose that has been given: its date is not after today, in the
clinic's zone, and not before the patient was born. A refused date writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, NURSE
from tests.db_counts import row_counts


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"last_dose": "2026-11-24"}, "date"),
        ({"last_dose": "2028-01-01"}, "date"),
        ({"ongoing_since": "2026-12-01"}, "ongoing-since"),
        ({"last_dose": "1950-03-13"}, "date"),  # the day before Alice Archer was born
    ],
)
def test_a_dose_after_today_or_before_birth_is_refused(
    clinic: Services, dates: dict[str, str], field: str
) -> None:
    before = row_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", where="GP", **dates)
    assert caught.value.field == field
    assert row_counts(clinic) == before


def test_a_future_dose_cannot_flag_a_booking(clinic: Services) -> None:
    clinic.booking.book(
        DESK, BookingRequest("M001", "ferric-derisomaltose", "2026-12-01T10:00", "Chair 1")
    )
    with pytest.raises(InvalidInputError):
        clinic.setup.add_exposure(DESK, mrn="M001", drug="zoledronic-acid", last_dose="2026-12-15")
    (session,) = clinic.queries.day(NURSE, "2026-12-01").sessions
    assert not session.findings


def test_today_is_accepted(clinic: Services) -> None:
    exposure = clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-11-23", where="GP"
    )
    assert exposure.last_dose_date == date(2026, 11, 23)


def test_editing_to_a_future_date_is_refused_and_changes_nothing(clinic: Services) -> None:
    exposure = clinic.setup.add_exposure(
        DESK, mrn="M001", drug="alendronate", ongoing_since="2025-06-01", where="GP"
    )
    before = row_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.update_exposure(DESK, exposure.id, last_dose="2026-11-30")
    assert caught.value.field == "date"
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.update_exposure(DESK, exposure.id, ongoing_since="2027-01-01")
    assert caught.value.field == "ongoing-since"
    assert row_counts(clinic) == before
    (unchanged,) = clinic.setup.exposures(DESK, "M001")
    assert unchanged.ongoing_since == date(2025, 6, 1) and unchanged.last_dose_date is None


@pytest.fixture
def auckland(db_url: str) -> Iterator[Services]:
    """A clinic in Auckland at 23:30 UTC on 23 November 2026: 12:30 on the 24th there."""
    services = open_services(db_url, clock=fixed_clock(datetime(2026, 11, 23, 23, 30, tzinfo=UTC)))
    services.setup.init_clinic(ADMIN, name="Auckland", timezone="Pacific/Auckland")
    services.setup.add_patient(DESK, mrn="M001", name="Aroha Ngata", date_of_birth="1950-01-01")
    yield services
    services.engine.dispose()


def test_today_is_the_clinic_s_date_in_its_own_zone(auckland: Services) -> None:
    exposure = auckland.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-11-24", where="GP"
    )
    assert exposure.last_dose_date == date(2026, 11, 24)
    with pytest.raises(InvalidInputError) as caught:
        auckland.setup.add_exposure(DESK, mrn="M001", drug="denosumab", last_dose="2026-11-25")
    assert "2026-11-24 in Pacific/Auckland" in caught.value.problem
