"""Applying the lab plan to the database: draws created, moved, kept and cancelled, with links.

Each test hands the reconciler a patient's needs directly and checks the rows it writes; the
clinic is the test clinic (lab station: 2 draws per 15 minutes, Monday to Friday 08:00-18:00).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from clinic_app.bootstrap import Services
from clinic_app.domain.findings import LabRequirement, LabTiming, Severity
from clinic_app.domain.lab_planner import LabNeed
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import LabAppointmentRow
from clinic_app.persistence.unit_of_work import UnitOfWork
from clinic_app.services.booking import BookingRequest
from clinic_app.services.lab_sync import LabChanges, LabReconciler
from clinic_app.services.lab_sync import tests_text as stored_tests
from clinic_app.services.patient_state import PatientState
from tests.conftest import DESK, LONDON, NOW, NURSE

THURSDAY = date(2026, 12, 3)


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The plan's writing is the same on both databases; SQLite is enough here."""
    return sqlite_url


@pytest.fixture
def session_id(clinic: Services) -> int:
    """Alice's denosumab on Tuesday 1 December (it books its own C4 calcium draw)."""
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "denosumab", "2026-12-01T10:00", "Chair 1")
    )
    assert outcome.session.id is not None and len(outcome.labs) == 1
    return outcome.session.id


def follow_up(first: int, last: int, target: int | None = None) -> LabRequirement:
    """An "after" requirement (calcium, phosphate) from day ``first`` to ``last`` of December."""
    return LabRequirement(
        rule="E6",
        tests=frozenset({"phosphate", "calcium"}),
        timing=LabTiming.AFTER,
        due_from=date(2026, 12, first),
        due_to=date(2026, 12, last),
        target=date(2026, 12, target) if target else None,
        label="follow-up",
    )


Reconcile = Callable[[list[LabNeed]], LabChanges]


def reconcile_in(clinic: Services, uow: UnitOfWork, mrn: str = "M001") -> Reconcile:
    """The reconciler of ``mrn``'s draws inside ``uow``, at the tests' NOW."""
    s = uow.session
    calendar = repo.load_calendar(s)
    state = PatientState.load(s, repo.patient_by_mrn(s, mrn), calendar, clinic.ctx.catalog)
    reconciler = LabReconciler(s, state, repo.lab_station(s, lock=True), calendar, NOW)
    return lambda needs: reconciler.reconcile(needs)


def labs_of(clinic: Services, mrn: str = "M001") -> list[tuple[str, str, str, list[str]]]:
    """(local start, status, tests, links) of the patient's active draws, in order."""
    with clinic.ctx.db.read() as uow:
        s = uow.session
        calendar = repo.load_calendar(s)
        patient = repo.patient_by_mrn(s, mrn)
        rows = [r for r in repo.patient_labs(s, patient.id)]
        return [
            (
                f"{calendar.local(r.start_utc):%Y-%m-%d %H:%M}",
                r.status,
                r.tests,
                sorted(f"{link.session_id}:{link.rule_id}" for link in r.links),
            )
            for r in rows
        ]


def test_tests_are_stored_sorted_and_once() -> None:
    assert stored_tests(["phosphate", "calcium", "phosphate"]) == "calcium,phosphate"


def test_a_new_need_moves_the_orphaned_draw_to_its_target_and_links_it(
    clinic: Services, session_id: int
) -> None:
    need = LabNeed(session_id, follow_up(2, 4, target=3))
    with clinic.ctx.db.write() as uow:
        changes = reconcile_in(clinic, uow)([need])
        assert [c.id for c in changes.moved] and not changes.created and not changes.cancelled
        (moved,) = changes.moved
        assert (moved.due_from, moved.due_to) == (date(2026, 12, 2), date(2026, 12, 4))
        uow.commit()
    # The C4 draw no session needs any more takes the new need's place: one trip, not two.
    assert labs_of(clinic) == [
        ("2026-12-03 08:00", "booked", "calcium,phosphate", [f"{session_id}:E6"])
    ]
    written: list[str] = []

    def seen(_c: object, _cur: object, statement: str, *_rest: object) -> None:
        if statement.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE")):
            written.append(statement)

    event.listen(clinic.engine, "before_cursor_execute", seen)
    try:
        with clinic.ctx.db.write() as uow:
            again = reconcile_in(clinic, uow)([need])
            assert (again.created, again.moved, again.extended, again.cancelled) == ([], [], [], [])
            uow.commit()
    finally:
        event.remove(clinic.engine, "before_cursor_execute", seen)
    assert written == []  # the same plan again writes nothing, not even an equal value


def test_a_draw_no_need_uses_is_cancelled_and_unlinked(clinic: Services, session_id: int) -> None:
    with clinic.ctx.db.write() as uow:
        changes = reconcile_in(clinic, uow)([])
        (cancelled,) = changes.cancelled
        assert cancelled.status == "cancelled" and cancelled.links == []
        uow.commit()
    assert labs_of(clinic) == []  # no active draw left
    _, labs = clinic.queries.patient_schedule(NURSE, "M001")
    assert [(lab.status, lab.session_ids) for lab in labs] == [("cancelled", ())]


def test_a_full_slot_sends_the_draw_to_the_next_one(clinic: Services, session_id: int) -> None:
    with clinic.ctx.db.write() as uow:
        s = uow.session
        station = repo.lab_station(s)
        start = datetime(2026, 12, 3, 8, 0, tzinfo=LONDON)
        for mrn in ("M002", "M003"):  # the station's two places at 08:00 are taken
            s.add(
                LabAppointmentRow(
                    patient_id=repo.patient_by_mrn(s, mrn).id,
                    station_id=station.id,
                    tests="calcium",
                    due_from=THURSDAY,
                    due_to=THURSDAY,
                    start_utc=start,
                    end_utc=start.replace(minute=15),
                    status="booked",
                    created_at=NOW,
                    updated_at=NOW,
                )
            )
        uow.commit()
    with clinic.ctx.db.write() as uow:
        reconcile_in(clinic, uow)([LabNeed(session_id, follow_up(2, 4, target=3))])
        uow.commit()
    assert [start for start, *_ in labs_of(clinic)] == ["2026-12-03 08:15"]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A London time (GMT in December, so equal to the UTC instant the reads are given)."""
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _station_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[datetime, datetime]]:
    """The ranges (start, end) of every read of the station's load from now on."""
    ranges: list[tuple[datetime, datetime]] = []
    read = repo.lab_starts

    def recorded(s: Session, station_id: int, start: datetime, end: datetime, **kw: Any) -> Any:
        ranges.append((start, end))
        return read(s, station_id, start, end, **kw)

    monkeypatch.setattr(repo, "lab_starts", recorded)
    return ranges


def _fill_day(clinic: Services, day: date, hours: int = 10) -> None:
    """Both of the station's places taken at every slot of the first ``hours`` of ``day``
    (all of it, 08:00-17:45, by default)."""
    with clinic.ctx.db.write() as uow:
        s = uow.session
        station = repo.lab_station(s)
        for mrn in ("M002", "M003"):
            patient_id = repo.patient_by_mrn(s, mrn).id
            for minutes in range(0, hours * 60, 15):
                start = datetime.combine(day, time(8), tzinfo=LONDON) + timedelta(minutes=minutes)
                s.add(
                    LabAppointmentRow(
                        patient_id=patient_id,
                        station_id=station.id,
                        tests="calcium",
                        due_from=day,
                        due_to=day,
                        start_utc=start,
                        end_utc=start + timedelta(minutes=15),
                        status="booked",
                        created_at=NOW,
                        updated_at=NOW,
                    )
                )
        uow.commit()


def test_the_station_is_read_for_the_day_tried_first_only(
    clinic: Services, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draw that finds room at the first slot its search tries reads the station's load an
    hour either side of it, not the whole window (a window of a large clinic holds thousands
    of draws)."""
    ranges = _station_reads(monkeypatch)
    with clinic.ctx.db.write() as uow:
        reconcile_in(clinic, uow)([LabNeed(session_id, follow_up(1, 11, target=3))])
        uow.commit()
    assert [start for start, *_ in labs_of(clinic)] == ["2026-12-03 08:00"]
    assert ranges == [(at(THURSDAY, 7), at(THURSDAY, 9, 15))]


def test_a_full_first_day_reads_the_rest_of_the_window_once(
    clinic: Services, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target day full: the draw goes to the nearest day with room (the earlier one on a
    tie), the same place a read of the whole window gives, in three reads and no more: the
    hours around 08:00 on Thursday, the rest of Thursday, then the window."""
    _fill_day(clinic, THURSDAY)
    ranges = _station_reads(monkeypatch)
    with clinic.ctx.db.write() as uow:
        reconcile_in(clinic, uow)([LabNeed(session_id, follow_up(1, 11, target=3))])
        uow.commit()
    assert [start for start, *_ in labs_of(clinic)] == ["2026-12-02 08:00"]
    assert ranges == [
        (at(THURSDAY, 7), at(THURSDAY, 9, 15)),
        (datetime(2026, 12, 3, tzinfo=LONDON), datetime(2026, 12, 4, tzinfo=LONDON)),
        (datetime(2026, 12, 1, tzinfo=LONDON), datetime(2026, 12, 12, tzinfo=LONDON)),
    ]


def test_a_full_first_hour_reads_the_rest_of_that_day(
    clinic: Services, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target day full until 10:00: the draw takes its first free slot, found in the
    day's read, without reading the window."""
    _fill_day(clinic, THURSDAY, hours=2)
    ranges = _station_reads(monkeypatch)
    with clinic.ctx.db.write() as uow:
        reconcile_in(clinic, uow)([LabNeed(session_id, follow_up(1, 11, target=3))])
        uow.commit()
    assert [start for start, *_ in labs_of(clinic)] == ["2026-12-03 10:00"]
    assert ranges == [
        (at(THURSDAY, 7), at(THURSDAY, 9, 15)),
        (datetime(2026, 12, 3, tzinfo=LONDON), datetime(2026, 12, 4, tzinfo=LONDON)),
    ]


def test_a_window_of_closed_days_is_a_warning_naming_it(clinic: Services, session_id: int) -> None:
    weekend = LabNeed(session_id, follow_up(5, 6, target=5))  # Saturday and Sunday
    with clinic.ctx.db.write() as uow:
        changes = reconcile_in(clinic, uow)([weekend])
        (finding,) = changes.findings[session_id]
        assert finding.severity is Severity.WARN and finding.rule == "E6"
        assert "2026-12-05" in finding.message and "2026-12-06" in finding.message


def test_a_passed_window_nobody_serves_is_left_alone(clinic: Services, session_id: int) -> None:
    past = LabRequirement(
        rule="A7",
        tests=frozenset({"calcium"}),
        timing=LabTiming.BEFORE,
        due_from=date(2026, 11, 1),
        due_to=date(2026, 11, 10),
    )
    with clinic.ctx.db.write() as uow:
        changes = reconcile_in(clinic, uow)([LabNeed(session_id, past)])
        assert changes.findings == {} and changes.created == []
