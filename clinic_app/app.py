"""GUI composition root: settings -> engine -> services -> QApplication -> main window."""

from __future__ import annotations

import sys

from clinic_app.bootstrap import Services, open_services
from clinic_app.config import resolve_db_url


def prepare_database(services: Services) -> None:
    """First start on an empty database: set up the demo clinic so there is something to see."""
    from clinic_app.services.demo_data import seed_demo

    if not services.setup.is_initialised():
        seed_demo(services)


def run_gui(db_arg: str | None) -> int:
    """Open the main window on the chosen database; returns the process exit code."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from clinic_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("clinic_app")
    app.setOrganizationName("clinic_app")
    try:
        services = open_services(resolve_db_url(db_arg))
        prepare_database(services)
    except Exception as error:  # shown to the user instead of a traceback
        QMessageBox.critical(None, "clinic_app", f"The database could not be opened:\n{error}")
        return 1
    window = MainWindow(services)
    window.show()
    return int(app.exec())
