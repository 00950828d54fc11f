"""PostgreSQL deployments: a group role per app role, least-privilege grants, in-database audit.

The PCs are thick clients: each app user logs in to PostgreSQL as their own login role, a
member of one group (``clinic_front_desk``, ``clinic_nurse``, ``clinic_manager``,
``clinic_admin``). The grants give each group only what its app role may do, so a user who
connects with psql and their own password can do no more than the app lets them:

- nobody may UPDATE, DELETE or TRUNCATE the audit trail, and nobody inserts into it directly:
  rows are written by SECURITY DEFINER functions and triggers that record ``session_user``;
- only nurses may write overrides or move a session into arrived / in-chair / completed /
  no-show (a trigger checks the group of ``session_user``);
- managers read; administrators change clinic settings, chairs, rules and users.

SQLite has no roles: there the app's service layer is the only gate.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = ("clinic_front_desk", "clinic_nurse", "clinic_manager", "clinic_admin")
ALL_TABLES = (
    "alembic_version",
    "clinic_settings",
    "opening_hours",
    "closed_dates",
    "chairs",
    "lab_stations",
    "patients",
    "exposures",
    "sessions",
    "session_findings",
    "overrides",
    "lab_appointments",
    "lab_links",
    "rule_settings",
    "audit_log",
)
REFERENCE = (
    "alembic_version",
    "clinic_settings",
    "opening_hours",
    "closed_dates",
    "chairs",
    "lab_stations",
    "rule_settings",
)
BOOKING = ("patients", "exposures", "sessions", "session_findings", "lab_appointments", "lab_links")
AUDITED = (
    "patients",
    "exposures",
    "sessions",
    "overrides",
    "lab_appointments",
    "chairs",
    "clinic_settings",
    "opening_hours",
    "closed_dates",
    "lab_stations",
    "rule_settings",
    "users",
)

STATEMENTS = [
    *[
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN
                CREATE ROLE {group} NOLOGIN;
            END IF;
        END $$
        """
        for group in GROUPS
    ],
    f"REVOKE ALL ON {', '.join(ALL_TABLES)}, users FROM PUBLIC",
    f"GRANT USAGE ON SCHEMA public TO {', '.join(GROUPS)}",
    f"GRANT SELECT ON {', '.join(REFERENCE)} TO {', '.join(GROUPS)}",
    # password_hash stays empty on PostgreSQL (the server checks passwords), so users is readable.
    f"GRANT SELECT ON users TO {', '.join(GROUPS)}",
    # Front desk and nurses: book, move, cancel, patients and exposures.
    f"GRANT SELECT, INSERT, UPDATE ON {', '.join(BOOKING)} TO clinic_front_desk, clinic_nurse",
    "GRANT DELETE ON session_findings, lab_links TO clinic_front_desk, clinic_nurse",
    "GRANT SELECT ON overrides TO clinic_front_desk, clinic_nurse, clinic_manager, clinic_admin",
    "GRANT INSERT ON overrides TO clinic_nurse",
    # Managers: read everything, including the audit trail.
    f"GRANT SELECT ON {', '.join(BOOKING)}, audit_log TO clinic_manager, clinic_admin",
    # Administrators: clinic settings, chairs, rule parameters, users.
    "GRANT INSERT, UPDATE ON clinic_settings, opening_hours, closed_dates, chairs, lab_stations,"
    " rule_settings TO clinic_admin",
    "GRANT DELETE ON closed_dates, opening_hours, rule_settings TO clinic_admin",
    "GRANT INSERT ON users TO clinic_admin",
    "GRANT UPDATE (full_name, role, active, failed_attempts, locked_until) ON users "
    "TO clinic_admin",
    f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {', '.join(GROUPS)}",
    # The invariant guards lock the patient and lab-station rows whoever inserts; they run
    # with the owner's rights so a booking role needs no UPDATE right on lab_stations.
    "ALTER FUNCTION clinic_session_patient_guard() SECURITY DEFINER SET search_path = public",
    "ALTER FUNCTION clinic_lab_guard() SECURITY DEFINER SET search_path = public",
    "ALTER FUNCTION clinic_hours_guard() SECURITY DEFINER SET search_path = public",
    # The app's own audit entries go through this function. A per-user login is recorded as
    # itself, whatever the client claims; only a maintenance login (not in any clinic group,
    # e.g. the database owner) may name the app user it acts for.
    """
    CREATE FUNCTION clinic_actor(p_claimed text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT CASE
            WHEN EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                         JOIN pg_roles u ON u.oid = m.member
                         WHERE u.rolname = session_user AND g.rolname LIKE 'clinic\\_%')
            THEN session_user::text
            ELSE coalesce(nullif(p_claimed, ''), session_user::text)
        END
    $$
    """,
    """
    CREATE FUNCTION clinic_audit(p_actor text, p_action text, p_entity text,
                                 p_entity_id integer, p_patient_id integer,
                                 p_before text, p_after text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        INSERT INTO audit_log (at_utc, actor, action, entity, entity_id, patient_id,
                               before_json, after_json)
        VALUES (now(), clinic_actor(p_actor), p_action, p_entity, p_entity_id, p_patient_id,
                p_before, p_after);
    END $$
    """,
    "REVOKE ALL ON FUNCTION clinic_audit(text, text, text, integer, integer, text, text) "
    "FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION clinic_audit(text, text, text, integer, integer, text, text) "
    f"TO {', '.join(GROUPS)}",
    # Row changes made by anyone, through the app or not, land in the audit trail.
    """
    CREATE FUNCTION clinic_row_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE
        old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
        row_data jsonb := coalesce(new_row, old_row);
    BEGIN
        old_row := old_row - 'password_hash';
        new_row := new_row - 'password_hash';
        INSERT INTO audit_log (at_utc, actor, action, entity, entity_id, patient_id,
                               before_json, after_json)
        VALUES (now(), session_user, 'db-' || lower(TG_OP), TG_TABLE_NAME,
                (row_data ->> 'id')::integer,
                CASE WHEN TG_TABLE_NAME = 'patients' THEN (row_data ->> 'id')::integer
                     ELSE (row_data ->> 'patient_id')::integer END,
                old_row::text, new_row::text);
        RETURN NULL;
    END $$
    """,
    *[
        f"""
        CREATE TRIGGER {table}_row_audit AFTER INSERT OR UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION clinic_row_audit()
        """
        for table in AUDITED
    ],
    # Clinical status changes are for nurses (and the database owner running maintenance).
    """
    CREATE FUNCTION clinic_status_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status
           AND (NEW.status IN ('arrived', 'in-chair', 'completed', 'no-show')
                OR OLD.status IN ('arrived', 'in-chair', 'completed', 'no-show'))
           AND NOT pg_has_role(session_user, 'clinic_nurse', 'MEMBER')
           AND NOT pg_has_role(session_user,
                               (SELECT pg_get_userbyid(d.datdba) FROM pg_database d
                                WHERE d.datname = current_database()), 'MEMBER') THEN
            RAISE EXCEPTION 'only a nurse may change a session to %', NEW.status
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER sessions_status_guard BEFORE UPDATE OF status ON sessions
    FOR EACH ROW EXECUTE FUNCTION clinic_status_guard()
    """,
]


def upgrade() -> None:
    """Install roles, grants and audit triggers (PostgreSQL only)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    """Remove the triggers and functions; group roles stay (they are cluster-wide)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS sessions_status_guard ON sessions")
    op.execute("DROP FUNCTION IF EXISTS clinic_status_guard()")
    for table in AUDITED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_row_audit ON {table}")
    op.execute("DROP FUNCTION IF EXISTS clinic_row_audit()")
    op.execute(
        "DROP FUNCTION IF EXISTS clinic_audit(text, text, text, integer, integer, text, text)"
    )
    op.execute("DROP FUNCTION IF EXISTS clinic_actor(text)")
    for group in GROUPS:
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}")
