"""The managers' export dialog: a date range, filters and a format, written in the background.

The export runs in a worker thread (``BackgroundTask``) while a cancellable progress dialog
shows how far through the date range it is; the window never freezes. Cancelling removes the
partial file (the export writes a temporary file and renames it only when complete).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QDate, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError
from clinic_app.exports import ExportCancelledError, ExportFormat
from clinic_app.exports.daily_list_print import STATUS_WORDS, status_text
from clinic_app.exports.session_export import CancelCheck, ProgressCallback
from clinic_app.gui.common import dates
from clinic_app.gui.common.clinic_day import clinic_today
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.exports import ExportRequest
from clinic_app.services.results import SessionView

Job = Callable[[ProgressCallback, CancelCheck], object]
PROGRESS_INTERVAL = 0.05  # seconds between progress signals from a worker


def to_date(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


class ExportRunner(Protocol):
    """How the dialog exports: ``ExportService.export`` (tests pass a slower one)."""

    def __call__(
        self,
        actor: Actor,
        request: ExportRequest,
        *,
        progress: ProgressCallback | None = ...,
        cancelled: CancelCheck | None = ...,
    ) -> int:
        """Export and return the rows written."""
        ...


class BackgroundTask(QThread):
    """Runs ``job(progress, cancelled)`` in a worker thread.

    Signals:
        progressed(int, object): rows so far and the last session (from the worker thread,
            delivered queued to the GUI thread).
        succeeded(object): the job's result.
        failed(str): the error, in words.
        cancelled(): the job stopped because ``cancel()`` was called.
    """

    progressed = Signal(int, object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self._last_report = 0.0

    def cancel(self) -> None:
        """Ask the job to stop (thread-safe; the job checks between rows)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once ``cancel()`` was called."""
        return self._cancel.is_set()

    def _progress(self, rows: int, last: SessionView) -> None:
        # At most ~20 updates a second: a year's export must not flood the GUI thread.
        now = time.monotonic()
        if rows == 1 or now - self._last_report >= PROGRESS_INTERVAL:
            self._last_report = now
            self.progressed.emit(rows, last)

    def run(self) -> None:
        """The worker thread's body (never call directly: use ``start()``)."""
        try:
            result = self._job(self._progress, self._cancel.is_set)
        except ExportCancelledError:
            self.cancelled.emit()
        except ClinicError as error:
            self.failed.emit(str(error))
        except Exception as error:  # shown to the user; the thread must not die silently
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


_SUFFIX_FILTERS = {
    ExportFormat.CSV: "CSV (*.csv)",
    ExportFormat.XLSX: "Excel (*.xlsx)",
    ExportFormat.PDF: "PDF (*.pdf)",
    ExportFormat.ICS: "iCalendar (*.ics)",
}


class ExportDialog(QDialog):
    """Export the sessions of a date range (with filters) to CSV, Excel, PDF or iCalendar.

    Signals:
        export_progressed(int): rows written so far (a few times a second at most).
        export_finished(int, str): rows written and the file.
        export_cancelled(): the user cancelled; no file was written.
        export_failed(str): the error, in words.
    """

    export_progressed = Signal(int)
    export_finished = Signal(int, str)
    export_cancelled = Signal()
    export_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: ExportRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self._runner: ExportRunner = runner if runner is not None else services.exports.export
        self.task: BackgroundTask | None = None
        # One progress dialog, reused: deleting it under a pending click crashes Qt.
        self.progress_dialog = QProgressDialog(
            self.tr("Exporting sessions..."), self.tr("Cancel"), 0, 1, self
        )
        self.progress_dialog.setWindowTitle(self.tr("Export"))
        self.progress_dialog.setMinimumDuration(0)
        self.progress_dialog.setAutoClose(False)
        self.progress_dialog.setAutoReset(False)
        self.progress_dialog.reset()  # stops the timer that would show it by itself
        self.progress_dialog.hide()
        self.progress_dialog.canceled.connect(self._cancel_requested)
        self._first_day = date.min
        self._out_path = Path()
        self.setWindowTitle(self.tr("Export schedule"))
        self.setMinimumWidth(520)

        today = clinic_today(services, actor)
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, 1).addMonths(1).addDays(-1))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.date_edit_format())
        self.therapy = QComboBox()
        self.therapy.addItem(self.tr("All therapies"), None)
        for therapy in services.ctx.catalog.bookable():
            self.therapy.addItem(therapy.name, therapy.code)
        self.chair = QComboBox()
        self.chair.addItem(self.tr("All chairs"), None)
        for chair in services.setup.chairs(actor):
            self.chair.addItem(chair.name, chair.name)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for code in STATUS_WORDS:
            self.status.addItem(status_text(code), code)
        self.format = QComboBox()
        for fmt, label in (
            (ExportFormat.CSV, self.tr("CSV (spreadsheet text)")),
            (ExportFormat.XLSX, self.tr("Excel workbook (.xlsx)")),
            (ExportFormat.PDF, self.tr("PDF (printable table)")),
            (ExportFormat.ICS, self.tr("iCalendar (.ics; initials, therapy and chair only)")),
        ):
            self.format.addItem(label, fmt.value)
        self.page_size = QComboBox()
        self.page_size.addItem(self.tr("A4"), "A4")
        self.page_size.addItem(self.tr("Letter"), "Letter")
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Choose where to save the file"))
        browse = QPushButton(self.tr("&Browse..."))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.date_from)
        form.addRow(self.tr("&To:"), self.date_to)
        form.addRow(self.tr("T&herapy:"), self.therapy)
        form.addRow(self.tr("&Chair:"), self.chair)
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow(self.tr("F&ormat:"), self.format)
        form.addRow(self.tr("&Page size (PDF):"), self.page_size)
        path_label = QLabel(self.tr("Save &as:"))
        path_label.setBuddy(self.path)  # a row holding a layout gets no buddy by itself
        form.addRow(path_label, path_row)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.start_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        if not actor.can(Permission.EXPORT):
            self.export_button.setEnabled(False)
            self.message.setText(self.tr("Your role may not export schedules."))

    # ------------------------------------------------------------------ choices

    def selected_format(self) -> ExportFormat:
        """The chosen format."""
        return ExportFormat(self.format.currentData())

    def _format_changed(self) -> None:
        self.page_size.setEnabled(self.selected_format() is ExportFormat.PDF)
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + self.selected_format().value)))

    def browse(self) -> None:
        """Pick the output file with a file dialog."""
        fmt = self.selected_format()
        default = self.path.text().strip() or str(
            Path.home() / f"sessions-{self._first():%Y-%m-%d}-{self._last():%Y-%m-%d}.{fmt.value}"
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), default, _SUFFIX_FILTERS[fmt]
        )
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != "." + fmt.value:
                path = path.with_name(path.name + "." + fmt.value)
            self.path.setText(str(path))

    def _first(self) -> date:
        return to_date(self.date_from.date())

    def _last(self) -> date:
        return to_date(self.date_to.date())

    # ------------------------------------------------------------------ running

    def start_export(self) -> None:
        """Start the export in the background with a cancellable progress dialog."""
        if self.task is not None:
            return
        text = self.path.text().strip()
        if not text:
            self.browse()
            text = self.path.text().strip()
            if not text:
                return
        first, last = self._first(), self._last()
        if last < first:
            self.message.setText(self.tr("The end date is before the start date."))
            return
        out_path = Path(text)
        request = ExportRequest(
            date_from=first,
            date_to=last,
            fmt=self.selected_format().value,
            out_path=out_path,
            therapy=self.therapy.currentData(),
            chair=self.chair.currentData(),
            status=self.status.currentData(),
            page_size=str(self.page_size.currentData()),
        )

        def job(progress: ProgressCallback, cancelled: CancelCheck) -> int:
            return self._runner(self.actor, request, progress=progress, cancelled=cancelled)

        days = (last - first).days + 1
        dialog = self.progress_dialog
        dialog.reset()
        dialog.setRange(0, days)
        dialog.setValue(0)
        dialog.setLabelText(self.tr("Exporting sessions..."))
        task = BackgroundTask(job, self)
        self.task = task
        self._first_day = first
        self._out_path = out_path
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.cancelled.connect(self._cancelled)
        task.failed.connect(self._failed)
        task.finished.connect(self._task_done)
        self.export_button.setEnabled(False)
        self.message.setText("")
        task.start()
        dialog.show()

    def _cancel_requested(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, rows: int, last: object) -> None:
        dialog = self.progress_dialog
        if self.task is None or self.task.is_cancelled():
            return
        self.export_progressed.emit(rows)
        if isinstance(last, SessionView):
            dialog.setValue(min((last.start.date() - self._first_day).days, dialog.maximum()))
            dialog.setLabelText(
                self.tr("Exporting sessions... %1 so far (up to %2)")
                .replace("%1", str(rows))
                .replace("%2", dates.short_date(last.start.date()))
            )

    def _succeeded(self, rows: Any) -> None:
        count = int(rows)
        self.message.setText(
            self.tr("Exported %1 sessions to %2")
            .replace("%1", str(count))
            .replace("%2", str(self._out_path))
        )
        self.export_finished.emit(count, str(self._out_path))

    def _cancelled(self) -> None:
        self.message.setText(self.tr("Export cancelled; no file was written."))
        self.export_cancelled.emit()

    def _failed(self, error: str) -> None:
        self.message.setText(self.tr("The export failed: %1").replace("%1", error))
        self.export_failed.emit(error)

    def _task_done(self) -> None:
        self.progress_dialog.hide()
        if self.task is not None:
            # "finished" comes just before the thread really ends. The finished task stays
            # a child of the dialog: deleteLater() on it here crashes PySide 6.11 when a
            # queued signal of it is still referenced.
            self.task.wait()
            self.task = None
        self.export_button.setEnabled(self.actor.can(Permission.EXPORT))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the dialog cancels a running export and waits for its thread."""
        self._stop_task()
        super().closeEvent(event)

    def reject(self) -> None:
        """Close: cancel a running export first."""
        self._stop_task()
        super().reject()

    def _stop_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait(30_000)


def show_error(parent: QWidget, title: str, text: str) -> None:
    """A warning box whose text is plain (patient names are never rendered as markup)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
