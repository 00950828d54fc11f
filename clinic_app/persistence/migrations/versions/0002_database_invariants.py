"""Database-level invariants: no double-booked chair or patient, lab capacity, hours, audit.

The service checks all of these first to give a clear message; the database enforces them
again so that two PCs booking at the same instant can never both succeed.

PostgreSQL: exclusion constraints (btree_gist) for chair and same-table patient overlaps;
triggers that lock the patient row (cross-table overlap: sessions vs lab draws) and the lab
station row (capacity) before checking, so concurrent transactions serialise on them; a trigger
that checks opening hours in the clinic's zone. SQLite: one writer at a time (BEGIN IMMEDIATE),
so plain triggers see every committed row. Both: the audit trail refuses UPDATE and DELETE.

Violations raise messages starting with ``clinic_conflict:<kind>`` that the unit of work maps
to a scheduling conflict.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = "status NOT IN ('cancelled', 'no-show')"

SQLITE_TRIGGERS = (
    [
        # Chair: no two active sessions overlap in one chair.
        f"""
    CREATE TRIGGER sessions_chair_overlap_{op_name}
    BEFORE {event} ON sessions
    WHEN NEW.{ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'clinic_conflict:chair')
        WHERE EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.chair_id = NEW.chair_id AND s.id IS NOT NEW.id AND s.{ACTIVE}
              AND s.start_utc < NEW.end_utc AND NEW.start_utc < s.end_utc);
    END
    """
        for op_name, event in (("ins", "INSERT"), ("upd", "UPDATE"))
    ]
    + [
        # Patient: never in two places (session vs session, session vs lab draw).
        f"""
    CREATE TRIGGER sessions_patient_overlap_{op_name}
    BEFORE {event} ON sessions
    WHEN NEW.{ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'clinic_conflict:patient')
        WHERE EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.patient_id = NEW.patient_id AND s.id IS NOT NEW.id AND s.{ACTIVE}
              AND s.start_utc < NEW.end_utc AND NEW.start_utc < s.end_utc)
        OR EXISTS (
            SELECT 1 FROM lab_appointments l
            WHERE l.patient_id = NEW.patient_id AND l.{ACTIVE}
              AND l.start_utc < NEW.end_utc AND NEW.start_utc < l.end_utc);
    END
    """
        for op_name, event in (("ins", "INSERT"), ("upd", "UPDATE"))
    ]
    + [
        f"""
    CREATE TRIGGER labs_patient_overlap_{op_name}
    BEFORE {event} ON lab_appointments
    WHEN NEW.{ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'clinic_conflict:patient')
        WHERE EXISTS (
            SELECT 1 FROM lab_appointments l
            WHERE l.patient_id = NEW.patient_id AND l.id IS NOT NEW.id AND l.{ACTIVE}
              AND l.start_utc < NEW.end_utc AND NEW.start_utc < l.end_utc)
        OR EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.patient_id = NEW.patient_id AND s.{ACTIVE}
              AND s.start_utc < NEW.end_utc AND NEW.start_utc < s.end_utc);
        SELECT RAISE(ABORT, 'clinic_conflict:lab_capacity')
        WHERE (
            SELECT count(*) FROM lab_appointments l
            WHERE l.station_id = NEW.station_id AND l.id IS NOT NEW.id AND l.{ACTIVE}
              AND l.start_utc < NEW.end_utc AND NEW.start_utc < l.end_utc
        ) >= (SELECT draws_per_slot FROM lab_stations WHERE id = NEW.station_id);
    END
    """
        for op_name, event in (("ins", "INSERT"), ("upd", "UPDATE"))
    ]
    + [
        f"""
    CREATE TRIGGER audit_log_no_{verb.lower()}
    BEFORE {verb} ON audit_log
    BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
    END
    """
        for verb in ("UPDATE", "DELETE")
    ]
)

POSTGRES_STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"""
    ALTER TABLE sessions ADD CONSTRAINT ex_sessions_chair_overlap
    EXCLUDE USING gist (chair_id WITH =, tstzrange(start_utc, end_utc) WITH &&)
    WHERE ({ACTIVE})
    """,
    f"""
    ALTER TABLE sessions ADD CONSTRAINT ex_sessions_patient_overlap
    EXCLUDE USING gist (patient_id WITH =, tstzrange(start_utc, end_utc) WITH &&)
    WHERE ({ACTIVE})
    """,
    f"""
    ALTER TABLE lab_appointments ADD CONSTRAINT ex_lab_appointments_patient_overlap
    EXCLUDE USING gist (patient_id WITH =, tstzrange(start_utc, end_utc) WITH &&)
    WHERE ({ACTIVE})
    """,
    # Cross-table patient overlap: lock the patient row first so that two transactions
    # booking the same patient serialise, then look in the other table.
    f"""
    CREATE FUNCTION clinic_session_patient_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.{ACTIVE} THEN
            PERFORM 1 FROM patients WHERE id = NEW.patient_id FOR UPDATE;
            IF EXISTS (SELECT 1 FROM lab_appointments l
                       WHERE l.patient_id = NEW.patient_id AND l.{ACTIVE}
                         AND l.start_utc < NEW.end_utc AND NEW.start_utc < l.end_utc) THEN
                RAISE EXCEPTION 'clinic_conflict:patient' USING ERRCODE = '23P01';
            END IF;
        END IF;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE FUNCTION clinic_lab_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        capacity integer;
        taken integer;
    BEGIN
        IF NEW.{ACTIVE} THEN
            PERFORM 1 FROM patients WHERE id = NEW.patient_id FOR UPDATE;
            IF EXISTS (SELECT 1 FROM sessions s
                       WHERE s.patient_id = NEW.patient_id AND s.{ACTIVE}
                         AND s.start_utc < NEW.end_utc AND NEW.start_utc < s.end_utc) THEN
                RAISE EXCEPTION 'clinic_conflict:patient' USING ERRCODE = '23P01';
            END IF;
            SELECT draws_per_slot INTO capacity FROM lab_stations
                WHERE id = NEW.station_id FOR UPDATE;
            SELECT count(*) INTO taken FROM lab_appointments l
                WHERE l.station_id = NEW.station_id AND l.id <> NEW.id AND l.{ACTIVE}
                  AND l.start_utc < NEW.end_utc AND NEW.start_utc < l.end_utc;
            IF taken >= capacity THEN
                RAISE EXCEPTION 'clinic_conflict:lab_capacity' USING ERRCODE = '23P01';
            END IF;
        END IF;
        RETURN NEW;
    END $$
    """,
    # Opening hours and closed dates, evaluated in the clinic's own zone.
    f"""
    CREATE FUNCTION clinic_hours_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        zone text;
        local_start timestamp;
        local_end timestamp;
        hours record;
    BEGIN
        IF NOT NEW.{ACTIVE} THEN
            RETURN NEW;
        END IF;
        SELECT timezone INTO zone FROM clinic_settings WHERE id = 1;
        local_start := NEW.start_utc AT TIME ZONE zone;
        local_end := NEW.end_utc AT TIME ZONE zone;
        IF EXISTS (SELECT 1 FROM closed_dates WHERE day = local_start::date) THEN
            RAISE EXCEPTION 'clinic_conflict:hours' USING ERRCODE = '23514';
        END IF;
        SELECT * INTO hours FROM opening_hours
            WHERE weekday = extract(isodow FROM local_start)::integer - 1;
        IF NOT FOUND OR local_end::date <> local_start::date
           OR local_start::time < hours.opens OR local_end::time > hours.closes THEN
            RAISE EXCEPTION 'clinic_conflict:hours' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER sessions_patient_guard BEFORE INSERT OR UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION clinic_session_patient_guard()
    """,
    """
    CREATE TRIGGER lab_appointments_guard BEFORE INSERT OR UPDATE ON lab_appointments
    FOR EACH ROW EXECUTE FUNCTION clinic_lab_guard()
    """,
    """
    CREATE TRIGGER sessions_hours_guard
    BEFORE INSERT OR UPDATE OF start_utc, end_utc ON sessions
    FOR EACH ROW EXECUTE FUNCTION clinic_hours_guard()
    """,
    """
    CREATE TRIGGER lab_appointments_hours_guard
    BEFORE INSERT OR UPDATE OF start_utc, end_utc ON lab_appointments
    FOR EACH ROW EXECUTE FUNCTION clinic_hours_guard()
    """,
    """
    CREATE FUNCTION clinic_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = '42501';
    END $$
    """,
    """
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION clinic_audit_append_only()
    """,
    """
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_audit_append_only()
    """,
]


def upgrade() -> None:
    """Install the constraints and triggers for this database's dialect."""
    dialect = op.get_bind().dialect.name
    statements = SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_STATEMENTS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    """Remove the constraints and triggers."""
    if op.get_bind().dialect.name == "sqlite":
        for name in (
            "sessions_chair_overlap_ins",
            "sessions_chair_overlap_upd",
            "sessions_patient_overlap_ins",
            "sessions_patient_overlap_upd",
            "labs_patient_overlap_ins",
            "labs_patient_overlap_upd",
            "audit_log_no_update",
            "audit_log_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for table, trigger in (
        ("audit_log", "audit_log_no_truncate"),
        ("audit_log", "audit_log_append_only"),
        ("lab_appointments", "lab_appointments_hours_guard"),
        ("sessions", "sessions_hours_guard"),
        ("lab_appointments", "lab_appointments_guard"),
        ("sessions", "sessions_patient_guard"),
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    for function in (
        "clinic_audit_append_only",
        "clinic_hours_guard",
        "clinic_lab_guard",
        "clinic_session_patient_guard",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.execute("ALTER TABLE lab_appointments DROP CONSTRAINT ex_lab_appointments_patient_overlap")
    op.execute("ALTER TABLE sessions DROP CONSTRAINT ex_sessions_patient_overlap")
    op.execute("ALTER TABLE sessions DROP CONSTRAINT ex_sessions_chair_overlap")
