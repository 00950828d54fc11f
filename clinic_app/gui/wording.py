"""Words for the front desk: severities, evidence, statuses, times, and refusals explained.

Every string goes through Qt's translation (``QCoreApplication.translate`` with the context
``"Wording"``). Nothing here decides anything: the services decide, this module only says
what they decided in words a clerk can act on.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic_app.domain.doses_due import DoseDue, DueState
from clinic_app.domain.errors import (
    ConflictKind,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.domain.findings import Evidence, Severity, worst_severity
from clinic_app.gui.common import dates
from clinic_app.services.actor import Permission
from clinic_app.services.auth import AuthenticationError
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
    """``09:30`` (from the UI locale, see :mod:`clinic_app.gui.common.dates`)."""
    return dates.time_text(moment)


def day_label(day: date) -> str:
    """``Monday 23 November 2026``."""
    return dates.long_date(day)


def short_day_label(day: date) -> str:
    """``Mon 23 Nov``."""
    return dates.day_month(day)


ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def readable_dates(text: str) -> str:
    """``text`` with every ISO date (``2027-09-20``) written the clinic's way (``Mon 20 Sep
    2027``).

    The rules write their dates in ISO inside their messages (the domain has no locale); the
    screen shows them like every other date. Only the writing changes, never the date.
    """

    def replace(match: re.Match[str]) -> str:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return dates.short_date(day)

    return ISO_DATE.sub(replace, text)


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


def finding_sentence(finding: FindingView) -> str:
    """The finding in words, dates written the clinic's way (no rule id, no evidence code)."""
    return readable_dates(finding.message)


SENTENCE_END = re.compile(r"(?<=[a-z0-9)%]\.)\s+(?=[A-Z])")


def finding_headline(finding: FindingView) -> str:
    """The finding's first sentence (what is wrong), for narrow panels; the rest (what to do)
    is in the tooltip with :func:`finding_text`."""
    return SENTENCE_END.split(finding_sentence(finding), maxsplit=1)[0]


def finding_details(finding: FindingView) -> str:
    """The clinicians' line: ``Rule E2 · evidence P: paper or abstract``."""
    return tr("Rule {rule} · evidence {evidence}").format(
        rule=finding.rule, evidence=evidence_words(finding.evidence)
    )


def override_words(finding: FindingView) -> str:
    """``Overridden by nurse1: reason (prescriber consulted: Dr X)``, or empty."""
    if not finding.overridden_by:
        return ""
    text = tr("Overridden by {user}: {reason}").format(
        user=finding.overridden_by, reason=finding.override_reason or ""
    )
    if finding.consulted:
        text += " " + tr("(prescriber consulted: {name})").format(name=finding.consulted)
    return text


def finding_line(finding: FindingView) -> str:
    """One finding on one line, the sentence first and the clinicians' details last:
    ``BLOCK: message. Overridden by … (Rule E2 · evidence P: paper or abstract)``."""
    text = tr("{severity}: {message}").format(
        severity=severity_label(finding.severity), message=finding_sentence(finding)
    )
    if finding.overridden_by:
        text += " " + override_words(finding)
    return f"{text} ({finding_details(finding)})"


def finding_text(finding: FindingView) -> str:
    """One finding on lines of its own (tooltips): the sentence, the override, the details."""
    lines = [
        tr("{severity}: {message}").format(
            severity=severity_label(finding.severity), message=finding_sentence(finding)
        )
    ]
    if finding.overridden_by:
        lines.append(override_words(finding))
    lines.append(finding_details(finding))
    return "\n".join(lines)


def findings_summary(findings: tuple[FindingView, ...]) -> str:
    """A session's findings in a few words: ``2 safety findings overridden``, ``1 warning``."""
    if not findings:
        return ""
    blocks = [f for f in findings if f.severity in (Severity.HARD, Severity.BLOCK)]
    overridden = [f for f in blocks if f.overridden_by]
    parts = []
    if overridden:
        parts.append(
            count(
                len(overridden),
                tr("1 safety finding overridden"),
                tr("{n} safety findings overridden"),
            )
        )
    open_blocks = len(blocks) - len(overridden)
    if open_blocks:
        parts.append(
            count(open_blocks, tr("1 safety finding open"), tr("{n} safety findings open"))
        )
    warnings = sum(1 for f in findings if f.severity is Severity.WARN)
    if warnings:
        parts.append(count(warnings, tr("1 warning"), tr("{n} warnings")))
    notes = sum(1 for f in findings if f.severity is Severity.INFO)
    if notes:
        parts.append(count(notes, tr("1 note"), tr("{n} notes")))
    return ", ".join(parts)


def dose_due_text(due: DoseDue, today: date) -> str:
    """The next dose of one drug in words, dates the clinic's way (the rule id is left to the
    tooltip, :func:`dose_due_details`)."""
    if due.state is DueState.BOOKED and due.next_booked is not None:
        return tr("{drug}: next dose booked for {day}").format(
            drug=due.drug_name, day=day_label(due.next_booked)
        )
    if due.state is DueState.OVERDUE and due.overdue_after is not None:
        return tr("{drug}: overdue since {day}; last dose {last}").format(
            drug=due.drug_name, day=day_label(due.overdue_after), last=day_label(due.last_dose)
        )
    if due.state is DueState.DUE:
        return tr("{drug}: due since {day}; last dose {last}").format(
            drug=due.drug_name, day=day_label(due.due), last=day_label(due.last_dose)
        )
    days = (due.due - today).days
    template = (
        tr("{drug}: due in 1 day, on {day}")
        if days == 1
        else tr("{drug}: due in {n} days, on {day}")
    )
    text = template.format(drug=due.drug_name, n=days, day=day_label(due.due))
    if due.earliest < due.due:
        text += "; " + tr("next dose not before {day}").format(day=day_label(due.earliest))
    return text


def dose_due_details(due: DoseDue) -> str:
    """The clinicians' line of a dose due: the rule that sets the interval, the last dose."""
    return tr("Rule {rule}; last dose {last} ({source})").format(
        rule=due.rule, last=short_date(due.last_dose), source=due.last_source
    )


def short_date(day: date) -> str:
    """``Wed 2 Dec 2026``."""
    return dates.short_date(day)


def age_words(born: date, today: date) -> str:
    """``born Wed 2 Dec 1950, 75 years``."""
    return tr("born {day}, {age} years").format(
        day=dates.short_date(born), age=dates.age_in_years(born, today)
    )


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
    if session.course_id:
        lines.append(tr("Course {course}").format(course=session.course_id))
    lines.extend(finding_text(f) for f in session.findings)
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
            first=short_date(lab.due_from), last=short_date(lab.due_to)
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
            tr("{severity}: {message} (rule {rule})").format(
                severity=severity_label(f.severity),
                message=readable_dates(f.message),
                rule=f.rule,
            )
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
    if isinstance(error, AuthenticationError):
        # Through a clinic server: the session token ended (the login comes up by itself).
        return Explanation(
            tr("Your session has ended"),
            tr("Log in again to go on. Nothing was saved by this last step."),
        )
    if isinstance(error, ConnectionError):
        return Explanation(
            tr("The clinic server could not be reached"),
            tr("Check the network and try again in a moment. Nothing was saved: {error}").format(
                error=error
            ),
        )
    return Explanation(
        tr("Something went wrong"),
        tr("The request could not be completed: {error}").format(error=error),
    )
