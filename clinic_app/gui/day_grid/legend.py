"""The legend of the day grid: every mark a block can carry, in the delegate's own colours.

Therapy classes (each product its own shade, listed in the swatch's tooltip), lab draws,
completed (grey), no-show (hatched), cancelled (not drawn), the finding icons with their
words, an overridden BLOCK (BLOCK✓), and the now-line. Colour only helps: the blocks say the
therapy and every finding in words as well.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from clinic_app.domain.catalog import Catalog, TherapyClass
from clinic_app.domain.findings import Severity
from clinic_app.gui import wording
from clinic_app.gui.day_grid import palette
from clinic_app.gui.resources import IconSet

SWATCH = 14  # pixels
CONTEXT = "MainWindow"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _swatch(fills: list[str], accent: str, *, hatched: bool = False) -> QPixmap:
    """A block in small: the accent strip on the left, then one band per fill."""
    width = SWATCH if len(fills) <= 1 else 6 + 6 * len(fills)
    pixmap = QPixmap(width, SWATCH)
    pixmap.fill(QColor(fills[0]))
    painter = QPainter(pixmap)
    band = (width - 4) / max(1, len(fills))
    for number, fill in enumerate(fills):
        painter.fillRect(round(4 + number * band), 0, round(band) + 1, SWATCH, QColor(fill))
    painter.fillRect(0, 0, 4, SWATCH, QColor(accent))
    if hatched:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(accent), Qt.BrushStyle.BDiagPattern))
        painter.drawRect(0, 0, width, SWATCH)
    painter.setPen(QColor(accent))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(0, 0, width - 1, SWATCH - 1)
    painter.end()
    return pixmap


def _now_swatch() -> QPixmap:
    pixmap = QPixmap(SWATCH + 4, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    colour = QColor(palette.NOW_LINE)
    painter.setPen(QPen(colour, 2))
    painter.drawLine(0, SWATCH // 2, SWATCH + 4, SWATCH // 2)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(4, SWATCH / 2), 3, 3)
    painter.end()
    return pixmap


def legend_entries(catalog: Catalog | None = None) -> list[tuple[str, QPixmap, str]]:
    """``(words, swatch, tooltip)`` of every mark, in the legend's order."""
    classes: list[tuple[str, TherapyClass]] = [
        (_tr("Bisphosphonate"), TherapyClass.BISPHOSPHONATE),
        (_tr("Denosumab"), TherapyClass.RANKL_INHIBITOR),
        (_tr("IV iron"), TherapyClass.IV_IRON),
    ]
    entries: list[tuple[str, QPixmap, str]] = []
    for words, kind in classes:
        products = [t for t in catalog if t.therapy_class is kind and t.bookable] if catalog else []
        fills = [palette.product_colours(t.code, kind).fill for t in products] or [
            palette.CLASS_FILLS[kind]
        ]
        tip = "\n".join(_tr("%1: its own shade").replace("%1", t.name) for t in products) or words
        entries.append(
            (words, _swatch(list(dict.fromkeys(fills)), palette.CLASS_ACCENTS[kind]), tip)
        )
    entries += [
        (
            _tr("Lab draw"),
            _swatch([palette.LAB.fill], palette.LAB.accent),
            _tr("Blood draws at the lab station (last column)"),
        ),
        (
            _tr("Completed"),
            _swatch([palette.FADED.fill], palette.FADED.accent),
            _tr("Grey: the session is completed"),
        ),
        (
            _tr("No-show"),
            _swatch([palette.FADED.fill], palette.FADED.accent, hatched=True),
            _tr("Grey and hatched, with the word NO-SHOW: the patient did not come"),
        ),
        (
            _tr("Cancelled: hidden"),
            QPixmap(),
            _tr("Cancelled sessions leave the grid; the day's summary counts them"),
        ),
    ]
    return entries


def legend_row(
    parent: QWidget, icons: IconSet | None = None, catalog: Catalog | None = None
) -> QHBoxLayout:
    """Swatches and marks with their meaning, in the delegate's colours."""
    row = QHBoxLayout()
    row.setSpacing(2)
    font = parent.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)

    def add(words: str, pixmap: QPixmap | None, tip: str) -> None:
        if pixmap is not None and not pixmap.isNull():
            icon = QLabel(parent)
            icon.setPixmap(pixmap)
            icon.setToolTip(tip)
            row.addWidget(icon)
        text = QLabel(words, parent)
        text.setObjectName("legendText")
        text.setFont(font)
        text.setToolTip(tip)
        row.addWidget(text)
        row.addSpacing(5)

    for words, pixmap, tip in legend_entries(catalog):
        add(words, pixmap, tip)
    if icons is not None:
        for severity in (Severity.HARD, Severity.BLOCK, Severity.WARN, Severity.INFO):
            add(
                wording.severity_label(severity),
                icons.severity_pixmap(severity),
                _tr("The worst safety finding of the session, as an icon and its word"),
            )
        add(
            _tr("BLOCK✓ = overridden"),
            icons.severity_pixmap(Severity.BLOCK),
            _tr("A BLOCK a clinician overrode, with a reason (see the details panel)"),
        )
    add(_tr("Now"), _now_swatch(), _tr("The time now; earlier time on today's grid is shaded"))
    row.addStretch(1)
    return row
