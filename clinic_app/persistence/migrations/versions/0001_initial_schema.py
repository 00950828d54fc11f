"""Initial schema: clinic settings, chairs, lab station, patients, exposures, sessions, labs, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 03:21:00.766693
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_at", ["at_utc"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "chairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chairs")),
        sa.UniqueConstraint("name", name=op.f("uq_chairs_name")),
    )
    op.create_table(
        "clinic_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_clinic_settings_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinic_settings")),
    )
    op.create_table(
        "closed_dates",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_closed_dates")),
    )
    op.create_table(
        "lab_stations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("draws_per_slot", sa.Integer(), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("draws_per_slot > 0", name=op.f("ck_lab_stations_positive_capacity")),
        sa.CheckConstraint("slot_minutes > 0", name=op.f("ck_lab_stations_positive_slot")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_stations")),
        sa.UniqueConstraint("name", name=op.f("uq_lab_stations_name")),
    )
    op.create_table(
        "opening_hours",
        sa.Column("weekday", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
        sa.CheckConstraint("opens < closes", name=op.f("ck_opening_hours_opens_before_closes")),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_opening_hours_weekday_range")),
        sa.PrimaryKeyConstraint("weekday", name=op.f("pk_opening_hours")),
    )
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mrn", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("mrn", name=op.f("uq_patients_mrn")),
    )
    op.create_table(
        "rule_settings",
        sa.Column("rule_id", sa.String(length=10), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("rule_id", name=op.f("pk_rule_settings")),
    )
    op.create_table(
        "exposures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("drug_code", sa.String(length=60), nullable=False),
        sa.Column("last_dose_date", sa.Date(), nullable=True),
        sa.Column("ongoing_since", sa.Date(), nullable=True),
        sa.Column("where_given", sa.String(length=200), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(last_dose_date IS NULL) <> (ongoing_since IS NULL)",
            name=op.f("ck_exposures_one_date"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_exposures_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposures")),
    )
    with op.batch_alter_table("exposures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exposures_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "lab_appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("tests", sa.String(length=200), nullable=False),
        sa.Column("due_from", sa.Date(), nullable=False),
        sa.Column("due_to", sa.Date(), nullable=False),
        sa.Column("start_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('booked', 'completed', 'cancelled', 'no-show')",
            name=op.f("ck_lab_appointments_status_known"),
        ),
        sa.CheckConstraint(
            "end_utc > start_utc", name=op.f("ck_lab_appointments_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_lab_appointments_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["lab_stations.id"],
            name=op.f("fk_lab_appointments_station_id_lab_stations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_appointments")),
    )
    with op.batch_alter_table("lab_appointments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_lab_appointments_patient_start", ["patient_id", "start_utc"], unique=False
        )
        batch_op.create_index(
            "ix_lab_appointments_station_start", ["station_id", "start_utc"], unique=False
        )

    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=False),
        sa.Column("therapy_code", sa.String(length=60), nullable=False),
        sa.Column("start_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("course_id", sa.String(length=40), nullable=True),
        sa.Column("regimen", sa.String(length=20), nullable=True),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('booked', 'arrived', 'in-chair', 'completed', 'cancelled', 'no-show')",
            name=op.f("ck_sessions_status_known"),
        ),
        sa.CheckConstraint("end_utc > start_utc", name=op.f("ck_sessions_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["chair_id"], ["chairs.id"], name=op.f("fk_sessions_chair_id_chairs")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_sessions_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index("ix_sessions_chair_start", ["chair_id", "start_utc"], unique=False)
        batch_op.create_index(
            "ix_sessions_patient_start", ["patient_id", "start_utc"], unique=False
        )
        batch_op.create_index("ix_sessions_start", ["start_utc"], unique=False)

    op.create_table(
        "lab_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lab_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("tests", sa.String(length=200), nullable=False),
        sa.Column("due_from", sa.Date(), nullable=False),
        sa.Column("due_to", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lab_id"], ["lab_appointments.id"], name=op.f("fk_lab_links_lab_id_lab_appointments")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_lab_links_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_links")),
        sa.UniqueConstraint("lab_id", "session_id", "rule_id", name="one_link"),
    )
    with op.batch_alter_table("lab_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lab_links_lab_id"), ["lab_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lab_links_session_id"), ["session_id"], unique=False)

    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("overridden_by", sa.String(length=80), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_overrides_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overrides")),
    )
    with op.batch_alter_table("overrides", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_overrides_session_id"), ["session_id"], unique=False)

    op.create_table(
        "session_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=10), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("evidence", sa.String(length=2), nullable=False),
        sa.Column("override_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["override_id"],
            ["overrides.id"],
            name=op.f("fk_session_findings_override_id_overrides"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_session_findings_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_findings")),
    )
    with op.batch_alter_table("session_findings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_findings_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("session_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_findings_session_id"))

    op.drop_table("session_findings")
    with op.batch_alter_table("overrides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_overrides_session_id"))

    op.drop_table("overrides")
    with op.batch_alter_table("lab_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lab_links_session_id"))
        batch_op.drop_index(batch_op.f("ix_lab_links_lab_id"))

    op.drop_table("lab_links")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_start")
        batch_op.drop_index("ix_sessions_patient_start")
        batch_op.drop_index("ix_sessions_chair_start")

    op.drop_table("sessions")
    with op.batch_alter_table("lab_appointments", schema=None) as batch_op:
        batch_op.drop_index("ix_lab_appointments_station_start")
        batch_op.drop_index("ix_lab_appointments_patient_start")

    op.drop_table("lab_appointments")
    with op.batch_alter_table("exposures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exposures_patient_id"))

    op.drop_table("exposures")
    op.drop_table("rule_settings")
    op.drop_table("patients")
    op.drop_table("opening_hours")
    op.drop_table("lab_stations")
    op.drop_table("closed_dates")
    op.drop_table("clinic_settings")
    op.drop_table("chairs")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_patient_id"))
        batch_op.drop_index("ix_audit_log_at")

    op.drop_table("audit_log")
