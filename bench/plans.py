"""The query plans behind the benchmark: every interval search, as the app and triggers run it.

``python -m bench.plans URL`` prints ``EXPLAIN QUERY PLAN`` (SQLite) or ``EXPLAIN ANALYZE``
(PostgreSQL) of each overlap search of the repositories and of the invariant triggers'
bodies (with NEW's values written in), for one busy slot of the generated clinic. Each plan
must be an index range bounded on both sides (``start_utc>? AND start_utc<?``), never a walk
of the history.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bench.generate import NOW
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.models import LabAppointmentRow, SessionRow


def app_statements(s: Session) -> dict[str, object]:
    """The repositories' interval searches, built exactly as the services build them."""
    from sqlalchemy import func, select

    start = NOW + timedelta(days=15, hours=6)
    end = start + timedelta(minutes=75)
    captured: dict[str, object] = {}

    def grab(name: str, stmt: object) -> None:
        captured[name] = stmt

    grab("busy_by_chair (one slot)", select(SessionRow.chair_id, SessionRow.start_utc,
         SessionRow.end_utc).where(repo.active(SessionRow),
         *repo.overlapping(s, SessionRow, start, end)))  # fmt: skip
    grab("lab_starts (a due window)", select(LabAppointmentRow.start_utc).where(
        LabAppointmentRow.station_id == 1, repo.active(LabAppointmentRow),
        *repo.overlapping(s, LabAppointmentRow, start - timedelta(days=14), end)))  # fmt: skip
    # The lab search's reads as the booking sends them (repositories.lab_starts): the hour
    # either side of the first slot tried, then that day, counted per start in SQL.
    slot = start.replace(hour=17, minute=45)
    for name, lo, hi in (
        ("lab_starts (an hour either side of a slot)", slot - timedelta(hours=1),
         slot + timedelta(hours=1, minutes=15)),
        ("lab_starts (the rest of a day)", slot.replace(hour=0, minute=0),
         slot.replace(hour=0, minute=0) + timedelta(days=1)),
    ):  # fmt: skip
        grab(name, select(LabAppointmentRow.start_utc, func.count()).where(
            LabAppointmentRow.station_id == 1, repo.active(LabAppointmentRow),
            *repo.overlapping(s, LabAppointmentRow, lo, hi),
            LabAppointmentRow.patient_id != 1,
        ).group_by(LabAppointmentRow.start_utc).having(func.count() >= 9))  # fmt: skip
    day = start.replace(hour=0, minute=0)
    grab("labs_between (a day)", select(LabAppointmentRow).where(
        LabAppointmentRow.start_utc >= day,
        LabAppointmentRow.start_utc < day + timedelta(days=1)))  # fmt: skip
    grab("overdue_labs (14 days)", select(LabAppointmentRow).where(
        LabAppointmentRow.status == "booked",
        LabAppointmentRow.start_utc >= NOW - timedelta(days=14),
        LabAppointmentRow.start_utc < NOW, LabAppointmentRow.end_utc < NOW))  # fmt: skip
    grab("sessions_between (a day)", select(SessionRow).where(
        SessionRow.start_utc >= day, SessionRow.start_utc < day + timedelta(days=1)))  # fmt: skip
    return captured


TRIGGER_BODIES = {
    "trigger: chair overlap": """
        SELECT 1 FROM sessions s
        WHERE s.chair_id = :chair AND s.id IS NOT NULL AND s.status NOT IN ('cancelled', 'no-show')
          AND s.start_utc >= {since_s} AND s.start_utc < :end AND :start < s.end_utc""",
    "trigger: patient overlap (sessions)": """
        SELECT 1 FROM sessions s
        WHERE s.patient_id = :patient AND s.status NOT IN ('cancelled', 'no-show')
          AND s.start_utc >= {since_s} AND s.start_utc < :end AND :start < s.end_utc""",
    "trigger: patient overlap (lab draws)": """
        SELECT 1 FROM lab_appointments l
        WHERE l.patient_id = :patient AND l.status NOT IN ('cancelled', 'no-show')
          AND l.start_utc >= {since_l} AND l.start_utc < :end AND :start < l.end_utc""",
    "trigger: lab capacity": """
        SELECT count(*) FROM lab_appointments l
        WHERE l.station_id = 1 AND l.id IS NOT NULL AND l.status NOT IN ('cancelled', 'no-show')
          AND l.start_utc >= {since_l} AND l.start_utc < :end AND :start < l.end_utc""",
}


def main(url: str) -> None:
    """Print the plan of every interval search on the database at ``url``."""
    engine = make_engine(url)
    pg = engine.dialect.name == "postgresql"
    dialect = postgresql.dialect() if pg else sqlite.dialect()
    start = NOW + timedelta(days=15, hours=6)
    end = start + timedelta(minutes=75)
    with Session(engine) as s:
        for name, stmt in app_statements(s).items():
            compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})  # type: ignore[attr-defined]
            params = {k: (repo_value(v, pg)) for k, v in compiled.params.items()}
            show(s, name, str(compiled), params, pg)
        for name, body in TRIGGER_BODIES.items():
            if pg:
                since = ("CAST(:start AS timestamptz) - make_interval(mins => (SELECT max_minutes "
                         "FROM interval_bounds WHERE table_name = '{t}'))")  # fmt: skip
            else:
                since = ("datetime(:start, '-' || (SELECT max_minutes FROM interval_bounds "
                         "WHERE table_name = '{t}') || ' minutes')")  # fmt: skip
            sql = body.format(
                since_s=since.format(t="sessions"), since_l=since.format(t="lab_appointments")
            )
            params = {
                "chair": 1, "patient": 7, "start": repo_value(start, pg), "end": repo_value(end, pg)
            }  # fmt: skip
            show(s, name, sql, params, pg)
    engine.dispose()


def repo_value(value: object, pg: bool) -> object:
    """A bound value as the app's column type sends it (SQLite: naive UTC text)."""
    from datetime import UTC, datetime

    if isinstance(value, datetime) and not pg:
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    return value


def show(s: Session, name: str, sql: str, params: dict[str, object], pg: bool) -> None:
    """Print one statement's plan."""
    if pg:
        explain = "EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) " + sql
        if "%(" in sql:  # compiled by SQLAlchemy: the driver's own parameter style
            rows = s.connection().exec_driver_sql(explain, params).all()
        else:
            rows = s.execute(text(explain), params).all()
        lines = [r[0] for r in rows]
    else:
        sql = sql.replace("?", "{}")
        if "{}" in sql:  # positional markers from the compiler: fill by order
            values = list(params.values())
            sql = sql.format(*[f":p{i}" for i in range(len(values))])
            params = {f"p{i}": v for i, v in enumerate(values)}
        rows = s.execute(text("EXPLAIN QUERY PLAN " + sql), params).all()
        lines = [str(r[-1]) for r in rows]
    print(f"-- {name}")
    for line in lines:
        print(f"   {line}")


if __name__ == "__main__":
    main(sys.argv[1])
