"""Properties of the rule engine: calendar edges, boundaries, E3 symmetry, robustness."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.catalog import Catalog
from clinic_app.domain.exposure import active_exposures
from clinic_app.domain.findings import Severity
from clinic_app.domain.rule_calendar import Period
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.rules import evaluate
from clinic_app.domain.timeline import (
    Dose,
    DoseSource,
    LabVisit,
    PatientTimeline,
    ProposedSession,
    Regimen,
)
from tests.unit.conftest import TZ, Scenario

# Month ends and leap days are where calendar arithmetic goes wrong: draw them often.
month_ends = st.builds(
    lambda year, month: date(year, month, 1) + relativedelta(day=31),
    st.integers(2020, 2032),
    st.integers(1, 12),
)
leap_days = st.sampled_from([date(2024, 2, 29), date(2028, 2, 29), date(2032, 2, 29)])
any_day = st.dates(date(2020, 1, 1), date(2032, 12, 31))
days = st.one_of(month_ends, leap_days, any_day)

IRONS = [
    "ferric-carboxymaltose",
    "ferric-derisomaltose",
    "ferumoxytol",
    "iron-sucrose",
    "sodium-ferric-gluconate",
    "iron-dextran",
]
ANTIRESORPTIVES = ["zoledronic-acid", "ibandronate", "denosumab"]


def months_later(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day: the oracle for calendar months,
    written here by hand (the code under test uses dateutil)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(day.day, last_day))


# E1's periods as docs/clinical-rules.md, section 3, states them (the oracle for E1).
E1_LAST_DAY = {
    "zoledronic-acid": lambda day: months_later(day, 24),
    "ibandronate": lambda day: months_later(day, 3),
    "denosumab": lambda day: months_later(day, 6) + timedelta(weeks=4),
}


@given(day=days, months=st.integers(0, 40))
def test_periods_add_calendar_months(day: date, months: int) -> None:
    moved = Period(months=months).after(day)
    assert moved == months_later(day, months)
    # Clipped to the month's end, never spilling into the next month.
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or moved.day < day.day


def test_month_end_examples() -> None:
    assert Period(months=3).after(date(2026, 1, 31)) == date(2026, 4, 30)
    assert Period(months=1).after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert Period(months=24).after(date(2024, 2, 29)) == date(2026, 2, 28)


@given(previous=days)
def test_a3_boundary_at_exactly_11_months(scenario: Scenario, previous: date) -> None:
    za = scenario.session("zoledronic-acid", previous)
    boundary = months_later(previous, 11)
    at = scenario.rule_ids(scenario.evaluate(scenario.propose("zoledronic-acid", boundary), za))
    before = scenario.rule_ids(
        scenario.evaluate(scenario.propose("zoledronic-acid", boundary - timedelta(days=1)), za)
    )
    assert "A3" not in at and "A3w" in at
    assert "A3" in before and "A3w" not in before


@given(previous=days)
def test_b2_boundary_at_exactly_3_calendar_months(scenario: Scenario, previous: date) -> None:
    dose = scenario.session("ibandronate", previous)
    boundary = months_later(previous, 3)
    at = scenario.evaluate(scenario.propose("ibandronate", boundary), dose)
    before = scenario.evaluate(scenario.propose("ibandronate", boundary - timedelta(days=1)), dose)
    assert "B2" not in scenario.rule_ids(at)
    assert "B2" in scenario.rule_ids(before)


@given(dose_day=days, drug=st.sampled_from(ANTIRESORPTIVES))
def test_e1_counts_through_the_last_day_of_its_period(
    scenario: Scenario, params: RuleParameters, dose_day: date, drug: str
) -> None:
    timeline = PatientTimeline.of([scenario.recorded(drug, dose_day)])
    last = E1_LAST_DAY[drug](dose_day)
    assert active_exposures(timeline, scenario.catalog, params.e1, last)
    assert active_exposures(timeline, scenario.catalog, params.e1, dose_day)
    assert not active_exposures(timeline, scenario.catalog, params.e1, last + timedelta(days=1))


@given(
    iron_day=days,
    offset=st.integers(-120, 120),
    iron=st.sampled_from(IRONS),
    other=st.sampled_from(ANTIRESORPTIVES),
)
def test_e3_is_symmetric(
    scenario: Scenario, iron_day: date, offset: int, iron: str, other: str
) -> None:
    """Iron and an antiresorptive within 12 weeks: one BLOCK for the pair, whichever of the two
    is being booked (E3 from the iron side; E3 or E7 from the antiresorptive side)."""
    other_day = iron_day + timedelta(days=offset)
    within = abs(offset) <= 84
    from_iron = scenario.evaluate(
        scenario.propose(iron, iron_day), scenario.session(other, other_day)
    )
    from_other = scenario.evaluate(
        scenario.propose(other, other_day), scenario.session(iron, iron_day)
    )
    pair_rules = {"E3", "E7"}
    iron_pairs = [f for f in from_iron.findings if f.rule in pair_rules]
    other_pairs = [f for f in from_other.findings if f.rule in pair_rules]
    assert len(iron_pairs) == (1 if within else 0)
    assert len(other_pairs) == (1 if within else 0)
    assert all(f.severity is Severity.BLOCK for f in iron_pairs + other_pairs)
    same_day = offset == 0
    assert ("E4" in scenario.rule_ids(from_iron)) == same_day
    assert ("E4" in scenario.rule_ids(from_other)) == same_day


@given(day=days)
def test_e3_at_exactly_12_weeks(scenario: Scenario, day: date) -> None:
    edge = scenario.session("denosumab", day + timedelta(weeks=12))
    beyond = scenario.session("denosumab", day + timedelta(weeks=12, days=1))
    proposal = scenario.propose("ferric-derisomaltose", day)
    assert "E3" in scenario.rule_ids(scenario.evaluate(proposal, edge))
    assert "E3" not in scenario.rule_ids(scenario.evaluate(proposal, beyond))


# --- evaluate() never raises on arbitrary timelines -------------------------------------------


@st.composite
def doses(draw: st.DrawFn, catalog: Catalog) -> Dose:
    therapy = draw(st.sampled_from(list(catalog)))
    on = draw(days)
    course = draw(st.sampled_from([None, "c1", "c2"]))
    regimen = draw(st.sampled_from([None, Regimen.TREATMENT, Regimen.PREVENTION]))
    if therapy.bookable and draw(st.booleans()):
        start = datetime(on.year, on.month, on.day, draw(st.integers(8, 16)), tzinfo=TZ)
        end = start + timedelta(minutes=therapy.chair_minutes or 30)
        session_id = draw(st.integers(1, 40))
        return Dose(
            therapy.code, on, DoseSource.SESSION, start, end, session_id, course, False, "", regimen
        )
    ongoing = draw(st.booleans()) and not therapy.is_iron
    return Dose(therapy.code, on, DoseSource.RECORDED, course_id=course, ongoing=ongoing)


@given(data=st.data())
@settings(max_examples=300)
def test_evaluate_never_raises_and_keeps_its_promises(
    catalog: Catalog, params: RuleParameters, data: st.DataObject
) -> None:
    timeline_doses = data.draw(st.lists(doses(catalog), max_size=12))
    labs = data.draw(
        st.lists(
            st.builds(
                LabVisit,
                days,
                st.frozensets(st.sampled_from(sorted(params.test_codes)), min_size=1),
            ),
            max_size=3,
        )
    )
    therapy = data.draw(st.sampled_from(catalog.bookable()))
    on = data.draw(days)
    start = datetime(on.year, on.month, on.day, data.draw(st.integers(8, 16)), tzinfo=TZ)
    proposal = ProposedSession(
        therapy.code,
        start,
        start + timedelta(minutes=therapy.chair_minutes or 30),
        on,
        data.draw(st.one_of(st.none(), st.integers(1, 40))),
        data.draw(st.sampled_from([None, "c1", "c2"])),
        data.draw(st.sampled_from([None, Regimen.TREATMENT, Regimen.PREVENTION])),
    )
    result = evaluate(proposal, PatientTimeline.of(timeline_doses, labs), catalog, params)

    # Never twice for the same rule and the same other dose (two sessions at the same time
    # read alike but differ in the session they cite).
    keys = [(f.rule, f.message, f.related_session_id) for f in result.findings]
    assert len(keys) == len(set(keys)), "a finding was emitted twice"
    for finding in result.findings:
        assert finding.evidence is params.rule(finding.rule).info.evidence
        assert finding.message
    ranks = [f.severity.rank for f in result.findings]
    assert ranks == sorted(ranks, reverse=True)
    assert len(result.labs) == len(set(result.labs))
    for lab in result.labs:
        assert lab.tests <= params.test_codes and lab.label
    # The proposal's own session never judges the proposal.
    own = [d for d in timeline_doses if d.session_id == proposal.session_id]
    if proposal.session_id is not None and own:
        again = evaluate(
            proposal,
            PatientTimeline.of([d for d in timeline_doses if d not in own], labs),
            catalog,
            params,
        )
        assert again == result
