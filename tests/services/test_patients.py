"""Patients and exposures: search, validation, editing and removing exposures."""

from __future__ import annotations

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, NURSE


def test_search_by_name_or_mrn_mrn_matches_first(clinic: Services) -> None:
    names = [p.name for p in clinic.setup.search_patients(DESK, "car")]
    assert names == ["Carol Cooper"]
    by_mrn = clinic.setup.search_patients(DESK, "M00")
    assert [p.mrn for p in by_mrn][:4] == ["M001", "M002", "M003", "M004"] or len(by_mrn) == 4
    assert clinic.setup.search_patients(DESK, "m002")[0].name == "Bob Baker"
    assert clinic.setup.search_patients(DESK, "nobody here") == []


@pytest.mark.parametrize(
    "text",
    ["Cooper, Carol", "carol cooper", "COOPER carol", "coop car", "1962-11-30", "30/11/1962"],
)
def test_search_by_name_in_any_order_or_date_of_birth(clinic: Services, text: str) -> None:
    assert [p.name for p in clinic.setup.search_patients(DESK, text)] == ["Carol Cooper"]


def test_search_by_phone_digits_whatever_the_spacing(clinic: Services) -> None:
    clinic.setup.add_patient(
        DESK, mrn="M900", name="Zed Phone", date_of_birth="1950-01-01", phone="07700 900-123"
    )
    for text in ("07700900123", "+07700 900 123", "900123"):
        assert [p.mrn for p in clinic.setup.search_patients(DESK, text)] == ["M900"], text
    assert clinic.setup.search_patients(DESK, "99999999") == []


def test_search_wildcards_match_only_themselves(clinic: Services) -> None:
    assert clinic.setup.search_patients(DESK, "%") == []
    assert clinic.setup.search_patients(DESK, "_") == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"mrn": "", "name": "X", "date_of_birth": "1950-01-01"}, "mrn"),
        ({"mrn": "M001", "name": "Dup", "date_of_birth": "1950-01-01"}, "mrn"),
        ({"mrn": "M900", "name": " ", "date_of_birth": "1950-01-01"}, "name"),
        ({"mrn": "M900", "name": "X", "date_of_birth": "2030-01-01"}, "dob"),
        ({"mrn": "M900", "name": "X", "date_of_birth": "01/02/1950"}, "dob"),
        ({"mrn": "M900", "name": "X", "date_of_birth": "1950-01-01", "sex": "Q"}, "sex"),
        ({"mrn": "M900", "name": "X", "date_of_birth": "1950-01-01", "phone": "call me"}, "phone"),
    ],
)
def test_patient_validation_names_the_field(
    clinic: Services, fields: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.add_patient(DESK, **fields)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_editing_and_removing_an_exposure_rechecks_bookings(clinic: Services) -> None:
    exposure = clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2025-01-01", where="GP"
    )
    clinic.booking.book(
        DESK, BookingRequest("M001", "ferric-derisomaltose", "2026-12-01T10:00", "Chair 1")
    )
    (session,) = clinic.queries.day(NURSE, "2026-12-01").sessions
    assert "E3" not in {f.rule for f in session.findings}  # denosumab long ago
    changed = clinic.setup.update_exposure(DESK, exposure.id, last_dose="2026-10-01")
    assert changed.last_dose_date is not None and changed.last_dose_date.isoformat() == "2026-10-01"
    (session,) = clinic.queries.day(NURSE, "2026-12-01").sessions
    assert "E3" in {f.rule for f in session.findings}
    clinic.setup.remove_exposure(DESK, exposure.id, "recorded for the wrong patient")
    assert clinic.setup.exposures(DESK, "M001") == []
    (session,) = clinic.queries.day(NURSE, "2026-12-01").sessions
    assert "E3" not in {f.rule for f in session.findings}
    with pytest.raises(InvalidInputError):
        clinic.setup.remove_exposure(DESK, exposure.id, "")


def test_check_move_reports_without_raising(clinic: Services) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    zol = clinic.booking.book(
        DESK, BookingRequest("M002", "zoledronic-acid", "2026-11-24T10:00", "Chair 2")
    )
    iron = clinic.booking.book(
        NURSE, BookingRequest("M001", "ferric-derisomaltose", "2027-06-01T10:00", "Chair 1")
    )
    assert iron.session.id is not None and zol.session.id is not None
    result = clinic.booking.check_move(DESK, iron.session.id, "2026-12-01T10:00")
    assert result.needs_override and result.session is not None
    assert result.session.id == iron.session.id
    assert {"E3"} <= {f.rule for f in result.findings}
    taken = clinic.booking.check_move(DESK, zol.session.id, "2027-06-01T10:00", chair="Chair 1")
    assert taken.conflict is not None
    (unchanged,) = clinic.queries.day(NURSE, "2027-06-01").sessions
    assert unchanged.id == iron.session.id


def test_doses_due_follow_recorded_and_booked_doses(clinic: Services) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M004", drug="denosumab", last_dose="2026-05-01", where="GP"
    )
    (due,) = clinic.queries.doses_due(DESK, "M004")
    assert (due.drug, due.state.value, due.rule) == ("denosumab", "overdue", "C2")
    clinic.booking.book(DESK, BookingRequest("M004", "denosumab", "2026-11-24T09:00", "Chair 1"))
    (due,) = clinic.queries.doses_due(DESK, "M004")
    assert due.state.value == "booked" and due.next_booked is not None
