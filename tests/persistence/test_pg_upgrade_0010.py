"""An existing PostgreSQL deployment upgraded to 0010: its logins are cut back to what a clinic
login may be, and the database is closed to everyone else.

Before 0010 the administrator's login had CREATEROLE; the red team used it to grant itself the
nurse group and ``pg_execute_server_program``, and gave the desk ADMIN OPTION on its group. The
upgrade takes every one of those back, keeps each login in the group its users row names,
grants it CONNECT, and the administrator still adds users (through the owner's function).

From 0009 (tokens' 0008: deactivation and role changes through ALTER ROLE), also: a user
promoted to administrator had been given CREATEROLE, and a deactivated user's login is NOLOGIN.
The upgrade takes that CREATEROLE back too, keeps a deactivated user's login off (and switches
off the login of a user the users table says is inactive). Revision 0011 then drops these
logins altogether (test_pg_upgrade_0011.py): this test stops at 0010.
"""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import open_services
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import alembic_config
from tests.conftest import PG_URL
from tests.pg_login_roles import drop_roles, unique_role_name

pytestmark = pytest.mark.postgres
PASSWORD = "a long upgrade password"


def memberships(conn: Connection, name: str) -> list[tuple[object, ...]]:
    rows = conn.execute(
        text(
            "SELECT g.rolname, m.admin_option FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :n"
        ),
        {"n": name},
    ).all()
    return [tuple(m) for m in rows]


@pytest.mark.parametrize("start", ["0007", "0009"])
def test_an_existing_deployment_is_cut_back_and_closed_on_upgrade(
    pg_template: str, start: str
) -> None:
    database = f"clinic_up10_{uuid.uuid4().hex[:10]}"
    url = make_url(PG_URL).set(database=database).render_as_string(hide_password=False)
    admin, desk, stranger = (unique_role_name(p) for p in ("oldadmin", "olddesk", "stranger"))
    promoted, leaver, inactive = (unique_role_name(p) for p in ("promoted", "leaver", "inactive"))
    added = unique_role_name("added")
    tokens_era = start >= "0008"
    server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    engine = make_engine(url, poolclass=NullPool)
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, start)
        statements = [  # the logins as 0004's code made them, and the red team
            f"CREATE ROLE \"{admin}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'",
            f'GRANT clinic_admin TO "{admin}"',
            f'GRANT clinic_nurse TO "{admin}"',
            f'GRANT pg_execute_server_program TO "{admin}"',
            f"CREATE ROLE \"{desk}\" LOGIN PASSWORD '{PASSWORD}'",
            f'GRANT clinic_front_desk TO "{desk}" WITH ADMIN OPTION',
            f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD '{PASSWORD}'",
        ]
        users = [(admin, "admin", True), (desk, "front-desk", True)]
        if tokens_era:  # as 0008's set_role and deactivate_user left them
            statements += [
                f"CREATE ROLE \"{promoted}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'",
                f'GRANT clinic_admin TO "{promoted}"',
                f"CREATE ROLE \"{leaver}\" NOLOGIN CREATEROLE PASSWORD '{PASSWORD}'",
                f'GRANT clinic_admin TO "{leaver}"',
                f"CREATE ROLE \"{inactive}\" LOGIN PASSWORD '{PASSWORD}'",
                f'GRANT clinic_nurse TO "{inactive}"',
            ]
            users += [
                (promoted, "admin", True),
                (leaver, "admin", False),
                (inactive, "nurse", False),
            ]
        with server.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
        with engine.begin() as conn:
            for name, role, active in [*users, (None, "admin", True)]:
                conn.execute(
                    text(
                        "INSERT INTO users (username, full_name, role, password_hash, active, "
                        "failed_attempts, created_at) VALUES "
                        "(coalesce(:name, current_user), '', :role, '', :active, 0, now())"
                    ),
                    {"name": name, "role": role, "active": active},
                )

        with engine.begin() as conn:  # to 0010 itself: 0011 drops these logins altogether
            config.attributes["connection"] = conn
            command.upgrade(config, "0010")

        expected = {admin: ("clinic_admin", True), desk: ("clinic_front_desk", True)}
        if tokens_era:
            expected |= {
                promoted: ("clinic_admin", True),
                leaver: ("clinic_admin", False),
                inactive: ("clinic_nurse", False),
            }
        with engine.connect() as conn:
            for name, (group, can_login) in expected.items():
                row = conn.execute(
                    text("SELECT rolcreaterole, rolcanlogin FROM pg_roles WHERE rolname = :n"),
                    {"n": name},
                ).one()
                assert tuple(row) == (False, can_login), name
                assert memberships(conn, name) == [(group, False)], name
                assert conn.scalar(text("SELECT clinic_clinic_role(:n)"), {"n": name}), name
                assert conn.scalar(text("SELECT clinic_clinic_login(:n)"), {"n": name}) is (
                    can_login
                ), name
            connect = set(
                conn.scalars(
                    text(
                        "SELECT pg_get_userbyid(a.grantee) FROM pg_database d, "
                        "aclexplode(d.datacl) a WHERE d.datname = current_database() "
                        "AND a.privilege_type = 'CONNECT'"
                    )
                )
            )
            owner = conn.scalar(text("SELECT current_user"))
        assert connect == {owner, *expected}
        intruder = create_engine(
            make_url(url).set(username=stranger, password=PASSWORD), poolclass=NullPool
        )
        with pytest.raises(OperationalError, match="permission denied for database"):
            intruder.connect()
        intruder.dispose()
        # What the administrator's login then did through the owner's checked functions is
        # gone with revision 0011 (tests/persistence/test_pg_upgrade_0011.py).
    finally:
        engine.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        server.dispose()
        drop_roles([admin, desk, stranger, added, promoted, leaver, inactive])


def public_grants(url: str) -> list[str]:
    """What PUBLIC holds on the database and on schema public."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        found = conn.scalars(
            text(
                "SELECT a.privilege_type FROM pg_database d, "
                "aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a "
                "WHERE d.datname = current_database() AND a.grantee = 0 "
                "UNION ALL SELECT 'schema ' || a.privilege_type FROM pg_namespace n, "
                "aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a "
                "WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE'"
            )
        ).all()
    engine.dispose()
    return sorted(found)


def test_init_at_the_newest_revision_closes_a_restored_database_again(pg_url: str) -> None:
    """``pg_restore`` without ``--create`` leaves the database's ACL as the new database had it
    (CONNECT and TEMP for PUBLIC): the owner's next ``init`` (create=True) closes it again,
    though the schema is at the newest revision and nothing is migrated."""
    assert public_grants(pg_url) == []
    database = make_url(pg_url).database
    server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO PUBLIC'))
    server.dispose()
    with create_engine(pg_url, poolclass=NullPool).begin() as conn:
        conn.execute(text("GRANT CREATE ON SCHEMA public TO PUBLIC"))
    assert public_grants(pg_url) == ["CONNECT", "TEMPORARY", "schema CREATE"]
    services = open_services(pg_url, create=False)  # any other command: left as it is
    services.engine.dispose()
    assert public_grants(pg_url) == ["CONNECT", "TEMPORARY", "schema CREATE"]
    services = open_services(pg_url, create=True)  # `clinic-app init` as the owner
    assert services.schema_upgrade is None
    services.engine.dispose()
    assert public_grants(pg_url) == []
