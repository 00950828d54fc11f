"""Series and courses: each occurrence its own row, validated on its own; all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, RuleRefusalError, SchedulingConflictError
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, NURSE


def sessions_of(services: Services, mrn: str) -> list[tuple[date, str, str | None]]:
    sessions, _ = services.queries.patient_schedule(NURSE, mrn)
    return [(s.start.date(), s.status, s.course_id) for s in sessions]


def test_ibandronate_every_three_months(clinic: Services) -> None:
    outcomes = clinic.booking.book_series(
        DESK,
        BookingRequest("M001", "ibandronate", "2027-01-29T10:00", "Chair 1"),
        count=4,
        every=relativedelta(months=3),
    )
    days = [o.session.start.date() for o in outcomes]
    # 29 January + 3 months, dateutil-style month ends (no 29 April skipping).
    assert days == [date(2027, 1, 29), date(2027, 4, 29), date(2027, 7, 29), date(2027, 10, 29)]
    assert len({o.session.id for o in outcomes}) == 4
    assert len({o.session.course_id for o in outcomes}) == 1
    assert all(not any(f.rule == "B2" for f in o.findings) for o in outcomes)
    # Each dose has its own renal/calcium labs before it (B5).
    for outcome in outcomes:
        assert any({"creatinine", "calcium"} <= set(lab.tests) for lab in outcome.labs)


def test_ferric_carboxymaltose_course_of_two(clinic: Services) -> None:
    outcomes = clinic.booking.book_series(
        DESK,
        BookingRequest("M002", "ferric-carboxymaltose", "2026-12-01T09:00", "Chair 2"),
        count=2,
        every=relativedelta(days=7),
    )
    assert [o.session.start.date() for o in outcomes] == [date(2026, 12, 1), date(2026, 12, 8)]
    assert outcomes[0].session.course_id == outcomes[1].session.course_id


def test_a_refused_dose_refuses_the_whole_series(clinic: Services) -> None:
    with pytest.raises(RuleRefusalError) as caught:
        clinic.booking.book_series(
            DESK,
            BookingRequest("M003", "ferric-carboxymaltose", "2026-12-01T09:00"),
            count=2,
            every=relativedelta(days=3),
        )
    assert "dose 2 of 2" in str(caught.value)
    assert "D2" in {f.rule for f in caught.value.findings}
    assert sessions_of(clinic, "M003") == []


def test_a_conflict_in_one_dose_writes_nothing(clinic: Services) -> None:
    clinic.booking.book(
        DESK, BookingRequest("M004", "zoledronic-acid", "2027-02-26T10:00", "Chair 1")
    )
    with pytest.raises(SchedulingConflictError) as caught:
        clinic.booking.book_series(
            DESK,
            BookingRequest("M001", "ibandronate", "2026-11-26T10:00", "Chair 1"),
            count=2,
            every=relativedelta(months=3),
        )
    assert "dose 2 of 2" in caught.value.message
    assert sessions_of(clinic, "M001") == []


@pytest.mark.parametrize(
    ("count", "every"),
    [
        (0, relativedelta(months=3)),
        (30, relativedelta(months=3)),
        (2, relativedelta()),
        (2, relativedelta(years=-1)),
        (2, relativedelta(months=1, days=-3)),
        (2, relativedelta(hours=5)),
        (2, relativedelta(years=100000)),
        (2, relativedelta(days=36_526)),
        (24, relativedelta(years=9)),
    ],
)
def test_series_input_is_checked(clinic: Services, count: int, every: relativedelta) -> None:
    with pytest.raises(InvalidInputError):
        clinic.booking.book_series(
            DESK,
            BookingRequest("M001", "ibandronate", "2026-11-26T10:00"),
            count=count,
            every=every,
        )
