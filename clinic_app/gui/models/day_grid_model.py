"""The day grid: one column per chair plus the lab station, one row per 15 minutes.

The model is a thin adapter over one :class:`~clinic_app.services.results.DayList`: it lays the
day out once when the day is set (sessions and lab draws grouped into blocks that span rows)
and afterwards only looks things up, so painting never touches the database and stays cheap
with 60 chairs.

A *block* is a run of rows in one column holding one or more entries whose rows touch (a
session, or lab draws side by side when the lab station takes several draws per slot). The
view gives each block a span; the delegate draws the entries inside the block's rectangle at
their exact times.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.findings import Severity, worst_severity
from clinic_app.gui import wording
from clinic_app.services.results import ChairView, DayList, LabView, SessionView

SESSION_MIME = "application/x-clinic-app-session"
SLOT_MINUTES = 15
# The grid shows the clinic's opening hours for the day (from the calendar) and widens itself
# to cover anything booked outside them. Without a calendar, or on a closed day, it frames
# these hours.
DEFAULT_OPENS = time(8)
DEFAULT_CLOSES = time(18)
# Empty cells outside the opening hours (and every cell of a closed day) are shaded.
CLOSED_COLOUR = "#e4e7eb"
HIDDEN_STATUSES = frozenset({"cancelled"})

# Custom roles (values the delegate and the view read).
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
WORST_ROLE = Qt.ItemDataRole.UserRole + 3

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class GridEntry:
    """One session or lab draw inside a block, with its lane for side-by-side drawing."""

    session: SessionView | None
    lab: LabView | None
    start_minute: int  # minutes from the grid's first row
    end_minute: int
    lane: int = 0
    lanes: int = 1

    @property
    def start(self) -> datetime:
        """The entry's local start."""
        item = self.session or self.lab
        assert item is not None
        return item.start

    @property
    def end(self) -> datetime:
        """The entry's local end."""
        item = self.session or self.lab
        assert item is not None
        return item.end

    @property
    def worst(self) -> Severity | None:
        """The worst finding of a session (lab draws carry none)."""
        return self.session.worst if self.session is not None else None

    def summary(self) -> str:
        """One line for the display role and screen readers."""
        if self.session is not None:
            s = self.session
            text = f"{wording.hhmm(s.start)}-{wording.hhmm(s.end)} {s.patient_name} ({s.mrn}), "
            text += s.therapy_name
            if s.status != "booked":
                text += f", {wording.status_label(s.status)}"
            marker = wording.marker_text(s.findings)
            return f"{text} [{marker}]" if marker else text
        assert self.lab is not None
        lab = self.lab
        return (
            f"{wording.hhmm(lab.start)} {lab.patient_name} ({lab.mrn}), "
            f"{wording.tr('lab')}: {wording.lab_tests(lab)}"
        )

    def tooltip(self) -> str:
        """Plain-text details."""
        if self.session is not None:
            return wording.session_tooltip(self.session)
        assert self.lab is not None
        return wording.lab_tooltip(self.lab)


@dataclass(frozen=True, slots=True)
class GridBlock:
    """Rows ``top_row`` .. ``top_row + row_count - 1`` of one column, with their entries."""

    column: int
    top_row: int
    row_count: int
    entries: tuple[GridEntry, ...]

    @property
    def start_minute(self) -> int:
        """Minutes from the grid's first row to the block's top edge."""
        return self.top_row * SLOT_MINUTES

    @property
    def minutes(self) -> int:
        """The block's height in minutes."""
        return self.row_count * SLOT_MINUTES

    @property
    def worst(self) -> Severity | None:
        """The worst finding of any session in the block."""
        return worst_severity(e.worst for e in self.entries if e.worst is not None)

    def sessions(self) -> list[SessionView]:
        """The sessions in the block, earliest first."""
        return [e.session for e in self.entries if e.session is not None]


def _lay_out(column: int, entries: list[GridEntry]) -> list[GridBlock]:
    """Group one column's entries into blocks of touching rows; give overlapping ones lanes."""
    blocks: list[GridBlock] = []
    entries.sort(key=lambda e: (e.start_minute, e.end_minute))
    group: list[GridEntry] = []
    group_top = group_bottom = 0

    def close_group() -> None:
        if not group:
            return
        blocks.append(GridBlock(column, group_top, group_bottom - group_top, _lanes(group)))

    for entry in entries:
        top = entry.start_minute // SLOT_MINUTES
        bottom = max(top + 1, math.ceil(entry.end_minute / SLOT_MINUTES))
        if group and top < group_bottom:
            group.append(entry)
            group_bottom = max(group_bottom, bottom)
            continue
        close_group()
        group = [entry]
        group_top, group_bottom = top, bottom
    close_group()
    return blocks


def _lanes(group: list[GridEntry]) -> tuple[GridEntry, ...]:
    """Give entries that overlap in time different lanes (greedy interval colouring)."""
    lane_ends: list[int] = []
    placed: list[tuple[GridEntry, int]] = []
    for entry in group:
        for lane, end in enumerate(lane_ends):
            if end <= entry.start_minute:
                lane_ends[lane] = entry.end_minute
                placed.append((entry, lane))
                break
        else:
            lane_ends.append(entry.end_minute)
            placed.append((entry, len(lane_ends) - 1))
    lanes = len(lane_ends)
    return tuple(
        GridEntry(e.session, e.lab, e.start_minute, e.end_minute, lane, lanes) for e, lane in placed
    )


class DayGridModel(QAbstractTableModel):
    """Chairs (and the lab station) across, 15-minute rows down, for one clinic day.

    Call :meth:`set_day` with the day's chairs and list; the model resets once and the view
    re-applies :meth:`spans`. The top-left cell of a block carries the block (``BLOCK_ROLE``),
    its text (display role, one line per entry) and a plain-text tooltip.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._day = date.today()
        self._chairs: list[ChairView] = []
        self._first = datetime.combine(self._day, DEFAULT_OPENS)
        self._rows = self._row_count_for(DEFAULT_OPENS, DEFAULT_CLOSES)
        self._blocks: list[GridBlock] = []
        self._top: dict[tuple[int, int], GridBlock] = {}
        self._cover: dict[tuple[int, int], GridBlock] = {}
        self._hidden = 0
        self._closed = False
        self._open_rows = range(0, self._rows)
        self._closed_brush = QColor(CLOSED_COLOUR)
        self._bold = QFont()
        self._bold.setBold(True)
        self._quarter_colour = QColor("#7b8794")

    # ------------------------------------------------------------------ loading

    @staticmethod
    def _row_count_for(opens: time, closes: time) -> int:
        minutes = (closes.hour * 60 + closes.minute) - (opens.hour * 60 + opens.minute)
        return max(1, math.ceil(minutes / SLOT_MINUTES))

    def set_day(
        self,
        chairs: Sequence[ChairView],
        day_list: DayList,
        calendar: ClinicCalendar | None = None,
    ) -> None:
        """Show ``day_list`` with one column per chair (chairs in ``chairs`` order).

        With ``calendar`` the rows follow the clinic's opening hours that day; a closed day
        (weekend, closed date) is marked closed and shaded.
        """
        self.beginResetModel()
        self._day = day_list.day
        hours = calendar.hours_on(day_list.day) if calendar is not None else None
        self._closed = calendar is not None and hours is None
        day_opens = hours.opens if hours is not None else DEFAULT_OPENS
        day_closes = hours.closes if hours is not None else DEFAULT_CLOSES
        shown = [s for s in day_list.sessions if s.status not in HIDDEN_STATUSES]
        self._hidden = len(day_list.sessions) - len(shown)
        labs = [lab for lab in day_list.labs if lab.status not in HIDDEN_STATUSES]
        self._chairs = list(chairs)
        known = {c.id for c in self._chairs}
        for session in shown:  # a chair made inactive still shows what is booked in it
            if session.chair_id not in known:
                self._chairs.append(ChairView(session.chair_id, session.chair, False))
                known.add(session.chair_id)
        opens, closes = self._hours(shown, labs, day_opens, day_closes)
        self._first = datetime.combine(self._day, opens)
        self._rows = self._row_count_for(opens, closes)
        if self._closed:
            self._open_rows = range(0, 0)
        else:
            first_open = self.row_of(datetime.combine(self._day, day_opens))
            self._open_rows = range(
                first_open, first_open + self._row_count_for(day_opens, day_closes)
            )
        column_of = {c.id: i for i, c in enumerate(self._chairs)}
        per_column: dict[int, list[GridEntry]] = {}
        for session in shown:
            per_column.setdefault(column_of[session.chair_id], []).append(
                GridEntry(session, None, *self._minutes(session.start, session.end))
            )
        lab_column = len(self._chairs)
        for lab in labs:
            per_column.setdefault(lab_column, []).append(
                GridEntry(None, lab, *self._minutes(lab.start, lab.end))
            )
        self._blocks = []
        for column, entries in sorted(per_column.items()):
            self._blocks.extend(_lay_out(column, entries))
        self._top = {(b.top_row, b.column): b for b in self._blocks}
        self._cover = {}
        for block in self._blocks:
            for row in range(block.top_row, block.top_row + block.row_count):
                self._cover[(row, block.column)] = block
        self.endResetModel()

    @staticmethod
    def _hours(
        sessions: Iterable[SessionView],
        labs: Iterable[LabView],
        opens: time = DEFAULT_OPENS,
        closes: time = DEFAULT_CLOSES,
    ) -> tuple[time, time]:
        items: list[SessionView | LabView] = [*sessions, *labs]
        for item in items:
            start = item.start.time()
            end = item.end.time() if item.end.date() == item.start.date() else time(23, 59)
            opens = min(opens, time(start.hour, start.minute - start.minute % SLOT_MINUTES))
            closes = max(closes, end)
        return opens, closes

    def _minutes(self, start: datetime, end: datetime) -> tuple[int, int]:
        first = self._first
        start_min = int((start.replace(tzinfo=None) - first).total_seconds() // 60)
        end_min = int((end.replace(tzinfo=None) - first).total_seconds() // 60)
        return start_min, max(end_min, start_min + 1)

    # ------------------------------------------------------------------ lookups

    @property
    def day(self) -> date:
        """The day shown."""
        return self._day

    @property
    def chairs(self) -> list[ChairView]:
        """The chair columns, in order."""
        return list(self._chairs)

    @property
    def lab_column(self) -> int:
        """The index of the lab station column (the last one)."""
        return len(self._chairs)

    @property
    def blocks(self) -> list[GridBlock]:
        """Every block of the day."""
        return list(self._blocks)

    @property
    def closed(self) -> bool:
        """True when the clinic is closed on the day shown (weekend or closed date)."""
        return self._closed

    def is_open_row(self, row: int) -> bool:
        """True when ``row`` lies inside the day's opening hours."""
        return row in self._open_rows

    @property
    def hidden_count(self) -> int:
        """Sessions of the day not drawn (cancelled)."""
        return self._hidden

    def spans(self) -> list[tuple[int, int, int]]:
        """``(row, column, row_count)`` of every block taller than one row."""
        return [(b.top_row, b.column, b.row_count) for b in self._blocks if b.row_count > 1]

    def chair_at(self, column: int) -> ChairView | None:
        """The chair of ``column``; None for the lab station column or outside the grid."""
        return self._chairs[column] if 0 <= column < len(self._chairs) else None

    def time_at(self, row: int) -> datetime:
        """The local (naive) wall-clock start of ``row``."""
        return self._first + timedelta(minutes=row * SLOT_MINUTES)

    def row_of(self, moment: datetime) -> int:
        """The row holding the wall-clock time of ``moment`` (clamped to the grid)."""
        minutes = (moment.replace(tzinfo=None) - self._first).total_seconds() / 60
        return min(max(0, int(minutes // SLOT_MINUTES)), self._rows - 1)

    def block_at(self, row: int, column: int) -> GridBlock | None:
        """The block covering a cell (any of its rows)."""
        return self._cover.get((row, column))

    def session_at(self, row: int, column: int) -> SessionView | None:
        """The first session of the block covering a cell."""
        block = self._cover.get((row, column))
        if block is None:
            return None
        sessions = block.sessions()
        return sessions[0] if sessions else None

    def index_of_session(self, session_id: int) -> QModelIndex:
        """The top-left index of the block holding ``session_id`` (invalid when not shown)."""
        for block in self._blocks:
            if any(s.id == session_id for s in block.sessions()):
                return self.index(block.top_row, block.column)
        return QModelIndex()

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows of 15 minutes (none under a valid parent: this is a table)."""
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One column per chair plus the lab station."""
        return 0 if parent.isValid() else len(self._chairs) + 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The block at a block's top-left cell; nothing for empty or covered cells."""
        if not index.isValid():
            return None
        block = self._top.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return "\n".join(e.summary() for e in block.entries) if block else ""
        if block is None:
            if role == Qt.ItemDataRole.BackgroundRole and index.row() not in self._open_rows:
                return self._closed_brush
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.plain_tooltip("\n\n".join(e.tooltip() for e in block.entries))
        if role == BLOCK_ROLE:
            return block
        if role == SESSION_ID_ROLE:
            sessions = block.sessions()
            return sessions[0].id if sessions else None
        if role == WORST_ROLE:
            worst = block.worst
            return worst.value if worst else None
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Chair names across; times down (quarter hours in grey, full hours in bold)."""
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section <= len(self._chairs):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                if section == len(self._chairs):
                    return self.tr("Lab station")
                chair = self._chairs[section]
                return (
                    chair.name
                    if chair.active
                    else self.tr("%1 (inactive)").replace("%1", chair.name)
                )
            return None
        if not 0 <= section < self._rows:
            return None
        moment = self.time_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return moment.strftime("%H:%M")
        if role == Qt.ItemDataRole.FontRole and moment.minute == 0:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and moment.minute != 0:
            return self._quarter_colour
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Cells are selectable; booked sessions can be dragged; chair cells accept drops."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < len(self._chairs):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        session = self.session_at(index.row(), index.column())
        if session is not None and session.status == "booked":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        """Sessions travel as their id."""
        return [SESSION_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The id of the first booked session among ``indexes``."""
        data = QMimeData()
        for index in indexes:
            session = self.session_at(index.row(), index.column())
            if session is not None and session.id is not None and session.status == "booked":
                data.setData(SESSION_MIME, QByteArray(str(session.id).encode("ascii")))
                break
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        """Sessions are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        """Sessions are moved, never copied."""
        return Qt.DropAction.MoveAction

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        """Never changes itself: the view turns a drop into a move request for the service."""
        return False


def session_id_from_mime(data: QMimeData) -> int | None:
    """The session id a drag carries, or None."""
    if not data.hasFormat(SESSION_MIME):
        return None
    try:
        return int(bytes(data.data(SESSION_MIME).data()).decode("ascii"))
    except ValueError:
        return None
