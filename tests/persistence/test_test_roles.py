"""The test harness on a shared PostgreSQL server: test roles never outlive their database.

Roles are cluster-wide. Two test runs on one server (several engineers, or CI beside a
developer) must not meet: every test user's name carries the run's tag, app users are no
login roles (revision 0011), and dropping a test database drops the app role its clinic
server used (``app_role_url``).
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import open_services
from tests.cli.test_cli import USERS
from tests.conftest import (
    PG_URL,
    RUN_TAG,
    app_role_url,
    drop_pg_database,
    fresh_pg_database,
    login_name,
)

PASSWORD = "a long test password"


def existing_roles(names: list[str]) -> set[str]:
    admin = create_engine(PG_URL, poolclass=NullPool)
    with admin.connect() as conn:
        found = set(
            conn.scalars(
                text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
                {"names": names},
            )
        )
    admin.dispose()
    return found


def test_test_user_names_carry_the_run_tag() -> None:
    assert login_name("ada") == f"ada.{RUN_TAG}"
    assert all(name.endswith(RUN_TAG) and name != short for short, name in USERS.items())


@pytest.mark.postgres
def test_users_get_no_roles_and_dropping_a_test_database_drops_its_app_role(
    pg_template: str,
) -> None:
    url, name = fresh_pg_database(pg_template)
    served = app_role_url(url)
    app_role = served.split("://", 1)[1].split(":", 1)[0]
    assert RUN_TAG in app_role
    services = open_services(served)
    admin_name, nurse_name = login_name("harness-admin"), login_name("harness-nurse")
    admin = services.auth.create_first_admin(admin_name, PASSWORD)
    services.auth.add_user(admin, nurse_name, "nurse", PASSWORD)
    services.engine.dispose()
    assert existing_roles([admin_name, nurse_name, app_role]) == {app_role}

    drop_pg_database(name)

    assert existing_roles([app_role]) == set()


@pytest.mark.postgres
def test_roles_that_are_not_app_users_are_never_dropped(pg_template: str) -> None:
    """A users row naming the server's superuser must not take the superuser with it."""
    url, name = fresh_pg_database(pg_template)
    owner = create_engine(url, poolclass=NullPool)
    with owner.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, full_name, role, password_hash, active, "
                "failed_attempts, created_at) "
                "VALUES (current_user, '', 'admin', '', true, 0, now())"
            )
        )
        superuser = conn.scalar(text("SELECT current_user"))
    owner.dispose()

    drop_pg_database(name)

    assert existing_roles([superuser]) == {superuser}
