"""Queries and writes the services use, in SQLAlchemy 2.x style (``select()``, ``scalars``).

Row locks (``FOR UPDATE``) are taken on PostgreSQL; SQLite has one writer at a time already
(``BEGIN IMMEDIATE``) and SQLAlchemy emits no ``FOR UPDATE`` there.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Executable,
    Select,
    bindparam,
    func,
    insert,
    or_,
    select,
    text,
    tuple_,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session, selectinload

from clinic_app.domain.clinic_calendar import ClinicCalendar, OpeningHours
from clinic_app.domain.errors import InvalidInputError, NotFoundError
from clinic_app.persistence.change_tracking import CLINIC_ZONE
from clinic_app.persistence.column_types import (
    StoredDate,
    StoredInstant,
    date_parser,
    instant_parser,
)
from clinic_app.persistence.models import (
    INACTIVE_STATUSES,
    AuditRow,
    ChairRow,
    ClinicSettingsRow,
    ClosedDateRow,
    ExposureRow,
    IntervalBoundRow,
    LabAppointmentRow,
    LabLinkRow,
    LabStationRow,
    OpeningHoursRow,
    OverrideRow,
    PatientRow,
    SessionFindingRow,
    SessionRow,
    UserSessionRow,
)


class NotInitialisedError(InvalidInputError):
    """The database has no clinic yet."""

    def __init__(self) -> None:
        super().__init__("database", "no clinic set up yet: run 'clinic-app init' first")


def settings(session: Session) -> ClinicSettingsRow:
    """The clinic's settings row; NotInitialisedError when the clinic is not set up."""
    row = session.get(ClinicSettingsRow, 1)
    if row is None:
        raise NotInitialisedError()
    # The identity map holds rows weakly: without this reference the row was collected as
    # soon as the caller dropped it, and the next ask (a booking asks 3 times) read it again.
    session.info["clinic_settings"] = row
    return row


def load_calendar(session: Session) -> ClinicCalendar:
    """Time zone, opening hours and closed dates as a domain calendar."""
    row = settings(session)
    # The change record of a write needs the zone at commit (persistence/change_tracking.py).
    session.info[CLINIC_ZONE] = row.timezone
    # Plain columns (every booking and search reads them): no mapped rows to build.
    hours = session.execute(_OPENING_HOURS)
    closed = session.scalars(_CLOSED_DAYS)
    return ClinicCalendar(
        row.timezone,
        tuple(OpeningHours(weekday, opens, closes) for weekday, opens, closes in hours),
        frozenset(closed),
    )


_OPENING_HOURS = select(
    OpeningHoursRow.weekday, OpeningHoursRow.opens, OpeningHoursRow.closes
).order_by(OpeningHoursRow.weekday)
_CLOSED_DAYS = select(ClosedDateRow.day)


def _locked(session: Session, stmt: Select[Any], lock: bool) -> Select[Any]:
    if lock and session.get_bind().dialect.name == "postgresql":
        return stmt.with_for_update()
    return stmt


RowT = TypeVar("RowT")

# Row ids are INTEGER columns: 32-bit on PostgreSQL, 64-bit on SQLite. An id outside the
# smaller range names no row on either database, and sending it would overflow the driver.
MAX_ROW_ID = 2**31 - 1


def is_row_id(value: int) -> bool:
    """True when ``value`` can be the id of a row (1 to MAX_ROW_ID)."""
    return 1 <= value <= MAX_ROW_ID


def _one(
    session: Session,
    stmt: Select[RowT],
    lock: bool,
    field: str,
    missing: str,
    params: dict[str, Any] | None = None,
) -> RowT:
    """The one row ``stmt`` selects (locked when ``lock``), or NotFoundError(field, missing)."""
    row: RowT | None = session.scalars(_locked(session, stmt, lock), params).one_or_none()
    if row is None:
        raise NotFoundError(field, missing)
    return row


def patient_by_mrn(session: Session, mrn: str, *, lock: bool = False) -> PatientRow:
    """The patient with this MRN (locked for the transaction when ``lock``)."""
    return _one(session, _PATIENT_BY_MRN, lock, "mrn", f"no patient with MRN {mrn!r}", {"mrn": mrn})


# Built once (every booking and check asks it); with_for_update() of it is a new statement.
_PATIENT_BY_MRN = select(PatientRow).where(PatientRow.mrn == bindparam("mrn"))


def patient_by_id(session: Session, patient_id: int, *, lock: bool = False) -> PatientRow:
    """The patient with this id (locked for the transaction when ``lock``)."""
    if not is_row_id(patient_id):
        raise NotFoundError("patient", f"no patient with id {patient_id}")
    return _one(
        session,
        select(PatientRow).where(PatientRow.id == patient_id),
        lock,
        "patient",
        f"no patient with id {patient_id}",
    )


def session_by_id(session: Session, session_id: int, *, lock: bool = False) -> SessionRow:
    """The session with this id."""
    if not is_row_id(session_id):
        raise NotFoundError("session", f"no session with id {session_id}")
    return _one(
        session,
        select(SessionRow).where(SessionRow.id == session_id),
        lock,
        "session",
        f"no session with id {session_id}",
    )


def chairs(session: Session, *, active_only: bool = True) -> list[ChairRow]:
    """Chairs in display order."""
    stmt = select(ChairRow).order_by(ChairRow.sort_order, ChairRow.name)
    if active_only:
        stmt = stmt.where(ChairRow.active.is_(True))
    return list(session.scalars(stmt))


def active_chair_names(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the active chairs in display order (``chairs``' rows, as plain
    columns: the day screen reads them on every load and needs no mapped object)."""
    return session.connection().execute(_active_chairs_statement()).all()  # type: ignore[return-value]


@functools.cache
def _active_chairs_statement() -> Executable:
    return (
        select(ChairRow.id, ChairRow.name)
        .where(ChairRow.active.is_(True))
        .order_by(ChairRow.sort_order, ChairRow.name)
    )


def chair_by_name(session: Session, name: str) -> ChairRow:
    """The active chair with this name."""
    row = session.scalars(_CHAIR_BY_NAME, {"name": name}).one_or_none()
    if row is None or not row.active:
        raise NotFoundError("chair", f"no chair named {name!r}")
    return row


_CHAIR_BY_NAME = select(ChairRow).where(ChairRow.name == bindparam("name"))
_LAB_STATION = select(LabStationRow).order_by(LabStationRow.id).limit(1)


def lab_station(session: Session, *, lock: bool = False) -> LabStationRow:
    """The clinic's lab station; with ``lock`` the transaction holds its planning lock.

    PostgreSQL: a transaction-level advisory lock on the station (booking roles have no
    UPDATE right on lab_stations, which ``FOR UPDATE`` would need); the capacity trigger
    locks the row itself.
    """
    row = session.scalars(_LAB_STATION).first()
    if row is None:
        raise NotInitialisedError()
    if lock and session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext('clinic_lab_station'), :id)"),
            {"id": row.id},
        )
    return row


def active(column_owner: type[SessionRow] | type[LabAppointmentRow]) -> Any:
    """SQL condition: the row still holds its time (not cancelled, not a no-show)."""
    return column_owner.status.not_in(INACTIVE_STATUSES)


def patient_sessions(session: Session, patient_id: int) -> list[SessionRow]:
    """The patient's active sessions, oldest first."""
    stmt = (
        select(SessionRow)
        .where(SessionRow.patient_id == patient_id, active(SessionRow))
        .options(selectinload(SessionRow.findings).selectinload(SessionFindingRow.override))
        .order_by(SessionRow.start_utc)
    )
    return list(session.scalars(stmt))


def patient_labs(session: Session, patient_id: int) -> list[LabAppointmentRow]:
    """The patient's active lab appointments with their links, oldest first."""
    stmt = (
        select(LabAppointmentRow)
        .where(LabAppointmentRow.patient_id == patient_id, active(LabAppointmentRow))
        .options(selectinload(LabAppointmentRow.links))
        .order_by(LabAppointmentRow.start_utc)
    )
    return list(session.scalars(stmt))


def patient_sessions_since(
    session: Session, patient_id: int, since_utc: datetime, course_id: str | None = None
) -> list[SessionRow]:
    """The patient's active sessions the rules can look at from ``since_utc`` on, oldest first.

    Two statements: the range starts at ``since_utc``, or earlier at the first dose of a
    course that has a session in it (or of ``course_id``); then every session starting in the
    range; every session of a course that has a session in it, or of ``course_id``; and per
    drug the last session before the range (the "previous dose at any distance" of the
    interval rules).
    ``clinic_app.domain.rule_reach.relevant_part`` is the same selection in Python.
    The statements are built once with bind parameters (every booking and check runs them).
    """
    first_stmt, rows_stmt = _sessions_since_statements(course_id is not None)
    params: dict[str, Any] = {"patient_id": patient_id, "since": since_utc}
    if course_id is not None:
        params["course_id"] = course_id
    first = session.scalar(first_stmt, params)
    if first is not None and first < since_utc:
        params["since"] = first
    return list(session.scalars(rows_stmt, params))


@functools.cache
def _sessions_since_statements(with_course: bool) -> tuple[Select[Any], Select[Any]]:
    """patient_sessions_since's two statements (with or without a named course)."""
    since = bindparam("since", type_=SessionRow.start_utc.type)
    mine = (SessionRow.patient_id == bindparam("patient_id"), active(SessionRow))
    # A course reaching into the range widens it back to its first dose: rules about a course
    # (D14: another iron inside it) look at every dose within its span, however long.
    touching: ColumnElement[bool] = SessionRow.course_id.in_(
        select(SessionRow.course_id).where(
            *mine, SessionRow.start_utc >= since, SessionRow.course_id.is_not(None)
        )
    )
    if with_course:
        touching = or_(touching, SessionRow.course_id == bindparam("course_id"))
    first = select(func.min(SessionRow.start_utc)).where(*mine, touching)
    recent_courses = select(SessionRow.course_id).where(
        *mine, SessionRow.start_utc >= since, SessionRow.course_id.is_not(None)
    )
    last_per_drug = (
        select(SessionRow.therapy_code, func.max(SessionRow.start_utc))
        .where(*mine, SessionRow.start_utc < since)
        .group_by(SessionRow.therapy_code)
    )
    wanted = [
        SessionRow.start_utc >= since,
        SessionRow.course_id.in_(recent_courses),
        tuple_(SessionRow.therapy_code, SessionRow.start_utc).in_(last_per_drug),
    ]
    if with_course:
        wanted.append(SessionRow.course_id == bindparam("course_id"))
    rows = (
        select(SessionRow)
        .where(*mine, or_(*wanted))
        .options(selectinload(SessionRow.findings).selectinload(SessionFindingRow.override))
        .order_by(SessionRow.start_utc)
    )
    return first, rows


def patient_labs_since(
    session: Session, patient_id: int, since_utc: datetime
) -> list[LabAppointmentRow]:
    """The patient's active lab appointments starting at or after ``since_utc``."""
    return list(session.scalars(_LABS_SINCE, {"patient_id": patient_id, "since": since_utc}))


_LABS_SINCE = (
    select(LabAppointmentRow)
    .where(
        LabAppointmentRow.patient_id == bindparam("patient_id"),
        active(LabAppointmentRow),
        LabAppointmentRow.start_utc >= bindparam("since"),
    )
    .options(selectinload(LabAppointmentRow.links))
    .order_by(LabAppointmentRow.start_utc)
)


def course_start(session: Session, patient_id: int, course_id: str) -> datetime | None:
    """The start of the patient's first active session of ``course_id`` (None: none yet)."""
    return session.scalar(
        select(func.min(SessionRow.start_utc)).where(
            SessionRow.patient_id == patient_id,
            active(SessionRow),
            SessionRow.course_id == course_id,
        )
    )


def labs_of_session(session: Session, session_id: int) -> list[LabAppointmentRow]:
    """The active lab appointments linked to one session, by start."""
    stmt = (
        select(LabAppointmentRow)
        .where(
            active(LabAppointmentRow),
            LabAppointmentRow.id.in_(
                select(LabLinkRow.lab_id).where(LabLinkRow.session_id == session_id)
            ),
        )
        .options(selectinload(LabAppointmentRow.links))
        .order_by(LabAppointmentRow.start_utc)
    )
    return list(session.scalars(stmt))


def patient_exposures(session: Session, patient_id: int) -> list[ExposureRow]:
    """Recorded outside exposures that have not been removed."""
    return list(session.scalars(_EXPOSURES, {"patient_id": patient_id}))


_EXPOSURES = (
    select(ExposureRow)
    .where(ExposureRow.patient_id == bindparam("patient_id"), ExposureRow.removed.is_(False))
    .order_by(ExposureRow.id)
)


def longest(session: Session, table: type[SessionRow] | type[LabAppointmentRow]) -> timedelta:
    """The longest row ``table`` ever held (kept by the database; read once per transaction).

    Whatever overlaps ``[start, end)`` started at or after ``start - longest``: with it every
    overlap search is an index range bounded on both sides.
    """
    cache: dict[str, timedelta] | None = session.info.get("interval_bounds")
    if cache is None:
        # Every table's bound in one read (a booking searches sessions and draws alike).
        rows = session.execute(_INTERVAL_BOUNDS)  # autoflushed, as a search would be
        cache = {name: timedelta(minutes=minutes) for name, minutes in rows}
        session.info["interval_bounds"] = cache
    # No row: the bound is unknown, so fall back to an unbounded search (pre-0005 file).
    return cache.get(table.__tablename__, timedelta(days=36500))


_INTERVAL_BOUNDS = select(IntervalBoundRow.table_name, IntervalBoundRow.max_minutes)


def overlapping(
    session: Session,
    table: type[SessionRow] | type[LabAppointmentRow],
    start_utc: datetime,
    end_utc: datetime,
) -> list[Any]:
    """SQL conditions: a row of ``table`` overlaps ``[start_utc, end_utc)``.

    ``start_utc`` is bounded on both sides (``start - longest <= start_utc < end``), so the
    search is an index range however long the history is.
    """
    return [
        table.start_utc >= start_utc - longest(session, table),
        table.start_utc < end_utc,
        table.end_utc > start_utc,
    ]


def busy_by_chair(
    session: Session, start_utc: datetime, end_utc: datetime, *, exclude_session: int | None = None
) -> dict[int, list[tuple[datetime, datetime]]]:
    """Active session intervals per chair that touch ``[start_utc, end_utc)``."""
    params: dict[str, Any] = {
        "lower": start_utc - longest(session, SessionRow),
        "start_utc": start_utc,
        "end_utc": end_utc,
    }
    stmt = _BUSY_BY_CHAIR
    if exclude_session is not None:
        stmt, params["exclude"] = _BUSY_BY_CHAIR_EXCLUDING, exclude_session
    result: dict[int, list[tuple[datetime, datetime]]] = {}
    for chair_id, start, end in session.execute(stmt, params):
        result.setdefault(chair_id, []).append((start, end))
    return result


# busy_by_chair's statements, built once (every booking and every week a slot search reads
# asks one): overlapping()'s conditions, bounded on both sides by the longest session.
_BUSY_BY_CHAIR = select(SessionRow.chair_id, SessionRow.start_utc, SessionRow.end_utc).where(
    active(SessionRow),
    SessionRow.start_utc >= bindparam("lower"),
    SessionRow.start_utc < bindparam("end_utc"),
    SessionRow.end_utc > bindparam("start_utc"),
)
_BUSY_BY_CHAIR_EXCLUDING = _BUSY_BY_CHAIR.where(SessionRow.id != bindparam("exclude"))


# lab_starts' statement, built once: the booking path asks it once per lab window, and
# building a select (and its cache key) each time cost more than the database's answer.
# The patient left out is a plain bind parameter, not an expanding list of their draws'
# ids that SQLAlchemy renders into the SQL on every execution (bench/README.md, "Sixth
# round": 62.0 M -> 59.7 M instructions per heavy check).
_LAB_STARTS = (
    select(LabAppointmentRow.start_utc, func.count())
    .where(
        LabAppointmentRow.station_id == bindparam("station_id"),
        active(LabAppointmentRow),
        # overlapping(): bounded on both sides by the longest draw the table holds.
        LabAppointmentRow.start_utc >= bindparam("lower"),
        LabAppointmentRow.start_utc < bindparam("end_utc"),
        LabAppointmentRow.end_utc > bindparam("start_utc"),
        LabAppointmentRow.patient_id != bindparam("exclude_patient"),
    )
    .group_by(LabAppointmentRow.start_utc)
    .having(func.count() >= bindparam("at_least"))
)


def lab_starts(
    session: Session,
    station_id: int,
    start_utc: datetime,
    end_utc: datetime,
    *,
    exclude_patient: int | None = None,
    at_least: int = 1,
) -> dict[datetime, int]:
    """Active draws at the station inside the range, counted per start (for capacity).

    Counted by the database, and only the starts holding ``at_least`` draws are returned:
    a caller that only asks "is this slot full?" passes the smallest count that can make a
    slot full, and gets a few rows instead of every draw of a 14-day window (~3,600 rows
    on a busy clinic). The draws of ``exclude_patient`` are not counted (a booking's lab
    plan may move or cancel them).
    """
    params = {
        "station_id": station_id,
        "lower": start_utc - longest(session, LabAppointmentRow),
        "start_utc": start_utc,
        "end_utc": end_utc,
        # Row ids start at 1 (is_row_id): 0 leaves nobody out.
        "exclude_patient": 0 if exclude_patient is None else exclude_patient,
        "at_least": at_least,
    }
    # Core on the connection: two plain columns, no ORM result processing.
    rows = session.connection().execute(_LAB_STARTS, params)
    return {start: count for start, count in rows}


def sessions_between(
    session: Session, start_utc: datetime, end_utc: datetime
) -> Sequence[SessionRow]:
    """Every session (cancelled included) starting inside the range, by start and chair."""
    stmt = (
        select(SessionRow)
        .where(SessionRow.start_utc >= start_utc, SessionRow.start_utc < end_utc)
        .options(
            selectinload(SessionRow.findings).selectinload(SessionFindingRow.override),
            selectinload(SessionRow.patient),
            selectinload(SessionRow.chair),
        )
        .order_by(SessionRow.start_utc, SessionRow.chair_id)
    )
    return session.scalars(stmt).all()


def labs_between(
    session: Session, start_utc: datetime, end_utc: datetime
) -> Sequence[LabAppointmentRow]:
    """Every lab appointment (cancelled included) starting inside the range."""
    stmt = (
        select(LabAppointmentRow)
        .where(LabAppointmentRow.start_utc >= start_utc, LabAppointmentRow.start_utc < end_utc)
        .options(selectinload(LabAppointmentRow.links), selectinload(LabAppointmentRow.patient))
        .order_by(LabAppointmentRow.start_utc, LabAppointmentRow.id)
    )
    return session.scalars(stmt).all()


def overdue_labs(
    session: Session, since_utc: datetime, now_utc: datetime
) -> Sequence[LabAppointmentRow]:
    """Draws still "booked" whose time passed (since ``since_utc``): due and not done."""
    stmt = (
        select(LabAppointmentRow)
        .where(
            LabAppointmentRow.status == "booked",
            LabAppointmentRow.start_utc >= since_utc,
            # Implied by the end (a draw starts before it ends); bounds the index range.
            LabAppointmentRow.start_utc < now_utc,
            LabAppointmentRow.end_utc < now_utc,
        )
        .options(selectinload(LabAppointmentRow.links), selectinload(LabAppointmentRow.patient))
        .order_by(LabAppointmentRow.start_utc)
    )
    return session.scalars(stmt).all()


class SessionFact(NamedTuple):
    """The columns of one session a day view shows, its patient and chair joined in.

    ``session_facts`` returns rows in this order (plain tuples: no named tuple is built per
    row); ``start_utc`` / ``end_utc`` come as the driver stores them, for ``stored_instants``.
    """

    id: int
    patient_id: int
    mrn: str
    patient_name: str
    chair_id: int
    chair: str
    therapy: str
    start_utc: datetime
    end_utc: datetime
    status: str
    course_id: str | None
    status_reason: str
    prescriber_name: str | None
    prescriber_practice: str | None
    prescriber_contact: str | None


class FindingFact(NamedTuple):
    """One stored finding of a session, with its override's author and reason if any."""

    session_id: int
    rule: str
    severity: str
    message: str
    evidence: str
    overridden_by: str | None
    override_reason: str | None
    consulted: str | None


class LabFact(NamedTuple):
    """The columns of one lab appointment a day view shows, its patient joined in (the
    rows' order; instants as stored, as in ``SessionFact``, and the due dates as stored, for
    ``stored_dates``)."""

    id: int
    patient_id: int
    mrn: str
    patient_name: str
    tests: str
    start_utc: datetime
    end_utc: datetime
    status: str
    due_from: date
    due_to: date


class LinkFact(NamedTuple):
    """One link of a lab appointment to the session (and rule) it serves."""

    lab_id: int
    session_id: int
    rule_id: str
    label: str


def session_facts(
    session: Session, start_utc: datetime, end_utc: datetime
) -> tuple[Sequence[SessionFact], Sequence[FindingFact]]:
    """Every session (cancelled included) starting inside the range, by start and chair,
    and their findings (by id): plain columns in two statements, no mapped objects."""
    rows_stmt, findings_stmt = _session_fact_statements()
    bounds = {"lo": start_utc, "hi": end_utc}
    sessions = driver_rows(session, rows_stmt, bounds)
    return sessions, driver_rows(session, findings_stmt, bounds)


def driver_rows(session: Session, statement: Executable, params: dict[str, Any]) -> Sequence[Any]:
    """A bulk read's rows as the driver's own tuples.

    SQLAlchemy compiles the statement (cached) and converts the parameters; the rows are
    then fetched from the DBAPI cursor without a ``Row`` per row and without result
    processing, so every column must be one the driver returns as the app wants it (text,
    numbers) or one the reader converts itself (``StoredInstant``, ``StoredDate``). A busy
    day's ~2,000 rows spent 4.6 M of the day screen's 80.5 M instructions in ``Row``
    objects (issue 10, bench/README.md "Fifth round").
    """
    result = session.connection().execute(statement, params)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def stored_instants(session: Session) -> Any:
    """The conversion of an instant as ``session_facts`` / ``lab_facts_*`` return it (as
    stored) to an aware UTC datetime: what ``UTCDateTime`` does per value, left to the
    reader so that each distinct value is converted once (``views.LocalTimes``)."""
    return instant_parser(session.get_bind().dialect)


def stored_dates(session: Session) -> Any:
    """The conversion of a date as ``lab_facts_*`` return it (as stored) to a ``date``."""
    return date_parser(session.get_bind().dialect)


_STORED = StoredInstant()
_STORED_DATE = StoredDate()


@functools.cache
def _session_fact_statements() -> tuple[Executable, Executable]:
    """The two statements of ``session_facts``, built once with bound ``lo`` / ``hi``:
    building a select with its joins and conditions cost as much as a small query."""
    in_range = (SessionRow.start_utc >= bindparam("lo"), SessionRow.start_utc < bindparam("hi"))
    rows = (
        select(
            SessionRow.id,
            SessionRow.patient_id,
            PatientRow.mrn,
            PatientRow.name,
            SessionRow.chair_id,
            ChairRow.name,
            SessionRow.therapy_code,
            type_coerce(SessionRow.start_utc, _STORED),
            type_coerce(SessionRow.end_utc, _STORED),
            SessionRow.status,
            SessionRow.course_id,
            SessionRow.status_reason,
            SessionRow.prescriber_name,
            SessionRow.prescriber_practice,
            SessionRow.prescriber_contact,
        )
        .join(PatientRow, PatientRow.id == SessionRow.patient_id)
        .join(ChairRow, ChairRow.id == SessionRow.chair_id)
        .where(*in_range)
        .order_by(SessionRow.start_utc, SessionRow.chair_id)
    )
    findings = (
        select(
            SessionFindingRow.session_id,
            SessionFindingRow.rule_id,
            SessionFindingRow.severity,
            SessionFindingRow.message,
            SessionFindingRow.evidence,
            OverrideRow.overridden_by,
            OverrideRow.reason,
            OverrideRow.consulted_prescriber,
        )
        .join(SessionRow, SessionRow.id == SessionFindingRow.session_id)
        .outerjoin(OverrideRow, OverrideRow.id == SessionFindingRow.override_id)
        .where(*in_range)
        .order_by(SessionFindingRow.id)
    )
    return rows, findings


def lab_facts_between(
    session: Session, start_utc: datetime, end_utc: datetime
) -> tuple[Sequence[LabFact], Sequence[LinkFact]]:
    """Every lab appointment starting inside the range (``labs_between``), and its links."""
    return _lab_facts(session, "between", {"lo": start_utc, "hi": end_utc})


def overdue_lab_facts(
    session: Session, since_utc: datetime, now_utc: datetime
) -> tuple[Sequence[LabFact], Sequence[LinkFact]]:
    """Booked draws whose time passed, since a day (``overdue_labs``), and their links."""
    return _lab_facts(session, "overdue", {"lo": since_utc, "hi": now_utc})


def _lab_facts(
    session: Session, kind: str, bounds: dict[str, datetime]
) -> tuple[Sequence[LabFact], Sequence[LinkFact]]:
    rows_stmt, links_stmt = _lab_fact_statements(kind)
    labs = driver_rows(session, rows_stmt, bounds)
    return labs, driver_rows(session, links_stmt, bounds)


@functools.cache
def _lab_fact_statements(kind: str) -> tuple[Executable, Executable]:
    """Lab appointments by start and id and their links, plain columns in two statements,
    built once per kind of range with bound ``lo`` / ``hi``."""
    lo: BindParameter[datetime] = bindparam("lo")
    hi: BindParameter[datetime] = bindparam("hi")
    if kind == "between":
        conditions = labs_between_conditions(lo, hi)
    else:
        conditions = overdue_conditions(lo, hi)
    rows = (
        select(
            LabAppointmentRow.id,
            LabAppointmentRow.patient_id,
            PatientRow.mrn,
            PatientRow.name,
            LabAppointmentRow.tests,
            type_coerce(LabAppointmentRow.start_utc, _STORED),
            type_coerce(LabAppointmentRow.end_utc, _STORED),
            LabAppointmentRow.status,
            type_coerce(LabAppointmentRow.due_from, _STORED_DATE),
            type_coerce(LabAppointmentRow.due_to, _STORED_DATE),
        )
        .join(PatientRow, PatientRow.id == LabAppointmentRow.patient_id)
        .where(*conditions)
        .order_by(LabAppointmentRow.start_utc, LabAppointmentRow.id)
    )
    # IN (subquery), not a join: the database starts from the draws' start index and
    # reaches the links by their lab_id index (a join may scan every link instead).
    links = select(
        LabLinkRow.lab_id, LabLinkRow.session_id, LabLinkRow.rule_id, LabLinkRow.label
    ).where(LabLinkRow.lab_id.in_(select(LabAppointmentRow.id).where(*conditions)))
    return rows, links


def labs_between_conditions(start_utc: Any, end_utc: Any) -> tuple[Any, ...]:
    """SQL conditions of ``labs_between`` (every draw starting inside the range)."""
    return (LabAppointmentRow.start_utc >= start_utc, LabAppointmentRow.start_utc < end_utc)


def overdue_conditions(since_utc: Any, now_utc: Any) -> tuple[Any, ...]:
    """SQL conditions of ``overdue_labs`` (booked draws whose time passed, since a day)."""
    return (
        LabAppointmentRow.status == "booked",
        LabAppointmentRow.start_utc >= since_utc,
        LabAppointmentRow.start_utc < now_utc,  # implied by the end; bounds the index range
        LabAppointmentRow.end_utc < now_utc,
    )


def links_of_session(session: Session, session_id: int) -> list[LabLinkRow]:
    """Lab links that serve this session."""
    return list(session.scalars(select(LabLinkRow).where(LabLinkRow.session_id == session_id)))


class AuditEntry(NamedTuple):
    """One audit entry to append (see ``audit``)."""

    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    patient_id: int | None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def audit_many(session: Session, entries: Sequence[AuditEntry]) -> None:
    """Append ``entries`` in order, as ``audit`` does one by one; on SQLite in one statement.

    The session is flushed first, so entries added earlier keep their place in the trail.
    """
    if not entries:
        return
    if session.get_bind().dialect.name == "postgresql":
        for entry in entries:
            audit(session, **entry._asdict())
        return
    session.flush()
    session.connection().execute(
        insert(AuditRow),
        [
            {
                "at_utc": entry.at,
                "actor": entry.actor,
                "action": entry.action,
                "entity": entry.entity,
                "entity_id": entry.entity_id,
                "patient_id": entry.patient_id,
                "before_json": _json(entry.before),
                "after_json": _json(entry.after),
            }
            for entry in entries
        ],
    )


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, default=str, sort_keys=True)


def audit(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    patient_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append one audit entry (the table refuses updates and deletes).

    On PostgreSQL the entry goes through ``clinic_audit()``, which records the transaction's
    audit actor (``clinic.actor``, set by ``Database.write(actor)``; revision 0011) whatever
    ``actor`` claims; the claim only counts for the owner's maintenance, without one.
    """
    before_json, after_json = _json(before), _json(after)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                "SELECT clinic_audit(:actor, :action, :entity, :entity_id, :patient_id, "
                ":before, :after)"
            ),
            {
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "patient_id": patient_id,
                "before": before_json,
                "after": after_json,
            },
        )
        return
    session.add(
        AuditRow(
            at_utc=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            patient_id=patient_id,
            before_json=before_json,
            after_json=after_json,
        )
    )


def revoke_user_sessions(session: Session, user_id: int, *, at: datetime, reason: str) -> int:
    """End every open clinic-server session of a user; returns how many there were."""
    result = session.execute(
        update(UserSessionRow)
        .where(UserSessionRow.user_id == user_id, UserSessionRow.revoked_utc.is_(None))
        .values(revoked_utc=at, revoked_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
