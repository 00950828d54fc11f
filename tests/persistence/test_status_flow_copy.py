"""Migrations 0010 and 0011 keep a copy of the app's status table for the database's status
guard (PostgreSQL refuses any other step, e.g. un-cancelling): each copy must be the
service's (0011's is the one the database runs)."""

from __future__ import annotations

import importlib.util

import pytest

from clinic_app.persistence.migrate import MIGRATIONS
from clinic_app.services.booking import STATUS_FLOW


@pytest.mark.parametrize("migration", ["0010_harden_postgres", "0011_server_role"])
def test_the_database_status_table_is_the_apps(migration: str) -> None:
    """The migration's copy of the status table is the service's (no PostgreSQL needed)."""
    path = MIGRATIONS / "versions" / f"{migration}.py"
    spec = importlib.util.spec_from_file_location(f"clinic_migration_{migration}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert {old: set(new) for old, new in module.STATUS_FLOW.items()} == {
        old: set(new) for old, new in STATUS_FLOW.items()
    }
