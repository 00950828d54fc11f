"""Dates as the clinic writes them on paper: ``Wed 2 Dec 2026``, ``Wed 2 Dec 2026, 08:15``.

The same order as the day grid's date picker (``ddd d MMM yyyy``): weekday, day without a
leading zero, month, year. The names are fixed English words rather than ``strftime``'s
``%a``/``%b``, which follow the process locale; a Qt application sets that locale from the
desktop, so a letter printed from the GUI and the same letter from the CLI would differ.
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def clinic_date(day: date) -> str:
    """``Wed 2 Dec 2026``."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def clinic_date_time(moment: datetime) -> str:
    """``Wed 2 Dec 2026, 08:15`` (the wall-clock time of ``moment`` as given)."""
    return f"{clinic_date(moment.date())}, {moment:%H:%M}"
