"""The main window's menu bar, toolbar, details dock and the Reports menu.

The actions come from the window's parts; this module only places them. The Reports menu is
rebuilt for each user (its actions depend on the role) and kept before Administration and
Help.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from clinic_app.gui.day_grid.details_panel import DetailsPanel
from clinic_app.gui.front_desk.actions import tr
from clinic_app.gui.reports.reports_menu import add_reports_actions
from clinic_app.gui.translations import (
    LANGUAGE_KEY,
    LANGUAGE_NAMES,
    available_languages,
    choose_language,
)

if TYPE_CHECKING:
    from clinic_app.gui.main_window import MainWindow

DETAILS_WIDTH = 240


@dataclass(frozen=True, slots=True)
class Menus:
    """The menus the window keeps: View (the details dock adds its toggle), Status (also in
    the grid's context menu), Help and Administration (the Reports menu goes before them)."""

    view: QMenu
    status: QMenu
    administration: QMenu
    help: QMenu


def _add_all(menu: QMenu, actions: tuple[QAction | None, ...]) -> None:
    """Add ``actions`` to ``menu``; None is a separator."""
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def build_menus(window: MainWindow, reports: ReportsMenu) -> Menus:
    """File, View, Session (with Status), Patient, Reports, Administration and Help."""
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    _add_all(file_menu, (window.lock_action, window.switch_user_action, None, window.quit_action))
    view_menu = bar.addMenu(tr("&View"))
    _add_all(
        view_menu,
        (
            window.today_action,
            window.previous_action,
            window.next_action,
            window.go_to_action,
            None,
            window.day_view_action,
            window.week_view_action,
            None,
            window.refresh_action,
            window.dismiss_action,
        ),
    )
    view_menu.addSeparator()
    build_language_menu(window, view_menu)
    session_menu = bar.addMenu(tr("&Session"))
    _add_all(
        session_menu,
        (
            window.new_booking_action,
            window.series_action,
            None,
            window.move_action,
            window.cancel_action,
            None,
            window.letters_action,
        ),
    )
    status_menu = session_menu.addMenu(window.icons.icon("status"), tr("S&tatus"))
    for action in window.status_actions.values():
        status_menu.addAction(action)
    patient_menu = bar.addMenu(tr("&Patient"))
    _add_all(
        patient_menu,
        (
            window.patient_action,
            window.find_patient_action,
            None,
            window.results_action,
            window.tool_windows.waitlist_action,
        ),
    )
    reports.rebuild(None)
    admin_menu = bar.addMenu(tr("&Administration"))
    admin_menu.addAction(window.audit_action)
    admin_menu.addAction(window.users_action)
    admin_menu.addAction(window.tool_windows.settings_action)
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(window.shortcuts_action)
    return Menus(view_menu, status_menu, admin_menu, help_menu)


def build_language_menu(window: MainWindow, view_menu: QMenu) -> QMenu:
    """View > Language: one checkable entry per language, stored in the ``ui/language``
    setting and used from the next start (texts are translated when a window is built)."""
    menu = view_menu.addMenu(tr("&Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    current = choose_language(window.settings)
    for language in available_languages():
        action = menu.addAction(LANGUAGE_NAMES[language])
        action.setCheckable(True)
        action.setChecked(language == current)
        action.setData(language)
        group.addAction(action)

        def choose(_checked: bool = False, language: str = language) -> None:
            if window.settings is not None:
                window.settings.setValue(LANGUAGE_KEY, language)
            window.statusBar().showMessage(
                tr("The language changes to %1 at the next start.").replace(
                    "%1", LANGUAGE_NAMES[language]
                )
            )

        action.triggered.connect(choose)
    return menu


def build_toolbar(window: MainWindow) -> None:
    """Navigation, the date picker, booking and the views; icon-only buttons say their keys."""
    toolbar = window.addToolBar(tr("Navigation"))
    toolbar.setObjectName("navigationToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addAction(window.today_action)
    toolbar.addAction(window.previous_action)
    toolbar.addWidget(window.date_edit)
    toolbar.addAction(window.next_action)
    toolbar.addSeparator()
    toolbar.addAction(window.new_booking_action)
    toolbar.addAction(window.move_action)
    toolbar.addAction(window.cancel_action)
    toolbar.addSeparator()
    toolbar.addAction(window.find_patient_action)
    toolbar.addAction(window.week_view_action)
    toolbar.addAction(window.refresh_action)
    for action in (window.previous_action, window.next_action, window.refresh_action):
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setProperty("iconOnly", True)
            button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


def build_details_dock(window: MainWindow, view_menu: QMenu) -> tuple[DetailsPanel, QDockWidget]:
    """The "Selected" dock on the right: the selected cell's details and its main actions."""
    details = DetailsPanel(
        window.icons,
        [
            window.move_action,
            window.cancel_action,
            window.patient_action,
            window.new_booking_action,
        ],
        window,
    )
    dock = QDockWidget(tr("Selected"), window)
    dock.setObjectName("detailsDock")
    dock.setWidget(details)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [DETAILS_WIDTH], Qt.Orientation.Horizontal)
    toggle = dock.toggleViewAction()
    toggle.setText(tr("&Details panel"))
    toggle.setShortcut(QKeySequence(tr("F9")))
    view_menu.addAction(toggle)
    return details, dock


class ReportsMenu:
    """The Reports menu for the window's current user, kept before Administration and Help."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.actions: list[QAction] = []
        self._menu_action: QAction | None = None

    def rebuild(self, administration: QMenu | None) -> None:
        """Replace the menu with the one for the window's user (``administration``: the menu
        it goes before; None while the menu bar is still being built)."""
        window = self._window
        bar = window.menuBar()
        self._remove()
        before = set(bar.actions())
        self.actions = add_reports_actions(window, window.services, window.actor)
        added = [a for a in bar.actions() if a not in before]
        self._menu_action = added[0] if added else None
        if self._menu_action is not None and administration is not None:
            # Keep the menu bar's order: Reports before Administration and Help.
            bar.removeAction(self._menu_action)
            bar.insertAction(administration.menuAction(), self._menu_action)
        for action in self.actions:
            window.addAction(action)  # listed in the shortcuts overview

    def _remove(self) -> None:
        """Take the previous user's menu and actions out of the window."""
        if self._menu_action is None:
            return
        window = self._window
        window.menuBar().removeAction(self._menu_action)
        menu = self._menu_action.menu()
        for action in self.actions:
            window.removeAction(action)
            action.deleteLater()
        if menu is not None:
            menu.deleteLater()
