"""The utilisation charts, painted with QPainter on a widget, a printer or a PDF alike.

``paint_day_chart``: chair-hours available (grey) and booked (blue, the no-show part orange)
for each open day, with the utilisation in per cent above each bar when there is room.
``paint_chair_chart``: one horizontal bar per chair, booked against available.
Sizes are given in screen pixels and multiplied by ``scale`` (device dpi / 96), so the same
chart reads the same on screen and on paper.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter, QPen

from clinic_app.services.reports import ChairUtilisation, DayUtilisation

AVAILABLE_COLOUR = "#d5d9e0"
BOOKED_COLOUR = "#2f6db5"
NO_SHOW_COLOUR = "#e08a1e"
AXIS_COLOUR = "#555555"
GRID_COLOUR = "#e6e6e6"
TEXT_COLOUR = "#222222"


def _font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def nice_ceiling(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 x 10^n)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def percent(ratio: float | None) -> str:
    """``0.634`` -> ``63 %``; None -> an en dash."""
    return "\u2013" if ratio is None else f"{ratio * 100:.0f} %"


def _legend(
    painter: QPainter, right: float, top: float, items: Sequence[tuple[str, str]], scale: float
) -> None:
    """Colour swatches with labels, right-aligned at ``right``."""
    painter.setFont(_font(8))
    metrics = QFontMetricsF(painter.font(), painter.device())
    swatch = 10 * scale
    gap = 6 * scale
    x = right
    for colour, label in reversed(items):
        width = metrics.horizontalAdvance(label)
        x -= width
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(QRectF(x, top, width + 2 * scale, metrics.height()), label)
        x -= gap / 2 + swatch
        painter.fillRect(
            QRectF(x, top + (metrics.height() - swatch) / 2, swatch, swatch), QColor(colour)
        )
        x -= 2 * gap


def paint_day_chart(
    painter: QPainter, rect: QRectF, days: Sequence[DayUtilisation], *, scale: float = 1.0
) -> None:
    """Bars of chair-hours available and booked for each open day in ``days``."""
    tr = QCoreApplication.translate
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shown = [d for d in days if d.open or d.booked_minutes]
    title = tr("UtilisationChart", "Chair-hours per day")
    painter.setFont(_font(10, bold=True))
    title_metrics = QFontMetricsF(painter.font(), painter.device())
    painter.setPen(QColor(TEXT_COLOUR))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_metrics.height()), title)
    _legend(
        painter,
        rect.right(),
        rect.top() + 2 * scale,
        (
            (AVAILABLE_COLOUR, tr("UtilisationChart", "Available")),
            (BOOKED_COLOUR, tr("UtilisationChart", "Booked")),
            (NO_SHOW_COLOUR, tr("UtilisationChart", "of which no-show")),
        ),
        scale,
    )
    painter.setFont(_font(8))
    metrics = QFontMetricsF(painter.font(), painter.device())
    axis_width = metrics.horizontalAdvance("0000 h") + 6 * scale
    plot = QRectF(
        rect.left() + axis_width,
        rect.top() + title_metrics.height() + metrics.height() + 8 * scale,
        rect.width() - axis_width - 4 * scale,
        0.0,
    )
    plot.setBottom(rect.bottom() - 2 * metrics.height() - 6 * scale)
    if not shown or plot.height() <= 0 or plot.width() <= 0:
        painter.setPen(QColor(AXIS_COLOUR))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tr("UtilisationChart", "No open days"))
        painter.restore()
        return
    top_hours = nice_ceiling(max(max(d.available_hours, d.booked_hours) for d in shown))
    grid_pen = QPen(QColor(GRID_COLOUR))
    grid_pen.setWidthF(max(1.0, scale))
    for i in range(5):
        value = top_hours * i / 4
        y = plot.bottom() - plot.height() * i / 4
        painter.setPen(grid_pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor(AXIS_COLOUR))
        label = f"{value:g} h"
        painter.drawText(
            QRectF(rect.left(), y - metrics.height() / 2, axis_width - 4 * scale, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
    slot = plot.width() / len(shown)
    bar = max(slot * 0.7, 1.0)
    label_width = metrics.horizontalAdvance("Mon 00 ")
    every = max(1, math.ceil(label_width / slot))
    show_percent = metrics.horizontalAdvance("100 %") <= slot * 1.05

    def height_of(hours: float) -> float:
        return plot.height() * hours / top_hours

    for index, day in enumerate(shown):
        x = plot.left() + index * slot + (slot - bar) / 2
        available = height_of(day.available_hours)
        booked = height_of(day.booked_hours)
        no_show = height_of(day.no_show_minutes / 60)
        painter.fillRect(
            QRectF(x, plot.bottom() - available, bar, available), QColor(AVAILABLE_COLOUR)
        )
        inner = bar * 0.6
        inner_x = x + (bar - inner) / 2
        painter.fillRect(
            QRectF(inner_x, plot.bottom() - (booked - no_show), inner, booked - no_show),
            QColor(BOOKED_COLOUR),
        )
        if no_show > 0:
            painter.fillRect(
                QRectF(inner_x, plot.bottom() - booked, inner, no_show), QColor(NO_SHOW_COLOUR)
            )
        if show_percent and day.utilisation is not None:
            painter.setPen(QColor(TEXT_COLOUR))
            top = plot.bottom() - max(available, booked) - metrics.height() - 1 * scale
            painter.drawText(
                QRectF(x - slot, top, bar + 2 * slot, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                percent(day.utilisation),
            )
        if index % every == 0:
            painter.setPen(QColor(AXIS_COLOUR))
            centre = x + bar / 2
            lines = (day.day.strftime("%a"), day.day.strftime("%d %b"))
            for line_no, text in enumerate(lines):
                painter.drawText(
                    QRectF(
                        centre - label_width,
                        plot.bottom() + 3 * scale + line_no * metrics.height(),
                        2 * label_width,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter,
                    text,
                )
    axis_pen = QPen(QColor(AXIS_COLOUR))
    axis_pen.setWidthF(max(1.0, scale))
    painter.setPen(axis_pen)
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    painter.restore()


def paint_chair_chart(
    painter: QPainter, rect: QRectF, chairs: Sequence[ChairUtilisation], *, scale: float = 1.0
) -> None:
    """One horizontal bar per chair: utilisation in per cent, with the hours in words."""
    tr = QCoreApplication.translate
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(_font(10, bold=True))
    title_metrics = QFontMetricsF(painter.font(), painter.device())
    painter.setPen(QColor(TEXT_COLOUR))
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), title_metrics.height()),
        tr("UtilisationChart", "Utilisation per chair"),
    )
    painter.setFont(_font(8))
    metrics = QFontMetricsF(painter.font(), painter.device())
    if not chairs:
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tr("UtilisationChart", "No chairs"))
        painter.restore()
        return
    name_width = max(metrics.horizontalAdvance(c.chair) for c in chairs) + 8 * scale
    value_width = metrics.horizontalAdvance("100 %  (000.0 of 000.0 h)") + 8 * scale
    top = rect.top() + title_metrics.height() + 6 * scale
    row = min((rect.bottom() - top) / len(chairs), metrics.height() * 2.2)
    track_left = rect.left() + name_width
    track_width = max(rect.width() - name_width - value_width, 10 * scale)
    for index, chair in enumerate(chairs):
        y = top + index * row
        bar_height = row * 0.62
        bar_top = y + (row - bar_height) / 2
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(
            QRectF(rect.left(), y, name_width - 6 * scale, row),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            chair.chair,
        )
        painter.fillRect(
            QRectF(track_left, bar_top, track_width, bar_height), QColor(AVAILABLE_COLOUR)
        )
        ratio = chair.utilisation
        filled = track_width * min(ratio or 0.0, 1.0)
        painter.fillRect(QRectF(track_left, bar_top, filled, bar_height), QColor(BOOKED_COLOUR))
        words = tr("UtilisationChart", "%1  (%2 of %3 h)")
        words = (
            words.replace("%1", percent(ratio))
            .replace("%2", f"{chair.booked_hours:.1f}")
            .replace("%3", f"{chair.available_hours:.1f}")
        )
        painter.drawText(
            QRectF(track_left + track_width + 6 * scale, y, value_width, row),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            words,
        )
    painter.restore()
