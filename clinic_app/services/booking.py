"""The booking use cases: check, book, move, cancel, set status, find slots, book a series.

Every rule is enforced here, once, whoever calls (GUI or CLI). Each call is one transaction:
the patient's row is locked (PostgreSQL), the scheduling invariants are checked (and enforced
again by the database), the clinical rule engine runs on the patient's whole timeline, the
session's neighbours are re-checked, the lab appointments are reconciled, the findings and
overrides are stored, the audit trail is written, and only then is anything committed.
A refused or invalid request changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from clinic_app.domain.catalog import Therapy
from clinic_app.domain.clinic_calendar import (
    CalendarError,
    ClinicCalendar,
    outside_calendar,
    overlaps,
    to_utc,
)
from clinic_app.domain.errors import (
    ConflictKind,
    InvalidInputError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.domain.findings import Evaluation, Finding, Severity
from clinic_app.domain.lab_planner import LabNeed
from clinic_app.domain.nurse_capacity import DayCapacity, shortfall_message
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.rule_reach import start_key
from clinic_app.domain.slot_finder import ChairSchedule, SlotOption, find_free_slots
from clinic_app.domain.timeline import Dose, PatientTimeline, ProposedSession, Regimen
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import (
    INACTIVE_STATUSES,
    ChairRow,
    LabAppointmentRow,
    PatientRow,
    SessionRow,
)
from clinic_app.persistence.unit_of_work import UnitOfWork
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.check_in import CheckInGate
from clinic_app.services.context import ServiceContext
from clinic_app.services.day_replan import ReplanChange, ReplanProposal, parse_late
from clinic_app.services.day_replan import propose as propose_day
from clinic_app.services.findings_store import (
    finding_key,
    planned_findings,
    store_changed_findings_many,
    unique_findings,
)
from clinic_app.services.lab_sync import LabChanges, LabReconciler
from clinic_app.services.level_loading import recommend_option
from clinic_app.services.patient_state import PatientState, regimen_of, session_dose
from clinic_app.services.prescribers import prescriber_from, require_consulted, require_line
from clinic_app.services.recheck import evaluate_sessions, recheck_patient
from clinic_app.services.results import (
    BookingOutcome,
    CheckResult,
    FindingView,
    LabView,
    PrescriberView,
    SessionView,
)
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.template_slots import template_marks
from clinic_app.services.validation import (
    REASON_MAX,
    parse_date,
    parse_local_datetime,
    require_course_id,
    require_interval,
    require_mrn,
    require_text,
    require_therapy,
)
from clinic_app.services.views import finding_view, lab_view, session_view, therapy_name

MAX_REASON = REASON_MAX
# The most doses one series books at once: an eight-dose sodium ferric gluconate series, or
# six years of quarterly ibandronate. An application limit on one request, not a clinical rule.
MAX_SERIES = 24
# The one table of status changes (the daily list, the grid and the CLI all ask it through
# next_statuses()). "Undo" steps back are allowed: arrived -> booked, completed -> in-chair.
STATUS_FLOW: dict[str, frozenset[str]] = {
    "booked": frozenset({"arrived", "in-chair", "no-show", "cancelled"}),
    "arrived": frozenset({"booked", "in-chair", "no-show", "cancelled"}),
    "in-chair": frozenset({"arrived", "completed"}),
    "completed": frozenset({"in-chair"}),
    "no-show": frozenset({"booked"}),
    "cancelled": frozenset(),
}
# The grid on which a nurse conflict looks for the next free start (minutes): an
# application setting, not a clinical one.
NURSE_NEXT_FREE_STEP = 5
# The conflicts a re-plan's move may meet while another of its moves still holds the place.
REPLAN_RETRY = frozenset({ConflictKind.CHAIR, ConflictKind.NURSE, ConflictKind.PATIENT})
# The order statuses are named in (the order of a session's day).
STATUS_ORDER = ("booked", "arrived", "in-chair", "completed", "no-show", "cancelled")
# Statuses that record what happened on the day: only once the session's day has come, in
# the clinic's zone (a no-show in 2028 would cancel labs still needed). Cancelling, and
# stepping back to booked, are allowed any time.
ON_THE_DAY = frozenset({"arrived", "in-chair", "completed", "no-show"})


def next_statuses(current: str, *, day: date, today: date) -> tuple[str, ...]:
    """The statuses a session now ``current``, on local ``day``, may take on ``today``."""
    allowed = STATUS_FLOW.get(current, frozenset())
    if day > today:
        allowed = allowed - ON_THE_DAY
    return tuple(status for status in STATUS_ORDER if status in allowed)


# How a status reads in a sentence ("this session is in the chair"), never its code.
STATUS_WORDS = {"in-chair": "in the chair", "no-show": "a no-show"}


def status_words(status: str) -> str:
    """``status`` as words in a sentence."""
    return STATUS_WORDS.get(status, status)


def _in_words(statuses: Sequence[str]) -> str:
    words = [status_words(s) for s in statuses]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def status_refusal(current: str, wanted: str, *, day: date, today: date) -> str | None:
    """Why a session now ``current`` on ``day`` cannot become ``wanted`` today, or None.

    The words name the statuses it can take instead, never an internal id.
    """
    if wanted == current:
        return f"this session is already {status_words(current)}"
    allowed = next_statuses(current, day=day, today=today)
    if wanted in allowed:
        return None
    if not allowed:
        return f"this session is {status_words(current)}; its status cannot change any more"
    if wanted in STATUS_FLOW.get(current, frozenset()):
        return (
            f"this session is on {day:%A %Y-%m-%d}, which has not come yet; it can become "
            f"{status_words(wanted)} on that day. Until then it can become {_in_words(allowed)}"
        )
    return f"this session is {status_words(current)}; it can become {_in_words(allowed)}"


def require_series_count(count: int) -> int:
    """The number of doses of a series: 1 to MAX_SERIES, else invalid input naming ``count``."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_SERIES:
        raise InvalidInputError("count", f"{count!r} doses: a series books 1 to {MAX_SERIES} doses")
    return count


@dataclass(frozen=True, slots=True)
class BookingRequest:
    """A booking as the desk enters it. ``start`` is local clinic time."""

    mrn: str
    therapy: str
    start: str | datetime
    chair: str | None = None
    override_reason: str | None = None
    course_id: str | None = None
    regimen: str | None = None
    # Who prescribed the dose (name, and optionally practice and contact).
    prescriber: str | None = None
    prescriber_practice: str | None = None
    prescriber_contact: str | None = None
    # The prescriber consulted before an override; required with ``override_reason``.
    consulted: str | None = None


@dataclass(frozen=True, slots=True)
class SlotView:
    """A free (chair, time) option that passes every rule, with its WARN/INFO findings."""

    chair_id: int
    chair: str
    start: datetime
    end: datetime
    findings: tuple[FindingView, ...]
    # Set on the one option the level-loaded ranking recommends: why, in words (issue 14).
    recommended: str | None = None
    # Set on an option that takes a start of the stored weekly template with room left that
    # day, in words: "template start 09:15 for 75-min sessions, 1 of 2 left" (issue 14).
    template: str | None = None


@dataclass
class _Placed:
    """What the shared booking path produced before commit/rollback."""

    row: SessionRow
    findings: list[Finding]
    labs: LabChanges
    neighbour_changes: dict[int, list[Finding]]
    # A dry run's findings as they would be stored (None: stored with the row).
    views: tuple[FindingView, ...] | None = None
    # A dry run's draws serving the session, as planned (None: read them from the database).
    serving: list[LabAppointmentRow] | None = None


@dataclass(frozen=True, slots=True)
class _Override:
    """A clinical override as given with a request: the reason and the prescriber consulted
    (both None without one), checked before the transaction opens (a refusal is audited in a
    transaction of its own)."""

    reason: str | None = None
    consulted: str | None = None


NO_OVERRIDE = _Override()


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    """One session to place, every field of the request checked: the one parse that book,
    check, book_series, move and check_move share.

    ``chair`` is the chair the request names (None: any free chair; an empty name names
    none), ``prescriber`` the one it names (None: none named).
    """

    patient: PatientRow
    start: datetime
    therapy: Therapy
    chair: ChairRow | None
    course_id: str | None
    regimen: Regimen | None
    override: _Override
    prescriber: PrescriberView | None


@dataclass(frozen=True, slots=True)
class _Placement:
    """One placement's values, derived once from the request: its times in the clinic's
    zone, the moment it is made, the rule parameters and the first day it re-checks."""

    request: ParsedRequest
    existing: SessionRow | None
    start: datetime
    end: datetime
    now: datetime
    params: RuleParameters
    scope_from: date

    @property
    def own_id(self) -> int | None:
        """The id of the session being moved (None for a new booking)."""
        return self.existing.id if self.existing is not None else None

    def proposal(self, calendar: ClinicCalendar) -> ProposedSession:
        """The placement as the rule engine's proposal."""
        return ProposedSession(
            therapy=self.request.therapy.code,
            start=calendar.local(self.start),
            end=calendar.local(self.end),
            day=calendar.local_day(self.start),
            session_id=self.own_id,
            course_id=self.request.course_id,
            regimen=self.request.regimen,
        )


def _audit_session(row: SessionRow) -> dict[str, Any]:
    return {
        "patient_id": row.patient_id,
        "chair_id": row.chair_id,
        "therapy": row.therapy_code,
        "start_utc": row.start_utc.isoformat(),
        "end_utc": row.end_utc.isoformat(),
        "status": row.status,
        "course_id": row.course_id,
        "regimen": row.regimen,
        "status_reason": row.status_reason,
        "prescriber": [row.prescriber_name, row.prescriber_practice, row.prescriber_contact],
    }


def _set_prescriber(row: SessionRow, prescriber: PrescriberView | None) -> None:
    """Name the session's prescriber (None clears it)."""
    row.prescriber_name = prescriber.name if prescriber else None
    row.prescriber_practice = (prescriber.practice or None) if prescriber else None
    row.prescriber_contact = (prescriber.contact or None) if prescriber else None


def _audit_lab(row: LabAppointmentRow) -> dict[str, Any]:
    return {
        "patient_id": row.patient_id,
        "tests": row.tests,
        "start_utc": row.start_utc.isoformat(),
        "status": row.status,
        "due_from": row.due_from.isoformat(),
        "due_to": row.due_to.isoformat(),
        "sessions": sorted({link.session_id for link in row.links}),
    }


class BookingService:
    """Books, moves and cancels sessions under every scheduling and clinical rule."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    # ----------------------------------------------------------------- public use cases

    def check(self, actor: Actor, request: BookingRequest) -> CheckResult:
        """A dry run of ``book``: every problem at once, nothing written."""
        authorize(self._ctx, actor, Permission.BOOK, "check")
        try:
            outcome = self._book(actor, request, commit=False, enforce_rules=False)
        except SchedulingConflictError as conflict:
            return CheckResult(None, (), (), conflict=conflict.message, conflict_kind=conflict.kind)
        return CheckResult(outcome.session, outcome.findings, outcome.labs)

    def book(self, actor: Actor, request: BookingRequest) -> BookingOutcome:
        """Book one session; raises on a conflict, a HARD finding or an un-overridden BLOCK."""
        authorize(self._ctx, actor, Permission.BOOK, "book")
        return self._book(actor, request, commit=True, enforce_rules=True)

    def move(
        self,
        actor: Actor,
        session_id: int,
        start: str | datetime,
        *,
        chair: str | None = None,
        override_reason: str | None = None,
        dry_run: bool = False,
        prescriber: str | None = None,
        prescriber_practice: str | None = None,
        prescriber_contact: str | None = None,
        consulted: str | None = None,
    ) -> BookingOutcome:
        """Move a booked session to a new time and/or chair, re-running every check.

        A ``prescriber`` given with the move replaces the session's prescriber; without one the
        session keeps the prescriber it has.
        """
        authorize(self._ctx, actor, Permission.BOOK, "move")
        override = self._override(actor, override_reason, consulted)
        request = BookingRequest(
            "",
            "",
            start,
            chair=chair,
            prescriber=prescriber,
            prescriber_practice=prescriber_practice,
            prescriber_contact=prescriber_contact,
        )
        return self._move(actor, session_id, request, override, dry_run=dry_run, enforce_rules=True)

    def _move(
        self,
        actor: Actor,
        session_id: int,
        request: BookingRequest,
        override: _Override,
        *,
        dry_run: bool,
        enforce_rules: bool,
    ) -> BookingOutcome:
        """Move ``session_id`` to ``request``'s start and chair (its MRN, therapy, course and
        regimen are the session's own); a prescriber it names replaces the session's."""
        prescriber = _request_prescriber(request)
        with self._ctx.db.write(actor.username) as uow:
            calendar = repo.load_calendar(uow.session)
            outcome = self._move_in(
                uow,
                actor,
                calendar,
                session_id,
                request,
                override,
                prescriber,
                dry_run=dry_run,
                enforce_rules=enforce_rules,
            )
            if not dry_run:
                uow.commit()
            return outcome

    def _move_in(
        self,
        uow: UnitOfWork,
        actor: Actor,
        calendar: ClinicCalendar,
        session_id: int,
        request: BookingRequest,
        override: _Override,
        prescriber: PrescriberView | None,
        *,
        dry_run: bool,
        enforce_rules: bool,
    ) -> BookingOutcome:
        """One move inside ``uow`` (not committed): the move path ``_move`` and the
        re-plan's moves share; ``prescriber`` (parsed from ``request``) replaces the
        session's when given."""
        s = uow.session
        row = repo.session_by_id(s, session_id)
        patient = repo.patient_by_id(s, row.patient_id, lock=True)
        row = repo.session_by_id(s, session_id, lock=True)
        if row.status != "booked":
            raise SchedulingConflictError(
                ConflictKind.STATE,
                f"this session is {status_words(row.status)}; only booked sessions can be moved",
            )
        parsed = self._parse_request(
            s, calendar, request, override, prescriber, moving=(row, patient)
        )
        before = _audit_session(row)
        placed = self._place(
            uow,
            actor,
            parsed,
            calendar,
            existing=row,
            enforce_rules=enforce_rules,
            dry_run=dry_run,
        )
        if prescriber is not None:
            _set_prescriber(placed.row, prescriber)
        outcome = self._outcome(placed, calendar, saved=not dry_run, existing=True)
        if not dry_run:
            # The audit trail records what happened: a dry run, rolled back, writes none.
            self._audit_placement(s, actor, placed, "move", before)
        return outcome

    def check_move(
        self, actor: Actor, session_id: int, start: str | datetime, *, chair: str | None = None
    ) -> CheckResult:
        """A dry run of ``move`` that reports every problem instead of raising on the first."""
        authorize(self._ctx, actor, Permission.BOOK, "check_move")
        try:
            outcome = self._move(
                actor,
                session_id,
                BookingRequest("", "", start, chair=chair),
                NO_OVERRIDE,
                dry_run=True,
                enforce_rules=False,
            )
        except SchedulingConflictError as conflict:
            return CheckResult(None, (), (), conflict=conflict.message, conflict_kind=conflict.kind)
        return CheckResult(outcome.session, outcome.findings, outcome.labs)

    def propose_replan(
        self,
        actor: Actor,
        day: str | date,
        sick: tuple[str, ...] = (),
        late: dict[int, int] | None = None,
    ) -> ReplanProposal:
        """The day-of re-plan of ``day`` (services/day_replan.py), read only: with the nurses
        ``sick`` off the rota and the sessions in ``late`` (session id: minutes) running late,
        every session's new chair, start and nurse where they change, and the sessions that
        need a new day. A shift cut short is entered in the rota first."""
        authorize(self._ctx, actor, Permission.VIEW, "propose_replan")
        wanted = parse_date("day", day)
        names = tuple(
            dict.fromkeys(require_text("sick", name, max_length=200) for name in sick or ())
        )
        lateness = parse_late(late)
        with self._ctx.db.read() as uow:
            s = uow.session
            return propose_day(self._ctx, s, repo.load_calendar(s), wanted, names, lateness)

    def apply_replan(self, actor: Actor, proposal: ReplanProposal) -> ReplanProposal:
        """Apply ``proposal`` in one transaction: the sessions that need a new day cancelled
        (the cancel path; the result lists them for the desk to rebook), then every move
        through the booking move path, with every check and clinical rule (no override).

        Refused as a whole, nothing changed, when the day is not the one it was proposed on
        (the optimistic check: its sessions, statuses, rota or the clock have moved on), when
        a nurse the proposal takes off sick is still on the rota (taking her off is the
        manager's: StaffingService.remove_shift, which never refuses), or when any move is
        refused (a rule names its id; the message names the session). The nurses follow from
        the applied day (StaffingService.assignment computes them).
        """
        authorize(self._ctx, actor, Permission.BOOK, "apply_replan")
        late = parse_late(dict(proposal.late))
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            nurse_rota.lock_rota(s)
            calendar = repo.load_calendar(s)
            on_shift = {x.nurse for x in nurse_rota.day_rota(s, proposal.day).shifts}
            still = [name for name in proposal.sick if name in on_shift]
            if still:
                raise InvalidInputError(
                    "sick",
                    f"{', '.join(still)} still on the rota of {proposal.day:%Y-%m-%d}: a "
                    "manager takes the shift off first, then the re-plan is applied",
                )
            current = propose_day(
                self._ctx, s, calendar, proposal.day, proposal.sick, late, on_rota=False
            )
            if current.fingerprint != proposal.fingerprint:
                raise SchedulingConflictError(
                    ConflictKind.STATE,
                    f"{proposal.day:%Y-%m-%d} has changed since the re-plan was proposed "
                    "(a booking, a status or the rota): propose it again",
                )
            if current.move_plan != proposal.move_plan:
                raise SchedulingConflictError(
                    ConflictKind.STATE,
                    "the re-plan no longer holds (time has passed a proposed start): "
                    "propose it again",
                )
            for lost in current.new_day:
                # Its place is given to others: cancelled here, listed for the desk to rebook.
                self._change_status_in(
                    uow,
                    actor,
                    lost.session_id,
                    "cancelled",
                    f"re-plan of {current.day:%Y-%m-%d}: needs a new day",
                )
            self._apply_moves(uow, actor, calendar, current.moves)
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="replan",
                entity="day",
                entity_id=None,
                patient_id=None,
                after={
                    "day": current.day.isoformat(),
                    "sick": list(current.sick),
                    "late": {str(sid): minutes for sid, minutes in current.late},
                    "moved": [c.session_id for c in current.moves],
                    "new_day": [c.session_id for c in current.new_day],
                },
            )
            uow.commit()
        return current

    def _apply_moves(
        self,
        uow: UnitOfWork,
        actor: Actor,
        calendar: ClinicCalendar,
        moves: Sequence[ReplanChange],
    ) -> None:
        """Every move of a re-plan, latest first (a chain pushed along a chair frees its
        places back to front); a move whose place another move still holds waits for the
        next round; a round that moves nothing refuses the lot."""
        pending = sorted(moves, key=lambda c: (c.to_start, c.session_id), reverse=True)
        while pending:
            waiting: list[ReplanChange] = []
            blocked: SchedulingConflictError | None = None
            for change in pending:
                assert change.to_start is not None
                try:
                    self._move_in(
                        uow,
                        actor,
                        calendar,
                        change.session_id,
                        BookingRequest("", "", change.to_start, chair=change.to_chair),
                        NO_OVERRIDE,
                        None,
                        dry_run=False,
                        enforce_rules=True,
                    )
                except SchedulingConflictError as conflict:
                    # Raised by the checks before anything of this move is written.
                    if conflict.kind not in REPLAN_RETRY:
                        _prefix_error(conflict, f"session {change.session_id}")
                        raise
                    waiting.append(change)
                    blocked = blocked or conflict
                except (RuleRefusalError, InvalidInputError) as error:
                    _prefix_error(error, f"session {change.session_id}")
                    raise
            if blocked is not None and len(waiting) == len(pending):
                _prefix_error(blocked, f"session {waiting[0].session_id}")
                raise blocked
            pending = waiting

    def cancel(self, actor: Actor, session_id: int, reason: str = "") -> BookingOutcome:
        """Cancel a session; labs no other session needs are cancelled with it."""
        authorize(self._ctx, actor, Permission.BOOK, "cancel")
        text = require_text("reason", reason, max_length=MAX_REASON, allow_empty=True)
        return self._change_status(actor, session_id, "cancelled", text)

    def set_status(
        self,
        actor: Actor,
        session_id: int,
        status: str,
        reason: str = "",
        *,
        override_reason: str | None = None,
        consulted: str | None = None,
    ) -> BookingOutcome:
        """Arrived, in chair, completed, no-show, cancelled: audited, labs kept in step.

        Arrived and in-chair pass the check-in gate (services/check_in.py): the rules are
        re-run with the results on file; a nurse's ``override_reason`` covers its BLOCKs and
        names the prescriber ``consulted``, as every override does.
        """
        if status == "cancelled":
            return self.cancel(actor, session_id, reason)
        authorize(self._ctx, actor, Permission.SET_STATUS, "set_status")
        if status not in STATUS_FLOW:
            raise InvalidInputError("status", f"{status!r} is not a session status")
        text = require_text("reason", reason, max_length=MAX_REASON, allow_empty=True)
        override = self._override(actor, override_reason, consulted)
        return self._change_status(
            actor, session_id, status, text, override.reason, override.consulted
        )

    def next_statuses(self, session: SessionView) -> tuple[str, ...]:
        """The statuses ``session`` may take now (what a menu of status changes offers).

        The session's times are in the clinic's zone, so its day and today are compared
        there. Whether the user's role may make the change is a separate question.
        """
        today = self._ctx.clock().astimezone(session.start.tzinfo).date()
        return next_statuses(session.status, day=session.start.date(), today=today)

    def find_slots(
        self,
        actor: Actor,
        mrn: str,
        therapy_code: str,
        after: str | date | datetime,
        *,
        count: int = 10,
        chair: str | None = None,
        horizon_days: int = 120,
        exclude_session: int | None = None,
        include_overridable: bool = False,
    ) -> list[SlotView]:
        """The earliest free (chair, start) options that pass every rule, in time order; the
        one that keeps its day's nurse load flattest is marked ``recommended`` with its
        reason (issue 14's level-loaded suggestion; ties go to the earliest).

        With a stored weekly template, an option on a template start of the therapy's kind
        that still has room that day carries ``template`` in words, and the earliest such
        option on the earliest offered day is the one recommended instead.

        Options with a HARD finding are never offered; options with a BLOCK finding only
        with ``include_overridable`` (a nurse looking for a slot to book with an override).
        """
        authorize(self._ctx, actor, Permission.VIEW, "find_slots")
        if not 1 <= count <= 200:
            raise InvalidInputError("count", "must be between 1 and 200")
        therapy = require_therapy(self._ctx.catalog, therapy_code, bookable=True)
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            earliest = self._earliest(after, calendar)
            patient = repo.patient_by_mrn(s, require_mrn(mrn))
            params = self._rules.params(s)
            # Every candidate lies on or after ``earliest``: the rules see no further back.
            first_day = calendar.local_day(earliest)
            if exclude_session is not None:
                # The moved session's old place stays inside the window, so it is never
                # taken for "the last dose before the window" of its drug.
                moved = repo.session_by_id(s, exclude_session).start_utc
                first_day = min(first_day, calendar.local_day(moved))
            since = first_day - self._rules.reach(params)
            state = PatientState.load(s, patient, calendar, self._ctx.catalog, since=since)
            chairs = [repo.chair_by_name(s, chair)] if chair else repo.chairs(s)
            if not chairs:
                raise InvalidInputError("chair", "the clinic has no chairs yet")
            timeline = state.timeline(without=exclude_session)
            assert therapy.chair_minutes is not None
            length = timedelta(minutes=therapy.chair_minutes)
            # The rules read the time of day only against the patient's timed doses close to
            # it (D9g); on a day with none near, one evaluation stands for every start.
            time_bound = timedelta(minutes=params.d9g.gap_minutes) + length
            reach = 2 + time_bound.days
            near_timed: dict[date, list[Dose]] = {}
            for d in timeline.doses:
                if d.start is not None:
                    for k in range(-reach, reach + 1):
                        near_timed.setdefault(d.day + timedelta(days=k), []).append(d)
            gap = timedelta(minutes=params.d9g.gap_minutes)
            cache: dict[object, Evaluation] = {}

            def key(day: date, start: datetime) -> object:
                if day not in near_timed:
                    return day
                return (day, start_key(start, start + length, near_timed[day], gap))

            def evaluate_at(day: date, start: datetime) -> Evaluation:
                cache_key = key(day, start)
                if cache_key not in cache:
                    proposal = ProposedSession(
                        therapy=therapy.code,
                        start=calendar.local(start),
                        end=calendar.local(start + length),
                        day=day,
                        session_id=exclude_session,
                    )
                    cache[cache_key] = self._rules.evaluate(proposal, timeline, params)
                return cache[cache_key]

            def evaluate(option: SlotOption) -> Evaluation:
                return evaluate_at(calendar.local_day(option.start), option.start)

            def allowed(evaluation: Evaluation) -> bool:
                worst = evaluation.worst
                if worst is Severity.HARD:
                    return False
                return include_overridable or worst is not Severity.BLOCK

            def accept_day(day: date) -> bool:
                opening = calendar.open_interval(day)
                if opening is None:
                    return False
                # Only a day-wide verdict can reject the day before its chairs are read.
                return key(day, opening[0]) != day or allowed(evaluate_at(day, opening[0]))

            # The nurse invariant, per day counted once: a start the booking would refuse
            # for want of a nurse is never offered (a day without a rota offers every start).
            nurse_days: dict[date, DayCapacity] = {}

            def nurse_free(start: datetime) -> bool:
                day = calendar.local_day(start)
                if day not in nurse_days:
                    rota = nurse_rota.day_rota(s, day)
                    tasks = (
                        nurse_rota.day_tasks(
                            s, calendar, self._ctx.catalog, day, exclude=exclude_session
                        )
                        if rota.configured
                        else []
                    )
                    nurse_days[day] = DayCapacity(rota, tasks)
                capacity = nurse_days[day]
                if not capacity.rota.configured:
                    return True
                task = nurse_rota.task_of(calendar, therapy, day, start, start + length)
                return task is None or capacity.shortfall(task) is None

            # The rules' verdict depends on the start, never on the chair: it is asked once
            # per start, before the day's chairs are read (a refused day reads no diary).
            def accept_start(start: datetime) -> bool:
                return allowed(evaluate_at(calendar.local_day(start), start)) and nurse_free(start)

            # The diary is read a week at a time, only as far as the search gets.
            week: dict[date, list[ChairSchedule]] = {}

            def schedules_on(day: date) -> list[ChairSchedule]:
                if day not in week:
                    first = calendar.day_start(day)
                    last = calendar.day_start(day + timedelta(days=7))
                    busy = repo.busy_by_chair(s, first, last, exclude_session=exclude_session)
                    loaded = [
                        ChairSchedule(c.id, c.name, tuple(busy.get(c.id, ()))) for c in chairs
                    ]
                    week.update({day + timedelta(days=k): loaded for k in range(7)})
                return week[day]

            options = find_free_slots(
                calendar,
                length,
                earliest,
                schedules_on,
                state.busy(without_session=exclude_session),
                count=count,
                horizon_days=horizon_days,
                accept_day=accept_day,
                accept_start=accept_start,
            )
            marks = template_marks(
                s, calendar, self._ctx.catalog, therapy, options, exclude_session=exclude_session
            )
            # A template start on the earliest offered day wins; else the level-loaded choice.
            best = marks.recommended or (
                recommend_option(
                    s,
                    calendar,
                    self._ctx.catalog,
                    therapy,
                    options,
                    schedules_on,
                    exclude_session=exclude_session,
                )
            )
            return [
                SlotView(
                    o.chair_id,
                    o.chair_name,
                    calendar.local(o.start),
                    calendar.local(o.end),
                    tuple(FindingView.of(f) for f in evaluate(o).findings),
                    best.reason if best is not None and best.index == i else None,
                    marks.labels.get(i),
                )
                for i, o in enumerate(options)
            ]

    def book_series(
        self,
        actor: Actor,
        request: BookingRequest,
        *,
        count: int,
        every: relativedelta,
        dry_run: bool = False,
        skip_closed: bool = False,
    ) -> list[BookingOutcome]:
        """Book ``count`` doses, ``every`` apart, as one course: all of them or none.

        Each occurrence is its own session row, validated on its own against the timeline
        that holds the earlier occurrences; the error names the occurrence that failed.
        ``skip_closed``: a dose that falls on a day the clinic is closed (a weekend, a bank
        holiday) moves to the next open day at the same wall-clock time, and its outcome's
        ``moved_from`` names the day it left (a dry run shows them before saving); without
        it such a dose is refused. The next doses still count from the first dose's date.
        """
        authorize(self._ctx, actor, Permission.BOOK, "book_series")
        require_series_count(count)
        require_interval("every", every)
        override = self._override(actor, request.override_reason, request.consulted)
        prescriber = _request_prescriber(request)
        outcomes: list[BookingOutcome] = []
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            parsed = self._parse_request(s, calendar, request, override, prescriber)
            parsed = replace(parsed, course_id=parsed.course_id or uuid.uuid4().hex[:12])
            first = parsed.start
            local_first = calendar.local(first).replace(tzinfo=None)
            local_times = [local_first + every * index for index in range(count)]
            for index, local_when in enumerate(local_times):
                beyond = outside_calendar(local_when.date())
                if beyond:
                    raise InvalidInputError("every", f"dose {index + 1} of {count}: {beyond}")
            moved_from: list[date | None] = [None] * count
            if skip_closed:
                for index, local_when in enumerate(local_times):
                    open_day = calendar.next_open_day(local_when.date())
                    if open_day is None:
                        raise InvalidInputError(
                            "start",
                            f"dose {index + 1} of {count}: the clinic opens on no day in the "
                            f"year after {local_when.date().isoformat()}",
                        )
                    if open_day != local_when.date():
                        moved_from[index] = local_when.date()
                        local_times[index] = datetime.combine(open_day, local_when.time())
            placed_rows: list[_Placed] = []
            for index, wall in enumerate(local_times):
                # Each dose at the first dose's wall-clock time; a time repeated in autumn
                # keeps the first dose's occurrence, a time skipped in spring is refused.
                when = wall
                try:
                    when = calendar.localize(wall.replace(fold=first.fold))
                    placed = self._place(
                        uow,
                        actor,
                        replace(parsed, start=when),
                        calendar,
                        existing=None,
                        enforce_rules=True,
                    )
                    _set_prescriber(placed.row, prescriber)
                except CalendarError as error:
                    raise InvalidInputError(
                        "start", f"dose {index + 1} of {count}: {error}"
                    ) from None
                except (SchedulingConflictError, RuleRefusalError, InvalidInputError) as error:
                    _prefix_error(error, f"dose {index + 1} of {count} on {when:%Y-%m-%d %H:%M}")
                    raise
                placed_rows.append(placed)
            for placed, moved in zip(placed_rows, moved_from, strict=True):
                outcome = self._outcome(placed, calendar, saved=not dry_run)
                outcomes.append(replace(outcome, moved_from=moved))
            if not dry_run:
                for placed in placed_rows:
                    self._audit_placement(s, actor, placed, "book", None)
                uow.commit()
        return outcomes

    # ----------------------------------------------------------------- shared booking path

    def _book(
        self,
        actor: Actor,
        request: BookingRequest,
        *,
        commit: bool,
        enforce_rules: bool,
        persist: bool = False,
    ) -> BookingOutcome:
        """Book (``commit``) or dry-run one session. A dry run writes nothing only the
        stored result would read (findings, audit); ``persist`` writes it all the same and
        rolls back (the benchmark's capture of a booking's statements)."""
        # A check reports the findings as they stand: an override typed in the request is
        # neither checked nor applied until the booking itself.
        override = (
            self._override(actor, request.override_reason, request.consulted)
            if enforce_rules
            else NO_OVERRIDE
        )
        prescriber = _request_prescriber(request)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            parsed = self._parse_request(s, calendar, request, override, prescriber)
            placed = self._place(
                uow,
                actor,
                parsed,
                calendar,
                existing=None,
                enforce_rules=enforce_rules,
                dry_run=not (commit or persist),
            )
            _set_prescriber(placed.row, prescriber)
            outcome = self._outcome(placed, calendar, saved=commit)
            if commit or persist:
                self._audit_placement(s, actor, placed, "book", None)
                uow.flush()
            if commit:
                uow.commit()
            return outcome

    def _parse_request(
        self,
        s: Session,
        calendar: ClinicCalendar,
        request: BookingRequest,
        override: _Override,
        prescriber: PrescriberView | None,
        *,
        moving: tuple[SessionRow, PatientRow] | None = None,
    ) -> ParsedRequest:
        """``request`` checked field by field, in the order its errors are reported: start,
        therapy, patient (locked), chair, regimen, course.

        ``moving``: the booked session a move places anew, with its (locked) patient; the
        therapy, course and regimen are its own, only the start and chair are the request's.
        """
        start = parse_local_datetime("start", request.start, calendar)
        if moving is None:
            therapy = require_therapy(self._ctx.catalog, request.therapy, bookable=True)
            patient = repo.patient_by_mrn(s, require_mrn(request.mrn), lock=True)
        else:
            row, patient = moving
            therapy = require_therapy(self._ctx.catalog, row.therapy_code, bookable=True)
        # An empty chair name names no chair: any free one (a move prefers its own).
        chair = repo.chair_by_name(s, request.chair) if request.chair else None
        if moving is None:
            regimen = self._regimen(request.regimen, therapy)
            course_id = require_course_id(request.course_id)
        else:
            regimen, course_id = regimen_of(row.regimen), row.course_id
        return ParsedRequest(
            patient, start, therapy, chair, course_id, regimen, override, prescriber
        )

    def _override(self, actor: Actor, reason: str | None, consulted: str | None) -> _Override:
        """The override a request gives: a nurse's reason and the prescriber consulted."""
        text = self._override_reason(actor, reason)
        return _Override(text, self._consulted(text, consulted))

    def _place(
        self,
        uow: UnitOfWork,
        actor: Actor,
        request: ParsedRequest,
        calendar: ClinicCalendar,
        *,
        existing: SessionRow | None,
        enforce_rules: bool,
        dry_run: bool = False,
    ) -> _Placed:
        """Place one session (new, or ``existing`` moved): the steps of a booking, in order.

        Scheduling checks, the rules on the proposal, the session written (the database
        checks its invariants), its neighbours re-checked, the rules enforced (unless a dry
        run reports everything), the labs reconciled, the findings stored.

        ``dry_run``: rolled back, and nothing reads what it would store (not a dose of a
        series, which the next dose re-checks): the findings are reported as they would be
        stored, not stored.
        """
        s = uow.session
        plan = self._plan(s, request, calendar, existing)
        state = self._load_state(s, plan, calendar)
        chair = self._scheduling_checks(s, plan, state, calendar)
        timeline = state.timeline(without=plan.own_id)
        evaluation = self._rules.evaluate(plan.proposal(calendar), timeline, plan.params)
        row = self._write_session(uow, actor, plan, chair)
        findings, neighbour_changes, needs = self._with_neighbours(
            s, plan, state, row, evaluation, calendar, timeline
        )
        if enforce_rules:
            self._enforce(actor, findings, request.override.reason)
        labs = self._reconcile_labs(s, plan, state, row, needs, calendar, dry_run=dry_run)
        findings.extend(labs.findings.get(row.id, []))
        for sid, extra in labs.findings.items():
            if sid != row.id:
                neighbour_changes.setdefault(sid, []).extend(extra)
        if dry_run:
            views = planned_findings(
                plan.existing,
                findings,
                actor,
                self._override_applied(plan, findings),
                consulted=plan.request.override.consulted,
            )
            serving = _planned_serving(row, [*state.labs, *labs.created])
            return _Placed(row, findings, labs, neighbour_changes, views, serving)
        self._store_placement(s, actor, plan, state, row, findings, neighbour_changes)
        uow.flush()
        return _Placed(row, findings, labs, neighbour_changes)

    def _plan(
        self,
        s: Session,
        request: ParsedRequest,
        calendar: ClinicCalendar,
        existing: SessionRow | None,
    ) -> _Placement:
        """The placement's times, checked against the clock and the clinic's hours, and the
        rule parameters and re-check scope it works with."""
        now = self._ctx.clock()
        therapy = request.therapy
        assert therapy.chair_minutes is not None
        # A session lasts its chair minutes of real time: the sum is taken in UTC (adding
        # to a local time would add wall-clock time, two real hours across the autumn change).
        start = calendar.local(request.start)
        end = calendar.plus(start, timedelta(minutes=therapy.chair_minutes))
        if to_utc(start) < to_utc(now):
            raise InvalidInputError(
                "start", f"{calendar.local(start):%Y-%m-%d %H:%M} is in the past"
            )
        closed = calendar.closed_reason(start, end)
        if closed:
            raise SchedulingConflictError(ConflictKind.HOURS, closed)
        params = self._rules.params(s)
        scope_from = self._scope_start(
            s, request.patient, calendar, now, start, existing, request.course_id, params
        )
        return _Placement(request, existing, start, end, now, params, scope_from)

    def _load_state(self, s: Session, plan: _Placement, calendar: ClinicCalendar) -> PatientState:
        """The patient's part of the history the placement can see: the sessions from the
        scope on are re-checked, and each looks back one rule reach more."""
        return PatientState.load(
            s,
            plan.request.patient,
            calendar,
            self._ctx.catalog,
            since=plan.scope_from - self._rules.reach(plan.params),
            course_id=plan.request.course_id,
        )

    def _scheduling_checks(
        self, s: Session, plan: _Placement, state: PatientState, calendar: ClinicCalendar
    ) -> ChairRow:
        """The patient is free then; the chair the placement takes (named, or the first
        free one; a move prefers its own)."""
        self._check_patient_free(s, state, plan.start, plan.end, plan.own_id, calendar)
        named = plan.request.chair
        preferred = named or (plan.existing.chair if plan.existing is not None else None)
        chair = self._choose_chair(
            s, preferred, plan.start, plan.end, plan.own_id, calendar, named is not None
        )
        self._check_nurses(s, calendar, plan.request.therapy, plan.start, plan.end, plan.own_id)
        return chair

    def _write_session(
        self, uow: UnitOfWork, actor: Actor, plan: _Placement, chair: ChairRow
    ) -> SessionRow:
        """Write the session first, so the database checks its invariants and it has an id."""
        request, now = plan.request, plan.now
        if plan.existing is None:
            row = SessionRow(
                patient_id=request.patient.id,
                chair_id=chair.id,
                therapy_code=request.therapy.code,
                start_utc=plan.start,
                end_utc=plan.end,
                status="booked",
                course_id=request.course_id,
                regimen=request.regimen.value if request.regimen else None,
                status_reason="",
                created_by=actor.username,
                created_at=now,
                updated_at=now,
            )
            row.patient = request.patient
            row.chair = chair
            row.findings = []  # a new session has none: never read them back
            uow.session.add(row)
        else:
            row = plan.existing
            row.start_utc, row.end_utc = plan.start, plan.end
            row.chair_id = chair.id
            row.chair = chair
            row.updated_at = now
        uow.flush()
        return row

    def _with_neighbours(
        self,
        s: Session,
        plan: _Placement,
        state: PatientState,
        row: SessionRow,
        evaluation: Evaluation,
        calendar: ClinicCalendar,
        timeline: PatientTimeline,
    ) -> tuple[list[Finding], dict[int, list[Finding]], list[LabNeed]]:
        """The booking's findings with the refusals it newly causes on its neighbours, the
        neighbours' new finding lists, and every lab need (the neighbours' and its own).
        ``timeline``: the patient's timeline without the placed session (the proposal's)."""
        findings = list(evaluation.findings)
        neighbour_changes, neighbour_refusals, needs = self._recheck_neighbours(
            s, state, row, calendar, plan.params, plan.now, plan.scope_from, timeline
        )
        # The booking's own findings already speak of the sessions they relate to; the
        # mirror finding on that neighbour (E3 there for an E7 here) is not reported twice.
        related = {f.related_session_id for f in findings if f.related_session_id is not None}
        own_rules = {f.rule for f in findings}
        findings.extend(
            f
            for f in neighbour_refusals
            if f.related_session_id not in related and f.rule not in own_rules
        )
        needs.extend(LabNeed(row.id, req) for req in evaluation.labs)
        return findings, neighbour_changes, needs

    def _reconcile_labs(
        self,
        s: Session,
        plan: _Placement,
        state: PatientState,
        row: SessionRow,
        needs: list[LabNeed],
        calendar: ClinicCalendar,
        *,
        dry_run: bool,
    ) -> LabChanges:
        """Plan and write the patient's draws for every need in the re-check scope (a dry
        run plans them on the rows in memory and writes nothing)."""
        station = repo.lab_station(s, lock=True)
        state.sessions = [x for x in state.sessions if x.id != row.id] + [row]
        turnaround = plan.params.r4.turnaround_working_days
        in_scope = self._in_scope(state, calendar, plan.scope_from)
        scope = frozenset(x.id for x in in_scope) | {row.id}
        return LabReconciler(
            s,
            state,
            station,
            calendar,
            plan.now,
            turnaround_working_days=turnaround,
            scope=scope,
            dry_run=dry_run,
        ).reconcile(needs)

    @staticmethod
    def _override_applied(plan: _Placement, findings: Sequence[Finding]) -> str | None:
        """The override reason given, when the booking has a BLOCK for it to cover."""
        reason = plan.request.override.reason
        if reason and any(f.severity is Severity.BLOCK for f in findings):
            return reason
        return None

    def _store_placement(
        self,
        s: Session,
        actor: Actor,
        plan: _Placement,
        state: PatientState,
        row: SessionRow,
        findings: list[Finding],
        neighbour_changes: dict[int, list[Finding]],
    ) -> None:
        """Store the session's findings and its neighbours' changed ones; an override given
        covers them when the booking has a BLOCK."""
        override = self._override_applied(plan, findings)
        now, consulted = plan.now, plan.request.override.consulted
        by_id = {x.id: x for x in state.sessions}
        # The session's own findings first, then its neighbours' changed ones: one flush
        # removes the old rows and one statement group writes the new rows and the trail.
        store_changed_findings_many(
            s,
            [
                (by_id[sid], changed)
                for sid, changed in neighbour_changes.items()
                if sid != row.id and sid in by_id
            ],
            actor,
            override,
            now,
            consulted=consulted,
            first=(row, findings),
        )

    def _recheck_neighbours(
        self,
        s: Session,
        state: PatientState,
        row: SessionRow,
        calendar: ClinicCalendar,
        params: RuleParameters,
        now: datetime,
        scope_from: date,
        timeline: PatientTimeline,
    ) -> tuple[dict[int, list[Finding]], list[Finding], list[LabNeed]]:
        """Re-evaluate the patient's other sessions from ``scope_from`` on with this one in
        their timeline (earlier ones are past and beyond the rules' reach: their findings
        are history and their lab needs cannot change).

        Returns the new finding lists of sessions from today on, the BLOCK/HARD findings this
        booking newly causes on them (reported on this booking, so the override covers
        them), and every session's lab needs.
        """
        changes, needs = evaluate_sessions(
            (other for other in self._in_scope(state, calendar, scope_from) if other.id != row.id),
            # The proposal's timeline (already without this session) with it placed: what
            # state.timeline(extra=..., without=row.id) builds, without building it again.
            timeline.with_dose(session_dose(row, calendar)),
            self._rules,
            params,
            calendar,
            calendar.local_day(now),
        )
        by_id = {other.id: other for other in state.sessions}
        caused: list[Finding] = []
        for sid, after in changes.items():
            other = by_id[sid]
            before = {finding_key(f.to_finding()) for f in _stored(other)}
            day = calendar.local_day(other.start_utc)
            for finding in after:
                if finding_key(finding) in before:
                    continue
                if finding.severity in (Severity.HARD, Severity.BLOCK):
                    caused.append(
                        Finding(
                            rule=finding.rule,
                            severity=finding.severity,
                            message=(
                                f"{therapy_name(self._ctx.catalog, other.therapy_code)} on "
                                f"{day:%Y-%m-%d} (session {other.id}): {finding.message}"
                            ),
                            evidence=finding.evidence,
                            related_session_id=other.id,
                        )
                    )
        return changes, unique_findings(caused), needs

    def _scope_start(
        self,
        s: Session,
        patient: PatientRow,
        calendar: ClinicCalendar,
        now: datetime,
        start: datetime,
        existing: SessionRow | None,
        course_id: str | None,
        params: RuleParameters,
    ) -> date:
        """The first day whose sessions a placement can change: one rule reach before the
        earliest of today, the new day, the old day (a move) and the course's first dose."""
        days = [calendar.local_day(now), calendar.local_day(start)]
        if existing is not None:
            days.append(calendar.local_day(existing.start_utc))
        if course_id is not None:
            first = repo.course_start(s, patient.id, course_id)
            if first is not None:
                days.append(calendar.local_day(first))
        return min(days) - self._rules.reach(params)

    @staticmethod
    def _in_scope(
        state: PatientState, calendar: ClinicCalendar, scope_from: date
    ) -> list[SessionRow]:
        """The loaded sessions from ``scope_from`` on (the ones a placement re-checks)."""
        return [x for x in state.sessions if calendar.local_day(x.start_utc) >= scope_from]

    # ----------------------------------------------------------------- checks

    def _check_patient_free(
        self,
        s: Session,
        state: PatientState,
        start: datetime,
        end: datetime,
        own_id: int | None,
        calendar: ClinicCalendar,
    ) -> None:
        for other in state.sessions:
            if other.id != own_id and overlaps(start, end, other.start_utc, other.end_utc):
                raise SchedulingConflictError(
                    ConflictKind.PATIENT,
                    f"{state.patient.name} already has "
                    f"{therapy_name(self._ctx.catalog, other.therapy_code)} in {other.chair.name} "
                    f"at {calendar.local(other.start_utc):%H:%M}-"
                    f"{calendar.local(other.end_utc):%H:%M} that day",
                )
        own_labs = {
            lab.id
            for lab in state.labs
            if own_id is not None and {link.session_id for link in lab.links} == {own_id}
        }
        for lab in state.labs:
            if lab.id not in own_labs and overlaps(start, end, lab.start_utc, lab.end_utc):
                raise SchedulingConflictError(
                    ConflictKind.PATIENT,
                    f"{state.patient.name} has a lab draw at "
                    f"{calendar.local(lab.start_utc):%H:%M} that day",
                )

    def _choose_chair(
        self,
        s: Session,
        chair_row: ChairRow | None,
        start: datetime,
        end: datetime,
        own_id: int | None,
        calendar: ClinicCalendar,
        keep_chair: bool,
    ) -> ChairRow:
        busy = repo.busy_by_chair(s, start, end, exclude_session=own_id)
        if chair_row is not None and (keep_chair or chair_row.id not in busy):
            if chair_row.id in busy:
                taken_start, taken_end = busy[chair_row.id][0]
                raise SchedulingConflictError(
                    ConflictKind.CHAIR,
                    f"{chair_row.name} is taken {calendar.local(taken_start):%H:%M}-"
                    f"{calendar.local(taken_end):%H:%M} on {calendar.local(start):%Y-%m-%d}",
                )
            return chair_row
        for candidate in repo.chairs(s):
            if candidate.id not in busy:
                return candidate
        raise SchedulingConflictError(
            ConflictKind.CHAIR,
            f"every chair is taken at {calendar.local(start):%Y-%m-%d %H:%M}; "
            "ask for the next free slots",
        )

    def _check_nurses(
        self,
        s: Session,
        calendar: ClinicCalendar,
        therapy: Therapy,
        start: datetime,
        end: datetime,
        own_id: int | None,
    ) -> None:
        """The nurse invariant (issue 14) with this session in the day: at every minute,
        set-ups and take-downs in progress + ceil(patients monitored / ratio) <= nurses on
        duty. Holds the rota lock first, so two desks racing for the last free nurse minute
        are serialised and the second sees the first's session (same transaction as the
        chair check). A day without a rota is not nurse-checked: a clinic that has not
        entered its nurses books as before (staffing.no_rota_note says so with the load).
        """
        nurse_rota.lock_rota(s)
        day = calendar.local_day(start)
        rota = nurse_rota.day_rota(s, day)
        if not rota.configured:
            return
        new = nurse_rota.task_of(calendar, therapy, day, start, end)
        if new is None:
            return
        capacity = DayCapacity(
            rota, nurse_rota.day_tasks(s, calendar, self._ctx.catalog, day, exclude=own_id)
        )
        shortfall = capacity.shortfall(new)
        if shortfall is None:
            return
        opening = calendar.open_interval(day)
        latest = (
            nurse_rota.local_minutes(calendar, day, opening[1]) - (new.end - new.start)
            if opening is not None
            else max(shift.end for shift in rota.shifts) - (new.end - new.start)
        )
        following = capacity.next_free_start(new, step=NURSE_NEXT_FREE_STEP, latest_start=latest)
        raise SchedulingConflictError(
            ConflictKind.NURSE,
            f"{shortfall_message(shortfall, new.start, following)} ({day:%Y-%m-%d})",
        )

    def _enforce(self, actor: Actor, findings: Sequence[Finding], reason: str | None) -> None:
        hard = [f for f in findings if f.severity is Severity.HARD]
        if hard:
            rules = ", ".join(dict.fromkeys(f.rule for f in hard))
            raise RuleRefusalError(
                f"a HARD rule never allows this booking ({rules})", findings, overridable=False
            )
        blocks = [f for f in findings if f.severity is Severity.BLOCK]
        if blocks and not reason:
            rules = ", ".join(dict.fromkeys(f.rule for f in blocks))
            raise RuleRefusalError(
                f"needs a clinical override by a nurse ({rules})", findings, overridable=True
            )

    def _override_reason(self, actor: Actor, reason: str | None) -> str | None:
        text = require_text("override", reason, max_length=MAX_REASON, allow_empty=True)
        if not text:
            return None
        # Not permitted (exit 5), not a clinical refusal: the role decides, whatever the rules.
        authorize(self._ctx, actor, Permission.OVERRIDE, "override")
        return text

    def _consulted(self, reason: str | None, consulted: str | None) -> str | None:
        """The prescriber consulted, required with every new override and only with one."""
        if reason is None:
            if require_line("consulted", consulted):
                raise InvalidInputError(
                    "consulted", "is recorded with an override: give the override reason too"
                )
            return None
        return require_consulted(consulted)

    def _regimen(self, value: str | None, therapy: Therapy) -> Regimen | None:
        if not value:
            return None
        try:
            regimen = Regimen(value.strip().lower())
        except ValueError:
            allowed = ", ".join(r.value for r in Regimen)
            raise InvalidInputError("regimen", f"{value!r} is not one of {allowed}") from None
        if therapy.code != "zoledronic-acid":
            raise InvalidInputError("regimen", "a regimen applies to zoledronic acid only")
        return regimen

    def _earliest(self, after: str | date | datetime, calendar: ClinicCalendar) -> datetime:
        now = self._ctx.clock()
        if isinstance(after, datetime):
            moment = parse_local_datetime("after", after, calendar)
        else:
            moment = calendar.day_start(parse_date("after", after))
        return max(moment, now)

    # ----------------------------------------------------------------- writing

    def _audit_placement(
        self,
        s: Session,
        actor: Actor,
        placed: _Placed,
        action: str,
        before: dict[str, Any] | None,
    ) -> None:
        now = self._ctx.clock()
        row = placed.row
        after = _audit_session(row)
        after["findings"] = [
            {"rule": f.rule, "severity": f.severity.value, "message": f.message}
            for f in placed.findings
        ]
        entries = [
            repo.AuditEntry(
                now, actor.username, action, "session", row.id, row.patient_id, before, after
            )
        ]
        labs = placed.labs
        for verb, rows in (
            ("create", labs.created),
            ("move", labs.moved),
            ("extend", labs.extended),
            ("cancel", labs.cancelled),
        ):
            entries.extend(
                repo.AuditEntry(
                    now,
                    actor.username,
                    f"lab-{verb}",
                    "lab_appointment",
                    lab.id,
                    lab.patient_id,
                    after=_audit_lab(lab),
                )
                for lab in rows
            )
        repo.audit_many(s, entries)

    def _outcome(
        self, placed: _Placed, calendar: ClinicCalendar, *, saved: bool, existing: bool = False
    ) -> BookingOutcome:
        view = session_view(placed.row, calendar, self._ctx.catalog)
        if placed.views is not None:
            view = replace(view, findings=placed.views)
        created = {lab.id for lab in placed.labs.created}
        if placed.serving is None:
            serving = self._labs_serving(placed.row, calendar)
        else:
            serving = tuple(lab_view(lab, calendar) for lab in placed.serving)
        labs = tuple(
            lab if saved or lab.id not in created else replace(lab, id=None) for lab in serving
        )
        return BookingOutcome(
            session=view if saved or existing else replace(view, id=None),
            findings=view.findings,
            labs=labs,
            cancelled_labs=tuple(lab_view(x, calendar) for x in placed.labs.cancelled),
            saved=saved,
        )

    def _labs_serving(self, row: SessionRow, calendar: ClinicCalendar) -> tuple[LabView, ...]:
        session = Session.object_session(row)
        assert session is not None
        return tuple(lab_view(lab, calendar) for lab in repo.labs_of_session(session, row.id))

    def _change_status(
        self,
        actor: Actor,
        session_id: int,
        status: str,
        reason: str,
        override_reason: str | None = None,
        consulted: str | None = None,
    ) -> BookingOutcome:
        with self._ctx.db.write(actor.username) as uow:
            outcome = self._change_status_in(
                uow, actor, session_id, status, reason, override_reason, consulted
            )
            uow.commit()
            return outcome

    def _change_status_in(
        self,
        uow: UnitOfWork,
        actor: Actor,
        session_id: int,
        status: str,
        reason: str,
        override_reason: str | None = None,
        consulted: str | None = None,
    ) -> BookingOutcome:
        """One status change inside ``uow`` (not committed): ``_change_status`` and the
        re-plan's cancellations share it."""
        s = uow.session
        calendar = repo.load_calendar(s)
        row = repo.session_by_id(s, session_id)
        patient = repo.patient_by_id(s, row.patient_id, lock=True)
        row = repo.session_by_id(s, session_id, lock=True)
        now = self._ctx.clock()
        refusal = status_refusal(
            row.status,
            status,
            day=calendar.local_day(row.start_utc),
            today=calendar.local_day(now),
        )
        if refusal is not None:
            raise InvalidInputError("status", refusal)
        gate = CheckInGate(self._ctx, self._rules)
        gate.enforce(s, actor, patient, row, status, calendar, now, override_reason, consulted)
        if row.status in INACTIVE_STATUSES and status not in INACTIVE_STATUSES:
            # A no-show set back to booked takes its chair and nurse time again.
            therapy = self._ctx.catalog.get(row.therapy_code)
            self._check_nurses(s, calendar, therapy, row.start_utc, row.end_utc, row.id)
        before = _audit_session(row)
        row.status = status
        row.status_reason = reason
        row.updated_at = now
        uow.flush()
        labs = recheck_patient(s, self._ctx, self._rules, actor, patient, calendar, now)
        placed = _Placed(row, [f.to_finding() for f in _stored(row)], labs, {})
        self._audit_placement(
            s, actor, placed, "cancel" if status == "cancelled" else f"status-{status}", before
        )
        uow.flush()
        return self._outcome(placed, calendar, saved=True)


def _request_prescriber(request: BookingRequest) -> PrescriberView | None:
    return prescriber_from(
        request.prescriber, request.prescriber_practice, request.prescriber_contact
    )


def _planned_serving(row: SessionRow, labs: Iterable[LabAppointmentRow]) -> list[LabAppointmentRow]:
    """What labs_of_session reads once a lab plan is written, from the rows in memory: the
    active draws (kept, moved, extended and new) linked to the session, by start."""
    return sorted(
        (
            lab
            for lab in labs
            if lab.status not in INACTIVE_STATUSES
            and any(link.session_id == row.id for link in lab.links)
        ),
        key=lambda lab: lab.start_utc,
    )


def _stored(row: SessionRow) -> list[FindingView]:
    return [finding_view(f) for f in row.findings]


def _prefix_error(error: Exception, prefix: str) -> None:
    error.args = (f"{prefix}: {error}",)
    if isinstance(error, SchedulingConflictError):
        error.message = f"{prefix}: {error.message}"
