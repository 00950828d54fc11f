"""The next free slots the booking service offered, to pick one from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from clinic_app.domain.findings import worst_severity
from clinic_app.gui import wording
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.resources import IconSet
from clinic_app.services.booking import SlotView

DAY_COLUMN, TIME_COLUMN, CHAIR_COLUMN, SAFETY_COLUMN = range(4)


class SlotTableModel(RowTableModel[SlotView]):
    """Day, time, chair and the worst finding of each offered slot; the slot that keeps the
    day's nurse load flattest has a star before its time and the reason in its tooltip."""

    def __init__(self, icons: IconSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Day"), self.tr("Time"), self.tr("Chair"), self.tr("Safety")]

    def cell(self, item: SlotView, column: int, role: int) -> Any:
        """Text per column; the safety column has the severity icon and word."""
        worst = worst_severity(f.severity for f in item.findings)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DAY_COLUMN:
                return wording.short_day_label(item.start.date())
            if column == TIME_COLUMN:
                times = f"{wording.hhmm(item.start)}-{wording.hhmm(item.end)}"
                # The level-loaded suggestion (issue 14): a star, its reason in the tooltip.
                return f"\u2605 {times}" if item.recommended else times
            if column == CHAIR_COLUMN:
                return item.chair
            if column == SAFETY_COLUMN:
                if worst is None:
                    return self.tr("no findings")
                # In words; the findings with their rule ids are in the tooltip.
                return f"{wording.severity_label(worst)}: {wording.severity_meaning(worst)}"
        if role == Qt.ItemDataRole.DecorationRole and column == SAFETY_COLUMN:
            return self._icons.severity_icon(worst)
        if role == Qt.ItemDataRole.ToolTipRole and (item.findings or item.recommended):
            lines = [wording.finding_line(f) for f in item.findings]
            if item.recommended:
                lines.insert(0, self.tr("Suggested: {reason}").format(reason=item.recommended))
            return wording.plain_tooltip("\n".join(lines))
        return None
