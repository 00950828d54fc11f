"""Storing a session's current findings, with overrides and audit entries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from clinic_app.domain.findings import Finding, Severity
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import OverrideRow, SessionFindingRow, SessionRow
from clinic_app.services.actor import Actor
from clinic_app.services.results import FindingView
from clinic_app.services.views import finding_view

FindingKey = tuple[str, str, str]


def finding_key(finding: Finding) -> FindingKey:
    """What makes two findings the same: rule, severity and message."""
    return (finding.rule, finding.severity.value, finding.message)


def unique_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in order, each once."""
    seen: set[FindingKey] = set()
    result = []
    for finding in findings:
        key = finding_key(finding)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def stored_keys(row: SessionRow) -> set[FindingKey]:
    """The keys of the findings stored with a session now."""
    return {finding_key(finding_view(f).to_finding()) for f in row.findings}


def _kept_overrides(row: SessionRow | None) -> dict[tuple[str, str], OverrideRow]:
    """The overrides stored with the session's findings, by rule and message (a new session
    has none: its findings were never read from the database)."""
    if row is None:
        return {}
    return {(f.rule_id, f.message): f.override for f in row.findings if f.override is not None}


def planned_findings(
    row: SessionRow | None,
    findings: Iterable[Finding],
    actor: Actor,
    override_reason: str | None,
    *,
    consulted: str | None = None,
) -> tuple[FindingView, ...]:
    """The findings ``store_findings`` would store with ``row`` (None: a new session), as
    views, writing nothing: what a dry run reports.

    The same rules as ``store_findings``: a BLOCK takes the override given, any other
    finding keeps the earlier override of the same rule and message.
    """
    previous = _kept_overrides(row)
    views = []
    for finding in unique_findings(findings):
        view = FindingView.of(finding)
        if finding.severity is Severity.BLOCK and override_reason:
            view = replace(
                view,
                overridden_by=actor.username,
                override_reason=override_reason,
                consulted=consulted,
            )
        elif (old := previous.get((finding.rule, finding.message))) is not None:
            view = replace(
                view,
                overridden_by=old.overridden_by,
                override_reason=old.reason,
                consulted=old.consulted_prescriber,
            )
        views.append(view)
    return tuple(views)


def store_findings(
    s: Session,
    row: SessionRow,
    findings: Iterable[Finding],
    actor: Actor,
    override_reason: str | None,
    now: datetime,
    *,
    consulted: str | None = None,
) -> None:
    """Replace the session's findings; BLOCKs get the override, earlier overrides are kept.

    ``consulted`` is the prescriber the overriding nurse consulted, stored with the override.
    """
    replace_findings(s, [(row, findings, None)], actor, override_reason, now, consulted=consulted)


def replace_findings(
    s: Session,
    items: Sequence[tuple[SessionRow, Iterable[Finding], repo.AuditEntry | None]],
    actor: Actor,
    override_reason: str | None,
    now: datetime,
    *,
    consulted: str | None = None,
) -> None:
    """``store_findings`` for each (session, findings) of ``items``, in order, followed in the
    audit trail by the entry given with it (None: none).

    One flush removes every old finding and one statement group adds the new ones with the
    audit entries, however many sessions a booking re-checked (a flush per session cost more
    than the rows it wrote).
    """
    previous = [_kept_overrides(row) for row, _findings, _entry in items]
    for row, _findings, _entry in items:
        row.findings.clear()
    s.flush()
    audits: list[repo.AuditEntry] = []
    for (row, findings, entry), kept in zip(items, previous, strict=True):
        audits.extend(_add_findings(s, row, findings, kept, actor, override_reason, now, consulted))
        if entry is not None:
            audits.append(entry)
    repo.audit_many(s, audits)


def _add_findings(
    s: Session,
    row: SessionRow,
    findings: Iterable[Finding],
    previous: dict[tuple[str, str], OverrideRow],
    actor: Actor,
    override_reason: str | None,
    now: datetime,
    consulted: str | None,
) -> list[repo.AuditEntry]:
    """Add ``findings`` to the (emptied) session; returns the audit entries of new overrides."""
    audits: list[repo.AuditEntry] = []
    for finding in unique_findings(findings):
        override = previous.get((finding.rule, finding.message))
        if finding.severity is Severity.BLOCK and override_reason:
            override = OverrideRow(
                session_id=row.id,
                rule_id=finding.rule,
                message=finding.message,
                overridden_by=actor.username,
                reason=override_reason,
                at_utc=now,
                consulted_prescriber=consulted,
            )
            s.add(override)
            audits.append(
                repo.AuditEntry(
                    now,
                    actor.username,
                    "override",
                    "session",
                    row.id,
                    row.patient_id,
                    after={
                        "rule": finding.rule,
                        "message": finding.message,
                        "reason": override_reason,
                        "consulted": consulted,
                    },
                )
            )
        row.findings.append(
            SessionFindingRow(
                rule_id=finding.rule,
                severity=finding.severity.value,
                message=finding.message,
                evidence=finding.evidence.value,
                override=override,
            )
        )
    return audits


def store_changed_findings(
    s: Session,
    row: SessionRow,
    findings: list[Finding],
    actor: Actor,
    override_reason: str | None,
    now: datetime,
    *,
    consulted: str | None = None,
) -> bool:
    """Store a re-checked session's findings when they changed; audit the change."""
    changed = store_changed_findings_many(
        s, [(row, findings)], actor, override_reason, now, consulted=consulted
    )
    return bool(changed)


def store_changed_findings_many(
    s: Session,
    changes: Sequence[tuple[SessionRow, list[Finding]]],
    actor: Actor,
    override_reason: str | None,
    now: datetime,
    *,
    consulted: str | None = None,
    first: tuple[SessionRow, Iterable[Finding]] | None = None,
) -> list[int]:
    """``store_changed_findings`` for several re-checked sessions at once (``replace_findings``:
    two flushes in all); ``first``: a session whose findings are stored before them all,
    changed or not (a booking's own). Returns the ids of the re-checked sessions stored."""
    items: list[tuple[SessionRow, Iterable[Finding], repo.AuditEntry | None]] = []
    if first is not None:
        items.append((first[0], first[1], None))
    for row, findings in changes:
        old = stored_keys(row)
        new = {finding_key(f) for f in findings}
        if old == new:
            continue
        entry = repo.AuditEntry(
            now,
            actor.username,
            "recheck",
            "session",
            row.id,
            row.patient_id,
            before={"findings": sorted(old)},
            after={"findings": sorted(new)},
        )
        items.append((row, findings, entry))
    if items:
        replace_findings(s, items, actor, override_reason, now, consulted=consulted)
    return [row.id for row, _findings, entry in items if entry is not None]
