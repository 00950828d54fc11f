"""The slot template on screen (issue 14, pytest-qt, offscreen), against a real stored
template built by ``services.templates.build`` from two weeks of real bookings: the template
window (grid, a day's starts, building on a worker, refusals, who may build), the compliance
report, the Reports menu entries and the booking dialog's template mark."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui.booking.booking_dialog import BookingDialog, BookingPrefill
from clinic_app.gui.booking.slot_model import TIME_COLUMN
from clinic_app.gui.reports import template_view
from clinic_app.gui.reports.compliance_view import ComplianceWindow, unused
from clinic_app.gui.reports.reports_menu import add_reports_actions
from clinic_app.gui.reports.template_view import BuildChoice, BuildTemplateDialog, TemplateWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, LONDON, MANAGER, NURSE

HISTORY = (date(2026, 11, 23), date(2026, 12, 4))  # two weeks, Monday to Friday
LATER = datetime(2026, 12, 7, 7, 0, tzinfo=LONDON)  # the Monday after: history is past
MONDAY = date(2026, 12, 7)
# Each history day: zoledronic acid (60 min) at 09:00 on two chairs, a third at 11:00.
PLACES = (("09:00", "Chair 1"), ("09:00", "Chair 2"), ("11:00", "Chair 1"))


@pytest.fixture
def later(clinic: Services, db_url: str) -> Iterator[Services]:
    """The test clinic three weeks on: two weeks of bookings behind it, no template yet."""
    number = 0
    day = HISTORY[0]
    while day <= HISTORY[1]:
        if day.weekday() < 5:
            for at, chair in PLACES:
                mrn = f"H{number:03d}"
                number += 1
                clinic.setup.add_patient(
                    DESK, mrn=mrn, name=f"History Patient {number}", date_of_birth="1950-01-01"
                )
                clinic.booking.book(
                    NURSE, BookingRequest(mrn, "zoledronic-acid", f"{day} {at}", chair=chair)
                )
        day += timedelta(days=1)
    moved_on = open_services(db_url, clock=fixed_clock(LATER))
    yield moved_on
    moved_on.engine.dispose()


@pytest.fixture
def built(later: Services) -> Services:
    """``later`` with a template built from its two weeks of history."""
    later.templates.build(MANAGER, weeks=2, time_limit_s=2.0)
    return later


def shown(qtbot: QtBot, window: QMainWindow) -> None:
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def test_the_template_window_builds_on_a_worker_and_shows_the_grid(
    qtbot: QtBot, qtmodeltester: Any, later: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = TemplateWindow(later, MANAGER)
    with qtbot.waitSignal(window.template_shown, timeout=20_000) as first:
        shown(qtbot, window)
    assert first.args == [None]
    assert "No template yet" in window.header.text()
    assert window.grid_model.rowCount() == 0
    qtmodeltester.check(window.grid_model)
    assert window.build_action.isEnabled() and window.build_note.text() == ""

    asked: list[int] = []

    def ask(parent: Any, *, open_weekdays: int = 5) -> BuildChoice:
        asked.append(open_weekdays)
        return BuildChoice(weeks=2, time_limit_s=2)

    monkeypatch.setattr(BuildTemplateDialog, "ask", ask)
    with qtbot.waitSignal(window.template_built, timeout=120_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        # On the worker: the window answers, the build action waits for it.
        assert window.building and not window.build_action.isEnabled()
        assert window.progress.isVisible()
    assert asked == [5]
    template = done.args[0]
    assert later.templates.current(MANAGER) == template
    assert not window.building and window.build_action.isEnabled()
    assert not window.progress.isVisible()
    assert "by mia.manager" in window.header.text()
    assert "(2 weeks), 3 chairs" in window.header.text()

    model = window.grid_model
    qtmodeltester.check(model)
    assert model.weekdays() == [0, 1, 2, 3, 4]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Monday"
    times = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert all(t[-2:] in ("00", "15", "30", "45") for t in times)
    # Every stored start is in its cell, in words, with its therapies in the tooltip.
    for start in template.starts:
        row = times.index(start.start.strftime("%H:%M"))
        column = model.weekdays().index(start.weekday)
        index = model.index(row, column)
        assert f"{start.count} x {start.chair_minutes} min" in index.data()
        assert "Zoledronic acid" in index.data(Qt.ItemDataRole.ToolTipRole)
    total = sum(
        int(line.split(" x ")[0])
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        for line in (model.index(r, c).data() or "").splitlines()
    )
    assert total == sum(s.count for s in template.starts)

    # The day tab: Monday's template starts, planned against filled.
    with qtbot.waitSignal(window.day_shown, timeout=20_000) as day:
        window.set_day(MONDAY)
    uses = later.templates.day_slots(MANAGER, MONDAY)
    assert day.args[0] == uses and window.day_model.rows() == uses
    qtmodeltester.check(window.day_model)
    assert uses and all(u.filled == 0 for u in uses)
    first_row = [window.day_model.index(0, c).data() for c in range(5)]
    assert first_row[0] == uses[0].start.strftime("%H:%M")
    assert first_row[2:] == [str(uses[0].planned), "0", str(uses[0].planned)]
    planned = sum(u.planned for u in uses)
    assert f"{planned} template starts, 0 filled, {planned} still free" in (
        window.day_summary.text()
    )


def test_a_refused_build_shows_the_service_message_and_writes_nothing(
    qtbot: QtBot, later: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = TemplateWindow(later, MANAGER)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(
        template_view, "show_error", lambda _w, title, text: errors.append((title, text))
    )
    # Past the service's limit (the dialog's spin box would not offer it).
    with qtbot.waitSignal(window.build_failed, timeout=20_000) as failed:
        window.start_build(BuildChoice(weeks=53, time_limit_s=5))
    assert errors == [("No template built", failed.args[0])]
    assert "weeks" in failed.args[0].lower()
    assert later.templates.current(MANAGER) is None
    assert window.template is None and window.build_action.isEnabled()
    assert not window.progress.isVisible()


def test_the_desk_reads_the_template_but_cannot_build_one(
    qtbot: QtBot, built: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = built.templates.current(MANAGER)
    assert before is not None
    window = TemplateWindow(built, DESK)
    with qtbot.waitSignal(window.template_shown, timeout=20_000):
        shown(qtbot, window)
    assert window.template == before and window.grid_model.rowCount() > 0
    assert not window.build_action.isEnabled()
    reason = "Only managers and administrators may build a template."
    assert window.build_action.toolTip() == reason and window.build_note.text() == reason
    monkeypatch.setattr(
        BuildTemplateDialog, "ask", lambda *a, **k: pytest.fail("the desk is not asked")
    )
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    window.build_template()
    assert not window.building
    # Forced past the disabled action, the service refuses and nothing changes.
    errors: list[str] = []
    monkeypatch.setattr(template_view, "show_error", lambda _w, _t, text: errors.append(text))
    with qtbot.waitSignal(window.build_failed, timeout=20_000):
        window.start_build(BuildChoice(weeks=2, time_limit_s=1))
    assert errors and "Not permitted for your role" in errors[0]
    assert built.templates.current(MANAGER) == before
    # The desk's day view: which template starts are still free.
    with qtbot.waitSignal(window.day_shown, timeout=20_000):
        window.set_day(MONDAY)
    assert window.day_model.rowCount() == len(built.templates.day_slots(DESK, MONDAY))


def test_the_compliance_report_matches_the_service(
    qtbot: QtBot, qtmodeltester: Any, built: Services
) -> None:
    window = ComplianceWindow(built, MANAGER)
    shown(qtbot, window)
    qtbot.waitUntil(lambda: not window.busy, timeout=20_000)
    window.set_period(*HISTORY)
    with qtbot.waitSignal(window.report_ready, timeout=20_000) as ready:
        qtbot.keyClick(window, Qt.Key.Key_F5)  # Show report
        assert window.busy  # on a worker
    report = built.templates.compliance(MANAGER, *HISTORY)
    assert ready.args[0] == report
    model = window.day_model
    qtmodeltester.check(model)
    assert model.rows() == list(report.days) and len(report.days) == 10
    column_sums = [
        sum(int(model.index(r, c).data()) for r in range(model.rowCount())) for c in (1, 2, 3, 4)
    ]
    unused_total = sum(unused(d) for d in report.days)
    assert column_sums == [report.planned, report.filled, report.off_template, unused_total]
    assert report.filled + report.off_template == 30  # every history session, counted once
    totals = window.totals.text()
    assert (
        f"{report.planned} template starts, {report.filled} filled, "
        f"{report.off_template} sessions off the template, {unused_total} starts unused"
    ) in totals
    assert report.compliance is not None
    assert f"compliance {report.compliance * 100:.1f} %" in totals
    bars = window.bar_sets
    assert [bars["filled"].at(i) for i in range(10)] == [d.filled for d in report.days]
    assert [bars["off template"].at(i) for i in range(10)] == [d.off_template for d in report.days]
    line = window.compliance_line
    assert line is not None and line.count() == sum(
        1 for d in report.days if d.compliance is not None
    )


def test_the_reports_menu_opens_them_by_role(qtbot: QtBot, later: Services) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    for actor, compliance_allowed in (
        (DESK, False),
        (NURSE, False),
        (MANAGER, True),
        (ADMIN, True),
    ):
        actions = {a.text(): a for a in add_reports_actions(main, later, actor)}
        template = actions["Slot &template"]
        compliance = actions["Template c&ompliance report"]
        assert template.isEnabled()
        assert compliance.isEnabled() is compliance_allowed
        assert template.shortcut().toString() == "Ctrl+Shift+G"
        assert compliance.shortcut().toString() == "Ctrl+Shift+K"
    window = ComplianceWindow(later, DESK)
    qtbot.addWidget(window)
    assert not window.refresh_action.isEnabled()
    assert window.message.text() == "Your role may not see the compliance report."


def test_the_booking_dialog_marks_template_starts_and_takes_the_suggested_one(
    qtbot: QtBot, built: Services, icons: IconSet
) -> None:
    runner = TaskRunner()
    built.setup.add_patient(DESK, mrn="T001", name="Tess Template", date_of_birth="1950-02-02")
    dialog = BookingDialog(
        built,
        NURSE,
        runner,
        icons,
        BookingPrefill(mrn="T001", therapy="zoledronic-acid", start=datetime(2026, 12, 7, 8)),
        today=MONDAY,
    )
    shown(qtbot, dialog)  # type: ignore[arg-type]
    assert not dialog.slot_legend.isVisible()
    with qtbot.waitSignal(dialog.slots_found, timeout=20_000):
        qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    slots = dialog.slot_model.rows()
    marked = [n for n, s in enumerate(slots) if s.template]
    assert marked, "a free template start is offered"
    model = dialog.slot_model
    for row, slot in enumerate(slots):
        text = model.index(row, TIME_COLUMN).data()
        assert ("[T]" in text) is bool(slot.template)
        assert text.startswith("\u2605") is bool(slot.recommended)
    tip = model.index(marked[0], TIME_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Template: {slots[marked[0]].template}" in tip
    assert "template start" in model.index(marked[0], TIME_COLUMN).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    assert dialog.slot_legend.isVisible() and "[T]" in dialog.slot_legend.text()
    # The suggested option (the template's) has the cursor: Enter takes it.
    suggested = next(n for n, s in enumerate(slots) if s.recommended)
    assert slots[suggested].template
    assert dialog.slot_view.currentIndex().row() == suggested
    qtbot.keyClick(dialog.slot_view, Qt.Key.Key_Return)
    assert dialog.start() == slots[suggested].start.replace(tzinfo=None)
    runner.wait(10_000)
    dialog.close()
