"""Reading a front-desk search text: name words in any order, MRN, date of birth, phone."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.patient_query import MIN_PHONE_DIGITS, parse_patient_query


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Cooper, Carol", ("cooper", "carol")),
        ("  carol   COOPER ", ("carol", "cooper")),
        ("Cooper,Carol", ("cooper", "carol")),
        ("", ()),
        (None, ()),
    ],
)
def test_name_words_in_any_order(text: str | None, words: tuple[str, ...]) -> None:
    assert parse_patient_query(text).words == words


@pytest.mark.parametrize(
    ("text", "dob"),
    [
        ("1962-11-30", date(1962, 11, 30)),
        ("30/11/1962", date(1962, 11, 30)),
        ("3.2.1950", date(1950, 2, 3)),
        ("03-02-1950", date(1950, 2, 3)),
        ("31/02/1950", None),  # no such day
        ("1962", None),
        ("M1962-11-30", None),
    ],
)
def test_dates_of_birth_iso_or_day_first(text: str, dob: date | None) -> None:
    assert parse_patient_query(text).date_of_birth == dob


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("07700 900123", "07700900123"),
        ("+44 (0)7700-900123", "4407700900123"),
        ("900123", "900123"),
        ("12345", None),  # too short: an MRN fragment or a year
        ("M002", None),
        ("30/11/1962", None),  # a date, not a phone number
    ],
)
def test_phone_numbers_by_their_digits(text: str, digits: str | None) -> None:
    assert parse_patient_query(text).phone_digits == digits


def test_blank_text_is_the_empty_query() -> None:
    assert parse_patient_query("   ").empty
    assert not parse_patient_query("x").empty


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_every_date_reads_back_in_both_forms(day: date) -> None:
    assert parse_patient_query(day.isoformat()).date_of_birth == day
    assert parse_patient_query(day.strftime("%d/%m/%Y")).date_of_birth == day


@given(st.text(max_size=40))
def test_any_text_reads_without_error(text: str) -> None:
    query = parse_patient_query(text)
    assert all(w and " " not in w and "," not in w for w in query.words)
    if query.phone_digits is not None:
        assert query.phone_digits.isdigit() and len(query.phone_digits) >= MIN_PHONE_DIGITS
