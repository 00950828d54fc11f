"""Alembic environment: runs on the connection handed in by ``clinic_app.persistence.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from clinic_app.persistence.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run the migrations on the connection the caller passed in ``config.attributes``."""
    connection: Connection | None = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through clinic_app.persistence.migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
