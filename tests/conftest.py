"""Shared fixtures: a clinic database on SQLite and on PostgreSQL, a fixed clock, services.

PostgreSQL tests use the server named by ``CLINIC_APP_TEST_PG`` (default: the local server,
database ``test``). Each test gets a fresh database cloned from a migrated template. Without a
server the PostgreSQL tests skip with the reason; with ``CLINIC_APP_REQUIRE_PG=1`` (CI) they
fail instead, so CI can never pass without running them.
"""

from __future__ import annotations

import itertools
import os
import secrets
import shutil
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import Services, open_services
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import upgrade_to_head
from clinic_app.services.actor import Actor, Role
from clinic_app.services.clock import fixed_clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No per-example deadline for any property test (hypothesis' default is 200 ms): how fast
# the code is lives in bench/, and a deadline only makes a slow or busy CI machine fail
# examples that pass. A test's own @settings keeps this unless it names a deadline.
settings.register_profile("clinic_app", deadline=None)
settings.load_profile("clinic_app")

# Coverage floors per package, checked after a whole-suite run; pytester runs the plugin on a
# small made-up project in its test.
pytest_plugins = ["tests.coverage_floor", "pytester"]

PG_URL = os.environ.get("CLINIC_APP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
LONDON = ZoneInfo("Europe/London")
# Monday 23 November 2026, 07:00 in London: the clinic opens at 08:00.
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=LONDON)

ADMIN = Actor("ada.admin", Role.ADMIN)
DESK = Actor("fred.desk", Role.FRONT_DESK)
NURSE = Actor("nina.nurse", Role.NURSE)
MANAGER = Actor("mia.manager", Role.MANAGER)

_counter = itertools.count()
# PostgreSQL login roles are cluster-wide, and several test runs may share one server: names
# of test users and test databases carry this run's tag, so two runs never meet.
RUN_TAG = f"{os.getpid()}x{secrets.token_hex(3)}"
CLINIC_GROUPS = ("clinic_front_desk", "clinic_nurse", "clinic_manager", "clinic_admin")


def login_name(base: str) -> str:
    """``base`` made unique to this test run, e.g. ``ada`` -> ``ada.12345x3fa9c1``."""
    return f"{base}.{RUN_TAG}"


def pg_required() -> bool:
    """True under ``CLINIC_APP_REQUIRE_PG=1`` (CI): PostgreSQL tests must run, never skip."""
    return os.environ.get("CLINIC_APP_REQUIRE_PG") == "1"


APP_ROLE_PASSWORD = "the clinic server's test password"


def app_role_url(url: str) -> str:
    """The clinic server's URL for the test database ``url``: its own app role (revision 0011,
    made as ``clinic-app db app-role`` makes it, by the owner), never the owner. SQLite: ``url``.

    The role is named for this run and the database, so drop_pg_database drops it with it.
    """
    if not url.startswith("postgresql"):
        return url
    from clinic_app.bootstrap import set_app_role

    parsed = make_url(url)
    name = f"srv_{parsed.database}"[:63]
    set_app_role(url, name, APP_ROLE_PASSWORD)
    return parsed.set(username=name, password=APP_ROLE_PASSWORD).render_as_string(
        hide_password=False
    )


def _pg_admin_url() -> str:
    return PG_URL


def _pg_available() -> str | None:
    """None when the server answers, else the reason it does not."""
    try:
        engine = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure to connect means "no server here"
        return f"PostgreSQL not reachable at {PG_URL}: {type(error).__name__}: {error}"[:300]
    return None


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated template database; yields its name."""
    reason = _pg_available()
    if reason is not None:
        if pg_required():
            pytest.fail(f"CLINIC_APP_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"clinic_tmpl_{RUN_TAG}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        # Whatever a test that died before its teardown left under this run's tag.
        leftovers = conn.scalars(
            text("SELECT rolname FROM pg_roles WHERE strpos(rolname, :tag) > 0"),
            {"tag": RUN_TAG},
        ).all()
    admin.dispose()
    drop_login_roles(leftovers)


def fresh_pg_database(template: str) -> tuple[str, str]:
    """A new database cloned from the template; returns (url, name)."""
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"clinic_t_{RUN_TAG}_{next(_counter)}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    # A clone does not carry the template's database ACL (CONNECT, TEMP for PUBLIC come
    # back): close it as the owner's `clinic-app init` does (migration 0010, opening.py).
    clone = create_engine(url, poolclass=NullPool)
    with clone.begin() as conn:
        conn.execute(text("SELECT public.clinic_secure_database()"))
    clone.dispose()
    return url, name


def drop_pg_database(name: str) -> None:
    """Remove a test database and the login roles its users got, disconnecting everyone."""
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    clinic = create_engine(url, poolclass=NullPool)
    try:
        with clinic.connect() as conn:
            users = list(conn.scalars(text("SELECT username FROM users")))
    except DBAPIError:  # the database or its users table is gone already
        users = []
    finally:
        clinic.dispose()
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
    drop_login_roles([*users, f"srv_{name}"[:63]])


def drop_login_roles(names: Sequence[str]) -> None:
    """Drop these roles made by tests (never a superuser, never a clinic group): app roles of
    test databases, and the logins older revisions' tests made.

    Their database is dropped first, so they own nothing and hold no grants any more.
    """
    if not names:
        return
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        app_users = conn.scalars(
            text(
                "SELECT r.rolname FROM pg_roles r "
                "WHERE r.rolname = ANY(:names) AND r.rolname <> ALL(:groups) AND NOT r.rolsuper"
            ),
            {"names": list(names), "groups": list(CLINIC_GROUPS)},
        ).all()
        for role in app_users:
            # Also revokes its CONNECT on any clinic database still there (migration 0010).
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated clinic database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
        return
    template = request.getfixturevalue("pg_template")
    url, name = fresh_pg_database(template)
    yield url
    drop_pg_database(name)


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database URL (tests about PostgreSQL itself)."""
    template = request.getfixturevalue("pg_template")
    url, name = fresh_pg_database(template)
    yield url
    drop_pg_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database URL (for tests about SQLite itself)."""
    return f"sqlite:///{tmp_path / 'clinic.sqlite3'}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per run: the fixtures that open a fresh migrated
    clinic copy it instead of running every migration again (about 0.2-0.4 s a test)."""
    path = tmp_path_factory.mktemp("template") / "clinic.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_to_head(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


def fresh_migrated(db_url: str, request: pytest.FixtureRequest) -> str:
    """``db_url`` with its SQLite file made from the migrated template when it is not there
    yet (the same schema ``open_services`` would migrate it to; PostgreSQL databases are
    cloned from their own template already)."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database:
        target = Path(url.database)
        if not target.exists():
            shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
    return db_url


@pytest.fixture
def services(db_url: str, request: pytest.FixtureRequest) -> Iterator[Services]:
    """Services on a fresh database, at the fixed moment NOW, with an empty clinic."""
    built = open_services(fresh_migrated(db_url, request), clock=fixed_clock(NOW))
    built.setup.init_clinic(ADMIN, name="Test clinic", timezone="Europe/London")
    yield built
    built.engine.dispose()


@pytest.fixture
def clinic(services: Services) -> Services:
    """The test clinic: three chairs and a few patients."""
    for name in ("Chair 1", "Chair 2", "Chair 3"):
        services.setup.add_chair(ADMIN, name)
    for mrn, name, dob, sex in (
        ("M001", "Alice Archer", "1950-03-14", "F"),
        ("M002", "Bob Baker", "1948-07-01", "M"),
        ("M003", "Carol Cooper", "1962-11-30", "F"),
        ("M004", "Dan Dawson", "1971-01-05", "M"),
    ):
        services.setup.add_patient(DESK, mrn=mrn, name=name, date_of_birth=dob, sex=sex)
    return services
