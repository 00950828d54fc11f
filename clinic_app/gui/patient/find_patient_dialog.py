"""Finding a patient by name or MRN (to open the patient view)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from clinic_app.bootstrap import Services
from clinic_app.gui import wording
from clinic_app.gui.common.patient_picker import PatientPicker
from clinic_app.gui.common.patient_search import patient_search
from clinic_app.services.actor import Actor
from clinic_app.services.results import PatientView


class FindPatientDialog(QDialog):
    """A search box and the matches; Enter opens the highlighted patient."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find patient"))
        self.patient: PatientView | None = None
        self.picker = PatientPicker(patient_search(services, actor), self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.picker.search_failed.connect(self._search_failed)
        self.picker.patient_chosen.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        label = QLabel(self.tr("&Name, MRN, date of birth or phone:"), self)
        label.setBuddy(self.picker.search_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.picker.search_now()
        self.picker.setFocus()
        self.resize(520, 420)

    def _search_failed(self, error: BaseException) -> None:
        explanation = wording.explain_error(error)
        self.error_label.setText(f"{explanation.headline}: {explanation.detail}")
        self.error_label.show()

    def _chosen(self, patient: PatientView) -> None:
        self.patient = patient
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, services: Services, actor: Actor) -> PatientView | None:
        """The chosen patient, or None."""
        dialog = cls(services, actor, parent)
        try:
            return dialog.patient if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
