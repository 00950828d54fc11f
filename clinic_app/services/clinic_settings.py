"""Changing the clinic's settings after ``init``: opening hours, closed dates (and bank
holidays), time zone, lab-station capacity and chairs.

Every change is one transaction, administrators only, audited with its before and after, and
re-checked against the bookings still to come. The policy (real clinic software): a change
that leaves future sessions or lab draws outside the hours, on a closed date, over the lab
station's capacity or on a retired chair is **allowed only with an explicit confirmation**
(``accept_affected=True``) and its result lists them for rebooking; without it the change is
refused (``AffectedBookingsError``, a scheduling conflict naming them). Bookings are never
moved or cancelled by a settings change. ``dry_run=True`` previews: the change is made,
checked and rolled back, and the result lists what it would affect.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import holidays
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import (
    WEEKDAY_NAMES,
    CalendarError,
    ClinicCalendar,
    OpeningHours,
    outside_calendar,
)
from clinic_app.domain.errors import (
    ConflictKind,
    InvalidInputError,
    NotFoundError,
    SchedulingConflictError,
)
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import (
    INACTIVE_STATUSES,
    ChairRow,
    ClosedDateRow,
    LabAppointmentRow,
    OpeningHoursRow,
    SessionRow,
)
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.clinic_setup import check_clinic_settings
from clinic_app.services.context import ServiceContext
from clinic_app.services.results import ChairView
from clinic_app.services.validation import (
    CHAIR_NAME_MAX,
    CLOSED_REASON_MAX,
    parse_date,
    parse_time,
    require_text,
)

# The lab station's draws per slot: at least one; more than this is not a lab station.
MAX_DRAWS_PER_SLOT = 50
# A bank-holiday import covers at most this many years at once.
MAX_IMPORT_YEARS = 10


@dataclass(frozen=True, slots=True)
class AffectedBooking:
    """A future session or lab draw a settings change leaves unworkable, for rebooking."""

    kind: str  # "session" or "lab draw"
    id: int
    mrn: str
    patient: str
    start: datetime  # clinic-local (the zone after the change)
    end: datetime
    place: str  # the chair's or the lab station's name
    category: str  # "hours", "chair" or "capacity"
    problem: str  # why it no longer fits, in words


@dataclass(frozen=True, slots=True)
class SettingsChange:
    """What a settings change did (or, with ``applied`` False, would do)."""

    description: str
    affected: tuple[AffectedBooking, ...]
    applied: bool


@dataclass(frozen=True, slots=True)
class ClosedDateView:
    """A day the clinic is closed, and why."""

    day: date
    reason: str


@dataclass(frozen=True, slots=True)
class ClinicSettingsView:
    """The clinic's settings as the settings screen and ``settings show`` present them."""

    name: str
    timezone: str
    hours: tuple[OpeningHours | None, ...]  # Monday..Sunday; None = closed that weekday
    closed_dates: tuple[ClosedDateView, ...]
    lab_station: str
    draws_per_slot: int
    slot_minutes: int
    chairs: tuple[ChairView, ...]  # retired chairs included (active False)


class AffectedBookingsError(SchedulingConflictError):
    """A settings change would leave future bookings unworkable and was not confirmed."""

    def __init__(self, description: str, affected: Sequence[AffectedBooking]) -> None:
        lines = [f"{description}: {len(affected)} future booking(s) would no longer fit"]
        lines += [
            f"  {a.kind} {a.start:%Y-%m-%d %H:%M} {a.mrn} {a.patient} ({a.place}): {a.problem}"
            for a in affected
        ]
        lines.append("confirm the change to make it anyway and rebook them")
        super().__init__(ConflictKind.HOURS, "\n".join(lines))
        self.description = description
        self.affected = tuple(affected)


def _key(a: AffectedBooking) -> tuple[str, int, str]:
    return (a.kind, a.id, a.category)


class ClinicSettingsService:
    """The administrator's clinic settings, each change re-checked against future bookings."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------ reading

    def clinic_settings(self, actor: Actor) -> ClinicSettingsView:
        """Every setting, retired chairs included."""
        authorize(self._ctx, actor, Permission.VIEW, "clinic_settings")
        with self._ctx.db.read() as uow:
            s = uow.session
            row = repo.settings(s)
            calendar = repo.load_calendar(s)
            by_day = {h.weekday: h for h in calendar.hours}
            closed = s.scalars(select(ClosedDateRow).order_by(ClosedDateRow.day))
            station = repo.lab_station(s)
            return ClinicSettingsView(
                name=row.name,
                timezone=row.timezone,
                hours=tuple(by_day.get(d) for d in range(7)),
                closed_dates=tuple(ClosedDateView(c.day, c.reason) for c in closed),
                lab_station=station.name,
                draws_per_slot=station.draws_per_slot,
                slot_minutes=station.slot_minutes,
                chairs=tuple(
                    ChairView(c.id, c.name, c.active) for c in repo.chairs(s, active_only=False)
                ),
            )

    def affected_bookings(self, actor: Actor) -> list[AffectedBooking]:
        """Every future booking the current settings leave unworkable (to rebook)."""
        authorize(self._ctx, actor, Permission.VIEW, "affected_bookings")
        with self._ctx.db.read() as uow:
            return _unworkable(uow.session, self._ctx.clock())

    # ------------------------------------------------------------------ changes

    def set_opening_hours(
        self,
        actor: Actor,
        weekday: int,
        opens: str | time | None,
        closes: str | time | None,
        *,
        dry_run: bool = False,
        accept_affected: bool = False,
    ) -> SettingsChange:
        """Open ``weekday`` (0 = Monday) from ``opens`` to ``closes``; both None closes it."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "set_opening_hours")
        if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
            raise InvalidInputError("weekday", f"{weekday!r} is not 0 (Monday) to 6 (Sunday)")
        hours: OpeningHours | None = None
        if opens is not None or closes is not None:
            if opens is None or closes is None:
                raise InvalidInputError("hours", "give both the opening and the closing time")
            try:
                hours = OpeningHours(
                    weekday, parse_time("opens", opens), parse_time("closes", closes)
                )
            except CalendarError as error:
                raise InvalidInputError("hours", str(error)) from None
        day_name = WEEKDAY_NAMES[weekday]
        description = (
            f"{day_name}: closed"
            if hours is None
            else f"{day_name}: {hours.opens:%H:%M}-{hours.closes:%H:%M}"
        )

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            row = s.get(OpeningHoursRow, weekday)
            before = None if row is None else {"opens": row.opens, "closes": row.closes}
            if hours is None:
                if row is not None:
                    s.delete(row)
                return before, None
            if row is None:
                s.add(OpeningHoursRow(weekday=weekday, opens=hours.opens, closes=hours.closes))
            else:
                row.opens, row.closes = hours.opens, hours.closes
            return before, {"opens": hours.opens, "closes": hours.closes}

        return self._change(
            actor,
            description,
            change,
            entity="opening_hours",
            entity_id=weekday,
            action="update",
            dry_run=dry_run,
            accept_affected=accept_affected,
        )

    def add_closed_date(
        self,
        actor: Actor,
        day: str | date,
        reason: str = "",
        *,
        dry_run: bool = False,
        accept_affected: bool = False,
    ) -> SettingsChange:
        """Close the clinic on ``day``; the day's bookings are listed, never dropped."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "add_closed_date")
        closed = _clinic_day("date", day)
        text = require_text("reason", reason, max_length=CLOSED_REASON_MAX, allow_empty=True)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            if s.get(ClosedDateRow, closed) is not None:
                raise InvalidInputError("date", f"{closed.isoformat()} is already closed")
            s.add(ClosedDateRow(day=closed, reason=text))
            return None, {"day": closed, "reason": text}

        return self._change(
            actor,
            f"closed on {closed.isoformat()}" + (f" ({text})" if text else ""),
            change,
            entity="closed_date",
            entity_id=None,
            action="create",
            dry_run=dry_run,
            accept_affected=accept_affected,
        )

    def remove_closed_date(
        self, actor: Actor, day: str | date, *, dry_run: bool = False
    ) -> SettingsChange:
        """Open the clinic again on ``day`` (its usual weekday hours)."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "remove_closed_date")
        opened = parse_date("date", day)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            row = s.get(ClosedDateRow, opened)
            if row is None:
                raise NotFoundError("date", f"{opened.isoformat()} is not a closed date")
            before = {"day": opened, "reason": row.reason}
            s.delete(row)
            return before, None

        return self._change(
            actor,
            f"open again on {opened.isoformat()}",
            change,
            entity="closed_date",
            entity_id=None,
            action="remove",
            dry_run=dry_run,
            accept_affected=False,
        )

    def import_bank_holidays(
        self,
        actor: Actor,
        country: str,
        first_year: int,
        last_year: int,
        *,
        subdivision: str | None = None,
        dry_run: bool = False,
        accept_affected: bool = False,
    ) -> SettingsChange:
        """Close the clinic on ``country``'s public holidays (the ``holidays`` package) from
        ``first_year`` to ``last_year``; days already closed are kept as they are."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "import_bank_holidays")
        found = bank_holidays(country, first_year, last_year, subdivision=subdivision)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            already = set(s.scalars(select(ClosedDateRow.day)))
            added = []
            for day, name in found:
                if day not in already:
                    s.add(ClosedDateRow(day=day, reason=name[:CLOSED_REASON_MAX]))
                    added.append(day)
            return None, {
                "country": country.upper(),
                "subdivision": subdivision,
                "years": f"{first_year}-{last_year}",
                "days": [d.isoformat() for d in added],
            }

        region = country.upper() + (f"-{subdivision}" if subdivision else "")
        return self._change(
            actor,
            f"bank holidays of {region} {first_year}-{last_year}",
            change,
            entity="closed_date",
            entity_id=None,
            action="import",
            dry_run=dry_run,
            accept_affected=accept_affected,
        )

    def set_timezone(
        self, actor: Actor, timezone: str, *, dry_run: bool = False, accept_affected: bool = False
    ) -> SettingsChange:
        """The clinic's IANA time zone. Bookings keep their instant; their wall-clock time
        moves with the zone, so those that fall outside the hours are listed."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "set_timezone")
        _, zone_name = check_clinic_settings("clinic", timezone)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            row = repo.settings(s)
            before = {"timezone": row.timezone}
            row.timezone = zone_name
            return before, {"timezone": zone_name}

        return self._change(
            actor,
            f"time zone {zone_name}",
            change,
            entity="clinic",
            entity_id=1,
            action="update",
            dry_run=dry_run,
            accept_affected=accept_affected,
        )

    def set_lab_capacity(
        self,
        actor: Actor,
        draws_per_slot: int,
        *,
        dry_run: bool = False,
        accept_affected: bool = False,
    ) -> SettingsChange:
        """How many draws the lab station takes per slot."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "set_lab_capacity")
        if (
            isinstance(draws_per_slot, bool)
            or not isinstance(draws_per_slot, int)
            or not 1 <= draws_per_slot <= MAX_DRAWS_PER_SLOT
        ):
            raise InvalidInputError(
                "draws", f"{draws_per_slot!r} is not 1 to {MAX_DRAWS_PER_SLOT} draws per slot"
            )

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            station = repo.lab_station(s)
            before = {"draws_per_slot": station.draws_per_slot}
            station.draws_per_slot = draws_per_slot
            return before, {"draws_per_slot": draws_per_slot}

        return self._change(
            actor,
            f"lab station: {draws_per_slot} draw(s) per slot",
            change,
            entity="lab_station",
            entity_id=None,
            action="update",
            dry_run=dry_run,
            accept_affected=accept_affected,
        )

    def add_chair(self, actor: Actor, name: str) -> SettingsChange:
        """A new chair at the end of the chair order (affects no booking)."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "add_chair")
        chair_name = require_text("name", name, max_length=CHAIR_NAME_MAX)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            _refuse_taken_name(s, chair_name)
            order = s.scalar(select(func.coalesce(func.max(ChairRow.sort_order), 0))) or 0
            s.add(ChairRow(name=chair_name, active=True, sort_order=order + 1))
            return None, {"name": chair_name}

        return self._change(
            actor,
            f"new chair {chair_name}",
            change,
            entity="chair",
            entity_id=None,
            action="create",
            dry_run=False,
            accept_affected=False,
        )

    def rename_chair(self, actor: Actor, name: str, new_name: str) -> SettingsChange:
        """A chair's new name (its bookings and history stay with it)."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "rename_chair")
        old = require_text("name", name, max_length=CHAIR_NAME_MAX)
        new = require_text("new-name", new_name, max_length=CHAIR_NAME_MAX)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            row = _chair(s, old)
            if new != old:
                _refuse_taken_name(s, new)
            row.name = new
            return {"name": old}, {"name": new}

        return self._change(
            actor,
            f"chair {old} renamed {new}",
            change,
            entity="chair",
            entity_id=None,
            action="update",
            dry_run=False,
            accept_affected=False,
        )

    def retire_chair(
        self, actor: Actor, name: str, *, dry_run: bool = False, accept_affected: bool = False
    ) -> SettingsChange:
        """The chair takes no new bookings; it keeps its history, and its future sessions
        are listed for rebooking."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "retire_chair")
        chair_name = require_text("name", name, max_length=CHAIR_NAME_MAX)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            row = _chair(s, chair_name)
            if not row.active:
                raise InvalidInputError("name", f"chair {chair_name!r} is already retired")
            row.active = False
            return {"name": chair_name, "active": True}, {"name": chair_name, "active": False}

        return self._change(
            actor,
            f"chair {chair_name} retired",
            change,
            entity="chair",
            entity_id=None,
            action="retire",
            dry_run=dry_run,
            accept_affected=accept_affected,
        )

    def reinstate_chair(self, actor: Actor, name: str) -> SettingsChange:
        """A retired chair takes bookings again."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "reinstate_chair")
        chair_name = require_text("name", name, max_length=CHAIR_NAME_MAX)

        def change(s: Session) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            row = _chair(s, chair_name)
            if row.active:
                raise InvalidInputError("name", f"chair {chair_name!r} is not retired")
            row.active = True
            return {"name": chair_name, "active": False}, {"name": chair_name, "active": True}

        return self._change(
            actor,
            f"chair {chair_name} back in use",
            change,
            entity="chair",
            entity_id=None,
            action="reinstate",
            dry_run=False,
            accept_affected=False,
        )

    # ------------------------------------------------------------------ the one write path

    def _change(
        self,
        actor: Actor,
        description: str,
        change: Callable[[Session], tuple[dict[str, Any] | None, dict[str, Any] | None]],
        *,
        entity: str,
        entity_id: int | None,
        action: str,
        dry_run: bool,
        accept_affected: bool,
    ) -> SettingsChange:
        """Make ``change`` in one transaction, list the future bookings it newly leaves
        unworkable, and commit it (audited) only when it is not a dry run and either nothing
        is affected or the affected bookings were accepted."""
        now = self._ctx.clock()
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            repo.settings(s)
            was = {_key(a) for a in _unworkable(s, now)}
            before, after = change(s)
            s.flush()
            affected = tuple(a for a in _unworkable(s, now) if _key(a) not in was)
            if dry_run:
                return SettingsChange(description, affected, applied=False)
            if affected and not accept_affected:
                raise AffectedBookingsError(description, affected)
            if after is not None and affected:
                after = {**after, "affected": [f"{a.kind} {a.id}" for a in affected]}
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action=action,
                entity=entity,
                entity_id=entity_id,
                patient_id=None,
                before=before,
                after=after,
            )
            uow.commit()
            return SettingsChange(description, affected, applied=True)


def bank_holidays(
    country: str, first_year: int, last_year: int, *, subdivision: str | None = None
) -> list[tuple[date, str]]:
    """``country``'s public holidays (ISO 3166 code, optional subdivision such as ENG) from
    ``first_year`` to ``last_year``, in date order."""
    code = require_text("country", country, max_length=3).upper()
    for field, year in (("from", first_year), ("to", last_year)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidInputError(field, f"{year!r} is not a year")
        if not 1900 <= year <= 2199:
            raise InvalidInputError(field, f"{year} is outside the clinic's calendar")
    if last_year < first_year:
        raise InvalidInputError("to", f"{last_year} is before {first_year}")
    if last_year - first_year + 1 > MAX_IMPORT_YEARS:
        raise InvalidInputError("to", f"import at most {MAX_IMPORT_YEARS} years at once")
    try:
        found = holidays.country_holidays(
            code, subdiv=subdivision or None, years=range(first_year, last_year + 1)
        )
    except NotImplementedError:
        raise InvalidInputError(
            "country", f"no bank holidays are known for the country {code!r}"
        ) from None
    return sorted(found.items())


def _clinic_day(field: str, value: str | date) -> date:
    day = parse_date(field, value)
    beyond = outside_calendar(day)
    if beyond:
        raise InvalidInputError(field, beyond)
    return day


def _chair(s: Session, name: str) -> ChairRow:
    row = s.scalars(select(ChairRow).where(ChairRow.name == name)).one_or_none()
    if row is None:
        raise NotFoundError("name", f"no chair named {name!r}")
    return row


def _refuse_taken_name(s: Session, name: str) -> None:
    if s.scalars(select(ChairRow).where(ChairRow.name == name)).first() is not None:
        raise InvalidInputError("name", f"a chair named {name!r} already exists")


def _unworkable(s: Session, now: datetime) -> list[AffectedBooking]:
    """Future booked sessions and lab draws that the settings in ``s`` leave unworkable:
    outside the hours or on a closed day, on a retired chair, or over the lab's capacity."""
    calendar: ClinicCalendar = repo.load_calendar(s)
    found: list[AffectedBooking] = []
    sessions = s.scalars(
        select(SessionRow)
        .where(SessionRow.start_utc >= now, SessionRow.status.not_in(INACTIVE_STATUSES))
        .where(SessionRow.status != "completed")
        .order_by(SessionRow.start_utc, SessionRow.id)
    )
    for row in sessions:
        problems: list[tuple[str, str]] = []
        closed = calendar.closed_reason(row.start_utc, row.end_utc)
        if closed:
            problems.append(("hours", closed))
        if not row.chair.active:
            problems.append(("chair", f"chair {row.chair.name} is retired"))
        for category, problem in problems:
            found.append(
                AffectedBooking(
                    "session",
                    row.id,
                    row.patient.mrn,
                    row.patient.name,
                    calendar.local(row.start_utc),
                    calendar.local(row.end_utc),
                    row.chair.name,
                    category,
                    problem,
                )
            )
    station = repo.lab_station(s)
    draws = list(
        s.scalars(
            select(LabAppointmentRow)
            .where(LabAppointmentRow.start_utc >= now, LabAppointmentRow.status == "booked")
            .order_by(LabAppointmentRow.start_utc, LabAppointmentRow.id)
        )
    )
    for index, draw in enumerate(draws):
        problems = []
        closed = calendar.closed_reason(draw.start_utc, draw.end_utc)
        if closed:
            problems.append(("hours", closed))
        # Over capacity: more draws overlap this one's start than the station takes; the
        # later-booked ones (by start, then id) are the ones to move.
        overlapping = sum(
            1
            for other in draws[:index]
            if other.station_id == draw.station_id
            and other.start_utc <= draw.start_utc < other.end_utc
        )
        if overlapping >= station.draws_per_slot:
            problems.append(
                ("capacity", f"the lab station takes {station.draws_per_slot} draw(s) per slot")
            )
        for category, problem in problems:
            found.append(
                AffectedBooking(
                    "lab draw",
                    draw.id,
                    draw.patient.mrn,
                    draw.patient.name,
                    calendar.local(draw.start_utc),
                    calendar.local(draw.end_utc),
                    station.name,
                    category,
                    problem,
                )
            )
    found.sort(key=lambda a: (a.start, a.kind, a.id))
    return found
