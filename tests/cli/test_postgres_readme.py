"""The README's PostgreSQL deployment, command by command, as separate processes.

IT creates the database and runs ``init --admin NAME`` as its owner (here a login role that
may create roles and is no superuser); the administrator then works on their own login role.
The administrator's ``demo`` is refused with a clear message and exit 5, writing nothing, as
often as it is tried; the owner seeds the demo with ``--user NAME init --demo``, and a demo
account logs in on its own login role. Passes on a server that trusts local logins and on one
that requires passwords of the app's users (.ci/run).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.conftest import PG_URL
from tests.pg_login_roles import (
    DEMO_ROLE_NAMES,
    demo_roles_guard,
    demo_roles_now,
    drop_roles,
    roles_now,
    server_url,
    unique_role_name,
)

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ADMIN_PASSWORD = "the administrator's long password"


@dataclass(frozen=True)
class Deployment:
    """An empty database, its owner, and the name the first administrator will have."""

    database: str
    owner: str
    owner_password: str
    admin: str
    home: Path

    def owner_url(self) -> str:
        """``postgresql+psycopg://OWNER@server/clinic``: the owner's password comes from libpq."""
        return server_url(self.database, self.owner)

    def app_url(self) -> str:
        """``postgresql+psycopg://server/clinic``: the app adds the logged-in user."""
        return server_url(self.database)


def _with_db(database: str) -> str:
    """The test server's own login on ``database``, to look at what the commands left."""
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture
def deployment(pg_template: str, tmp_path: Path) -> Iterator[Deployment]:
    """IT's part of step 1: an owner role and an empty database it owns.

    ``pg_template`` is asked for its check only: without a server the test skips (in CI fails).
    """
    suffix = uuid.uuid4().hex[:12]
    made = Deployment(
        database=f"clinic_readme_{suffix}",
        owner=unique_role_name("owner"),
        owner_password=f"owner password {suffix}",
        admin=unique_role_name("admin"),
        home=tmp_path,
    )
    server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        # The password is letters, digits and spaces: safe as a literal (no bind in DDL).
        connection.execute(
            text(f"CREATE ROLE \"{made.owner}\" LOGIN CREATEROLE PASSWORD '{made.owner_password}'")
        )
        connection.execute(text(f'CREATE DATABASE "{made.database}" OWNER "{made.owner}"'))
    yield made
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{made.database}" WITH (FORCE)'))
    server.dispose()
    drop_roles([made.admin, made.owner])


def clinic_app(
    deployment: Deployment, *argv: str, password: str = ADMIN_PASSWORD, as_owner: bool = False
) -> tuple[int, str, str]:
    """One ``clinic-app`` process, with the passwords where the README says they come from."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CLINIC_APP_DB", "CLINIC_APP_USER", "PGPASSWORD")
    }
    env["CLINIC_APP_PASSWORD"] = password
    # The log and data folders of a user of our own, not the test runner's.
    env["XDG_STATE_HOME"] = str(deployment.home / "state")
    env["XDG_DATA_HOME"] = str(deployment.home / "data")
    if as_owner:
        env["PGPASSWORD"] = deployment.owner_password  # libpq's way; the URL names no password
    done = subprocess.run(
        [sys.executable, "-m", "clinic_app", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def rows(deployment: Deployment, sql: str) -> list[tuple[object, ...]]:
    engine = create_engine(_with_db(deployment.database), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def contents(deployment: Deployment) -> dict[str, object]:
    """What the demo would add: users, chairs, patients, sessions."""
    return {
        "users": sorted(r[0] for r in rows(deployment, "SELECT username FROM users")),
        "chairs": rows(deployment, "SELECT count(*) FROM chairs")[0][0],
        "patients": rows(deployment, "SELECT count(*) FROM patients")[0][0],
        "sessions": rows(deployment, "SELECT count(*) FROM sessions")[0][0],
    }


def test_readme_path_demo_refused_for_the_administrator_then_seeded_by_the_owner(
    deployment: Deployment,
) -> None:
    d = deployment
    # 1. The owner: migrations, group roles, grants, the first administrator.
    code, out, err = clinic_app(d, "--db", d.owner_url(), "init", "--admin", d.admin, as_owner=True)
    assert code == 0, err
    assert f"administrator {d.admin} created" in out
    assert roles_now([d.admin]) == {d.admin}
    empty_clinic = {"users": [d.admin], "chairs": 0, "patients": 0, "sessions": 0}
    assert contents(d) == empty_clinic

    with demo_roles_guard() as demo_roles_before:
        # The administrator's own login: the demo is refused, twice, and writes nothing.
        for _attempt in range(2):
            code, out, err = clinic_app(d, "--db", d.app_url(), "--user", d.admin, "demo")
            assert (code, out) == (5, ""), err
            assert "Traceback" not in err
            assert err.startswith("not permitted: the database refused it: permission denied")
            assert "Nothing was written" in err
            assert f"--user {d.admin} init --demo" in err
            assert "already holds a clinic" not in err
            assert contents(d) == empty_clinic
            assert demo_roles_now() == demo_roles_before

        # The owner seeds it, the administrator logged in by the server.
        code, out, err = clinic_app(
            d, "--db", d.owner_url(), "--user", d.admin, "init", "--demo", as_owner=True
        )
        assert code == 0, err
        assert "demo clinic seeded: 8 chairs, 30 patients" in out
        assert demo_roles_now() == set(DEMO_ROLE_NAMES)
        seeded = contents(d)
        assert seeded["users"] == sorted([d.admin, *DEMO_ROLE_NAMES])
        assert (seeded["chairs"], seeded["patients"]) == (8, 30)

        # A demo account works on its own login role: the nurse reads a booked day.
        first_day = rows(
            d,
            "SELECT min((start_utc AT TIME ZONE s.timezone)::date) FROM sessions, "
            "clinic_settings s",
        )[0][0]
        assert isinstance(first_day, date)
        code, out, err = clinic_app(
            d,
            "--db",
            d.app_url(),
            "--user",
            "demo.nurse",
            "day",
            first_day.isoformat(),
            "--json",
            password="demo-password",
        )
        assert code == 0, err
        assert json.loads(out)["sessions"]

        # The administrator's demo now finds a clinic with data and leaves it alone.
        code, out, err = clinic_app(d, "--db", d.app_url(), "--user", d.admin, "demo")
        assert code == 0, err
        assert "already holds a clinic with data" in out
        assert contents(d) == seeded


def test_readme_init_with_an_unknown_time_zone_leaves_the_database_empty(
    deployment: Deployment,
) -> None:
    d = deployment
    code, out, err = clinic_app(
        d,
        "--db",
        d.owner_url(),
        "init",
        "--admin",
        d.admin,
        "--timezone",
        "Mars/Base",
        as_owner=True,
    )
    assert (code, out) == (2, "")
    assert err == (
        "invalid input: timezone: unknown time zone 'Mars/Base' (expected e.g. Europe/London)\n"
    )
    assert rows(d, "SELECT count(*) FROM users")[0][0] == 0
    assert rows(d, "SELECT count(*) FROM clinic_settings")[0][0] == 0
    assert roles_now([d.admin]) == set()

    code, out, err = clinic_app(
        d,
        "--db",
        d.owner_url(),
        "init",
        "--admin",
        d.admin,
        "--timezone",
        "Europe/Dublin",
        as_owner=True,
    )
    assert code == 0, err
    assert rows(d, "SELECT timezone FROM clinic_settings") == [("Europe/Dublin",)]
