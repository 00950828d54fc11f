"""Interval searches bounded on both sides; indexes for the query shapes; statistics.

Every overlap search used to bound ``start_utc`` from above only (``start_utc < :end``), so
on a large clinic each one walked the whole history before that instant (400+ ms per
search on ten years of data). An appointment that overlaps ``[start, end)`` cannot have
started before ``start`` minus the longest appointment of its table, so the search is the
index range ``start - longest <= start_utc < end``.

``interval_bounds`` holds that longest length per table, in whole minutes rounded up. The
database keeps it itself: a trigger raises it whenever a longer row is written, so the bound
holds for every row ever stored, whatever the therapy catalog says today (a session lasts
its therapy's chair time, at most the longest chair time in the catalog; a lab draw lasts
the station's slot). The app's queries and the invariant triggers read the same number.

This revision re-creates the invariant triggers of 0002 (SQLite) and the guard functions
(PostgreSQL; the exclusion constraints already search a GiST index) with the bounded search,
adds an index on ``lab_appointments.start_utc`` (the day and overdue lists), and runs
``ANALYZE`` so the planners know the tables' sizes.

Revision ID: 0005
Revises: 0004
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = "status NOT IN ('cancelled', 'no-show')"
TABLES = ("sessions", "lab_appointments")
GROUPS = ("clinic_front_desk", "clinic_nurse", "clinic_manager", "clinic_admin")


def _sqlite_since(table: str) -> str:
    """SQLite: the earliest start a row of ``table`` overlapping NEW can have."""
    return (
        f"datetime(NEW.start_utc, '-' || (SELECT max_minutes FROM interval_bounds "
        f"WHERE table_name = '{table}') || ' minutes')"
    )


def _sqlite_overlap(alias: str, table: str) -> str:
    return (
        f"{alias}.start_utc >= {_sqlite_since(table)} AND {alias}.start_utc < NEW.end_utc "
        f"AND NEW.start_utc < {alias}.end_utc"
    )


SQLITE_MINUTES = "((julianday(NEW.end_utc) - julianday(NEW.start_utc)) * 1440)"

SQLITE_TRIGGERS = (
    [
        f"""
    CREATE TRIGGER sessions_chair_overlap_{op_name}
    BEFORE {event} ON sessions
    WHEN NEW.{ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'clinic_conflict:chair')
        WHERE EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.chair_id = NEW.chair_id AND s.id IS NOT NEW.id AND s.{ACTIVE}
              AND {_sqlite_overlap("s", "sessions")});
    END
    """
        for op_name, event in (("ins", "INSERT"), ("upd", "UPDATE"))
    ]
    + [
        f"""
    CREATE TRIGGER sessions_patient_overlap_{op_name}
    BEFORE {event} ON sessions
    WHEN NEW.{ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'clinic_conflict:patient')
        WHERE EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.patient_id = NEW.patient_id AND s.id IS NOT NEW.id AND s.{ACTIVE}
              AND {_sqlite_overlap("s", "sessions")})
        OR EXISTS (
            SELECT 1 FROM lab_appointments l
            WHERE l.patient_id = NEW.patient_id AND l.{ACTIVE}
              AND {_sqlite_overlap("l", "lab_appointments")});
    END
    """
        for op_name, event in (("ins", "INSERT"), ("upd", "UPDATE"))
    ]
    + [
        f"""
    CREATE TRIGGER labs_patient_overlap_{op_name}
    BEFORE {event} ON lab_appointments
    WHEN NEW.{ACTIVE}
    BEGIN
        SELECT RAISE(ABORT, 'clinic_conflict:patient')
        WHERE EXISTS (
            SELECT 1 FROM lab_appointments l
            WHERE l.patient_id = NEW.patient_id AND l.id IS NOT NEW.id AND l.{ACTIVE}
              AND {_sqlite_overlap("l", "lab_appointments")})
        OR EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.patient_id = NEW.patient_id AND s.{ACTIVE}
              AND {_sqlite_overlap("s", "sessions")});
        SELECT RAISE(ABORT, 'clinic_conflict:lab_capacity')
        WHERE (
            SELECT count(*) FROM lab_appointments l
            WHERE l.station_id = NEW.station_id AND l.id IS NOT NEW.id AND l.{ACTIVE}
              AND {_sqlite_overlap("l", "lab_appointments")}
        ) >= (SELECT draws_per_slot FROM lab_stations WHERE id = NEW.station_id);
    END
    """
        for op_name, event in (("ins", "INSERT"), ("upd", "UPDATE"))
    ]
    + [
        # The bound follows the longest row ever written (rounded up to the next minute).
        f"""
    CREATE TRIGGER {table}_interval_bound_{op_name}
    AFTER {event} ON {table}
    WHEN {SQLITE_MINUTES} > (SELECT max_minutes FROM interval_bounds
                              WHERE table_name = '{table}')
    BEGIN
        UPDATE interval_bounds SET max_minutes = CAST({SQLITE_MINUTES} AS INTEGER) + 1
        WHERE table_name = '{table}';
    END
    """
        for table in TABLES
        for op_name, event in (("ins", "INSERT"), ("upd", "UPDATE OF start_utc, end_utc"))
    ]
)
SQLITE_REPLACED = (
    "sessions_chair_overlap_ins",
    "sessions_chair_overlap_upd",
    "sessions_patient_overlap_ins",
    "sessions_patient_overlap_upd",
    "labs_patient_overlap_ins",
    "labs_patient_overlap_upd",
)
SQLITE_SEED = """
    INSERT INTO interval_bounds (table_name, max_minutes)
    SELECT '{table}', coalesce(
        CAST(max((julianday(end_utc) - julianday(start_utc)) * 1440) AS INTEGER) + 1, 0)
    FROM {table}
"""


def _pg_since(table: str) -> str:
    """PostgreSQL: the earliest start a row of ``table`` overlapping NEW can have."""
    return (
        f"NEW.start_utc - make_interval(mins => (SELECT max_minutes FROM interval_bounds "
        f"WHERE table_name = '{table}'))"
    )


def _pg_overlap(alias: str, table: str) -> str:
    return (
        f"{alias}.start_utc >= {_pg_since(table)} AND {alias}.start_utc < NEW.end_utc "
        f"AND NEW.start_utc < {alias}.end_utc"
    )


def _pg_session_guard(bounded: bool) -> str:
    overlap = (
        _pg_overlap("l", "lab_appointments")
        if bounded
        else "l.start_utc < NEW.end_utc AND NEW.start_utc < l.end_utc"
    )
    return f"""
    CREATE OR REPLACE FUNCTION clinic_session_patient_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        IF NEW.{ACTIVE} THEN
            PERFORM 1 FROM patients WHERE id = NEW.patient_id FOR UPDATE;
            IF EXISTS (SELECT 1 FROM lab_appointments l
                       WHERE l.patient_id = NEW.patient_id AND l.{ACTIVE}
                         AND {overlap}) THEN
                RAISE EXCEPTION 'clinic_conflict:patient' USING ERRCODE = '23P01';
            END IF;
        END IF;
        RETURN NEW;
    END $$
    """


def _pg_lab_guard(bounded: bool) -> str:
    sessions = (
        _pg_overlap("s", "sessions")
        if bounded
        else "s.start_utc < NEW.end_utc AND NEW.start_utc < s.end_utc"
    )
    labs = (
        _pg_overlap("l", "lab_appointments")
        if bounded
        else "l.start_utc < NEW.end_utc AND NEW.start_utc < l.end_utc"
    )
    return f"""
    CREATE OR REPLACE FUNCTION clinic_lab_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE
        capacity integer;
        taken integer;
    BEGIN
        IF NEW.{ACTIVE} THEN
            PERFORM 1 FROM patients WHERE id = NEW.patient_id FOR UPDATE;
            IF EXISTS (SELECT 1 FROM sessions s
                       WHERE s.patient_id = NEW.patient_id AND s.{ACTIVE}
                         AND {sessions}) THEN
                RAISE EXCEPTION 'clinic_conflict:patient' USING ERRCODE = '23P01';
            END IF;
            SELECT draws_per_slot INTO capacity FROM lab_stations
                WHERE id = NEW.station_id FOR UPDATE;
            SELECT count(*) INTO taken FROM lab_appointments l
                WHERE l.station_id = NEW.station_id AND l.id <> NEW.id AND l.{ACTIVE}
                  AND {labs};
            IF taken >= capacity THEN
                RAISE EXCEPTION 'clinic_conflict:lab_capacity' USING ERRCODE = '23P01';
            END IF;
        END IF;
        RETURN NEW;
    END $$
    """


PG_MINUTES = "ceil(extract(epoch FROM NEW.end_utc - NEW.start_utc) / 60)::integer"
POSTGRES_STATEMENTS = [
    _pg_session_guard(bounded=True),
    _pg_lab_guard(bounded=True),
    # Raising the bound needs no lock unless a row is longer than every earlier one.
    f"""
    CREATE FUNCTION clinic_interval_bound() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        UPDATE interval_bounds SET max_minutes = {PG_MINUTES}
        WHERE table_name = TG_TABLE_NAME AND max_minutes < {PG_MINUTES};
        RETURN NULL;
    END $$
    """,
    *[
        f"""
        CREATE TRIGGER {table}_interval_bound
        AFTER INSERT OR UPDATE OF start_utc, end_utc ON {table}
        FOR EACH ROW EXECUTE FUNCTION clinic_interval_bound()
        """
        for table in TABLES
    ],
]
PG_SEED = """
    INSERT INTO interval_bounds (table_name, max_minutes)
    SELECT '{table}', coalesce(ceil(max(extract(epoch FROM end_utc - start_utc)) / 60), 0)
    FROM {table}
"""


def upgrade() -> None:
    """Bounds table, bounded triggers, the lab start index, then fresh statistics."""
    dialect = op.get_bind().dialect.name
    op.execute(
        """
        CREATE TABLE interval_bounds (
            table_name VARCHAR(40) NOT NULL,
            max_minutes INTEGER NOT NULL,
            CONSTRAINT pk_interval_bounds PRIMARY KEY (table_name),
            CONSTRAINT ck_interval_bounds_non_negative CHECK (max_minutes >= 0)
        )
        """
    )
    op.create_index("ix_lab_appointments_start", "lab_appointments", ["start_utc"])
    if dialect == "sqlite":
        for table in TABLES:
            op.execute(SQLITE_SEED.format(table=table))
        for name in SQLITE_REPLACED:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
        op.execute("ANALYZE")
        return
    for table in TABLES:
        op.execute(PG_SEED.format(table=table))
    for statement in POSTGRES_STATEMENTS:
        op.execute(statement)
    # Everyone reads the bound; only the SECURITY DEFINER trigger function writes it.
    op.execute("REVOKE ALL ON interval_bounds FROM PUBLIC")
    op.execute(f"GRANT SELECT ON interval_bounds TO {', '.join(GROUPS)}")
    op.execute("ANALYZE")


def _revision_0002() -> object:
    path = Path(__file__).with_name("0002_database_invariants.py")
    spec = importlib.util.spec_from_file_location("clinic_migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    """Back to the unbounded searches of 0002."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in TABLES:
            for op_name in ("ins", "upd"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_interval_bound_{op_name}")
        for name in SQLITE_REPLACED:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in _revision_0002().SQLITE_TRIGGERS[: len(SQLITE_REPLACED)]:  # type: ignore[attr-defined]
            op.execute(statement)
    else:
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_interval_bound ON {table}")
        op.execute("DROP FUNCTION IF EXISTS clinic_interval_bound()")
        op.execute(_pg_session_guard(bounded=False))
        op.execute(_pg_lab_guard(bounded=False))
    op.drop_index("ix_lab_appointments_start", "lab_appointments")
    op.execute("DROP TABLE interval_bounds")
