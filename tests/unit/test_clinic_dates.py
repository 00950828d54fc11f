"""Dates as the clinic writes them: one format, independent of the process locale."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.clinic_dates import clinic_date, clinic_date_time


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 12, 2), "Wed 2 Dec 2026"),
        (date(2027, 2, 24), "Wed 24 Feb 2027"),
        (date(2024, 2, 29), "Thu 29 Feb 2024"),
        (date(2026, 11, 23), "Mon 23 Nov 2026"),
        (date(2027, 1, 3), "Sun 3 Jan 2027"),
    ],
)
def test_clinic_date(day: date, text: str) -> None:
    assert clinic_date(day) == text


def test_clinic_date_time() -> None:
    assert clinic_date_time(datetime(2026, 12, 8, 8, 5)) == "Tue 8 Dec 2026, 08:05"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_round_trips_through_strptime_in_the_c_locale(day: date) -> None:
    # The C locale's %a/%b are the same English abbreviations: the text parses back.
    assert datetime.strptime(clinic_date(day), "%a %d %b %Y").date() == day
