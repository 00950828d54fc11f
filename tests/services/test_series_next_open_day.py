"""A series can skip closed days: a dose on a weekend or bank holiday moves to the next open
day when asked ("next open day"), shown in the dry run before saving; refused otherwise."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import SchedulingConflictError
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, NURSE
from tests.db_counts import row_counts

YEARLY = relativedelta(months=12)


def _request() -> BookingRequest:
    # Thursday 24 December 2026; 24 December 2028 is a Sunday, then Christmas and Boxing Day.
    return BookingRequest("M001", "zoledronic-acid", "2026-12-24 10:00", "Chair 1")


def test_a_12_monthly_series_moves_off_a_sunday_and_bank_holidays(clinic: Services) -> None:
    clinic.settings.import_bank_holidays(ADMIN, "GB", 2026, 2028, subdivision="ENG")
    before = row_counts(clinic)
    with pytest.raises(SchedulingConflictError) as refused:
        clinic.booking.book_series(NURSE, _request(), count=3, every=YEARLY)
    assert "dose 3 of 3" in str(refused.value)
    assert row_counts(clinic) == before

    preview = clinic.booking.book_series(
        NURSE, _request(), count=3, every=YEARLY, dry_run=True, skip_closed=True
    )
    assert [o.session.start.date() for o in preview] == [
        date(2026, 12, 24),
        date(2027, 12, 24),
        date(2028, 12, 27),  # Sunday 24th, Christmas Day 25th, Boxing Day 26th skipped
    ]
    assert [o.moved_from for o in preview] == [None, None, date(2028, 12, 24)]
    assert [o.session.start.hour for o in preview] == [10, 10, 10]
    assert row_counts(clinic) == before  # the preview saved nothing

    booked = clinic.booking.book_series(NURSE, _request(), count=3, every=YEARLY, skip_closed=True)
    assert [o.session.start.date() for o in booked] == [o.session.start.date() for o in preview]
    assert all(o.saved and o.session.id is not None for o in booked)
    assert booked[2].moved_from == date(2028, 12, 24)


def test_an_open_day_is_its_own_next_open_day(clinic: Services) -> None:
    calendar = clinic.queries.calendar(NURSE)
    assert calendar.next_open_day(date(2026, 11, 25)) == date(2026, 11, 25)
    assert calendar.next_open_day(date(2026, 11, 28)) == date(2026, 11, 30)  # Sat -> Mon
    for weekday in range(5):
        clinic.settings.set_opening_hours(ADMIN, weekday, None, None)
    closed = clinic.queries.calendar(NURSE)
    assert closed.next_open_day(date(2026, 11, 28)) is None
