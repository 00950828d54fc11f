"""The day's grid and list read plain columns (issue 10); they must show what the rows hold.

The oracle is the mapped-row path (``session_view`` / ``lab_view`` over the ORM rows),
compared field by field on a day with findings, an override, lab draws with links and an
overdue draw.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from clinic_app.bootstrap import Services
from clinic_app.persistence import repositories as repo
from clinic_app.services.booking import BookingRequest
from clinic_app.services.views import lab_view, session_view
from tests.conftest import DESK, NOW, NURSE


def test_the_day_view_equals_the_mapped_rows(clinic: Services) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    day = (NOW + timedelta(days=21)).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    clinic.booking.book(
        NURSE,
        BookingRequest(
            "M001", "ferric-carboxymaltose", f"{day.isoformat()}T10:00", "Chair 1",
            override_reason="Hb 72, haematology agrees", consulted="Dr Ann Lee",
            prescriber="Dr Grey", prescriber_practice="Riverside Surgery",
        ),
    )  # fmt: skip
    clinic.booking.book(DESK, BookingRequest("M002", "denosumab", f"{day.isoformat()}T11:00"))
    for look_at in {
        day,
        *(d.start.date() for d in clinic.queries.patient_schedule(NURSE, "M001")[1]),
    }:
        shown = clinic.queries.day(NURSE, look_at)
        with clinic.ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            lo = calendar.localize(datetime.combine(look_at, datetime.min.time()))
            hi = calendar.localize(
                datetime.combine(look_at + timedelta(days=1), datetime.min.time())
            )
            sessions = tuple(
                session_view(r, calendar, clinic.ctx.catalog)
                for r in repo.sessions_between(s, lo, hi)
            )
            labs = tuple(lab_view(r, calendar) for r in repo.labs_between(s, lo, hi))
            overdue = tuple(
                lab_view(r, calendar)
                for r in repo.overdue_labs(s, lo - timedelta(days=14), min(NOW, lo))
            )
        assert shown.sessions == sessions
        assert shown.labs == labs
        assert shown.overdue_labs == overdue
    assert any(f.overridden_by for s in clinic.queries.day(NURSE, day).sessions for f in s.findings)


@pytest.mark.in_process(
    "counts the database connections one call opens; over the server the token check opens its own"
)
def test_the_day_screen_reads_chairs_calendar_and_day_in_one_transaction(
    clinic: Services,
) -> None:
    day = (NOW + timedelta(days=21)).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    clinic.booking.book(DESK, BookingRequest("M002", "denosumab", f"{day.isoformat()}T11:00"))
    begun: list[object] = []
    from sqlalchemy import event

    def on_begin(conn: object) -> None:
        begun.append(conn)

    event.listen(clinic.engine, "begin", on_begin)
    try:
        screen = clinic.queries.day_screen(NURSE, day)
    finally:
        event.remove(clinic.engine, "begin", on_begin)
    assert len(begun) == 1
    assert list(screen.chairs) == clinic.setup.chairs(NURSE)
    assert screen.calendar == clinic.queries.calendar(NURSE)
    assert screen.day_list == clinic.queries.day(NURSE, day)
    assert len(screen.day_list.sessions) == 1


@pytest.mark.in_process("queries.week_occupancy is server-only (service_api.EXCLUDED)")
def test_the_week_occupancy_counts_what_the_week_holds(clinic: Services) -> None:
    monday = (NOW + timedelta(days=21)).date()
    monday -= timedelta(days=monday.weekday())
    tuesday, thursday = monday + timedelta(days=1), monday + timedelta(days=3)
    clinic.booking.book(DESK, BookingRequest("M002", "denosumab", f"{tuesday}T11:00", "Chair 1"))
    clinic.booking.book(DESK, BookingRequest("M003", "denosumab", f"{tuesday}T09:00", "Chair 1"))
    clinic.booking.book(
        NURSE, BookingRequest("M001", "zoledronic-acid", f"{thursday}T10:00", "Chair 2")
    )
    gone = clinic.booking.book(DESK, BookingRequest("M004", "denosumab", f"{thursday}T13:00"))
    clinic.booking.cancel(NURSE, gone.session.id or 0, "phoned")
    week = clinic.queries.week_occupancy(NURSE, thursday)
    assert week.first == monday
    assert list(week.chairs) == clinic.setup.chairs(NURSE)
    # The oracle: the full session views of the week, counted here.
    counts: dict[tuple[int, object], int] = {}
    minutes: dict[tuple[int, object], int] = {}
    for view in clinic.queries.sessions_between(NURSE, monday, monday + timedelta(days=6)):
        if view.status == "cancelled":
            continue
        key = (view.chair_id, view.start.date())
        counts[key] = counts.get(key, 0) + 1
        minutes[key] = minutes.get(key, 0) + int((view.end - view.start).total_seconds() // 60)
    assert week.counts == counts and week.minutes == minutes
    assert sum(counts.values()) == 3 and len(counts) == 2
