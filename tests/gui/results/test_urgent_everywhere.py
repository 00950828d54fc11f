"""An URGENT result (R3) is shown on every screen that shows the patient until a nurse
acknowledges it: the patient view, the daily list's row and details, the day grid's details."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.common.urgent_banner import UrgentBanner, urgent_by_mrn
from clinic_app.gui.daily_list.daily_list_model import SessionColumn
from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.patient.patient_dialog import PatientDialog
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from tests.conftest import NURSE
from tests.gui.results.conftest import ResultsDay

SESSION_DAY = date(2026, 12, 10)


def test_the_banner_shows_open_urgent_alerts_only(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay
) -> None:
    banner = UrgentBanner()
    qtbot.addWidget(banner)
    alerts = clinic.lab_results.open_alerts(NURSE, "M001")
    banner.show_alerts(alerts)
    assert not banner.isHidden()
    assert banner.text().startswith("\u26a0 URGENT Alice Archer (M001): ")
    assert "Ctrl+Shift+R" in banner.text()
    assert set(urgent_by_mrn(alerts)) == {"M001"}
    clinic.lab_results.acknowledge(NURSE, results_day.urgent_alert, "Calcium given, GP told")
    banner.show_alerts(clinic.lab_results.open_alerts(NURSE, "M001"))
    assert banner.isHidden() and banner.text() == ""


def test_patient_view_shows_the_urgent_result_until_acknowledged(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay, runner: TaskRunner, icons: IconSet
) -> None:
    dialog = PatientDialog(clinic, NURSE, runner, icons, "M001")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.record is not None, timeout=10_000)
    assert not dialog.urgent_banner.isHidden()
    assert "URGENT Alice Archer (M001)" in dialog.urgent_banner.text()
    clinic.lab_results.acknowledge(NURSE, results_day.urgent_alert, "Calcium given, GP told")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    assert dialog.urgent_banner.isHidden()
    other = PatientDialog(clinic, NURSE, runner, icons, "M002")
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: other.record is not None, timeout=10_000)
    assert other.urgent_banner.isHidden()
    runner.wait(10_000)


def test_daily_list_marks_the_row_and_the_details(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay
) -> None:
    window = DailyListWindow(clinic, NURSE)
    qtbot.addWidget(window)
    window.go_to(SESSION_DAY)
    model = window.model
    row = model.row_of(results_day.stopped_session)
    other = model.row_of(results_day.other_session)
    assert row is not None and other is not None
    patient = model.data(model.index(row, SessionColumn.PATIENT))
    assert patient == "\u26a0 URGENT result: Alice Archer"
    tooltip = model.data(model.index(row, SessionColumn.PATIENT), Qt.ItemDataRole.ToolTipRole)
    assert "calcium" in tooltip
    assert model.data(model.index(other, SessionColumn.PATIENT)) == "Bob Baker"
    window.select_session(results_day.stopped_session)
    assert "URGENT Alice Archer (M001)" in window.details.text()
    clinic.lab_results.acknowledge(NURSE, results_day.urgent_alert, "Calcium given, GP told")
    with qtbot.waitSignal(model.dataChanged):
        window.refresh()
    assert model.data(model.index(row, SessionColumn.PATIENT)) == "Alice Archer"
    assert "URGENT" not in window.details.text()


def test_day_grid_details_show_the_urgent_result(
    qtbot: QtBot,
    clinic: Services,
    results_day: ResultsDay,
    runner: TaskRunner,
    icons: IconSet,
    tmp_path: Path,
) -> None:
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    assert main.day == SESSION_DAY  # the clinic's today
    assert main.grid_view.select_session(results_day.stopped_session)
    assert not main.details.urgent_banner.isHidden()
    assert "URGENT Alice Archer (M001)" in main.details.urgent_banner.text()
    assert main.grid_view.select_session(results_day.other_session)
    assert main.details.urgent_banner.isHidden()
    runner.wait(10_000)
