"""The week overview: booked sessions and chair time per chair and day, one week at a time."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.gui import wording
from clinic_app.gui.day_grid.week_model import DAY_ROLE, WeekOccupancyModel
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from clinic_app.services.results import WeekOccupancy


def monday_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


class WeekOverview(QWidget):
    """Chairs down, Monday to Sunday across; Enter or double-click opens that day.

    Signals:
        day_chosen(object): the :class:`date` to open in the day grid.
        loaded(): a week was loaded and is on screen.
        failed(str): loading failed (the message).
    """

    day_chosen = Signal(object)
    loaded = Signal()
    failed = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        icons: IconSet,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.runner = runner
        self.model = WeekOccupancyModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        self.title = QLabel(self)
        self.title.setObjectName("dayTitle")
        self.previous_button = QToolButton(self)
        self.previous_button.setIcon(icons.icon("go-previous"))
        self.previous_button.setToolTip(self.tr("Previous week"))
        self.next_button = QToolButton(self)
        self.next_button.setIcon(icons.icon("go-next"))
        self.next_button.setToolTip(self.tr("Next week"))
        self.previous_button.clicked.connect(
            lambda: self.show_week(self.model.first - timedelta(7))
        )
        self.next_button.clicked.connect(lambda: self.show_week(self.model.first + timedelta(7)))
        hint = QLabel(
            self.tr(
                "Sessions and booked chair time per chair and day (cancelled sessions left out). "
                "Enter or double-click opens the day."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.title)
        top.addWidget(self.next_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)

    def show_week(self, day: date) -> None:
        """Load the week holding ``day`` (off the GUI thread: read and counted on the worker,
        so the GUI thread only swaps the counts into the model)."""
        first = monday_of(day)
        services, actor = self.services, self.actor
        self.title.setText(self.tr("Week of %1").replace("%1", wording.day_label(first)))

        def job() -> WeekOccupancy:
            return services.queries.week_occupancy(actor, first)

        self.runner.run(job, self._show, self._failed, key=f"week-{id(self)}", context=self)

    def _show(self, week: WeekOccupancy) -> None:
        self.model.set_occupancy(week)
        self.view.viewport().repaint()  # now, not beside the next load (see MainWindow)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        explanation = wording.explain_error(error)
        self.failed.emit(f"{explanation.headline}: {explanation.detail}")

    def _open(self, index: QModelIndex) -> None:
        day = index.data(DAY_ROLE)
        if isinstance(day, date):
            self.day_chosen.emit(day)

    def focus_day(self, day: date) -> None:
        """Put the cursor on ``day``'s column."""
        column = (day - self.model.first).days
        if 0 <= column < 7 and self.model.rowCount() > 0:
            self.view.setCurrentIndex(self.model.index(0, column))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
