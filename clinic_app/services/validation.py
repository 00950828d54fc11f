"""Checking and parsing user input; every error names the field and the problem."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time
from pathlib import Path

from dateutil.relativedelta import relativedelta

from clinic_app.domain.catalog import Catalog, Therapy, UnknownTherapyError
from clinic_app.domain.clinic_calendar import (
    CalendarError,
    ClinicCalendar,
    longer_than_a_century,
    outside_calendar,
)
from clinic_app.domain.errors import InvalidInputError

_MRN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/.]{0,39}$")
_PHONE = re.compile(r"^[0-9+()\-. ]{3,40}$")
SEXES = ("F", "M", "X")
_INTERVAL_UNITS = {
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
}


def require_in_calendar(field: str, day: date) -> date:
    """``day`` when it lies in the clinic's calendar (the one check every entered date passes)."""
    problem = outside_calendar(day)
    if problem:
        raise InvalidInputError(field, problem)
    return day


def parse_date(field: str, value: str | date) -> date:
    """A date from ``YYYY-MM-DD`` text, inside the clinic's calendar."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return require_in_calendar(field, value)
    text = str(value).strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(field, f"{text!r} is not a date (expected YYYY-MM-DD)") from None
    return require_in_calendar(field, day)


def parse_time(field: str, value: str | time) -> time:
    """A wall-clock time from ``HH:MM`` text."""
    if isinstance(value, time):
        return value
    text = str(value).strip()
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(field, f"{text!r} is not a time (expected HH:MM)") from None


def parse_local_datetime(field: str, value: str | datetime, calendar: ClinicCalendar) -> datetime:
    """An aware datetime from local clinic text ``YYYY-MM-DDTHH:MM`` (or an aware datetime).

    The day must lie in the clinic's calendar; it is checked before any zone arithmetic, which
    would overflow near the ends of Python's dates.
    """
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidInputError(
                field, f"{text!r} is not a date and time (expected YYYY-MM-DDTHH:MM)"
            ) from None
    require_in_calendar(field, moment.date())
    try:
        return calendar.localize(moment)
    except CalendarError as error:
        raise InvalidInputError(field, str(error)) from None


def require_text(
    field: str, value: str | None, *, max_length: int, allow_empty: bool = False
) -> str:
    """Trimmed text within its length; refuses empty text unless allowed."""
    text = (value or "").strip()
    if not text and not allow_empty:
        raise InvalidInputError(field, "must not be empty")
    if len(text) > max_length:
        raise InvalidInputError(field, f"is longer than {max_length} characters")
    if any(ord(c) < 32 and c not in "\t\n" for c in text):
        raise InvalidInputError(field, "contains control characters")
    return text


def require_mrn(value: str | None) -> str:
    """An MRN: letters, digits, '-', '/', '.'; up to 40 characters."""
    text = require_text("mrn", value, max_length=40)
    if not _MRN.match(text):
        raise InvalidInputError("mrn", f"{text!r} may hold only letters, digits, '-', '/' and '.'")
    return text


def require_phone(value: str | None) -> str | None:
    """A phone number or None."""
    text = (value or "").strip()
    if not text:
        return None
    if not _PHONE.match(text):
        raise InvalidInputError("phone", f"{text!r} is not a phone number")
    return text


def require_sex(value: str | None) -> str | None:
    """F, M, X or None."""
    text = (value or "").strip().upper()
    if not text:
        return None
    if text not in SEXES:
        raise InvalidInputError("sex", f"{value!r} is not one of F, M, X")
    return text


def require_therapy(
    catalog: Catalog, code: str, *, bookable: bool, field: str = "therapy"
) -> Therapy:
    """The catalog therapy; with ``bookable`` it must be one given in a chair here."""
    try:
        therapy = catalog.get((code or "").strip())
    except UnknownTherapyError:
        known = ", ".join(t.code for t in (catalog.bookable() if bookable else catalog))
        raise InvalidInputError(field, f"unknown therapy code {code!r} (known: {known})") from None
    if bookable and not therapy.bookable:
        raise InvalidInputError(
            field, f"{therapy.name} is recorded as an outside exposure, not booked in a chair"
        )
    return therapy


def require_interval(field: str, every: relativedelta) -> relativedelta:
    """A positive interval of whole days, weeks, months and years, at most a century."""
    parts = (every.years, every.months, every.days)
    if (
        any(part < 0 for part in parts)
        or not any(parts)
        or any((every.hours, every.minutes, every.seconds, every.microseconds))
    ):
        raise InvalidInputError(
            field,
            "the interval between doses must be a positive number of days, weeks, months or years",
        )
    if longer_than_a_century(years=every.years, months=every.months, days=every.days):
        raise InvalidInputError(field, "the interval between doses is longer than a century")
    return every


def parse_interval(field: str, text: str | None) -> relativedelta:
    """An interval like '3 months', '7 days', '2 weeks' or '1 year' (at most a century)."""
    words = (text or "").strip().lower().split()
    if not words:
        raise InvalidInputError(field, "a series needs an interval, e.g. '3 months' or '7 days'")
    example = "is not like '3 months', '7 days', '1 year'"
    # ASCII digits only: str.isdigit() also accepts '²', which int() refuses.
    if len(words) != 2 or not (words[0].isascii() and words[0].isdigit()):
        raise InvalidInputError(field, f"{text!r} {example}")
    if words[1] not in _INTERVAL_UNITS:
        raise InvalidInputError(field, f"{text!r} {example}")
    if len(words[0]) > 9:
        raise InvalidInputError(field, "the interval between doses is longer than a century")
    count, unit = int(words[0]), _INTERVAL_UNITS[words[1]]
    every = relativedelta(
        years=count if unit == "years" else 0,
        months=count if unit == "months" else 0,
        weeks=count if unit == "weeks" else 0,
        days=count if unit == "days" else 0,
    )
    return require_interval(field, every)


def _path_text(field: str, value: str | Path) -> Path:
    text = str(value)
    if not text.strip():
        raise InvalidInputError(field, "give the file's name")
    if "\x00" in text:
        raise InvalidInputError(field, "a file name cannot hold a NUL character")
    return Path(text)


def require_file_target(field: str, value: str | Path) -> Path:
    """A path a new file can be written to: in an existing, writable folder, and not a folder
    or a device itself. Missing folders are not created: that would hide a mistyped path.
    (The write itself may still fail, e.g. on a full disk.)"""
    target = _path_text(field, value)
    try:
        if target.is_dir():
            raise InvalidInputError(field, f"{target} is a folder; give a file name in it")
        if target.exists() and not target.is_file():
            raise InvalidInputError(field, f"{target} is not a regular file")
        folder = target.parent
        if not folder.exists():
            raise InvalidInputError(field, f"the folder {folder} does not exist")
        if not folder.is_dir():
            raise InvalidInputError(field, f"{folder} is not a folder")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise InvalidInputError(field, f"the folder {folder} cannot be written")
    except OSError as error:
        raise InvalidInputError(
            field, f"{target} cannot be used: {error.strerror or error}"
        ) from None
    return target


def require_file_source(field: str, value: str | Path) -> Path:
    """An existing, readable regular file."""
    source = _path_text(field, value)
    try:
        if not source.is_file():
            raise InvalidInputError(field, f"{source} is not an existing file")
        if not os.access(source, os.R_OK):
            raise InvalidInputError(field, f"{source} cannot be read")
    except OSError as error:
        raise InvalidInputError(
            field, f"{source} cannot be used: {error.strerror or error}"
        ) from None
    return source
