"""The managers' reports: chair utilisation, and capacity (nurse load, idle chairs, waitlist).

The definitions and the aggregation are in :mod:`clinic_app.domain.utilisation` (pure); this
service checks the permission and the period, reads the facts in one read-only unit of work,
and hands them over. The report's records are re-exported here for the shells.

The capacity report (issue 14) adds, per day, the nurse load every 15 minutes and its peaks
(``domain.capacity_report``, on the nurse invariant's own ``load_curve``), the idle
chair-hours, and the waitlist as it stands now.

Read-only: both need ``Permission.EXPORT`` (managers and administrators).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from clinic_app.domain.capacity_report import CURVE_STEP, ChairTime, day_capacity
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import InvalidInputError
from clinic_app.domain.nurse_capacity import DayRota, NurseTask
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
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import report_queries as rq
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import INACTIVE_STATUSES
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.staffing import LoadPointView
from clinic_app.services.validation import parse_date, parse_period
from clinic_app.services.views import therapy_name

__all__ = [
    "CapacityDay",
    "CapacityReport",
    "ChairDay",
    "ChairUtilisation",
    "DayUtilisation",
    "MonthFindings",
    "TherapyCount",
    "Utilisation",
    "UtilisationReport",
    "WaitlistSummary",
    "WaitlistTherapyCount",
    "clinic_today",
]

MAX_REPORT_DAYS = 3 * 366 + 1
# The capacity report counts every minute of every day: a year at most.
MAX_CAPACITY_DAYS = 366


@dataclass(frozen=True, slots=True)
class CapacityDay:
    """One day of the capacity report: chair time (minutes, on the chairs active now, inside
    the opening hours) and the nurse load (``points`` every 15 minutes; the peaks and the
    minutes over capacity counted on every minute)."""

    day: date
    open: bool
    nurse_checked: bool  # False: no rota that day, so nothing is over capacity
    open_chair_minutes: int
    booked_chair_minutes: int
    idle_chair_minutes: int
    peak_setups: int  # most set-ups and take-downs in progress at one minute
    peak_needed: int  # most nurses needed at one minute
    peak_at: time | None  # the first minute needing ``peak_needed`` (None: no load)
    on_duty_at_peak: int
    minutes_over: int  # minutes needing more nurses than are on duty
    points: tuple[LoadPointView, ...]

    @property
    def utilisation(self) -> float | None:
        """Booked / open chair-minutes; None on a closed day."""
        if not self.open_chair_minutes:
            return None
        return self.booked_chair_minutes / self.open_chair_minutes

    @property
    def booked_chair_hours(self) -> float:
        """Booked chair-hours inside the opening hours."""
        return self.booked_chair_minutes / 60

    @property
    def idle_chair_hours(self) -> float:
        """Open chair-hours nobody booked."""
        return self.idle_chair_minutes / 60

    @property
    def open_chair_hours(self) -> float:
        """Chair-hours open (opening hours x active chairs)."""
        return self.open_chair_minutes / 60


@dataclass(frozen=True, slots=True)
class WaitlistTherapyCount:
    """Open waitlist entries of one therapy (expired ones left out)."""

    therapy: str
    therapy_name: str
    waiting: int
    offered: int


@dataclass(frozen=True, slots=True)
class WaitlistSummary:
    """The waitlist as it stands on ``as_of`` (the clinic's today): entries waiting or
    offered a slot, entries whose latest date has passed, and since when the longest-waiting
    patient has waited (the day they joined)."""

    as_of: date
    waiting: int
    offered: int
    expired: int
    oldest_waiting_since: date | None
    by_therapy: tuple[WaitlistTherapyCount, ...]


@dataclass(frozen=True, slots=True)
class CapacityReport:
    """The capacity report of a period, as plain values."""

    clinic_name: str
    first: date
    last: date
    ratio: int
    days: tuple[CapacityDay, ...]
    waitlist: WaitlistSummary

    @property
    def open_days(self) -> tuple[CapacityDay, ...]:
        """The days the clinic was open."""
        return tuple(d for d in self.days if d.open)

    @property
    def idle_chair_hours(self) -> float:
        """Idle chair-hours over the period."""
        return sum(d.idle_chair_minutes for d in self.days) / 60

    @property
    def utilisation(self) -> float | None:
        """Booked / open chair-minutes over the period (None: never open)."""
        available = sum(d.open_chair_minutes for d in self.days)
        if not available:
            return None
        return sum(d.booked_chair_minutes for d in self.days) / available

    @property
    def minutes_over(self) -> int:
        """Minutes over nurse capacity over the period."""
        return sum(d.minutes_over for d in self.days)


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

    def capacity(self, actor: Actor, first: str | date, last: str | date) -> CapacityReport:
        """The capacity report from ``first`` to ``last`` inclusive (clinic-local dates, a
        year at most): per day the chair time, the nurse load and its peaks; the waitlist now.
        """
        authorize(self._ctx, actor, Permission.EXPORT, "capacity_report")
        day_from, day_to = parse_period(
            first, last, max_days=MAX_CAPACITY_DAYS, what="a capacity report"
        )
        with self._ctx.db.read() as uow:
            s = uow.session
            settings = repo.settings(s)
            clinic_name, ratio = settings.name, settings.nurse_ratio
            calendar = repo.load_calendar(s)
            active_chairs = frozenset(c.id for c in rq.report_chairs(s) if c.active)
            rotas = nurse_rota.rotas_between(s, day_from, day_to)
            lo = calendar.day_start(day_from)
            hi = calendar.day_start(day_to + timedelta(days=1))
            tasks: dict[date, list[NurseTask]] = {}
            chair_time: dict[date, list[ChairTime]] = {}
            for fact in rq.sessions_touching(s, lo, hi):
                self._spread(calendar, fact, day_from, day_to, tasks, chair_time)
            today = calendar.local_day(self._ctx.clock())
            waitlist = self._waitlist(calendar, rq.open_waitlist(s), today)
        days = []
        day = day_from
        while day <= day_to:
            interval = calendar.open_interval(day)
            opening = (
                None
                if interval is None
                else (
                    nurse_rota.local_minutes(calendar, day, interval[0]),
                    nurse_rota.local_minutes(calendar, day, interval[1]),
                )
            )
            figures = day_capacity(
                rotas.get(day, DayRota((), ratio)),
                tasks.get(day, []),
                chair_time.get(day, []),
                opening=opening,
                active_chairs=active_chairs,
                step=CURVE_STEP,
            )
            days.append(
                CapacityDay(
                    day=day,
                    open=figures.open,
                    nurse_checked=figures.nurse_checked,
                    open_chair_minutes=figures.open_chair_minutes,
                    booked_chair_minutes=figures.booked_chair_minutes,
                    idle_chair_minutes=figures.idle_chair_minutes,
                    peak_setups=figures.peak_setups,
                    peak_needed=figures.peak_need,
                    peak_at=None if figures.peak_minute is None else _clock(figures.peak_minute),
                    on_duty_at_peak=figures.on_duty_at_peak,
                    minutes_over=figures.minutes_over,
                    points=tuple(
                        LoadPointView(_clock(p.minute), p.exclusive, p.monitored, p.need, p.on_duty)
                        for p in figures.points
                    ),
                )
            )
            day += timedelta(days=1)
        return CapacityReport(clinic_name, day_from, day_to, ratio, tuple(days), waitlist)

    def _spread(
        self,
        calendar: ClinicCalendar,
        fact: rq.SessionFact,
        first: date,
        last: date,
        tasks: dict[date, list[NurseTask]],
        chair_time: dict[date, list[ChairTime]],
    ) -> None:
        """File a session under each day of the period it touches: its chair time (no-shows
        held the chair) and, unless it is a no-show, its nurse task."""
        day = max(first, calendar.local_day(fact.start_utc))
        end_day = min(last, calendar.local_day(fact.end_utc))
        while day <= end_day:
            start = nurse_rota.local_minutes(calendar, day, fact.start_utc)
            end = nurse_rota.local_minutes(calendar, day, fact.end_utc)
            if start < end:
                chair_time.setdefault(day, []).append(ChairTime(fact.chair_id, start, end))
                if fact.status not in INACTIVE_STATUSES:
                    task = nurse_rota.task_of_session(
                        calendar,
                        self._ctx.catalog,
                        day,
                        fact.therapy,
                        fact.start_utc,
                        fact.end_utc,
                        fact.id,
                    )
                    if task is not None:
                        tasks.setdefault(day, []).append(task)
            day += timedelta(days=1)

    def _waitlist(
        self, calendar: ClinicCalendar, entries: list[rq.WaitlistFact], today: date
    ) -> WaitlistSummary:
        waiting: Counter[str] = Counter()
        offered: Counter[str] = Counter()
        expired = 0
        joined: list[datetime] = []
        for entry in entries:
            if entry.latest < today:
                expired += 1
                continue
            (offered if entry.status == "offered" else waiting)[entry.therapy] += 1
            joined.append(entry.created_at)
        catalog = self._ctx.catalog
        by_therapy = sorted(
            (
                WaitlistTherapyCount(
                    code, therapy_name(catalog, code), waiting[code], offered[code]
                )
                for code in set(waiting) | set(offered)
            ),
            key=lambda t: (-(t.waiting + t.offered), t.therapy_name),
        )
        return WaitlistSummary(
            as_of=today,
            waiting=sum(waiting.values()),
            offered=sum(offered.values()),
            expired=expired,
            oldest_waiting_since=calendar.local_day(min(joined)) if joined else None,
            by_therapy=tuple(by_therapy),
        )


def _clock(minute: int) -> time:
    """A minute of the day as a wall-clock time (the day's last minute at most)."""
    minute = min(minute, 24 * 60 - 1)
    return time(minute // 60, minute % 60)
