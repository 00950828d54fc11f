"""The start of a GUI session: the first administrator on a new database, or the login.

On a database without users the first start asks for the administrator and, when the clinic
is still empty (no chairs, no patients), seeds the demo clinic so there is something to try,
naming the demo accounts. Otherwise it shows the login dialog, which stays open after a wrong
password (the service locks the account after repeated failures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from clinic_app.domain.errors import ClinicError
from clinic_app.gui.session.login_dialog import FirstAdminDialog, LoginDialog
from clinic_app.services.actor import Actor

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services

CONTEXT = "Startup"


def tr(text: str) -> str:
    """Translate ``text`` in this module's context."""
    return QCoreApplication.translate(CONTEXT, text)


def clinic_is_empty(services: Services, admin: Actor) -> bool:
    """True when the clinic has no chairs and no patients (or is not set up at all)."""
    if not services.setup.is_initialised():
        return True
    if services.setup.chairs(admin):
        return False
    return not services.setup.search_patients(admin, "", limit=1)


def demo_accounts_text() -> str:
    """The demo accounts and their shared, published demo password, for the first start."""
    from clinic_app.services.demo_data import DEMO_PASSWORD, DEMO_USERS

    roles = {
        "front-desk": tr("front desk"),
        "nurse": tr("nurse"),
        "manager": tr("manager"),
        "admin": tr("administrator"),
    }
    lines = [
        tr("  {user} ({role})").format(user=name, role=roles.get(role.value, role.value))
        for name, role in DEMO_USERS
    ]
    return tr(
        "To try the other roles, log in as:\n{accounts}\nwith the demo password "
        '"{password}" (the same for each; it is published in the README).\n\n'
        "This database is for trying the app only: start the real clinic on a new "
        "database."
    ).format(accounts="\n".join(lines), password=DEMO_PASSWORD)


def seed_demo_clinic(services: Services, admin: Actor, parent: QWidget | None = None) -> str:
    """Seed the demo clinic (with a busy cursor) and tell the user what was made."""
    from clinic_app.services.demo_data import seed_demo

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        summary = seed_demo(services, admin)
    except ClinicError as error:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent,
            tr("Demo clinic"),
            tr("The demo clinic could not be set up: {error}").format(error=error),
        )
        return ""
    QGuiApplication.restoreOverrideCursor()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("Demo clinic"))
    box.setText(tr("The clinic was empty, so a demo clinic was set up to try the app."))
    made = summary[:1].upper() + summary[1:]
    box.setInformativeText(made + ".\n\n" + demo_accounts_text())
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    return summary


def start_session(services: Services, parent: QWidget | None = None) -> Actor | None:
    """Who uses the app now: the new first administrator, or whoever logs in; None if cancelled."""
    if not services.auth.has_users():
        admin = FirstAdminDialog.ask(services, parent)
        if admin is None:
            return None
        if clinic_is_empty(services, admin):
            seed_demo_clinic(services, admin, parent)
        return admin
    return LoginDialog.ask(services, parent)
