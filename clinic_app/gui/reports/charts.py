"""The QtCharts pieces the report windows share: a titled chart, a day axis, a count axis.

The capacity report and the template compliance report chart per open day; both build their
charts from these so a bar chart of days looks the same in each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCharts import QAbstractAxis, QBarCategoryAxis, QChart, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFont

from clinic_app.gui.common import dates

# Day labels on a category axis are readable up to about a month of open days.
MAX_DAY_LABELS = 31


def percent(value: float | None) -> str:
    """``12.5 %``, or a dash when there is nothing to divide by."""
    return "–" if value is None else f"{value * 100:.1f} %"


def titled_chart(title: str) -> QChart:
    """An empty chart with a bold title, slim margins and the legend below."""
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(4, 2, 4, 2))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setBackgroundRoundness(0)
    return chart


def clear_chart(chart: QChart) -> None:
    """Remove every series and axis (a chart is refilled for each report or day)."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def attach(chart: QChart, series: Any, *axes: QAbstractAxis) -> None:
    """Attach ``series`` (already added to ``chart``) to each of ``axes``."""
    for axis in axes:
        series.attachAxis(axis)


def day_axis(days: Sequence[date]) -> QBarCategoryAxis:
    """One category per day (``Wed 25``), labels hidden beyond a month, slanted beyond 12."""
    axis = QBarCategoryAxis()
    axis.append([dates.weekday_day(d) for d in days])
    axis.setLabelsVisible(len(days) <= MAX_DAY_LABELS)
    axis.setLabelsAngle(-60 if len(days) > 12 else 0)
    font = QFont(axis.labelsFont())
    font.setPointSizeF(max(6.0, font.pointSizeF() - 1.5))  # "Wed 25" fits a fortnight's bars
    axis.setLabelsFont(font)
    return axis


def count_axis(top: float, title: str) -> QValueAxis:
    """A value axis from 0 to ``top`` (at least 1) in whole numbers."""
    axis = QValueAxis()
    axis.setRange(0, max(1.0, top))
    axis.setLabelFormat("%.0f")
    axis.setTitleText(title)
    return axis


def percent_axis() -> QValueAxis:
    """A 0-100 % axis (the share line on the right of a bar chart)."""
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%.0f %%")
    return axis
