"""GUI composition root: settings -> engine -> services -> QApplication -> login -> main window."""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING

from clinic_app.bootstrap import DatabaseUrlError, Services, UnusableDatabaseError, open_services
from clinic_app.config import data_dir, default_db_url, resolve_db_url

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from clinic_app.gui.main_window import MainWindow

IDLE_MINUTES_KEY = "session/idle_minutes"
log = logging.getLogger(__name__)


def make_application() -> QApplication:
    """The Qt application as the window runs in it: names, language, icon and style sheet.

    The language comes from ``CLINIC_APP_LANG``, the ``ui/language`` setting or the system
    locale (:func:`clinic_app.gui.translations.choose_language`).

    Qt is imported here, after the database layer (``clinic_app.cli`` and this module import
    ``bootstrap`` first): PySide6 reads the source of every module imported after it (its
    ``__feature__`` switch), so SQLAlchemy and the services are cheaper to import before it.
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from clinic_app.gui.resources import load_icon, stylesheet
    from clinic_app.gui.translations import choose_language, install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("clinic_app")
    app.setOrganizationName("clinic_app")
    # Before any window is built: texts are translated when a widget is made.
    install_translators(app, choose_language(QSettings()))
    app.setWindowIcon(load_icon("app"))
    app.setStyleSheet(stylesheet())
    return app


def open_main_window(services: Services, settings: QSettings | None = None) -> MainWindow | None:
    """Log in (or create the first administrator) and build the main window for that user.

    None when the user cancelled the login. The window is not shown yet.
    """
    from clinic_app.gui import startup
    from clinic_app.gui.main_window import MainWindow
    from clinic_app.gui.session.session_guard import DEFAULT_IDLE_MINUTES

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


def settle_heap() -> None:
    """Once the main window is up: one full collection, then hide what survives it from the
    garbage collector.

    Modules, classes, Qt wrappers and SQLAlchemy's compiled caches live as long as the
    process; left in the collector's oldest generation, each full collection walked them all
    (~95,000 objects: about 55 ms of the GIL every tenth busy-day load, on whichever thread
    triggered it - a GUI stall of issue 10's size). ``gc.freeze`` moves them to the permanent
    generation, so a full collection walks only what was made since. The collection first
    frees start-up's own cycles (without it, peak memory grew by 16 MB); it runs while the
    first day loads and is counted in the start-up figure (issue 10, bench/README.md).
    """
    gc.collect()
    gc.freeze()


def run_gui(db_arg: str | None, server: str | None = None) -> int:
    """Open the chosen database, log in, and show the main window; returns the exit code.

    On a database without users :func:`clinic_app.gui.startup.start_session` asks for the
    first administrator (and seeds the demo clinic when the clinic is empty); otherwise it
    shows the login. Cancelling either ends the program quietly with code 0.

    With ``server`` (``--server URL`` or ``CLINIC_APP_SERVER``) the window works through that
    clinic server instead of a database (:func:`run_gui_on_server`).
    """
    if server:
        return run_gui_on_server(server)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    app = make_application()
    url = resolve_db_url(db_arg)
    # Only the first start on the default file makes a database; a database the user named
    # (--db, CLINIC_APP_DB) must exist, so a mistyped path never becomes a new, empty clinic.
    create = url == default_db_url()
    try:
        if create:
            data_dir().mkdir(parents=True, exist_ok=True)
        services = open_services(url, create=create)
    except Exception as error:  # shown to the user instead of a traceback
        QMessageBox.critical(
            None,
            app.translate("run_gui", "clinic_app"),
            app.translate("run_gui", "The database could not be opened:\n%1").replace(
                "%1", str(error)
            ),
        )
        # The exit codes of the command line: 2 a database this app cannot use, 1 unreachable.
        return 2 if isinstance(error, (UnusableDatabaseError, DatabaseUrlError)) else 1
    upgrade = services.schema_upgrade
    if upgrade is not None:
        log.warning(
            "database schema upgraded from revision %s to %s; the database before it was "
            "backed up to %s",
            upgrade.from_revision,
            upgrade.to_revision,
            upgrade.backup,
        )
    # On PostgreSQL, other desks' changes reach this window too (LISTEN/NOTIFY).
    services.start_change_listener()
    try:
        window = open_main_window(services, QSettings())
        if window is None:  # the login or the first-administrator dialog was cancelled
            return 0
        window.show()
        settle_heap()
        return int(app.exec())
    finally:
        services.close()


def run_gui_on_server(server: str) -> int:
    """The window through a clinic server (``RemoteServices``): the login asks the server for
    a session token, the server's change events keep every screen current, and the idle lock
    and switch-user end the old token. Exit 1 when the server does not answer."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from clinic_app.client import RemoteServices

    app = make_application()
    services = RemoteServices(server)
    try:
        try:
            services.auth.has_users()  # the server answers (its health route, no token)
        except Exception as error:  # shown to the user instead of a traceback
            QMessageBox.critical(
                None,
                app.translate("run_gui", "clinic_app"),
                app.translate("run_gui", "The clinic server at %1 could not be reached:\n%2")
                .replace("%1", server)
                .replace("%2", str(error)),
            )
            return 1
        # Other desks' changes reach every window through the server's event stream.
        services.start_change_listener()
        window = open_main_window(services, QSettings())  # type: ignore[arg-type]
        if window is None:
            return 0
        window.show()
        settle_heap()
        return int(app.exec())
    finally:
        services.close()
