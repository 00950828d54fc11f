"""The managers' template compliance report (issue 14): how far bookings keep to the slot
template.

``ComplianceWindow(services, actor, parent=None, runner=None)``. The report is the service's
(``TemplateService.compliance``), built on a worker (``TaskRunner``). Per open day of the
chosen range a stacked bar: sessions on a template start (filled), sessions off the template,
and template starts left unused; the compliance (filled / (filled + off template)) on a second
axis. Below, one row per open day (``ComplianceDayModel``) and the totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCharts import QBarSet, QChartView, QLineSeries, QStackedBarSeries
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.gui.common import dates
from clinic_app.gui.common.clinic_day import clinic_today
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.common.tables import make_table
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
from clinic_app.gui.reports.template_view import refusal_text
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.templates import ComplianceDay, ComplianceReport

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Okabe-Ito: filled dark blue, off the template vermilion, unused starts light (colour-blind
# safe; the legend and the table say the same in words).
FILLED_COLOUR = "#1f5f8b"
OFF_TEMPLATE_COLOUR = "#d55e00"
UNUSED_COLOUR = "#b9d3e6"
COMPLIANCE_COLOUR = "#000000"
DEFAULT_WEEKS = 4


def unused(day: ComplianceDay) -> int:
    """Template starts of ``day`` nobody took."""
    return max(day.planned - day.filled, 0)


class ComplianceDayModel(RowTableModel[ComplianceDay]):
    """One row per open day: template starts planned, filled, sessions off the template,
    starts unused, compliance and fill."""

    def headers(self) -> list[str]:
        """The columns' titles."""
        return [
            self.tr("Date"),
            self.tr("Template starts"),
            self.tr("Filled"),
            self.tr("Off template"),
            self.tr("Unused"),
            self.tr("Compliance"),
            self.tr("Fill"),
        ]

    def header_tooltip(self, column: int) -> str | None:
        """What the less obvious columns count."""
        tips = {
            3: self.tr("Sessions that start where the template has no free start"),
            5: self.tr("Sessions on a template start, of all sessions"),
            6: self.tr("Template starts filled, of all template starts"),
        }
        return tips.get(column)

    def cell(self, item: ComplianceDay, column: int, role: int) -> Any:
        """Cell text, numbers right-aligned."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            texts = (
                dates.short_date(item.day),
                str(item.planned),
                str(item.filled),
                str(item.off_template),
                str(unused(item)),
                percent(item.compliance),
                percent(item.fill),
            )
            return texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return int(_RIGHT.value)
        return None


class ComplianceWindow(QMainWindow):
    """Template compliance of a date range, for managers and administrators.

    Signals:
        report_ready(object): the ``ComplianceReport`` now shown.
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
        self.report: ComplianceReport | None = None
        self.busy = False
        # The chart's bar sets by what they count ("filled", "off template", "unused").
        self.bar_sets: dict[str, QBarSet] = {}
        self.compliance_line: QLineSeries | None = None
        self.setWindowTitle(self.tr("Template compliance"))
        self.resize(1366, 768)

        today = clinic_today(services, actor)
        monday = QDate(today.year, today.month, today.day).addDays(-today.weekday())
        self.period_bar = PeriodToolbar(
            self,
            "complianceToolbar",
            monday.addDays(-7 * (DEFAULT_WEEKS - 1)),
            monday.addDays(6),
            self.refresh,
        )
        self.date_from, self.date_to = self.period_bar.date_from, self.period_bar.date_to
        self.refresh_action = self.period_bar.refresh_action
        self.summary = self.period_bar.summary

        self.chart = titled_chart(self.tr("Sessions per open day against the template"))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setAccessibleName(
            self.tr("Chart of filled template starts, sessions off the template and unused starts")
        )
        self.chart_view.setMinimumHeight(240)

        self.day_model = ComplianceDayModel(self)
        self.table = make_table(self.day_model, self)
        # Seven short columns share the width (a stretched date column left the counts far
        # apart from it at 1366 px).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Days of the compliance report"))
        days_label = QLabel(self.tr("&Days:"))
        days_label.setBuddy(self.table)
        self.totals = QLabel()
        self.totals.setObjectName("complianceTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(days_label)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.totals)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(table_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # the chart the larger part from the first show
        splitter.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.setCentralWidget(central)
        if not actor.can(Permission.EXPORT):
            self.refresh_action.setEnabled(False)
            self.message.setText(self.tr("Your role may not see the compliance report."))
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
        """Build the report of the chosen period on a worker (F5)."""
        if self.busy or not self.refresh_action.isEnabled():
            return
        first, last = self.period()
        templates, actor = self.services.templates, self.actor
        self.busy = True
        self.refresh_action.setEnabled(False)
        self.message.setText(self.tr("Building the report..."))
        self.runner.run(
            lambda: templates.compliance(actor, first, last),
            self._ready,
            self._failed,
            key="compliance-report",
            context=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.refresh_action.setEnabled(True)
        text = refusal_text(error)
        self.message.setText(self.tr("The report could not be built: %1").replace("%1", text))
        self.report_failed.emit(text)

    def _ready(self, report: ComplianceReport) -> None:
        self.busy = False
        self.refresh_action.setEnabled(True)
        self.set_report(report)

    def set_report(self, report: ComplianceReport) -> None:
        """Show ``report``: the chart, the table and the totals."""
        self.report = report
        self.day_model.set_rows(report.days)
        self._fill_chart(report.days)
        unused_total = sum(unused(d) for d in report.days)
        self.summary.setText(
            self.tr("Compliance %1, fill %2")
            .replace("%1", percent(report.compliance))
            .replace("%2", percent(report.fill))
        )
        self.totals.setText(
            self.tr(
                "Totals: %1 template starts, %2 filled, %3 sessions off the template, "
                "%4 starts unused; compliance %5, fill %6."
            )
            .replace("%1", str(report.planned))
            .replace("%2", str(report.filled))
            .replace("%3", str(report.off_template))
            .replace("%4", str(unused_total))
            .replace("%5", percent(report.compliance))
            .replace("%6", percent(report.fill))
        )
        self.setWindowTitle(
            self.tr("Template compliance - %1 to %2")
            .replace("%1", dates.short_date(report.start))
            .replace("%2", dates.short_date(report.end))
        )
        self.message.setText(
            ""
            if report.template_id is not None
            else self.tr(
                "No slot template is in force: every session counts as off the template. "
                "Build one in Reports > Slot template."
            )
        )
        self.report_ready.emit(report)

    # ------------------------------------------------------------------ chart

    def _fill_chart(self, days: Sequence[ComplianceDay]) -> None:
        chart = self.chart
        clear_chart(chart)
        bars = QStackedBarSeries()
        self.bar_sets = {}
        for key, name, colour, values in (
            ("filled", self.tr("On a template start"), FILLED_COLOUR, [d.filled for d in days]),
            (
                "off template",
                self.tr("Off the template"),
                OFF_TEMPLATE_COLOUR,
                [d.off_template for d in days],
            ),
            ("unused", self.tr("Template starts unused"), UNUSED_COLOUR, [unused(d) for d in days]),
        ):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            for value in values:
                bar_set.append(value)
            bars.append(bar_set)
            self.bar_sets[key] = bar_set
        chart.addSeries(bars)
        line = QLineSeries()
        line.setName(self.tr("Compliance %"))
        line.setPen(QPen(QColor(COMPLIANCE_COLOUR), 2))
        for index, d in enumerate(days):
            if d.compliance is not None:
                line.append(index, d.compliance * 100)
        chart.addSeries(line)
        self.compliance_line = line
        x_axis = day_axis([d.day for d in days])
        top = max((d.filled + d.off_template + unused(d) for d in days), default=1)
        y_axis = count_axis(top, self.tr("Sessions"))
        y_axis.applyNiceNumbers()  # 0, 20, 40... rather than 0, 17, 34
        share_axis = percent_axis()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(share_axis, Qt.AlignmentFlag.AlignRight)
        attach(chart, bars, x_axis, y_axis)
        attach(chart, line, x_axis, share_axis)

    def closeEvent(self, event: Any) -> None:
        """Wait for a report still being built before the window goes."""
        self.runner.wait(30_000)
        super().closeEvent(event)
