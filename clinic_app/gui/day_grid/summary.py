"""What the day screen says in words: the day's summary line and the outcome of an action.

Pure functions of the services' result objects (no widget), so the wording is tested on its
own. The texts keep the main window's translation context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from clinic_app.domain.findings import Severity, worst_severity
from clinic_app.gui import wording
from clinic_app.gui.wording import count
from clinic_app.services.results import BookingOutcome, DayList, flagged_sessions

CONTEXT = "MainWindow"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True, slots=True)
class Feedback:
    """A banner's contents: ``level`` (``ok``, ``warning``), a headline and detail lines."""

    level: str
    headline: str
    detail: str


def day_summary(day_list: DayList, *, closed: bool, closed_date: bool) -> str:
    """ "3 sessions · 2 lab draws · 1 co-therapy flag ...", or why the clinic is closed.

    ``closed`` when the clinic does not open that day; ``closed_date`` when that is because
    the day is one of the clinic's closed dates (not a weekday without opening hours).
    """
    shown = [s for s in day_list.sessions if s.status != "cancelled"]
    labs = [lab for lab in day_list.labs if lab.status != "cancelled"]
    parts = []
    if closed:
        reason = _tr("closed date") if closed_date else _tr("not an opening day")
        parts.append(_tr("Closed (%1)").replace("%1", reason))
        if not shown and not labs:
            return parts[0]
    parts += [
        count(len(shown), _tr("1 session"), _tr("{n} sessions")),
        count(len(labs), _tr("1 lab draw"), _tr("{n} lab draws")),
    ]
    flagged = flagged_sessions(shown)
    if flagged:
        parts.append(count(len(flagged), _tr("1 co-therapy flag"), _tr("{n} co-therapy flags")))
    cancelled = len(day_list.sessions) - len(shown)
    if cancelled:
        parts.append(
            count(cancelled, _tr("1 cancelled (not drawn)"), _tr("{n} cancelled (not drawn)"))
        )
    if day_list.overdue_labs:
        parts.append(
            count(
                len(day_list.overdue_labs),
                _tr("1 overdue lab draw"),
                _tr("{n} overdue lab draws"),
            )
        )
    return " · ".join(parts)


def outcome_feedback(verb: str, outcomes: list[BookingOutcome]) -> Feedback:
    """What a booking, move or cancel did: who, what, when, the labs and the findings."""
    first = outcomes[0].session
    when = f"{wording.short_day_label(first.start.date())} {wording.hhmm(first.start)}"
    headline = (
        _tr("%1: %2 (%3), %4, %5 in %6")
        .replace("%1", verb)
        .replace("%2", first.patient_name)
        .replace("%3", first.mrn)
        .replace("%4", first.therapy_name)
        .replace("%5", when)
        .replace("%6", first.chair)
    )
    lines = []
    if len(outcomes) > 1:
        lines.append(
            count(
                len(outcomes),
                _tr("1 dose booked as one course."),
                _tr("{n} doses booked as one course."),
            )
        )
    new_labs = {
        (lab.start, lab.tests)
        for outcome in outcomes
        for lab in outcome.labs
        if lab.id is not None and lab.status == "booked"
    }
    if new_labs:
        lines.append(
            count(
                len(new_labs),
                _tr("1 lab draw serves this booking."),
                _tr("{n} lab draws serve this booking."),
            )
        )
    cancelled = sum(len(o.cancelled_labs) for o in outcomes)
    if cancelled:
        lines.append(
            count(
                cancelled,
                _tr("1 lab draw no longer needed was cancelled."),
                _tr("{n} lab draws no longer needed were cancelled."),
            )
        )
    findings = [f for o in outcomes for f in o.findings]
    lines.extend(wording.finding_line(finding) for finding in findings)
    worst = worst_severity(f.severity for f in findings)
    level = "warning" if worst in (Severity.WARN, Severity.BLOCK) else "ok"
    return Feedback(level, headline, "\n".join(lines))
