"""Opening a clinic database: look before touching, refuse clearly, upgrade safely.

Before the engine is made (which switches a SQLite file to WAL, i.e. writes to it), the file
is inspected read-only: a missing file, a file that is not SQLite, a damaged one, somebody
else's database, or a schema newer than this version of the app are each refused with a
message naming the file and the problem, and nothing is written. Only a caller that may
create a database (``init``, the first start of the window on the default file) gets a new
one. An existing SQLite file whose schema is older than this app's is copied with SQLite's
online backup API next to itself before it is upgraded, and the copy's path is returned.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from clinic_app.persistence.database_errors import DatabaseMissingError, UnusableDatabaseError
from clinic_app.persistence.engine import check_url, describe, make_engine, sqlite_file
from clinic_app.persistence.migrate import (
    check_known_revision,
    current_revision,
    head_revision,
    secure_database,
    upgrade_to_head,
)
from clinic_app.persistence.sqlite_backup import BackupError, backup_to

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class SchemaUpgrade:
    """A schema upgrade made while opening: from which revision, to which, and the backup."""

    from_revision: str
    to_revision: str
    backup: Path | None  # the copy taken before the upgrade (SQLite files only)


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """An engine on a usable clinic database, and what opening it did."""

    engine: Engine
    created: bool  # the database had no clinic schema before (a new one was made)
    upgrade: SchemaUpgrade | None


def _inspect_sqlite_file(path: Path) -> tuple[set[str], str | None]:
    """Table names and Alembic revision of an existing SQLite file, read-only."""
    where = str(path)
    if path.is_dir():
        raise UnusableDatabaseError(where, "is a folder, not a database file")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UnusableDatabaseError(where, f"cannot be read ({error.strerror})") from None
    # An empty main file is a database whose pages are all still in its WAL (or a new one).
    if header and header != SQLITE_HEADER:
        raise UnusableDatabaseError(where, "is not a SQLite database")
    # Without a -wal file no connection is open and the main file holds everything: read it
    # as immutable, which creates no -wal/-shm beside a file that may not even be SQLite.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)
    except sqlite3.Error as error:
        raise UnusableDatabaseError(where, f"cannot be opened ({error})") from None
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in rows}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise UnusableDatabaseError(where, f"is damaged ({error}); restore a backup") from None
    finally:
        connection.close()
    return tables, revision


def _backup_path(database: Path, revision: str, now: datetime) -> Path:
    """A new file next to the database, named for the revision it holds and the moment."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for n in range(100):
        extra = f"-{n}" if n else ""
        candidate = database.with_name(
            f"{database.stem}.before-upgrade-from-{revision}.{stamp}{extra}{database.suffix}"
        )
        if not candidate.exists():
            return candidate
    raise BackupError(f"no free backup file name next to {database}")


def open_database(
    url: str, *, create: bool, migrate: bool = True, now: datetime | None = None
) -> OpenedDatabase:
    """An engine on the clinic database at ``url``, upgraded to this app's schema.

    ``create``: a missing SQLite file (in an existing folder) or an empty database becomes a
    new clinic database; without it they raise :class:`DatabaseMissingError`. Raises
    :class:`UnusableDatabaseError` for a database this app cannot use (nothing is written).
    """
    check_url(url)
    where = describe(url)
    path = sqlite_file(url)
    if path is not None:
        if not path.exists():
            if not create:
                raise DatabaseMissingError(where)
            if not path.parent.is_dir():
                raise UnusableDatabaseError(
                    where, f"cannot be created: the folder {path.parent} does not exist"
                )
        else:
            tables, revision = _inspect_sqlite_file(path)
            if revision is not None:
                check_known_revision(where, revision)
            elif tables - {"alembic_version"}:
                raise UnusableDatabaseError(
                    where, "is not a clinic_app database (it holds other tables)"
                )
            elif not create:
                raise DatabaseMissingError(where)
    engine = make_engine(url)
    try:
        return _migrate(engine, where, path, create=create, migrate=migrate, now=now)
    except BaseException:
        engine.dispose()
        raise


def _migrate(
    engine: Engine,
    where: str,
    path: Path | None,
    *,
    create: bool,
    migrate: bool,
    now: datetime | None,
) -> OpenedDatabase:
    try:
        revision = current_revision(engine)
        if revision is None:
            if not create:
                # An empty PostgreSQL database (SQLite files were looked at above).
                if set(inspect(engine).get_table_names()) - {"alembic_version"}:
                    raise UnusableDatabaseError(
                        where, "is not a clinic_app database (it holds other tables)"
                    )
                raise DatabaseMissingError(where)
        else:
            check_known_revision(where, revision)
        upgrade = None
        if migrate:
            head = head_revision()
            if revision is not None and revision != head:
                backup = None
                if path is not None:  # PostgreSQL is backed up with the server's tools
                    backup = _backup_path(path, revision, now or datetime.now(UTC))
                    backup_to(engine, backup)
                upgrade = SchemaUpgrade(revision, head, backup)
            if revision != head:  # at the head already: Alembic is not even imported
                upgrade_to_head(engine)  # on PostgreSQL, closes the database again too
            elif create and engine.dialect.name == "postgresql":
                # `init` by the owner at the newest revision: a database restored without its
                # ACL (pg_restore without --create) is closed to PUBLIC again (migration 0010),
                # still without Alembic; a clinic login is not allowed to and skips it.
                with engine.begin() as connection:
                    secure_database(connection)
    except OperationalError:
        raise  # locked, unreachable: the caller says "cannot use the database"
    except (BackupError, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise UnusableDatabaseError(
            where,
            f"was not upgraded: no backup could be taken before upgrading its schema ({reason})",
        ) from None
    except DatabaseError as error:
        if isinstance(error.orig, sqlite3.DatabaseError):
            raise UnusableDatabaseError(
                where, f"is damaged ({error.orig}); restore a backup"
            ) from None
        raise
    return OpenedDatabase(engine=engine, created=migrate and revision is None, upgrade=upgrade)
