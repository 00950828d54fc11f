"""Level-loaded slot suggestions through the booking service (issue 14): the finder still
offers the earliest safe slot first, and marks the one that keeps the nurses' day flat."""

from __future__ import annotations

from datetime import date, timedelta

from clinic_app.bootstrap import Services
from clinic_app.persistence import demand_history
from clinic_app.persistence import repositories as repo
from clinic_app.services.booking import BookingRequest
from tests.conftest import MANAGER, NURSE

DAY = date(2026, 11, 25)  # a Wednesday, two days after NOW


def three_nurses(clinic: Services) -> None:
    for name in ("Ann", "Bea", "Cat"):
        clinic.staffing.add_nurse(MANAGER, name)
        clinic.staffing.set_shift(MANAGER, name, DAY, "08:00", "16:00")


def test_the_earliest_slot_stays_first_and_the_flatter_one_is_marked(clinic: Services) -> None:
    three_nurses(clinic)
    clinic.booking.book(
        NURSE, BookingRequest("M001", "zoledronic-acid", f"{DAY} 08:00", chair="Chair 1")
    )
    slots = clinic.booking.find_slots(NURSE, "M002", "zoledronic-acid", DAY, count=4)
    assert [f"{s.start:%H:%M}" for s in slots] == ["08:00", "08:15", "08:30", "08:45"]
    marked = [s for s in slots if s.recommended]
    assert len(marked) == 1
    # 08:00 puts two set-ups side by side; 08:15 and 08:30 monitor two patients at once;
    # 08:45 sets up while M001 is monitored and is monitored after M001 has gone home.
    assert f"{marked[0].start:%H:%M}" == "08:45"
    assert marked[0].recommended is not None
    assert marked[0].recommended == (
        "keeps the 08:00 set-up peak at 1; the monitoring peak stays at 1"
    )
    outcome = clinic.booking.check(
        NURSE,
        BookingRequest("M002", "zoledronic-acid", marked[0].start, chair=marked[0].chair),
    )
    assert outcome.conflict is None


def test_an_empty_day_recommends_its_earliest_slot(clinic: Services) -> None:
    slots = clinic.booking.find_slots(NURSE, "M002", "zoledronic-acid", DAY, count=3)
    assert slots[0].recommended is not None and "earliest" in slots[0].recommended
    assert all(s.recommended is None for s in slots[1:])


def test_the_history_expects_per_therapy_and_weekday(clinic: Services) -> None:
    clinic.booking.book(NURSE, BookingRequest("M001", "zoledronic-acid", f"{DAY} 09:00"))
    clinic.booking.book(NURSE, BookingRequest("M003", "zoledronic-acid", f"{DAY} 10:00"))
    with clinic.ctx.db.read() as uow:
        calendar = repo.load_calendar(uow.session)
        later = DAY + timedelta(weeks=1)
        assert demand_history.weekday_demand(uow.session, calendar, later, weeks=2) == {
            "zoledronic-acid": 1.0
        }
        assert demand_history.weekday_demand(uow.session, calendar, later + timedelta(days=1)) == {}
        assert demand_history.day_counts(uow.session, calendar, DAY) == {"zoledronic-acid": 2}
