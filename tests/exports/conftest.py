"""Result objects for the export tests: sessions made up in memory, no database needed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from clinic_app.domain.findings import Severity
from clinic_app.services.results import FindingView, SessionView

LONDON = ZoneInfo("Europe/London")
HOSTILE_NAMES = (
    '=HYPERLINK("http://x","y")',
    "+1-2",
    "@SUM(A1)",
    "-3",
    "\tTabbed",
    "\rCarriage",
    "=cmd|' /C calc'!A0",
)

MakeSession = Callable[..., SessionView]


def make_session(
    number: int = 1,
    *,
    name: str = "Alice Archer",
    mrn: str | None = None,
    start: datetime | None = None,
    minutes: int = 60,
    therapy: str = "zoledronic-acid",
    therapy_name: str = "Zoledronic acid",
    chair: str = "Chair 1",
    status: str = "booked",
    findings: tuple[FindingView, ...] = (),
) -> SessionView:
    """A session view as the services would return it."""
    begin = start or datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    return SessionView(
        id=number,
        patient_id=number,
        mrn=mrn or f"M{number:03d}",
        patient_name=name,
        chair_id=1,
        chair=chair,
        therapy=therapy,
        therapy_name=therapy_name,
        start=begin,
        end=begin + timedelta(minutes=minutes),
        status=status,
        course_id=None,
        findings=findings,
    )


IRON_FINDINGS = (
    FindingView(
        "E3",
        Severity.BLOCK,
        "Denosumab on 2026-10-01 is 8 weeks before this iron dose",
        "P",
        overridden_by="nina.nurse",
        override_reason="Hb 74; haematology agrees",
    ),
    FindingView("E2", Severity.WARN, "Patient is on antiresorptive therapy", "U"),
)


@pytest.fixture
def session_factory() -> MakeSession:
    return make_session


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """PDF exports paint with Qt: let pytest-qt create the one QApplication of the run."""


def many_sessions(count: int, consumed: list[int] | None = None) -> Iterator[SessionView]:
    """``count`` sessions over consecutive days, recording how many were taken so far."""
    first = datetime(2026, 1, 5, 9, 0, tzinfo=LONDON)
    for number in range(1, count + 1):
        if consumed is not None:
            consumed.append(number)
        yield make_session(
            number,
            name=f"Patient {number}",
            start=first + timedelta(days=number // 40, minutes=(number % 40) * 15),
            minutes=15,
        )
