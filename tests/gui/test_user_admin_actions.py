"""The users window's Deactivate/Activate and Change role actions: through the services,
keyboard reachable, refusals shown in the window, the user's sessions ended."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui.admin import user_admin
from clinic_app.gui.admin.user_admin import RoleDialog, UserAdminWindow
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import AuthenticationError
from clinic_app.services.clock import fixed_clock
from clinic_app.services.sessions import SessionExpiredError
from tests.conftest import NOW

PASSWORD = "correct horse battery"
ADA = Actor("ada.admin", Role.ADMIN)


@pytest.fixture
def services(sqlite_url: str) -> Iterator[Services]:
    built = open_services(sqlite_url, clock=fixed_clock(NOW))
    admin = built.auth.create_first_admin("ada.admin", PASSWORD, "Ada Admin")
    built.auth.add_user(admin, "fred.desk", Role.FRONT_DESK, PASSWORD, "Fred Desk")
    yield built
    built.engine.dispose()


def admin_window(qtbot: QtBot, services: Services) -> UserAdminWindow:
    window = UserAdminWindow(services, ADA)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    """Answer the deactivation question with ``yes``; returns the users it was asked about."""
    asked: list[str] = []

    def confirm(user: Any, parent: Any = None) -> bool:
        asked.append(user.username)
        return yes

    monkeypatch.setattr(user_admin, "confirm_deactivation", confirm)
    return asked


def test_actions_need_a_selection_and_have_mnemonics(qtbot: QtBot, services: Services) -> None:
    window = admin_window(qtbot, services)
    assert not window.active_button.isEnabled() and not window.role_button.isEnabled()
    window.select_user("fred.desk")
    assert window.active_button.isEnabled() and window.role_button.isEnabled()
    for button in (window.active_button, window.role_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Alt+D and Alt+O reach them, and no other button of the window has the same letter.
    keys = [b.shortcut().toString() for b in window.findChildren(QPushButton)]
    assert window.active_button.shortcut().toString() == "Alt+D"
    assert window.role_button.shortcut().toString() == "Alt+O"
    assert len(keys) == len(set(keys))


def test_deactivate_after_yes_then_activate(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = services.sessions.login("fred.desk", PASSWORD, client="10.0.0.7")
    window = admin_window(qtbot, services)
    asked = answer(monkeypatch, yes=False)
    window.select_user("fred.desk")
    assert not window.toggle_active()  # "No": nothing changes
    assert asked == ["fred.desk"]
    assert services.sessions.actor_for(issued.token).username == "fred.desk"

    answer(monkeypatch, yes=True)
    window.select_user("fred.desk")
    with qtbot.waitSignal(window.users_changed):
        qtbot.mouseClick(window.active_button, Qt.MouseButton.LeftButton)
    assert window.selected_user() is not None
    assert window.selected_user().active is False  # type: ignore[union-attr]
    assert "deactivated" in window.status.text()
    assert window.active_button.text() == "Ac&tivate"
    with pytest.raises(SessionExpiredError):
        services.sessions.actor_for(issued.token)
    with pytest.raises(AuthenticationError):
        services.auth.authenticate("fred.desk", PASSWORD)

    with qtbot.waitSignal(window.users_changed):
        assert window.toggle_active()  # activating asks nothing
    assert window.selected_user().active is True  # type: ignore[union-attr]
    assert services.auth.authenticate("fred.desk", PASSWORD).role is Role.FRONT_DESK


def test_the_last_administrator_refusal_is_shown(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = admin_window(qtbot, services)
    answer(monkeypatch, yes=True)
    window.select_user("ada.admin")
    assert not window.toggle_active()
    assert window.error.isVisible()
    assert "last active administrator" in window.error.text()
    assert services.auth.authenticate("ada.admin", PASSWORD).role is Role.ADMIN


def test_role_dialog_changes_the_role_and_ends_sessions(qtbot: QtBot, services: Services) -> None:
    issued = services.sessions.login("fred.desk", PASSWORD, client="10.0.0.7")
    fred = next(u for u in services.auth.users(ADA) if u.username == "fred.desk")
    dialog = RoleDialog(services, ADA, fred)
    qtbot.addWidget(dialog)
    assert dialog.chosen_role() is Role.FRONT_DESK  # starts at the current role
    dialog.set_role(Role.NURSE)
    assert dialog.try_change()
    assert dialog.user is not None and dialog.user.role is Role.NURSE
    with pytest.raises(SessionExpiredError):
        services.sessions.actor_for(issued.token)


def test_role_dialog_shows_the_last_admin_refusal(qtbot: QtBot, services: Services) -> None:
    ada = next(u for u in services.auth.users(ADA) if u.username == "ada.admin")
    dialog = RoleDialog(services, ADA, ada)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_role(Role.MANAGER)
    assert not dialog.try_change()
    assert "last active administrator" in dialog.form.general.text()
    assert dialog.form.general.isVisible()


def test_the_window_changes_a_role_through_its_dialog(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = admin_window(qtbot, services)

    def ask(services: Services, actor: Actor, user: Any, parent: Any = None) -> Any:
        return services.auth.set_role(actor, user.username, Role.MANAGER)

    monkeypatch.setattr(RoleDialog, "ask", ask)
    window.select_user("fred.desk")
    window.role_button.setFocus()
    with qtbot.waitSignal(window.users_changed):  # the focused button, from the keyboard
        qtbot.keyClick(window.role_button, Qt.Key.Key_Space)
    assert window.selected_user().role is Role.MANAGER  # type: ignore[union-attr]
    assert "is now Manager" in window.status.text()
