"""What every rule needs to know about one proposed session, computed once per evaluation.

The context holds the proposal as a dose, the patient's other doses (the proposal's own session
removed), the catalog and the parameters, and answers the questions several rules ask: which
doses are of a drug, which dose is the previous or next one, whether the proposal opens or
closes its course, and how a dose reads in a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cached_property

from clinic_app.domain.catalog import Catalog, Therapy
from clinic_app.domain.exposure import Exposure, active_exposures, describe_dose
from clinic_app.domain.findings import Finding, LabRequirement, Severity
from clinic_app.domain.rule_calendar import Period
from clinic_app.domain.rule_parameters import RuleParameters, RuleParams
from clinic_app.domain.timeline import DOSE_ORDER, Dose, PatientTimeline, ProposedSession

# What a rule function yields.
RuleOutput = Iterator[Finding | LabRequirement]


def dose_order(dose: Dose) -> tuple[date, float]:
    """Order of doses: by day, then start (recorded doses, without a start, come first)."""
    return dose.order


def same_course(a: Dose, b: Dose) -> bool:
    """True when two doses belong to one course (a dose without course_id is its own)."""
    return a.course_id is not None and a.course_id == b.course_id


def within(period: Period, a: Dose, b: Dose) -> bool:
    """True when two doses lie within ``period`` of each other, counted from the earlier day.

    An ongoing dose (oral bisphosphonate) is taken every day from its start on, so it is within
    any period of a dose on or after its start.
    """
    for first, second in ((a, b), (b, a)):
        if first.ongoing and first.day <= second.day:
            return True
    # sorted((a.day, b.day)) without the call (an evaluation asks ~10 of these)
    earlier, later = (a.day, b.day) if a.day <= b.day else (b.day, a.day)
    return later <= period.after(earlier)


class RuleContext:
    """One evaluation's inputs and the answers several rules share."""

    def __init__(
        self,
        proposal: ProposedSession,
        timeline: PatientTimeline,
        catalog: Catalog,
        params: RuleParameters,
    ) -> None:
        self.proposal = proposal
        self.catalog = catalog
        self.params = params
        # The timeline may hold the proposal's own session (a move or re-check): drop it.
        self.timeline = timeline.without_session(proposal.session_id)
        self.dose = proposal.as_dose()
        self.therapy = catalog.get(proposal.therapy)
        # A recorded dose without a known date has no day to measure intervals from: the
        # interval rules only ask to confirm it (``unknown_of``); E1 counts it as active.
        # (List comprehensions, not generators: ~40 doses, eleven evaluations a check.)
        self.others = tuple(
            sorted([d for d in self.timeline.doses if not d.date_unknown], key=DOSE_ORDER)
        )
        self.unknown = tuple([d for d in self.timeline.doses if d.date_unknown])
        # Fail on an unknown code here, for every rule alike, rather than in whichever rule
        # happens to look first.
        # (Each distinct drug once, in the order the doses name them.)
        drugs = {d.drug: None for d in self.timeline.doses}
        self._therapies = {drug: catalog.get(drug) for drug in drugs}
        # The proposal's local day (the rules ask it ~60 times an evaluation).
        self.day: date = proposal.day
        # Answers several rules ask again, kept for this evaluation (the inputs are fixed).
        self._of_drug: dict[str, tuple[Dose, ...]] = {}
        self._iron: tuple[Dose, ...] | None = None
        self._antiresorptive: tuple[Dose, ...] | None = None
        self._mates: tuple[Dose, ...] | None = None

    def therapy_of(self, dose: Dose) -> Therapy:
        """The catalog entry of a dose's drug."""
        return self._therapies[dose.drug]

    def doses_of(self, drug: str) -> tuple[Dose, ...]:
        """The other doses of ``drug``, in order."""
        found = self._of_drug.get(drug)
        if found is None:
            found = self._of_drug[drug] = tuple(d for d in self.others if d.drug == drug)
        return found

    def unknown_of(self, drug: str) -> tuple[Dose, ...]:
        """Recorded doses of ``drug`` whose last dose date is unknown."""
        return tuple(d for d in self.unknown if d.drug == drug)

    def iron_doses(self) -> tuple[Dose, ...]:
        """The other IV iron doses, in order."""
        if self._iron is None:
            therapies = self._therapies
            self._iron = tuple(d for d in self.others if therapies[d.drug].is_iron)
        return self._iron

    def antiresorptive_doses(self) -> tuple[Dose, ...]:
        """The other antiresorptive doses, in order."""
        if self._antiresorptive is None:
            therapies = self._therapies
            self._antiresorptive = tuple(
                d for d in self.others if therapies[d.drug].is_antiresorptive
            )
        return self._antiresorptive

    def is_before(self, dose: Dose) -> bool:
        """True when ``dose`` comes before the proposal (by day, then start)."""
        return dose.order < self.dose.order

    def is_after(self, dose: Dose) -> bool:
        """True when ``dose`` comes after the proposal (by day, then start)."""
        return dose.order > self.dose.order

    def previous_of(self, drug: str) -> Dose | None:
        """The latest other dose of ``drug`` on or before the proposal's day."""
        earlier = [d for d in self.doses_of(drug) if d.day <= self.day]
        return earlier[-1] if earlier else None

    def next_of(self, drug: str) -> Dose | None:
        """The earliest other dose of ``drug`` after the proposal's day."""
        later = [d for d in self.doses_of(drug) if d.day > self.day]
        return later[0] if later else None

    def course_mates(self) -> tuple[Dose, ...]:
        """The other doses of the proposal's course, in order."""
        if self._mates is None:
            dose = self.dose
            course = dose.course_id
            # same_course(d, dose), inlined: a dose without course_id is its own course.
            self._mates = (
                tuple(d for d in self.others if d.course_id == course) if course is not None else ()
            )
        return self._mates

    def is_first_of_course(self) -> bool:
        """True when no dose of the proposal's course comes before it."""
        return not any(self.is_before(d) for d in self.course_mates())

    def is_last_of_course(self) -> bool:
        """True when no dose of the proposal's course comes after it."""
        return not any(self.is_after(d) for d in self.course_mates())

    @cached_property
    def exposures(self) -> tuple[Exposure, ...]:
        """Active antiresorptive exposures on the proposal's day (E1)."""
        return active_exposures(self.timeline, self.catalog, self.params.e1, self.day)

    def describe(self, dose: Dose) -> str:
        """A dose in words, with where it was given."""
        return describe_dose(dose, self.catalog)

    @staticmethod
    def finding(
        params: RuleParams, severity: Severity, message: str, other: Dose | None = None
    ) -> Finding:
        """A finding of the rule ``params`` belongs to, citing its evidence status and the
        other session when there is one."""
        return Finding(
            rule=params.info.rule_id,
            severity=severity,
            message=message,
            evidence=params.info.evidence,
            related_session_id=other.session_id if other is not None else None,
        )
