"""The contract: the same service calls give the same answers in-process and over the server.

Every test here runs twice (``any_services``): on the services themselves and on the remote
adapter talking to a real server process. Results are compared as the same dataclasses;
refusals as the same exception types with the same fields (the CLI's exit codes hang on them).
"""

from __future__ import annotations

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.domain.findings import Severity
from clinic_app.services.booking import BookingRequest
from clinic_app.services.results import BookingOutcome, SessionView
from tests.conftest import ADMIN, DESK, MANAGER, NURSE


def test_book_check_move_cancel(any_services: Services) -> None:
    s = any_services
    request = BookingRequest("M001", "denosumab", "2026-11-25T09:00", chair="Chair 1")
    check = s.booking.check(DESK, request)
    assert check.conflict is None and not check.hard_refused
    outcome = s.booking.book(DESK, request)
    assert isinstance(outcome, BookingOutcome) and isinstance(outcome.session, SessionView)
    sid = outcome.session.id
    assert sid is not None and outcome.session.chair == "Chair 1"
    assert outcome.session.start.isoformat() == "2026-11-25T09:00:00+00:00"
    moved = s.booking.move(DESK, sid, "2026-11-26T10:00", chair="Chair 2")
    assert (moved.session.id, moved.session.chair) == (sid, "Chair 2")
    (listed,) = s.queries.day(NURSE, "2026-11-26").sessions
    assert listed.id == sid and listed.patient_name == "Alice Archer"
    assert s.queries.day(NURSE, "2026-11-25").sessions == ()
    sessions, labs = s.queries.patient_schedule(NURSE, "M001")
    assert [v.id for v in sessions] == [sid]
    assert all(lab.session_ids == (sid,) for lab in labs)
    cancelled = s.booking.cancel(DESK, sid, "patient asked")
    assert cancelled.session.status == "cancelled"
    assert [v.status for v in s.queries.sessions_between(NURSE, "2026-11-23", "2026-11-30")] == [
        "cancelled"
    ]


def test_status_today_and_refused_status(any_services: Services) -> None:
    s = any_services
    sid = s.booking.book(DESK, BookingRequest("M002", "denosumab", "2026-11-23T09:00")).session.id
    assert sid is not None
    assert s.booking.set_status(NURSE, sid, "cancelled", "ill").session.status == "cancelled"
    with pytest.raises(InvalidInputError) as caught:
        s.booking.set_status(NURSE, sid, "arrived", "")
    assert caught.value.field == "status"


def test_chair_conflict_is_the_same_exception(any_services: Services) -> None:
    s = any_services
    s.booking.book(DESK, BookingRequest("M001", "denosumab", "2026-11-25T09:00", chair="Chair 1"))
    with pytest.raises(SchedulingConflictError) as caught:
        s.booking.book(
            DESK, BookingRequest("M002", "denosumab", "2026-11-25T09:00", chair="Chair 1")
        )
    assert caught.value.kind == "chair"


def test_rule_refusal_carries_its_findings(any_services: Services) -> None:
    s = any_services
    s.booking.book(DESK, BookingRequest("M001", "denosumab", "2026-11-24T09:00"))
    with pytest.raises(RuleRefusalError) as caught:
        s.booking.book(DESK, BookingRequest("M001", "ferric-carboxymaltose", "2026-11-25T09:00"))
    assert caught.value.findings
    assert all(f.severity in (Severity.BLOCK, Severity.HARD) for f in caught.value.findings)
    assert isinstance(caught.value.overridable, bool)


def test_permission_and_not_found(any_services: Services) -> None:
    s = any_services
    with pytest.raises(PermissionDeniedError) as denied:
        s.booking.book(MANAGER, BookingRequest("M001", "denosumab", "2026-11-25T09:00"))
    assert denied.value.role == "manager"
    with pytest.raises(NotFoundError) as missing:
        s.setup.patient(DESK, "NOPE")
    assert missing.value.field


def test_patients_and_exposures(any_services: Services) -> None:
    s = any_services
    added = s.setup.add_patient(DESK, mrn="M900", name="Zed Zulu", date_of_birth="1960-02-02")
    assert s.setup.patient(NURSE, "M900") == added
    assert [p.mrn for p in s.setup.search_patients(DESK, "Zulu")] == ["M900"]
    exposure = s.setup.add_exposure(NURSE, mrn="M900", drug="denosumab", last_dose="2026-10-01")
    assert s.setup.exposures(NURSE, "M900") == [exposure]
    assert [c.name for c in s.setup.chairs(ADMIN)] == ["Chair 1", "Chair 2", "Chair 3"]
    assert s.setup.clinic_name() == "Test clinic"


def test_day_replan_proposed_and_applied_the_same_way(any_services: Services) -> None:
    s = any_services
    for name in ("Nora Night", "Olga Other"):
        s.staffing.add_nurse(MANAGER, name)
        s.staffing.set_shift(MANAGER, name, "2026-11-25", "08:00", "16:00")
    first = s.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", "2026-11-25T09:00", chair="Chair 1")
    ).session.id
    later = s.booking.book(
        DESK, BookingRequest("M002", "zoledronic-acid", "2026-11-25T10:00", chair="Chair 1")
    ).session.id
    assert first is not None and later is not None
    proposal = s.booking.propose_replan(NURSE, "2026-11-25", (), {first: 15})
    assert [(c.session_id, c.to_chair, c.reason) for c in proposal.moves] == [
        (first, "Chair 1", "late"),
        (later, "Chair 2", "chair"),  # another chair at once beats waiting for its own
    ]
    assert proposal.moves[1].to_start is not None
    assert proposal.moves[1].to_start.isoformat() == "2026-11-25T10:00:00+00:00"
    with pytest.raises(InvalidInputError) as caught:
        s.booking.propose_replan(NURSE, "2026-11-25", ("Olga Other",), {first: 0})
    assert caught.value.field == "late"
    with pytest.raises(PermissionDeniedError):
        s.booking.apply_replan(MANAGER, proposal)
    applied = s.booking.apply_replan(NURSE, proposal)
    assert applied.move_plan == proposal.move_plan
    starts = [f"{v.start:%H:%M}" for v in s.queries.day(NURSE, "2026-11-25").sessions]
    assert starts == ["09:15", "10:00"]
    with pytest.raises(SchedulingConflictError) as stale:
        s.booking.apply_replan(NURSE, proposal)
    assert stale.value.kind == "state"
