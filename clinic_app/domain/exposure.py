"""Active antiresorptive exposure at a date (rule E1), and the last/next dose look-ups.

A patient is on antiresorptive therapy at date T when a dose of an antiresorptive - booked here
or recorded as given elsewhere - still acts at T (its E1 period, counted forward from the dose
day, reaches T), when a recorded oral bisphosphonate is ongoing or was stopped within its period
before T, or when any antiresorptive dose lies within E1's ``after`` period after T.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clinic_app.domain.catalog import Catalog, Therapy, TherapyClass
from clinic_app.domain.rule_calendar import Period
from clinic_app.domain.rule_parameters import ExposureParams, RuleParametersError
from clinic_app.domain.timeline import Dose, PatientTimeline


@dataclass(frozen=True, slots=True)
class Exposure:
    """One antiresorptive dose that makes the patient exposed at a date, and why it counts."""

    drug: str
    drug_name: str
    dose: Dose
    reason: str  # "Zoledronic acid on 2026-03-01, within 24 months"
    after: bool  # the dose lies after the date (E1's "within 12 weeks after")

    @property
    def day(self) -> date:
        """The dose day (for an ongoing oral bisphosphonate: the day it was started)."""
        return self.dose.day

    @property
    def source(self) -> str:
        """Where the dose was given: "booked here", "given at City Hospital"."""
        return self.dose.describe_source()

    def describe(self) -> str:
        """Reason and source for a message: "Denosumab on 2026-01-05, within 6 months +
        4 weeks (given at GP surgery)"."""
        return f"{self.reason} ({self.source})"


def is_oral_bisphosphonate(therapy: Therapy) -> bool:
    """True for the recorded-only oral bisphosphonates (alendronate, risedronate, ...)."""
    return therapy.therapy_class is TherapyClass.ORAL_BISPHOSPHONATE


def describe_dose(dose: Dose, catalog: Catalog) -> str:
    """A dose in words for a clerk, with where it was given.

    "Zoledronic acid on 2026-03-01 (booked here)", "Alendronate ongoing since 2024-05-01 (given
    at GP surgery)", "Alendronate last taken 2025-09-01 (given elsewhere)".
    """
    therapy = catalog.get(dose.drug)
    if dose.date_unknown:
        return f"{therapy.name}, last dose date unknown ({dose.describe_source()})"
    if dose.ongoing:
        when = f"ongoing since {dose.day.isoformat()}"
    elif is_oral_bisphosphonate(therapy):
        when = f"last taken {dose.day.isoformat()}"
    else:
        when = f"on {dose.day.isoformat()}"
    return f"{therapy.name} {when} ({dose.describe_source()})"


def active_exposures(
    timeline: PatientTimeline, catalog: Catalog, params: ExposureParams, day: date
) -> tuple[Exposure, ...]:
    """Every antiresorptive dose that makes the patient exposed on ``day`` (E1), by dose day.

    Raises UnknownTherapyError for a drug code the catalog does not know, and
    RuleParametersError for an injectable antiresorptive without an E1 period (the parameters
    were not checked against this catalog).
    """
    found = []
    # Each drug's catalog entry looked up once, in dose order (an unknown code fails at the
    # same dose as before); None for a drug that is not an antiresorptive.
    kinds: dict[str, Therapy | None] = {}
    for dose in timeline.doses:
        drug = dose.drug
        if drug in kinds:
            therapy = kinds[drug]
        else:
            entry = catalog.get(drug)
            therapy = kinds[drug] = entry if entry.is_antiresorptive else None
        if therapy is None:
            continue
        reason = _reason(dose, therapy, params, day)
        if reason is not None:
            after = dose.day > day
            found.append(Exposure(dose.drug, therapy.name, dose, reason, after))
    return tuple(sorted(found, key=lambda exposure: exposure.day))


def _reason(dose: Dose, therapy: Therapy, params: ExposureParams, day: date) -> str | None:
    """Why ``dose`` counts on ``day``, or None when it does not."""
    name, dose_day = therapy.name, dose.day.isoformat()
    if dose.date_unknown:
        # Section 7: an injected drug with an unknown last dose counts as active.
        return f"{name}, last dose date unknown (counts as active until confirmed)"
    if dose.day > day:
        # Any antiresorptive booked or recorded soon after the date counts already.
        if dose.day <= params.after.after(day):
            start = "from" if dose.ongoing else "on"
            return f"{name} {start} {dose_day}, within {params.after.describe()} after"
        return None
    if dose.ongoing:
        return f"{name} ongoing since {dose_day}"
    period = _period_for(therapy, params)
    if day <= period.after(dose.day):
        if is_oral_bisphosphonate(therapy):
            return f"{name} stopped {dose_day}, within {period.describe()}"
        return f"{name} on {dose_day}, within {period.describe()}"
    return None


def _period_for(therapy: Therapy, params: ExposureParams) -> Period:
    if is_oral_bisphosphonate(therapy):
        return params.oral_bisphosphonate_stopped
    period = params.lookback.get(therapy.code)
    if period is None:
        raise RuleParametersError(
            f"rules.E1: 'lookback' has no period for antiresorptive {therapy.code!r}"
        )
    return period


def _antiresorptive_doses(doses: Iterable[Dose], catalog: Catalog, drug: str | None) -> list[Dose]:
    if drug is not None:
        return [d for d in doses if d.drug == drug]
    return [d for d in doses if catalog.get(d.drug).is_antiresorptive]


def last_dose_on_or_before(
    timeline: PatientTimeline, catalog: Catalog, day: date, drug: str | None = None
) -> Dose | None:
    """The latest antiresorptive dose (of ``drug`` when given) on or before ``day``.

    An ongoing oral bisphosphonate started on or before ``day`` counts as taken that day, so it
    wins over older doses; so does a recorded dose whose date is unknown (it may be recent).
    """
    candidates = [
        d
        for d in _antiresorptive_doses(timeline.doses, catalog, drug)
        if d.day <= day or d.date_unknown
    ]
    return max(
        candidates, key=lambda d: day if d.ongoing or d.date_unknown else d.day, default=None
    )


def next_dose_after(
    timeline: PatientTimeline, catalog: Catalog, day: date, drug: str | None = None
) -> Dose | None:
    """The earliest antiresorptive dose (of ``drug`` when given) strictly after ``day``."""
    candidates = [
        d
        for d in _antiresorptive_doses(timeline.doses, catalog, drug)
        if d.day > day and not d.date_unknown
    ]
    return min(candidates, key=lambda d: d.day, default=None)
