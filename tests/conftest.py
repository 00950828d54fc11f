"""Shared fixtures: a clinic database on SQLite and on PostgreSQL, a fixed clock, services.

PostgreSQL tests use the server named by ``CLINIC_APP_TEST_PG`` (default: the local server,
database ``test``). Each test gets a fresh database cloned from a migrated template. Without a
server the PostgreSQL tests skip with the reason; with ``CLINIC_APP_REQUIRE_PG=1`` (CI) they
fail instead, so CI can never pass without running them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from clinic_app.bootstrap import Services, open_services
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import upgrade_to_head
from clinic_app.services.actor import Actor, Role
from clinic_app.services.clock import fixed_clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("CLINIC_APP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
LONDON = ZoneInfo("Europe/London")
# Monday 23 November 2026, 07:00 in London: the clinic opens at 08:00.
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=LONDON)

ADMIN = Actor("ada.admin", Role.ADMIN)
DESK = Actor("fred.desk", Role.FRONT_DESK)
NURSE = Actor("nina.nurse", Role.NURSE)
MANAGER = Actor("mia.manager", Role.MANAGER)

_counter = itertools.count()


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
        if os.environ.get("CLINIC_APP_REQUIRE_PG") == "1":
            pytest.fail(f"CLINIC_APP_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"clinic_tmpl_{os.getpid()}"
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
    admin.dispose()


def fresh_pg_database(template: str) -> tuple[str, str]:
    """A new database cloned from the template; returns (url, name)."""
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"clinic_t_{os.getpid()}_{next(_counter)}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False), name


def drop_pg_database(name: str) -> None:
    """Remove a test database, disconnecting whoever is still on it."""
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
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


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    """Services on a fresh database, at the fixed moment NOW, with an empty clinic."""
    built = open_services(db_url, clock=fixed_clock(NOW))
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
