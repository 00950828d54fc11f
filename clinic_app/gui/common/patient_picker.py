"""Patient search as you type (name, MRN, date of birth or phone), for the booking dialog and
the patient finder."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from clinic_app.gui.common.patient_list_model import PatientListModel
from clinic_app.services.results import PatientView

SEARCH_DELAY_MS = 150

Search = Callable[[str], Sequence[PatientView]]


class PatientPicker(QWidget):
    """A search box over a list of matches; Up/Down move in the list, Enter takes the patient.

    Signals:
        patient_chosen(object): the chosen :class:`PatientView`.
        search_failed(object): the search raised (the exception).
    """

    patient_chosen = Signal(object)
    search_failed = Signal(object)

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("Name (any order), MRN, date of birth or phone")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.model = PatientListModel(self)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.list_view.installEventFilter(self)
        self.list_view.doubleClicked.connect(lambda index: self._choose_row(index.row()))
        self.setFocusProxy(self.search_edit)

    def search_now(self) -> None:
        """Run the search for the current text (the timer calls this as the user types)."""
        self._timer.stop()
        try:
            found = list(self._search(self.search_edit.text()))
        except Exception as error:  # shown by the owner
            found = []
            self.search_failed.emit(error)
        self.model.set_patients(found)
        if found:
            self.list_view.setCurrentIndex(self.model.index(0, 0))

    def choose_current(self) -> bool:
        """Take the highlighted patient (or the only/first match); False when none."""
        if self._timer.isActive():
            self.search_now()
        row = self.list_view.currentIndex().row()
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row < 0:
            return False
        self._choose_row(row)
        return True

    def _choose_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.patient_chosen.emit(self.model.patient(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down from the search box move the highlight; Enter takes the patient."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return self.choose_current()
        if watched is self.search_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if self._timer.isActive():
                self.search_now()
            count = self.model.rowCount()
            if count:
                row = self.list_view.currentIndex().row()
                row = row + 1 if key == Qt.Key.Key_Down else row - 1
                self.list_view.setCurrentIndex(self.model.index(max(0, min(count - 1, row)), 0))
            return True
        return False
