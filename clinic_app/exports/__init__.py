"""Exports: result objects in, files out (CSV, Excel, PDF, iCalendar).

``run_export`` is the use case the CLI (``clinic-app export``) and the export dialog share:
check the permission, stream the sessions of a date range through the filters, write the
file atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.domain.errors import InvalidInputError
from clinic_app.exports.session_export import (
    CancelCheck,
    ExportCancelledError,
    ExportFormat,
    ExportOptions,
    ProgressCallback,
    export_sessions,
)
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.booking import STATUS_FLOW
from clinic_app.services.export_log import record_export
from clinic_app.services.results import SessionView
from clinic_app.services.validation import (
    CHAIR_NAME_MAX,
    parse_date,
    require_file_target,
    require_text,
)

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services

__all__ = [
    "ExportCancelledError",
    "ExportFormat",
    "ExportOptions",
    "export_sessions",
    "filter_sessions",
    "run_export",
]

MAX_EXPORT_DAYS = 5 * 366  # a few years at most in one file


def filter_sessions(
    sessions: Iterable[SessionView],
    *,
    therapy: str | None = None,
    chair: str | None = None,
    status: str | None = None,
) -> Iterator[SessionView]:
    """The sessions that match every given filter (therapy code, chair name, status)."""
    for view in sessions:
        if therapy and view.therapy != therapy:
            continue
        if chair and view.chair != chair:
            continue
        if status and view.status != status:
            continue
        yield view


def _export_title(
    first: date, last: date, therapy: str | None, chair: str | None, status: str | None
) -> str:
    parts = [f"Sessions {first.isoformat()} to {last.isoformat()}"]
    parts += [value for value in (therapy, chair, status) if value]
    return ", ".join(parts)


def run_export(
    services: Services,
    actor: Actor,
    date_from: str | date,
    date_to: str | date,
    fmt: str,
    out_path: str | Path,
    *,
    therapy: str | None = None,
    chair: str | None = None,
    status: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    page_size: str = "A4",
) -> int:
    """Export the sessions from ``date_from`` to ``date_to`` (inclusive) to ``out_path``.

    Needs ``Permission.EXPORT``. ``fmt`` is ``csv``, ``xlsx``, ``pdf`` or ``ics``; the filters
    are a therapy code, a chair name and a session status. Returns the sessions written.
    Raises ``InvalidInputError`` for a bad format, date, filter or target (nothing written),
    ``PermissionDeniedError`` without the permission, ``ExportCancelledError`` when
    ``cancelled()`` turns true (the partial file is removed).
    """
    authorize(services.ctx, actor, Permission.EXPORT, "export")
    require_file_target("out", out_path)
    try:
        form = ExportFormat(str(fmt).lower())
    except ValueError:
        choices = ", ".join(f.value for f in ExportFormat)
        raise InvalidInputError("format", f"{fmt!r} is not one of {choices}") from None
    first = parse_date("from", date_from)
    last = parse_date("to", date_to)
    if last < first:
        raise InvalidInputError("to", "the end date is before the start date")
    if (last - first).days >= MAX_EXPORT_DAYS:
        raise InvalidInputError("to", "an export covers at most five years")
    therapy = (therapy or "").strip() or None
    # The chair filter is written to the audit trail: the free-text check applies.
    chair = require_text("chair", chair, max_length=CHAIR_NAME_MAX, allow_empty=True) or None
    status = (status or "").strip() or None
    if therapy is not None and therapy not in services.ctx.catalog:
        raise InvalidInputError("therapy", f"{therapy!r} is not a therapy code")
    if status is not None and status not in STATUS_FLOW:
        raise InvalidInputError("status", f"{status!r} is not a session status")
    if page_size not in ("A4", "Letter"):
        raise InvalidInputError("page_size", "the page size is A4 or Letter")
    options = ExportOptions(
        title=_export_title(first, last, therapy, chair, status),
        clinic_name=services.setup.clinic_name(),
        page_size=page_size,
        generated_at=services.ctx.clock(),
        span=(first, last),
    )
    sessions = filter_sessions(
        services.queries.sessions_between(actor, first, last),
        therapy=therapy,
        chair=chair,
        status=status,
    )
    try:
        written = export_sessions(
            sessions, Path(out_path), form, progress=progress, cancelled=cancelled, options=options
        )
    except OSError as error:  # e.g. a full disk, or a folder made read-only meanwhile
        raise InvalidInputError(
            "out", f"{out_path} cannot be written: {error.strerror or error}"
        ) from None
    record_export(
        services.ctx,
        actor,
        {
            "format": form.value,
            "from": first.isoformat(),
            "to": last.isoformat(),
            "therapy": therapy,
            "chair": chair,
            "status": status,
            "rows": written,
            "file": Path(out_path).name,
        },
    )
    return written
