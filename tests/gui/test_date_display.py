"""Dates on screen are written one way: the formatter of ``clinic_app.gui.common.dates``.

The unit tests pin the formatter (from the locale, the clinic's order); the scan fails on any
new ``strftime``/``isoformat``/literal display format in the GUI, unless it is in the allowlist
below with the reason it is not for people to read.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from clinic_app.exports import print_dates
from clinic_app.gui import wording
from clinic_app.gui.common import dates

GUI = Path(__file__).resolve().parents[2] / "clinic_app" / "gui"
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)

# The writing of a date that is not for display, or is another helper's screen for now.
ALLOWED: dict[tuple[str, str], str] = {
    ("main_window.py", 'self.settings.setValue("day/last", self.grid_model.day.isoformat())'): (
        "a setting, read back with date.fromisoformat"
    ),
    ("patient/exposure_dialogs.py", "self.date_edit.setText(exposure.ongoing_since.isoformat())"): (
        "the typed date field of the edit form takes and parses ISO"
    ),
    (
        "patient/exposure_dialogs.py",
        "self.date_edit.setText(exposure.last_dose_date.isoformat())",
    ): ("the typed date field of the edit form takes and parses ISO"),
    (
        "daily_list/daily_list_window.py",
        'printer.setDocName(self.tr("Daily list %1").replace("%1", self.day().isoformat()))',
    ): "the print job's name in the spooler, sorted as text",
    (
        "daily_list/daily_list_window.py",
        'suggested_name=f"daily-list-{self.day().isoformat()}.pdf",',
    ): "a file name",
    (
        "daily_list/nurse_tools.py",
        'self.tr("Daily list by nurse %1").replace("%1", self.window.day().isoformat())',
    ): "the print job's name in the spooler, sorted as text",
    (
        "daily_list/nurse_tools.py",
        'suggested_name=f"daily-list-by-nurse-{window.day().isoformat()}.pdf",',
    ): "a file name",
    (
        "reports/utilisation_view.py",
        'suggested_name=f"utilisation-{report.first.isoformat()}-{report.last.isoformat()}.pdf",',
    ): "a file name",
    (
        "results/record_dialog.py",
        'return self.drawn_edit.dateTime().toString("yyyy-MM-ddTHH:mm")',
    ): ("the value handed to the service, not shown"),
    # gui/admin is being reworked by the clinic-settings/audit work (issue 13); its audit view
    # shows UTC stamps and raw values on purpose until then.
    (
        "admin/audit_view.py",
        'entry.at.astimezone(UTC).isoformat(timespec="seconds"),',
    ): "the audit CSV's machine-readable UTC stamp",
    (
        "admin/audit_view.py",
        'k: (v.isoformat() if hasattr(v, "isoformat") else v)',
    ): "the audit entry's raw JSON values",
    (
        "admin/user_admin.py",
        'return self.tr("locked until {time} UTC").format(time=until.strftime("%Y-%m-%d %H:%M"))',
    ): "user admin, admin area (to move to the formatter with the admin rework)",
}

DATE_WRITING = re.compile(
    r"\.strftime\(|\.isoformat\(|setDisplayFormat\(\s*[\"']|toString\(\s*[\"'][^\"']*yyyy"
)


def test_no_new_hand_written_dates_in_the_gui() -> None:
    found: set[tuple[str, str]] = set()
    for path in sorted(GUI.rglob("*.py")):
        relative = path.relative_to(GUI).as_posix()
        if relative == "common/dates.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if DATE_WRITING.search(line):
                found.add((relative, line.strip()))
    new = sorted(found - set(ALLOWED))
    assert not new, (
        "Write dates on screen with clinic_app.gui.common.dates (or allowlist a date that is "
        f"not for display, with its reason): {new}"
    )
    stale = sorted(set(ALLOWED) - found)
    assert not stale, f"Allowlist entries no longer in the code (remove them): {stale}"


def test_the_scan_catches_a_hand_written_date() -> None:
    assert DATE_WRITING.search('label.setText(day.strftime("%d/%m/%Y"))')
    assert DATE_WRITING.search("text = day.isoformat()")
    assert DATE_WRITING.search('edit.setDisplayFormat("dd.MM.yy")')
    assert not DATE_WRITING.search("edit.setDisplayFormat(dates.date_edit_format())")
    assert not DATE_WRITING.search("date.fromisoformat(text)")


def test_the_formats_of_the_clinic() -> None:
    day = date(2026, 12, 2)
    assert dates.long_date(day, ENGLISH) == "Wednesday 2 December 2026"
    assert dates.short_date(day, ENGLISH) == "Wed 2 Dec 2026"
    assert dates.day_month(day, ENGLISH) == "Wed 2 Dec"
    assert dates.weekday_day(day, ENGLISH) == "Wed 2"
    assert dates.time_text(datetime(2026, 12, 2, 9, 30), ENGLISH) == "09:30"
    assert dates.time_text(datetime(2026, 12, 2, 17, 5), ENGLISH) == "17:05"
    assert dates.short_date_time(datetime(2026, 12, 2, 9, 30), ENGLISH) == "Wed 2 Dec 2026, 09:30"


def test_names_come_from_the_locale_the_order_stays_the_clinics() -> None:
    day = date(2027, 9, 20)
    assert dates.long_date(day, GERMAN) == "Montag, 20. September 2027"
    assert dates.short_date(day, GERMAN) == "Mo., 20. Sept. 2027"
    assert dates.day_month(day, GERMAN) == "Mo., 20. Sept."
    # Babel (printed pages) and QLocale (screen) agree on the same CLDR names and patterns.
    for form in ("long_date", "short_date", "day_month"):
        for name, qt in (("de_DE", GERMAN), ("en_GB", ENGLISH)):
            assert getattr(print_dates, form)(day, name) == getattr(dates, form)(day, qt)


def test_the_default_locale_is_the_uis() -> None:
    previous = QLocale()
    QLocale.setDefault(GERMAN)
    try:
        assert dates.long_date(date(2026, 12, 2)) == "Mittwoch, 2. Dezember 2026"
        assert dates.date_edit_format() == "ddd, d. MMM yyyy"
    finally:
        QLocale.setDefault(previous)
    assert dates.long_date(date(2026, 12, 2)) == dates.long_date(date(2026, 12, 2), previous)


@pytest.mark.parametrize(
    ("born", "today", "years"),
    [
        (date(1950, 12, 2), date(2026, 12, 1), 75),
        (date(1950, 12, 2), date(2026, 12, 2), 76),
        (date(2000, 2, 29), date(2027, 2, 28), 26),
        (date(2000, 2, 29), date(2027, 3, 1), 27),
    ],
)
def test_age_in_completed_years(born: date, today: date, years: int) -> None:
    assert dates.age_in_years(born, today) == years


def test_iso_dates_inside_messages_are_rewritten_and_nothing_else() -> None:
    text = "not before 2027-09-20 (rule A3w); ref 2027-13-40; 12026-01-011"
    assert wording.readable_dates(text) == (
        f"not before {wording.short_date(date(2027, 9, 20))} (rule A3w); ref 2027-13-40; "
        "12026-01-011"
    )


def test_printed_pages_follow_the_same_rules() -> None:
    day = date(2026, 12, 2)
    assert print_dates.long_date(day, "en_GB") == dates.long_date(day, ENGLISH)
    assert print_dates.short_date(day, "en_GB") == dates.short_date(day, ENGLISH)
    assert print_dates.day_month(day, "en_GB") == dates.day_month(day, ENGLISH)
    moment = datetime(2026, 12, 2, 9, 30)
    assert print_dates.short_date_time(moment, "en_GB") == "Wed 2 Dec 2026, 09:30"
    assert print_dates.long_date(day, "de_DE") == "Mittwoch, 2. Dezember 2026"
    assert print_dates.long_date(day, "xx_YY") == "Wednesday 2 December 2026"
    assert print_dates.clinic_locale("C") == print_dates.clinic_locale("en_GB")
