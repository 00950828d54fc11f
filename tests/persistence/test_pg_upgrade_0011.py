"""An existing PostgreSQL deployment upgraded to 0011: its per-user login roles are dropped, and
only its own; another clinic on the same server keeps every one of its logins.

Two clinic databases at revision 0010 share a server, each with logins made as 0010 made them
(``clinic_create_login``, run by the owner). A role that may also connect to the other clinic
(a user taken over before 0010) is only cut off from the upgraded clinic; a role of the same
name as a user that is not a clinic login is left alone. After the upgrade the old desk login
no longer exists, the group roles hold nothing in the upgraded database, the login functions
are gone, and a write without an audit actor is refused to anyone but the owner.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.pool import NullPool

from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import alembic_config, upgrade_to_head
from tests.conftest import PG_URL, app_role_url
from tests.pg_login_roles import drop_roles, unique_role_name

pytestmark = pytest.mark.postgres
PASSWORD = "a long upgrade password"


@dataclass
class Clinic:
    database: str
    url: str
    engine: Engine


def _at_0010(database: str) -> Clinic:
    server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    server.dispose()
    url = make_url(PG_URL).set(database=database).render_as_string(hide_password=False)
    engine = make_engine(url, poolclass=NullPool)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0010")
        conn.execute(text("SELECT public.clinic_secure_database()"))
    return Clinic(database, url, engine)


def _user(conn: Connection, name: str, role: str, active: bool = True) -> None:
    conn.execute(
        text(
            "INSERT INTO users (username, full_name, role, password_hash, active, "
            "failed_attempts, created_at) VALUES (:n, '', :r, '', :a, 0, now())"
        ),
        {"n": name, "r": role, "a": active},
    )


def _login(conn: Connection, name: str, role: str, active: bool = True) -> None:
    """A user and its login, as 0010's ``clinic_create_login`` made them (owner-run)."""
    _user(conn, name, role, active)
    driver = conn.connection.driver_connection
    assert driver is not None
    secret = driver.pgconn.encrypt_password(PASSWORD.encode(), name.encode(), b"scram-sha-256")
    conn.execute(
        text("SELECT public.clinic_create_login(:n, :s, :r)"),
        {"n": name, "s": secret.decode(), "r": role},
    )
    if not active:
        conn.execute(text("SELECT public.clinic_set_login_enabled(:n, false)"), {"n": name})


def roles(names: list[str]) -> set[str]:
    server = create_engine(PG_URL, poolclass=NullPool)
    with server.connect() as conn:
        found = set(
            conn.scalars(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": names})
        )
    server.dispose()
    return found


def connects(clinic: Clinic, user: str) -> bool:
    engine = create_engine(
        make_url(clinic.url).set(username=user, password=PASSWORD), poolclass=NullPool
    )
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT session_user")) == user
    except OperationalError:
        return False
    finally:
        engine.dispose()


@dataclass
class Names:
    desk: str
    admin: str
    leaver: str
    neighbour: str
    shared: str
    stranger: str


@pytest.fixture
def two_clinics(pg_template: str) -> Iterator[tuple[Clinic, Clinic, Names]]:
    """``pg_template`` for its check only (no server: skip; in CI: fail)."""
    tag = uuid.uuid4().hex[:10]
    a, b = _at_0010(f"clinic_up11a_{tag}"), _at_0010(f"clinic_up11b_{tag}")
    n = Names(*(unique_role_name(p) for p in ("desk", "admin", "leaver", "nb", "shared", "st")))
    try:
        with a.engine.begin() as conn:
            _login(conn, n.desk, "front-desk")
            _login(conn, n.admin, "admin")
            _login(conn, n.leaver, "nurse", active=False)
            _login(conn, n.shared, "nurse")
            _user(conn, n.neighbour, "nurse")  # B's login's name: A never got that role
            _user(conn, n.stranger, "nurse")  # a role of that name in no clinic group
        with b.engine.begin() as conn:
            _login(conn, n.neighbour, "front-desk")
            _user(conn, n.shared, "nurse")
            conn.execute(text(f'GRANT CONNECT ON DATABASE "{b.database}" TO "{n.shared}"'))
        server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with server.connect() as conn:
            conn.execute(text(f"CREATE ROLE \"{n.stranger}\" LOGIN PASSWORD '{PASSWORD}'"))
        server.dispose()
        yield a, b, n
    finally:
        server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        for clinic in (a, b):
            clinic.engine.dispose()
            with server.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{clinic.database}" WITH (FORCE)'))
        server.dispose()
        drop_roles([*vars(n).values(), f"srv_{a.database}"])


def test_the_upgrade_drops_this_clinics_logins_and_only_those(
    two_clinics: tuple[Clinic, Clinic, Names],
) -> None:
    a, b, n = two_clinics
    assert connects(a, n.desk) and connects(b, n.neighbour) and connects(a, n.shared)

    upgrade_to_head(a.engine)

    # This clinic's logins are gone (a deactivated user's too): the desk cannot connect.
    assert roles([n.desk, n.admin, n.leaver]) == set()
    assert not connects(a, n.desk)
    # The neighbour's login, a role taken over before 0010 that B still uses, a stranger: kept.
    assert roles([n.neighbour, n.shared, n.stranger]) == {n.neighbour, n.shared, n.stranger}
    assert connects(b, n.neighbour)
    assert connects(b, n.shared)
    assert not connects(a, n.shared)  # ...but cut off from A
    with b.engine.connect() as conn:  # B, still at 0010, keeps its groups' grants
        assert conn.scalar(
            text("SELECT has_table_privilege('clinic_front_desk', 'patients', 'INSERT')")
        )
        assert conn.scalar(
            text("SELECT pg_has_role(:n, 'clinic_nurse', 'MEMBER')"), {"n": n.shared}
        )

    with a.engine.connect() as conn:
        for group in ("clinic_front_desk", "clinic_nurse", "clinic_manager", "clinic_admin"):
            held = conn.scalar(
                text(
                    "SELECT count(*) FROM information_schema.role_table_grants "
                    "WHERE grantee = :g AND table_schema = 'public'"
                ),
                {"g": group},
            )
            assert held == 0, group
        gone = conn.scalars(
            text(
                "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND "
                "proname IN ('clinic_create_login', 'clinic_set_login_password', "
                "'clinic_set_login_enabled', 'clinic_set_login_group', "
                "'clinic_set_own_password_hash', 'clinic_clinic_role')"
            )
        ).all()
        assert gone == []
        connect = set(
            conn.scalars(
                text(
                    "SELECT pg_get_userbyid(a.grantee) FROM pg_database d, "
                    "aclexplode(d.datacl) a WHERE d.datname = current_database() "
                    "AND a.privilege_type = 'CONNECT'"
                )
            )
        )
        assert connect == {conn.scalar(text("SELECT current_user"))}

    # The server's app role writes only with an actor, recorded by the database.
    served = create_engine(app_role_url(a.url), poolclass=NullPool)
    try:
        with served.connect() as conn, pytest.raises(ProgrammingError, match="clinic_no_actor"):
            conn.execute(
                text("UPDATE users SET full_name = 'x' WHERE username = :n"), {"n": n.desk}
            )
        with served.begin() as conn:
            conn.execute(text("SELECT set_config('clinic.actor', :n, true)"), {"n": n.admin})
            conn.execute(
                text("UPDATE users SET full_name = 'x' WHERE username = :n"), {"n": n.desk}
            )
            actor = conn.scalar(text("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1"))
        assert actor == n.admin
    finally:
        served.dispose()
