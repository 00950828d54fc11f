"""Queries for lab results, weights and result alerts (rules file, section 7)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload

from clinic_app.domain.errors import NotFoundError
from clinic_app.persistence.models import (
    BodyWeightRow,
    LabAppointmentRow,
    LabResultRow,
    PatientRow,
    ResultAlertRow,
    SessionFindingRow,
    SessionRow,
)
from clinic_app.persistence.repositories import is_row_id


def lab_by_id(session: Session, lab_id: int) -> LabAppointmentRow:
    """The lab appointment with this id, with its links and patient."""
    stmt = (
        select(LabAppointmentRow)
        .where(LabAppointmentRow.id == lab_id)
        .options(selectinload(LabAppointmentRow.links), selectinload(LabAppointmentRow.patient))
    )
    # An id beyond the integer columns names no row (and would overflow the driver).
    row = session.scalars(stmt).one_or_none() if is_row_id(lab_id) else None
    if row is None:
        raise NotFoundError("lab", f"no lab appointment with id {lab_id}")
    return row


def patient_results(session: Session, patient_id: int) -> list[LabResultRow]:
    """Every result of the patient, oldest draw first."""
    return list(session.scalars(_PATIENT_RESULTS, {"patient_id": patient_id}))


# Built once: every booking and check reads the patient's results and weights.
_PATIENT_RESULTS = (
    select(LabResultRow)
    .where(LabResultRow.patient_id == bindparam("patient_id"))
    .order_by(LabResultRow.drawn_at_utc, LabResultRow.id)
)


def lab_result_tests(session: Session, lab_id: int) -> set[str]:
    """The tests that already have a result for this draw."""
    return set(session.scalars(select(LabResultRow.test_code).where(LabResultRow.lab_id == lab_id)))


def patient_weights(session: Session, patient_id: int) -> list[BodyWeightRow]:
    """Every recorded weight of the patient, oldest first."""
    return list(session.scalars(_PATIENT_WEIGHTS, {"patient_id": patient_id}))


_PATIENT_WEIGHTS = (
    select(BodyWeightRow)
    .where(BodyWeightRow.patient_id == bindparam("patient_id"))
    .order_by(BodyWeightRow.measured_on)
)


def weight_on(session: Session, patient_id: int, day: date) -> BodyWeightRow | None:
    """The weight recorded for the patient on ``day``, if any."""
    stmt = select(BodyWeightRow).where(
        BodyWeightRow.patient_id == patient_id, BodyWeightRow.measured_on == day
    )
    return session.scalars(stmt).one_or_none()


def open_alerts(session: Session, patient_id: int | None = None) -> list[ResultAlertRow]:
    """Alerts nobody has acknowledged yet (of one patient when given), oldest first."""
    stmt = (
        select(ResultAlertRow)
        .where(ResultAlertRow.acknowledged_at.is_(None))
        .options(selectinload(ResultAlertRow.result))
        .order_by(ResultAlertRow.created_at, ResultAlertRow.id)
    )
    if patient_id is not None:
        stmt = stmt.where(ResultAlertRow.patient_id == patient_id)
    return list(session.scalars(stmt))


def alert_by_id(session: Session, alert_id: int) -> ResultAlertRow:
    """One alert by id."""
    row = session.get(ResultAlertRow, alert_id) if is_row_id(alert_id) else None
    if row is None:
        raise NotFoundError("alert", f"no result alert with id {alert_id}")
    return row


def drawn_labs_before(session: Session, before_utc: datetime) -> list[LabAppointmentRow]:
    """Lab draws (booked or completed) whose time has passed, with links and patient."""
    stmt = (
        select(LabAppointmentRow)
        .where(
            LabAppointmentRow.start_utc < before_utc,
            LabAppointmentRow.status.in_(("booked", "completed")),
        )
        .options(selectinload(LabAppointmentRow.links), selectinload(LabAppointmentRow.patient))
        .order_by(LabAppointmentRow.start_utc, LabAppointmentRow.id)
    )
    return list(session.scalars(stmt))


def result_tests_by_lab(session: Session, lab_ids: list[int]) -> dict[int, set[str]]:
    """The tests with a result, per lab id."""
    found: dict[int, set[str]] = {lab_id: set() for lab_id in lab_ids}
    if not lab_ids:
        return found
    stmt = select(LabResultRow.lab_id, LabResultRow.test_code).where(
        LabResultRow.lab_id.in_(lab_ids)
    )
    for lab_id, test in session.execute(stmt):
        found[lab_id].add(test)
    return found


def sessions_with_stopping_findings(session: Session, from_utc: datetime) -> list[SessionRow]:
    """Booked, arrived or in-chair sessions from ``from_utc`` on that carry a HARD finding or
    a BLOCK finding without an override, soonest first."""
    stopping = (
        select(SessionFindingRow.session_id)
        .where(
            (SessionFindingRow.severity == "HARD")
            | ((SessionFindingRow.severity == "BLOCK") & SessionFindingRow.override_id.is_(None))
        )
        .distinct()
    )
    stmt = (
        select(SessionRow)
        .where(
            SessionRow.start_utc >= from_utc,
            SessionRow.status.in_(("booked", "arrived", "in-chair")),
            SessionRow.id.in_(stopping),
        )
        .options(
            selectinload(SessionRow.findings).selectinload(SessionFindingRow.override),
            selectinload(SessionRow.patient),
            selectinload(SessionRow.chair),
        )
        .order_by(SessionRow.start_utc, SessionRow.id)
    )
    return list(session.scalars(stmt))


def patient_of(session: Session, patient_id: int) -> PatientRow:
    """The patient row (for views built from other rows)."""
    row = session.get(PatientRow, patient_id)
    if row is None:
        raise NotFoundError("patient", f"no patient with id {patient_id}")
    return row
