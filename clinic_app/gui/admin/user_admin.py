"""The administrators' users window: who may use the app, in which role; add users, set
passwords, deactivate and reactivate users, change their role.

Everything goes through :class:`~clinic_app.services.auth.AuthService`, which refuses anyone
but an administrator (the refusal is shown as a message). Password hashes never leave the
service; new passwords stay in echo-off fields and are cleared when a dialog closes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.gui.common.form_fields import error_label, password_field, plain_label, show_error
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.wording import explain_error
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import MIN_PASSWORD_LENGTH, UserView

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services

USER_ROLE = Qt.ItemDataRole.UserRole + 32
CONTEXT = "UserAdmin"


def tr(text: str) -> str:
    """Translate ``text`` in this module's context."""
    return QCoreApplication.translate(CONTEXT, text)


def role_label(role: Role) -> str:
    """An app role in words."""
    return {
        Role.FRONT_DESK: tr("Front desk"),
        Role.NURSE: tr("Nurse"),
        Role.MANAGER: tr("Manager"),
        Role.ADMIN: tr("Administrator"),
    }[role]


def role_meaning(role: Role) -> str:
    """What a role may do, in one line (shown when choosing it)."""
    return {
        Role.FRONT_DESK: tr("Books, moves and cancels sessions; adds patients and exposures."),
        Role.NURSE: tr("Everything the front desk does, plus clinical overrides and statuses."),
        Role.MANAGER: tr("Reads everything, exports and reports; no clinical override."),
        Role.ADMIN: tr("Users, clinic settings and rule parameters; reads and exports."),
    }[role]


class UserColumn(enum.IntEnum):
    """The columns of the users table."""

    USERNAME = 0
    FULL_NAME = 1
    ROLE = 2
    STATE = 3


class UserTableModel(RowTableModel[UserView]):
    """The users as the service lists them; read-only. ``USER_ROLE`` gives the UserView."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now: datetime | None = None

    def set_users(self, users: Sequence[UserView], now: datetime | None = None) -> None:
        """Replace every row; ``now`` decides whether a lockout is still running."""
        self._now = now
        self.set_rows(users)

    def user(self, row: int) -> UserView:
        """The user of ``row``."""
        return self.item(row)

    def users(self) -> list[UserView]:
        """The users shown, in order."""
        return self.rows()

    def state_text(self, user: UserView) -> str:
        """Active, inactive, or locked until a time (UTC)."""
        if not user.active:
            return self.tr("inactive")
        until = user.locked_until
        if until is not None and (self._now is None or until > self._now):
            return self.tr("locked until {time} UTC").format(time=until.strftime("%Y-%m-%d %H:%M"))
        return self.tr("active")

    def headers(self) -> list[str]:
        """The :class:`UserColumn` titles."""
        return [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State")]

    def cell(self, user: UserView, column: int, role: int) -> Any:
        """Plain-text cells; ``USER_ROLE`` gives the UserView."""
        if role == USER_ROLE:
            return user
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == UserColumn.USERNAME:
            return user.username
        if column == UserColumn.FULL_NAME:
            return user.full_name
        if column == UserColumn.ROLE:
            return role_label(user.role)
        if column == UserColumn.STATE:
            return self.state_text(user)
        return None


class _FieldForm:
    """A form whose fields each carry a hint and a message label (by service field name)."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.general = error_label(owner)

    def add(self, name: str, text: str, field: QWidget, hint: str = "") -> QLabel | None:
        """Add a labelled field; returns the hint label, if any."""
        label = QLabel(text, self.owner)
        label.setBuddy(field)
        box = QWidget(self.owner)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        hint_label = None
        if hint:
            hint_label = plain_label(hint, box, name="hint")
            column.addWidget(hint_label)
        error = error_label(box)
        column.addWidget(error)
        self.errors[name] = error
        self.fields[name] = field
        self.layout.addRow(label, box)
        return hint_label

    def clear(self) -> None:
        """Hide every message."""
        for label in self.errors.values():
            show_error(label, "")
        show_error(self.general, "")

    def show(self, field: str, text: str) -> None:
        """Show ``text`` next to ``field`` (or under the form for an unknown field)."""
        label = self.errors.get(field)
        if label is None:
            show_error(self.general, text)
            return
        show_error(label, text)
        self.fields[field].setFocus()

    def message(self, field: str) -> str:
        """The message shown next to ``field`` ('' when none)."""
        label = self.errors.get(field)
        return label.text() if label is not None and label.isVisible() else ""

    def finish(
        self, dialog: QDialog, accept_text: str, accept: Callable[[], object], intro: QLabel | None
    ) -> QPushButton:
        """Lay ``dialog`` out (intro, fields, messages, buttons); returns its default button,
        which runs ``accept`` (Cancel rejects)."""
        buttons = QDialogButtonBox(dialog)
        button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        button.clicked.connect(accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        if intro is not None:
            layout.addWidget(intro)
        layout.addLayout(self.layout)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return button


class _ChoosesRole:
    """The role list of a user dialog, with the chosen role's meaning under it."""

    role: QComboBox
    role_hint: QLabel | None

    def _add_role_field(self, owner: QWidget, form: _FieldForm, text: str) -> None:
        self.role = QComboBox(owner)
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.role_hint = form.add("role", text, self.role, " ")
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def set_role(self, role: Role) -> None:
        """Choose ``role`` in the list."""
        self.role.setCurrentIndex(self.role.findData(role.value))

    def chosen_role(self) -> Role:
        """The role chosen in the list."""
        return Role(self.role.currentData())  # Qt hands the StrEnum back as a plain str

    def _role_changed(self) -> None:
        if self.role_hint is not None:
            self.role_hint.setText(role_meaning(self.chosen_role()))


def _problem(error: InvalidInputError) -> str:
    problem = error.problem
    return problem[:1].upper() + problem[1:] + ("" if problem.endswith(".") else ".")


class AddUserDialog(_ChoosesRole, QDialog):
    """A new user: name, full name, role, first password (+ repeat). ``user`` once accepted."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.user: UserView | None = None
        self.setWindowTitle(self.tr("Add a user - clinic_app"))
        self.setMinimumWidth(460)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(63)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("full_name")
        self.full_name.setMaxLength(200)
        self.password = password_field(self)
        self.repeat = password_field(self, name="repeat")
        self.form = _FieldForm(self)
        self.form.add(
            "username",
            self.tr("&User name:"),
            self.username,
            self.tr("Lower-case letters, digits, '.', '_' or '-', starting with a letter."),
        )
        self.form.add("full_name", self.tr("&Full name:"), self.full_name)
        self._add_role_field(self, self.form, self.tr("&Role:"))
        self.form.add(
            "password",
            self.tr("First &password:"),
            self.password,
            self.tr("At least {count} characters. Tell it to the user in person.").format(
                count=MIN_PASSWORD_LENGTH
            ),
        )
        self.form.add("repeat", self.tr("R&epeat password:"), self.repeat)
        self.add_button = self.form.finish(self, self.tr("&Add user"), self.try_add, None)
        self.username.setFocus()

    def try_add(self) -> bool:
        """Add the user with the service; on a problem, say it at the field."""
        self.form.clear()
        if self.password.text() != self.repeat.text():
            self.form.show("repeat", self.tr("The two passwords are not the same."))
            self.repeat.clear()
            return False
        try:
            self.user = self._services.auth.add_user(
                self._actor,
                self.username.text().strip(),
                self.chosen_role(),
                self.password.text(),
                self.full_name.text().strip(),
            )
        except InvalidInputError as error:
            self.form.show(error.field, _problem(error))
            return False
        except ClinicError as error:
            words = explain_error(error)
            show_error(self.form.general, f"{words.headline}: {words.detail}")
            return False
        self.password.clear()
        self.repeat.clear()
        self.accept()
        return True

    def done(self, result: int) -> None:
        """Close; the password fields are cleared either way."""
        self.password.clear()
        self.repeat.clear()
        super().done(result)

    @classmethod
    def ask(
        cls, services: Services, actor: Actor, parent: QWidget | None = None
    ) -> UserView | None:
        """Run the dialog modally; the new user, or None when cancelled."""
        dialog = cls(services, actor, parent)
        try:
            return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class PasswordDialog(QDialog):
    """A new password for one user (an administrator's reset, or one's own change)."""

    def __init__(
        self, services: Services, actor: Actor, username: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.username = username
        self.setWindowTitle(self.tr("Set a password - clinic_app"))
        self.setMinimumWidth(420)
        intro = plain_label(
            self.tr(
                "New password for {user}. It also unlocks the account if it was locked after "
                "wrong passwords."
            ).format(user=username),
            self,
        )
        self.password = password_field(self)
        self.repeat = password_field(self, name="repeat")
        self.form = _FieldForm(self)
        self.form.add(
            "password",
            self.tr("New &password:"),
            self.password,
            self.tr("At least {count} characters.").format(count=MIN_PASSWORD_LENGTH),
        )
        self.form.add("repeat", self.tr("&Repeat password:"), self.repeat)
        self.set_button = self.form.finish(self, self.tr("&Set password"), self.try_set, intro)
        self.password.setFocus()

    def try_set(self) -> bool:
        """Set the password with the service; on a problem, say it at the field."""
        self.form.clear()
        if self.password.text() != self.repeat.text():
            self.form.show("repeat", self.tr("The two passwords are not the same."))
            self.repeat.clear()
            return False
        try:
            self._services.auth.set_password(self._actor, self.username, self.password.text())
        except InvalidInputError as error:
            self.form.show(error.field, _problem(error))
            return False
        except ClinicError as error:
            words = explain_error(error)
            show_error(self.form.general, f"{words.headline}: {words.detail}")
            return False
        self.accept()
        return True

    def done(self, result: int) -> None:
        """Close; the password fields are cleared either way."""
        self.password.clear()
        self.repeat.clear()
        super().done(result)

    @classmethod
    def ask(
        cls, services: Services, actor: Actor, username: str, parent: QWidget | None = None
    ) -> bool:
        """Run the dialog modally; True when the password was changed."""
        dialog = cls(services, actor, username, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class RoleDialog(_ChoosesRole, QDialog):
    """A new role for one user; their open sessions end. ``user`` once accepted."""

    def __init__(
        self, services: Services, actor: Actor, user: UserView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.username = user.username
        self.user: UserView | None = None
        self.setWindowTitle(self.tr("Change a role - clinic_app"))
        self.setMinimumWidth(440)
        intro = plain_label(
            self.tr(
                "New role for {user}, now {role}. They are logged out everywhere and log in "
                "again with the new role."
            ).format(user=user.username, role=role_label(user.role)),
            self,
        )
        self.form = _FieldForm(self)
        self._add_role_field(self, self.form, self.tr("&Role:"))
        self.set_role(user.role)
        self.change_button = self.form.finish(self, self.tr("&Change role"), self.try_change, intro)
        self.role.setFocus()

    def try_change(self) -> bool:
        """Change the role with the service; on a refusal, say why under the form."""
        self.form.clear()
        try:
            self.user = self._services.auth.set_role(self._actor, self.username, self.chosen_role())
        except InvalidInputError as error:
            show_error(self.form.general, _problem(error))
            return False
        except ClinicError as error:
            words = explain_error(error)
            show_error(self.form.general, f"{words.headline}: {words.detail}")
            return False
        self.accept()
        return True

    @classmethod
    def ask(
        cls, services: Services, actor: Actor, user: UserView, parent: QWidget | None = None
    ) -> UserView | None:
        """Run the dialog modally; the changed user, or None when cancelled."""
        dialog = cls(services, actor, user, parent)
        try:
            return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def confirm_deactivation(user: UserView, parent: QWidget | None = None) -> bool:
    """Ask before deactivating ``user``; No is the default answer."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Deactivate a user - clinic_app"),
        tr(
            "Deactivate {user}? They can no longer log in and are logged out everywhere at "
            "once. Their records and audit trail stay; you can activate them again later."
        ).format(user=user.username),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    try:
        return box.exec() == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()


class UserAdminWindow(QWidget):
    """The users of the app for administrators: list, add, reset a password, deactivate or
    activate, change a role.

    Signals:
        users_changed(): a user was added, changed or a password set (the list has been
        reloaded).
    """

    users_changed = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("userAdminWindow")
        self.setWindowTitle(self.tr("Users - clinic_app"))
        self.resize(760, 420)
        self._services = services
        self._actor = actor
        self.model = UserTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("userTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.reset_password())
        self.error = error_label(self)
        self.status = plain_label("", self, name="hint")

        self.add_button = QPushButton(self.tr("&Add user..."), self)
        self.add_button.clicked.connect(lambda: self.add_user())
        self.reset_button = QPushButton(self.tr("&Reset password..."), self)
        self.reset_button.clicked.connect(lambda: self.reset_password())
        self.active_button = QPushButton(self.tr("&Deactivate..."), self)
        self.active_button.setObjectName("activeButton")
        self.active_button.clicked.connect(lambda: self.toggle_active())
        self.role_button = QPushButton(self.tr("Change r&ole..."), self)
        self.role_button.setObjectName("roleButton")
        self.role_button.clicked.connect(lambda: self.change_role())
        refresh = QPushButton(self.tr("Re&fresh"), self)
        refresh.clicked.connect(self.refresh)
        close = QPushButton(self.tr("&Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.reset_button,
            self.active_button,
            self.role_button,
            refresh,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        close_action = QAction(self.tr("Close"), self)
        close_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(Qt.Key.Key_Escape)]
        )
        close_action.triggered.connect(self.close)
        refresh_action = QAction(self.tr("Refresh"), self)
        refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh_action.triggered.connect(self.refresh)
        self.addActions([close_action, refresh_action])
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> bool:
        """Reload the users (a short list: on the GUI thread); False when refused."""
        try:
            users = self._services.auth.users(self._actor)
        except ClinicError as error:
            words = explain_error(error)
            self.model.set_users([])
            show_error(self.error, f"{words.headline}: {words.detail}")
            for button in (
                self.add_button,
                self.reset_button,
                self.active_button,
                self.role_button,
            ):
                button.setEnabled(False)
            self.status.setText("")
            return False
        self.model.set_users(users, self._services.ctx.clock())
        show_error(self.error, "")
        self.add_button.setEnabled(True)
        self.status.setText(self.tr("{count} users.").format(count=len(users)))
        self._selection_changed()
        return True

    def selected_user(self) -> UserView | None:
        """The user of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()) if rows else None

    def select_user(self, username: str) -> None:
        """Select the row of ``username`` (if listed)."""
        for row, user in enumerate(self.model.users()):
            if user.username == username:
                self.table.selectRow(row)
                return

    def _selection_changed(self, *_args: object) -> None:
        user = self.selected_user()
        for button in (self.reset_button, self.active_button, self.role_button):
            button.setEnabled(user is not None)
        if user is not None and not user.active:
            self.active_button.setText(self.tr("Ac&tivate"))
        else:
            self.active_button.setText(self.tr("&Deactivate..."))

    def add_user(self) -> UserView | None:
        """Ask for a new user; reload and select them when added."""
        user = AddUserDialog.ask(self._services, self._actor, self)
        if user is not None:
            self.refresh()
            self.select_user(user.username)
            self.status.setText(
                self.tr("{user} was added as {role}.").format(
                    user=user.username, role=role_label(user.role)
                )
            )
            self.users_changed.emit()
        return user

    def reset_password(self) -> bool:
        """Set a new password for the selected user."""
        user = self.selected_user()
        if user is None:
            return False
        if not PasswordDialog.ask(self._services, self._actor, user.username, self):
            return False
        self.refresh()
        self.select_user(user.username)
        self.status.setText(self.tr("New password set for {user}.").format(user=user.username))
        self.users_changed.emit()
        return True

    def toggle_active(self) -> bool:
        """Deactivate the selected user (after a question) or activate them again."""
        user = self.selected_user()
        if user is None:
            return False
        if user.active and not confirm_deactivation(user, self):
            return False
        try:
            if user.active:
                changed = self._services.auth.deactivate_user(self._actor, user.username)
            else:
                changed = self._services.auth.reactivate_user(self._actor, user.username)
        except ClinicError as error:
            self._refused(error)
            return False
        self._changed(
            changed.username,
            self.tr("{user} was activated.").format(user=changed.username)
            if changed.active
            else self.tr("{user} was deactivated and logged out everywhere.").format(
                user=changed.username
            ),
        )
        return True

    def change_role(self) -> UserView | None:
        """Ask for a new role for the selected user."""
        user = self.selected_user()
        if user is None:
            return None
        changed = RoleDialog.ask(self._services, self._actor, user, self)
        if changed is None:
            return None
        self._changed(
            changed.username,
            self.tr("{user} is now {role} and was logged out everywhere.").format(
                user=changed.username, role=role_label(changed.role)
            ),
        )
        return changed

    def _refused(self, error: ClinicError) -> None:
        if isinstance(error, InvalidInputError):
            show_error(self.error, _problem(error))
            return
        words = explain_error(error)
        show_error(self.error, f"{words.headline}: {words.detail}")

    def _changed(self, username: str, message: str) -> None:
        self.refresh()
        self.select_user(username)
        self.status.setText(message)
        self.users_changed.emit()
