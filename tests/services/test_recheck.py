"""Re-checking a patient's sessions after their timeline changed.

``evaluate_sessions`` judges each session against the rest; ``recheck_patient`` stores the new
findings of today's and later sessions (keeping overrides) and reconciles the labs of all.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.timeline import Regimen
from clinic_app.persistence import repositories as repo
from clinic_app.services.booking import BookingRequest
from clinic_app.services.patient_state import PatientState
from clinic_app.services.recheck import evaluate_sessions, proposal_of, recheck_patient
from tests.conftest import ADMIN, DESK, LONDON, NOW, NURSE

IRON = "2026-12-01T10:00"


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The re-check is the same on both databases; SQLite is enough here."""
    return sqlite_url


def book(
    clinic: Services,
    therapy: str,
    start: str,
    regimen: str | None = None,
    override: str | None = None,
) -> int:
    request = BookingRequest(
        "M001", therapy, start, "Chair 1", override_reason=override, regimen=regimen,
        consulted="Dr Grey" if override else None,
    )  # fmt: skip
    outcome = clinic.booking.book(NURSE, request)
    assert outcome.session.id is not None
    return outcome.session.id


def rules_of(clinic: Services, session_id: int) -> set[str]:
    sessions, _ = clinic.queries.patient_schedule(NURSE, "M001")
    return {f.rule for s in sessions if s.id == session_id for f in s.findings}


def test_a_stored_session_becomes_the_engines_proposal(clinic: Services) -> None:
    session_id = book(clinic, "zoledronic-acid", "2026-11-24T09:00", regimen="prevention")
    with clinic.ctx.db.read() as uow:
        s = uow.session
        calendar = repo.load_calendar(s)
        proposal = proposal_of(repo.session_by_id(s, session_id), calendar)
    assert proposal.session_id == session_id
    assert (proposal.therapy, proposal.day, proposal.regimen) == (
        "zoledronic-acid",
        date(2026, 11, 24),
        Regimen.PREVENTION,
    )
    assert proposal.start == datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    assert proposal.end == datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)


def test_findings_only_from_today_on_but_labs_for_every_session(clinic: Services) -> None:
    iron = book(clinic, "ferric-derisomaltose", IRON)
    # Two weeks after the iron: E7 (and E3 on the iron), booked with a nurse's override.
    zoledronic = book(clinic, "zoledronic-acid", "2026-12-15T10:00", override="haematology ok")
    with clinic.ctx.db.read() as uow:
        s = uow.session
        calendar = repo.load_calendar(s)
        state = PatientState.load(s, repo.patient_by_mrn(s, "M001"), calendar, clinic.ctx.catalog)
        params = clinic.rules.params(s)
        timeline = state.timeline()
        now_on, needs = evaluate_sessions(
            state.sessions, timeline, clinic.rules, params, calendar, date(2026, 11, 23)
        )
        later, later_needs = evaluate_sessions(
            state.sessions, timeline, clinic.rules, params, calendar, date(2026, 12, 2)
        )
    assert {f.rule for f in now_on[iron]} >= {"E3"}  # the zoledronic acid 2 weeks later
    assert {f.rule for f in now_on[zoledronic]} >= {"E7"}
    assert set(later) == {zoledronic}  # the iron's day has passed: its findings are history
    assert (
        {n.session_id for n in needs} == {iron, zoledronic} == {n.session_id for n in later_needs}
    )


def test_a_recorded_exposure_reaches_a_session_booked_before_it(clinic: Services) -> None:
    iron = book(clinic, "ferric-derisomaltose", IRON)
    assert not {"E2", "E5", "E6"} & rules_of(clinic, iron)
    labs_before = len(clinic.queries.patient_schedule(NURSE, "M001")[1])
    clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", last_dose="2026-07-01")
    # add_exposure re-checks through recheck_patient: E2 on the iron, and its E5/E6 draws.
    assert "E2" in rules_of(clinic, iron)
    _, labs = clinic.queries.patient_schedule(NURSE, "M001")
    assert len(labs) > labs_before
    assert any("E5" in lab.rules for lab in labs) and any("E6" in lab.rules for lab in labs)


def test_recheck_patient_changes_nothing_when_nothing_changed(clinic: Services) -> None:
    iron = book(clinic, "ferric-derisomaltose", IRON)
    before = clinic.queries.patient_schedule(NURSE, "M001")
    audit_before = len(list(clinic.audit.entries(ADMIN)))
    with clinic.ctx.db.write() as uow:
        s = uow.session
        calendar = repo.load_calendar(s)
        patient = repo.patient_by_mrn(s, "M001")
        changes = recheck_patient(s, clinic.ctx, clinic.rules, NURSE, patient, calendar, NOW)
        assert (changes.created, changes.moved, changes.extended, changes.cancelled) == (
            [],
            [],
            [],
            [],
        )
        uow.commit()
    assert clinic.queries.patient_schedule(NURSE, "M001") == before
    assert len(list(clinic.audit.entries(ADMIN))) == audit_before  # no "recheck" entry
    assert iron in {s.id for s in before[0]}
