"""What a desk needs over the wire beyond plain JSON: datetimes that keep their zone, and the
week overview's counts keyed by (chair, day) pairs."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic_core import to_json

from clinic_app import service_api as api
from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.services.booking import BookingRequest
from clinic_app.services.exports import ExportRequest
from clinic_app.services.results import ChairView, WeekOccupancy
from tests.conftest import ADMIN, DESK, MANAGER, NURSE

LONDON = ZoneInfo("Europe/London")


def through_the_wire(value: object) -> object:
    return api.zoned_from_wire(json.loads(to_json(api.zoned_to_wire(value))))


def test_a_datetime_in_a_named_zone_comes_back_in_that_zone() -> None:
    summer = datetime(2026, 3, 30, 9, tzinfo=LONDON)  # BST, the day after the clocks go forward
    winter = datetime(2026, 11, 23, 9, tzinfo=LONDON)
    wire = api.zoned_to_wire({"summer": summer, "winter": winter})
    assert wire == {
        "summer": "2026-03-30T09:00:00+01:00[Europe/London]",
        "winter": "2026-11-23T09:00:00+00:00[Europe/London]",
    }
    back = through_the_wire({"summer": summer, "winter": winter, "utc": winter.astimezone(UTC)})
    assert isinstance(back, dict)
    assert back["summer"] == summer and back["summer"].tzinfo == LONDON
    assert back["winter"].tzinfo == LONDON
    # A fixed-offset instant stays RFC 3339 (validated into a datetime by the result type).
    assert back["utc"] == "2026-11-23T09:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-30T09:00:00+01:00[Europe/London]",  # typed into a note: stays text
        "\x002026-03-30T09:00:00+01:00[Europe/London]",
        "\x00\x00" + "2026-03-30T09:00+01:00[UTC]",
        "not a time [Europe/London]",
        "",
    ],
)
def test_text_that_looks_like_a_zoned_datetime_stays_text(text: str) -> None:
    assert through_the_wire({"note": text}) == {"note": text}


def test_a_zone_this_computer_does_not_know_keeps_the_instant() -> None:
    back = api.zoned_from_wire("2026-11-23T09:00:00+00:00[Mars/Olympus_Mons]")
    assert back == datetime(2026, 11, 23, 9, tzinfo=UTC)


def test_the_week_overview_travels_as_cells() -> None:
    chairs = (ChairView(1, "Chair 1", True), ChairView(2, "Chair 2", False))
    monday = date(2026, 11, 23)
    week = WeekOccupancy(
        monday,
        chairs,
        {(1, monday): 2, (2, date(2026, 11, 25)): 1},
        {(1, monday): 150, (2, date(2026, 11, 25)): 30},
    )
    (endpoint,) = [e for e in api.endpoints() if e.method == "week_occupancy"]
    assert endpoint.kind is api.READ and "week_occupancy" not in api.EXCLUDED.get("queries", {})
    content = endpoint.dump_result(week)
    body = json.loads(content)
    assert body["cells"][0] == {"chair_id": 1, "day": "2026-11-23", "sessions": 2, "minutes": 150}
    assert endpoint.load_result(content) == week


def test_zones_and_the_week_are_the_same_through_either_adapter(any_services: Services) -> None:
    s = any_services
    request = BookingRequest("M001", "denosumab", "2026-11-25T09:00", chair="Chair 2")
    booked = s.booking.book(DESK, request).session
    assert booked.start.tzinfo == LONDON and booked.end.tzinfo == LONDON
    (listed,) = s.queries.day(NURSE, "2026-11-25").sessions
    assert listed.start == datetime(2026, 11, 25, 9, tzinfo=LONDON)
    assert isinstance(listed.start.tzinfo, ZoneInfo) and listed.start.tzinfo.key == "Europe/London"
    week = s.queries.week_occupancy(NURSE, "2026-11-25")
    assert week.first == date(2026, 11, 23)
    chair = next(c for c in week.chairs if c.name == "Chair 2")
    assert week.counts == {(chair.id, date(2026, 11, 25)): 1}
    assert week.minutes[(chair.id, date(2026, 11, 25))] > 0


def test_letters_are_painted_at_the_desk_and_audited_on_the_server(
    any_services: Services, tmp_path: Path, qapp: object
) -> None:
    s = any_services
    s.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="Riverside Surgery"
    )
    iron = BookingRequest(
        "M001",
        "ferric-carboxymaltose",
        "2026-12-01T10:00",
        "Chair 1",
        override_reason="Hb 72, haematology agrees",
        consulted="Dr Ann Lee, haematology",
        prescriber="Dr Kim Park",
    )
    session_id = s.booking.book(NURSE, iron).session.id
    assert session_id is not None
    with pytest.raises(InvalidInputError) as caught:
        s.letters.write_letters(DESK, session_id, tmp_path, page_size="A5")
    assert caught.value.field == "page_size"
    files = s.letters.write_letters(DESK, session_id, tmp_path)
    assert files.prescriber_letter.parent == tmp_path and files.patient_sheet.is_file()
    assert files.prescriber_letter.read_bytes().startswith(b"%PDF")
    assert files.data.session_id == session_id
    printed = [e for e in s.audit.entries(MANAGER, mrn="M001") if e.action == "print-letters"]
    assert len(printed) == 1 and printed[0].actor == DESK.username
    with pytest.raises(PermissionDeniedError):
        s.letters.write_letters(MANAGER, session_id, tmp_path / "none")
    with pytest.raises(InvalidInputError):
        s.letters.record_printed(DESK, session_id, [])


def test_an_export_is_written_at_the_desk_a_week_at_a_time_and_audited_on_the_server(
    any_services: Services, tmp_path: Path
) -> None:
    s = any_services
    for mrn, start in (("M001", "2026-11-24T09:00"), ("M002", "2026-12-08T10:00")):
        s.booking.book(DESK, BookingRequest(mrn, "denosumab", start, chair="Chair 1"))
    out = tmp_path / "sessions.csv"
    seen: list[int] = []
    request = ExportRequest("2026-11-23", "2026-12-31", "csv", out)
    written = s.exports.export(MANAGER, request, progress=lambda rows, _view: seen.append(rows))
    assert written == 2 and seen == [1, 2]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("session_id,date,start") and len(lines) == 3
    assert "2026-11-24T09:00+00:00" in lines[1]  # the clinic's local time and offset
    (entry,) = [e for e in s.audit.entries(ADMIN) if e.action == "export"]
    assert entry.actor == MANAGER.username
    assert entry.after["rows"] == 2 and entry.after["file"] == "sessions.csv"
    with pytest.raises(PermissionDeniedError):
        s.exports.export(DESK, ExportRequest("2026-11-23", "2026-11-30", "csv", tmp_path / "x"))
    with pytest.raises(InvalidInputError) as caught:
        s.exports.export(MANAGER, ExportRequest("2026-11-23", "2026-11-30", "doc", out))
    assert caught.value.field == "format"
    assert not (tmp_path / "x").exists()
