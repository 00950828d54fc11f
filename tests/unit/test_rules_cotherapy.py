"""Co-therapy rules E2-E7: IV iron and antiresorptives, with their labs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from clinic_app.domain import rules_cotherapy
from clinic_app.domain.catalog import Catalog
from clinic_app.domain.findings import Evidence, LabTiming, Severity
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.rules import RULES, evaluate
from clinic_app.domain.timeline import PatientTimeline
from tests.unit.conftest import Scenario

IRON_DAY = date(2026, 6, 15)
FCM = "ferric-carboxymaltose"
FDI = "ferric-derisomaltose"
BASELINE = frozenset({"calcium", "phosphate", "magnesium", "creatinine", "vitamin-d"})
FOLLOW_UP = frozenset({"calcium", "phosphate", "magnesium", "creatinine"})


# --- E2 ---------------------------------------------------------------------------------------


def test_e2_warns_for_low_risk_iron_while_exposed_and_names_the_drug(scenario: Scenario) -> None:
    za = scenario.recorded("zoledronic-acid", "2025-01-10", where="St Mary's")
    upcoming = scenario.recorded("zoledronic-acid", "2027-01-10", where="St Mary's")
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY), za, upcoming)
    (finding,) = scenario.findings(result, "E2")
    assert finding.severity is Severity.WARN
    assert finding.evidence is Evidence.PAPER
    assert "Zoledronic acid on 2025-01-10, within 24 months" in finding.message
    assert "Last dose: Zoledronic acid on 2025-01-10 (given at St Mary's)" in finding.message
    assert "next dose: Zoledronic acid on 2027-01-10 (given at St Mary's)" in finding.message
    assert "already has a low phosphate risk" in finding.message
    assert "E3" not in scenario.rule_ids(result)  # 17 months apart


def test_e2_suggests_a_low_risk_iron_for_iron_sucrose(scenario: Scenario) -> None:
    dmab = scenario.session("denosumab", "2026-01-05", session_id=7)
    result = scenario.evaluate(scenario.propose("iron-sucrose", IRON_DAY), dmab)
    (finding,) = scenario.findings(result, "E2")
    assert finding.severity is Severity.WARN
    assert finding.related_session_id == 7
    assert "Consider a low-phosphate-risk iron instead: Ferric derisomaltose or Ferumoxytol" in (
        finding.message
    )
    assert "next dose: none booked" in finding.message


def test_e2_blocks_ferric_carboxymaltose(scenario: Scenario) -> None:
    za = scenario.recorded("zoledronic-acid", "2025-01-10")
    result = scenario.evaluate(scenario.propose(FCM, IRON_DAY), za)
    (finding,) = scenario.findings(result, "E2")
    assert finding.severity is Severity.BLOCK
    assert finding.needs_override


def test_e2_is_silent_just_outside_the_exposure(scenario: Scenario) -> None:
    # 2024-06-14 + 24 months = 2026-06-14: the iron on 2026-06-15 is one day too late.
    za = scenario.recorded("zoledronic-acid", "2024-06-14")
    result = scenario.evaluate(scenario.propose(FCM, IRON_DAY), za)
    assert scenario.findings(result, "E2") == []
    assert result.findings == ()


def test_e2_gives_one_finding_per_drug(scenario: Scenario) -> None:
    doses = (
        scenario.recorded("zoledronic-acid", "2025-01-10"),
        scenario.recorded("zoledronic-acid", "2024-09-10"),
        scenario.recorded("alendronate", "2018-01-01", where="GP surgery", ongoing=True),
    )
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY), *doses)
    messages = [f.message for f in scenario.findings(result, "E2")]
    assert len(messages) == 2
    assert "Alendronate (oral) ongoing since 2018-01-01" in messages[0]
    assert "Zoledronic acid on 2025-01-10, within 24 months" in messages[1]


def test_e2_counts_an_antiresorptive_booked_after_the_iron(scenario: Scenario) -> None:
    dmab = scenario.session("denosumab", "2026-09-01", session_id=12)
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY), dmab)
    (finding,) = scenario.findings(result, "E2")
    assert "Denosumab on 2026-09-01, within 12 weeks after" in finding.message
    assert "Last dose: none" in finding.message
    assert finding.related_session_id == 12


def test_e2_without_any_low_risk_iron_in_the_catalog(scenario: Scenario, catalog: Catalog) -> None:
    plain = Catalog(
        (replace(t, low_phosphate_risk_alternative=False) for t in catalog),
        catalog.min_iron_observation_minutes,
    )
    timeline = PatientTimeline.of([scenario.recorded("zoledronic-acid", "2025-01-10")])
    result = evaluate(scenario.propose(FCM, IRON_DAY), timeline, plain, scenario.params)
    (finding,) = scenario.findings(result, "E2")
    assert "Ask the prescriber whether a lower-risk iron can be used" in finding.message


# --- E3 ---------------------------------------------------------------------------------------


def test_e3_blocks_iron_10_weeks_after_zoledronic_acid(scenario: Scenario) -> None:
    za = scenario.session("zoledronic-acid", IRON_DAY - timedelta(weeks=10), session_id=3)
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY), za)
    (finding,) = scenario.findings(result, "E3")
    assert finding.severity is Severity.BLOCK
    assert finding.evidence is Evidence.UNSOURCED
    assert finding.related_session_id == 3
    assert finding.message.startswith(
        "Zoledronic acid on 2026-04-06 (booked here) is 10 weeks before this iron dose"
    )
    assert "more than 12 weeks" in finding.message


def test_e3_includes_exactly_12_weeks_and_stops_a_day_later(scenario: Scenario) -> None:
    proposal = scenario.propose(FDI, IRON_DAY)
    at_limit = scenario.recorded("denosumab", IRON_DAY - timedelta(weeks=12))
    beyond = scenario.recorded("denosumab", IRON_DAY - timedelta(weeks=12, days=1))
    assert len(scenario.findings(scenario.evaluate(proposal, at_limit), "E3")) == 1
    assert scenario.findings(scenario.evaluate(proposal, beyond), "E3") == []


def test_e3_blocks_iron_before_an_antiresorptive(scenario: Scenario) -> None:
    dmab = scenario.session("denosumab", IRON_DAY + timedelta(weeks=6))
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY), dmab)
    (finding,) = scenario.findings(result, "E3")
    assert "Denosumab on 2026-07-27 (booked here) is 6 weeks after this iron dose" in (
        finding.message
    )
    late = scenario.session("denosumab", IRON_DAY + timedelta(weeks=12, days=1))
    assert scenario.findings(scenario.evaluate(scenario.propose(FDI, IRON_DAY), late), "E3") == []


def test_e3_from_an_antiresorptive_looks_at_iron_after_it(scenario: Scenario) -> None:
    iron = scenario.session(FCM, IRON_DAY + timedelta(weeks=5), session_id=21)
    result = scenario.evaluate(scenario.propose("denosumab", IRON_DAY), iron)
    (finding,) = scenario.findings(result, "E3")
    assert finding.related_session_id == 21
    assert "is 5 weeks after this Denosumab dose" in finding.message
    assert scenario.findings(result, "E7") == []


def test_e3_does_not_repeat_e7s_pair(scenario: Scenario) -> None:
    iron = scenario.session(FCM, IRON_DAY - timedelta(weeks=5))
    result = scenario.evaluate(scenario.propose("denosumab", IRON_DAY), iron)
    assert scenario.findings(result, "E3") == []
    assert len(scenario.findings(result, "E7")) == 1


def test_e3_blocks_iron_while_an_oral_bisphosphonate_is_taken(scenario: Scenario) -> None:
    oral = scenario.recorded("alendronate", "2020-01-01", where="GP surgery", ongoing=True)
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY), oral)
    (finding,) = scenario.findings(result, "E3")
    assert "Alendronate (oral) ongoing since 2020-01-01 (given at GP surgery) is still being" in (
        finding.message
    )
    assert scenario.findings(result, "E4") == []  # no known dose day


def test_e3_with_an_oral_bisphosphonate_starting_after_the_iron(scenario: Scenario) -> None:
    soon = scenario.recorded("alendronate", IRON_DAY + timedelta(weeks=4), ongoing=True)
    later = scenario.recorded("alendronate", IRON_DAY + timedelta(weeks=13), ongoing=True)
    proposal = scenario.propose(FDI, IRON_DAY)
    (finding,) = scenario.findings(scenario.evaluate(proposal, soon), "E3")
    assert "is 4 weeks after this iron dose" in finding.message
    assert scenario.findings(scenario.evaluate(proposal, later), "E3") == []


# --- E4 ---------------------------------------------------------------------------------------


def test_e4_refuses_iron_and_antiresorptive_on_the_same_day(scenario: Scenario) -> None:
    za = scenario.session("zoledronic-acid", IRON_DAY, hour=14, session_id=4)
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY), za)
    (finding,) = scenario.findings(result, "E4")
    assert finding.severity is Severity.HARD
    assert finding.related_session_id == 4
    assert "never given on the same day" in finding.message
    assert result.worst is Severity.HARD
    assert result.findings[0] == finding  # worst first


def test_e4_from_the_antiresorptive_side_and_the_day_after(scenario: Scenario) -> None:
    iron = scenario.recorded(FCM, IRON_DAY, where="Day unit")
    result = scenario.evaluate(scenario.propose("ibandronate", IRON_DAY), iron)
    assert len(scenario.findings(result, "E4")) == 1
    next_day = scenario.recorded(FCM, IRON_DAY + timedelta(days=1))
    assert (
        scenario.findings(
            scenario.evaluate(scenario.propose("ibandronate", IRON_DAY), next_day), "E4"
        )
        == []
    )


# --- E5 / E6 ----------------------------------------------------------------------------------


def test_e5_and_e6_book_labs_for_the_first_iron_dose_on_antiresorptives(
    scenario: Scenario,
) -> None:
    dmab = scenario.recorded("denosumab", "2026-02-01", where="GP surgery")
    result = scenario.evaluate(scenario.propose(FDI, IRON_DAY, course="c1"), dmab)
    (baseline,) = scenario.labs(result, "E5")
    assert baseline.tests == BASELINE
    assert baseline.timing is LabTiming.BEFORE
    assert (baseline.due_from, baseline.due_to, baseline.target) == (
        date(2026, 6, 1),
        date(2026, 6, 14),
        None,
    )
    assert baseline.label == "baseline before iron"
    follow_ups = scenario.labs(result, "E6")
    assert [(f.label, f.due_from, f.target, f.due_to) for f in follow_ups] == [
        ("follow-up day 7", date(2026, 6, 20), date(2026, 6, 22), date(2026, 6, 24)),
        ("follow-up day 21", date(2026, 7, 3), date(2026, 7, 6), date(2026, 7, 9)),
        ("follow-up day 49", date(2026, 7, 27), date(2026, 8, 3), date(2026, 8, 10)),
        ("follow-up day 77", date(2026, 8, 24), date(2026, 8, 31), date(2026, 9, 7)),
    ]
    assert all(f.tests == FOLLOW_UP and f.timing is LabTiming.AFTER for f in follow_ups)


def test_e5_e6_only_for_the_first_dose_of_a_course(scenario: Scenario) -> None:
    dmab = scenario.recorded("denosumab", "2026-02-01")
    first = scenario.session(FCM, IRON_DAY - timedelta(days=7), course="c1")
    result = scenario.evaluate(scenario.propose(FCM, IRON_DAY, course="c1"), dmab, first)
    assert scenario.labs(result, "E5") == scenario.labs(result, "E6") == []
    other_course = replace(first, course_id="c0")
    result = scenario.evaluate(scenario.propose(FCM, IRON_DAY, course="c1"), dmab, other_course)
    assert len(scenario.labs(result, "E5")) == 1
    assert len(scenario.labs(result, "E6")) == 4


def test_e5_e6_not_without_antiresorptives(scenario: Scenario) -> None:
    old = scenario.recorded("denosumab", "2025-01-01")
    result = scenario.evaluate(scenario.propose(FCM, IRON_DAY), old)
    assert scenario.labs(result, "E5") == scenario.labs(result, "E6") == []


def test_e5_e6_also_follow_an_e3_pair_when_e1_is_set_shorter(scenario: Scenario) -> None:
    params = scenario.params.with_overrides({"E1": {"lookback": {"denosumab": {"weeks": 2}}}})
    timeline = PatientTimeline.of([scenario.recorded("denosumab", IRON_DAY - timedelta(weeks=6))])
    result = evaluate(scenario.propose(FDI, IRON_DAY), timeline, scenario.catalog, params)
    assert scenario.findings(result, "E2") == []
    assert len(scenario.findings(result, "E3")) == 1
    assert len(scenario.labs(result, "E5")) == 1
    assert len(scenario.labs(result, "E6")) == 4


# --- E7 ---------------------------------------------------------------------------------------


def test_e7_blocks_an_antiresorptive_after_iron_and_books_its_labs(scenario: Scenario) -> None:
    iron = scenario.session(FCM, "2026-05-18", session_id=30)
    result = scenario.evaluate(scenario.propose("zoledronic-acid", IRON_DAY), iron)
    (finding,) = scenario.findings(result, "E7")
    assert finding.severity is Severity.BLOCK
    assert finding.related_session_id == 30
    assert finding.message.startswith(
        "Ferric carboxymaltose on 2026-05-18 (booked here) is 4 weeks before this Zoledronic "
        "acid dose"
    )
    assert "Book it on or after 2026-08-11" in finding.message
    before, after = scenario.labs(result, "E7")
    assert (before.tests, before.timing) == (frozenset({"calcium", "phosphate"}), LabTiming.BEFORE)
    assert (before.due_from, before.due_to) == (date(2026, 6, 1), date(2026, 6, 14))
    assert after.tests == frozenset({"calcium", "phosphate", "magnesium"})
    assert (after.due_from, after.target, after.due_to) == (
        date(2026, 6, 25),
        date(2026, 6, 27),
        date(2026, 6, 29),
    )


def test_e7_one_finding_per_iron_dose_and_labs_once(scenario: Scenario) -> None:
    doses = (
        scenario.session(FCM, "2026-05-01", course="c1"),
        scenario.session(FCM, "2026-05-08", course="c1"),
    )
    result = scenario.evaluate(scenario.propose("denosumab", IRON_DAY), *doses)
    assert len(scenario.findings(result, "E7")) == 2
    assert len(scenario.labs(result, "E7")) == 2


def test_e7_stops_after_12_weeks(scenario: Scenario) -> None:
    iron = scenario.recorded(FCM, IRON_DAY - timedelta(weeks=12, days=1))
    result = scenario.evaluate(scenario.propose("zoledronic-acid", IRON_DAY), iron)
    assert scenario.findings(result, "E7") == scenario.labs(result, "E7") == []
    at_limit = scenario.recorded(FCM, IRON_DAY - timedelta(weeks=12))
    result = scenario.evaluate(scenario.propose("zoledronic-acid", IRON_DAY), at_limit)
    assert len(scenario.findings(result, "E7")) == 1


def test_e7_counts_iron_on_the_same_day_with_e4(scenario: Scenario) -> None:
    iron = scenario.session(FDI, IRON_DAY, hour=8)
    result = scenario.evaluate(scenario.propose("denosumab", IRON_DAY, hour=11), iron)
    assert "is on the same day as this Denosumab dose" in scenario.findings(result, "E7")[0].message
    assert scenario.rule_ids(result) >= {"E4", "E7"}
    assert "E3" not in scenario.rule_ids(result)


# --- the proposal's own session ---------------------------------------------------------------


def test_the_proposals_own_session_in_the_timeline_is_ignored(scenario: Scenario) -> None:
    # Moving a session: the timeline still holds it at its old day, 3 days earlier.
    old_place = scenario.session(FDI, IRON_DAY - timedelta(days=3), session_id=77)
    moved = scenario.propose(FDI, IRON_DAY, session_id=77)
    assert scenario.evaluate(moved, old_place).findings == ()
    another = scenario.evaluate(replace(moved, session_id=78), old_place)
    assert scenario.rule_ids(another) == {"D8"}


# --- what "flagged for co-therapy" means --------------------------------------------------------


def test_the_cotherapy_flag_rules_are_the_cotherapy_rules_with_a_severity(
    params: RuleParameters,
) -> None:
    by_id = {rule.info.rule_id: rule for rule in params.rules()}
    with_severity = {
        rule_id
        for rule_id, function in RULES
        if function.__module__ == rules_cotherapy.__name__ and hasattr(by_id[rule_id], "severity")
    }
    assert with_severity == rules_cotherapy.COTHERAPY_FINDING_RULES == {"E2", "E3", "E4", "E7"}
    assert [rules_cotherapy.is_cotherapy_rule(r) for r in ("E2", "E5", "E6", "A3")] == [
        True,
        False,
        False,
        False,
    ]
