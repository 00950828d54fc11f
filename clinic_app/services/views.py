"""Turning rows into the plain result objects (inside the open unit of work)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

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
from clinic_app.services.results import (
    ExposureView,
    FindingView,
    LabView,
    PatientView,
    PrescriberView,
    SessionView,
)
from clinic_app.slotted import slot_constructor


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
# The views of a busy day or of an export's week are built by the thousand (clinic_app.slotted).
_new_session = slot_constructor(SessionView)
_new_lab = slot_constructor(LabView)
_new_finding = slot_constructor(FindingView)


class LocalTimes:
    """Instants as the clinic's local times, each distinct value converted once.

    A busy day's ~1,100 rows start and end on a few dozen quarter hours; parsing the stored
    value and the time-zone conversion (``astimezone`` through the zone's rules) were a
    large share of building the day's views. With ``parse`` (``repositories.stored_instants``)
    the values are as stored and are parsed here, once each, in the same step. Meant for one
    read (the cache is not bounded).
    """

    __slots__ = ("_parse", "_seen", "_tz")

    def __init__(self, calendar: ClinicCalendar, parse: Callable[[Any], datetime] | None = None):
        self._tz = calendar.tz
        self._parse = parse
        self._seen: dict[Any, datetime] = {}

    def __call__(self, moment: Any) -> datetime:
        """``moment`` (aware, or as stored when made with ``parse``) in the clinic's zone."""
        local = self._seen.get(moment)
        if local is None:
            aware = moment if self._parse is None else self._parse(moment)
            local = self._seen[moment] = aware.astimezone(self._tz)
        return local


def session_fact_views(
    facts: Iterable[Sequence[Any]],
    findings: Iterable[Sequence[Any]],
    catalog: Catalog,
    to_local: LocalTimes,
) -> tuple[SessionView, ...]:
    """Sessions read as plain columns (``repositories.session_facts``: rows in
    ``SessionFact`` / ``FindingFact`` order, instants as stored) as result objects: the
    same views as ``session_view`` gives for the mapped rows, without loading them."""
    by_session: dict[int, list[FindingView]] = {}
    severities = _SEVERITIES
    new_finding, new_session = _new_finding, _new_session
    for sid, rule, severity, message, evidence, by, reason, consulted in findings:
        found = by_session.get(sid)
        view = new_finding(rule, severities[severity], message, evidence, by, reason, consulted)
        if found is None:
            by_session[sid] = [view]
        else:
            found.append(view)
    seen = to_local._seen  # the memo's hits inline: two lookups per row, no call
    names: dict[str, str] = {}
    prescribers: dict[tuple[str, str | None, str | None], PrescriberView] = {}  # a few a day
    no_findings: tuple[FindingView, ...] = ()
    views: list[SessionView] = []
    append = views.append
    for (
        sid, patient_id, mrn, patient_name, chair_id, chair, therapy, start, end, status,
        course_id, status_reason, prescriber_name, prescriber_practice, prescriber_contact,
    ) in facts:  # fmt: skip
        name = names.get(therapy)
        if name is None:
            name = names[therapy] = therapy_name(catalog, therapy)
        found = by_session.get(sid)
        local_start = seen.get(start) or to_local(start)
        local_end = seen.get(end) or to_local(end)
        prescriber = None
        if prescriber_name:
            key = (prescriber_name, prescriber_practice, prescriber_contact)
            prescriber = prescribers.get(key)
            if prescriber is None:
                prescriber = prescribers[key] = PrescriberView(
                    prescriber_name, prescriber_practice or "", prescriber_contact or ""
                )
        append(
            new_session(
                sid, patient_id, mrn, patient_name, chair_id, chair, therapy, name,
                local_start, local_end, status, course_id,
                tuple(found) if found else no_findings, status_reason, prescriber,
            )
        )  # fmt: skip
    return tuple(views)


def lab_fact_views(
    facts: Iterable[Sequence[Any]],
    links: Iterable[Sequence[Any]],
    to_local: LocalTimes,
    to_date: Callable[[Any], date],
) -> tuple[LabView, ...]:
    """Lab appointments read as plain columns (rows in ``LabFact`` / ``LinkFact`` order,
    instants and due dates as stored, ``to_date`` converting a due date) as result objects
    (as ``lab_view`` does)."""
    by_lab: dict[int, list[Sequence[Any]]] = {}
    for link in links:
        mine = by_lab.get(link[0])
        if mine is None:
            by_lab[link[0]] = [link]
        else:
            mine.append(link)
    seen = to_local._seen
    new_lab = _new_lab
    tests_of: dict[str, tuple[str, ...]] = {}  # a day has a handful of test lists
    dates: dict[Any, date] = {}  # and a few dozen due dates
    views: list[LabView] = []
    append = views.append
    for (
        lab_id,
        patient_id,
        mrn,
        patient_name,
        tests_text,
        start,
        end,
        status,
        due_from,
        due_to,
    ) in facts:
        due_from = dates.get(due_from) or dates.setdefault(due_from, to_date(due_from))
        due_to = dates.get(due_to) or dates.setdefault(due_to, to_date(due_to))
        tests = tests_of.get(tests_text)
        if tests is None:
            tests = tests_of[tests_text] = tuple(t for t in tests_text.split(",") if t)
        mine = by_lab.get(lab_id)
        if mine:
            if len(mine) > 1:
                mine.sort(key=lambda link: (link[1], link[2]))
                session_ids = tuple(sorted({link[1] for link in mine}))
                rules = tuple(sorted({link[2] for link in mine}))
                labels = tuple(link[3] for link in mine if link[3])
            else:  # most draws serve one session: no sets, no generator
                _lab, session_id, rule, label = mine[0]
                session_ids, rules = (session_id,), (rule,)
                labels = (label,) if label else ()
        else:
            session_ids, rules, labels = (), (), ()
        append(
            new_lab(
                lab_id, patient_id, mrn, patient_name, tests,
                seen.get(start) or to_local(start), seen.get(end) or to_local(end), status,
                due_from, due_to, session_ids, rules, labels,
            )
        )  # fmt: skip
    return tuple(views)
