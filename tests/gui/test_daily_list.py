"""The daily list, the export dialog and the utilisation window (pytest-qt, both databases)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QPushButton, QToolBar
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clinic_app.bootstrap import Services, open_services
from clinic_app.exports import ExportCancelledError, export_sessions
from clinic_app.exports.pdf_export import page_layout
from clinic_app.exports.utilisation_chart import AVAILABLE_COLOUR, BOOKED_COLOUR
from clinic_app.gui.common.export_dialog import ExportDialog
from clinic_app.gui.daily_list.daily_list_model import (
    FLAG_ROLE,
    SESSION_ROLE,
    DailyListModel,
    LabColumn,
    LabListModel,
    SessionColumn,
)
from clinic_app.gui.daily_list.daily_list_window import CancelReasonDialog, DailyListWindow
from clinic_app.gui.reports.reports_menu import add_reports_actions
from clinic_app.gui.reports.utilisation_view import UtilisationWindow
from clinic_app.persistence.models import AuditRow
from clinic_app.services.clock import fixed_clock
from clinic_app.services.exports import ExportRequest
from clinic_app.services.results import SessionView
from tests.conftest import DESK, LONDON, MANAGER, NOW, NURSE
from tests.exports.conftest import many_sessions
from tests.report_seed import CONSULTED, DAY, ON_THE_DAY, OVERRIDE_REASON, SeededDay, seed_day


@pytest.fixture
def seeded(clinic: Services) -> tuple[Services, SeededDay]:
    return clinic, seed_day(clinic)


@pytest.fixture
def later(db_url: str, seeded: tuple[Services, SeededDay]) -> Iterator[Services]:
    """The same clinic two days on (Wednesday 09:00): Monday's and Tuesday's draws are late."""
    services = open_services(db_url, clock=fixed_clock(NOW + timedelta(days=2, hours=2)))
    yield services
    services.engine.dispose()


def cells(model: Any, row: int, columns: Any) -> list[str]:
    return [model.data(model.index(row, int(c))) for c in columns]


# ---------------------------------------------------------------------- models


def test_daily_list_model_passes_the_model_tester(
    qtmodeltester: Any, seeded: tuple[Services, SeededDay]
) -> None:
    services, _ = seeded
    model = DailyListModel()
    model.set_day(services.queries.day(NURSE, DAY))
    qtmodeltester.check(model)
    model.set_sessions(())
    qtmodeltester.check(model)


def test_lab_model_passes_the_model_tester(qtmodeltester: Any, later: Services) -> None:
    model = LabListModel()
    model.set_day(later.queries.day(NURSE, date(2026, 11, 25)))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_daily_list_model_content(qapp: Any, seeded: tuple[Services, SeededDay]) -> None:
    services, day = seeded
    model = DailyListModel()
    model.set_day(services.queries.day(NURSE, DAY))
    columns = (
        SessionColumn.TIME,
        SessionColumn.CHAIR,
        SessionColumn.FLAG,
        SessionColumn.PATIENT,
        SessionColumn.MRN,
        SessionColumn.THERAPY,
        SessionColumn.PLANNED,
        SessionColumn.STATUS,
    )
    table = [cells(model, row, columns) for row in range(model.rowCount())]
    assert table == [
        [
            "09:00",
            "Chair 1",
            "",
            "Alice Archer",
            "M001",
            "Denosumab",
            "09:00\u201309:20 (20 min)",
            "Completed",
        ],
        [
            "09:00",
            "Chair 3",
            "CO-THERAPY",
            "Eve Evans",
            "M005",
            "Ferric carboxymaltose",
            "09:00\u201310:15 (75 min)",
            "Booked",
        ],
        [
            "10:00",
            "Chair 2",
            "",
            "Bob Baker",
            "M002",
            "Ibandronate IV",
            "10:00\u201310:30 (30 min)",
            "No-show",
        ],
        [
            "11:00",
            "Chair 1",
            "",
            "Carol Cooper",
            "M003",
            "Zoledronic acid",
            "11:00\u201312:00 (60 min)",
            "Booked",
        ],
        [
            "13:00",
            "Chair 3",
            "",
            "Dan Dawson",
            "M004",
            "Denosumab",
            "13:00\u201313:20 (20 min)",
            "Cancelled: patient unwell",
        ],
    ]
    iron_row = model.row_of(day.iron)
    assert iron_row == 1
    flag = model.index(1, SessionColumn.FLAG)
    assert model.data(flag, FLAG_ROLE) is True
    assert model.data(flag, Qt.ItemDataRole.DecorationRole) is not None  # the icon...
    assert model.data(flag, Qt.ItemDataRole.BackgroundRole) is not None  # ...and the tint
    assert "E3" in model.data(flag, Qt.ItemDataRole.ToolTipRole)
    findings = model.data(model.index(1, SessionColumn.FINDINGS))
    assert "BLOCK E3" in findings
    override = model.data(model.index(1, SessionColumn.OVERRIDE))
    assert override == f"nina.nurse: {OVERRIDE_REASON} (prescriber consulted: {CONSULTED})"
    assert model.data(model.index(0, SessionColumn.FLAG), Qt.ItemDataRole.DecorationRole) is None
    view = model.data(model.index(3, 0), SESSION_ROLE)
    assert isinstance(view, SessionView) and view.id == day.booked
    assert model.flagged_count() == 1
    horizontal = Qt.Orientation.Horizontal
    tip = Qt.ItemDataRole.ToolTipRole
    assert "E2-E7" in model.headerData(SessionColumn.FLAG, horizontal, tip)
    assert model.headerData(SessionColumn.PATIENT, horizontal, tip) is None


def test_daily_list_model_signals_only_changed_rows(
    qtbot: QtBot, seeded: tuple[Services, SeededDay]
) -> None:
    services, day = seeded
    model = DailyListModel()
    model.set_day(services.queries.day(NURSE, DAY))
    on_the_day(services)
    services.booking.set_status(NURSE, day.booked, "arrived")
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, *_: changed.append((tl.row(), br.row())))
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_day(services.queries.day(NURSE, DAY))
    assert (3, 3) in changed
    assert model.data(model.index(3, SessionColumn.STATUS)) == "Arrived"


def test_lab_model_content(qapp: Any, later: Services) -> None:
    model = LabListModel()
    day_list = later.queries.day(NURSE, date(2026, 11, 25))
    model.set_day(day_list)
    assert model.overdue_count() == len(day_list.overdue_labs) > 0
    first = model.index(0, LabColumn.KIND)
    assert model.data(first) == "DUE AND NOT DONE"
    assert model.data(first, FLAG_ROLE) is True
    assert model.data(first, Qt.ItemDataRole.DecorationRole) is not None
    lab = day_list.overdue_labs[0]
    assert model.data(model.index(0, LabColumn.MRN)) == lab.mrn
    assert model.data(model.index(0, LabColumn.TESTS)) == ", ".join(lab.tests)
    assert model.data(model.index(0, LabColumn.WHEN)) == f"{lab.start:%Y-%m-%d %H:%M}"


# ---------------------------------------------------------------------- the window


def on_the_day(services: Services) -> None:
    """Move the clock to the seeded day: no status runs ahead of the session's day."""
    services.ctx.clock = fixed_clock(ON_THE_DAY)


@pytest.fixture
def window(qtbot: QtBot, seeded: tuple[Services, SeededDay]) -> DailyListWindow:
    services, _ = seeded
    shown = DailyListWindow(services, NURSE)
    qtbot.addWidget(shown)
    shown.go_to(DAY)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_status_change_from_the_list_by_keyboard(
    qtbot: QtBot, window: DailyListWindow, seeded: tuple[Services, SeededDay]
) -> None:
    services, day = seeded
    window.select_session(day.booked)
    # On Monday, Tuesday's session can only be cancelled: the service's status table says so.
    assert not window.status_actions["arrived"].isEnabled()
    assert window.status_actions["cancelled"].isEnabled()
    services.ctx.clock = fixed_clock(ON_THE_DAY)
    window.select_session(day.iron)
    window.select_session(day.booked)
    window.activateWindow()
    window.table.setFocus()
    assert window.status_actions["arrived"].isEnabled()
    assert not window.status_actions["completed"].isEnabled()  # booked -> completed: no
    with qtbot.waitSignal(window.status_changed) as blocker:
        qtbot.keyClick(window.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [day.booked, "arrived"]
    row = window.model.row_of(day.booked)
    assert row is not None
    assert window.model.data(window.model.index(row, SessionColumn.STATUS)) == "Arrived"
    assert window.selected_session() is not None
    assert window.selected_session().id == day.booked  # type: ignore[union-attr]
    stored = {v.id: v.status for v in services.queries.day(NURSE, DAY).sessions}
    assert stored[day.booked] == "arrived"
    with services.ctx.db.read() as uow:
        actions = uow.session.scalars(
            select(AuditRow.action).where(
                AuditRow.entity_id == day.booked, AuditRow.actor == NURSE.username
            )
        ).all()
    assert "status-arrived" in actions


def test_cancel_asks_for_a_reason(
    qtbot: QtBot,
    window: DailyListWindow,
    seeded: tuple[Services, SeededDay],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, day = seeded
    window.select_session(day.booked)
    monkeypatch.setattr(CancelReasonDialog, "ask", classmethod(lambda cls, parent, view: None))
    assert window.change_status("cancelled") is False
    monkeypatch.setattr(
        CancelReasonDialog, "ask", classmethod(lambda cls, parent, view: "transport failed")
    )
    with qtbot.waitSignal(window.status_changed):
        window.status_actions["cancelled"].trigger()
    (view,) = [v for v in services.queries.day(NURSE, DAY).sessions if v.id == day.booked]
    assert (view.status, view.status_reason) == ("cancelled", "transport failed")


def test_cancel_reason_dialog_needs_text(qtbot: QtBot, seeded: tuple[Services, SeededDay]) -> None:
    services, day = seeded
    (view,) = [v for v in services.queries.day(NURSE, DAY).sessions if v.id == day.booked]
    dialog = CancelReasonDialog(view)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.reason.setPlainText("  patient unwell ")
    assert ok.isEnabled()
    assert dialog.reason_text() == "patient unwell"


def test_a_manager_sees_but_cannot_change(qtbot: QtBot, seeded: tuple[Services, SeededDay]) -> None:
    services, day = seeded
    shown = DailyListWindow(services, MANAGER)
    qtbot.addWidget(shown)
    shown.go_to(DAY)
    shown.select_session(day.booked)
    assert not any(action.isEnabled() for action in shown.status_actions.values())
    assert shown.change_status("arrived") is False


def test_banner_and_counts(window: DailyListWindow) -> None:
    assert window.banner.isVisible()
    assert "Eve Evans" in window.banner.text()
    assert window.banner.textFormat() == Qt.TextFormat.PlainText
    window.go_to(DAY + timedelta(days=7))
    assert window.model.rowCount() == 0
    assert not window.banner.isVisible()


def test_print_and_save_as_pdf(window: DailyListWindow, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(page_layout("Letter", landscape=True))
    pages = window.paint_on(printer)
    assert pages == 1  # Chairs 1, 2 and 3 fit one page (no lab draws that day)
    assert (tmp_path / "printed.pdf").stat().st_size > 0
    saved = window.save_pdf(tmp_path / "saved.pdf")
    assert saved is not None and saved.stat().st_size > 0


# ---------------------------------------------------------------------- export dialog


def gated_runner(gate: threading.Event) -> Callable[..., int]:
    """An export that writes a few rows, then waits at ``gate`` until the test opens it."""

    def run(actor: Any, request: ExportRequest, **options: Any) -> int:
        def source() -> Iterator[SessionView]:
            for number, view in enumerate(many_sessions(1_000)):
                if number == 5:
                    assert gate.wait(10), "the test never opened the gate"
                yield view

        return export_sessions(
            source(),
            request.out_path,
            request.fmt,
            progress=options.get("progress"),
            cancelled=options.get("cancelled"),
        )

    return run


@pytest.mark.parametrize("fmt_index", [0, 1, 2, 3])
def test_export_cancelled_midway_leaves_no_file(
    qtbot: QtBot, clinic: Services, tmp_path: Path, fmt_index: int
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    gate = threading.Event()
    dialog = ExportDialog(clinic, MANAGER, runner=gated_runner(gate))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(fmt_index)
    target = out / f"year.{dialog.selected_format().value}"
    dialog.path.setText(str(target))
    progressed: list[int] = []
    dialog.export_progressed.connect(progressed.append)
    dialog.start_export()
    assert dialog.task is not None
    # The export waits at its gate after a few rows, and the GUI still hears its progress.
    qtbot.waitUntil(lambda: len(progressed) >= 1, timeout=10_000)
    cancel = dialog.progress_dialog.findChild(QPushButton)
    assert cancel is not None
    with qtbot.waitSignal(dialog.export_cancelled, timeout=10_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert dialog.task is not None and dialog.task.is_cancelled()
        gate.set()  # the export goes on, sees the cancel before its next row, and stops
    qtbot.waitUntil(lambda: dialog.task is None)
    assert list(out.iterdir()) == []
    assert "cancelled" in dialog.message.text()


def test_export_runs_in_the_background(
    qtbot: QtBot, seeded: tuple[Services, SeededDay], tmp_path: Path
) -> None:
    services, _ = seeded
    dialog = ExportDialog(services, MANAGER)
    qtbot.addWidget(dialog)
    dialog.date_from.setDate(dialog.date_from.date().addDays(22))  # 2026-11-23
    dialog.date_to.setDate(dialog.date_from.date().addDays(6))
    dialog.chair.setCurrentIndex(dialog.chair.findData("Chair 3"))
    target = tmp_path / "chair3.csv"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as blocker:
        dialog.start_export()
    assert blocker.args == [2, str(target)]
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3
    qtbot.waitUntil(lambda: dialog.task is None)


def test_export_dialog_without_the_permission(qtbot: QtBot, clinic: Services) -> None:
    dialog = ExportDialog(clinic, DESK)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()


def test_gated_runner_is_cancellable_on_its_own(tmp_path: Path) -> None:
    run = gated_runner(threading.Event())
    with pytest.raises(ExportCancelledError):
        request = ExportRequest(DAY, DAY, "csv", tmp_path / "x.csv")
        run(None, request, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------- utilisation window


def test_utilisation_window(
    qtbot: QtBot, qtmodeltester: Any, seeded: tuple[Services, SeededDay], tmp_path: Path
) -> None:
    services, _ = seeded
    shown = UtilisationWindow(services, MANAGER)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.task is None, timeout=20_000)
    shown.set_period(date(2026, 11, 23), date(2026, 12, 4))
    with qtbot.waitSignal(shown.report_ready, timeout=20_000):
        shown.refresh()
    qtbot.waitUntil(lambda: shown.task is None)
    assert shown.report is not None and shown.report.booked_minutes == 185
    for model in (shown.chair_model, shown.therapy_model, shown.month_model, shown.day_model):
        qtmodeltester.check(model)
    assert shown.chair_model.rowCount() == 3
    assert shown.chair_model.data(shown.chair_model.index(0, 0)) == "Chair 1"
    assert shown.day_model.rowCount() == 9  # open days only
    shown.show()
    qtbot.waitExposed(shown)
    # 9 open days x 3 chairs x 10 h = 270 h available; 185 min = 3.1 h booked.
    assert shown.day_chart.accessibleDescription() == "3.1 of 270.0 chair-hours booked"
    chart = shown.day_chart.grab().toImage()
    colours = {
        chart.pixelColor(x, y).name()
        for x in range(0, chart.width(), 2)
        for y in range(0, chart.height(), 2)
    }
    assert BOOKED_COLOUR in colours and AVAILABLE_COLOUR in colours  # the bars were painted
    pdf = shown.save_pdf(tmp_path / "report.pdf")
    assert pdf is not None
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "Chair-hours available 270.0" in text and "Chair-hours booked 3.1" in text
    assert "Chair 1" in text and "Mon 23 Nov 2026" in text


def test_utilisation_window_needs_the_permission(qtbot: QtBot, clinic: Services) -> None:
    shown = UtilisationWindow(clinic, NURSE)
    qtbot.addWidget(shown)
    assert shown.task is None and shown.report is None
    assert not shown.refresh_action.isEnabled()


# ---------------------------------------------------------------------- menu


def test_reports_menu_opens_the_windows(qtbot: QtBot, clinic: Services) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    actions = add_reports_actions(main, clinic, NURSE)
    assert [a.shortcut().toString() for a in actions] == [
        "Ctrl+L",
        "Ctrl+E",
        "Ctrl+U",
        "Ctrl+Shift+C",
        "Ctrl+Shift+G",
        "Ctrl+Shift+K",
    ]
    # A nurse reads the daily list and the slot template; the managers' reports are not hers.
    assert [a.isEnabled() for a in actions] == [True, False, False, False, True, False]
    actions[0].trigger()
    opened = [w for w in main.findChildren(DailyListWindow)]
    assert len(opened) == 1 and opened[0].isVisible()
    actions[0].trigger()
    assert len(main.findChildren(DailyListWindow)) == 1  # brought to the front, not doubled
    opened[0].close()


def test_a_status_confirmation_stays_after_the_reload(
    qtbot: QtBot, window: DailyListWindow, seeded: tuple[Services, SeededDay]
) -> None:
    services, day = seeded
    services.ctx.clock = fixed_clock(ON_THE_DAY)  # the session's day has come
    window.select_session(day.booked)
    with qtbot.waitSignal(window.status_changed):
        assert window.change_status("in-chair")
    qtbot.wait(50)  # the reload that follows the change has painted
    message = window.statusBar().currentMessage()
    assert message == "Carol Cooper is now in chair", message  # words, not "in-chair"
    assert "sessions" in window.counts_label.text()


def test_opens_at_the_next_patient_not_a_completed_row(
    qtbot: QtBot, seeded: tuple[Services, SeededDay]
) -> None:
    services, day = seeded
    shown = DailyListWindow(services, NURSE)
    qtbot.addWidget(shown)
    shown.go_to(DAY)
    assert shown.model.sessions()[0].id == day.completed  # the first row is done already
    assert shown.selected_session().id == day.iron  # type: ignore[union-attr]
    # Mid-morning on the day: the 09:00 iron infusion is over; the 11:00 patient is next.
    services.ctx.clock = fixed_clock(datetime(2026, 11, 24, 10, 30, tzinfo=LONDON))
    shown.go_to(DAY + timedelta(days=1))
    shown.go_to(DAY)
    assert shown.selected_session().id == day.booked  # type: ignore[union-attr]


def test_the_toolbars_fit_a_1366_pixel_screen(
    qtbot: QtBot, seeded: tuple[Services, SeededDay]
) -> None:
    services, _day = seeded
    shown = DailyListWindow(services, NURSE)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    for toolbar in shown.findChildren(QToolBar):
        assert toolbar.isVisible(), toolbar.objectName()
        assert toolbar.geometry().right() < 1366, toolbar.objectName()
        # Nothing folded away behind the toolbar's ">>" extension button.
        for action in toolbar.actions():
            if action.isVisible():
                assert toolbar.widgetForAction(action).isVisible(), action.text()


# ---------------------------------------------------------------------- nurse column (issue 14)


def test_the_nurse_column_shows_the_days_assignment_or_why_it_is_empty(
    qtbot: QtBot, qtmodeltester: Any, seeded: tuple[Services, SeededDay]
) -> None:
    services, _ = seeded
    shown = DailyListWindow(services, NURSE)
    qtbot.addWidget(shown)
    shown.go_to(DAY)
    model = shown.model
    horizontal, tip = Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    assert model.headerData(SessionColumn.NURSE, horizontal) == "Nurse"
    assert "No nurse rota" in model.headerData(SessionColumn.NURSE, horizontal, tip)
    assert {model.data(model.index(r, SessionColumn.NURSE)) for r in range(model.rowCount())} == {
        ""
    }
    for name, pause in (("Nora Night", "12:00-12:30"), ("Olga Other", "12:30-13:00")):
        services.staffing.add_nurse(MANAGER, name)
        services.staffing.set_shift(MANAGER, name, DAY, "07:30", "17:30", (pause,))
    shown.refresh()
    qtmodeltester.check(model)
    assignment = services.staffing.assignment(NURSE, DAY)
    expected = {s.session_id: s.nurse for s in assignment.sessions}
    for row in range(model.rowCount()):
        view = model.session(row)
        text = model.data(model.index(row, SessionColumn.NURSE))
        if view.status in ("cancelled", "no-show"):
            assert text == ""
            continue
        assert expected[view.id or 0] in ("Nora Night", "Olga Other")
        assert text.startswith(expected[view.id or 0] or "?")
        care = model.data(model.index(row, SessionColumn.NURSE), tip)
        assert "set-up: " in care and f"{view.start:%H:%M}\u2013" in care
    assert "most of the session" in model.headerData(SessionColumn.NURSE, horizontal, tip)
    # "My patients today": the filter shows one nurse's patients, as the service lists them.
    assert shown.nurse_filter.isEnabled() and shown.nurse_filter.count() == 3
    shown.nurse_filter.setCurrentIndex(shown.nurse_filter.findData("Olga Other"))
    assert shown.chosen_nurse() == "Olga Other"
    mine = {s.session_id for s in services.staffing.my_patients(NURSE, "Olga Other", DAY)}
    assert mine and {model.session(r).id for r in range(model.rowCount())} == mine
    qtmodeltester.check(model)
    shown.refresh()  # a reload keeps the nurse chosen
    assert shown.chosen_nurse() == "Olga Other" and model.rowCount() == len(mine)
    shown.nurse_filter.setCurrentIndex(0)
    assert model.rowCount() == len(services.queries.day(NURSE, DAY).sessions)


def test_a_session_filtered_out_by_the_nurse_filter_is_no_longer_acted_on(
    qtbot: QtBot, seeded: tuple[Services, SeededDay]
) -> None:
    services, _ = seeded
    for name in ("Nora Night", "Olga Other"):
        services.staffing.add_nurse(MANAGER, name)
        services.staffing.set_shift(MANAGER, name, DAY, "07:30", "17:30")
    shown = DailyListWindow(services, NURSE)
    qtbot.addWidget(shown)
    shown.go_to(DAY)
    assignment = services.staffing.assignment(NURSE, DAY)
    other = next(s for s in assignment.sessions if not s.looked_after_by("Olga Other"))
    shown.select_session(other.session_id)
    assert shown.selected_session() is not None
    shown.nurse_filter.setCurrentIndex(shown.nurse_filter.findData("Olga Other"))
    assert shown.selected_session() is None
    assert shown.details.text() == "Select a session to see its findings and override."
    assert not any(action.isEnabled() for action in shown.status_actions.values())
