"""The story the product exists for, end to end on SQLite and PostgreSQL.

A patient on denosumab from the GP is booked for ferric carboxymaltose. The desk is refused
(E2/E3 BLOCK); a nurse overrides with a reason; the session is saved with the override;
baseline labs appear before it and follow-ups after it; cancelling the iron session cancels
those labs.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import PermissionDeniedError, RuleRefusalError
from clinic_app.services.booking import BookingRequest
from tests.cli.test_cli import PASSWORD, USERS, run
from tests.conftest import DESK, NURSE

IRON_DAY = date(2026, 12, 1)  # a Tuesday
BASELINE = {"calcium", "phosphate", "magnesium", "creatinine", "vitamin-d"}
FOLLOW_UP = {"calcium", "phosphate", "magnesium", "creatinine"}
# E6: day 7 (+-2), day 21 (+-3), day 49 (+-7), day 77 (+-7) after the first iron dose.
FOLLOW_UP_WINDOWS = [(7, 2), (21, 3), (49, 7), (77, 7)]
REQUEST = BookingRequest(
    mrn="M001",
    therapy="ferric-carboxymaltose",
    start=f"{IRON_DAY.isoformat()}T10:00",
    chair="Chair 1",
)


@pytest.fixture
def on_denosumab(clinic: Services) -> Services:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    return clinic


def cli(services: Services, *argv: str, user: str = "nina") -> tuple[int, str, str]:
    """The CLI as a logged-in user (the users are created on first use)."""
    if not services.auth.has_users():
        admin = services.auth.create_first_admin(USERS["ada"], PASSWORD)
        services.auth.add_user(admin, USERS["nina"], "nurse", PASSWORD)
        services.auth.add_user(admin, USERS["fred"], "front-desk", PASSWORD)
    return run(services, *argv, user=user)


def test_desk_is_refused_with_the_rule_ids(on_denosumab: Services) -> None:
    with pytest.raises(RuleRefusalError) as caught:
        on_denosumab.booking.book(DESK, REQUEST)
    rules = {f.rule for f in caught.value.findings}
    assert {"E2", "E3"} & rules
    assert caught.value.overridable
    message = " ".join(f.message for f in caught.value.findings).lower()
    assert "denosumab" in message
    assert on_denosumab.queries.day(NURSE, IRON_DAY).sessions == ()


def test_front_desk_may_not_override(on_denosumab: Services) -> None:
    request = BookingRequest(
        REQUEST.mrn,
        REQUEST.therapy,
        REQUEST.start,
        REQUEST.chair,
        override_reason="I think it is fine",
    )
    with pytest.raises(PermissionDeniedError, match="may not record a clinical override"):
        on_denosumab.booking.book(DESK, request)
    assert on_denosumab.queries.day(NURSE, IRON_DAY).sessions == ()


def test_nurse_override_saves_session_findings_and_labs(on_denosumab: Services) -> None:
    request = BookingRequest(
        REQUEST.mrn,
        REQUEST.therapy,
        REQUEST.start,
        REQUEST.chair,
        override_reason="Hb 72, haematology agrees; phosphate monitored",
        consulted="Dr Ann Lee, haematology",
    )
    outcome = on_denosumab.booking.book(NURSE, request)
    overridden = [f for f in outcome.findings if f.overridden_by]
    assert overridden and all(f.overridden_by == "nina.nurse" for f in overridden)
    assert all(f.consulted == "Dr Ann Lee, haematology" for f in overridden)
    assert {f.rule for f in overridden} & {"E2", "E3"}
    assert all("haematology" in (f.override_reason or "") for f in overridden)

    labs = outcome.labs
    baseline = [
        lab
        for lab in labs
        if set(lab.tests) >= BASELINE
        and IRON_DAY - timedelta(days=14) <= lab.start.date() < IRON_DAY
    ]
    assert baseline, labs
    for day, spread in FOLLOW_UP_WINDOWS:
        target = IRON_DAY + timedelta(days=day)
        assert any(
            set(lab.tests) >= FOLLOW_UP and abs((lab.start.date() - target).days) <= spread
            for lab in labs
        ), (f"no follow-up near day {day}", labs)

    # The daily list shows the override; cancelling takes the labs with it.
    day = on_denosumab.queries.day(NURSE, IRON_DAY)
    (session,) = day.sessions
    assert session.overridden
    cancelled = on_denosumab.booking.cancel(NURSE, session.id or 0, "patient declined")
    assert {lab.id for lab in cancelled.cancelled_labs} == {lab.id for lab in labs}
    _, remaining = on_denosumab.queries.patient_schedule(NURSE, "M001")
    assert all(lab.status == "cancelled" for lab in remaining)


@pytest.mark.in_process("drives the CLI on a database file (create_first_admin is server-only)")
def test_story_through_the_cli(on_denosumab: Services) -> None:
    args = [
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "ferric-carboxymaltose",
        "--start",
        f"{IRON_DAY.isoformat()}T10:00",
        "--chair",
        "Chair 1",
        "--json",
    ]
    code, out, err = cli(on_denosumab, *args, user="fred")
    assert code == 3, err
    refusal = json.loads(out)
    assert refusal["ok"] is False
    assert {"E2", "E3"} & {f["rule"] for f in refusal["findings"]}

    code, out, err = cli(
        on_denosumab,
        *args,
        "--override",
        "Hb 72; benefits outweigh risk",
        "--consulted",
        "Dr Ann Lee",
    )
    assert code == 0, err
    booked = json.loads(out)
    assert booked["ok"] is True
    assert any(f.get("override") for f in booked["findings"])
    assert len(booked["labs"]) >= 5
    assert all({"id", "tests", "start", "due_from", "due_to"} <= set(lab) for lab in booked["labs"])

    code, out, _ = cli(on_denosumab, "cancel", str(booked["id"]), "--json")
    assert code == 0
    assert sorted(json.loads(out)["cancelled_labs"]) == sorted(lab["id"] for lab in booked["labs"])


def test_exposure_recorded_after_booking_flags_the_iron_session(clinic: Services) -> None:
    outcome = clinic.booking.book(DESK, REQUEST)  # no exposure known yet: books cleanly
    assert not any(f.severity.value == "BLOCK" for f in outcome.findings)
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    (session,) = clinic.queries.day(NURSE, IRON_DAY).sessions
    assert {f.rule for f in session.findings} & {"E2", "E3"}
    sessions, labs = clinic.queries.patient_schedule(NURSE, "M001")
    assert any(set(lab.tests) >= BASELINE for lab in labs if lab.status == "booked")


def test_antiresorptive_moved_next_to_iron_triggers_e3(clinic: Services) -> None:
    iron = clinic.booking.book(DESK, REQUEST)
    assert iron.session.id is not None
    zol = clinic.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", "2027-06-01T10:00", "Chair 2")
    )
    assert zol.session.id is not None
    with pytest.raises(RuleRefusalError) as caught:
        clinic.booking.move(DESK, zol.session.id, "2026-12-15T10:00")
    assert {"E3", "E7"} & {f.rule for f in caught.value.findings}
