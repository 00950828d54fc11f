"""The nurses' results list window: what it lists, acknowledging with a note, recording a
draw's results and weight, importing a file all or nothing, and what other roles see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.common.stopped_sessions import StoppedSessionsDialog
from clinic_app.gui.results.alert_dialogs import AcknowledgeDialog, ImportRefusedDialog
from clinic_app.gui.results.record_dialog import DrawToRecord, RecordResultsDialog
from clinic_app.gui.results.results_model import RowKind
from clinic_app.gui.results.results_window import ResultsWindow
from clinic_app.services.visit_views import SessionNotice
from tests.conftest import DESK, MANAGER, NURSE
from tests.gui.results.conftest import ResultsDay

NOTE = "Dr Lee called; calcium replaced, zoledronic acid postponed"


@pytest.fixture
def window(qtbot: QtBot, clinic: Services, results_day: ResultsDay) -> ResultsWindow:
    shown = ResultsWindow(clinic, NURSE)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def row_of(window: ResultsWindow, kind: RowKind, mrn: str) -> int:
    return next(
        n
        for n in range(window.model.rowCount())
        if window.model.item(n).kind is kind and window.model.item(n).mrn == mrn
    )


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[SessionNotice, ...]]:
    """The stopped-session notices the window would show (the modal part replaced)."""
    seen: list[tuple[SessionNotice, ...]] = []
    monkeypatch.setattr(
        StoppedSessionsDialog,
        "tell",
        classmethod(lambda cls, parent, notices, what: seen.append(tuple(notices))),
    )
    return seen


def test_the_window_lists_what_needs_a_nurse(window: ResultsWindow) -> None:
    assert window.model.count(RowKind.URGENT) == 1
    assert window.model.count(RowKind.STOPPED) >= 1
    assert window.model.count(RowKind.NOT_BACK) == 2
    summary = window.summary.text()
    assert summary.startswith("1 URGENT, 0 low after iron")
    assert "2 not back" in summary
    assert "Thursday 10 December 2026" in window.windowTitle()


def test_acknowledge_by_keyboard_asks_for_a_note(
    qtbot: QtBot,
    window: ResultsWindow,
    clinic: Services,
    results_day: ResultsDay,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []

    def ask(cls: Any, parent: Any, alert: Any) -> str:
        asked.append(alert.id)
        return NOTE

    monkeypatch.setattr(AcknowledgeDialog, "ask", classmethod(ask))
    window.select_row(row_of(window, RowKind.URGENT, "M001"))
    assert window.ack_action.isEnabled() and not window.record_action.isEnabled()
    window.activateWindow()
    window.table.setFocus()
    with qtbot.waitSignal(window.acknowledged) as blocker:
        qtbot.keyClick(window.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert asked == [results_day.urgent_alert]
    assert blocker.args[0].note == NOTE and blocker.args[0].acknowledged_by == NURSE.username
    assert window.model.count(RowKind.URGENT) == 0
    assert clinic.lab_results.open_alerts(NURSE, "M001") == ()


def test_a_cancelled_acknowledgement_changes_nothing(
    window: ResultsWindow, clinic: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AcknowledgeDialog, "ask", classmethod(lambda cls, parent, alert: None))
    window.select_row(row_of(window, RowKind.URGENT, "M001"))
    assert window.acknowledge_selected() is False
    assert len(clinic.lab_results.open_alerts(NURSE, "M001")) == 1


def test_acknowledge_dialog_button_follows_the_note(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay
) -> None:
    (alert,) = clinic.lab_results.open_alerts(NURSE, "M001")
    dialog = AcknowledgeDialog(alert)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Acknowledge URGENT alert"
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith("URGENT Alice Archer (M001): ") for t in texts)
    assert not dialog.ok_button.isEnabled()
    dialog.note.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.note.setPlainText(NOTE)
    assert dialog.ok_button.isEnabled() and dialog.note_text() == NOTE
    assert dialog.ok_button.text() == "&Acknowledge"


def test_record_results_of_a_draw_not_back_with_the_weight(
    qtbot: QtBot,
    window: ResultsWindow,
    clinic: Services,
    results_day: ResultsDay,
    told: list[tuple[SessionNotice, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill_and_save(dialog: RecordResultsDialog) -> int:
        assert tuple(dialog.value_edits) == results_day.pending_lab.tests
        assert dialog.unit_edits["creatinine"].text() == "umol/L"
        dialog.set_values({"calcium": "1.85", "creatinine": "80", "vitamin-d": "70"})
        dialog.weight_edit.setText("72.5")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RecordResultsDialog, "exec", fill_and_save)
    window.select_row(row_of(window, RowKind.NOT_BACK, "M002"))
    assert window.record_action.isEnabled()
    with qtbot.waitSignal(window.recorded) as blocker:
        window.record_action.trigger()
    outcome = blocker.args[0]
    assert {r.test for r in outcome.results} == {"calcium", "creatinine", "vitamin-d"}
    assert [a.level for a in outcome.alerts] == ["URGENT"]
    # The low calcium stops Bob Baker's zoledronic acid: the nurse is told which and why.
    (notices,) = told
    assert [n.session_id for n in notices] == [results_day.other_session]
    assert "A8" in {f.rule for f in notices[0].findings}
    assert window.model.count(RowKind.URGENT) == 2
    with pytest.raises(StopIteration):
        row_of(window, RowKind.NOT_BACK, "M002")
    clearance = clinic.lab_results.clearance(NURSE, "M002")
    assert clearance.weight_kg == 72.5
    assert "mL/min" in window.statusBar().currentMessage()


def test_a_refused_result_names_the_field_and_writes_nothing(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay
) -> None:
    lab = results_day.pending_lab
    units = clinic.lab_results.test_units(NURSE)
    dialog = RecordResultsDialog(clinic, NURSE, DrawToRecord.of_lab(lab), units)
    qtbot.addWidget(dialog)
    assert dialog.drawn_at() == f"{lab.start:%Y-%m-%dT%H:%M}"
    assert dialog.save() is None  # nothing typed
    assert dialog.error_label.text() == "Type at least one value, or the weight."
    dialog.set_values({"calcium": "9.2", "creatinine": "80"})
    dialog.unit_edits["calcium"].setText("mg/dL")
    assert dialog.save() is None
    assert dialog.error_label.isVisibleTo(dialog)
    assert "unit" in dialog.error_label.text().lower()
    assert "mmol/L" in dialog.error_label.text()
    assert clinic.lab_results.patient_results(NURSE, "M002") == ()


def test_import_refused_lists_every_line_and_imports_nothing(
    window: ResultsWindow,
    clinic: Services,
    results_day: ResultsDay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lab = results_day.pending_lab
    bad = tmp_path / "batch.csv"
    bad.write_text(
        "mrn,lab_id,test,value,unit\n"
        f"M002,{lab.id},creatinine,80,umol/L\n"
        f"M002,{lab.id},calcium,9.2,mg/dL\n"
        f"M999,{lab.id},calcium,2.3,mmol/L\n"
    )
    shown: list[tuple[str, tuple[Any, ...]]] = []
    monkeypatch.setattr(
        ImportRefusedDialog,
        "tell",
        classmethod(lambda cls, parent, source, problems: shown.append((source, problems))),
    )
    assert window.import_file(bad) is None
    ((source, problems),) = shown
    assert source == "batch.csv"
    assert [p.where for p in problems] == ["line 3", "line 4"]
    assert "mg/dL" in problems[0].describe() and "M999" in problems[1].describe()
    assert clinic.lab_results.patient_results(NURSE, "M002") == ()
    assert window.statusBar().currentMessage() == "Nothing imported from batch.csv"


def test_import_refused_dialog_lists_the_lines(qtbot: QtBot) -> None:
    from clinic_app.services.visit_views import ImportProblem

    dialog = ImportRefusedDialog(
        "batch.csv",
        (ImportProblem("line 3", "unit: calcium is recorded in mmol/L (SI), got 'mg/dL'"),),
    )
    qtbot.addWidget(dialog)
    assert dialog.problems.count() == 1
    assert dialog.problems.item(0).text().startswith("line 3: unit: calcium")


def test_import_a_good_file(
    qtbot: QtBot,
    window: ResultsWindow,
    clinic: Services,
    results_day: ResultsDay,
    tmp_path: Path,
    told: list[tuple[SessionNotice, ...]],
) -> None:
    lab = results_day.pending_lab
    good = tmp_path / "good.csv"
    good.write_text(
        "mrn,lab_id,test,value,unit\n"
        f"M002,{lab.id},creatinine,80,umol/L\n"
        f"M002,{lab.id},calcium,2.31,mmol/L\n"
    )
    with qtbot.waitSignal(window.recorded):
        outcome = window.import_file(good)
    assert outcome is not None and len(outcome.results) == 2
    assert len(clinic.lab_results.patient_results(NURSE, "M002")) == 2
    assert window.statusBar().currentMessage().startswith("2 results imported from good.csv")


@pytest.mark.parametrize("actor", [DESK, MANAGER], ids=["front-desk", "manager"])
def test_other_roles_read_the_list_only(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay, actor: Any
) -> None:
    shown = ResultsWindow(clinic, actor)
    qtbot.addWidget(shown)
    assert shown.model.count(RowKind.URGENT) == 1
    for action in (shown.record_action, shown.import_action, shown.ack_action):
        assert not action.isVisible()
    shown.select_row(row_of(shown, RowKind.URGENT, "M001"))
    assert not shown.ack_action.isEnabled()
    assert shown.acknowledge_selected() is False
    assert shown.record_selected() is None
    assert len(clinic.lab_results.open_alerts(NURSE, "M001")) == 1


def test_stopped_sessions_dialog_lists_each_reason(
    qtbot: QtBot, clinic: Services, results_day: ResultsDay
) -> None:
    from clinic_app.services.lab_results import ResultEntry

    lab = results_day.pending_lab
    assert lab.id is not None
    outcome = clinic.lab_results.record_results(
        NURSE, lab.id, [ResultEntry("calcium", 1.95, "mmol/L")]
    )
    dialog = StoppedSessionsDialog(outcome.stopped_sessions, "The results just recorded stop them.")
    qtbot.addWidget(dialog)
    assert dialog.list.count() >= 1
    line = dialog.list.item(0).text()
    assert line.startswith("Thu 10 Dec 11:30, Chair 2: Zoledronic acid for Bob Baker (M002)")
    assert line.count("BLOCK: ") == 1 and line.endswith("(rule A8)")
