"""The README's PostgreSQL deployment, command by command, as separate processes.

IT creates the database and runs ``init --admin NAME`` as its owner (here a login role that
may create roles and is no superuser), then ``db app-role`` (the password on stdin) makes the
clinic server's login. ``serve`` refuses the owner (exit 2) and runs as the app role (its
password in ``PGPASSWORD``, never in the URL); a desk given the PostgreSQL URL is sent to
``--server`` (exit 2); the owner seeds the demo with ``--user NAME init --demo``; the
administrator and a demo account then work through the server. No app user is a PostgreSQL
role at any point (revision 0011).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.conftest import PG_URL
from tests.pg_login_roles import (
    DEMO_ROLE_NAMES,
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
    app_role: str = ""

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
        app_role=f"clinic_server_{suffix}",
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
    drop_roles([made.admin, made.app_role, made.owner])


def _env(
    deployment: Deployment, password: str, as_owner: bool, pg_password: str | None = None
) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CLINIC_APP_DB", "CLINIC_APP_USER", "PGPASSWORD")
    }
    env["CLINIC_APP_PASSWORD"] = password
    env["CLINIC_APP_NEW_PASSWORD"] = "a new user's long password"
    # The log and data folders of a user of our own, not the test runner's.
    env["XDG_STATE_HOME"] = str(deployment.home / "state")
    env["XDG_DATA_HOME"] = str(deployment.home / "data")
    if as_owner:
        env["PGPASSWORD"] = deployment.owner_password  # libpq's way; the URL names no password
    if pg_password is not None:
        env["PGPASSWORD"] = pg_password
    return env


def clinic_app(
    deployment: Deployment,
    *argv: str,
    password: str = ADMIN_PASSWORD,
    as_owner: bool = False,
    stdin: str | None = None,
) -> tuple[int, str, str]:
    """One ``clinic-app`` process, with the passwords where the README says they come from."""
    done = subprocess.run(
        [sys.executable, "-m", "clinic_app", *argv],
        env=_env(deployment, password, as_owner),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


APP_ROLE_PASSWORD = "the clinic server's own long password"


@contextmanager
def serving(deployment: Deployment) -> Iterator[str]:
    """``clinic-app serve`` as the app role (its password in PGPASSWORD): the base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = deployment.home / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "clinic_app",
                "serve",
                "--db",
                server_url(deployment.database, deployment.app_role),
                "--port",
                str(port),
            ],
            env=_env(deployment, "", False, APP_ROLE_PASSWORD),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text(errors="replace")[-2000:]
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer within 60 s"
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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


def test_readme_path_owner_app_role_server_and_desks(deployment: Deployment) -> None:
    d = deployment
    # 1. The owner: migrations, the first administrator (a users row, no login role).
    code, out, err = clinic_app(d, "--db", d.owner_url(), "init", "--admin", d.admin, as_owner=True)
    assert code == 0, err
    assert f"administrator {d.admin} created" in out
    assert roles_now([d.admin]) == set()
    empty_clinic = {"users": [d.admin], "chairs": 0, "patients": 0, "sessions": 0}
    assert contents(d) == empty_clinic

    # 2. The owner makes the server's app role; the password comes on stdin, never argv.
    code, out, err = clinic_app(
        d,
        "--db",
        d.owner_url(),
        "db",
        "app-role",
        "--name",
        d.app_role,
        as_owner=True,
        stdin=APP_ROLE_PASSWORD + "\n",
    )
    assert code == 0, err
    assert f"app role {d.app_role} created" in out
    assert roles_now([d.app_role]) == {d.app_role}

    # The server refuses the owner (exit 2, the README's "invalid input or usage").
    code, out, err = clinic_app(d, "serve", "--db", d.owner_url(), "--port", "1", as_owner=True)
    assert code == 2, err
    assert "refusing to serve as" in err and "the database's owner" in err

    # A desk given the PostgreSQL URL is sent to the server; nothing connects as a user.
    code, out, err = clinic_app(d, "--db", d.app_url(), "--user", d.admin, "day", "2026-12-01")
    assert (code, out) == (2, ""), err
    assert "goes through the clinic server: use --server URL" in err

    # 3. The owner seeds the demo, the administrator logged in by the app.
    code, out, err = clinic_app(
        d, "--db", d.owner_url(), "--user", d.admin, "init", "--demo", as_owner=True
    )
    assert code == 0, err
    assert "demo clinic seeded: 8 chairs, 30 patients" in out
    seeded = contents(d)
    assert seeded["users"] == sorted([d.admin, *DEMO_ROLE_NAMES])
    assert roles_now([d.admin, *DEMO_ROLE_NAMES]) == set()
    first_day = rows(
        d,
        "SELECT min((start_utc AT TIME ZONE s.timezone)::date) FROM sessions, clinic_settings s",
    )[0][0]
    assert isinstance(first_day, date)

    # 4. The desks go through the server, which runs as the app role.
    with serving(d) as server:
        code, out, err = clinic_app(
            d,
            "--server",
            server,
            "--user",
            "demo.nurse",
            "day",
            first_day.isoformat(),
            "--json",
            password="demo-password",
        )
        assert code == 0, err
        assert json.loads(out)["sessions"]
        fred = unique_role_name("fred")
        code, out, err = clinic_app(
            d, "--server", server, "--user", d.admin, "user", "add", fred, "--role", "nurse"
        )
        assert code == 0, err
        assert roles_now([fred]) == set()
    # The administrator's user add was audited under the administrator's name, by the database.
    assert rows(
        d,
        "SELECT actor FROM audit_log WHERE action = 'db-insert' AND entity = 'users' "
        "ORDER BY id DESC LIMIT 1",
    ) == [(d.admin,)]


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
