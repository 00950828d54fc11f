"""Read-side queries: the daily list, a patient's timeline, date ranges for exports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.doses_due import DoseDue, doses_due
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.report_queries import report_chairs
from clinic_app.persistence.report_queries import session_facts as report_session_facts
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.patient_state import PatientState
from clinic_app.services.results import (
    ChairView,
    DayList,
    DayScreen,
    LabView,
    SessionView,
    WeekOccupancy,
)
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.validation import parse_date, require_mrn
from clinic_app.services.views import (
    LocalTimes,
    lab_fact_views,
    lab_view,
    session_fact_views,
    session_view,
)

OVERDUE_LOOKBACK_DAYS = 14  # how far back the daily list looks for draws not done


class ScheduleQueries:
    """Everything the daily list, grids and exports read."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    def doses_due(self, actor: Actor, mrn: str) -> tuple[DoseDue, ...]:
        """When the patient's next antiresorptive doses are due (or overdue), per drug."""
        authorize(self._ctx, actor, Permission.VIEW, "doses_due")
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            patient = repo.patient_by_mrn(s, require_mrn(mrn))
            state = PatientState.load(s, patient, calendar, self._ctx.catalog)
            today = calendar.local_day(self._ctx.clock())
            return doses_due(state.timeline(), self._ctx.catalog, self._rules.params(s), today)

    def calendar(self, actor: Actor) -> ClinicCalendar:
        """The clinic's time zone, opening hours and closed dates (for grids and pickers)."""
        authorize(self._ctx, actor, Permission.VIEW, "calendar")
        with self._ctx.db.read() as uow:
            return repo.load_calendar(uow.session)

    def day(self, actor: Actor, day: str | date) -> DayList:
        """One clinic day: sessions by time and chair, lab draws, draws due and not done."""
        authorize(self._ctx, actor, Permission.VIEW, "day")
        the_day = parse_date("date", day)
        with self._ctx.db.read() as uow:
            s = uow.session
            return self._day_list(s, repo.load_calendar(s), the_day)

    def day_screen(self, actor: Actor, day: str | date) -> DayScreen:
        """What the day screen shows, read in one transaction: the active chairs, the
        clinic's calendar (opening hours of the day) and the day's list."""
        authorize(self._ctx, actor, Permission.VIEW, "day")
        the_day = parse_date("date", day)
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            chairs = tuple(ChairView(i, name, True) for i, name in repo.active_chair_names(s))
            return DayScreen(chairs, calendar, self._day_list(s, calendar, the_day))

    def _day_list(self, s: Session, calendar: ClinicCalendar, the_day: date) -> DayList:
        start = calendar.day_start(the_day)
        end = calendar.day_start(the_day + timedelta(days=1))
        # Plain columns, not mapped objects: the busiest day is ~700 sessions and ~400
        # draws, and building ORM objects for them cost ten times the SQL (issue 10).
        # One conversion per distinct instant, not per row (values come as stored).
        local = LocalTimes(calendar, repo.stored_instants(s))
        sessions = session_fact_views(*repo.session_facts(s, start, end), self._ctx.catalog, local)
        dates = repo.stored_dates(s)
        labs = lab_fact_views(*repo.lab_facts_between(s, start, end), local, dates)
        now = self._ctx.clock()
        since = start - timedelta(days=OVERDUE_LOOKBACK_DAYS)
        overdue = lab_fact_views(*repo.overdue_lab_facts(s, since, min(now, start)), local, dates)
        return DayList(the_day, sessions, labs, overdue)

    def week_occupancy(self, actor: Actor, day: str | date) -> WeekOccupancy:
        """Sessions and booked chair time per chair and day of the week (Monday to Sunday)
        holding ``day``, for the week overview: six plain columns per session, no patient,
        no findings (a busy week is ~3,500 sessions)."""
        authorize(self._ctx, actor, Permission.VIEW, "week_occupancy")
        the_day = parse_date("date", day)
        first = the_day - timedelta(days=the_day.weekday())
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            every = {c.id: ChairView(c.id, c.name, c.active) for c in report_chairs(s)}
            active = [c for c in every.values() if c.active]
            lo = calendar.day_start(first)
            hi = calendar.day_start(first + timedelta(days=7))
            local = LocalTimes(calendar)
            return WeekOccupancy.count(
                first,
                active,
                (
                    (every[f.chair_id], local(f.start_utc), f.end_utc, f.status)
                    for f in report_session_facts(s, lo, hi)
                ),
            )

    def sessions_between(
        self, actor: Actor, first: str | date, last: str | date, *, batch_days: int = 7
    ) -> Iterator[SessionView]:
        """Sessions from ``first`` to ``last`` inclusive, streamed a few days at a time."""
        authorize(self._ctx, actor, Permission.VIEW, "sessions_between")
        day = parse_date("from", first)
        final = parse_date("to", last)
        if final < day:
            raise_range()
        while day <= final:
            chunk_end = min(day + timedelta(days=batch_days - 1), final)
            with self._ctx.db.read() as uow:
                s = uow.session
                calendar = repo.load_calendar(s)
                lo = calendar.day_start(day)
                hi = calendar.day_start(chunk_end + timedelta(days=1))
                # Plain columns, as for the day view: a year is ~100,000 sessions.
                rows = session_fact_views(
                    *repo.session_facts(s, lo, hi),
                    self._ctx.catalog,
                    LocalTimes(calendar, repo.stored_instants(s)),
                )
            yield from rows
            day = chunk_end + timedelta(days=1)

    def patient_schedule(self, actor: Actor, mrn: str) -> tuple[list[SessionView], list[LabView]]:
        """Every session and lab appointment of a patient, oldest first (cancelled included)."""
        authorize(self._ctx, actor, Permission.VIEW, "patient_schedule")
        from sqlalchemy import select
        from sqlalchemy.orm import selectinload

        from clinic_app.persistence.models import (
            LabAppointmentRow,
            SessionFindingRow,
            SessionRow,
        )

        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            patient = repo.patient_by_mrn(s, require_mrn(mrn))
            sessions = s.scalars(
                select(SessionRow)
                .where(SessionRow.patient_id == patient.id)
                .options(selectinload(SessionRow.findings).selectinload(SessionFindingRow.override))
                .order_by(SessionRow.start_utc)
            ).all()
            labs = s.scalars(
                select(LabAppointmentRow)
                .where(LabAppointmentRow.patient_id == patient.id)
                .options(selectinload(LabAppointmentRow.links))
                .order_by(LabAppointmentRow.start_utc)
            ).all()
            return (
                [session_view(r, calendar, self._ctx.catalog) for r in sessions],
                [lab_view(r, calendar) for r in labs],
            )


def raise_range() -> None:
    """Refuse an empty date range."""
    from clinic_app.domain.errors import InvalidInputError

    raise InvalidInputError("to", "the end date is before the start date")
