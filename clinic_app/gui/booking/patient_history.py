"""What the booking dialog says about the chosen patient: upcoming sessions, recent doses.

A clerk booking a dose must see that the patient already has one next week, or had one
elsewhere a month ago, before the rules say so. Pure formatting over the services' answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from clinic_app.gui import wording
from clinic_app.services.results import ExposureView, SessionView

UPCOMING_SHOWN = 3
# Doses given here that count as "recent" (the longest rule reach is two years).
RECENT_DAYS = 2 * 366
_GIVEN = ("completed", "in-chair", "arrived")
_COMING = ("booked", "arrived", "in-chair")


def tr(text: str) -> str:
    """Translate ``text`` in this module's context."""
    return QCoreApplication.translate("PatientHistory", text)


def upcoming_line(sessions: Sequence[SessionView], today: date) -> str:
    """``Booked: Tue 24 Nov 10:00 Zoledronic acid; ...`` or that nothing is booked."""
    coming = [s for s in sessions if s.status in _COMING and s.start.date() >= today]
    if not coming:
        return tr("Booked: nothing from today on.")
    shown = "; ".join(
        f"{wording.short_date(s.start.date())} {wording.hhmm(s.start)} {s.therapy_name}"
        for s in coming[:UPCOMING_SHOWN]
    )
    more = len(coming) - UPCOMING_SHOWN
    if more > 0:
        shown += " " + tr("(+%1 more)").replace("%1", str(more))
    return tr("Booked: %1").replace("%1", shown)


def recent_line(
    sessions: Sequence[SessionView], exposures: Sequence[ExposureView], today: date
) -> str:
    """The last dose of each drug: given here (last two years) or recorded from elsewhere."""
    last: dict[str, tuple[date, str]] = {}
    for s in sessions:
        day = s.start.date()
        recent = s.status in _GIVEN and day <= today and (today - day).days <= RECENT_DAYS
        if recent and (s.therapy_name not in last or last[s.therapy_name][0] < day):
            last[s.therapy_name] = (day, tr("here"))
    for e in exposures:
        given = e.last_dose_date or e.ongoing_since
        where = e.where_given or tr("elsewhere")
        if given is None:
            last.setdefault(e.drug_name, (date.min, tr("%1, date unknown").replace("%1", where)))
        elif e.drug_name not in last or last[e.drug_name][0] < given:
            label = where if e.last_dose_date else tr("%1, ongoing").replace("%1", where)
            last[e.drug_name] = (given, label)
    if not last:
        return tr("Recent doses: none recorded.")
    parts = [
        (f"{name} " if day == date.min else f"{name} {wording.short_date(day)} ") + f"({where})"
        for name, (day, where) in sorted(last.items(), key=lambda item: item[1][0], reverse=True)
    ]
    return tr("Recent doses: %1").replace("%1", "; ".join(parts))
