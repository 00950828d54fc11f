"""The keyboard shortcuts overview (F1): every action of a window with its keys."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    """A table of actions and their shortcuts, and how the grid and dialogs use the keys."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        shown = [a for a in actions if a.text()]
        self.table = QTableWidget(len(shown), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        for row, action in enumerate(shown):
            self.table.setItem(row, 0, QTableWidgetItem(action.text().replace("&", "")))
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        extra = QLabel(
            self.tr(
                "In the grid: arrow keys move, Enter opens the patient or books the free slot, "
                "drag a session to move it. In the booking dialog: Enter takes the patient or "
                "slot, Ctrl+F finds free slots, Ctrl+Enter books."
            ),
            self,
        )
        extra.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(extra)
        layout.addWidget(buttons)
        self.resize(520, 520)

    def rows(self) -> list[tuple[str, str]]:
        """(action, shortcuts) as the table shows them."""
        cells = []
        for r in range(self.table.rowCount()):
            action, keys = self.table.item(r, 0), self.table.item(r, 1)
            cells.append((action.text() if action else "", keys.text() if keys else ""))
        return cells

    @classmethod
    def ask(cls, parent: QWidget, actions: Sequence[QAction]) -> None:
        """Show the overview modally (tests replace this)."""
        dialog = cls(actions, parent)
        dialog.exec()
        dialog.deleteLater()
