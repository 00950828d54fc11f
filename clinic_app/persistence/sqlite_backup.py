"""Consistent copies of a live SQLite database with SQLite's online backup API.

The backup API copies pages under SQLite's own locking, so the copy is consistent even while
another desk writes (it restarts on a write, or steps through in chunks). A copy is written
to a temporary file, checked with ``PRAGMA integrity_check`` and only then renamed.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from clinic_app.persistence.database_errors import UnusableDatabaseError
from clinic_app.persistence.migrate import check_known_revision

PAGES_PER_STEP = 256


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


def _read_only_uri(path: Path) -> str:
    # as_uri() percent-encodes the path: a '?', '#' or '%' in a file name must not be read
    # as part of the URI (it would open a different file).
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def integrity_problems(path: Path) -> list[str]:
    """Problems ``PRAGMA integrity_check`` reports (empty when the file is sound)."""
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check")]
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()
    problems = [] if rows == ["ok"] else rows
    if "alembic_version" not in tables or "sessions" not in tables:
        problems.append("not a clinic_app database")
    return problems


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return row[0] if row else None


@contextmanager
def _live_connection(engine: Engine) -> Iterator[sqlite3.Connection]:
    """The SQLite connection under a pooled one; handed back to the pool afterwards."""
    if engine.dialect.name != "sqlite":
        raise BackupError(
            "backup and restore work on the embedded SQLite file; back up a PostgreSQL "
            "clinic with pg_dump (see the README)"
        )
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        yield driver
    finally:
        raw.close()


def live_file(engine: Engine) -> Path | None:
    """The live SQLite database's file (None in memory or on another database)."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).resolve()


def backup_to(engine: Engine, target: Path) -> int:
    """Copy the live database to ``target``; returns its size in bytes.

    The target's folder must exist (it is not created). A write that fails (no space, no
    right) is a BackupError; the temporary copy is removed.
    """
    target = Path(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".sqlite3", dir=target.parent)
    except OSError as error:
        raise BackupError(f"{target} cannot be written: {error.strerror or error}") from None
    os.close(fd)
    try:
        with _live_connection(engine) as source:
            destination = sqlite3.connect(tmp_name)
            try:
                source.backup(destination, pages=PAGES_PER_STEP)
                destination.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                destination.close()
        problems = integrity_problems(Path(tmp_name))
        if problems:
            raise BackupError(f"the copy failed its integrity check: {'; '.join(problems)}")
        os.replace(tmp_name, target)
    except (OSError, sqlite3.Error) as error:
        Path(tmp_name).unlink(missing_ok=True)
        raise BackupError(f"{target} cannot be written: {error}") from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target.stat().st_size


def restore_from(engine: Engine, source_path: Path) -> None:
    """Replace the live database's contents with a checked backup file."""
    source_path = Path(source_path)
    if not source_path.is_file():
        raise BackupError(f"{source_path} does not exist")
    problems = integrity_problems(source_path)
    if problems:
        raise BackupError(f"{source_path} cannot be restored: {'; '.join(problems)}")
    revision = _revision(source_path)
    try:  # a backup from a newer version would be "restored" and then could not be opened
        check_known_revision(str(source_path), revision or "")
    except UnusableDatabaseError as error:
        raise BackupError(f"cannot be restored: {error}") from None
    with _live_connection(engine) as live:
        source = sqlite3.connect(_read_only_uri(source_path), uri=True)
        try:
            source.backup(live, pages=PAGES_PER_STEP)
        finally:
            source.close()
    engine.dispose()  # pooled connections may hold pages of the old contents
