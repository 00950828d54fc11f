"""Lab draws that serve a session: the ones a booking will add, and those already booked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from clinic_app.gui import wording
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.services.results import LabView

STATE_COLUMN, WHEN_COLUMN, TESTS_COLUMN, WHY_COLUMN = range(4)


class LabTableModel(RowTableModel[LabView]):
    """New (not yet saved) draws first and in bold, then the ones already booked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Lab draw"), self.tr("When"), self.tr("Tests"), self.tr("Why")]

    def set_labs(self, labs: tuple[LabView, ...]) -> None:
        """Show ``labs``; those without an id are the ones the booking will add."""
        self.set_rows(sorted(labs, key=lambda lab: (lab.id is not None, lab.start)))

    def new_labs(self) -> list[LabView]:
        """The draws the booking will add."""
        return [lab for lab in self.rows() if lab.id is None]

    def cell(self, item: LabView, column: int, role: int) -> Any:
        """Text per column; new draws in bold."""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STATE_COLUMN:
                return self.tr("will be added") if item.id is None else self.tr("already booked")
            if column == WHEN_COLUMN:
                return f"{wording.short_day_label(item.start.date())} {wording.hhmm(item.start)}"
            if column == TESTS_COLUMN:
                return wording.lab_tests(item)
            if column == WHY_COLUMN:
                return "; ".join(dict.fromkeys(item.labels)) or ", ".join(item.rules)
        if role == Qt.ItemDataRole.FontRole and item.id is None:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.plain_tooltip(wording.lab_tooltip(item))
        return None
