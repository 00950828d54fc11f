"""Times in results are in the clinic's zone, on both adapters (the contract suite runs this
in-process and through the server): JSON carries only an offset, and the remote adapter gives
results back in the clinic's ``ZoneInfo``, so that wall-clock arithmetic across a clock change
gives the same answer at a desk of the server as on one PC."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from clinic_app.bootstrap import Services
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, NURSE


def test_session_times_are_in_the_clinic_zone_across_a_clock_change(clinic: Services) -> None:
    london = ZoneInfo("Europe/London")
    # Friday before the clocks go forward (Sunday 28 March 2027).
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "denosumab", "2027-03-26T10:00", chair="Chair 1")
    )
    start = outcome.session.start
    assert start.tzinfo == london
    # A week later by the wall clock is 10:00 again (BST), not 11:00.
    assert (start + timedelta(days=7)).hour == 10
    assert (start + timedelta(days=7)).utcoffset() == timedelta(hours=1)
    (listed,) = clinic.queries.day(NURSE, "2027-03-26").sessions
    assert listed.start.tzinfo == london and listed.end.tzinfo == london
    _, labs = clinic.queries.patient_schedule(NURSE, "M001")
    assert all(lab.start.tzinfo == london for lab in labs)
