"""A unit of work: one database transaction per user action, rolled back unless committed.

Database refusals of the scheduling invariants (exclusion constraints, triggers, deadlocks and
serialisation failures under concurrency) come out as ``SchedulingConflictError``; a statement
the database login may not run (PostgreSQL's grants, SQLSTATE 42501) as
``DatabasePrivilegeError``.

``Database.one_transaction()`` groups several units of work (several service calls) into one
all-or-nothing transaction, e.g. seeding the demo clinic: each unit of work becomes a savepoint
of the one transaction, committed or rolled back as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clinic_app.domain.errors import ConflictKind, PermissionDeniedError, SchedulingConflictError
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


# SQLSTATE insufficient_privilege: the login's grants do not allow the statement.
_PRIVILEGE_STATE = "42501"


class DatabasePrivilegeError(PermissionDeniedError):
    """The database refused a statement because the login's grants do not allow it.

    ``detail`` is the server's own words (e.g. "permission denied for table patients");
    ``hint`` says what to do instead, when the caller knows.
    """

    def __init__(self, detail: str, hint: str = "") -> None:
        # PermissionDeniedError words its message for app roles; this one is the database's.
        Exception.__init__(
            self, f"the database refused it: {detail}" + (f". {hint}" if hint else "")
        )
        self.action = detail
        self.role = ""
        self.detail = detail
        self.hint = hint


def privilege_error_from(error: BaseException) -> DatabasePrivilegeError | None:
    """The privilege refusal ``error`` stands for, or None if it is something else.

    Takes SQLAlchemy's wrapped errors and the driver's own (statements that must be composed
    by the driver, like CREATE ROLE, run on its cursor and raise unwrapped).
    """
    if isinstance(error, DatabasePrivilegeError):
        return error
    orig = error.orig if isinstance(error, DBAPIError) else error
    if getattr(orig, "sqlstate", None) != _PRIVILEGE_STATE:
        return None
    diag = getattr(orig, "diag", None)
    detail = getattr(diag, "message_primary", None) or str(orig).splitlines()[0]
    return DatabasePrivilegeError(detail)


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
        if exc is not None and not isinstance(exc, DatabasePrivilegeError):
            refused = privilege_error_from(exc)
            if refused is not None:
                raise refused from exc
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
    """The engine plus factories for writing and read-only units of work.

    Built on an engine, every unit of work is a transaction of its own. Built by
    ``one_transaction()`` on a connection, every unit of work is a savepoint of that
    connection's one transaction (SQLAlchemy's ``join_transaction_mode="create_savepoint"``).
    """

    def __init__(self, engine: Engine, *, connection: Connection | None = None) -> None:
        self.engine = engine
        self._connection = connection
        if connection is None:
            self._writer = sessionmaker(bind=engine, expire_on_commit=False)
            self._reader = sessionmaker(
                bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
            )
        else:
            self._writer = self._reader = sessionmaker(
                bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )

    @contextmanager
    def one_transaction(self) -> Iterator[Database]:
        """A Database whose units of work all join one transaction: all or nothing.

        The transaction commits when the block ends normally and rolls back everything when
        it raises, whatever the units of work inside committed. Nested, it is a savepoint of
        the enclosing one. On SQLite the transaction is ``BEGIN IMMEDIATE``: it holds the
        write lock from the start, so its reads and checks stay true until it commits.
        """
        if self._connection is not None:
            with self._connection.begin_nested():
                yield self
            return
        with self.engine.connect() as connection:
            transaction = connection.begin()
            try:
                yield Database(self.engine, connection=connection)
            except BaseException:
                transaction.rollback()
                raise
            try:
                transaction.commit()
            except DBAPIError as error:
                refused = privilege_error_from(error) or conflict_from_db_error(error)
                if refused is not None:
                    raise refused from error
                raise

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
