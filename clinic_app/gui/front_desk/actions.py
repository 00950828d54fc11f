"""How the main window's actions are made: text, keys, icon and tip, in one place.

Every text of the window and its parts is translated in the ``MainWindow`` context (the
context the window's own ``tr`` uses), so moving code between the parts changes no
translation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from clinic_app.gui.resources import IconSet

CONTEXT = "MainWindow"
Shortcut = QKeySequence | QKeySequence.StandardKey | str


def tr(text: str) -> str:
    """Translate in the main window's context."""
    return QCoreApplication.translate(CONTEXT, text)


def make_action(
    parent: QObject,
    icons: IconSet,
    text: str,
    slot: Callable[[], Any],
    shortcuts: tuple[Shortcut, ...] = (),
    icon: str | None = None,
    tip: str | None = None,
) -> QAction:
    """An action calling ``slot()``; its shortcuts work anywhere in the window it is added to
    (the window adds its actions, in the order the shortcuts overview lists them)."""
    action = QAction(text, parent)
    if icon:
        action.setIcon(icons.icon(icon))
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action
