"""The table view of the day grid: spans for blocks, drag and drop of sessions, keyboard.

Dropping a session does not change anything by itself: the view emits ``session_dropped`` and
the window asks the booking service to move it (which re-runs every check).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from clinic_app.gui.day_grid.day_grid_model import (
    SESSION_MIME,
    DayGridModel,
    session_id_from_mime,
)
from clinic_app.gui.day_grid.session_delegate import SessionBlockDelegate
from clinic_app.services.results import SessionView

ROW_HEIGHT = 26
MIN_COLUMN_WIDTH = 112


class DayGridView(QTableView):
    """Shows a :class:`DayGridModel`; sessions can be dragged to another chair or time.

    Signals:
        session_dropped(int, int, object): session id, target chair id, naive local start.
        session_activated(int): Enter or double-click on a session.
        slot_activated(int, object): Enter or double-click on a free chair cell
            (chair id, naive local start).
        selection_moved(): the current cell changed.
    """

    session_dropped = Signal(int, int, object)
    session_activated = Signal(int)
    slot_activated = Signal(int, object)
    selection_moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        horizontal = self.horizontalHeader()
        horizontal.setMinimumSectionSize(60)
        horizontal.setDefaultSectionSize(MIN_COLUMN_WIDTH)
        self._grab_offset = 0
        self._drop_target: tuple[int, int, int] | None = None  # row, column, rows
        self._drop_pen = QPen(QColor("#0b3d6b"), 2, Qt.PenStyle.DashLine)

    # ------------------------------------------------------------------ model

    def grid_model(self) -> DayGridModel:
        """The day grid model shown."""
        model = self.model()
        assert isinstance(model, DayGridModel)
        return model

    def setModel(self, model: DayGridModel) -> None:  # type: ignore[override]
        """Show ``model``; spans and column widths follow its resets."""
        super().setModel(model)
        model.modelReset.connect(self._apply_layout)
        self.selectionModel().currentChanged.connect(lambda *_: self.selection_moved.emit())
        self._apply_layout()

    def _apply_layout(self) -> None:
        delegate = self.itemDelegate()
        if isinstance(delegate, SessionBlockDelegate):
            delegate.forget_rendering()
        self.clearSpans()
        for row, column, rows in self.grid_model().spans():
            self.setSpan(row, column, rows, 1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        available = self.viewport().width()
        if available / model.columnCount() >= MIN_COLUMN_WIDTH:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column in range(model.columnCount()):
                header.resizeSection(column, MIN_COLUMN_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Stretch the columns when they all fit, else scroll sideways."""
        super().resizeEvent(event)
        self._fit_columns()

    # ------------------------------------------------------------------ lookups

    def current_session(self) -> SessionView | None:
        """The session in the current cell's block, if any."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.grid_model().session_at(index.row(), index.column())

    def select_session(self, session_id: int) -> bool:
        """Make the block holding ``session_id`` current and visible."""
        index = self.grid_model().index_of_session(session_id)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def select_slot(self, chair_column: int, moment: datetime) -> None:
        """Make the cell of ``chair_column`` at ``moment`` current and visible."""
        index = self.grid_model().index(self.grid_model().row_of(moment), chair_column)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    # ------------------------------------------------------------------ keyboard and mouse

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the session under the cursor, or books the free slot."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click does what Enter does."""
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.setCurrentIndex(index)
            self._activate(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        model = self.grid_model()
        session = model.session_at(index.row(), index.column())
        if session is not None and session.id is not None:
            self.session_activated.emit(session.id)
            return
        chair = model.chair_at(index.column())
        if chair is not None and model.block_at(index.row(), index.column()) is None:
            self.slot_activated.emit(chair.id, model.time_at(index.row()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where in a block the user grabbed it, so the drop keeps that offset."""
        position = event.position().toPoint()
        row = self.rowAt(position.y())
        block = self.grid_model().block_at(row, self.columnAt(position.x())) if row >= 0 else None
        self._grab_offset = row - block.top_row if block is not None else 0
        super().mousePressEvent(event)

    # ------------------------------------------------------------------ drag and drop

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag the current session (only booked sessions are draggable)."""
        index = self.currentIndex()
        if not index.isValid() or not (self.model().flags(index) & Qt.ItemFlag.ItemIsDragEnabled):
            return
        data = self.grid_model().mimeData([index])
        if not data.hasFormat(SESSION_MIME):
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        rect = self.visualRect(index)
        drag.setPixmap(self.viewport().grab(rect))
        drag.setHotSpot(QPoint(rect.width() // 2, self._grab_offset * ROW_HEIGHT + ROW_HEIGHT // 2))
        drag.exec(Qt.DropAction.MoveAction)
        self._clear_drop_target()

    def drop_target(self, position: QPoint) -> tuple[int, int] | None:
        """``(row, column)`` where a session dropped at ``position`` would start, or None."""
        row, column = self.rowAt(position.y()), self.columnAt(position.x())
        if row < 0 or column < 0 or self.grid_model().chair_at(column) is None:
            return None
        return max(0, row - self._grab_offset), column

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept our sessions only."""
        if event.mimeData().hasFormat(SESSION_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Show where the session would go; chair columns only."""
        session_id = session_id_from_mime(event.mimeData())
        target = self.drop_target(event.position().toPoint())
        if session_id is None or target is None:
            self._clear_drop_target()
            event.ignore()
            return
        rows = self._rows_of(session_id)
        self._drop_target = (target[0], target[1], rows)
        self.viewport().update()
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """Forget the drop indicator."""
        self._clear_drop_target()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Ask for the move: emit ``session_dropped`` (the window runs the service)."""
        session_id = session_id_from_mime(event.mimeData())
        target = self.drop_target(event.position().toPoint())
        self._clear_drop_target()
        self._grab_offset = 0
        if session_id is None or target is None:
            event.ignore()
            return
        row, column = target
        chair = self.grid_model().chair_at(column)
        assert chair is not None
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.session_dropped.emit(session_id, chair.id, self.grid_model().time_at(row))

    def _rows_of(self, session_id: int) -> int:
        index = self.grid_model().index_of_session(session_id)
        if not index.isValid():
            return 1
        block = self.grid_model().block_at(index.row(), index.column())
        return block.row_count if block is not None else 1

    def _clear_drop_target(self) -> None:
        if self._drop_target is not None:
            self._drop_target = None
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the grid, then the drop indicator over it."""
        super().paintEvent(event)
        if self._drop_target is None:
            return
        row, column, rows = self._drop_target
        rect = QRect(
            self.columnViewportPosition(column),
            self.rowViewportPosition(row),
            self.columnWidth(column),
            rows * ROW_HEIGHT,
        )
        painter = QPainter(self.viewport())
        painter.setPen(self._drop_pen)
        painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.end()
