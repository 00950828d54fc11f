"""An existing PostgreSQL deployment upgraded to 0010: its logins are cut back to what a clinic
login may be, and the database is closed to everyone else.

Before 0010 the administrator's login had CREATEROLE; the red team used it to grant itself the
nurse group and ``pg_execute_server_program``, and gave the desk ADMIN OPTION on its group. The
upgrade takes every one of those back, keeps each login in the group its users row names,
grants it CONNECT, and the administrator still adds users (through the owner's function).
"""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import open_services
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import alembic_config, upgrade_to_head
from clinic_app.persistence.pg_logins import url_for_user
from tests.conftest import PG_URL
from tests.pg_login_roles import drop_roles, unique_role_name

pytestmark = pytest.mark.postgres
PASSWORD = "a long upgrade password"


def test_an_existing_deployment_is_cut_back_and_closed_on_upgrade(pg_template: str) -> None:
    database = f"clinic_up10_{uuid.uuid4().hex[:10]}"
    url = make_url(PG_URL).set(database=database).render_as_string(hide_password=False)
    admin, desk, stranger = (unique_role_name(p) for p in ("oldadmin", "olddesk", "stranger"))
    added = unique_role_name("added")
    server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    engine = make_engine(url, poolclass=NullPool)
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0007")
        with server.connect() as conn:  # the logins as 0004's code made them, and the red team
            for statement in (
                f"CREATE ROLE \"{admin}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'",
                f'GRANT clinic_admin TO "{admin}"',
                f'GRANT clinic_nurse TO "{admin}"',
                f'GRANT pg_execute_server_program TO "{admin}"',
                f"CREATE ROLE \"{desk}\" LOGIN PASSWORD '{PASSWORD}'",
                f'GRANT clinic_front_desk TO "{desk}" WITH ADMIN OPTION',
                f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD '{PASSWORD}'",
            ):
                conn.execute(text(statement))
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO users (username, full_name, role, password_hash, active, "
                    "failed_attempts, created_at) VALUES "
                    "(:admin, '', 'admin', '', true, 0, now()), "
                    "(:desk, '', 'front-desk', '', true, 0, now()), "
                    "(current_user, '', 'admin', '', true, 0, now())"
                ),
                {"admin": admin, "desk": desk},
            )

        upgrade_to_head(engine)

        with engine.connect() as conn:
            for name, group in ((admin, "clinic_admin"), (desk, "clinic_front_desk")):
                assert not conn.scalar(
                    text("SELECT rolcreaterole FROM pg_roles WHERE rolname = :n"), {"n": name}
                )
                memberships = conn.execute(
                    text(
                        "SELECT g.rolname, m.admin_option FROM pg_auth_members m "
                        "JOIN pg_roles g ON g.oid = m.roleid "
                        "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :n"
                    ),
                    {"n": name},
                ).all()
                assert [tuple(m) for m in memberships] == [(group, False)], name
                assert conn.scalar(text("SELECT clinic_clinic_login(:n)"), {"n": name})
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
        assert connect == {owner, admin, desk}
        intruder = create_engine(url_for_user(url, stranger, PASSWORD), poolclass=NullPool)
        with pytest.raises(OperationalError, match="permission denied for database"):
            intruder.connect()
        intruder.dispose()

        # The administrator still adds users, through the owner's checked function.
        services = open_services(url_for_user(url, admin, PASSWORD))
        try:
            actor = services.auth.authenticate(admin, PASSWORD)
            services.auth.add_user(actor, added, "nurse", PASSWORD)
        finally:
            services.engine.dispose()
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT clinic_clinic_login(:n)"), {"n": added})
    finally:
        engine.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        server.dispose()
        drop_roles([admin, desk, stranger, added])
