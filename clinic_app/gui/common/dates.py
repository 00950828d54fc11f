"""One way to write dates and times on screen, from the UI locale (``QLocale``).

Every date a person reads in the GUI goes through here: ``long_date`` ("Wednesday 2 December
2026"), ``short_date`` ("Wed 2 Dec 2026"), ``time_text`` ("09:30"), and ``date_edit_format()``
for date pickers. Day and month names come from the locale (``QLocale()``, the UI language the
application set as default), the order is the clinic's: weekday, day, month, year, in the
language's punctuation (German "Mittwoch, 2. Dezember 2026"), and times on the 24-hour
clock. Machine-readable output (CSV, XLSX, ICS, settings, file names) keeps ISO 8601 and
never comes here (tests/gui/test_date_display.py keeps it that way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

LONG_FORMAT = "dddd d MMMM yyyy"
SHORT_FORMAT = "ddd d MMM yyyy"
DAY_MONTH_FORMAT = "ddd d MMM"
WEEKDAY_DAY_FORMAT = "ddd d"
TIME_FORMAT = "HH:mm"


@dataclass(frozen=True)
class _Formats:
    long: str
    short: str
    day_month: str


_CLINIC = _Formats(LONG_FORMAT, SHORT_FORMAT, DAY_MONTH_FORMAT)
# The same order in the language's own punctuation: "Mittwoch, 2. Dezember 2026".
# (clinic_app/exports/print_dates.py holds the same table for the printed pages.)
_BY_LANGUAGE = {
    QLocale.Language.German: _Formats("dddd, d. MMMM yyyy", "ddd, d. MMM yyyy", "ddd, d. MMM"),
}


def _formats(locale: QLocale | None) -> _Formats:
    return _BY_LANGUAGE.get((locale or QLocale()).language(), _CLINIC)


def date_edit_format() -> str:
    """For date pickers (``QDateEdit.setDisplayFormat``) in the UI language: the short form,
    so a picker reads like the text."""
    return _formats(None).short


def date_time_edit_format() -> str:
    """For date-and-time pickers in the UI language."""
    return f"{_formats(None).short} {TIME_FORMAT}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: date, locale: QLocale | None = None) -> str:
    """``Wednesday 2 December 2026``."""
    return (locale or QLocale()).toString(_qdate(day), _formats(locale).long)


def short_date(day: date, locale: QLocale | None = None) -> str:
    """``Wed 2 Dec 2026``."""
    return (locale or QLocale()).toString(_qdate(day), _formats(locale).short)


def day_month(day: date, locale: QLocale | None = None) -> str:
    """``Wed 2 Dec`` (for tight places where the year is plain from the context)."""
    return (locale or QLocale()).toString(_qdate(day), _formats(locale).day_month)


def weekday_day(day: date, locale: QLocale | None = None) -> str:
    """``Wed 2`` (a chart's day axis, where the month is in the title or the range)."""
    return (locale or QLocale()).toString(_qdate(day), WEEKDAY_DAY_FORMAT)


def time_text(moment: datetime, locale: QLocale | None = None) -> str:
    """``09:30`` (the wall-clock time of ``moment`` as given)."""
    return (locale or QLocale()).toString(QTime(moment.hour, moment.minute), TIME_FORMAT)


def short_date_time(moment: datetime, locale: QLocale | None = None) -> str:
    """``Wed 2 Dec 2026, 09:30``."""
    return f"{short_date(moment.date(), locale)}, {time_text(moment, locale)}"


def short_date_time_seconds(moment: datetime, locale: QLocale | None = None) -> str:
    """``Wed 2 Dec 2026, 09:30:05`` (the audit trail, where the second tells entries apart)."""
    seconds = (locale or QLocale()).toString(
        QTime(moment.hour, moment.minute, moment.second), f"{TIME_FORMAT}:ss"
    )
    return f"{short_date(moment.date(), locale)}, {seconds}"


def age_in_years(born: date, today: date) -> int:
    """Completed years between ``born`` and ``today``."""
    years = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        years -= 1
    return years
