"""What a front-desk search box text asks for: name words, an MRN, a date of birth, a phone.

A clerk types what the caller says: "Cooper, Carol", "carol cooper", "M002", "12/03/1950",
"07700 900123". :func:`parse_patient_query` reads the text once into a
:class:`PatientQuery`; the service turns it into one SQL condition. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Day first, as the clinic writes dates (ISO is read first, so 2026-03-12 is never ambiguous).
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# Fewer digits than this is an MRN fragment or a year, not a phone number.
MIN_PHONE_DIGITS = 6
_PHONE_CHARACTERS = re.compile(r"^[\d\s()+\-./]+$")


@dataclass(frozen=True, slots=True)
class PatientQuery:
    """One search text, read.

    ``words``: every word must occur in the name, in any order (lower case). ``text``: the
    whole text, matched inside the MRN. ``date_of_birth`` when the text is a date;
    ``phone_digits`` when it looks like a phone number (digits only).
    """

    text: str
    words: tuple[str, ...]
    date_of_birth: date | None
    phone_digits: str | None

    @property
    def empty(self) -> bool:
        """Nothing typed: every patient matches."""
        return not self.text


def _date_of(text: str) -> date | None:
    for pattern, order in ((_ISO, (0, 1, 2)), (_DAY_FIRST, (2, 1, 0))):
        found = pattern.match(text)
        if found is None:
            continue
        parts = [int(found.group(i + 1)) for i in range(3)]
        year, month, day = (parts[i] for i in order)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def _phone_of(text: str) -> str | None:
    if not _PHONE_CHARACTERS.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    return digits if len(digits) >= MIN_PHONE_DIGITS else None


def parse_patient_query(text: str | None) -> PatientQuery:
    """Read a search box's text (None or blank: the empty query)."""
    cleaned = " ".join((text or "").split())
    words = tuple(w for w in re.split(r"[\s,]+", cleaned.lower()) if w)
    dob = _date_of(cleaned)
    return PatientQuery(
        text=cleaned,
        words=words,
        date_of_birth=dob,
        phone_digits=None if dob is not None else _phone_of(cleaned),
    )
