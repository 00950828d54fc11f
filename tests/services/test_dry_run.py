"""A dry run (check, check_move, move and book_series with dry_run) answers exactly what the
real call then does, and writes nothing.

A dry run skips the work whose only purpose is persistence (storing findings, audit rows,
the lab plan's rows); these tests hold its answer equal to the booking's, field by field,
on a patient whose history the booking changes (neighbours re-checked, labs planned, moved
and extended) and on a new patient.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from clinic_app.bootstrap import Services
from clinic_app.persistence.models import (
    AuditRow,
    LabAppointmentRow,
    LabLinkRow,
    OverrideRow,
    SessionFindingRow,
    SessionRow,
)
from clinic_app.services.booking import BookingRequest
from clinic_app.services.results import FindingView, LabView, SessionView
from tests.conftest import NURSE

OVERRIDE = {"override_reason": "co-therapy reviewed with the GP", "consulted": "Dr Green"}


def table_counts(services: Services) -> tuple[int, ...]:
    """Rows in every table a booking writes."""
    tables = (SessionRow, LabAppointmentRow, LabLinkRow, SessionFindingRow, OverrideRow, AuditRow)
    with services.ctx.db.read() as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(t)) or 0 for t in tables)


def lab_ids(services: Services) -> set[int]:
    with services.ctx.db.read() as uow:
        return set(uow.session.scalars(select(LabAppointmentRow.id)))


def session_ids(services: Services) -> set[int]:
    with services.ctx.db.read() as uow:
        return set(uow.session.scalars(select(SessionRow.id)))


def unoverridden(findings: Sequence[FindingView]) -> tuple[FindingView, ...]:
    return tuple(
        replace(f, overridden_by=None, override_reason=None, consulted=None) for f in findings
    )


def assert_same_labs(
    dry: Sequence[LabView],
    real: Sequence[LabView],
    before: set[int],
    sessions: set[int] | None = None,
) -> None:
    """The dry run's draws are the booking's: an existing draw by its id, a new one by
    everything else.

    ``sessions``: the sessions before. A new session got an id in the dry run that was
    rolled back (PostgreSQL's sequences do not roll back, so the booking's is another): the
    sessions a draw serves are compared with every new one's id as 0.
    """
    assert len(dry) == len(real)
    for planned, made in zip(dry, real, strict=True):
        if planned.id is None or planned.id not in before:
            # New (a dry series' earlier dose gave it an id that was rolled back).
            assert made.id not in before
        else:
            assert planned.id == made.id
        if sessions is not None:
            planned, made = (
                replace(
                    v, session_ids=tuple(sid if sid in sessions else 0 for sid in v.session_ids)
                )
                for v in (planned, made)
            )
        assert replace(planned, id=None) == replace(made, id=None)


def assert_same_session(dry: SessionView, real: SessionView, *, overridden: bool) -> None:
    """Equal sessions; ``overridden``: the real one was booked with an override, so the
    findings are compared without the overrides (a check applies none)."""
    if overridden:
        dry = replace(dry, findings=unoverridden(dry.findings))
        real = replace(real, findings=unoverridden(real.findings))
    assert dry == replace(real, id=dry.id)


@pytest.fixture
def history(clinic: Services) -> Services:
    """M001: denosumab from the GP, an iron course booked with its labs (overridden), and a
    zoledronic acid infusion booked months later; M002 has nothing."""
    clinic.setup.add_exposure(
        NURSE, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    clinic.booking.book(
        NURSE,
        BookingRequest(
            "M001", "ferric-carboxymaltose", "2026-12-01T10:00", chair="Chair 1", **OVERRIDE
        ),
    )
    clinic.booking.book(
        NURSE,
        BookingRequest("M001", "zoledronic-acid", "2027-09-14T09:00", chair="Chair 2", **OVERRIDE),
    )
    return clinic


@pytest.mark.parametrize(
    ("mrn", "therapy", "start"),
    [
        ("M001", "ferric-carboxymaltose", "2026-12-08T10:00"),  # a second dose: D14, labs
        ("M001", "ferric-derisomaltose", "2027-03-02T11:00"),  # co-therapy, follow-ups
        ("M001", "zoledronic-acid", "2027-01-05T09:00"),  # next to the iron: E3/E7 there
        ("M002", "denosumab", "2026-12-01T10:00"),  # a new patient
        ("M002", "ferric-carboxymaltose", "2026-12-02T13:00"),
    ],
)
def test_check_answers_what_book_then_does(
    history: Services, mrn: str, therapy: str, start: str
) -> None:
    request = BookingRequest(mrn, therapy, start)
    before, ids, sessions = table_counts(history), lab_ids(history), session_ids(history)
    check = history.booking.check(NURSE, request)
    assert table_counts(history) == before  # nothing written
    assert check.conflict is None and check.session is not None
    overridden = check.needs_override
    booked = history.booking.book(NURSE, replace(request, **OVERRIDE) if overridden else request)
    assert_same_session(check.session, booked.session, overridden=overridden)
    assert check.session.id is None
    assert check.findings == check.session.findings
    assert_same_labs(check.labs, booked.labs, ids, sessions)


def test_check_move_and_a_dry_move_answer_what_the_move_then_does(history: Services) -> None:
    iron = history.queries.day(NURSE, "2026-12-01").sessions[0]
    before, ids = table_counts(history), lab_ids(history)
    check = history.booking.check_move(NURSE, iron.id, "2026-12-15T14:00", chair="Chair 3")
    dry = history.booking.move(
        NURSE, iron.id, "2026-12-15T14:00", chair="Chair 3", dry_run=True, **OVERRIDE
    )
    assert table_counts(history) == before
    moved = history.booking.move(NURSE, iron.id, "2026-12-15T14:00", chair="Chair 3", **OVERRIDE)
    assert not dry.saved and moved.saved
    assert dry.session == moved.session
    assert dry.findings == moved.findings
    assert dry.cancelled_labs == moved.cancelled_labs
    assert_same_labs(dry.labs, moved.labs, ids)
    assert check.session is not None
    assert_same_session(check.session, moved.session, overridden=True)
    assert_same_labs(check.labs, moved.labs, ids)


def test_a_dry_series_answers_what_the_series_then_does(history: Services) -> None:
    request = BookingRequest(
        "M001", "iron-sucrose", "2027-02-02T09:00", chair="Chair 3", **OVERRIDE
    )
    every = relativedelta(weeks=1)
    before, ids, sessions = table_counts(history), lab_ids(history), session_ids(history)
    dry = history.booking.book_series(NURSE, request, count=3, every=every, dry_run=True)
    assert table_counts(history) == before
    real = history.booking.book_series(
        NURSE, replace(request, course_id=dry[0].session.course_id), count=3, every=every
    )
    for planned, made in zip(dry, real, strict=True):
        assert planned.session == replace(made.session, id=None)
        assert planned.findings == made.findings
        assert planned.cancelled_labs == made.cancelled_labs
        assert_same_labs(planned.labs, made.labs, ids, sessions)
