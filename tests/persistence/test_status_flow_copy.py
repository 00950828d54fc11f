"""Migration 0010 keeps a copy of the app's status table for the database's status guard
(PostgreSQL refuses any other step, e.g. un-cancelling): the copy must be the service's."""

from __future__ import annotations

import importlib.util

from clinic_app.persistence.migrate import MIGRATIONS
from clinic_app.services.booking import STATUS_FLOW


def test_the_database_status_table_is_the_apps() -> None:
    """Migration 0010's copy of the status table is the service's (no PostgreSQL needed)."""
    path = MIGRATIONS / "versions" / "0010_harden_postgres.py"
    spec = importlib.util.spec_from_file_location("clinic_migration_0010", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert {old: set(new) for old, new in module.STATUS_FLOW.items()} == {
        old: set(new) for old, new in STATUS_FLOW.items()
    }
