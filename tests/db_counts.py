"""How many rows each table holds: a refused request must change none of them."""

from __future__ import annotations

from sqlalchemy import func, select

from clinic_app.bootstrap import Services
from clinic_app.persistence.models import AuditRow, Base

# The clinic server's replay store: a refused write is answered from it on a retry with the
# same Idempotency-Key, so the refusal is kept there (it is not the clinic's data).
SERVER_BOOKKEEPING = frozenset({"idempotency_keys"})


def row_counts(services: Services, *, logins: bool = True) -> dict[str, int]:
    """Rows per table but the server's replay store; with ``logins=False`` the audit count
    leaves out login entries (every CLI command logs in, and every login is audited)."""
    with services.engine.connect() as conn:
        counts = {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
            if table.name not in SERVER_BOOKKEEPING
        }
        if not logins:
            counts["audit_log"] = conn.execute(
                select(func.count()).select_from(AuditRow).where(AuditRow.action != "login")
            ).scalar_one()
    return counts
