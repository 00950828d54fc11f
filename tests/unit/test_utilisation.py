"""Utilisation aggregated from plain facts (no database): every definition worked out by hand.

The clinic: Monday to Friday 08:00-18:00 (600 minutes a day). Chair 1 and Chair 2 are active;
Chair 3 is inactive with a session in the period; Chair 4 is inactive and idle.
"""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.utilisation import (
    ChairFacts,
    FindingFacts,
    SessionFacts,
    SessionTally,
    Utilisation,
    build_utilisation,
    month_findings,
    month_starts,
)

FRIDAY, SATURDAY, MONDAY = date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 30)
DECEMBER = date(2026, 12, 1)
CHAIRS = (
    ChairFacts(1, "Chair 1", True),
    ChairFacts(2, "Chair 2", True),
    ChairFacts(3, "Chair 3", False),
    ChairFacts(4, "Chair 4", False),
)
SESSIONS = (
    SessionFacts(FRIDAY, 1, "zoledronic-acid", 60, "completed"),
    SessionFacts(FRIDAY, 1, "denosumab", 20, "no-show"),
    SessionFacts(FRIDAY, 2, "denosumab", 20, "cancelled"),
    SessionFacts(MONDAY, 2, "ferric-derisomaltose", 75, "booked"),
    SessionFacts(MONDAY, 3, "denosumab", 20, "arrived"),
    SessionFacts(DECEMBER, 1, "zoledronic-acid", 60, "in-chair"),
)
NAMES = {
    "zoledronic-acid": "Zoledronic acid",
    "denosumab": "Denosumab",
    "ferric-derisomaltose": "Ferric derisomaltose",
}


def report(sessions: tuple[SessionFacts, ...] = SESSIONS) -> Utilisation:
    return build_utilisation(
        clinic_name="Riverside",
        first=FRIDAY,
        last=DECEMBER,
        calendar=ClinicCalendar.weekdays("Europe/London"),
        chairs=CHAIRS,
        tally=SessionTally.of(iter(sessions)),
        months=(),
        therapy_name=NAMES.__getitem__,
    )


def test_days_count_open_hours_on_active_chairs_and_every_held_chair_minute() -> None:
    days = {d.day: d for d in report().days}
    assert list(days) == [FRIDAY, SATURDAY, date(2026, 11, 29), MONDAY, DECEMBER]
    friday = days[FRIDAY]
    # Two active chairs x 600 min; 60 + 20 (the no-show held the chair); cancelled left out.
    assert (friday.open, friday.available_minutes, friday.booked_minutes) == (True, 1200, 80)
    assert (friday.no_show_minutes, friday.sessions) == (20, 2)
    assert [c.chair for c in friday.chairs] == ["Chair 1", "Chair 2", "Chair 3"]
    saturday = days[SATURDAY]
    assert (saturday.open, saturday.available_minutes, saturday.utilisation) == (False, 0, None)
    monday = days[MONDAY]
    # Chair 3 is inactive: its session counts as booked, but it offers no available time.
    assert (monday.available_minutes, monday.booked_minutes) == (1200, 95)
    assert [(c.available_minutes, c.booked_minutes) for c in monday.chairs] == [
        (600, 0),
        (600, 75),
        (0, 20),
    ]


def test_chairs_over_the_period_and_the_whole_period() -> None:
    whole = report()
    chairs = {c.chair: c for c in whole.chairs}
    assert list(chairs) == ["Chair 1", "Chair 2", "Chair 3"]  # the idle inactive one is left out
    # Three open days (Fri, Mon, Tue) x 600 min.
    assert (chairs["Chair 1"].available_minutes, chairs["Chair 1"].booked_minutes) == (1800, 140)
    assert chairs["Chair 1"].utilisation == pytest.approx(140 / 1800)
    assert (chairs["Chair 3"].active, chairs["Chair 3"].utilisation) == (False, None)
    assert (whole.available_minutes, whole.booked_minutes) == (3600, 80 + 95 + 60)
    assert whole.booked_hours == pytest.approx(235 / 60) and whole.available_hours == 60
    # Five sessions not cancelled; attended: completed, arrived, in chair; one no-show.
    assert (whole.sessions, whole.cancelled, whole.attended, whole.no_shows) == (5, 1, 3, 1)
    assert whole.no_show_rate == pytest.approx(1 / 4)
    assert [d.day for d in whole.open_days] == [FRIDAY, MONDAY, DECEMBER]


def test_therapies_busiest_first_by_outcome() -> None:
    counts = [
        (t.therapy_name, t.sessions, t.completed, t.no_shows, t.cancelled)
        for t in report().therapies
    ]
    assert counts == [
        ("Denosumab", 2, 0, 1, 1),
        ("Zoledronic acid", 2, 1, 0, 0),
        ("Ferric derisomaltose", 1, 0, 0, 0),
    ]


def test_an_empty_period_has_no_rate() -> None:
    empty = report(())
    assert (empty.sessions, empty.booked_minutes, empty.no_show_rate) == (0, 0, None)
    assert empty.utilisation == 0 and empty.chairs[0].sessions == 0


def test_findings_per_month_count_cotherapy_rules_and_every_override() -> None:
    facts = [
        FindingFacts(1, FRIDAY, "E3", overridden=True),
        FindingFacts(1, FRIDAY, "E2", overridden=False),  # same session: flagged once
        FindingFacts(2, MONDAY, "A3", overridden=True),  # an override, not co-therapy
        FindingFacts(3, DECEMBER, "E7", overridden=False),
    ]
    months = month_findings(facts, FRIDAY, DECEMBER)
    assert [
        (m.label, m.sessions_flagged, m.cotherapy_findings, m.overrides, m.cotherapy_overrides)
        for m in months
    ] == [("2026-11", 1, 2, 2, 1), ("2026-12", 1, 1, 0, 0)]


def test_month_starts_cross_the_year() -> None:
    assert month_starts(date(2026, 11, 30), date(2027, 2, 1)) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2027, 2, 1),
    ]
    assert month_starts(date(2026, 5, 31), date(2026, 5, 31)) == [date(2026, 5, 1)]
