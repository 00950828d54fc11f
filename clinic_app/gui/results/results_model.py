"""The nurses' results list as one table: URGENT alerts (R3), low values after iron (R2, call
the prescriber), results not back (R4), and sessions that cannot go ahead and why.

A thin adapter over ``LabResultsService.results_list``'s ``ResultsList``: each item becomes a
``ResultsListRow``; nothing is decided here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from clinic_app.gui import wording
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.services.visit_views import (
    AlertView,
    MissingResult,
    ResultsList,
    StoppedSession,
)

URGENT_FILL = "#fde2e4"
ALERT_FILL = "#fff3cd"


class RowKind(enum.IntEnum):
    """What a row of the list is, in the order the list shows them."""

    URGENT = 0
    ALERT = 1
    NOT_BACK = 2
    STOPPED = 3


class ResultsColumn(enum.IntEnum):
    """Columns of the results list."""

    KIND = 0
    PATIENT = 1
    MRN = 2
    WHEN = 3
    WHAT = 4
    TO_DO = 5


@dataclass(frozen=True, slots=True)
class ResultsListRow:
    """One line of the list, with the service object it shows."""

    kind: RowKind
    mrn: str
    patient_name: str
    when: datetime
    what: str
    alert: AlertView | None = None
    missing: MissingResult | None = None
    stopped: StoppedSession | None = None


def listing_rows(listing: ResultsList) -> list[ResultsListRow]:
    """The list's items as rows: URGENT first, then ALERT, not back, stopped sessions."""
    rows = [
        ResultsListRow(RowKind.URGENT, a.mrn, a.patient_name, a.created_at, a.message, alert=a)
        for a in listing.urgent
    ]
    rows += [
        ResultsListRow(RowKind.ALERT, a.mrn, a.patient_name, a.created_at, a.message, alert=a)
        for a in listing.alerts
    ]
    rows += [
        ResultsListRow(RowKind.NOT_BACK, m.mrn, m.patient_name, m.drawn_at, m.message, missing=m)
        for m in listing.not_back
    ]
    rows += [
        ResultsListRow(
            RowKind.STOPPED,
            s.mrn,
            s.patient_name,
            s.start,
            "\n".join(
                f"{wording.severity_label(f.severity)} {f.rule}: {f.message}" for f in s.findings
            ),
            stopped=s,
        )
        for s in listing.stopped_sessions
    ]
    return rows


class ResultsListModel(RowTableModel[ResultsListRow]):
    """Kind, patient, MRN, when, what, and what the nurse should do."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            ResultsColumn.KIND: self.tr("Kind"),
            ResultsColumn.PATIENT: self.tr("Patient"),
            ResultsColumn.MRN: self.tr("MRN"),
            ResultsColumn.WHEN: self.tr("When"),
            ResultsColumn.WHAT: self.tr("What"),
            ResultsColumn.TO_DO: self.tr("To do"),
        }

    def set_listing(self, listing: ResultsList) -> None:
        """Show ``listing``."""
        self.set_rows(listing_rows(listing))

    def count(self, kind: RowKind) -> int:
        """How many rows of ``kind`` are shown."""
        return sum(1 for row in self._rows if row.kind is kind)

    def headers(self) -> list[str]:
        """The :class:`ResultsColumn` titles."""
        return [self._headers[column] for column in ResultsColumn]

    def kind_label(self, row: ResultsListRow) -> str:
        """The marker word of a row (never colour alone)."""
        if row.kind is RowKind.URGENT:
            return self.tr("URGENT")
        if row.kind is RowKind.ALERT:
            return self.tr("ALERT")
        if row.kind is RowKind.NOT_BACK:
            return self.tr("NOT BACK")
        return self.tr("STOPPED")

    def to_do(self, row: ResultsListRow) -> str:
        """What the nurse does about the row."""
        if row.kind is RowKind.URGENT:
            return self.tr("Act now, then acknowledge with a note")
        if row.kind is RowKind.ALERT:
            return self.tr("Call the prescriber, then acknowledge with a note")
        if row.kind is RowKind.NOT_BACK:
            return self.tr("Chase the laboratory, or record the results")
        return self.tr("Do not start: override at check-in or rebook")

    def _when(self, row: ResultsListRow) -> str:
        text = f"{wording.short_day_label(row.when.date())} {wording.hhmm(row.when)}"
        if row.kind is RowKind.NOT_BACK and row.missing is not None:
            return (
                self.tr("drawn %1, due by %2")
                .replace("%1", text)
                .replace("%2", wording.short_day_label(row.missing.due_by))
            )
        if row.kind is RowKind.STOPPED and row.stopped is not None:
            return (
                self.tr("%1, %2, %3")
                .replace("%1", text)
                .replace("%2", row.stopped.chair)
                .replace("%3", row.stopped.therapy_name)
            )
        return text

    def _what(self, row: ResultsListRow) -> str:
        if row.kind is RowKind.NOT_BACK and row.missing is not None:
            return (
                self.tr("Lab draw %1: %2 not back")
                .replace("%1", str(row.missing.lab_id))
                .replace("%2", ", ".join(row.missing.missing_tests))
            )
        return row.what

    def cell(self, item: ResultsListRow, column: int, role: int) -> Any:
        """Text by column; the kind is a word, bold, with a tinted row for URGENT and ALERT."""
        col = ResultsColumn(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col is ResultsColumn.KIND:
                return self.kind_label(item)
            if col is ResultsColumn.PATIENT:
                return item.patient_name
            if col is ResultsColumn.MRN:
                return item.mrn
            if col is ResultsColumn.WHEN:
                return self._when(item)
            if col is ResultsColumn.WHAT:
                return self._what(item)
            return self.to_do(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.plain_tooltip(
                f"{self.kind_label(item)} \u2014 {self._what(item)}\n{self.to_do(item)}"
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.kind is RowKind.URGENT:
                return QBrush(QColor(URGENT_FILL))
            if item.kind is RowKind.ALERT:
                return QBrush(QColor(ALERT_FILL))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col is ResultsColumn.KIND and item.kind is RowKind.URGENT:
                return QBrush(QColor("#b00020"))
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.FontRole and col is ResultsColumn.KIND:
            font = QFont()
            font.setBold(True)
            return font
        return None
