"""Where the database is: ``--db URL``, else ``CLINIC_APP_DB``, else the embedded SQLite file."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from clinic_app.persistence.engine import default_sqlite_url, env_url

APP_NAME = "clinic_app"


def data_dir() -> Path:
    """The user's data folder for the embedded database."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    """The embedded SQLite file in the user's data folder."""
    return default_sqlite_url(data_dir())


def db_url_source(cli_value: str | None) -> str:
    """Where ``resolve_db_url`` takes the URL from, for messages: --db, CLINIC_APP_DB or the
    default database."""
    if cli_value and cli_value.strip():
        return "--db"
    return "CLINIC_APP_DB" if env_url() else "the default database"


def resolve_db_url(cli_value: str | None) -> str:
    """The database URL to use, by precedence: command line, environment, default file."""
    if cli_value and cli_value.strip():
        return cli_value.strip()
    return env_url() or default_db_url()
