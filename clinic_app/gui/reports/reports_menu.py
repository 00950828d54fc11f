"""Menu entries that open the daily list, the export dialog, the utilisation and capacity
reports, the slot template and its compliance report.

The main window calls ``add_reports_actions(window, services, actor)`` once; each action opens
its window (or brings the open one to the front). Actions the actor's role may not use are
disabled rather than hidden, so people can see what exists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from clinic_app.bootstrap import Services
from clinic_app.services.actor import Actor, Permission


def add_reports_actions(window: QMainWindow, services: Services, actor: Actor) -> list[QAction]:
    """Add a "Reports" menu to ``window`` and return its actions (for toolbars).

    Each window's module (the daily list brings Qt's print support and the PDF writers) is
    imported when the window is first opened, not while the main window is being built.
    """
    tr = QCoreApplication.translate
    open_windows: dict[str, QWidget] = {}

    def opener(key: str, build: Callable[[], QWidget]) -> Callable[[], None]:
        def open_it() -> None:
            widget = open_windows.get(key)
            if widget is None:
                widget = build()
                widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                open_windows[key] = widget
                widget.destroyed.connect(lambda *_: open_windows.pop(key, None))
            widget.show()
            widget.raise_()
            widget.activateWindow()

        return open_it

    entries = (
        (
            "daily",
            tr("ReportsMenu", "&Daily list"),
            "Ctrl+L",
            Permission.VIEW,
            lambda: _daily_list(services, actor, window),
        ),
        (
            "export",
            tr("ReportsMenu", "&Export schedule..."),
            "Ctrl+E",
            Permission.EXPORT,
            lambda: _export_dialog(services, actor, window),
        ),
        (
            "utilisation",
            tr("ReportsMenu", "&Utilisation report"),
            "Ctrl+U",
            Permission.EXPORT,
            lambda: _utilisation(services, actor, window),
        ),
        (
            "capacity",
            tr("ReportsMenu", "&Capacity report"),
            "Ctrl+Shift+C",
            Permission.EXPORT,
            lambda: _capacity(services, actor, window),
        ),
        (
            # Every role reads the template and a day's free template starts; only managers
            # and administrators build one (the window says so).
            "template",
            tr("ReportsMenu", "Slot &template"),
            "Ctrl+Shift+G",
            Permission.VIEW,
            lambda: _template(services, actor, window),
        ),
        (
            "compliance",
            tr("ReportsMenu", "Template c&ompliance report"),
            "Ctrl+Shift+K",
            Permission.EXPORT,
            lambda: _compliance(services, actor, window),
        ),
    )
    menu = window.menuBar().addMenu(tr("ReportsMenu", "&Reports"))
    actions = []
    for key, text, shortcut, permission, build in entries:
        action = QAction(text, window)
        action.setShortcut(QKeySequence(shortcut))
        action.setEnabled(actor.can(permission))
        action.triggered.connect(opener(key, build))
        menu.addAction(action)
        actions.append(action)
    return actions


def _daily_list(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    from clinic_app.gui.daily_list.daily_list_window import DailyListWindow

    shown = DailyListWindow(services, actor, parent)
    tools = getattr(parent, "tool_windows", None)
    if tools is not None:  # in the main window: a freed slot is offered to the waitlist
        shown.status_changed.connect(
            lambda session_id, status: (
                tools.offer_freed_slot(session_id) if status in ("cancelled", "no-show") else None
            )
        )
    return shown


def _export_dialog(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    from clinic_app.gui.common.export_dialog import ExportDialog

    return ExportDialog(services, actor, parent)


def _utilisation(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    from clinic_app.gui.reports.utilisation_view import UtilisationWindow

    return UtilisationWindow(services, actor, parent)


def _capacity(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    from clinic_app.gui.reports.capacity_view import CapacityWindow

    return CapacityWindow(services, actor, parent)


def _template(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    from clinic_app.gui.reports.template_view import TemplateWindow

    return TemplateWindow(services, actor, parent)


def _compliance(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    from clinic_app.gui.reports.compliance_view import ComplianceWindow

    return ComplianceWindow(services, actor, parent)
