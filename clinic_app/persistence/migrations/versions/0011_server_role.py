"""PostgreSQL: the clinic server is the only login; per-user login roles are dropped (issue 11).

Until this revision every app user was also a PostgreSQL login role in a ``clinic_*`` group
(the direct desktop mode of 0004-0010). The clinical rules live in Python, so no set of
grants could make such a login safe. From here on:

- **The server's app role** (one per clinic database, made and given its password by the
  owner with ``clinic-app db app-role``) is the only login besides the owner. It gets
  ``clinic_grant_server_role(name)``: CONNECT on this database, USAGE on schema public, DML on
  exactly the tables the services write (``SERVER_TABLES`` below: no UPDATE/DELETE/TRUNCATE
  on the audit trail, no write on ``alembic_version`` or ``interval_bounds``), USAGE on the
  sequences, EXECUTE on ``clinic_audit`` only; never TEMP, CREATE, TRIGGER, REFERENCES,
  ownership, a membership or an attribute. A role that is not a plain login (superuser,
  CREATEROLE, CREATEDB, REPLICATION, BYPASSRLS, a member of any role), the owner, or a role
  that may connect to another database of the server is refused: roles are cluster-wide and
  one clinic's server role must never be another's.
- **The server roles of a clinic** are the roles granted CONNECT on its database (PUBLIC has
  none since 0010, and the per-user logins that had it are gone): the owner's
  ``clinic_secure_database()``, which every upgrade and every ``clinic-app init`` runs, now
  also re-applies the grants above to each of them, so tables added by later revisions reach
  the server without anyone re-running ``db app-role``.
- **The audit actor** is the transaction-local setting ``clinic.actor``: the service layer
  sets it (``set_config('clinic.actor', user, true)``) from the authenticated user at the
  start of every write transaction; ``clinic_row_audit`` (every audited table) and
  ``clinic_audit`` (the app's own entries) record it. A write without it is refused
  (``clinic_no_actor``, SQLSTATE 42501), unless the session user is the owner (maintenance:
  migrations, ``init``), which is then recorded as itself.
- **Clinical status changes** (a session's arrived / in-chair / completed / no-show; a lab
  draw's completed) are refused unless the actor is an active nurse of the users table (the
  groups that used to tell are no longer anybody's), or the owner. So is an **override**
  (new trigger ``overrides_nurse_guard``) unless the actor is an active nurse and the override
  names that nurse (0004's grant kept overrides to the nurse group; the server's login needs
  INSERT on them for its nurses).
- **Per-user login roles of this clinic are dropped**: a role named like a row of this
  database's ``users`` table that 0010's ``clinic_clinic_role`` recognises (no attribute, in
  exactly one clinic group and nothing else, CONNECT granted on this database). One that may
  also connect to another database of the server is not this clinic's alone: it only loses
  CONNECT here and is kept (with a NOTICE); one that holds objects elsewhere is kept NOLOGIN
  and out of the clinic groups. The ``clinic_*`` group roles are
  cluster-wide and may still serve another clinic at an older revision: they lose every
  privilege in this database but are not dropped.
- The login-management functions of 0010 (``clinic_create_login`` and friends) and 0008's
  ``clinic_set_own_password_hash`` are dropped: no code path makes a login any more.

Every SECURITY DEFINER function keeps ``search_path = pg_catalog, public, pg_temp`` and
qualified names; EXECUTE stays revoked from PUBLIC; every trigger and exclusion constraint is
kept.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = ("clinic_front_desk", "clinic_nurse", "clinic_manager", "clinic_admin")
GROUP_LIST = ", ".join(f"'{g}'" for g in GROUPS)
SAFE = "SET search_path = pg_catalog, public, pg_temp"
# The status table of clinic_app.services.booking.STATUS_FLOW when this revision was written
# (tests/persistence/test_status_flow_copy.py compares it with the service's).
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
IS_OWNER = (
    "pg_catalog.pg_has_role(session_user, (SELECT d.datdba FROM pg_catalog.pg_database d "
    "WHERE d.datname = pg_catalog.current_database()), 'MEMBER')"
)

# What the clinic server may do to each table (tests/persistence/test_server_role.py checks
# that every table of the models is here, and that the server's work needs no more).
SERVER_TABLES = {
    "alembic_version": "SELECT",
    "interval_bounds": "SELECT",  # kept by a SECURITY DEFINER trigger
    "audit_log": "SELECT",  # written by clinic_audit and the row triggers only
    "clinic_settings": "SELECT, INSERT, UPDATE",
    "chairs": "SELECT, INSERT, UPDATE",
    "lab_stations": "SELECT, INSERT, UPDATE",
    "patients": "SELECT, INSERT, UPDATE",
    "exposures": "SELECT, INSERT, UPDATE",
    "sessions": "SELECT, INSERT, UPDATE",
    "overrides": "SELECT, INSERT",
    "lab_appointments": "SELECT, INSERT, UPDATE",
    "lab_results": "SELECT, INSERT, UPDATE",
    "body_weights": "SELECT, INSERT, UPDATE",
    "result_alerts": "SELECT, INSERT, UPDATE",
    "users": "SELECT, INSERT, UPDATE",
    "user_sessions": "SELECT, INSERT, UPDATE",
    "opening_hours": "SELECT, INSERT, UPDATE, DELETE",
    "closed_dates": "SELECT, INSERT, UPDATE, DELETE",
    "session_findings": "SELECT, INSERT, UPDATE, DELETE",
    "lab_links": "SELECT, INSERT, UPDATE, DELETE",
    "rule_settings": "SELECT, INSERT, UPDATE, DELETE",
    "login_attempts": "SELECT, INSERT, UPDATE, DELETE",
    "idempotency_keys": "SELECT, INSERT, UPDATE, DELETE",
}
SERVER_FUNCTIONS = ("public.clinic_audit(text, text, text, integer, integer, text, text)",)
GRANT_FUNCTIONS = "\n".join(
    f"        EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION {function} TO %I', p_role);"
    for function in SERVER_FUNCTIONS
)


def grant_role_function(tables: dict[str, str]) -> str:
    """``clinic_grant_server_role(role)`` granting ``tables`` (table -> privileges).

    A later revision that adds tables re-creates the function with its own, longer list (it
    calls this with ``{**SERVER_TABLES, ...}``); the owner's ``clinic_secure_database()``
    after every upgrade then applies it to every server role.
    """
    grant_tables = "\n".join(
        f"        EXECUTE pg_catalog.format('GRANT {privileges} ON public.{table} TO %I', p_role);"
        for table, privileges in tables.items()
    )
    return f"""
        CREATE OR REPLACE FUNCTION public.clinic_grant_server_role(p_role text) RETURNS void
        LANGUAGE plpgsql {SAFE} AS $$
        DECLARE
            r pg_catalog.pg_roles%ROWTYPE;
        BEGIN
            SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = p_role;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'clinic_server_role: no role named %', p_role
                    USING ERRCODE = '42704';
            END IF;
            IF r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication
               OR r.rolbypassrls OR NOT r.rolcanlogin
               OR r.oid = (SELECT d.datdba FROM pg_catalog.pg_database d
                           WHERE d.datname = pg_catalog.current_database())
               OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.member = r.oid)
               OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.roleid = r.oid) THEN
                RAISE EXCEPTION 'clinic_server_role: % is not a plain login (no superuser, '
                    'CREATEROLE, CREATEDB, REPLICATION, BYPASSRLS, membership, members; not '
                    'the owner)', p_role USING ERRCODE = '42501';
            END IF;
            IF EXISTS (SELECT 1 FROM pg_catalog.pg_database d,
                              pg_catalog.aclexplode(d.datacl) a
                       WHERE d.datname <> pg_catalog.current_database() AND a.grantee = r.oid) THEN
                RAISE EXCEPTION 'clinic_server_role: % may use another database of this server; '
                    'each clinic''s server role is its own', p_role USING ERRCODE = '42501';
            END IF;
            EXECUTE pg_catalog.format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', p_role);
            EXECUTE pg_catalog.format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I',
                                      p_role);
            EXECUTE pg_catalog.format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I',
                                      p_role);
            EXECUTE pg_catalog.format('REVOKE ALL ON DATABASE %I FROM %I',
                                      pg_catalog.current_database(), p_role);
            EXECUTE pg_catalog.format('GRANT CONNECT ON DATABASE %I TO %I',
                                      pg_catalog.current_database(), p_role);
            EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA public TO %I', p_role);
{grant_tables}
            EXECUTE pg_catalog.format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I',
                                      p_role);
{GRANT_FUNCTIONS}
        END $$
        """


FUNCTIONS = [
    # --- the actor ------------------------------------------------------------------------
    # The authenticated app user the server acts for in this transaction, or NULL.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_current_actor() RETURNS text
    LANGUAGE sql STABLE {SAFE} AS $$
        SELECT nullif(pg_catalog.current_setting('clinic.actor', true), '')
    $$
    """,
    # The actor to record for a write: the setting; without it only the owner (maintenance)
    # writes, recorded as itself; anybody else is refused.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_required_actor() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER {SAFE} AS $$
    DECLARE
        v_actor text := public.clinic_current_actor();
    BEGIN
        IF v_actor IS NOT NULL THEN
            RETURN v_actor;
        END IF;
        IF {IS_OWNER} THEN
            RETURN session_user::text;
        END IF;
        RAISE EXCEPTION 'clinic_no_actor: a write needs the acting user (clinic.actor)'
            USING ERRCODE = '42501';
    END $$
    """,
    # 0004's clinic_actor(p_claimed): the claim counts only for the owner's maintenance.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_actor(p_claimed text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER {SAFE} AS $$
    DECLARE
        v_actor text := public.clinic_current_actor();
    BEGIN
        IF v_actor IS NULL AND {IS_OWNER} THEN
            RETURN coalesce(nullif(p_claimed, ''), session_user::text);
        END IF;
        RETURN public.clinic_required_actor();
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_actor_is_nurse() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
        SELECT EXISTS (SELECT 1 FROM public.users u
                       WHERE u.username = public.clinic_current_actor()
                         AND u.role = 'nurse' AND u.active)
    $$
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
        VALUES (pg_catalog.now(), public.clinic_required_actor(),
                'db-' || pg_catalog.lower(TG_OP), TG_TABLE_NAME, (row_data ->> 'id')::integer,
                CASE WHEN TG_TABLE_NAME = 'patients' THEN (row_data ->> 'id')::integer
                     ELSE (row_data ->> 'patient_id')::integer END,
                old_row::text, new_row::text);
        RETURN NULL;
    END $$
    """,
    # --- status guards: the nurse is the actor's role now, not a group of session_user ------
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_status_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        IF NEW.status IS NOT DISTINCT FROM OLD.status OR {IS_OWNER} THEN
            RETURN NEW;
        END IF;
        IF (NEW.status IN ('arrived', 'in-chair', 'completed', 'no-show')
            OR OLD.status IN ('arrived', 'in-chair', 'completed', 'no-show'))
           AND NOT public.clinic_actor_is_nurse() THEN
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
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_lab_status_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status
           AND (NEW.status = 'completed' OR OLD.status = 'completed')
           AND NOT public.clinic_actor_is_nurse()
           AND NOT {IS_OWNER} THEN
            RAISE EXCEPTION 'only a nurse may change a lab draw to %', NEW.status
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$
    """,
    # An override is a nurse's, under the nurse's own name (the actor), on the server's login.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_override_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
    BEGIN
        IF {IS_OWNER} THEN
            RETURN NEW;
        END IF;
        IF NOT public.clinic_actor_is_nurse()
           OR NEW.overridden_by IS DISTINCT FROM public.clinic_current_actor() THEN
            RAISE EXCEPTION 'only a nurse gives an override, under their own name'
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$
    """,
    # --- the server's app role ----------------------------------------------------------------
    # Run by the owner (EXECUTE for nobody else): the grants of one server role, from nothing.
    grant_role_function(SERVER_TABLES),
    # The roles this clinic's database lets in besides its owner: its server roles.
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_server_roles() RETURNS SETOF text
    LANGUAGE sql STABLE {SAFE} AS $$
        SELECT DISTINCT r.rolname::text FROM pg_catalog.pg_database d,
               pg_catalog.aclexplode(d.datacl) a
          JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
         WHERE d.datname = pg_catalog.current_database() AND a.privilege_type = 'CONNECT'
           AND r.oid <> d.datdba AND NOT r.rolsuper
    $$
    """,
    # 0010's, plus: every server role's grants again (new tables of later revisions).
    f"""
    CREATE OR REPLACE FUNCTION public.clinic_secure_database() RETURNS void
    LANGUAGE plpgsql {SAFE} AS $$
    DECLARE
        v_role text;
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
        FOR v_role IN SELECT * FROM public.clinic_server_roles() LOOP
            PERFORM public.clinic_grant_server_role(v_role);
        END LOOP;
    END $$
    """,
]

# The per-user login roles of this clinic (see the module's text), dropped or cut off.
DROP_LOGINS = f"""
    DO $$
    DECLARE
        v_names text[];
        v_name text;
        v_group text;
    BEGIN
        SELECT pg_catalog.array_agg(r.rolname::text) INTO v_names
          FROM pg_catalog.pg_roles r JOIN public.users u ON u.username = r.rolname
         WHERE public.clinic_clinic_role(r.rolname::text);
        FOREACH v_name IN ARRAY coalesce(v_names, ARRAY[]::text[]) LOOP
            IF EXISTS (SELECT 1 FROM pg_catalog.pg_database d,
                              pg_catalog.aclexplode(d.datacl) a
                        JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
                       WHERE d.datname <> pg_catalog.current_database()
                         AND r.rolname = v_name) THEN
                -- Also let into another database: not this clinic's alone. Cut off here only
                -- (its group stays: the other clinic, at an older revision, may need it; the
                -- groups hold nothing in this database any more).
                EXECUTE pg_catalog.format('REVOKE ALL ON DATABASE %I FROM %I',
                                          pg_catalog.current_database(), v_name);
                RAISE NOTICE 'login role % may use another database: kept, cut off here',
                    v_name;
            ELSE
                EXECUTE pg_catalog.format('REVOKE ALL ON DATABASE %I FROM %I',
                                          pg_catalog.current_database(), v_name);
                BEGIN
                    EXECUTE pg_catalog.format('DROP ROLE %I', v_name);
                EXCEPTION WHEN dependent_objects_still_exist THEN
                    -- It owns or holds something elsewhere: switched off instead.
                    EXECUTE pg_catalog.format('ALTER ROLE %I NOLOGIN', v_name);
                    FOREACH v_group IN ARRAY ARRAY[{GROUP_LIST}] LOOP
                        EXECUTE pg_catalog.format('REVOKE %I FROM %I', v_group, v_name);
                    END LOOP;
                    RAISE NOTICE 'login role % holds objects elsewhere: kept, NOLOGIN', v_name;
                END;
            END IF;
        END LOOP;
    END $$
"""

TRIGGERS = [
    "DROP TRIGGER IF EXISTS overrides_nurse_guard ON overrides",
    """
    CREATE TRIGGER overrides_nurse_guard BEFORE INSERT OR UPDATE ON overrides
    FOR EACH ROW EXECUTE FUNCTION public.clinic_override_guard()
    """,
]

REVOKES = [
    *[
        f"REVOKE ALL ON ALL {kind} IN SCHEMA public FROM {', '.join(GROUPS)}"
        for kind in ("TABLES", "SEQUENCES", "FUNCTIONS")
    ],
    f"REVOKE ALL ON SCHEMA public FROM {', '.join(GROUPS)}",
    *[
        f"DROP FUNCTION IF EXISTS public.{function}"
        for function in (
            "clinic_create_login(text, text, text)",
            "clinic_set_login_password(text, text)",
            "clinic_set_login_enabled(text, boolean)",
            "clinic_set_login_group(text, text)",
            "clinic_set_own_password_hash(text)",
            "clinic_may_manage_logins()",
            "clinic_clinic_login(text)",
            "clinic_clinic_role(text)",
        )
    ],
    "REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC",
    "SELECT public.clinic_secure_database()",
]


def upgrade() -> None:
    """Actor setting, server role grants; per-user logins and their functions gone."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in [*FUNCTIONS, *TRIGGERS, DROP_LOGINS, *REVOKES]:
        op.execute(statement)


def downgrade() -> None:
    """Back to 0010's functions (its login functions too) and without this revision's own.

    The login roles this revision dropped, with their passwords, and the groups' grants are
    not brought back: an administrator re-creates the logins after a downgrade. The server's
    app role keeps its grants (the owner drops it with DROP OWNED / DROP ROLE if wanted).
    """
    if op.get_bind().dialect.name != "postgresql":
        return
    import importlib.util
    from pathlib import Path

    path = Path(__file__).with_name("0010_harden_postgres.py")
    spec = importlib.util.spec_from_file_location("clinic_migration_0010_for_downgrade", path)
    assert spec is not None and spec.loader is not None
    previous = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(previous)
    # clinic_actor was plpgsql here and is sql there: CREATE OR REPLACE cannot change that.
    op.execute("DROP FUNCTION IF EXISTS public.clinic_actor(text)")
    op.execute("DROP TRIGGER IF EXISTS overrides_nurse_guard ON overrides")
    for statement in [*previous.FUNCTIONS, *previous.GRANTS]:
        op.execute(statement)
    for function in (
        "clinic_override_guard()",
        "clinic_grant_server_role(text)",
        "clinic_server_roles()",
        "clinic_actor_is_nurse()",
        "clinic_required_actor()",
        "clinic_current_actor()",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS public.{function}")
