"""The results list opens from the main window (menu and Ctrl+Shift+R) and from the daily
list, which also records the results of its selected lab draw (nurses only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.common.stopped_sessions import StoppedSessionsDialog
from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.results.record_dialog import RecordResultsDialog
from clinic_app.gui.results.results_window import ResultsWindow
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.clock import fixed_clock
from tests.conftest import DESK, LONDON, NURSE
from tests.gui.results.conftest import ResultsDay


def test_main_window_opens_the_results_list_by_keyboard(
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
    menu_actions = {a for m in main.menuBar().actions() if m.menu() for a in m.menu().actions()}
    assert main.results_action in menu_actions
    assert main.results_action.shortcut().toString() == "Ctrl+Shift+R"
    main.activateWindow()
    qtbot.keyClick(
        main.grid_view,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: isinstance(main.tool_windows.windows.get("results"), ResultsWindow))
    opened = main.tool_windows.windows["results"]
    assert isinstance(opened, ResultsWindow) and opened.model.rowCount() > 0
    assert main.open_results() is opened  # one window, brought to the front
    opened.close()
    runner.wait(10_000)


def test_daily_list_records_the_selected_draw(
    qtbot: QtBot,
    clinic: Services,
    results_day: ResultsDay,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The draws' own day, after they were taken: the daily list shows them.
    clinic.ctx.clock = fixed_clock(
        results_day.pending_lab.start.astimezone(LONDON).replace(hour=19, minute=0)
    )
    window = DailyListWindow(clinic, NURSE)
    qtbot.addWidget(window)
    window.go_to(results_day.pending_lab.start.date())
    row = next(
        n
        for n in range(window.lab_model.rowCount())
        if window.lab_model.lab(n).id == results_day.pending_lab.id
    )
    window.lab_table.selectRow(row)
    assert window.record_results_action.isVisible()

    def fill_and_save(dialog: RecordResultsDialog) -> int:
        dialog.set_values({"calcium": "2.30", "creatinine": "80", "vitamin-d": "70"})
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RecordResultsDialog, "exec", fill_and_save)
    monkeypatch.setattr(StoppedSessionsDialog, "tell", classmethod(lambda cls, *a: None))
    assert window.record_results() is True
    assert {r.test for r in clinic.lab_results.patient_results(NURSE, "M002")} == {
        "calcium",
        "creatinine",
        "vitamin-d",
    }
    results = window.open_results()
    assert isinstance(results, ResultsWindow)
    results.close()


def test_daily_list_offers_recording_to_nurses_only(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay
) -> None:
    window = DailyListWindow(clinic, DESK)
    qtbot.addWidget(window)
    assert not window.record_results_action.isVisible()
    assert window.record_results() is False
    assert window.results_action.shortcut().toString() == "Ctrl+Shift+R"
