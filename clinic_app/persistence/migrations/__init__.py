"""Alembic migrations for the clinic database (run programmatically by ``migrate.py``)."""
