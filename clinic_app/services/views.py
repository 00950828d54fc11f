"""Turning rows into the plain result objects (inside the open unit of work)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

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


class LocalTimes:
    """Stored UTC instants as the clinic's local times, each distinct instant converted once.

    A busy day's ~1,100 rows start and end on a few dozen quarter hours; the time-zone
    conversion (``astimezone`` through the zone's rules) was a large share of building the
    day's views. Meant for one read (the cache is not bounded).
    """

    __slots__ = ("_seen", "_tz")

    def __init__(self, calendar: ClinicCalendar) -> None:
        self._tz = calendar.tz
        self._seen: dict[datetime, datetime] = {}

    def __call__(self, moment: datetime) -> datetime:
        """``moment`` (aware) in the clinic's zone."""
        local = self._seen.get(moment)
        if local is None:
            local = self._seen[moment] = moment.astimezone(self._tz)
        return local


def session_fact_views(
    facts: Sequence[SessionFact],
    findings: Iterable[FindingFact],
    calendar: ClinicCalendar,
    catalog: Catalog,
    local: LocalTimes | None = None,
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
    to_local = local or LocalTimes(calendar)
    names: dict[str, str] = {}
    no_findings: tuple[FindingView, ...] = ()
    views: list[SessionView] = []
    append = views.append
    for r in facts:
        name = names.get(r.therapy)
        if name is None:
            name = names[r.therapy] = therapy_name(catalog, r.therapy)
        found = by_session.get(r.id)
        append(
            SessionView(
                r.id, r.patient_id, r.mrn, r.patient_name, r.chair_id, r.chair, r.therapy, name,
                to_local(r.start_utc), to_local(r.end_utc), r.status, r.course_id,
                tuple(found) if found else no_findings, r.status_reason,
                PrescriberView(
                    r.prescriber_name, r.prescriber_practice or "", r.prescriber_contact or ""
                ) if r.prescriber_name else None,
            )
        )  # fmt: skip
    return tuple(views)


def lab_fact_views(
    facts: Sequence[LabFact],
    links: Iterable[LinkFact],
    calendar: ClinicCalendar,
    local: LocalTimes | None = None,
) -> tuple[LabView, ...]:
    """Lab appointments read as plain columns as result objects (as ``lab_view`` does)."""
    to_local = local or LocalTimes(calendar)
    by_lab: dict[int, list[LinkFact]] = {}
    for link in links:
        by_lab.setdefault(link.lab_id, []).append(link)
    tests_of: dict[str, tuple[str, ...]] = {}  # a day has a handful of test lists
    views: list[LabView] = []
    append = views.append
    for r in facts:
        tests = tests_of.get(r.tests)
        if tests is None:
            tests = tests_of[r.tests] = tuple(t for t in r.tests.split(",") if t)
        mine = by_lab.get(r.id)
        if mine:
            if len(mine) > 1:
                mine.sort(key=lambda link: (link.session_id, link.rule_id))
                session_ids = tuple(sorted({link.session_id for link in mine}))
                rules = tuple(sorted({link.rule_id for link in mine}))
            else:
                session_ids, rules = (mine[0].session_id,), (mine[0].rule_id,)
            labels = tuple(link.label for link in mine if link.label)
        else:
            session_ids, rules, labels = (), (), ()
        append(
            LabView(
                r.id, r.patient_id, r.mrn, r.patient_name, tests,
                to_local(r.start_utc), to_local(r.end_utc), r.status,
                r.due_from, r.due_to, session_ids, rules, labels,
            )
        )  # fmt: skip
    return tuple(views)
