"""PostgreSQL hardening after the red-team findings of issue 11 (nothing changes on SQLite).

What a clinic login could do with ``psql`` and its own password, and what answers it here:

- Temp tables shadowing ``audit_log``, ``lab_stations``, ``opening_hours``,
  ``pg_auth_members`` or ``pg_database`` inside a SECURITY DEFINER function: every function
  of the app is re-created with ``SET search_path = pg_catalog, public, pg_temp`` (pg_temp
  last, never first) and schema-qualified names inside, and TEMP on the database is revoked
  from PUBLIC, so an app login cannot create a temp table at all.
- Functions callable by anyone: EXECUTE on every function of schema ``public`` is revoked
  from PUBLIC (and for the functions later migrations of the owner create, by default); only
  ``clinic_audit`` (every group), ``clinic_create_login``, ``clinic_set_login_enabled`` and
  ``clinic_set_login_group`` (administrators), ``clinic_set_login_password`` (every group, a
  user's own password) and 0008's ``clinic_set_own_password_hash`` (every group, a user's own
  argon2id hash; re-created here with the same pinned body) are granted back.
- CREATE and TEMP on the database, CREATE on schema ``public``, CONNECT on the database:
  revoked from PUBLIC. CONNECT is granted to each login role of this clinic, one by one (the
  group roles are cluster-wide and shared by every clinic on the server, so granting CONNECT
  to a group would let one clinic's desk into another clinic's database).
- The administrator's login had CREATEROLE: with it, on PostgreSQL 15, it could grant itself
  any role (the nurse group, the owner, ``pg_execute_server_program``). Existing
  administrators lose CREATEROLE (revision 0008's role change also gave it to a user promoted
  to administrator: taken back too), and memberships of this clinic's logins in anything but
  their one clinic group are revoked; a deactivated user's login (NOLOGIN since 0008) is cut
  back the same way and stays NOLOGIN. Logins are made, given passwords, switched on and off
  (a user deactivated and re-activated) and moved to another group (a role change) only
  through ``clinic_create_login`` / ``clinic_set_login_password`` /
  ``clinic_set_login_enabled`` / ``clinic_set_login_group``, SECURITY DEFINER functions owned
  by the owner role (the role that runs the migrations, and owns the database and every table)
  that check the caller, the user name's pattern, the app role, a SCRAM secret (never a clear
  password), and refuse to take over or change a role that exists and is not a login of this
  clinic. No administrator is ever given CREATEROLE, on promotion or otherwise.
- A clinic login is: a LOGIN role, no superuser / CREATEROLE / CREATEDB / REPLICATION /
  BYPASSRLS, a member of exactly one clinic group and of nothing else, with CONNECT granted
  explicitly on this database (``clinic_clinic_login``); the same role switched off by a
  deactivation (NOLOGIN) is still this clinic's role (``clinic_clinic_role``).
- Database invariants the service already keeps, now kept by the database as well:
  a session's status changes only along the app's status table (a cancelled session stays
  cancelled); only a nurse completes a lab draw; a finding carries only an override given on
  the same session for the same rule and message.

Database-wide settings (the revokes on the database and on schema public) are also applied by
``clinic_secure_database()``, which every ``clinic-app init`` of the owner runs (after an
upgrade, and at the newest revision too, without Alembic: ``persistence/opening.py``), so a
database restored without its ACLs (``pg_restore`` without ``--create``) is closed again.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = ("clinic_front_desk", "clinic_nurse", "clinic_manager", "clinic_admin")
GROUP_LIST = ", ".join(f"'{g}'" for g in GROUPS)
SAFE = "SET search_path = pg_catalog, public, pg_temp"
ACTIVE = "status NOT IN ('cancelled', 'no-show')"
# The status table of clinic_app.services.booking.STATUS_FLOW when this revision was written.
STATUS_FLOW = {
    "booked": ("arrived", "in-chair", "no-show", "cancelled"),
    "arrived": ("booked", "in-chair", "no-show", "cancelled"),
    "in-chair": ("arrived", "completed"),
    "completed": ("in-chair",),
    "no-show": ("booked",),
    "cancelled": (),
}
ALLOWED_STEPS = ", ".join(
    f"('{old}', '{new}')" for old, targets in STATUS_FLOW.items() for new in targets
)
# The session user is the owner role (or a superuser): maintenance, not a clinic login.
IS_OWNER = (
    "pg_catalog.pg_has_role(session_user, (SELECT d.datdba FROM pg_catalog.pg_database d "
    "WHERE d.datname = pg_catalog.current_database()), 'MEMBER')"
)


def _since(table: str) -> str:
    return (
        f"NEW.start_utc - pg_catalog.make_interval(mins => (SELECT b.max_minutes "
        f"FROM public.interval_bounds b WHERE b.table_name = '{table}'))"
    )


def _overlap(alias: str, table: str) -> str:
    return (
        f"{alias}.start_utc >= {_since(table)} AND {alias}.start_utc < NEW.end_utc "
        f"AND NEW.start_utc < {alias}.end_utc"
    )


PG_MINUTES = "pg_catalog.ceil(extract(epoch FROM NEW.end_utc - NEW.start_utc) / 60)::integer"

FUNCTIONS = [
    # --- the invariant guards of 0002/0005, qualified -------------------------------------
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_session_patient_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        IF NEW.{ACTIVE} THEN
            PERFORM 1 FROM public.patients WHERE id = NEW.patient_id FOR UPDATE;
            IF EXISTS (SELECT 1 FROM public.lab_appointments l
                       WHERE l.patient_id = NEW.patient_id AND l.{ACTIVE}
                         AND {_overlap("l", "lab_appointments")}) THEN
                RAISE EXCEPTION 'clinic_conflict:patient' USING ERRCODE = '23P01';
            END IF;
        END IF;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_lab_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    DECLARE
        capacity integer;
        taken integer;
    BEGIN
        IF NEW.{ACTIVE} THEN
            PERFORM 1 FROM public.patients WHERE id = NEW.patient_id FOR UPDATE;
            IF EXISTS (SELECT 1 FROM public.sessions s
                       WHERE s.patient_id = NEW.patient_id AND s.{ACTIVE}
                         AND {_overlap("s", "sessions")}) THEN
                RAISE EXCEPTION 'clinic_conflict:patient' USING ERRCODE = '23P01';
            END IF;
            SELECT st.draws_per_slot INTO capacity FROM public.lab_stations st
                WHERE st.id = NEW.station_id FOR UPDATE;
            SELECT count(*) INTO taken FROM public.lab_appointments l
                WHERE l.station_id = NEW.station_id AND l.id <> NEW.id AND l.{ACTIVE}
                  AND {_overlap("l", "lab_appointments")};
            IF capacity IS NULL OR taken >= capacity THEN
                RAISE EXCEPTION 'clinic_conflict:lab_capacity' USING ERRCODE = '23P01';
            END IF;
        END IF;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_hours_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    DECLARE
        zone text;
        local_start timestamp;
        local_end timestamp;
        hours record;
    BEGIN
        IF NOT NEW.{ACTIVE} THEN
            RETURN NEW;
        END IF;
        SELECT c.timezone INTO zone FROM public.clinic_settings c WHERE c.id = 1;
        local_start := NEW.start_utc AT TIME ZONE zone;
        local_end := NEW.end_utc AT TIME ZONE zone;
        IF EXISTS (SELECT 1 FROM public.closed_dates c WHERE c.day = local_start::date) THEN
            RAISE EXCEPTION 'clinic_conflict:hours' USING ERRCODE = '23514';
        END IF;
        SELECT * INTO hours FROM public.opening_hours o
            WHERE o.weekday = extract(isodow FROM local_start)::integer - 1;
        IF NOT FOUND OR local_end::date <> local_start::date
           OR local_start::time < hours.opens OR local_end::time > hours.closes THEN
            RAISE EXCEPTION 'clinic_conflict:hours' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_interval_bound() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        UPDATE public.interval_bounds SET max_minutes = {PG_MINUTES}
        WHERE table_name = TG_TABLE_NAME AND max_minutes < {PG_MINUTES};
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql {SAFE} AS $$
    BEGIN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = '42501';
    END $$
    """,
    # --- the audit of 0004, qualified --------------------------------------------------------
    # A clinic login is recorded as itself, whatever it claims; only a login in no clinic
    # group (the owner's maintenance, later the clinic server) names the app user it acts for.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_actor(p_claimed text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
        SELECT CASE
            WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                         JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                         JOIN pg_catalog.pg_roles u ON u.oid = m.member
                         WHERE u.rolname = session_user AND g.rolname IN ({GROUP_LIST}))
            THEN session_user::text
            ELSE coalesce(nullif(p_claimed, ''), session_user::text)
        END
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_audit(p_actor text, p_action text, p_entity text,
                                                   p_entity_id integer, p_patient_id integer,
                                                   p_before text, p_after text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        INSERT INTO public.audit_log (at_utc, actor, action, entity, entity_id, patient_id,
                                      before_json, after_json)
        VALUES (pg_catalog.now(), public.clinic_actor(p_actor), p_action, p_entity,
                p_entity_id, p_patient_id, p_before, p_after);
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_row_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    DECLARE
        old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE')
                              THEN pg_catalog.to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE')
                              THEN pg_catalog.to_jsonb(NEW) END;
        row_data jsonb := coalesce(new_row, old_row);
    BEGIN
        old_row := old_row - 'password_hash';
        new_row := new_row - 'password_hash';
        INSERT INTO public.audit_log (at_utc, actor, action, entity, entity_id, patient_id,
                                      before_json, after_json)
        VALUES (pg_catalog.now(), session_user, 'db-' || pg_catalog.lower(TG_OP),
                TG_TABLE_NAME, (row_data ->> 'id')::integer,
                CASE WHEN TG_TABLE_NAME = 'patients' THEN (row_data ->> 'id')::integer
                     ELSE (row_data ->> 'patient_id')::integer END,
                old_row::text, new_row::text);
        RETURN NULL;
    END $$
    """,
    # --- status changes: nurses only for the clinical ones, and only along the app's table ---
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_status_guard() RETURNS trigger
    LANGUAGE plpgsql {SAFE} AS $$
    BEGIN
        IF NEW.status IS NOT DISTINCT FROM OLD.status OR {IS_OWNER} THEN
            RETURN NEW;
        END IF;
        IF (NEW.status IN ('arrived', 'in-chair', 'completed', 'no-show')
            OR OLD.status IN ('arrived', 'in-chair', 'completed', 'no-show'))
           AND NOT pg_catalog.pg_has_role(session_user, 'clinic_nurse', 'MEMBER') THEN
            RAISE EXCEPTION 'only a nurse may change a session to %', NEW.status
                USING ERRCODE = '42501';
        END IF;
        IF (OLD.status, NEW.status) NOT IN ({ALLOWED_STEPS}) THEN
            RAISE EXCEPTION 'a session cannot go from % to %', OLD.status, NEW.status
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$
    """,
    # A lab draw is completed by recording its result, which is a nurse's work.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_lab_status_guard() RETURNS trigger
    LANGUAGE plpgsql {SAFE} AS $$
    BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status
           AND (NEW.status = 'completed' OR OLD.status = 'completed')
           AND NOT pg_catalog.pg_has_role(session_user, 'clinic_nurse', 'MEMBER')
           AND NOT {IS_OWNER} THEN
            RAISE EXCEPTION 'only a nurse may change a lab draw to %', NEW.status
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$
    """,
    # An override stays with the finding it was given for (same session, rule and message).
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_finding_override_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        IF NEW.override_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM public.overrides o
            WHERE o.id = NEW.override_id AND o.session_id = NEW.session_id
              AND o.rule_id = NEW.rule_id AND o.message = NEW.message) THEN
            RAISE EXCEPTION 'an override covers only the finding it was given for'
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$
    """,
    # --- logins -------------------------------------------------------------------------------
    # A role of this clinic: no attribute but (possibly) LOGIN, in exactly one clinic group and
    # nothing else, and CONNECT granted on this very database (by clinic_create_login or this
    # migration). With LOGIN it is a login of this clinic; without, a deactivated user's.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_clinic_role(p_name text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
        SELECT EXISTS (
            SELECT 1 FROM pg_catalog.pg_roles r
            WHERE r.rolname = p_name AND NOT r.rolsuper
              AND NOT r.rolcreaterole AND NOT r.rolcreatedb AND NOT r.rolreplication
              AND NOT r.rolbypassrls
              AND (SELECT count(*) FROM pg_catalog.pg_auth_members m
                   JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                   WHERE m.member = r.oid AND g.rolname IN ({GROUP_LIST})
                     AND NOT m.admin_option) = 1
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                              JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                              WHERE m.member = r.oid
                                AND (g.rolname NOT IN ({GROUP_LIST}) OR m.admin_option))
              AND EXISTS (SELECT 1 FROM pg_catalog.pg_database d,
                                        pg_catalog.aclexplode(d.datacl) a
                          WHERE d.datname = pg_catalog.current_database()
                            AND a.grantee = r.oid AND a.privilege_type = 'CONNECT'))
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_clinic_login(p_name text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
        SELECT public.clinic_clinic_role(p_name)
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                       WHERE r.rolname = p_name AND r.rolcanlogin)
    $$
    """,
    # Only the owner (maintenance, the first administrator) or this clinic's administrators.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_may_manage_logins() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
        SELECT {IS_OWNER}
            OR (public.clinic_clinic_login(session_user::text)
                AND pg_catalog.pg_has_role(session_user, 'clinic_admin', 'MEMBER'))
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_create_login(p_name text, p_secret text,
                                                          p_role text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    DECLARE
        wanted text := CASE p_role WHEN 'front-desk' THEN 'clinic_front_desk'
                                   WHEN 'nurse' THEN 'clinic_nurse'
                                   WHEN 'manager' THEN 'clinic_manager'
                                   WHEN 'admin' THEN 'clinic_admin' END;
        other text;
    BEGIN
        IF NOT public.clinic_may_manage_logins() THEN
            RAISE EXCEPTION 'only an administrator of this clinic manages its logins'
                USING ERRCODE = '42501';
        END IF;
        IF p_name IS NULL OR p_name !~ '^[a-z][a-z0-9._-]{{0,62}}$' OR p_name ~ '^pg_' THEN
            RAISE EXCEPTION 'clinic_login: % is not a user name', p_name USING ERRCODE = '22023';
        END IF;
        IF wanted IS NULL THEN
            RAISE EXCEPTION 'clinic_login: % is not an app role', p_role USING ERRCODE = '22023';
        END IF;
        IF p_secret IS NULL OR p_secret !~ '^SCRAM-SHA-256\\$' THEN
            RAISE EXCEPTION 'clinic_login: the password must arrive as a SCRAM secret'
                USING ERRCODE = '22023';
        END IF;
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_name) THEN
            IF NOT public.clinic_clinic_login(p_name) THEN
                RAISE EXCEPTION 'clinic_role_taken: a database role named % exists and is not '
                    'a login of this clinic', p_name USING ERRCODE = '42710';
            END IF;
            EXECUTE pg_catalog.format('ALTER ROLE %I PASSWORD %L', p_name, p_secret);
        ELSE
            EXECUTE pg_catalog.format(
                'CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE '
                'NOREPLICATION NOBYPASSRLS PASSWORD %L', p_name, p_secret);
        END IF;
        FOREACH other IN ARRAY ARRAY[{GROUP_LIST}] LOOP
            IF other <> wanted THEN
                EXECUTE pg_catalog.format('REVOKE %I FROM %I', other, p_name);
            END IF;
        END LOOP;
        EXECUTE pg_catalog.format('GRANT %I TO %I', wanted, p_name);
        EXECUTE pg_catalog.format('GRANT CONNECT ON DATABASE %I TO %I',
                                  pg_catalog.current_database(), p_name);
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_set_login_password(p_name text, p_secret text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        IF NOT public.clinic_clinic_role(p_name) THEN
            RAISE EXCEPTION 'clinic_login: % is not a login of this clinic', p_name
                USING ERRCODE = '42501';
        END IF;
        IF NOT (public.clinic_may_manage_logins()
                OR (session_user::text = p_name AND public.clinic_clinic_login(p_name))) THEN
            RAISE EXCEPTION 'only an administrator sets another user''s password'
                USING ERRCODE = '42501';
        END IF;
        IF p_secret IS NULL OR p_secret !~ '^SCRAM-SHA-256\\$' THEN
            RAISE EXCEPTION 'clinic_login: the password must arrive as a SCRAM secret'
                USING ERRCODE = '22023';
        END IF;
        EXECUTE pg_catalog.format('ALTER ROLE %I PASSWORD %L', p_name, p_secret);
    END $$
    """,
    # A user deactivated (NOLOGIN) or re-activated (LOGIN). Only this clinic's administrators
    # (or the owner), only a role of this clinic; no role of that name: nothing to do (false).
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_set_login_enabled(p_name text, p_enabled boolean)
    RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        IF NOT public.clinic_may_manage_logins() THEN
            RAISE EXCEPTION 'only an administrator of this clinic manages its logins'
                USING ERRCODE = '42501';
        END IF;
        IF p_enabled IS NULL THEN
            RAISE EXCEPTION 'clinic_login: say whether the login is enabled'
                USING ERRCODE = '22023';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_name) THEN
            RETURN false;
        END IF;
        IF NOT public.clinic_clinic_role(p_name) THEN
            RAISE EXCEPTION 'clinic_role_taken: a database role named % exists and is not a '
                'login of this clinic', p_name USING ERRCODE = '42501';
        END IF;
        EXECUTE pg_catalog.format(CASE WHEN p_enabled THEN 'ALTER ROLE %I LOGIN'
                                       ELSE 'ALTER ROLE %I NOLOGIN' END, p_name);
        RETURN true;
    END $$
    """,
    # A role change: the role of this clinic moves to the group of the new app role, out of
    # every other clinic group. Never CREATEROLE, for an administrator neither.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_set_login_group(p_name text, p_role text)
    RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    DECLARE
        wanted text := CASE p_role WHEN 'front-desk' THEN 'clinic_front_desk'
                                   WHEN 'nurse' THEN 'clinic_nurse'
                                   WHEN 'manager' THEN 'clinic_manager'
                                   WHEN 'admin' THEN 'clinic_admin' END;
        other text;
    BEGIN
        IF NOT public.clinic_may_manage_logins() THEN
            RAISE EXCEPTION 'only an administrator of this clinic manages its logins'
                USING ERRCODE = '42501';
        END IF;
        IF wanted IS NULL THEN
            RAISE EXCEPTION 'clinic_login: % is not an app role', p_role USING ERRCODE = '22023';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_name) THEN
            RETURN false;
        END IF;
        IF NOT public.clinic_clinic_role(p_name) THEN
            RAISE EXCEPTION 'clinic_role_taken: a database role named % exists and is not a '
                'login of this clinic', p_name USING ERRCODE = '42501';
        END IF;
        FOREACH other IN ARRAY ARRAY[{GROUP_LIST}] LOOP
            IF other <> wanted THEN
                EXECUTE pg_catalog.format('REVOKE %I FROM %I', other, p_name);
            END IF;
        END LOOP;
        EXECUTE pg_catalog.format('GRANT %I TO %I', wanted, p_name);
        RETURN true;
    END $$
    """,
    # Revision 0008's: a user's own argon2id hash, from the direct desktop mode (the hash lands
    # on the row of the login itself, never another's; that user's server sessions end). The
    # same body, re-created here so that every function of the app is this revision's.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_set_own_password_hash(p_hash text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    DECLARE
        v_id integer;
    BEGIN
        UPDATE public.users SET password_hash = p_hash, failed_attempts = 0,
                                locked_until = NULL
         WHERE username = session_user::text
        RETURNING id INTO v_id;
        IF v_id IS NULL THEN
            RAISE EXCEPTION 'no app user for login %', session_user USING ERRCODE = '42501';
        END IF;
        UPDATE public.user_sessions SET revoked_utc = pg_catalog.now(),
                                        revoked_reason = 'password'
         WHERE user_id = v_id AND revoked_utc IS NULL;
    END $$
    """,
    # Database-wide settings: no CONNECT, TEMP or CREATE for PUBLIC, no CREATE on schema
    # public. Only revokes what is there (a REVOKE rewrites the catalogue row, and two of them
    # at once fail with "tuple concurrently updated"). Run by the owner: this migration, and
    # every `clinic-app init` (a database restored without its ACLs is closed again).
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_secure_database() RETURNS void
    LANGUAGE plpgsql {SAFE} AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_database d,
                         pg_catalog.aclexplode(coalesce(d.datacl,
                                                        pg_catalog.acldefault('d', d.datdba))) a
                   WHERE d.datname = pg_catalog.current_database() AND a.grantee = 0) THEN
            EXECUTE pg_catalog.format('REVOKE ALL ON DATABASE %I FROM PUBLIC',
                                      pg_catalog.current_database());
        END IF;
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n,
                         pg_catalog.aclexplode(coalesce(n.nspacl,
                                                        pg_catalog.acldefault('n', n.nspowner))) a
                   WHERE n.nspname = 'public' AND a.grantee = 0
                     AND a.privilege_type = 'CREATE') THEN
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        END IF;
    END $$
    """,
]

TRIGGERS = [
    "DROP TRIGGER IF EXISTS lab_appointments_status_guard ON lab_appointments",
    """
    CREATE TRIGGER lab_appointments_status_guard BEFORE UPDATE OF status ON lab_appointments
    FOR EACH ROW EXECUTE FUNCTION public.clinic_lab_status_guard()
    """,
    "DROP TRIGGER IF EXISTS session_findings_override_guard ON session_findings",
    """
    CREATE TRIGGER session_findings_override_guard
    BEFORE INSERT OR UPDATE OF override_id, session_id, rule_id, message ON session_findings
    FOR EACH ROW EXECUTE FUNCTION public.clinic_finding_override_guard()
    """,
]

# The logins of this clinic before this revision: app users (a users row) that are members of
# a clinic group, are neither superusers nor the database's owner nor a group, and log in or
# were switched off by a deactivation (revision 0008: NOLOGIN, and still the user's login).
EXISTING_LOGINS = f"""
    SELECT r.rolname, r.oid, 'clinic_' || pg_catalog.replace(u.role, '-', '_') AS wanted,
           u.active
    FROM pg_catalog.pg_roles r
    JOIN public.users u ON u.username = r.rolname
    WHERE NOT r.rolsuper AND r.rolname <> current_user AND r.rolname NOT IN ({GROUP_LIST})
      AND r.oid <> (SELECT d.datdba FROM pg_catalog.pg_database d
                    WHERE d.datname = pg_catalog.current_database())
      AND EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                  JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                  WHERE m.member = r.oid AND g.rolname IN ({GROUP_LIST}))
"""
EXISTING = f"""
    DO $$
    DECLARE
        login record;
        extra record;
    BEGIN
        FOR login IN {EXISTING_LOGINS} LOOP
            -- No app login creates roles (it could grant itself anything on PostgreSQL 15):
            -- the first administrator's (0004) nor one promoted to administrator (0008).
            EXECUTE pg_catalog.format('ALTER ROLE %I NOCREATEROLE NOCREATEDB', login.rolname);
            -- A deactivated user's login does not log in (0008 kept it so; made sure here).
            IF NOT login.active THEN
                EXECUTE pg_catalog.format('ALTER ROLE %I NOLOGIN', login.rolname);
            END IF;
            -- Memberships it should never have had: other roles, another clinic group than
            -- its app role's, ADMIN OPTION on its group.
            FOR extra IN SELECT g.rolname, m.admin_option FROM pg_catalog.pg_auth_members m
                         JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                         WHERE m.member = login.oid LOOP
                IF extra.rolname NOT IN ({GROUP_LIST}) OR extra.rolname <> login.wanted THEN
                    EXECUTE pg_catalog.format('REVOKE %I FROM %I', extra.rolname, login.rolname);
                ELSIF extra.admin_option THEN
                    EXECUTE pg_catalog.format('REVOKE ADMIN OPTION FOR %I FROM %I',
                                              extra.rolname, login.rolname);
                END IF;
            END LOOP;
            -- The one group of its app role (the users table says which).
            IF login.wanted IN ({GROUP_LIST}) THEN
                EXECUTE pg_catalog.format('GRANT %I TO %I', login.wanted, login.rolname);
            END IF;
            EXECUTE pg_catalog.format('GRANT CONNECT ON DATABASE %I TO %I',
                                      pg_catalog.current_database(), login.rolname);
        END LOOP;
    END $$
"""

GRANTS = [
    "REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC",
    "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM " + ", ".join(GROUPS),
    # Functions the owner creates later start with no EXECUTE for PUBLIC either.
    "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION public.clinic_audit(text, text, text, integer, integer, text, "
    f"text) TO {', '.join(GROUPS)}",
    "GRANT EXECUTE ON FUNCTION public.clinic_create_login(text, text, text) TO clinic_admin",
    "GRANT EXECUTE ON FUNCTION public.clinic_set_login_enabled(text, boolean) TO clinic_admin",
    "GRANT EXECUTE ON FUNCTION public.clinic_set_login_group(text, text) TO clinic_admin",
    "GRANT EXECUTE ON FUNCTION public.clinic_set_own_password_hash(text) TO " + ", ".join(GROUPS),
    "GRANT EXECUTE ON FUNCTION public.clinic_set_login_password(text, text) TO "
    + ", ".join(GROUPS),
    "SELECT public.clinic_secure_database()",
]


def upgrade() -> None:
    """Re-create the functions safely, tighten the grants, close the database to others."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in [*FUNCTIONS, *TRIGGERS, EXISTING, *GRANTS]:
        op.execute(statement)


def downgrade() -> None:
    """Drop what this revision added; the safer function bodies and the revokes stay.

    Re-opening the database to PUBLIC or giving administrators CREATEROLE back would undo a
    security fix; the functions of 0004/0005 work unchanged with the bodies of this revision.
    """
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS session_findings_override_guard ON session_findings")
    op.execute("DROP TRIGGER IF EXISTS lab_appointments_status_guard ON lab_appointments")
    for function in (
        "clinic_finding_override_guard()",
        "clinic_lab_status_guard()",
        "clinic_secure_database()",
        "clinic_set_login_group(text, text)",
        "clinic_set_login_enabled(text, boolean)",
        "clinic_set_login_password(text, text)",
        "clinic_create_login(text, text, text)",
        "clinic_may_manage_logins()",
        "clinic_clinic_login(text)",
        "clinic_clinic_role(text)",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS public.{function}")
