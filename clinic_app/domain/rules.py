"""The rule engine's entry point: ``evaluate`` a proposed session against a patient's timeline.

Pure: no I/O, no clock, no Qt, no database. Each rule is a small function of a ``RuleContext``
that yields findings and lab requirements; ``RULES`` registers them by rule id. The service
decides what a finding means for saving (HARD/BLOCK raise, WARN/INFO return).
"""

from __future__ import annotations

from collections.abc import Callable

from clinic_app.domain.catalog import Catalog
from clinic_app.domain.findings import Evaluation, Finding, LabRequirement
from clinic_app.domain.rule_context import RuleContext, RuleOutput
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.rules_cotherapy import (
    rule_e2,
    rule_e3,
    rule_e4,
    rule_e5,
    rule_e6,
    rule_e7,
)
from clinic_app.domain.rules_intervals import (
    rule_a3,
    rule_a3w,
    rule_b2,
    rule_b9,
    rule_c2,
    rule_c3,
    rule_c8,
    rule_d2,
    rule_d6,
    rule_d8,
    rule_d9,
    rule_d9g,
    rule_d14,
)
from clinic_app.domain.rules_labs import rule_a7, rule_a9, rule_b5, rule_c4, rule_d5, rule_d13
from clinic_app.domain.rules_results import (
    rule_a6,
    rule_a8,
    rule_a9v,
    rule_b6,
    rule_d5p,
    rule_r1,
    rule_r2,
)
from clinic_app.domain.timeline import PatientTimeline, ProposedSession

Rule = Callable[[RuleContext], RuleOutput]

# Every rule that yields findings or labs, by id, in the order of docs/clinical-rules.md. E1 is
# the exposure definition the co-therapy rules share (see exposure.py); D1 is checked by the
# catalog (catalog.py); R3 (urgent alerts) and R4 (results not back) act on the nurses'
# results list, not on a session (services/lab_results.py).
RULES: tuple[tuple[str, Rule], ...] = (
    ("E2", rule_e2),
    ("E3", rule_e3),
    ("E4", rule_e4),
    ("E5", rule_e5),
    ("E6", rule_e6),
    ("E7", rule_e7),
    ("A3", rule_a3),
    ("A3w", rule_a3w),
    ("B2", rule_b2),
    ("B9", rule_b9),
    ("C3", rule_c3),
    ("C2", rule_c2),
    ("C8", rule_c8),
    ("D2", rule_d2),
    ("D8", rule_d8),
    ("D9", rule_d9),
    ("D9g", rule_d9g),
    ("D6", rule_d6),
    ("D5", rule_d5),
    ("D14", rule_d14),
    ("A7", rule_a7),
    ("A9", rule_a9),
    ("B5", rule_b5),
    ("C4", rule_c4),
    ("D13", rule_d13),
    ("A6", rule_a6),
    ("B6", rule_b6),
    ("A8", rule_a8),
    ("A9v", rule_a9v),
    ("D5p", rule_d5p),
    ("R1", rule_r1),
    ("R2", rule_r2),
)


def evaluate(
    proposal: ProposedSession,
    timeline: PatientTimeline,
    catalog: Catalog,
    params: RuleParameters,
    *,
    rules: tuple[tuple[str, Rule], ...] = RULES,
) -> Evaluation:
    """Every rule's findings and lab requirements for ``proposal``.

    ``timeline`` holds the patient's active doses and labs; the proposal's own session in it
    (same session_id) is ignored. Findings come worst first (the order of ``rules`` within a
    severity); identical findings and identical lab requirements appear once. ``rules`` is
    the rule table to run (tests pass a smaller one). Raises UnknownTherapyError when the
    proposal or the timeline names a drug the catalog lacks.
    """
    context = RuleContext(proposal, timeline, catalog, params)
    findings: dict[Finding, None] = {}
    labs: dict[LabRequirement, None] = {}
    for _rule_id, rule in rules:
        for item in rule(context):
            if isinstance(item, Finding):
                findings.setdefault(item)
            else:
                labs.setdefault(item)
    ordered = sorted(findings, key=lambda f: -f.severity.rank)
    return Evaluation(findings=tuple(ordered), labs=tuple(labs))
