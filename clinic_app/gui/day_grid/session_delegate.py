"""Draws the day grid's blocks: sessions coloured by therapy class, lab draws, markers.

The worst finding of a session is shown by an icon AND its word (HARD, BLOCK, WARN, INFO),
never by colour alone. Everything drawn comes from the model's block (no database access while
painting); pens, brushes and pixmaps are made once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from clinic_app.domain.catalog import TherapyClass
from clinic_app.domain.findings import Severity
from clinic_app.gui import wording
from clinic_app.gui.day_grid import palette
from clinic_app.gui.day_grid.abbreviations import fitted_name, therapy_abbreviation
from clinic_app.gui.day_grid.day_grid_model import BLOCK_ROLE, GridBlock, GridEntry
from clinic_app.gui.day_grid.palette import BlockColours
from clinic_app.gui.resources import IconSet
from clinic_app.services.results import SessionView

PADDING = 4
PIXMAP_CACHE_KB = 48 * 1024  # rendered blocks of a busy day at high DPI
ACCENT_WIDTH = 4
ELIDED_MEMO = 8192  # elided lines remembered (cleared when full)

# paint() runs for every visible cell (~260 per paint of a busy day, most of them empty).
# Reading a Qt enum member and and-ing flags go through Python's enum machinery, so the
# members are looked up once here and the state is tested on its integer value.
_SELECTED = QStyle.StateFlag.State_Selected.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_VERTICAL = Qt.Orientation.Vertical
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush
_EMPTY_SELECTED = "#cde1f7"
_LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class Palette:
    """Fill, accent and text colours of one kind of block (from :mod:`palette`, as QColors)."""

    fill: QColor
    accent: QColor
    text: QColor


def qt_palette(colours: BlockColours) -> Palette:
    """The QColors of ``colours``."""
    return Palette(QColor(colours.fill), QColor(colours.accent), QColor(colours.text))


CLASS_PALETTES: dict[TherapyClass | None, Palette] = {
    kind: qt_palette(BlockColours(palette.CLASS_FILLS[kind], accent))
    for kind, accent in palette.CLASS_ACCENTS.items()
}
LAB_PALETTE = qt_palette(palette.LAB)
FADED_PALETTE = qt_palette(palette.FADED)  # completed / no-show
SELECTED_PEN = QColor("#0b3d6b")
HOUR_LINE = QColor("#b9c3ce")


class SessionBlockDelegate(QStyledItemDelegate):
    """Paints one block of the day grid inside its (spanned) cell rectangle."""

    def __init__(
        self,
        icons: IconSet,
        therapy_classes: Mapping[str, TherapyClass],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._icons = icons
        self._classes = dict(therapy_classes)
        self._products: dict[str, Palette] = {}  # therapy code -> its colours
        self._selected_pen = QPen(SELECTED_PEN, 2)
        self._hour_pen = QPen(HOUR_LINE, 1)
        self._empty_selected = QColor(_EMPTY_SELECTED)
        self._generation = 0
        self._scratch = QImage(256, 256, QImage.Format.Format_ARGB32_Premultiplied)
        # Fonts and their metrics per view font: made once, not several times per block.
        self._fonts: dict[str, tuple[QFont, QFont]] = {}
        self._metrics: dict[int, QFontMetrics] = {}
        # Elided lines by (font, text, width): times, therapy names and statuses repeat on
        # every block of a day, and eliding measures the whole text each time.
        self._elided: dict[tuple[int, str, int], str] = {}
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)

    def forget_rendering(self) -> None:
        """Drop the cached renderings (the model was reset: new entries, maybe same ids)."""
        self._generation += 1

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Cells are sized by the view's headers, not by their text."""
        return QSize(120, 24)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the block whose top-left cell is ``index`` (or an empty slot)."""
        block = index.data(BLOCK_ROLE)
        rect = QRectF(option.rect)
        selected = bool(option.state.value & _SELECTED)
        if not isinstance(block, GridBlock):
            self._paint_empty(painter, rect, index, selected)
            return
        painter.save()
        try:
            self._hour_line(painter, rect, index)
            painter.setRenderHint(_ANTIALIASING, True)
            inner = rect.adjusted(1, 1, -1, -1)
            scale = inner.height() / block.minutes
            lane_width = inner.width()
            for entry in block.entries:
                width = lane_width / entry.lanes
                top = inner.top() + (entry.start_minute - block.start_minute) * scale
                bottom = inner.top() + (entry.end_minute - block.start_minute) * scale
                box = QRectF(inner.left() + entry.lane * width, top, width, bottom - top)
                self._paint_cached(painter, option, box.adjusted(1, 1, -1, -1), entry)
            if selected:
                painter.setPen(self._selected_pen)
                painter.setBrush(_NO_BRUSH)
                painter.drawRoundedRect(inner.adjusted(1, 1, -1, -1), 3, 3)
        finally:
            painter.restore()

    def _paint_empty(
        self,
        painter: QPainter,
        rect: QRectF,
        index: QModelIndex | QPersistentModelIndex,
        selected: bool,
    ) -> None:
        """An empty slot: its shade outside opening hours, the hour line, the selection."""
        shade = index.data(_BACKGROUND)
        if isinstance(shade, QColor):  # outside opening hours, or a closed day
            painter.fillRect(rect, shade)
        self._hour_line(painter, rect, index, keep_pen=False)
        if selected:
            painter.fillRect(rect.adjusted(1, 1, -1, -1), self._empty_selected)

    def _hour_line(
        self,
        painter: QPainter,
        rect: QRectF,
        index: QModelIndex | QPersistentModelIndex,
        *,
        keep_pen: bool = True,
    ) -> bool:
        """The line on top of a full hour's row; True when drawn. Without ``keep_pen`` the
        painter's pen is put back here (an empty cell saves no painter state)."""
        header = index.model().headerData(index.row(), _VERTICAL)
        if not (isinstance(header, str) and header.endswith(":00")):
            return False
        if keep_pen:
            painter.setPen(self._hour_pen)
            painter.drawLine(rect.topLeft(), rect.topRight())
            return True
        pen = painter.pen()
        painter.setPen(self._hour_pen)
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.setPen(pen)
        return True

    def _palette_of(self, entry: GridEntry) -> Palette:
        if entry.lab is not None:
            return LAB_PALETTE
        assert entry.session is not None
        if entry.session.status in ("completed", "no-show"):
            return FADED_PALETTE
        code = entry.session.therapy
        found = self._products.get(code)
        if found is None:
            found = self._products[code] = qt_palette(
                palette.product_colours(code, self._classes.get(code))
            )
        return found

    def _paint_cached(
        self, painter: QPainter, option: QStyleOptionViewItem, box: QRectF, entry: GridEntry
    ) -> None:
        """Draw ``entry`` from a cached pixmap, rendering it once per size.

        Laying out the text of a block takes far longer than drawing a pixmap; with 60 chairs
        a full repaint would otherwise redo it for every visible block each time.
        """
        width, height = math.ceil(box.width()), math.ceil(box.height())
        if width <= 0 or height <= 0:
            return
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = f"clinic-grid:{id(self)}:{self._generation}:{id(entry)}:{width}x{height}@{ratio}"
        # PySide returns the cached pixmap or None; its type stub says find(str) returns None.
        pixmap: QPixmap | None = QPixmapCache.find(key)  # type: ignore[call-overload]
        if pixmap is None:
            pixmap = self._render(option, entry, width, height, ratio)
            QPixmapCache.insert(key, pixmap)
        painter.drawPixmap(QPointF(round(box.left()), round(box.top())), pixmap)

    def _render(
        self, option: QStyleOptionViewItem, entry: GridEntry, width: int, height: int, ratio: float
    ) -> QPixmap:
        """``entry`` drawn into a new pixmap of ``width`` x ``height`` (logical pixels).

        Drawing goes into one reused scratch image: PySide6 6.11 leaks references to None for
        every new device a QPainter is opened on (measured by the repaint soak test), and not
        when the device is reused.
        """
        pixels = QSize(math.ceil(width * ratio), math.ceil(height * ratio))
        scratch = self._scratch
        if scratch.width() < pixels.width() or scratch.height() < pixels.height():
            scratch = QImage(
                max(pixels.width(), scratch.width()),
                max(pixels.height(), scratch.height()),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            self._scratch = scratch
        scratch.setDevicePixelRatio(ratio)
        scratch.fill(Qt.GlobalColor.transparent)
        target = QPainter(scratch)
        target.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        target.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._paint_entry(target, option, QRectF(0, 0, width, height), entry)
        target.end()
        pixmap = QPixmap.fromImage(scratch.copy(QRect(0, 0, pixels.width(), pixels.height())))
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def _paint_entry(
        self, painter: QPainter, option: QStyleOptionViewItem, box: QRectF, entry: GridEntry
    ) -> None:
        palette = self._palette_of(entry)
        painter.setPen(QPen(palette.accent, 1))
        painter.setBrush(QBrush(palette.fill))
        painter.drawRoundedRect(box, 3, 3)
        painter.fillRect(
            QRectF(box.left(), box.top(), ACCENT_WIDTH, box.height()), QBrush(palette.accent)
        )
        if entry.session is not None and entry.session.status == "no-show":
            painter.setBrush(QBrush(palette.accent, Qt.BrushStyle.BDiagPattern))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(box)
        text_box = box.adjusted(ACCENT_WIDTH + PADDING, 1, -PADDING, -1)
        if text_box.width() < 8:
            return
        base, bold = self._fonts_of(option.font)
        line_height = self._metrics_of(base).height()
        lines = max(1, int(text_box.height() // line_height))
        painter.setPen(palette.text)
        first_line = QRectF(text_box.left(), text_box.top(), text_box.width(), line_height)
        if entry.lab is not None:
            lab = entry.lab
            if lines == 1:  # who first (initials before eliding); the tests in the tooltip
                self._draw_run(painter, first_line, [], bold, lab.patient_name)
                return
            self._draw_run(painter, first_line, [], bold, lab.patient_name)
            self._draw_lines(
                painter,
                first_line.translated(0, first_line.height()),
                [(base, wording.lab_tests(lab))][: lines - 1],
            )
            return
        assert entry.session is not None
        self._paint_session(painter, base, bold, first_line, lines, entry.session)

    def _paint_session(
        self,
        painter: QPainter,
        base: QFont,
        bold: QFont,
        first_line: QRectF,
        lines: int,
        session: SessionView,
    ) -> None:
        """Time and marker, then name, status, therapy and MRN as far as the block has room.

        The marker always keeps its word (HARD, BLOCK, WARN...); long names and therapies wrap
        onto a second line when the block is tall enough, and are elided only when it is not.
        """
        if lines <= 3:
            self._paint_short(painter, base, bold, first_line, lines, session)
            return
        width = first_line.width()
        bold_metrics = self._metrics_of(bold)
        base_metrics = self._metrics_of(base)
        start_only = wording.hhmm(session.start)
        times = f"{start_only}-{wording.hhmm(session.end)}"
        used = 1
        marker_line: tuple[str, Severity] | None = None
        if lines == 1:
            header, header_font = session.patient_name, bold
        else:
            header, header_font = times, base
        if session.worst is not None:
            icon = self._icons.pixmap_size + 3
            full = wording.marker_text(session.findings)
            short = wording.marker_short(session.findings)
            full_width = icon + bold_metrics.horizontalAdvance(full)
            short_width = icon + bold_metrics.horizontalAdvance(short)
            header_width = base_metrics.horizontalAdvance(times) + 6
            if lines > 1 and full_width + header_width <= width:
                marker = full
            elif lines >= 4:
                marker_line = (full if full_width <= width else short, session.worst)
                marker = ""
            else:
                marker = short
                if lines > 1 and short_width + header_width > width:
                    header = start_only  # the end time gives way to the marker's word
            if marker:
                taken = self._paint_marker(painter, bold, first_line, marker, session.worst)
                first_line = first_line.adjusted(0, 0, -taken, 0)
        self._draw_line(painter, header_font, first_line, header)
        first_line = QRectF(first_line.left(), first_line.top(), width, first_line.height())
        if marker_line is not None:
            line = first_line.translated(0, first_line.height())
            self._paint_marker(painter, bold, line, marker_line[0], marker_line[1], left=True)
            used += 1
        if lines <= used:
            return
        items: list[tuple[QFont, str, int]] = [(bold, session.patient_name, 2)]
        if session.status != "booked":
            items.append((bold, wording.status_label(session.status).upper(), 1))
        items += [(base, session.therapy_name, 2), (base, session.mrn, 1)]
        wrapped = [_wrap(text, self._metrics_of(font), width, most) for font, text, most in items]
        free = lines - used
        given = [0] * len(items)
        # The name first and whole (who it is matters most), then one line each for the rest,
        # then second lines where a long therapy name needs one.
        given[0] = min(free, len(wrapped[0]))
        free -= given[0]
        for number in range(1, len(items)):
            if free == 0:
                break
            given[number], free = 1, free - 1
        for number, parts in enumerate(wrapped):
            if free == 0:
                break
            if given[number] == 1 and len(parts) > 1:
                given[number], free = 2, free - 1
        line = first_line.translated(0, used * first_line.height())
        for number, (font, text, _most) in enumerate(items):
            if not given[number]:
                continue
            parts = wrapped[number] if given[number] > 1 else [text]
            for part in parts[: given[number]]:
                self._draw_line(painter, font, line, part)
                line = line.translated(0, line.height())

    def _paint_short(
        self,
        painter: QPainter,
        base: QFont,
        bold: QFont,
        line: QRectF,
        lines: int,
        session: SessionView,
    ) -> None:
        """A block of one to three lines (a 20-30 minute session on a dense grid).

        The marker (with its tick when overridden), a status that is not "booked" (NO-SHOW)
        and the therapy's abbreviation come first and whole; then the MRN (elided from the
        left when the column is narrow, so its distinguishing digits stay); the name takes
        what is left, shortened to initials before it is elided. The tooltip has it all.
        """
        width = line.width()
        if session.worst is not None:
            short = wording.marker_short(session.findings)
            taken = self._paint_marker(painter, bold, line, short, session.worst)
            line = line.adjusted(0, 0, -taken, 0)
        status = wording.status_label(session.status).upper() if session.status != "booked" else ""
        abbreviation = therapy_abbreviation(session.therapy, session.therapy_name)
        facts: list[tuple[QFont, str]] = [(bold, status)] if status else []
        facts += [(bold, abbreviation), (base, session.mrn)]
        if lines == 1:
            self._draw_run(painter, line, facts, bold, session.patient_name, session.mrn)
            return
        times = f"{wording.hhmm(session.start)}-{wording.hhmm(session.end)}"
        if lines == 2:
            self._draw_run(painter, line, [(base, wording.hhmm(session.start))], bold,
                           session.patient_name)  # fmt: skip
        else:
            self._draw_line(painter, base, line, times)
            line = line.translated(0, line.height())
            self._draw_run(painter, QRectF(line.left(), line.top(), width, line.height()), [],
                           bold, session.patient_name)  # fmt: skip
        line = QRectF(line.left(), line.top() + line.height(), width, line.height())
        self._draw_run(painter, line, facts, None, "", session.mrn)

    def _draw_run(
        self,
        painter: QPainter,
        line: QRectF,
        parts: list[tuple[QFont, str]],
        name_font: QFont | None,
        name: str,
        mrn: str = "",
    ) -> None:
        """``parts`` side by side (whole while they fit), then ``name`` in what is left. The
        part equal to ``mrn`` is elided from the left when it does not fit."""
        x, right = line.left(), line.right()
        gap = 4
        for font, text in parts:
            metrics = self._metrics_of(font)
            advance = metrics.horizontalAdvance(text)
            if x + advance > right:
                # Out of room: an MRN keeps its end (the digits that tell patients apart).
                mode = Qt.TextElideMode.ElideLeft if text == mrn else Qt.TextElideMode.ElideRight
                painter.setFont(font)
                painter.drawText(
                    QRectF(x, line.top(), right - x, line.height()),
                    _LEFT_MIDDLE,
                    metrics.elidedText(text, mode, int(right - x)),
                )
                return
            painter.setFont(font)
            painter.drawText(
                QRectF(x, line.top(), advance + 1, line.height()),
                _LEFT_MIDDLE,
                text,
            )
            x += advance + gap
        if name_font is None or not name or right - x < 12:
            return
        fitted = fitted_name(name, self._metrics_of(name_font), int(right - x))
        painter.setFont(name_font)
        painter.drawText(
            QRectF(x, line.top(), right - x, line.height()),
            _LEFT_MIDDLE,
            fitted,
        )

    def _paint_marker(
        self,
        painter: QPainter,
        bold: QFont,
        line: QRectF,
        text: str,
        severity: Severity,
        *,
        left: bool = False,
    ) -> float:
        """Draw the severity icon and its word on ``line`` (right-aligned unless ``left``)."""
        pixmap = self._icons.severity_pixmap(severity)
        icon_size = self._icons.pixmap_size
        text_width = self._metrics_of(bold).horizontalAdvance(text)
        width = icon_size + 3 + text_width
        start = line.left() if left else line.right() - width
        icon_top = line.top() + (line.height() - icon_size) / 2
        painter.drawPixmap(int(start), int(icon_top), pixmap)
        painter.setFont(bold)
        painter.drawText(
            QRectF(start + icon_size + 3, line.top(), text_width + 1, line.height()),
            _LEFT_MIDDLE,
            text,
        )
        return width + 4

    def _draw_lines(
        self, painter: QPainter, first_line: QRectF, texts: list[tuple[QFont, str]]
    ) -> None:
        for number, (font, text) in enumerate(texts):
            line = first_line.translated(0, number * first_line.height())
            self._draw_line(painter, font, line, text)

    def _fonts_of(self, font: QFont) -> tuple[QFont, QFont]:
        """The view's font and its bold form (made once per font)."""
        key = font.key()
        found = self._fonts.get(key)
        if found is None:
            base = QFont(font)
            bold = QFont(base)
            bold.setBold(True)
            found = self._fonts[key] = (base, bold)
            self._metrics[id(base)] = QFontMetrics(base)
            self._metrics[id(bold)] = QFontMetrics(bold)
        return found

    def _metrics_of(self, font: QFont) -> QFontMetrics:
        """The metrics of a font made by :meth:`_fonts_of` (any other font: made now)."""
        return self._metrics.get(id(font)) or QFontMetrics(font)

    def _draw_line(self, painter: QPainter, font: QFont, box: QRectF, text: str) -> None:
        if box.width() <= 4:
            return
        painter.setFont(font)
        width = int(box.width())
        key = (id(font), text, width)
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) >= ELIDED_MEMO:
                self._elided.clear()
            metrics = self._metrics_of(font)
            elided = self._elided[key] = metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, width
            )
        painter.drawText(box, _LEFT_MIDDLE, elided)


def _wrap(text: str, metrics: QFontMetrics, width: float, most: int) -> list[str]:
    """``text`` broken at spaces into at most ``most`` lines of ``width`` (the last elided)."""
    if most <= 1 or metrics.horizontalAdvance(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    words = text.split(" ")
    for number, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            if len(lines) == most - 1:
                lines.append(" ".join(words[number:]))
                return lines
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines
