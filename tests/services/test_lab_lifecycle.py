"""Lab draws over time: links survive the passing of their window; status changes keep them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK, LONDON, NOW, NURSE


class MovableClock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def timed(db_url: str) -> Iterator[tuple[Services, MovableClock]]:
    clock = MovableClock()
    services = open_services(db_url, clock=clock)
    services.setup.init_clinic(ADMIN)
    services.setup.add_chair(ADMIN, "Chair 1")
    services.setup.add_patient(DESK, mrn="L1", name="Lab Life", date_of_birth="1950-01-01")
    yield services, clock
    services.engine.dispose()


def test_status_change_keeps_the_links_of_a_past_before_draw(
    timed: tuple[Services, MovableClock],
) -> None:
    services, clock = timed
    outcome = services.booking.book(
        DESK, BookingRequest("L1", "zoledronic-acid", "2026-12-02T10:00", "Chair 1")
    )
    sid = outcome.session.id
    assert sid is not None
    before = [lab for lab in outcome.labs if lab.start.date() < outcome.session.start.date()]
    assert before, outcome.labs  # A7: creatinine and calcium before the dose
    clock.now = datetime(2026, 12, 2, 9, 50, tzinfo=LONDON)  # the dose day; the window passed
    # No result is on file: the check-in gate (R1) needs the nurse's override.
    services.booking.set_status(
        NURSE, sid, "arrived", override_reason="results phoned through", consulted="Dr Grey"
    )
    _, labs = services.queries.patient_schedule(NURSE, "L1")
    draw = next(lab for lab in labs if lab.id == before[0].id)
    assert draw.status == "booked"
    assert draw.session_ids == (sid,)


def test_cancelling_after_the_window_leaves_a_past_draw_alone(
    timed: tuple[Services, MovableClock],
) -> None:
    services, clock = timed
    outcome = services.booking.book(
        DESK, BookingRequest("L1", "zoledronic-acid", "2026-12-02T10:00", "Chair 1")
    )
    assert outcome.session.id is not None
    clock.now = datetime(2026, 12, 2, 8, 0, tzinfo=LONDON)
    cancelled = services.booking.cancel(DESK, outcome.session.id, "unwell")
    # The draw before the dose is history (it may have been taken): not cancelled.
    assert cancelled.cancelled_labs == ()
