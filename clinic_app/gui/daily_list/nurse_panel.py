"""The nurses of the day beside the daily list: drop a patient on a nurse to hand her over.

``NurseListModel`` lists the day's nurses (``DayAssignmentView.nurses``) with their patients
and work; a session row of the daily list dropped on a nurse emits ``session_dropped``, and
the window asks ``StaffingService.reassign`` (nothing changes here by itself, so a refusal
leaves the list as it was). ``NursePickerDialog`` is the keyboard way to the same change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.gui.daily_list.daily_list_model import NURSE_DRAG_MIME, session_id_from_drag
from clinic_app.services.staffing import DayAssignmentView, NurseWorkView

NURSE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's nurse name


class NurseListModel(QAbstractListModel):
    """The day's nurses, each with her patients and her work; a drop target for sessions.

    Signals:
        session_dropped(int, str): a dragged session's id and the nurse it was dropped on.
    """

    session_dropped = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nurses: list[NurseWorkView] = []
        self._patients: dict[str, int] = {}
        self._accepts_drops = False

    def set_assignment(self, assignment: DayAssignmentView | None) -> None:
        """Show the nurses of ``assignment`` (none for a day without a rota)."""
        self.beginResetModel()
        if assignment is None or not assignment.nurse_checked:
            self._nurses, self._patients = [], {}
        else:
            self._nurses = list(assignment.nurses)
            self._patients = {
                n.nurse: sum(1 for s in assignment.sessions if s.looked_after_by(n.nurse))
                for n in self._nurses
            }
        self.endResetModel()

    def set_accepts_drops(self, accepts: bool) -> None:
        """Whether sessions may be dropped on the nurses (users who assign nurses)."""
        self._accepts_drops = accepts

    def names(self) -> list[str]:
        """The nurses' names, in rota order."""
        return [n.nurse for n in self._nurses]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per nurse."""
        return 0 if parent.isValid() else len(self._nurses)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The nurse's name and her patients (display), her work (tool tip)."""
        if not index.isValid() or not 0 <= index.row() < len(self._nurses):
            return None
        nurse = self._nurses[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            count = self._patients.get(nurse.nurse, 0)
            return self.tr("%1 (patients: %2)").replace("%1", nurse.nurse).replace("%2", str(count))
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("On duty %1 min; nurse work %2 min. Drop a patient here to hand over.")
                .replace("%1", str(nurse.duty_minutes))
                .replace("%2", str(nurse.work_minutes))
            )
        if role == NURSE_ROLE:
            return nurse.nurse
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Nurses are selectable; they take drops when reassigning is allowed."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._accepts_drops:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        """Daily-list session rows."""
        return [NURSE_DRAG_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        """A session is handed over (moved), whatever the drag proposes."""
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def nurse_at(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> str | None:
        """The nurse a drop at (``row``, ``parent``) lands on: onto an item only."""
        target = parent.row() if parent.isValid() else -1
        return self._nurses[target].nurse if 0 <= target < len(self._nurses) else None

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """True for a session dropped onto a nurse."""
        return (
            self._accepts_drops
            and session_id_from_drag(data) is not None
            and (not parent.isValid() or self.nurse_at(row, parent) is not None)
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Emit ``session_dropped``; the list itself does not change (False: nothing moved
        here, so the view never removes the dragged row)."""
        session_id = session_id_from_drag(data)
        nurse = self.nurse_at(row, parent)
        if self._accepts_drops and session_id is not None and nurse is not None:
            self.session_dropped.emit(session_id, nurse)
        return False


class NursePanel(QWidget):
    """A heading and the list of the day's nurses, beside the daily list's table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NurseListModel(self)
        self.heading = QLabel(self.tr("Nurses to&day"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        # Room for two wrapped lines: a word-wrapped label in a squeezed layout gets clipped.
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 2 + 4)
        self.setMinimumWidth(200)
        self.view = QListView()
        self.view.setObjectName("nurseList")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Nurses today"))
        self.view.setAcceptDrops(True)
        self.view.viewport().setAcceptDrops(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.view.setDragDropOverwriteMode(True)  # a drop lands on a nurse, not between two
        self.view.setDropIndicatorShown(True)
        self.heading.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

    def set_assignment(self, assignment: DayAssignmentView | None, *, may_assign: bool) -> None:
        """Show the day's nurses; drops are taken when ``may_assign``."""
        self.model.set_assignment(assignment)
        self.model.set_accepts_drops(may_assign)
        if assignment is not None and not assignment.nurse_checked:
            self.hint.setText(self.tr("No nurse rota for this day."))
        elif may_assign:
            self.hint.setText(self.tr("Drag a patient onto a nurse to hand her over."))
        else:
            self.hint.setText("")


class NursePickerDialog(QDialog):
    """Picks one of the day's nurses (the keyboard way to hand a patient over)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        nurses: Sequence[str],
        current: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        about = QLabel(prompt)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        label = QLabel(self.tr("&Nurse:"))
        self.nurses = QComboBox()
        self.nurses.setObjectName("nursePicker")
        for name in nurses:
            self.nurses.addItem(name, name)
        if current is not None and self.nurses.findData(current) >= 0:
            self.nurses.setCurrentIndex(self.nurses.findData(current))
        label.setBuddy(self.nurses)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(label)
        layout.addWidget(self.nurses)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        """The nurse picked (None when there is none to pick)."""
        value = self.nurses.currentData()
        return str(value) if value else None

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        prompt: str,
        nurses: Sequence[str],
        current: str | None,
    ) -> str | None:
        """The nurse picked, or None when cancelled (tests replace this)."""
        dialog = cls(title, prompt, nurses, current, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen()
        return None
