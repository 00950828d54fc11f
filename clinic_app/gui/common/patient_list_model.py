"""The patients found by the search box (name or MRN as you type)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from clinic_app.gui import wording
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.services.results import PatientView

PATIENT_ROLE = Qt.ItemDataRole.UserRole + 1


class PatientListModel(RowTableModel[PatientView]):
    """One column of :class:`PatientView` for a list view; the text is plain (names are
    patient data).

    ``today`` gives the day ages are counted to (the clinic's clock where one is at hand).
    """

    def __init__(
        self, parent: QObject | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today

    def set_patients(self, patients: Sequence[PatientView]) -> None:
        """Replace the list with a new search result."""
        self.set_rows(patients)

    def patient(self, row: int) -> PatientView:
        """The patient in ``row``."""
        return self.item(row)

    def patients(self) -> list[PatientView]:
        """Every patient listed."""
        return self.rows()

    def row_of(self, mrn: str) -> int:
        """The row of ``mrn`` or -1."""
        for row, patient in enumerate(self._rows):
            if patient.mrn == mrn:
                return row
        return -1

    def headers(self) -> list[str]:
        """The one column."""
        return [self.tr("Patient")]

    def cell(self, patient: PatientView, column: int, role: int) -> Any:
        """``Name · MRN · born Wed 2 Dec 1950, 75 years`` and the patient object."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                self.tr("%1 · %2 · %3")
                .replace("%1", patient.name)
                .replace("%2", patient.mrn)
                .replace("%3", wording.age_words(patient.date_of_birth, self._today()))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.plain_tooltip(patient.notes)
        if role == PATIENT_ROLE:
            return patient
        return None
