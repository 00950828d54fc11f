"""Acknowledging a result alert with a note, and an import refused line by line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.services.lab_results import MAX_NOTE
from clinic_app.services.visit_views import AlertView, ImportProblem


class AcknowledgeDialog(QDialog):
    """Asks what was done about an alert; the button stays disabled until a note is typed."""

    def __init__(self, alert: AlertView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge %1 alert").replace("%1", alert.level))
        about = QLabel(
            self.tr("%1 %2 (%3): %4")
            .replace("%1", alert.level)
            .replace("%2", alert.patient_name)
            .replace("%3", alert.mrn)
            .replace("%4", alert.message),
            self,
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        prompt = QLabel(self.tr("&Note (what was done, who was called; kept with your name):"))
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        prompt.setBuddy(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Acknowledge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(prompt)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(560, 260)
        self._update()

    def note_text(self) -> str:
        """The typed note, trimmed."""
        return self.note.toPlainText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(0 < len(self.note_text()) <= MAX_NOTE)

    @classmethod
    def ask(cls, parent: QWidget | None, alert: AlertView) -> str | None:
        """The note, or None when cancelled (tests replace this)."""
        dialog = cls(alert, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.note_text()
            return None
        finally:
            dialog.deleteLater()


class ImportRefusedDialog(QDialog):
    """Why a laboratory file was refused, one line per refused line or segment."""

    def __init__(
        self, source: str, problems: tuple[ImportProblem, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused"))
        about = QLabel(
            self.tr(
                "Nothing was imported from %1: the file is imported whole or not at all. "
                "Correct these lines (or ask the laboratory to resend) and import it again."
            ).replace("%1", source),
            self,
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Refused lines"))
        self.problems.addItems([p.describe() for p in problems])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)

    @classmethod
    def tell(cls, parent: QWidget | None, source: str, problems: tuple[ImportProblem, ...]) -> None:
        """Show the refusal modally (tests replace this)."""
        dialog = cls(source, problems, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
