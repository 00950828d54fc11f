"""Composition root shared by the CLI and the GUI: URL -> engine -> migrations -> services.

It is also where the shells get what opening a database involves: the database errors they
tell apart (the CLI's exit codes, the window's
messages), so that no shell imports persistence or SQLAlchemy itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from clinic_app.persistence.change_tracking import ChangeListener, libpq_url
from clinic_app.persistence.database_errors import DatabaseMissingError, UnusableDatabaseError
from clinic_app.persistence.engine import DatabaseUrlError, sqlite_file
from clinic_app.persistence.migrate import head_revision, stored_revision
from clinic_app.persistence.opening import SchemaUpgrade, open_database
from clinic_app.persistence.server_role import (
    AppRoleError,
    AppRoleResult,
    Login,
    login_of,
    set_app_role,
)
from clinic_app.persistence.sqlite_backup import BackupError
from clinic_app.persistence.unit_of_work import Database
from clinic_app.services.audit_queries import AuditQueries
from clinic_app.services.auth import AuthService
from clinic_app.services.backup import BackupService
from clinic_app.services.booking import BookingService
from clinic_app.services.clinic_settings import ClinicSettingsService
from clinic_app.services.clinic_setup import ClinicSetupService
from clinic_app.services.clock import Clock, system_clock
from clinic_app.services.context import ServiceContext, rules_file
from clinic_app.services.exports import ExportService
from clinic_app.services.idempotency import IdempotencyService
from clinic_app.services.lab_results import LabResultsService
from clinic_app.services.letters import LetterService
from clinic_app.services.reports import UtilisationReport
from clinic_app.services.rule_settings import RuleSettingsService
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.schedule_queries import ScheduleQueries
from clinic_app.services.sessions import SessionService
from clinic_app.services.staffing import StaffingService
from clinic_app.services.templates import TemplateService
from clinic_app.services.waitlist import WaitlistService

# Besides what it defines, the database errors a shell tells apart (raised while opening or
# using the database): BackupError ... UnusableDatabaseError.
__all__ = [
    "AppRoleError",
    "AppRoleResult",
    "BackupError",
    "DatabaseError",
    "DatabaseMissingError",
    "DatabaseUrlError",
    "OperationalError",
    "Services",
    "UnusableDatabaseError",
    "build_services",
    "is_sqlite_damage",
    "open_services",
    "set_app_role",
]


@dataclass
class Services:
    """Every service of the app, built once per process."""

    ctx: ServiceContext
    rules: RuleBook
    booking: BookingService
    setup: ClinicSetupService
    settings: ClinicSettingsService
    queries: ScheduleQueries
    auth: AuthService
    sessions: SessionService
    audit: AuditQueries
    backups: BackupService
    rule_settings: RuleSettingsService
    reports: UtilisationReport
    letters: LetterService
    lab_results: LabResultsService
    exports: ExportService
    idempotency: IdempotencyService
    staffing: StaffingService
    waitlist: WaitlistService
    templates: TemplateService
    # What opening the database did: a new database, or an upgrade (with its backup's path).
    created: bool = False
    schema_upgrade: SchemaUpgrade | None = None
    # The PostgreSQL listener that brings other processes' changes into ctx.feed, once started.
    change_listener: ChangeListener | None = field(default=None, repr=False)

    def start_change_listener(self) -> ChangeListener | None:
        """On PostgreSQL, publish other processes' committed changes into ``ctx.feed`` too
        (a daemon thread with its own connection, ``LISTEN clinic_changes``); None on SQLite,
        where this process's own feed sees every write. Starting twice starts one listener.
        """
        if self.change_listener is None and self.ctx.db.dialect == "postgresql":
            self.change_listener = ChangeListener(libpq_url(self.engine.url), self.ctx.feed.receive)
            self.change_listener.start()
        return self.change_listener

    def close(self) -> None:
        """Stop the change listener and close the database connections."""
        if self.change_listener is not None:
            self.change_listener.stop()
            self.change_listener = None
        self.engine.dispose()

    def url(self) -> str:
        """The database URL these services use, with its password (for the owner's commands
        run on an open database, e.g. ``db app-role`` handed these services)."""
        return self.engine.url.render_as_string(hide_password=False)

    def database_login(self) -> Login | None:
        """Who the PostgreSQL connection is (superuser, owner or the server's app role);
        None on SQLite, which has no logins."""
        if self.ctx.db.dialect != "postgresql":
            return None
        with self.engine.connect() as connection:
            return login_of(connection)

    def schema_behind(self) -> str | None:
        """The database's revision when it is not this app's newest (``migrate`` first)."""
        with self.engine.connect() as connection:
            revision = stored_revision(connection)
        return None if revision == head_revision() else str(revision)

    @property
    def engine(self) -> Engine:
        """The database engine (for shutting down)."""
        return self.ctx.db.engine

    @property
    def database_file(self) -> Path | None:
        """The SQLite database file, or None on PostgreSQL or in memory (for messages)."""
        return sqlite_file(self.engine.url.render_as_string(hide_password=False))

    @contextmanager
    def one_transaction(self) -> Iterator[Services]:
        """The same services, with every call inside the block in one transaction.

        For a request made of several service calls that must happen all together or not at
        all (the first administrator with the clinic; the demo clinic): leaving the block
        normally commits them together, an exception rolls every one of them back.
        """
        with self.ctx.db.one_transaction() as db:
            yield build_services(replace(self.ctx, db=db), self.rules)


def open_services(
    url: str, *, clock: Clock = system_clock, migrate: bool = True, create: bool = True
) -> Services:
    """Connect, bring the schema up to date, load the rules and build the services.

    ``create=False`` (every command but ``init``, the window on a database named by the user)
    refuses a missing database instead of making a new one. Raises the errors of
    :func:`clinic_app.persistence.opening.open_database`; an upgrade of a SQLite file is
    preceded by a backup whose path is in ``schema_upgrade``.
    """
    opened = open_database(url, create=create, migrate=migrate)
    engine = opened.engine
    rules = RuleBook.from_file(rules_file())
    ctx = ServiceContext(db=Database(engine), catalog=rules.catalog, clock=clock)
    return replace(
        build_services(ctx, rules), created=opened.created, schema_upgrade=opened.upgrade
    )


def is_sqlite_damage(error: DatabaseError) -> bool:
    """True when ``error`` is SQLite finding its file damaged (not a bug in the app)."""
    return isinstance(error.orig, sqlite3.DatabaseError)


def build_services(ctx: ServiceContext, rules: RuleBook) -> Services:
    """Every service on one context and rule book."""
    setup = ClinicSetupService(ctx, rules)
    queries = ScheduleQueries(ctx, rules)
    return Services(
        ctx=ctx,
        rules=rules,
        booking=BookingService(ctx, rules),
        setup=setup,
        settings=ClinicSettingsService(ctx),
        queries=queries,
        auth=AuthService(ctx),
        sessions=SessionService(ctx),
        audit=AuditQueries(ctx),
        backups=BackupService(ctx),
        rule_settings=RuleSettingsService(ctx, rules),
        reports=UtilisationReport(ctx),
        letters=LetterService(ctx, rules),
        lab_results=LabResultsService(ctx, rules),
        exports=ExportService(ctx, setup, queries),
        idempotency=IdempotencyService(ctx),
        staffing=StaffingService(ctx),
        waitlist=WaitlistService(ctx, rules),
        templates=TemplateService(ctx),
    )
