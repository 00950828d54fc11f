"""Issue 12's story, end to end on SQLite and PostgreSQL: safety through the whole visit.

1. Ferric carboxymaltose is booked (no outside drug known yet).
2. The GP's denosumab of 4 weeks earlier is recorded later, and the recorder is told which
   session it now stops and why.
3. On the day, check-in is refused, then allowed with a nurse's override (stored, audited).
4. A low day-7 phosphate raises an ALERT and turns the booked zoledronic acid into a BLOCK.
5. A normal phosphate clears it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, RuleRefusalError
from clinic_app.domain.findings import Severity
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.lab_results import ResultEntry
from clinic_app.services.results import LabView
from tests.conftest import DESK, LONDON, MANAGER, NURSE

IRON_DAY = date(2026, 12, 10)  # a Thursday
ZOL_START = "2027-03-08T10:00"  # > 12 weeks after the iron (E7), < 12 weeks after day 7 (R2)
BASELINE = ("calcium", "phosphate", "magnesium", "creatinine", "vitamin-d")


def at(services: Services, moment: datetime) -> None:
    """Move the clinic's clock (every service shares the context)."""
    services.ctx.clock = fixed_clock(moment)


def lab_for(services: Services, label: str) -> LabView:
    _, labs = services.queries.patient_schedule(NURSE, "M001")
    (lab,) = [lab for lab in labs if label in lab.labels and lab.status != "cancelled"]
    return lab


NORMAL = {
    "calcium": 2.35,
    "phosphate": 1.0,
    "magnesium": 0.85,
    "creatinine": 80.0,
    "vitamin-d": 75.0,
}
UNITS = {"creatinine": "umol/L", "vitamin-d": "nmol/L"}


def entries(lab: LabView, **values: float) -> list[ResultEntry]:
    """A normal result for every test of the draw, except those given."""
    return [
        ResultEntry(
            test, values.get(test.replace("-", "_"), NORMAL[test]), UNITS.get(test, "mmol/L")
        )
        for test in lab.tests
    ]


def test_the_visit_story(clinic: Services) -> None:
    # 1. Iron is booked; nothing is known about an antiresorptive yet.
    iron = clinic.booking.book(
        DESK,
        BookingRequest("M001", "ferric-carboxymaltose", f"{IRON_DAY}T10:00", "Chair 1"),
    )
    iron_id = iron.session.id
    assert iron_id is not None
    assert not [f for f in iron.findings if f.severity in (Severity.BLOCK, Severity.HARD)]
    zol = clinic.booking.book(DESK, BookingRequest("M001", "zoledronic-acid", ZOL_START, "Chair 2"))
    zol_id = zol.session.id
    assert zol_id is not None
    assert not [f for f in zol.findings if f.severity in (Severity.BLOCK, Severity.HARD)]

    # 2. The GP's denosumab, given 4 weeks ago, is recorded later: the recorder is told.
    recorded = clinic.setup.record_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-26", where="GP surgery"
    )
    (notice,) = recorded.stopped_sessions
    assert notice.session_id == iron_id
    assert {"E2", "E3"} <= {f.rule for f in notice.findings}
    assert "Denosumab" in notice.describe()
    (on_day,) = clinic.queries.day(NURSE, IRON_DAY).sessions
    assert {"E2", "E3"} <= {f.rule for f in on_day.findings}  # the grid and daily list show it

    # 3. On the day: no status may run ahead of the day; then check-in is refused, then allowed
    #    with a nurse's override.
    with pytest.raises(InvalidInputError, match="which has not come yet"):
        clinic.booking.set_status(NURSE, iron_id, "arrived")
    at(clinic, datetime(2026, 12, 10, 8, 0, tzinfo=LONDON))
    baseline = lab_for(clinic, "baseline before iron")
    assert baseline.id is not None
    clinic.lab_results.record_results(NURSE, baseline.id, entries(baseline, phosphate=1.02))
    with pytest.raises(RuleRefusalError) as refused:
        clinic.booking.set_status(NURSE, iron_id, "arrived")
    assert refused.value.overridable
    assert {"E2", "E3"} <= {f.rule for f in refused.value.findings}
    (still,) = clinic.queries.day(NURSE, IRON_DAY).sessions
    assert still.status == "booked"

    reason = "Haematology and GP agree; phosphate followed at day 7 and 21"
    # An override at check-in, like every override, names the prescriber consulted.
    with pytest.raises(InvalidInputError, match="consulted"):
        clinic.booking.set_status(NURSE, iron_id, "arrived", override_reason=reason)
    arrived = clinic.booking.set_status(
        NURSE, iron_id, "arrived", override_reason=reason, consulted="Dr Grey (GP)"
    )
    assert arrived.session.status == "arrived"
    overridden = {f.rule for f in arrived.findings if f.overridden_by == NURSE.username}
    assert {"E2", "E3"} <= overridden
    assert clinic.booking.set_status(NURSE, iron_id, "in-chair").session.status == "in-chair"
    clinic.booking.set_status(NURSE, iron_id, "completed")
    audit = list(clinic.audit.entries(MANAGER, mrn="M001"))
    assert any(e.action == "check-in-override" and e.actor == NURSE.username for e in audit)

    # 4. A low day-7 phosphate: ALERT, and the booked zoledronic acid is now blocked.
    at(clinic, datetime(2026, 12, 17, 18, 0, tzinfo=LONDON))
    day7 = lab_for(clinic, "follow-up day 7")
    assert day7.id is not None
    low = clinic.lab_results.record_results(NURSE, day7.id, entries(day7, phosphate=0.55))
    assert [a.rule for a in low.alerts] == ["R2"]
    assert "call the prescriber" in low.alerts[0].message
    (stopped,) = low.stopped_sessions
    assert stopped.session_id == zol_id
    assert [f.rule for f in stopped.findings] == ["R2"]
    listing = clinic.lab_results.results_list(NURSE)
    assert [a.rule for a in listing.alerts] == ["R2"]
    assert zol_id in {s.session_id for s in listing.stopped_sessions}

    # 5. A normal phosphate on the day-21 draw clears the block.
    at(clinic, datetime(2026, 12, 31, 18, 0, tzinfo=LONDON))
    day21 = lab_for(clinic, "follow-up day 21")
    assert day21.id is not None
    clinic.lab_results.record_results(NURSE, day21.id, entries(day21, phosphate=0.92))
    sessions, _ = clinic.queries.patient_schedule(NURSE, "M001")
    (zol_now,) = [s for s in sessions if s.id == zol_id]
    assert "R2" not in {f.rule for f in zol_now.findings}
    listing = clinic.lab_results.results_list(NURSE)
    assert zol_id not in {s.session_id for s in listing.stopped_sessions}
