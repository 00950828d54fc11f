"""E1: which antiresorptive exposures are active at a date, and the last/next dose look-ups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clinic_app.domain.catalog import Catalog, UnknownTherapyError
from clinic_app.domain.exposure import (
    active_exposures,
    describe_dose,
    last_dose_on_or_before,
    next_dose_after,
)
from clinic_app.domain.rule_calendar import Period
from clinic_app.domain.rule_parameters import RuleParameters, RuleParametersError
from clinic_app.domain.timeline import Dose, PatientTimeline
from tests.unit.conftest import Scenario

T = date(2026, 6, 15)


def exposed(scenario: Scenario, *doses: Dose, at: date = T) -> list[str]:
    """The reasons of the active exposures at ``at``."""
    timeline = PatientTimeline.of(doses)
    found = active_exposures(timeline, scenario.catalog, scenario.params.e1, at)
    return [e.reason for e in found]


def test_zoledronic_acid_within_24_months_counts_with_its_reason(scenario: Scenario) -> None:
    dose = scenario.recorded("zoledronic-acid", "2024-07-01", where="St Mary's")
    timeline = PatientTimeline.of([dose])
    (exposure,) = active_exposures(timeline, scenario.catalog, scenario.params.e1, T)
    assert exposure.reason == "Zoledronic acid on 2024-07-01, within 24 months"
    assert exposure.describe() == (
        "Zoledronic acid on 2024-07-01, within 24 months (given at St Mary's)"
    )
    assert (exposure.drug, exposure.day, exposure.after) == ("zoledronic-acid", dose.day, False)
    assert exposure.source == "given at St Mary's"
    assert exposure.dose is dose


def test_zoledronic_acid_counts_up_to_exactly_24_months(scenario: Scenario) -> None:
    assert exposed(scenario, scenario.session("zoledronic-acid", "2024-06-15")) == [
        "Zoledronic acid on 2024-06-15, within 24 months"
    ]
    assert exposed(scenario, scenario.session("zoledronic-acid", "2024-06-14")) == []


def test_ibandronate_counts_for_3_months(scenario: Scenario) -> None:
    assert exposed(scenario, scenario.session("ibandronate", "2026-03-15")) == [
        "Ibandronate IV on 2026-03-15, within 3 months"
    ]
    assert exposed(scenario, scenario.session("ibandronate", "2026-03-14")) == []


def test_denosumab_counts_for_6_months_and_4_weeks(scenario: Scenario) -> None:
    # 2025-11-17 + 6 months = 2026-05-17, + 4 weeks = 2026-06-14: one day short of T.
    assert exposed(scenario, scenario.recorded("denosumab", "2025-11-17")) == []
    assert exposed(scenario, scenario.recorded("denosumab", "2025-11-18")) == [
        "Denosumab on 2025-11-18, within 6 months + 4 weeks"
    ]


def test_an_ongoing_oral_bisphosphonate_counts(scenario: Scenario) -> None:
    dose = scenario.recorded("alendronate", "2019-01-01", where="GP surgery", ongoing=True)
    assert exposed(scenario, dose) == ["Alendronate (oral) ongoing since 2019-01-01"]


def test_a_stopped_oral_bisphosphonate_counts_for_12_months(scenario: Scenario) -> None:
    assert exposed(scenario, scenario.recorded("risedronate", "2025-06-15")) == [
        "Risedronate (oral) stopped 2025-06-15, within 12 months"
    ]
    assert exposed(scenario, scenario.recorded("risedronate", "2025-06-14")) == []


def test_a_dose_within_12_weeks_after_the_date_counts(scenario: Scenario) -> None:
    # T + 12 weeks = 2026-09-07.
    dose = scenario.session("denosumab", "2026-09-07")
    timeline = PatientTimeline.of([dose])
    (exposure,) = active_exposures(timeline, scenario.catalog, scenario.params.e1, T)
    assert exposure.after
    assert exposure.reason == "Denosumab on 2026-09-07, within 12 weeks after"
    assert exposed(scenario, scenario.session("denosumab", "2026-09-08")) == []


def test_an_oral_bisphosphonate_started_soon_after_counts(scenario: Scenario) -> None:
    dose = scenario.recorded("oral-ibandronate", "2026-07-01", ongoing=True)
    assert exposed(scenario, dose) == ["Ibandronate (oral) from 2026-07-01, within 12 weeks after"]


def test_iron_is_not_an_exposure_and_exposures_come_by_day(scenario: Scenario) -> None:
    doses = (
        scenario.session("denosumab", "2026-06-01"),
        scenario.session("ferric-carboxymaltose", "2026-06-10"),
        scenario.recorded("zoledronic-acid", "2025-01-01"),
    )
    assert exposed(scenario, *doses) == [
        "Zoledronic acid on 2025-01-01, within 24 months",
        "Denosumab on 2026-06-01, within 6 months + 4 weeks",
    ]


def test_a_dose_on_the_day_itself_counts(scenario: Scenario) -> None:
    assert exposed(scenario, scenario.session("ibandronate", T)) == [
        "Ibandronate IV on 2026-06-15, within 3 months"
    ]


def test_an_unknown_drug_is_an_error(scenario: Scenario) -> None:
    with pytest.raises(UnknownTherapyError):
        exposed(scenario, scenario.recorded("romosozumab", "2026-01-01"))


def test_an_antiresorptive_without_a_period_is_a_parameter_error(
    scenario: Scenario, params: RuleParameters
) -> None:
    e1 = replace(params.e1, lookback={"zoledronic-acid": Period(months=24)})
    timeline = PatientTimeline.of([scenario.recorded("denosumab", "2026-06-01")])
    with pytest.raises(RuleParametersError, match=r"rules\.E1: 'lookback' has no period"):
        active_exposures(timeline, scenario.catalog, e1, T)


def test_a_clinic_setting_of_36_months_extends_zoledronic_acid(
    scenario: Scenario, params: RuleParameters
) -> None:
    e1 = params.with_overrides({"E1": {"lookback": {"zoledronic-acid": {"months": 36}}}}).e1
    timeline = PatientTimeline.of([scenario.session("zoledronic-acid", "2023-07-01")])
    assert [e.reason for e in active_exposures(timeline, scenario.catalog, e1, T)] == [
        "Zoledronic acid on 2023-07-01, within 36 months"
    ]


# --- last and next dose -----------------------------------------------------------------------


@pytest.fixture
def history(scenario: Scenario) -> PatientTimeline:
    return PatientTimeline.of(
        [
            scenario.recorded("zoledronic-acid", "2024-01-10"),
            scenario.session("denosumab", "2026-01-05"),
            scenario.session("ferric-carboxymaltose", "2026-06-20"),
            scenario.session("denosumab", "2026-07-05"),
            scenario.session("denosumab", "2027-01-05"),
        ]
    )


def test_last_dose_on_or_before(history: PatientTimeline, catalog: Catalog) -> None:
    last = last_dose_on_or_before(history, catalog, T)
    assert last is not None and last.day == date(2026, 1, 5)
    only_za = last_dose_on_or_before(history, catalog, T, "zoledronic-acid")
    assert only_za is not None and only_za.day == date(2024, 1, 10)
    assert last_dose_on_or_before(history, catalog, date(2020, 1, 1)) is None


def test_an_ongoing_oral_is_the_latest_dose(scenario: Scenario, catalog: Catalog) -> None:
    timeline = PatientTimeline.of(
        [
            scenario.recorded("alendronate", "2020-01-01", ongoing=True),
            scenario.session("denosumab", "2026-01-05"),
        ]
    )
    last = last_dose_on_or_before(timeline, catalog, T)
    assert last is not None and last.drug == "alendronate"


def test_next_dose_after_skips_iron(history: PatientTimeline, catalog: Catalog) -> None:
    upcoming = next_dose_after(history, catalog, T)
    assert upcoming is not None and upcoming.day == date(2026, 7, 5)
    assert next_dose_after(history, catalog, T, "zoledronic-acid") is None
    later = next_dose_after(history, catalog, date(2026, 7, 5), "denosumab")
    assert later is not None and later.day == date(2027, 1, 5)


def test_describe_dose_says_where(scenario: Scenario, catalog: Catalog) -> None:
    assert describe_dose(scenario.session("denosumab", "2026-01-05"), catalog) == (
        "Denosumab on 2026-01-05 (booked here)"
    )
    assert describe_dose(scenario.recorded("alendronate", "2025-09-01", where=""), catalog) == (
        "Alendronate (oral) last taken 2025-09-01 (given elsewhere)"
    )
    ongoing = scenario.recorded("alendronate", "2024-05-01", where="GP surgery", ongoing=True)
    assert describe_dose(ongoing, catalog) == (
        "Alendronate (oral) ongoing since 2024-05-01 (given at GP surgery)"
    )
