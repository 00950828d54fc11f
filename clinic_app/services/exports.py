"""Exporting the schedule: the use case behind ``clinic-app export`` and the export dialog.

``ExportService.export`` checks the permission and the request (format, dates, filters,
target), streams the sessions of the date range through the filters into the writers of
:mod:`clinic_app.exports` (which only write files, atomically), and audits the export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.booking import STATUS_FLOW
from clinic_app.services.clinic_setup import ClinicSetupService
from clinic_app.services.context import ServiceContext
from clinic_app.services.export_log import record_export
from clinic_app.services.results import SessionView
from clinic_app.services.schedule_queries import ScheduleQueries
from clinic_app.services.validation import (
    CHAIR_NAME_MAX,
    parse_date,
    require_file_target,
    require_text,
)

if TYPE_CHECKING:
    from clinic_app.exports.session_export import CancelCheck, ExportFormat, ProgressCallback

MAX_EXPORT_DAYS = 5 * 366  # a few years at most in one file


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and where, as the user gave it (checked by ``ExportService.export``).

    ``fmt`` is ``csv``, ``xlsx``, ``pdf`` or ``ics``; the dates are inclusive; the filters are
    a therapy code, a chair name and a session status (None or empty: all); ``page_size``
    (A4 or Letter) applies to the PDF.
    """

    date_from: str | date
    date_to: str | date
    fmt: str
    out_path: str | Path
    therapy: str | None = None
    chair: str | None = None
    status: str | None = None
    page_size: str = "A4"


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


@dataclass(frozen=True, slots=True)
class _CheckedExport:
    """An ``ExportRequest`` after its checks: a known format, ordered dates, clean filters."""

    form: ExportFormat
    first: date
    last: date
    therapy: str | None
    chair: str | None
    status: str | None

    def title(self) -> str:
        """The PDF's title and the calendar's name: the range and the filters in use."""
        parts = [f"Sessions {self.first.isoformat()} to {self.last.isoformat()}"]
        parts += [value for value in (self.therapy, self.chair, self.status) if value]
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """A checked export (``ExportService.plan``): what to write, and what the file says."""

    fmt: str
    first: date
    last: date
    therapy: str | None
    chair: str | None
    status: str | None
    page_size: str
    title: str
    clinic_name: str
    generated_at: datetime


def write_planned(
    plan: ExportPlan,
    sessions: Iterable[SessionView],
    out_path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Write ``sessions`` (already filtered) into ``out_path`` as ``plan`` says, atomically;
    returns the sessions written (unaudited: see ``ExportService``)."""
    # The writers (and their spreadsheet and calendar libraries) load when first used, not
    # with the services: every CLI command and the window start without them.
    from clinic_app.exports.session_export import ExportFormat, ExportOptions, export_sessions

    options = ExportOptions(
        title=plan.title,
        clinic_name=plan.clinic_name,
        page_size=plan.page_size,
        generated_at=plan.generated_at,
        span=(plan.first, plan.last),
    )
    try:
        return export_sessions(
            sessions,
            out_path,
            ExportFormat(plan.fmt),
            progress=progress,
            cancelled=cancelled,
            options=options,
        )
    except OSError as error:  # e.g. a full disk, or a folder made read-only meanwhile
        raise InvalidInputError(
            "out", f"{out_path} cannot be written: {error.strerror or error}"
        ) from None


class ExportService:
    """Exports the sessions of a date range to a file, for users with ``Permission.EXPORT``."""

    def __init__(
        self, ctx: ServiceContext, setup: ClinicSetupService, queries: ScheduleQueries
    ) -> None:
        self._ctx = ctx
        self._setup = setup
        self._queries = queries

    def export(
        self,
        actor: Actor,
        request: ExportRequest,
        *,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> int:
        """Export the sessions ``request`` asks for; returns the sessions written.

        ``progress(rows, last_session)`` is called after each session written, ``cancelled()``
        asked before each. Raises ``InvalidInputError`` for a bad format, date, filter or
        target (nothing written), ``PermissionDeniedError`` without the permission (audited),
        ``ExportCancelledError`` when ``cancelled()`` turns true (the partial file is removed).
        """
        authorize(self._ctx, actor, Permission.EXPORT, "export")
        require_file_target("out", request.out_path)
        plan = self.plan(
            actor,
            request.date_from,
            request.date_to,
            request.fmt,
            therapy=request.therapy,
            chair=request.chair,
            status=request.status,
            page_size=request.page_size,
        )
        sessions = filter_sessions(
            self._queries.sessions_between(actor, plan.first, plan.last),
            therapy=plan.therapy,
            chair=plan.chair,
            status=plan.status,
        )
        out_path = Path(request.out_path)
        written = write_planned(plan, sessions, out_path, progress=progress, cancelled=cancelled)
        self._record(actor, plan, written, out_path.name)
        return written

    def plan(
        self,
        actor: Actor,
        date_from: str | date,
        date_to: str | date,
        fmt: str,
        *,
        therapy: str | None = None,
        chair: str | None = None,
        status: str | None = None,
        page_size: str = "A4",
    ) -> ExportPlan:
        """An export checked and planned, before any file is written: the permission (a
        refusal is audited), the format, the dates and the filters, with the title, the
        clinic's name and the time the file says it was made. A desk of a clinic server asks
        for this, writes the file itself from ``sessions_between`` (``write_planned``), and
        audits it with ``record_written``."""
        authorize(self._ctx, actor, Permission.EXPORT, "export")
        checked = self._checked(
            ExportRequest(date_from, date_to, fmt, "-", therapy, chair, status, page_size)
        )
        return ExportPlan(
            fmt=checked.form.value,
            first=checked.first,
            last=checked.last,
            therapy=checked.therapy,
            chair=checked.chair,
            status=checked.status,
            page_size=page_size,
            title=checked.title(),
            clinic_name=self._setup.clinic_name(),
            generated_at=self._ctx.clock(),
        )

    def record_written(self, actor: Actor, plan: ExportPlan, rows: int, file_name: str) -> None:
        """Audit an export a desk wrote itself from ``plan`` (``rows`` sessions into a file
        named ``file_name``): the plan is checked again, the name is kept without a folder."""
        checked = self.plan(
            actor,
            plan.first,
            plan.last,
            plan.fmt,
            therapy=plan.therapy,
            chair=plan.chair,
            status=plan.status,
            page_size=plan.page_size,
        )
        if isinstance(rows, bool) or not 0 <= rows <= 10_000_000:
            raise InvalidInputError("rows", "a number of sessions written")
        name = require_text("file_name", Path(file_name).name, max_length=255)
        self._record(actor, checked, rows, name)

    def _record(self, actor: Actor, plan: ExportPlan, rows: int, file_name: str) -> None:
        record_export(
            self._ctx,
            actor,
            {
                "format": plan.fmt,
                "from": plan.first.isoformat(),
                "to": plan.last.isoformat(),
                "therapy": plan.therapy,
                "chair": plan.chair,
                "status": plan.status,
                "rows": rows,
                "file": file_name,
            },
        )

    def _checked(self, request: ExportRequest) -> _CheckedExport:
        """The request's format, dates and filters, checked; raises ``InvalidInputError``."""
        form = _export_format(request.fmt)
        first, last = _date_range(request)
        therapy, chair, status = self._filters(request)
        if request.page_size not in ("A4", "Letter"):
            raise InvalidInputError("page_size", "the page size is A4 or Letter")
        return _CheckedExport(form, first, last, therapy, chair, status)

    def _filters(self, request: ExportRequest) -> tuple[str | None, str | None, str | None]:
        """The therapy, chair and status filters, None for 'all'; unknown values refused."""
        therapy = (request.therapy or "").strip() or None
        # The chair filter is written to the audit trail: the free-text check applies.
        chair = (
            require_text("chair", request.chair, max_length=CHAIR_NAME_MAX, allow_empty=True)
            or None
        )
        status = (request.status or "").strip() or None
        if therapy is not None and therapy not in self._ctx.catalog:
            raise InvalidInputError("therapy", f"{therapy!r} is not a therapy code")
        if status is not None and status not in STATUS_FLOW:
            raise InvalidInputError("status", f"{status!r} is not a session status")
        return therapy, chair, status


def _export_format(fmt: str) -> ExportFormat:
    """The format named by ``fmt`` (any case); refused naming the choices."""
    from clinic_app.exports.session_export import ExportFormat

    try:
        return ExportFormat(str(fmt).lower())
    except ValueError:
        choices = ", ".join(f.value for f in ExportFormat)
        raise InvalidInputError("format", f"{fmt!r} is not one of {choices}") from None


def _date_range(request: ExportRequest) -> tuple[date, date]:
    """The first and last day, in order and at most five years apart."""
    first = parse_date("from", request.date_from)
    last = parse_date("to", request.date_to)
    if last < first:
        raise InvalidInputError("to", "the end date is before the start date")
    if (last - first).days >= MAX_EXPORT_DAYS:
        raise InvalidInputError("to", "an export covers at most five years")
    return first, last
