"""How many rows each table holds: a refused request must change none of them."""

from __future__ import annotations

from sqlalchemy import func, select

from clinic_app.bootstrap import Services
from clinic_app.persistence.models import AuditRow, Base


def row_counts(services: Services, *, logins: bool = True) -> dict[str, int]:
    """Rows per table; with ``logins=False`` the audit count leaves out login entries
    (every CLI command logs in, and every login is audited)."""
    with services.engine.connect() as conn:
        counts = {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }
        if not logins:
            counts["audit_log"] = conn.execute(
                select(func.count()).select_from(AuditRow).where(AuditRow.action != "login")
            ).scalar_one()
    return counts
