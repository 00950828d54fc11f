"""The administrators' users window and its add-user and password dialogs (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui.admin.user_admin import (
    AddUserDialog,
    PasswordDialog,
    UserAdminWindow,
    UserColumn,
    UserTableModel,
)
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import MAX_FAILED_ATTEMPTS, AuthenticationError
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new secret"
ADA = Actor("ada.admin", Role.ADMIN)


@pytest.fixture
def services(sqlite_url: str) -> Iterator[Services]:
    """The administrator ada.admin and the front-desk clerk fred.desk."""
    built = open_services(sqlite_url, clock=fixed_clock(NOW))
    admin = built.auth.create_first_admin("ada.admin", PASSWORD, "Ada Admin")
    built.auth.add_user(admin, "fred.desk", Role.FRONT_DESK, PASSWORD, "Fred Desk")
    yield built
    built.engine.dispose()


def row_cells(model: UserTableModel, row: int) -> list[str]:
    return [model.data(model.index(row, int(c))) for c in UserColumn]


def admin_window(qtbot: QtBot, services: Services, actor: Actor = ADA) -> UserAdminWindow:
    window = UserAdminWindow(services, actor)
    qtbot.addWidget(window)
    window.show()
    return window


def test_user_model_passes_the_model_tester(qtmodeltester: Any, services: Services) -> None:
    model = UserTableModel()
    model.set_users(services.auth.users(ADA), NOW)
    qtmodeltester.check(model)
    model.set_users([])
    qtmodeltester.check(model)


def test_the_window_lists_the_users(qtbot: QtBot, services: Services) -> None:
    window = admin_window(qtbot, services)
    assert [row_cells(window.model, r) for r in range(window.model.rowCount())] == [
        ["ada.admin", "Ada Admin", "Administrator", "active"],
        ["fred.desk", "Fred Desk", "Front desk", "active"],
    ]
    assert not window.reset_button.isEnabled()  # nothing selected yet
    window.select_user("fred.desk")
    assert window.reset_button.isEnabled()


def test_a_locked_user_shows_until_when(qtbot: QtBot, services: Services) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            services.auth.authenticate("fred.desk", "wrong password!")
    window = admin_window(qtbot, services)
    assert row_cells(window.model, 1)[3].startswith("locked until 2026-11-23 07:15")


def test_front_desk_is_refused_with_a_message(qtbot: QtBot, services: Services) -> None:
    window = admin_window(qtbot, services, Actor("fred.desk", Role.FRONT_DESK))
    assert window.error.isVisible()
    assert window.error.text().startswith("Not permitted for your role")
    assert window.model.rowCount() == 0
    assert not window.add_button.isEnabled()
    assert not window.reset_button.isEnabled()


def test_add_user_dialog_adds_a_nurse(qtbot: QtBot, services: Services) -> None:
    dialog = AddUserDialog(services, ADA)
    qtbot.addWidget(dialog)
    dialog.username.setText("nina.nurse")
    dialog.full_name.setText("Nina Nurse")
    dialog.set_role(Role.NURSE)
    assert dialog.chosen_role() is Role.NURSE
    assert dialog.role_hint is not None
    assert "clinical overrides" in dialog.role_hint.text()
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)

    assert dialog.try_add()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.role is Role.NURSE
    assert dialog.password.text() == dialog.repeat.text() == ""
    assert services.auth.authenticate("nina.nurse", PASSWORD) == Actor("nina.nurse", Role.NURSE)


@pytest.mark.parametrize(
    ("username", "password", "repeat", "field", "words"),
    [
        ("Nina", PASSWORD, PASSWORD, "username", "lower-case"),
        ("fred.desk", PASSWORD, PASSWORD, "username", "already exists"),
        ("nina.nurse", "short", "short", "password", "at least 10"),
        ("nina.nurse", PASSWORD, "other", "repeat", "not the same"),
    ],
)
def test_add_user_dialog_says_what_is_wrong_next_to_the_field(
    qtbot: QtBot,
    services: Services,
    username: str,
    password: str,
    repeat: str,
    field: str,
    words: str,
) -> None:
    dialog = AddUserDialog(services, ADA)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.repeat.setText(repeat)

    assert not dialog.try_add()

    assert words in dialog.form.message(field)
    assert all(dialog.form.message(other) == "" for other in dialog.form.errors if other != field)
    assert len(services.auth.users(ADA)) == 2


def test_reset_password_unlocks_and_sets_the_new_one(qtbot: QtBot, services: Services) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            services.auth.authenticate("fred.desk", "wrong password!")
    dialog = PasswordDialog(services, ADA, "fred.desk")
    qtbot.addWidget(dialog)
    dialog.password.setText(NEW_PASSWORD)
    dialog.repeat.setText(NEW_PASSWORD)

    assert dialog.try_set()

    assert dialog.password.text() == ""
    assert services.auth.authenticate("fred.desk", NEW_PASSWORD).username == "fred.desk"


def test_the_window_adds_and_resets_through_its_dialogs(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = admin_window(qtbot, services)

    def add(services: Services, actor: Actor, parent: Any = None) -> Any:
        return services.auth.add_user(actor, "mia.manager", Role.MANAGER, PASSWORD, "Mia")

    def reset(services: Services, actor: Actor, username: str, parent: Any = None) -> bool:
        services.auth.set_password(actor, username, NEW_PASSWORD)
        return True

    monkeypatch.setattr(AddUserDialog, "ask", add)
    monkeypatch.setattr(PasswordDialog, "ask", reset)

    with qtbot.waitSignal(window.users_changed):
        assert window.add_user() is not None
    assert [u.username for u in window.model.users()] == ["ada.admin", "fred.desk", "mia.manager"]
    assert window.selected_user() is not None
    assert window.selected_user().username == "mia.manager"  # type: ignore[union-attr]
    assert "mia.manager was added as Manager" in window.status.text()

    with qtbot.waitSignal(window.users_changed):
        assert window.reset_password()
    assert services.auth.authenticate("mia.manager", NEW_PASSWORD).role is Role.MANAGER
    assert "New password set for mia.manager" in window.status.text()
