"""Nurses as staff (issue 14): the rota, the nurse ratio, and the day's nurse load.

Managers and administrators keep the rota: nurses (add, rename, retire), one shift per nurse
and day with its breaks, and the clinic's ratio (patients one nurse monitors at once). Every
change is audited and holds the rota lock (``persistence.nurse_rota.lock_rota``), the lock
the booking service's nurse check holds, so a rota change and a booking never interleave.

A rota change is never refused for the sessions already booked (a nurse who calls in sick
must be recorded): it returns the minutes where the booked load now exceeds the nurses on
duty, for the manager to re-plan. A day without any shift is not nurse-checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import pairwise

from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import InvalidInputError
from clinic_app.domain.nurse_assignment import assign_nurses
from clinic_app.domain.nurse_capacity import DayRota, LoadPoint, NurseTask, hhmm, load_curve
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import (
    INACTIVE_STATUSES,
    NurseAssignmentRow,
    NurseBreakRow,
    NurseRow,
    NurseShiftRow,
)
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.validation import parse_date, parse_time, require_text
from clinic_app.services.views import therapy_name

NURSE_NAME_MAX = 200
# The most patients one nurse may be set to monitor at once: an input limit, not a norm.
MAX_RATIO = 12
# The load curve's resolution for the screens and reports.
CURVE_STEP_MINUTES = 15


def no_rota_note(day: date) -> str:
    """What a day without a rota means for its bookings (shown with its load)."""
    return (
        f"no nurse rota for {day:%Y-%m-%d}: bookings that day are not checked for nurse "
        "capacity (enter the day's shifts to check them)"
    )


@dataclass(frozen=True, slots=True)
class NurseView:
    """A nurse of the rota; a retired one takes no new shift."""

    id: int
    name: str
    active: bool


@dataclass(frozen=True, slots=True)
class BreakView:
    """A break inside a shift (local wall-clock times)."""

    start: time
    end: time


@dataclass(frozen=True, slots=True)
class ShiftView:
    """One nurse's shift on one day, local wall-clock times."""

    nurse: str
    day: date
    start: time
    end: time
    breaks: tuple[BreakView, ...]


@dataclass(frozen=True, slots=True)
class LoadPointView:
    """The nurse load at one time of the day."""

    at: time
    exclusive: int  # set-ups and take-downs in progress
    monitored: int  # patients monitored
    needed: int  # exclusive + ceil(monitored / ratio)
    on_duty: int


@dataclass(frozen=True, slots=True)
class DayLoadView:
    """A day's rota and nurse load. ``nurse_checked`` is False on a day without a rota
    (``note`` says so); ``over`` lists the periods needing more nurses than are on duty."""

    day: date
    nurse_checked: bool
    note: str
    ratio: int
    shifts: tuple[ShiftView, ...]
    points: tuple[LoadPointView, ...]
    over: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RotaChange:
    """A rota change as saved, with the periods of that day where the booked sessions now
    need more nurses than are on duty (empty when the day still fits)."""

    shift: ShiftView | None
    over: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CareView:
    """One part of a session (set-up, monitoring, take-down) in one nurse's care, local
    times; ``nurse`` None: no nurse is free for it (the day is over capacity then)."""

    start: time
    end: time
    kind: str
    nurse: str | None


@dataclass(frozen=True, slots=True)
class AssignedSessionView:
    """A session of the day with its nurse: ``nurse`` has most of it, ``chosen`` when a
    person assigned her (stored) rather than the day's computed assignment, ``care`` the
    parts and who has them, ``handoffs`` the changes of nurse within it."""

    session_id: int
    mrn: str
    patient_name: str
    therapy_name: str
    chair: str
    start: datetime
    end: datetime
    status: str
    nurse: str | None
    chosen: bool
    handoffs: int
    care: tuple[CareView, ...]

    def looked_after_by(self, nurse: str) -> bool:
        """True when ``nurse`` has the session (most of it) or does its set-up or take-down;
        a colleague watching the patient during someone's set-up does not make it hers."""
        return self.nurse == nurse or any(
            c.nurse == nurse and c.kind != "monitoring" for c in self.care
        )


@dataclass(frozen=True, slots=True)
class NurseWorkView:
    """A nurse's day: her shift's minutes on duty, her work in nurse-minutes (an exclusive
    minute counts 1, a monitored patient-minute 1/ratio) and her patients' sessions."""

    nurse: str
    duty_minutes: int
    work_minutes: int
    session_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DayAssignmentView:
    """The day's nurse assignment; on a day without a rota ``nurse_checked`` is False,
    ``note`` says so and no session has a nurse."""

    day: date
    nurse_checked: bool
    note: str
    sessions: tuple[AssignedSessionView, ...]
    nurses: tuple[NurseWorkView, ...]
    handoffs: int
    uncovered: tuple[str, ...]


def _time_of(minute: int) -> time:
    return time(minute // 60, minute % 60)


def over_periods(points: Sequence[LoadPoint]) -> tuple[str, ...]:
    """Minute-by-minute points over capacity, merged into "HH:MM-HH:MM" periods."""
    periods: list[str] = []
    start: int | None = None
    previous = -2
    for point in points:
        if not point.over:
            continue
        if start is None or point.minute != previous + 1:
            if start is not None:
                periods.append(f"{hhmm(start)}-{hhmm(previous + 1)}")
            start = point.minute
        previous = point.minute
    if start is not None:
        periods.append(f"{hhmm(start)}-{hhmm(previous + 1)}")
    return tuple(periods)


def shift_view(row: NurseShiftRow) -> ShiftView:
    """The shift row as a view."""
    return ShiftView(
        row.nurse.name,
        row.day,
        row.starts,
        row.ends,
        tuple(BreakView(b.starts, b.ends) for b in row.breaks),
    )


def _parse_break(value: str) -> tuple[time, time]:
    text = str(value).strip()
    parts = text.split("-")
    if len(parts) != 2:
        raise InvalidInputError("breaks", f"{text!r} is not a break (expected HH:MM-HH:MM)")
    return parse_time("breaks", parts[0]), parse_time("breaks", parts[1])


def _whole_minutes(field: str, moment: time) -> time:
    if moment.second or moment.microsecond:
        raise InvalidInputError(field, f"{moment} is not a whole minute")
    return moment


class StaffingService:
    """The nurse rota, the ratio and the day's nurse load."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # ----------------------------------------------------------------- nurses

    def nurses(self, actor: Actor) -> list[NurseView]:
        """Every nurse of the rota by name, the retired ones too."""
        authorize(self._ctx, actor, Permission.VIEW, "nurses")
        with self._ctx.db.read() as uow:
            return [NurseView(n.id, n.name, n.active) for n in nurse_rota.nurses(uow.session)]

    def add_nurse(self, actor: Actor, name: str) -> NurseView:
        """A new nurse on the rota (no shift yet)."""
        authorize(self._ctx, actor, Permission.MANAGE_STAFF, "add_nurse")
        nurse_name = require_text("name", name, max_length=NURSE_NAME_MAX)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            repo.settings(s)
            self._require_free_name(s, nurse_name)
            row = NurseRow(name=nurse_name, active=True, created_at=self._ctx.clock())
            s.add(row)
            s.flush()
            self._audit(s, actor, "create", "nurse", row.id, None, {"name": nurse_name})
            uow.commit()
            return NurseView(row.id, row.name, row.active)

    def rename_nurse(self, actor: Actor, name: str, new_name: str) -> NurseView:
        """The nurse ``name`` is called ``new_name`` from now on (her shifts stay hers)."""
        authorize(self._ctx, actor, Permission.MANAGE_STAFF, "rename_nurse")
        wanted = require_text("new_name", new_name, max_length=NURSE_NAME_MAX)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = nurse_rota.nurse_by_name(s, require_text("name", name, max_length=NURSE_NAME_MAX))
            if wanted != row.name:
                self._require_free_name(s, wanted)
            before = {"name": row.name}
            row.name = wanted
            self._audit(s, actor, "update", "nurse", row.id, before, {"name": wanted})
            uow.commit()
            return NurseView(row.id, row.name, row.active)

    def retire_nurse(self, actor: Actor, name: str) -> NurseView:
        """The nurse leaves the rota: refused while she has shifts from today on (remove
        them first, so the days they cover are re-planned knowingly)."""
        authorize(self._ctx, actor, Permission.MANAGE_STAFF, "retire_nurse")
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = nurse_rota.nurse_by_name(s, require_text("name", name, max_length=NURSE_NAME_MAX))
            if not row.active:
                raise InvalidInputError("name", f"{row.name} is retired already")
            today = repo.load_calendar(s).local_day(self._ctx.clock())
            ahead = nurse_rota.shifts_from(s, row.id, today)
            if ahead:
                raise InvalidInputError(
                    "name",
                    f"{row.name} has {ahead} shift(s) from {today:%Y-%m-%d} on: remove them "
                    "first, so those days are re-planned",
                )
            row.active = False
            self._audit(s, actor, "retire", "nurse", row.id, {"active": True}, {"active": False})
            uow.commit()
            return NurseView(row.id, row.name, row.active)

    # ----------------------------------------------------------------- shifts

    def set_shift(
        self,
        actor: Actor,
        nurse: str,
        day: str | date,
        start: str | time,
        end: str | time,
        breaks: tuple[str, ...] = (),
    ) -> RotaChange:
        """The nurse works ``day`` from ``start`` to ``end`` (local), off the ward during
        ``breaks`` ("HH:MM-HH:MM" each, inside the shift, not overlapping). Replaces her
        shift of that day. Returns the day's periods now over capacity, if any."""
        authorize(self._ctx, actor, Permission.MANAGE_STAFF, "set_shift")
        shift_day = parse_date("day", day)
        starts = _whole_minutes("start", parse_time("start", start))
        ends = _whole_minutes("end", parse_time("end", end))
        if not starts < ends:
            raise InvalidInputError("end", f"the shift ends ({ends:%H:%M}) before it starts")
        pauses = sorted(_parse_break(b) for b in breaks)
        for b_start, b_end in pauses:
            _whole_minutes("breaks", b_start)
            _whole_minutes("breaks", b_end)
            if not (starts <= b_start < b_end <= ends):
                raise InvalidInputError(
                    "breaks",
                    f"{b_start:%H:%M}-{b_end:%H:%M} is not a break inside the shift "
                    f"{starts:%H:%M}-{ends:%H:%M}",
                )
        for (_, first_end), (second_start, _) in pairwise(pauses):
            if second_start < first_end:
                raise InvalidInputError("breaks", "two breaks overlap")
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            nurse_rota.lock_rota(s)
            calendar = repo.load_calendar(s)
            self._require_not_past(calendar, shift_day)
            row = nurse_rota.nurse_by_name(
                s, require_text("nurse", nurse, max_length=NURSE_NAME_MAX)
            )
            if not row.active:
                raise InvalidInputError("nurse", f"{row.name} is retired: she takes no shift")
            shift = nurse_rota.shift_of(s, row.id, shift_day)
            before = None if shift is None else self._shift_audit(shift)
            if shift is None:
                shift = NurseShiftRow(nurse_id=row.id, day=shift_day, starts=starts, ends=ends)
                shift.nurse = row
                s.add(shift)
            else:
                shift.starts, shift.ends = starts, ends
            shift.breaks = [NurseBreakRow(starts=a, ends=b) for a, b in pauses]
            s.flush()
            after = self._shift_audit(shift)
            self._audit(s, actor, "set", "nurse_shift", shift.id, before, after)
            over = self._over(s, calendar, shift_day)
            view = shift_view(shift)
            uow.commit()
            return RotaChange(view, over)

    def remove_shift(self, actor: Actor, nurse: str, day: str | date) -> RotaChange:
        """The nurse does not work ``day`` (her shift removed). Returns the day's periods now
        over capacity; removing the day's last shift leaves it without a rota."""
        authorize(self._ctx, actor, Permission.MANAGE_STAFF, "remove_shift")
        shift_day = parse_date("day", day)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            nurse_rota.lock_rota(s)
            calendar = repo.load_calendar(s)
            self._require_not_past(calendar, shift_day)
            row = nurse_rota.nurse_by_name(
                s, require_text("nurse", nurse, max_length=NURSE_NAME_MAX)
            )
            shift = nurse_rota.shift_of(s, row.id, shift_day)
            if shift is None:
                raise InvalidInputError("day", f"{row.name} has no shift on {shift_day:%Y-%m-%d}")
            before = self._shift_audit(shift)
            s.delete(shift)
            s.flush()
            self._audit(s, actor, "remove", "nurse_shift", shift.id, before, None)
            over = self._over(s, calendar, shift_day)
            uow.commit()
            return RotaChange(None, over)

    # ----------------------------------------------------------------- ratio

    def nurse_ratio(self, actor: Actor) -> int:
        """Patients one nurse monitors at once (the clinic's setting, default 4)."""
        authorize(self._ctx, actor, Permission.VIEW, "nurse_ratio")
        with self._ctx.db.read() as uow:
            return repo.settings(uow.session).nurse_ratio

    def set_nurse_ratio(self, actor: Actor, ratio: int) -> int:
        """Set how many patients one nurse monitors at once (1 to MAX_RATIO)."""
        authorize(self._ctx, actor, Permission.MANAGE_STAFF, "set_nurse_ratio")
        if isinstance(ratio, bool) or not isinstance(ratio, int) or not 1 <= ratio <= MAX_RATIO:
            raise InvalidInputError(
                "ratio", f"{ratio!r}: one nurse monitors 1 to {MAX_RATIO} patients"
            )
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            nurse_rota.lock_rota(s)
            row = repo.settings(s)
            before = {"nurse_ratio": row.nurse_ratio}
            row.nurse_ratio = ratio
            self._audit(s, actor, "update", "clinic_settings", 1, before, {"nurse_ratio": ratio})
            uow.commit()
            return ratio

    # ----------------------------------------------------------------- the day's load

    def day_load(self, actor: Actor, day: str | date) -> DayLoadView:
        """The day's shifts and nurse load every CURVE_STEP_MINUTES, and the periods over
        capacity; a day without a rota says it is not nurse-checked."""
        authorize(self._ctx, actor, Permission.VIEW, "day_load")
        wanted = parse_date("day", day)
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            rota = nurse_rota.day_rota(s, wanted)
            tasks = nurse_rota.day_tasks(s, calendar, self._ctx.catalog, wanted)
            shifts = tuple(shift_view(r) for r in nurse_rota.shifts_on(s, wanted))
            first, last = _span(rota, tasks)
            points = load_curve(rota, tasks, first, last, step=CURVE_STEP_MINUTES)
            minutes = load_curve(rota, tasks, first, last) if rota.configured else []
            return DayLoadView(
                wanted,
                rota.configured,
                "" if rota.configured else no_rota_note(wanted),
                rota.ratio,
                shifts,
                tuple(
                    LoadPointView(_time_of(p.minute), p.exclusive, p.monitored, p.need, p.on_duty)
                    for p in points
                ),
                over_periods(minutes),
            )

    # ----------------------------------------------------------------- assignment

    def assignment(self, actor: Actor, day: str | date) -> DayAssignmentView:
        """Which nurse looks after which session on ``day`` (domain.nurse_assignment), with
        the assignments people chose kept while the nurse is free for them."""
        authorize(self._ctx, actor, Permission.VIEW, "assignment")
        wanted = parse_date("day", day)
        with self._ctx.db.read() as uow:
            return self._assignment(uow.session, wanted)

    def my_patients(self, actor: Actor, nurse: str, day: str | date) -> list[AssignedSessionView]:
        """The sessions of ``day`` the nurse looks after (``looked_after_by``: most of the
        session, or its set-up or take-down): a nurse's "my patients today", by start."""
        authorize(self._ctx, actor, Permission.VIEW, "my_patients")
        wanted = parse_date("day", day)
        name = require_text("nurse", nurse, max_length=NURSE_NAME_MAX)
        with self._ctx.db.read() as uow:
            nurse_rota.nurse_by_name(uow.session, name)
            view = self._assignment(uow.session, wanted)
        return [s for s in view.sessions if s.looked_after_by(name)]

    def reassign(self, actor: Actor, session_id: int, nurse: str) -> AssignedSessionView:
        """``nurse`` looks after the session from now on (stored, audited): she must be on
        the session day's rota; she keeps it whenever she is free for it."""
        authorize(self._ctx, actor, Permission.ASSIGN_NURSES, "reassign")
        if isinstance(session_id, bool) or not isinstance(session_id, int):
            raise InvalidInputError("session_id", f"{session_id!r} is not a session id")
        name = require_text("nurse", nurse, max_length=NURSE_NAME_MAX)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            nurse_rota.lock_rota(s)
            calendar = repo.load_calendar(s)
            row = repo.session_by_id(s, session_id)
            if row.status in INACTIVE_STATUSES:
                raise InvalidInputError("session_id", f"session {session_id} is {row.status}")
            day = calendar.local_day(row.start_utc)
            chosen = nurse_rota.nurse_by_name(s, name)
            if nurse_rota.shift_of(s, chosen.id, day) is None:
                raise InvalidInputError(
                    "nurse", f"{chosen.name} has no shift on {day:%Y-%m-%d}: add it first"
                )
            stored = nurse_rota.assignment_of(s, session_id)
            before = None
            if stored is None:
                stored = NurseAssignmentRow(session_id=session_id)
                s.add(stored)
            else:
                before = {"nurse_id": stored.nurse_id}
            stored.nurse_id = chosen.id
            stored.assigned_by = actor.username
            stored.assigned_at = self._ctx.clock()
            s.flush()
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="assign",
                entity="nurse_assignment",
                entity_id=session_id,
                patient_id=row.patient_id,
                before=before,
                after={"nurse_id": chosen.id, "nurse": chosen.name},
            )
            view = self._assignment(s, day)
            uow.commit()
        return next(v for v in view.sessions if v.session_id == session_id)

    def _assignment(self, s: Session, day: date) -> DayAssignmentView:
        calendar = repo.load_calendar(s)
        catalog = self._ctx.catalog
        rota = nurse_rota.day_rota(s, day)
        rows = nurse_rota.day_sessions(s, calendar, day)
        tasks = [t for t in (nurse_rota.task_of_row(calendar, catalog, day, r) for r in rows) if t]
        stored = nurse_rota.assignments(s, [r.id for r in rows])
        result = assign_nurses(rota.shifts, tasks, rota.ratio, preferred=stored)
        names = {shift.nurse_id: shift.nurse for shift in rota.shifts}
        sessions = []
        for row in rows:
            primary = result.primary(row.id)
            sessions.append(
                AssignedSessionView(
                    row.id,
                    row.patient.mrn,
                    row.patient.name,
                    therapy_name(catalog, row.therapy_code),
                    row.chair.name,
                    calendar.local(row.start_utc),
                    calendar.local(row.end_utc),
                    row.status,
                    names.get(primary) if primary is not None else None,
                    row.id in stored and stored[row.id] == primary,
                    result.handoffs(row.id),
                    tuple(
                        CareView(
                            _time_of(p.start),
                            _time_of(p.end),
                            p.kind,
                            names.get(p.nurse_id) if p.nurse_id is not None else None,
                        )
                        for p in result.of_session(row.id)
                    ),
                )
            )
        work = result.work()
        nurses = tuple(
            NurseWorkView(
                shift.nurse,
                shift.duty_minutes,
                round(work.get(shift.nurse_id, 0)),
                tuple(result.sessions_of(shift.nurse_id)),
            )
            for shift in rota.shifts
        )
        # A day without a rota has no nurse for anyone: not a shortfall, no rota (the note).
        uncovered = tuple(
            f"{hhmm(p.start)}-{hhmm(p.end)} session {p.session_id} {p.kind}"
            for p in (result.uncovered() if rota.configured else ())
        )
        return DayAssignmentView(
            day,
            rota.configured,
            "" if rota.configured else no_rota_note(day),
            tuple(sessions),
            nurses,
            result.total_handoffs(),
            uncovered,
        )

    # ----------------------------------------------------------------- helpers

    def _over(self, s: Session, calendar: ClinicCalendar, day: date) -> tuple[str, ...]:
        rota = nurse_rota.day_rota(s, day)
        tasks = nurse_rota.day_tasks(s, calendar, self._ctx.catalog, day)
        if not tasks:
            return ()
        # A day left without any shift is not nurse-checked: nothing is over.
        if not rota.configured:
            return ()
        first, last = _span(rota, tasks)
        return over_periods(load_curve(rota, tasks, first, last))

    def _require_not_past(self, calendar: ClinicCalendar, day: date) -> None:
        today = calendar.local_day(self._ctx.clock())
        if day < today:
            raise InvalidInputError(
                "day", f"{day:%Y-%m-%d} is past: its rota is history and stays as it was"
            )

    @staticmethod
    def _require_free_name(s: Session, name: str) -> None:
        if any(n.name == name for n in nurse_rota.nurses(s)):
            raise InvalidInputError("name", f"a nurse named {name!r} already exists")

    @staticmethod
    def _shift_audit(shift: NurseShiftRow) -> dict[str, object]:
        return {
            "nurse": shift.nurse.name,
            "day": shift.day.isoformat(),
            "start": f"{shift.starts:%H:%M}",
            "end": f"{shift.ends:%H:%M}",
            "breaks": [f"{b.starts:%H:%M}-{b.ends:%H:%M}" for b in shift.breaks],
        }

    def _audit(
        self,
        s: Session,
        actor: Actor,
        action: str,
        entity: str,
        entity_id: int | None,
        before: Mapping[str, object] | None,
        after: Mapping[str, object] | None,
    ) -> None:
        repo.audit(
            s,
            at=self._ctx.clock(),
            actor=actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            patient_id=None,
            before=dict(before) if before is not None else None,
            after=dict(after) if after is not None else None,
        )


def _span(rota: DayRota, tasks: Sequence[NurseTask]) -> tuple[int, int]:
    """The minutes a day's curve covers: its shifts and its sessions, on the curve's grid."""
    starts = [s.start for s in rota.shifts] + [t.start for t in tasks]
    ends = [s.end for s in rota.shifts] + [t.end for t in tasks]
    if not starts:
        return 0, 0
    first = min(starts) - min(starts) % CURVE_STEP_MINUTES
    return first, max(ends)
