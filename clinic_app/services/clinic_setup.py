"""Setting up the clinic and its records: clinic, chairs, closed dates, patients, exposures."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import CalendarError, zone
from clinic_app.domain.errors import InvalidInputError, NotFoundError
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
from clinic_app.services.recheck import recheck_patient
from clinic_app.services.results import ChairView, ExposureView, PatientView
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.validation import (
    parse_date,
    require_mrn,
    require_phone,
    require_sex,
    require_text,
    require_therapy,
)
from clinic_app.services.views import exposure_view, patient_view

DEFAULT_OPENS = time(8)
DEFAULT_CLOSES = time(18)
DEFAULT_LAB_DRAWS = 2
DEFAULT_LAB_SLOT_MINUTES = 15


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
        clinic_name = require_text("name", name, max_length=200)
        try:
            zone(timezone)
        except CalendarError as error:
            raise InvalidInputError("timezone", str(error)) from None
        with self._ctx.db.write() as uow:
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

    def add_chair(self, actor: Actor, name: str) -> ChairView:
        """A new chair at the end of the chair order."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "add_chair")
        chair_name = require_text("name", name, max_length=60)
        with self._ctx.db.write() as uow:
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
        text = require_text("reason", reason, max_length=200, allow_empty=True)
        with self._ctx.db.write() as uow:
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
        full_name = require_text("name", name, max_length=200)
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
            notes=require_text("notes", notes, max_length=4000, allow_empty=True),
            created_at=self._ctx.clock(),
        )
        with self._ctx.db.write() as uow:
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
        """Patients whose name or MRN contains ``text`` (case-insensitive), MRN matches first."""
        authorize(self._ctx, actor, Permission.VIEW, "search_patients")
        needle = (text or "").strip()
        with self._ctx.db.read() as uow:
            stmt = select(PatientRow).order_by(PatientRow.name).limit(limit)
            if needle:
                pattern = f"%{needle.lower()}%"
                stmt = stmt.where(
                    or_(
                        func.lower(PatientRow.name).like(pattern),
                        func.lower(PatientRow.mrn).like(pattern),
                    )
                )
            # Views are built inside the unit of work: its rollback detaches the rows.
            views = [patient_view(r) for r in uow.session.scalars(stmt)]
        views.sort(key=lambda v: (not v.mrn.lower().startswith(needle.lower()), v.name))
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
    ) -> ExposureView:
        """Record a drug given elsewhere (the dangerous, invisible half of co-therapy)."""
        authorize(self._ctx, actor, Permission.EDIT_PATIENTS, "add_exposure")
        therapy = require_therapy(self._ctx.catalog, drug, bookable=False, field="drug")
        if (last_dose is None) == (ongoing_since is None):
            raise InvalidInputError(
                "date", "give either the last dose date or the date it is ongoing since"
            )
        last = parse_date("date", last_dose) if last_dose is not None else None
        since = parse_date("ongoing-since", ongoing_since) if ongoing_since is not None else None
        where_given = require_text("where", where, max_length=200, allow_empty=True)
        with self._ctx.db.write() as uow:
            s = uow.session
            patient = repo.patient_by_mrn(s, require_mrn(mrn), lock=True)
            row = ExposureRow(
                patient_id=patient.id,
                drug_code=therapy.code,
                last_dose_date=last,
                ongoing_since=since,
                where_given=where_given,
                removed=False,
                created_at=self._ctx.clock(),
            )
            s.add(row)
            s.flush()
            # The timeline changed: sessions booked earlier may now conflict or need labs.
            calendar = repo.load_calendar(s)
            now = self._ctx.clock()
            recheck_patient(s, self._ctx, self._rules, actor, patient, calendar, now)
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
                    "where": where_given,
                },
            )
            uow.commit()
            return exposure_view(row, self._ctx.catalog)

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
        with self._ctx.db.write() as uow:
            s = uow.session
            row = self._exposure(s, exposure_id)
            patient = repo.patient_by_id(s, row.patient_id, lock=True)
            before = _exposure_audit(row)
            if last_dose is not None:
                row.last_dose_date, row.ongoing_since = parse_date("date", last_dose), None
            if ongoing_since is not None:
                row.ongoing_since = parse_date("ongoing-since", ongoing_since)
                row.last_dose_date = None
            if where is not None:
                row.where_given = require_text("where", where, max_length=200, allow_empty=True)
            s.flush()
            now = self._ctx.clock()
            recheck_patient(s, self._ctx, self._rules, actor, patient, repo.load_calendar(s), now)
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
        why = require_text("reason", reason, max_length=500)
        with self._ctx.db.write() as uow:
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


def _exposure_audit(row: ExposureRow) -> dict[str, object]:
    return {
        "drug": row.drug_code,
        "last_dose": row.last_dose_date,
        "ongoing_since": row.ongoing_since,
        "where": row.where_given,
    }
