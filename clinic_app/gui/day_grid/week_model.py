"""The week overview: chairs down, days across, booked sessions and hours per chair and day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from clinic_app.gui import wording
from clinic_app.services.results import ChairView, SessionView, WeekOccupancy

ModelIndex = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
MINUTES_ROLE = Qt.ItemDataRole.UserRole + 2
# Until opening hours come from the services, shading compares with a 10-hour chair day.
REFERENCE_MINUTES = 600


class WeekOccupancyModel(QAbstractTableModel):
    """Rows are chairs (and a total row); columns are the seven days from ``first``.

    Each cell shows the number of sessions and the booked chair time; the background gets
    darker with the booked time (the text always says the numbers, colour only helps).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._week = WeekOccupancy(date.today(), (), {}, {})
        self._totals: dict[date, tuple[int, int]] = {}

    @property
    def first(self) -> date:
        """The first day shown (a Monday)."""
        return self._week.first

    def days(self) -> list[date]:
        """The seven days shown."""
        return [self._week.first + timedelta(days=n) for n in range(7)]

    def set_occupancy(self, week: WeekOccupancy) -> None:
        """Show a week counted off the GUI thread (``ScheduleQueries.week_occupancy``)."""
        self.beginResetModel()
        self._week = week
        totals: dict[date, tuple[int, int]] = {}
        for (chair, day), count in week.counts.items():
            sessions, minutes = totals.get(day, (0, 0))
            totals[day] = (sessions + count, minutes + week.minutes.get((chair, day), 0))
        self._totals = totals
        self.endResetModel()

    def set_week(
        self, first: date, chairs: Sequence[ChairView], sessions: Iterable[SessionView]
    ) -> None:
        """Count the not-cancelled ``sessions`` per chair and day of the week from ``first``."""
        self.set_occupancy(
            WeekOccupancy.count(
                first,
                chairs,
                (
                    (ChairView(s.chair_id, s.chair, False), s.start, s.end, s.status)
                    for s in sessions
                ),
            )
        )

    def sessions_on(self, day: date) -> int:
        """Booked (not cancelled) sessions on ``day`` over every chair, as the total row says."""
        return self._totals.get(day, (0, 0))[0]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per chair plus the total."""
        return 0 if parent.isValid() else len(self._week.chairs) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Seven days."""
        return 0 if parent.isValid() else 7

    def _cell(self, row: int, day: date) -> tuple[int, int]:
        chairs = self._week.chairs
        if row == len(chairs):
            return self._totals.get(day, (0, 0))
        key = (chairs[row].id, day)
        return self._week.counts.get(key, 0), self._week.minutes.get(key, 0)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """``3 sessions · 2 h 30`` per cell; the day in ``DAY_ROLE``."""
        if not index.isValid():
            return None
        day = self._week.first + timedelta(days=index.column())
        count, minutes = self._cell(index.row(), day)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if count == 0:
                return self.tr("free")
            hours = (
                self.tr("%1 h %2")
                .replace("%1", str(minutes // 60))
                .replace("%2", f"{minutes % 60:02d}")
            )
            sessions = wording.count(count, self.tr("1 session"), self.tr("{n} sessions"))
            return f"{sessions} · {hours}"
        if role == DAY_ROLE:
            return day
        if role == MINUTES_ROLE:
            return minutes
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() < len(self._week.chairs):
            share = min(1.0, minutes / REFERENCE_MINUTES)
            if share == 0:
                return None
            return QColor.fromHsvF(0.58, 0.10 + 0.45 * share, 0.98 - 0.10 * share)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-click or press Enter to open this day")
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Days across, chairs down (and ``All chairs`` last)."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < 7:
                return None
            return wording.short_day_label(self._week.first + timedelta(days=section))
        chairs = self._week.chairs
        if not 0 <= section <= len(chairs):
            return None
        if section == len(chairs):
            return self.tr("All chairs")
        return chairs[section].name

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Read-only cells."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
