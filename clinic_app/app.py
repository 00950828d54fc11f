"""GUI composition root: settings -> engine -> services -> QApplication -> main window."""

from __future__ import annotations

import getpass
import sys

from clinic_app.bootstrap import Services, open_services
from clinic_app.config import resolve_db_url
from clinic_app.services.actor import Actor, Role


def desk_actor() -> Actor:
    """Who the GUI acts as.

    Until the GUI has a login (the users issue replaces this), it acts as the operating-system
    user with the nurse role, so clinical overrides can be recorded from the desk PC.
    """
    try:
        username = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        username = "desk"
    return Actor(username or "desk", Role.NURSE)


def prepare_database(services: Services, actor: Actor) -> None:
    """First start on an empty database: set up the demo clinic so there is something to see."""
    from clinic_app.services.demo_data import seed_demo

    if not services.setup.is_initialised():
        # Seeding sets up the clinic, which needs an administrator; only on an empty database.
        seed_demo(services, Actor(actor.username, Role.ADMIN))


def run_gui(db_arg: str | None) -> int:
    """Open the main window on the chosen database; returns the process exit code."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from clinic_app.gui.main_window import MainWindow
    from clinic_app.gui.resources import load_icon, stylesheet

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("clinic_app")
    app.setOrganizationName("clinic_app")
    app.setWindowIcon(load_icon("app"))
    app.setStyleSheet(stylesheet())
    actor = desk_actor()
    try:
        services = open_services(resolve_db_url(db_arg))
        prepare_database(services, actor)
    except Exception as error:  # shown to the user instead of a traceback
        QMessageBox.critical(
            None,
            app.translate("run_gui", "clinic_app"),
            app.translate("run_gui", "The database could not be opened:\n%1").replace(
                "%1", str(error)
            ),
        )
        return 1
    settings = QSettings()
    window = MainWindow(services, actor, settings=settings)
    window.show()
    code = int(app.exec())
    services.engine.dispose()
    return code
