"""Dates on printed pages (PDF exports, the daily list, the utilisation report), from Babel.

The same rules as the screen (``clinic_app.gui.common.dates``, on ``QLocale``): the long form
"Wednesday 2 December 2026", the short form "Wed 2 Dec 2026", times "09:30" on the 24-hour
clock; day and month names from the clinic's locale, the order the clinic's, in the
language's punctuation (German "Mittwoch, 2. Dezember 2026"). The locale is the
process's (``LC_TIME``/``LANG``, as ``QLocale`` takes it for the screen), or ``en_GB`` when
that names none (``C``/``POSIX``). Machine-readable exports (CSV, XLSX, ICS) keep ISO 8601 and
never come here.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError, default_locale
from babel.dates import format_date, format_time

FALLBACK_LOCALE = "en_GB"
LONG_PATTERN = "EEEE d MMMM y"  # Babel (CLDR) patterns of the GUI's QLocale formats
SHORT_PATTERN = "EEE d MMM y"
DAY_MONTH_PATTERN = "EEE d MMM"
TIME_PATTERN = "HH:mm"
# (long, short, day-month) in a language's own punctuation, as gui/common/dates.py has them.
_BY_LANGUAGE = {"de": ("EEEE, d. MMMM y", "EEE, d. MMM y", "EEE, d. MMM")}


def _patterns(locale: Locale) -> tuple[str, str, str]:
    return _BY_LANGUAGE.get(locale.language, (LONG_PATTERN, SHORT_PATTERN, DAY_MONTH_PATTERN))


@lru_cache(maxsize=8)
def clinic_locale(name: str | None = None) -> Locale:
    """The locale ``name`` (``de_DE``), else the process's, else ``en_GB``."""
    chosen = name or default_locale("LC_TIME") or FALLBACK_LOCALE
    if chosen in ("C", "POSIX") or chosen.endswith("_POSIX"):
        chosen = FALLBACK_LOCALE
    try:
        return Locale.parse(chosen)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK_LOCALE)


def long_date(day: date, locale: str | None = None) -> str:
    """``Wednesday 2 December 2026``."""
    chosen = clinic_locale(locale)
    return format_date(day, _patterns(chosen)[0], locale=chosen)


def short_date(day: date, locale: str | None = None) -> str:
    """``Wed 2 Dec 2026``."""
    chosen = clinic_locale(locale)
    return format_date(day, _patterns(chosen)[1], locale=chosen)


def day_month(day: date, locale: str | None = None) -> str:
    """``Wed 2 Dec``."""
    chosen = clinic_locale(locale)
    return format_date(day, _patterns(chosen)[2], locale=chosen)


def time_text(moment: datetime, locale: str | None = None) -> str:
    """``09:30`` (the wall-clock time of ``moment`` as given)."""
    return format_time(moment.time(), TIME_PATTERN, locale=clinic_locale(locale))


def short_date_time(moment: datetime, locale: str | None = None) -> str:
    """``Wed 2 Dec 2026, 09:30``."""
    return f"{short_date(moment.date(), locale)}, {time_text(moment, locale)}"
