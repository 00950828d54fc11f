"""GUI composition root: settings -> engine -> services -> QApplication -> login -> main window."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from clinic_app.bootstrap import Services, open_services
from clinic_app.config import resolve_db_url

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from clinic_app.gui.main_window import MainWindow

IDLE_MINUTES_KEY = "session/idle_minutes"


def open_main_window(services: Services, settings: QSettings | None = None) -> MainWindow | None:
    """Log in (or create the first administrator) and build the main window for that user.

    None when the user cancelled the login. The window is not shown yet.
    """
    from clinic_app.gui import startup
    from clinic_app.gui.main_window import MainWindow
    from clinic_app.gui.session_guard import DEFAULT_IDLE_MINUTES

    actor = startup.start_session(services)
    if actor is None:
        return None
    idle_minutes = DEFAULT_IDLE_MINUTES
    if settings is not None:
        stored = settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES)
        try:
            idle_minutes = float(stored) if isinstance(stored, int | float | str) else idle_minutes
        except ValueError:
            idle_minutes = DEFAULT_IDLE_MINUTES
    return MainWindow(services, actor, settings=settings, idle_minutes=idle_minutes)


def run_gui(db_arg: str | None) -> int:
    """Open the chosen database, log in, and show the main window; returns the exit code.

    On a database without users :func:`clinic_app.gui.startup.start_session` asks for the
    first administrator (and seeds the demo clinic when the clinic is empty); otherwise it
    shows the login. Cancelling either ends the program quietly with code 0.
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from clinic_app.gui.resources import load_icon, stylesheet

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("clinic_app")
    app.setOrganizationName("clinic_app")
    app.setWindowIcon(load_icon("app"))
    app.setStyleSheet(stylesheet())
    try:
        services = open_services(resolve_db_url(db_arg))
    except Exception as error:  # shown to the user instead of a traceback
        QMessageBox.critical(
            None,
            app.translate("run_gui", "clinic_app"),
            app.translate("run_gui", "The database could not be opened:\n%1").replace(
                "%1", str(error)
            ),
        )
        return 1
    try:
        window = open_main_window(services, QSettings())
        if window is None:  # the login or the first-administrator dialog was cancelled
            return 0
        window.show()
        return int(app.exec())
    finally:
        services.engine.dispose()
