"""``init`` and ``demo`` through the command line: all or nothing, on SQLite and PostgreSQL.

The database connection here is the owner's (on PostgreSQL the test server's superuser), as
for ``init``; tests/cli/test_postgres_readme.py follows the README's PostgreSQL path with an
owner and the administrator's own login role.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from clinic_app.bootstrap import Services, open_services
from clinic_app.cli import main
from clinic_app.persistence.models import ChairRow, UserRow
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW
from tests.pg_login_roles import (
    DEMO_ROLE_NAMES,
    demo_roles_guard,
    drop_roles,
    roles_now,
    unique_role_name,
)

PASSWORD = "a long test password"


@pytest.fixture
def empty(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """A migrated database without users or clinic; the CLI reads PASSWORD from the env."""
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.delenv("CLINIC_APP_USER", raising=False)
    services = open_services(db_url, clock=fixed_clock(NOW))
    yield services
    services.engine.dispose()


@pytest.fixture
def admin_name(empty: Services, db_url: str) -> Iterator[str]:
    """A unique name for the first administrator (on PostgreSQL a cluster-wide login role)."""
    name = unique_role_name("admin")
    yield name
    if empty.ctx.db.dialect == "postgresql":
        empty.engine.dispose()
        drop_roles([name], db_url)


def run(services: Services, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err, services=services)
    return code, out.getvalue(), err.getvalue()


def guard(services: Services) -> AbstractContextManager[set[str]]:
    """On PostgreSQL the demo accounts are cluster-wide login roles with fixed names."""
    if services.ctx.db.dialect == "postgresql":
        return demo_roles_guard()
    return nullcontext(set())


def table_count(services: Services, model: type[ChairRow] | type[UserRow]) -> int:
    with services.ctx.db.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def test_init_with_demo_seeds_it_with_the_first_administrator(
    empty: Services, admin_name: str
) -> None:
    with guard(empty):
        code, out, err = run(empty, "init", "--admin", admin_name, "--demo")
        assert code == 0, err
        assert out.splitlines() == [
            f"administrator {admin_name} created",
            "clinic created: Mon-Fri 08:00-18:00, lab station 2 draws per 15 min",
            "demo clinic seeded: 8 chairs, 30 patients, 27 sessions (2 with a clinical override)",
        ]
        assert table_count(empty, ChairRow) == 8
        assert table_count(empty, UserRow) == 1 + len(DEMO_ROLE_NAMES)


def test_init_demo_into_an_existing_clinic_needs_the_administrator(
    empty: Services, admin_name: str
) -> None:
    assert run(empty, "init", "--admin", admin_name)[0] == 0
    code, _, err = run(empty, "init", "--demo")
    assert code == 2
    assert "--user ADMIN" in err
    assert table_count(empty, ChairRow) == 0
    with guard(empty):
        code, out, err = run(empty, "--user", admin_name, "init", "--demo")
        assert code == 0, err
        assert "demo clinic seeded: 8 chairs" in out
        assert table_count(empty, ChairRow) == 8


# ---------------------------------------------------------------- init is all or nothing


def assert_nothing_written(services: Services, admin: str) -> None:
    """No user, no clinic; on PostgreSQL no login role for the administrator either."""
    assert not services.auth.has_users()
    assert not services.setup.is_initialised()
    if services.ctx.db.dialect == "postgresql":
        assert roles_now([admin]) == set()


@pytest.mark.parametrize(
    "zone",
    [
        "Mars/Base",
        "",
        "Europe/london",
        "../../../etc/passwd",
        "/etc/localtime",
        "localtime",
        "Europe/London\x00",
        "a" * 3000,
    ],
)
def test_init_with_an_unknown_time_zone_writes_nothing(
    empty: Services, admin_name: str, zone: str
) -> None:
    code, out, err = run(empty, "init", "--admin", admin_name, "--timezone", zone)
    assert (code, out) == (2, "")
    assert "invalid input: timezone: unknown time zone" in err
    assert len(err) < 300
    assert_nothing_written(empty, admin_name)
    # and the same init with a real zone then works
    code, out, err = run(empty, "init", "--admin", admin_name, "--timezone", "Europe/Berlin")
    assert code == 0, err
    assert out.startswith(f"administrator {admin_name} created\nclinic created")


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["--name", ""], "name"),
        (["--name", "x" * 201], "name"),
        (["--name", "Clinic\x1b[2J"], "name"),
        (["--admin", "Bad Name"], "username"),
        (["--admin", "a" * 64], "username"),
    ],
)
def test_init_with_an_invalid_name_writes_nothing(
    empty: Services, admin_name: str, argv: list[str], field: str
) -> None:
    args = ["init", "--admin", admin_name, *argv]  # a later --admin wins
    code, out, err = run(empty, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"invalid input: {field}:")
    assert_nothing_written(empty, admin_name)


def test_init_with_a_short_password_writes_nothing(
    empty: Services, admin_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLINIC_APP_PASSWORD", "short")
    code, out, err = run(empty, "init", "--admin", admin_name, "--timezone", "Mars/Base")
    assert (code, out) == (2, "")
    assert_nothing_written(empty, admin_name)
    code, out, err = run(empty, "init", "--admin", admin_name)
    assert (code, out) == (2, "")
    assert "password" in err
    assert_nothing_written(empty, admin_name)


# The database refuses to store the clinic: the last write of init, after the administrator
# (on PostgreSQL after CREATE ROLE). On PostgreSQL it is a refusal for lack of privilege.
REFUSE_CLINIC = {
    "sqlite": [
        "CREATE TRIGGER test_refuse_clinic BEFORE INSERT ON clinic_settings "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'permission denied for table clinic_settings' USING ERRCODE = '42501'; "
        "END $$",
        "CREATE TRIGGER test_refuse_clinic BEFORE INSERT ON clinic_settings "
        "FOR EACH ROW EXECUTE FUNCTION test_refuse()",
    ],
}


def test_init_that_fails_after_the_administrator_leaves_no_administrator(
    empty: Services, admin_name: str
) -> None:
    dialect = empty.ctx.db.dialect
    with empty.engine.begin() as connection:
        for statement in REFUSE_CLINIC[dialect]:
            connection.execute(text(statement))
    try:
        code: int | None = run(empty, "init", "--admin", admin_name)[0]
    except DBAPIError:
        code = None  # SQLite's refusal is not a case the CLI words; what matters is below
    assert code != 0
    if dialect == "postgresql":
        assert code == 5
    assert_nothing_written(empty, admin_name)
