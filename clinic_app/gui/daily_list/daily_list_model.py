"""Item models of the nurses' daily list: the day's sessions, and the lab draws to do.

Thin adapters over the services' result objects (``DayList``, ``SessionView``, ``LabView``).
A session with a co-therapy finding (iron and an antiresorptive, rules E2/E3/E4/E7) is flagged
so it cannot be missed: a flag column with a red warning icon AND the words "CO-THERAPY", a
tinted row, and the flag's findings in its tool tip. Patient-entered text is only ever shown
as plain text (these models never return rich text).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from clinic_app.exports.daily_list_print import chair_sort_key, status_text
from clinic_app.exports.pdf_export import FLAG_COLOUR, FLAG_FILL, MUTED_COLOUR
from clinic_app.gui.common import dates
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.services.results import (
    DayList,
    FindingView,
    LabView,
    SessionView,
    flagged_sessions,
)
from clinic_app.services.staffing import AssignedSessionView, DayAssignmentView

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's SessionView / LabView
FLAG_ROLE = Qt.ItemDataRole.UserRole + 2  # True for a co-therapy flag / an overdue lab
# A session row dragged onto a nurse (its own type: a day grid must not take it as a move).
NURSE_DRAG_MIME = "application/x-clinic-app-daily-list-session"


@functools.cache
def flag_icon() -> QIcon:
    """A red warning triangle (painted, so it needs no icon file and no theme)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.moveTo(QPointF(size / 2, 1))
        path.lineTo(QPointF(size - 1, size - 2))
        path.lineTo(QPointF(1, size - 2))
        path.closeSubpath()
        painter.fillPath(path, QColor(FLAG_COLOUR))
        pen = QPen(QColor("white"))
        pen.setWidthF(max(1.5, size / 9))
        painter.setPen(pen)
        painter.drawLine(QPointF(size / 2, size * 0.36), QPointF(size / 2, size * 0.64))
        painter.drawPoint(QPointF(size / 2, size * 0.78))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def day_order(sessions: Sequence[SessionView]) -> list[SessionView]:
    """Sessions by start time, then chair (natural order: Chair 2 before Chair 10)."""
    chair_keys: dict[str, tuple[tuple[int, int | str], ...]] = {}  # a day has ~80 chairs

    def key(view: SessionView) -> tuple[object, ...]:
        chair = chair_keys.get(view.chair)
        if chair is None:
            chair = chair_keys[view.chair] = chair_sort_key(view.chair)
        return (view.start, chair, view.id or 0)

    return sorted(sessions, key=key)


class SessionColumn(enum.IntEnum):
    """Columns of the sessions table."""

    TIME = 0
    CHAIR = 1
    FLAG = 2
    PATIENT = 3
    MRN = 4
    THERAPY = 5
    PLANNED = 6
    STATUS = 7
    NURSE = 8
    FINDINGS = 9
    OVERRIDE = 10


class DailyListModel(RowTableModel[SessionView]):
    """The sessions of one day, ordered by time then chair (cancelled ones included).

    ``set_day`` replaces the day; when the same sessions come back (a refresh after a status
    change) only the rows that changed are signalled, so selection and scroll position stay.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._urgent: dict[str, tuple[str, ...]] = {}
        # The day's nurse assignment by session id (empty: no rota that day, or not read).
        self._nurses: dict[int, AssignedSessionView] = {}
        self._nurse_note = ""
        # Rows may be dragged onto a nurse (set by the window for users who assign nurses).
        self._draggable = False
        self._headers = {
            SessionColumn.TIME: self.tr("Time"),
            SessionColumn.CHAIR: self.tr("Chair"),
            SessionColumn.FLAG: self.tr("Co-therapy"),
            SessionColumn.PATIENT: self.tr("Patient"),
            SessionColumn.MRN: self.tr("MRN"),
            SessionColumn.THERAPY: self.tr("Therapy"),
            SessionColumn.PLANNED: self.tr("Planned"),
            SessionColumn.STATUS: self.tr("Status"),
            SessionColumn.NURSE: self.tr("Nurse"),
            SessionColumn.FINDINGS: self.tr("Findings"),
            SessionColumn.OVERRIDE: self.tr("Override (who: why)"),
        }

    # ------------------------------------------------------------------ content

    def set_urgent(self, urgent: dict[str, tuple[str, ...]]) -> None:
        """Patients (by MRN) with open URGENT result alerts, and the alerts' words: their rows
        are marked until a nurse acknowledges the alerts."""
        if urgent == self._urgent:
            return
        self._urgent = dict(urgent)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, SessionColumn.PATIENT),
                self.index(len(self._rows) - 1, SessionColumn.PATIENT),
            )

    def set_assignment(self, assignment: DayAssignmentView | None) -> None:
        """The day's nurse assignment (``StaffingService.assignment``): the nurse column.
        None, or a day without a rota, leaves the column empty (its header says why)."""
        nurses = (
            {s.session_id: s for s in assignment.sessions}
            if assignment is not None and assignment.nurse_checked
            else {}
        )
        self._nurse_note = assignment.note if assignment is not None else ""
        if nurses == self._nurses:
            return
        self._nurses = nurses
        if self._rows:
            self.dataChanged.emit(
                self.index(0, SessionColumn.NURSE),
                self.index(len(self._rows) - 1, SessionColumn.NURSE),
            )

    def set_draggable(self, draggable: bool) -> None:
        """Whether the sessions a nurse can look after may be dragged (to reassign them)."""
        self._draggable = draggable

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Rows of sessions that need a nurse are draggable when reassigning is allowed."""
        flags = super().flags(index)
        if self._draggable and index.isValid() and self.needs_nurse(self.session(index.row())):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    @staticmethod
    def needs_nurse(view: SessionView) -> bool:
        """True for a session a nurse looks after (not cancelled, not a no-show)."""
        return view.id is not None and view.status not in ("cancelled", "no-show")

    def mimeTypes(self) -> list[str]:
        """Sessions are dragged by id."""
        return [NURSE_DRAG_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The id of the first session among ``indexes`` that a nurse looks after."""
        data = QMimeData()
        for index in indexes:
            view = self.session(index.row())
            if self.needs_nurse(view):
                data.setData(NURSE_DRAG_MIME, QByteArray(str(view.id).encode("ascii")))
                break
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        """A session is handed to a nurse, never copied."""
        return Qt.DropAction.MoveAction

    def urgent_for(self, mrn: str) -> tuple[str, ...]:
        """The open URGENT alerts' words for ``mrn`` (empty when none)."""
        return self._urgent.get(mrn, ())

    def set_sessions(self, sessions: Sequence[SessionView]) -> None:
        """Show ``sessions`` (any order; shown by time then chair)."""
        rows = day_order(sessions)
        if [v.id for v in rows] == [v.id for v in self._rows]:
            last = self.columnCount() - 1
            for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
                if old != new:
                    self._rows[number] = new
                    self.dataChanged.emit(self.index(number, 0), self.index(number, last))
            return
        self.set_rows(rows)

    def set_day(self, day: DayList) -> None:
        """Show the sessions of ``day``."""
        self.set_sessions(day.sessions)

    def session(self, row: int) -> SessionView:
        """The session shown in ``row``."""
        return self.item(row)

    def sessions(self) -> tuple[SessionView, ...]:
        """Every session shown, in row order."""
        return tuple(self._rows)

    def row_of(self, session_id: int | None) -> int | None:
        """The row showing ``session_id``, if any."""
        for number, view in enumerate(self._rows):
            if view.id == session_id:
                return number
        return None

    def flagged_count(self) -> int:
        """Sessions (not cancelled) with a co-therapy flag."""
        return len(flagged_sessions(self._rows))

    # ------------------------------------------------------------------ cells

    def headers(self) -> list[str]:
        """The :class:`SessionColumn` titles."""
        return [self._headers[column] for column in SessionColumn]

    def header_tooltip(self, column: int) -> str | None:
        """The flag column explains itself."""
        if column == SessionColumn.FLAG:
            return self.tr("IV iron and an antiresorptive too close together (E2-E7)")
        if column == SessionColumn.NURSE:
            if self._nurse_note:
                return self.tr("No nurse rota for this day: bookings are not nurse-checked")
            return self.tr("The nurse who looks after the patient (most of the session)")
        return None

    def cell(self, view: SessionView, index: int, role: int) -> Any:
        """Cell contents by role."""
        column = SessionColumn(index)
        flagged = view.cotherapy_flagged
        muted = view.status in ("cancelled", "no-show")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(view, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(view, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column is SessionColumn.FLAG and flagged:
                return flag_icon()
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(FLAG_FILL)) if flagged else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is SessionColumn.NURSE and self._uncovered(view):
                return QBrush(QColor(FLAG_COLOUR))
            if column is SessionColumn.PATIENT and self._urgent.get(view.mrn):
                return QBrush(QColor(FLAG_COLOUR))
            if column is SessionColumn.FLAG and flagged:
                return QBrush(QColor(FLAG_COLOUR))
            return QBrush(QColor(MUTED_COLOUR)) if muted else QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if (column is SessionColumn.FLAG and flagged) or (
                column is SessionColumn.PATIENT and self._urgent.get(view.mrn)
            ):
                font.setBold(True)
            if view.status == "cancelled":
                font.setStrikeOut(column in (SessionColumn.TIME, SessionColumn.PATIENT))
            return font
        if role == SESSION_ROLE:
            return view
        if role == FLAG_ROLE:
            return flagged
        return None

    def _text(self, view: SessionView, column: SessionColumn) -> str:
        if column is SessionColumn.TIME:
            return f"{view.start:%H:%M}"
        if column is SessionColumn.CHAIR:
            return view.chair
        if column is SessionColumn.FLAG:
            return self.tr("CO-THERAPY") if view.cotherapy_flagged else ""
        if column is SessionColumn.PATIENT:
            if self._urgent.get(view.mrn):
                return "\u26a0 " + self.tr("URGENT result: %1").replace("%1", view.patient_name)
            return view.patient_name
        if column is SessionColumn.MRN:
            return view.mrn
        if column is SessionColumn.THERAPY:
            return view.therapy_name
        if column is SessionColumn.PLANNED:
            minutes = round((view.end - view.start).total_seconds() / 60)
            return (
                self.tr("%1\u2013%2 (%3 min)")
                .replace("%1", f"{view.start:%H:%M}")
                .replace("%2", f"{view.end:%H:%M}")
                .replace("%3", str(minutes))
            )
        if column is SessionColumn.STATUS:
            text = status_text(view.status)
            return f"{text}: {view.status_reason}" if view.status_reason else text
        if column is SessionColumn.NURSE:
            return self._nurse_text(view)
        if column is SessionColumn.FINDINGS:
            return "; ".join(f"{f.severity.value} {f.rule}" for f in view.findings)
        return "; ".join(
            f"{f.overridden_by}: {f.override_reason}{self._consulted(f)}"
            for f in _unique_overrides(view)
        )

    def _uncovered(self, view: SessionView) -> bool:
        assigned = self._nurses.get(view.id or 0)
        return assigned is not None and any(c.nurse is None for c in assigned.care)

    def _nurse_text(self, view: SessionView) -> str:
        assigned = self._nurses.get(view.id or 0)
        if assigned is None:
            return ""
        if assigned.nurse is None:
            return self.tr("no nurse free")
        text = assigned.nurse
        if assigned.handoffs == 1:
            text += " " + self.tr("(1 hand-off)")
        elif assigned.handoffs:
            text += " " + self.tr("(%1 hand-offs)").replace("%1", str(assigned.handoffs))
        if self._uncovered(view):
            text += " " + self.tr("(no nurse free for part)")
        return text

    def _nurse_tooltip(self, view: SessionView) -> str | None:
        assigned = self._nurses.get(view.id or 0)
        if assigned is None:
            return None
        kinds = {
            "set-up": self.tr("set-up"),
            "monitoring": self.tr("monitoring"),
            "take-down": self.tr("take-down"),
        }
        return "\n".join(
            f"{c.start:%H:%M}\u2013{c.end:%H:%M} {kinds.get(c.kind, c.kind)}: "
            + (c.nurse or self.tr("no nurse free"))
            for c in assigned.care
        )

    def _consulted(self, finding: FindingView) -> str:
        """`` (prescriber consulted: NAME)``; overrides recorded before it name nobody."""
        if not finding.consulted:
            return ""
        return " " + self.tr("(prescriber consulted: %1)").replace("%1", finding.consulted)

    def _tooltip(self, view: SessionView, column: SessionColumn) -> str | None:
        if column is SessionColumn.FLAG:
            lines = [f"{f.severity.value} {f.rule}: {f.message}" for f in view.cotherapy_findings]
            return "\n".join(lines) if lines else None
        if column is SessionColumn.PATIENT and self._urgent.get(view.mrn):
            return "\n".join((view.patient_name, *self._urgent[view.mrn]))
        if column is SessionColumn.NURSE:
            return self._nurse_tooltip(view)
        if column is SessionColumn.FINDINGS:
            return "\n".join(f"{f.severity.value} {f.rule}: {f.message}" for f in view.findings)
        if column is SessionColumn.OVERRIDE:
            return (
                "\n".join(
                    self.tr("%1 overridden by %2: %3")
                    .replace("%1", f.rule)
                    .replace("%2", f.overridden_by or "")
                    .replace("%3", f.override_reason or "")
                    + self._consulted(f)
                    for f in view.overridden
                )
                or None
            )
        text = self._text(view, column)
        return text or None


def session_id_from_drag(data: QMimeData) -> int | None:
    """The session id a dragged daily-list row carries, or None."""
    if not data.hasFormat(NURSE_DRAG_MIME):
        return None
    text = bytes(data.data(NURSE_DRAG_MIME).data()).decode("ascii", "replace")
    return int(text) if text.isdigit() else None


def _unique_overrides(view: SessionView) -> list[Any]:
    """One override per (who, why): one decision often covers several findings."""
    seen: set[tuple[str | None, str | None, str | None]] = set()
    result = []
    for f in view.overridden:
        key = (f.overridden_by, f.override_reason, f.consulted)
        if key not in seen:
            seen.add(key)
            result.append(f)
    return result


class LabColumn(enum.IntEnum):
    """Columns of the lab table."""

    WHEN = 0
    KIND = 1
    PATIENT = 2
    MRN = 3
    TESTS = 4
    WINDOW = 5
    STATUS = 6
    FOR = 7


class LabListModel(RowTableModel[tuple[LabView, bool]]):
    """Lab draws of the day: first those that were due and not done, then today's.

    Each row is the draw and whether it is overdue.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            LabColumn.WHEN: self.tr("When"),
            LabColumn.KIND: self.tr("Draw"),
            LabColumn.PATIENT: self.tr("Patient"),
            LabColumn.MRN: self.tr("MRN"),
            LabColumn.TESTS: self.tr("Tests"),
            LabColumn.WINDOW: self.tr("Due window"),
            LabColumn.STATUS: self.tr("Status"),
            LabColumn.FOR: self.tr("For"),
        }

    def set_day(self, day: DayList) -> None:
        """Show the overdue draws and the draws of ``day``."""
        self.set_rows(
            [(lab, True) for lab in day.overdue_labs] + [(lab, False) for lab in day.labs]
        )

    def lab(self, row: int) -> LabView:
        """The lab appointment shown in ``row``."""
        return self.item(row)[0]

    def overdue_count(self) -> int:
        """Draws that were due and not done."""
        return sum(1 for _, overdue in self._rows if overdue)

    def headers(self) -> list[str]:
        """The :class:`LabColumn` titles."""
        return [self._headers[column] for column in LabColumn]

    def cell(self, row: tuple[LabView, bool], index: int, role: int) -> Any:
        """Cell contents by role."""
        lab, overdue = row
        column = LabColumn(index)
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._text(lab, overdue, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return flag_icon() if overdue and column is LabColumn.KIND else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(FLAG_FILL)) if overdue else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column is LabColumn.KIND:
                return QBrush(QColor(FLAG_COLOUR))
            muted = lab.status == "cancelled"
            return QBrush(QColor(MUTED_COLOUR if muted else "#000000"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(overdue and column is LabColumn.KIND)
            return font
        if role == SESSION_ROLE:
            return lab
        if role == FLAG_ROLE:
            return overdue
        return None

    def _text(self, lab: LabView, overdue: bool, column: LabColumn) -> str:
        if column is LabColumn.WHEN:
            return f"{lab.start:%Y-%m-%d %H:%M}" if overdue else f"{lab.start:%H:%M}"
        if column is LabColumn.KIND:
            return self.tr("DUE AND NOT DONE") if overdue else self.tr("Due today")
        if column is LabColumn.PATIENT:
            return lab.patient_name
        if column is LabColumn.MRN:
            return lab.mrn
        if column is LabColumn.TESTS:
            return ", ".join(lab.tests)
        if column is LabColumn.WINDOW:
            return f"{dates.day_month(lab.due_from)} \u2013 {dates.day_month(lab.due_to)}"
        if column is LabColumn.FOR:
            return ", ".join(lab.labels or lab.rules) or "\u2013"
        return status_text(lab.status)
