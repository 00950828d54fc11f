"""Engine set-up for the embedded SQLite file and for a shared PostgreSQL server.

SQLite is for one PC: WAL, foreign keys on, ``synchronous=FULL``, a busy timeout, and every
writing transaction opened with ``BEGIN IMMEDIATE`` so that one writer at a time runs its
checks and inserts (SQLAlchemy's documented pysqlite recipe; plain deferred ``BEGIN`` fails
with "database is locked" under contention). Read-only work opens a deferred transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

BUSY_TIMEOUT_MS = 15_000
READ_ONLY = "clinic_read_only"

# File systems that are network shares: SQLite's locking is unreliable there.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afs",
        "ncpfs",
        "9p",
        "fuse.sshfs",
        "davfs",
        "fuse.davfs2",
        "glusterfs",
        "ceph",
        "lustre",
        "fuse.rclone",
    }
)


class DatabaseUrlError(ValueError):
    """The database URL cannot be used; the message says why and what to do."""


def mount_fs_type(path: Path, mounts: Iterable[str]) -> str | None:
    """The file-system type of the mount holding ``path``, from /proc/mounts lines."""
    best: tuple[int, str] | None = None
    resolved = str(path)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        prefix = mount_point.rstrip("/") + "/"
        if (resolved == mount_point or resolved.startswith(prefix) or mount_point == "/") and (
            best is None or len(mount_point) > best[0]
        ):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def is_network_path(path: Path, mounts: Iterable[str] | None = None) -> bool:
    """True when ``path`` lies on a network share (UNC path, or a network file system)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text().splitlines()
        except OSError:
            return False
    fs_type = mount_fs_type(path.resolve() if path.exists() else path.parent.resolve(), mounts)
    return fs_type in NETWORK_FS_TYPES


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for in-memory / non-SQLite URLs."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def describe(url: str) -> str:
    """The database for a person: the file of a SQLite URL, else the URL without password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)


def check_url(url: str) -> None:
    """Refuse URLs the app cannot use, with a message that says what to do instead."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUrlError(
            f"database URL {url!r} is not a URL (expected sqlite:///path or "
            "postgresql+psycopg://user@host/db)"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(
            f"database {backend!r} is not supported: use SQLite on one PC or PostgreSQL"
        )
    path = sqlite_file(url)
    if path is not None and is_network_path(path):
        raise DatabaseUrlError(
            f"{path} is on a network share. SQLite is for one PC and corrupts on shared "
            "folders; for several PCs, point them all at one PostgreSQL server "
            "(--db postgresql+psycopg://user@server/clinic)."
        )


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the clinic's connection settings applied."""
    check_url(url)
    # Error messages and logs never carry SQL parameters: they hold patient data.
    kwargs.setdefault("hide_parameters", True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if engine.url.database not in (None, "", ":memory:"):
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def default_sqlite_url(data_dir: Path) -> str:
    """The embedded database file inside the user's data folder."""
    return f"sqlite:///{data_dir / 'clinic.sqlite3'}"


def env_url() -> str | None:
    """``CLINIC_APP_DB`` when set and not empty."""
    value = os.environ.get("CLINIC_APP_DB", "").strip()
    return value or None
