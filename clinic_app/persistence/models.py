"""The clinic's tables as typed SQLAlchemy models (kept inside persistence/).

Invariants that must hold when several PCs book at once (no chair double-booked, no patient
in two places, lab station capacity, append-only audit) are enforced by the database itself:
see the Alembic migrations for the exclusion constraints and triggers.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from clinic_app.persistence.column_types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SESSION_STATUSES = ("booked", "arrived", "in-chair", "completed", "cancelled", "no-show")
LAB_STATUSES = ("booked", "completed", "cancelled", "no-show")
# Statuses that no longer hold a chair, a lab slot or the patient's time.
INACTIVE_STATUSES = ("cancelled", "no-show")
# A waitlist entry's stored statuses (migration 0014). "expired" is also shown for a waiting
# entry whose latest date has passed.
WAITLIST_STATUSES = ("waiting", "offered", "booked", "withdrawn", "expired")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations name constraints stably."""

    metadata = MetaData(naming_convention=NAMING)


class ClinicSettingsRow(Base):
    """The one row of clinic-wide settings."""

    __tablename__ = "clinic_settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("nurse_ratio >= 1", name="nurse_ratio_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    # Whom the patient sheet tells patients to call (migration 0007); None until set.
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Patients one nurse monitors at once (migration 0012; issue 14): an operational setting.
    nurse_ratio: Mapped[int] = mapped_column(Integer, default=4, server_default="4")


class OpeningHoursRow(Base):
    """Opening hours for one weekday (0 = Monday); a weekday without a row is closed."""

    __tablename__ = "opening_hours"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("opens < closes", name="opens_before_closes"),
    )

    weekday: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    opens: Mapped[time] = mapped_column(Time)
    closes: Mapped[time] = mapped_column(Time)


class ClosedDateRow(Base):
    """A date the clinic is closed (public holiday, training day)."""

    __tablename__ = "closed_dates"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str] = mapped_column(String(200), default="")


class ChairRow(Base):
    """An infusion chair."""

    __tablename__ = "chairs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class NurseRow(Base):
    """A nurse of the clinic's rota (staff, not necessarily an app user). A retired nurse
    keeps her row (past shifts and assignments name her) and takes no new shift."""

    __tablename__ = "nurses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NurseShiftRow(Base):
    """One nurse's shift on one day, in the clinic's local time (one per nurse and day; a
    split shift is one shift with a break)."""

    __tablename__ = "nurse_shifts"
    __table_args__ = (
        UniqueConstraint("nurse_id", "day", name="one_shift_per_day"),
        CheckConstraint("starts < ends", name="starts_before_ends"),
        Index("ix_nurse_shifts_day", "day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nurse_id: Mapped[int] = mapped_column(ForeignKey("nurses.id"))
    day: Mapped[date] = mapped_column(Date)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)

    nurse: Mapped[NurseRow] = relationship()
    breaks: Mapped[list[NurseBreakRow]] = relationship(
        cascade="all, delete-orphan", order_by="NurseBreakRow.starts"
    )


class NurseBreakRow(Base):
    """A break inside a shift: the nurse is off the ward then."""

    __tablename__ = "nurse_breaks"
    __table_args__ = (CheckConstraint("starts < ends", name="starts_before_ends"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("nurse_shifts.id"), index=True)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)


class NurseAssignmentRow(Base):
    """Which nurse looks after a session (stored once assigned or reassigned; a session
    without a row follows the day's computed assignment)."""

    __tablename__ = "nurse_assignments"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), primary_key=True)
    nurse_id: Mapped[int] = mapped_column(ForeignKey("nurses.id"), index=True)
    assigned_by: Mapped[str] = mapped_column(String(80))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LabStationRow(Base):
    """The lab station: ``draws_per_slot`` draws every ``slot_minutes`` minutes."""

    __tablename__ = "lab_stations"
    __table_args__ = (
        CheckConstraint("draws_per_slot > 0", name="positive_capacity"),
        CheckConstraint("slot_minutes > 0", name="positive_slot"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    draws_per_slot: Mapped[int] = mapped_column(Integer)
    slot_minutes: Mapped[int] = mapped_column(Integer)


class PatientRow(Base):
    """A patient; the MRN is the clinic's unique record number."""

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mrn: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    exposures: Mapped[list[ExposureRow]] = relationship(back_populates="patient")


# Exactly one of: a last dose date, "ongoing since" (oral bisphosphonates), "last dose unknown".
EXPOSURE_ONE_DATE = (
    "(CASE WHEN last_dose_date IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN ongoing_since IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN last_dose_unknown THEN 1 ELSE 0 END) = 1"
)


class ExposureRow(Base):
    """An antiresorptive (or other catalog drug) given elsewhere, recorded for the rules.

    An injected drug has a last dose date or ``last_dose_unknown``; ``unconfirmed_date`` keeps a
    date recorded before that distinction (an "ongoing since" of an injected drug), unconfirmed.
    """

    __tablename__ = "exposures"
    __table_args__ = (CheckConstraint(EXPOSURE_ONE_DATE, name="one_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    drug_code: Mapped[str] = mapped_column(String(60))
    last_dose_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    ongoing_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_dose_unknown: Mapped[bool] = mapped_column(Boolean, default=False)
    unconfirmed_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    where_given: Mapped[str] = mapped_column(String(200), default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    patient: Mapped[PatientRow] = relationship(back_populates="exposures")


class SessionRow(Base):
    """A session in a chair: one dose of one therapy for one patient."""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("end_utc > start_utc", name="ends_after_start"),
        CheckConstraint(_in("status", SESSION_STATUSES), name="status_known"),
        Index("ix_sessions_chair_start", "chair_id", "start_utc"),
        Index("ix_sessions_patient_start", "patient_id", "start_utc"),
        Index("ix_sessions_start", "start_utc"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    chair_id: Mapped[int] = mapped_column(ForeignKey("chairs.id"))
    therapy_code: Mapped[str] = mapped_column(String(60))
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="booked")
    course_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    regimen: Mapped[str | None] = mapped_column(String(20), nullable=True)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    # Who prescribed this dose (migration 0007); empty on sessions booked before it.
    prescriber_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    prescriber_practice: Mapped[str | None] = mapped_column(String(200), nullable=True)
    prescriber_contact: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    patient: Mapped[PatientRow] = relationship()
    chair: Mapped[ChairRow] = relationship()
    findings: Mapped[list[SessionFindingRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="SessionFindingRow.id"
    )


class SessionFindingRow(Base):
    """A current rule finding on a session, with the clinical override when there is one."""

    __tablename__ = "session_findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(10))
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(String(2))
    override_id: Mapped[int | None] = mapped_column(ForeignKey("overrides.id"), nullable=True)

    session: Mapped[SessionRow] = relationship(back_populates="findings")
    override: Mapped[OverrideRow | None] = relationship()


class OverrideRow(Base):
    """A clinician's documented decision to go ahead despite a BLOCK finding."""

    __tablename__ = "overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    overridden_by: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text)
    at_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    # The prescriber the nurse consulted (migration 0007); None on overrides recorded before.
    consulted_prescriber: Mapped[str | None] = mapped_column(String(200), nullable=True)


class LabAppointmentRow(Base):
    """A draw at the lab station, created for the sessions that need it."""

    __tablename__ = "lab_appointments"
    __table_args__ = (
        CheckConstraint("end_utc > start_utc", name="ends_after_start"),
        CheckConstraint(_in("status", LAB_STATUSES), name="status_known"),
        Index("ix_lab_appointments_station_start", "station_id", "start_utc"),
        Index("ix_lab_appointments_patient_start", "patient_id", "start_utc"),
        Index("ix_lab_appointments_start", "start_utc"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    station_id: Mapped[int] = mapped_column(ForeignKey("lab_stations.id"))
    tests: Mapped[str] = mapped_column(String(200))  # comma-separated test codes, sorted
    due_from: Mapped[date] = mapped_column(Date)
    due_to: Mapped[date] = mapped_column(Date)
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="booked")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    links: Mapped[list[LabLinkRow]] = relationship(
        back_populates="lab", cascade="all, delete-orphan"
    )
    patient: Mapped[PatientRow] = relationship()


class LabLinkRow(Base):
    """Which session (and which rule of it) a lab appointment serves."""

    __tablename__ = "lab_links"
    __table_args__ = (UniqueConstraint("lab_id", "session_id", "rule_id", name="one_link"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lab_id: Mapped[int] = mapped_column(ForeignKey("lab_appointments.id"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(80), default="")
    tests: Mapped[str] = mapped_column(String(200))
    due_from: Mapped[date] = mapped_column(Date)
    due_to: Mapped[date] = mapped_column(Date)

    lab: Mapped[LabAppointmentRow] = relationship(back_populates="links")


class IntervalBoundRow(Base):
    """The longest row (minutes, rounded up) ``sessions`` or ``lab_appointments`` ever held.

    Kept by database triggers (migration 0005): an overlap search for ``[start, end)`` is the
    index range ``start - max_minutes <= start_utc < end``, bounded on both sides.
    """

    __tablename__ = "interval_bounds"
    __table_args__ = (CheckConstraint("max_minutes >= 0", name="non_negative"),)

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    max_minutes: Mapped[int] = mapped_column(Integer)


class LabResultRow(Base):
    """One test's result from one lab draw, in the SI unit the rules file gives (stored)."""

    __tablename__ = "lab_results"
    __table_args__ = (
        UniqueConstraint("lab_id", "test_code", name="one_result_per_test"),
        CheckConstraint("value >= 0", name="value_not_negative"),
        Index("ix_lab_results_patient_drawn", "patient_id", "drawn_at_utc"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    lab_id: Mapped[int] = mapped_column(ForeignKey("lab_appointments.id"))
    test_code: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    drawn_at_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    lab_flag: Mapped[str | None] = mapped_column(String(10), nullable=True)
    entered_by: Mapped[str] = mapped_column(String(80))
    # The file or message an import delivered it in; None when a nurse entered it.
    import_source: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # The rule ids the draw served when the result was recorded (comma-separated), for R2.
    draw_rules: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)

    lab: Mapped[LabAppointmentRow] = relationship()


class BodyWeightRow(Base):
    """The patient's weight in kg, measured at a visit (one per patient and day)."""

    __tablename__ = "body_weights"
    __table_args__ = (
        UniqueConstraint("patient_id", "measured_on", name="one_weight_per_day"),
        CheckConstraint("weight_kg > 0", name="weight_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    measured_on: Mapped[date] = mapped_column(Date)
    weight_kg: Mapped[float] = mapped_column(Float)
    entered_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ResultAlertRow(Base):
    """An alert a result raised (R2 ALERT, R3 URGENT), open until a nurse acknowledges it."""

    __tablename__ = "result_alerts"
    __table_args__ = (
        CheckConstraint("level IN ('ALERT', 'URGENT')", name="level_known"),
        UniqueConstraint("result_id", "rule_id", name="one_alert_per_rule"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("lab_results.id"))
    rule_id: Mapped[str] = mapped_column(String(10))
    level: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)

    result: Mapped[LabResultRow] = relationship()


class RuleSettingRow(Base):
    """A per-clinic change to one rule's shipped defaults (JSON of the same shape)."""

    __tablename__ = "rule_settings"

    rule_id: Mapped[str] = mapped_column(String(10), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class UserRow(Base):
    """An app user. ``password_hash`` is argon2id on every backend (empty for a PostgreSQL
    user made before revision 0008, until an administrator sets a password).

    The hash is deferred: loading a user never reads it, so a PostgreSQL login that may read
    every column of ``users`` but the hash (revision 0008's grants) can still list users.
    """

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('front-desk', 'nurse', 'manager', 'admin')", name="role_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(63), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200), default="", deferred=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set by an administrator: the next login must set a new password first (migration 0013).
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )


class UserSessionRow(Base):
    """A login session of the clinic server: only the SHA-256 of its token is kept.

    Valid while not revoked and before both its idle and its absolute expiry.
    """

    __tablename__ = "user_sessions"
    __table_args__ = (Index("ix_user_sessions_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    idle_expires_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    absolute_expires_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_utc: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    client: Mapped[str] = mapped_column(String(100), default="")


class LoginAttemptRow(Base):
    """A failed login at the clinic server, for the sliding-window rate limits (per claimed
    user name and per client address); rows older than the window are pruned."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "at_utc"),
        Index("ix_login_attempts_client_at", "client", "at_utc"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    username: Mapped[str] = mapped_column(String(80))
    client: Mapped[str] = mapped_column(String(100))


class WaitlistRow(Base):
    """A patient waiting for an earlier slot of one therapy (migration 0014).

    Offers go to the first waiting entry, in order of joining (``id``), whose booking of the
    freed slot passes every rule (services/waitlist.py). ``preferred_weekdays`` holds digits
    0-6 (Monday = 0) without separators, empty for any weekday.
    """

    __tablename__ = "waitlist_entries"
    __table_args__ = (
        CheckConstraint(_in("status", WAITLIST_STATUSES), name="status_known"),
        CheckConstraint("earliest_date <= latest_date", name="dates_in_order"),
        Index("ix_waitlist_entries_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    therapy_code: Mapped[str] = mapped_column(String(60))
    earliest_date: Mapped[date] = mapped_column(Date)
    latest_date: Mapped[date] = mapped_column(Date)
    preferred_weekdays: Mapped[str] = mapped_column(String(7), default="")
    preferred_from: Mapped[time | None] = mapped_column(Time, nullable=True)
    preferred_until: Mapped[time | None] = mapped_column(Time, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id"), nullable=True)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    patient: Mapped[PatientRow] = relationship()


class AuditRow(Base):
    """One append-only audit entry: who did what, when, with before/after values."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at_utc"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    patient_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    before_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    after_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class IdempotencyRow(Base):
    """The response a write request got, kept under the client's idempotency key.

    A retry of the same request (same user, same key) gets this response back instead of
    being run again; the row is written in the transaction of the write it answers.
    """

    __tablename__ = "idempotency_keys"
    __table_args__ = (Index("ix_idempotency_keys_created", "created_at"),)

    username: Mapped[str] = mapped_column(String(63), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    route: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SlotTemplateRow(Base):
    """One build of the weekly slot template (migration 0015, issue 14).

    The template in force is the newest row with no ``superseded_at``; a new build sets it on
    the one before. ``optimal_weekdays`` holds the digits 0-6 (Monday = 0) of the weekdays
    whose plan CP-SAT proved optimal, without separators.
    """

    __tablename__ = "slot_templates"
    __table_args__ = (
        CheckConstraint("history_from <= history_to", name="history_in_order"),
        CheckConstraint("chairs >= 0", name="chairs_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    built_at: Mapped[datetime] = mapped_column(UTCDateTime)
    built_by: Mapped[str] = mapped_column(String(80))
    history_from: Mapped[date] = mapped_column(Date)
    history_to: Mapped[date] = mapped_column(Date)
    chairs: Mapped[int] = mapped_column(Integer)
    session_value: Mapped[int] = mapped_column(Integer)
    optimal_weekdays: Mapped[str] = mapped_column(String(7), default="")
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    starts: Mapped[list[SlotTemplateStartRow]] = relationship(
        order_by="(SlotTemplateStartRow.weekday, SlotTemplateStartRow.start_minute, "
        "SlotTemplateStartRow.chair_minutes, SlotTemplateStartRow.setup_minutes, "
        "SlotTemplateStartRow.takedown_minutes)"
    )


class SlotTemplateStartRow(Base):
    """``count`` sessions of one kind (chair, set-up, take-down minutes) that the template
    starts at ``start_minute`` of the local day on ``weekday`` (0 = Monday)."""

    __tablename__ = "slot_template_starts"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_known"),
        CheckConstraint("start_minute BETWEEN 0 AND 1439", name="minute_of_day"),
        CheckConstraint(
            "chair_minutes > 0 AND setup_minutes >= 0 AND takedown_minutes >= 0 "
            "AND setup_minutes + takedown_minutes <= chair_minutes",
            name="kind_fits",
        ),
        CheckConstraint("count >= 1", name="count_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("slot_templates.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    chair_minutes: Mapped[int] = mapped_column(Integer)
    setup_minutes: Mapped[int] = mapped_column(Integer)
    takedown_minutes: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
