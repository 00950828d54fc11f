"""A clinic whose results list has something of every kind but R2: an URGENT calcium (R3)
that also stops a booked zoledronic acid (A8), and draws whose results are not back (R4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from clinic_app.bootstrap import Services
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.lab_results import ResultEntry
from clinic_app.services.results import LabView
from tests.conftest import DESK, LONDON, NURSE


@dataclass(frozen=True)
class ResultsDay:
    """What the seeded list holds."""

    urgent_alert: int
    stopped_session: int
    pending_lab: LabView
    other_session: int


def zol_with_draw(clinic: Services, mrn: str, start: str, chair: str) -> tuple[int, LabView]:
    outcome = clinic.booking.book(DESK, BookingRequest(mrn, "zoledronic-acid", start, chair))
    assert outcome.session.id is not None
    (lab,) = [lab for lab in outcome.labs if "creatinine" in lab.tests]
    return outcome.session.id, lab


@pytest.fixture
def results_day(clinic: Services) -> ResultsDay:
    """Two zoledronic acid sessions on Thursday 10 December with their draws; the clock on
    the sessions' day; M001's calcium recorded at 1.80 mmol/L (URGENT, A8)."""
    first, first_lab = zol_with_draw(clinic, "M001", "2026-12-10T10:00", "Chair 1")
    other, other_lab = zol_with_draw(clinic, "M002", "2026-12-10T11:30", "Chair 2")
    # The sessions' day, 08:00: the draws (three days earlier) are past their turnaround.
    clinic.ctx.clock = fixed_clock(datetime(2026, 12, 10, 8, 0, tzinfo=LONDON))
    assert max(first_lab.start, other_lab.start) < clinic.ctx.clock() - timedelta(days=2)
    assert first_lab.id is not None
    outcome = clinic.lab_results.record_results(
        NURSE, first_lab.id, [ResultEntry("calcium", 1.80, "mmol/L")]
    )
    (urgent,) = outcome.alerts
    return ResultsDay(urgent.id, first, other_lab, other)
