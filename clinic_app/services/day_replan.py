"""The day-of re-plan's read side (issue 14): the day's sessions and rota as the domain's
input, the proposal (domain.day_replan) as plain change rows, and the day's fingerprint the
apply checks so a proposal is never applied to a day that has changed since.

The app records no actual start time (a status is all a session keeps), so lateness is the
proposal's input: "session S runs N minutes late". A nurse off sick is the other input; a
shift cut short is entered in the rota first (StaffingService.set_shift) and read from it.
``BookingService.propose_replan`` / ``apply_replan`` are the use cases.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.day_replan import DayReplan, DaySession, plan_day
from clinic_app.domain.errors import InvalidInputError
from clinic_app.domain.nurse_assignment import DayAssignment, assign_nurses
from clinic_app.domain.nurse_capacity import MINUTES_PER_DAY, DayRota
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import SessionRow
from clinic_app.services.context import ServiceContext
from clinic_app.services.views import therapy_name

# The grid a moved session's start is proposed on (the nurse check's own step).
REPLAN_STEP_MINUTES = 5
# The most a session may be said to run late: an input limit, not a norm.
MAX_LATE_MINUTES = 12 * 60
# Reason of a change that only gives the session another nurse.
REASSIGNED = "reassigned"


@dataclass(frozen=True, slots=True)
class ReplanChange:
    """One session the re-plan changes: from its chair, start and nurse to new ones.

    ``to_chair`` and ``to_start`` None: the session cannot be kept that day and needs a new
    day (applying the re-plan cancels it, for the desk to rebook). ``reason``: late, chair,
    patient, nurse, closed (why it moves, domain.day_replan) or reassigned (only its nurse
    changes).
    """

    session_id: int
    mrn: str
    patient_name: str
    therapy_name: str
    from_chair: str
    from_start: datetime
    from_nurse: str | None
    to_chair: str | None
    to_start: datetime | None
    to_nurse: str | None
    reason: str

    @property
    def moves(self) -> bool:
        """True when the session changes chair or time (a booking move)."""
        return self.to_start is not None and (
            self.to_chair != self.from_chair or self.to_start != self.from_start
        )

    @property
    def needs_new_day(self) -> bool:
        """True when the day cannot keep the session."""
        return self.to_start is None


@dataclass(frozen=True, slots=True)
class ReplanProposal:
    """The proposed re-plan of ``day`` for a nurse off sick (``sick``) and sessions running
    late (``late``: session id and minutes): the ``changes``, and the ``fingerprint`` of the
    day it was made on (apply refuses it once the day has changed)."""

    day: date
    sick: tuple[str, ...]
    late: tuple[tuple[int, int], ...]
    changes: tuple[ReplanChange, ...]
    fingerprint: str
    note: str = ""

    @property
    def moves(self) -> tuple[ReplanChange, ...]:
        """The changes that move a session."""
        return tuple(c for c in self.changes if c.moves)

    @property
    def move_plan(self) -> tuple[tuple[int, str | None, datetime | None], ...]:
        """What the apply does: each moved or lost session with its new chair and start."""
        return tuple(
            (c.session_id, c.to_chair, c.to_start)
            for c in self.changes
            if c.moves or c.needs_new_day
        )

    @property
    def new_day(self) -> tuple[ReplanChange, ...]:
        """The sessions that need a new day."""
        return tuple(c for c in self.changes if c.needs_new_day)


def parse_late(value: Mapping[int, int] | None) -> tuple[tuple[int, int], ...]:
    """``{session id: minutes late}`` checked (1 to MAX_LATE_MINUTES each), by session."""
    out = []
    for sid, minutes in sorted((value or {}).items()):
        if isinstance(sid, bool) or not isinstance(sid, int):
            raise InvalidInputError("late", f"{sid!r} is not a session id")
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise InvalidInputError("late", f"session {sid}: {minutes!r} is not minutes")
        if not 1 <= minutes <= MAX_LATE_MINUTES:
            raise InvalidInputError(
                "late", f"session {sid}: late by 1 to {MAX_LATE_MINUTES} minutes, not {minutes}"
            )
        out.append((sid, minutes))
    return tuple(out)


def fingerprint(s: Session, calendar: ClinicCalendar, day: date, rota: DayRota) -> str:
    """A digest of what the re-plan of ``day`` depends on: its sessions (place, time,
    status), ``rota`` (its rota without the nurses off sick: taking their shifts off after
    the proposal does not make it stale) and the stored nurse assignments."""
    rows = nurse_rota.day_sessions(s, calendar, day)
    parts = [
        f"s{r.id}:{r.chair_id}:{r.start_utc.isoformat()}:{r.end_utc.isoformat()}:{r.status}"
        for r in rows
    ]
    parts += [f"n{x.nurse_id}:{x.start}:{x.end}:{x.breaks}" for x in rota.shifts]
    parts.append(f"r{rota.ratio}")
    stored = nurse_rota.assignments(s, [r.id for r in rows])
    parts += [f"a{sid}:{nid}" for sid, nid in sorted(stored.items())]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def without_sick(
    s: Session, day: date, rota: DayRota, sick: Sequence[str], *, on_rota: bool = True
) -> DayRota:
    """The day's rota without the shifts of the nurses off sick (each must have one, unless
    not ``on_rota``: the apply, after a manager took the shifts off)."""
    gone = set()
    for name in sick:
        nurse = nurse_rota.nurse_by_name(s, name)
        if on_rota and not any(shift.nurse_id == nurse.id for shift in rota.shifts):
            raise InvalidInputError("sick", f"{nurse.name} has no shift on {day:%Y-%m-%d}")
        gone.add(nurse.id)
    return DayRota(tuple(x for x in rota.shifts if x.nurse_id not in gone), rota.ratio)


def propose(
    ctx: ServiceContext,
    s: Session,
    calendar: ClinicCalendar,
    day: date,
    sick: tuple[str, ...],
    late: tuple[tuple[int, int], ...],
    *,
    on_rota: bool = True,
) -> ReplanProposal:
    """The re-plan of ``day`` (read only): the domain's proposal as change rows.
    ``on_rota``: the nurses ``sick`` must still be on the day's rota (see without_sick)."""
    now = calendar.local(ctx.clock())
    if day < now.date():
        raise InvalidInputError("day", f"{day:%Y-%m-%d} is past: it cannot be re-planned")
    rows = list(nurse_rota.day_sessions(s, calendar, day))
    by_id = {r.id: r for r in rows}
    for sid, _minutes in late:
        if sid not in by_id:
            raise InvalidInputError("late", f"session {sid} is not an active session that day")
    rota = nurse_rota.day_rota(s, day)
    fewer = without_sick(s, day, rota, sick, on_rota=on_rota)
    lateness = dict(late)
    sessions: list[DaySession] = []
    for row in rows:
        task = nurse_rota.task_of_row(calendar, ctx.catalog, day, row)
        if task is None:
            continue
        sessions.append(
            DaySession(
                row.id,
                row.patient_id,
                row.chair.name,
                task.start,
                task.end,
                task.setup,
                task.takedown,
                row.status == "booked",
                lateness.get(row.id, 0),
            )
        )
    opening = calendar.open_interval(day)
    closes = (
        nurse_rota.local_minutes(calendar, day, opening[1])
        if opening is not None
        else MINUTES_PER_DAY
    )
    not_before = now.hour * 60 + now.minute + 1 if day == now.date() else 0
    stored = nurse_rota.assignments(s, list(by_id))
    chairs = [c.name for c in repo.chairs(s)]
    plan = plan_day(
        sessions,
        chairs,
        fewer,
        closes=closes,
        not_before=not_before,
        step=REPLAN_STEP_MINUTES,
        preferred=stored,
    )
    tasks = [x.task_at(x.start) for x in sessions]
    before = assign_nurses(rota.shifts, tasks, rota.ratio, preferred=stored)
    names = {x.nurse_id: x.nurse for x in rota.shifts}
    changes = _changes(ctx, calendar, day, rows, plan, before, names)
    note = "" if rota.configured else "no nurse rota that day: the nurses are not planned"
    return ReplanProposal(day, sick, late, changes, fingerprint(s, calendar, day, fewer), note)


def _changes(
    ctx: ServiceContext,
    calendar: ClinicCalendar,
    day: date,
    rows: Sequence[SessionRow],
    plan: DayReplan,
    before: DayAssignment,
    names: Mapping[int, str],
) -> tuple[ReplanChange, ...]:
    """Every session whose chair, start or nurse the proposal changes, by booked start."""
    reasons = dict(plan.new_day)
    out = []
    for row in rows:
        place = plan.placement(row.id)
        if place is None and row.id not in reasons:
            continue  # nothing of it on this day's clock (it started the day before)
        from_start = calendar.local(row.start_utc)
        old_nurse = _name(names, before.primary(row.id))
        to_chair: str | None = None
        to_start: datetime | None = None
        to_nurse: str | None = None
        reason = reasons.get(row.id, "")
        if place is not None:
            to_chair, to_start = place.chair, from_start
            if place.reason:
                # Moved by whole minutes of real time from where it is booked.
                to_start = from_start + timedelta(minutes=place.start - _minute(calendar, day, row))
            to_nurse = _name(names, plan.assignment.primary(row.id))
            if (to_chair, to_start, to_nurse) == (row.chair.name, from_start, old_nurse):
                continue
            reason = place.reason or REASSIGNED
        out.append(
            ReplanChange(
                row.id,
                row.patient.mrn,
                row.patient.name,
                therapy_name(ctx.catalog, row.therapy_code),
                row.chair.name,
                from_start,
                old_nurse,
                to_chair,
                to_start,
                to_nurse,
                reason,
            )
        )
    return tuple(out)


def _minute(calendar: ClinicCalendar, day: date, row: SessionRow) -> int:
    return nurse_rota.local_minutes(calendar, day, row.start_utc)


def _name(names: Mapping[int, str], nurse_id: int | None) -> str | None:
    return names.get(nurse_id) if nurse_id is not None else None
