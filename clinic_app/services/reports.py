"""The managers' utilisation report: chair-hours booked against chair-hours available.

The definitions and the aggregation are in :mod:`clinic_app.domain.utilisation` (pure); this
service checks the permission and the period, reads the facts in one read-only unit of work,
and hands them over. The report's records are re-exported here for the shells.

Read-only: it needs ``Permission.EXPORT`` (managers and administrators).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import InvalidInputError
from clinic_app.domain.utilisation import (
    ChairDay,
    ChairFacts,
    ChairUtilisation,
    DayUtilisation,
    FindingFacts,
    MonthFindings,
    SessionFacts,
    SessionTally,
    TherapyCount,
    Utilisation,
    build_utilisation,
    month_findings,
)
from clinic_app.persistence import report_queries as rq
from clinic_app.persistence import repositories as repo
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.validation import parse_date
from clinic_app.services.views import therapy_name

__all__ = [
    "ChairDay",
    "ChairUtilisation",
    "DayUtilisation",
    "MonthFindings",
    "TherapyCount",
    "Utilisation",
    "UtilisationReport",
    "clinic_today",
]

MAX_REPORT_DAYS = 3 * 366 + 1


def clinic_today(ctx: ServiceContext) -> date:
    """Today's date in the clinic's own zone (the services' clock may run in UTC)."""
    with ctx.db.read() as uow:
        calendar = repo.load_calendar(uow.session)
    return calendar.local_day(ctx.clock())


def _sessions(facts: Iterator[rq.SessionFact], calendar: ClinicCalendar) -> Iterator[SessionFacts]:
    for fact in facts:
        yield SessionFacts(
            day=calendar.local_day(fact.start_utc),
            chair_id=fact.chair_id,
            therapy=fact.therapy,
            minutes=round((fact.end_utc - fact.start_utc).total_seconds() / 60),
            status=fact.status,
        )


def _findings(facts: Iterator[rq.FindingFact], calendar: ClinicCalendar) -> Iterator[FindingFacts]:
    for fact in facts:
        day = calendar.local_day(fact.session_start_utc)
        yield FindingFacts(fact.session_id, day, fact.rule, fact.overridden)


class UtilisationReport:
    """Builds the utilisation report of a date range (read-only)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def build(self, actor: Actor, first: str | date, last: str | date) -> Utilisation:
        """The report from ``first`` to ``last`` inclusive (clinic-local dates)."""
        authorize(self._ctx, actor, Permission.EXPORT, "utilisation_report")
        day_from = parse_date("from", first)
        day_to = parse_date("to", last)
        if day_to < day_from:
            raise InvalidInputError("to", "the end date is before the start date")
        if (day_to - day_from).days + 1 > MAX_REPORT_DAYS:
            raise InvalidInputError("to", "a report covers at most three years")
        with self._ctx.db.read() as uow:
            s = uow.session
            clinic_name = repo.settings(s).name
            calendar = repo.load_calendar(s)
            chairs = [ChairFacts(c.id, c.name, c.active) for c in rq.report_chairs(s)]
            lo = calendar.day_start(day_from)
            hi = calendar.day_start(day_to + timedelta(days=1))
            tally = SessionTally.of(_sessions(rq.session_facts(s, lo, hi), calendar))
            months = month_findings(
                _findings(rq.finding_facts(s, lo, hi), calendar), day_from, day_to
            )
        catalog = self._ctx.catalog
        return build_utilisation(
            clinic_name=clinic_name,
            first=day_from,
            last=day_to,
            calendar=calendar,
            chairs=chairs,
            tally=tally,
            months=months,
            therapy_name=lambda code: therapy_name(catalog, code),
        )
