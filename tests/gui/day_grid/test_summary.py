"""The day screen's words: the summary line of a day and the banner after an action."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from clinic_app.domain.findings import Severity
from clinic_app.gui.day_grid.summary import Feedback, day_summary, outcome_feedback
from clinic_app.services.results import BookingOutcome, DayList, FindingView, LabView
from tests.exports.conftest import IRON_FINDINGS, LONDON, make_session

TUESDAY = date(2026, 11, 24)


def lab(number: int, status: str = "booked") -> LabView:
    start = datetime(2026, 11, 23, 17, 45, tzinfo=LONDON)
    return LabView(
        id=number,
        patient_id=1,
        mrn="M001",
        patient_name="Alice Archer",
        tests=("calcium",),
        start=start,
        end=start.replace(minute=59),
        status=status,
        due_from=date(2026, 11, 1),
        due_to=TUESDAY,
    )


def test_an_open_day_counts_what_is_on_and_what_needs_attention() -> None:
    day = DayList(
        TUESDAY,
        sessions=(
            make_session(1, findings=IRON_FINDINGS),  # flagged: E2 and E3
            make_session(2, findings=(FindingView("C2", Severity.WARN, "late", "S"),)),
            make_session(3, status="cancelled", findings=IRON_FINDINGS),
        ),
        labs=(lab(1), lab(2, status="cancelled")),
        overdue_labs=(lab(3), lab(4)),
    )
    assert day_summary(day, closed=False, closed_date=False) == (
        "2 sessions · 1 lab draw · 1 co-therapy flag · 1 cancelled (not drawn) · "
        "2 overdue lab draws"
    )


def test_a_closed_day_says_why() -> None:
    empty = DayList(TUESDAY, sessions=(), labs=())
    assert day_summary(empty, closed=True, closed_date=True) == "Closed (closed date)"
    assert day_summary(empty, closed=True, closed_date=False) == "Closed (not an opening day)"
    busy = DayList(TUESDAY, sessions=(make_session(1),), labs=())
    assert day_summary(busy, closed=True, closed_date=True) == (
        "Closed (closed date) · 1 session · 0 lab draws"
    )


def test_the_banner_after_a_series_names_the_first_dose_its_labs_and_findings() -> None:
    first = make_session(1, findings=IRON_FINDINGS)
    second = replace(first, id=2, start=first.start.replace(day=25), end=first.end.replace(day=25))
    outcomes = [
        BookingOutcome(first, IRON_FINDINGS, (lab(1), replace(lab(2), id=None))),
        BookingOutcome(second, (), (lab(1),), cancelled_labs=(lab(5), lab(6))),
    ]
    feedback = outcome_feedback("Booked", outcomes)
    assert feedback.level == "warning"  # a WARN (and an overridden BLOCK) among the findings
    assert feedback.headline == (
        "Booked: Alice Archer (M001), Zoledronic acid, Tue 24 Nov 09:00 in Chair 1"
    )
    assert feedback.detail.splitlines()[:3] == [
        "2 doses booked as one course.",
        "1 lab draw serves this booking.",  # the same draw twice, and one not saved yet
        "2 lab draws no longer needed were cancelled.",
    ]
    assert len(feedback.detail.splitlines()) == 3 + len(IRON_FINDINGS)


def test_a_quiet_booking_is_ok() -> None:
    session = make_session(1)
    assert outcome_feedback("Moved", [BookingOutcome(session, (), ())]) == Feedback(
        "ok", "Moved: Alice Archer (M001), Zoledronic acid, Tue 24 Nov 09:00 in Chair 1", ""
    )
