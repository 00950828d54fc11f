"""Lab results, weights and result alerts; outside injected drugs with an unknown last dose.

Section 7 of the rules file: results recorded against the lab draw (value, SI unit, drawn at,
who entered it or which import delivered it, the lab's flag), the patient's weight per visit,
and the alerts results raise (R2, R3) until a nurse acknowledges them.

Outside exposures: an injected drug (denosumab, zoledronic acid, IV ibandronate) takes a last
dose date or "last dose unknown"; "ongoing since" is for oral bisphosphonates only. Existing
"ongoing since" records of injected drugs become "last dose unknown" (still active for E1),
their date kept as ``unconfirmed_date``.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The injected antiresorptives of the catalog when this revision was written (section 7).
INJECTED = ("denosumab", "zoledronic-acid", "ibandronate")
NEW_TABLES = ("lab_results", "body_weights", "result_alerts")
OLD_CHECK = "(last_dose_date IS NULL) <> (ongoing_since IS NULL)"
NEW_CHECK = (
    "(CASE WHEN last_dose_date IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN ongoing_since IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN last_dose_unknown THEN 1 ELSE 0 END) = 1"
)

PG_GRANTS = [
    f"GRANT SELECT ON {', '.join(NEW_TABLES)} TO clinic_front_desk, clinic_nurse, "
    "clinic_manager, clinic_admin",
    # Nurses record results and weights and acknowledge alerts (the service checks the role
    # too); nobody deletes a result.
    f"GRANT INSERT ON {', '.join(NEW_TABLES)} TO clinic_nurse",
    "GRANT UPDATE ON body_weights TO clinic_nurse",
    "GRANT UPDATE (acknowledged_by, acknowledged_at, note) ON result_alerts TO clinic_nurse",
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO clinic_front_desk, clinic_nurse, "
    "clinic_manager, clinic_admin",
    *[
        f"""
        CREATE TRIGGER {table}_row_audit AFTER INSERT OR UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION clinic_row_audit()
        """
        for table in NEW_TABLES
    ],
]


def upgrade() -> None:
    """Create the results tables, widen exposures, convert injected "ongoing since" records."""
    op.create_table(
        "lab_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("lab_id", sa.Integer(), nullable=False),
        sa.Column("test_code", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("drawn_at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lab_flag", sa.String(length=10), nullable=True),
        sa.Column("entered_by", sa.String(length=80), nullable=False),
        sa.Column("import_source", sa.String(length=200), nullable=True),
        sa.Column("draw_rules", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("value >= 0", name=op.f("ck_lab_results_value_not_negative")),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_lab_results_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["lab_id"], ["lab_appointments.id"], name=op.f("fk_lab_results_lab_id_lab_appointments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_results")),
        sa.UniqueConstraint("lab_id", "test_code", name="one_result_per_test"),
    )
    op.create_index("ix_lab_results_patient_drawn", "lab_results", ["patient_id", "drawn_at_utc"])
    op.create_table(
        "body_weights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("entered_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("weight_kg > 0", name=op.f("ck_body_weights_weight_positive")),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_body_weights_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_weights")),
        sa.UniqueConstraint("patient_id", "measured_on", name="one_weight_per_day"),
    )
    op.create_table(
        "result_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=10), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=80), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "level IN ('ALERT', 'URGENT')", name=op.f("ck_result_alerts_level_known")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_result_alerts_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["result_id"], ["lab_results.id"], name=op.f("fk_result_alerts_result_id_lab_results")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_result_alerts")),
        sa.UniqueConstraint("result_id", "rule_id", name="one_alert_per_rule"),
    )
    op.create_index("ix_result_alerts_patient_id", "result_alerts", ["patient_id"])

    with op.batch_alter_table("exposures", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_dose_unknown", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("unconfirmed_date", sa.Date(), nullable=True))
        batch_op.drop_constraint(op.f("ck_exposures_one_date"), type_="check")
    # Convert before the new check: an injected drug's "ongoing since" was read as its last
    # dose; its true last dose is unknown. It stays active (E1), the date kept unconfirmed.
    codes = ", ".join(f"'{code}'" for code in INJECTED)
    op.execute(
        "UPDATE exposures SET last_dose_unknown = TRUE, unconfirmed_date = ongoing_since, "
        f"ongoing_since = NULL WHERE ongoing_since IS NOT NULL AND drug_code IN ({codes})"
    )
    with op.batch_alter_table("exposures", schema=None) as batch_op:
        batch_op.create_check_constraint(op.f("ck_exposures_one_date"), sa.text(NEW_CHECK))

    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_GRANTS:
            op.execute(statement)


def downgrade() -> None:
    """Drop the results tables; unknown injected exposures go back to "ongoing since"."""
    with op.batch_alter_table("exposures", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_exposures_one_date"), type_="check")
    op.execute(
        "UPDATE exposures SET ongoing_since = COALESCE(unconfirmed_date, CAST(created_at AS DATE))"
        " WHERE last_dose_unknown"
    )
    with op.batch_alter_table("exposures", schema=None) as batch_op:
        batch_op.drop_column("unconfirmed_date")
        batch_op.drop_column("last_dose_unknown")
        batch_op.create_check_constraint(op.f("ck_exposures_one_date"), sa.text(OLD_CHECK))
    op.drop_index("ix_result_alerts_patient_id", table_name="result_alerts")
    op.drop_table("result_alerts")
    op.drop_table("body_weights")
    op.drop_index("ix_lab_results_patient_drawn", table_name="lab_results")
    op.drop_table("lab_results")
