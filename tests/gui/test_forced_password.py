"""A password change an administrator required comes first at login (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui.admin.user_admin import PasswordDialog, UserAdminWindow
from clinic_app.gui.session.login_dialog import LoginDialog
from clinic_app.services.actor import Actor, Role
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new secret 9"


@pytest.fixture
def clinic(sqlite_url: str) -> Iterator[Services]:
    services = open_services(sqlite_url, clock=fixed_clock(NOW))
    admin = services.auth.create_first_admin("ada.admin", PASSWORD)
    services.auth.add_user(admin, "fred.desk", "front-desk", PASSWORD)
    yield services
    services.engine.dispose()


def _login(qtbot: QtBot, services: Services) -> LoginDialog:
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username, "fred.desk")
    dialog.password.setText(PASSWORD)
    return dialog


def test_the_administrator_requires_it_and_the_login_asks_first(
    qtbot: QtBot, clinic: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = Actor("ada.admin", Role.ADMIN)
    window = UserAdminWindow(clinic, admin)
    qtbot.addWidget(window)
    window.select_user("fred.desk")
    assert window.force_button.isEnabled()
    qtbot.mouseClick(window.force_button, Qt.MouseButton.LeftButton)
    assert "must set a new password" in window.status.text()
    assert window.model.state_text(window.selected_user()) == "active, must set a new password"  # type: ignore[arg-type]

    asked: list[str] = []

    def cancel(dialog: PasswordDialog) -> int:
        asked.append(dialog.intro.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PasswordDialog, "exec", cancel)
    dialog = _login(qtbot, clinic)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "asks you to set a new password" in asked[0]
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    assert dialog.error.text() == "Set a new password to continue."

    def set_new(dialog: PasswordDialog) -> int:
        dialog.password.setText(NEW_PASSWORD)
        dialog.repeat.setText(NEW_PASSWORD)
        return QDialog.DialogCode.Accepted if dialog.try_set() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(PasswordDialog, "exec", set_new)
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == Actor("fred.desk", Role.FRONT_DESK)
    assert clinic.auth.password_change_required(dialog.actor) is False
    assert clinic.auth.authenticate("fred.desk", NEW_PASSWORD) == dialog.actor
