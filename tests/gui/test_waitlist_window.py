"""The Waitlist window: the model passes the model tester; a cancellation offers the freed slot
to the first patient the rules allow, and Book books it in one step."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.tasks import TaskRunner
from clinic_app.gui.waitlist.waitlist_window import WaitlistModel, WaitlistWindow
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, MANAGER

SLOT = "2026-11-26 10:00"


def _window(
    clinic: Services, runner: TaskRunner, qtbot: QtBot, actor: Any = DESK
) -> WaitlistWindow:
    window = WaitlistWindow(clinic, actor, runner, today=date(2026, 11, 23))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.task is None, timeout=10_000)
    return window


def test_the_model_passes_the_model_tester(qtmodeltester: Any, clinic: Services) -> None:
    clinic.waitlist.add(DESK, "M001", "zoledronic-acid", "2026-11-24", "2026-12-31", weekdays="02")
    clinic.waitlist.add(DESK, "M002", "denosumab", "2026-11-24", "2026-12-31", note="call first")
    model = WaitlistModel()
    qtmodeltester.check(model)
    model.set_rows(clinic.waitlist.entries(DESK))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 5)) == "Mon, Wed"


def test_cancel_offer_book_in_one_step(clinic: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", last_dose="2026-11-01")
    clinic.waitlist.add(DESK, "M001", "ferric-carboxymaltose", "2026-11-24", "2026-12-31")
    session = clinic.booking.book(
        DESK, BookingRequest("M004", "zoledronic-acid", SLOT, chair="Chair 1")
    ).session
    assert session.id is not None
    window = _window(clinic, runner, qtbot)
    # Added through the window's form, keyboard only.
    window.mrn_edit.setText("M002")
    window.therapy_box.setCurrentIndex(window.therapy_box.findData("zoledronic-acid"))
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)

    clinic.booking.cancel(DESK, session.id, "patient unwell")
    window.slot_freed(session.id)
    qtbot.waitUntil(lambda: window.banner.offer is not None, timeout=10_000)
    assert "Slot freed: offer to Bob Baker (fits the rules)" in window.banner.label.text()

    qtbot.mouseClick(window.banner.book_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.banner.offer is None and window.task is None, timeout=10_000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    sessions = clinic.queries.day(DESK, date(2026, 11, 26)).sessions
    (day,) = [s for s in sessions if s.status == "booked"]
    assert (day.mrn, day.chair, day.status) == ("M002", "Chair 1", "booked")
    assert "Booked Bob Baker" in window.message.text()


def test_a_manager_sees_the_list_and_cannot_change_it(
    clinic: Services, runner: TaskRunner, qtbot: QtBot
) -> None:
    clinic.waitlist.add(DESK, "M001", "zoledronic-acid", "2026-11-24", "2026-12-31")
    window = _window(clinic, runner, qtbot, MANAGER)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert not window.add_button.isEnabled()
    assert not window.withdraw_button.isEnabled()


def test_withdraw_the_selected_entry(clinic: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    clinic.waitlist.add(DESK, "M001", "zoledronic-acid", "2026-11-24", "2026-12-31")
    window = _window(clinic, runner, qtbot)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    window.table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    assert clinic.waitlist.entries(DESK) == []


def test_a_cancel_in_the_main_window_offers_the_slot_and_books_it(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    tmp_path: Any,
    monkeypatch: Any,
) -> None:
    from PySide6.QtCore import QSettings

    from clinic_app.gui.booking.cancel_dialog import CancelDialog
    from clinic_app.gui.main_window import MainWindow
    from clinic_app.gui.resources import IconSet

    clinic.waitlist.add(DESK, "M002", "zoledronic-acid", "2026-11-24", "2026-12-31")
    session = clinic.booking.book(
        DESK, BookingRequest("M004", "zoledronic-acid", SLOT, chair="Chair 1")
    ).session
    assert session.id is not None
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, DESK, settings=settings, runner=runner, icons=IconSet())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.go_to(date(2026, 11, 26))
    assert main.grid_view.select_session(session.id)
    monkeypatch.setattr(CancelDialog, "ask", classmethod(lambda cls, parent, s: "phoned"))
    main.cancel_action.trigger()
    qtbot.waitUntil(lambda: "waitlist" in main.tool_windows.windows, timeout=10_000)
    shown = main.tool_windows.windows["waitlist"]
    assert isinstance(shown, WaitlistWindow)
    qtbot.waitUntil(lambda: shown.banner.offer is not None, timeout=10_000)
    assert "offer to Bob Baker" in shown.banner.label.text()
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        shown.banner.book_button.click()
    booked = [
        s for s in clinic.queries.day(DESK, date(2026, 11, 26)).sessions if s.status == "booked"
    ]
    assert [(s.mrn, s.chair) for s in booked] == [("M002", "Chair 1")]
    runner.wait(10_000)
