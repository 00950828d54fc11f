"""A unit of work: one database transaction per user action, rolled back unless committed.

Database refusals of the scheduling invariants (exclusion constraints, triggers, deadlocks and
serialisation failures under concurrency) come out as ``SchedulingConflictError``; a statement
the database login may not run (PostgreSQL's grants, SQLSTATE 42501) as
``DatabasePrivilegeError``.

``Database.one_transaction()`` groups several units of work (several service calls) into one
all-or-nothing transaction, e.g. seeding the demo clinic: each unit of work becomes a savepoint
of the one transaction, committed or rolled back as a whole.

Commit hooks (``CommitHooks``, set by the services with ``Database.set_commit_hooks``) see a
write on its way out: ``before_commit`` runs inside the transaction, after the last flush (it
may add statements, e.g. PostgreSQL's ``pg_notify``) and returns a note; ``after_commit`` gets
the notes only once the transaction has committed, never after a rollback. Inside
``one_transaction`` that is when the one transaction commits, not when a savepoint does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Protocol, Self

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clinic_app.domain.errors import ConflictKind, PermissionDeniedError, SchedulingConflictError
from clinic_app.persistence.change_tracking import track_writes
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


class CommitHooks(Protocol):
    """What runs around the commit of every writing unit of work (see the module's text)."""

    def before_commit(self, session: Session) -> object | None:
        """Inside the transaction, after the last flush: a note for ``after_commit``, or None."""

    def after_commit(self, notes: list[object]) -> None:
        """The notes of the units of work that just committed, in their order."""


class UnitOfWork:
    """``with uow:`` opens a transaction; leaving without ``commit()`` rolls it back."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        database: Database | None = None,
        actor: str | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._database = database
        self._actor = actor
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
        if self._actor is not None:
            self.act_as(self._actor)
        return self

    def act_as(self, actor: str) -> None:
        """The user this transaction writes for, from here on (PostgreSQL: the audit actor of
        migration 0011, the transaction-local setting ``clinic.actor`` that the audit triggers
        and ``clinic_audit()`` record; the server's login may write nothing audited without
        it). SQLite has no such setting: the services' own audit entries name the user."""
        session = self.session
        if session.get_bind().dialect.name == "postgresql":
            session.execute(
                text("SELECT pg_catalog.set_config('clinic.actor', :actor, true)"),
                {"actor": actor},
            )

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
        """Make the changes durable; a database refusal becomes a scheduling conflict.

        The database's commit hooks see the write first (inside the transaction) and hear of
        it once it is durable.
        """
        hooks = self._database.commit_hooks if self._database is not None else None
        note = None
        try:
            if hooks is not None:
                self.session.flush()
                note = hooks.before_commit(self.session)
            self.session.commit()
        except (IntegrityError, OperationalError, DBAPIError) as error:
            conflict = conflict_from_db_error(error)
            if conflict is not None:
                raise conflict from error
            raise
        self._committed = True
        if note is not None and self._database is not None:
            self._database.committed(note)


class Database:
    """The engine plus factories for writing and read-only units of work.

    Built on an engine, every unit of work is a transaction of its own. Built by
    ``one_transaction()`` on a connection, every unit of work is a savepoint of that
    connection's one transaction (SQLAlchemy's ``join_transaction_mode="create_savepoint"``).
    """

    def __init__(
        self,
        engine: Engine,
        *,
        connection: Connection | None = None,
        commit_hooks: CommitHooks | None = None,
    ) -> None:
        self.engine = engine
        self._connection = connection
        self.commit_hooks = commit_hooks
        # Inside one_transaction: the notes of committed savepoints, until the end decides.
        self._deferred: list[object] = []
        if connection is None:
            self._writer = sessionmaker(bind=engine, expire_on_commit=False)
            self._reader = sessionmaker(
                bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
            )
        else:
            self._writer = self._reader = sessionmaker(
                bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )
        track_writes(self._writer)

    def set_commit_hooks(self, hooks: CommitHooks | None) -> None:
        """Let ``hooks`` see every write of this database's units of work."""
        self.commit_hooks = hooks

    def committed(self, note: object) -> None:
        """A unit of work committed with ``note``: hand it on now, or at the end of the one
        transaction it belongs to."""
        if self._connection is not None:
            self._deferred.append(note)
        elif self.commit_hooks is not None:
            self.commit_hooks.after_commit([note])

    @contextmanager
    def one_transaction(self) -> Iterator[Database]:
        """A Database whose units of work all join one transaction: all or nothing.

        The transaction commits when the block ends normally and rolls back everything when
        it raises, whatever the units of work inside committed. Nested, it is a savepoint of
        the enclosing one. On SQLite the transaction is ``BEGIN IMMEDIATE``: it holds the
        write lock from the start, so its reads and checks stay true until it commits.
        """
        if self._connection is not None:
            kept = len(self._deferred)
            try:
                with self._connection.begin_nested():
                    yield self
            except BaseException:
                del self._deferred[kept:]  # the savepoint's writes are gone, and their notes
                raise
            return
        with self.engine.connect() as connection:
            transaction = connection.begin()
            inner = Database(self.engine, connection=connection, commit_hooks=self.commit_hooks)
            try:
                yield inner
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
            if inner._deferred and self.commit_hooks is not None:
                self.commit_hooks.after_commit(inner._deferred)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def write(self, actor: str | None = None) -> UnitOfWork:
        """A unit of work that may write (SQLite: BEGIN IMMEDIATE), on behalf of ``actor``.

        On PostgreSQL ``actor`` (the authenticated user's name) becomes the transaction-local
        setting ``clinic.actor`` the audit triggers record; the server's login may write
        nothing audited without it. Only the owner (maintenance) writes without one.
        """
        return UnitOfWork(self._writer, self, actor)

    def read(self) -> UnitOfWork:
        """A unit of work for queries only."""
        return UnitOfWork(self._reader)
