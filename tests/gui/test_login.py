"""The login dialog, the first administrator dialog and the start of a session (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui import startup
from clinic_app.gui.session.login_dialog import FirstAdminDialog, LoginDialog
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import LOCKOUT, MAX_FAILED_ATTEMPTS, AccountLockedError
from clinic_app.services.clock import fixed_clock
from clinic_app.services.demo_data import DEMO_USERS
from tests.conftest import ADMIN, NOW

PASSWORD = "correct horse battery"


@pytest.fixture
def empty(sqlite_url: str) -> Iterator[Services]:
    """Services on a new database: no users, no clinic."""
    services = open_services(sqlite_url, clock=fixed_clock(NOW))
    yield services
    services.engine.dispose()


@pytest.fixture
def with_admin(empty: Services) -> Services:
    """The same database with the first administrator ada.admin."""
    empty.auth.create_first_admin("ada.admin", PASSWORD, "Ada Admin")
    return empty


def login_dialog(qtbot: QtBot, services: Services, **kwargs: Any) -> LoginDialog:
    dialog = LoginDialog(services, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# ---------------------------------------------------------------- first administrator


def test_first_admin_dialog_creates_the_administrator(qtbot: QtBot, empty: Services) -> None:
    dialog = FirstAdminDialog(empty)
    qtbot.addWidget(dialog)
    dialog.username.setText("ada.admin")
    dialog.full_name.setText("Ada Admin")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)

    assert dialog.try_create()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == Actor("ada.admin", Role.ADMIN)
    assert empty.auth.has_users()
    assert empty.auth.authenticate("ada.admin", PASSWORD) == dialog.actor
    assert dialog.password.text() == dialog.repeat.text() == ""  # not kept in the widget
    assert (
        dialog.password.echoMode() == dialog.repeat.echoMode() == dialog.password.EchoMode.Password
    )


@pytest.mark.parametrize(
    ("username", "password", "repeat", "field", "words"),
    [
        ("Ada Admin", PASSWORD, PASSWORD, "username", "lower-case"),
        ("", PASSWORD, PASSWORD, "username", "Enter a user name"),
        ("ada.admin", "short", "short", "password", "at least 10 characters"),
        ("ada.admin", PASSWORD, PASSWORD + "x", "repeat", "not the same"),
    ],
)
def test_first_admin_dialog_says_what_is_wrong_next_to_the_field(
    qtbot: QtBot,
    empty: Services,
    username: str,
    password: str,
    repeat: str,
    field: str,
    words: str,
) -> None:
    dialog = FirstAdminDialog(empty)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.repeat.setText(repeat)

    assert not dialog.try_create()

    assert words in dialog.field_error(field)
    others = [name for name in dialog.errors if name != field]
    assert all(dialog.field_error(name) == "" for name in others)
    assert not empty.auth.has_users()
    assert dialog.actor is None
    assert dialog.isVisible()


def test_first_admin_dialog_cancel_creates_nobody(qtbot: QtBot, empty: Services) -> None:
    dialog = FirstAdminDialog(empty)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.password.text() == ""
    assert not empty.auth.has_users()


# ---------------------------------------------------------------- login


def test_login_with_enter_returns_the_actor(qtbot: QtBot, with_admin: Services) -> None:
    dialog = login_dialog(qtbot, with_admin)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    qtbot.keyClicks(dialog.username, "ada.admin")
    dialog.password.setText(PASSWORD)

    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == Actor("ada.admin", Role.ADMIN)
    assert dialog.password.text() == ""


def test_escape_cancels_the_login(qtbot: QtBot, with_admin: Services) -> None:
    dialog = login_dialog(qtbot, with_admin, username="ada.admin")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.actor is None


def test_wrong_password_is_explained_and_the_dialog_stays(
    qtbot: QtBot, with_admin: Services
) -> None:
    dialog = login_dialog(qtbot, with_admin, username="ada.admin", message="Please log in.")
    assert dialog.message.text() == "Please log in."
    dialog.password.setText("not the password")

    assert not dialog.try_login()

    assert dialog.isVisible()
    assert dialog.actor is None
    assert dialog.error.isVisible()
    assert "user name or password is not right" in dialog.error.text()
    assert "not the password" not in dialog.error.text()
    assert dialog.password.text() == ""  # cleared for the next try


def test_unknown_user_gets_the_same_answer(qtbot: QtBot, with_admin: Services) -> None:
    dialog = login_dialog(qtbot, with_admin, username="nobody")
    dialog.password.setText(PASSWORD)
    assert not dialog.try_login()
    assert "user name or password is not right" in dialog.error.text()


def test_empty_fields_are_asked_for(qtbot: QtBot, with_admin: Services) -> None:
    dialog = login_dialog(qtbot, with_admin)
    assert not dialog.try_login()
    assert dialog.error.text() == "Enter your user name."
    dialog.username.setText("ada.admin")
    assert not dialog.try_login()
    assert dialog.error.text() == "Enter your password."


def test_lockout_says_until_when(qtbot: QtBot, with_admin: Services) -> None:
    dialog = login_dialog(qtbot, with_admin, username="ada.admin")
    for _ in range(MAX_FAILED_ATTEMPTS):
        dialog.password.setText("wrong password!")
        assert not dialog.try_login()

    dialog.password.setText(PASSWORD)  # even the right password is refused while locked
    assert not dialog.try_login()

    until = (NOW + LOCKOUT).astimezone().strftime("%H:%M")
    assert f"locked until {until}" in dialog.error.text()
    assert "administrator" in dialog.error.text()
    assert dialog.actor is None


def test_lockout_time_comes_from_locked_until_not_from_the_words(
    qtbot: QtBot, with_admin: Services
) -> None:
    dialog = login_dialog(qtbot, with_admin, username="ada.admin")
    # A lockout that ends after midnight UTC, with words that carry no time at all.
    until = datetime(2026, 11, 24, 0, 10, tzinfo=UTC)
    error = AccountLockedError(until)
    error.args = ("account locked",)
    text = dialog.lockout_text(error)
    assert f"locked until {until.astimezone().strftime('%H:%M')}" in text
    assert "account locked" not in text


def test_the_unlock_prompt_cannot_be_cancelled(qtbot: QtBot, with_admin: Services) -> None:
    dialog = login_dialog(qtbot, with_admin, username="ada.admin", fixed_username=True)
    assert dialog.username.isReadOnly()
    assert dialog.cancel_button is None
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()

    assert dialog.switch_button is not None
    dialog.switch_button.click()
    assert not dialog.username.isReadOnly()
    assert dialog.username.text() == ""
    assert "another user" in dialog.message.text()


# ---------------------------------------------------------------- start_session


def test_first_start_creates_the_admin_and_seeds_the_demo(
    qtbot: QtBot, empty: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def create(services: Services, parent: Any = None) -> Actor:
        return services.auth.create_first_admin("ada.admin", PASSWORD, "Ada Admin")

    shown: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.informativeText())
        return 0

    monkeypatch.setattr(FirstAdminDialog, "ask", create)
    monkeypatch.setattr(QMessageBox, "exec", exec_box)

    actor = startup.start_session(empty)

    assert actor == Actor("ada.admin", Role.ADMIN)
    assert empty.setup.chairs(actor)  # the demo clinic is there
    users = {u.username for u in empty.auth.users(actor)}
    assert {name for name, _ in DEMO_USERS} <= users
    assert len(shown) == 1
    for name, _ in DEMO_USERS:
        assert name in shown[0]
    assert PASSWORD not in shown[0]


def test_first_start_does_not_seed_a_clinic_with_data(
    empty: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty.setup.init_clinic(ADMIN, name="Real clinic")
    empty.setup.add_chair(ADMIN, "Chair A")
    monkeypatch.setattr(
        FirstAdminDialog,
        "ask",
        lambda services, parent=None: services.auth.create_first_admin("ada.admin", PASSWORD),
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("no message expected"))

    actor = startup.start_session(empty)

    assert actor is not None
    assert [c.name for c in empty.setup.chairs(actor)] == ["Chair A"]
    assert [u.username for u in empty.auth.users(actor)] == ["ada.admin"]


def test_first_start_cancelled_returns_none(
    empty: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstAdminDialog, "ask", lambda services, parent=None: None)
    assert startup.start_session(empty) is None
    assert not empty.auth.has_users()


def test_later_starts_show_the_login(with_admin: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def ask(services: Services, parent: Any = None, **kwargs: Any) -> Actor:
        calls.append("login")
        return services.auth.authenticate("ada.admin", PASSWORD)

    monkeypatch.setattr(LoginDialog, "ask", ask)
    monkeypatch.setattr(
        FirstAdminDialog, "ask", lambda *a, **k: pytest.fail("not on a later start")
    )
    assert startup.start_session(with_admin) == Actor("ada.admin", Role.ADMIN)
    assert calls == ["login"]


def test_the_wrong_password_message_is_not_clipped_at_the_dialog_s_width(
    qtbot: QtBot, with_admin: Services
) -> None:
    dialog = login_dialog(qtbot, with_admin, username="ada.admin")
    dialog.resize(dialog.minimumWidth(), dialog.sizeHint().height())  # its real 380 px
    dialog.password.setText("not the password")
    assert not dialog.try_login()
    qtbot.wait(20)  # the layout settles
    error = dialog.error
    assert error.width() <= dialog.width()
    assert error.height() >= error.heightForWidth(error.width()), (
        error.height(),
        error.heightForWidth(error.width()),
        error.text(),
    )
