"""The waitlist: patients waiting for an earlier slot of one therapy.

One table, ``waitlist_entries``; offers are computed by the booking engine's dry run, and a
taken offer links the entry to the session it booked (``session_id``).

Revision ID: 0014
Revises: 0013 (the lead re-chains at the merge)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "status IN ('waiting', 'offered', 'booked', 'withdrawn', 'expired')"

# PostgreSQL: the desk and the nurses add, withdraw and book entries; managers and admins read.
# Groups a later revision dropped are skipped.
PG_GRANTS = (
    ("clinic_front_desk", "SELECT, INSERT, UPDATE"),
    ("clinic_nurse", "SELECT, INSERT, UPDATE"),
    ("clinic_manager", "SELECT"),
    ("clinic_admin", "SELECT"),
)


def _grant(verb: str) -> None:
    for group, rights in PG_GRANTS:
        if verb == "GRANT":
            sql = f"GRANT {rights} ON waitlist_entries TO {group}"
            seq = f"GRANT USAGE ON SEQUENCE waitlist_entries_id_seq TO {group}"
        else:
            sql = f"REVOKE {rights} ON waitlist_entries FROM {group}"
            seq = f"REVOKE USAGE ON SEQUENCE waitlist_entries_id_seq FROM {group}"
        statements = [sql] + ([seq] if "INSERT" in rights else [])
        for statement in statements:
            op.execute(
                "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"'{group}') THEN EXECUTE '{statement}'; END IF; END $$"
            )


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
        _grant("GRANT")


def downgrade() -> None:
    """Drop the waitlist."""
    if op.get_bind().dialect.name == "postgresql":
        _grant("REVOKE")
    op.drop_index("ix_waitlist_entries_status_id", table_name="waitlist_entries")
    op.drop_index(op.f("ix_waitlist_entries_patient_id"), table_name="waitlist_entries")
    op.drop_table("waitlist_entries")
