"""The week overview: chairs down, days across, booked sessions and hours per chair and day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.findings import Severity
from clinic_app.gui import wording
from clinic_app.services.results import ChairView, SessionView, WeekOccupancy

ModelIndex = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
MINUTES_ROLE = Qt.ItemDataRole.UserRole + 2
# Until opening hours come from the services, shading compares with a 10-hour chair day.
REFERENCE_MINUTES = 600
CLOSED_COLOUR = "#e4e7eb"
TODAY_COLOUR = "#fff4c2"


@dataclass(frozen=True, slots=True)
class WeekFacts:
    """What the week overview says beyond the counts: which days are closed, each open day's
    opening minutes (for capacity), the safety flags per day and which day is today.

    Plain Python, built on the worker thread by :func:`week_facts`.
    """

    closed: frozenset[date] = frozenset()
    open_minutes: dict[date, int] = field(default_factory=dict)
    blocks: dict[date, int] = field(default_factory=dict)  # sessions with a BLOCK not overridden
    overridden: dict[date, int] = field(default_factory=dict)  # every BLOCK overridden
    warns: dict[date, int] = field(default_factory=dict)  # sessions whose worst is WARN
    today: date | None = None


def week_facts(
    calendar: ClinicCalendar,
    first: date,
    sessions: Iterable[SessionView],
    today: date | None = None,
) -> WeekFacts:
    """Closed days and opening minutes of the week from ``first`` (from ``calendar``), and the
    BLOCK / WARN flags of its not-cancelled ``sessions``."""
    closed: set[date] = set()
    open_minutes: dict[date, int] = {}
    for offset in range(7):
        day = first + timedelta(days=offset)
        hours = calendar.hours_on(day)
        if hours is None:
            closed.add(day)
            continue
        opens = hours.opens.hour * 60 + hours.opens.minute
        closes = hours.closes.hour * 60 + hours.closes.minute
        open_minutes[day] = max(0, closes - opens)
    blocks: dict[date, int] = {}
    overridden: dict[date, int] = {}
    warns: dict[date, int] = {}
    for session in sessions:
        if session.status == "cancelled":
            continue
        worst = session.worst
        day = session.start.date()
        if worst in (Severity.HARD, Severity.BLOCK):
            of_worst = [f for f in session.findings if f.severity is worst]
            if worst is Severity.BLOCK and all(f.overridden_by for f in of_worst):
                overridden[day] = overridden.get(day, 0) + 1
            else:
                blocks[day] = blocks.get(day, 0) + 1
        elif worst is Severity.WARN:
            warns[day] = warns.get(day, 0) + 1
    return WeekFacts(frozenset(closed), open_minutes, blocks, overridden, warns, today)


class WeekOccupancyModel(QAbstractTableModel):
    """Rows are chairs (and a total row); columns are the seven days from ``first``.

    Each cell shows the number of sessions and the booked chair time; the background gets
    darker with the booked time (the text always says the numbers, colour only helps).

    With :class:`WeekFacts` (``set_occupancy(week, facts)``) closed days read "closed", each
    cell and the total say the capacity used (booked minutes of the opening minutes), a last
    row lists the day's safety flags, and today's column is marked.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._week = WeekOccupancy(date.today(), (), {}, {})
        self._totals: dict[date, tuple[int, int]] = {}
        self._facts: WeekFacts | None = None
        self._closed_brush = QColor(CLOSED_COLOUR)
        self._today_brush = QColor(TODAY_COLOUR)
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def first(self) -> date:
        """The first day shown (a Monday)."""
        return self._week.first

    def days(self) -> list[date]:
        """The seven days shown."""
        return [self._week.first + timedelta(days=n) for n in range(7)]

    def set_occupancy(self, week: WeekOccupancy, facts: WeekFacts | None = None) -> None:
        """Show a week counted off the GUI thread (``ScheduleQueries.week_occupancy``), with
        its closed days, capacity and flags when ``facts`` are given."""
        self.beginResetModel()
        self._week = week
        self._facts = facts
        totals: dict[date, tuple[int, int]] = {}
        for (chair, day), count in week.counts.items():
            sessions, minutes = totals.get(day, (0, 0))
            totals[day] = (sessions + count, minutes + week.minutes.get((chair, day), 0))
        self._totals = totals
        self.endResetModel()

    def set_week(
        self,
        first: date,
        chairs: Sequence[ChairView],
        sessions: Iterable[SessionView],
        calendar: ClinicCalendar | None = None,
        today: date | None = None,
    ) -> None:
        """Count the not-cancelled ``sessions`` per chair and day of the week from ``first``
        (with ``calendar``: closed days, capacity and flags as well)."""
        sessions = list(sessions)
        facts = week_facts(calendar, first, sessions, today) if calendar is not None else None
        self.set_occupancy(
            WeekOccupancy.count(
                first,
                chairs,
                (
                    (ChairView(s.chair_id, s.chair, False), s.start, s.end, s.status)
                    for s in sessions
                ),
            ),
            facts,
        )

    def sessions_on(self, day: date) -> int:
        """Booked (not cancelled) sessions on ``day`` over every chair, as the total row says."""
        return self._totals.get(day, (0, 0))[0]

    @property
    def facts(self) -> WeekFacts | None:
        """Closed days, capacity and flags of the week shown (None: counts only)."""
        return self._facts

    def is_closed(self, day: date) -> bool:
        """True when the clinic is closed on ``day`` (known only with facts)."""
        return self._facts is not None and day in self._facts.closed

    def capacity(self, day: date, chairs: int | None = None) -> float | None:
        """The share (0..1+) of the day's chair time booked over ``chairs`` chairs (all active
        chairs by default); None on a closed day or without facts."""
        facts = self._facts
        if facts is None or day in facts.closed:
            return None
        open_minutes = facts.open_minutes.get(day, 0)
        if chairs is None:
            chairs = sum(1 for c in self._week.chairs if c.active)
        if open_minutes <= 0 or chairs <= 0:
            return None
        return self._totals.get(day, (0, 0))[1] / (open_minutes * chairs)

    def flags_text(self, day: date) -> str:
        """``2 BLOCK · 1 BLOCK✓ · 3 WARN`` for ``day`` ("none" when there are none)."""
        facts = self._facts
        if facts is None:
            return ""
        parts = []
        if facts.blocks.get(day):
            parts.append(self.tr("%1 BLOCK").replace("%1", str(facts.blocks[day])))
        if facts.overridden.get(day):
            parts.append(self.tr("%1 BLOCK✓").replace("%1", str(facts.overridden[day])))
        if facts.warns.get(day):
            parts.append(self.tr("%1 WARN").replace("%1", str(facts.warns[day])))
        return " · ".join(parts) if parts else self.tr("none")

    def _flags_row(self) -> int:
        """The flags row (after the total), or -1 without facts."""
        return len(self._week.chairs) + 1 if self._facts is not None else -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per chair plus the total (and the flags, with facts)."""
        if parent.isValid():
            return 0
        return len(self._week.chairs) + (2 if self._facts is not None else 1)

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
        """``3 sessions · 2 h 30`` per cell (and ``· 45%`` of the opening time with facts);
        ``closed`` on a closed day; the flags row; the day in ``DAY_ROLE``."""
        if not index.isValid():
            return None
        day = self._week.first + timedelta(days=index.column())
        row = index.row()
        flags_row = row == self._flags_row()
        if role == DAY_ROLE:
            return day
        if flags_row:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.flags_text(day)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.FontRole and self._facts is not None:
                has = self._facts.blocks.get(day) or self._facts.warns.get(day)
                return self._bold if has else None
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._day_brush(day)
            return None
        count, minutes = self._cell(row, day)
        closed = self.is_closed(day)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if count == 0:
                return self.tr("closed") if closed else self.tr("free")
            hours = (
                self.tr("%1 h %2")
                .replace("%1", str(minutes // 60))
                .replace("%2", f"{minutes % 60:02d}")
            )
            sessions = wording.count(count, self.tr("1 session"), self.tr("{n} sessions"))
            text = f"{sessions} · {hours}"
            if closed:
                return self.tr("%1 (closed day)").replace("%1", text)
            share = self._share(row, day, minutes)
            if share is not None:  # the share first; the chair time is in the tooltip
                percent = self.tr("%1%").replace("%1", str(round(share * 100)))
                return f"{percent} · {sessions}"
            return text
        if role == MINUTES_ROLE:
            return minutes
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and row == len(self._week.chairs):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            if closed:
                return self._closed_brush
            if row < len(self._week.chairs):
                share = min(1.0, minutes / self._reference(day))
                if share > 0:
                    return QColor.fromHsvF(0.58, 0.10 + 0.45 * share, 0.98 - 0.10 * share)
            return self._day_brush(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = self.tr("Double-click or press Enter to open this day")
            if count == 0:
                return hint
            booked = (
                self.tr("%1 h %2 booked")
                .replace("%1", str(minutes // 60))
                .replace("%2", f"{minutes % 60:02d}")
            )
            return f"{booked}\n{hint}"
        return None

    def _share(self, row: int, day: date, minutes: int) -> float | None:
        """Capacity used by one chair's row, or by the total row over every active chair."""
        if self._facts is None:
            return None
        if row == len(self._week.chairs):
            return self.capacity(day)
        open_minutes = self._facts.open_minutes.get(day, 0)
        return minutes / open_minutes if open_minutes > 0 else None

    def _reference(self, day: date) -> int:
        if self._facts is not None and self._facts.open_minutes.get(day):
            return self._facts.open_minutes[day]
        return REFERENCE_MINUTES

    def _day_brush(self, day: date) -> QColor | None:
        if self.is_closed(day):
            return self._closed_brush
        if self._facts is not None and day == self._facts.today:
            return self._today_brush
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Days across (today and closed days said so), chairs down (then ``All chairs`` and,
        with facts, ``Safety flags``)."""
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < 7:
                return None
            day = self._week.first + timedelta(days=section)
            today = self._facts is not None and day == self._facts.today
            if role == Qt.ItemDataRole.DisplayRole:
                label = wording.short_day_label(day)
                if today:
                    return self.tr("%1 (today)").replace("%1", label)
                if self.is_closed(day):
                    return self.tr("%1 (closed)").replace("%1", label)
                return label
            if role == Qt.ItemDataRole.FontRole and today:
                return self._bold
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        chairs = self._week.chairs
        if not 0 <= section < self.rowCount():
            return None
        if section == len(chairs):
            return self.tr("All chairs")
        if section == self._flags_row():
            return self.tr("Safety flags")
        return chairs[section].name

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Read-only cells."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
