"""Rule parameters: the shipped numbers, validation errors, overrides, the file, display."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clinic_app.domain.catalog import Catalog
from clinic_app.domain.findings import Evidence, LabTiming, Severity
from clinic_app.domain.rule_calendar import Period, add_months, describe_gap
from clinic_app.domain.rule_parameters import (
    RULE_IDS,
    FollowUpDay,
    LabAfter,
    LabBefore,
    RuleParameters,
    RuleParametersError,
    RulesFileError,
    describe_rules,
    load_rules_file,
)
from clinic_app.domain.timeline import Regimen

RULES_FILE = Path(__file__).parents[2] / "resources" / "clinical_rules.toml"


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    """The parsed shipped file."""
    with RULES_FILE.open("rb") as stream:
        return tomllib.load(stream)


def rules_with(raw: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """A deep copy of the shipped [rules] part with ``change`` applied."""
    data = copy.deepcopy(raw["rules"])
    change(data)
    return data


def refused(data: dict[str, Any]) -> str:
    """The message of the RuleParametersError that ``data`` raises."""
    with pytest.raises(RuleParametersError) as caught:
        RuleParameters.from_mapping(data)
    return str(caught.value)


# --- the shipped numbers are those of the rules file ------------------------------------------


def test_every_rule_id_of_the_rules_file_has_parameters(params: RuleParameters) -> None:
    assert [p.info.rule_id for p in params.rules()] == list(RULE_IDS)
    assert len(RULE_IDS) == 35


def test_e1_exposure_periods(params: RuleParameters) -> None:
    assert params.e1.lookback == {
        "zoledronic-acid": Period(months=24),
        "ibandronate": Period(months=3),
        "denosumab": Period(months=6, weeks=4),
    }
    assert params.e1.oral_bisphosphonate_stopped == Period(months=12)
    assert params.e1.after == Period(weeks=12)
    assert params.e1.info.evidence is Evidence.UNSOURCED


def test_cotherapy_numbers(params: RuleParameters) -> None:
    assert params.e2.severity is Severity.WARN
    assert params.e2.escalated_severity is Severity.BLOCK
    assert params.e2.escalate_for == ("ferric-carboxymaltose",)
    assert params.e2.severity_for("ferric-carboxymaltose") is Severity.BLOCK
    assert params.e2.severity_for("ferumoxytol") is Severity.WARN
    assert (params.e3.severity, params.e3.window) == (Severity.BLOCK, Period(weeks=12))
    assert params.e4.severity is Severity.HARD
    assert params.e5.labs == LabBefore(
        ("calcium", "phosphate", "magnesium", "creatinine", "vitamin-d"), 14, 1
    )
    assert params.e6.tests == ("calcium", "phosphate", "magnesium", "creatinine")
    assert params.e6.follow_up == (
        FollowUpDay(7, 2),
        FollowUpDay(21, 3),
        FollowUpDay(49, 7),
        FollowUpDay(77, 7),
    )
    assert params.e6.windows()[0][1] == LabAfter(params.e6.tests, 5, 9, 7)
    assert params.e7.severity is Severity.BLOCK
    assert params.e7.window == Period(weeks=12)
    assert params.e7.before == LabBefore(("calcium", "phosphate"), 14, 1)
    assert params.e7.after == LabAfter(("calcium", "phosphate", "magnesium"), 10, 14, 12)


def test_interval_numbers(params: RuleParameters) -> None:
    assert params.a3.interval_for(Regimen.TREATMENT) == Period(months=11)
    assert params.a3.interval_for(None) == Period(months=11)
    assert params.a3.interval_for(Regimen.PREVENTION) == Period(months=23)
    assert (params.a3w.warn_from, params.a3w.warn_until) == (Period(months=11), Period(months=12))
    assert (params.b2.drug, params.b2.min_interval) == ("ibandronate", Period(months=3))
    assert params.b9.active == {
        "zoledronic-acid": Period(months=12),
        "ibandronate": Period(months=3),
    }
    assert (params.c3.severity, params.c3.min_interval) == (Severity.WARN, Period(months=5))
    assert params.c2.max_interval == Period(months=6, weeks=2)
    assert (params.c8.min_interval, params.c8.max_interval) == (
        Period(months=5),
        Period(months=7),
    )
    assert (params.c8.drug, params.c8.after_drug) == ("zoledronic-acid", "denosumab")
    assert (params.d2.drug, params.d2.min_interval) == ("ferric-carboxymaltose", Period(days=7))
    assert (params.d8.drug, params.d8.min_interval) == ("ferric-derisomaltose", Period(days=7))
    assert (params.d9.min_interval, params.d9.max_interval) == (Period(days=3), Period(days=8))
    assert (params.d9.severity, params.d9.late_severity) == (Severity.BLOCK, Severity.WARN)
    assert (params.d9g.drug, params.d9g.gap_minutes) == ("ferumoxytol", 30)
    assert (params.d6.max_doses, params.d6.window_days) == (5, 14)


def test_lab_numbers(params: RuleParameters) -> None:
    assert params.d5.lookback == Period(months=3)
    assert params.d5.labs == LabBefore(("phosphate",), 14, 1)
    assert params.a7.labs == LabBefore(("creatinine", "calcium"), 30, 1)
    assert (params.a9.tests, params.a9.recency) == (("vitamin-d",), Period(months=12))
    assert params.b5.labs == LabBefore(("creatinine", "calcium"), 30, 1)
    assert params.c4.labs == LabBefore(("calcium",), 30, 1)
    assert params.d13.labs == LabAfter(("hemoglobin", "ferritin", "tsat"), 28, 42, 35)


def test_evidence_status_follows_the_rules_file(params: RuleParameters) -> None:
    expected = {"B2": "L", "C2": "S", "C8": "P", "D2": "L", "D9g": "L", "A3": "U", "B9": "U"}
    assert {rid: params.rule(rid).info.evidence.value for rid in expected} == expected
    assert all(p.info.source for p in params.rules())


def test_open_points_are_the_four_of_section_6(params: RuleParameters) -> None:
    assert len(params.open_points) == 4
    assert "12-week and 24-month windows are syntheses" in params.open_points[0].text
    assert params.open_points[0].rules == ("E1", "E3", "E7")


def test_rule_lookup_refuses_an_unknown_id(params: RuleParameters) -> None:
    assert params.rule("D9g") is params.d9g
    with pytest.raises(KeyError):
        params.rule("Z1")


# --- validation -------------------------------------------------------------------------------


def test_the_brief_example_error_names_rule_and_key(raw: dict[str, Any]) -> None:
    data = rules_with(raw, lambda d: d["E6"].update(follow_up_days=[7, "21"]))
    message = refused(data)
    assert message.startswith("rules.E6: 'follow_up_days' must be")


@pytest.mark.parametrize(
    ("rule", "key", "value", "expected"),
    [
        ("E3", "window", {"weeks": -1}, "rules.E3: 'window' must be a table of months"),
        ("E3", "window", {"fortnights": 6}, "rules.E3: 'window' must be a table of months"),
        ("E3", "window", {"weeks": 0}, "rules.E3: 'window' must be a table of months"),
        ("E3", "window", 12, "rules.E3: 'window' must be a table of months"),
        ("E3", "window", {"weeks": True}, "rules.E3: 'window' must be a table of months"),
        ("E3", "severity", "STOP", "rules.E3: 'severity' must be one of HARD, BLOCK"),
        ("E3", "evidence", "X", "rules.E3: 'evidence' must be one of L, P, S, U"),
        ("E3", "title", "", "rules.E3: 'title' must be a non-empty text"),
        ("E5", "tests", [], "rules.E5: 'tests' must name at least one test"),
        ("E5", "tests", ["calcium", "calcium"], "rules.E5: 'tests' must be a list of distinct"),
        ("E5", "tests", ["sodium"], "rules.E5: 'tests' names unknown test 'sodium'"),
        ("E5", "from_days_before", 0, "rules.E5: 'from_days_before' must be >= 'to_days_before'"),
        ("E5", "to_days_before", -1, "rules.E5: 'to_days_before' must be a whole number >= 0"),
        ("D13", "to_days_after", 20, "rules.D13: 'to_days_after' must be >= 'from_days_after'"),
        ("E6", "follow_up_days", [], "rules.E6: 'follow_up_days' must be a non-empty list"),
        ("E6", "follow_up_tolerance_days", 3, "rules.E6: 'follow_up_tolerance_days' must be"),
        ("E6", "follow_up_tolerance_days", [2, 3], "one entry per follow-up day (4), got 2"),
        ("E6", "follow_up_tolerance_days", [7, 3, 7, 7], "± 7 around day 7 reaches the dose"),
        ("E1", "lookback", {}, "rules.E1: 'lookback' must be a non-empty table"),
        ("E1", "lookback", {"denosumab": {"years": 1}}, "rules.E1: 'lookback.denosumab' must"),
        ("B9", "active", {"ibandronate": {"months": 3}}, "rules.B9: 'active' must list at least"),
        ("E2", "escalate_for", "ferric-carboxymaltose", "rules.E2: 'escalate_for' must be a list"),
        ("D9g", "gap_minutes", 0, "rules.D9g: 'gap_minutes' must be a whole number >= 1"),
        ("D6", "max_doses", 2.5, "rules.D6: 'max_doses' must be a whole number >= 1"),
        ("D6", "max_doses", 10**12, "rules.D6: 'max_doses' must be a whole number >= 1 and <="),
        ("D9g", "gap_minutes", 10**4000, "rules.D9g: 'gap_minutes' must be a whole number"),
        ("E3", "window", {"weeks": 10**12}, "rules.E3: 'window' must be a table of months"),
        ("E3", "window", {"months": 1201}, "at most a century in all"),
        ("E3", "window", {"months": 1200, "days": 1}, "at most a century in all"),
        ("E6", "follow_up_days", [7, 10**9], "rules.E6: 'follow_up_days' must be a non-empty"),
        ("D13", "folow_up", 1, "rules.D13: 'folow_up' is not a setting of this rule"),
    ],
)
def test_a_bad_value_names_the_rule_and_the_key(
    raw: dict[str, Any], rule: str, key: str, value: object, expected: str
) -> None:
    data = rules_with(raw, lambda d: d[rule].__setitem__(key, value))
    assert expected in refused(data)


def test_a_missing_key_is_named(raw: dict[str, Any]) -> None:
    data = rules_with(raw, lambda d: d["C2"].pop("max_interval"))
    assert refused(data) == "rules.C2: 'max_interval' is missing"


def test_a_missing_rule_table_is_named(raw: dict[str, Any]) -> None:
    data = rules_with(raw, lambda d: d.pop("A9"))
    assert refused(data) == "rules.A9: the table is missing"


def test_a_rule_that_is_not_a_table_is_refused(raw: dict[str, Any]) -> None:
    data = rules_with(raw, lambda d: d.__setitem__("E4", "HARD"))
    assert refused(data) == "rules.E4: must be a table of settings"


def test_an_unknown_rule_id_is_refused(raw: dict[str, Any]) -> None:
    data = rules_with(raw, lambda d: d.__setitem__("Z9", {}))
    assert refused(data) == "rules: 'Z9' is not a rule id or a setting"


@pytest.mark.parametrize("codes", [None, [], ["calcium", "calcium"], ["calcium", 3]])
def test_bad_test_codes_are_refused(raw: dict[str, Any], codes: object) -> None:
    data = rules_with(raw, lambda d: d.__setitem__("test_codes", codes))
    assert refused(data).startswith("rules: 'test_codes' must be a non-empty list")


def test_rules_must_be_a_table() -> None:
    with pytest.raises(RuleParametersError, match="rules: must be a table"):
        RuleParameters.from_mapping(["not", "a", "table"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ({"text": "x"}, "rules.open_points: must be a list of tables"),
        (["x"], "rules.open_points[1]: must be a table"),
        ([{"text": ""}], "rules.open_points[1]: 'text' must be a non-empty text"),
        ([{"text": "x", "rules": ["Q1"]}], "rules.open_points[1]: 'rules' must be a list"),
        ([{"text": "x", "owner": "me"}], "rules.open_points[1]: 'owner' is not a setting"),
    ],
)
def test_bad_open_points_are_refused(raw: dict[str, Any], points: object, expected: str) -> None:
    data = rules_with(raw, lambda d: d.__setitem__("open_points", points))
    assert refused(data).startswith(expected)


def test_open_points_are_optional(raw: dict[str, Any]) -> None:
    data = rules_with(raw, lambda d: d.pop("open_points"))
    assert RuleParameters.from_mapping(data).open_points == ()


# --- checks against the catalog ---------------------------------------------------------------


def checked(data: dict[str, Any], catalog: Catalog) -> str:
    params = RuleParameters.from_mapping(data)
    with pytest.raises(RuleParametersError) as caught:
        params.check_against(catalog)
    return str(caught.value)


def test_a_drug_code_the_catalog_lacks_is_refused(raw: dict[str, Any], catalog: Catalog) -> None:
    data = rules_with(raw, lambda d: d["C8"].__setitem__("after_drug", "prolia"))
    assert checked(data, catalog) == (
        "rules.C8: 'after_drug' is 'prolia', which is not a catalog code"
    )


def test_escalation_must_name_an_iron(raw: dict[str, Any], catalog: Catalog) -> None:
    data = rules_with(raw, lambda d: d["E2"].__setitem__("escalate_for", ["denosumab"]))
    assert "rules.E2: 'escalate_for' names 'denosumab'" in checked(data, catalog)


def test_exposure_periods_must_name_antiresorptives(raw: dict[str, Any], catalog: Catalog) -> None:
    data = rules_with(raw, lambda d: d["B9"]["active"].__setitem__("ferumoxytol", {"days": 1}))
    assert "rules.B9: 'active' names 'ferumoxytol'" in checked(data, catalog)
    data = rules_with(raw, lambda d: d["E1"]["lookback"].__setitem__("x-drug", {"days": 1}))
    assert "rules.E1: 'lookback' names 'x-drug'" in checked(data, catalog)


def test_every_injectable_antiresorptive_needs_an_exposure_period(
    raw: dict[str, Any], catalog: Catalog
) -> None:
    data = rules_with(raw, lambda d: d["E1"]["lookback"].pop("ibandronate"))
    assert checked(data, catalog) == (
        "rules.E1: 'lookback' has no period for antiresorptive 'ibandronate'"
    )


# --- per-clinic overrides ---------------------------------------------------------------------


def test_an_override_replaces_a_key_and_is_marked(params: RuleParameters) -> None:
    changed = params.with_overrides({"E6": {"follow_up_days": [7, 21, 49, 84]}})
    assert [d.day for d in changed.e6.follow_up] == [7, 21, 49, 84]
    assert changed.e5 == params.e5
    assert changed.overridden == frozenset({"E6"})
    assert params.overridden == frozenset()


def test_a_lookback_override_merges_by_drug(params: RuleParameters) -> None:
    # "clinics may set 36": changing zoledronic acid keeps the other drugs' periods.
    changed = params.with_overrides({"E1": {"lookback": {"zoledronic-acid": {"months": 36}}}})
    assert changed.e1.lookback["zoledronic-acid"] == Period(months=36)
    assert changed.e1.lookback["denosumab"] == Period(months=6, weeks=4)


def test_a_period_override_replaces_the_whole_period(params: RuleParameters) -> None:
    changed = params.with_overrides({"E3": {"window": {"months": 3}}})
    assert changed.e3.window == Period(months=3)


def test_overrides_stack_and_unchanged_values_are_not_marked(params: RuleParameters) -> None:
    first = params.with_overrides({"E3": {"window": {"weeks": 16}}})
    both = first.with_overrides({"A3": {"severity": "BLOCK"}, "C3": {"severity": "BLOCK"}})
    assert both.overridden == frozenset({"E3", "C3"})
    assert both.e3.window == Period(weeks=16)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"E6": {"follow_up_days": "weekly"}}, "rules.E6: 'follow_up_days' must be"),
        ({"E6": {"follow_up_dayz": [7]}}, "rules.E6: 'follow_up_dayz' is not a setting"),
        ({"Z1": {"severity": "WARN"}}, "rules.Z1: no such rule to override"),
        ({"E4": "WARN"}, "rules.E4: an override must be a table"),
        ({"open_points": []}, "rules.open_points: no such rule to override"),
    ],
)
def test_a_bad_override_is_refused_like_a_bad_file(
    params: RuleParameters, overrides: dict[str, Any], expected: str
) -> None:
    with pytest.raises(RuleParametersError) as caught:
        params.with_overrides(overrides)
    assert str(caught.value).startswith(expected)


def test_overrides_must_be_a_table(params: RuleParameters) -> None:
    with pytest.raises(RuleParametersError, match="overrides must be a table"):
        params.with_overrides([("E3", {})])  # type: ignore[arg-type]


# --- the file ---------------------------------------------------------------------------------


def test_load_rules_file_returns_catalog_and_parameters() -> None:
    catalog, params = load_rules_file(str(RULES_FILE))
    assert "ferumoxytol" in catalog
    assert params.e3.window == Period(weeks=12)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(RulesFileError) as caught:
        load_rules_file(missing)
    assert str(caught.value).startswith(f"{missing}: cannot be read")
    assert caught.value.path == missing


def test_broken_toml_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "rules.toml"
    broken.write_text("[rules\nE3 = 1\n", encoding="utf-8")
    with pytest.raises(RulesFileError, match=r"rules\.toml: is not valid TOML"):
        load_rules_file(broken)


def test_a_file_without_rules_is_named(tmp_path: Path) -> None:
    text = RULES_FILE.read_text(encoding="utf-8")
    partial = tmp_path / "rules.toml"
    partial.write_text(text[: text.index("[rules]")], encoding="utf-8")
    with pytest.raises(RulesFileError, match=r"rules\.toml: has no \[rules\] table"):
        load_rules_file(partial)


def test_bad_data_in_the_file_names_file_rule_and_key(tmp_path: Path) -> None:
    text = RULES_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "rules.toml"
    bad.write_text(text.replace("gap_minutes = 30", "gap_minutes = -30"), encoding="utf-8")
    with pytest.raises(RulesFileError) as caught:
        load_rules_file(bad)
    assert str(caught.value) == (
        f"{bad}: rules.D9g: 'gap_minutes' must be a whole number >= 1 and <= 36525, got -30"
    )


# --- display ----------------------------------------------------------------------------------


def test_describe_rules_lists_every_rule_in_file_order(params: RuleParameters) -> None:
    described = describe_rules(params)
    assert [d.rule_id for d in described] == list(RULE_IDS)
    by_id = {d.rule_id: d for d in described}
    assert by_id["E1"].severity == "-"
    assert by_id["E4"].severity == "HARD"
    assert by_id["E5"].severity == "AUTO-LAB"
    assert by_id["E1"].parameters[0] == (
        "lookback: zoledronic-acid 24 months; ibandronate 3 months; denosumab 6 months + 4 weeks"
    )
    assert "follow_up: day 7 ± 2, day 21 ± 3, day 49 ± 7, day 77 ± 7" in by_id["E6"].parameters
    assert "escalate_for: ferric-carboxymaltose" in by_id["E2"].parameters
    assert "after: calcium, phosphate, magnesium: day 10 to 14 after (aim day 12)" in (
        by_id["E7"].parameters
    )
    assert by_id["D9g"].parameters == ("drug: ferumoxytol", "gap_minutes: 30")
    assert by_id["B2"].evidence_text == "L (drug label / SmPC)"


def test_description_text_shows_source_and_clinic_changes(params: RuleParameters) -> None:
    changed = params.with_overrides({"E2": {"escalate_for": []}})
    text = {d.rule_id: d for d in describe_rules(changed)}["E2"].as_text()
    assert text.splitlines()[0] == (
        "E2 IV iron while on antiresorptive therapy - WARN [changed for this clinic]"
    )
    assert "source: Double Trouble case series" in text
    assert "escalate_for: (none)" in text


# --- lab windows and calendar helpers ---------------------------------------------------------


def test_a_before_window_has_no_target() -> None:
    lab = LabBefore(("calcium",), 30, 1).requirement("A7", date(2026, 3, 31), "before")
    assert (lab.due_from, lab.due_to, lab.target) == (date(2026, 3, 1), date(2026, 3, 30), None)
    assert lab.timing is LabTiming.BEFORE


def test_an_after_window_aims_at_its_target() -> None:
    lab = LabAfter(("tsat",), 28, 42, 35).requirement("D13", date(2026, 1, 1), "end")
    assert (lab.due_from, lab.target, lab.due_to) == (
        date(2026, 1, 29),
        date(2026, 2, 5),
        date(2026, 2, 12),
    )
    assert lab.timing is LabTiming.AFTER


def test_periods_use_calendar_months_then_weeks() -> None:
    assert Period(months=3).after(date(2026, 1, 31)) == date(2026, 4, 30)
    assert Period(months=1).after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert Period(months=12).after(date(2028, 2, 29)) == date(2029, 2, 28)
    assert Period(months=6, weeks=4).after(date(2026, 1, 31)) == date(2026, 8, 28)
    assert add_months(date(2026, 3, 31), 11) == date(2027, 2, 28)
    assert Period(months=1, weeks=1, days=2).describe() == "1 month + 1 week + 2 days"
    assert Period().describe() == "0 days"


def test_gaps_read_in_days_then_months() -> None:
    assert describe_gap(date(2026, 1, 1), date(2026, 1, 2)) == "1 day"
    assert describe_gap(date(2026, 2, 28), date(2026, 1, 1)) == "58 days"
    assert describe_gap(date(2026, 1, 1), date(2026, 3, 1)) == "2 months"
    assert describe_gap(date(2026, 1, 1), date(2027, 1, 4)) == "12 months 3 days"
    assert describe_gap(date(2026, 1, 1), date(2026, 4, 2)) == "3 months 1 day"
    assert describe_gap(date(2026, 1, 1), date(2026, 1, 4), in_weeks=True) == "3 days"
    assert describe_gap(date(2026, 1, 1), date(2026, 3, 12), in_weeks=True) == "10 weeks"
    assert describe_gap(date(2026, 1, 9), date(2026, 1, 1), in_weeks=True) == "1 week 1 day"
