"""Persistence: the only package that imports SQLAlchemy.

Tables and mapping, the engine set-up for SQLite and PostgreSQL, Alembic migrations and the
unit of work that rolls back unless committed.
"""
