"""Overlap searches are index ranges bounded on both sides, and the bound is always right.

Migration 0005: an appointment overlapping ``[start, end)`` started at or after ``start``
minus the longest appointment its table ever held; the database keeps that length in
``interval_bounds`` and both the app's queries and the invariant triggers search that range.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import LabAppointmentRow, SessionRow
from tests.persistence.test_database_invariants import (
    T0,
    engine,  # noqa: F401  (fixture)
    insert_lab,
    insert_session,
    refused_kind,
)


def bounds(db: Engine) -> dict[str, int]:
    with db.connect() as conn:
        rows = conn.execute(text("SELECT table_name, max_minutes FROM interval_bounds")).all()
    return {name: minutes for name, minutes in rows}


def test_the_bound_follows_the_longest_row_ever_written(engine: Engine) -> None:  # noqa: F811
    assert bounds(engine) == {"sessions": 0, "lab_appointments": 0}
    insert_session(engine, 1, 1, T0, minutes=60)
    insert_lab(engine, 2, T0)
    assert bounds(engine)["sessions"] >= 60
    assert bounds(engine)["lab_appointments"] >= 15
    insert_session(engine, 2, 2, T0 + timedelta(days=1), minutes=300)
    assert 300 <= bounds(engine)["sessions"] <= 301
    insert_session(engine, 3, 1, T0 + timedelta(days=2), minutes=30)
    assert 300 <= bounds(engine)["sessions"] <= 301  # a shorter row never lowers it


def test_a_long_session_still_holds_its_chair_and_patient_to_its_end(
    engine: Engine,  # noqa: F811
) -> None:
    # Eight hours: longer than any therapy in the catalog; the bound must still cover it.
    insert_session(engine, 1, 1, T0, minutes=480)
    late = T0 + timedelta(hours=7, minutes=30)
    assert refused_kind(lambda: insert_session(engine, 2, 1, late)) == "chair"
    assert refused_kind(lambda: insert_session(engine, 1, 2, late)) == "patient"
    assert refused_kind(lambda: insert_lab(engine, 1, late)) == "patient"
    insert_session(engine, 2, 1, T0 + timedelta(hours=8))  # touching the end is fine


def test_lab_capacity_counts_draws_inside_the_bounded_range(engine: Engine) -> None:  # noqa: F811
    insert_lab(engine, 1, T0)
    insert_lab(engine, 2, T0)
    assert refused_kind(lambda: insert_lab(engine, 3, T0)) == "lab_capacity"
    insert_lab(engine, 3, T0 + timedelta(minutes=15))


@pytest.fixture
def sqlite_engine(engine: Engine) -> Iterator[Engine]:  # noqa: F811
    if engine.dialect.name != "sqlite":
        pytest.skip("the plan check reads SQLite's EXPLAIN QUERY PLAN")
    yield engine


def _plans(db: Engine, run: Any) -> list[str]:
    """EXPLAIN QUERY PLAN of every statement ``run(session)`` sends."""
    sent: list[tuple[str, Any]] = []

    def seen(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, params))

    event.listen(db, "before_cursor_execute", seen)
    try:
        with Session(db) as s:
            run(s)
    finally:
        event.remove(db, "before_cursor_execute", seen)
    plans = []
    with db.connect() as conn:
        for statement, params in sent:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            plans.append(" / ".join(str(r[-1]) for r in rows))
    return plans


@pytest.mark.parametrize(
    ("search", "index"),
    [
        (
            lambda s: repo.busy_by_chair(s, T0, T0 + timedelta(hours=1)),
            "ix_sessions_start (start_utc>? AND start_utc<?)",
        ),
        (
            lambda s: repo.lab_starts(s, 1, T0, T0 + timedelta(days=14)),
            "ix_lab_appointments_station_start (station_id=? AND start_utc>? AND start_utc<?)",
        ),
        (
            lambda s: repo.labs_between(s, T0, T0 + timedelta(days=1)),
            "ix_lab_appointments_start (start_utc>? AND start_utc<?)",
        ),
        (
            lambda s: repo.overdue_labs(s, T0 - timedelta(days=14), T0),
            "ix_lab_appointments_start (start_utc>? AND start_utc<?)",
        ),
    ],
    ids=["busy_by_chair", "lab_starts", "labs_between", "overdue_labs"],
)
def test_each_interval_search_is_an_index_range_bounded_on_both_sides(
    sqlite_engine: Engine, search: Any, index: str
) -> None:
    # A few months of history, analysed, so the planner weighs a real index against a scan.
    for day in range(120):
        insert_session(sqlite_engine, 1 + day % 3, 1 + day % 2, T0 - timedelta(days=day))
        insert_lab(sqlite_engine, 1 + (day + 1) % 3, T0 - timedelta(days=day, hours=-2))
    with sqlite_engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    plans = _plans(sqlite_engine, search)
    searched = [p for p in plans if "sessions" in p or "lab_appointments" in p]
    assert searched and index in searched[0], plans


def test_the_app_reads_the_bound_once_per_unit_of_work(engine: Engine) -> None:  # noqa: F811
    insert_session(engine, 1, 1, T0, minutes=135)
    reads: list[str] = []

    def seen(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        if "interval_bounds" in statement:
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        with Session(engine) as s:
            first = repo.longest(s, SessionRow)
            assert timedelta(minutes=135) <= first <= timedelta(minutes=136)
            repo.busy_by_chair(s, T0, T0 + timedelta(hours=1))
            repo.busy_by_chair(s, T0 + timedelta(hours=2), T0 + timedelta(hours=3))
            assert repo.longest(s, LabAppointmentRow) == timedelta(0)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(reads) == 1  # every table's bound in one read, however many searches


def test_busy_by_chair_finds_a_long_session_that_started_hours_before(
    engine: Engine,  # noqa: F811
) -> None:
    insert_session(engine, 1, 1, T0, minutes=480)
    with Session(engine) as s:
        busy = repo.busy_by_chair(s, T0 + timedelta(hours=7), T0 + timedelta(hours=9))
    assert [(a.astimezone(UTC), b.astimezone(UTC)) for a, b in busy[1]] == [
        (T0, T0 + timedelta(hours=8))
    ]
    assert isinstance(T0, datetime)
