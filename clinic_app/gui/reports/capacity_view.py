"""The managers' capacity report window (issue 14): chair use, nurse load, peaks, waitlist.

``CapacityWindow(services, actor, parent=None, runner=None)``. The report is built by the
service (``UtilisationReport.capacity``) on a worker (``TaskRunner``): a year counts every
minute of every day, and the window stays responsive meanwhile. Four charts (QtCharts):

* chair-hours booked and idle per open day, with the utilisation on a second axis;
* the selected day's nurse load every 15 minutes: set-ups and take-downs, the nurses the
  monitored patients need, all nurses needed, and the nurses on duty (shaded);
* the peak load per open day: most set-ups at once, most nurses needed, on duty then;
* the waitlist now, per therapy (waiting and offered).

Below them, one row per day (``CapacityDayModel``); choosing a row shows its load curve.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QItemSelection, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.gui.common import dates
from clinic_app.gui.common.clinic_day import clinic_today
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.reports.charts import (
    attach,
    clear_chart,
    count_axis,
    day_axis,
    percent,
    percent_axis,
    titled_chart,
)
from clinic_app.gui.reports.period_toolbar import PeriodToolbar
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.reports import CapacityDay, CapacityReport

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# The palette of the utilisation report's charts (booked dark, available light) and three
# distinct, colour-blind-safe line colours (Okabe-Ito) for the nurse load.
BOOKED_COLOUR = "#1f5f8b"
IDLE_COLOUR = "#b9d3e6"
SETUP_COLOUR = "#d55e00"
MONITOR_COLOUR = "#009e73"
NEEDED_COLOUR = "#000000"
DUTY_COLOUR = "#f0e442"
DUTY_BAR_COLOUR = "#56b4e9"
OFFERED_COLOUR = "#e69f00"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


def _clock(day: date, moment: time) -> str:
    return dates.time_text(datetime.combine(day, moment))


class CapacityDayModel(RowTableModel[CapacityDay]):
    """One row per day of the capacity report (closed days included, marked closed)."""

    def headers(self) -> list[str]:
        """The columns' titles."""
        return [
            self.tr("Date"),
            self.tr("Open"),
            self.tr("Utilisation"),
            self.tr("Booked chair-h"),
            self.tr("Idle chair-h"),
            self.tr("Peak set-ups"),
            self.tr("Nurses needed"),
            self.tr("On duty then"),
            self.tr("Peak at"),
            self.tr("Minutes over"),
        ]

    def header_tooltip(self, column: int) -> str | None:
        """What the less obvious columns count."""
        tips = {
            5: self.tr("Most set-ups and take-downs in progress at one minute"),
            6: self.tr("Most nurses needed at one minute (set-ups plus monitored patients)"),
            7: self.tr("Nurses on duty at the first minute of the peak"),
            9: self.tr("Minutes needing more nurses than are on duty"),
        }
        return tips.get(column)

    def cell(self, item: CapacityDay, column: int, role: int) -> Any:
        """Cell text, numbers right-aligned."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(_RIGHT.value)
        return None

    def _text(self, d: CapacityDay, column: int) -> str:
        if column == 0:
            return dates.short_date(d.day)
        if column == 1:
            return self.tr("open") if d.open else self.tr("closed")
        if column == 2:
            return percent(d.utilisation)
        if column == 3:
            return _hours(d.booked_chair_minutes)
        if column == 4:
            return _hours(d.idle_chair_minutes)
        if column == 5:
            return str(d.peak_setups)
        if column == 6:
            return str(d.peak_needed)
        if column == 7:
            return str(d.on_duty_at_peak) if d.nurse_checked else self.tr("no rota")
        if column == 8:
            return "" if d.peak_at is None else _clock(d.day, d.peak_at)
        return str(d.minutes_over) if d.nurse_checked else self.tr("no rota")


class CapacityWindow(QMainWindow):
    """The capacity report of a date range, for managers and administrators.

    Signals:
        report_ready(object): the ``CapacityReport`` now shown.
        report_failed(str): why the report could not be built.
    """

    report_ready = Signal(object)
    report_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.runner = runner if runner is not None else TaskRunner(self)
        self.report: CapacityReport | None = None
        self.shown_day: CapacityDay | None = None
        self.busy = False
        # The load chart's series by what they show ("on duty", "set-ups", "monitoring",
        # "needed"), for tests and the accessible description.
        self.load_series: dict[str, QLineSeries] = {}
        self.peak_sets: dict[str, QBarSet] = {}
        self.setWindowTitle(self.tr("Capacity report"))
        self.resize(1366, 768)

        allowed = actor.can(Permission.EXPORT)
        today = clinic_today(services, actor)  # the clinic's today, whatever the PC's zone
        first = QDate(today.year, today.month, today.day).addDays(-today.weekday())
        self.period_bar = PeriodToolbar(
            self, "capacityToolbar", first, first.addDays(13), self.refresh
        )
        self.date_from, self.date_to = self.period_bar.date_from, self.period_bar.date_to
        self.refresh_action = self.period_bar.refresh_action
        self.summary = self.period_bar.summary

        self.utilisation_chart = titled_chart(self.tr("Chair-hours per open day"))
        self.load_chart = titled_chart(self.tr("Nurse load"))
        self.peak_chart = titled_chart(self.tr("Peak nurse load per open day"))
        self.waitlist_chart = titled_chart(self.tr("Waitlist"))
        self.chart_views: list[QChartView] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for number, (chart, name) in enumerate(
            (
                (self.utilisation_chart, self.tr("Chart of booked and idle chair-hours per day")),
                (self.load_chart, self.tr("Chart of the chosen day's nurse load")),
                (self.peak_chart, self.tr("Chart of the peak nurse load per day")),
                (self.waitlist_chart, self.tr("Chart of the waitlist per therapy")),
            )
        ):
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setAccessibleName(name)
            view.setMinimumHeight(200)
            grid.addWidget(view, number // 2, number % 2)
            self.chart_views.append(view)
        charts = QWidget()
        charts.setLayout(grid)

        self.day_model = CapacityDayModel(self)
        self.table = QTableView()
        self.table.setModel(self.day_model)
        self.table.setAccessibleName(self.tr("Days of the capacity report"))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.selectionModel().selectionChanged.connect(self._row_chosen)
        days_label = QLabel(self.tr("&Days (choose one to see its nurse load):"))
        days_label.setBuddy(self.table)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(days_label)
        table_layout.addWidget(self.table)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(charts)
        splitter.addWidget(table_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.setCentralWidget(central)
        if not allowed:
            self.refresh_action.setEnabled(False)
            self.message.setText(self.tr("Your role may not see the capacity report."))
        else:
            self.refresh()

    # ------------------------------------------------------------------ data

    def period(self) -> tuple[date, date]:
        """The chosen first and last day."""
        return self.period_bar.period()

    def set_period(self, first: date, last: date) -> None:
        """Choose the period (then call ``refresh``)."""
        self.period_bar.set_period(first, last)

    def refresh(self) -> None:
        """Build the report of the chosen period on a worker; the window stays usable."""
        if self.busy:
            return
        first, last = self.period()
        reports, actor = self.services.reports, self.actor
        self.busy = True
        self.refresh_action.setEnabled(False)
        self.message.setText(self.tr("Building the report..."))
        self.runner.run(
            lambda: reports.capacity(actor, first, last),
            self._ready,
            self._failed,
            key="capacity-report",
            context=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.refresh_action.setEnabled(True)
        text = str(error)
        self.message.setText(self.tr("The report could not be built: %1").replace("%1", text))
        self.report_failed.emit(text)

    def _ready(self, report: Any) -> None:
        self.busy = False
        self.refresh_action.setEnabled(True)
        assert isinstance(report, CapacityReport)
        self.set_report(report)

    def set_report(self, report: CapacityReport) -> None:
        """Show ``report``: the table, the charts, and the busiest open day's load."""
        self.report = report
        self.day_model.set_rows(report.days)
        open_days = report.open_days
        self._fill_utilisation(open_days)
        self._fill_peaks(open_days)
        self._fill_waitlist(report)
        self.summary.setText(
            self.tr("Utilisation %1, idle %2 chair-hours, %3 minutes over nurse capacity")
            .replace("%1", percent(report.utilisation))
            .replace("%2", f"{report.idle_chair_hours:.1f}")
            .replace("%3", str(report.minutes_over))
        )
        self.setWindowTitle(
            self.tr("Capacity report - %1 to %2 - %3")
            .replace("%1", dates.short_date(report.first))
            .replace("%2", dates.short_date(report.last))
            .replace("%3", report.clinic_name)
        )
        busiest = max(
            range(len(report.days)),
            key=lambda i: (report.days[i].peak_needed, report.days[i].open, -i),
            default=None,
        )
        if busiest is not None:
            self.table.selectRow(busiest)
        else:
            self.show_day(None)
        self.message.setText("")
        self.report_ready.emit(report)

    def _row_chosen(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.show_day(self.day_model.item(rows[0].row()) if rows else None)

    # ------------------------------------------------------------------ charts

    def _fill_utilisation(self, days: Sequence[CapacityDay]) -> None:
        chart = self.utilisation_chart
        clear_chart(chart)
        booked = QBarSet(self.tr("Booked chair-hours"))
        idle = QBarSet(self.tr("Idle chair-hours"))
        booked.setColor(QColor(BOOKED_COLOUR))
        idle.setColor(QColor(IDLE_COLOUR))
        for d in days:
            booked.append(d.booked_chair_minutes / 60)
            idle.append(d.idle_chair_minutes / 60)
        bars = QStackedBarSeries()
        bars.append(booked)
        bars.append(idle)
        chart.addSeries(bars)
        share = QLineSeries()
        share.setName(self.tr("Utilisation %"))
        share.setPen(QPen(QColor(SETUP_COLOUR), 2))
        for index, d in enumerate(days):
            share.append(index, (d.utilisation or 0.0) * 100)
        chart.addSeries(share)
        x_axis = day_axis([d.day for d in days])
        top = max((d.open_chair_minutes / 60 for d in days), default=1.0)
        y_axis = count_axis(top, self.tr("Chair-hours"))
        share_axis = percent_axis()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(share_axis, Qt.AlignmentFlag.AlignRight)
        attach(chart, bars, x_axis, y_axis)
        attach(chart, share, x_axis, share_axis)

    def _fill_peaks(self, days: Sequence[CapacityDay]) -> None:
        chart = self.peak_chart
        clear_chart(chart)
        bars = QBarSeries()
        self.peak_sets = {}
        for key, name, colour, values in (
            ("set-ups", self.tr("Peak set-ups"), SETUP_COLOUR, [d.peak_setups for d in days]),
            ("needed", self.tr("Peak nurses needed"), NEEDED_COLOUR, [d.peak_needed for d in days]),
            (
                "on duty",
                self.tr("On duty then"),
                DUTY_BAR_COLOUR,
                [d.on_duty_at_peak for d in days],
            ),
        ):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            for value in values:
                bar_set.append(value)
            bars.append(bar_set)
            self.peak_sets[key] = bar_set
        chart.addSeries(bars)
        top = max((max(d.peak_needed, d.peak_setups, d.on_duty_at_peak) for d in days), default=1)
        x_axis = day_axis([d.day for d in days])
        y_axis = count_axis(top + 1, self.tr("Nurses / set-ups"))
        y_axis.setTickCount(min(top + 2, 8))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        attach(chart, bars, x_axis, y_axis)

    def show_day(self, day: CapacityDay | None) -> None:
        """Chart ``day``'s nurse load every 15 minutes (nothing for None)."""
        self.shown_day = day
        chart = self.load_chart
        clear_chart(chart)
        self.load_series = {}
        if day is None:
            chart.setTitle(self.tr("Nurse load"))
            return
        chart.setTitle(self.tr("Nurse load on %1").replace("%1", dates.short_date(day.day)))
        if not day.points:
            chart.setTitle(
                self.tr("Nurse load on %1: nothing booked, no rota").replace(
                    "%1", dates.short_date(day.day)
                )
            )
            return
        hours = [p.at.hour + p.at.minute / 60 for p in day.points]
        duty_line = QLineSeries()
        for x, p in zip(hours, day.points, strict=True):
            duty_line.append(x, p.on_duty)
        duty = QAreaSeries(duty_line)
        duty.setName(self.tr("Nurses on duty"))
        duty.setColor(QColor(DUTY_COLOUR))
        duty.setBorderColor(QColor("#a08f00"))
        duty.setOpacity(0.6)
        chart.addSeries(duty)
        self.load_series["on duty"] = duty_line
        points = day.points
        for key, name, colour, values in (
            (
                "set-ups",
                self.tr("Set-ups and take-downs"),
                SETUP_COLOUR,
                [p.exclusive for p in points],
            ),
            (
                "monitoring",
                self.tr("Nurses for monitoring"),
                MONITOR_COLOUR,
                [p.needed - p.exclusive for p in points],
            ),
            ("needed", self.tr("Nurses needed"), NEEDED_COLOUR, [p.needed for p in points]),
        ):
            series = QLineSeries()
            series.setName(name)
            series.setPen(QPen(QColor(colour), 2))
            for x, value in zip(hours, values, strict=True):
                series.append(x, value)
            chart.addSeries(series)
            self.load_series[key] = series
        first_hour = int(hours[0])
        last_hour = max(first_hour + 1, int(-(-(hours[-1] + 0.25) // 1)))
        x_axis = QValueAxis()
        x_axis.setRange(first_hour, last_hour)
        x_axis.setTickCount(last_hour - first_hour + 1)
        x_axis.setLabelFormat("%i:00")
        top = max(max(p.needed for p in day.points), max(p.on_duty for p in day.points))
        y_axis = count_axis(top + 1, self.tr("Nurses"))
        y_axis.setTickCount(min(top + 2, 8))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for shown in chart.series():
            attach(chart, shown, x_axis, y_axis)

    def _fill_waitlist(self, report: CapacityReport) -> None:
        chart = self.waitlist_chart
        clear_chart(chart)
        waitlist = report.waitlist
        oldest = waitlist.oldest_waiting_since
        since = (
            self.tr("Patients (the longest waiting since %1)").replace(
                "%1", dates.short_date(oldest)
            )
            if oldest is not None
            else self.tr("Patients (nobody waiting)")
        )
        chart.setTitle(
            self.tr("Waitlist on %1: %2 waiting, %3 offered, %4 expired")
            .replace("%1", dates.short_date(waitlist.as_of))
            .replace("%2", str(waitlist.waiting))
            .replace("%3", str(waitlist.offered))
            .replace("%4", str(waitlist.expired))
        )
        therapies = list(reversed(waitlist.by_therapy))  # the longest queue on top
        waiting = QBarSet(self.tr("Waiting"))
        offered = QBarSet(self.tr("Offered"))
        waiting.setColor(QColor(BOOKED_COLOUR))
        offered.setColor(QColor(OFFERED_COLOUR))
        for t in therapies:
            waiting.append(t.waiting)
            offered.append(t.offered)
        bars = QHorizontalStackedBarSeries()
        bars.append(waiting)
        bars.append(offered)
        chart.addSeries(bars)
        names = QBarCategoryAxis()
        names.append([t.therapy_name for t in therapies])
        top = max((t.waiting + t.offered for t in therapies), default=1)
        counts = count_axis(top, since)
        counts.setTickCount(min(top + 1, 8))
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        attach(chart, bars, names, counts)

    def closeEvent(self, event: Any) -> None:
        """Wait for a report still being built before the window goes."""
        self.runner.wait(30_000)
        super().closeEvent(event)
