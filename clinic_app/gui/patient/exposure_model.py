"""A patient's recorded outside exposures (drugs given elsewhere)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from clinic_app.gui import wording
from clinic_app.gui.common.dates import short_date
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.patient.exposure_dialogs import when_text
from clinic_app.services.results import ExposureView

DRUG_COLUMN, LAST_DOSE_COLUMN, ONGOING_COLUMN, WHERE_COLUMN = range(4)


class ExposureTableModel(RowTableModel[ExposureView]):
    """Drug, last dose, ongoing since, where given."""

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Drug"),
            self.tr("Last dose"),
            self.tr("Ongoing since"),
            self.tr("Where given"),
        ]

    def cell(self, item: ExposureView, column: int, role: int) -> Any:
        """Plain text per column; the whole row in words as the tooltip (cut cells)."""
        if role == Qt.ItemDataRole.ToolTipRole:
            where = f" ({item.where_given})" if item.where_given else ""
            return wording.plain_tooltip(f"{item.drug_name}: {when_text(item)}{where}")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == DRUG_COLUMN:
            return item.drug_name
        if column == LAST_DOSE_COLUMN:
            if item.last_dose_unknown:  # said in words, never a blank cell
                return when_text(item)
            return short_date(item.last_dose_date) if item.last_dose_date else ""
        if column == ONGOING_COLUMN:
            return short_date(item.ongoing_since) if item.ongoing_since else ""
        if column == WHERE_COLUMN:
            return item.where_given
        return None
