"""The shortcuts overview lists every action with text, with its keys as the platform writes."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from clinic_app.gui.day_grid.shortcuts_dialog import ShortcutsDialog


def test_every_action_with_text_and_its_keys(qtbot: QtBot) -> None:
    today = QAction("&Today")
    today.setShortcuts([QKeySequence("Ctrl+T"), QKeySequence("Alt+Home")])
    quiet = QAction("")  # a separator-like action without text is left out
    book = QAction("&New booking…")
    dialog = ShortcutsDialog([today, quiet, book])
    qtbot.addWidget(dialog)
    native = QKeySequence.SequenceFormat.NativeText
    assert dialog.rows() == [
        (
            "Today",
            f"{QKeySequence('Ctrl+T').toString(native)}, "
            f"{QKeySequence('Alt+Home').toString(native)}",
        ),
        ("New booking…", ""),
    ]
    assert dialog.windowTitle() == "Keyboard shortcuts"
