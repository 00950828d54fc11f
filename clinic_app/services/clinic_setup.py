"""Setting up the clinic and its records: clinic, chairs, closed dates, patients, exposures."""

from __future__ import annotations

from datetime import date, time
from functools import cache
from zoneinfo import available_timezones

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clinic_app.domain.catalog import Therapy
from clinic_app.domain.clinic_calendar import CalendarError, OpeningHours
from clinic_app.domain.errors import InvalidInputError, NotFoundError
from clinic_app.domain.exposure import is_oral_bisphosphonate
from clinic_app.domain.patient_query import PatientQuery, parse_patient_query
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import (
    ChairRow,
    ClinicSettingsRow,
    ClosedDateRow,
    ExposureRow,
    LabStationRow,
    OpeningHoursRow,
    PatientRow,
)
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.recheck import recheck_patient, recheck_patient_report
from clinic_app.services.results import ChairView, ExposureView, PatientView
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.validation import (
    CHAIR_NAME_MAX,
    CLOSED_REASON_MAX,
    NAME_MAX,
    NOTES_MAX,
    REASON_MAX,
    WHERE_MAX,
    parse_date,
    parse_time,
    require_mrn,
    require_phone,
    require_sex,
    require_text,
    require_therapy,
)
from clinic_app.services.views import exposure_view, patient_view
from clinic_app.services.visit_views import ExposureOutcome

DEFAULT_OPENS = time(8)
DEFAULT_CLOSES = time(18)
DEFAULT_LAB_DRAWS = 2
DEFAULT_LAB_SLOT_MINUTES = 15
# The machine's own zone (a link to whatever the PC is set to): never a clinic's zone.
_NOT_A_CLINIC_ZONE = frozenset({"localtime"})


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones()) - _NOT_A_CLINIC_ZONE


def check_clinic_settings(name: str, timezone: str) -> tuple[str, str]:
    """The clinic's name and IANA time zone, checked before anything is written.

    The zone must be one the zone database names (``zoneinfo.available_timezones``): a key
    is never treated as a path, whatever its length or its characters.
    """
    clinic_name = require_text("name", name, max_length=200)
    if timezone not in _known_zones():
        shown = timezone if len(timezone) <= 60 else timezone[:60] + "..."
        raise InvalidInputError(
            "timezone", f"unknown time zone {shown!r} (expected e.g. Europe/London)"
        )
    return clinic_name, timezone


class ClinicSetupService:
    """Creates and changes the clinic's master data."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    def is_initialised(self) -> bool:
        """True once a clinic has been set up in this database."""
        with self._ctx.db.read() as uow:
            return uow.session.get(ClinicSettingsRow, 1) is not None

    def init_clinic(
        self, actor: Actor, *, name: str = "Infusion clinic", timezone: str = "Europe/London"
    ) -> bool:
        """A new clinic: Mon-Fri 08:00-18:00, lab station 2 draws per 15 min.

        Returns False (and changes nothing) when the clinic already exists.
        """
        authorize(self._ctx, actor, Permission.ADMINISTER, "init_clinic")
        clinic_name, timezone = check_clinic_settings(name, timezone)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            if s.get(ClinicSettingsRow, 1) is not None:
                return False
            s.add(ClinicSettingsRow(id=1, name=clinic_name, timezone=timezone))
            for weekday in range(5):
                s.add(OpeningHoursRow(weekday=weekday, opens=DEFAULT_OPENS, closes=DEFAULT_CLOSES))
            s.add(
                LabStationRow(
                    name="Lab station",
                    draws_per_slot=DEFAULT_LAB_DRAWS,
                    slot_minutes=DEFAULT_LAB_SLOT_MINUTES,
                )
            )
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="create",
                entity="clinic",
                entity_id=1,
                patient_id=None,
                after={"name": clinic_name, "timezone": timezone},
            )
            uow.commit()
        return True

    def clinic_name(self) -> str:
        """The clinic's name, for headers."""
        with self._ctx.db.read() as uow:
            return repo.settings(uow.session).name

    def clinic_phone(self) -> str | None:
        """The clinic's phone number for patients and prescribers, or None when not set."""
        with self._ctx.db.read() as uow:
            return repo.settings(uow.session).phone

    def set_clinic_phone(self, actor: Actor, phone: str | None) -> str | None:
        """Set (or with an empty value clear) the clinic's phone number; audited."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "set_clinic_phone")
        number = require_phone(phone)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = repo.settings(s)
            before = row.phone
            row.phone = number
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="change",
                entity="clinic",
                entity_id=1,
                patient_id=None,
                before={"phone": before},
                after={"phone": number},
            )
            uow.commit()
        return number

    def add_chair(self, actor: Actor, name: str) -> ChairView:
        """A new chair at the end of the chair order."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "add_chair")
        chair_name = require_text("name", name, max_length=CHAIR_NAME_MAX)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            repo.settings(s)
            if s.scalars(select(ChairRow).where(ChairRow.name == chair_name)).first():
                raise InvalidInputError("name", f"a chair named {chair_name!r} already exists")
            order = s.scalar(select(func.coalesce(func.max(ChairRow.sort_order), 0))) or 0
            row = ChairRow(name=chair_name, active=True, sort_order=order + 1)
            s.add(row)
            s.flush()
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="create",
                entity="chair",
                entity_id=row.id,
                patient_id=None,
                after={"name": chair_name},
            )
            uow.commit()
            return ChairView(row.id, row.name, row.active)

    def chairs(self, actor: Actor) -> list[ChairView]:
        """Active chairs in display order."""
        authorize(self._ctx, actor, Permission.VIEW, "chairs")
        with self._ctx.db.read() as uow:
            return [ChairView(c.id, c.name, c.active) for c in repo.chairs(uow.session)]

    def add_closed_date(self, actor: Actor, day: str | date, reason: str = "") -> None:
        """Close the clinic on ``day`` (holiday); existing bookings that day are not touched."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "add_closed_date")
        closed = parse_date("date", day)
        text = require_text("reason", reason, max_length=CLOSED_REASON_MAX, allow_empty=True)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            repo.settings(s)
            if s.get(ClosedDateRow, closed) is not None:
                raise InvalidInputError("date", f"{closed.isoformat()} is already closed")
            s.add(ClosedDateRow(day=closed, reason=text))
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="create",
                entity="closed_date",
                entity_id=None,
                patient_id=None,
                after={"day": closed.isoformat(), "reason": text},
            )
            uow.commit()

    def set_opening_hours(
        self, actor: Actor, weekday: int, opens: str | time, closes: str | time
    ) -> None:
        """Open ``weekday`` (0 = Monday) from ``opens`` to ``closes``, the clinic's wall clock.

        Existing bookings are not touched; bookings and slot searches from now on follow the
        new hours.
        """
        authorize(self._ctx, actor, Permission.ADMINISTER, "set_opening_hours")
        if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
            raise InvalidInputError("weekday", f"{weekday!r} is not 0 (Monday) to 6 (Sunday)")
        try:
            hours = OpeningHours(weekday, parse_time("opens", opens), parse_time("closes", closes))
        except CalendarError as error:
            raise InvalidInputError("hours", str(error)) from None
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            repo.settings(s)
            row = s.get(OpeningHoursRow, weekday)
            before = None if row is None else {"opens": row.opens, "closes": row.closes}
            if row is None:
                s.add(OpeningHoursRow(weekday=weekday, opens=hours.opens, closes=hours.closes))
            else:
                row.opens, row.closes = hours.opens, hours.closes
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="update",
                entity="opening_hours",
                entity_id=weekday,
                patient_id=None,
                before=before,
                after={"opens": hours.opens, "closes": hours.closes},
            )
            uow.commit()

    # ------------------------------------------------------------------ patients

    def add_patient(
        self,
        actor: Actor,
        *,
        mrn: str,
        name: str,
        date_of_birth: str | date,
        sex: str | None = None,
        phone: str | None = None,
        notes: str = "",
    ) -> PatientView:
        """Register a patient; the MRN must be new."""
        authorize(self._ctx, actor, Permission.EDIT_PATIENTS, "add_patient")
        record = require_mrn(mrn)
        full_name = require_text("name", name, max_length=NAME_MAX)
        dob = parse_date("dob", date_of_birth)
        today = self._ctx.clock().date()
        if dob > today:
            raise InvalidInputError("dob", f"{dob.isoformat()} is in the future")
        if dob.year < 1900:
            raise InvalidInputError("dob", f"{dob.isoformat()} is before 1900")
        row = PatientRow(
            mrn=record,
            name=full_name,
            date_of_birth=dob,
            sex=require_sex(sex),
            phone=require_phone(phone),
            notes=require_text(
                "notes", notes, max_length=NOTES_MAX, allow_empty=True, multiline=True
            ),
            created_at=self._ctx.clock(),
        )
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            repo.settings(s)
            if s.scalars(select(PatientRow).where(PatientRow.mrn == record)).first():
                raise InvalidInputError("mrn", f"a patient with MRN {record!r} already exists")
            s.add(row)
            try:
                s.flush()
            except IntegrityError:
                raise InvalidInputError(
                    "mrn", f"a patient with MRN {record!r} already exists"
                ) from None
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="create",
                entity="patient",
                entity_id=row.id,
                patient_id=row.id,
                after={"mrn": record, "name": full_name, "dob": dob.isoformat()},
            )
            uow.commit()
            return patient_view(row)

    def patient(self, actor: Actor, mrn: str) -> PatientView:
        """One patient by MRN."""
        authorize(self._ctx, actor, Permission.VIEW, "patient")
        with self._ctx.db.read() as uow:
            return patient_view(repo.patient_by_mrn(uow.session, require_mrn(mrn)))

    def search_patients(self, actor: Actor, text: str, *, limit: int = 50) -> list[PatientView]:
        """Patients the search text names, MRN matches first.

        The text matches when every word occurs in the name (any order: "Cooper, Carol" finds
        Carol Cooper), when it occurs in the MRN, when it is the date of birth (2026-03-12 or
        12/03/2026, day first), or when its digits occur in the phone number.
        """
        authorize(self._ctx, actor, Permission.VIEW, "search_patients")
        query = parse_patient_query(text)
        with self._ctx.db.read() as uow:
            stmt = select(PatientRow).order_by(PatientRow.name).limit(limit)
            if not query.empty:
                stmt = stmt.where(_matches(query))
            # Views are built inside the unit of work: its rollback detaches the rows.
            views = [patient_view(r) for r in uow.session.scalars(stmt)]
        needle = query.text.lower()
        views.sort(key=lambda v: (not v.mrn.lower().startswith(needle), v.name))
        return views

    # ------------------------------------------------------------------ exposures

    def add_exposure(
        self,
        actor: Actor,
        *,
        mrn: str,
        drug: str,
        last_dose: str | date | None = None,
        ongoing_since: str | date | None = None,
        where: str = "",
        last_dose_unknown: bool = False,
    ) -> ExposureView:
        """Record a drug given elsewhere (the dangerous, invisible half of co-therapy).

        ``record_exposure`` does the same and also says which booked sessions it now stops.
        """
        return self.record_exposure(
            actor,
            mrn=mrn,
            drug=drug,
            last_dose=last_dose,
            ongoing_since=ongoing_since,
            where=where,
            last_dose_unknown=last_dose_unknown,
        ).exposure

    def record_exposure(
        self,
        actor: Actor,
        *,
        mrn: str,
        drug: str,
        last_dose: str | date | None = None,
        ongoing_since: str | date | None = None,
        where: str = "",
        last_dose_unknown: bool = False,
    ) -> ExposureOutcome:
        """Record a drug given elsewhere; the outcome names every booked session it now stops
        (a new HARD or un-overridden BLOCK), so the recorder is told at once.

        Section 7: an injected antiresorptive (denosumab, zoledronic acid, IV ibandronate) takes
        the last dose date or ``last_dose_unknown``; "ongoing since" is for oral
        bisphosphonates only.
        """
        authorize(self._ctx, actor, Permission.EDIT_PATIENTS, "add_exposure")
        therapy = require_therapy(self._ctx.catalog, drug, bookable=False, field="drug")
        given = sum((last_dose is not None, ongoing_since is not None, bool(last_dose_unknown)))
        if given != 1:
            raise InvalidInputError(
                "date",
                "give one of: the last dose date, the date it is ongoing since (oral "
                "bisphosphonates), or 'last dose unknown' (injected drugs)",
            )
        _check_exposure_kind(therapy, ongoing_since is not None, bool(last_dose_unknown))
        last = parse_date("date", last_dose) if last_dose is not None else None
        since = parse_date("ongoing-since", ongoing_since) if ongoing_since is not None else None
        where_given = require_text("where", where, max_length=WHERE_MAX, allow_empty=True)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            patient = repo.patient_by_mrn(s, require_mrn(mrn), lock=True)
            calendar = repo.load_calendar(s)
            today = calendar.local_day(self._ctx.clock())
            if last is not None:
                _check_dose_day("date", last, today, patient, calendar.timezone)
            if since is not None:
                _check_dose_day("ongoing-since", since, today, patient, calendar.timezone)
            row = ExposureRow(
                patient_id=patient.id,
                drug_code=therapy.code,
                last_dose_date=last,
                ongoing_since=since,
                last_dose_unknown=bool(last_dose_unknown),
                where_given=where_given,
                removed=False,
                created_at=self._ctx.clock(),
            )
            s.add(row)
            s.flush()
            # The timeline changed: sessions booked earlier may now conflict or need labs.
            now = self._ctx.clock()
            _, notices = recheck_patient_report(
                s, self._ctx, self._rules, actor, patient, calendar, now
            )
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="create",
                entity="exposure",
                entity_id=row.id,
                patient_id=patient.id,
                after={
                    "drug": therapy.code,
                    "last_dose": last,
                    "ongoing_since": since,
                    "last_dose_unknown": bool(last_dose_unknown),
                    "where": where_given,
                    "stopped_sessions": [n.session_id for n in notices],
                },
            )
            uow.commit()
            return ExposureOutcome(exposure_view(row, self._ctx.catalog), notices)

    def update_exposure(
        self,
        actor: Actor,
        exposure_id: int,
        *,
        last_dose: str | date | None = None,
        ongoing_since: str | date | None = None,
        where: str | None = None,
    ) -> ExposureView:
        """Correct a recorded exposure's date or place; the patient's bookings are re-checked."""
        authorize(self._ctx, actor, Permission.EDIT_PATIENTS, "update_exposure")
        if last_dose is not None and ongoing_since is not None:
            raise InvalidInputError(
                "date", "give either the last dose date or the date it is ongoing since"
            )
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = self._exposure(s, exposure_id)
            patient = repo.patient_by_id(s, row.patient_id, lock=True)
            before = _exposure_audit(row)
            calendar = repo.load_calendar(s)
            today = calendar.local_day(self._ctx.clock())
            if last_dose is not None:
                last = parse_date("date", last_dose)
                _check_dose_day("date", last, today, patient, calendar.timezone)
                row.last_dose_date, row.ongoing_since = last, None
                row.last_dose_unknown, row.unconfirmed_date = False, None
            if ongoing_since is not None:
                therapy = require_therapy(self._ctx.catalog, row.drug_code, bookable=False)
                _check_exposure_kind(therapy, True, False)
                since = parse_date("ongoing-since", ongoing_since)
                _check_dose_day("ongoing-since", since, today, patient, calendar.timezone)
                row.ongoing_since, row.last_dose_date = since, None
            if where is not None:
                row.where_given = require_text(
                    "where", where, max_length=WHERE_MAX, allow_empty=True
                )
            s.flush()
            now = self._ctx.clock()
            recheck_patient(s, self._ctx, self._rules, actor, patient, calendar, now)
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="update",
                entity="exposure",
                entity_id=row.id,
                patient_id=patient.id,
                before=before,
                after=_exposure_audit(row),
            )
            uow.commit()
            return exposure_view(row, self._ctx.catalog)

    def remove_exposure(self, actor: Actor, exposure_id: int, reason: str) -> None:
        """Withdraw an exposure recorded in error (kept, marked removed, with the reason)."""
        authorize(self._ctx, actor, Permission.EDIT_PATIENTS, "remove_exposure")
        why = require_text("reason", reason, max_length=REASON_MAX)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = self._exposure(s, exposure_id)
            patient = repo.patient_by_id(s, row.patient_id, lock=True)
            row.removed = True
            s.flush()
            now = self._ctx.clock()
            recheck_patient(s, self._ctx, self._rules, actor, patient, repo.load_calendar(s), now)
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="remove",
                entity="exposure",
                entity_id=row.id,
                patient_id=patient.id,
                before=_exposure_audit(row),
                after={"removed": True, "reason": why},
            )
            uow.commit()

    def _exposure(self, s: Session, exposure_id: int) -> ExposureRow:
        row = s.get(ExposureRow, exposure_id) if repo.is_row_id(exposure_id) else None
        if row is None or row.removed:
            raise NotFoundError("exposure", f"no recorded exposure with id {exposure_id}")
        return row

    def exposures(self, actor: Actor, mrn: str) -> list[ExposureView]:
        """The patient's recorded outside exposures."""
        authorize(self._ctx, actor, Permission.VIEW, "exposures")
        with self._ctx.db.read() as uow:
            s = uow.session
            patient = repo.patient_by_mrn(s, require_mrn(mrn))
            return [
                exposure_view(r, self._ctx.catalog) for r in repo.patient_exposures(s, patient.id)
            ]


def _check_exposure_kind(therapy: Therapy, ongoing: bool, unknown: bool) -> None:
    """Section 7: "ongoing since" only for oral bisphosphonates; "last dose unknown" only for
    injected antiresorptives."""
    oral = is_oral_bisphosphonate(therapy)
    if ongoing and not oral:
        raise InvalidInputError(
            "ongoing-since",
            f"'ongoing since' is for oral bisphosphonates only; {therapy.name} is given as "
            "doses: give the last dose date, or 'last dose unknown'",
        )
    if unknown and (oral or not therapy.is_antiresorptive):
        raise InvalidInputError(
            "last-dose-unknown",
            f"'last dose unknown' is for injected antiresorptives only; give the "
            f"{'date it is ongoing since' if oral else 'last dose date'} of {therapy.name}",
        )


def _check_dose_day(field: str, day: date, today: date, patient: PatientRow, timezone: str) -> None:
    """A dose given elsewhere (or therapy ongoing since) lies between birth and today.

    A future date would make the rules see a dose that has not been given; "today" is the
    clinic's date in its own zone.
    """
    if day > today:
        raise InvalidInputError(
            field,
            f"{day.isoformat()} is after today ({today.isoformat()} in {timezone}); "
            "record a dose given elsewhere once it has been given",
        )
    if day < patient.date_of_birth:
        raise InvalidInputError(
            field,
            f"{day.isoformat()} is before the patient's date of birth "
            f"({patient.date_of_birth.isoformat()})",
        )


def _exposure_audit(row: ExposureRow) -> dict[str, object]:
    return {
        "drug": row.drug_code,
        "last_dose": row.last_dose_date,
        "ongoing_since": row.ongoing_since,
        "last_dose_unknown": row.last_dose_unknown,
        "where": row.where_given,
    }


def _matches(query: PatientQuery) -> ColumnElement[bool]:
    """The SQL condition for one search text (see ``search_patients``)."""
    name = func.lower(PatientRow.name)
    either: list[ColumnElement[bool]] = [
        and_(*(name.like(f"%{_escaped(w)}%", escape="\\") for w in query.words)),
        func.lower(PatientRow.mrn).like(f"%{_escaped(query.text.lower())}%", escape="\\"),
    ]
    if query.date_of_birth is not None:
        either.append(PatientRow.date_of_birth == query.date_of_birth)
    if query.phone_digits is not None:
        digits: ColumnElement[str] = func.coalesce(PatientRow.phone, "")
        for character in " -+()./":
            digits = func.replace(digits, character, "")
        either.append(digits.like(f"%{query.phone_digits}%"))
    return or_(*either)


def _escaped(text: str) -> str:
    """``text`` for LIKE: its own % and _ match only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
