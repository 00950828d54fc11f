"""The re-plan's change list as a table (issue 14): one row per session the re-plan changes,
from -> to chair, time and nurse, and why. A thin adapter over ``ReplanProposal.changes``."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from clinic_app.exports.pdf_export import FLAG_COLOUR, FLAG_FILL
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.services.day_replan import ReplanChange, ReplanProposal


class ReplanColumn(enum.IntEnum):
    """The change table's columns, in order."""

    PATIENT = 0
    MRN = 1
    THERAPY = 2
    FROM = 3
    TO = 4
    NURSE = 5
    REASON = 6


class ReplanModel(RowTableModel[ReplanChange]):
    """The proposed changes; a session that needs a new day is tinted and says so."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            ReplanColumn.PATIENT: self.tr("Patient"),
            ReplanColumn.MRN: self.tr("MRN"),
            ReplanColumn.THERAPY: self.tr("Therapy"),
            ReplanColumn.FROM: self.tr("From"),
            ReplanColumn.TO: self.tr("To"),
            ReplanColumn.NURSE: self.tr("Nurse"),
            ReplanColumn.REASON: self.tr("Why"),
        }
        self._reasons = {
            "late": self.tr("Running late"),
            "chair": self.tr("Its chair is taken then"),
            "patient": self.tr("The patient is still in another session"),
            "nurse": self.tr("No nurse free then"),
            "closed": self.tr("It would end after closing"),
            "reassigned": self.tr("Another nurse"),
        }

    def set_proposal(self, proposal: ReplanProposal | None) -> None:
        """Show ``proposal``'s changes (none for None)."""
        self.set_rows(proposal.changes if proposal is not None else ())

    def headers(self) -> list[str]:
        """The :class:`ReplanColumn` titles."""
        return [self._headers[column] for column in ReplanColumn]

    def reason_text(self, reason: str) -> str:
        """A change's reason in words."""
        return self._reasons.get(reason, reason)

    def cell(self, change: ReplanChange, index: int, role: int) -> Any:
        """Cell contents by role."""
        column = ReplanColumn(index)
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._text(change, column)
        if role == Qt.ItemDataRole.BackgroundRole and change.needs_new_day:
            return QBrush(QColor(FLAG_FILL))
        if role == Qt.ItemDataRole.ForegroundRole and change.needs_new_day:
            return QBrush(QColor(FLAG_COLOUR)) if column is ReplanColumn.TO else None
        return None

    def _text(self, change: ReplanChange, column: ReplanColumn) -> str:
        if column is ReplanColumn.PATIENT:
            return change.patient_name
        if column is ReplanColumn.MRN:
            return change.mrn
        if column is ReplanColumn.THERAPY:
            return change.therapy_name
        if column is ReplanColumn.FROM:
            return f"{change.from_chair} {change.from_start:%H:%M}"
        if column is ReplanColumn.TO:
            if change.to_start is None or change.to_chair is None:
                return self.tr("Needs a new day")
            return f"{change.to_chair} {change.to_start:%H:%M}"
        if column is ReplanColumn.NURSE:
            nobody = self.tr("nobody")
            before, after = change.from_nurse or nobody, change.to_nurse or nobody
            if change.needs_new_day:
                return before
            return before if before == after else f"{before} \u2192 {after}"
        return self.reason_text(change.reason)
