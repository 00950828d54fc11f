"""Checking and parsing user input; every error names the field and the problem."""

from __future__ import annotations

import os
import re
import unicodedata
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
_COURSE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-/.]*")
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


def parse_period(
    first: str | date, last: str | date, *, max_days: int, what: str
) -> tuple[date, date]:
    """A report's period ``first`` to ``last`` inclusive (fields ``from`` and ``to``): in
    order and at most ``max_days`` days long (``what`` names the report in the message)."""
    day_from = parse_date("from", first)
    day_to = parse_date("to", last)
    if day_to < day_from:
        raise InvalidInputError("to", "the end date is before the start date")
    if (day_to - day_from).days + 1 > max_days:
        raise InvalidInputError("to", f"{what} covers at most {max_days} days")
    return day_from, day_to


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
    """An aware datetime from local clinic text ``YYYY-MM-DDTHH:MM`` (or a datetime).

    Text is the clinic's wall-clock time. A time the clocks skip (spring) is refused. A time
    that happens twice (autumn) is refused too unless the text ends with the UTC offset that
    says which one is meant (``2026-10-25T01:30+00:00`` is the second 01:30 in London); the
    message names both. An offset must be one the clinic's zone has at that wall time.
    A datetime object is taken as it is: aware, or naive read by its ``fold``.

    The day must lie in the clinic's calendar; it is checked before any zone arithmetic, which
    would overflow near the ends of Python's dates.
    """
    if isinstance(value, datetime):
        try:
            require_in_calendar(field, value.date())
            return calendar.localize(value)
        except CalendarError as error:
            raise InvalidInputError(field, str(error)) from None
    text = str(value).strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            field, f"{text!r} is not a date and time (expected YYYY-MM-DDTHH:MM)"
        ) from None
    require_in_calendar(field, moment.date())
    wall = moment.replace(tzinfo=None)
    try:
        choices = calendar.wall_time_choices(wall)
    except CalendarError as error:
        raise InvalidInputError(field, str(error)) from None
    if not choices:
        raise InvalidInputError(
            field,
            f"{wall:%Y-%m-%d %H:%M} does not exist in {calendar.timezone}: the clocks go "
            "forward over it; choose a time after the change",
        )
    if moment.tzinfo is not None:
        for choice in choices:
            if choice.utcoffset() == moment.utcoffset():
                return choice
        offsets = " or ".join(_offset(c) for c in choices)
        raise InvalidInputError(
            field,
            f"{text} has the UTC offset {_offset(moment)}, but {wall:%Y-%m-%d %H:%M} in "
            f"{calendar.timezone} is at {offsets}; give the clinic's local time",
        )
    if len(choices) > 1:
        first, second = choices
        raise InvalidInputError(
            field,
            f"{wall:%Y-%m-%d %H:%M} happens twice in {calendar.timezone} (the clocks go back "
            f"that night): give {_with_offset(first)} for the first ({first:%Z}) or "
            f"{_with_offset(second)} for the second ({second:%Z})",
        )
    return choices[0]


def _offset(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")[16:] or "+00:00"


def _with_offset(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


# Column lengths of the free-text fields (persistence/models.py); a test keeps them equal.
NAME_MAX = 200  # patients.name, clinic_settings.name, users.full_name
CHAIR_NAME_MAX = 60  # chairs.name
MRN_MAX = 40  # patients.mrn
PHONE_MAX = 40  # patients.phone
WHERE_MAX = 200  # exposures.where_given
COURSE_ID_MAX = 40  # sessions.course_id
CLOSED_REASON_MAX = 200  # closed_dates.reason
USERNAME_MAX = 63  # users.username
# Text columns have no length; these caps are the clinic's policy for what a person types.
REASON_MAX = 500  # cancel, status, override and removal reasons
NOTES_MAX = 4000  # patients.notes

# Unicode categories refused in free text: control characters (Cc: newline, carriage return,
# escape...), format characters (Cf: the bidi embeddings, overrides and isolates U+202A-202E
# and U+2066-2069, the direction marks U+200E/U+200F and U+061C, zero-width spaces, the BOM),
# lone surrogates (Cs: undecodable bytes from a command line) and the line and paragraph
# separators (Zl U+2028, Zp U+2029). Any of them can forge a line in a list or reorder what a
# reader sees, so the name printed is not the name stored.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Zero-width non-joiner and joiner are format characters that spelling needs (Persian, Hindi,
# Malayalam names; emoji sequences); they join or separate letters and reorder nothing.
_ALLOWED_FORMAT = frozenset({"\u200c", "\u200d"})
# A multi-line field (notes) keeps its line breaks and tabs; nothing else of the above.
_MULTILINE_ALLOWED = frozenset({"\n", "\t"})


def _character_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    if not name and char in "\n\r\t":
        name = {"\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\t": "TAB"}[char]
    return f"{code} {name}" if name else code


def refused_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character free text may not hold (described), or None when it is clean."""
    for position, char in enumerate(text, start=1):
        if multiline and char in _MULTILINE_ALLOWED:
            continue
        if char in _ALLOWED_FORMAT:
            continue
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            return f"{_character_name(char)} at position {position}"
    return None


def audit_excerpt(text: str, *, limit: int = 64) -> str:
    """Untrusted text as the audit trail may keep it: escaped, and at most ``limit`` + 1 long.

    Control and formatting characters are written as Python escapes (``\\n``, ``\\u202e``),
    so an entry cannot forge lines or reorder the trail; beyond ``limit`` characters the
    text is cut and ends with "\u2026" (the trail can never be pruned, so nobody may grow it by
    a megabyte per attempt).
    """
    head = text[: limit + 1]  # one more than fits tells whether anything is cut
    escaped = "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in _REFUSED_CATEGORIES or char == "\\"
        else char
        for char in head
    )
    if len(escaped) <= limit and len(head) == len(text):
        return escaped
    return escaped[:limit] + "\u2026"


def require_text(
    field: str,
    value: str | None,
    *,
    max_length: int,
    allow_empty: bool = False,
    multiline: bool = False,
) -> str:
    """Free text a person typed, trimmed, within its length, without control characters.

    The one check every service applies before it stores free text (names, phone, MRN,
    chair and user names, where a drug was given, reasons, course ids, the clinic's name):
    control, format and separator characters are refused with the field and the character
    named (see ``_REFUSED_CATEGORIES``). ``multiline`` fields (notes) keep line breaks and
    tabs; Windows line ends become ``\\n``.
    """
    text = (value or "").strip()
    if multiline:
        text = text.replace("\r\n", "\n")
    if not text and not allow_empty:
        raise InvalidInputError(field, "must not be empty")
    if len(text) > max_length:
        raise InvalidInputError(field, f"is longer than {max_length} characters")
    refused = refused_character(text, multiline=multiline)
    if refused is not None:
        raise InvalidInputError(
            field,
            f"contains a control or formatting character ({refused}), which is not allowed "
            "here (line breaks, tabs, direction marks and other invisible characters)",
        )
    return text


def require_mrn(value: str | None) -> str:
    """An MRN: letters, digits, '-', '/', '.'; up to 40 characters."""
    text = require_text("mrn", value, max_length=MRN_MAX)
    if not _MRN.fullmatch(text):
        raise InvalidInputError("mrn", f"{text!r} may hold only letters, digits, '-', '/' and '.'")
    return text


def require_course_id(value: str | None) -> str | None:
    """A course id (shared by the doses of one course) or None when none is given.

    Letters, digits, '-', '_', '.', '/'; starting with a letter or digit; up to 40 characters
    (the column).
    """
    text = require_text("course", value, max_length=COURSE_ID_MAX, allow_empty=True)
    if not text:
        return None
    if not _COURSE_ID.fullmatch(text):
        raise InvalidInputError(
            "course", f"{text!r} may hold only letters, digits, '-', '_', '.' and '/'"
        )
    return text


def require_phone(value: str | None) -> str | None:
    """A phone number or None."""
    text = require_text("phone", value, max_length=PHONE_MAX, allow_empty=True)
    if not text:
        return None
    if not _PHONE.fullmatch(text):
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


def require_folder_target(field: str, value: str | Path) -> Path:
    """An existing, writable folder that new files can be written into (not created: that
    would hide a mistyped path)."""
    folder = _path_text(field, value)
    try:
        if not folder.exists():
            raise InvalidInputError(field, f"the folder {folder} does not exist")
        if not folder.is_dir():
            raise InvalidInputError(field, f"{folder} is not a folder")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise InvalidInputError(field, f"the folder {folder} cannot be written")
    except (OSError, ValueError) as error:
        raise InvalidInputError(field, f"{folder} cannot be used: {error}") from None
    return folder


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
