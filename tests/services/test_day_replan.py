"""The day-of re-plan in the booking service (issue 14), on SQLite and PostgreSQL, in-process
and over the server: the proposal reads only, the apply moves through the booking move path
in one transaction, and a refused move, a changed day or a missing right changes nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import (
    ConflictKind,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK, LONDON, MANAGER, NURSE

DAY = date(2026, 11, 25)  # a Wednesday, two days after NOW


def book(clinic: Services, mrn: str, at: str, chair: str, therapy: str = "zoledronic-acid") -> int:
    """60 chair minutes of zoledronic acid: 10 min set-up, 5 min take-down."""
    sid = clinic.booking.book(DESK, BookingRequest(mrn, therapy, f"{DAY} {at}", chair=chair))
    assert sid.session.id is not None
    return sid.session.id


def two_nurses(clinic: Services) -> None:
    for name in ("Nora Night", "Olga Other"):
        clinic.staffing.add_nurse(MANAGER, name)
        clinic.staffing.set_shift(MANAGER, name, DAY, "08:00", "16:00")


def places(clinic: Services) -> dict[int, tuple[str, str]]:
    return {
        v.id: (v.chair, f"{v.start:%H:%M}")
        for v in clinic.queries.day(NURSE, DAY).sessions
        if v.id is not None
    }


def at(hh_mm: str) -> datetime:
    hour, minute = map(int, hh_mm.split(":"))
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=LONDON)


def test_a_sick_nurse_is_proposed_then_applied_in_one_go(clinic: Services) -> None:
    two_nurses(clinic)
    first = book(clinic, "M001", "09:00", "Chair 1")
    second = book(clinic, "M002", "09:00", "Chair 2")
    before = places(clinic)
    proposal = clinic.booking.propose_replan(MANAGER, DAY, sick=("Olga Other",))
    # Read only: nothing moved, the rota unchanged.
    assert places(clinic) == before
    assert len(clinic.staffing.day_load(NURSE, DAY).shifts) == 2
    (move,) = proposal.moves
    assert (move.session_id, move.mrn, move.from_chair, move.to_chair) == (
        second,
        "M002",
        "Chair 2",
        "Chair 2",
    )
    assert (move.from_start, move.to_start, move.reason) == (at("09:00"), at("10:00"), "nurse")
    assert move.to_nurse == "Nora Night" and proposal.new_day == ()
    assert first not in {c.session_id for c in proposal.moves}

    # Taking a nurse off the rota is the manager's; the re-plan is applied once she has.
    with pytest.raises(InvalidInputError) as refused:
        clinic.booking.apply_replan(NURSE, proposal)
    assert refused.value.field == "sick" and places(clinic) == before
    clinic.staffing.remove_shift(MANAGER, "Olga Other", DAY)
    applied = clinic.booking.apply_replan(NURSE, proposal)
    assert applied.move_plan == proposal.move_plan
    assert places(clinic) == {first: ("Chair 1", "09:00"), second: ("Chair 2", "10:00")}
    assert [s.nurse for s in clinic.staffing.day_load(NURSE, DAY).shifts] == ["Nora Night"]
    assignment = clinic.staffing.assignment(NURSE, DAY)
    assert {s.nurse for s in assignment.sessions} == {"Nora Night"} and not assignment.uncovered
    audit = {(e.entity, e.action) for e in clinic.audit.entries(ADMIN, limit=20)}
    assert {("day", "replan"), ("session", "move")} <= audit
    # The day has changed now: the same proposal again is refused, nothing changes.
    with pytest.raises(SchedulingConflictError) as caught:
        clinic.booking.apply_replan(NURSE, proposal)
    assert caught.value.kind == ConflictKind.STATE and "propose it again" in caught.value.message


def test_a_late_session_pushes_the_next_one_on_its_chair(clinic: Services) -> None:
    two_nurses(clinic)
    early = book(clinic, "M001", "09:00", "Chair 1")
    later = book(clinic, "M002", "10:00", "Chair 1")
    other = book(clinic, "M003", "10:00", "Chair 2")
    proposal = clinic.booking.propose_replan(NURSE, DAY, late={early: 20})
    assert [
        (c.session_id, f"{c.to_start:%H:%M}", c.to_chair, c.reason) for c in proposal.moves
    ] == [
        (early, "09:20", "Chair 1", "late"),
        (later, "10:20", "Chair 1", "chair"),
    ]
    clinic.booking.apply_replan(NURSE, proposal)
    assert places(clinic) == {
        early: ("Chair 1", "09:20"),
        later: ("Chair 1", "10:20"),
        other: ("Chair 2", "10:00"),
    }


def test_a_session_the_day_cannot_keep_is_listed_for_a_new_day(clinic: Services) -> None:
    two_nurses(clinic)
    clinic.staffing.add_nurse(MANAGER, "Paula Parttime")
    clinic.staffing.set_shift(MANAGER, "Paula Parttime", DAY, "08:00", "12:00")
    clinic.setup.set_opening_hours(ADMIN, DAY.weekday(), "08:00", "11:00")
    early = book(clinic, "M001", "09:00", "Chair 1")
    later = book(clinic, "M002", "10:00", "Chair 1")
    book(clinic, "M003", "09:30", "Chair 2")
    book(clinic, "M004", "09:30", "Chair 3")
    proposal = clinic.booking.propose_replan(DESK, DAY, late={early: 30})
    (lost,) = proposal.new_day
    assert (lost.session_id, lost.to_start, lost.to_chair) == (later, None, None)
    applied = clinic.booking.apply_replan(DESK, proposal)
    assert later in places(clinic) and applied.new_day == proposal.new_day


def test_a_move_a_rule_now_refuses_refuses_the_whole_re_plan(clinic: Services) -> None:
    two_nurses(clinic)
    early = book(clinic, "M002", "09:00", "Chair 1")
    iron = book(clinic, "M001", "10:00", "Chair 1", therapy="ferric-carboxymaltose")
    proposal = clinic.booking.propose_replan(DESK, DAY, late={early: 20})
    assert {c.session_id for c in proposal.moves} == {early, iron}
    before = places(clinic)
    # Denosumab given elsewhere, recorded after the proposal: the iron's move now breaks a
    # rule (the day's sessions are unchanged, so only the rule check can refuse it).
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-11-20", where="GP surgery"
    )
    with pytest.raises(RuleRefusalError) as caught:
        clinic.booking.apply_replan(DESK, proposal)
    assert f"session {iron}" in str(caught.value) and "E3" in str(caught.value)
    assert caught.value.findings and all(f.rule for f in caught.value.findings)
    assert places(clinic) == before


def test_bad_input_and_rights(clinic: Services) -> None:
    two_nurses(clinic)
    sid = book(clinic, "M001", "09:00", "Chair 1")
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.propose_replan(DESK, DAY, late={sid: 0})
    assert caught.value.field == "late"
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.propose_replan(DESK, DAY, late={sid + 99: 10})
    assert caught.value.field == "late"
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.propose_replan(DESK, "2026-11-20")
    assert caught.value.field == "day"
    with pytest.raises(NotFoundError):
        clinic.booking.propose_replan(DESK, DAY, sick=("Nobody Here",))
    clinic.staffing.add_nurse(MANAGER, "Paula Parttime")
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.propose_replan(DESK, DAY, sick=("Paula Parttime",))
    assert caught.value.field == "sick"
    # A manager may look at the re-plan, not move sessions.
    proposal = clinic.booking.propose_replan(MANAGER, DAY, late={sid: 10})
    with pytest.raises(PermissionDeniedError):
        clinic.booking.apply_replan(MANAGER, proposal)
    assert places(clinic) == {sid: ("Chair 1", "09:00")}
