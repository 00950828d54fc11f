"""A unit of work: one database transaction per user action, rolled back unless committed.

Database refusals of the scheduling invariants (exclusion constraints, triggers, deadlocks and
serialisation failures under concurrency) come out as ``SchedulingConflictError``.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clinic_app.domain.errors import ConflictKind, SchedulingConflictError
from clinic_app.persistence.engine import READ_ONLY

_CONFLICT_WORDS = {
    ConflictKind.CHAIR: "that chair was just taken by another booking",
    ConflictKind.PATIENT: "the patient already has an appointment at that time",
    ConflictKind.LAB_CAPACITY: "the lab station is full at that time",
    ConflictKind.HOURS: "the clinic is closed at that time",
}
# PostgreSQL SQLSTATEs that mean "someone else got there first; try another slot".
_RACE_STATES = {
    "23P01": ConflictKind.JUST_TAKEN,
    "40P01": ConflictKind.JUST_TAKEN,
    "40001": ConflictKind.JUST_TAKEN,
    "55P03": ConflictKind.JUST_TAKEN,
}


def conflict_from_db_error(error: DBAPIError) -> SchedulingConflictError | None:
    """The scheduling conflict a database error stands for, or None if it is something else."""
    text = str(error.orig) if error.orig is not None else str(error)
    marker = "clinic_conflict:"
    if marker in text:
        kind = text.split(marker, 1)[1].split()[0].strip("'\".,)")
        return SchedulingConflictError(kind, _CONFLICT_WORDS.get(kind, "scheduling conflict"))
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate in _RACE_STATES:
        if "chair" in text:
            words = _CONFLICT_WORDS[ConflictKind.CHAIR]
            return SchedulingConflictError(ConflictKind.CHAIR, words)
        if "patient" in text:
            words = _CONFLICT_WORDS[ConflictKind.PATIENT]
            return SchedulingConflictError(ConflictKind.PATIENT, words)
        return SchedulingConflictError(
            ConflictKind.JUST_TAKEN,
            "that time was just taken at another desk; pick another slot",
        )
    if isinstance(error, OperationalError) and "database is locked" in text:
        return SchedulingConflictError(
            ConflictKind.JUST_TAKEN,
            "the database is busy with another desk's booking; try again",
        )
    return None


class UnitOfWork:
    """``with uow:`` opens a transaction; leaving without ``commit()`` rolls it back."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None
        self._committed = False

    @property
    def session(self) -> Session:
        """The SQLAlchemy session of the open unit of work."""
        if self._session is None:
            raise RuntimeError("unit of work is not open")
        return self._session

    def __enter__(self) -> Self:
        self._session = self._session_factory()
        self._committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            if not self._committed:
                session.rollback()
        finally:
            session.close()
            self._session = None
        if isinstance(exc, DBAPIError):
            conflict = conflict_from_db_error(exc)
            if conflict is not None:
                raise conflict from exc

    def flush(self) -> None:
        """Send pending changes so the database checks its constraints now."""
        self.session.flush()

    def commit(self) -> None:
        """Make the changes durable; a database refusal becomes a scheduling conflict."""
        try:
            self.session.commit()
        except (IntegrityError, OperationalError, DBAPIError) as error:
            conflict = conflict_from_db_error(error)
            if conflict is not None:
                raise conflict from error
            raise
        self._committed = True


class Database:
    """The engine plus factories for writing and read-only units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def write(self) -> UnitOfWork:
        """A unit of work that may write (SQLite: BEGIN IMMEDIATE)."""
        return UnitOfWork(self._writer)

    def read(self) -> UnitOfWork:
        """A unit of work for queries only."""
        return UnitOfWork(self._reader)
