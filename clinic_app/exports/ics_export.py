"""iCalendar (.ics) export of sessions: one VEVENT per session, streamed.

A calendar is seen on phones and shared screens, so an event carries no more than a clinic
would put there: the patient's initials (or MRN), the therapy and the chair. No diagnosis, no
findings, no notes, no name, no date of birth. Times are in the clinic's zone (with its
VTIMEZONE); every event has a stable UID (re-importing updates instead of duplicating) and a
DTSTAMP.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from clinic_app.services.results import SessionView

if TYPE_CHECKING:
    from icalendar import Calendar, Event


@cache
def _icalendar() -> ModuleType:
    """icalendar (83 modules), imported on the first event written, not with this module:
    the export options name PatientLabel, and the window imports those on start. (Cached:
    an ``import`` statement per event costs ~12 us once PySide6 hooks the imports.)"""
    import icalendar

    return icalendar


PRODID = "-//clinic_app//infusion clinic schedule//EN"
UID_DOMAIN = "clinic-app.invalid"
_STATUS = {"cancelled": "CANCELLED"}  # every other session status is CONFIRMED


class PatientLabel(enum.StrEnum):
    """How an event names the patient."""

    INITIALS = "initials"
    MRN = "mrn"


def initials(name: str) -> str:
    """``Alice Mary Archer`` -> ``A.M.A.``; letters only, so nothing else of the name leaks."""
    letters = [word[0].upper() for word in name.split() if word and word[0].isalpha()]
    return "".join(f"{c}." for c in letters) or "?"


def event_summary(view: SessionView, label: PatientLabel = PatientLabel.INITIALS) -> str:
    """The event title: who (initials or MRN), what and where."""
    who = view.mrn if label is PatientLabel.MRN else initials(view.patient_name)
    return f"{who} {view.therapy_name} - {view.chair}"


def session_event(
    view: SessionView, stamp: datetime, label: PatientLabel = PatientLabel.INITIALS
) -> Event:
    """One VEVENT for a session (times in the session's own, clinic-local zone)."""
    event: Event = _icalendar().Event()
    event.add("uid", f"session-{view.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", view.start)
    event.add("dtend", view.end)
    event.add("summary", event_summary(view, label))
    event.add("location", view.chair)
    event.add("status", _STATUS.get(view.status, "CONFIRMED"))
    event.add("transp", "OPAQUE")
    return event


def _zone_of(view: SessionView) -> ZoneInfo | None:
    zone = view.start.tzinfo
    return zone if isinstance(zone, ZoneInfo) else None


def write_ics(
    sessions: Iterable[SessionView],
    path: Path,
    *,
    stamp: datetime | None = None,
    label: PatientLabel = PatientLabel.INITIALS,
    calendar_name: str = "",
    span: tuple[date, date] | None = None,
) -> int:
    """Stream sessions into an .ics file at ``path``. Returns the events written.

    ``span`` (first and last day of the export) bounds the time-zone rules written in the
    VTIMEZONE; without it they cover the year of the first session and the five after.
    """
    ical = _icalendar()
    moment = stamp or datetime.now(UTC)
    iterator = iter(sessions)
    first = next(iterator, None)
    header: Calendar = ical.Calendar()
    header.add("prodid", PRODID)
    header.add("version", "2.0")
    header.add("calscale", "GREGORIAN")
    header.add("method", "PUBLISH")
    if calendar_name:
        header.add("x-wr-calname", calendar_name)
    zone = _zone_of(first) if first is not None else None
    if first is not None and zone is not None:
        header.add("x-wr-timezone", zone.key)
        lo, hi = span or (first.start.date(), first.start.date() + timedelta(days=5 * 366))
        header.add_component(
            ical.Timezone.from_tzinfo(
                zone, zone.key, first_date=lo - timedelta(days=366), last_date=hi + timedelta(1)
            )
        )
    # The calendar's own lines, without its END, then one event at a time: never the whole
    # year in memory.
    opening = header.to_ical().rstrip(b"\r\n")
    closing = b"END:VCALENDAR"
    assert opening.endswith(closing)
    count = 0
    with Path(path).open("wb") as handle:
        handle.write(opening[: -len(closing)])
        for view in itertools.chain([first] if first is not None else [], iterator):
            handle.write(session_event(view, moment, label).to_ical())
            count += 1
        handle.write(closing + b"\r\n")
    return count
