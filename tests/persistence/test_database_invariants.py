"""The database itself refuses what the service refuses, even when the service is bypassed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import current_revision, head_revision, upgrade_to_head
from clinic_app.persistence.unit_of_work import conflict_from_db_error

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # a Tuesday, 09:00 in London (GMT)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    upgrade_to_head(eng)
    with eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clinic_settings (id, name, timezone) VALUES (1, 'T', 'Europe/London')"
            )
        )
        for weekday in range(5):
            conn.execute(
                text(
                    "INSERT INTO opening_hours (weekday, opens, closes) "
                    "VALUES (:d, '08:00:00', '18:00:00')"
                ),
                {"d": weekday},
            )
        conn.execute(
            text(
                "INSERT INTO chairs (id, name, active, sort_order) VALUES "
                "(1, 'C1', true, 1), (2, 'C2', true, 2)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO lab_stations (id, name, draws_per_slot, slot_minutes) "
                "VALUES (1, 'Lab', 2, 15)"
            )
        )
        for pid in (1, 2, 3):
            conn.execute(
                text(
                    "INSERT INTO patients (id, mrn, name, date_of_birth, notes, "
                    "created_at) VALUES (:i, :m, 'P', '1950-01-01', '', :t)"
                ),
                {"i": pid, "m": f"M{pid}", "t": _ts(eng, T0)},
            )
    yield eng
    eng.dispose()


def _ts(engine: Engine, moment: datetime) -> object:
    # SQLite stores naive UTC text; PostgreSQL takes the aware value.
    return moment.replace(tzinfo=None) if engine.dialect.name == "sqlite" else moment


def insert_session(
    engine: Engine,
    patient: int,
    chair: int,
    start: datetime,
    minutes: int = 60,
    status: str = "booked",
) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sessions (patient_id, chair_id, therapy_code, start_utc, end_utc, "
                "status, status_reason, created_by, created_at, updated_at) VALUES "
                "(:p, :c, 'denosumab', :s, :e, :st, '', 'sql', :s, :s)"
            ),
            {
                "p": patient,
                "c": chair,
                "s": _ts(engine, start),
                "e": _ts(engine, start + timedelta(minutes=minutes)),
                "st": status,
            },
        )


def insert_lab(engine: Engine, patient: int, start: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO lab_appointments (patient_id, station_id, tests, due_from, due_to, "
                "start_utc, end_utc, status, created_at, updated_at) VALUES "
                "(:p, 1, 'calcium', '2026-11-01', '2026-11-30', :s, :e, 'booked', :s, :s)"
            ),
            {
                "p": patient,
                "s": _ts(engine, start),
                "e": _ts(engine, start + timedelta(minutes=15)),
            },
        )


def refused_kind(call: object) -> str:
    with pytest.raises(DBAPIError) as caught:
        call()  # type: ignore[operator]
    conflict = conflict_from_db_error(caught.value)
    assert conflict is not None, caught.value
    return conflict.kind


def test_migrations_reach_head_and_are_idempotent(engine: Engine) -> None:
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()


def test_chair_overlap_refused_by_database(engine: Engine) -> None:
    insert_session(engine, 1, 1, T0)
    kind = refused_kind(lambda: insert_session(engine, 2, 1, T0 + timedelta(minutes=30)))
    assert kind in ("chair", "just_taken")
    insert_session(engine, 2, 1, T0 + timedelta(minutes=60))  # back to back is fine


def test_cancelled_session_does_not_hold_the_chair(engine: Engine) -> None:
    insert_session(engine, 1, 1, T0, status="cancelled")
    insert_session(engine, 2, 1, T0)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT patient_id, chair_id, status FROM sessions ORDER BY id")
        ).all()
    assert [tuple(row) for row in rows] == [(1, 1, "cancelled"), (2, 1, "booked")]
    # The booked one does hold the chair: the check was active all along.
    kind = refused_kind(lambda: insert_session(engine, 3, 1, T0 + timedelta(minutes=30)))
    assert kind in ("chair", "just_taken")


def test_patient_overlap_across_chairs_refused(engine: Engine) -> None:
    insert_session(engine, 1, 1, T0)
    kind = refused_kind(lambda: insert_session(engine, 1, 2, T0 + timedelta(minutes=10)))
    assert kind in ("patient", "just_taken")


def test_patient_session_vs_lab_overlap_refused_both_ways(engine: Engine) -> None:
    insert_session(engine, 1, 1, T0)
    assert refused_kind(lambda: insert_lab(engine, 1, T0 + timedelta(minutes=15))) == "patient"
    insert_lab(engine, 2, T0 + timedelta(minutes=90))
    assert refused_kind(lambda: insert_session(engine, 2, 2, T0 + timedelta(minutes=60))) == (
        "patient"
    )


def test_lab_station_capacity_refused(engine: Engine) -> None:
    insert_lab(engine, 1, T0)
    insert_lab(engine, 2, T0)
    assert refused_kind(lambda: insert_lab(engine, 3, T0)) == "lab_capacity"


@pytest.mark.postgres
def test_opening_hours_enforced_by_postgresql(db_url: str, engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no time zones in SQL; the service checks hours under its lock")
    saturday = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    assert refused_kind(lambda: insert_session(engine, 1, 1, saturday)) == "hours"
    assert (
        refused_kind(lambda: insert_session(engine, 1, 1, T0 + timedelta(hours=8, minutes=30)))
        == "hours"
    )
