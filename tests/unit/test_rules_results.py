"""Section 7 of the rules file: results, the clearance, A6, B6, A8, A9v, D5p, R1 to R4; D14;
D1; injected drugs with an unknown last dose. Each rule id has a test that fails when the rule
is switched off (tools/rule_mutation.py shows which)."""

from __future__ import annotations

import copy
import tomllib
from datetime import date, timedelta
from typing import Any

import pytest

from clinic_app.domain.catalog import Catalog, CatalogError
from clinic_app.domain.clinic_calendar import ClinicCalendar, OpeningHours
from clinic_app.domain.findings import Severity
from clinic_app.domain.lab_results import (
    BodyWeight,
    LabResult,
    PatientFacts,
    Sex,
    UnitError,
    check_unit,
    cockcroft_gault,
    estimate_clearance,
)
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.rules import evaluate
from clinic_app.domain.rules_results import alerts_for_result, results_due_by, results_overdue
from clinic_app.domain.timeline import Dose, DoseSource, PatientTimeline, ProposedSession
from tests.unit.conftest import RULES_FILE, Scenario

DAY = date(2026, 12, 10)  # Thursday
WOMAN_70 = PatientFacts(date(1956, 6, 1), "F")
FCM, FDI = "ferric-carboxymaltose", "ferric-derisomaltose"


def result(test: str, value: float, days_before: int = 3, **kw: Any) -> LabResult:
    units = {"creatinine": "umol/L", "vitamin-d": "nmol/L"}
    return LabResult(
        test, value, units.get(test, "mmol/L"), DAY - timedelta(days=days_before), **kw
    )


def run(
    scenario: Scenario,
    proposal: ProposedSession,
    *doses: Dose,
    results: tuple[LabResult, ...] = (),
    weights: tuple[BodyWeight, ...] = (),
    patient: PatientFacts | None = WOMAN_70,
) -> set[tuple[str, Severity]]:
    timeline = PatientTimeline.of(doses, results=results, weights=weights, patient=patient)
    evaluation = evaluate(proposal, timeline, scenario.catalog, scenario.params)
    return {(f.rule, f.severity) for f in evaluation.findings}


def messages(scenario: Scenario, proposal: ProposedSession, **kw: Any) -> dict[str, str]:
    timeline = PatientTimeline.of((), **kw)
    evaluation = evaluate(proposal, timeline, scenario.catalog, scenario.params)
    return {f.rule: f.message for f in evaluation.findings}


# --- the clearance ---------------------------------------------------------------------------


def test_cockcroft_gault_of_a_textbook_case() -> None:
    # 70 years, 60 kg, creatinine 1 mg/dL (88.42 umol/L): 70 x 60 / 72 = 58.3; x 0.85 = 49.6.
    male = cockcroft_gault(creatinine_umol_l=88.42, weight_kg=60, age_years=70, sex=Sex.MALE)
    female = cockcroft_gault(creatinine_umol_l=88.42, weight_kg=60, age_years=70, sex=Sex.FEMALE)
    assert male == pytest.approx(58.33, abs=0.01)
    assert female == pytest.approx(49.58, abs=0.01)


def test_clearance_uses_the_latest_creatinine_and_weight_and_names_its_inputs() -> None:
    results = [result("creatinine", 200, 40), result("creatinine", 88.42, 3)]
    weights = [BodyWeight(90, DAY - timedelta(days=300)), BodyWeight(60, DAY - timedelta(days=3))]
    estimate = estimate_clearance(results, weights, WOMAN_70, DAY)
    assert estimate.ml_min == pytest.approx(49.58, abs=0.01)
    assert estimate.age == 70
    text = estimate.describe()
    assert "creatinine 88.42 umol/L drawn 2026-12-07" in text
    assert "weight 60 kg on 2026-12-07" in text and "age 70, sex F" in text


def test_clearance_without_weight_or_sex_names_what_is_missing() -> None:
    estimate = estimate_clearance([result("creatinine", 80)], [], PatientFacts(DAY, None), DAY)
    assert estimate.ml_min is None
    assert estimate.missing == ("no weight recorded", "sex not recorded as F or M")


def test_units_are_checked_per_test(params: RuleParameters) -> None:
    assert check_unit("creatinine", "µmol/l", params.test_units) == "umol/L"
    with pytest.raises(UnitError, match="calcium is recorded in mmol/L"):
        check_unit("calcium", "mg/dL", params.test_units)


# --- A6, B6 ----------------------------------------------------------------------------------


def test_a6_refuses_zoledronic_acid_below_35(scenario: Scenario) -> None:
    zol = scenario.propose("zoledronic-acid", DAY)
    weight = (BodyWeight(50, DAY - timedelta(days=3)),)
    # 70-year-old woman, 50 kg, creatinine 110 umol/L: about 33 mL/min.
    low = run(scenario, zol, results=(result("creatinine", 110),), weights=weight)
    assert ("A6", Severity.HARD) in low
    fine = run(scenario, zol, results=(result("creatinine", 80),), weights=weight)
    assert "A6" not in {rule for rule, _ in fine}
    text = messages(
        scenario, zol, results=(result("creatinine", 110),), weights=weight, patient=WOMAN_70
    )["A6"]
    assert "35 mL/min" in text and "Cockcroft-Gault" in text and "weight 50 kg" in text


def test_b6_refuses_ibandronate_below_30(scenario: Scenario) -> None:
    iban = scenario.propose("ibandronate", DAY)
    weight = (BodyWeight(50, DAY - timedelta(days=3)),)
    # About 28 mL/min: below B6's 30.
    assert ("B6", Severity.HARD) in run(
        scenario, iban, results=(result("creatinine", 130),), weights=weight
    )
    # About 33 mL/min: A6 would refuse zoledronic acid, B6 lets ibandronate through.
    assert "B6" not in {
        r for r, _ in run(scenario, iban, results=(result("creatinine", 110),), weights=weight)
    }


# --- A8, A9v, D5p ----------------------------------------------------------------------------


@pytest.mark.parametrize("drug", ["zoledronic-acid", "ibandronate", "denosumab"])
def test_a8_blocks_every_antiresorptive_with_low_calcium(scenario: Scenario, drug: str) -> None:
    proposal = scenario.propose(drug, DAY)
    assert ("A8", Severity.BLOCK) in run(scenario, proposal, results=(result("calcium", 2.05),))
    assert "A8" not in {r for r, _ in run(scenario, proposal, results=(result("calcium", 2.10),))}


def test_a8_reads_the_latest_calcium(scenario: Scenario) -> None:
    proposal = scenario.propose("denosumab", DAY)
    corrected = (result("calcium", 1.95, 20), result("calcium", 2.25, 2))
    assert "A8" not in {r for r, _ in run(scenario, proposal, results=corrected)}


def test_a9v_warns_on_low_vitamin_d(scenario: Scenario) -> None:
    proposal = scenario.propose("denosumab", DAY)
    assert ("A9v", Severity.WARN) in run(scenario, proposal, results=(result("vitamin-d", 40),))
    iban = scenario.propose("ibandronate", DAY)
    assert "A9v" not in {r for r, _ in run(scenario, iban, results=(result("vitamin-d", 40),))}


def test_d5p_blocks_fcm_with_low_phosphate_and_other_iron_only_while_exposed(
    scenario: Scenario,
) -> None:
    low = (result("phosphate", 0.70),)
    assert ("D5p", Severity.BLOCK) in run(scenario, scenario.propose(FCM, DAY), results=low)
    fdi = scenario.propose(FDI, DAY)
    assert "D5p" not in {r for r, _ in run(scenario, fdi, results=low)}
    denosumab = scenario.recorded("denosumab", DAY - timedelta(weeks=20))
    assert ("D5p", Severity.BLOCK) in run(scenario, fdi, denosumab, results=low)


# --- R1 --------------------------------------------------------------------------------------


def checking_in(scenario: Scenario, drug: str) -> ProposedSession:
    from dataclasses import replace

    return replace(scenario.propose(drug, DAY), checking_in=True)


def test_r1_blocks_check_in_without_a_fresh_gating_result(scenario: Scenario) -> None:
    fcm = checking_in(scenario, FCM)
    assert ("R1", Severity.BLOCK) in run(scenario, fcm)  # no phosphate on file
    stale = (result("phosphate", 1.0, days_before=15),)  # D5p window: 14 days
    assert ("R1", Severity.BLOCK) in run(scenario, fcm, results=stale)
    fresh = (result("phosphate", 1.0, days_before=14),)
    assert "R1" not in {r for r, _ in run(scenario, fcm, results=fresh)}
    # At booking, a missing result is no finding: the lab is booked for it.
    assert "R1" not in {r for r, _ in run(scenario, scenario.propose(FCM, DAY))}


def test_r1_needs_a_clearance_for_zoledronic_acid(scenario: Scenario) -> None:
    zol = checking_in(scenario, "zoledronic-acid")
    labs = (result("creatinine", 80), result("calcium", 2.3))
    found = messages(scenario, zol, results=labs, patient=WOMAN_70)
    assert "no weight recorded" in found["R1"]
    weight = (BodyWeight(70, DAY),)
    assert "R1" not in {r for r, _ in run(scenario, zol, results=labs, weights=weight)}


# --- R2 --------------------------------------------------------------------------------------


def follow_up(value: float, days_before: int = 20, test: str = "phosphate", **kw: Any) -> LabResult:
    return result(test, value, days_before, draw_rules=frozenset({"E6"}), **kw)


def test_r2_blocks_an_antiresorptive_after_a_low_follow_up_until_normal(
    scenario: Scenario,
) -> None:
    zol = scenario.propose("zoledronic-acid", DAY)
    low = follow_up(0.60, result_id=1)
    assert ("R2", Severity.BLOCK) in run(scenario, zol, results=(low,))
    # A result that is not from an E6/E7 draw raises no R2.
    plain = result("phosphate", 0.60, 20, result_id=1)
    assert "R2" not in {r for r, _ in run(scenario, zol, results=(plain,))}
    # Better but not normal yet: still blocked; normal: cleared.
    better = result("phosphate", 0.75, 5, result_id=2)
    assert ("R2", Severity.BLOCK) in run(scenario, zol, results=(low, better))
    normal = result("phosphate", 0.80, 5, result_id=3)
    assert "R2" not in {r for r, _ in run(scenario, zol, results=(low, normal))}
    # More than 12 weeks after the low draw it no longer blocks.
    late = scenario.propose("zoledronic-acid", DAY + timedelta(weeks=10))
    assert "R2" not in {r for r, _ in run(scenario, late, results=(low,))}


def test_r2_and_r3_alerts_for_a_new_result(params: RuleParameters) -> None:
    assert [a.rule for a in alerts_for_result(follow_up(0.60), params)] == ["R2"]
    assert [a.level for a in alerts_for_result(follow_up(0.30), params)] == ["URGENT", "ALERT"]
    severe_calcium = result("calcium", 1.85)
    (urgent,) = alerts_for_result(severe_calcium, params)
    assert (urgent.rule, urgent.level) == ("R3", "URGENT")
    assert alerts_for_result(result("calcium", 1.95), params) == ()


# --- R4 --------------------------------------------------------------------------------------


def test_r4_results_are_due_two_working_days_after_the_draw(params: RuleParameters) -> None:
    from datetime import time

    weekdays = tuple(OpeningHours(d, time(8), time(18)) for d in range(5))
    calendar = ClinicCalendar("Europe/London", weekdays, frozenset({date(2026, 12, 14)}))
    thursday = date(2026, 12, 10)
    # Friday, (weekend), Monday 14th closed, Tuesday 15th.
    assert results_due_by(thursday, calendar, 2) == date(2026, 12, 15)
    assert not results_overdue(thursday, date(2026, 12, 15), calendar, params)
    assert results_overdue(thursday, date(2026, 12, 16), calendar, params)


# --- D14 -------------------------------------------------------------------------------------


def test_d14_blocks_a_second_iron_the_same_day(scenario: Scenario) -> None:
    fdi = scenario.session(FDI, DAY, hour=8)
    fcm = scenario.propose(FCM, DAY, hour=12)
    assert ("D14", Severity.BLOCK) in run(scenario, fcm, fdi)
    assert "D14" not in {
        r for r, _ in run(scenario, scenario.propose(FCM, DAY + timedelta(1)), fdi)
    }


def test_d14_blocks_another_iron_inside_a_booked_course(scenario: Scenario) -> None:
    course = [
        scenario.session("iron-sucrose", DAY + timedelta(days=d), course="c1") for d in (0, 4, 8)
    ]
    inside = scenario.propose(FDI, DAY + timedelta(days=6))
    assert ("D14", Severity.BLOCK) in run(scenario, inside, *course)
    outside = scenario.propose(FDI, DAY + timedelta(days=20))
    assert "D14" not in {r for r, _ in run(scenario, outside, *course)}
    # The same product's own course is D6's business, not D14's.
    same = scenario.propose("iron-sucrose", DAY + timedelta(days=6), course="c1")
    assert "D14" not in {r for r, _ in run(scenario, same, *course)}


def test_d14_from_the_course_side(scenario: Scenario) -> None:
    single = scenario.session(FDI, DAY + timedelta(days=6))
    first = scenario.session("iron-sucrose", DAY, course="c1", session_id=501)
    last = scenario.propose("iron-sucrose", DAY + timedelta(days=8), course="c1")
    assert ("D14", Severity.BLOCK) in run(scenario, last, first, single)


# --- D1 --------------------------------------------------------------------------------------


def _raw_rules() -> dict[str, Any]:
    with RULES_FILE.open("rb") as handle:
        return tomllib.load(handle)


def test_d1_the_catalog_refuses_an_iron_with_under_30_minutes_of_observation() -> None:
    raw = _raw_rules()
    catalog = copy.deepcopy(raw["catalog"])
    assert catalog["min_iron_observation_minutes"] == 30
    iron = next(t for t in catalog["therapy"] if t["code"] == FCM)
    iron["observation_minutes"] = 29
    with pytest.raises(CatalogError, match=r"rule D1"):
        Catalog.from_mapping(catalog)


def test_d1_every_shipped_iron_keeps_30_minutes_of_observation(catalog: Catalog) -> None:
    irons = [t for t in catalog.bookable() if t.is_iron]
    assert irons
    assert all(t.observation_minutes >= 30 for t in irons)


# --- injected drugs with an unknown last dose (section 7) -------------------------------------


def unknown(drug: str) -> Dose:
    return Dose(drug, DAY - timedelta(days=400), DoseSource.RECORDED, where="GP", date_unknown=True)


def test_an_unknown_last_dose_counts_as_active_for_e1(scenario: Scenario) -> None:
    found = run(scenario, scenario.propose(FCM, DAY), unknown("denosumab"))
    assert ("E2", Severity.BLOCK) in found
    text = messages(scenario, scenario.propose(FCM, DAY))  # without it: nothing
    assert "E2" not in text


def test_an_unknown_last_dose_makes_interval_rules_ask_to_confirm(scenario: Scenario) -> None:
    timeline = PatientTimeline.of([unknown("denosumab")])
    evaluation = evaluate(
        scenario.propose("denosumab", DAY), timeline, scenario.catalog, scenario.params
    )
    found = {(f.rule, f.severity) for f in evaluation.findings}
    assert found == {("C3", Severity.WARN), ("C2", Severity.WARN)}
    assert all("confirm the last dose date" in f.message for f in evaluation.findings)
    assert all("25 months" not in f.message for f in evaluation.findings)
