"""The waitlist: patients waiting for an earlier slot, and offers of freed slots to them.

An offer is the first entry, in order of joining, for whom booking the freed slot (that chair,
that start) passes every scheduling invariant and every clinical rule: each candidate is run
through ``BookingService.check`` (the booking's own dry run, never a copy of the rules), and
only a result that would book without an override (``CheckResult.ok``) is offered. Entries
whose latest date has passed are shown as expired and never offered.

``take`` books an offer in one transaction: ``BookingService.book`` with the entry then marked
booked and linked to the session; a refusal changes nothing.

Roles: the front desk and nurses add, withdraw and book (``Permission.BOOK``); every role that
views the schedule lists entries (``Permission.VIEW``); offers are a dry run of a booking,
so they are for the roles that book.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select

from clinic_app.domain.errors import InvalidInputError, NotFoundError
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import PatientRow, SessionRow, WaitlistRow
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.booking import BookingRequest, BookingService
from clinic_app.services.context import ServiceContext
from clinic_app.services.results import BookingOutcome, FindingView
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.validation import (
    parse_date,
    parse_local_datetime,
    parse_time,
    require_mrn,
    require_text,
    require_therapy,
)

MAX_NOTE = 2000
# The statuses a session leaves its chair free with.
FREEING_STATUSES = ("cancelled", "no-show")


@dataclass(frozen=True, slots=True)
class WaitlistEntryView:
    """One waitlist entry as the desk sees it; ``status`` is "expired" for a waiting entry
    whose latest date is before today (clinic time)."""

    id: int
    mrn: str
    patient: str
    therapy: str
    earliest: date
    latest: date
    preferred_weekdays: tuple[int, ...]
    preferred_from: time | None
    preferred_until: time | None
    note: str
    status: str
    session_id: int | None
    created_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class WaitlistOffer:
    """A free slot offered to a waitlist entry: booking it passes every rule (no override)."""

    entry: WaitlistEntryView
    chair: str
    start: datetime
    end: datetime
    findings: tuple[FindingView, ...]


def _weekdays(text: str) -> tuple[int, ...]:
    return tuple(int(c) for c in text)


def _require_weekdays(value: str | None) -> str:
    """Weekdays as digits 0-6 (Monday = 0), e.g. "024"; commas and spaces ignored."""
    text = "".join(c for c in (value or "") if c not in ", ")
    if any(c not in "0123456" for c in text):
        raise InvalidInputError("weekdays", f"{value!r}: give weekdays as digits 0 (Mon) to 6")
    return "".join(sorted(set(text)))


def _audit(row: WaitlistRow) -> dict[str, Any]:
    return {
        "patient_id": row.patient_id,
        "therapy": row.therapy_code,
        "earliest": row.earliest_date.isoformat(),
        "latest": row.latest_date.isoformat(),
        "weekdays": row.preferred_weekdays,
        "from": row.preferred_from.isoformat() if row.preferred_from else None,
        "until": row.preferred_until.isoformat() if row.preferred_until else None,
        "status": row.status,
        "session_id": row.session_id,
    }


class WaitlistService:
    """Adds, withdraws and lists waitlist entries; offers freed slots; books an offer."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    # ----------------------------------------------------------------- entries

    def add(
        self,
        actor: Actor,
        mrn: str,
        therapy: str,
        earliest: str | date,
        latest: str | date,
        *,
        weekdays: str | None = None,
        preferred_from: str | time | None = None,
        preferred_until: str | time | None = None,
        note: str = "",
    ) -> WaitlistEntryView:
        """Put a patient on the waitlist for ``therapy`` between two dates (inclusive)."""
        authorize(self._ctx, actor, Permission.BOOK, "waitlist add")
        code = require_therapy(self._ctx.catalog, therapy, bookable=True).code
        first = parse_date("earliest", earliest)
        last = parse_date("latest", latest)
        if last < first:
            raise InvalidInputError("latest", "the latest date is before the earliest")
        days = _require_weekdays(weekdays)
        start = parse_time("from", preferred_from) if preferred_from else None
        until = parse_time("until", preferred_until) if preferred_until else None
        if start is not None and until is not None and until <= start:
            raise InvalidInputError("until", "the preferred times end before they start")
        text = require_text("note", note, max_length=MAX_NOTE, allow_empty=True, multiline=True)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            patient = repo.patient_by_mrn(s, require_mrn(mrn))
            now = self._ctx.clock()
            if last < repo.load_calendar(s).local_day(now):
                raise InvalidInputError("latest", "the latest date has passed")
            row = WaitlistRow(
                patient_id=patient.id,
                therapy_code=code,
                earliest_date=first,
                latest_date=last,
                preferred_weekdays=days,
                preferred_from=start,
                preferred_until=until,
                note=text,
                status="waiting",
                created_by=actor.username,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            uow.flush()
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="waitlist-add",
                entity="waitlist",
                entity_id=row.id,
                patient_id=patient.id,
                after=_audit(row),
            )
            view = self._view(row, patient, repo.load_calendar(s).local_day(now))
            uow.commit()
            return view

    def withdraw(self, actor: Actor, entry_id: int, reason: str = "") -> WaitlistEntryView:
        """Take a waiting entry off the waitlist (audited with the reason)."""
        authorize(self._ctx, actor, Permission.BOOK, "waitlist withdraw")
        text = require_text("reason", reason, max_length=MAX_NOTE, allow_empty=True)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = self._entry(s, entry_id, lock=True)
            if row.status not in ("waiting", "offered"):
                raise InvalidInputError("entry", f"entry {entry_id} is {row.status}, not waiting")
            now = self._ctx.clock()
            before = _audit(row)
            row.status = "withdrawn"
            row.updated_at = now
            uow.flush()
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="waitlist-withdraw",
                entity="waitlist",
                entity_id=row.id,
                patient_id=row.patient_id,
                before=before,
                after={**_audit(row), "reason": text},
            )
            view = self._view(row, row.patient, repo.load_calendar(s).local_day(now))
            uow.commit()
            return view

    def entries(self, actor: Actor, *, include_closed: bool = False) -> list[WaitlistEntryView]:
        """The waitlist in order of joining; waiting (and expired) entries only unless
        ``include_closed``."""
        authorize(self._ctx, actor, Permission.VIEW, "waitlist list")
        with self._ctx.db.read() as uow:
            s = uow.session
            today = repo.load_calendar(s).local_day(self._ctx.clock())
            stmt = select(WaitlistRow, PatientRow).join(PatientRow).order_by(WaitlistRow.id)
            if not include_closed:
                stmt = stmt.where(WaitlistRow.status.in_(("waiting", "offered")))
            return [self._view(row, patient, today) for row, patient in s.execute(stmt)]

    # ----------------------------------------------------------------- offers

    def offer_for_session(self, actor: Actor, session_id: int) -> WaitlistOffer | None:
        """The offer of the slot a cancelled or no-show session freed (None: nobody fits)."""
        authorize(self._ctx, actor, Permission.BOOK, "waitlist offers")
        with self._ctx.db.read() as uow:
            s = uow.session
            row: SessionRow = repo.session_by_id(s, session_id)
            if row.status not in FREEING_STATUSES:
                raise InvalidInputError(
                    "session", f"session {session_id} is {row.status}: its slot is not free"
                )
            calendar = repo.load_calendar(s)
            chair = row.chair.name
            start = calendar.local(row.start_utc)
        return self._first_fit(actor, chair, start)

    def offer_slot(self, actor: Actor, chair: str, start: str | datetime) -> WaitlistOffer | None:
        """The offer of any free slot (that chair, that local start) on demand."""
        authorize(self._ctx, actor, Permission.BOOK, "waitlist offers")
        with self._ctx.db.read() as uow:
            calendar = repo.load_calendar(uow.session)
            repo.chair_by_name(uow.session, chair)
        return self._first_fit(actor, chair, parse_local_datetime("start", start, calendar))

    def take(
        self,
        actor: Actor,
        entry_id: int,
        chair: str,
        start: str | datetime,
        *,
        prescriber: str | None = None,
    ) -> BookingOutcome:
        """Book an offer in one step: ``BookingService.book`` of the entry's therapy at that
        chair and start, and the entry marked booked and linked, in one transaction. Any
        refusal (a rule, a conflict, the entry no longer waiting) changes nothing."""
        authorize(self._ctx, actor, Permission.BOOK, "waitlist take")
        with self._ctx.db.one_transaction() as db:
            ctx = replace(self._ctx, db=db)
            with db.write(actor.username) as uow:
                s = uow.session
                row = self._entry(s, entry_id, lock=True)
                calendar = repo.load_calendar(s)
                today = calendar.local_day(ctx.clock())
                if row.status not in ("waiting", "offered") or row.latest_date < today:
                    status = "expired" if row.latest_date < today else row.status
                    raise InvalidInputError("entry", f"entry {entry_id} is {status}, not waiting")
                day = parse_local_datetime("start", start, calendar).date()
                if not row.earliest_date <= day <= row.latest_date:
                    raise InvalidInputError(
                        "start",
                        f"{day} is outside the entry's dates "
                        f"({row.earliest_date} to {row.latest_date})",
                    )
                request = BookingRequest(
                    mrn=row.patient.mrn,
                    therapy=row.therapy_code,
                    start=start,
                    chair=chair,
                    prescriber=prescriber,
                )
                uow.commit()
            outcome = BookingService(ctx, self._rules).book(actor, request)
            with db.write(actor.username) as uow:
                s = uow.session
                row = self._entry(s, entry_id, lock=True)
                before = _audit(row)
                now = ctx.clock()
                row.status = "booked"
                row.session_id = outcome.session.id
                row.updated_at = now
                uow.flush()
                repo.audit(
                    s,
                    at=now,
                    actor=actor.username,
                    action="waitlist-book",
                    entity="waitlist",
                    entity_id=row.id,
                    patient_id=row.patient_id,
                    before=before,
                    after=_audit(row),
                )
                uow.commit()
        return outcome

    # ----------------------------------------------------------------- helpers

    def _first_fit(self, actor: Actor, chair: str, start: datetime) -> WaitlistOffer | None:
        day = start.date()
        booking = BookingService(self._ctx, self._rules)
        for entry in self.entries(actor):
            if not self._wants(entry, day, start.time()):
                continue
            request = BookingRequest(entry.mrn, entry.therapy, start, chair=chair)
            result = booking.check(actor, request)
            if result.ok and result.session is not None:
                return WaitlistOffer(
                    entry, chair, result.session.start, result.session.end, result.findings
                )
        return None

    @staticmethod
    def _wants(entry: WaitlistEntryView, day: date, at: time) -> bool:
        """The entry is waiting and the slot is within its dates and preferences."""
        if entry.status not in ("waiting", "offered"):
            return False
        if not entry.earliest <= day <= entry.latest:
            return False
        if entry.preferred_weekdays and day.weekday() not in entry.preferred_weekdays:
            return False
        if entry.preferred_from is not None and at < entry.preferred_from:
            return False
        return entry.preferred_until is None or at < entry.preferred_until

    @staticmethod
    def _entry(s: Any, entry_id: int, *, lock: bool = False) -> WaitlistRow:
        if not repo.is_row_id(entry_id):
            raise NotFoundError("entry", f"no waitlist entry {entry_id}")
        stmt = select(WaitlistRow).where(WaitlistRow.id == entry_id)
        if lock and s.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row: WaitlistRow | None = s.scalars(stmt).one_or_none()
        if row is None:
            raise NotFoundError("entry", f"no waitlist entry {entry_id}")
        return row

    @staticmethod
    def _view(row: WaitlistRow, patient: PatientRow, today: date) -> WaitlistEntryView:
        status = row.status
        if status in ("waiting", "offered") and row.latest_date < today:
            status = "expired"
        return WaitlistEntryView(
            id=row.id,
            mrn=patient.mrn,
            patient=patient.name,
            therapy=row.therapy_code,
            earliest=row.earliest_date,
            latest=row.latest_date,
            preferred_weekdays=_weekdays(row.preferred_weekdays),
            preferred_from=row.preferred_from,
            preferred_until=row.preferred_until,
            note=row.note,
            status=status,
            session_id=row.session_id,
            created_by=row.created_by,
            created_at=row.created_at,
        )
