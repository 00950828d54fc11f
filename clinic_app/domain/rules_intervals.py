"""Dose-interval and course rules (docs/clinical-rules.md, section 5: A3 to D6, and D14).

Intervals are measured between local dose days and counted forward from the earlier dose.
Rules about "the previous dose" (A3, A3w, B2, C3) look at the nearest dose of the same drug on
each side of the proposal: booking a dose in front of an existing one shortens that interval
too. C2 and C8 look back only, as the file words them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta

from clinic_app.domain.clinic_calendar import to_utc
from clinic_app.domain.findings import Severity
from clinic_app.domain.rule_calendar import Period, describe_gap
from clinic_app.domain.rule_context import RuleContext, RuleOutput, same_course
from clinic_app.domain.rule_parameters import MinIntervalParams, RuleParams
from clinic_app.domain.timeline import Dose, Regimen

_OVERRIDE = "or a nurse must record an override with a reason"


def _neighbours(ctx: RuleContext, drug: str) -> Iterator[tuple[Dose, Dose, Dose]]:
    """(earlier, later, other) for the nearest dose of ``drug`` on each side of the proposal."""
    previous, upcoming = ctx.previous_of(drug), ctx.next_of(drug)
    if previous is not None:
        yield previous, ctx.dose, previous
    if upcoming is not None:
        yield ctx.dose, upcoming, upcoming


def _confirm_unknown(ctx: RuleContext, params: RuleParams, drug: str, what: str) -> RuleOutput:
    """Section 7: a recorded ``drug`` with an unknown last dose date turns the interval rule of
    ``params`` into a WARN asking to confirm the date (no interval can be computed)."""
    for other in ctx.unknown_of(drug):
        message = (
            f"{ctx.describe(other)}: confirm the last dose date with the prescriber or the "
            f"patient; {what} cannot be checked without it."
        )
        yield ctx.finding(params, Severity.WARN, message)


def _pair_text(ctx: RuleContext, other: Dose) -> str:
    """The start of a neighbour message: "Denosumab on 2026-01-05 (booked here) is the
    previous dose, only 3 months before this one"."""
    gap = describe_gap(other.day, ctx.day)
    if other.day <= ctx.day:
        return f"{ctx.describe(other)} is the previous dose, only {gap} before this one"
    return f"{ctx.describe(other)} is the next dose, only {gap} after this one"


def _min_interval(
    ctx: RuleContext,
    params: RuleParams,
    severity: Severity,
    drug: str,
    interval_for: Callable[[Dose], Period],
    schedule: Callable[[Dose], str],
) -> RuleOutput:
    """Findings for the nearest doses of ``drug`` closer than ``interval_for(later dose)``."""
    if ctx.proposal.therapy != drug:
        return
    yield from _confirm_unknown(ctx, params, drug, "the minimum interval between doses")
    for earlier, later, other in _neighbours(ctx, drug):
        interval = interval_for(later)
        earliest = interval.after(earlier.day)
        if later.day < earliest:
            if other is earlier:
                fix = f"Book on or after {earliest.isoformat()}, {_OVERRIDE}."
            else:
                fix = f"Move this dose earlier or the next one later, {_OVERRIDE}."
            message = (
                f"{_pair_text(ctx, other)}; {ctx.therapy.name} needs at least "
                f"{interval.describe()} between doses{schedule(later)}. {fix}"
            )
            yield ctx.finding(params, severity, message, other)


def _regimen_of(dose: Dose) -> Regimen:
    # A dose without a regimen is on the treatment schedule (the label's standard interval).
    return dose.regimen or Regimen.TREATMENT


def rule_a3(ctx: RuleContext) -> RuleOutput:
    """A3: zoledronic acid sooner than 11 months (23 on prevention) after another dose."""
    params = ctx.params.a3
    yield from _min_interval(
        ctx,
        params,
        params.severity,
        params.drug,
        lambda later: params.interval_for(later.regimen),
        lambda later: f" on the {_regimen_of(later).value} schedule",
    )


def rule_a3w(ctx: RuleContext) -> RuleOutput:
    """A3w: zoledronic acid 11 to 12 months after another dose (treatment schedule only)."""
    params = ctx.params.a3w
    if ctx.proposal.therapy != params.drug:
        return
    for earlier, later, other in _neighbours(ctx, params.drug):
        if _regimen_of(later) is Regimen.PREVENTION:
            continue  # on prevention A3 already blocks anything this close
        if params.warn_from.after(earlier.day) <= later.day < params.warn_until.after(earlier.day):
            message = (
                f"{_pair_text(ctx, other)}; {ctx.therapy.name} is normally given every "
                f"{params.warn_until.describe()}. Check the date with the prescriber."
            )
            yield ctx.finding(params, params.severity, message, other)


def _simple_min_interval(ctx: RuleContext, params: MinIntervalParams) -> RuleOutput:
    yield from _min_interval(
        ctx, params, params.severity, params.drug, lambda _: params.min_interval, lambda _: ""
    )


def rule_b2(ctx: RuleContext) -> RuleOutput:
    """B2: ibandronate sooner than 3 calendar months after another dose."""
    yield from _simple_min_interval(ctx, ctx.params.b2)


def rule_c3(ctx: RuleContext) -> RuleOutput:
    """C3: denosumab sooner than 5 months after another dose."""
    yield from _simple_min_interval(ctx, ctx.params.c3)


def rule_b9(ctx: RuleContext) -> RuleOutput:
    """B9: a dose of one listed drug while a dose of another is active, either order."""
    params = ctx.params.b9
    if ctx.proposal.therapy not in params.active:
        return
    for other in ctx.others:
        if other.drug not in params.active or other.drug == ctx.proposal.therapy:
            continue
        earlier, later = sorted((other, ctx.dose), key=lambda d: d.day)
        active = params.active[earlier.drug]
        if later.day <= active.after(earlier.day):
            earlier_name = ctx.catalog.get(earlier.drug).name
            later_name = ctx.catalog.get(later.drug).name
            message = (
                f"{ctx.describe(other)}: {earlier_name} is still active (within "
                f"{active.describe()}) when {later_name} is given, so two bisphosphonates "
                "overlap. Check with the prescriber."
            )
            yield ctx.finding(params, params.severity, message, other)


def rule_c2(ctx: RuleContext) -> RuleOutput:
    """C2: denosumab more than 6 months + 2 weeks after the previous dose."""
    params = ctx.params.c2
    if ctx.proposal.therapy != params.drug:
        return
    yield from _confirm_unknown(ctx, params, params.drug, "whether this dose is overdue")
    previous = ctx.previous_of(params.drug)
    if previous is not None and ctx.day > params.max_interval.after(previous.day):
        message = (
            f"{ctx.describe(previous)} is the previous dose, "
            f"{describe_gap(previous.day, ctx.day)} before this one: more than "
            f"{params.max_interval.describe()}: bone loss rebounds and fracture risk rises when "
            "denosumab is late. Book as soon as possible and tell the prescriber."
        )
        yield ctx.finding(params, params.severity, message, previous)


def rule_c8(ctx: RuleContext) -> RuleOutput:
    """C8: the switch dose of zoledronic acid outside 5-7 months after the last denosumab.

    Only the first zoledronic acid dose after the last denosumab is the switch dose: with a
    zoledronic acid dose in between, the switch has happened and later doses are A3's business.
    """
    params = ctx.params.c8
    if ctx.proposal.therapy != params.drug:
        return
    yield from _confirm_unknown(
        ctx, params, params.after_drug, "the switch interval after the last dose"
    )
    last = ctx.previous_of(params.after_drug)
    if last is None:
        return
    if any(d.day >= last.day and ctx.is_before(d) for d in ctx.doses_of(params.drug)):
        return
    first, final = params.min_interval.after(last.day), params.max_interval.after(last.day)
    if ctx.day < first or ctx.day > final:
        after_name = ctx.catalog.get(params.after_drug).name
        message = (
            f"{ctx.describe(last)} is the last {after_name} dose, "
            f"{describe_gap(last.day, ctx.day)} before this one; {ctx.therapy.name} after "
            f"{after_name} belongs {params.min_interval.describe()} to "
            f"{params.max_interval.describe()} after the last dose: book between "
            f"{first.isoformat()} and {final.isoformat()}."
        )
        yield ctx.finding(params, params.severity, message, last)


def _closer_than(
    ctx: RuleContext, params: RuleParams, severity: Severity, drug: str, interval: Period
) -> RuleOutput:
    """Any other dose of ``drug``, either side, closer than ``interval`` to the proposal."""
    if ctx.proposal.therapy != drug:
        return
    for other in ctx.doses_of(drug):
        # sorted((other.day, ctx.day)), without the call
        earlier, later = (other.day, ctx.day) if other.day <= ctx.day else (ctx.day, other.day)
        if later < interval.after(earlier):
            if other.day <= ctx.day:
                fix = f"Book on or after {interval.after(other.day).isoformat()}"
            else:
                fix = "Book this dose earlier or move the other one"
            message = (
                f"{ctx.describe(other)} is only {describe_gap(other.day, ctx.day)} from this "
                f"dose; {ctx.therapy.name} doses must be at least {interval.describe()} apart. "
                f"{fix}, {_OVERRIDE}."
            )
            yield ctx.finding(params, severity, message, other)


def rule_d2(ctx: RuleContext) -> RuleOutput:
    """D2: ferric carboxymaltose doses less than 7 days apart."""
    params = ctx.params.d2
    yield from _closer_than(ctx, params, params.severity, params.drug, params.min_interval)


def rule_d8(ctx: RuleContext) -> RuleOutput:
    """D8: ferric derisomaltose doses less than 7 days apart."""
    params = ctx.params.d8
    yield from _closer_than(ctx, params, params.severity, params.drug, params.min_interval)


def rule_d9(ctx: RuleContext) -> RuleOutput:
    """D9: ferumoxytol doses less than 3 days apart (any course); more than 8 days apart
    inside one course (the nearest dose of the course on each side)."""
    params = ctx.params.d9
    yield from _closer_than(ctx, params, params.severity, params.drug, params.min_interval)
    if ctx.proposal.therapy != params.drug:
        return
    mates = [d for d in ctx.course_mates() if d.drug == params.drug]
    before = [d for d in mates if d.day <= ctx.day]
    after = [d for d in mates if d.day > ctx.day]
    for other in before[-1:] + after[:1]:
        # sorted((other.day, ctx.day)), without the call
        earlier, later = (other.day, ctx.day) if other.day <= ctx.day else (ctx.day, other.day)
        if later > params.max_interval.after(earlier):
            message = (
                f"{ctx.describe(other)} is {describe_gap(other.day, ctx.day)} from this dose of "
                f"the same course; the two {ctx.therapy.name} doses of a course are given "
                f"{params.min_interval.describe()} to {params.max_interval.describe()} apart. "
                "Check the date with the prescriber."
            )
            yield ctx.finding(params, params.late_severity, message, other)


def _minutes_after(start: datetime, end: datetime) -> str:
    # Real minutes: subtracting two times of one zone would give wall-clock minutes.
    minutes = int((to_utc(start) - to_utc(end)).total_seconds() // 60)
    return f"{minutes} min after" if minutes >= 0 else "before"


def rule_d9g(ctx: RuleContext) -> RuleOutput:
    """D9g: a reaction-prone infusion starting less than 30 min after a ferumoxytol session
    ends, with the proposal on either side."""
    params = ctx.params.d9g
    gap = timedelta(minutes=params.gap_minutes)
    drug_name = ctx.catalog.get(params.drug).name
    # Instants in UTC: comparing two times of one zone ignores ``fold`` (the repeated autumn
    # hour) and adding to one adds wall-clock time; the local times are for the message.
    start, end = to_utc(ctx.proposal.start), to_utc(ctx.proposal.end)
    zone = ctx.proposal.start.tzinfo
    # The proposal is the ferumoxytol (its followers are checked) or a reaction-prone
    # infusion (the ferumoxytol before it is); otherwise no dose can make a finding.
    proposal_is_drug = ctx.proposal.therapy == params.drug
    if not (proposal_is_drug or ctx.therapy.reaction_prone):
        return
    for other in ctx.others:
        if other.start is None or other.end is None:
            continue  # recorded doses have no times
        # Which side could make a finding, decided before any time is converted: most
        # doses are neither (a reaction-prone proposal among doses of no ferumoxytol).
        follows = proposal_is_drug and ctx.therapy_of(other).reaction_prone
        precedes = other.drug == params.drug and ctx.therapy.reaction_prone
        if not (follows or precedes):
            continue
        other_start, other_end = to_utc(other.start), to_utc(other.end)
        if follows and start <= other_start < end + gap:
            other_name = ctx.therapy_of(other).name
            when = f"{other.start:%Y-%m-%d %H:%M}-{other.end:%H:%M}, {other.describe_source()}"
            message = (
                f"{other_name} ({when}) starts {_minutes_after(other_start, end)} this "
                f"{drug_name} session ends; another reaction-prone infusion needs "
                f"{params.gap_minutes} min after {drug_name}. Move it to "
                f"{(end + gap).astimezone(zone):%H:%M} or later, {_OVERRIDE}."
            )
        elif precedes and other_start <= start < other_end + gap:
            when = f"{other.start:%Y-%m-%d %H:%M}-{other.end:%H:%M}, {other.describe_source()}"
            message = (
                f"This infusion starts {_minutes_after(start, other_end)} the {drug_name} "
                f"session ({when}) ends; a reaction-prone infusion needs {params.gap_minutes} "
                f"min after {drug_name}. Start at {(other_end + gap).astimezone(zone):%H:%M} "
                f"or later, {_OVERRIDE}."
            )
        else:
            continue
        yield ctx.finding(params, params.severity, message, other)


def rule_d6(ctx: RuleContext) -> RuleOutput:
    """D6: more than 5 iron sucrose doses within any 14-day window holding the proposal."""
    params = ctx.params.d6
    if ctx.proposal.therapy != params.drug:
        return
    days = [d.day for d in ctx.doses_of(params.drug)] + [ctx.day]
    span = timedelta(days=params.window_days - 1)
    worst_count, worst_first = 0, ctx.day
    for offset in range(params.window_days):
        first = ctx.day - timedelta(days=offset)
        count = sum(1 for day in days if first <= day <= first + span)
        if count > worst_count:
            worst_count, worst_first = count, first
    if worst_count > params.max_doses:
        message = (
            f"This would make {worst_count} {ctx.therapy.name} doses within "
            f"{params.window_days} days ({worst_first.isoformat()} to "
            f"{(worst_first + span).isoformat()}); at most {params.max_doses} are allowed. "
            f"Choose another day, {_OVERRIDE}."
        )
        yield ctx.finding(params, params.severity, message)


def rule_d14(ctx: RuleContext) -> RuleOutput:
    """D14: a second IV iron session the same day, or an iron dose of another product between
    the first and last dose of a booked iron course (either the proposal's course or another's).
    """
    if not ctx.therapy.is_iron:
        return
    params = ctx.params.d14
    irons = [d for d in ctx.iron_doses() if not d.ongoing]
    courses: dict[str, list[Dose]] = {}
    for dose in irons:
        if dose.course_id is not None:
            courses.setdefault(dose.course_id, []).append(dose)
    own_course = [ctx.dose, *(d for d in irons if same_course(d, ctx.dose))]
    own_first, own_last = min(d.day for d in own_course), max(d.day for d in own_course)
    for other in irons:
        if other.day == ctx.day:
            message = (
                f"{ctx.describe(other)} is IV iron on the same day: this patient already has "
                f"IV iron that day. Give one iron dose a day, {_OVERRIDE}."
            )
        elif (
            other.drug != ctx.proposal.therapy
            and other.course_id in courses
            and (
                _span(courses[other.course_id])[0] <= ctx.day <= _span(courses[other.course_id])[1]
            )
        ):
            first, last = _span(courses[other.course_id])
            message = (
                f"{ctx.describe(other)} belongs to a {ctx.therapy_of(other).name} course from "
                f"{first.isoformat()} to {last.isoformat()}; this {ctx.therapy.name} dose falls "
                f"inside it (duplicate iron therapy). Finish one course first, {_OVERRIDE}."
            )
        elif (
            other.drug != ctx.proposal.therapy
            and len(own_course) > 1
            and own_first <= other.day <= own_last
        ):
            message = (
                f"{ctx.describe(other)} falls inside this {ctx.therapy.name} course from "
                f"{own_first.isoformat()} to {own_last.isoformat()} (duplicate iron therapy). "
                f"Finish one course first, {_OVERRIDE}."
            )
        else:
            continue
        yield ctx.finding(params, params.severity, message, other)


def _span(doses: list[Dose]) -> tuple[date, date]:
    """First and last day of a course's doses."""
    return min(d.day for d in doses), max(d.day for d in doses)
