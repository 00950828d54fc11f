"""A patient's timeline as the rule engine sees it: doses here and elsewhere, and lab draws.

Doses come from this clinic's sessions (booked or completed, never cancelled) and from
recorded outside exposures alike: care is split between doctors, and the outside ones are the
dangerous ones.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from operator import attrgetter

from clinic_app.domain.lab_results import BodyWeight, LabResult, PatientFacts


class DoseSource(enum.StrEnum):
    """Where a dose in the timeline comes from."""

    SESSION = "session"  # a session in this clinic's chairs
    RECORDED = "recorded"  # an exposure recorded as given elsewhere


class Regimen(enum.StrEnum):
    """Zoledronic acid schedule, which sets its dose interval (rule A3)."""

    TREATMENT = "treatment"  # every 12 months
    PREVENTION = "prevention"  # every 24 months


@dataclass(frozen=True, slots=True)
class Dose:
    """One dose of a drug on a local calendar day.

    A recorded oral bisphosphonate that is still taken has ``ongoing=True`` and ``day`` is the
    date it was started; otherwise ``day`` is the date of the (last) dose. Sessions carry their
    aware start and end times; recorded doses have none. A recorded injected drug whose last
    dose date is not known has ``date_unknown=True`` (section 7): it counts as active for E1,
    its interval rules become "confirm the last dose date", and ``day`` is only the day it was
    recorded (never used as a dose day).
    """

    drug: str
    day: date
    source: DoseSource
    start: datetime | None = None
    end: datetime | None = None
    session_id: int | None = None
    course_id: str | None = None
    ongoing: bool = False
    where: str = ""
    regimen: Regimen | None = None
    date_unknown: bool = False
    # The dose's place in a timeline: by day, then start instant (a dose without a start
    # first). Computed once: every evaluation sorts and compares doses by it, and an aware
    # start's instant costs a zone lookup each time it is asked.
    order: tuple[date, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "order", (self.day, self.start.timestamp() if self.start else 0.0))

    def describe_source(self) -> str:
        """Words for a message: "booked here" or "recorded, given at <where>"."""
        if self.source is DoseSource.SESSION:
            return "booked here"
        return f"given at {self.where}" if self.where else "given elsewhere"


@dataclass(frozen=True, slots=True)
class LabVisit:
    """A lab draw that is booked or done (cancelled ones are not in the timeline)."""

    day: date
    tests: frozenset[str]
    lab_id: int | None = None
    completed: bool = False


@dataclass(frozen=True, slots=True)
class ProposedSession:
    """A session being checked: a new booking, a move, or an existing one re-checked.

    ``session_id`` is set when the session already exists (move, re-check); the engine then
    ignores that session's own dose in the timeline. ``checking_in`` is set by the check-in
    gate: rules that only apply on the day (R1) run then.
    """

    therapy: str
    start: datetime
    end: datetime
    day: date
    session_id: int | None = None
    course_id: str | None = None
    regimen: Regimen | None = None
    checking_in: bool = False

    def as_dose(self) -> Dose:
        """This session as a dose in someone else's timeline (neighbour re-checks)."""
        return Dose(
            drug=self.therapy,
            day=self.day,
            source=DoseSource.SESSION,
            start=self.start,
            end=self.end,
            session_id=self.session_id,
            course_id=self.course_id,
            regimen=self.regimen,
        )


@dataclass(frozen=True, slots=True)
class PatientTimeline:
    """Everything the rules need to know about one patient, past and future: doses, lab
    visits, recorded results and weights, and the facts the clearance needs."""

    doses: tuple[Dose, ...] = ()
    labs: tuple[LabVisit, ...] = ()
    results: tuple[LabResult, ...] = ()
    weights: tuple[BodyWeight, ...] = ()
    patient: PatientFacts | None = None

    @classmethod
    def of(
        cls,
        doses: Iterable[Dose],
        labs: Iterable[LabVisit] = (),
        *,
        results: Iterable[LabResult] = (),
        weights: Iterable[BodyWeight] = (),
        patient: PatientFacts | None = None,
    ) -> PatientTimeline:
        """A timeline with doses, labs, results and weights sorted by day."""
        return cls(
            doses=tuple(sorted(doses, key=DOSE_ORDER)),
            labs=tuple(sorted(labs, key=lambda lab: lab.day)),
            results=tuple(sorted(results, key=lambda r: (r.day, r.result_id or 0))),
            weights=tuple(sorted(weights, key=lambda w: w.day)),
            patient=patient,
        )

    def without_session(self, session_id: int | None) -> PatientTimeline:
        """The timeline less one session's dose (the session being moved or re-checked)."""
        if session_id is None:
            return self
        return replace(self, doses=tuple([d for d in self.doses if d.session_id != session_id]))

    def with_dose(self, dose: Dose) -> PatientTimeline:
        """The timeline plus one dose (a proposal seen from its neighbours)."""
        doses = (*self.without_session(dose.session_id).doses, dose)
        return replace(self, doses=tuple(sorted(doses, key=DOSE_ORDER)))


# The sort key of doses (their ``order``), without a Python call per dose.
DOSE_ORDER = attrgetter("order")
