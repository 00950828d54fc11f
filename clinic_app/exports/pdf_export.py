"""PDF and print output with Qt's painter: pages of headed, flowing tables.

One small layout engine (``PageCanvas``) serves the schedule export, the printed daily list
and the utilisation report. It paints on any paged device (a ``QPdfWriter`` for a file, a
``QPrinter`` for the printer or the print preview), so what is previewed is what is printed.
Rows are painted as they arrive and each finished page is handed to the device, so a long
export is never held in memory as one document. Text is always painted as plain text (a
patient-entered ``<b>`` stays ``<b>``), wrapped inside its column.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextOption,
)

from clinic_app.exports import print_dates
from clinic_app.exports.atomic_file import atomic_output
from clinic_app.services.results import SessionView

PDF_RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGIN_MM = 12.0
FLAG_COLOUR = "#b00020"  # co-therapy flags: the one colour that means "stop and read"
FLAG_FILL = "#fde7ea"
MUTED_COLOUR = "#6b6b6b"
RULE_COLOUR = "#9a9a9a"
HEADER_FILL = "#e8ecf2"
GROUP_FILL = "#f3f4f6"


class PageSize(enum.StrEnum):
    """Paper sizes the clinic prints on."""

    A4 = "A4"
    LETTER = "Letter"


_PAGE_IDS = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.LETTER: QPageSize.PageSizeId.Letter}


def ensure_gui_application() -> QCoreApplication:
    """The process's Qt application, made head-less when there is none (CLI exports).

    Qt paints text only with a GUI application. The one made here is a full ``QApplication``
    (not just a ``QGuiApplication``) so that a process which exports first and opens a window
    later (tests, scripts) can still create widgets. Nothing here holds it: PySide keeps the
    process's application alive (``QCoreApplication.instance()``) until the process ends.
    """
    running = QCoreApplication.instance()
    if running is not None:
        return running
    from PySide6.QtWidgets import QApplication

    return QApplication(["clinic-app", "-platform", "offscreen"])


def page_layout(page_size: PageSize | str, *, landscape: bool) -> QPageLayout:
    """A page layout of ``page_size`` with the clinic's margins."""
    size = QPageSize(_PAGE_IDS[PageSize(page_size)])
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


@contextmanager
def pdf_device(
    path: Path, *, page_size: PageSize | str, landscape: bool, title: str
) -> Iterator[QPdfWriter]:
    """A PDF writer on ``path`` (the caller paints on it and ends its painter)."""
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(page_size, landscape=landscape))
    writer.setTitle(title)
    writer.setCreator("clinic_app")
    try:
        yield writer
    finally:
        del writer


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Font and colour of a run of text."""

    point_size: float = 9.0
    bold: bool = False
    italic: bool = False
    colour: str = "#000000"


BODY = TextStyle()
SMALL = TextStyle(7.5, colour=MUTED_COLOUR)
TITLE = TextStyle(15, bold=True)
SUBTITLE = TextStyle(11, bold=True)
HEADING = TextStyle(11.5, bold=True)
FLAG_TEXT = TextStyle(9, bold=True, colour=FLAG_COLOUR)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its heading and its share of the table's width."""

    title: str
    weight: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass(frozen=True, slots=True)
class RowStyle:
    """How a table row stands out: a fill, a coloured bar on its left edge, muted text."""

    fill: str | None = None
    marker: str | None = None
    text: TextStyle = BODY
    cell_styles: dict[int, TextStyle] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of cells; ``span`` rows are group headings across the whole table."""

    cells: Sequence[str]
    style: RowStyle = RowStyle()
    span: bool = False


PageHook = Callable[["PageCanvas"], None]


class PageCanvas:
    """Flows headings, text and tables down the pages of a paged paint device.

    ``header`` is called at the top of every page (it paints with the canvas's own methods);
    the footer (``footer`` on the left, the page number on the right: "Page 3 of 5" when
    ``page_total`` is known, see :func:`count_pages`) ends every page.
    Use as a context manager: the painter is begun on entry and ended on exit.
    """

    def __init__(
        self,
        device: QPagedPaintDevice,
        *,
        footer: str = "",
        header: PageHook | None = None,
        page_total: int | None = None,
    ) -> None:
        self.device = device
        self.dpi = device.logicalDpiY()
        rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.header = header
        self.footer = footer
        self.page_total = page_total
        self.painter = QPainter()
        self.page = 0
        self.y = 0.0
        self._content_top = 0.0

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Self:
        if not self.painter.begin(self.device):
            raise OSError(
                QCoreApplication.translate("PdfExport", "the file or printer cannot be written")
            )
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._begin_page()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self._draw_footer()
        finally:
            self.painter.end()

    def new_page(self) -> None:
        """Finish this page and start the next (with its header)."""
        self._draw_footer()
        self.device.newPage()
        self._begin_page()

    def _begin_page(self) -> None:
        self.page += 1
        self.y = 0.0
        if self.header is not None:
            self.header(self)
        self._content_top = self.y

    # ------------------------------------------------------------------ geometry and text

    def mm(self, millimetres: float) -> float:
        """Millimetres in device pixels."""
        return millimetres * self.dpi / 25.4

    @property
    def scale(self) -> float:
        """Device pixels per screen pixel (96 dpi): for pen widths and chart details."""
        return self.dpi / 96.0

    @property
    def bottom(self) -> float:
        """The lowest y content may reach (above the footer)."""
        return self.height - self.mm(7)

    @property
    def remaining(self) -> float:
        """Height left on this page."""
        return self.bottom - self.y

    def font(self, style: TextStyle) -> QFont:
        """The font of ``style``."""
        font = QFont(QGuiApplication.font())
        font.setPointSizeF(style.point_size)
        font.setBold(style.bold)
        font.setItalic(style.italic)
        return font

    def _option(self, align: Qt.AlignmentFlag) -> QTextOption:
        option = QTextOption(align | Qt.AlignmentFlag.AlignTop)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        return option

    def measure(self, text: str, style: TextStyle, width: float) -> float:
        """The height ``text`` takes when wrapped to ``width``."""
        self.painter.setFont(self.font(style))
        if not text:
            return float(self.painter.fontMetrics().height())
        bounds = self.painter.boundingRect(
            QRectF(0, 0, max(width, 1.0), 1e7), text, self._option(Qt.AlignmentFlag.AlignLeft)
        )
        return float(bounds.height())

    def paint_text(
        self,
        rect: QRectF,
        text: str,
        style: TextStyle,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        """Paint plain ``text`` wrapped inside ``rect`` (clipped to it)."""
        self.painter.save()
        self.painter.setClipRect(rect)
        self.painter.setFont(self.font(style))
        self.painter.setPen(QColor(style.colour))
        self.painter.drawText(rect, text, self._option(align))
        self.painter.restore()

    def ensure(self, height: float) -> bool:
        """Start a new page unless ``height`` fits below; True when a page was started."""
        if self.y + height > self.bottom and self.y > self._content_top:
            self.new_page()
            return True
        return False

    def text(self, text: str, style: TextStyle = BODY, *, after_mm: float = 1.2) -> None:
        """A paragraph across the page width."""
        height = self.measure(text, style, self.width)
        self.ensure(height)
        self.paint_text(QRectF(0, self.y, self.width, height), text, style)
        self.y += height + self.mm(after_mm)

    def text_pair(
        self, left: str, right: str, style: TextStyle = BODY, *, after_mm: float = 1.2
    ) -> None:
        """One line with ``left`` at the left margin and ``right`` at the right one."""
        height = max(self.measure(left, style, self.width), self.measure(right, style, self.width))
        self.ensure(height)
        self.paint_text(QRectF(0, self.y, self.width, height), left, style)
        self.paint_text(
            QRectF(0, self.y, self.width, height), right, style, Qt.AlignmentFlag.AlignRight
        )
        self.y += height + self.mm(after_mm)

    def space(self, millimetres: float) -> None:
        """Vertical space (not carried over to a new page)."""
        self.y = min(self.y + self.mm(millimetres), self.bottom)

    def rule(self, colour: str = RULE_COLOUR, *, after_mm: float = 1.5) -> None:
        """A thin horizontal line across the page."""
        pen = QPen(QColor(colour))
        pen.setWidthF(max(1.0, self.scale * 0.8))
        self.painter.setPen(pen)
        self.painter.drawLine(0, round(self.y), round(self.width), round(self.y))
        self.y += self.mm(after_mm)

    def fill(self, rect: QRectF, colour: str) -> None:
        """Fill ``rect`` with ``colour``."""
        self.painter.fillRect(rect, QColor(colour))

    def _draw_footer(self) -> None:
        rect = QRectF(0, self.height - self.mm(4.5), self.width, self.mm(4.5))
        tr = QCoreApplication.translate
        if self.page_total:
            page = tr("PdfExport", "Page %1 of %2").replace("%1", str(self.page))
            page = page.replace("%2", str(max(self.page_total, self.page)))
        else:
            page = tr("PdfExport", "Page %1").replace("%1", str(self.page))
        self.paint_text(rect, self.footer, SMALL)
        self.paint_text(rect, page, SMALL, Qt.AlignmentFlag.AlignRight)

    # ------------------------------------------------------------------ tables

    def table(
        self, columns: Sequence[Column], rows: Iterable[TableRow], *, repeat_header: bool = True
    ) -> int:
        """Paint rows under a heading row, breaking across pages; returns the rows painted.

        The heading row is repeated at the top of every page the table continues on, and a
        group heading (a ``span`` row) is never left alone at the bottom of a page.
        """
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        pad = self.mm(1.1)
        header_style = TextStyle(BODY.point_size, bold=True)

        marker = self.mm(1.2)  # the coloured bar of a flagged row: text starts right of it

        def cell_rect(column: int, top: float, height: float) -> QRectF:
            inset = marker if column == 0 else 0.0
            return QRectF(
                lefts[column] + pad + inset,
                top + pad,
                widths[column] - 2 * pad - inset,
                height - 2 * pad,
            )

        def row_height(cells: Sequence[str], styles: Sequence[TextStyle]) -> float:
            heights = [
                self.measure(text, style, cell_rect(i, 0, 0).width())
                for i, (text, style) in enumerate(zip(cells, styles, strict=False))
            ]
            return max(heights, default=0.0) + 2 * pad

        def paint_header() -> None:
            titles = [c.title for c in columns]
            height = row_height(titles, [header_style] * len(titles))
            self.fill(QRectF(0, self.y, self.width, height), HEADER_FILL)
            for i, (title, column) in enumerate(zip(titles, columns, strict=True)):
                self.paint_text(cell_rect(i, self.y, height), title, header_style, column.align)
            self.y += height

        header_height = row_height([c.title for c in columns], [header_style] * len(columns))
        self.ensure(header_height * 2.5)
        paint_header()
        count = 0
        grid = QPen(QColor("#d0d0d0"))
        grid.setWidthF(max(1.0, self.scale * 0.5))
        for row in rows:
            if row.span:
                style = row.style.text
                height = self.measure(row.cells[0], style, self.width - 2 * pad) + 2 * pad
                needed = height + header_height * 1.5
            else:
                styles = [row.style.cell_styles.get(i, row.style.text) for i in range(len(columns))]
                height = row_height(row.cells, styles)
                needed = height
            height = min(height, self.bottom - self._content_top - header_height)
            if self.ensure(needed) and repeat_header:
                paint_header()
            rect = QRectF(0, self.y, self.width, height)
            if row.span:
                self.fill(rect, row.style.fill or GROUP_FILL)
                inner = QRectF(pad, self.y + pad, self.width - 2 * pad, height - 2 * pad)
                self.paint_text(inner, row.cells[0], row.style.text)
            else:
                if row.style.fill:
                    self.fill(rect, row.style.fill)
                if row.style.marker:
                    self.fill(QRectF(0, self.y, marker, height), row.style.marker)
                for i, (text, column) in enumerate(zip(row.cells, columns, strict=False)):
                    style = row.style.cell_styles.get(i, row.style.text)
                    self.paint_text(cell_rect(i, self.y, height), text, style, column.align)
                count += 1
            self.painter.setPen(grid)
            self.painter.drawLine(
                0, round(self.y + height), round(self.width), round(self.y + height)
            )
            self.y += height
        return count


# ---------------------------------------------------------------------- schedule export


def findings_text(view: SessionView) -> str:
    """Findings of a session, each with its override on the next line, then the prescriber."""
    parts = []
    for f in view.findings:
        parts.append(f"{f.severity.value} {f.rule}: {f.message}")
        if f.overridden_by:
            override = QCoreApplication.translate("PdfExport", "\u21b3 Override by %1: %2")
            parts.append(
                override.replace("%1", f.overridden_by).replace("%2", f.override_reason or "")
            )
            if f.consulted:
                consulted = QCoreApplication.translate("PdfExport", "; prescriber consulted: %1")
                parts[-1] += consulted.replace("%1", f.consulted)
    if view.prescriber:
        prescriber = QCoreApplication.translate("PdfExport", "Prescriber: %1")
        parts.append(prescriber.replace("%1", view.prescriber.describe()))
    return "\n".join(parts)


def flag_text(view: SessionView) -> str:
    """The flag cell: the co-therapy flag in words, then the worst severity."""
    words = []
    if view.cotherapy_flagged:
        words.append("\u26a0 " + QCoreApplication.translate("PdfExport", "CO-THERAPY"))
    if view.worst is not None:
        words.append(view.worst.value)
    return "\n".join(words)


def session_rows(sessions: Iterable[SessionView]) -> Iterator[TableRow]:
    """Table rows of the schedule export: a heading for each day, then its sessions."""
    day = None
    for view in sessions:
        if view.start.date() != day:
            day = view.start.date()
            yield TableRow((print_dates.long_date(day),), RowStyle(text=HEADING), span=True)
        flagged = view.cotherapy_flagged
        muted = view.status in ("cancelled", "no-show")
        text = TextStyle(colour=MUTED_COLOUR) if muted else BODY
        status = view.status + (f": {view.status_reason}" if view.status_reason else "")
        yield TableRow(
            (
                f"{view.start:%H:%M}-{view.end:%H:%M}",
                view.chair,
                view.mrn,
                view.patient_name,
                view.therapy_name,
                status,
                flag_text(view),
                findings_text(view),
            ),
            RowStyle(
                fill=FLAG_FILL if flagged else None,
                marker=FLAG_COLOUR if flagged else None,
                text=text,
                cell_styles={6: FLAG_TEXT} if flagged else {},
            ),
        )


def write_pdf(
    sessions: Iterable[SessionView],
    path: Path,
    *,
    title: str = "",
    clinic_name: str = "",
    page_size: PageSize | str = PageSize.A4,
    generated_at: datetime | None = None,
) -> int:
    """Stream sessions into a landscape PDF table at ``path``. Returns the sessions written."""
    tr = QCoreApplication.translate
    moment = generated_at or datetime.now(UTC)
    heading = title or tr("PdfExport", "Schedule export")
    columns = (
        Column(tr("PdfExport", "Time"), 10),
        Column(tr("PdfExport", "Chair"), 8),
        Column(tr("PdfExport", "MRN"), 9),
        Column(tr("PdfExport", "Patient"), 15),
        Column(tr("PdfExport", "Therapy"), 14),
        Column(tr("PdfExport", "Status"), 10),
        Column(tr("PdfExport", "Flags"), 13),
        Column(tr("PdfExport", "Findings and overrides"), 33),
    )

    def header(canvas: PageCanvas) -> None:
        canvas.text_pair(clinic_name, heading, SUBTITLE)
        canvas.rule()

    footer = tr("PdfExport", "%1 - generated %2").replace("%1", clinic_name or "clinic_app")
    footer = footer.replace("%2", print_dates.short_date_time(moment))
    with (
        pdf_device(path, page_size=page_size, landscape=True, title=heading) as device,
        PageCanvas(device, footer=footer, header=header) as canvas,
    ):
        count = canvas.table(columns, session_rows(sessions))
        if count == 0:
            canvas.text(tr("PdfExport", "No sessions match this export."), BODY)
    return count


def count_pages(device: QPagedPaintDevice, paint: Callable[[QPagedPaintDevice], int]) -> int:
    """The pages ``paint`` makes on a device like ``device`` (same page and resolution).

    The first of two passes, for a "Page X of Y" footer: ``paint`` runs on a scratch PDF in
    memory and returns its page count; nothing reaches ``device``.
    """
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scratch = QPdfWriter(buffer)
    scratch.setResolution(device.logicalDpiY())
    scratch.setPageLayout(device.pageLayout())
    try:
        return paint(scratch)
    finally:
        del scratch
        buffer.close()


def write_document_pdf(
    path: Path,
    paint: Callable[[QPagedPaintDevice], None],
    *,
    page_size: PageSize | str,
    landscape: bool,
    title: str,
) -> None:
    """Paint a whole document (daily list, report) into ``path``, all or nothing."""
    with (
        atomic_output(path, ".pdf") as tmp,
        pdf_device(tmp, page_size=page_size, landscape=landscape, title=title) as device,
    ):
        paint(device)
