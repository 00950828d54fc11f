"""Lab-before-dose and course-lab rules (docs/clinical-rules.md, section 6: A7 to D13).

These rules only ask for lab appointments (AUTO-LAB); the lab planner books or reuses draws.
A rule never looks at labs inside its own window: a draw there is what the planner reuses, and
counting it would make the requirement vanish once its own lab is booked.
"""

from __future__ import annotations

from clinic_app.domain.rule_context import RuleContext, RuleOutput, same_course
from clinic_app.domain.rule_parameters import DoseLabParams, LabBefore
from clinic_app.domain.timeline import DoseSource


def _before_each_dose(ctx: RuleContext, params: DoseLabParams) -> RuleOutput:
    if ctx.proposal.therapy == params.drug:
        label = f"before {ctx.therapy.name}"
        yield params.labs.requirement(params.info.rule_id, ctx.day, label)


def rule_a7(ctx: RuleContext) -> RuleOutput:
    """A7: creatinine and calcium before every zoledronic acid dose."""
    yield from _before_each_dose(ctx, ctx.params.a7)


def rule_b5(ctx: RuleContext) -> RuleOutput:
    """B5: creatinine and calcium before every ibandronate dose."""
    yield from _before_each_dose(ctx, ctx.params.b5)


def rule_c4(ctx: RuleContext) -> RuleOutput:
    """C4: calcium before every denosumab dose."""
    yield from _before_each_dose(ctx, ctx.params.c4)


def rule_a9(ctx: RuleContext) -> RuleOutput:
    """A9: vitamin D in A7's window before the first zoledronic acid session here, or when no
    vitamin D lab lies within the recency period before the dose (and before that window)."""
    params, a7 = ctx.params.a9, ctx.params.a7.labs
    if ctx.proposal.therapy != params.drug:
        return
    labs = LabBefore(params.tests, a7.from_days, a7.to_days)
    requirement = labs.requirement("A9", ctx.day, f"vitamin D before {ctx.therapy.name}")
    first_here = not any(
        d.source is DoseSource.SESSION and ctx.is_before(d) for d in ctx.doses_of(params.drug)
    )
    recent = any(
        set(params.tests) <= lab.tests
        and lab.day < requirement.due_from
        and ctx.day <= params.recency.after(lab.day)
        for lab in ctx.timeline.labs
    )
    if first_here or not recent:
        yield requirement


def rule_d13(ctx: RuleContext) -> RuleOutput:
    """D13: iron status after the last dose of an IV iron course (the current last dose; a
    later dose of the course takes the requirement over)."""
    if ctx.therapy.is_iron and ctx.is_last_of_course():
        yield ctx.params.d13.labs.requirement("D13", ctx.day, "end of iron course")


def rule_d5(ctx: RuleContext) -> RuleOutput:
    """D5: phosphate before the first dose of a ferric carboxymaltose course that follows a
    dose of another course within 3 months."""
    params = ctx.params.d5
    if ctx.proposal.therapy != params.drug or not ctx.is_first_of_course():
        return
    if any(
        not same_course(d, ctx.dose)
        and ctx.is_before(d)
        and ctx.day <= params.lookback.after(d.day)
        for d in ctx.doses_of(params.drug)
    ):
        label = f"phosphate before repeat {ctx.therapy.name} course"
        yield params.labs.requirement("D5", ctx.day, label)
