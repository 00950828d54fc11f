"""Co-therapy rules for IV iron and antiresorptives (docs/clinical-rules.md, section 4).

IV iron given while antiresorptive therapy still acts can cause severe hypophosphataemia and
hypocalcaemia two to three weeks later. Each pair of doses is judged once per evaluation: an
iron proposal by E3 against every antiresorptive near it; an antiresorptive proposal by E7
against iron before it (on the same day included) and by E3 against iron after it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from clinic_app.domain.exposure import Exposure, last_dose_on_or_before, next_dose_after
from clinic_app.domain.rule_calendar import describe_gap
from clinic_app.domain.rule_context import RuleContext, RuleOutput, within
from clinic_app.domain.timeline import Dose

# The rules whose findings flag a session for co-therapy (E5 and E6 only ask for labs): the
# "CO-THERAPY" flag of the daily list, the printed list and the day summary.
COTHERAPY_FINDING_RULES = frozenset({"E2", "E3", "E4", "E7"})

_RISK = "risk of severe low phosphate and low calcium 2-3 weeks after the iron"
_OVERRIDE = "or a nurse must record an override with a reason"


def is_cotherapy_rule(rule: str) -> bool:
    """True for a finding of the iron/antiresorptive co-therapy rules."""
    return rule in COTHERAPY_FINDING_RULES


def _relation(other: Dose, day: date, what: str) -> str:
    """How ``other`` stands to the proposal on ``day``: "is 37 days before this iron dose"."""
    if other.ongoing and other.day <= day:
        return "is still being taken"
    if other.day == day:
        return f"is on the same day as {what}"
    gap = describe_gap(other.day, day, in_weeks=True)
    return f"is {gap} {'before' if other.day < day else 'after'} {what}"


def iron_partners(ctx: RuleContext) -> tuple[Dose, ...]:
    """For an iron proposal: the antiresorptive doses within E3's window, either side."""
    window = ctx.params.e3.window
    return tuple(d for d in ctx.antiresorptive_doses() if within(window, ctx.dose, d))


def rule_e2(ctx: RuleContext) -> RuleOutput:
    """E2: IV iron booked while E1 holds; one finding per antiresorptive drug."""
    if not ctx.therapy.is_iron or not ctx.exposures:
        return
    params = ctx.params.e2
    severity = params.severity_for(ctx.therapy.code)
    by_drug: defaultdict[str, list[Exposure]] = defaultdict(list)
    for exposure in ctx.exposures:
        by_drug[exposure.drug].append(exposure)
    advice = _iron_advice(ctx)
    for drug, exposures in by_drug.items():
        earlier = [e for e in exposures if not e.after]
        why = (earlier[-1] if earlier else exposures[0]).reason
        last = last_dose_on_or_before(ctx.timeline, ctx.catalog, ctx.day, drug)
        upcoming = next_dose_after(ctx.timeline, ctx.catalog, ctx.day, drug)
        last_text = ctx.describe(last) if last else "none"
        next_text = ctx.describe(upcoming) if upcoming else "none booked"
        message = (
            f"Patient is on antiresorptive therapy: {why}. Last dose: {last_text}; "
            f"next dose: {next_text}. "
            f"{ctx.therapy.name} now carries a {_RISK}. {advice}"
        )
        yield ctx.finding(params, severity, message, last or upcoming)


def _iron_advice(ctx: RuleContext) -> str:
    if ctx.therapy.low_phosphate_risk_alternative:
        return (
            f"{ctx.therapy.name} already has a low phosphate risk; calcium and phosphate are "
            "checked before and after the course."
        )
    alternatives = [
        t.name
        for t in ctx.catalog.bookable()
        if t.is_iron and t.low_phosphate_risk_alternative and t.code != ctx.therapy.code
    ]
    if not alternatives:
        return "Ask the prescriber whether a lower-risk iron can be used."
    return f"Consider a low-phosphate-risk iron instead: {' or '.join(alternatives)}."


def rule_e3(ctx: RuleContext) -> RuleOutput:
    """E3: an IV iron dose and an antiresorptive dose within the window, either order.

    From an antiresorptive proposal only iron AFTER it is E3; iron before it is E7's pair.
    """
    params = ctx.params.e3
    window = params.window.describe()
    if ctx.therapy.is_iron:
        pairs = iron_partners(ctx)
        what = "this iron dose"
    else:  # every catalog class is either IV iron or an antiresorptive
        pairs = tuple(
            d for d in ctx.iron_doses() if d.day > ctx.day and within(params.window, ctx.dose, d)
        )
        what = f"this {ctx.therapy.name} dose"
    for other in pairs:
        message = (
            f"{ctx.describe(other)} {_relation(other, ctx.day, what)}: IV iron and "
            f"antiresorptives need more than {window} between them ({_RISK}). "
            f"Move one of them, {_OVERRIDE}."
        )
        yield ctx.finding(params, params.severity, message, other)


def rule_e4(ctx: RuleContext) -> RuleOutput:
    """E4: IV iron and an antiresorptive on the same calendar day (an ongoing oral
    bisphosphonate has no known dose day and is left to E3)."""
    candidates = ctx.antiresorptive_doses() if ctx.therapy.is_iron else ctx.iron_doses()
    params = ctx.params.e4
    for other in candidates:
        if other.day == ctx.day and not other.ongoing:
            message = (
                f"{ctx.describe(other)} is on the same day. IV iron and an antiresorptive are "
                "never given on the same day: choose another day."
            )
            yield ctx.finding(params, params.severity, message, other)


def _needs_iron_monitoring(ctx: RuleContext) -> bool:
    """E5/E6 apply to the first iron dose of a course when E1 holds (or an E3 pair exists,
    which docs/clinical-rules.md, section 4, lists as needing E5 and E6 too)."""
    return (
        ctx.therapy.is_iron
        and ctx.is_first_of_course()
        and (bool(ctx.exposures) or bool(iron_partners(ctx)))
    )


def rule_e5(ctx: RuleContext) -> RuleOutput:
    """E5: baseline labs before the first iron dose of a course on antiresorptives."""
    if _needs_iron_monitoring(ctx):
        yield ctx.params.e5.labs.requirement("E5", ctx.day, "baseline before iron")


def rule_e6(ctx: RuleContext) -> RuleOutput:
    """E6: follow-up labs after the first iron dose of a course on antiresorptives."""
    if _needs_iron_monitoring(ctx):
        for day, window in ctx.params.e6.windows():
            yield window.requirement("E6", ctx.day, f"follow-up day {day.day}")


def rule_e7(ctx: RuleContext) -> RuleOutput:
    """E7: an antiresorptive within the window after an IV iron dose; its labs once."""
    if not ctx.therapy.is_antiresorptive:
        return
    params = ctx.params.e7
    pairs = [d for d in ctx.iron_doses() if d.day <= ctx.day and within(params.window, d, ctx.dose)]
    what = f"this {ctx.therapy.name} dose"
    for other in pairs:
        first_safe = params.window.after(other.day) + timedelta(days=1)
        message = (
            f"{ctx.describe(other)} {_relation(other, ctx.day, what)}: an antiresorptive "
            f"within {params.window.describe()} after IV iron carries a {_RISK}. Book it on or "
            f"after {first_safe.isoformat()}, {_OVERRIDE}; calcium and phosphate are checked "
            "before and after the dose."
        )
        yield ctx.finding(params, params.severity, message, other)
    if pairs:
        yield params.before.requirement("E7", ctx.day, "before antiresorptive after iron")
        yield params.after.requirement("E7", ctx.day, "after antiresorptive after iron")
