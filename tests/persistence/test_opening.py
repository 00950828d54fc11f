"""open_database on both backends: missing, foreign and newer databases are refused unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from clinic_app.persistence.database_errors import (
    DatabaseMissingError,
    NewerSchemaError,
    UnusableDatabaseError,
)
from clinic_app.persistence.migrate import current_revision, head_revision
from clinic_app.persistence.opening import open_database
from clinic_app.persistence.sqlite_backup import BackupError, backup_to, restore_from
from tests.conftest import PG_URL, RUN_TAG, drop_pg_database


@pytest.fixture
def empty_pg() -> Iterator[str]:
    """An empty PostgreSQL database (no schema at all)."""
    if "postgres" not in PG_URL:
        pytest.skip("no PostgreSQL configured")
    name = f"clinic_empty_{RUN_TAG}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    drop_pg_database(name)


def set_revision(url: str, revision: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


@pytest.mark.postgres
def test_an_empty_postgresql_database_is_no_clinic_unless_creating(
    empty_pg: str, pg_template: str
) -> None:
    with pytest.raises(DatabaseMissingError, match="no clinic database at postgresql"):
        open_database(empty_pg, create=False)
    engine = create_engine(empty_pg, poolclass=NullPool)
    assert current_revision(engine) is None  # nothing was created
    engine.dispose()
    opened = open_database(empty_pg, create=True)
    assert opened.created and current_revision(opened.engine) == head_revision()
    opened.engine.dispose()


def test_a_newer_database_is_refused_on_both_backends(db_url: str) -> None:
    open_database(db_url, create=True).engine.dispose()
    set_revision(db_url, "9999")
    with pytest.raises(NewerSchemaError, match="revision 9999; this version knows up to"):
        open_database(db_url, create=False)
    engine = create_engine(db_url, poolclass=NullPool)
    assert current_revision(engine) == "9999"
    engine.dispose()


def test_a_revision_that_is_not_ours_is_not_called_newer(db_url: str) -> None:
    open_database(db_url, create=True).engine.dispose()
    set_revision(db_url, "ae1027a6acf")
    with pytest.raises(UnusableDatabaseError, match="is not a clinic_app database") as caught:
        open_database(db_url, create=False)
    assert not isinstance(caught.value, NewerSchemaError)


def test_a_backup_from_a_newer_version_is_not_restored(sqlite_url: str, tmp_path: Path) -> None:
    live = open_database(sqlite_url, create=True).engine
    newer = tmp_path / "from-the-future.sqlite3"
    backup_to(live, newer)
    set_revision(f"sqlite:///{newer}", "9999")
    with pytest.raises(BackupError, match="written by a newer version"):
        restore_from(live, newer)
    assert current_revision(live) == head_revision()
    live.dispose()
