"""The test harness on a shared PostgreSQL server: test users never outlive their database.

Login roles are cluster-wide. Two test runs on one server (several engineers, or CI beside a
developer) must not meet: every test user's name carries the run's tag, and dropping a test
database drops the login roles its users got.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import open_services
from tests.cli.test_cli import USERS
from tests.conftest import PG_URL, RUN_TAG, drop_pg_database, fresh_pg_database, login_name

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
def test_dropping_a_test_database_drops_its_users_login_roles(pg_template: str) -> None:
    url, name = fresh_pg_database(pg_template)
    services = open_services(url)
    admin_name, nurse_name = login_name("harness-admin"), login_name("harness-nurse")
    admin = services.auth.create_first_admin(admin_name, PASSWORD)
    services.auth.add_user(admin, nurse_name, "nurse", PASSWORD)
    services.engine.dispose()
    assert existing_roles([admin_name, nurse_name]) == {admin_name, nurse_name}

    drop_pg_database(name)

    assert existing_roles([admin_name, nurse_name]) == set()


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
