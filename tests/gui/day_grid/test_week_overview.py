"""The week overview: closed days read "closed" (not "free"), capacity per chair and day,
the safety flags per day, and today marked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.day_grid.week_model import WeekOccupancyModel, week_facts
from clinic_app.gui.day_grid.week_overview import WeekOverview
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.results import BookingOutcome
from tests.conftest import NURSE

DISPLAY = Qt.ItemDataRole.DisplayRole
MONDAY = date(2026, 11, 23)
SUNDAY = date(2026, 11, 29)


def test_closed_days_capacity_flags_and_today(
    qtmodeltester: ModelTester, clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    book("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    book("M002", "denosumab", "2026-11-24T10:30", "Chair 1")
    calendar = clinic.queries.calendar(NURSE)
    hours = calendar.hours_on(date(2026, 11, 24))
    assert hours is not None
    open_minutes = (hours.closes.hour * 60 + hours.closes.minute) - (
        hours.opens.hour * 60 + hours.opens.minute
    )
    sessions = list(clinic.queries.sessions_between(NURSE, MONDAY, SUNDAY))
    booked = sum(int((s.end - s.start).total_seconds() // 60) for s in sessions)
    model = WeekOccupancyModel()
    qtmodeltester.check(model)
    model.set_occupancy(
        clinic.queries.week_occupancy(NURSE, MONDAY),
        week_facts(calendar, MONDAY, sessions, today=MONDAY),
    )
    qtmodeltester.check(model)
    chairs = len(clinic.setup.chairs(NURSE))
    assert model.rowCount() == chairs + 2  # chairs, the total, the flags
    # Saturday and Sunday: closed, not free; said in the header too.
    for column in (5, 6):
        assert model.index(0, column).data(DISPLAY) == "closed"
        assert model.index(chairs, column).data(DISPLAY) == "closed"
        assert "(closed)" in model.headerData(column, Qt.Orientation.Horizontal)
    assert model.index(1, 2).data(DISPLAY) == "free"  # an open day with nothing booked
    # Capacity: the chair's booked minutes of the day's opening minutes, and the total over
    # every chair.
    share = round(100 * booked / open_minutes)
    assert model.index(0, 1).data(DISPLAY) == f"{share}% · 2 sessions"
    total = round(100 * booked / (open_minutes * chairs))
    assert model.index(chairs, 1).data(DISPLAY) == f"{total}% · 2 sessions"
    assert model.capacity(date(2026, 11, 24)) == booked / (open_minutes * chairs)
    assert model.capacity(date(2026, 11, 28)) is None
    # Today is marked.
    assert model.headerData(0, Qt.Orientation.Horizontal).endswith("(today)")
    assert model.headerData(chairs + 1, Qt.Orientation.Vertical) == "Safety flags"
    assert model.index(chairs + 1, 0).data(DISPLAY) == "none"  # Monday: nothing booked


def test_flags_count_blocks_overrides_and_warnings(
    clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    from dataclasses import replace

    from clinic_app.domain.findings import Severity
    from clinic_app.services.results import FindingView

    book("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    book("M002", "denosumab", "2026-11-24T10:30", "Chair 2")
    book("M003", "ibandronate", "2026-11-24T13:00", "Chair 3")
    plain = list(clinic.queries.sessions_between(NURSE, MONDAY, SUNDAY))
    block = FindingView("E3", Severity.BLOCK, "too close", "P")
    warn = FindingView("E2", Severity.WARN, "on denosumab", "P")
    sessions = [
        replace(plain[0], findings=(block,)),
        replace(plain[1], findings=(replace(block, overridden_by="nina.nurse"), warn)),
        replace(plain[2], findings=(warn,), status="cancelled"),  # cancelled: not counted
    ]
    facts = week_facts(clinic.queries.calendar(NURSE), MONDAY, sessions)
    model = WeekOccupancyModel()
    model.set_occupancy(clinic.queries.week_occupancy(NURSE, MONDAY), facts)
    assert model.flags_text(date(2026, 11, 24)) == "1 BLOCK · 1 BLOCK✓"
    assert model.flags_text(date(2026, 11, 25)) == "none"


def test_the_week_overview_loads_facts_on_the_worker(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    overview = WeekOverview(clinic, NURSE, runner, icons)
    qtbot.addWidget(overview)
    with qtbot.waitSignal(overview.loaded, timeout=10_000):
        overview.show_week(date(2026, 11, 26))
    facts = overview.model.facts
    assert facts is not None
    assert facts.today == date(2026, 11, 23)  # the clinic's clock: Monday 07:00 London
    assert facts.closed == frozenset({date(2026, 11, 28), date(2026, 11, 29)})
    runner.wait(10_000)
