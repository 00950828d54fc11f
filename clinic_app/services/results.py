"""Plain result objects the services return; no ORM object leaves the service layer.

Times are aware datetimes in the clinic's zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.findings import Evidence, Finding, Severity, worst_severity
from clinic_app.domain.rules_cotherapy import is_cotherapy_rule


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding as stored with a session, with its override when there is one."""

    rule: str
    severity: Severity
    message: str
    evidence: str
    overridden_by: str | None = None
    override_reason: str | None = None
    # The prescriber the overriding nurse consulted; None on overrides recorded before 0007.
    consulted: str | None = None

    @classmethod
    def of(cls, finding: Finding) -> FindingView:
        """A not-yet-stored finding (dry run, refusal)."""
        return cls(finding.rule, finding.severity, finding.message, finding.evidence.value)

    def to_finding(self) -> Finding:
        """Back to a domain finding (for comparing stored and new findings)."""
        return Finding(self.rule, self.severity, self.message, Evidence(self.evidence))

    def as_json(self) -> dict[str, object]:
        """The CLI's JSON shape."""
        data: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "evidence": self.evidence,
        }
        if self.overridden_by is not None:
            data["override"] = {
                "by": self.overridden_by,
                "reason": self.override_reason,
                "consulted": self.consulted,
            }
        return data


@dataclass(frozen=True, slots=True)
class PrescriberView:
    """Who prescribed a session's dose: a name, and where to reach them when known."""

    name: str
    practice: str = ""
    contact: str = ""

    def describe(self) -> str:
        """One line: ``Dr Ann Lee, Riverside Surgery, 020 7946 0000``."""
        return ", ".join(part for part in (self.name, self.practice, self.contact) if part)

    def as_json(self) -> dict[str, str]:
        """The CLI's JSON shape."""
        return {"name": self.name, "practice": self.practice, "contact": self.contact}


@dataclass(frozen=True, slots=True)
class LabView:
    """A lab appointment, with the windows and sessions it serves."""

    id: int | None
    patient_id: int
    mrn: str
    patient_name: str
    tests: tuple[str, ...]
    start: datetime
    end: datetime
    status: str
    due_from: date
    due_to: date
    session_ids: tuple[int, ...] = ()
    rules: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionView:
    """A session in a chair, as lists and exports show it."""

    id: int | None
    patient_id: int
    mrn: str
    patient_name: str
    chair_id: int
    chair: str
    therapy: str
    therapy_name: str
    start: datetime
    end: datetime
    status: str
    course_id: str | None
    findings: tuple[FindingView, ...] = ()
    status_reason: str = ""
    prescriber: PrescriberView | None = None

    @property
    def worst(self) -> Severity | None:
        """The most severe finding, for icons and sorting."""
        return worst_severity(f.severity for f in self.findings)

    @property
    def overridden(self) -> tuple[FindingView, ...]:
        """Findings a clinician overrode."""
        return tuple(f for f in self.findings if f.overridden_by is not None)

    @property
    def cotherapy_findings(self) -> tuple[FindingView, ...]:
        """Its iron/antiresorptive co-therapy findings (E2, E3, E4, E7)."""
        return tuple(f for f in self.findings if is_cotherapy_rule(f.rule))

    @property
    def cotherapy_flagged(self) -> bool:
        """Flagged for co-therapy: what "flagged" means on every screen and printout."""
        return bool(self.cotherapy_findings)


def flagged_sessions(sessions: Iterable[SessionView]) -> tuple[SessionView, ...]:
    """The sessions a co-therapy count includes: flagged and not cancelled, in order."""
    return tuple(v for v in sessions if v.cotherapy_flagged and v.status != "cancelled")


@dataclass(frozen=True, slots=True)
class BookingOutcome:
    """What a book, move or check did (or would do)."""

    session: SessionView
    findings: tuple[FindingView, ...]
    labs: tuple[LabView, ...]
    cancelled_labs: tuple[LabView, ...] = ()
    saved: bool = True
    # A series dose moved off a closed day ("next open day"): the day it would have been.
    moved_from: date | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    """A dry run: every problem at once, for the live booking dialog and ``check``."""

    session: SessionView | None
    findings: tuple[FindingView, ...]
    labs: tuple[LabView, ...]
    conflict: str | None = None
    conflict_kind: str | None = None

    @property
    def hard_refused(self) -> bool:
        """A HARD finding: can never be saved."""
        return any(f.severity is Severity.HARD for f in self.findings)

    @property
    def needs_override(self) -> bool:
        """BLOCK findings that need a clinical override with a reason."""
        return any(f.severity is Severity.BLOCK for f in self.findings)

    @property
    def ok(self) -> bool:
        """Would book as it stands (no conflict, no HARD, no BLOCK)."""
        return self.conflict is None and not self.hard_refused and not self.needs_override


@dataclass(frozen=True, slots=True)
class PatientView:
    """A patient's details."""

    id: int
    mrn: str
    name: str
    date_of_birth: date
    sex: str | None
    phone: str | None
    notes: str


@dataclass(frozen=True, slots=True)
class ExposureView:
    """A recorded outside exposure."""

    id: int
    patient_id: int
    drug: str
    drug_name: str
    last_dose_date: date | None
    ongoing_since: date | None
    where_given: str
    # Section 7: an injected drug whose last dose date is not known (active for E1), and the
    # date an older record gave for it, unconfirmed.
    last_dose_unknown: bool = False
    unconfirmed_date: date | None = None

    def describe_when(self) -> str:
        """ "last dose 2026-10-01", "ongoing since 2024-05-01", "last dose unknown"."""
        if self.last_dose_unknown:
            if self.unconfirmed_date is not None:
                return f"last dose unknown (recorded as {self.unconfirmed_date}, unconfirmed)"
            return "last dose unknown"
        if self.last_dose_date is not None:
            return f"last dose {self.last_dose_date}"
        return f"ongoing since {self.ongoing_since}"


@dataclass(frozen=True, slots=True)
class ChairView:
    """An infusion chair."""

    id: int
    name: str
    active: bool


@dataclass(frozen=True, slots=True)
class DayList:
    """The daily list: every session and lab draw of one clinic day, cancelled included."""

    day: date
    sessions: tuple[SessionView, ...]
    labs: tuple[LabView, ...]
    overdue_labs: tuple[LabView, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class DayScreen:
    """The day screen's reading of one day: the active chairs in display order, the clinic's
    calendar (for the day's opening hours) and the day's list, from one transaction."""

    chairs: tuple[ChairView, ...]
    calendar: ClinicCalendar
    day_list: DayList


@dataclass(frozen=True, slots=True)
class WeekOccupancy:
    """Booked sessions and chair time per chair and day of one week (cancelled ones left out).

    ``chairs`` are the active chairs in display order, then any other chair holding a session
    that week; ``counts`` and ``minutes`` are keyed by (chair id, local day).
    """

    first: date
    chairs: tuple[ChairView, ...]
    counts: dict[tuple[int, date], int]
    minutes: dict[tuple[int, date], int]

    @classmethod
    def count(
        cls,
        first: date,
        chairs: Iterable[ChairView],
        sessions: Iterable[tuple[ChairView, datetime, datetime, str]],
    ) -> WeekOccupancy:
        """Count ``(chair, local start, end, status)`` per chair and the start's day."""
        shown = list(chairs)
        known = {c.id for c in shown}
        minutes: dict[tuple[int, date], int] = {}
        counts: dict[tuple[int, date], int] = {}
        for chair, start, end, status in sessions:
            if status == "cancelled":
                continue
            if chair.id not in known:  # a chair made inactive still shows what it holds
                shown.append(chair)
                known.add(chair.id)
            key = (chair.id, start.date())
            minutes[key] = minutes.get(key, 0) + int((end - start).total_seconds() // 60)
            counts[key] = counts.get(key, 0) + 1
        return cls(first, tuple(shown), counts, minutes)
