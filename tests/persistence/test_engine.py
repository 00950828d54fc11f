"""Engine set-up: SQLite pragmas, write locking, URL checks, network shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from clinic_app.config import resolve_db_url
from clinic_app.persistence.engine import (
    DatabaseUrlError,
    check_url,
    is_network_path,
    make_engine,
    mount_fs_type,
)

MOUNTS = [
    "/dev/vda / ext4 rw 0 0",
    "//fileserver/clinic /mnt/share cifs rw 0 0",
    "nas:/export /srv/nfs nfs4 rw 0 0",
    "tmpfs /tmp tmpfs rw 0 0",
]


def test_sqlite_runs_wal_with_foreign_keys_and_full_sync(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()


def test_sqlite_writer_holds_the_write_lock_from_begin(sqlite_url: str) -> None:
    """BEGIN IMMEDIATE: a second writer cannot even start while the first is open."""
    engine = make_engine(sqlite_url, connect_args={"timeout": 0.2})
    other = make_engine(sqlite_url, connect_args={"timeout": 0.2})
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS t (x integer)"))
    with other.connect() as c2:
        c2.exec_driver_sql("PRAGMA busy_timeout = 100")
    with engine.begin() as conn:
        conn.execute(text("SELECT 1"))
        with pytest.raises(OperationalError, match="database is locked"), other.begin() as c2:
            c2.exec_driver_sql("PRAGMA busy_timeout = 100")
    engine.dispose()
    other.dispose()


def test_mount_lookup_picks_the_longest_mount_point() -> None:
    assert mount_fs_type(Path("/mnt/share/clinic.sqlite3"), MOUNTS) == "cifs"
    assert mount_fs_type(Path("/srv/nfs/a/b.db"), MOUNTS) == "nfs4"
    assert mount_fs_type(Path("/home/u/clinic.sqlite3"), MOUNTS) == "ext4"


@pytest.mark.parametrize(
    "path",
    [
        "/mnt/share/clinic.sqlite3",
        "/srv/nfs/clinic.sqlite3",
        "//server/share/clinic.sqlite3",
        r"\\server\share\c.db",
    ],
)
def test_network_paths_detected(path: str) -> None:
    assert is_network_path(Path(path), MOUNTS)


def test_local_path_is_not_network() -> None:
    assert not is_network_path(Path("/home/u/clinic.sqlite3"), MOUNTS)


def test_sqlite_on_a_share_is_refused_with_a_pointer_to_postgresql() -> None:
    with pytest.raises(DatabaseUrlError, match="PostgreSQL"):
        check_url("sqlite://///server/share/clinic.sqlite3")  # UNC path


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url at all"])
def test_unsupported_urls_refused(url: str) -> None:
    with pytest.raises(DatabaseUrlError):
        check_url(url)


def test_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLINIC_APP_DB", "sqlite:////tmp/env.db")
    assert resolve_db_url("sqlite:////tmp/cli.db") == "sqlite:////tmp/cli.db"
    assert resolve_db_url(None) == "sqlite:////tmp/env.db"
    monkeypatch.delenv("CLINIC_APP_DB")
    assert resolve_db_url(None).endswith("clinic.sqlite3")
