"""The check-in gate (docs/clinical-rules.md, section 11): the go/no-go decision on the day.

Called by the status change inside its transaction, before the status is written, once the
status table (STATUS_FLOW and status_refusal in services/booking.py: no visit status before
the session's day) allowed the change:

- Marking a session arrived or in-chair re-runs every rule with the results on file, R1
  included. A HARD finding stops it. A BLOCK finding without an override stops it, unless a
  nurse overrides it here with a reason: the override is stored with the finding and in the
  audit trail. A BLOCK that appeared after booking (a later outside record, a result, a rule
  change) is enforced here like any other.

A refusal raises before anything is written, so the unit of work rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import RuleRefusalError
from clinic_app.domain.findings import Finding, Severity
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import PatientRow, SessionRow
from clinic_app.services.actor import Actor
from clinic_app.services.context import ServiceContext
from clinic_app.services.findings_store import finding_key, store_changed_findings, store_findings
from clinic_app.services.patient_state import PatientState
from clinic_app.services.recheck import proposal_of
from clinic_app.services.rulebook import RuleBook

# Statuses that let the patient into the chair: the rules are re-run with the results on file.
GATED = frozenset({"arrived", "in-chair"})


@dataclass(frozen=True, slots=True)
class GateDecision:
    """What the gate found: the findings now stored and those a nurse overrode here."""

    findings: tuple[Finding, ...]
    overridden_here: tuple[Finding, ...] = ()


class CheckInGate:
    """Re-runs the rules when a session checks in, and enforces what they say."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    def enforce(
        self,
        s: Session,
        actor: Actor,
        patient: PatientRow,
        row: SessionRow,
        status: str,
        calendar: ClinicCalendar,
        now: datetime,
        override_reason: str | None,
        consulted: str | None = None,
    ) -> GateDecision | None:
        """Check ``row`` becoming ``status``; raises on refusal, returns None when the status
        is not gated. ``override_reason`` must already be checked as a nurse's override."""
        if status not in GATED:
            return None
        state = PatientState.load(s, patient, calendar, self._ctx.catalog)
        proposal = replace(proposal_of(row, calendar), checking_in=True)
        params = self._rules.params(s)
        findings = list(self._rules.evaluate(proposal, state.timeline(), params).findings)
        hard = [f for f in findings if f.severity is Severity.HARD]
        if hard:
            rules = ", ".join(dict.fromkeys(f.rule for f in hard))
            raise RuleRefusalError(
                f"a HARD rule stops this session at check-in ({rules})",
                findings,
                overridable=False,
            )
        overridden = {(f.rule_id, f.message) for f in row.findings if f.override is not None}
        open_blocks = [
            f
            for f in findings
            if f.severity is Severity.BLOCK and (f.rule, f.message) not in overridden
        ]
        if open_blocks and not override_reason:
            rules = ", ".join(dict.fromkeys(f.rule for f in open_blocks))
            raise RuleRefusalError(
                f"this session needs a nurse's override to check in ({rules})",
                open_blocks,
                overridable=True,
            )
        # Keep the WARN findings of unplaced labs the booking stored; the engine does not
        # produce those.
        keys = {finding_key(f) for f in findings}
        lab_warnings = [
            Finding(f.rule_id, Severity(f.severity), f.message)
            for f in row.findings
            if f.severity == Severity.WARN.value
            and f.message.startswith("no free lab slot")
            and (f.rule_id, f.severity, f.message) not in keys
        ]
        findings.extend(lab_warnings)
        if open_blocks:
            store_findings(s, row, findings, actor, override_reason, now, consulted=consulted)
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="check-in-override",
                entity="session",
                entity_id=row.id,
                patient_id=row.patient_id,
                after={
                    "status": status,
                    "reason": override_reason,
                    "consulted": consulted,
                    "rules": [f.rule for f in open_blocks],
                    "messages": [f.message for f in open_blocks],
                },
            )
        else:
            store_changed_findings(s, row, findings, actor, None, now)
        return GateDecision(tuple(findings), tuple(open_blocks))
