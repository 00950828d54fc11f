"""The waitlist: patients waiting for an earlier slot of one therapy.

One table, ``waitlist_entries``; offers are computed by the booking engine's dry run, and a
taken offer links the entry to the session it booked (``session_id``).

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence
from importlib import import_module

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "status IN ('waiting', 'offered', 'booked', 'withdrawn', 'expired')"

# PostgreSQL: the clinic server's role keeps the waitlist (the service checks who may: desk
# and nurses write, managers read); its grant list grows by this table (0011's
# grant_role_function, applied to the server roles by clinic_secure_database() after the
# upgrade), and the table's rows are audited like the nurse tables' (0012).
WAITLIST_PRIVILEGES = "SELECT, INSERT, UPDATE"


def _server_tables() -> dict[str, str]:
    earlier = import_module("clinic_app.persistence.migrations.versions.0012_nurse_capacity")
    return {**earlier.SERVER_TABLES, "waitlist_entries": WAITLIST_PRIVILEGES}


SERVER_TABLES = _server_tables()


def _grant_function(tables: dict[str, str]) -> str:
    server_role = import_module("clinic_app.persistence.migrations.versions.0011_server_role")
    return str(server_role.grant_role_function(tables))


def upgrade() -> None:
    """Create the waitlist table (and its grants on PostgreSQL)."""
    op.create_table(
        "waitlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("therapy_code", sa.String(length=60), nullable=False),
        sa.Column("earliest_date", sa.Date(), nullable=False),
        sa.Column("latest_date", sa.Date(), nullable=False),
        sa.Column("preferred_weekdays", sa.String(length=7), nullable=False),
        sa.Column("preferred_from", sa.Time(), nullable=True),
        sa.Column("preferred_until", sa.Time(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(STATUSES, name=op.f("ck_waitlist_entries_status_known")),
        sa.CheckConstraint(
            "earliest_date <= latest_date", name=op.f("ck_waitlist_entries_dates_in_order")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_waitlist_entries_patient_id_patients"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_waitlist_entries_session_id_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waitlist_entries")),
    )
    op.create_index(
        op.f("ix_waitlist_entries_patient_id"), "waitlist_entries", ["patient_id"], unique=False
    )
    op.create_index(
        "ix_waitlist_entries_status_id", "waitlist_entries", ["status", "id"], unique=False
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_grant_function(SERVER_TABLES))
        op.execute(
            "CREATE TRIGGER waitlist_entries_row_audit AFTER INSERT OR UPDATE OR DELETE ON "
            "waitlist_entries FOR EACH ROW EXECUTE FUNCTION clinic_row_audit()"
        )


def downgrade() -> None:
    """Drop the waitlist."""
    if op.get_bind().dialect.name == "postgresql":
        earlier = import_module("clinic_app.persistence.migrations.versions.0012_nurse_capacity")
        op.execute(_grant_function(earlier.SERVER_TABLES))
    op.drop_index("ix_waitlist_entries_status_id", table_name="waitlist_entries")
    op.drop_index(op.f("ix_waitlist_entries_patient_id"), table_name="waitlist_entries")
    op.drop_table("waitlist_entries")
