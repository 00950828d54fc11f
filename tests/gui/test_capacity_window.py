"""The capacity report window (issue 14, pytest-qt, offscreen): built on a worker, a row per
day, the charts' series holding the report's numbers, and only for managers and admins."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QAreaSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.reports.capacity_view import CapacityWindow
from clinic_app.gui.reports.reports_menu import add_reports_actions
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK, MANAGER, NURSE

FIRST = date(2026, 11, 23)  # Monday (the clock: Monday 07:00)
LAST = date(2026, 11, 27)  # Friday
DAY = date(2026, 11, 25)  # Wednesday: the rota and the sessions


@pytest.fixture
def seeded(clinic: Services) -> Services:
    """Wednesday: two nurses 08:00-16:00 and two zoledronic acid infusions (60 min: 10 set-up,
    5 take-down) at 10:00 on Chairs 1 and 2; a patient on the waitlist for denosumab."""
    for name in ("Nora Night", "Olga Other"):
        clinic.staffing.add_nurse(MANAGER, name)
        clinic.staffing.set_shift(MANAGER, name, DAY, "08:00", "16:00")
    for mrn, chair in (("M001", "Chair 1"), ("M002", "Chair 2")):
        clinic.booking.book(
            NURSE, BookingRequest(mrn, "zoledronic-acid", f"{DAY} 10:00", chair=chair)
        )
    clinic.waitlist.add(DESK, "M003", "denosumab", "2026-11-24", "2026-12-31")
    return clinic


def loaded(qtbot: QtBot, services: Services) -> CapacityWindow:
    window = CapacityWindow(services, MANAGER)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.busy, timeout=20_000)  # the first report, this week's
    window.set_period(FIRST, LAST)
    with qtbot.waitSignal(window.report_ready, timeout=20_000):
        window.refresh()
    return window


def cells(window: CapacityWindow, row: int) -> list[str]:
    model = window.day_model
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_the_window_shows_the_days_and_charts_them(
    qtbot: QtBot, qtmodeltester: Any, seeded: Services
) -> None:
    window = loaded(qtbot, seeded)
    qtmodeltester.check(window.day_model)
    assert window.day_model.rowCount() == 5
    # Three chairs x 10 h; Wednesday 2 h booked. Peak: 2 set-ups at 10:00, 2 nurses on duty.
    assert cells(window, 2) == [
        "Wed 25 Nov 2026",
        "open",
        "6.7 %",
        "2.0",
        "28.0",
        "2",
        "2",
        "2",
        "10:00",
        "0",
    ]
    assert cells(window, 0)[2:] == ["0.0 %", "0.0", "30.0", "0", "0", "no rota", "", "no rota"]
    align = window.day_model.data(window.day_model.index(2, 3), Qt.ItemDataRole.TextAlignmentRole)
    assert align == int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)

    # Chair-hours per open day: booked and idle stacked, one bar per day.
    bars = next(s for s in window.utilisation_chart.series() if isinstance(s, QAbstractBarSeries))
    booked, idle = bars.barSets()
    assert [booked.at(i) for i in range(booked.count())] == [0.0, 0.0, 2.0, 0.0, 0.0]
    assert [idle.at(i) for i in range(idle.count())] == [30.0, 30.0, 28.0, 30.0, 30.0]
    # The busiest day is chosen: its load every 15 minutes, 08:00 to 17:45.
    assert window.shown_day is not None and window.shown_day.day == DAY
    assert window.table.selectionModel().selectedRows()[0].row() == 2
    setups = window.load_series["set-ups"].points()
    assert (setups[0].x(), setups[-1].x()) == (8.0, 17.75)
    by_hour = {p.x(): p.y() for p in setups}
    assert by_hour[10.0] == 2 and by_hour[10.25] == 0
    needed = {p.x(): p.y() for p in window.load_series["needed"].points()}
    assert needed[10.0] == 2 and needed[10.25] == 1 and needed[9.0] == 0
    monitoring = {p.x(): p.y() for p in window.load_series["monitoring"].points()}
    assert monitoring[10.25] == 1 and monitoring[10.0] == 0
    on_duty = {p.x(): p.y() for p in window.load_series["on duty"].points()}
    assert on_duty[8.0] == 2 and on_duty[16.0] == 0
    assert any(isinstance(s, QAreaSeries) for s in window.load_chart.series())
    # The peaks per open day.
    peaks = window.peak_sets
    assert [peaks["set-ups"].at(i) for i in range(5)] == [0, 0, 2, 0, 0]
    assert [peaks["needed"].at(i) for i in range(5)] == [0, 0, 2, 0, 0]
    assert [peaks["on duty"].at(i) for i in range(5)] == [0, 0, 2, 0, 0]
    # The waitlist: one therapy, one patient waiting.
    (waitlist_bars,) = window.waitlist_chart.series()
    assert isinstance(waitlist_bars, QAbstractBarSeries)
    waiting, offered = waitlist_bars.barSets()
    assert (waiting.count(), waiting.at(0), offered.at(0)) == (1, 1.0, 0.0)
    assert (
        window.waitlist_chart.title()
        == "Waitlist on Mon 23 Nov 2026: 1 waiting, 0 offered, 0 expired"
    )
    axes = window.waitlist_chart.axes(Qt.Orientation.Horizontal)
    assert axes[0].titleText() == "Patients (the longest waiting since Mon 23 Nov 2026)"

    # Choosing another day (by keyboard: the table has the focus) charts its load.
    window.show()
    qtbot.waitExposed(window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Up)
    assert window.shown_day is not None and window.shown_day.day == date(2026, 11, 24)
    assert window.load_series["needed"].points() != []  # the opening hours, nothing booked
    assert {p.y() for p in window.load_series["needed"].points()} == {0.0}
    assert window.load_series["needed"].points()[0].x() == 8.0 and window.shown_day.peak_at is None
    assert time(10, 0) == window.day_model.item(2).peak_at


def test_the_window_stays_responsive_and_reports_a_bad_period(
    qtbot: QtBot, seeded: Services
) -> None:
    window = CapacityWindow(seeded, ADMIN)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.busy, timeout=20_000)
    window.set_period(LAST, FIRST)
    with qtbot.waitSignal(window.report_failed, timeout=20_000) as failed:
        window.refresh()
        assert window.busy and not window.refresh_action.isEnabled()  # on a worker
    assert "to: the end date is before the start date" in failed.args[0]
    assert "could not be built" in window.message.text()
    assert window.refresh_action.isEnabled()


def test_the_front_desk_cannot_open_it(qtbot: QtBot, clinic: Services) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    for actor, enabled in ((DESK, False), (NURSE, False), (MANAGER, True), (ADMIN, True)):
        actions = add_reports_actions(main, clinic, actor)
        capacity = next(a for a in actions if a.text() == "&Capacity report")
        assert capacity.isEnabled() is enabled
    window = CapacityWindow(clinic, DESK)
    qtbot.addWidget(window)
    assert not window.busy and window.report is None
    assert not window.refresh_action.isEnabled()
    assert window.message.text() == "Your role may not see the capacity report."
