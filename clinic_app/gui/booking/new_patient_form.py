"""Creating a patient inline, with each validation error shown next to its field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.gui.wording import explain_error
from clinic_app.services.results import PatientView

AddPatient = Callable[..., PatientView]


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


class NewPatientForm(QWidget):
    """MRN, name, date of birth, sex, phone; the service validates, the form shows where.

    Signals:
        created(object): the new :class:`PatientView`.
        cancelled(): the user went back to the search.
    """

    created = Signal(object)
    cancelled = Signal()

    def __init__(self, add_patient: AddPatient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add_patient = add_patient
        self.mrn_edit = QLineEdit(self)
        self.mrn_edit.setMaxLength(40)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.dob_edit = QLineEdit(self)
        self.dob_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.dob_edit.setMaxLength(10)
        self.sex_combo = QComboBox(self)
        self.sex_combo.addItem(self.tr("not recorded"), None)
        self.sex_combo.addItem(self.tr("F (female)"), "F")
        self.sex_combo.addItem(self.tr("M (male)"), "M")
        self.sex_combo.addItem(self.tr("X (other)"), "X")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setMaxLength(40)
        self.fields: dict[str, QWidget] = {
            "mrn": self.mrn_edit,
            "name": self.name_edit,
            "dob": self.dob_edit,
            "sex": self.sex_combo,
            "phone": self.phone_edit,
        }
        self.errors: dict[str, QLabel] = {name: _error_label(self) for name in self.fields}
        self.general_error = _error_label(self)
        labels = {
            "mrn": self.tr("&MRN:"),
            "name": self.tr("Full na&me:"),
            "dob": self.tr("Date of &birth:"),
            "sex": self.tr("Se&x:"),
            "phone": self.tr("P&hone:"),
        }
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for number, (name, widget) in enumerate(self.fields.items()):
            label = QLabel(labels[name], self)
            label.setBuddy(widget)
            grid.addWidget(label, number * 2, 0)
            grid.addWidget(widget, number * 2, 1)
            grid.addWidget(self.errors[name], number * 2 + 1, 1)
        self.create_button = QPushButton(self.tr("Create &patient"), self)
        self.back_button = QPushButton(self.tr("Back to &search"), self)
        self.create_button.clicked.connect(self.submit)
        self.back_button.clicked.connect(self.cancelled)
        for edit in (self.mrn_edit, self.name_edit, self.dob_edit, self.phone_edit):
            edit.returnPressed.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("New patient"), self)
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setFocusProxy(self.mrn_edit)

    def prefill(self, text: str) -> None:
        """Start from what was typed in the search: an MRN-looking text or a name."""
        self.clear_errors()
        text = text.strip()
        if text and any(ch.isdigit() for ch in text) and " " not in text:
            self.mrn_edit.setText(text)
        elif text:
            self.name_edit.setText(text)

    def clear_errors(self) -> None:
        """Hide every error."""
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def submit(self) -> PatientView | None:
        """Ask the service to add the patient; show its error next to the named field."""
        self.clear_errors()
        try:
            patient = self._add_patient(
                mrn=self.mrn_edit.text(),
                name=self.name_edit.text(),
                date_of_birth=self.dob_edit.text(),
                sex=self.sex_combo.currentData(),
                phone=self.phone_edit.text().strip() or None,
            )
        except InvalidInputError as error:
            self.show_error(error.field, explain_error(error).detail)
            return None
        except ClinicError as error:
            self.show_error(None, explain_error(error).detail)
            return None
        self.created.emit(patient)
        return patient

    def show_error(self, field: str | None, text: str) -> None:
        """Show ``text`` under ``field`` (or above the buttons) and focus the field."""
        label = self.errors.get(field or "", self.general_error)
        label.setText(text)
        label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
