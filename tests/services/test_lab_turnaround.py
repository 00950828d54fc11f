"""Lab placement honours the results turnaround, and a re-planned draw's links say what it
serves now (issue 12; rules file sections 4 and 7)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from clinic_app.bootstrap import Services
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, NURSE

MONDAY = date(2026, 12, 14)


def test_a_before_draw_leaves_two_working_days_for_the_result(clinic: Services) -> None:
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", f"{MONDAY}T10:00", "Chair 1")
    )
    (before,) = [lab for lab in outcome.labs if "creatinine" in lab.tests]
    # Not Friday 17:45 before a Monday dose: Thursday and Friday are left for the laboratory.
    assert before.start.date() == date(2026, 12, 9)
    assert before.start.hour >= 17  # still the latest free slot of that day


def test_a_short_notice_booking_still_gets_its_draw(clinic: Services) -> None:
    # Booked on Monday for Wednesday: no day leaves two working days; the latest slot remains.
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", "2026-11-25T10:00", "Chair 1")
    )
    (before,) = [lab for lab in outcome.labs if "creatinine" in lab.tests]
    assert before.start.date() == date(2026, 11, 24)


def test_a_moved_iron_sessions_draws_describe_what_they_serve_now(clinic: Services) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    first_day = date(2026, 12, 1)
    booked = clinic.booking.book(
        NURSE,
        BookingRequest(
            "M001",
            "ferric-derisomaltose",
            f"{first_day}T10:00",
            "Chair 1",
            override_reason="haematology agrees",
            consulted="Dr Ann Lee",
        ),
    )
    assert booked.session.id is not None
    new_day = first_day + timedelta(weeks=4)
    clinic.booking.move(
        NURSE,
        booked.session.id,
        f"{new_day}T10:00",
        override_reason="haematology agrees",
        consulted="Dr Ann Lee",
    )
    _, labs = clinic.queries.patient_schedule(NURSE, "M001")
    follow_ups = [lab for lab in labs if lab.status == "booked" and "E6" in lab.rules]
    assert len(follow_ups) == 4
    for lab in follow_ups:
        (label,) = [x for x in lab.labels if x.startswith("follow-up day")]
        match = re.fullmatch(r"follow-up day (\d+)", label)
        assert match is not None
        day = int(match.group(1))
        offset = (lab.start.date() - new_day).days
        assert abs(offset - day) <= 7, (label, lab.start, lab.due_from, lab.due_to)
        assert lab.due_from <= lab.start.date() <= lab.due_to
        assert lab.due_from >= new_day + timedelta(days=day - 7)
