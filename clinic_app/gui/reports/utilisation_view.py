"""The managers' utilisation report window: key figures, two charts, tables, Save as PDF.

``UtilisationWindow(services, actor, parent=None)``. The report is built in a worker thread
(a year of sessions takes a moment) and painted with the same chart code as the PDF
(``exports.utilisation_chart``), so the screen and the paper agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QDate,
    QObject,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.exports.pdf_export import PageSize
from clinic_app.exports.session_export import CancelCheck, ProgressCallback
from clinic_app.exports.utilisation_chart import paint_chair_chart, paint_day_chart, percent
from clinic_app.exports.utilisation_pdf import key_figures, write_utilisation_pdf
from clinic_app.gui.common import dates
from clinic_app.gui.common.clinic_day import clinic_today
from clinic_app.gui.common.export_dialog import BackgroundTask, to_date
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.common.save_pdf import save_pdf
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.reports import (
    ChairUtilisation,
    DayUtilisation,
    MonthFindings,
    TherapyCount,
    Utilisation,
)

T = TypeVar("T")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class RecordColumn(Generic[T]):
    """A column of a ``RecordTableModel``: its title, its text, numbers right-aligned."""

    title: str
    text: Callable[[T], str]
    numeric: bool = False


class RecordTableModel(RowTableModel[T]):
    """A read-only table of result objects (one row each) with fixed columns."""

    def __init__(self, columns: Sequence[RecordColumn[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)

    def set_records(self, records: Sequence[T]) -> None:
        """Show ``records``."""
        self.set_rows(records)

    def record(self, row: int) -> T:
        """The record of ``row``."""
        return self.item(row)

    def headers(self) -> list[str]:
        """The columns' titles."""
        return [column.title for column in self._columns]

    def cell(self, item: T, column: int, role: int) -> Any:
        """Cell text, right-aligned for numbers."""
        shown = self._columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return shown.text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and shown.numeric:
            return int(_RIGHT.value)
        return None


class DayChart(QWidget):
    """Chair-hours available and booked per open day (painted like the PDF's chart)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: tuple[DayUtilisation, ...] = ()
        self.setMinimumHeight(220)
        self.setAccessibleName(self.tr("Chart of chair-hours per day"))

    def set_days(self, days: Sequence[DayUtilisation]) -> None:
        """Chart ``days``."""
        self._days = tuple(days)
        booked = sum(d.booked_minutes for d in days) / 60
        available = sum(d.available_minutes for d in days) / 60
        self.setAccessibleDescription(
            self.tr("%1 of %2 chair-hours booked")
            .replace("%1", f"{booked:.1f}")
            .replace("%2", f"{available:.1f}")
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the chart."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        paint_day_chart(painter, QRectF(self.rect()).adjusted(10, 8, -10, -4), self._days)
        painter.end()


class ChairChart(QWidget):
    """Utilisation per chair, one horizontal bar each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chairs: tuple[ChairUtilisation, ...] = ()
        self.setMinimumHeight(180)
        self.setAccessibleName(self.tr("Chart of utilisation per chair"))

    def set_chairs(self, chairs: Sequence[ChairUtilisation]) -> None:
        """Chart ``chairs``."""
        self._chairs = tuple(chairs)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the chart."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        paint_chair_chart(painter, QRectF(self.rect()).adjusted(10, 8, -10, -4), self._chairs)
        painter.end()


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


class UtilisationWindow(QMainWindow):
    """The utilisation report of a date range, for managers.

    Signals:
        report_ready(object): the ``Utilisation`` now shown.
        report_failed(str): why the report could not be built.
    """

    report_ready = Signal(object)
    report_failed = Signal(str)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.reports = services.reports
        self.report: Utilisation | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Utilisation report"))
        self.resize(1366, 768)

        today = clinic_today(services, actor)
        first = QDate(today.year, today.month, 1)
        self.date_from = QDateEdit(first)
        self.date_to = QDateEdit(first.addMonths(1).addDays(-1))
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.date_edit_format())
            edit.setAccessibleName(name)
        self.page_size = QComboBox()
        self.page_size.addItem(self.tr("A4"), PageSize.A4.value)
        self.page_size.addItem(self.tr("Letter"), PageSize.LETTER.value)
        self.page_size.setAccessibleName(self.tr("Paper size"))
        toolbar = QToolBar(self.tr("Report"))
        toolbar.setObjectName("reportToolbar")
        self.addToolBar(toolbar)
        toolbar.addWidget(QLabel(self.tr(" From ")))
        toolbar.addWidget(self.date_from)
        toolbar.addWidget(QLabel(self.tr(" to ")))
        toolbar.addWidget(self.date_to)
        self.refresh_action = QAction(self.tr("&Show report"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.pdf_action = QAction(self.tr("&Save as PDF..."), self)
        self.pdf_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.pdf_action.triggered.connect(lambda: self.save_pdf())
        toolbar.addAction(self.refresh_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.page_size)
        toolbar.addAction(self.pdf_action)
        for action in (self.refresh_action, self.pdf_action):
            self.addAction(action)

        self.figures = QGridLayout()
        figures_box = QWidget()
        figures_box.setLayout(self.figures)
        self.day_chart = DayChart()
        self.chair_chart = ChairChart()
        charts = QHBoxLayout()
        charts.addWidget(self.day_chart, 3)
        charts.addWidget(self.chair_chart, 2)

        tr = self.tr
        self.chair_model: RecordTableModel[ChairUtilisation] = RecordTableModel(
            (
                RecordColumn(tr("Chair"), lambda c: c.chair),
                RecordColumn(tr("Available h"), lambda c: _hours(c.available_minutes), True),
                RecordColumn(tr("Booked h"), lambda c: _hours(c.booked_minutes), True),
                RecordColumn(tr("Utilisation"), lambda c: percent(c.utilisation), True),
                RecordColumn(tr("Sessions"), lambda c: str(c.sessions), True),
                RecordColumn(tr("No-show h"), lambda c: _hours(c.no_show_minutes), True),
            ),
            self,
        )
        self.therapy_model: RecordTableModel[TherapyCount] = RecordTableModel(
            (
                RecordColumn(tr("Therapy"), lambda t: t.therapy_name),
                RecordColumn(tr("Sessions"), lambda t: str(t.sessions), True),
                RecordColumn(tr("Completed"), lambda t: str(t.completed), True),
                RecordColumn(tr("No-shows"), lambda t: str(t.no_shows), True),
                RecordColumn(tr("Cancelled"), lambda t: str(t.cancelled), True),
            ),
            self,
        )
        self.month_model: RecordTableModel[MonthFindings] = RecordTableModel(
            (
                RecordColumn(tr("Month"), lambda m: m.label),
                RecordColumn(tr("Sessions flagged"), lambda m: str(m.sessions_flagged), True),
                RecordColumn(tr("Co-therapy findings"), lambda m: str(m.cotherapy_findings), True),
                RecordColumn(tr("Overrides"), lambda m: str(m.overrides), True),
                RecordColumn(
                    tr("Co-therapy overrides"), lambda m: str(m.cotherapy_overrides), True
                ),
            ),
            self,
        )
        self.day_model: RecordTableModel[DayUtilisation] = RecordTableModel(
            (
                RecordColumn(tr("Date"), lambda d: dates.short_date(d.day)),
                RecordColumn(tr("Available h"), lambda d: _hours(d.available_minutes), True),
                RecordColumn(tr("Booked h"), lambda d: _hours(d.booked_minutes), True),
                RecordColumn(tr("Utilisation"), lambda d: percent(d.utilisation), True),
                RecordColumn(tr("Sessions"), lambda d: str(d.sessions), True),
                RecordColumn(tr("No-show h"), lambda d: _hours(d.no_show_minutes), True),
            ),
            self,
        )
        self.tabs = QTabWidget()
        for model, title in (
            (self.chair_model, tr("Per &chair")),
            (self.therapy_model, tr("Per t&herapy")),
            (self.month_model, tr("Co-therapy and overrides per &month")),
            (self.day_model, tr("Per &day")),
        ):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.setAlternatingRowColors(True)
            view.setTabKeyNavigation(False)
            self.tabs.addTab(view, title)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(figures_box)
        layout.addLayout(charts, 3)
        layout.addWidget(self.tabs, 2)
        layout.addWidget(self.message)
        self.setCentralWidget(central)
        if not actor.can(Permission.EXPORT):
            self.refresh_action.setEnabled(False)
            self.pdf_action.setEnabled(False)
            self.message.setText(self.tr("Your role may not see the utilisation report."))
        else:
            self.refresh()

    # ------------------------------------------------------------------ data

    def period(self) -> tuple[date, date]:
        """The chosen first and last day."""
        return to_date(self.date_from.date()), to_date(self.date_to.date())

    def set_period(self, first: date, last: date) -> None:
        """Choose the period (then call ``refresh``)."""
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))

    def refresh(self) -> None:
        """Build the report of the chosen period in the background."""
        if self.task is not None:
            return
        first, last = self.period()

        def job(progress: ProgressCallback, cancelled: CancelCheck) -> Utilisation:
            return self.reports.build(self.actor, first, last)

        task = BackgroundTask(job, self)
        self.task = task
        task.succeeded.connect(self._ready)
        task.failed.connect(self._failed)
        task.finished.connect(self._task_done)
        self.refresh_action.setEnabled(False)
        self.message.setText(self.tr("Building the report..."))
        task.start()

    def _task_done(self) -> None:
        if self.task is not None:
            # "finished" comes just before the thread really ends. The finished task stays
            # a child of the window: deleteLater() on it here crashes PySide 6.11 when a
            # queued signal of it is still referenced.
            self.task.wait()
            self.task = None
        self.refresh_action.setEnabled(True)

    def _failed(self, error: str) -> None:
        self.message.setText(self.tr("The report could not be built: %1").replace("%1", error))
        self.report_failed.emit(error)

    def _ready(self, report: Any) -> None:
        assert isinstance(report, Utilisation)
        self.set_report(report)

    def set_report(self, report: Utilisation) -> None:
        """Show ``report``."""
        self.report = report
        while self.figures.count():
            item = self.figures.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        per_row = 4
        for number, (label, value) in enumerate(key_figures(report)):
            name = QLabel(label + ":")
            name.setTextFormat(Qt.TextFormat.PlainText)
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            font = shown.font()
            font.setBold(True)
            shown.setFont(font)
            row, column = divmod(number, per_row)
            self.figures.addWidget(name, row, column * 2)
            self.figures.addWidget(shown, row, column * 2 + 1)
        self.day_chart.set_days(report.days)
        self.chair_chart.set_chairs(report.chairs)
        self.chair_model.set_records(report.chairs)
        self.therapy_model.set_records(report.therapies)
        self.month_model.set_records(report.months)
        self.day_model.set_records([d for d in report.days if d.open or d.sessions])
        self.setWindowTitle(
            self.tr("Utilisation report - %1 to %2 - %3")
            .replace("%1", dates.short_date(report.first))
            .replace("%2", dates.short_date(report.last))
            .replace("%3", report.clinic_name)
        )
        self.message.setText("")
        self.report_ready.emit(report)

    # ------------------------------------------------------------------ PDF

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the report shown as a PDF (asks where unless ``path`` is given)."""
        report = self.report
        if report is None:
            return None
        page_size = self.page_size.currentData()
        return save_pdf(
            self,
            title=self.tr("Save report as PDF"),
            suggested_name=f"utilisation-{report.first.isoformat()}-{report.last.isoformat()}.pdf",
            write=lambda target: write_utilisation_pdf(
                report, target, generated_at=self.services.ctx.clock(), page_size=page_size
            ),
            path=path,
        )

    def closeEvent(self, event: Any) -> None:
        """Wait for a report still being built before the window goes."""
        if self.task is not None:
            self.task.wait(30_000)
        super().closeEvent(event)
