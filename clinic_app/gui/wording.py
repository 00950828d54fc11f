"""Words for the front desk: severities, evidence, statuses, times, and refusals explained.

Every string goes through Qt's translation (``QCoreApplication.translate`` with the context
``"Wording"``). Nothing here decides anything: the services decide, this module only says
what they decided in words a clerk can act on.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic_app.domain.errors import (
    ConflictKind,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.domain.findings import Evidence, Severity, worst_severity
from clinic_app.services.actor import Permission
from clinic_app.services.results import FindingView, LabView, SessionView

CONTEXT = "Wording"


def tr(text: str) -> str:
    """Translate ``text`` in this module's context."""
    return QCoreApplication.translate(CONTEXT, text)


def plain_tooltip(text: str | None) -> str | None:
    """``text`` as a tooltip that can never be read as HTML.

    Qt shows a tooltip as rich text when it looks like HTML, and tooltips quote patient data
    (names, notes, where a drug was given); escaping keeps that text literal.
    """
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def severity_label(severity: Severity) -> str:
    """The marker word shown with the severity icon (never colour alone)."""
    return {
        Severity.HARD: tr("HARD"),
        Severity.BLOCK: tr("BLOCK"),
        Severity.WARN: tr("WARN"),
        Severity.INFO: tr("INFO"),
    }[severity]


def severity_meaning(severity: Severity) -> str:
    """What a severity means for the booking, in plain words."""
    return {
        Severity.HARD: tr("cannot be booked"),
        Severity.BLOCK: tr("needs a clinical override"),
        Severity.WARN: tr("warning, can be booked"),
        Severity.INFO: tr("for information"),
    }[severity]


def evidence_words(code: str) -> str:
    """The evidence status of a rule: the letter and what it means."""
    words = {
        Evidence.LABEL.value: tr("drug label / SmPC"),
        Evidence.PAPER.value: tr("paper or abstract"),
        Evidence.SECONDARY.value: tr("secondary summary"),
        Evidence.UNSOURCED.value: tr("clinic policy, no source fixes the number"),
    }
    meaning = words.get(code)
    return f"{code}: {meaning}" if meaning else code


def evidence_short(code: str) -> str:
    """The evidence status in a few words for narrow columns (``P: paper``)."""
    words = {
        Evidence.LABEL.value: tr("label"),
        Evidence.PAPER.value: tr("paper"),
        Evidence.SECONDARY.value: tr("secondary"),
        Evidence.UNSOURCED.value: tr("policy"),
    }
    meaning = words.get(code)
    return f"{code}: {meaning}" if meaning else code


def count(number: int, one: str, many: str) -> str:
    """``1 session`` / ``3 sessions``: ``one`` and ``many`` are already translated templates
    holding ``{n}`` (English plurals until the .qm translations with numerus forms exist)."""
    return (one if number == 1 else many).format(n=number)


def status_label(status: str) -> str:
    """A session or lab status for people."""
    return {
        "booked": tr("booked"),
        "arrived": tr("arrived"),
        "in-chair": tr("in chair"),
        "completed": tr("completed"),
        "no-show": tr("no-show"),
        "cancelled": tr("cancelled"),
        "done": tr("done"),
    }.get(status, status)


def hhmm(moment: datetime) -> str:
    """``09:30``."""
    return moment.strftime("%H:%M")


def day_label(day: date) -> str:
    """``Monday 23 November 2026`` (in the translator's order)."""
    return tr("{weekday} {day} {month} {year}").format(
        weekday=weekday_name(day.weekday()),
        day=day.day,
        month=month_name(day.month),
        year=day.year,
    )


def short_day_label(day: date) -> str:
    """``Mon 23 Nov``."""
    return tr("{weekday} {day} {month}").format(
        weekday=short_weekday_name(day.weekday()), day=day.day, month=month_name(day.month)[:3]
    )


def short_weekday_name(index: int) -> str:
    """``Mon``; Monday is 0 (translated whole: German abbreviates to two letters, ``Mi``)."""
    names = (tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun"))
    return names[index]


def weekday_name(index: int) -> str:
    """Monday is 0."""
    names = (
        tr("Monday"),
        tr("Tuesday"),
        tr("Wednesday"),
        tr("Thursday"),
        tr("Friday"),
        tr("Saturday"),
        tr("Sunday"),
    )
    return names[index]


def month_name(month: int) -> str:
    """January is 1."""
    names = (
        tr("January"),
        tr("February"),
        tr("March"),
        tr("April"),
        tr("May"),
        tr("June"),
        tr("July"),
        tr("August"),
        tr("September"),
        tr("October"),
        tr("November"),
        tr("December"),
    )
    return names[month - 1]


def marker_text(findings: tuple[FindingView, ...]) -> str:
    """The grid marker of a session: the worst severity, and whether it was overridden."""
    worst = worst_severity(f.severity for f in findings)
    if worst is None:
        return ""
    label = severity_label(worst)
    of_worst = [f for f in findings if f.severity is worst]
    if worst is Severity.BLOCK and all(f.overridden_by for f in of_worst):
        return tr("{severity} overridden").format(severity=label)
    return label


def marker_short(findings: tuple[FindingView, ...]) -> str:
    """The marker for narrow cells: the word, with a tick when an override covers a BLOCK."""
    worst = worst_severity(f.severity for f in findings)
    if worst is None:
        return ""
    label = severity_label(worst)
    of_worst = [f for f in findings if f.severity is worst]
    if worst is Severity.BLOCK and all(f.overridden_by for f in of_worst):
        return f"{label}\u2713"
    return label


def finding_line(finding: FindingView) -> str:
    """One finding on one line: ``BLOCK E2 (P: paper or abstract): message``."""
    text = tr("{severity} {rule} ({evidence}): {message}").format(
        severity=severity_label(finding.severity),
        rule=finding.rule,
        evidence=evidence_words(finding.evidence),
        message=finding.message,
    )
    if finding.overridden_by:
        text += " " + tr("[overridden by {user}: {reason}]").format(
            user=finding.overridden_by, reason=finding.override_reason or ""
        )
        if finding.consulted:
            text += " " + tr("[prescriber consulted: {name}]").format(name=finding.consulted)
    return text


def session_tooltip(session: SessionView) -> str:
    """Plain-text details of a session for tooltips and the details panel."""
    lines = [
        f"{session.patient_name} ({session.mrn})",
        tr("{therapy}, {start}-{end}, {chair}").format(
            therapy=session.therapy_name,
            start=hhmm(session.start),
            end=hhmm(session.end),
            chair=session.chair,
        ),
        tr("Status: {status}").format(status=status_label(session.status)),
    ]
    if session.status_reason:
        lines.append(tr("Reason: {reason}").format(reason=session.status_reason))
    if session.prescriber:
        lines.append(tr("Prescriber: {name}").format(name=session.prescriber.describe()))
    lines.extend(finding_line(f) for f in session.findings)
    if not session.findings:
        lines.append(tr("No safety findings."))
    return "\n".join(lines)


def lab_tests(lab: LabView) -> str:
    """``calcium, phosphate``."""
    return ", ".join(lab.tests)


def lab_tooltip(lab: LabView) -> str:
    """Plain-text details of a lab draw."""
    lines = [
        f"{lab.patient_name} ({lab.mrn})",
        tr("Lab draw {start}-{end}: {tests}").format(
            start=hhmm(lab.start), end=hhmm(lab.end), tests=lab_tests(lab)
        ),
        tr("Due {first} to {last}").format(
            first=lab.due_from.isoformat(), last=lab.due_to.isoformat()
        ),
    ]
    if lab.labels:
        lines.append(tr("Why: {labels}").format(labels="; ".join(dict.fromkeys(lab.labels))))
    if lab.status != "booked":
        lines.append(tr("Status: {status}").format(status=status_label(lab.status)))
    return "\n".join(lines)


FIELD_LABELS = {
    "mrn": QT_TRANSLATE_NOOP("Wording", "MRN"),
    "name": QT_TRANSLATE_NOOP("Wording", "name"),
    "dob": QT_TRANSLATE_NOOP("Wording", "date of birth"),
    "sex": QT_TRANSLATE_NOOP("Wording", "sex"),
    "phone": QT_TRANSLATE_NOOP("Wording", "phone"),
    "notes": QT_TRANSLATE_NOOP("Wording", "notes"),
    "therapy": QT_TRANSLATE_NOOP("Wording", "therapy"),
    "start": QT_TRANSLATE_NOOP("Wording", "date and time"),
    "chair": QT_TRANSLATE_NOOP("Wording", "chair"),
    "override": QT_TRANSLATE_NOOP("Wording", "override reason"),
    "consulted": QT_TRANSLATE_NOOP("Wording", "prescriber consulted"),
    "prescriber": QT_TRANSLATE_NOOP("Wording", "prescriber"),
    "prescriber-practice": QT_TRANSLATE_NOOP("Wording", "prescriber's practice"),
    "prescriber-contact": QT_TRANSLATE_NOOP("Wording", "prescriber's contact"),
    "session": QT_TRANSLATE_NOOP("Wording", "session"),
    "exposure": QT_TRANSLATE_NOOP("Wording", "outside exposures"),
    "out": QT_TRANSLATE_NOOP("Wording", "folder"),
    "reason": QT_TRANSLATE_NOOP("Wording", "reason"),
    "count": QT_TRANSLATE_NOOP("Wording", "number of doses"),
    "every": QT_TRANSLATE_NOOP("Wording", "interval"),
    "date": QT_TRANSLATE_NOOP("Wording", "date"),
    "ongoing-since": QT_TRANSLATE_NOOP("Wording", "ongoing since"),
    "where": QT_TRANSLATE_NOOP("Wording", "where given"),
    "drug": QT_TRANSLATE_NOOP("Wording", "drug"),
    "patient": QT_TRANSLATE_NOOP("Wording", "patient"),
}


def field_label(field: str) -> str:
    """The form label of a service field name."""
    return tr(str(FIELD_LABELS.get(field, field)))


@dataclass(frozen=True, slots=True)
class Explanation:
    """A refusal in clerk words: a headline, what happened, and which field to fix."""

    headline: str
    detail: str
    field: str | None = None
    overridable: bool = False


def explain_error(error: BaseException) -> Explanation:
    """Turn a service error into words a clerk can act on (unknown errors say so plainly)."""
    if isinstance(error, NotFoundError):
        return Explanation(
            tr("Not found"),
            tr("Check the {field}: {problem}").format(
                field=field_label(error.field), problem=error.problem
            ),
            error.field,
        )
    if isinstance(error, InvalidInputError):
        return Explanation(
            tr("Please check the {field}").format(field=field_label(error.field)),
            error.problem,
            error.field,
        )
    if isinstance(error, SchedulingConflictError):
        headline = {
            ConflictKind.CHAIR: tr("That chair is already taken then"),
            ConflictKind.PATIENT: tr("The patient already has an appointment then"),
            ConflictKind.LAB_CAPACITY: tr("The lab station is full then"),
            ConflictKind.HOURS: tr("The clinic is closed then"),
            ConflictKind.JUST_TAKEN: tr("Someone else has just booked that place"),
            ConflictKind.STATE: tr("This session cannot be changed"),
        }.get(error.kind, tr("That time is not free"))
        advice = {
            ConflictKind.CHAIR: tr("Pick another chair or time, or use Find next free slots."),
            ConflictKind.PATIENT: tr("Pick another time, or use Find next free slots."),
            ConflictKind.LAB_CAPACITY: tr("Pick another time, or use Find next free slots."),
            ConflictKind.HOURS: tr("Pick a time within opening hours."),
            ConflictKind.JUST_TAKEN: tr("Use Find next free slots to see what is still free."),
        }.get(error.kind, "")
        detail = f"{error.message}. {advice}".strip() if advice else error.message
        return Explanation(headline, detail, "start")
    if isinstance(error, RuleRefusalError):
        reasons = "\n".join(
            f"{severity_label(f.severity)} {f.rule}: {f.message}"
            for f in error.findings
            if f.severity in (Severity.HARD, Severity.BLOCK)
        )
        if not error.overridable:
            return Explanation(
                tr("Not allowed for the patient's safety"),
                tr(
                    "A safety rule forbids this booking and it cannot be overridden. "
                    "Talk to the prescriber.\n{reasons}"
                ).format(reasons=reasons or str(error)),
            )
        return Explanation(
            tr("Needs a clinical override"),
            tr(
                "A nurse must confirm this booking and give a reason before it can be saved.\n"
                "{reasons}"
            ).format(reasons=reasons),
            "override",
            True,
        )
    if isinstance(error, PermissionDeniedError) and error.action == Permission.OVERRIDE.value:
        return Explanation(
            tr("Only a nurse may override"),
            tr("A user with the role {role} may not record a clinical override.").format(
                role=error.role
            ),
            "override",
        )
    if isinstance(error, PermissionDeniedError):
        return Explanation(
            tr("Not permitted for your role"),
            tr("A user with the role {role} may not {action}. Ask a colleague who can.").format(
                role=error.role, action=error.action
            ),
        )
    return Explanation(
        tr("Something went wrong"),
        tr("The request could not be completed: {error}").format(error=error),
    )
