"""What the rule engine says about a proposed session: findings and lab requirements."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


class Severity(enum.StrEnum):
    """How a finding affects saving (docs/clinical-rules.md, section 1)."""

    HARD = "HARD"  # never saved
    BLOCK = "BLOCK"  # saved only with a clinical override and a reason
    WARN = "WARN"  # saved, shown wherever the booking is shown
    INFO = "INFO"  # shown at booking time

    @property
    def rank(self) -> int:
        """Larger is worse; used to pick the worst finding of a booking."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARN: 1, Severity.BLOCK: 2, Severity.HARD: 3}


def worst_severity(severities: Iterable[Severity]) -> Severity | None:
    """The most severe of ``severities``, or None when there are none.

    The one definition of "worst" that the grid markers, lists, exports and banners share.
    """
    return max(severities, key=lambda severity: severity.rank, default=None)


class Evidence(enum.StrEnum):
    """Evidence status of a rule or number (docs/clinical-rules.md, section 1)."""

    LABEL = "L"
    PAPER = "P"
    SECONDARY = "S"
    UNSOURCED = "U"

    @property
    def description(self) -> str:
        """Words for the user, shown next to the rule id."""
        return _EVIDENCE_WORDS[self]


_EVIDENCE_WORDS = {
    Evidence.LABEL: "drug label / SmPC",
    Evidence.PAPER: "paper or abstract",
    Evidence.SECONDARY: "secondary summary",
    Evidence.UNSOURCED: "policy proposal, no source fixes the number",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict on a session. ``rule`` is its id in docs/clinical-rules.md (E3, A7...)."""

    rule: str
    severity: Severity
    message: str
    evidence: Evidence = Evidence.UNSOURCED
    related_session_id: int | None = None

    @property
    def needs_override(self) -> bool:
        """True when the booking can be saved only with a clinical override."""
        return self.severity is Severity.BLOCK


class LabTiming(enum.StrEnum):
    """Whether a lab draw belongs before the dose or after it."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class LabRequirement:
    """A lab draw a session needs: which tests, inside which window of local dates.

    ``target`` is the preferred day of an "after" window (day 7 of "day 7 +-2"); a "before"
    window has none and is placed on the latest free slot inside it that still leaves the
    results turnaround before ``results_by`` (the dose day whose go/no-go needs the result).
    """

    rule: str
    tests: frozenset[str]
    timing: LabTiming
    due_from: date
    due_to: date
    target: date | None = None
    label: str = ""
    results_by: date | None = None

    def __post_init__(self) -> None:
        if self.due_from > self.due_to:
            raise ValueError(f"lab window of {self.rule} ends before it starts")
        if not self.tests:
            raise ValueError(f"lab requirement {self.rule} names no test")
        if self.target is not None and not (self.due_from <= self.target <= self.due_to):
            raise ValueError(f"lab target of {self.rule} lies outside its window")

    def covers_day(self, day: date) -> bool:
        """True when a draw on ``day`` falls inside this window."""
        return self.due_from <= day <= self.due_to


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The rule engine's answer for one proposed session."""

    findings: tuple[Finding, ...] = ()
    labs: tuple[LabRequirement, ...] = ()

    @property
    def worst(self) -> Severity | None:
        """The most severe finding, or None when there is none."""
        return worst_severity(f.severity for f in self.findings)
