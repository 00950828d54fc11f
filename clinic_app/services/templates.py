"""The stored weekly slot template (issue 14): build it with CP-SAT, read it, and report how
far the diary follows it.

``build`` plans each open weekday from the clinic's own booked history (the sessions not
cancelled in the ``weeks`` weeks before today, mean per weekday and kind, rounded up:
``template_solver.weekday_demand``) on the chairs active now, the weekday's opening hours and
a nurse rota: that of the next such weekday from today (today included) that has shifts
within four weeks. A weekday with no shifts in those four weeks is planned without a nurse
limit, as the booking service treats a day without a rota. The solve runs outside any
transaction; the template is then stored as the one in force (the one before is kept,
superseded) with its audit entry, in one transaction.

A *kind* is what the chairs and nurses see of a therapy: its chair, set-up and take-down
minutes. A booked session fills a template start when it starts there (local wall clock)
and is of its kind (``domain.template_compliance``); no-shows held their place and count,
cancellations do not.

Roles: managers and administrators build (``Permission.PLAN_CAPACITY``); every role that
views the schedule reads the template and a day's template slots; the compliance report is a
manager's report (``Permission.EXPORT``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from clinic_app.domain.catalog import Catalog, Therapy
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import InvalidInputError, SolverUnavailableError
from clinic_app.domain.nurse_capacity import DayRota
from clinic_app.domain.template_compliance import BookedStart, TemplateStart, match_day
from clinic_app.domain.template_solver import (
    DayProblem,
    SessionKind,
    WeeklyTemplate,
    build_template,
    cp_sat_available,
    weekday_demand,
)
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import repositories as repo
from clinic_app.persistence import slot_templates as store
from clinic_app.persistence.models import SlotTemplateRow, SlotTemplateStartRow
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.validation import parse_date, parse_period

MIN_WEEKS, MAX_WEEKS = 1, 52
MIN_TIME_LIMIT_S, MAX_TIME_LIMIT_S = 1.0, 60.0
MAX_COMPLIANCE_DAYS = 366
# How far ahead a weekday's rota is looked for (the rota of the next such weekday).
ROTA_LOOKAHEAD_DAYS = 28
# What one more session is worth in minutes of a later last finish: more than any day is
# long, so on every weekday throughput comes strictly first, then the earliest last finish
# (template_solver's objective). One value for the whole week, stored with the template.
SESSION_VALUE = 24 * 60 + 1


@dataclass(frozen=True, slots=True)
class TemplateStartView:
    """One start of the weekly template."""

    weekday: int  # 0 = Monday
    start: time  # local wall-clock start (on the 15-min grid)
    chair_minutes: int
    setup_minutes: int
    takedown_minutes: int
    count: int  # sessions of this kind the template starts there
    therapies: tuple[str, ...]  # catalog codes whose (chair, set-up, take-down) is this kind


@dataclass(frozen=True, slots=True)
class TemplateView:
    """The stored template in force."""

    id: int
    built_at: datetime  # aware, clinic zone
    built_by: str
    history_from: date  # the demand history it was planned from (inclusive)
    history_to: date
    chairs: int
    starts: tuple[TemplateStartView, ...]  # weekday, then time order
    optimal_weekdays: tuple[int, ...]  # weekdays CP-SAT proved optimal

    def on(self, weekday: int) -> tuple[TemplateStartView, ...]:
        """The starts of ``weekday`` (0 = Monday), in time order."""
        return tuple(s for s in self.starts if s.weekday == weekday)


@dataclass(frozen=True, slots=True)
class TemplateSlotUse:
    """One template start on one date, and how far it is used."""

    start: datetime  # aware, clinic zone
    chair_minutes: int
    setup_minutes: int
    takedown_minutes: int
    planned: int
    filled: int  # sessions of this kind booked starting there (capped at planned)


@dataclass(frozen=True, slots=True)
class ComplianceDay:
    """One open day against the template."""

    day: date
    planned: int  # template sessions that day (sum of counts)
    filled: int  # booked sessions that took a template start of their kind
    off_template: int  # booked sessions that did not

    @property
    def compliance(self) -> float | None:
        """Share of the booked sessions that took a template start (None: none booked)."""
        return _share(self.filled, self.filled + self.off_template)

    @property
    def fill(self) -> float | None:
        """Share of the template's sessions booked (None: the template plans none)."""
        return _share(self.filled, self.planned)


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    """The template compliance of the open days of a period."""

    template_id: int | None  # None: no template stored (days still listed, planned 0)
    start: date
    end: date
    days: tuple[ComplianceDay, ...]  # the open days of [start, end], in order

    @property
    def planned(self) -> int:
        """Template sessions over the period."""
        return sum(d.planned for d in self.days)

    @property
    def filled(self) -> int:
        """Booked sessions on a template start of their kind over the period."""
        return sum(d.filled for d in self.days)

    @property
    def off_template(self) -> int:
        """Booked sessions off the template over the period."""
        return sum(d.off_template for d in self.days)

    @property
    def compliance(self) -> float | None:
        """Share of the period's booked sessions on the template (None: none booked)."""
        return _share(self.filled, self.filled + self.off_template)

    @property
    def fill(self) -> float | None:
        """Share of the period's template sessions booked (None: none planned)."""
        return _share(self.filled, self.planned)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def kind_of(therapy: Therapy) -> SessionKind | None:
    """What the chairs and nurses see of ``therapy`` (None: it has no chair time)."""
    if therapy.chair_minutes is None:
        return None
    return SessionKind(therapy.chair_minutes, therapy.setup_minutes, therapy.takedown_minutes)


def kind_of_code(catalog: Catalog, code: str) -> SessionKind | None:
    """The kind of the therapy ``code`` (None: not in the catalog, or no chair time)."""
    return kind_of(catalog.get(code)) if code in catalog else None


def therapies_by_kind(catalog: Catalog) -> dict[SessionKind, tuple[str, ...]]:
    """The bookable therapies of each kind, by code."""
    codes: dict[SessionKind, list[str]] = defaultdict(list)
    for therapy in catalog.bookable():
        kind = kind_of(therapy)
        if kind is not None:
            codes[kind].append(therapy.code)
    return {kind: tuple(sorted(found)) for kind, found in codes.items()}


def template_starts(view: TemplateView, weekday: int) -> list[TemplateStart]:
    """The domain's starts of ``weekday`` in ``view``."""
    return [
        TemplateStart(
            nurse_rota.minute_of(s.start),
            SessionKind(s.chair_minutes, s.setup_minutes, s.takedown_minutes),
            s.count,
        )
        for s in view.on(weekday)
    ]


def booked_by_day(
    calendar: ClinicCalendar, catalog: Catalog, sessions: Iterable[store.BookedSession]
) -> dict[date, list[BookedStart]]:
    """Booked sessions as the template sees them (local minute and kind), per local day."""
    per_day: dict[date, list[BookedStart]] = defaultdict(list)
    for session in sessions:
        local = calendar.local(session.start_utc)
        per_day[local.date()].append(
            BookedStart(
                nurse_rota.minute_of(local.time()), kind_of_code(catalog, session.therapy_code)
            )
        )
    return per_day


def _require_weeks(weeks: int) -> int:
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise InvalidInputError("weeks", f"{weeks!r} is not a whole number of weeks")
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise InvalidInputError("weeks", f"must be between {MIN_WEEKS} and {MAX_WEEKS}")
    return weeks


def _require_time_limit(seconds: float) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise InvalidInputError("time_limit_s", f"{seconds!r} is not a number of seconds")
    if not (math.isfinite(seconds) and MIN_TIME_LIMIT_S <= seconds <= MAX_TIME_LIMIT_S):
        raise InvalidInputError(
            "time_limit_s",
            f"must be between {MIN_TIME_LIMIT_S:g} and {MAX_TIME_LIMIT_S:g} seconds a weekday",
        )
    return float(seconds)


def weekday_rotas(rotas: Mapping[date, DayRota], today: date, ratio: int) -> dict[int, DayRota]:
    """Each weekday's rota: that of the next such day from ``today`` within the look-ahead
    that has shifts (``rotas``: the days with shifts), else no rota (not nurse-checked)."""
    chosen: dict[int, DayRota] = {}
    for offset in range(ROTA_LOOKAHEAD_DAYS):
        day = today + timedelta(days=offset)
        if day in rotas and day.weekday() not in chosen:
            chosen[day.weekday()] = rotas[day]
    return {weekday: chosen.get(weekday, DayRota((), ratio)) for weekday in range(7)}


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a build reads before it solves."""

    today: date
    history_from: date
    history_to: date
    chairs: int
    problems: dict[int, DayProblem]


class TemplateService:
    """Builds and reads the stored weekly slot template; the template compliance report."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------------ build

    def build(self, actor: Actor, weeks: int = 8, time_limit_s: float = 5.0) -> TemplateView:
        """Plan the weekly template from the last ``weeks`` weeks of bookings (CP-SAT, at
        most ``time_limit_s`` seconds a weekday) and store it as the one in force.

        Refused (nothing written) for a role other than manager or administrator, for
        ``weeks`` outside 1-52 or ``time_limit_s`` outside 1-60, when the history holds no
        booked session, and with ``SolverUnavailableError`` when OR-Tools is not installed.
        """
        authorize(self._ctx, actor, Permission.PLAN_CAPACITY, "template build")
        weeks = _require_weeks(weeks)
        time_limit_s = _require_time_limit(time_limit_s)
        if not cp_sat_available():
            raise SolverUnavailableError()
        plan = self._plan(weeks)
        # The solve may take a minute: no transaction is held open meanwhile.
        solved = build_template(
            plan.problems, session_value=SESSION_VALUE, time_limit_s=time_limit_s
        )
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            store.lock_templates(s)
            now = self._ctx.clock()
            superseded = store.supersede(s, now)
            header = store.store(s, self._header(actor, plan, solved, now), _start_rows(solved))
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="build",
                entity="slot_template",
                entity_id=header.id,
                patient_id=None,
                after={
                    "weeks": weeks,
                    "time_limit_s": time_limit_s,
                    "history_from": plan.history_from.isoformat(),
                    "history_to": plan.history_to.isoformat(),
                    "chairs": plan.chairs,
                    "sessions_per_weekday": {
                        str(weekday): day.placed for weekday, day in solved.days.items()
                    },
                    "optimal_weekdays": header.optimal_weekdays,
                    "superseded": superseded,
                },
            )
            view = self._view(repo.load_calendar(s), header, _solved_starts(solved))
            uow.commit()
        return view

    def _plan(self, weeks: int) -> _Plan:
        """Read the history, chairs, hours and rotas a build plans from (one read)."""
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            today = calendar.local_day(self._ctx.clock())
            first, last = today - timedelta(weeks=weeks), today - timedelta(days=1)
            sessions = store.not_cancelled_between(
                s, calendar.day_start(first), calendar.day_start(today)
            )
            chairs = len(repo.chairs(s))
            rotas = weekday_rotas(
                nurse_rota.rotas_between(s, today, today + timedelta(days=ROTA_LOOKAHEAD_DAYS)),
                today,
                repo.settings(s).nurse_ratio,
            )
        history = [
            (day, booked.kind)
            for day, starts in booked_by_day(calendar, self._ctx.catalog, sessions).items()
            for booked in starts
            if booked.kind is not None
        ]
        if not history:
            raise InvalidInputError(
                "weeks", f"no booked sessions in the last {weeks} weeks to plan from"
            )
        demand = weekday_demand(history, calendar.open_days(first, last))
        hours = {h.weekday: h for h in calendar.hours}
        problems = {
            weekday: DayProblem(
                nurse_rota.minute_of(hours[weekday].opens),
                nurse_rota.minute_of(hours[weekday].closes),
                chairs,
                rotas[weekday],
                asked,
            )
            # A weekday the clinic no longer opens on is not planned.
            for weekday, asked in demand.items()
            if weekday in hours
        }
        return _Plan(today, first, last, chairs, problems)

    def _header(
        self, actor: Actor, plan: _Plan, solved: WeeklyTemplate, now: datetime
    ) -> SlotTemplateRow:
        return SlotTemplateRow(
            built_at=now,
            built_by=actor.username,
            history_from=plan.history_from,
            history_to=plan.history_to,
            chairs=plan.chairs,
            session_value=SESSION_VALUE,
            optimal_weekdays="".join(str(w) for w, d in sorted(solved.days.items()) if d.optimal),
        )

    # ------------------------------------------------------------------------ reads

    def current(self, actor: Actor) -> TemplateView | None:
        """The template in force, or None when none was built."""
        authorize(self._ctx, actor, Permission.VIEW, "template")
        with self._ctx.db.read() as uow:
            s = uow.session
            row = store.in_force(s)
            if row is None:
                return None
            return self._view(repo.load_calendar(s), row, _stored(row.starts))

    def day_slots(self, actor: Actor, day: str | date) -> list[TemplateSlotUse]:
        """The template starts of ``day`` and how far each is booked, in time order (none
        on a closed day or without a template)."""
        authorize(self._ctx, actor, Permission.VIEW, "template day slots")
        when = parse_date("day", day)
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            row = store.in_force(s)
            if row is None or not calendar.is_open_day(when):
                return []
            view = self._view(calendar, row, _stored(row.starts))
            sessions = store.not_cancelled_between(
                s, calendar.day_start(when), calendar.day_start(when + timedelta(days=1))
            )
        booked = booked_by_day(calendar, self._ctx.catalog, sessions).get(when, [])
        used = match_day(template_starts(view, when.weekday()), booked)
        return [
            TemplateSlotUse(
                calendar.at_or_after(datetime.combine(when, time(u.minute // 60, u.minute % 60))),
                u.kind.chair_minutes,
                u.kind.setup,
                u.kind.takedown,
                u.planned,
                u.filled,
            )
            for u in used.uses
        ]

    def compliance(self, actor: Actor, start: str | date, end: str | date) -> ComplianceReport:
        """Per open day of ``start`` to ``end`` (inclusive, at most 366 days): the template's
        sessions, the booked ones on a template start of their kind, and those off it.

        Every day is compared with the template in force now (older builds are kept but
        not used here); without one every day plans nothing and every session is off it.
        """
        authorize(self._ctx, actor, Permission.EXPORT, "template compliance report")
        first, last = parse_period(
            start, end, max_days=MAX_COMPLIANCE_DAYS, what="a template compliance report"
        )
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            row = store.in_force(s)
            view = None if row is None else self._view(calendar, row, _stored(row.starts))
            sessions = store.not_cancelled_between(
                s, calendar.day_start(first), calendar.day_start(last + timedelta(days=1))
            )
        booked = booked_by_day(calendar, self._ctx.catalog, sessions)
        days = []
        for day in calendar.open_days(first, last):
            starts = [] if view is None else template_starts(view, day.weekday())
            matched = match_day(starts, booked.get(day, []))
            days.append(ComplianceDay(day, matched.planned, matched.filled, matched.off_template))
        return ComplianceReport(None if view is None else view.id, first, last, tuple(days))

    # ------------------------------------------------------------------------ views

    def _view(
        self,
        calendar: ClinicCalendar,
        row: SlotTemplateRow,
        starts: Sequence[store.StoredStart],
    ) -> TemplateView:
        codes = therapies_by_kind(self._ctx.catalog)
        return TemplateView(
            id=row.id,
            built_at=calendar.local(row.built_at),
            built_by=row.built_by,
            history_from=row.history_from,
            history_to=row.history_to,
            chairs=row.chairs,
            starts=tuple(
                TemplateStartView(
                    weekday=s.weekday,
                    start=time(s.start_minute // 60, s.start_minute % 60),
                    chair_minutes=s.chair_minutes,
                    setup_minutes=s.setup_minutes,
                    takedown_minutes=s.takedown_minutes,
                    count=s.sessions,
                    therapies=codes.get(
                        SessionKind(s.chair_minutes, s.setup_minutes, s.takedown_minutes), ()
                    ),
                )
                for s in sorted(starts)
            ),
            optimal_weekdays=tuple(int(c) for c in row.optimal_weekdays),
        )


def _stored(rows: Iterable[SlotTemplateStartRow]) -> list[store.StoredStart]:
    return [
        store.StoredStart(
            r.weekday, r.start_minute, r.chair_minutes, r.setup_minutes, r.takedown_minutes, r.count
        )
        for r in rows
    ]


def _solved_starts(solved: WeeklyTemplate) -> list[store.StoredStart]:
    return [
        store.StoredStart(
            weekday, p.start, p.kind.chair_minutes, p.kind.setup, p.kind.takedown, p.count
        )
        for weekday in sorted(solved.days)
        for p in solved.slots(weekday)
    ]


def _start_rows(solved: WeeklyTemplate) -> list[SlotTemplateStartRow]:
    return [
        SlotTemplateStartRow(
            weekday=s.weekday,
            start_minute=s.start_minute,
            chair_minutes=s.chair_minutes,
            setup_minutes=s.setup_minutes,
            takedown_minutes=s.takedown_minutes,
            count=s.sessions,
        )
        for s in _solved_starts(solved)
    ]
