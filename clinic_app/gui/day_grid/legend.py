"""The colour legend of the day grid: a swatch and a word per therapy class and lab draws.

Colour only helps: the blocks say the therapy in words as well.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from clinic_app.gui.day_grid.session_delegate import legend_entries

SWATCH = 14  # pixels


def legend_row(parent: QWidget) -> QHBoxLayout:
    """Swatches with their meaning, in the delegate's colours."""
    tr = QCoreApplication.translate
    names = {
        "Bisphosphonate": tr("MainWindow", "Bisphosphonate"),
        "Denosumab": tr("MainWindow", "Denosumab"),
        "IV iron": tr("MainWindow", "IV iron"),
        "Lab draw": tr("MainWindow", "Lab draw"),
    }
    row = QHBoxLayout()
    row.setSpacing(4)
    for key, palette in legend_entries():
        swatch = QPixmap(SWATCH, SWATCH)
        swatch.fill(palette.fill)
        painter = QPainter(swatch)
        painter.fillRect(0, 0, 4, SWATCH, palette.accent)
        painter.setPen(palette.accent)
        painter.drawRect(0, 0, SWATCH - 1, SWATCH - 1)
        painter.end()
        icon = QLabel(parent)
        icon.setPixmap(swatch)
        text = QLabel(names[key], parent)
        text.setObjectName("daySummary")
        row.addWidget(icon)
        row.addWidget(text)
        row.addSpacing(8)
    return row
