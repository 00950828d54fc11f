"""Nurses, their shifts and breaks, the clinic's nurse ratio, and nurse assignments (issue 14).

A nurse is staff on the rota (not necessarily an app user). A shift is one nurse's time on one
day in the clinic's local time, with its breaks. ``clinic_settings.nurse_ratio`` is the number
of patients one nurse monitors at once (default 4). ``nurse_assignments`` stores which nurse
looks after a session, once someone assigns or reassigns it.

Existing clinics upgrade with no nurse and no shift: a day without a rota is not
nurse-checked, so every booking behaves as before until the clinic enters its rota.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence
from importlib import import_module

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_TABLES = ("nurses", "nurse_shifts", "nurse_breaks", "nurse_assignments")
RATIO_CHECK = "nurse_ratio >= 1"


def _server_tables() -> dict[str, str]:
    """0011's server privileges and this revision's tables (the server keeps the rota and the
    assignments; the service checks who may)."""
    earlier = import_module("clinic_app.persistence.migrations.versions.0011_server_role")
    return {
        **earlier.SERVER_TABLES,
        "nurses": "SELECT, INSERT, UPDATE",
        "nurse_shifts": "SELECT, INSERT, UPDATE, DELETE",
        "nurse_breaks": "SELECT, INSERT, UPDATE, DELETE",
        "nurse_assignments": "SELECT, INSERT, UPDATE, DELETE",
    }


SERVER_TABLES = _server_tables()


def _pg_statements() -> list[str]:
    earlier = import_module("clinic_app.persistence.migrations.versions.0011_server_role")
    return [
        # The server role's grant list with the new tables; clinic_secure_database() (run by
        # migrate after every upgrade) applies it to the clinic's server roles.
        earlier.grant_role_function(SERVER_TABLES),
        *[
            f"""
            CREATE TRIGGER {table}_row_audit AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION clinic_row_audit()
            """
            for table in NEW_TABLES
        ],
    ]


def upgrade() -> None:
    """Create the nurse tables and the ratio column."""
    op.create_table(
        "nurses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nurses")),
        sa.UniqueConstraint("name", name=op.f("uq_nurses_name")),
    )
    op.create_table(
        "nurse_shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nurse_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=False),
        sa.CheckConstraint("starts < ends", name=op.f("ck_nurse_shifts_starts_before_ends")),
        sa.ForeignKeyConstraint(
            ["nurse_id"], ["nurses.id"], name=op.f("fk_nurse_shifts_nurse_id_nurses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nurse_shifts")),
        sa.UniqueConstraint("nurse_id", "day", name="one_shift_per_day"),
    )
    op.create_index("ix_nurse_shifts_day", "nurse_shifts", ["day"])
    op.create_table(
        "nurse_breaks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=False),
        sa.CheckConstraint("starts < ends", name=op.f("ck_nurse_breaks_starts_before_ends")),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["nurse_shifts.id"], name=op.f("fk_nurse_breaks_shift_id_nurse_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nurse_breaks")),
    )
    op.create_index("ix_nurse_breaks_shift_id", "nurse_breaks", ["shift_id"])
    op.create_table(
        "nurse_assignments",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("nurse_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by", sa.String(length=80), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_nurse_assignments_session_id_sessions")
        ),
        sa.ForeignKeyConstraint(
            ["nurse_id"], ["nurses.id"], name=op.f("fk_nurse_assignments_nurse_id_nurses")
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_nurse_assignments")),
    )
    op.create_index("ix_nurse_assignments_nurse_id", "nurse_assignments", ["nurse_id"])
    name = op.f("ck_clinic_settings_nurse_ratio_positive")
    if op.get_bind().dialect.name == "sqlite":
        # A column CHECK in ADD COLUMN: no rebuild of clinic_settings (batch mode would).
        op.execute(
            "ALTER TABLE clinic_settings ADD COLUMN nurse_ratio INTEGER NOT NULL DEFAULT 4 "
            f"CONSTRAINT {name} CHECK ({RATIO_CHECK})"
        )
    else:
        op.add_column(
            "clinic_settings",
            sa.Column("nurse_ratio", sa.Integer(), nullable=False, server_default="4"),
        )
        op.create_check_constraint(name, "clinic_settings", RATIO_CHECK)
    if op.get_bind().dialect.name == "postgresql":
        for statement in _pg_statements():
            op.execute(statement)


def downgrade() -> None:
    """Drop the nurse tables and the ratio column (plain DROP COLUMN, SQLite 3.35+)."""
    if op.get_bind().dialect.name == "postgresql":
        earlier = import_module("clinic_app.persistence.migrations.versions.0011_server_role")
        op.execute(earlier.grant_role_function(earlier.SERVER_TABLES))
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(
            op.f("ck_clinic_settings_nurse_ratio_positive"), "clinic_settings", type_="check"
        )
    op.drop_column("clinic_settings", "nurse_ratio")
    op.drop_index("ix_nurse_assignments_nurse_id", table_name="nurse_assignments")
    op.drop_table("nurse_assignments")
    op.drop_index("ix_nurse_breaks_shift_id", table_name="nurse_breaks")
    op.drop_table("nurse_breaks")
    op.drop_index("ix_nurse_shifts_day", table_name="nurse_shifts")
    op.drop_table("nurse_shifts")
    op.drop_table("nurses")
