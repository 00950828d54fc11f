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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
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
MINUTES_PER_DAY = 24 * 60
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

# The view asks flags() and data() for every painted cell (~600 per paint of a busy day).
# Reading a Qt enum member and or-ing flags go through Python's enum machinery each time
# (about 20 us a call), so the members and the four flag sets are looked up once here.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_HORIZONTAL = Qt.Orientation.Horizontal
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CELL_DRAG = _CELL | Qt.ItemFlag.ItemIsDragEnabled
_CHAIR_CELL = _CELL | Qt.ItemFlag.ItemIsDropEnabled
_CHAIR_CELL_DRAG = _CHAIR_CELL | Qt.ItemFlag.ItemIsDragEnabled

ModelIndex = QModelIndex | QPersistentModelIndex


class GridEntry(NamedTuple):
    """One session or lab draw inside a block, with its lane for side-by-side drawing.

    A named tuple, not a dataclass: a busy day lays out ~1,100 of them, and a tuple is built
    in one call (a frozen dataclass sets each field through a descriptor, one call each).
    """

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
        lab_word = QCoreApplication.translate("Wording", "lab")
        return (
            f"{wording.hhmm(lab.start)} {lab.patient_name} ({lab.mrn}), "
            f"{lab_word}: {wording.lab_tests(lab)}"
        )

    def tooltip(self) -> str:
        """Plain-text details."""
        if self.session is not None:
            return wording.session_tooltip(self.session)
        assert self.lab is not None
        return wording.lab_tooltip(self.lab)


class GridBlock(NamedTuple):
    """Rows ``top_row`` .. ``top_row + row_count - 1`` of one column, with their entries.

    A named tuple for the same reason as ``GridEntry`` (~700 a busy day). PySide hands it
    through ``data(BLOCK_ROLE)`` as the same object (``tests/gui/test_day_grid_model.py``).
    """

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


@dataclass(frozen=True, slots=True)
class DayLayout:
    """One day laid out for the grid: built off the GUI thread by :func:`lay_out_day`, then
    swapped into the model whole (:meth:`DayGridModel.set_layout`).

    Holds no Qt object, so a worker thread may build it; the GUI thread only reads it.
    """

    day: date
    chairs: tuple[ChairView, ...]
    first: datetime  # the wall-clock start of row 0
    rows: int
    open_rows: range
    closed: bool
    hidden: int  # sessions of the day not drawn (cancelled)
    blocks: tuple[GridBlock, ...]
    top: dict[tuple[int, int], GridBlock]  # (row, column) of a block's top-left cell
    # By column, by row: the block covering the cell (None where empty). A busy day's blocks
    # cover ~4,000 cells; one slice assignment per block instead of a dict entry per cell.
    cover: tuple[list[GridBlock | None], ...]
    spans: tuple[tuple[int, int, int], ...]  # (row, column, rows) of blocks taller than a row
    by_session: dict[int, GridBlock]  # session id -> its block

    def block_covering(self, row: int, column: int) -> GridBlock | None:
        """The block covering a cell (any of its rows), or None."""
        if 0 <= column < len(self.cover):
            rows = self.cover[column]
            if 0 <= row < len(rows):
                return rows[row]
        return None

    @property
    def first_busy_row(self) -> int:
        """The row above the day's first block (0 on an empty day)."""
        rows = [b.top_row for b in self.blocks]
        return max(0, min(rows) - 1) if rows else 0


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _row_count_for(opens: time, closes: time) -> int:
    return max(1, math.ceil((_minutes(closes) - _minutes(opens)) / SLOT_MINUTES))


def empty_layout(day: date) -> DayLayout:
    """An empty day framed by the default hours (the model before its first day)."""
    rows = _row_count_for(DEFAULT_OPENS, DEFAULT_CLOSES)
    return DayLayout(
        day, (), datetime.combine(day, DEFAULT_OPENS), rows, range(0, rows), False, 0,
        (), {}, ([None] * rows,), (), {},
    )  # fmt: skip


def lay_out_day(
    chairs: Sequence[ChairView], day_list: DayList, calendar: ClinicCalendar | None = None
) -> DayLayout:
    """Lay ``day_list`` out with one column per chair (chairs in ``chairs`` order), then the lab
    station.

    With ``calendar`` the rows follow the clinic's opening hours that day; a closed day
    (weekend, closed date) is marked closed. Pure Python: it runs on the worker thread that
    loaded the day, so the GUI thread only swaps the result in. One pass to put the items in
    their columns, then one sort and one sweep per column that also fills the lookups.
    """
    day = day_list.day
    hours = calendar.hours_on(day) if calendar is not None else None
    closed = calendar is not None and hours is None
    day_opens = hours.opens if hours is not None else DEFAULT_OPENS
    day_closes = hours.closes if hours is not None else DEFAULT_CLOSES
    columns = list(chairs)
    column_of = {c.id: i for i, c in enumerate(columns)}
    # Minutes from the day's midnight, wall clock: the items are read by their start inside
    # the day, so a start is on the day and an end past midnight shows to 23:59. Keyed by
    # identity: the views share one datetime object per instant (LocalTimes), and hashing an
    # aware datetime asks its zone for the offset each time. Every key's object lives as long
    # as day_list, so an id is never reused while this memo exists.
    midnight = datetime.combine(day, time())
    minute_of: dict[int, int] = {}
    placed: list[tuple[int, SessionView | LabView]] = []
    hidden = 0
    for session in day_list.sessions:
        if session.status in HIDDEN_STATUSES:
            hidden += 1
            continue
        column = column_of.get(session.chair_id)
        if column is None:  # a chair made inactive still shows what is booked in it
            column = column_of[session.chair_id] = len(columns)
            columns.append(ChairView(session.chair_id, session.chair, False))
        placed.append((column, session))
    lab_column = len(columns)
    placed += [(lab_column, lab) for lab in day_list.labs if lab.status not in HIDDEN_STATUSES]
    per_column: dict[int, list[_Item]] = {}
    earliest, latest = MINUTES_PER_DAY, 0
    for seq, (column, item) in enumerate(placed):
        start = minute_of.get(id(item.start))
        if start is None:
            start = minute_of[id(item.start)] = _minute(item.start, midnight)
        end = minute_of.get(id(item.end))
        if end is None:
            end = minute_of[id(item.end)] = _minute(item.end, midnight)
        if start < earliest:
            earliest = start
        if end > latest:
            latest = end
        span = (start, end if end > start else start + 1, seq, item)
        entries = per_column.get(column)
        if entries is None:
            per_column[column] = [span]
        else:
            entries.append(span)
    # The day's hours widened to every item's start (to its quarter hour) and end.
    opens = min(_minutes(day_opens), earliest - earliest % SLOT_MINUTES)
    closes = min(max(_minutes(day_closes), latest), MINUTES_PER_DAY - 1)
    first = midnight + timedelta(minutes=opens)
    rows = max(1, math.ceil((closes - opens) / SLOT_MINUTES))
    if closed:
        open_rows = range(0, 0)
    else:
        first_open = _row_of(first, rows, datetime.combine(day, day_opens))
        open_rows = range(first_open, first_open + _row_count_for(day_opens, day_closes))
    lookups = _Lookups(len(columns) + 1, rows)
    for column in sorted(per_column):
        _sweep(column, per_column[column], opens, column == lab_column, lookups)
    blocks = lookups.blocks
    spans = tuple((b.top_row, b.column, b.row_count) for b in blocks if b.row_count > 1)
    return DayLayout(
        day, tuple(columns), first, rows, open_rows, closed, hidden, tuple(blocks), lookups.top,
        lookups.cover, spans, lookups.by_session,
    )  # fmt: skip


# (start minute, end minute, its place in the day's list, the session or draw) of one item in
# a column. Sorted as plain tuples: the place is unique, so two views are never compared.
_Item = tuple[int, int, int, "SessionView | LabView"]
_END: _Item = (MINUTES_PER_DAY * 2, MINUTES_PER_DAY * 2, -1, None)  # type: ignore[assignment]

# Built by the thousand on a busy day: straight from their values, without a Python frame.
_tuple_new = tuple.__new__


def _minute(moment: datetime, since: datetime) -> int:
    """Whole wall-clock minutes from ``since`` (naive) to ``moment`` (rounded down)."""
    return int((moment.replace(tzinfo=None) - since).total_seconds() // 60)


class _Lookups:
    """What the sweep builds: the blocks and the model's three lookups."""

    __slots__ = ("blocks", "by_session", "cover", "top")

    def __init__(self, columns: int, rows: int) -> None:
        self.blocks: list[GridBlock] = []
        self.top: dict[tuple[int, int], GridBlock] = {}
        self.cover: tuple[list[GridBlock | None], ...] = tuple(
            [None] * rows for _ in range(columns)
        )
        self.by_session: dict[int, GridBlock] = {}


def _sweep(column: int, items: list[_Item], offset: int, labs: bool, found: _Lookups) -> None:
    """Group one column's entries into blocks of touching rows, giving entries that overlap in
    time different lanes (greedy interval colouring), in one pass over the sorted entries.
    ``items`` are in minutes from midnight; the grid's minutes start ``offset`` later."""
    items.sort()
    items.append(_END)  # starts after every block: closes the last one (and is never drawn)
    blocks, top, by_session = found.blocks, found.top, found.by_session
    cover = found.cover[column]
    group: list[tuple[int, int, SessionView | LabView, int]] = []
    lane_ends: list[int] = []
    group_top = group_bottom = 0
    for start, end, _seq, item in items:
        start -= offset
        end -= offset
        row = start // SLOT_MINUTES
        bottom = -(-end // SLOT_MINUTES)
        if bottom <= row:
            bottom = row + 1
        if row < group_bottom:
            if bottom > group_bottom:
                group_bottom = bottom
        else:
            if group:  # the block above ends here: build it and its lookups
                lanes = len(lane_ends)
                if len(group) == 1:  # most blocks: one session in its chair
                    a, b, it, _lane = group[0]
                    entries: tuple[GridEntry, ...] = (
                        _tuple_new(
                            GridEntry, (None, it, a, b, 0, 1) if labs else (it, None, a, b, 0, 1)
                        ),
                    )
                else:
                    entries = tuple(
                        [
                            _tuple_new(
                                GridEntry,
                                (None, it, a, b, n, lanes) if labs else (it, None, a, b, n, lanes),
                            )
                            for a, b, it, n in group
                        ]
                    )
                block = _tuple_new(
                    GridBlock, (column, group_top, group_bottom - group_top, entries)
                )
                blocks.append(block)
                top[(group_top, column)] = block
                if group_bottom > len(cover):  # an end past midnight runs below the last row
                    cover.extend([None] * (group_bottom - len(cover)))
                cover[group_top:group_bottom] = [block] * (group_bottom - group_top)
                if not labs:
                    for entry in entries:
                        session_id = entry.session.id  # type: ignore[union-attr]
                        if session_id is not None and session_id not in by_session:
                            by_session[session_id] = block
            group, lane_ends = [], []
            group_top, group_bottom = row, bottom
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        group.append((start, end, item, lane))


def _row_of(first: datetime, rows: int, moment: datetime) -> int:
    return min(max(0, _minute(moment, first) // SLOT_MINUTES), rows - 1)


class DayGridModel(QAbstractTableModel):
    """Chairs (and the lab station) across, 15-minute rows down, for one clinic day.

    Call :meth:`set_day` with the day's chairs and list; the model resets once and the view
    re-applies :meth:`spans`. The top-left cell of a block carries the block (``BLOCK_ROLE``),
    its text (display role, one line per entry) and a plain-text tooltip.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layout = empty_layout(date.today())
        self._closed_brush = QColor(CLOSED_COLOUR)
        self._bold = QFont()
        self._bold.setBold(True)
        self._quarter_colour = QColor("#7b8794")
        self._texts: dict[tuple[int, int], str] = {}  # display text of blocks already shown
        self._row_labels: list[tuple[str, bool]] | None = None  # (time text, full hour) by row

    # ------------------------------------------------------------------ loading

    def set_layout(self, layout: DayLayout) -> None:
        """Show a day laid out by :func:`lay_out_day` (on any thread): one model reset."""
        self.beginResetModel()
        self._layout = layout
        self._texts = {}
        self._row_labels = None
        self.endResetModel()

    def set_day(
        self,
        chairs: Sequence[ChairView],
        day_list: DayList,
        calendar: ClinicCalendar | None = None,
    ) -> None:
        """Lay out and show ``day_list`` with one column per chair (chairs in ``chairs`` order).

        With ``calendar`` the rows follow the clinic's opening hours that day; a closed day
        (weekend, closed date) is marked closed and shaded. The window lays the day out on its
        worker thread instead and calls :meth:`set_layout`.
        """
        self.set_layout(lay_out_day(chairs, day_list, calendar))

    # ------------------------------------------------------------------ lookups

    @property
    def layout(self) -> DayLayout:
        """The day's layout shown."""
        return self._layout

    @property
    def day(self) -> date:
        """The day shown."""
        return self._layout.day

    @property
    def chairs(self) -> list[ChairView]:
        """The chair columns, in order."""
        return list(self._layout.chairs)

    @property
    def lab_column(self) -> int:
        """The index of the lab station column (the last one)."""
        return len(self._layout.chairs)

    @property
    def blocks(self) -> list[GridBlock]:
        """Every block of the day."""
        return list(self._layout.blocks)

    @property
    def closed(self) -> bool:
        """True when the clinic is closed on the day shown (weekend or closed date)."""
        return self._layout.closed

    def is_open_row(self, row: int) -> bool:
        """True when ``row`` lies inside the day's opening hours."""
        return row in self._layout.open_rows

    @property
    def hidden_count(self) -> int:
        """Sessions of the day not drawn (cancelled)."""
        return self._layout.hidden

    def spans(self) -> list[tuple[int, int, int]]:
        """``(row, column, row_count)`` of every block taller than one row."""
        return list(self._layout.spans)

    def chair_at(self, column: int) -> ChairView | None:
        """The chair of ``column``; None for the lab station column or outside the grid."""
        chairs = self._layout.chairs
        return chairs[column] if 0 <= column < len(chairs) else None

    def time_at(self, row: int) -> datetime:
        """The local (naive) wall-clock start of ``row``."""
        return self._layout.first + timedelta(minutes=row * SLOT_MINUTES)

    def row_of(self, moment: datetime) -> int:
        """The row holding the wall-clock time of ``moment`` (clamped to the grid)."""
        return _row_of(self._layout.first, self._layout.rows, moment)

    def block_at(self, row: int, column: int) -> GridBlock | None:
        """The block covering a cell (any of its rows)."""
        return self._layout.block_covering(row, column)

    def session_at(self, row: int, column: int) -> SessionView | None:
        """The first session of the block covering a cell."""
        block = self._layout.block_covering(row, column)
        if block is None:
            return None
        for entry in block.entries:
            if entry.session is not None:
                return entry.session
        return None

    def index_of_session(self, session_id: int) -> QModelIndex:
        """The top-left index of the block holding ``session_id`` (invalid when not shown)."""
        block = self._layout.by_session.get(session_id)
        if block is None:
            return QModelIndex()
        return self.index(block.top_row, block.column)

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows of 15 minutes (none under a valid parent: this is a table)."""
        return 0 if parent.isValid() else self._layout.rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One column per chair plus the lab station."""
        return 0 if parent.isValid() else len(self._layout.chairs) + 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The block at a block's top-left cell; nothing for empty or covered cells."""
        if not index.isValid():
            return None
        key = (index.row(), index.column())
        block = self._layout.top.get(key)
        if role == BLOCK_ROLE:  # the delegate's question, once per painted cell: first
            return block
        if role in (_DISPLAY, _ACCESSIBLE):
            if block is None:
                return ""
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = "\n".join(e.summary() for e in block.entries)
            return text
        if block is None:
            if role == _BACKGROUND and key[0] not in self._layout.open_rows:
                return self._closed_brush
            return None
        if role == _TOOLTIP:
            return wording.plain_tooltip("\n\n".join(e.tooltip() for e in block.entries))
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
        chairs = self._layout.chairs
        if orientation == _HORIZONTAL:
            if not 0 <= section <= len(chairs):
                return None
            if role == _DISPLAY:
                if section == len(chairs):
                    return self.tr("Lab station")
                chair = chairs[section]
                return (
                    chair.name
                    if chair.active
                    else self.tr("%1 (inactive)").replace("%1", chair.name)
                )
            return None
        if not 0 <= section < self._layout.rows:
            return None
        labels = self._row_labels
        if labels is None:  # the times down the side, once per day shown
            times = (self.time_at(row) for row in range(self._layout.rows))
            labels = self._row_labels = [
                (f"{t.hour:02d}:{t.minute:02d}", t.minute == 0) for t in times
            ]
        text, full_hour = labels[section]
        if role == _DISPLAY:
            return text
        if role == _FONT and full_hour:
            return self._bold
        if role == _FOREGROUND and not full_hour:
            return self._quarter_colour
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Cells are selectable; booked sessions can be dragged; chair cells accept drops."""
        if not index.isValid():
            return _NO_FLAGS
        row, column = index.row(), index.column()
        session = self.session_at(row, column)
        draggable = session is not None and session.status == "booked"
        if column < len(self._layout.chairs):
            return _CHAIR_CELL_DRAG if draggable else _CHAIR_CELL
        return _CELL_DRAG if draggable else _CELL

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
