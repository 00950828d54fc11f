"""The stored weekly slot template's queries (migration 0015, issue 14): the template in
force, its starts, storing a new build, and the booked starts it is compared with."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session, selectinload

from clinic_app.persistence.models import SessionRow, SlotTemplateRow, SlotTemplateStartRow


class StoredStart(NamedTuple):
    """One start of the template in force, as plain columns."""

    weekday: int
    start_minute: int
    chair_minutes: int
    setup_minutes: int
    takedown_minutes: int
    sessions: int  # the template's count (``count`` is a tuple method)


class BookedSession(NamedTuple):
    """A session that holds a place in the diary: its therapy and its start (UTC)."""

    therapy_code: str
    start_utc: datetime


def lock_templates(session: Session) -> None:
    """Hold the template lock until the transaction ends, so two builds at once never both
    leave a template in force. PostgreSQL: a transaction-level advisory lock; SQLite: the
    write transaction is BEGIN IMMEDIATE, one writer at a time already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext('clinic_slot_template'), 0)"))


def in_force(session: Session) -> SlotTemplateRow | None:
    """The template in force (the newest not superseded) with its starts, or None."""
    stmt = (
        select(SlotTemplateRow)
        .where(SlotTemplateRow.superseded_at.is_(None))
        .order_by(SlotTemplateRow.id.desc())
        .limit(1)
        .options(selectinload(SlotTemplateRow.starts))
    )
    return session.scalars(stmt).first()


def starts_in_force(session: Session) -> tuple[int | None, list[StoredStart]]:
    """The id and starts of the template in force, in one column query (none: ``None, []``).

    The slot finder asks this on every search, so it reads no ORM rows."""
    newest = (
        select(SlotTemplateRow.id)
        .where(SlotTemplateRow.superseded_at.is_(None))
        .order_by(SlotTemplateRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            SlotTemplateStartRow.template_id,
            SlotTemplateStartRow.weekday,
            SlotTemplateStartRow.start_minute,
            SlotTemplateStartRow.chair_minutes,
            SlotTemplateStartRow.setup_minutes,
            SlotTemplateStartRow.takedown_minutes,
            SlotTemplateStartRow.count,
        ).where(SlotTemplateStartRow.template_id == newest)
    ).all()
    if not rows:
        return None, []
    return rows[0][0], [StoredStart(*row[1:]) for row in rows]


def supersede(session: Session, at: datetime) -> list[int]:
    """Mark the template in force (any not superseded) superseded at ``at``; their ids."""
    ids = list(
        session.scalars(select(SlotTemplateRow.id).where(SlotTemplateRow.superseded_at.is_(None)))
    )
    if ids:
        session.execute(
            update(SlotTemplateRow).where(SlotTemplateRow.id.in_(ids)).values(superseded_at=at)
        )
    return ids


def store(
    session: Session, header: SlotTemplateRow, starts: Sequence[SlotTemplateStartRow]
) -> SlotTemplateRow:
    """Add a new template and its starts (flushed: the header has its id)."""
    session.add(header)
    session.flush()
    for start in starts:
        start.template_id = header.id
        session.add(start)
    session.flush()
    return header


def not_cancelled_between(
    session: Session, lo: datetime, hi: datetime, *, exclude: int | None = None
) -> list[BookedSession]:
    """Every session not cancelled that starts in [lo, hi) (UTC), by start, but ``exclude``
    (a session being moved).

    A no-show held its place: it counts as booked there, for the demand history and for the
    template's use alike."""
    stmt = (
        select(SessionRow.therapy_code, SessionRow.start_utc)
        .where(
            SessionRow.status != "cancelled",
            SessionRow.start_utc >= lo,
            SessionRow.start_utc < hi,
        )
        .order_by(SessionRow.start_utc)
    )
    if exclude is not None:
        stmt = stmt.where(SessionRow.id != exclude)
    rows = session.execute(stmt)
    return [BookedSession(code, start) for code, start in rows]
