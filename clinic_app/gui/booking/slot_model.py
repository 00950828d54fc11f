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
SUGGESTED_MARK = "\u2605"  # the star of the suggested option


class SlotTableModel(RowTableModel[SlotView]):
    """Day, time, chair and the worst finding of each offered slot.

    Two marks before the time, each with its reason in the tooltip (issue 14): a star on the
    suggested option, and the template badge (``[T]``) on an option that takes a free start
    of the clinic's weekly slot template. Marks are characters, never colour alone.
    """

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
                return " ".join([*self._marks(item), self._times(item)])
            if column == CHAIR_COLUMN:
                return item.chair
            if column == SAFETY_COLUMN:
                if worst is None:
                    return self.tr("no findings")
                # In words; the findings with their rule ids are in the tooltip.
                return f"{wording.severity_label(worst)}: {wording.severity_meaning(worst)}"
        if role == Qt.ItemDataRole.DecorationRole and column == SAFETY_COLUMN:
            return self._icons.severity_icon(worst)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TIME_COLUMN:
            words = []
            if item.recommended:
                words.append(self.tr("suggested"))
            if item.template:
                words.append(self.tr("template start"))
            return ", ".join([*words, self._times(item)])
        if role == Qt.ItemDataRole.ToolTipRole and (
            item.findings or item.recommended or item.template
        ):
            lines = [wording.finding_line(f) for f in item.findings]
            if item.template:
                lines.insert(0, self.tr("Template: {reason}").format(reason=item.template))
            if item.recommended:
                lines.insert(0, self.tr("Suggested: {reason}").format(reason=item.recommended))
            return wording.plain_tooltip("\n".join(lines))
        return None

    def template_mark(self) -> str:
        """The badge of a template start (also in the booking dialog's legend)."""
        return self.tr("[T]")

    def _marks(self, item: SlotView) -> list[str]:
        marks = [SUGGESTED_MARK] if item.recommended else []
        if item.template:
            marks.append(self.template_mark())
        return marks

    @staticmethod
    def _times(item: SlotView) -> str:
        return f"{wording.hhmm(item.start)}-{wording.hhmm(item.end)}"
