"""The daily list printed by nurse (issue 14), from result objects made up in memory."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

from pypdf import PdfReader

from clinic_app.exports.nurse_list_print import labs_due, nurse_sections, write_nurse_list_pdf
from clinic_app.services.results import DayList, LabView, SessionView
from clinic_app.services.staffing import (
    AssignedSessionView,
    CareView,
    DayAssignmentView,
    NurseWorkView,
)
from tests.exports.conftest import IRON_FINDINGS, LONDON, make_session

DAY = date(2026, 11, 24)


def at(hhmm: str) -> datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return datetime(2026, 11, 24, hours, minutes, tzinfo=LONDON)


def assigned(view: SessionView, *care: tuple[str, str, str, str | None]) -> AssignedSessionView:
    """The session with its care parts (start, end, kind, nurse); its nurse has the most."""
    parts = tuple(
        CareView(time.fromisoformat(a), time.fromisoformat(b), kind, nurse)
        for a, b, kind, nurse in care
    )
    minutes: dict[str | None, int] = {}
    for part in parts:
        length = (part.end.hour * 60 + part.end.minute) - (part.start.hour * 60 + part.start.minute)
        minutes[part.nurse] = minutes.get(part.nurse, 0) + length
    primary = max(minutes, key=lambda n: minutes[n])
    return AssignedSessionView(
        view.id or 0,
        view.mrn,
        view.patient_name,
        view.therapy_name,
        view.chair,
        view.start,
        view.end,
        view.status,
        primary,
        False,
        len({p.nurse for p in parts}) - 1,
        parts,
    )


def lab(mrn: str, tests: tuple[str, ...], start: str, status: str = "booked") -> LabView:
    return LabView(None, 1, mrn, "x", tests, at(start), at(start), status, DAY, DAY, rules=("A8",))


def the_day() -> tuple[DayList, DayAssignmentView]:
    early = make_session(1, name="Alice Archer", chair="Chair 10", start=at("09:00"))
    iron = make_session(
        2, name="Eve Evans", chair="Chair 2", start=at("09:00"), findings=IRON_FINDINGS
    )
    later = make_session(3, name="Carol Cooper", start=at("11:00"))
    gone = make_session(4, name="Dan Dawson", start=at("13:00"), status="cancelled")
    nobody = make_session(5, name="Fay Fisher", start=at("15:00"))
    day_list = DayList(
        DAY,
        (later, early, iron, gone, nobody),
        (
            lab("M003", ("calcium", "creatinine"), "10:30"),
            lab("M001", ("x",), "08:00", "cancelled"),
        ),
        (lab("M001", ("vitamin-d",), "08:00"),),
    )
    assignment = DayAssignmentView(
        DAY,
        True,
        "",
        (
            assigned(
                early,
                ("09:00", "09:15", "set-up", "Nora"),
                ("09:15", "10:00", "monitoring", "Nora"),
            ),
            assigned(
                iron,
                ("09:00", "09:15", "set-up", "Olga"),
                ("09:15", "10:00", "monitoring", "Nora"),
                ("10:00", "10:15", "take-down", "Nora"),
            ),
            assigned(
                later,
                ("11:00", "11:15", "set-up", "Nora"),
                ("11:15", "12:00", "monitoring", "Nora"),
            ),
            assigned(nobody, ("15:00", "16:00", "monitoring", None)),
        ),
        (NurseWorkView("Nora", 600, 120, (1, 2, 3)), NurseWorkView("Olga", 300, 15, (2,))),
        1,
        ("15:00-16:00 session 5 monitoring",),
    )
    return day_list, assignment


def test_sections_are_each_nurses_patients_in_time_then_chair_order_then_the_unassigned() -> None:
    day_list, assignment = the_day()
    sections = [
        (nurse, [v.patient_name for v in views])
        for nurse, views in nurse_sections(day_list, assignment)
    ]
    assert sections == [
        # Chair 2 before Chair 10 at 09:00 (natural order); Olga does Eve's set-up, so Eve
        # is on her list too.
        ("Nora", ["Eve Evans", "Alice Archer", "Carol Cooper"]),
        ("Olga", ["Eve Evans"]),
        (None, ["Fay Fisher"]),  # the cancelled session needs nobody
    ]


def test_labs_due_names_todays_and_overdue_draws_of_the_patient() -> None:
    day_list, _ = the_day()
    alice, carol = day_list.sessions[1], day_list.sessions[0]
    assert labs_due(alice, day_list) == "\u26a0 vitamin-d (due and not done)"  # cancelled left out
    assert labs_due(carol, day_list) == "calcium, creatinine at 10:30"


def test_the_pdf_has_a_page_per_nurse_with_labs_and_hand_offs(tmp_path: Path) -> None:
    day_list, assignment = the_day()
    pages = write_nurse_list_pdf(
        day_list, assignment, tmp_path / "n.pdf", clinic_name="Test clinic", printed_at=at("07:00")
    )
    texts = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(tmp_path / "n.pdf").pages]
    assert pages == len(texts) == 3
    nora, olga, unassigned = texts
    assert nora.startswith("Test clinic Tuesday 24 November 2026 Nora Daily list by nurse")
    assert "Patients: 3" in nora and "On duty 600 min; nurse work 120 min" in nora
    assert nora.index("Eve Evans") < nora.index("Alice Archer") < nora.index("Carol Cooper")
    assert "calcium, creatinine at 10:30" in nora and "vitamin-d (due and not done)" in nora
    assert "09:00-09:15 set-up: Olga" in nora  # the part of Eve's session that is not Nora's
    assert "CO-THERAPY" in nora and "Dan Dawson" not in nora
    assert "Patients: 1" in olga and "Eve Evans" in olga and "09:15-10:00 monitoring: Nora" in olga
    assert "Unassigned" in unassigned and "Fay Fisher" in unassigned
    assert "15:00-16:00 monitoring: no nurse free" in unassigned
    assert "Page 3 of 3" in unassigned and "daily list by nurse for Tue 24 Nov 2026" in unassigned
