"""The stored weekly slot template (issue 14): start slots per weekday and session kind.

``slot_templates`` holds one row per build (who, when, from which history, on how many
chairs, with which session value, and the weekdays CP-SAT proved optimal as digits 0-6);
``slot_template_starts`` its starts: weekday, start minute of the local day, the kind (chair,
set-up and take-down minutes) and how many sessions of it start there. The template in force
is the newest one not superseded; a new build supersedes it (``superseded_at``), and older
ones are kept for the compliance history.

Existing clinics upgrade with no template: the slot finder behaves as before until a manager
builds one.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence
from importlib import import_module

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_TABLES = ("slot_templates", "slot_template_starts")

# PostgreSQL: the clinic server's role builds templates (the service checks who may:
# managers and administrators). A header is only ever superseded (UPDATE of superseded_at),
# its starts never change: no UPDATE or DELETE on them. The grant list grows through 0011's
# grant_role_function, and both tables are audited like the waitlist (0014), so a write that
# names no actor is refused by clinic_row_audit().
TEMPLATE_PRIVILEGES = {
    "slot_templates": "SELECT, INSERT, UPDATE",
    "slot_template_starts": "SELECT, INSERT",
}


def _server_tables() -> dict[str, str]:
    earlier = import_module("clinic_app.persistence.migrations.versions.0014_waitlist")
    return {**earlier.SERVER_TABLES, **TEMPLATE_PRIVILEGES}


SERVER_TABLES = _server_tables()


def _grant_function(tables: dict[str, str]) -> str:
    server_role = import_module("clinic_app.persistence.migrations.versions.0011_server_role")
    return str(server_role.grant_role_function(tables))


def upgrade() -> None:
    """Create the template tables (and their grants and audit triggers on PostgreSQL)."""
    op.create_table(
        "slot_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("built_by", sa.String(length=80), nullable=False),
        sa.Column("history_from", sa.Date(), nullable=False),
        sa.Column("history_to", sa.Date(), nullable=False),
        sa.Column("chairs", sa.Integer(), nullable=False),
        sa.Column("session_value", sa.Integer(), nullable=False),
        sa.Column("optimal_weekdays", sa.String(length=7), nullable=False),
        sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "history_from <= history_to", name=op.f("ck_slot_templates_history_in_order")
        ),
        sa.CheckConstraint("chairs >= 0", name=op.f("ck_slot_templates_chairs_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slot_templates")),
    )
    op.create_table(
        "slot_template_starts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("chair_minutes", sa.Integer(), nullable=False),
        sa.Column("setup_minutes", sa.Integer(), nullable=False),
        sa.Column("takedown_minutes", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "weekday BETWEEN 0 AND 6", name=op.f("ck_slot_template_starts_weekday_known")
        ),
        sa.CheckConstraint(
            "start_minute BETWEEN 0 AND 1439", name=op.f("ck_slot_template_starts_minute_of_day")
        ),
        sa.CheckConstraint(
            "chair_minutes > 0 AND setup_minutes >= 0 AND takedown_minutes >= 0 "
            "AND setup_minutes + takedown_minutes <= chair_minutes",
            name=op.f("ck_slot_template_starts_kind_fits"),
        ),
        sa.CheckConstraint("count >= 1", name=op.f("ck_slot_template_starts_count_positive")),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["slot_templates.id"],
            name=op.f("fk_slot_template_starts_template_id_slot_templates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slot_template_starts")),
    )
    op.create_index(
        op.f("ix_slot_template_starts_template_id"),
        "slot_template_starts",
        ["template_id"],
        unique=False,
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_grant_function(SERVER_TABLES))
        for table in NEW_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_row_audit AFTER INSERT OR UPDATE OR DELETE ON "
                f"{table} FOR EACH ROW EXECUTE FUNCTION clinic_row_audit()"
            )


def downgrade() -> None:
    """Drop the template tables."""
    if op.get_bind().dialect.name == "postgresql":
        earlier = import_module("clinic_app.persistence.migrations.versions.0014_waitlist")
        op.execute(_grant_function(earlier.SERVER_TABLES))
    op.drop_index(op.f("ix_slot_template_starts_template_id"), table_name="slot_template_starts")
    op.drop_table("slot_template_starts")
    op.drop_table("slot_templates")
