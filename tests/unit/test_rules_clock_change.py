"""Rules that compare times of day (D9g) use instants, so the repeated autumn hour is read
right: 01:15 GMT comes a real hour after 01:15 BST, though both read 01:15."""

from __future__ import annotations

from datetime import UTC, date, datetime

from clinic_app.domain.timeline import Dose, DoseSource, ProposedSession
from tests.unit.conftest import TZ, Scenario

AUTUMN = date(2026, 10, 25)


def utc(hour: int, minute: int) -> datetime:
    """A UTC instant on the night of the autumn change, shown in London (as the app does)."""
    day = 24 if hour >= 23 else 25
    return datetime(2026, 10, day, hour, minute, tzinfo=UTC).astimezone(TZ)


def ferumoxytol() -> Dose:
    # 75 chair minutes from 00:15 BST (23:15 UTC) to 01:30 BST (00:30 UTC)
    return Dose("ferumoxytol", AUTUMN, DoseSource.SESSION, utc(23, 15), utc(0, 30), session_id=60)


def sucrose_at(start: datetime) -> ProposedSession:
    return ProposedSession("iron-sucrose", start, utc(start.astimezone(UTC).hour + 1, 0), AUTUMN)


def test_an_infusion_an_hour_later_in_the_repeated_hour_is_not_flagged(
    scenario: Scenario,
) -> None:
    second_0115 = utc(1, 15)  # 01:15 GMT: 45 real minutes after the ferumoxytol ends
    assert f"{second_0115:%H:%M %Z}" == "01:15 GMT"
    result = scenario.evaluate(sucrose_at(second_0115), ferumoxytol())
    assert scenario.findings(result, "D9g") == []


def test_an_infusion_fifteen_real_minutes_later_is_flagged(scenario: Scenario) -> None:
    first_0145 = utc(0, 45)  # 01:45 BST
    (finding,) = scenario.findings(scenario.evaluate(sucrose_at(first_0145), ferumoxytol()), "D9g")
    assert "starts 15 min after" in finding.message
    assert "Start at 01:00 or later" in finding.message  # 01:00 GMT, 30 real minutes on


def test_doses_in_the_repeated_hour_are_ordered_by_instant() -> None:
    """A dose's place in the timeline (computed once, when the dose is made) is its day and
    its start instant: 01:30 GMT comes after 01:30 BST, and a recorded dose (no start) first.
    Copies made with ``replace`` carry their own start's place."""
    from dataclasses import replace

    from clinic_app.domain.rule_context import dose_order
    from clinic_app.domain.timeline import PatientTimeline

    first = Dose("iron-sucrose", AUTUMN, DoseSource.SESSION, utc(0, 30), utc(1, 30), session_id=1)
    second = replace(first, start=utc(1, 30), end=utc(2, 30), session_id=2)
    recorded = Dose("alendronate", AUTUMN, DoseSource.RECORDED)
    assert f"{first.start:%H:%M}" == f"{second.start:%H:%M}" == "01:30"
    assert dose_order(first) == (AUTUMN, first.start.timestamp())  # type: ignore[union-attr]
    assert dose_order(second) == (AUTUMN, second.start.timestamp())  # type: ignore[union-attr]
    assert dose_order(recorded) == (AUTUMN, 0.0)
    timeline = PatientTimeline.of([second, first, recorded])
    assert [d.session_id for d in timeline.doses] == [None, 1, 2]
    assert first == replace(first)  # the place is no part of a dose's identity
