"""Dose-interval and course rules: A3, A3w, B2, B9, C3, C2, C8, D2, D8, D9, D9g, D6."""

from __future__ import annotations

from datetime import date, timedelta

from clinic_app.domain.findings import Evidence, Severity
from clinic_app.domain.timeline import Regimen
from tests.unit.conftest import Scenario

ZA = "zoledronic-acid"
FCM = "ferric-carboxymaltose"
FDI = "ferric-derisomaltose"
FMX = "ferumoxytol"
SUCROSE = "iron-sucrose"


def interval_rules(scenario: Scenario, drug: str, previous: str, proposed: str) -> set[str]:
    """The rule ids fired for ``drug`` proposed on ``proposed`` after a dose on ``previous``."""
    result = scenario.evaluate(scenario.propose(drug, proposed), scenario.session(drug, previous))
    return scenario.rule_ids(result)


# --- A3 / A3w ---------------------------------------------------------------------------------


def test_a3_blocks_zoledronic_acid_10_months_after_the_last(scenario: Scenario) -> None:
    previous = scenario.recorded(ZA, "2025-03-01", where="St Mary's")
    result = scenario.evaluate(scenario.propose(ZA, "2026-01-01"), previous)
    (finding,) = scenario.findings(result, "A3")
    assert finding.severity is Severity.BLOCK
    assert finding.evidence is Evidence.UNSOURCED
    assert finding.message.startswith(
        "Zoledronic acid on 2025-03-01 (given at St Mary's) is the previous dose, only "
        "10 months before this one"
    )
    assert "at least 11 months between doses on the treatment schedule" in finding.message
    assert "Book on or after 2026-02-01" in finding.message
    assert scenario.findings(result, "A3w") == []


def test_a3w_warns_11_months_and_a_day_after_not_a3(scenario: Scenario) -> None:
    assert interval_rules(scenario, ZA, "2025-03-01", "2026-02-02") == {"A3w"}
    assert interval_rules(scenario, ZA, "2025-03-01", "2026-02-01") == {"A3w"}  # exactly 11
    assert interval_rules(scenario, ZA, "2025-03-01", "2026-01-31") == {"A3"}
    assert interval_rules(scenario, ZA, "2025-03-01", "2026-03-01") == set()  # 12 months


def test_a3w_message(scenario: Scenario) -> None:
    result = scenario.evaluate(
        scenario.propose(ZA, "2026-02-10"), scenario.session(ZA, "2025-03-01")
    )
    (finding,) = scenario.findings(result, "A3w")
    assert finding.severity is Severity.WARN
    assert "normally given every 12 months" in finding.message


def test_a3_uses_23_months_on_the_prevention_schedule(scenario: Scenario) -> None:
    previous = scenario.session(ZA, "2024-03-01", regimen=Regimen.PREVENTION)
    early = scenario.propose(ZA, "2026-01-01", regimen=Regimen.PREVENTION)
    (finding,) = scenario.findings(scenario.evaluate(early, previous), "A3")
    assert "at least 23 months between doses on the prevention schedule" in finding.message
    on_time = scenario.propose(ZA, "2026-02-01", regimen=Regimen.PREVENTION)
    assert scenario.evaluate(on_time, previous).findings == ()
    # 11-12 months on prevention is A3 (BLOCK), never the treatment warning band.
    band = scenario.propose(ZA, "2025-02-15", regimen=Regimen.PREVENTION)
    assert scenario.rule_ids(scenario.evaluate(band, previous)) == {"A3"}
    assert scenario.rule_ids(scenario.evaluate(scenario.propose(ZA, "2025-02-15"), previous)) == {
        "A3w"
    }


def test_a3_and_a3w_also_check_the_next_booked_dose(scenario: Scenario) -> None:
    upcoming = scenario.session(ZA, "2026-09-01", session_id=41)
    result = scenario.evaluate(scenario.propose(ZA, "2026-03-01"), upcoming)
    (finding,) = scenario.findings(result, "A3")
    assert finding.related_session_id == 41
    assert "is the next dose, only 6 months after this one" in finding.message
    assert "Move this dose earlier or the next one later" in finding.message
    band = scenario.session(ZA, "2027-02-15")
    assert scenario.rule_ids(scenario.evaluate(scenario.propose(ZA, "2026-03-01"), band)) == {"A3w"}
    # The next dose's own regimen decides: on prevention it needs 23 months.
    prevention = scenario.session(ZA, "2027-06-01", regimen=Regimen.PREVENTION)
    result = scenario.evaluate(scenario.propose(ZA, "2026-03-01"), prevention)
    assert scenario.rule_ids(result) == {"A3"}


# --- B2 ---------------------------------------------------------------------------------------


def test_b2_blocks_ibandronate_sooner_than_3_calendar_months(scenario: Scenario) -> None:
    result = scenario.evaluate(
        scenario.propose("ibandronate", "2026-02-27"), scenario.session("ibandronate", "2025-11-30")
    )
    (finding,) = scenario.findings(result, "B2")
    assert (finding.severity, finding.evidence) == (Severity.BLOCK, Evidence.LABEL)
    # 30 Nov + 3 months = 28 Feb (the end of the shorter month).
    assert "Book on or after 2026-02-28" in finding.message
    assert interval_rules(scenario, "ibandronate", "2025-11-30", "2026-02-28") == set()


# --- B9 ---------------------------------------------------------------------------------------


def test_b9_warns_ibandronate_while_zoledronic_acid_is_active(scenario: Scenario) -> None:
    za = scenario.recorded(ZA, "2025-09-01", where="St Mary's")
    result = scenario.evaluate(scenario.propose("ibandronate", "2026-03-01"), za)
    (finding,) = scenario.findings(result, "B9")
    assert finding.severity is Severity.WARN
    assert finding.message.startswith(
        "Zoledronic acid on 2025-09-01 (given at St Mary's): Zoledronic acid is still active "
        "(within 12 months) when Ibandronate IV is given"
    )
    late = scenario.recorded(ZA, "2025-02-28")
    assert (
        scenario.findings(
            scenario.evaluate(scenario.propose("ibandronate", "2026-03-01"), late), "B9"
        )
        == []
    )


def test_b9_the_reverse_uses_ibandronates_3_months(scenario: Scenario) -> None:
    ibandronate = scenario.session("ibandronate", "2026-01-10")
    soon = scenario.evaluate(scenario.propose(ZA, "2026-03-01"), ibandronate)
    assert "Ibandronate IV is still active (within 3 months) when Zoledronic acid is given" in (
        scenario.findings(soon, "B9")[0].message
    )
    later = scenario.evaluate(scenario.propose(ZA, "2026-04-11"), ibandronate)
    assert scenario.findings(later, "B9") == []


def test_b9_looks_forward_from_zoledronic_acid_too(scenario: Scenario) -> None:
    booked = scenario.session("ibandronate", "2026-09-01", session_id=52)
    result = scenario.evaluate(scenario.propose(ZA, "2026-03-01"), booked)
    (finding,) = scenario.findings(result, "B9")
    assert finding.related_session_id == 52


# --- C3 / C2 ----------------------------------------------------------------------------------


def test_c3_warns_denosumab_sooner_than_5_months(scenario: Scenario) -> None:
    result = scenario.evaluate(
        scenario.propose("denosumab", "2026-05-01"), scenario.session("denosumab", "2026-01-05")
    )
    (finding,) = scenario.findings(result, "C3")
    assert finding.severity is Severity.WARN
    assert "at least 5 months between doses" in finding.message
    assert interval_rules(scenario, "denosumab", "2026-01-05", "2026-06-05") == set()


def test_c2_warns_denosumab_more_than_6_months_2_weeks_late(scenario: Scenario) -> None:
    # 2026-01-05 + 6 months + 2 weeks = 2026-07-19.
    assert interval_rules(scenario, "denosumab", "2026-01-05", "2026-07-19") == set()
    result = scenario.evaluate(
        scenario.propose("denosumab", "2026-07-20"), scenario.recorded("denosumab", "2026-01-05")
    )
    (finding,) = scenario.findings(result, "C2")
    assert (finding.severity, finding.evidence) == (Severity.WARN, Evidence.SECONDARY)
    assert "more than 6 months + 2 weeks" in finding.message
    assert "rebounds" in finding.message


def test_c2_looks_back_only(scenario: Scenario) -> None:
    result = scenario.evaluate(
        scenario.propose("denosumab", "2026-01-05"), scenario.session("denosumab", "2027-01-05")
    )
    assert scenario.findings(result, "C2") == []


# --- C8 ---------------------------------------------------------------------------------------


def test_c8_warns_zoledronic_acid_outside_5_to_7_months_after_denosumab(
    scenario: Scenario,
) -> None:
    dmab = scenario.recorded("denosumab", "2026-01-05", where="GP surgery")
    early = scenario.evaluate(scenario.propose(ZA, "2026-05-01"), dmab)
    (finding,) = scenario.findings(early, "C8")
    assert (finding.severity, finding.evidence) == (Severity.WARN, Evidence.PAPER)
    assert "book between 2026-06-05 and 2026-08-05" in finding.message
    assert (
        scenario.findings(scenario.evaluate(scenario.propose(ZA, "2026-06-05"), dmab), "C8") == []
    )
    assert (
        scenario.findings(scenario.evaluate(scenario.propose(ZA, "2026-08-05"), dmab), "C8") == []
    )
    late = scenario.evaluate(scenario.propose(ZA, "2026-08-06"), dmab)
    assert len(scenario.findings(late, "C8")) == 1


def test_c8_only_for_the_switch_dose(scenario: Scenario) -> None:
    dmab = scenario.recorded("denosumab", "2024-01-05")
    switch = scenario.session(ZA, "2024-07-05")
    yearly = scenario.evaluate(scenario.propose(ZA, "2025-07-05"), dmab, switch)
    assert scenario.findings(yearly, "C8") == []
    without_switch = scenario.evaluate(scenario.propose(ZA, "2025-07-05"), dmab)
    assert len(scenario.findings(without_switch, "C8")) == 1


def test_c8_needs_a_denosumab_dose(scenario: Scenario) -> None:
    result = scenario.evaluate(scenario.propose(ZA, "2026-05-01"))
    assert result.findings == ()


# --- D2 / D8 / D9 -----------------------------------------------------------------------------


def test_d2_blocks_ferric_carboxymaltose_less_than_7_days_apart(scenario: Scenario) -> None:
    first = scenario.session(FCM, "2026-03-02", course="c1")
    result = scenario.evaluate(scenario.propose(FCM, "2026-03-07", course="c1"), first)
    (finding,) = scenario.findings(result, "D2")
    assert (finding.severity, finding.evidence) == (Severity.BLOCK, Evidence.LABEL)
    assert "Book on or after 2026-03-09" in finding.message
    assert interval_rules(scenario, FCM, "2026-03-02", "2026-03-09") == set()


def test_d2_checks_a_later_dose_too(scenario: Scenario) -> None:
    later = scenario.session(FCM, "2026-03-05")
    result = scenario.evaluate(scenario.propose(FCM, "2026-03-02"), later)
    (finding,) = scenario.findings(result, "D2")
    assert "Book this dose earlier or move the other one" in finding.message


def test_d8_blocks_ferric_derisomaltose_less_than_7_days_apart(scenario: Scenario) -> None:
    assert interval_rules(scenario, FDI, "2026-03-02", "2026-03-08") == {"D8"}
    assert interval_rules(scenario, FDI, "2026-03-02", "2026-03-09") == set()
    assert interval_rules(scenario, FCM, "2026-03-02", "2026-03-08") == {"D2"}


def test_d9_blocks_ferumoxytol_less_than_3_days_apart(scenario: Scenario) -> None:
    assert interval_rules(scenario, FMX, "2026-03-02", "2026-03-04") == {"D9"}
    assert interval_rules(scenario, FMX, "2026-03-02", "2026-03-05") == set()
    result = scenario.evaluate(
        scenario.propose(FMX, "2026-03-04"), scenario.session(FMX, "2026-03-02")
    )
    assert scenario.findings(result, "D9")[0].severity is Severity.BLOCK


def test_d9_warns_more_than_8_days_apart_in_one_course(scenario: Scenario) -> None:
    first = scenario.session(FMX, "2026-03-02", course="c1")
    late = scenario.evaluate(scenario.propose(FMX, "2026-03-11", course="c1"), first)
    (finding,) = scenario.findings(late, "D9")
    assert finding.severity is Severity.WARN
    assert "given 3 days to 8 days apart" in finding.message
    on_time = scenario.evaluate(scenario.propose(FMX, "2026-03-10", course="c1"), first)
    assert on_time.findings == ()
    other_course = scenario.evaluate(scenario.propose(FMX, "2026-03-11", course="c2"), first)
    assert other_course.findings == ()


def test_d9_late_looks_at_the_next_dose_of_the_course(scenario: Scenario) -> None:
    second = scenario.session(FMX, "2026-03-20", course="c1")
    result = scenario.evaluate(scenario.propose(FMX, "2026-03-02", course="c1"), second)
    assert [f.severity for f in scenario.findings(result, "D9")] == [Severity.WARN]


# --- D9g --------------------------------------------------------------------------------------


def test_d9g_blocks_an_infusion_less_than_30_min_after_ferumoxytol(scenario: Scenario) -> None:
    # Ferumoxytol 09:00-10:15 (75 chair minutes); iron sucrose from 10:30.
    fmx = scenario.session(FMX, "2026-03-02", hour=9, session_id=60)
    result = scenario.evaluate(scenario.propose(SUCROSE, "2026-03-02", hour=10, minute=30), fmx)
    (finding,) = scenario.findings(result, "D9g")
    assert (finding.severity, finding.related_session_id) == (Severity.BLOCK, 60)
    assert finding.message.startswith(
        "This infusion starts 15 min after the Ferumoxytol session (2026-03-02 09:00-10:15, "
        "booked here) ends"
    )
    assert "Start at 10:45 or later" in finding.message
    at_45 = scenario.propose(SUCROSE, "2026-03-02", hour=10, minute=45)
    # Two irons the same day stay D14's business; D9g has nothing left to say.
    assert scenario.rule_ids(scenario.evaluate(at_45, fmx)) == {"D14"}


def test_d9g_from_the_ferumoxytol_side(scenario: Scenario) -> None:
    sucrose = scenario.session(SUCROSE, "2026-03-02", hour=10, minute=30)
    result = scenario.evaluate(scenario.propose(FMX, "2026-03-02", hour=9), sucrose)
    (finding,) = scenario.findings(result, "D9g")
    assert finding.message.startswith(
        "Iron sucrose (2026-03-02 10:30-11:30, booked here) starts 15 min after this "
        "Ferumoxytol session ends"
    )
    assert "Move it to 10:45 or later" in finding.message
    early = scenario.session(SUCROSE, "2026-03-02", hour=8)
    later = scenario.evaluate(scenario.propose(FMX, "2026-03-02", hour=9), early)
    assert scenario.rule_ids(later) == {"D14"}


def test_d9g_says_before_when_the_infusion_overlaps(scenario: Scenario) -> None:
    fmx = scenario.session(FMX, "2026-03-02", hour=9)
    result = scenario.evaluate(scenario.propose(FDI, "2026-03-02", hour=10), fmx)
    assert "This infusion starts before the Ferumoxytol session" in (
        scenario.findings(result, "D9g")[0].message
    )


def test_d9g_spares_non_reaction_prone_drugs_and_recorded_doses(scenario: Scenario) -> None:
    fmx = scenario.session(FMX, "2026-03-02", hour=9)
    dmab = scenario.evaluate(scenario.propose("denosumab", "2026-03-02", hour=10, minute=30), fmx)
    assert scenario.findings(dmab, "D9g") == []
    recorded = scenario.recorded(FMX, "2026-03-02")
    sucrose = scenario.propose(SUCROSE, "2026-03-02", hour=10)
    assert scenario.findings(scenario.evaluate(sucrose, recorded), "D9g") == []


def test_d9g_two_ferumoxytol_sessions_give_one_finding(scenario: Scenario) -> None:
    other = scenario.session(FMX, "2026-03-02", hour=9)
    result = scenario.evaluate(scenario.propose(FMX, "2026-03-02", hour=9), other)
    assert len(scenario.findings(result, "D9g")) == 1


# --- D6 ---------------------------------------------------------------------------------------


def test_d6_blocks_a_sixth_iron_sucrose_dose_within_14_days(scenario: Scenario) -> None:
    doses = [scenario.session(SUCROSE, date(2026, 3, 2) + timedelta(days=3 * i)) for i in range(5)]
    # Doses on 2, 5, 8, 11, 14 March; a sixth on 15 March lies within 2-15 March.
    result = scenario.evaluate(scenario.propose(SUCROSE, "2026-03-15"), *doses)
    (finding,) = scenario.findings(result, "D6")
    assert (finding.severity, finding.evidence) == (Severity.BLOCK, Evidence.LABEL)
    assert "6 Iron sucrose doses within 14 days (2026-03-02 to 2026-03-15)" in finding.message
    assert finding.related_session_id is None


def test_d6_allows_a_sixth_dose_on_day_15(scenario: Scenario) -> None:
    doses = [scenario.session(SUCROSE, date(2026, 3, 2) + timedelta(days=3 * i)) for i in range(5)]
    result = scenario.evaluate(scenario.propose(SUCROSE, "2026-03-16"), *doses)
    assert scenario.findings(result, "D6") == []
