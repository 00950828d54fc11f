"""Turning rows into the plain result objects (inside the open unit of work)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from clinic_app.domain.catalog import Catalog, UnknownTherapyError
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.findings import Severity
from clinic_app.persistence.models import (
    ExposureRow,
    LabAppointmentRow,
    PatientRow,
    SessionFindingRow,
    SessionRow,
)
from clinic_app.persistence.repositories import FindingFact, LabFact, LinkFact, SessionFact
from clinic_app.services.results import (
    ExposureView,
    FindingView,
    LabView,
    PatientView,
    PrescriberView,
    SessionView,
)


def therapy_name(catalog: Catalog, code: str) -> str:
    """The catalog name of a code, or the code itself for a retired therapy."""
    try:
        return catalog.get(code).name
    except UnknownTherapyError:
        return code


def finding_view(row: SessionFindingRow) -> FindingView:
    """A stored finding with its override."""
    override = row.override
    return FindingView(
        rule=row.rule_id,
        severity=Severity(row.severity),
        message=row.message,
        evidence=row.evidence,
        overridden_by=override.overridden_by if override else None,
        override_reason=override.reason if override else None,
        consulted=override.consulted_prescriber if override else None,
    )


def session_view(row: SessionRow, calendar: ClinicCalendar, catalog: Catalog) -> SessionView:
    """A session row as a result object, times in the clinic's zone."""
    return SessionView(
        id=row.id,
        patient_id=row.patient_id,
        mrn=row.patient.mrn,
        patient_name=row.patient.name,
        chair_id=row.chair_id,
        chair=row.chair.name,
        therapy=row.therapy_code,
        therapy_name=therapy_name(catalog, row.therapy_code),
        start=calendar.local(row.start_utc),
        end=calendar.local(row.end_utc),
        status=row.status,
        course_id=row.course_id,
        findings=tuple(finding_view(f) for f in row.findings),
        status_reason=row.status_reason,
        prescriber=prescriber_view(row),
    )


def prescriber_view(row: SessionRow) -> PrescriberView | None:
    """The session's prescriber, or None when none was named (sessions booked before 0007)."""
    if not row.prescriber_name:
        return None
    return PrescriberView(
        row.prescriber_name, row.prescriber_practice or "", row.prescriber_contact or ""
    )


def lab_view(row: LabAppointmentRow, calendar: ClinicCalendar) -> LabView:
    """A lab appointment row as a result object."""
    links = sorted(row.links, key=lambda link: (link.session_id, link.rule_id))
    return LabView(
        id=row.id,
        patient_id=row.patient_id,
        mrn=row.patient.mrn,
        patient_name=row.patient.name,
        tests=tuple(t for t in row.tests.split(",") if t),
        start=calendar.local(row.start_utc),
        end=calendar.local(row.end_utc),
        status=row.status,
        due_from=row.due_from,
        due_to=row.due_to,
        session_ids=tuple(sorted({link.session_id for link in links})),
        rules=tuple(sorted({link.rule_id for link in links})),
        labels=tuple(link.label for link in links if link.label),
    )


def patient_view(row: PatientRow) -> PatientView:
    """A patient row as a result object."""
    return PatientView(
        id=row.id,
        mrn=row.mrn,
        name=row.name,
        date_of_birth=row.date_of_birth,
        sex=row.sex,
        phone=row.phone,
        notes=row.notes,
    )


def exposure_view(row: ExposureRow, catalog: Catalog) -> ExposureView:
    """A recorded exposure as a result object."""
    return ExposureView(
        id=row.id,
        patient_id=row.patient_id,
        drug=row.drug_code,
        drug_name=therapy_name(catalog, row.drug_code),
        last_dose_date=row.last_dose_date,
        ongoing_since=row.ongoing_since,
        where_given=row.where_given,
        last_dose_unknown=row.last_dose_unknown,
        unconfirmed_date=row.unconfirmed_date,
    )


# The stored severity text to the enum, without an Enum call per finding.
_SEVERITIES = {severity.value: severity for severity in Severity}


def session_fact_views(
    facts: Sequence[SessionFact],
    findings: Iterable[FindingFact],
    calendar: ClinicCalendar,
    catalog: Catalog,
) -> tuple[SessionView, ...]:
    """Sessions read as plain columns (a day's grid and list) as result objects: the same
    views as ``session_view`` gives for the mapped rows, without loading them."""
    by_session: dict[int, list[FindingView]] = {}
    for f in findings:
        by_session.setdefault(f.session_id, []).append(
            FindingView(
                f.rule, _SEVERITIES[f.severity], f.message, f.evidence, f.overridden_by,
                f.override_reason, f.consulted,
            )
        )  # fmt: skip
    tz = calendar.tz  # looked up once: a year's export builds ~100,000 views
    names: dict[str, str] = {}
    views = []
    for r in facts:
        name = names.get(r.therapy)
        if name is None:
            name = names[r.therapy] = therapy_name(catalog, r.therapy)
        views.append(
            SessionView(
                r.id, r.patient_id, r.mrn, r.patient_name, r.chair_id, r.chair, r.therapy, name,
                r.start_utc.astimezone(tz), r.end_utc.astimezone(tz), r.status, r.course_id,
                tuple(by_session.get(r.id, ())), r.status_reason,
                PrescriberView(
                    r.prescriber_name, r.prescriber_practice or "", r.prescriber_contact or ""
                ) if r.prescriber_name else None,
            )
        )  # fmt: skip
    return tuple(views)


def lab_fact_views(
    facts: Sequence[LabFact], links: Iterable[LinkFact], calendar: ClinicCalendar
) -> tuple[LabView, ...]:
    """Lab appointments read as plain columns as result objects (as ``lab_view`` does)."""
    tz = calendar.tz
    by_lab: dict[int, list[LinkFact]] = {}
    for link in links:
        by_lab.setdefault(link.lab_id, []).append(link)
    views = []
    for r in facts:
        mine = sorted(by_lab.get(r.id, ()), key=lambda link: (link.session_id, link.rule_id))
        views.append(
            LabView(
                r.id, r.patient_id, r.mrn, r.patient_name,
                tuple(t for t in r.tests.split(",") if t),
                r.start_utc.astimezone(tz), r.end_utc.astimezone(tz), r.status,
                r.due_from, r.due_to,
                tuple(sorted({link.session_id for link in mine})),
                tuple(sorted({link.rule_id for link in mine})),
                tuple(link.label for link in mine if link.label),
            )
        )  # fmt: skip
    return tuple(views)
