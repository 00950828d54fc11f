"""A patient's timeline: sessions and lab draws in date order, with their findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from clinic_app.gui import wording
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.resources import IconSet
from clinic_app.services.results import LabView, SessionView

WHEN_COLUMN, WHAT_COLUMN, WHERE_COLUMN, STATUS_COLUMN, FINDINGS_COLUMN = range(5)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A session or a lab draw of the patient."""

    session: SessionView | None = None
    lab: LabView | None = None

    @property
    def start(self) -> datetime:
        """When it starts (local)."""
        item = self.session or self.lab
        assert item is not None
        return item.start


class TimelineTableModel(RowTableModel[TimelineEntry]):
    """When, what, where, status and findings; past and cancelled entries in grey."""

    def __init__(self, icons: IconSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._grey = QColor("#6b7580")
        self._now: datetime | None = None

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("When"),
            self.tr("What"),
            self.tr("Where"),
            self.tr("Status"),
            self.tr("Findings"),
        ]

    def set_timeline(
        self, sessions: Sequence[SessionView], labs: Sequence[LabView], now: datetime
    ) -> None:
        """Show ``sessions`` and ``labs`` merged in time order."""
        self._now = now
        entries = [TimelineEntry(session=s) for s in sessions]
        entries += [TimelineEntry(lab=lab) for lab in labs]
        self.set_rows(sorted(entries, key=lambda e: e.start))

    def cell(self, item: TimelineEntry, column: int, role: int) -> Any:
        """Plain text, the worst finding's icon, grey for past or cancelled."""
        session, lab = item.session, item.lab
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN_COLUMN:
                return f"{wording.short_date(item.start.date())} {wording.hhmm(item.start)}"
            if column == WHAT_COLUMN:
                if session is not None:
                    return session.therapy_name
                assert lab is not None
                return self.tr("Lab draw: %1").replace("%1", wording.lab_tests(lab))
            if column == WHERE_COLUMN:
                return session.chair if session is not None else self.tr("Lab station")
            if column == STATUS_COLUMN:
                status = session.status if session is not None else (lab.status if lab else "")
                return wording.status_label(status)
            if column == FINDINGS_COLUMN:
                if session is None:
                    assert lab is not None
                    return "; ".join(dict.fromkeys(lab.labels))
                # In words (2 safety findings overridden); the rule ids are in the tooltip.
                return wording.findings_summary(session.findings)
        if role == Qt.ItemDataRole.DecorationRole and column == FINDINGS_COLUMN:
            if session is not None and session.worst is not None:
                return self._icons.severity_icon(session.worst)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if session is not None:
                return wording.plain_tooltip(wording.session_tooltip(session))
            assert lab is not None
            return wording.plain_tooltip(wording.lab_tooltip(lab))
        if role == Qt.ItemDataRole.ForegroundRole:
            status = session.status if session is not None else (lab.status if lab else "")
            past = self._now is not None and item.start < self._now
            if status == "cancelled" or past:
                return self._grey
        return None
