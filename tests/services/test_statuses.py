"""Session statuses: one transition table, gated by the session's day in the clinic's zone.

Arrived, in chair, completed and no-show record what happened on the day, so they wait for
the day to come; cancelling is allowed any time. A refused change is invalid input whose
message names the statuses the session can take, and it writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.booking import BookingRequest, next_statuses, status_refusal, status_words
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, NURSE
from tests.db_counts import row_counts


def book(services: Services, mrn: str, therapy: str, start: str) -> int:
    outcome = services.booking.book(DESK, BookingRequest(mrn, therapy, start))
    assert outcome.session.id is not None
    return outcome.session.id


@pytest.mark.parametrize("status", ["arrived", "in-chair", "no-show"])
def test_tomorrow_s_session_cannot_be_marked_yet(clinic: Services, status: str) -> None:
    sid = book(clinic, "M001", "denosumab", "2026-11-24T09:00")  # today is Monday 23rd
    before = row_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.set_status(NURSE, sid, status)
    assert caught.value.field == "status"
    assert caught.value.problem == (
        "this session is on Tuesday 2026-11-24, which has not come yet; it can become "
        f"{status_words(status)} on that day. Until then it can become cancelled"
    )
    assert row_counts(clinic) == before


def test_a_no_show_in_2028_is_refused_and_keeps_its_labs(clinic: Services) -> None:
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", "2028-03-01T10:00")
    )
    sid = outcome.session.id
    assert sid is not None and outcome.labs  # renal and calcium checks before the dose
    with pytest.raises(InvalidInputError):
        clinic.booking.set_status(NURSE, sid, "no-show")
    _, labs = clinic.queries.patient_schedule(NURSE, "M001")
    assert [lab.status for lab in labs] == ["booked"] * len(outcome.labs)
    (session,) = clinic.queries.day(NURSE, "2028-03-01").sessions
    assert session.status == "booked"


def test_booked_to_completed_is_invalid_input_naming_the_next_statuses(clinic: Services) -> None:
    sid = book(clinic, "M001", "denosumab", "2026-11-23T09:00")  # today
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.set_status(NURSE, sid, "completed")
    assert caught.value.field == "status"
    assert caught.value.problem == (
        "this session is booked; it can become arrived, in the chair, a no-show or cancelled"
    )
    assert str(sid) not in caught.value.problem


def test_today_the_day_runs_its_course(clinic: Services) -> None:
    sid = book(clinic, "M001", "iron-sucrose", "2026-11-23T09:00")  # today; nothing gates it (R1)
    for status in ("arrived", "in-chair", "completed"):
        assert clinic.booking.set_status(NURSE, sid, status).session.status == status
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.set_status(NURSE, sid, "no-show")
    assert caught.value.problem == "this session is completed; it can become in the chair"
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.set_status(NURSE, sid, "completed")
    assert caught.value.problem == "this session is already completed"


def test_cancelling_is_allowed_any_time_and_is_final(clinic: Services) -> None:
    sid = book(clinic, "M001", "denosumab", "2027-06-01T09:00")
    assert clinic.booking.cancel(DESK, sid, "moved away").session.status == "cancelled"
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.set_status(NURSE, sid, "booked")
    assert caught.value.problem == "this session is cancelled; its status cannot change any more"


def test_callers_ask_the_service_which_statuses_a_session_may_take(clinic: Services) -> None:
    today = book(clinic, "M001", "denosumab", "2026-11-23T09:00")
    tomorrow = book(clinic, "M002", "denosumab", "2026-11-24T09:00")
    views = {
        v.id: v
        for day in ("2026-11-23", "2026-11-24")
        for v in clinic.queries.day(NURSE, day).sessions
    }
    assert clinic.booking.next_statuses(views[today]) == (
        "arrived",
        "in-chair",
        "no-show",
        "cancelled",
    )
    assert clinic.booking.next_statuses(views[tomorrow]) == ("cancelled",)


def test_next_statuses_table() -> None:
    day, before, after = date(2026, 11, 24), date(2026, 11, 23), date(2026, 11, 25)
    assert next_statuses("arrived", day=day, today=before) == ("booked", "cancelled")
    assert next_statuses("arrived", day=day, today=after) == (
        "booked",
        "in-chair",
        "no-show",
        "cancelled",
    )
    assert next_statuses("no-show", day=day, today=after) == ("booked",)
    assert next_statuses("unknown", day=day, today=day) == ()
    assert status_refusal("booked", "arrived", day=day, today=day) is None


@pytest.fixture
def auckland(db_url: str) -> Iterator[Services]:
    """An Auckland clinic at 23:30 UTC on Monday 23 November: 12:30 on Tuesday there."""
    services = open_services(db_url, clock=fixed_clock(datetime(2026, 11, 23, 23, 30, tzinfo=UTC)))
    services.setup.init_clinic(ADMIN, name="Auckland", timezone="Pacific/Auckland")
    services.setup.add_chair(ADMIN, "Chair 1")
    services.setup.add_patient(DESK, mrn="M001", name="Aroha Ngata", date_of_birth="1950-01-01")
    yield services
    services.engine.dispose()


def test_the_day_is_the_clinic_s_day(auckland: Services) -> None:
    tuesday = book(auckland, "M001", "iron-sucrose", "2026-11-24T14:00")
    assert auckland.booking.set_status(NURSE, tuesday, "arrived").session.status == "arrived"
    wednesday = book(auckland, "M001", "iron-sucrose", "2026-11-25T09:00")
    with pytest.raises(InvalidInputError):
        auckland.booking.set_status(NURSE, wednesday, "arrived")
