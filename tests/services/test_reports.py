"""The utilisation report on a seeded fortnight (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.services.reports import Utilisation, UtilisationReport, clinic_today
from tests.conftest import ADMIN, DESK, MANAGER, NURSE
from tests.report_seed import CLOSED, COTHERAPY_RULES, DAY, SeededDay, seed_day

FIRST = date(2026, 11, 23)  # Monday
LAST = date(2026, 12, 4)  # Friday of the next week
OPEN_MINUTES = 10 * 60  # 08:00-18:00


@pytest.fixture
def seeded(clinic: Services) -> tuple[Services, SeededDay]:
    return clinic, seed_day(clinic)


@pytest.fixture
def report(seeded: tuple[Services, SeededDay]) -> Utilisation:
    services, _ = seeded
    return UtilisationReport(services.ctx).build(MANAGER, FIRST, LAST)


def test_available_hours_exclude_weekends_and_closed_dates(report: Utilisation) -> None:
    open_days = [d.day for d in report.days if d.open]
    assert len(report.days) == 12
    assert CLOSED not in open_days
    assert all(d.weekday() < 5 for d in open_days)
    assert len(open_days) == 9  # ten weekdays less the closed Wednesday
    assert report.available_minutes == 9 * 3 * OPEN_MINUTES
    closed = next(d for d in report.days if d.day == CLOSED)
    assert closed.available_minutes == 0 and closed.utilisation is None


def test_booked_hours_per_day_and_chair(report: Utilisation) -> None:
    day = next(d for d in report.days if d.day == DAY)
    # 20 (completed) + 75 (iron) + 30 (no-show) + 60 (booked); the cancelled 20 do not count
    assert day.booked_minutes == 185
    assert day.no_show_minutes == 30
    assert day.sessions == 4
    assert day.available_minutes == 3 * OPEN_MINUTES
    assert day.utilisation == pytest.approx(185 / 1800)
    per_chair = {c.chair: c for c in day.chairs}
    assert per_chair["Chair 1"].booked_minutes == 80
    assert per_chair["Chair 2"].booked_minutes == 30
    assert per_chair["Chair 2"].no_show_minutes == 30
    assert per_chair["Chair 3"].booked_minutes == 75
    assert all(c.available_minutes == OPEN_MINUTES for c in day.chairs)
    other_days = [d for d in report.days if d.day != DAY]
    assert all(d.booked_minutes == 0 for d in other_days)

    chairs = {c.chair: c for c in report.chairs}
    assert [c.chair for c in report.chairs] == ["Chair 1", "Chair 2", "Chair 3"]
    assert chairs["Chair 1"].available_minutes == 9 * OPEN_MINUTES
    assert chairs["Chair 1"].booked_hours == pytest.approx(80 / 60)
    assert chairs["Chair 3"].sessions == 1
    assert report.booked_minutes == 185
    assert report.utilisation == pytest.approx(185 / (9 * 3 * OPEN_MINUTES))
    assert report.booked_hours == pytest.approx(185 / 60)
    assert report.available_hours == pytest.approx(9 * 3 * OPEN_MINUTES / 60)


def test_sessions_per_therapy_and_no_show_rate(report: Utilisation) -> None:
    therapies = {t.therapy: t for t in report.therapies}
    assert set(therapies) == {
        "denosumab",
        "ferric-carboxymaltose",
        "ibandronate",
        "zoledronic-acid",
    }
    assert (therapies["denosumab"].sessions, therapies["denosumab"].completed) == (1, 1)
    assert therapies["denosumab"].cancelled == 1
    assert therapies["ibandronate"].no_shows == 1
    assert therapies["denosumab"].therapy_name == "Denosumab"
    assert (report.sessions, report.cancelled, report.attended, report.no_shows) == (4, 1, 1, 1)
    # one completed, one no-show: the booked ones still to come do not count
    assert report.no_show_rate == pytest.approx(0.5)


def test_cotherapy_findings_and_overrides_per_month(
    seeded: tuple[Services, SeededDay], report: Utilisation
) -> None:
    _, day = seeded
    co = [f for f in day.iron_findings if f.rule in COTHERAPY_RULES]
    assert co, day.iron_findings
    overridden = [f for f in day.iron_findings if f.overridden_by]
    assert overridden
    november, december = report.months
    assert (november.label, december.label) == ("2026-11", "2026-12")
    assert november.sessions_flagged == 1
    assert november.cotherapy_findings == len(co)
    assert november.overrides == len(overridden)
    assert november.cotherapy_overrides == len([f for f in co if f.overridden_by])
    assert (december.sessions_flagged, december.overrides) == (0, 0)


def test_only_managers_and_administrators(seeded: tuple[Services, SeededDay]) -> None:
    services, _ = seeded
    reports = UtilisationReport(services.ctx)
    for actor in (NURSE, DESK):
        with pytest.raises(PermissionDeniedError):
            reports.build(actor, FIRST, LAST)
    assert reports.build(ADMIN, DAY, DAY).sessions == 4


def test_refuses_bad_ranges(clinic: Services) -> None:
    reports = UtilisationReport(clinic.ctx)
    with pytest.raises(InvalidInputError):
        reports.build(MANAGER, LAST, FIRST)
    with pytest.raises(InvalidInputError):
        reports.build(MANAGER, "2020-01-01", "2026-01-01")
    with pytest.raises(InvalidInputError):
        reports.build(MANAGER, "next week", LAST)


def test_an_empty_clinic_has_no_rates(clinic: Services) -> None:
    empty = UtilisationReport(clinic.ctx).build(MANAGER, FIRST, FIRST)
    assert empty.sessions == 0
    assert empty.no_show_rate is None
    assert empty.utilisation == 0
    assert clinic_today(clinic.ctx) == FIRST
