"""The check-in gate in the GUI: the daily list's and the main window's Arrived / In chair
actions show the findings that stop a check-in and retry with a nurse's override; a HARD
refusal offers no override; a user who may not override sees the reasons only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import RuleRefusalError
from clinic_app.domain.findings import Finding, Severity
from clinic_app.gui.check_in.override_dialog import CheckInOverrideDialog, is_gate_refusal
from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.results import SessionView
from tests.conftest import DESK, LONDON, NURSE
from tests.gui.conftest import CONSULTED

REASON = "Creatinine normal last week at the GP; prescriber agrees"


@pytest.fixture
def zol_today(clinic: Services) -> int:
    """Zoledronic acid at 10:00 today with no creatinine or calcium on file (R1 at check-in);
    the clock at 09:30 on the day."""
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", "2026-11-23T10:00", "Chair 1")
    )
    assert outcome.session.id is not None
    clinic.ctx.clock = fixed_clock(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))
    return outcome.session.id


def status_of(clinic: Services, session_id: int) -> SessionView:
    sessions, _ = clinic.queries.patient_schedule(NURSE, "M001")
    return next(s for s in sessions if s.id == session_id)


def test_daily_list_arrived_refused_then_overridden_by_the_nurse(
    qtbot: QtBot, clinic: Services, zol_today: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = DailyListWindow(clinic, NURSE)
    qtbot.addWidget(window)
    window.select_session(zol_today)
    shown: list[RuleRefusalError] = []

    def ask(cls: Any, parent: Any, actor: Any, icons: Any, session: Any, status: str, error: Any):
        shown.append(error)
        return (REASON, CONSULTED)

    monkeypatch.setattr(CheckInOverrideDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(window.status_changed) as blocker:
        window.status_actions["arrived"].trigger()
    assert blocker.args == [zol_today, "arrived"]
    (refusal,) = shown
    assert refusal.overridable and {f.rule for f in refusal.findings} == {"R1"}
    after = status_of(clinic, zol_today)
    assert after.status == "arrived"
    overridden = [f for f in after.findings if f.rule == "R1"]
    assert overridden and all(f.override_reason == REASON for f in overridden)
    assert all(f.consulted == CONSULTED for f in overridden)


def test_daily_list_cancelled_override_changes_nothing(
    qtbot: QtBot, clinic: Services, zol_today: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = DailyListWindow(clinic, NURSE)
    qtbot.addWidget(window)
    window.select_session(zol_today)
    monkeypatch.setattr(CheckInOverrideDialog, "ask", classmethod(lambda cls, *args: None))
    with qtbot.assertNotEmitted(window.status_changed):
        assert window.change_status("in-chair") is False
    assert status_of(clinic, zol_today).status == "booked"


def test_main_window_in_chair_refused_then_overridden(
    qtbot: QtBot,
    clinic: Services,
    zol_today: int,
    runner: TaskRunner,
    icons: IconSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    assert main.grid_view.select_session(zol_today)
    asked: list[tuple[str, int | None]] = []

    def ask(cls: Any, parent: Any, actor: Any, icons: Any, session: Any, status: str, error: Any):
        asked.append((status, session.id))
        return (REASON, CONSULTED)

    monkeypatch.setattr(CheckInOverrideDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(main.action_done, timeout=10_000) as blocker:
        main.status_actions["arrived"].trigger()
    assert asked == [("arrived", zol_today)]
    assert "Arrived" in blocker.args[0] or "arrived" in blocker.args[0]
    assert status_of(clinic, zol_today).status == "arrived"
    runner.wait(10_000)


def test_main_window_gives_up_when_no_override_is_given(
    qtbot: QtBot,
    clinic: Services,
    zol_today: int,
    runner: TaskRunner,
    icons: IconSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    assert main.grid_view.select_session(zol_today)
    monkeypatch.setattr(CheckInOverrideDialog, "ask", classmethod(lambda cls, *args: None))
    with qtbot.waitSignal(main.action_done, timeout=10_000):
        main.status_actions["arrived"].trigger()
    assert main.banner.level == "error"
    assert "R1" in main.banner.detail.text()
    assert status_of(clinic, zol_today).status == "booked"
    runner.wait(10_000)


def _session(clinic: Services, session_id: int) -> SessionView:
    return status_of(clinic, session_id)


def test_dialog_for_a_nurse_on_a_block_needs_reason_and_prescriber(
    qtbot: QtBot, clinic: Services, zol_today: int, icons: IconSet
) -> None:
    with pytest.raises(RuleRefusalError) as refused:
        clinic.booking.set_status(NURSE, zol_today, "arrived")
    assert is_gate_refusal(refused.value, "arrived")
    assert not is_gate_refusal(refused.value, "completed")
    dialog = CheckInOverrideDialog(
        NURSE, icons, _session(clinic, zol_today), "arrived", refused.value
    )
    qtbot.addWidget(dialog)
    assert dialog.panel.override_shown
    assert dialog.panel.findings_model.rowCount() == 2
    assert dialog.override_button is not None and not dialog.override_button.isEnabled()
    dialog.panel.override_edit.setText(REASON)
    assert not dialog.override_button.isEnabled()
    dialog.panel.consulted_edit.setText(CONSULTED)
    assert dialog.override_button.isEnabled()
    assert dialog.override() == (REASON, CONSULTED)
    # Keyboard: the mnemonics reach the fields and the button.
    assert "&" in dialog.override_button.text()
    assert dialog.panel.override_label.buddy() is dialog.panel.override_edit
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.override_button, Qt.Key.Key_Space)


def test_dialog_on_a_hard_refusal_offers_no_override(
    qtbot: QtBot, clinic: Services, zol_today: int, icons: IconSet
) -> None:
    hard = RuleRefusalError(
        "a HARD rule stops session at check-in (A6)",
        [Finding("A6", Severity.HARD, "Creatinine clearance 28 mL/min is below 35 mL/min")],
        overridable=False,
    )
    dialog = CheckInOverrideDialog(NURSE, icons, _session(clinic, zol_today), "arrived", hard)
    qtbot.addWidget(dialog)
    assert dialog.panel.state == "refused"
    assert not dialog.panel.override_shown
    assert dialog.override_button is None and dialog.override() is None
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
    assert "A6" in dialog.panel.findings_model.data(dialog.panel.findings_model.index(0, 1))


def test_dialog_for_a_user_who_may_not_override_shows_reasons_only(
    qtbot: QtBot, clinic: Services, zol_today: int, icons: IconSet
) -> None:
    with pytest.raises(RuleRefusalError) as refused:
        clinic.booking.set_status(NURSE, zol_today, "arrived")
    dialog = CheckInOverrideDialog(
        DESK, icons, _session(clinic, zol_today), "arrived", refused.value
    )
    qtbot.addWidget(dialog)
    assert not dialog.may_override and not dialog.panel.override_shown
    assert dialog.override_button is None
    assert "only a nurse" in dialog.panel.banner.text()
    assert dialog.panel.findings_model.rowCount() == 2
