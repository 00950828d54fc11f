"""Reading the audit trail: managers and administrators, filtered by patient, user, dates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import AuditRow, PatientRow
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.export_log import record_export
from clinic_app.services.validation import parse_date, require_mrn


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit row; ``at`` in UTC, before/after as decoded JSON; the patient's MRN and
    name when the entry concerns a patient (None when it does not, or the patient is gone)."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    patient_id: int | None
    before: Any
    after: Any
    patient_mrn: str | None = None
    patient_name: str | None = None


def _decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class AuditQueries:
    """The audit view's data (read-only; needs the EXPORT permission: manager or admin)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def entries(
        self,
        actor: Actor,
        *,
        mrn: str | None = None,
        user: str | None = None,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
        limit: int = 5000,
    ) -> Iterator[AuditEntry]:
        """Entries newest first, filtered; dates are UTC calendar days, inclusive."""
        authorize(self._ctx, actor, Permission.EXPORT, "audit_entries")
        with self._ctx.db.read() as uow:
            s = uow.session
            stmt = (
                select(AuditRow, PatientRow.mrn, PatientRow.name)
                .outerjoin(PatientRow, PatientRow.id == AuditRow.patient_id)
                .order_by(AuditRow.at_utc.desc(), AuditRow.id.desc())
            )
            if mrn:
                stmt = stmt.where(
                    AuditRow.patient_id == repo.patient_by_mrn(s, require_mrn(mrn)).id
                )
            if user:
                stmt = stmt.where(AuditRow.actor == user.strip())
            if date_from:
                first = datetime.combine(parse_date("from", date_from), time(0))
                stmt = stmt.where(AuditRow.at_utc >= first.replace(tzinfo=UTC))
            if date_to:
                last = datetime.combine(parse_date("to", date_to) + timedelta(days=1), time(0))
                stmt = stmt.where(AuditRow.at_utc < last.replace(tzinfo=UTC))
            rows = s.execute(stmt.limit(limit)).all()
            entries = [
                AuditEntry(
                    r.id,
                    r.at_utc,
                    r.actor,
                    r.action,
                    r.entity,
                    r.entity_id,
                    r.patient_id,
                    _decode(r.before_json),
                    _decode(r.after_json),
                    mrn,
                    name,
                )
                for r, mrn, name in rows
            ]
        yield from entries

    def record_export(
        self, actor: Actor, *, rows: int, file_name: str, filters: dict[str, Any]
    ) -> None:
        """Audit an export of the audit trail itself: who, which filters, how many rows."""
        authorize(self._ctx, actor, Permission.EXPORT, "audit_export")
        record_export(
            self._ctx, actor, {"what": "audit trail", "rows": rows, "file": file_name, **filters}
        )
