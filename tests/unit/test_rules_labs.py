"""Lab rules: A7, A9, B5, C4 before doses; D13 after an iron course; D5 before a repeat FCM."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.findings import LabTiming
from clinic_app.domain.timeline import LabVisit
from tests.unit.conftest import Scenario

ZA = "zoledronic-acid"
FCM = "ferric-carboxymaltose"
DOSE_DAY = date(2026, 6, 15)
VITAMIN_D = frozenset({"vitamin-d"})


# --- A7 / B5 / C4 -----------------------------------------------------------------------------


def test_a7_creatinine_and_calcium_before_every_zoledronic_acid(scenario: Scenario) -> None:
    result = scenario.evaluate(scenario.propose(ZA, DOSE_DAY))
    (lab,) = scenario.labs(result, "A7")
    assert lab.tests == frozenset({"creatinine", "calcium"})
    assert lab.timing is LabTiming.BEFORE
    assert (lab.due_from, lab.due_to, lab.target) == (date(2026, 5, 16), date(2026, 6, 14), None)
    assert lab.label == "before Zoledronic acid"
    assert scenario.labs(scenario.evaluate(scenario.propose("denosumab", DOSE_DAY)), "A7") == []


def test_b5_creatinine_and_calcium_before_every_ibandronate(scenario: Scenario) -> None:
    previous = scenario.session("ibandronate", "2026-03-15")
    result = scenario.evaluate(scenario.propose("ibandronate", DOSE_DAY), previous)
    (lab,) = scenario.labs(result, "B5")
    assert lab.tests == frozenset({"creatinine", "calcium"})
    assert (lab.due_from, lab.due_to) == (date(2026, 5, 16), date(2026, 6, 14))
    assert scenario.labs(scenario.evaluate(scenario.propose(ZA, DOSE_DAY)), "B5") == []


def test_c4_calcium_before_every_denosumab(scenario: Scenario) -> None:
    result = scenario.evaluate(scenario.propose("denosumab", DOSE_DAY))
    (lab,) = scenario.labs(result, "C4")
    assert lab.tests == frozenset({"calcium"})
    assert (lab.due_from, lab.due_to) == (date(2026, 5, 16), date(2026, 6, 14))
    assert scenario.labs(scenario.evaluate(scenario.propose(ZA, DOSE_DAY)), "C4") == []


# --- A9 ---------------------------------------------------------------------------------------


def test_a9_vitamin_d_before_the_first_zoledronic_acid_here(scenario: Scenario) -> None:
    # An earlier dose elsewhere does not make this the second dose here; a recent lab does
    # not matter for a first dose.
    elsewhere = scenario.recorded(ZA, "2025-06-01")
    recent = LabVisit(date(2026, 3, 1), VITAMIN_D, completed=True)
    result = scenario.evaluate(scenario.propose(ZA, DOSE_DAY), elsewhere, labs=[recent])
    (lab,) = scenario.labs(result, "A9")
    assert lab.tests == VITAMIN_D
    assert (lab.due_from, lab.due_to) == (date(2026, 5, 16), date(2026, 6, 14))  # A7's window
    assert lab.label == "vitamin D before Zoledronic acid"


def test_a9_not_needed_after_a_session_here_with_a_recent_vitamin_d(scenario: Scenario) -> None:
    here = scenario.session(ZA, "2025-06-01")
    lab = LabVisit(date(2025, 6, 15), frozenset({"vitamin-d", "calcium"}), completed=True)
    result = scenario.evaluate(scenario.propose(ZA, DOSE_DAY), here, labs=[lab])
    assert scenario.labs(result, "A9") == []
    assert len(scenario.labs(result, "A7")) == 1


def test_a9_needed_when_the_vitamin_d_lab_is_more_than_12_months_old(scenario: Scenario) -> None:
    here = scenario.session(ZA, "2025-06-01")
    old = LabVisit(date(2025, 6, 14), VITAMIN_D, completed=True)  # + 12 months = 2026-06-14
    stale = scenario.evaluate(scenario.propose(ZA, DOSE_DAY), here, labs=[old])
    assert len(scenario.labs(stale, "A9")) == 1
    no_lab = scenario.evaluate(scenario.propose(ZA, DOSE_DAY), here)
    assert len(scenario.labs(no_lab, "A9")) == 1
    other_tests = LabVisit(date(2026, 3, 1), frozenset({"calcium"}))
    result = scenario.evaluate(scenario.propose(ZA, DOSE_DAY), here, labs=[other_tests])
    assert len(scenario.labs(result, "A9")) == 1


def test_a9_a_lab_inside_its_own_window_does_not_cancel_it(scenario: Scenario) -> None:
    # The draw booked for this requirement must not make the requirement disappear.
    here = scenario.session(ZA, "2025-06-01")
    own = LabVisit(date(2026, 6, 10), VITAMIN_D)
    result = scenario.evaluate(scenario.propose(ZA, DOSE_DAY), here, labs=[own])
    (lab,) = scenario.labs(result, "A9")
    assert lab.covers_day(own.day)


# --- D13 --------------------------------------------------------------------------------------


def test_d13_iron_status_after_a_single_dose_course(scenario: Scenario) -> None:
    result = scenario.evaluate(scenario.propose("ferric-derisomaltose", DOSE_DAY))
    (lab,) = scenario.labs(result, "D13")
    assert lab.tests == frozenset({"hemoglobin", "ferritin", "tsat"})
    assert lab.timing is LabTiming.AFTER
    assert (lab.due_from, lab.target, lab.due_to) == (
        date(2026, 7, 13),
        date(2026, 7, 20),
        date(2026, 7, 27),
    )
    assert lab.label == "end of iron course"


def test_d13_only_for_the_last_dose_of_the_course(scenario: Scenario) -> None:
    second = scenario.session(FCM, "2026-06-22", course="c1")
    first = scenario.evaluate(scenario.propose(FCM, DOSE_DAY, course="c1"), second)
    assert scenario.labs(first, "D13") == []
    earlier = scenario.session(FCM, "2026-06-08", course="c1")
    last = scenario.evaluate(scenario.propose(FCM, DOSE_DAY, course="c1"), earlier)
    assert len(scenario.labs(last, "D13")) == 1


def test_d13_not_for_antiresorptives(scenario: Scenario) -> None:
    assert scenario.labs(scenario.evaluate(scenario.propose("denosumab", DOSE_DAY)), "D13") == []


# --- D5 ---------------------------------------------------------------------------------------


def test_d5_phosphate_before_a_repeat_fcm_course_within_3_months(scenario: Scenario) -> None:
    previous = scenario.session(FCM, "2026-03-15", course="c1")
    result = scenario.evaluate(scenario.propose(FCM, DOSE_DAY, course="c2"), previous)
    (lab,) = scenario.labs(result, "D5")
    assert lab.tests == frozenset({"phosphate"})
    assert (lab.due_from, lab.due_to, lab.timing) == (
        date(2026, 6, 1),
        date(2026, 6, 14),
        LabTiming.BEFORE,
    )
    assert lab.label == "phosphate before repeat Ferric carboxymaltose course"


def test_d5_not_after_more_than_3_months(scenario: Scenario) -> None:
    previous = scenario.session(FCM, "2026-03-14", course="c1")  # + 3 months = 2026-06-14
    result = scenario.evaluate(scenario.propose(FCM, DOSE_DAY, course="c2"), previous)
    assert scenario.labs(result, "D5") == []


def test_d5_not_inside_one_course_nor_for_other_irons(scenario: Scenario) -> None:
    same_course = scenario.session(FCM, "2026-06-01", course="c1")
    second = scenario.evaluate(scenario.propose(FCM, DOSE_DAY, course="c1"), same_course)
    assert scenario.labs(second, "D5") == []
    fdi = scenario.session("ferric-derisomaltose", "2026-06-01")
    other = scenario.evaluate(scenario.propose("ferric-derisomaltose", DOSE_DAY), fdi)
    assert scenario.labs(other, "D5") == []


def test_d5_not_for_the_second_dose_of_a_repeat_course(scenario: Scenario) -> None:
    doses = (
        scenario.session(FCM, "2026-04-01", course="c1"),
        scenario.session(FCM, "2026-06-08", course="c2"),
    )
    result = scenario.evaluate(scenario.propose(FCM, DOSE_DAY, course="c2"), *doses)
    assert scenario.labs(result, "D5") == []
