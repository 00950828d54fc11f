"""Re-checking a patient's sessions after their timeline changed (status, exposure, cancel).

Findings of sessions from today on are replaced by the engine's current verdict (overrides
kept where the same finding remains), and lab appointments are reconciled with the needs of
every session, so a newly recorded outside antiresorptive adds the co-therapy labs to an iron
session booked earlier, and a cancelled dose takes its labs with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.findings import Finding, Severity
from clinic_app.domain.lab_planner import LabNeed
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.timeline import PatientTimeline, ProposedSession
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import PatientRow, SessionRow
from clinic_app.services.actor import Actor
from clinic_app.services.context import ServiceContext
from clinic_app.services.findings_store import (
    finding_key,
    store_changed_findings_many,
    stored_keys,
)
from clinic_app.services.lab_sync import LabChanges, LabReconciler
from clinic_app.services.patient_state import PatientState, regimen_of
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.views import finding_view, therapy_name
from clinic_app.services.visit_views import SessionNotice

# Statuses a session has once it passed the check-in gate: its re-checks keep the gate's
# rules (R1), so an override given at check-in stays with the finding it covers.
CHECKED_IN = ("arrived", "in-chair", "completed")


def proposal_of(row: SessionRow, calendar: ClinicCalendar) -> ProposedSession:
    """An existing session as the engine's proposal (for re-checks)."""
    return ProposedSession(
        therapy=row.therapy_code,
        start=calendar.local(row.start_utc),
        end=calendar.local(row.end_utc),
        day=calendar.local_day(row.start_utc),
        session_id=row.id,
        course_id=row.course_id,
        regimen=regimen_of(row.regimen),
        checking_in=row.status in CHECKED_IN,
    )


def evaluate_sessions(
    sessions: Iterable[SessionRow],
    timeline: PatientTimeline,
    rules: RuleBook,
    params: RuleParameters,
    calendar: ClinicCalendar,
    today: date,
) -> tuple[dict[int, list[Finding]], list[LabNeed]]:
    """Each session against the patient's timeline (the engine skips the session's own dose).

    Returns the findings of sessions from ``today`` on (a past session's findings are
    history) and the lab needs of every session.
    """
    findings: dict[int, list[Finding]] = {}
    needs: list[LabNeed] = []
    for row in sessions:
        evaluation = rules.evaluate(proposal_of(row, calendar), timeline, params)
        needs.extend(LabNeed(row.id, req) for req in evaluation.labs)
        if calendar.local_day(row.start_utc) >= today:
            findings[row.id] = list(evaluation.findings)
    return findings, needs


def recheck_patient(
    s: Session,
    ctx: ServiceContext,
    rules: RuleBook,
    actor: Actor,
    patient: PatientRow,
    calendar: ClinicCalendar,
    now: datetime,
) -> LabChanges:
    """Re-evaluate every active session of ``patient``, store findings, reconcile labs."""
    labs, _ = recheck_patient_report(s, ctx, rules, actor, patient, calendar, now)
    return labs


# Sessions whose new stopping findings are reported to the recorder of a new fact.
NOTICE_STATUSES = ("booked", "arrived", "in-chair")


def recheck_patient_report(
    s: Session,
    ctx: ServiceContext,
    rules: RuleBook,
    actor: Actor,
    patient: PatientRow,
    calendar: ClinicCalendar,
    now: datetime,
) -> tuple[LabChanges, tuple[SessionNotice, ...]]:
    """``recheck_patient``, plus a notice for every booked session from today on that now
    carries a HARD or BLOCK finding it did not carry before (without an override): whoever
    recorded the fact that caused it is told at once which sessions and why."""
    state = PatientState.load(s, patient, calendar, ctx.catalog)
    before = {row.id: stored_keys(row) for row in state.sessions}
    changes, needs = evaluate_sessions(
        state.sessions,
        state.timeline(),
        rules,
        rules.params(s),
        calendar,
        calendar.local_day(now),
    )
    station = repo.lab_station(s, lock=True)
    params = rules.params(s)
    turnaround = params.r4.turnaround_working_days
    labs = LabReconciler(
        s, state, station, calendar, now, turnaround_working_days=turnaround
    ).reconcile(needs)
    for sid, extra in labs.findings.items():
        changes.setdefault(sid, []).extend(extra)
    by_id = {x.id: x for x in state.sessions}
    store_changed_findings_many(
        s, [(by_id[sid], findings) for sid, findings in changes.items()], actor, None, now
    )
    notices = []
    for sid in sorted(changes, key=lambda i: (by_id[i].start_utc, i)):
        row = by_id[sid]
        if row.status not in NOTICE_STATUSES:
            continue
        new = tuple(
            view
            for view in (finding_view(f) for f in row.findings)
            if view.severity in (Severity.HARD, Severity.BLOCK)
            and view.overridden_by is None
            and finding_key(view.to_finding()) not in before[sid]
        )
        if new:
            notices.append(
                SessionNotice(
                    session_id=row.id,
                    mrn=patient.mrn,
                    patient_name=patient.name,
                    therapy_name=therapy_name(ctx.catalog, row.therapy_code),
                    chair=row.chair.name,
                    start=calendar.local(row.start_utc),
                    findings=new,
                )
            )
    return labs, tuple(notices)
