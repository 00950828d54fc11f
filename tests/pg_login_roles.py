"""PostgreSQL login roles made by tests: unique names, and dropped again.

Login roles are cluster-wide, so two test runs on one server would collide on fixed names.
Tests name their own roles with ``unique_role_name``. The demo accounts cannot be renamed (the
README publishes ``demo.desk``, ``demo.nurse``, ``demo.manager``): tests that may create them
run one at a time across every run on the server (``demo_roles_guard`` holds an advisory lock)
and drop the ones they made.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from clinic_app.services.demo_data import DEMO_USERS
from tests.conftest import PG_URL

DEMO_ROLE_NAMES = tuple(name for name, _ in DEMO_USERS)
# Any fixed number: every run on the server takes the same advisory lock on database "test".
_DEMO_ROLES_LOCK = 7_220_931_405


def unique_role_name(prefix: str) -> str:
    """``prefix`` plus a random suffix: a valid app user name no other run will pick."""
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def _server() -> Connection:
    engine = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    return engine.connect()


def existing_roles(connection: Connection, names: Iterable[str]) -> set[str]:
    """Those of ``names`` that are roles on the server."""
    rows = connection.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(names)}
    )
    return {row[0] for row in rows}


def drop_roles(names: Iterable[str], database_url: str | None = None) -> None:
    """Drop these roles if they exist (first what they own in ``database_url``, if given)."""
    wanted = list(names)
    if database_url is not None:
        engine = create_engine(database_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                for name in existing_roles(connection, wanted):
                    connection.execute(text(f'DROP OWNED BY "{name}"'))
        finally:
            engine.dispose()
    with _server() as connection:
        for name in existing_roles(connection, wanted):
            # Revokes its grants on shared objects too: CONNECT on a clinic's database
            # (migration 0010), which would otherwise keep the role from being dropped.
            connection.execute(text(f'DROP OWNED BY "{name}"'))
            connection.execute(text(f'DROP ROLE "{name}"'))


@contextmanager
def demo_roles_guard() -> Iterator[set[str]]:
    """Run the block alone among the runs on this server; drop the demo roles it created.

    Yields the demo roles that existed before (left by someone else): they are not dropped.
    """
    with _server() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _DEMO_ROLES_LOCK})
        try:
            before = existing_roles(connection, DEMO_ROLE_NAMES)
            yield before
        finally:
            for name in existing_roles(connection, DEMO_ROLE_NAMES) - before:
                connection.execute(text(f'DROP OWNED BY "{name}"'))  # and CONNECT grants
                connection.execute(text(f'DROP ROLE "{name}"'))
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _DEMO_ROLES_LOCK})


def roles_now(names: Iterable[str]) -> set[str]:
    """Those of ``names`` that are roles on the server at this moment."""
    with _server() as connection:
        return existing_roles(connection, names)


def demo_roles_now() -> set[str]:
    """The demo accounts' login roles on the server at this moment."""
    return roles_now(DEMO_ROLE_NAMES)


def server_url(database: str, user: str | None = None) -> str:
    """The test server's URL for ``database``, as ``user`` (or with no user named)."""
    url = make_url(PG_URL).set(database=database, username=user, password=None)
    return url.render_as_string(hide_password=False)
