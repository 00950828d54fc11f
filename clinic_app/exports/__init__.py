"""Exports: result objects in, files out (CSV, Excel, PDF, iCalendar).

This package only writes files. The use case that checks, filters and audits an export is
:class:`clinic_app.services.exports.ExportService`; it hands the sessions to
:func:`export_sessions`.
"""

from __future__ import annotations

from clinic_app.exports.session_export import (
    ExportCancelledError,
    ExportFormat,
    ExportOptions,
    export_sessions,
)

__all__ = [
    "ExportCancelledError",
    "ExportFormat",
    "ExportOptions",
    "export_sessions",
]
