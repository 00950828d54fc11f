"""The result objects' own answers: the co-therapy flag and the worst finding of a session."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from clinic_app.domain.findings import Severity
from clinic_app.services.results import FindingView, SessionView, flagged_sessions
from tests.conftest import LONDON

START = datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
SESSION = SessionView(
    id=1,
    patient_id=1,
    mrn="M001",
    patient_name="Alice Archer",
    chair_id=1,
    chair="Chair 1",
    therapy="ferric-derisomaltose",
    therapy_name="Ferric derisomaltose",
    start=START,
    end=START.replace(hour=10, minute=15),
    status="booked",
    course_id=None,
)


def finding(rule: str, severity: Severity) -> FindingView:
    return FindingView(rule, severity, f"{rule} message", "U")


def test_a_session_is_flagged_only_by_a_cotherapy_finding() -> None:
    late = replace(SESSION, findings=(finding("C2", Severity.WARN),))
    labs_only = replace(SESSION, findings=(finding("E5", Severity.INFO),))
    iron = replace(SESSION, findings=(finding("A3", Severity.BLOCK), finding("E2", Severity.WARN)))
    assert [v.cotherapy_flagged for v in (SESSION, late, labs_only, iron)] == [
        False,
        False,
        False,
        True,
    ]
    assert [f.rule for f in iron.cotherapy_findings] == ["E2"]
    assert late.worst is Severity.WARN and iron.worst is Severity.BLOCK and SESSION.worst is None


def test_flagged_sessions_leave_out_cancelled_ones() -> None:
    flags = (finding("E3", Severity.BLOCK),)
    kept = replace(SESSION, id=1, findings=flags)
    cancelled = replace(SESSION, id=2, findings=flags, status="cancelled")
    no_show = replace(SESSION, id=3, findings=flags, status="no-show")
    quiet = replace(SESSION, id=4)
    assert [v.id for v in flagged_sessions([kept, cancelled, no_show, quiet])] == [1, 3]
