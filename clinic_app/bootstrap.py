"""Composition root shared by the CLI and the GUI: URL -> engine -> migrations -> services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import upgrade_to_head
from clinic_app.persistence.unit_of_work import Database
from clinic_app.services.audit_queries import AuditQueries
from clinic_app.services.auth import AuthService
from clinic_app.services.backup import BackupService
from clinic_app.services.booking import BookingService
from clinic_app.services.clinic_setup import ClinicSetupService
from clinic_app.services.clock import Clock, system_clock
from clinic_app.services.context import ServiceContext, rules_file
from clinic_app.services.lab_results import LabResultsService
from clinic_app.services.reports import UtilisationReport
from clinic_app.services.rule_settings import RuleSettingsService
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.schedule_queries import ScheduleQueries


@dataclass
class Services:
    """Every service of the app, built once per process."""

    ctx: ServiceContext
    rules: RuleBook
    booking: BookingService
    setup: ClinicSetupService
    queries: ScheduleQueries
    auth: AuthService
    audit: AuditQueries
    backups: BackupService
    rule_settings: RuleSettingsService
    reports: UtilisationReport
    lab_results: LabResultsService

    @property
    def engine(self) -> Engine:
        """The database engine (for shutting down)."""
        return self.ctx.db.engine


def open_services(url: str, *, clock: Clock = system_clock, migrate: bool = True) -> Services:
    """Connect, bring the schema up to date, load the rules and build the services."""
    engine = make_engine(url)
    if migrate:
        upgrade_to_head(engine)
    rules = RuleBook.from_file(rules_file())
    ctx = ServiceContext(db=Database(engine), catalog=rules.catalog, clock=clock)
    return Services(
        ctx=ctx,
        rules=rules,
        booking=BookingService(ctx, rules),
        setup=ClinicSetupService(ctx, rules),
        queries=ScheduleQueries(ctx, rules),
        auth=AuthService(ctx),
        audit=AuditQueries(ctx),
        backups=BackupService(ctx),
        rule_settings=RuleSettingsService(ctx, rules),
        reports=UtilisationReport(ctx),
        lab_results=LabResultsService(ctx, rules),
    )
