"""Read-only queries for the managers' reports (utilisation, findings per month, capacity).

They select plain columns, not mapped objects, and stream them in batches so a year of a busy
clinic is aggregated without loading every row at once. Times stay in UTC; the service turns
them into clinic-local days.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.persistence.models import (
    ChairRow,
    SessionFindingRow,
    SessionRow,
    WaitlistRow,
)
from clinic_app.persistence.repositories import overlapping

BATCH_ROWS = 2000  # rows fetched per round trip while streaming


class ChairFact(NamedTuple):
    """A chair as the reports need it (inactive chairs included: they may hold history)."""

    id: int
    name: str
    active: bool


class SessionFact(NamedTuple):
    """The columns of one session that utilisation needs."""

    id: int
    chair_id: int
    therapy: str
    start_utc: datetime
    end_utc: datetime
    status: str


class FindingFact(NamedTuple):
    """One stored finding of a session, with whether a clinician overrode it."""

    session_id: int
    session_start_utc: datetime
    rule: str
    severity: str
    overridden: bool


def report_chairs(session: Session) -> list[ChairFact]:
    """Every chair, active or not, in display order."""
    stmt = select(ChairRow.id, ChairRow.name, ChairRow.active).order_by(
        ChairRow.sort_order, ChairRow.name
    )
    return [ChairFact(r.id, r.name, bool(r.active)) for r in session.execute(stmt)]


# The columns of a SessionFact, in its order.
_SESSION_FACT_COLUMNS = (
    SessionRow.id,
    SessionRow.chair_id,
    SessionRow.therapy_code,
    SessionRow.start_utc,
    SessionRow.end_utc,
    SessionRow.status,
)


def session_facts(
    session: Session, start_utc: datetime, end_utc: datetime
) -> Iterator[SessionFact]:
    """Every session (cancelled included) starting in ``[start_utc, end_utc)``, streamed."""
    stmt = (
        select(*_SESSION_FACT_COLUMNS)
        .where(SessionRow.start_utc >= start_utc, SessionRow.start_utc < end_utc)
        .order_by(SessionRow.start_utc, SessionRow.chair_id)
        .execution_options(yield_per=BATCH_ROWS)
    )
    for row in session.execute(stmt):
        yield SessionFact(*row)


def finding_facts(
    session: Session, start_utc: datetime, end_utc: datetime
) -> Iterator[FindingFact]:
    """Findings of the sessions (not cancelled) starting in ``[start_utc, end_utc)``, streamed."""
    stmt = (
        select(
            SessionRow.id,
            SessionRow.start_utc,
            SessionFindingRow.rule_id,
            SessionFindingRow.severity,
            SessionFindingRow.override_id,
        )
        .join(SessionFindingRow, SessionFindingRow.session_id == SessionRow.id)
        .where(
            SessionRow.start_utc >= start_utc,
            SessionRow.start_utc < end_utc,
            SessionRow.status != "cancelled",
        )
        .order_by(SessionRow.start_utc, SessionFindingRow.id)
        .execution_options(yield_per=BATCH_ROWS)
    )
    for row in session.execute(stmt):
        yield FindingFact(row[0], row[1], row[2], row[3], row[4] is not None)


def sessions_touching(
    session: Session, start_utc: datetime, end_utc: datetime
) -> Iterator[SessionFact]:
    """Every session not cancelled that overlaps ``[start_utc, end_utc)`` (a session over
    midnight touches two days), streamed; ``start_utc`` bounded on both sides."""
    stmt = (
        select(*_SESSION_FACT_COLUMNS)
        .where(
            SessionRow.status != "cancelled",
            *overlapping(session, SessionRow, start_utc, end_utc),
        )
        .order_by(SessionRow.start_utc, SessionRow.chair_id)
        .execution_options(yield_per=BATCH_ROWS)
    )
    for row in session.execute(stmt):
        yield SessionFact(*row)


class WaitlistFact(NamedTuple):
    """A waitlist entry still open (waiting or offered), as the capacity report counts it."""

    therapy: str
    status: str
    latest: date
    created_at: datetime


def open_waitlist(session: Session) -> list[WaitlistFact]:
    """The waitlist entries waiting or offered, in order of joining."""
    stmt = (
        select(
            WaitlistRow.therapy_code,
            WaitlistRow.status,
            WaitlistRow.latest_date,
            WaitlistRow.created_at,
        )
        .where(WaitlistRow.status.in_(("waiting", "offered")))
        .order_by(WaitlistRow.id)
    )
    return [WaitlistFact(r[0], r[1], r[2], r[3]) for r in session.execute(stmt)]
