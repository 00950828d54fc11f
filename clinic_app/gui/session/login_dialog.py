"""Logging in: the login dialog (also the unlock prompt) and the first start's administrator.

Both dialogs call :class:`~clinic_app.services.auth.AuthService` and only say what it decided,
in words a clerk can act on. Passwords stay inside their echo-off fields: they are never shown,
logged or kept after the dialog is done (the fields are cleared). Each dialog has a
``@classmethod ask(...)`` that runs it modally and returns the result, so tests can replace
the modal part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.gui.admin.user_admin import ask_forced_password
from clinic_app.gui.common import dates
from clinic_app.gui.common.form_fields import error_label, password_field, plain_label, show_error
from clinic_app.services.actor import Actor
from clinic_app.services.auth import (
    MAX_FAILED_ATTEMPTS,
    MIN_PASSWORD_LENGTH,
    AccountLockedError,
    AuthenticationError,
)

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services


class LoginDialog(QDialog):
    """User name and password; Enter logs in, Esc cancels.

    With ``fixed_username`` it is the unlock prompt of a locked session: the user name is
    read-only, Esc and the close button do nothing (the screen stays locked), and
    "Switch user" lets someone else log in instead. ``actor`` holds the result once accepted.
    """

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        username: str = "",
        message: str = "",
        fixed_username: bool = False,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._fixed = fixed_username
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in - clinic_app"))
        self.setMinimumWidth(380)

        self.clinic = plain_label(self._clinic_name(), self, name="dayTitle")
        server = getattr(services, "server_url", None)
        if server and not message:  # which clinic server this desk logs in to
            message = self.tr("Clinic server: {server}").format(server=server)
        self.message = plain_label(message, self, name="hint")
        self.message.setVisible(bool(message))

        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.username.setMaxLength(63)
        self.username.setPlaceholderText(self.tr("for example ada.lovelace"))
        self.password = password_field(self)
        self.error = error_label(self)

        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"), self)
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("&Password:"), self)
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)

        self.buttons = QDialogButtonBox(self)
        self.login_button = self.buttons.addButton(
            self.tr("&Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        self.cancel_button: QPushButton | None = None
        self.switch_button: QPushButton | None = None
        if fixed_username:
            self.setWindowTitle(self.tr("Locked - clinic_app"))
            self.username.setReadOnly(True)
            self.username.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.switch_button = self.buttons.addButton(
                self.tr("&Switch user"), QDialogButtonBox.ButtonRole.ResetRole
            )
            self.switch_button.setAutoDefault(False)
            self.switch_button.clicked.connect(self.allow_other_user)
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        else:
            self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.cancel_button.setAutoDefault(False)
            self.buttons.rejected.connect(self.reject)
        self.login_button.clicked.connect(self.try_login)

        layout = QVBoxLayout(self)
        layout.addWidget(self.clinic)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        if self.username.text():
            self.password.setFocus()
        else:
            self.username.setFocus()

    def _clinic_name(self) -> str:
        try:
            if self._services.setup.is_initialised():
                return self._services.setup.clinic_name()
        except Exception:  # the name is decoration; the login itself reports database trouble
            pass
        return "clinic_app"

    def allow_other_user(self) -> None:
        """Switch user from the unlock prompt: the user name becomes editable and empty."""
        self.username.setReadOnly(False)
        self.username.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.username.clear()
        self.password.clear()
        show_error(self.error, "")
        self.message.setText(
            self.tr(
                "Log in as another user. Windows left open by the previous user are closed "
                "and their unsaved changes are lost."
            )
        )
        self.message.show()
        if self.switch_button is not None:
            self.switch_button.setEnabled(False)
        self.username.setFocus()

    def try_login(self) -> bool:
        """Check the password with the service; accept on success, else say why in place."""
        name = self.username.text().strip()
        secret = self.password.text()
        if not name:
            show_error(self.error, self.tr("Enter your user name."))
            self.username.setFocus()
            return False
        if not secret:
            show_error(self.error, self.tr("Enter your password."))
            self.password.setFocus()
            return False
        try:
            actor = self._services.auth.authenticate(name, secret)
        except AccountLockedError as error:
            show_error(self.error, self.lockout_text(error))
        except AuthenticationError:
            show_error(
                self.error,
                self.tr(
                    "The user name or password is not right. Check Caps Lock and try again. "
                    "After {count} wrong tries the account is locked for a while."
                ).format(count=MAX_FAILED_ATTEMPTS),
            )
        except ClinicError as error:
            show_error(self.error, str(error))
        except ConnectionError:  # a clinic server (--server) that does not answer
            show_error(
                self.error,
                self.tr("The clinic server could not be reached. Check the network and try again."),
            )
        except Exception as error:  # the database is unreachable: say so, never a traceback
            show_error(
                self.error,
                self.tr("The clinic database could not be reached: {error}").format(
                    error=type(error).__name__
                ),
            )
        else:
            self.password.clear()
            # An administrator may require a new password first (gui/admin/user_admin.py).
            if not ask_forced_password(self._services, actor, self):
                show_error(self.error, self.tr("Set a new password to continue."))
                self.password.setFocus()
                return False
            self.actor = actor
            show_error(self.error, "")
            self.accept()
            return True
        self.password.clear()
        self.password.setFocus()
        self._fit_message()
        return False

    def _fit_message(self) -> None:
        """Grow the dialog to the wrapped message's height: a top-level window keeps its size
        when a label inside it wraps to more lines, which cut the last line off at 380 px."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def lockout_text(self, error: AccountLockedError) -> str:
        """ "Locked until HH:MM" in this PC's local time, from the error's ``locked_until``."""
        return self.tr(
            "This account is locked until {time} after {count} wrong passwords. Try again "
            "then, or ask an administrator to reset the password."
        ).format(time=dates.time_text(error.locked_until.astimezone()), count=MAX_FAILED_ATTEMPTS)

    def reject(self) -> None:
        """Cancel the login; the unlock prompt cannot be cancelled (the screen stays locked)."""
        if self._fixed:
            return
        self.password.clear()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The unlock prompt refuses to close; the login dialog closes as a cancel."""
        if self._fixed:
            event.ignore()
            return
        super().closeEvent(event)

    @classmethod
    def ask(
        cls,
        services: Services,
        parent: QWidget | None = None,
        *,
        username: str = "",
        message: str = "",
    ) -> Actor | None:
        """Run the dialog modally; the logged-in Actor, or None when cancelled."""
        dialog = cls(services, parent, username=username, message=message)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.actor
            return None
        finally:
            dialog.password.clear()
            dialog.deleteLater()


class FirstAdminDialog(QDialog):
    """First start on an empty database: create the first administrator.

    Messages appear next to the field the service names (``InvalidInputError.field``);
    ``actor`` holds the new administrator once accepted.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.actor: Actor | None = None
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("First start - clinic_app"))
        self.setMinimumWidth(460)

        title = plain_label(self.tr("Create the administrator"), self, name="dayTitle")
        intro = plain_label(
            self.tr(
                "Nobody can use clinic_app on this database yet. Create the first "
                "administrator account now. The administrator adds the other users (front "
                "desk, nurses, managers) later, under Users."
            ),
            self,
            name="hint",
        )

        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(63)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("full_name")
        self.full_name.setMaxLength(200)
        self.password = password_field(self)
        self.repeat = password_field(self, name="repeat")
        self.errors: dict[str, QLabel] = {}
        self.general_error = error_label(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_field(
            form,
            self.tr("&User name:"),
            self.username,
            "username",
            self.tr("Lower-case letters, digits, '.', '_' or '-', starting with a letter."),
        )
        self._add_field(form, self.tr("&Full name:"), self.full_name, "full_name", "")
        self._add_field(
            form,
            self.tr("&Password:"),
            self.password,
            "password",
            self.tr("At least {count} characters.").format(count=MIN_PASSWORD_LENGTH),
        )
        self._add_field(form, self.tr("&Repeat password:"), self.repeat, "repeat", "")

        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(
            self.tr("&Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.create_button.clicked.connect(self.try_create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _add_field(
        self, form: QFormLayout, text: str, field: QLineEdit, name: str, hint: str
    ) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if hint:
            hint_label = plain_label(hint, box, name="hint")
            small = QFont(hint_label.font())
            small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
            hint_label.setFont(small)
            column.addWidget(hint_label)
            field.setToolTip(hint)
        error = error_label(box)
        column.addWidget(error)
        self.errors[name] = error
        form.addRow(label, box)

    def clear_errors(self) -> None:
        """Hide every message."""
        for label in self.errors.values():
            show_error(label, "")
        show_error(self.general_error, "")

    def field_error(self, field: str) -> str:
        """The message shown next to ``field`` ('' when none)."""
        label = self.errors.get(field)
        return label.text() if label is not None and label.isVisible() else ""

    def _show_field_error(self, field: str, text: str) -> None:
        label = self.errors.get(field)
        if label is None:
            show_error(self.general_error, text)
            return
        show_error(label, text)
        widget = {
            "username": self.username,
            "full_name": self.full_name,
            "password": self.password,
            "repeat": self.repeat,
        }.get(field)
        if widget is not None:
            widget.setFocus()

    def try_create(self) -> bool:
        """Create the administrator with the service; on a problem, say it at the field."""
        self.clear_errors()
        if self.password.text() != self.repeat.text():
            self._show_field_error("repeat", self.tr("The two passwords are not the same."))
            self.repeat.clear()
            return False
        try:
            actor = self._services.auth.create_first_admin(
                self.username.text().strip(), self.password.text(), self.full_name.text().strip()
            )
        except InvalidInputError as error:
            self._show_field_error(error.field, self._problem_words(error))
            return False
        except ClinicError as error:
            show_error(self.general_error, str(error))
            return False
        except Exception as error:  # the database is unreachable: say so, never a traceback
            show_error(
                self.general_error,
                self.tr("The clinic database could not be reached: {error}").format(
                    error=type(error).__name__
                ),
            )
            return False
        self.actor = actor
        self.password.clear()
        self.repeat.clear()
        self.accept()
        return True

    def _problem_words(self, error: InvalidInputError) -> str:
        if error.field == "password" and len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("The password must be at least {count} characters long.").format(
                count=MIN_PASSWORD_LENGTH
            )
        if error.field == "username" and not self.username.text().strip():
            return self.tr("Enter a user name.")
        problem = error.problem
        return problem[:1].upper() + problem[1:] + ("" if problem.endswith(".") else ".")

    def reject(self) -> None:
        """Cancel: nothing is created; the password fields are cleared."""
        self.password.clear()
        self.repeat.clear()
        super().reject()

    @classmethod
    def ask(cls, services: Services, parent: QWidget | None = None) -> Actor | None:
        """Run the dialog modally; the new administrator, or None when cancelled."""
        dialog = cls(services, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.actor
            return None
        finally:
            dialog.deleteLater()
