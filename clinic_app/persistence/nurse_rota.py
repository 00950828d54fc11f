"""The nurse rota's queries (issue 14): nurses, shifts with their breaks, the day's nurse
tasks, and the rota lock every nurse-checked write holds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session, selectinload

from clinic_app.domain.catalog import Catalog, Therapy
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import NotFoundError
from clinic_app.domain.nurse_capacity import MINUTES_PER_DAY, DayRota, NurseShift, NurseTask
from clinic_app.persistence.models import (
    NurseAssignmentRow,
    NurseBreakRow,
    NurseRow,
    NurseShiftRow,
    SessionRow,
)
from clinic_app.persistence.repositories import active, overlapping, settings


def lock_rota(session: Session) -> None:
    """Hold the clinic's nurse-rota lock until the transaction ends.

    Every booking placement and every rota change takes it before it reads the day's load,
    so two desks racing for the last free nurse minute are serialised: the second one reads
    the first one's session. PostgreSQL: a transaction-level advisory lock (booking roles
    need no UPDATE right on any rota table). SQLite: the write transaction is BEGIN
    IMMEDIATE, one writer at a time already. Taken before the lab station's lock, always in
    that order, so the two never deadlock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext('clinic_nurse_rota'), 0)"))


def nurses(session: Session, *, active_only: bool = False) -> list[NurseRow]:
    """The clinic's nurses by name (the retired too unless ``active_only``)."""
    stmt = select(NurseRow).order_by(NurseRow.name)
    if active_only:
        stmt = stmt.where(NurseRow.active.is_(True))
    return list(session.scalars(stmt))


def nurse_by_name(session: Session, name: str) -> NurseRow:
    """The nurse named ``name``; NotFoundError otherwise."""
    row = session.scalars(select(NurseRow).where(NurseRow.name == name)).one_or_none()
    if row is None:
        raise NotFoundError("nurse", f"no nurse named {name!r}")
    return row


def shifts_on(session: Session, day: date) -> list[NurseShiftRow]:
    """The shifts of ``day`` with their nurses and breaks, by start and nurse name."""
    stmt = (
        select(NurseShiftRow)
        .join(NurseRow)
        .where(NurseShiftRow.day == day)
        .options(selectinload(NurseShiftRow.breaks), selectinload(NurseShiftRow.nurse))
        .order_by(NurseShiftRow.starts, NurseRow.name)
    )
    return list(session.scalars(stmt))


def shift_of(session: Session, nurse_id: int, day: date) -> NurseShiftRow | None:
    """The nurse's shift on ``day``, or None."""
    stmt = select(NurseShiftRow).where(NurseShiftRow.nurse_id == nurse_id, NurseShiftRow.day == day)
    return session.scalars(stmt).one_or_none()


def shifts_from(session: Session, nurse_id: int, day: date) -> int:
    """How many shifts the nurse has on or after ``day``."""
    stmt = select(NurseShiftRow.id).where(
        NurseShiftRow.nurse_id == nurse_id, NurseShiftRow.day >= day
    )
    return len(session.scalars(stmt).all())


def minute_of(moment: time) -> int:
    """A wall-clock time as minutes since midnight."""
    return moment.hour * 60 + moment.minute


def day_rota(session: Session, day: date) -> DayRota:
    """The day's shifts and the clinic's ratio as the domain's rota (no shift: no rota).

    Two column queries, no ORM rows: every booking check asks it.
    """
    rota = rotas_between(session, day, day).get(day)
    return rota if rota is not None else DayRota((), settings(session).nurse_ratio)


# rotas_between's statements, built once with bind parameters (every booking check asks).
_SHIFTS_BETWEEN = (
    select(
        NurseShiftRow.id,
        NurseShiftRow.day,
        NurseShiftRow.nurse_id,
        NurseRow.name,
        NurseShiftRow.starts,
        NurseShiftRow.ends,
    )
    .join(NurseRow)
    .where(NurseShiftRow.day >= bindparam("first"), NurseShiftRow.day <= bindparam("last"))
    .order_by(NurseShiftRow.day, NurseShiftRow.starts, NurseRow.name)
)
_BREAKS_BETWEEN = (
    select(NurseBreakRow.shift_id, NurseBreakRow.starts, NurseBreakRow.ends)
    .join(NurseShiftRow, NurseShiftRow.id == NurseBreakRow.shift_id)
    .where(NurseShiftRow.day >= bindparam("first"), NurseShiftRow.day <= bindparam("last"))
    .order_by(NurseBreakRow.starts)
)


def rotas_between(session: Session, first: date, last: date) -> dict[date, DayRota]:
    """The rota of every day from ``first`` to ``last`` that has a shift (a day without one
    has no rota: not in the result). Two column queries over the range, no ORM rows."""
    days = {"first": first, "last": last}
    shifts = session.execute(_SHIFTS_BETWEEN, days).all()
    breaks: dict[int, list[tuple[int, int]]] = {}
    if shifts:
        rows = session.execute(_BREAKS_BETWEEN, days)
        for shift_id, starts, ends in rows:
            breaks.setdefault(shift_id, []).append((minute_of(starts), minute_of(ends)))
    per_day: dict[date, list[NurseShift]] = {}
    for row in shifts:
        per_day.setdefault(row.day, []).append(
            NurseShift(
                row.nurse_id,
                row.name,
                minute_of(row.starts),
                minute_of(row.ends),
                tuple(breaks.get(row.id, ())),
            )
        )
    ratio = settings(session).nurse_ratio
    return {day: DayRota(tuple(day_shifts), ratio) for day, day_shifts in per_day.items()}


def local_minutes(calendar: ClinicCalendar, day: date, moment: datetime) -> int:
    """``moment`` as minutes of ``day``'s wall clock, clamped to the day."""
    local = calendar.local(moment)
    if local.date() < day:
        return 0
    if local.date() > day:
        return MINUTES_PER_DAY
    return local.hour * 60 + local.minute


def task_of(
    calendar: ClinicCalendar,
    therapy: Therapy,
    day: date,
    start_utc: datetime,
    end_utc: datetime,
    session_id: int | None = None,
) -> NurseTask | None:
    """What a session of ``therapy`` from ``start_utc`` to ``end_utc`` asks of the nurses on
    ``day`` (None: nothing on that day)."""
    start = local_minutes(calendar, day, start_utc)
    end = local_minutes(calendar, day, end_utc)
    if start >= end:
        return None
    setup = min(therapy.setup_minutes, end - start)
    takedown = min(therapy.takedown_minutes, end - start - setup)
    return NurseTask(start, end, setup, takedown, session_id)


def task_of_row(
    calendar: ClinicCalendar, catalog: Catalog, day: date, row: SessionRow
) -> NurseTask | None:
    """What the session ``row`` asks of the nurses on ``day``. A therapy no longer in the
    catalog asks for no set-up or take-down, only monitoring (its times are unknown now)."""
    return task_of_session(
        calendar, catalog, day, row.therapy_code, row.start_utc, row.end_utc, row.id
    )


def task_of_session(
    calendar: ClinicCalendar,
    catalog: Catalog,
    day: date,
    therapy_code: str,
    start_utc: datetime,
    end_utc: datetime,
    session_id: int | None = None,
) -> NurseTask | None:
    """What a session of ``therapy_code`` asks of the nurses on ``day`` (task_of_row, from
    plain columns: the reports read no ORM rows)."""
    start = local_minutes(calendar, day, start_utc)
    end = local_minutes(calendar, day, end_utc)
    if start >= end:
        return None
    if therapy_code not in catalog:
        return NurseTask(start, end, 0, 0, session_id)
    therapy = catalog.get(therapy_code)
    return task_of(calendar, therapy, day, start_utc, end_utc, session_id)


def day_sessions(
    session: Session, calendar: ClinicCalendar, day: date, *, exclude: int | None = None
) -> Sequence[SessionRow]:
    """The active sessions that touch ``day`` (local), but ``exclude``, by start."""
    first = calendar.day_start(day)
    last = calendar.day_start(day + timedelta(days=1))
    stmt = (
        select(SessionRow)
        .where(active(SessionRow), *overlapping(session, SessionRow, first, last))
        .order_by(SessionRow.start_utc, SessionRow.id)
    )
    if exclude is not None:
        stmt = stmt.where(SessionRow.id != exclude)
    return session.scalars(stmt).all()


def day_tasks(
    session: Session,
    calendar: ClinicCalendar,
    catalog: Catalog,
    day: date,
    *,
    exclude: int | None = None,
) -> list[NurseTask]:
    """The nurse tasks of the day's active sessions (but ``exclude``)."""
    rows = day_sessions(session, calendar, day, exclude=exclude)
    tasks = (task_of_row(calendar, catalog, day, row) for row in rows)
    return [task for task in tasks if task is not None]


def assignments(session: Session, session_ids: Sequence[int]) -> dict[int, int]:
    """Stored nurse assignments of these sessions: session id -> nurse id."""
    if not session_ids:
        return {}
    stmt = select(NurseAssignmentRow).where(NurseAssignmentRow.session_id.in_(session_ids))
    return {row.session_id: row.nurse_id for row in session.scalars(stmt)}


def assignment_of(session: Session, session_id: int) -> NurseAssignmentRow | None:
    """The stored nurse assignment of the session, or None."""
    return session.get(NurseAssignmentRow, session_id)
