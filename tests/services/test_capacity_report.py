"""The capacity report (issue 14) on SQLite and PostgreSQL, in process and over the clinic
server: chair time, the nurse load and its peaks per day, the waitlist now, who may see it
and the period's bounds."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import update

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.persistence.models import WaitlistRow
from clinic_app.services.booking import BookingRequest
from clinic_app.services.reports import CapacityReport
from tests.conftest import ADMIN, DESK, MANAGER, NURSE

FIRST = date(2026, 11, 23)  # Monday (the clock: Monday 07:00)
LAST = date(2026, 11, 29)  # Sunday
ROTA_DAY = date(2026, 11, 25)  # Wednesday: two nurses, then one
NO_ROTA_DAY = date(2026, 11, 26)  # Thursday: a session, no rota
OPEN_CHAIR_MINUTES = 3 * 10 * 60  # three chairs, 08:00-18:00


def book(clinic: Services, mrn: str, therapy: str, day: date, at: str, chair: str) -> int:
    request = BookingRequest(mrn, therapy, f"{day} {at}", chair=chair)
    return clinic.booking.book(NURSE, request).session.id


@pytest.fixture
def report(clinic: Services) -> CapacityReport:
    """Wednesday: two zoledronic acid infusions (60 min: 10 set-up, 5 take-down) at 10:00
    while two nurses are on, then one nurse's shift removed (she called in sick); a
    cancelled session that counts nowhere. Thursday: one session, no rota. The waitlist: two
    waiting, one offered, one expired."""
    for name in ("Nora Night", "Olga Other"):
        clinic.staffing.add_nurse(MANAGER, name)
    clinic.staffing.set_shift(MANAGER, "Nora Night", ROTA_DAY, "08:00", "16:00", ("12:00-12:30",))
    clinic.staffing.set_shift(MANAGER, "Olga Other", ROTA_DAY, "08:00", "16:00")
    book(clinic, "M001", "zoledronic-acid", ROTA_DAY, "10:00", "Chair 1")
    book(clinic, "M002", "zoledronic-acid", ROTA_DAY, "10:00", "Chair 2")
    cancelled = book(clinic, "M003", "zoledronic-acid", ROTA_DAY, "14:00", "Chair 3")
    clinic.booking.cancel(NURSE, cancelled, reason="patient unwell")
    clinic.staffing.remove_shift(MANAGER, "Olga Other", ROTA_DAY)
    book(clinic, "M003", "zoledronic-acid", NO_ROTA_DAY, "09:00", "Chair 3")

    entries = [
        clinic.waitlist.add(DESK, mrn, therapy, "2026-11-24", "2026-12-31")
        for mrn, therapy in (
            ("M004", "denosumab"),
            ("M001", "denosumab"),
            ("M002", "zoledronic-acid"),
            ("M003", "denosumab"),
        )
    ]
    with clinic.ctx.db.write(ADMIN.username) as uow:
        uow.session.execute(
            update(WaitlistRow).where(WaitlistRow.id == entries[2].id).values(status="offered")
        )
        uow.session.execute(
            update(WaitlistRow)
            .where(WaitlistRow.id == entries[3].id)
            .values(earliest_date=date(2026, 11, 1), latest_date=date(2026, 11, 20))
        )
        uow.commit()
    return clinic.reports.capacity(MANAGER, FIRST, LAST)


def test_chair_time_per_day(report: CapacityReport) -> None:
    assert [d.day for d in report.days] == [FIRST + timedelta(days=n) for n in range(7)]
    assert [d.open for d in report.days] == [True] * 5 + [False] * 2
    by_day = {d.day: d for d in report.days}
    wednesday = by_day[ROTA_DAY]
    assert wednesday.open_chair_minutes == OPEN_CHAIR_MINUTES
    assert wednesday.booked_chair_minutes == 120  # the cancelled session's hour is free
    assert wednesday.idle_chair_minutes == OPEN_CHAIR_MINUTES - 120
    assert wednesday.utilisation == pytest.approx(120 / OPEN_CHAIR_MINUTES)
    assert wednesday.idle_chair_hours == pytest.approx(28.0)
    assert by_day[NO_ROTA_DAY].booked_chair_minutes == 60
    monday = by_day[FIRST]
    assert (monday.booked_chair_minutes, monday.idle_chair_minutes) == (0, OPEN_CHAIR_MINUTES)
    sunday = by_day[LAST]
    assert (sunday.open_chair_minutes, sunday.idle_chair_minutes, sunday.utilisation) == (
        0,
        0,
        None,
    )
    assert report.idle_chair_hours == pytest.approx((5 * OPEN_CHAIR_MINUTES - 180) / 60)
    assert report.utilisation == pytest.approx(180 / (5 * OPEN_CHAIR_MINUTES))
    assert report.clinic_name == "Test clinic" and report.ratio == 4


def test_nurse_load_peaks_and_minutes_over_capacity(report: CapacityReport) -> None:
    by_day = {d.day: d for d in report.days}
    wednesday = by_day[ROTA_DAY]
    assert wednesday.nurse_checked
    # 10:00-10:09 two set-ups need two nurses; one is left on duty. 10:55-10:59 two
    # take-downs: the same. Monitoring the two in between needs one.
    assert (wednesday.peak_setups, wednesday.peak_needed) == (2, 2)
    assert (wednesday.peak_at, wednesday.on_duty_at_peak) == (time(10, 0), 1)
    assert wednesday.minutes_over == 15
    assert report.minutes_over == 15
    points = {p.at: p for p in wednesday.points}
    assert [p.at for p in wednesday.points][:2] == [time(8, 0), time(8, 15)]
    assert wednesday.points[-1].at == time(17, 45)
    assert (points[time(10, 0)].exclusive, points[time(10, 0)].needed) == (2, 2)
    assert (points[time(10, 15)].monitored, points[time(10, 15)].needed) == (2, 1)
    assert points[time(10, 0)].on_duty == 1
    assert points[time(12, 0)].on_duty == 0  # Nora's break
    assert points[time(16, 0)].on_duty == 0

    thursday = by_day[NO_ROTA_DAY]
    # No rota: not nurse-checked, nothing over capacity though nobody is on duty.
    assert not thursday.nurse_checked and thursday.minutes_over == 0
    assert (thursday.peak_setups, thursday.peak_needed, thursday.peak_at) == (1, 1, time(9, 0))
    assert by_day[LAST].points == () and by_day[LAST].peak_at is None


def test_the_waitlist_as_it_stands(report: CapacityReport) -> None:
    waitlist = report.waitlist
    assert waitlist.as_of == FIRST
    assert (waitlist.waiting, waitlist.offered, waitlist.expired) == (2, 1, 1)
    assert waitlist.oldest_waiting_since == FIRST
    assert [(t.therapy, t.waiting, t.offered) for t in waitlist.by_therapy] == [
        ("denosumab", 2, 0),
        ("zoledronic-acid", 0, 1),
    ]
    assert waitlist.by_therapy[0].therapy_name != ""


def test_managers_and_administrators_only(clinic: Services) -> None:
    assert clinic.reports.capacity(ADMIN, FIRST, FIRST).days[0].day == FIRST
    for actor in (DESK, NURSE):
        with pytest.raises(PermissionDeniedError):
            clinic.reports.capacity(actor, FIRST, LAST)


def test_the_period_is_bounded(clinic: Services) -> None:
    with pytest.raises(InvalidInputError) as backwards:
        clinic.reports.capacity(MANAGER, LAST, FIRST)
    assert backwards.value.field == "to"
    with pytest.raises(InvalidInputError) as too_long:
        clinic.reports.capacity(MANAGER, FIRST, FIRST + timedelta(days=366))
    assert too_long.value.field == "to" and "366" in str(too_long.value)
    with pytest.raises(InvalidInputError) as malformed:
        clinic.reports.capacity(MANAGER, "23/11/2026", LAST)
    assert malformed.value.field == "from"
    year = clinic.reports.capacity(MANAGER, FIRST, FIRST + timedelta(days=365))
    assert len(year.days) == 366
