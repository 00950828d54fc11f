"""Create or upgrade a clinic database to the newest schema with Alembic.

Alembic (with Mako, Pygments and every SQL dialect it supports) takes longer to import than
the rest of the app's database layer, and a database opened by the app is almost always
already at the newest revision. So the revisions this app ships are read from the migration
files themselves (their ``revision``/``down_revision`` lines; a test checks the scan against
Alembic's own view of the folder), the database's revision is read with a plain query, and
Alembic is imported only to actually create or upgrade a database.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from clinic_app.persistence.database_errors import NewerSchemaError, UnusableDatabaseError
from clinic_app.persistence.engine import READ_ONLY, describe

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"
VERSION_TABLE = "alembic_version"
_OUR_REVISION = re.compile(r"^\d{4}$")  # clinic_app numbers its revisions 0001, 0002...
# The module-level assignments Alembic reads from a migration file (script.py.mako's form).
_ASSIGNED = re.compile(
    r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:(['\"])(\w+)\2|None)\s*$", re.MULTILINE
)


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def shipped_revisions() -> dict[str, str | None]:
    """Every revision shipped with this app and the one it revises (None for the first).

    Read from the migration files without importing them or Alembic;
    ``tests/persistence/test_migrate.py`` checks it against Alembic's ScriptDirectory.
    """
    chain: dict[str, str | None] = {}
    for path in sorted(VERSIONS.glob("*.py")):
        if path.name.startswith("_"):
            continue
        found = {m.group(1): m.group(3) for m in _ASSIGNED.finditer(path.read_text("utf-8"))}
        if "revision" not in found or found["revision"] is None:
            raise RuntimeError(f"migration {path.name} names no revision")
        chain[found["revision"]] = found.get("down_revision")
    return chain


@cache
def head_revision() -> str:
    """The newest revision shipped with this version of the app."""
    chain = shipped_revisions()
    heads = set(chain) - {down for down in chain.values() if down is not None}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have one head, not {sorted(heads)}")
    return heads.pop()


def known_revisions() -> frozenset[str]:
    """Every revision shipped with this version of the app."""
    return frozenset(shipped_revisions())


def check_known_revision(where: str, revision: str) -> None:
    """Refuse a database at a revision this app does not know: newer, or not clinic_app's."""
    if revision in known_revisions():
        return
    head = head_revision()
    if _OUR_REVISION.match(revision) and revision > head:
        raise NewerSchemaError(where, revision, head)
    raise UnusableDatabaseError(
        where, f"is not a clinic_app database (its Alembic revision {revision!r} is not ours)"
    )


def stored_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, or None when it has no version table or row.

    A version table holding several rows (branches: never clinic_app's, whose revisions form
    one line) reads as their names joined by commas, which no check accepts as ours.
    """
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
    revisions = sorted(str(row) for row in rows)
    return ",".join(revisions) if revisions else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database (read only)."""
    with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
        return stored_revision(connection)


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema (creates it when empty). Idempotent.

    At the newest revision already, nothing is imported or run beyond reading the revision.
    """
    with engine.begin() as connection:
        revision = stored_revision(connection)
        if revision == head_revision():
            return
        if revision is not None:  # never "upgrade" a newer or foreign database
            check_known_revision(describe(engine.url.render_as_string(False)), revision)
        from alembic import command

        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if connection.dialect.name == "postgresql":
            secure_database(connection)


def secure_database(connection: Connection) -> None:
    """As the owner: close the database to PUBLIC again (no CONNECT, TEMP, CREATE; no CREATE
    on schema public), e.g. after a restore that did not carry the database's ACL.

    ``clinic_secure_database()`` (migration 0010) is executable by its owner only, so a clinic
    login opening the database skips this; it changes nothing when all is closed already.
    """
    allowed = connection.scalar(
        text(
            "SELECT CASE WHEN to_regprocedure('public.clinic_secure_database()') IS NULL "
            "THEN false ELSE has_function_privilege("
            "to_regprocedure('public.clinic_secure_database()'), 'EXECUTE') END"
        )
    )
    if allowed:
        connection.execute(text("SELECT public.clinic_secure_database()"))
