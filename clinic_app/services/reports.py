"""The managers' utilisation report: chair-hours booked against chair-hours available.

Definitions (the README documents them for managers):

* **available** chair-minutes of a day = the day's opening hours x the chairs active now; a
  closed date or a weekday without opening hours has none;
* **booked** chair-minutes = the chair time of every session that was not cancelled (no-shows
  count: the chair was held for them; their minutes are also reported on their own);
* **no-show rate** = no-shows / sessions whose day has come (arrived, in chair, completed or
  no-show); booked sessions still to come and cancelled ones are left out;
* **co-therapy findings** are the findings of the iron/antiresorptive rules (E2, E3, E4, E7);
  findings and overrides are counted on the month of the session they belong to.

Read-only: it needs ``Permission.EXPORT`` (managers and administrators).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clinic_app.domain.errors import InvalidInputError
from clinic_app.persistence import report_queries as rq
from clinic_app.persistence import repositories as repo
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.validation import parse_date
from clinic_app.services.views import therapy_name

# Rules of the iron/antiresorptive co-therapy table (clinical-rules.md, section 3).
COTHERAPY_RULES = frozenset({"E2", "E3", "E4", "E7"})
MAX_REPORT_DAYS = 3 * 366 + 1
ATTENDED_STATUSES = frozenset({"arrived", "in-chair", "completed"})


def clinic_today(ctx: ServiceContext) -> date:
    """Today's date in the clinic's own zone (the services' clock may run in UTC)."""
    with ctx.db.read() as uow:
        calendar = repo.load_calendar(uow.session)
    return calendar.local_day(ctx.clock())


def is_cotherapy_rule(rule: str) -> bool:
    """True for a finding of the iron/antiresorptive co-therapy rules."""
    return rule in COTHERAPY_RULES


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


class _ChairHours:
    """Chair-hours and utilisation derived from ``available_minutes`` and ``booked_minutes``."""

    __slots__ = ()
    available_minutes: int
    booked_minutes: int

    @property
    def available_hours(self) -> float:
        """Available chair-hours (opening hours x active chairs)."""
        return self.available_minutes / 60

    @property
    def booked_hours(self) -> float:
        """Booked chair-hours (no-shows included)."""
        return self.booked_minutes / 60

    @property
    def utilisation(self) -> float | None:
        """Booked / available, or None when nothing was available (closed day, idle chair)."""
        return _ratio(self.booked_minutes, self.available_minutes)


@dataclass(frozen=True, slots=True)
class ChairDay(_ChairHours):
    """One chair on one day."""

    day: date
    chair_id: int
    chair: str
    available_minutes: int
    booked_minutes: int
    no_show_minutes: int
    sessions: int


@dataclass(frozen=True, slots=True)
class DayUtilisation(_ChairHours):
    """One day of the clinic, every chair together, with the per-chair breakdown."""

    day: date
    open: bool
    available_minutes: int
    booked_minutes: int
    no_show_minutes: int
    sessions: int
    chairs: tuple[ChairDay, ...]


@dataclass(frozen=True, slots=True)
class ChairUtilisation(_ChairHours):
    """One chair over the whole period."""

    chair_id: int
    chair: str
    active: bool
    available_minutes: int
    booked_minutes: int
    no_show_minutes: int
    sessions: int


@dataclass(frozen=True, slots=True)
class TherapyCount:
    """Sessions of one therapy in the period, by outcome."""

    therapy: str
    therapy_name: str
    sessions: int  # not cancelled (booked, arrived, in chair, completed, no-show)
    completed: int
    no_shows: int
    cancelled: int


@dataclass(frozen=True, slots=True)
class MonthFindings:
    """Co-therapy findings and clinical overrides on the sessions of one month."""

    month: date  # the first of the month
    sessions_flagged: int  # sessions with at least one co-therapy finding
    cotherapy_findings: int
    overrides: int  # every overridden finding (any rule)
    cotherapy_overrides: int

    @property
    def label(self) -> str:
        """``YYYY-MM``."""
        return self.month.strftime("%Y-%m")


@dataclass(frozen=True, slots=True)
class Utilisation:
    """The utilisation report of a period, as plain values."""

    clinic_name: str
    first: date
    last: date
    days: tuple[DayUtilisation, ...]
    chairs: tuple[ChairUtilisation, ...]
    therapies: tuple[TherapyCount, ...]
    months: tuple[MonthFindings, ...]
    sessions: int  # not cancelled
    cancelled: int
    attended: int  # arrived, in chair or completed
    no_shows: int

    @property
    def available_minutes(self) -> int:
        """Chair-minutes available over the period."""
        return sum(d.available_minutes for d in self.days)

    @property
    def booked_minutes(self) -> int:
        """Chair-minutes booked over the period (no-shows included)."""
        return sum(d.booked_minutes for d in self.days)

    @property
    def available_hours(self) -> float:
        """Chair-hours available over the period."""
        return self.available_minutes / 60

    @property
    def booked_hours(self) -> float:
        """Chair-hours booked over the period."""
        return self.booked_minutes / 60

    @property
    def utilisation(self) -> float | None:
        """Booked / available over the period."""
        return _ratio(self.booked_minutes, self.available_minutes)

    @property
    def no_show_rate(self) -> float | None:
        """No-shows / sessions whose day has come (None when none has)."""
        return _ratio(self.no_shows, self.attended + self.no_shows)

    @property
    def open_days(self) -> tuple[DayUtilisation, ...]:
        """The days the clinic was open (for charts)."""
        return tuple(d for d in self.days if d.open)


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
            chairs = rq.report_chairs(s)
            lo = calendar.day_start(day_from)
            hi = calendar.day_start(day_to + timedelta(days=1))
            booked: Counter[tuple[date, int]] = Counter()
            no_show: Counter[tuple[date, int]] = Counter()
            counts: Counter[tuple[date, int]] = Counter()
            by_therapy: dict[str, Counter[str]] = defaultdict(Counter)
            statuses: Counter[str] = Counter()
            for fact in rq.session_facts(s, lo, hi):
                statuses[fact.status] += 1
                by_therapy[fact.therapy][fact.status] += 1
                if fact.status == "cancelled":
                    continue
                key = (calendar.local_day(fact.start_utc), fact.chair_id)
                minutes = round((fact.end_utc - fact.start_utc).total_seconds() / 60)
                booked[key] += minutes
                counts[key] += 1
                if fact.status == "no-show":
                    no_show[key] += minutes
            months = self._months(rq.finding_facts(s, lo, hi), calendar.local_day, day_from, day_to)

        active_ids = {c.id for c in chairs if c.active}
        used_ids = {chair_id for _, chair_id in counts}
        shown = [c for c in chairs if c.active or c.id in used_ids]
        days: list[DayUtilisation] = []
        day = day_from
        while day <= day_to:
            interval = calendar.open_interval(day)
            per_chair = 0
            if interval is not None:
                per_chair = round((interval[1] - interval[0]).total_seconds() / 60)
            chair_days = tuple(
                ChairDay(
                    day,
                    c.id,
                    c.name,
                    per_chair if c.id in active_ids else 0,
                    booked[(day, c.id)],
                    no_show[(day, c.id)],
                    counts[(day, c.id)],
                )
                for c in shown
            )
            days.append(
                DayUtilisation(
                    day,
                    interval is not None,
                    sum(cd.available_minutes for cd in chair_days),
                    sum(cd.booked_minutes for cd in chair_days),
                    sum(cd.no_show_minutes for cd in chair_days),
                    sum(cd.sessions for cd in chair_days),
                    chair_days,
                )
            )
            day += timedelta(days=1)

        chair_totals = tuple(
            ChairUtilisation(
                c.id,
                c.name,
                c.active,
                sum(d.chairs[i].available_minutes for d in days),
                sum(d.chairs[i].booked_minutes for d in days),
                sum(d.chairs[i].no_show_minutes for d in days),
                sum(d.chairs[i].sessions for d in days),
            )
            for i, c in enumerate(shown)
        )
        therapies = tuple(
            sorted(
                (
                    TherapyCount(
                        code,
                        therapy_name(self._ctx.catalog, code),
                        sum(n for status, n in c.items() if status != "cancelled"),
                        c["completed"],
                        c["no-show"],
                        c["cancelled"],
                    )
                    for code, c in by_therapy.items()
                ),
                key=lambda t: (-t.sessions, t.therapy_name),
            )
        )
        attended = sum(statuses[s] for s in ATTENDED_STATUSES)
        return Utilisation(
            clinic_name=clinic_name,
            first=day_from,
            last=day_to,
            days=tuple(days),
            chairs=chair_totals,
            therapies=therapies,
            months=months,
            sessions=sum(n for status, n in statuses.items() if status != "cancelled"),
            cancelled=statuses["cancelled"],
            attended=attended,
            no_shows=statuses["no-show"],
        )

    @staticmethod
    def _months(
        facts: Iterable[rq.FindingFact],
        local_day: Callable[[datetime], date],
        first: date,
        last: date,
    ) -> tuple[MonthFindings, ...]:
        """Every month of the period, with its co-therapy findings and overrides."""
        flagged: dict[date, set[int]] = defaultdict(set)
        findings: Counter[date] = Counter()
        overrides: Counter[date] = Counter()
        co_overrides: Counter[date] = Counter()
        for fact in facts:
            month = local_day(fact.session_start_utc).replace(day=1)
            co = is_cotherapy_rule(fact.rule)
            if co:
                flagged[month].add(fact.session_id)
                findings[month] += 1
            if fact.overridden:
                overrides[month] += 1
                if co:
                    co_overrides[month] += 1
        return tuple(
            MonthFindings(m, len(flagged[m]), findings[m], overrides[m], co_overrides[m])
            for m in _month_starts(first, last)
        )


def _month_starts(first: date, last: date) -> list[date]:
    """The first day of every month that ``first``..``last`` touches."""
    month = first.replace(day=1)
    result = []
    while month <= last:
        result.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return result
