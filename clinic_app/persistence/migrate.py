"""Create or upgrade a clinic database to the newest schema with Alembic."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from clinic_app.persistence.database_errors import NewerSchemaError, UnusableDatabaseError
from clinic_app.persistence.engine import describe

MIGRATIONS = Path(__file__).with_name("migrations")
_OUR_REVISION = re.compile(r"^\d{4}$")  # clinic_app numbers its revisions 0001, 0002...


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of the app."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@cache
def known_revisions() -> frozenset[str]:
    """Every revision shipped with this version of the app."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(script.revision for script in scripts.walk_revisions())


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


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema (creates it when empty). Idempotent."""
    config = alembic_config()
    with engine.begin() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        if revision is not None:  # never "upgrade" a newer or foreign database
            check_known_revision(describe(engine.url.render_as_string(False)), revision)
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
