"""Red-team regression on PostgreSQL (issue 11): every attack the red team made with nothing
but a database login, tried again, each refused.

Since revision 0011 no app user is a database login: the clinic server holds the only
credentials besides the owner's, as the clinic's **app role** (``clinic-app db app-role``). The
attackers here are what is left to attack with:

- ``app``: clinic A's app role, with its password (the server's own credential: the strongest
  login a clinic has, DML on the app's tables), with and without an audit actor set;
- ``bare``: a login with no grants anywhere;
- ``old desk``: clinic A's front-desk login as revision 0010 made it, before A was upgraded
  (the upgrade drops it);
- clinic B's app role, a neighbour on the same server.

Two clinics share one server, as in the red team's set-up: each has its own owner role (a
LOGIN with CREATEROLE, no superuser) that owns its database, ran its migrations and owns every
table and function. Attacks connect with psycopg, and the same ones with ``psql``.

What answers each attack is the table under "What the database itself guarantees" in the
README (the closing note's table); each test names its attack.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import Services, open_services, set_app_role
from clinic_app.domain.errors import RuleRefusalError
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import alembic_config
from clinic_app.services.actor import Actor, Role
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW, PG_URL, pg_required
from tests.pg_login_roles import drop_roles, unique_role_name

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PASSWORD = "a long red-team password"
OWNER_PASSWORD = "the owner long password"
APP_PASSWORD = "the clinic server's long password"
SAFE_PATH = "search_path=pg_catalog, public, pg_temp"
ROLES = (Role.FRONT_DESK, Role.NURSE, Role.MANAGER, Role.ADMIN)


@dataclass
class Clinic:
    """One clinic database on the shared server, its owner, its app role and its users."""

    database: str
    owner: str
    app: str
    users: dict[Role, str]
    old_desk: str = ""  # the front desk's login of revision 0010, dropped by 0011
    ids: dict[str, Any] = field(default_factory=dict)

    def url(self, user: str, password: str = PASSWORD) -> str:
        return (
            make_url(PG_URL)
            .set(database=self.database, username=user, password=password)
            .render_as_string(hide_password=False)
        )

    def app_engine(self) -> Engine:
        """The clinic server's own login: what its credentials give whoever holds them."""
        return create_engine(self.url(self.app, APP_PASSWORD), poolclass=NullPool)

    def actor(self, role: Role) -> Actor:
        return Actor(self.users[role], role)

    def superuser(self) -> Engine:
        url = make_url(PG_URL).set(database=self.database).render_as_string(hide_password=False)
        return create_engine(url, poolclass=NullPool)


@dataclass
class Server:
    """The red team's server: clinic A (attacked), clinic B (its neighbour), a bare login."""

    a: Clinic
    b: Clinic
    bare: str  # a login with no grants anywhere


def _server() -> Engine:
    return create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")


def _old_login(owner: Engine, name: str, role: str) -> None:
    """A user and its login role as revision 0010 made them (``clinic_create_login``)."""
    with owner.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, full_name, role, password_hash, active, "
                "failed_attempts, created_at) VALUES (:n, '', :r, '', true, 0, now())"
            ),
            {"n": name, "r": role},
        )
        if role == "admin":
            return  # the first administrator: a row only, their password set after 0011
        driver: Any = conn.connection.driver_connection
        secret = driver.pgconn.encrypt_password(PASSWORD.encode(), name.encode(), b"scram-sha-256")
        conn.execute(
            text("SELECT public.clinic_create_login(:n, :s, :r)"),
            {"n": name, "s": secret.decode(), "r": role},
        )


def _make_clinic(tag: str) -> tuple[Clinic, Services]:
    """An existing deployment at 0010 with the desk's own login, upgraded by its owner (the
    upgrade drops that login), then the server's app role, then the clinic set up through it."""
    owner = unique_role_name(f"owner{tag}")
    database = f"clinic_redteam_{tag}_{uuid.uuid4().hex[:10]}"
    server = _server()
    with server.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{owner}\" LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'"))
        conn.execute(text(f'CREATE DATABASE "{database}" OWNER "{owner}"'))
    server.dispose()
    users = {role: unique_role_name(f"{tag}{role.value.replace('-', '')}") for role in ROLES}
    clinic = Clinic(database, owner, f"srv_redteam_{tag}_{uuid.uuid4().hex[:8]}", users)
    owner_url = clinic.url(owner, OWNER_PASSWORD)
    engine = make_engine(owner_url, poolclass=NullPool)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0010")
    _old_login(engine, users[Role.ADMIN], "admin")
    if tag == "a":
        clinic.old_desk = unique_role_name("olddesk")
        _old_login(engine, clinic.old_desk, "front-desk")
        with engine.connect() as conn:  # the old desk logs in, as it did before 0011
            login = conn.scalar(text("SELECT clinic_clinic_login(:n)"), {"n": clinic.old_desk})
            assert login
    engine.dispose()
    owned = open_services(owner_url, clock=fixed_clock(NOW), create=True)  # `init`: upgrades
    first = Actor(users[Role.ADMIN], Role.ADMIN)
    owned.auth.set_password(first, first.username, PASSWORD)
    owned.engine.dispose()
    set_app_role(owner_url, clinic.app, APP_PASSWORD)  # `clinic-app db app-role`
    services = open_services(
        clinic.url(clinic.app, APP_PASSWORD), clock=fixed_clock(NOW), create=False, migrate=False
    )
    services.setup.init_clinic(first)
    services.setup.add_chair(first, "Chair 1")
    services.setup.add_chair(first, "Chair 2")
    for role in (Role.FRONT_DESK, Role.NURSE, Role.MANAGER):
        services.auth.add_user(first, users[role], role, PASSWORD)
    return clinic, services


def _seed(clinic: Clinic, services: Services) -> None:
    """Patients, an overridden iron dose, a cancelled session, a session with a lab draw; all
    through the services on the app role, as the server writes them."""
    setup, booking = services.setup, services.booking
    desk, nurse = clinic.actor(Role.FRONT_DESK), clinic.actor(Role.NURSE)
    for mrn in ("R1", "R2", "R3", "R4", "R5"):
        setup.add_patient(desk, mrn=mrn, name=f"Patient {mrn}", date_of_birth="1950-01-01")
    setup.add_exposure(desk, mrn="R1", drug="denosumab", last_dose="2026-10-01", where="GP")
    overridden = booking.book(
        nurse,
        BookingRequest(
            "R1",
            "ferric-carboxymaltose",
            "2026-12-01T10:00",
            "Chair 1",
            override_reason="Hb 70; haematology agrees",
            consulted="Dr Ann Lee",
        ),
    )
    cancelled = booking.book(
        desk, BookingRequest("R2", "denosumab", "2026-12-02T10:00", "Chair 1")
    ).session.id
    booking.cancel(desk, cancelled, "patient asked")
    with_labs = booking.book(
        desk, BookingRequest("R3", "zoledronic-acid", "2027-05-04T10:00", "Chair 2")
    )
    plain = booking.book(desk, BookingRequest("R4", "denosumab", "2026-12-03T10:00", "Chair 2"))
    # The server's answer to the red team's first attack: the BLOCK holds for the desk.
    with pytest.raises(RuleRefusalError):
        booking.book(
            desk, BookingRequest("R1", "ferric-carboxymaltose", "2026-11-25T10:00", "Chair 2")
        )
    services.engine.dispose()
    with clinic.superuser().connect() as conn:
        override = conn.execute(
            text("SELECT id, session_id, rule_id, message FROM overrides ORDER BY id LIMIT 1")
        ).one()
        ids = {
            "override": override.id,
            "overridden_session": override.session_id,
            "cancelled_session": cancelled,
            "booked_session": plain.session.id,
            "lab_session": with_labs.session.id,
            "lab": with_labs.labs[0].id,
            "station": conn.scalar(text("SELECT id FROM lab_stations")),
            "chair": conn.scalar(text("SELECT id FROM chairs ORDER BY id LIMIT 1")),
            "override_rule": override.rule_id,
            "override_message": override.message,
        }
        ids.update(
            {
                f"patient_{mrn}": conn.scalar(
                    text("SELECT id FROM patients WHERE mrn = :m"), {"m": mrn}
                )
                for mrn in ("R1", "R2", "R3", "R4", "R5")
            }
        )
    assert overridden.session.id == ids["overridden_session"]
    clinic.ids = ids


@pytest.fixture(scope="module")
def server(pg_template: str) -> Iterator[Server]:
    """Two clinics on one server and a bare login; everything dropped afterwards.

    ``pg_template`` is asked for its check only: without a server this skips (in CI fails).
    """
    a, a_services = _make_clinic("a")
    _seed(a, a_services)
    b, b_services = _make_clinic("b")
    b_services.engine.dispose()
    bare = unique_role_name("bare")
    with _server().connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{bare}\" LOGIN PASSWORD '{PASSWORD}'"))
    try:
        yield Server(a, b, bare)
    finally:
        with _server().connect() as conn:
            for clinic in (a, b):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{clinic.database}" WITH (FORCE)'))
        drop_roles([a.old_desk, a.app, b.app, bare, a.owner, b.owner])


def attempt(
    engine: Engine, *statements: str, actor: str | None = None, **params: Any
) -> str | None:
    """Run the statements in one transaction (as ``actor``: the audit actor the server would
    set), always rolled back; the error, or None."""
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            if actor is not None:
                conn.execute(text("SELECT set_config('clinic.actor', :a, true)"), {"a": actor})
            for statement in statements:
                conn.execute(text(statement), params)
        except DBAPIError as error:
            return str(error.orig)
        finally:
            transaction.rollback()
            engine.dispose()
    return None


def refused(engine: Engine, *statements: str, actor: str | None = None, **params: Any) -> str:
    """The database's refusal of the statements (the test fails if they went through)."""
    error = attempt(engine, *statements, actor=actor, **params)
    assert error is not None, f"the database accepted: {statements}"
    return error


def committed(engine: Engine, *statements: str, actor: str, **params: Any) -> None:
    """Run the statements as ``actor`` and commit (for attacks looked at afterwards)."""
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('clinic.actor', :a, true)"), {"a": actor})
        for statement in statements:
            conn.execute(text(statement), params)
    engine.dispose()


@contextmanager
def granted(clinic: Clinic, privilege: str, login: str) -> Iterator[None]:
    """Give a login a database privilege for the block (to show the next line of defence)."""
    su = _server()
    with su.connect() as conn:
        conn.execute(text(f'GRANT {privilege} ON DATABASE "{clinic.database}" TO "{login}"'))
    try:
        yield
    finally:
        with su.connect() as conn:
            conn.execute(text(f'REVOKE {privilege} ON DATABASE "{clinic.database}" FROM "{login}"'))
        su.dispose()


def session_insert(clinic: Clinic, patient: str, start: str, end: str, therapy: str) -> str:
    return (
        "INSERT INTO sessions (patient_id, chair_id, therapy_code, start_utc, end_utc, status, "
        "status_reason, created_by, created_at, updated_at) VALUES "
        f"({clinic.ids[patient]}, {clinic.ids['chair']}, '{therapy}', '{start}', '{end}', "
        "'booked', '', 'red team', now(), now())"
    )


def lab_insert(clinic: Clinic, patient: str, start: str, end: str) -> str:
    return (
        "INSERT INTO lab_appointments (patient_id, station_id, tests, due_from, due_to, "
        "start_utc, end_utc, status, created_at, updated_at) VALUES "
        f"({clinic.ids[patient]}, {clinic.ids['station']}, 'calcium', '2027-02-01', "
        f"'2027-02-05', '{start}', '{end}', 'booked', now(), now())"
    )


def audit_rows(clinic: Clinic, where: str) -> list[tuple[Any, ...]]:
    with clinic.superuser().connect() as conn:
        rows = [
            tuple(r)
            for r in conn.execute(text(f"SELECT actor, action FROM audit_log WHERE {where}"))
        ]
    return rows


def desk(clinic: Clinic) -> str:
    return clinic.users[Role.FRONT_DESK]


def nurse(clinic: Clinic) -> str:
    return clinic.users[Role.NURSE]


# Each attack as the server's login: with no actor, and with each user of the clinic as actor
# (the server holds one login for every user; the actor changes per request).
ACTORS = [None, *ROLES]


def as_actor(clinic: Clinic, who: Role | None) -> str | None:
    return None if who is None else clinic.users[who]


# --- temp-table shadowing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "shadowed", ["audit_log", "lab_stations", "opening_hours", "pg_auth_members", "pg_database"]
)
def test_the_server_login_may_not_create_a_temp_table_to_shadow_with(
    server: Server, shadowed: str
) -> None:
    a = server.a
    for statement in (
        f"CREATE TEMP TABLE {shadowed} (id integer)",
        f"CREATE TABLE pg_temp.{shadowed} (id integer)",
    ):
        message = refused(a.app_engine(), statement, actor=desk(a))
        assert "permission denied to create temporary tables" in message, message


def test_with_temp_back_a_shadowed_lab_station_still_cannot_overbook(server: Server) -> None:
    """The next line: even a login holding TEMP meets qualified names in the guards."""
    a = server.a
    slot = ("2027-02-02 11:00+00", "2027-02-02 11:15+00")
    with granted(a, "TEMPORARY", a.app):
        message = refused(
            a.app_engine(),
            "CREATE TEMP TABLE lab_stations (id integer, name text, draws_per_slot integer, "
            "slot_minutes integer)",
            f"INSERT INTO lab_stations VALUES ({a.ids['station']}, 'x', 99, 15)",
            lab_insert(a, "patient_R1", *slot),
            lab_insert(a, "patient_R2", *slot),
            lab_insert(a, "patient_R5", *slot),  # the station takes 2 draws a slot
            actor=desk(a),
        )
    assert "clinic_conflict:lab_capacity" in message


def test_with_temp_back_shadowed_opening_hours_still_cannot_book_at_night(
    server: Server,
) -> None:
    a = server.a
    with granted(a, "TEMPORARY", a.app):
        message = refused(
            a.app_engine(),
            "CREATE TEMP TABLE opening_hours (weekday integer, opens time, closes time)",
            "INSERT INTO opening_hours SELECT d, '00:00', '23:59' FROM generate_series(0, 6) d",
            session_insert(
                a, "patient_R5", "2027-02-02 03:00+00", "2027-02-02 04:00+00", "denosumab"
            ),
            actor=desk(a),
        )
    assert "clinic_conflict:hours" in message


def test_with_temp_back_a_shadowed_audit_log_still_misses_nothing(server: Server) -> None:
    a = server.a
    marker = f"Shadow {uuid.uuid4().hex[:8]}"
    with granted(a, "TEMPORARY", a.app):
        committed(
            a.app_engine(),
            "CREATE TEMP TABLE audit_log (id serial, at_utc timestamptz, actor text, "
            "action text, entity text, entity_id integer, patient_id integer, "
            "before_json text, after_json text)",
            f"UPDATE patients SET name = '{marker}' WHERE mrn = 'R5'",
            f"SELECT clinic_audit('x', 'shadow-{marker}', 'y', NULL, NULL, NULL, NULL)",
            actor=desk(a),
        )
    assert (desk(a), "db-update") in audit_rows(a, f"after_json LIKE '%{marker}%'")
    assert audit_rows(a, f"action = 'shadow-{marker}'") == [(desk(a), f"shadow-{marker}")]


def test_with_temp_back_a_shadowed_pg_auth_members_still_records_the_real_actor(
    server: Server,
) -> None:
    a = server.a
    action = f"forged-{uuid.uuid4().hex[:8]}"
    with granted(a, "TEMPORARY", a.app):
        committed(
            a.app_engine(),
            "CREATE TEMP TABLE pg_auth_members (roleid oid, member oid, grantor oid, "
            "admin_option boolean)",
            f"SELECT clinic_audit('{nurse(a)}', '{action}', 'x', NULL, NULL, NULL, NULL)",
            actor=desk(a),
        )
    assert audit_rows(a, f"action = '{action}'") == [(desk(a), action)]


def test_with_temp_back_a_shadowed_pg_database_still_cannot_set_clinical_statuses(
    server: Server,
) -> None:
    """Posing as the owner (whose maintenance passes the status guard) through a temp
    pg_database naming the server's login as the database's owner."""
    a = server.a
    with granted(a, "TEMPORARY", a.app):
        message = refused(
            a.app_engine(),
            "CREATE TEMP TABLE pg_database (datname name, datdba oid)",
            "INSERT INTO pg_database VALUES (current_database(), "
            "(SELECT oid FROM pg_catalog.pg_roles WHERE rolname = session_user))",
            f"UPDATE sessions SET status = 'arrived' WHERE id = {a.ids['booked_session']}",
            actor=desk(a),
        )
    assert "only a nurse" in message


def test_every_function_pins_its_search_path_and_names_tables_with_their_schema(
    server: Server,
) -> None:
    a = server.a
    with a.superuser().connect() as conn:
        functions = conn.execute(
            text(
                "SELECT p.proname, p.prosecdef, p.proconfig, pg_get_userbyid(p.proowner), "
                "p.prosrc, has_function_privilege('public', p.oid, 'EXECUTE') "
                "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend e "
                "WHERE e.objid = p.oid AND e.deptype = 'e')"
            )
        ).all()
        tables = conn.scalars(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind = 'r'"
            )
        ).all()
    definers = [f.proname for f in functions if f.prosecdef]
    assert len(definers) >= 12, definers
    names = [*tables, "pg_database", "pg_auth_members", "pg_roles"]
    assert "audit_log" in names and "lab_stations" in names
    for name, _definer, config, owner, body, public in functions:
        assert name.startswith("clinic_"), name  # besides btree_gist's, only the app's
        assert config == [SAFE_PATH], (name, config)
        assert owner == a.owner, (name, owner)
        assert not public, name  # REVOKE EXECUTE ... FROM PUBLIC
        code = re.sub(r"'[^']*'", "''", body)  # string literals may name a table
        unqualified = [t for t in names if re.search(rf"(?<![.\w]){t}\b", code)]
        assert unqualified == [], (name, unqualified)


def test_the_login_functions_of_the_direct_desktop_mode_are_gone(server: Server) -> None:
    a = server.a
    for call in (
        "SELECT clinic_create_login('someone', 'SCRAM-SHA-256$x', 'admin')",
        "SELECT clinic_set_login_password('someone', 'SCRAM-SHA-256$x')",
        "SELECT clinic_set_login_group('someone', 'admin')",
        "SELECT clinic_set_login_enabled('someone', true)",
        "SELECT clinic_set_own_password_hash('$argon2id$x')",
    ):
        assert "does not exist" in refused(a.app_engine(), call, actor=desk(a)), call


# --- the audit trail -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ACTORS)
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'mallory'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "INSERT INTO audit_log (at_utc, actor, action, entity) VALUES (now(), 'x', 'y', 'z')",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "ALTER TABLE patients DISABLE TRIGGER patients_row_audit",
        "SET session_replication_role = replica",
        "DROP TRIGGER audit_log_append_only ON audit_log",
        "ALTER TABLE audit_log OWNER TO CURRENT_USER",
    ],
)
def test_the_server_login_writes_deletes_or_switches_off_no_audit_trail(
    server: Server, who: Role | None, statement: str
) -> None:
    a = server.a
    message = refused(a.app_engine(), statement, actor=as_actor(a, who))
    assert any(
        words in message
        for words in ("permission denied", "append-only", "must be owner", "must be member")
    ), message


def test_an_audit_entry_cannot_name_another_user(server: Server) -> None:
    a = server.a
    action = f"claimed-{uuid.uuid4().hex[:8]}"
    committed(
        a.app_engine(),
        f"SELECT clinic_audit('{nurse(a)}', '{action}', 'x', NULL, NULL, NULL, NULL)",
        actor=desk(a),
    )
    assert audit_rows(a, f"action = '{action}'") == [(desk(a), action)]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE patients SET phone = '0' WHERE mrn = 'R5'",
        "INSERT INTO chairs (name, active, sort_order) VALUES ('Chair X', true, 9)",
        "SELECT clinic_audit('anyone', 'a', 'e', NULL, NULL, NULL, NULL)",
    ],
)
def test_a_write_without_an_actor_is_refused(server: Server, statement: str) -> None:
    a = server.a
    assert "clinic_no_actor" in refused(a.app_engine(), statement)
    assert attempt(a.app_engine(), statement, actor=desk(a)) is None


def test_every_table_belongs_to_the_owner_role(server: Server) -> None:
    a = server.a
    with a.superuser().connect() as conn:
        owners = set(
            conn.scalars(
                text(
                    "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v')"
                )
            )
        )
    assert owners == {a.owner}


# --- clinical data ------------------------------------------------------------------------------


def old_desk_connects(server: Server) -> str | None:
    """The front desk's login of revision 0010, with its password: None if it got in."""
    a = server.a
    engine = create_engine(a.url(a.old_desk), poolclass=NullPool)
    try:
        with engine.connect():
            return None
    except OperationalError as error:
        return str(error.orig)
    finally:
        engine.dispose()


def login_is_gone(server: Server, refusal: str | None) -> bool:
    """The old desk login was refused, and because its role is gone: PostgreSQL says "does not
    exist" under ``trust`` and "password authentication failed" where every login needs a
    password (``.ci/run``), so the catalogue is asked too."""
    if refusal is None:
        return False
    if not ("does not exist" in refusal or "password authentication failed" in refusal):
        return False
    admin = create_engine(PG_URL, poolclass=NullPool)
    try:
        with admin.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": server.a.old_desk}
            ).first()
    finally:
        admin.dispose()
    return found is None


def test_the_desk_cannot_insert_an_iron_dose_the_app_blocks(server: Server) -> None:
    """IV iron 4 weeks after denosumab: a BLOCK in the app (a clinical rule in Python). The
    desk's own login that wrote it straight into ``sessions`` is gone (revision 0011); through
    the server the rule refuses it (``_seed``)."""
    assert login_is_gone(server, old_desk_connects(server))


def test_the_desk_cannot_delete_findings(server: Server) -> None:
    assert login_is_gone(server, old_desk_connects(server))
    bare = create_engine(server.a.url(server.bare), poolclass=NullPool)
    with granted(server.a, "CONNECT", server.bare):
        assert "permission denied" in refused(bare, "DELETE FROM session_findings")


def test_the_desk_cannot_turn_a_block_into_a_warning(server: Server) -> None:
    assert login_is_gone(server, old_desk_connects(server))
    bare = create_engine(server.a.url(server.bare), poolclass=NullPool)
    with granted(server.a, "CONNECT", server.bare):
        assert "permission denied" in refused(
            bare, "UPDATE session_findings SET severity = 'WARN' WHERE severity = 'BLOCK'"
        )


def test_the_desk_cannot_unlink_a_lab_draw(server: Server) -> None:
    assert login_is_gone(server, old_desk_connects(server))
    bare = create_engine(server.a.url(server.bare), poolclass=NullPool)
    with granted(server.a, "CONNECT", server.bare):
        assert "permission denied" in refused(bare, "DELETE FROM lab_links")


@pytest.mark.parametrize("who", ACTORS)
def test_an_override_cannot_be_attached_to_a_forged_finding(
    server: Server, who: Role | None
) -> None:
    a = server.a
    override = a.ids["override"]
    forged_elsewhere = (
        "INSERT INTO session_findings (session_id, rule_id, severity, message, evidence, "
        f"override_id) VALUES ({a.ids['booked_session']}, :rule, 'BLOCK', :message, 'L', "
        f"{override})"
    )
    forged_rule = (
        "INSERT INTO session_findings (session_id, rule_id, severity, message, evidence, "
        f"override_id) VALUES ({a.ids['overridden_session']}, 'ZZ9', 'BLOCK', 'forged', 'L', "
        f"{override})"
    )
    plain = (
        "INSERT INTO session_findings (session_id, rule_id, severity, message, evidence) "
        f"VALUES ({a.ids['booked_session']}, 'ZZ8', 'BLOCK', 'plain', 'L')"
    )
    moved = (
        f"UPDATE session_findings SET override_id = {override} "
        f"WHERE session_id = {a.ids['booked_session']} AND rule_id = 'ZZ8'"
    )
    params = {"rule": a.ids["override_rule"], "message": a.ids["override_message"]}
    for statements in ((forged_elsewhere,), (forged_rule,), (plain, moved)):
        message = refused(a.app_engine(), *statements, actor=as_actor(a, who), **params)
        assert "covers only the finding it was given for" in message, message


@pytest.mark.parametrize("who", [None, Role.FRONT_DESK, Role.MANAGER, Role.ADMIN, Role.NURSE])
def test_an_override_is_a_nurses_under_their_own_name(server: Server, who: Role | None) -> None:
    """The desk (or anyone) writing an override, or a nurse writing one in another's name."""
    a = server.a
    message = refused(
        a.app_engine(),
        "INSERT INTO overrides (session_id, rule_id, message, overridden_by, reason, at_utc) "
        f"VALUES ({a.ids['booked_session']}, 'E3', 'm', :name, 'r', now())",
        actor=as_actor(a, who),
        name=desk(a) if who is Role.NURSE else nurse(a),
    )
    assert "only a nurse gives an override" in message or "clinic_no_actor" in message


@pytest.mark.parametrize("who", [Role.FRONT_DESK, Role.NURSE])
@pytest.mark.parametrize("status", ["booked", "arrived", "completed"])
def test_a_cancelled_session_cannot_be_uncancelled(server: Server, who: Role, status: str) -> None:
    a = server.a
    message = refused(
        a.app_engine(),
        f"UPDATE sessions SET status = '{status}' WHERE id = {a.ids['cancelled_session']}",
        actor=as_actor(a, who),
    )
    assert "cannot go from cancelled" in message or "only a nurse" in message, message


def test_the_status_flow_still_lets_a_nurse_check_in(server: Server) -> None:
    """The guard refuses steps outside the app's table, not the app's own steps."""
    a = server.a
    assert (
        attempt(
            a.app_engine(),
            f"UPDATE sessions SET status = 'arrived' WHERE id = {a.ids['booked_session']}",
            f"UPDATE sessions SET status = 'booked' WHERE id = {a.ids['booked_session']}",
            actor=nurse(a),
        )
        is None
    )
    message = refused(
        a.app_engine(),
        f"UPDATE sessions SET status = 'completed' WHERE id = {a.ids['booked_session']}",
        actor=nurse(a),
    )
    assert "cannot go from booked to completed" in message


@pytest.mark.parametrize("who", [Role.FRONT_DESK, Role.MANAGER, Role.ADMIN])
def test_only_a_nurse_checks_in_or_completes_a_lab_draw(server: Server, who: Role) -> None:
    a = server.a
    for statement in (
        f"UPDATE sessions SET status = 'arrived' WHERE id = {a.ids['booked_session']}",
        f"UPDATE lab_appointments SET status = 'completed' WHERE id = {a.ids['lab']}",
    ):
        message = refused(a.app_engine(), statement, actor=as_actor(a, who))
        assert "only a nurse" in message, (statement, message)


# --- roles ----------------------------------------------------------------------------------------


def test_the_server_login_creates_no_roles_and_grants_itself_nothing(server: Server) -> None:
    a = server.a
    me = a.app
    for statement in (
        f'CREATE ROLE "{unique_role_name("made")}" LOGIN',
        f'ALTER ROLE "{me}" CREATEROLE',
        f'ALTER ROLE "{me}" SUPERUSER',
        f'ALTER ROLE "{me}" BYPASSRLS',
        f'GRANT clinic_nurse TO "{me}"',
        f'GRANT clinic_admin TO "{me}"',
        f'GRANT "{a.owner}" TO "{me}"',
        f'GRANT pg_execute_server_program TO "{me}"',
        f'GRANT pg_read_server_files TO "{me}"',
        f'GRANT "{me}" TO "{server.bare}"',
        f'SET ROLE "{a.owner}"',
        f'SET SESSION AUTHORIZATION "{a.owner}"',
    ):
        message = refused(a.app_engine(), statement, actor=desk(a))
        assert any(
            words in message
            for words in ("permission denied", "must have admin option", "must be superuser")
        ), (statement, message)


def test_the_server_login_grants_itself_no_database_privilege(server: Server) -> None:
    """GRANT without the right is no error in PostgreSQL, only a warning: look at the result."""
    a = server.a
    with a.app_engine().connect() as conn:
        transaction = conn.begin()
        try:
            for grant in (
                f'GRANT TEMPORARY, CREATE ON DATABASE "{a.database}" TO "{a.app}"',
                f'GRANT CONNECT ON DATABASE "{server.b.database}" TO "{a.app}"',
                f'GRANT ALL ON audit_log TO "{a.app}"',
            ):
                try:  # a warning ("no privileges were granted") or an error: either way...
                    with conn.begin_nested():
                        conn.execute(text(grant))
                except DBAPIError as error:
                    assert "permission denied" in str(error.orig)
            held = conn.execute(
                text(
                    "SELECT has_database_privilege(current_database(), 'TEMP'), "
                    "has_database_privilege(current_database(), 'CREATE'), "
                    "has_database_privilege(:b, 'CONNECT'), "
                    "has_table_privilege('audit_log', 'DELETE')"
                ),
                {"b": server.b.database},
            ).one()
        finally:
            transaction.rollback()
    assert tuple(held) == (False, False, False, False)


def test_the_server_login_is_a_plain_login_of_its_own_clinic(server: Server) -> None:
    a = server.a
    with a.superuser().connect() as conn:
        row = conn.execute(
            text(
                "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls "
                "FROM pg_roles WHERE rolname = :n"
            ),
            {"n": a.app},
        ).one()
        assert not any(row), row
        memberships = conn.scalar(
            text(
                "SELECT count(*) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member "
                "WHERE u.rolname = :n"
            ),
            {"n": a.app},
        )
        assert memberships == 0
        databases = conn.scalars(
            text(
                "SELECT d.datname FROM pg_database d, aclexplode(d.datacl) x "
                "WHERE x.grantee = CAST(:n AS regrole)"
            ),
            {"n": a.app},
        ).all()
        assert databases == [a.database]
        for privilege in ("TEMP", "CREATE"):
            assert not conn.scalar(
                text("SELECT has_database_privilege(:n, current_database(), :p)"),
                {"n": a.app, "p": privilege},
            )
        assert not conn.scalar(
            text("SELECT has_schema_privilege(:n, 'public', 'CREATE')"), {"n": a.app}
        )


def test_user_add_never_takes_over_another_clinics_role(server: Server) -> None:
    """Clinic B's administrator adds users named like A's server role, A's owner and a bare
    login: rows of B's users table; not one of those roles is touched."""
    a, b = server.a, server.b
    with a.superuser().connect() as conn:
        before = conn.execute(
            text("SELECT rolname, rolpassword FROM pg_authid WHERE rolname = ANY(:n)"),
            {"n": [a.app, a.owner, server.bare]},
        ).all()
    b_services = open_services(
        b.url(b.app, APP_PASSWORD), clock=fixed_clock(NOW), create=False, migrate=False
    )
    try:
        for name in (a.app, a.owner, server.bare):
            b_services.auth.add_user(
                b.actor(Role.ADMIN), name.replace("_", "-"), "admin", "a password B chose"
            )
    finally:
        b_services.engine.dispose()
    with a.superuser().connect() as conn:
        after = conn.execute(
            text("SELECT rolname, rolpassword FROM pg_authid WHERE rolname = ANY(:n)"),
            {"n": [a.app, a.owner, server.bare]},
        ).all()
    assert sorted(after) == sorted(before)


# --- the server and other databases ------------------------------------------------------------


def test_the_server_login_runs_no_programs_and_reads_no_server_files(server: Server) -> None:
    engine = server.a.app_engine()
    for statement in (
        "COPY (SELECT 1) TO PROGRAM 'id'",
        "COPY audit_log FROM PROGRAM 'echo'",
        "COPY (SELECT 1) TO '/tmp/clinic_red_team'",
        "COPY patients FROM '/etc/hostname'",
        "SELECT pg_read_file('/etc/hostname')",
        "SELECT pg_ls_dir('.')",
        "CREATE FUNCTION public.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "CREATE TABLE public.mine (id integer)",
        "CREATE SCHEMA mine",
        "CREATE EXTENSION IF NOT EXISTS dblink",
    ):
        message = refused(engine, statement, actor=desk(server.a))
        assert "permission denied" in message or "must be superuser" in message, (
            statement,
            message,
        )


def test_a_clinics_server_login_cannot_connect_to_another_clinics_database(
    server: Server,
) -> None:
    a, b = server.a, server.b
    for clinic, other in ((a, b), (b, a)):
        intruder = create_engine(other.url(clinic.app, APP_PASSWORD), poolclass=NullPool)
        with pytest.raises(OperationalError, match="permission denied for database"):
            intruder.connect()
        intruder.dispose()


def test_a_login_with_no_grants_cannot_connect(server: Server) -> None:
    for clinic in (server.a, server.b):
        bare = create_engine(clinic.url(server.bare), poolclass=NullPool)
        with pytest.raises(OperationalError, match="permission denied for database"):
            bare.connect()
        bare.dispose()


def test_given_connect_a_login_with_no_grants_still_reads_and_runs_nothing(
    server: Server,
) -> None:
    a = server.a
    engine = create_engine(a.url(server.bare), poolclass=NullPool)
    with granted(a, "CONNECT", server.bare):
        for statement in (
            "SELECT * FROM patients",
            "SELECT * FROM audit_log",
            "SELECT clinic_audit('x', 'y', 'z', NULL, NULL, NULL, NULL)",
            "SELECT clinic_actor('x')",
            "SELECT clinic_grant_server_role(session_user::text)",
            "SELECT clinic_secure_database()",
            "CREATE TEMP TABLE audit_log (id integer)",
            "CREATE TABLE public.mine (id integer)",
        ):
            message = refused(engine, statement, actor=desk(a))
            assert "permission denied" in message, (statement, message)


def test_the_server_login_cannot_grant_itself_more_through_the_owners_functions(
    server: Server,
) -> None:
    a = server.a
    for statement in (
        "SELECT clinic_grant_server_role(session_user::text)",
        "SELECT clinic_secure_database()",
        "SELECT clinic_server_roles()",
    ):
        assert "permission denied for function" in refused(a.app_engine(), statement)


def test_the_database_is_closed_to_public(server: Server) -> None:
    for clinic in (server.a, server.b):
        with clinic.superuser().connect() as conn:
            public = conn.execute(
                text(
                    "SELECT a.privilege_type FROM pg_database d, "
                    "aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a "
                    "WHERE d.datname = current_database() AND a.grantee = 0 "
                    "UNION ALL SELECT 'schema ' || a.privilege_type FROM pg_namespace n, "
                    "aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a "
                    "WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE' "
                    "UNION ALL SELECT 'function ' || p.proname FROM pg_proc p "
                    "JOIN pg_namespace n ON n.oid = p.pronamespace, "
                    "aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a "
                    "WHERE n.nspname = 'public' AND a.grantee = 0 AND NOT EXISTS "
                    "(SELECT 1 FROM pg_depend e WHERE e.objid = p.oid AND e.deptype = 'e')"
                ),
            ).all()
            connect = set(
                conn.scalars(
                    text(
                        "SELECT pg_get_userbyid(a.grantee) FROM pg_database d, "
                        "aclexplode(d.datacl) a WHERE d.datname = current_database() "
                        "AND a.privilege_type = 'CONNECT'"
                    )
                )
            )
        assert public == []
        assert connect == {clinic.owner, clinic.app}


def run_psql(
    user: str, database: str, statement: str, password: str = PASSWORD
) -> subprocess.CompletedProcess[str]:
    """``psql -c STATEMENT`` as ``user`` with its password (libpq's PGPASSWORD)."""
    psql = shutil.which("psql")
    if psql is None:
        if pg_required():
            pytest.fail("CLINIC_APP_REQUIRE_PG=1 but psql is not installed")
        pytest.skip("psql is not installed")
    url = make_url(PG_URL)
    host, port = url.host or "127.0.0.1", str(url.port or 5432)
    options = ["-X", "-w", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", user]
    return subprocess.run(
        [psql, *options, "-d", database, "-c", statement],
        env={**os.environ, "PGPASSWORD": password},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_same_attacks_with_psql_itself(server: Server) -> None:
    """What the red team typed, through ``psql`` with the server login's own password (an
    actor set, as the server would), and with the old desk login's."""
    a = server.a
    actor = f"SELECT set_config('clinic.actor', '{desk(a)}', false); "
    for statement in (
        "CREATE TEMP TABLE audit_log (id integer)",
        "DELETE FROM audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        f'CREATE ROLE "{unique_role_name("psql")}" LOGIN',
        f'GRANT clinic_nurse TO "{a.app}"',
        f'GRANT "{a.owner}" TO "{a.app}"',
        "COPY (SELECT 1) TO PROGRAM 'id'",
        "CREATE TABLE public.mine (id integer)",
        f"UPDATE sessions SET status = 'arrived' WHERE id = {a.ids['booked_session']}",
    ):
        done = run_psql(a.app, a.database, actor + statement, APP_PASSWORD)
        assert done.returncode != 0, (statement, done.stdout)
        assert "ERROR:" in done.stderr, (statement, done.stderr)
    assert run_psql(a.app, a.database, "SELECT 1", APP_PASSWORD).returncode == 0  # it logs in
    intruder = run_psql(a.app, server.b.database, "SELECT 1", APP_PASSWORD)
    assert intruder.returncode != 0
    assert "permission denied for database" in intruder.stderr
    gone = run_psql(a.old_desk, a.database, "SELECT 1")
    assert gone.returncode != 0
    assert login_is_gone(server, gone.stderr)
