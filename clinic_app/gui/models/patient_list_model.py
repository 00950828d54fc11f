"""The patients found by the search box (name or MRN as you type)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from clinic_app.gui import wording
from clinic_app.services.results import PatientView

ModelIndex = QModelIndex | QPersistentModelIndex
PATIENT_ROLE = Qt.ItemDataRole.UserRole + 1


class PatientListModel(QAbstractListModel):
    """A list of :class:`PatientView`; the display text is plain (names are patient data)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._patients: list[PatientView] = []

    def set_patients(self, patients: Sequence[PatientView]) -> None:
        """Replace the list with a new search result."""
        self.beginResetModel()
        self._patients = list(patients)
        self.endResetModel()

    def patient(self, row: int) -> PatientView:
        """The patient in ``row``."""
        return self._patients[row]

    def patients(self) -> list[PatientView]:
        """Every patient listed."""
        return list(self._patients)

    def row_of(self, mrn: str) -> int:
        """The row of ``mrn`` or -1."""
        for row, patient in enumerate(self._patients):
            if patient.mrn == mrn:
                return row
        return -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per patient."""
        return 0 if parent.isValid() else len(self._patients)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """``Name   MRN   born YYYY-MM-DD`` and the patient object."""
        if not index.isValid() or not 0 <= index.row() < len(self._patients):
            return None
        patient = self._patients[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                self.tr("%1 · %2 · born %3")
                .replace("%1", patient.name)
                .replace("%2", patient.mrn)
                .replace("%3", patient.date_of_birth.isoformat())
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.plain_tooltip(patient.notes)
        if role == PATIENT_ROLE:
            return patient
        return None
