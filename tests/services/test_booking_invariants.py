"""Scheduling invariants on SQLite and PostgreSQL: chair, patient, hours, validation.

Each refused request must leave the database exactly as it was.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import (
    ConflictKind,
    InvalidInputError,
    NotFoundError,
    SchedulingConflictError,
)
from clinic_app.persistence.models import AuditRow, LabAppointmentRow, SessionRow
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK, LONDON, NURSE


def counts(services: Services) -> tuple[int, int, int]:
    """Sessions, lab appointments and audit rows in the database."""
    with services.ctx.db.read() as uow:
        s = uow.session
        return (
            s.scalar(select(func.count()).select_from(SessionRow)) or 0,
            s.scalar(select(func.count()).select_from(LabAppointmentRow)) or 0,
            s.scalar(select(func.count()).select_from(AuditRow)) or 0,
        )


def book(
    services: Services,
    mrn: str,
    start: str,
    therapy: str = "denosumab",
    chair: str | None = "Chair 1",
) -> int:
    outcome = services.booking.book(
        DESK, BookingRequest(mrn=mrn, therapy=therapy, start=start, chair=chair)
    )
    assert outcome.session.id is not None
    return outcome.session.id


def test_book_stores_session_in_clinic_zone_and_utc(clinic: Services) -> None:
    outcome = clinic.booking.book(
        DESK,
        BookingRequest(
            mrn="M001", therapy="zoledronic-acid", start="2026-11-24T09:00", chair="Chair 2"
        ),
    )
    view = outcome.session
    assert view.start == datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    assert view.end == datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)  # catalog: 60 chair min
    assert view.chair == "Chair 2"
    with clinic.ctx.db.read() as uow:
        row = uow.session.get(SessionRow, view.id)
        assert row is not None
        assert row.start_utc.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
        assert row.start_utc == view.start


def test_summer_time_is_stored_as_utc(clinic: Services) -> None:
    outcome = clinic.booking.book(
        DESK, BookingRequest(mrn="M001", therapy="denosumab", start="2027-06-15T09:00")
    )
    with clinic.ctx.db.read() as uow:
        row = uow.session.get(SessionRow, outcome.session.id)
        assert row is not None
        assert row.start_utc.hour == 8  # 09:00 BST is 08:00 UTC


def test_chair_double_booking_refused_and_nothing_written(clinic: Services) -> None:
    book(clinic, "M001", "2026-11-24T09:00")
    before = counts(clinic)
    with pytest.raises(SchedulingConflictError) as caught:
        book(clinic, "M002", "2026-11-24T09:10")
    assert caught.value.kind == ConflictKind.CHAIR
    assert "Chair 1" in caught.value.message
    assert counts(clinic) == before


def test_without_chair_the_first_free_chair_is_taken(clinic: Services) -> None:
    book(clinic, "M001", "2026-11-24T09:00", chair="Chair 1")
    second = clinic.booking.book(
        DESK, BookingRequest(mrn="M002", therapy="denosumab", start="2026-11-24T09:00")
    )
    assert second.session.chair == "Chair 2"


def test_back_to_back_sessions_share_a_chair(clinic: Services) -> None:
    book(clinic, "M001", "2026-11-24T09:00")  # denosumab: 20 min
    book(clinic, "M002", "2026-11-24T09:20")
    assert counts(clinic)[0] == 2


def test_patient_cannot_be_in_two_chairs(clinic: Services) -> None:
    book(clinic, "M001", "2026-11-24T09:00", chair="Chair 1")
    before = counts(clinic)
    with pytest.raises(SchedulingConflictError) as caught:
        book(clinic, "M001", "2026-11-24T09:10", therapy="ibandronate", chair="Chair 2")
    assert caught.value.kind == ConflictKind.PATIENT
    assert counts(clinic) == before


@pytest.mark.parametrize(
    ("start", "words"),
    [
        ("2026-11-28T09:00", "closed on Saturday"),  # Saturday
        ("2026-11-24T07:30", "outside opening hours"),
        ("2026-11-24T17:30", "outside opening hours"),  # 60 min would end 18:30
    ],
)
def test_outside_opening_hours_refused(clinic: Services, start: str, words: str) -> None:
    before = counts(clinic)
    with pytest.raises(SchedulingConflictError) as caught:
        book(clinic, "M001", start, therapy="zoledronic-acid")
    assert caught.value.kind == ConflictKind.HOURS
    assert words in caught.value.message
    assert counts(clinic) == before


def test_closed_date_refused(clinic: Services) -> None:
    clinic.setup.add_closed_date(ADMIN, "2026-12-25", "Christmas")
    with pytest.raises(SchedulingConflictError) as caught:
        book(clinic, "M001", "2026-12-25T10:00")
    assert "closed on 2026-12-25" in caught.value.message


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (BookingRequest("M001", "denosumab", "2026-02-30T09:00"), "start"),
        (BookingRequest("M001", "denosumab", "tomorrow"), "start"),
        (BookingRequest("M001", "vitamin-c", "2026-11-24T09:00"), "therapy"),
        (BookingRequest("M001", "alendronate", "2026-11-24T09:00"), "therapy"),
        (BookingRequest("NOPE", "denosumab", "2026-11-24T09:00"), "mrn"),
        (BookingRequest("M001", "denosumab", "2026-11-24T09:00", chair="Chair 9"), "chair"),
        (BookingRequest("M001", "denosumab", "2026-11-20T09:00"), "start"),  # in the past
    ],
)
def test_invalid_input_names_the_field_and_writes_nothing(
    clinic: Services, request_: BookingRequest, field: str
) -> None:
    before = counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.book(DESK, request_)
    assert caught.value.field == field
    assert counts(clinic) == before


def test_unknown_patient_is_not_found(clinic: Services) -> None:
    with pytest.raises(NotFoundError):
        clinic.booking.book(DESK, BookingRequest("X9", "denosumab", "2026-11-24T09:00"))


def test_nonexistent_local_time_refused(clinic: Services) -> None:
    # Clocks go forward at 01:00 on 28 March 2027 in London; 01:30 does not exist.
    with pytest.raises(InvalidInputError) as caught:
        book(clinic, "M001", "2027-03-28T01:30")
    assert "does not exist" in caught.value.problem


def test_cancel_frees_the_chair(clinic: Services) -> None:
    first = book(clinic, "M001", "2026-11-24T09:00")
    clinic.booking.cancel(DESK, first, "patient unwell")
    book(clinic, "M002", "2026-11-24T09:00")
    day = clinic.queries.day(NURSE, "2026-11-24")
    statuses = sorted((v.mrn, v.status) for v in day.sessions)
    assert statuses == [("M001", "cancelled"), ("M002", "booked")]


def test_move_to_taken_chair_refused_and_session_unchanged(clinic: Services) -> None:
    first = book(clinic, "M001", "2026-11-24T09:00", chair="Chair 1")
    book(clinic, "M002", "2026-11-24T11:00", chair="Chair 2")
    with pytest.raises(SchedulingConflictError):
        clinic.booking.move(DESK, first, "2026-11-24T11:00", chair="Chair 2")
    day = clinic.queries.day(NURSE, "2026-11-24")
    moved = next(v for v in day.sessions if v.id == first)
    assert (moved.chair, f"{moved.start:%H:%M}") == ("Chair 1", "09:00")


def test_move_changes_time_and_chair(clinic: Services) -> None:
    first = book(clinic, "M001", "2026-11-24T09:00", chair="Chair 1")
    outcome = clinic.booking.move(DESK, first, "2026-11-25T14:00", chair="Chair 3")
    assert outcome.session.id == first
    assert (outcome.session.chair, outcome.session.start) == (
        "Chair 3",
        datetime(2026, 11, 25, 14, 0, tzinfo=LONDON),
    )


def test_an_empty_chair_name_moves_to_any_free_chair_as_booking_does(clinic: Services) -> None:
    # book() reads an empty chair name as "any free chair"; move() pinned the session to its
    # own chair instead, and refused the move when that chair was taken at the new time.
    first = book(clinic, "M001", "2026-11-24T09:00", chair="Chair 1")
    book(clinic, "M002", "2026-11-24T11:00", chair="Chair 1")
    booked = clinic.booking.book(
        DESK, BookingRequest(mrn="M003", therapy="denosumab", start="2026-11-24T11:00", chair="")
    )
    assert booked.session.chair == "Chair 2"
    check = clinic.booking.check_move(DESK, first, "2026-11-24T11:00", chair="")
    assert (check.conflict, check.session and check.session.chair) == (None, "Chair 3")
    moved = clinic.booking.move(DESK, first, "2026-11-24T11:00", chair="")
    assert moved.session.chair == "Chair 3"
    kept = clinic.booking.move(DESK, first, "2026-11-24T13:00", chair="")
    assert kept.session.chair == "Chair 3"  # its own chair, free then, is kept


def test_status_flow(clinic: Services) -> None:
    # On the session's day (no status runs ahead of it), a therapy without a gating result.
    sid = book(clinic, "M001", "2026-11-23T09:00", therapy="ferric-derisomaltose")
    for status in ("arrived", "in-chair", "completed"):
        assert clinic.booking.set_status(NURSE, sid, status).session.status == status
    with pytest.raises(InvalidInputError):  # a refused transition is invalid input
        clinic.booking.set_status(NURSE, sid, "no-show")


def test_front_desk_cannot_set_clinical_status(clinic: Services) -> None:
    from clinic_app.domain.errors import PermissionDeniedError

    sid = book(clinic, "M001", "2026-11-24T09:00")
    with pytest.raises(PermissionDeniedError):
        clinic.booking.set_status(DESK, sid, "in-chair")


def test_find_slots_skips_taken_times(clinic: Services) -> None:
    for chair in ("Chair 1", "Chair 2", "Chair 3"):
        clinic.booking.book(
            DESK,
            BookingRequest(
                mrn={"Chair 1": "M002", "Chair 2": "M003", "Chair 3": "M004"}[chair],
                therapy="zoledronic-acid",
                start="2026-11-23T08:00",
                chair=chair,
            ),
        )
    slots = clinic.booking.find_slots(DESK, "M001", "denosumab", "2026-11-23", count=3)
    assert slots[0].start == datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)
    assert [s.start for s in slots] == sorted(s.start for s in slots)


def test_audit_trail_refuses_update_and_delete(clinic: Services) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    book(clinic, "M001", "2026-11-24T09:00")

    def trail() -> list[tuple[object, ...]]:
        with clinic.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT * FROM audit_log ORDER BY id"))]

    before = trail()
    assert before and counts(clinic)[2] == len(before)
    for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), clinic.engine.begin() as conn:
            conn.execute(text(statement))
    assert trail() == before  # unchanged: every row, every value


def test_find_slots_reads_the_diary_only_as_far_as_it_searches(clinic: Services) -> None:
    """Free slots on the first day: one week of the diary is read, not the 120-day horizon."""
    from datetime import date

    from sqlalchemy import event

    reads: list[list[date]] = []

    def seen(_c: object, _cur: object, statement: str, params: object, *_rest: object) -> None:
        if statement.startswith("SELECT sessions.chair_id, sessions.start_utc"):
            values = params.values() if isinstance(params, dict) else params  # type: ignore[union-attr]
            reads.append([date.fromisoformat(str(v)[:10]) for v in values if str(v)[:2] == "20"])  # type: ignore[union-attr]

    event.listen(clinic.engine, "before_cursor_execute", seen)
    try:
        slots = clinic.booking.find_slots(DESK, "M001", "denosumab", "2026-11-24", count=3)
    finally:
        event.remove(clinic.engine, "before_cursor_execute", seen)
    assert len(slots) == 3
    assert len(reads) == 1
    assert max(reads[0]) <= date(2026, 12, 1)  # a week ahead, not the whole horizon
