"""iCalendar export parsed back with icalendar: UID, DTSTAMP, zone, no clinical detail."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar

from clinic_app.exports import ExportOptions, export_sessions
from clinic_app.exports.ics_export import PatientLabel, initials
from tests.exports.conftest import IRON_FINDINGS, LONDON, MakeSession

STAMP = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def parse(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_one_event_per_session(tmp_path: Path, session_factory: MakeSession) -> None:
    sessions = [
        session_factory(1, name="Alice Mary Archer", findings=IRON_FINDINGS),
        session_factory(
            2,
            name="Bob Baker",
            chair="Chair 2",
            start=datetime(2026, 7, 1, 14, 30, tzinfo=LONDON),
            status="cancelled",
        ),
    ]
    target = tmp_path / "out.ics"
    written = export_sessions(
        sessions, target, "ics", options=ExportOptions(title="Test", generated_at=STAMP)
    )
    assert written == 2
    calendar = parse(target)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    first, second = events
    assert str(first["UID"]) == "session-1@clinic-app.invalid"
    assert first.decoded("DTSTAMP") == STAMP
    start = first.decoded("DTSTART")
    assert start == datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    assert first["DTSTART"].params["TZID"] == "Europe/London"
    assert first.decoded("DTEND") == datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
    assert str(first["SUMMARY"]) == "A.M.A. Zoledronic acid - Chair 1"
    assert second.decoded("DTSTART").utcoffset().total_seconds() == 3600  # summer time
    assert str(second["STATUS"]) == "CANCELLED"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_no_clinical_detail_leaks(tmp_path: Path, session_factory: MakeSession) -> None:
    target = tmp_path / "out.ics"
    export_sessions(
        [session_factory(1, name="Alice Archer", findings=IRON_FINDINGS)],
        target,
        "ics",
        options=ExportOptions(generated_at=STAMP),
    )
    text = target.read_text(encoding="utf-8")
    for secret in ("Alice", "Archer", "Denosumab", "E3", "Hb 74", "nina.nurse", "BLOCK"):
        assert secret not in text
    assert "DESCRIPTION" not in text


def test_mrn_label_and_empty_calendar(tmp_path: Path, session_factory: MakeSession) -> None:
    target = tmp_path / "mrn.ics"
    options = ExportOptions(generated_at=STAMP, patient_label=PatientLabel.MRN)
    export_sessions([session_factory(7, mrn="MRN0007")], target, "ics", options=options)
    (event,) = parse(target).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("MRN0007 ")

    empty = tmp_path / "empty.ics"
    assert export_sessions([], empty, "ics") == 0
    assert list(parse(empty).walk("VEVENT")) == []


def test_initials_take_letters_only() -> None:
    assert initials("Alice Mary Archer") == "A.M.A."
    assert initials('=HYPERLINK("x") bob') == "B."
    assert initials("") == "?"
