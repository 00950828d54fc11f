"""A patient's whole picture inside a transaction: doses here and elsewhere, labs, busy times."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.timeline import Dose, DoseSource, Regimen
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import ExposureRow
from clinic_app.services.booking import BookingRequest
from clinic_app.services.patient_state import PatientState, regimen_of
from tests.conftest import DESK, LONDON, NOW, NURSE


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The loading logic is the same on both databases; SQLite is enough here."""
    return sqlite_url


@contextmanager
def loaded(services: Services, mrn: str) -> Iterator[PatientState]:
    """The patient's state, inside the read unit of work that loaded it (rows stay live)."""
    with services.ctx.db.read() as uow:
        s = uow.session
        calendar = repo.load_calendar(s)
        yield PatientState.load(s, repo.patient_by_mrn(s, mrn), calendar, services.ctx.catalog)


def book(services: Services, therapy: str, start: str, regimen: str | None = None) -> int:
    outcome = services.booking.book(
        NURSE, BookingRequest("M001", therapy, start, "Chair 1", regimen=regimen)
    )
    assert outcome.session.id is not None
    return outcome.session.id


def test_recorded_exposures_become_doses_given_elsewhere(clinic: Services) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-09-01", where="GP"
    )
    clinic.setup.add_exposure(DESK, mrn="M001", drug="alendronate", ongoing_since="2024-05-01")
    with loaded(clinic, "M001") as state:
        assert sorted(state.recorded, key=lambda d: d.day) == [
            Dose("alendronate", date(2024, 5, 1), source=DoseSource.RECORDED, ongoing=True),
            Dose("denosumab", date(2026, 9, 1), source=DoseSource.RECORDED, where="GP"),
        ]
        assert state.sessions == [] and state.labs == []


def test_a_drug_retired_from_the_catalog_drives_no_rule(clinic: Services) -> None:
    with clinic.ctx.db.write() as uow:
        patient = repo.patient_by_mrn(uow.session, "M001")
        uow.session.add(
            ExposureRow(
                patient_id=patient.id,
                drug_code="etidronate",  # not in the catalog (any more)
                last_dose_date=date(2026, 1, 1),
                where_given="",
                removed=False,
                created_at=NOW,
            )
        )
        uow.commit()
    with loaded(clinic, "M001") as state:
        assert state.recorded == ()


def test_sessions_and_their_labs_make_the_timeline_and_the_busy_times(clinic: Services) -> None:
    session_id = book(clinic, "zoledronic-acid", "2026-11-24T10:00", regimen="prevention")
    with loaded(clinic, "M001") as state:
        (row,) = state.sessions
        assert row.id == session_id
        timeline = state.timeline()
        (dose,) = timeline.doses
        assert (dose.drug, dose.day, dose.session_id, dose.regimen) == (
            "zoledronic-acid",
            date(2026, 11, 24),
            session_id,
            Regimen.PREVENTION,
        )
        assert dose.start == datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
        # A7 (creatinine, calcium) and A9 (vitamin D) before the first dose: one draw.
        (visit,) = timeline.labs
        assert visit.tests == frozenset({"creatinine", "calcium", "vitamin-d"})
        assert not visit.completed
        assert state.timeline(without=session_id).doses == ()
        extra = Dose("denosumab", date(2026, 12, 1), source=DoseSource.RECORDED)
        assert extra in state.timeline(extra=extra).doses
        busy = state.busy()
        assert (row.start_utc, row.end_utc) in busy and len(busy) == 2  # session and draw
        assert state.busy(without_session=session_id) == [
            (lab.start_utc, lab.end_utc) for lab in state.labs
        ]


def test_a_cancelled_session_is_no_dose(clinic: Services) -> None:
    session_id = book(clinic, "denosumab", "2026-11-24T10:00")
    clinic.booking.cancel(DESK, session_id, "moved away")
    with loaded(clinic, "M001") as state:
        assert state.sessions == [] and state.timeline().doses == ()


def test_regimen_words() -> None:
    assert regimen_of(None) is None
    assert regimen_of("treatment") is Regimen.TREATMENT
    assert regimen_of("prevention") is Regimen.PREVENTION


def test_a_placed_dose_added_to_the_timeline_gives_the_timeline_built_with_it(
    clinic: Services,
) -> None:
    """The booking re-checks neighbours on the proposal's timeline with the placed session
    added (``with_dose``) instead of building it again from the rows: the same timeline,
    doses in the same order (a recorded dose and the placed one on one day, a moved one)."""
    first = book(clinic, "denosumab", "2026-11-24T10:00")
    outcome = clinic.booking.book(
        NURSE,
        BookingRequest(
            "M001", "ferric-carboxymaltose", "2026-12-22T09:00", "Chair 1",
            override_reason="reviewed with haematology", consulted="Dr Grey",
        ),
    )  # fmt: skip
    moved = outcome.session.id
    clinic.setup.add_exposure(DESK, mrn="M001", drug="alendronate", ongoing_since="2026-11-20")
    with loaded(clinic, "M001") as state:
        for without in (None, moved):
            placed = Dose(
                "ferric-carboxymaltose",
                date(2026, 11, 20),
                DoseSource.SESSION,
                datetime(2026, 11, 20, 8, 0, tzinfo=LONDON),
                datetime(2026, 11, 20, 8, 30, tzinfo=LONDON),
                session_id=without if without is not None else 999_999,
            )
            built = state.timeline(extra=placed, without=placed.session_id)
            assert state.timeline(without=without).with_dose(placed) == built
            assert [d.session_id for d in built.doses][:3] == [None, placed.session_id, first]
