"""Rules on recorded lab results (rules file, section 7: A6, B6, A8, A9v, D5p, R1 to R4).

Each rule reads the results on file in the patient's timeline: the latest result of a test
drawn on or before the session's day. A missing result raises nothing at booking (the labs
before the dose are booked by A7, B5, C4, E5 and D5); at check-in R1 blocks a session whose
gating result is missing or older than its rule's window. R2 and R3 also raise alerts on the
nurses' results list (``alerts_for_result``), and R4 says when a draw's results are overdue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.findings import Severity
from clinic_app.domain.lab_results import LabResult, estimate_clearance, latest
from clinic_app.domain.rule_context import RuleContext, RuleOutput
from clinic_app.domain.rule_parameters import LowResultParams, RenalParams, RuleParameters

_OVERRIDE = "or a nurse must record an override with a reason"


def _renal(ctx: RuleContext, params: RenalParams) -> RuleOutput:
    if ctx.proposal.therapy != params.drug:
        return
    timeline = ctx.timeline
    estimate = estimate_clearance(timeline.results, timeline.weights, timeline.patient, ctx.day)
    if estimate.ml_min is not None and estimate.ml_min < params.min_crcl_ml_min:
        message = (
            f"{ctx.therapy.name} is contraindicated below a creatinine clearance of "
            f"{params.min_crcl_ml_min:g} mL/min: {estimate.describe()}. Do not give it; tell "
            "the prescriber."
        )
        yield ctx.finding(params, params.severity, message)


def rule_a6(ctx: RuleContext) -> RuleOutput:
    """A6: zoledronic acid with a Cockcroft-Gault clearance below the label's limit."""
    yield from _renal(ctx, ctx.params.a6)


def rule_b6(ctx: RuleContext) -> RuleOutput:
    """B6: ibandronate with a Cockcroft-Gault clearance below the label's limit."""
    yield from _renal(ctx, ctx.params.b6)


def _low_applies(ctx: RuleContext, params: LowResultParams) -> bool:
    """True when ``params``'s rule applies to the proposal (D5p: any iron while E1 holds)."""
    if ctx.proposal.therapy in params.drugs:
        return True
    return params.while_exposed_any_iron and ctx.therapy.is_iron and bool(ctx.exposures)


def _low_result(ctx: RuleContext, params: LowResultParams, advice: str) -> RuleOutput:
    if not _low_applies(ctx, params):
        return
    result = latest(ctx.timeline.results, params.test, ctx.day)
    if result is not None and result.value < params.below:
        message = (
            f"Latest {result.describe()} is below {params.below:g} {result.unit}: {advice} "
            f"before {ctx.therapy.name}"
        )
        message += f", {_OVERRIDE}." if params.severity is Severity.BLOCK else "."
        yield ctx.finding(params, params.severity, message)


def rule_a8(ctx: RuleContext) -> RuleOutput:
    """A8: an antiresorptive with the latest calcium below the lower limit."""
    yield from _low_result(ctx, ctx.params.a8, "correct the low calcium")


def rule_a9v(ctx: RuleContext) -> RuleOutput:
    """A9v: zoledronic acid or denosumab with the latest vitamin D below the limit."""
    yield from _low_result(ctx, ctx.params.a9v, "check with the prescriber about vitamin D")


def rule_d5p(ctx: RuleContext) -> RuleOutput:
    """D5p: ferric carboxymaltose, or any IV iron while E1 holds, with low phosphate."""
    yield from _low_result(ctx, ctx.params.d5p, "correct the low phosphate")


def _gates(ctx: RuleContext) -> Iterator[tuple[str, str]]:
    """(gating rule id, test) pairs whose result must be on file and fresh at check-in."""
    for params in (ctx.params.a6, ctx.params.b6):
        if ctx.proposal.therapy == params.drug:
            yield params.info.rule_id, "creatinine"
    for low in (ctx.params.a8, ctx.params.d5p):
        if _low_applies(ctx, low):
            yield low.info.rule_id, low.test


def rule_r1(ctx: RuleContext) -> RuleOutput:
    """R1: at check-in, a gating result missing or older than its rule's window."""
    if not ctx.proposal.checking_in:
        return
    params = ctx.params.r1
    timeline = ctx.timeline
    for gate, test in _gates(ctx):
        max_age = params.max_age_days[gate]
        result = latest(timeline.results, test, ctx.day)
        if result is None:
            problem = f"no {test} result on file"
        elif (ctx.day - result.day).days > max_age:
            problem = (
                f"the latest is {result.describe()}, more than {max_age} days before this session"
            )
        elif gate in ("A6", "B6"):
            estimate = estimate_clearance(
                timeline.results, timeline.weights, timeline.patient, ctx.day
            )
            if estimate.ml_min is not None:
                continue
            problem = estimate.describe()
        else:
            continue
        message = (
            f"Result missing or out of date for {gate} ({ctx.therapy.name}): {problem}. "
            f"Draw {test} and record the result (within {max_age} days before the dose), "
            f"{_OVERRIDE}."
        )
        yield ctx.finding(params, params.severity, message)


def _cleared(low: LabResult, results: tuple[LabResult, ...], normal_from: float) -> bool:
    """True when a result of the same test recorded after ``low`` is normal again."""
    order = (low.day, low.result_id or 0)
    return any(
        r.test == low.test and (r.day, r.result_id or 0) > order and r.value >= normal_from
        for r in results
    )


def rule_r2(ctx: RuleContext) -> RuleOutput:
    """R2: an antiresorptive within the block period after a low follow-up result after IV
    iron, until a later result of that test is normal."""
    params = ctx.params.r2
    if not ctx.therapy.is_antiresorptive:
        return
    results = ctx.timeline.results
    for result in results:
        limit = params.low_below.get(result.test)
        if limit is None or result.value >= limit:
            continue
        if not result.draw_rules & set(params.draw_rules):
            continue
        if not result.day <= ctx.day <= params.block_for.after(result.day):
            continue
        normal = params.normal_from[result.test]
        if _cleared(result, results, normal):
            continue
        message = (
            f"{result.describe()} after IV iron is below {limit:g} {result.unit}: no "
            f"antiresorptive within {params.block_for.describe()} of it until a {result.test} "
            f"result of at least {normal:g} {result.unit}. Call the prescriber, {_OVERRIDE}."
        )
        yield ctx.finding(params, params.severity, message)


@dataclass(frozen=True, slots=True)
class ResultAlert:
    """An alert a new result raises on the nurses' results list: R2 ``ALERT`` or R3
    ``URGENT``."""

    rule: str
    level: str
    message: str


def r3_alert(result: LabResult, params: RuleParameters) -> ResultAlert | None:
    """R3: a severely low result (any draw) is URGENT until a nurse acknowledges it."""
    urgent = params.r3.urgent_below.get(result.test)
    if urgent is None or result.value >= urgent:
        return None
    return ResultAlert(
        "R3",
        "URGENT",
        f"URGENT: {result.describe()} is severely low (below {urgent:g} {result.unit}). "
        "Call the prescriber now; acknowledge with a note of what was agreed.",
    )


def r2_alert(result: LabResult, params: RuleParameters) -> ResultAlert | None:
    """R2: a low result on a follow-up draw after IV iron: call the prescriber."""
    r2 = params.r2
    low = r2.low_below.get(result.test)
    if low is None or result.value >= low or not result.draw_rules & set(r2.draw_rules):
        return None
    return ResultAlert(
        "R2",
        "ALERT",
        f"{result.describe()} after IV iron is below {low:g} {result.unit}: call the "
        f"prescriber. Antiresorptives within {r2.block_for.describe()} are blocked until a "
        f"{result.test} of at least {r2.normal_from[result.test]:g} {result.unit}.",
    )


def alerts_for_result(result: LabResult, params: RuleParameters) -> tuple[ResultAlert, ...]:
    """R3 (severely low, any draw) and R2 (low on a follow-up draw after IV iron) alerts for
    one newly recorded result, most urgent first."""
    found = (r3_alert(result, params), r2_alert(result, params))
    return tuple(alert for alert in found if alert is not None)


def results_due_by(draw_day: date, calendar: ClinicCalendar, working_days: int) -> date:
    """R4: the day a draw's results are due: the ``working_days``-th clinic open day after the
    draw day (the draw day itself when it is 0)."""
    day, counted = draw_day, 0
    while counted < working_days:
        day += timedelta(days=1)
        if calendar.is_open_day(day):
            counted += 1
    return day


def results_overdue(
    draw_day: date, today: date, calendar: ClinicCalendar, params: RuleParameters
) -> bool:
    """R4: True when the results of a draw on ``draw_day`` are not back in time by ``today``."""
    return today > results_due_by(draw_day, calendar, params.r4.turnaround_working_days)
