"""One entry for every session export: CSV, Excel, PDF or iCalendar, streamed and atomic.

``export_sessions`` consumes the sessions lazily (one at a time, as the query streams them a
week at a time), writes a temporary file next to the target and renames it only when the
export is complete. A cancellation (``cancelled()`` turning true) or an error removes the
partial file; an existing file at the target is left as it was.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from clinic_app.exports.atomic_file import atomic_output
from clinic_app.exports.csv_export import write_csv
from clinic_app.exports.ics_export import PatientLabel, write_ics
from clinic_app.exports.xlsx_export import write_xlsx
from clinic_app.services.results import SessionView

ProgressCallback = Callable[[int, SessionView], None]
CancelCheck = Callable[[], bool]


class ExportFormat(enum.StrEnum):
    """The formats a schedule can be exported to (also the file suffixes)."""

    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"
    ICS = "ics"


class ExportCancelledError(Exception):
    """The user cancelled the export; no file was written."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Format-specific details: titles for the PDF, the patient label and stamp for the .ics."""

    title: str = ""
    clinic_name: str = ""
    page_size: str = "A4"
    patient_label: PatientLabel = PatientLabel.INITIALS
    generated_at: datetime | None = None
    span: tuple[date, date] | None = None


def watched(
    sessions: Iterable[SessionView],
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Iterator[SessionView]:
    """Pass sessions through, asking ``cancelled()`` before each and reporting each after."""
    for count, view in enumerate(sessions, start=1):
        if cancelled is not None and cancelled():
            raise ExportCancelledError()
        yield view
        if progress is not None:
            progress(count, view)
    if cancelled is not None and cancelled():
        raise ExportCancelledError()


def export_sessions(
    sessions_iter: Iterable[SessionView],
    path: Path | str,
    fmt: ExportFormat | str,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    options: ExportOptions | None = None,
) -> int:
    """Write the sessions to ``path`` in ``fmt``; returns the sessions written.

    ``progress(rows_written, last_session)`` is called after each session; ``cancelled()`` is
    asked before each one and once at the end: when it answers True the partial file is
    removed and ``ExportCancelledError`` is raised.
    """
    form = ExportFormat(fmt)
    opts = options or ExportOptions()
    sessions = watched(sessions_iter, progress, cancelled)
    with atomic_output(path, f".{form.value}") as tmp:
        if form is ExportFormat.CSV:
            return write_csv(sessions, tmp)
        if form is ExportFormat.XLSX:
            return write_xlsx(sessions, tmp)
        if form is ExportFormat.ICS:
            return write_ics(
                sessions,
                tmp,
                stamp=opts.generated_at,
                label=opts.patient_label,
                calendar_name=opts.title,
                span=opts.span,
            )
        from clinic_app.exports.pdf_export import write_pdf  # Qt only when a PDF is wanted

        return write_pdf(
            sessions,
            tmp,
            title=opts.title,
            clinic_name=opts.clinic_name,
            page_size=opts.page_size,
            generated_at=opts.generated_at,
        )
