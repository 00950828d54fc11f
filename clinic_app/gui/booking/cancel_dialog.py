"""Cancelling a session, with a reason for the audit trail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.gui import wording
from clinic_app.services.results import SessionView

MAX_REASON = 500  # the service's limit


class CancelDialog(QDialog):
    """Asks for the reason; the window then asks the booking service to cancel."""

    def __init__(self, session: SessionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel session"))
        summary = QLabel(self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        summary.setText(
            self.tr("Cancel %1 for %2 (%3) on %4 at %5 in %6?")
            .replace("%1", session.therapy_name)
            .replace("%2", session.patient_name)
            .replace("%3", session.mrn)
            .replace("%4", wording.short_day_label(session.start.date()))
            .replace("%5", wording.hhmm(session.start))
            .replace("%6", session.chair)
        )
        hint = QLabel(
            self.tr("Lab draws that only this session needs are cancelled with it."), self
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        label = QLabel(self.tr("&Reason:"), self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("e.g. patient phoned, unwell"))
        label.setBuddy(self.reason_edit)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(
            self.tr("Cancel &session"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        keep = buttons.addButton(self.tr("&Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(hint)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()
        self.resize(520, 200)

    def reason(self) -> str:
        """The typed reason."""
        return self.reason_edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, session: SessionView) -> str | None:
        """The reason to cancel with, or None when the user keeps the session."""
        dialog = cls(session, parent)
        try:
            return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
