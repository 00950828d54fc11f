"""The idle lock, the unlock prompt and switching users (pytest-qt, short timeouts)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui.session.login_dialog import LoginDialog
from clinic_app.gui.session.session_guard import LockCover, SessionGuard
from clinic_app.services.actor import Actor, Role
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW

PASSWORD = "correct horse battery"
ADA = Actor("ada.admin", Role.ADMIN)
NINA = Actor("nina.nurse", Role.NURSE)
IDLE_MS = 150


@pytest.fixture
def services(sqlite_url: str) -> Iterator[Services]:
    """A database with the administrator ada.admin and the nurse nina.nurse."""
    built = open_services(sqlite_url, clock=fixed_clock(NOW))
    admin = built.auth.create_first_admin("ada.admin", PASSWORD, "Ada Admin")
    built.auth.add_user(admin, "nina.nurse", Role.NURSE, PASSWORD, "Nina Nurse")
    yield built
    built.engine.dispose()


class Desk:
    """A main window with a booking-like dialog open on it, holding unsaved text."""

    def __init__(self, qtbot: QtBot) -> None:
        self.window = QMainWindow()
        self.window.setWindowTitle("Day view")
        self.window.setCentralWidget(QLabel("Alice Archer 09:00 Chair 1"))
        self.window.resize(640, 400)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.dialog = QDialog(self.window)
        self.dialog.setWindowTitle("Book - Alice Archer")
        self.note = QLineEdit(self.dialog)
        QVBoxLayout(self.dialog).addWidget(self.note)
        self.dialog.open()
        qtbot.waitExposed(self.dialog)
        self.note.setFocus()
        self.note.setText("half-typed override reason")
        self.note.setCursorPosition(9)


@pytest.fixture
def desk(qtbot: QtBot) -> Desk:
    return Desk(qtbot)


def covers(widget: QWidget) -> list[LockCover]:
    found = widget.findChildren(LockCover, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [c for c in found if c.isVisible()]


def guard_for(services: Services, desk: Desk, idle_ms: int = IDLE_MS) -> SessionGuard:
    return SessionGuard(services, desk.window, ADA, idle_ms=idle_ms)


def test_idle_time_locks_and_the_password_unlocks_keeping_unsaved_state(
    qtbot: QtBot, services: Services, desk: Desk
) -> None:
    guard = guard_for(services, desk)

    with qtbot.waitSignal(guard.locked, timeout=20_000):
        pass

    assert guard.is_locked
    prompt = guard.prompt
    assert prompt is not None and prompt.isVisible()
    assert prompt.username.text() == "ada.admin" and prompt.username.isReadOnly()
    assert prompt.isModal()
    for window in (desk.window, desk.dialog):
        (cover,) = covers(window)
        assert cover.geometry() == window.rect()
        assert "Alice" not in window.windowTitle()
    assert desk.dialog.isVisible()  # covered, not closed

    prompt.password.setText("wrong password!")
    assert not prompt.try_login()
    assert guard.is_locked and prompt.isVisible()
    assert "not right" in prompt.error.text()

    with qtbot.waitSignal(guard.unlocked, timeout=20_000) as blocker:
        prompt.password.setText(PASSWORD)
        qtbot.keyClick(prompt.password, Qt.Key.Key_Return)

    assert blocker.args == [ADA]
    assert not guard.is_locked
    assert guard.actor == ADA
    assert desk.dialog.isVisible()
    assert desk.note.text() == "half-typed override reason"
    assert desk.note.cursorPosition() == 9
    assert covers(desk.window) == [] and covers(desk.dialog) == []
    assert desk.window.windowTitle() == "Day view"
    assert desk.dialog.windowTitle() == "Book - Alice Archer"


def test_a_dialog_in_its_own_event_loop_survives_the_lock(
    qtbot: QtBot, services: Services, desk: Desk
) -> None:
    """Booking dialogs run in ``exec()``: the lock and unlock happen inside that loop."""
    desk.dialog.reject()
    modal = QDialog(desk.window)
    line = QLineEdit(modal)
    line.setText("unsaved phone number")
    guard = guard_for(services, desk)
    seen: dict[str, object] = {}

    def on_locked() -> None:
        assert guard.prompt is not None
        seen["covered"] = len(covers(modal))
        guard.prompt.password.setText(PASSWORD)
        QTimer.singleShot(20, guard.prompt.try_login)

    def on_unlocked(actor: Actor) -> None:
        seen["text"] = line.text()
        seen["visible"] = modal.isVisible()
        modal.accept()

    guard.locked.connect(on_locked)
    guard.unlocked.connect(on_unlocked)
    QTimer.singleShot(10_000, modal.reject)  # never hang the test run

    assert modal.exec() == QDialog.DialogCode.Accepted
    assert seen == {"covered": 1, "text": "unsaved phone number", "visible": True}


def test_the_cover_follows_the_window_size(qtbot: QtBot, services: Services, desk: Desk) -> None:
    guard = guard_for(services, desk, idle_ms=60_000)
    guard.lock_now()
    desk.window.resize(800, 500)
    qtbot.waitUntil(lambda: covers(desk.window)[0].geometry() == desk.window.rect())


class ManualClock:
    """A monotonic millisecond clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now_ms = 0

    def __call__(self) -> int:
        return self.now_ms


def test_input_postpones_the_lock(qtbot: QtBot, services: Services, desk: Desk) -> None:
    clock = ManualClock()
    guard = SessionGuard(services, desk.window, ADA, idle_ms=400, clock_ms=clock)
    # A key press every 100 ms for a whole second: never 400 ms without input.
    for _ in range(10):
        clock.now_ms += 100
        qtbot.keyClick(desk.note, Qt.Key.Key_End)
        guard.check_idle()
        assert not guard.is_locked
    clock.now_ms += 399
    guard.check_idle()
    assert not guard.is_locked
    with qtbot.waitSignal(guard.locked, timeout=20_000):
        clock.now_ms += 1  # 400 ms since the last key press
        guard.check_idle()
    assert guard.is_locked


def test_escape_does_not_unlock(qtbot: QtBot, services: Services, desk: Desk) -> None:
    guard = guard_for(services, desk, idle_ms=60_000)
    guard.lock_now()
    assert guard.prompt is not None
    with qtbot.assertNotEmitted(guard.unlocked):
        qtbot.keyClick(guard.prompt.password, Qt.Key.Key_Escape)
        guard.prompt.close()
    assert guard.is_locked and guard.prompt.isVisible()


def test_another_user_can_log_in_from_the_lock_prompt(
    qtbot: QtBot, services: Services, desk: Desk
) -> None:
    guard = guard_for(services, desk, idle_ms=60_000)
    guard.lock_now()
    prompt = guard.prompt
    assert prompt is not None
    prompt.allow_other_user()
    prompt.username.setText("nina.nurse")
    prompt.password.setText(PASSWORD)

    events: list[tuple[str, Actor]] = []
    guard.user_changed.connect(lambda actor: events.append(("user_changed", actor)))
    guard.unlocked.connect(lambda actor: events.append(("unlocked", actor)))

    with qtbot.waitSignal(guard.unlocked, timeout=20_000):
        assert prompt.try_login()

    assert events == [("user_changed", NINA), ("unlocked", NINA)]
    assert guard.actor == NINA
    assert not guard.is_locked
    assert not desk.dialog.isVisible()  # the previous user's dialog is closed, never saved
    assert desk.window.isVisible() and covers(desk.window) == []


def test_switch_user_emits_user_changed(
    qtbot: QtBot, services: Services, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    guard = guard_for(services, desk, idle_ms=60_000)

    def ask(services: Services, parent: Any = None, **kwargs: Any) -> Actor:
        return services.auth.authenticate("nina.nurse", PASSWORD)

    monkeypatch.setattr(LoginDialog, "ask", ask)

    with qtbot.waitSignal(guard.user_changed, timeout=20_000) as blocker:
        assert guard.switch_user() == NINA

    assert blocker.args == [NINA]
    assert guard.actor == NINA
    assert not desk.dialog.isVisible()
    assert desk.window.isVisible()


def test_switch_user_cancelled_or_same_user_changes_nothing(
    qtbot: QtBot, services: Services, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    guard = guard_for(services, desk, idle_ms=60_000)
    answers: list[Actor | None] = [None, ADA]
    monkeypatch.setattr(LoginDialog, "ask", lambda *a, **k: answers.pop(0))

    with qtbot.assertNotEmitted(guard.user_changed):
        assert guard.switch_user() is None
        assert guard.switch_user() == ADA

    assert guard.actor == ADA
    assert desk.dialog.isVisible()
    assert desk.note.text() == "half-typed override reason"


def test_stop_ends_the_watch(qtbot: QtBot, services: Services, desk: Desk) -> None:
    guard = guard_for(services, desk, idle_ms=IDLE_MS)
    guard.stop()
    with qtbot.assertNotEmitted(guard.locked, wait=3 * IDLE_MS):
        pass
    assert not guard.is_locked


def test_a_closed_window_is_not_locked(qtbot: QtBot, services: Services, desk: Desk) -> None:
    guard = guard_for(services, desk, idle_ms=IDLE_MS)
    desk.window.close()
    with qtbot.assertNotEmitted(guard.locked, wait=3 * IDLE_MS):
        pass
    assert not guard.is_locked
